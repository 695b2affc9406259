// Which standard table a title names (patterns/tables.yaml `tables`): ingest needs it to find the tables
// it grids, extract to name the tables it reads; one matcher serves both.
import { loadPattern } from './patterns.js';

/** Fold what varies in print but not in meaning: spaces, quotes, bracket widths, 、 vs ，. */
export const foldTableText = (s: string): string =>
  s.replace(/[\s“”"'‘’「」『』]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, '、');

interface TitledDef {
  kind?: string;
  titles: string[];
  /** Words that, printed just before one of `titles`, make the title another table's (收入支出决算表 is
   *  not the 支出决算表, 一般公共预算财政拨款项目支出决算表 not either). */
  notAfter?: string[];
}

let index: { alias: string; def: TitledDef }[] | null = null;
const aliases = () =>
  (index ??= loadPattern<{ tables: TitledDef[] }>('tables.yaml')
    .tables.flatMap((def) => def.titles.map((t) => ({ alias: foldTableText(t), def })))
    .sort((a, b) => b.alias.length - a.alias.length));

/** Whether `before` (the folded text in front of a title phrase) ends with a word that makes the title
 *  another table's (patterns/tables.yaml `notAfter` of the table `def`). */
const qualified = (def: TitledDef, before: string) => (def.notAfter ?? []).some((q) => before.endsWith(foldTableText(q)));

/** The entry of patterns/tables.yaml `tables` whose title a short title-like line names (the longest
 *  alias contained, not qualified by a word before it, wins), or null: sentences that mention a table
 *  are not titles. */
export function tableDefForTitle<T extends TitledDef>(text: string): T | null {
  const t = foldTableText(text);
  if (t.length > 70 || /[。；;]|情况说明|说明$/.test(t)) return null;
  const hit = aliases().find((a) => {
    const at = t.indexOf(a.alias);
    return at >= 0 && !qualified(a.def, t.slice(0, at));
  });
  return hit && t.length <= hit.alias.length + 40 ? (hit.def as T) : null;
}

/** Whether a title that ends with `name` (a title phrase of the table of kind `kind`) is another table's:
 *  the text in front of `name` ends with one of that table's `notAfter` words. */
export function qualifiedTitle(kind: string, title: string, name: string): boolean {
  const def = aliases().find((a) => a.def.kind === kind)?.def;
  if (!def) return false;
  const t = foldTableText(title);
  const n = foldTableText(name);
  const at = t.lastIndexOf(n);
  return at >= 0 && qualified(def, t.slice(0, at));
}

/** The table kinds of patterns/tables.yaml `tables` (the standard tables of every template). */
export const catalogueKinds = (): Set<string> => new Set(aliases().map((a) => a.def.kind ?? ''));
