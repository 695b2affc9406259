// Column names of the standard-table grids from the table's rulings, where it has them. Header text
// is centred in merged and wrapped cells, so naming a column by the words above it goes wrong when a
// word sits off the data (收入 over 项目 | 决算数, 科目编码 over 类 | 款 | 项); the ruled header cells say
// exactly which columns each name covers. A name goes top-down through the header cells over the
// column (收入/项目); a blank column that shares its ruled column with another column was a stray word.
import type { Cell, SourceTable } from '../../model.js';
import { isColumnNumber } from '../../table-titles.js';
import { normalize } from '../normalize.js';
import type { NumberedLine } from './index.js';
import type { Glyph } from './layout.js';
import { frames, ruledLayout } from './ruled.js';
import type { Rulings } from './rulings.js';
import type { FoundTables, Geometry } from './tables.js';

export async function ruledHeaders(found: FoundTables, rulingsOf: (page: number) => Promise<Rulings>, lines: NumberedLine[][], glyphs: Glyph[][]): Promise<void> {
  for (const [table, geo] of found.geometry ?? []) {
    const names = await ruledNames(geo, rulingsOf, lines, glyphs);
    if (names) rename(table, geo, names);
  }
}

/** Per grid column: its name from the ruled header cells, or null where the rulings do not tell. */
async function ruledNames(geo: Geometry, rulingsOf: (page: number) => Promise<Rulings>, lines: NumberedLine[][], glyphs: Glyph[][]): Promise<({ name: string; slot: number } | null)[] | null> {
  const left = Math.min(...geo.columns.map((c) => c.x0));
  const right = Math.max(...geo.columns.map((c) => c.x1));
  const frame = frames(geo.page, await rulingsOf(geo.page)).find((f) => f.top > geo.dataY && f.bottom < geo.dataY && f.left < right && f.right > left);
  if (!frame) return null;
  const page = { page: geo.page, rulings: { h: frame.h, v: frame.v }, glyphs: glyphs[geo.page - 1] ?? [], lines: lines[geo.page - 1] ?? [] };
  const layout = ruledLayout([{ frame, page }], 'header');
  if (!layout) return null;
  const { xs, ys, table } = layout;
  const headerRows = table.rows.filter((_, r) => ys[r + 1]! > geo.dataY + 1);
  if (!headerRows.length) return null;
  return geo.columns.map((c) => {
    // The outer columns of some layouts reach far beyond the table: measure within the frame.
    const cx = (Math.max(c.x0, frame.left) + Math.min(c.x1, frame.right)) / 2;
    const slot = xs.findIndex((x, k) => k < xs.length - 1 && cx >= x && cx < xs[k + 1]!);
    if (slot < 0) return null;
    const parts: string[] = [];
    for (const row of headerRows) {
      const t = row[slot]!.text.replace(/\s/g, '');
      // (a 栏次 row's cells, 栏次 over the labels and ** or 1 2 3 … over the figures, number the columns: they name none; 行次 names a column of row numbers)
      if (t && parts[parts.length - 1] !== t && !(isColumnNumber(t) && t !== '行次')) parts.push(t);
    }
    if (geo.dropTop && parts.length >= 2) parts.shift();
    return parts.length ? { name: parts.join('/'), slot } : null;
  });
}

function rename(table: SourceTable, geo: Geometry, names: ({ name: string; slot: number } | null)[]): void {
  const header = table.rows[0]!;
  names.forEach((n, k) => {
    if (!n) return;
    const cell = header[k]!;
    // 类 / 款 / 项 can share the ruled row of the first data line (合计): keep the one the text layout found.
    const leaf = /(类|款|项)$/.exec(cell.text)?.[1];
    const name = leaf && !n.name.endsWith(leaf) ? `${n.name}/${leaf}` : n.name;
    header[k] = { ...cell, text: normalize(name).text, raw: name };
  });
  // A blank column in the same ruled column as another column: the stray word made it; drop it.
  const drop = new Set(
    names.flatMap((n, k) => (n && geo.columns[k]!.empty && names.some((m, j) => j !== k && m?.slot === n.slot && !geo.columns[j]!.empty) ? [k] : [])),
  );
  if (!drop.size) return;
  table.rows = table.rows.map((row) => row.filter((_, k) => !drop.has(k)).map((c, k): Cell => ({ ...c, loc: { ...c.loc, col: k } })));
}
