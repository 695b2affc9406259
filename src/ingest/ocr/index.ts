// OCR of PDF pages without a usable text layer (issue 7): render each page with pdf.js, recognise it
// with PP-OCR (default) or tesseract, or both cross-checking every number, and hand back lines that
// look like any other page's, each carrying its engine and confidence.
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Flag, Line } from '../../model.js';
import type { IngestOptions } from '../types.js';
import { cleanGlyphs } from './clean.js';
import { crossCheck, selfCheck, toReadLines, type ReadLine } from './crosscheck.js';
import { deskew, pageSkew } from './deskew.js';
import { beginUse, endUse, getEngine, poolSize } from './engines.js';
import { buildLines, dropPageNumbers, layoutOf, layoutText, sheetGutter, toPoints } from './lines.js';
import { uncertainFlag } from './numbers.js';
import { renderPage, type RenderedPage } from './render.js';
import type { OcrBox, OcrEngine, OcrTextItem } from './types.js';

export { closeOcrEngines, poolSize, setEngine } from './engines.js';
export type { OcrBox, OcrEngine, OcrTextItem } from './types.js';

export interface OcrPageResult {
  page: number;
  lines: Line[];
  flags: Flag[];
  /** The first engine's boxes as pdf.js-style text items, for a backend that lays pages out itself
   *  (e.g. to find tables on a scanned page); `lines` are already laid out. */
  items: OcrTextItem[];
}

async function readPage(
  page: RenderedPage,
  pageNo: number,
  engine: OcrEngine,
  signal?: AbortSignal,
  skew?: number,
): Promise<{ lines: ReadLine[]; items: OcrTextItem[]; skew: number; gutter: number | null }> {
  const read = await engine.recognize(page.png, signal);
  // A page scanned askew is turned back first (the first engine's boxes tell its skew; the second engine
  // reads the same image).
  const angle = skew ?? pageSkew(read);
  const pixels = deskew(read, angle, page.width / 2, page.height / 2);
  const items = pixels.map((b) => toTextItem(b, page.toPdf)).filter((it) => it.str.trim() !== '');
  // Two pages on one sheet: each read on its own, the left one first.
  const gutter = sheetGutter(pixels, page.width, page.height);
  const sides = gutter === null ? [pixels] : [pixels.filter((b) => (b.box.x0 + b.box.x1) / 2 < gutter), pixels.filter((b) => (b.box.x0 + b.box.x1) / 2 >= gutter)];
  const lines = sides.flatMap((side) => dropPageNumbers(buildLines(toPoints(side, page.scale)), page.height / page.scale));
  return { lines: toReadLines(lines, pageNo, engine.name), items, skew: angle, gutter: gutter === null ? null : gutter / page.scale };
}

function toTextItem(b: OcrBox, toPdf: (x: number, y: number) => [number, number]): OcrTextItem {
  const [ax, ay] = toPdf(b.box.x0, b.box.y1);
  const [bx, by] = toPdf(b.box.x1, b.box.y0);
  const x = Math.min(ax, bx);
  const y = Math.min(ay, by);
  const height = Math.abs(by - ay);
  const str = cleanGlyphs(b.glyphs).map((g) => g.ch).join('');
  return { str, transform: [height, 0, 0, height, x, y], width: Math.abs(bx - ax), height, confidence: b.confidence };
}

export async function ocrPage(pdf: PDFDocumentProxy, pageNo: number, engines: OcrEngine[], signal?: AbortSignal): Promise<OcrPageResult> {
  const [primary, second] = engines;
  const first = await renderPage(pdf, pageNo, primary!.dpi);
  signal?.throwIfAborted();
  const { lines, items, skew, gutter } = await readPage(first, pageNo, primary!, signal);
  let other: ReadLine[] | null = null;
  if (second) {
    // Both engines read best at 150 dpi (measured): one rendering serves both.
    const image = second.dpi === primary!.dpi ? first : await renderPage(pdf, pageNo, second.dpi);
    signal?.throwIfAborted();
    other = (await readPage(image, pageNo, second, signal, image === first ? skew : undefined)).lines;
  }
  // Each line's place on the page in PDF points (report evidence crops): image pixels → PDF user space.
  for (const r of lines) {
    const [ax, ay] = first.toPdf(r.ocr.box.x0 * first.scale, r.ocr.box.y0 * first.scale);
    const [bx, by] = first.toPdf(r.ocr.box.x1 * first.scale, r.ocr.box.y1 * first.scale);
    r.line.box = { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  }
  // Each line as pdftotext -layout would print it, for the table reader (cells placed by position).
  const heights = lines.map((r) => r.ocr.box.y1 - r.ocr.box.y0).sort((a, b) => a - b);
  const lineHeight = heights[Math.floor(heights.length / 2)] ?? 0;
  // The left edge of the text, per page of a 2-up sheet.
  const sideOf = (r: ReadLine) => (gutter !== null && r.ocr.box.x0 >= gutter ? 1 : 0);
  const lefts = [0, 1].map((side) => Math.min(...lines.filter((r) => sideOf(r) === side).map((r) => r.ocr.box.x0)));
  for (const r of lines) {
    const laid = layoutText(r.ocr.raw, r.ocr.x, lefts[sideOf(r)]!, lineHeight);
    if (laid) layoutOf.set(r.line, laid);
  }
  const flags: Flag[] = [];
  for (const r of lines) {
    const uncertain = other ? crossCheck(r, other) : selfCheck(r, primary!.lowConfidence);
    if (!uncertain.length) continue;
    r.line.ocr!.uncertain = uncertain;
    for (const u of uncertain) flags.push(uncertainFlag(r.line, u, engines.map((e) => e.name)));
  }
  return { page: pageNo, lines: lines.map((r) => r.line), flags, items };
}

function enginesFor(options: IngestOptions): OcrEngine[] {
  if (options.ocrEngine === 'both') return [getEngine('paddle'), getEngine('tesseract')];
  return [getEngine(options.ocrEngine)];
}

/** One queue for the whole process: however many documents OCR at once, only `poolSize()` page
 *  images exist at any time. */
let queue: PQueue | null = null;

/** Render and recognise the given 1-based pages; lines carry `loc.page`/`loc.line` and `ocr`. */
export async function ocrPages(pdf: PDFDocumentProxy, pages: number[], options: IngestOptions): Promise<OcrPageResult[]> {
  const { signal } = options;
  signal?.throwIfAborted();
  if (!pages.length) return [];
  beginUse();
  const q = (queue ??= new PQueue({ concurrency: poolSize() }));
  // This document's pages leave the queue when it is aborted or one of its pages fails.
  const stop = new AbortController();
  const mine = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  // The queue listens on it once per waiting page: hundreds for a long scan, by design.
  setMaxListeners(pages.length + 10, mine);
  try {
    const engines = enginesFor(options);
    let done = 0;
    options.onOcrPage?.(0, pages.length);
    const results = await Promise.all(
      pages.map((p) =>
        q.add(
          async () => {
            const r = await ocrPage(pdf, p, engines, mine);
            options.onOcrPage?.(++done, pages.length);
            return r;
          },
          { signal: mine },
        ),
      ),
    );
    return results.sort((a, b) => a.page - b.page);
  } catch (err) {
    stop.abort(err);
    signal?.throwIfAborted();
    throw err;
  } finally {
    endUse();
  }
}
