// tesseract.js 7 with the chi_sim LSTM model from @tesseract.js-data/chi_sim, entirely offline: the
// model and the wasm core come from node_modules, and nothing is cached to disk.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';
import type { Glyph, OcrBox, OcrEngine } from './types.js';

const require = createRequire(import.meta.url);

export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';
  readonly dpi: number;
  readonly lowConfidence = 0.6;
  #scheduler: Promise<Tesseract.Scheduler> | null = null;

  /** `workers`: tesseract.js recognises one image at a time per worker thread. 150 dpi: CER 1.4%
   *  and 76/82 numbers on seed pages 1–3, against 2.0% and 69/82 at 300 (bench-ocr --dpi-sweep). */
  constructor(
    readonly workers: number,
    dpi = 150,
  ) {
    this.dpi = dpi;
  }

  async #start(): Promise<Tesseract.Scheduler> {
    // The 1.7 MB best_int model: faster to load and better here than the package's default 20 MB one.
    const langPath = join(dirname(require.resolve('@tesseract.js-data/chi_sim')), '4.0.0_best_int');
    const scheduler = Tesseract.createScheduler();
    const started = await Promise.allSettled(
      Array.from({ length: Math.max(1, this.workers) }, () =>
        Tesseract.createWorker('chi_sim', Tesseract.OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' }),
      ),
    );
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    const workers = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    if (failed) {
      // Workers that did start keep the process alive: end them, and let the next page try again.
      await Promise.allSettled(workers.map((w) => w.terminate()));
      throw failed.reason;
    }
    for (const w of workers) {
      await w.setParameters({ user_defined_dpi: String(this.dpi) });
      scheduler.addWorker(w);
    }
    return scheduler;
  }

  async recognize(png: Buffer): Promise<OcrBox[]> {
    const scheduler = await (this.#scheduler ??= this.#start().catch((err) => {
      this.#scheduler = null; // a failed start is not cached: the next page tries again
      throw err;
    }));
    const { data } = await scheduler.addJob('recognize', png, {}, { blocks: true, text: false });
    const boxes: OcrBox[] = [];
    for (const block of data.blocks ?? [])
      for (const para of block.paragraphs)
        for (const line of para.lines)
          for (const word of line.words) {
            const glyphs = percentArtifacts(word.symbols.map((s) => ({ ch: s.text, confidence: s.confidence / 100, x: (s.bbox.x0 + s.bbox.x1) / 2 })));
            const { x0, y0, x1, y1 } = word.bbox;
            const text = glyphs.length ? glyphs.map((g) => g.ch).join('') : word.text;
            if (text.trim()) boxes.push({ text, confidence: word.confidence / 100, box: { x0, y0, x1, y1 }, glyphs });
          }
    return boxes;
  }

  async close(): Promise<void> {
    const s = this.#scheduler;
    this.#scheduler = null;
    // The worker threads keep the process alive until terminated.
    if (s) await s.then((x) => x.terminate(), () => {});
  }
}

/** chi_sim reads a printed % as "9%6", "%6" or "96" (on the seed: 10% → 109%4, 21% → 219%6). A digit right
 *  after % is the sign's right half (no number follows a percent sign inside a word): dropped. A 9 right
 *  before % may be its left half: kept, but with no confidence, so the number is reported uncertain. */
export function percentArtifacts(glyphs: Glyph[]): Glyph[] {
  const out: Glyph[] = [];
  for (const g of glyphs) {
    const prev = out[out.length - 1];
    if (prev?.ch === '%' && /^[0-9]$/.test(g.ch)) continue;
    if (g.ch === '%' && prev?.ch === '9') out[out.length - 1] = { ...prev, confidence: 0 };
    out.push(g);
  }
  return out;
}
