// Rebuild reading-order lines from an engine's boxes: group by vertical overlap, order by x, and join
// with the spacing the gaps suggest. Each character of the assembled text keeps its confidence and x.
import { displayColumns } from '../../display-columns.js';
import { pageNumberOf } from '../pdf/furniture.js';
import { cleanGlyphs } from './clean.js';
import type { Glyph, OcrBox, Rect } from './types.js';

export interface OcrLine {
  raw: string;
  /** Per character of `raw`. */
  confidence: number[];
  x: number[];
  box: Rect;
  /** Mean of the boxes' confidences. */
  meanConfidence: number;
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/;
/** A gap wider than this many line heights separates table cells or columns. */
const CELL_GAP = 1.5;
/** Between two Latin/digit runs a gap wider than this many line heights is a space. */
const WORD_GAP = 0.35;

const height = (r: Rect) => r.y1 - r.y0;
const isFigure = (ch: string | undefined) => ch !== undefined && /[0-9%]/.test(ch);
function verticalOverlap(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** Boxes share a line when they overlap vertically by at least half the smaller one's height. */
export function groupLines(boxes: OcrBox[]): OcrBox[][] {
  const sorted = [...boxes].sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const lines: { rect: Rect; boxes: OcrBox[] }[] = [];
  for (const b of sorted) {
    let best: (typeof lines)[number] | undefined;
    let bestOverlap = 0;
    for (const l of lines) {
      const ov = verticalOverlap(l.rect, b.box);
      if (ov >= 0.5 * Math.min(height(l.rect), height(b.box)) && ov > bestOverlap) {
        best = l;
        bestOverlap = ov;
      }
    }
    if (best) {
      best.boxes.push(b);
      // The band grows to the union: punctuation sits low (。，) and a short glyph (一) sits mid-line.
      const r = best.rect;
      best.rect = { x0: Math.min(r.x0, b.box.x0), y0: Math.min(r.y0, b.box.y0), x1: Math.max(r.x1, b.box.x1), y1: Math.max(r.y1, b.box.y1) };
    } else lines.push({ rect: { ...b.box }, boxes: [b] });
  }
  lines.sort((a, b) => a.rect.y0 + a.rect.y1 - (b.rect.y0 + b.rect.y1));
  return lines.map((l) => l.boxes.sort((a, b) => a.box.x0 - b.box.x0));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function assembleLine(boxes: OcrBox[]): OcrLine {
  const h = median(boxes.map((b) => height(b.box))) || 1;
  const glyphs: Glyph[] = [];
  let prevBox: OcrBox | undefined;
  for (const b of boxes) {
    const own = b.glyphs.length ? b.glyphs : spread(b);
    if (!own.length) continue;
    if (prevBox) {
      const gap = b.box.x0 - prevBox.box.x1;
      const mid = (b.box.x0 + prevBox.box.x1) / 2;
      // Two spaces mark a cell boundary, one a word space; clean.ts drops what Chinese text has none of.
      // Boxes the detector set apart where a figure meets Chinese text are two cells even when close
      // (a table's 112.88 and the next column's 年末结转和结余, 15 px apart at 150 dpi): joined, the
      // figure is read as part of a label. Prose keeps a number and its words in one box; where it
      // does not, the spaces are dropped with the rest of the line's spacing (normalize.ts).
      const junction = (isFigure(prevBox.text.at(-1)) && CJK.test(b.text[0] ?? '')) || (CJK.test(prevBox.text.at(-1) ?? '') && isFigure(b.text[0]));
      if (gap > CELL_GAP * h || (junction && gap > WORD_GAP * h)) glyphs.push({ ch: ' ', confidence: 1, x: mid }, { ch: ' ', confidence: 1, x: mid });
      else if (gap > WORD_GAP * h) glyphs.push({ ch: ' ', confidence: 1, x: mid });
    }
    glyphs.push(...own);
    prevBox = b;
  }
  // Cleaned as a whole line: a look-alike or a colon may sit in a box of its own.
  const clean = cleanGlyphs(glyphs);
  const raw = clean.map((g) => g.ch).join('');
  const confidence = clean.map((g) => g.confidence);
  const x = clean.map((g) => g.x);
  const rect: Rect = {
    x0: Math.min(...boxes.map((b) => b.box.x0)),
    y0: Math.min(...boxes.map((b) => b.box.y0)),
    x1: Math.max(...boxes.map((b) => b.box.x1)),
    y1: Math.max(...boxes.map((b) => b.box.y1)),
  };
  const meanConfidence = boxes.reduce((s, b) => s + b.confidence, 0) / boxes.length;
  return { raw, confidence, x, box: rect, meanConfidence };
}

/** An engine without per-character output: spread the box's characters evenly across it. */
function spread(b: OcrBox): Glyph[] {
  const chars = [...b.text];
  const w = (b.box.x1 - b.box.x0) / Math.max(1, chars.length);
  return chars.map((ch, i) => ({ ch, confidence: b.confidence, x: b.box.x0 + (i + 0.5) * w }));
}

/** Scale an engine's pixel boxes to page points. */
export function toPoints(boxes: OcrBox[], scale: number): OcrBox[] {
  const r = (v: number) => v / scale;
  return boxes.map((b) => ({
    ...b,
    box: { x0: r(b.box.x0), y0: r(b.box.y0), x1: r(b.box.x1), y1: r(b.box.y1) },
    glyphs: b.glyphs.map((g) => ({ ...g, x: r(g.x) })),
  }));
}

/** Two pages printed side by side on one landscape sheet (2-up, or a book scanned open): each page is
 *  read on its own, the left one first. Grouped across the sheet, a line of the left page and the line
 *  at its height on the right one became one line (`…增加（` + `减少）…`: false TEMPLATE_TEXT and
 *  BLANK_VALUE errors). Split where a gutter at least four line heights wide runs between 30% and 70% of
 *  the width that no box crosses, with text on both sides over at least half the sheet's height. A table
 *  on a landscape page keeps its halves together: its title and header cross the middle, and its
 *  columns stand closer than four line heights. Returns the gutter's x, or null. */
export function sheetGutter(boxes: OcrBox[], width: number, height: number): number | null {
  if (width < 1.15 * height || boxes.length < 20) return null;
  const lineHeight = median(boxes.map((b) => height_(b)));
  const from = Math.floor(0.3 * width);
  const to = Math.ceil(0.7 * width);
  const covered = new Uint8Array(to - from);
  for (const b of boxes)
    for (let x = Math.max(from, Math.floor(b.box.x0)); x < Math.min(to, Math.ceil(b.box.x1)); x++) covered[x - from] = 1;
  let best = { start: 0, len: 0 };
  for (let x = 0, run = 0; x <= covered.length; x++) {
    if (x < covered.length && !covered[x]) run++;
    else {
      if (run > best.len) best = { start: x - run, len: run };
      run = 0;
    }
  }
  if (best.len < 4 * lineHeight) return null;
  const gutter = from + best.start + best.len / 2;
  const sides = [boxes.filter((b) => b.box.x1 <= gutter), boxes.filter((b) => b.box.x0 >= gutter)];
  const tall = (bs: OcrBox[]) => bs.length >= 0.25 * boxes.length && Math.max(...bs.map((b) => b.box.y1)) - Math.min(...bs.map((b) => b.box.y0)) >= 0.5 * height;
  return sides.every(tall) ? gutter : null;
}

const height_ = (b: OcrBox) => b.box.y1 - b.box.y0;

export function buildLines(boxes: OcrBox[]): OcrLine[] {
  return joinWrappedHeadings(
    groupLines(boxes)
      .map(assembleLine)
      .filter((l) => l.raw.trim() !== ''),
  );
}

/** A big heading wrapped onto a short second line (…部门决算情况 / 说明) is one line, as the PDF
 *  backend does for text pages: both lines well above body height, close together, the first not
 *  ending a sentence and the second a few characters only. */
export function joinWrappedHeadings(lines: OcrLine[]): OcrLine[] {
  const body = median(lines.map((l) => height(l.box)));
  const out: OcrLine[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    const h = height(l.box);
    if (
      prev &&
      h >= 1.3 * body &&
      height(prev.box) >= 1.3 * body &&
      Math.abs(height(prev.box) - h) <= 0.35 * Math.max(height(prev.box), h) &&
      l.box.y0 - prev.box.y1 <= height(prev.box) &&
      l.raw.replace(/\s/g, '').length <= 6 &&
      !/\s{2}/.test(prev.raw + l.raw) &&
      !/[。：:；;，,]$/.test(prev.raw) &&
      !/^[一二三四五六七八九十]+、|^[（(]/.test(l.raw)
    ) {
      const r = prev.box;
      out[out.length - 1] = {
        raw: prev.raw + l.raw,
        confidence: [...prev.confidence, ...l.confidence],
        x: [...prev.x, ...l.x],
        box: { x0: Math.min(r.x0, l.box.x0), y0: r.y0, x1: Math.max(r.x1, l.box.x1), y1: l.box.y1 },
        meanConfidence: (prev.meanConfidence + l.meanConfidence) / 2,
      };
      continue;
    }
    out.push(l);
  }
  return out;
}

/** Share of the page height at its top and bottom where a page number stands (as for text pages,
 *  src/ingest/pdf/furniture.ts). */
const MARGIN = 0.1;

/** A page's number is furniture on a scan as on a text page: a line in the top or bottom margin that
 *  prints only a number, bare or framed in dashes. OCR reads the dashes of ─ 7 ─ as anything (171,
 *  18-): kept, such a line breaks the paragraph running over the page break and adds a number the page
 *  never stated. `heightPt` is the page's height in the lines' units. */
export function dropPageNumbers(lines: OcrLine[], heightPt: number): OcrLine[] {
  return lines.filter((l) => {
    const mid = (l.box.y0 + l.box.y1) / 2;
    const inMargin = mid < MARGIN * heightPt || mid > (1 - MARGIN) * heightPt;
    return !(inMargin && pageNumberOf(l.raw));
  });
}

/** A line laid out as `pdftotext -layout` prints it, for the table row reader (src/ingest/layout/
 *  ocr.ts): each cell (a run after two spaces) starts at the display column of its left edge on the
 *  page, so a row that prints only its right half (九、卫生健康支出 60.99 beside an empty 收入 side)
 *  reads as the right half. `back[i]` is the offset in `raw` of the layout's character i. */
export interface LaidOut {
  text: string;
  back: number[];
}

/** The layout of each OCR line, beside the line (Line is the record's type: no field of its own). */
export const layoutOf = new WeakMap<object, LaidOut>();

/** A half-width character's width in line heights (a Chinese character is two of them). */
const HALF_WIDTH = 0.42;

/** `x` are the centres of `raw`'s characters (page points), `left` the page's left edge of text,
 *  `lineHeight` the page's median line height: one display column is HALF_WIDTH of it. Null where
 *  the positions do not go with the characters. */
export function layoutText(raw: string, x: number[], left: number, lineHeight: number): LaidOut | null {
  const chars = [...raw];
  if (chars.length !== raw.length || x.length !== raw.length || !(lineHeight > 0)) return null;
  const unit = HALF_WIDTH * lineHeight;
  const width = displayColumns(raw);
  let text = '';
  let col = 0;
  const back: number[] = [];
  let i = 0;
  while (i < raw.length) {
    // A cell starts here: at its left edge's column, two columns at least after the previous cell.
    const own = width[i + 1]! - width[i]!;
    const at = Math.round((x[i]! - left) / unit - own / 2);
    const target = Math.max(text ? col + 2 : 0, at);
    while (col < target) {
      text += ' ';
      back.push(i);
      col++;
    }
    let j = i;
    while (j < raw.length && !(raw[j] === ' ' && raw[j + 1] === ' ')) j++;
    for (let k = i; k < j; k++) {
      text += raw[k];
      back.push(k);
      col += width[k + 1]! - width[k]!;
    }
    while (j < raw.length && raw[j] === ' ') j++;
    i = j;
  }
  return { text, back };
}
