// Which canonical metric a column header names (patterns/tables.yaml `columns`), read strictly: a PDF
// grid that merged two header cells ("合计因公出国(境)费") or lost a sub-column's own header (the group
// header 公务用车购置及运行费 left over a 购置费 column) must give no metric rather than a wrong one.
import { foldText, type TableDef } from './defs.js';
import { isColumnNumber } from '../../table-titles.js';

/** Header parts that only say which figure of the item the column holds (预算数 / 决算数). */
const ROLE_PART = /^(?:预算数?|决算数?|数|金额|执行数|本年数)$/;
const ROLE_SUFFIX = /(?:预算数|决算数|预算)$/;
const SUBTOTAL = /^(?:小计|合计)$/;

const parts = (header: string): string[] =>
  header
    .split('/')
    .map((p) => foldText(p).replace(/^20\d\d年度?/, ''))
    .filter((p) => p && !isColumnNumber(p));

/** The header's own item: role-only parts dropped from the end, a role suffix cut off the leaf. */
function item(header: string): { leaf: string; parents: string[] } {
  const ps = parts(header);
  while (ps.length > 1 && ROLE_PART.test(ps[ps.length - 1]!)) ps.pop();
  const last = ps.pop() ?? '';
  const leaf = last.length > 2 && ROLE_SUFFIX.test(last) && !SUBTOTAL.test(last) ? last.replace(ROLE_SUFFIX, '') : last;
  return { leaf, parents: ps };
}

/** Metrics of the catalogue keys a text contains (a key inside a longer found key does not count). */
function metricsIn(text: string, keys: [string, string][]): Set<string> {
  const found = keys.filter(([k]) => text.includes(k));
  const kept = found.filter(([k]) => !found.some(([o]) => o !== k && o.includes(k)));
  return new Set(kept.map(([, m]) => m));
}

/** The metric each column's header names, or null where the header is ambiguous or names a part. */
export function columnMetrics(def: TableDef, header: string[]): (string | null)[] {
  const keys = Object.entries(def.columns ?? {}).map(([k, m]) => [foldText(k), m] as [string, string]);
  const exact = new Map(keys);
  const items = header.map(item);
  // Group headers: a part some column has above its own leaf (公务用车购置及运行费 over 购置费/运行费).
  const groups = new Set(items.flatMap((x) => x.parents));
  return items.map(({ leaf, parents }) => {
    if (!leaf) return null;
    if (SUBTOTAL.test(leaf)) {
      // The 小计 of a group is the group's figure (“三公”经费/小计 → the 三公 total, not the 合计 that
      // adds 会议费 and 培训费); a bare 合计/小计 means what the catalogue says.
      const parent = parents[parents.length - 1];
      const ms = parent ? metricsIn(parent, keys) : new Set<string>();
      if (ms.size > 1) return null;
      return ms.size === 1 ? [...ms][0]! : (exact.get(leaf) ?? null);
    }
    if (groups.has(leaf)) return null;
    // An item run together with a 小计/合计 ("公务接待费小计") is two header cells merged.
    const rest = keys.reduce((r, [k]) => r.replace(k, ''), leaf);
    if (/小计|合计/.test(rest)) return null;
    const ms = metricsIn(leaf, keys);
    return ms.size === 1 ? [...ms][0]! : null;
  });
}
