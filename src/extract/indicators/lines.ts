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
export function lineTable(doc: SegmentedDocument, titleIndex: number, isTitle: (text: string) => boolean): SourceTable | null {
  const title = doc.blocks[titleIndex] as Extract<Block, { kind: 'line' }>;
  const id = `${title.line.loc.page !== undefined ? `p${title.line.loc.page}` : `¶${title.line.loc.paragraph}`}l${title.line.loc.line}`;
  const rows: Cell[][] = [];
  for (let i = titleIndex + 1; i < doc.blocks.length && rows.length < 300; i++) {
    const b = doc.blocks[i]!;
    if (b.kind !== 'line' || doc.headingBlocks.has(i)) break;
    const t = b.line.text;
    if (isTitle(t) || /^(备注|注|说明)[：:]/.test(t) || (t.length > 30 && /[。；]$/.test(t))) break;
    rows.push(lineCells(b.line));
  }
  return rows.length ? { id: `lines:${id}`, rows, loc: { ...title.line.loc, table: `lines:${id}` } } : null;
}
