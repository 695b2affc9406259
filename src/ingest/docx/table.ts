// A Word table as a rectangular grid: mammoth gives each cell its colSpan/rowSpan (vMerge
// continuations already folded into rowSpan); we lay the cells out and fill merged areas with
// copies marked `spanned`, so every row has the same length and columns line up. A table is one
// paragraph of the body; its cells' `line` is their 1-based row, so `¶199:19` finds the row.
import type { Cell, SourceTable } from '../../model.js';
import { makeLine } from '../normalize.js';
import { parseChecks } from './checks.js';
import { textOf, type MCell, type MRow, type MTable } from './elements.js';

export function readTable(t: MTable, id: string, paragraph: number): SourceTable {
  const rows = (t.children ?? []).filter((r): r is MRow => r.type === 'tableRow');
  const grid: (Cell | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const mc of (row.children ?? []).filter((x): x is MCell => x.type === 'tableCell')) {
      while (grid[r]![c]) c++;
      const raw = textOf(mc).trim();
      const line = makeLine(raw, { paragraph, line: r + 1 });
      const cell: Cell = { text: line.text, raw, loc: { paragraph, line: r + 1, table: id, row: r, col: c } };
      const checks = parseChecks(raw);
      if (checks) cell.checks = checks;
      const rowSpan = Math.max(1, Math.min(mc.rowSpan, rows.length - r));
      const colSpan = Math.max(1, mc.colSpan);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (dr === 0 && dc === 0) grid[r]![c] = cell;
          else grid[r + dr]![c + dc] = { ...cell, spanned: true, loc: { ...cell.loc, line: r + dr + 1, row: r + dr, col: c + dc } };
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  const filled: Cell[][] = grid.map((g, r) =>
    Array.from({ length: width }, (_, c) => g[c] ?? { text: '', raw: '', loc: { paragraph, line: r + 1, table: id, row: r, col: c } }),
  );
  const table: SourceTable = { id, rows: filled, loc: { paragraph, line: 1, table: id } };
  const headerRows = rows.findIndex((r) => !r.isHeader);
  if (headerRows > 0) table.headerRows = headerRows;
  return table;
}
