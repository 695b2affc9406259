// Which standard table a title line names (patterns/tables.yaml). Ingest only needs the layout, to
// rebuild the grid; extract decides the final kind from title and contents.
import { loadPattern } from '../../patterns.js';
import { foldTableText as foldTitle, tableDefForTitle } from '../../table-titles.js';

export type Layout = 'columns' | 'halves' | 'single';
export interface TitleDef {
  kind: string;
  titles: string[];
  layout: Layout;
}

/** The table a short title-like line names, or null (sentences that mention a table are not titles). */
export const matchTitle = (text: string): TitleDef | null => tableDefForTitle<TitleDef>(text);

let indicatorAliases: string[] | null = null;

/** Whether a short line is the title of an indicator table (patterns/tables.yaml indicatorTables):
 *  these are read from their rulings, not by the standard-table layouts. */
export function isIndicatorTitle(text: string): boolean {
  indicatorAliases ??= loadPattern<{ indicatorTables: { titles: string[] }[] }>('tables.yaml').indicatorTables.flatMap((d) => d.titles.map(foldTitle));
  const t = foldTitle(text);
  if (t.length > 40 || /[。；;，,：:]|情况说明|说明$/.test(t)) return false;
  return indicatorAliases.some((a) => t.includes(a));
}
