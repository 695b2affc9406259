// Positioned text items → lines in reading order. pdf.js gives phrase fragments (split at every
// font-subset switch) with x/y in PDF points; we group them by baseline, join close neighbours into
// segments and keep wide gaps as cell boundaries, so tables keep their columns.
import { figureThenItem } from '../fused-cells.js';

export interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Offsets into the raw source line, where the producer knows them (page text). */
  start?: number;
  end?: number;
  /** What OCR said about this token (scanned pages): uncertain readings, repairs. */
  ocr?: import('../../model.js').OcrInfo;
}

export interface PageLine {
  page: number;
  y: number;
  size: number;
  segs: Segment[];
}

export interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** Text of a line: segments joined by a wide space where the layout had a cell gap. */
export const lineText = (l: PageLine): string => l.segs.map((s) => s.text).join('    ');

/** A text item placed on the page: x range and baseline in points. */
export interface Glyph {
  str: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export function toGlyphs(items: RawItem[]): Glyph[] {
  return items
    .filter((it) => it.str.trim() !== '')
    .map((it) => {
      const [a = 0, b = 0, , d = 0, x = 0, y = 0] = it.transform;
      const size = Math.max(Math.hypot(a, b), Math.abs(d), it.height, 1);
      return { str: it.str, x0: x, x1: x + Math.max(it.width, 0), y, size };
    });
}

/** Text drawn more than once at one place (an exported sheet that prints its title block once per print
 *  area, a fake-bold overprint): the same string within a fifth of its size of where it was already drawn
 *  is one glyph run, as a reader sees it (pdftotext drops such overprints too). Without this, a title drawn
 *  six times read `表2表2表2…` / `…收入总表…收入总表…`, and named no table (西安 2022 预算, 4 false MISSING_TABLE). */
export function dropOverprints(glyphs: Glyph[]): Glyph[] {
  const seen = new Map<string, Glyph[]>();
  return glyphs.filter((g) => {
    const at = seen.get(g.str);
    const tol = g.size * 0.2;
    if (at?.some((h) => Math.abs(h.x0 - g.x0) <= tol && Math.abs(h.y - g.y) <= tol && Math.abs(h.x1 - g.x1) <= tol)) return false;
    if (at) at.push(g);
    else seen.set(g.str, [g]);
    return true;
  });
}

/** `ruled(x0, x1, y)`: whether a cell rule stands between x0 and x1 at height y (items are then never joined). */
export function linesOf(placed: Glyph[], page: number, ruled?: (x0: number, x1: number, y: number) => boolean): PageLine[] {
  const glyphs = (ruled ? placed.flatMap((g) => splitAtRuledSpaces(g, ruled)) : placed).flatMap(splitFigureFromItem).sort((p, q) => q.y - p.y || p.x0 - q.x0);
  const lines: { y: number; size: number; items: typeof glyphs }[] = [];
  for (const g of glyphs) {
    // Same baseline within a third of the glyph size (sub/superscripts and mixed fonts jitter a little).
    const line = lines.find((l) => Math.abs(l.y - g.y) <= Math.min(l.size, g.size) * 0.35);
    if (line) {
      line.items.push(g);
      line.size = Math.max(line.size, g.size);
    } else lines.push({ y: g.y, size: g.size, items: [g] });
  }
  lines.sort((p, q) => q.y - p.y);
  return lines.map((l) => {
    const items = l.items.sort((p, q) => p.x0 - q.x0);
    const segs: Segment[] = [];
    for (const it of items) {
      const last = segs[segs.length - 1];
      const gap = last ? it.x0 - last.x1 : Infinity;
      // A gap wider than about half a character is a cell boundary; smaller ones are font-subset splits.
      if (last && gap <= Math.max(3, 0.45 * Math.min(last.size, it.size)) && !ruled?.(last.x1, it.x0, it.y + it.size * 0.35)) {
        last.text += (gap > 0.2 * it.size && /[A-Za-z0-9]$/.test(last.text) && /^[A-Za-z0-9]/.test(it.str) ? ' ' : '') + it.str;
        last.x1 = Math.max(last.x1, it.x1);
        last.size = Math.max(last.size, it.size);
      } else segs.push({ text: it.str, x0: it.x0, x1: it.x1, y: it.y, size: it.size });
    }
    for (const s of segs) s.text = s.text.replace(/\s+/g, ' ').trim();
    return { page, y: l.y, size: l.size, segs: segs.filter((s) => s.text !== '') };
  });
}

/** A figure and the next column's numbered item drawn as one text item with no rule between them: two cells
 *  (src/ingest/fused-cells.ts). */
function splitFigureFromItem(g: Glyph): Glyph[] {
  const m = figureThenItem(g.str);
  if (!m) return [g];
  const chars = [...g.str];
  const em = chars.map((c) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5));
  const scale = (g.x1 - g.x0) / (em.reduce((a, b) => a + b, 0) || 1);
  const xAt = (k: number) => g.x0 + em.slice(0, k).reduce((a, b) => a + b, 0) * scale;
  const figEnd = [...m.figure].length;
  const labelAt = figEnd + [...m.gap].length;
  return [
    { ...g, str: m.figure, x1: xAt(figEnd) },
    { ...g, str: m.item, x0: xAt(labelAt) },
  ];
}

/** One text item can hold two cells ("86,959,408.34 一、公共安全支出"): cut it at a space that a cell
 *  rule passes through. Positions are estimated from the text (Chinese full width, the rest half). */
function splitAtRuledSpaces(g: Glyph, ruled: (x0: number, x1: number, y: number) => boolean): Glyph[] {
  if (!/\S\s+\S/.test(g.str)) return [g];
  const chars = [...g.str];
  const em = chars.map((c) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5));
  const scale = (g.x1 - g.x0) / (em.reduce((a, b) => a + b, 0) || 1);
  const xAt = (k: number) => g.x0 + em.slice(0, k).reduce((a, b) => a + b, 0) * scale;
  const out: Glyph[] = [];
  let from = 0;
  for (const m of g.str.matchAll(/\s+/g)) {
    const at = [...g.str.slice(0, m.index)].length;
    const end = at + [...m[0]].length;
    if (at === 0 || end >= chars.length || !ruled(xAt(at), xAt(end), g.y + g.size * 0.35)) continue;
    out.push({ ...g, str: chars.slice(from, at).join(''), x0: xAt(from), x1: xAt(at) });
    from = end;
  }
  if (!out.length) return [g];
  out.push({ ...g, str: chars.slice(from).join(''), x0: xAt(from), x1: g.x1 });
  return out;
}
