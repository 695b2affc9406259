// PDF backend: a text layer (PDFium, or pdf.js: src/ingest/pdf/source.ts) → lines with page/line provenance and standard tables as grids.
// Pages whose text layer is missing or garbled go to OCR (src/ingest/ocr) when the options allow.
import { JuesuanError } from '../../errors.js';
import type { Block, Flag } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { Backend, IngestOptions } from '../types.js';
import { furniture } from './furniture.js';
import { indicatorTables } from './indicators.js';
import { dropOverprints, lineText, linesOf, type Glyph, type PageLine } from './layout.js';
import { mapPdfError } from './load.js';
import { ruledHeaders } from './headers.js';
import { disablePdfium, openSource } from './pdfium.js';
import { pageQuality } from './quality.js';
import type { Rulings } from './rulings.js';
import type { PdfSource } from './source.js';
import { completesTitle, findTables } from './tables.js';
import { displayedGlyphs, displayedRulings, displayedView, quarterTurns } from './rotate.js';
import { ocrPageTables } from '../layout/ocr.js';
import { numberTables } from '../number-tables.js';
import { unreadPages } from '../unread-pages.js';

export interface NumberedLine extends PageLine {
  /** 1-based within the page, in the order emitted. */
  line: number;
}

export const ingestPdf: Backend = async (bytes, options) => {
  const pdf = await openSource(bytes, options.pdfEngine);
  try {
    return await readDocument(pdf, options);
  } catch (err) {
    // PDFium failing inside a file (a WebAssembly trap) is not the file's fault: pdf.js reads it instead,
    // and PDFium is not used again in this process.
    if (pdf.engine === 'pdfium' && !(err instanceof JuesuanError)) {
      disablePdfium();
      return ingestPdf(bytes, { ...options, pdfEngine: 'pdfjs' });
    }
    throw err instanceof JuesuanError ? err : mapPdfError(err);
  } finally {
    await pdf.destroy().catch(() => {});
  }
};

async function readDocument(pdf: PdfSource, options: IngestOptions) {
  const rulings = new Map<number, Promise<Rulings>>();
  // Each page's /Rotate: its text and rules are read in the displayed frame (./rotate.ts).
  const turns = new Map<number, { view: number[]; turn: number }>();
  const upright = (p: number, r: Rulings) => {
    const t = turns.get(p);
    return t ? displayedRulings(r, t.view, t.turn) : r;
  };
  const rulingsOf = (p: number) => rulings.get(p) ?? (rulings.set(p, pdf.rulings(p).then((r) => upright(p, r))), rulings.get(p)!);
  const pages: PageLine[][] = [];
  const glyphs: Glyph[][] = [];
  const boxes: { bottom: number; top: number }[] = [];
  const unusable: number[] = [];
  const unreadable = new Set<number>();
  for (let p = 1; p <= pdf.numPages; p++) {
    if (options.signal?.aborted) throw new JuesuanError('TIMEOUT', 'processing was stopped (time limit reached)');
    const page = await pdf.page(p);
    const turn = quarterTurns(page.rotate);
    if (turn) turns.set(p, { view: page.view, turn });
    const view = displayedView(page.view, turn);
    boxes.push({ bottom: view[1] ?? 0, top: view[3] ?? 842 });
    const placed = displayedGlyphs(dropOverprints(page.glyphs), page.view, turn);
    let lines = linesOf(placed, p);
    // A page that may hold a table has its rules read now, while it is open (PDFium parses a page once).
    const readOpen = () => page.rulings && !rulings.has(p) && rulings.set(p, Promise.resolve(upright(p, page.rulings())));
    if (mayHoldTable(lines)) readOpen();
    // Cells printed so close that their items join (171,915,169 一、一般公共服务支出): split at the cell rules
    // (read from the open page too: 64 of the corpus's 391 pages were parsed a second time for them).
    if (lines.some((l) => l.segs.some((g) => GLUED.test(g.text)))) {
      readOpen();
      lines = linesOf(placed, p, crossesRule(await rulingsOf(p)));
    }
    const quality = pageQuality(lines);
    // Looking for ink decodes the page's images: only worth it when OCR may run.
    if (quality === 'garbled' || (quality === 'empty' && options.ocr === 'auto' && (await page.hasInk()))) unusable.push(p);
    pages.push(quality === 'ok' ? lines : []);
    // (a page with no usable text layer is unread where OCR was off; where OCR ran, it read what the page holds)
    if (quality !== 'ok' && options.ocr === 'off') unreadable.add(p);
    glyphs.push(quality === 'ok' ? placed : []);
    page.release();
  }

  const flags: Flag[] = [];
  const ocrTargets = options.ocr === 'force' ? pages.map((_, i) => i + 1) : options.ocr === 'auto' ? unusable : [];
  const ocrLines = new Map<number, ReturnType<typeof makeLine>[]>();
  if (ocrTargets.length) {
    // The OCR engines (sharp, tesseract.js, onnxruntime) load only for a PDF that has pages to OCR.
    const { ocrPages } = await import('../ocr/index.js');
    for (const r of await ocrPages(await pdf.pdfjs(), ocrTargets, options)) {
      if (!r.lines.length) continue;
      ocrLines.set(r.page, r.lines);
      flags.push(...r.flags);
    }
  }
  const hasText = pages.some((lines, i) => lines.length > 0 && !ocrLines.has(i + 1)) || ocrLines.size > 0;
  if (!hasText)
    throw new JuesuanError(
      'NO_TEXT',
      options.ocr === 'off' ? 'no text layer on any page; run with --ocr auto to read scanned pages' : 'no text on any page: no text layer, and OCR found none (a blank or damaged PDF)',
    );

  const body = bodySize(pages);
  pages.forEach((lines, p) => (pages[p] = joinWrappedHeadings(lines, body)));
  const drop = furniture(pages, boxes);
  const numbered: NumberedLine[][] = pages.map((lines, p) => {
    if (ocrLines.has(p + 1)) return [];
    let n = 0;
    // Object.assign, not `{ ...l, line }`: V8 (Node 20) gives each object spread-then-extended a hidden class of its own.
    return lines.filter((_, i) => !drop.has(`${p}:${i}`)).map((l) => Object.assign({}, l, { line: ++n }));
  });

  const blocks: Block[] = [];
  // Indicator tables are read from their rulings; the standard tables from the text layout.
  const ruled = await indicatorTables(rulingsOf, numbered, glyphs);
  const tables = findTables(numbered.flat().filter((l) => !ruled.consumed.has(l)));
  await ruledHeaders(tables, rulingsOf, numbered, glyphs);
  for (const [l, t] of ruled.startingAt) tables.startingAt.set(l, t);
  for (const l of ruled.consumed) tables.consumed.add(l);
  // Standard tables on the scanned pages, from the OCR lines' cell spacing (src/ingest/layout/ocr.ts), read
  // over all of them at once: a table goes on over the page break as on text pages.
  const printed = ocrPageTables([...ocrLines.keys()].sort((a, b) => a - b).flatMap((p) => ocrLines.get(p)!));
  numbered.forEach((lines, p) => {
    const ocr = ocrLines.get(p + 1);
    if (ocr) {
      for (const line of ocr) {
        const table = printed.startingAt.get(line);
        if (table) blocks.push({ kind: 'table', table });
        if (!printed.consumed.has(line)) blocks.push({ kind: 'line', line });
      }
      return;
    }
    for (const l of lines) {
      const table = tables.startingAt.get(l);
      if (table) blocks.push({ kind: 'table', table });
      if (tables.consumed.has(l)) continue;
      const line = makeLine(lineText(l), { page: l.page, line: l.line }, { fontSize: Math.round(l.size * 10) / 10 });
      // From the baseline: descenders below, the glyphs' height above (report evidence crops).
      line.box = { x0: Math.min(...l.segs.map((s) => s.x0)), y0: l.y - 0.25 * l.size, x1: Math.max(...l.segs.map((s) => s.x1)), y1: l.y + l.size };
      blocks.push({ kind: 'line', line });
    }
  });
  numberTables(blocks);
  const unread = unreadPages(pages.map((lines, i) => lines.length > 0 || ocrLines.has(i + 1) || !unreadable.has(i + 1)));
  return { pages: pdf.numPages, ocrPages: [...ocrLines.keys()].sort((a, b) => a - b), blocks, flags, ...(unread.length ? { unreadPages: unread } : {}) };
}

/** An amount run into the next cell's amount or label. */
const GLUED = /^-?\d[\d,]*(\.\d+)?\s*(\p{Script=Han}|-?\d[\d,]*\.\d)|\d\.\d+[\d,]*\.\d/u;

function crossesRule(r: Rulings): (x0: number, x1: number, y: number) => boolean {
  return (x0, x1, y) => r.v.some((v) => v.x >= x0 - 1 && v.x <= x1 + 1 && v.y0 <= y && v.y1 >= y);
}

/** Two or more lines split into cells: the page may hold a table, so its rules are worth reading. */
const mayHoldTable = (lines: PageLine[]) => lines.filter((l) => l.segs.length >= 2).length >= 2;

/** The most common line size: body text. */
function bodySize(pages: PageLine[][]): number {
  const count = new Map<number, number>();
  for (const l of pages.flat()) count.set(Math.round(l.size), (count.get(Math.round(l.size)) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/** A big heading wrapped onto a short second line (…决算情况 / 说明) is one line. */
function joinWrappedHeadings(lines: PageLine[], body: number): PageLine[] {
  const out: PageLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const text = lineText(l).replace(/\s/g, '');
    // A table's title wrapped onto a short line (…培训费支出预 / 算表), whatever its size against the body's.
    if (prev && l.segs.length === 1 && Math.abs(prev.size - l.size) < 0.5 && prev.y - l.y <= l.size * 1.8 && completesTitle(lineText(prev), text)) {
      const a = prev.segs[prev.segs.length - 1]!;
      out[out.length - 1] = { ...prev, segs: [...prev.segs.slice(0, -1), { ...a, text: a.text + l.segs[0]!.text, x1: Math.max(a.x1, l.segs[0]!.x1) }] };
      continue;
    }
    if (
      prev &&
      l.size >= body * 1.3 &&
      Math.abs(prev.size - l.size) < 0.5 &&
      prev.y - l.y <= l.size * 1.8 &&
      text.length <= 6 &&
      !/^(?:\d{1,2}[.、．]|[（(]|[一二三四五六七八九十]+、)/u.test(text) &&
      l.segs.length === 1 &&
      prev.segs.length === 1 &&
      !/[。：:；;，,]$/.test(lineText(prev))
    ) {
      const a = prev.segs[0]!;
      out[out.length - 1] = { ...prev, segs: [{ ...a, text: a.text + l.segs[0]!.text, x1: Math.max(a.x1, l.segs[0]!.x1) }] };
      continue;
    }
    out.push(l);
  }
  return out;
}
