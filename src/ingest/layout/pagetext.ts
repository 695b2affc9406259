// Page text as positioned tokens. What `pdftotext -layout` prints keeps a table's columns as character
// columns: a cell is a run of text, cells are apart by two or more spaces (or one space between two
// amounts). Each token gets an x from its character column (CJK and full-width characters count two,
// as pdftotext lays them out) and a y from its line, so the one table reader (src/ingest/pdf/tables.ts)
// reads page text exactly as it reads a PDF page's text items.
import type { NumberedLine } from '../pdf/index.js';
import type { Segment } from '../pdf/layout.js';
import { displayColumns } from '../../display-columns.js';
import { figureThenItem } from '../fused-cells.js';

export interface SourceLine {
  raw: string;
  page: number;
  /** 1-based within the page. */
  line: number;
}

/** Token geometry: a half-width character is HALF points wide, a line LINE points below the previous. */
const SIZE = 10;
const HALF = SIZE / 2;
const LINE = 10;

const AMOUNT = /^[-−]?\(?\d[\d,]*(\.\d+)?\)?%?$/;
const DECIMAL = /^[-−]?\d[\d,]*\.\d+%?$/;

/** A word, digit groups apart by thin spaces kept in it (5\u2009000\u2009000.00). */
export const THIN_WORD = /(?:\S|(?<=\d)[\u2009\u202f](?=\d{3}(?!\d)))+/g;
/** A word's text without the thin spaces between its digit groups. */
export const unthin = (w: string): string => w.replace(/(?<=\d)[\u2009\u202f](?=\d{3}(?!\d))/g, '');

/** Cells of one printed line: runs apart by 2+ spaces; one space splits only two amounts (1,234.56 7.89). */
export function cellsOf(raw: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  // (a thin space between digit groups, 5\u2009000.00, is inside a figure: GB/T 15835's 千分空)
  for (const m of raw.matchAll(/\S+(?:[ \u00a0\u3000\u2009\u202f]\S+)*/g)) {
    // Within a run, single spaces: split between two figures.
    const parts = [...m[0].matchAll(THIN_WORD)];
    let from = 0;
    for (let k = 1; k < parts.length; k++) {
      const a = unthin(parts[k - 1]![0]);
      const b = unthin(parts[k]![0]);
      if ((DECIMAL.test(a) && AMOUNT.test(b)) || (AMOUNT.test(a) && DECIMAL.test(b)) || (DECIMAL.test(a) && b === '-') || (a === '-' && DECIMAL.test(b))) {
        const s = m.index + parts[from]!.index;
        const e = m.index + parts[k - 1]!.index + parts[k - 1]![0].length;
        out.push({ text: raw.slice(s, e), start: s, end: e });
        from = k;
      }
    }
    const s = m.index + parts[from]!.index;
    const e = m.index + m[0].length;
    out.push({ text: raw.slice(s, e), start: s, end: e });
  }
  // A single space between two Chinese words within a run is layout (居中 spacing), kept in the text.
  return out.flatMap((c) => {
    const f = figureThenItem(c.text);
    if (!f) return [c];
    const at = c.start + f.figure.length + f.gap.length;
    return [
      { text: f.figure, start: c.start, end: c.start + f.figure.length },
      { text: f.item, start: at, end: c.end },
    ];
  });
}

/** Page lines as the table reader's positioned lines; blank lines are kept out but keep their height. */
export function positionedLines(lines: SourceLine[]): NumberedLine[] {
  const out: NumberedLine[] = [];
  for (const l of lines) {
    if (!l.raw.trim()) continue;
    const col = displayColumns(l.raw);
    const y = 100000 - l.line * LINE;
    const segs: Segment[] = cellsOf(l.raw).map((c) => ({ text: c.text, x0: col[c.start]! * HALF, x1: col[c.end]! * HALF, y, size: SIZE, start: c.start, end: c.end }));
    out.push({ page: l.page, y, size: SIZE, segs, line: l.line });
  }
  return out;
}

/** Does this text keep its layout (cells apart by runs of spaces)? Enough lines with a wide gap inside. */
export function isFixedWidth(lines: SourceLine[]): boolean {
  const text = lines.filter((l) => l.raw.trim());
  const wide = text.filter((l) => /\S {2,}\S/.test(l.raw.trim())).length;
  return wide >= 3 && wide >= text.length * 0.05;
}
