// Indicator tables that reach us as lines, not grids: the PDF backend grids only the standard
// tables, and page dumps keep a table row on one line with wide gaps between cells. Such a line is
// split into cells at the gaps; the rows then go through the same reader as a grid. Since a line
// keeps no empty cells, a table is only trusted with a header that names all three levels on one
// line; otherwise only its project fields are kept.
import type { Block, Cell, Line, SegmentedDocument, SourceTable } from '../../model.js';

/** Gaps between cells: a run of 2+ spaces, or one space between two Chinese characters (a space in
 *  Chinese text is layout; between a digit and a character it is the PDF's own spacing, 2023 年). */
const GAP = /[ \t\u3000]{2,}|(?<=[\p{Script=Han}”）])[ \u3000](?=[\p{Script=Han}“（])/gu;

export function lineCells(line: Line): Cell[] {
  const cells: Cell[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = line.raw.slice(start, end);
    if (raw.trim() === '') return;
    let text = '';
    line.map.forEach((at, i) => {
      if (i < line.text.length && at >= start && at < end) text += line.text[i];
    });
    // The loc is the cell's span in its source line: the "table" is ours, not the document's.
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    cells.push({ text, raw: raw.trim(), loc: { ...line.loc, start: start + lead, end: end - trail } });
  };
  for (const m of line.raw.matchAll(GAP)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, line.raw.length);
  return cells;
}

/** The lines after a title line that form its table: up to the next title, heading, prose
 *  paragraph or note. */
export function lineTable(doc: SegmentedDocument, titleIndex: number, isTitle: (text: string) => boolean): (SourceTable & { spaced: boolean; ocr: boolean }) | null {
  const title = doc.blocks[titleIndex] as Extract<Block, { kind: 'line' }>;
  const id = `${title.line.loc.page !== undefined ? `p${title.line.loc.page}` : `¶${title.line.loc.paragraph}`}l${title.line.loc.line}`;
  const rows: Cell[][] = [];
  let multi = 0;
  let ocr = false;
  for (let i = titleIndex + 1; i < doc.blocks.length && rows.length < 300; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'line' || doc.headingBlocks.has(i)) break;
    const t = b.line.text;
    if (isTitle(t) || /^(备注|注|说明)[：:]/.test(t) || (t.length > 30 && /[。；]$/.test(t))) break;
    const cells = lineCells(b.line);
    ocr ||= b.line.ocr !== undefined;
    if (cells.length > 1 && WIDE_GAP.test(b.line.raw.trim())) multi++;
    rows.push(cells);
  }
  const split = rows.filter((r) => r.length > 1).length;
  return rows.length ? { id: `lines:${id}`, rows, loc: { ...title.line.loc, table: `lines:${id}` }, spaced: split > 0 && multi * 2 >= split, ocr } : null;
}

/** Cells set apart by a run of spaces (or a tab): a dump that keeps the layout's gaps. Where rows are
 *  cut at single spaces only (a pdfplumber-style dump), a gap cannot be told from a space inside a
 *  cell ("公用经费控制率 0", "2023 年完成"), so no indicator row is read from it. */
const WIDE_GAP = /\S(?:[ \u3000]{2,}|\t)\S/u;

/** Where two cells may start apart and still be one column (characters of a fixed-width dump). */
const COLUMN_SLACK = 3;

/** A fixed-width dump (pdftotext -layout) keeps each column at one position on a page, but drops
 *  empty cells, so a row with fewer cells than the header cannot be matched from the right (a blank
 *  指标值 would take the 三级指标 for a value). On each page, the rows with every column give where the
 *  columns start; a shorter row's cells are put in the columns they start under, blanks in between.
 *  Where the full rows disagree on a column's place (a dump that does not keep positions) or a cell
 *  starts under no column, the rows are left as they are. */
export function alignToColumns(rows: Cell[][], header: { roles: (string | null)[] }, headerAt: number): Cell[][] {
  const first = header.roles.findIndex((r) => r !== null);
  const width = header.roles.length - first;
  if (first < 0 || width < 3) return rows;
  const out = rows.slice(0, headerAt + 1);
  const byPage = new Map<number | undefined, number[]>();
  rows.forEach((row, k) => {
    if (k <= headerAt || !row.length) return;
    const page = row[0]!.loc.page;
    byPage.set(page, [...(byPage.get(page) ?? []), k]);
  });
  const aligned = new Map<number, Cell[]>();
  for (const ks of byPage.values()) {
    const full = ks.map((k) => rows[k]!).filter((r) => r.length === width);
    if (full.length < 2) continue;
    const starts = Array.from({ length: width }, (_, c) => full.map((r) => r[c]!.loc.start ?? -1).sort((a, b) => a - b));
    if (starts.some((s) => s[0]! < 0 || s[s.length - 1]! - s[0]! > 2 * COLUMN_SLACK)) continue;
    const anchors = starts.map((s) => s[Math.floor(s.length / 2)]!);
    for (const k of ks) {
      const row = rows[k]!;
      if (row.length >= width) continue;
      const cols = row.map((c) => {
        const at = c.loc.start ?? -1;
        const best = anchors.map((a, j) => ({ j, d: Math.abs(a - at) })).sort((x, y) => x.d - y.d)[0]!;
        return best.d <= COLUMN_SLACK ? best.j : -1;
      });
      if (cols.some((j, n) => j < 0 || (n > 0 && j <= cols[n - 1]!))) continue;
      const { start: _s, end: _e, ...lineLoc } = row[0]!.loc;
      aligned.set(k, anchors.map((_, j) => row[cols.indexOf(j)] ?? { text: '', raw: '', loc: { ...lineLoc } }));
    }
  }
  for (let k = headerAt + 1; k < rows.length; k++) out.push(aligned.get(k) ?? rows[k]!);
  return out;
}
