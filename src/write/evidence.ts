// What report.html shows beside each flag that the record does not carry: where in its excerpt the flagged
// span (`loc.start..end`, offsets into the source line) sits, and for PDF and scanned inputs a crop of the
// page around it, rendered from the page itself with the flagged figure boxed. Computed while the document's
// lines are at hand (in the worker), kept beside the record in `.juesuan/evidence/<name>.json`, read when the
// report is written. Not part of the record: the record's excerpt and loc stay as the contract says.
import type { Block, CheckedDocument, Flag, Line, Loc } from '../model.js';
import { openSource } from '../ingest/pdf/pdfium.js';

/** Per flag of the record, in its order: the flagged span as offsets into the flag's excerpt, or null
 *  (no place, or the excerpt is not found in the source line); and a JPEG data: URL of the page around it,
 *  or null (not a PDF, no place on a page, or past the budget). */
export interface Evidence {
  marks: ([number, number] | null)[];
  crops?: (string | null)[];
}

/** Crops per document: a template PDF can carry a hundred flags; the report must stay small. */
export const CROP_BUDGET = 20;
/** Crop resolution: small print stays legible. */
const CROP_DPI = 110;

const key = (l: Loc) => `${l.page ?? ''}/${l.paragraph ?? ''}/${l.line}/${l.table ?? ''}/${l.row ?? ''}/${l.col ?? ''}`;

/** The verbatim text each place (a line, a table cell) holds, with the offset its loc starts at. An excerpt
 *  may run over into the lines before and after (a sentence wrapped on the page, joined with or without a
 *  line break): each line also comes with its neighbours joined both ways. */
function sourceTexts(blocks: Block[], wanted: Set<string>): Map<string, { raw: string; start: number }[]> {
  const map = new Map<string, { raw: string; start: number }[]>();
  // Only the places a flag points at: a 1,000-page document has 28,000 lines and a few thousand flags.
  const add = (loc: Loc, raw: string, start: number) => {
    const k = key(loc);
    if (!wanted.has(k)) return;
    const list = map.get(k) ?? [];
    list.push({ raw, start });
    map.set(k, list);
  };
  const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
  lines.forEach((line, i) => {
    if (!wanted.has(key(line.loc))) return;
    const own = line.loc.start ?? 0;
    add(line.loc, line.raw, own);
    const prev = lines[i - 1]?.raw;
    const next = lines[i + 1]?.raw;
    for (const sep of ['\n', '']) {
      const before = prev === undefined ? '' : prev + sep;
      add(line.loc, before + line.raw + (next === undefined ? '' : sep + next), own - before.length);
    }
  });
  for (const b of blocks) if (b.kind === 'table') for (const row of b.table.rows) for (const cell of row) add(cell.loc, cell.raw, cell.loc.start ?? 0);
  return map;
}

/** The span `loc.start..end` as offsets into `excerpt`, given the source text it was cut from. */
export function markIn(excerpt: string, raw: string, rawStart: number, loc: Loc): [number, number] | null {
  if (loc.start === undefined || loc.end === undefined) return null;
  const s = loc.start - rawStart;
  const e = loc.end - rawStart;
  if (s < 0 || e < s || e > raw.length || !excerpt) return null;
  for (let at = raw.indexOf(excerpt); at >= 0; at = raw.indexOf(excerpt, at + 1)) {
    if (at <= s && e <= at + excerpt.length) return [s - at, e - at];
  }
  return null;
}

export function markOf(flag: Flag, texts: Map<string, { raw: string; start: number }[]>): [number, number] | null {
  if (!flag.loc || !flag.excerpt) return null;
  for (const t of texts.get(key(flag.loc)) ?? []) {
    const m = markIn(flag.excerpt, t.raw, t.start, flag.loc);
    if (m) return m;
  }
  return null;
}

export function buildEvidence(doc: Pick<CheckedDocument, 'blocks' | 'flags'>): Evidence {
  const texts = sourceTexts(doc.blocks, new Set(doc.flags.flatMap((f) => (f.loc && f.excerpt ? [key(f.loc)] : []))));
  return { marks: doc.flags.map((f) => markOf(f, texts)) };
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

/** Width of a character in ems, roughly: CJK and full-width forms one, the rest a half. */
const charWidth = (c: string) => (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u.test(c) ? 1 : 0.5);

/** The flagged span's x range within its line's box, by the widths of the characters before and in it. */
function spanX(line: Line, box: NonNullable<Line['box']>, loc: Loc): [number, number] {
  const chars = [...line.raw];
  if (loc.start === undefined || loc.end === undefined || !chars.length) return [box.x0, box.x1];
  // UTF-16 offsets → character positions
  let u = 0;
  const at: number[] = [];
  for (const c of chars) {
    at.push(u);
    u += c.length;
  }
  const own = line.loc.start ?? 0;
  const widths = chars.map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  const before = (off: number) => widths.slice(0, at.filter((x) => x < off - own).length).reduce((a, b) => a + b, 0);
  const w = box.x1 - box.x0;
  const a = box.x0 + (w * before(loc.start)) / total;
  const b = box.x0 + (w * before(Math.max(loc.end, loc.start + 1))) / total;
  return [a, Math.max(b, a + 4)];
}

/** Report evidence with crops of the PDF's pages (up to CROP_BUDGET, errors first, then in document order). */
export async function buildEvidenceWithCrops(doc: Pick<CheckedDocument, 'blocks' | 'flags' | 'source'>, pdfBytes: Uint8Array | null): Promise<Evidence> {
  const evidence = buildEvidence(doc);
  const crops = await cropsOf(doc, pdfBytes);
  return crops ? { ...evidence, crops } : evidence;
}

const lineKey = (l: Loc) => `${l.page}/${l.line}`;

/** The blocks the crops read: the lines with a box that a flag points at (by page and line), in order. A
 *  1,000-page document's 28,000 lines need not stay in memory under the crops (issue 15). */
export function cropLines(doc: Pick<CheckedDocument, 'blocks' | 'flags'>): Block[] {
  const wanted = new Set(doc.flags.flatMap((f) => (f.loc?.page !== undefined ? [lineKey(f.loc)] : [])));
  return doc.blocks.filter((b) => b.kind === 'line' && b.line.box && b.line.loc.page !== undefined && wanted.has(lineKey(b.line.loc)));
}

/** The crops of buildEvidenceWithCrops, per flag (undefined: not a PDF, or no bytes). Reads only the blocks
 *  cropLines keeps. */
export async function cropsOf(doc: Pick<CheckedDocument, 'blocks' | 'flags' | 'source'>, pdfBytes: Uint8Array | null): Promise<(string | null)[] | undefined> {
  if (doc.source.format !== 'pdf' || !pdfBytes) return undefined;
  const lines = new Map<string, Line>();
  for (const b of doc.blocks) if (b.kind === 'line' && b.line.box && b.line.loc.page !== undefined) lines.set(lineKey(b.line.loc), b.line);
  const wanted = doc.flags
    .map((f, i) => ({ f, i, line: f.loc?.page !== undefined ? lines.get(lineKey(f.loc)) : undefined }))
    .filter((x): x is { f: Flag; i: number; line: Line } => x.line !== undefined)
    .sort((a, b) => severityRank[a.f.severity] - severityRank[b.f.severity] || a.i - b.i)
    .slice(0, CROP_BUDGET);
  const crops: (string | null)[] = doc.flags.map(() => null);
  if (!wanted.length) return crops;
  // The canvas (a native module) loads only for a document with crops to cut.
  const { createCanvas, ImageData, loadImage } = await import('@napi-rs/canvas');
  const pdf = await openSource(pdfBytes);
  try {
    const byPage = new Map<number, typeof wanted>();
    for (const w of wanted) byPage.set(w.f.loc!.page!, [...(byPage.get(w.f.loc!.page!) ?? []), w]);
    for (const [pageNo, items] of byPage) {
      // PDFium renders each crop's rectangle alone, straight onto it (putImageData copies, as drawImage
      // of the opaque page would); pdf.js's page comes as a PNG.
      const raster = pdf.raster ? await pdf.raster(pageNo, CROP_DPI) : null;
      const rendered = raster ? null : await pdf.render(pageNo, CROP_DPI);
      const r = raster ?? rendered!;
      const image = rendered && (await loadImage(rendered.png));
      try {
        // PDF user space → image pixels: the inverse of r.toPdf, from two of its points.
        const [ox, oy] = r.toPdf(0, 0);
        const [px, py] = r.toPdf(r.width, r.height);
        const toImg = (x: number, y: number): [number, number] => [((x - ox) / (px - ox)) * r.width, ((y - oy) / (py - oy)) * r.height];
        for (const { f, i, line } of items) {
          const box = line.box!;
          const [sx0, sx1] = spanX(line, box, f.loc!);
          const [ax, ay] = toImg(sx0, box.y1);
          const [bx, by] = toImg(sx1, box.y0);
          const [lx0] = toImg(box.x0, box.y0);
          const [lx1] = toImg(box.x1, box.y0);
          const lineH = Math.abs(by - ay);
          // The line and about two lines around it, the width of the text (with a margin).
          const top = Math.max(0, Math.floor(Math.min(ay, by) - 2.5 * lineH));
          const bottom = Math.min(r.height, Math.ceil(Math.max(ay, by) + 2.5 * lineH));
          const left = Math.max(0, Math.floor(Math.min(lx0, lx1, ax) - 30));
          const right = Math.min(r.width, Math.ceil(Math.max(lx0, lx1, bx) + 30));
          const cw = Math.max(1, right - left);
          const ch = Math.max(1, bottom - top);
          const canvas = createCanvas(cw, ch);
          const ctx = canvas.getContext('2d');
          if (image) ctx.drawImage(image, -left, -top);
          // A crop past the page's edge (a degenerate box) leaves those pixels transparent, as drawImage does.
          else if (left + cw <= r.width && top + ch <= r.height) ctx.putImageData(new ImageData(raster!.cut(left, top, cw, ch), cw, ch), 0, 0);
          else ctx.putImageData(new ImageData(raster!.cut(0, 0, r.width, r.height), r.width, r.height), -left, -top);
          ctx.strokeStyle = '#d00';
          ctx.lineWidth = 2;
          // Half a character of slack each side: the span's x range is estimated from character widths.
          const slack = lineH / 2;
          ctx.strokeRect(Math.min(ax, bx) - left - slack, Math.min(ay, by) - top - 3, Math.abs(bx - ax) + 2 * slack, Math.abs(by - ay) + 6);
          crops[i] = `data:image/jpeg;base64,${(await canvas.encode('jpeg', 70)).toString('base64')}`;
        }
      } finally {
        raster?.release();
      }
    }
  } finally {
    await pdf.destroy();
  }
  return crops;
}
