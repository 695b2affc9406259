// OCR benchmark (not run in CI): pages 1–3 of the scanned seed through each engine, scored against the
// text layer of the same pages of the text PDF; and the native `tesseract` command (Debian's
// tesseract-ocr + tesseract-ocr-chi-sim) on the same page images, for the speed ratio.
//   npx tsx scripts/bench-ocr.ts [--pages 1,2,3] [--dpi-sweep]
// Wall seconds depend on what else runs on the machine: CPU seconds (all threads) are printed too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { cleanGlyphs } from '../src/ingest/ocr/clean.js';
import { buildLines, toPoints } from '../src/ingest/ocr/lines.js';
import { PaddleEngine } from '../src/ingest/ocr/paddle.js';
import { renderPage } from '../src/ingest/ocr/render.js';
import { cer, numbersRead, textLayer } from '../src/ingest/ocr/score.js';
import { TesseractEngine } from '../src/ingest/ocr/tesseract.js';
import type { OcrEngine } from '../src/ingest/ocr/types.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const seed = (n: string) => join(shared, 'seed', n);
const arg = (name: string) => process.argv.find((a, i) => process.argv[i - 1] === name);
const pages = (arg('--pages') ?? '1,2,3').split(',').map(Number);
const sweep = process.argv.includes('--dpi-sweep');

const open = async (f: string) => (await getDocument({ data: new Uint8Array(await readFile(f)), isEvalSupported: false, verbosity: 0 }).promise) as unknown as PDFDocumentProxy;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Row {
  engine: string;
  dpi: number;
  init: number;
  render: number;
  recognise: number;
  cpu: number;
  cer: number;
  numbers: string;
}

async function runEngine(engine: OcrEngine, scan: PDFDocumentProxy, truths: string[]): Promise<Row> {
  // The first call loads the models (once per process): timed apart from the pages.
  const warm = await renderPage(scan, pages[0]!, engine.dpi);
  let t = performance.now();
  await engine.recognize(warm.png);
  const init = (performance.now() - t) / 1000;
  let render = 0;
  let recognise = 0;
  let read = 0;
  let total = 0;
  let errs = 0;
  let chars = 0;
  const c0 = cpu();
  for (const [i, p] of pages.entries()) {
    t = performance.now();
    const { png, scale } = await renderPage(scan, p, engine.dpi);
    render += performance.now() - t;
    t = performance.now();
    const lines = buildLines(toPoints(await engine.recognize(png), scale));
    recognise += performance.now() - t;
    const text = lines.map((l) => l.raw).join('\n');
    const truth = truths[i]!;
    const n = numbersRead(text, truth);
    read += n.read;
    total += n.total;
    const len = truth.replace(/\s/g, '').length;
    errs += cer(text, truth) * len;
    chars += len;
  }
  return {
    engine: engine.name,
    dpi: engine.dpi,
    init,
    render: render / 1000 / pages.length,
    recognise: recognise / 1000 / pages.length,
    cpu: (cpu() - c0) / pages.length,
    cer: errs / chars,
    numbers: `${read}/${total}`,
  };
}

/** Debian's tesseract on the same images pdf.js renders for tesseract.js, cleaned the same way. */
async function runNative(scan: PDFDocumentProxy, truths: string[], dpi: number): Promise<Row | null> {
  if (spawnSync('tesseract', ['--version']).status !== 0) return null;
  const dir = await mkdtemp(join(tmpdir(), 'bench-ocr-'));
  const timed = existsSync('/usr/bin/time');
  let wall = 0;
  let cpuSec = 0;
  let read = 0;
  let total = 0;
  let errs = 0;
  let chars = 0;
  try {
    for (const [i, p] of pages.entries()) {
      const png = join(dir, `p${p}.png`);
      await writeFile(png, (await renderPage(scan, p, dpi)).png);
      const args = ['tesseract', png, 'stdout', '-l', 'chi_sim', '--dpi', String(dpi)];
      const t = performance.now();
      // One thread, like one tesseract.js worker: OpenMP's spinning threads only burn CPU on 2 cores.
      const opts = { encoding: 'utf8' as const, env: { ...process.env, OMP_THREAD_LIMIT: '1' } };
      const r = timed ? spawnSync('/usr/bin/time', ['-f', '%U %S', ...args], opts) : spawnSync(args[0]!, args.slice(1), opts);
      wall += performance.now() - t;
      if (timed) {
        const [u = 0, s = 0] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
        cpuSec += u + s;
      }
      const text = r.stdout
        .split('\n')
        .map((l) => cleanGlyphs([...l].map((ch, k) => ({ ch, confidence: 1, x: k }))).map((g) => g.ch).join(''))
        .join('\n');
      const truth = truths[i]!;
      const n = numbersRead(text, truth);
      read += n.read;
      total += n.total;
      const len = truth.replace(/\s/g, '').length;
      errs += cer(text, truth) * len;
      chars += len;
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { engine: 'native tesseract 5 (CLI)', dpi, init: 0, render: 0, recognise: wall / 1000 / pages.length, cpu: timed ? cpuSec / pages.length : NaN, cer: errs / chars, numbers: `${read}/${total}` };
}

const scan = await open(seed('000_37d039dcb8ad6afc-scanned.pdf'));
const text = await open(seed('000_37d039dcb8ad6afc.pdf'));
const truths = await Promise.all(pages.map((p) => textLayer(text, p)));
console.log(`pages ${pages.join(',')} of the scanned seed; load average at start ${loadavg()[0]!.toFixed(1)}`);

const configs: (() => OcrEngine)[] = [() => new PaddleEngine(), () => new TesseractEngine(1)];
if (sweep) configs.push(() => Object.assign(new PaddleEngine(), { dpi: 300 }), () => new TesseractEngine(1, 300));
const rows: Row[] = [];
for (const make of configs) {
  const e = make();
  rows.push(await runEngine(e, scan, truths));
  await e.close();
}
// The native command reads the very images tesseract.js reads (and, with --dpi-sweep, the 300-dpi ones).
const natives = new Map<number, Row>();
for (const dpi of sweep ? [150, 300] : [150]) {
  const r = await runNative(scan, truths, dpi);
  if (r) natives.set(dpi, r);
}
const native = natives.get(150);
rows.push(...natives.values());

const f = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
console.log('| engine | dpi | first call s | render s/page | recognise s/page | total s/page | CPU s/page | × native (same dpi) | CER | numbers read |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const perPage = r.render + r.recognise;
  const ref = (natives.get(r.dpi) ?? native)?.recognise ?? NaN;
  console.log(`| ${r.engine} | ${r.dpi} | ${f(r.init)} | ${f(r.render)} | ${f(r.recognise)} | ${f(perPage)} | ${f(r.cpu)} | ${f(perPage / ref)} | ${f(r.cer * 100)}% | ${r.numbers} |`);
}
if (!native) console.log('native tesseract not found: apt-get install tesseract-ocr tesseract-ocr-chi-sim');
await scan.destroy();
await text.destroy();
