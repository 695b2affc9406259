// Which standard table a title names (patterns/tables.yaml `tables`): ingest needs it to find the tables
// it grids, extract to name the tables it reads; one matcher serves both.
import { loadPattern } from './patterns.js';

/** Fold what varies in print but not in meaning: spaces, quotes, bracket widths, 、 vs ，. */
export const foldTableText = (s: string): string =>
  s.replace(/[\s“”"'‘’「」『』]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, '、');

interface TitledDef {
  titles: string[];
}

let index: { alias: string; def: TitledDef }[] | null = null;

/** The entry of patterns/tables.yaml `tables` whose title a short title-like line names (the longest
 *  alias contained wins), or null: sentences that mention a table are not titles. */
export function tableDefForTitle<T extends TitledDef>(text: string): T | null {
  index ??= loadPattern<{ tables: TitledDef[] }>('tables.yaml')
    .tables.flatMap((def) => def.titles.map((t) => ({ alias: foldTableText(t), def })))
    .sort((a, b) => b.alias.length - a.alias.length);
  const t = foldTableText(text);
  if (t.length > 70 || /[。；;]|情况说明|说明$/.test(t)) return null;
  const hit = index.find((a) => t.includes(a.alias));
  return hit && t.length <= hit.alias.length + 40 ? (hit.def as T) : null;
}
