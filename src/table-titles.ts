// Which standard table a title names (patterns/tables.yaml `tables`): ingest needs it to find the tables
// it grids, extract to name the tables it reads; one matcher serves both.
import { loadPattern } from './patterns.js';

/** Fold what varies in print but not in meaning: spaces, quotes, bracket widths, 、 vs ，. */
export const foldTableText = (s: string): string =>
  s.replace(/[\s“”"'‘’「」『』]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, '、');

/** A header part that numbers the column (the 栏次 row under a header: 栏次 | 1 | 2, or ** | 1 | 2), never
 *  what the column holds. */
export const isColumnNumber = (part: string): boolean => /^(?:\d{1,2}|\*+|栏次|行次)$/u.test(part);

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
const qualified = (def: TitledDef, before: string) => (def.notAfter ?? []).some((q) => endsWithRead(before, foldTableText(q)));

/** Whether `t` ends with `word` as printed or as an OCR reads it (收人 for 收入: 收人支出决算总表 is the
 *  收入支出决算总表, not the 支出决算总表). */
function endsWithRead(t: string, word: string): boolean {
  if (t.length < word.length) return false;
  const tail = t.slice(t.length - word.length);
  return [...word].every((c, i) => tail[i] === c || lookalike(c, tail[i]!));
}

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
  if (hit) return t.length <= hit.alias.length + 40 ? (hit.def as T) : null;
  return (nearTitle(t) as T | null) ?? null;
}

// ---------------------------------------------------------------- titles that lost a character

let lookalikes: Set<string> | null = null;
/** Whether an OCR reads `read` for `printed` (patterns/tables.yaml `ocrLookalikes`). */
const lookalike = (printed: string, read: string) =>
  (lookalikes ??= new Set(loadPattern<{ ocrLookalikes?: [string, string][] }>('tables.yaml').ocrLookalikes?.flatMap(([a, b]) => [a + b, b + a]) ?? [])).has(printed + read);

let vocabulary: Set<string> | null = null;
/** Every character of every title phrase: a character outside it is no wording of any table. */
const vocab = () => (vocabulary ??= new Set(aliases().flatMap((a) => [...a.alias])));

/** The fewest edits that make `alias` the end of `t` (where the match starts in `t` too): a character of
 *  the alias missing from `t` (dropped in conversion: 出决算表 for 支出决算表), or replaced by a character no
 *  title phrase has (OCR: 决箅表), or by its OCR lookalike (收人 for 收入, half the cost: the nearer reading).
 *  Never a character of another wording (预算 for 决算, 收入 for 支出: another table) and never the closing 表. */
function editsToEnd(t: string, alias: string, most: number): { cost: number; start: number } | null {
  const V = vocab();
  const n = alias.length;
  const m = t.length;
  if (alias[n - 1] !== t[m - 1]) return null;
  // d[i][j]: cost of matching alias[i..] against t[j..] with the match ending at t's end
  let next = Array.from({ length: m + 1 }, (_, j) => (j === m ? 0 : Infinity));
  for (let i = n - 1; i >= 0; i--) {
    const cur = new Array<number>(m + 1).fill(Infinity);
    for (let j = m; j >= 0; j--) {
      let best = next[j]! + 1; // alias[i] dropped from the title
      if (j < m && t[j] === alias[i]) best = Math.min(best, next[j + 1]!);
      // (a known lookalike is the nearer reading: 收人 is 收入 before it is 收支)
      else if (j < m && lookalike(alias[i]!, t[j]!)) best = Math.min(best, next[j + 1]! + 0.5);
      else if (j < m && !V.has(t[j]!)) best = Math.min(best, next[j + 1]! + 1);
      cur[j] = best;
    }
    next = cur;
  }
  let found: { cost: number; start: number } | null = null;
  for (let j = 0; j <= m; j++) if (next[j]! <= most && (!found || next[j]! < found.cost)) found = { cost: next[j]!, start: j };
  return found;
}

/** A title-like line (ending with 表, short) that no phrase names but one names with a character or two
 *  lost (one for a phrase under 10 characters, two from 10 on): the table of the one best phrase, where
 *  every phrase as near is that table's; else null. */
function nearTitle(t: string): TitledDef | null {
  if (!t.endsWith('表') || t.length > 40) return null;
  let best: { cost: number; defs: Set<TitledDef> } | null = null;
  for (const a of aliases()) {
    if (a.alias.length < 5 || t.length > a.alias.length + 20) continue;
    const e = editsToEnd(t, a.alias, a.alias.length >= 10 ? 2 : 1);
    if (!e || e.cost === 0 || qualified(a.def, t.slice(0, e.start))) continue;
    if (!best || e.cost < best.cost) best = { cost: e.cost, defs: new Set([a.def]) };
    else if (e.cost === best.cost) best.defs.add(a.def);
  }
  if (!best) return null;
  const kinds = new Set([...best.defs].map((d) => d.kind));
  return kinds.size === 1 ? [...best.defs][0]! : null;
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
