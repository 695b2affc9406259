// The template's identities over the ledger (patterns/identities.yaml, issue 11): table sums (each 类 =
// Σ 款 = Σ 项, each row = Σ its columns), tables against tables (公开01 = 公开02/03, 公开04 by fund =
// 05/08/09, 公开05 基本支出 = 公开06, 30217 ≤ the 三公 table …) and narrative figures against the cell they
// restate. Every printed figure is an interval (± half a unit of its last digit; a blank cell is an
// exact 0): a flag only when no values inside the intervals satisfy the identity. Integer arithmetic
// (BigInt, in 10⁻⁵ 元) throughout: never floats for money.
import { amountScale } from '../amount.js';
import type { ExtractedDocument, Fact, Flag, Severity, TableRecord } from '../model.js';
import { loadPattern } from '../patterns.js';
import { parseAmount } from '../extract/tables/amount.js';
import { columnKey, foldName } from '../extract/ledger.js';
import { grandRows, withCarryIn } from '../extract/summary.js';
import { foldTableText } from '../table-titles.js';
import { makeFlag } from './flag.js';

type RowSel = 'total' | { name?: string[]; code?: string };
interface Term {
  table: string | string[];
  row?: RowSel;
  /** a column key, or several where tables of the kind print the figure under different headers */
  column?: string | string[];
  role?: 'actual' | 'budget';
}
interface Identity {
  id: string;
  kind: 'tree' | 'row' | 'cross' | 'halves' | 'funds' | 'ladder' | 'outline' | 'items' | 'classes';
  /** funds: the row label of the total and of its parts (regular expressions, on folded text). */
  totalLabel?: string;
  partLabels?: string;
  what?: string;
  tables?: string[];
  economic?: boolean;
  total?: string;
  parts?: string[];
  besides?: string[];
  /** row: a part that, where the table has no column of its own for it, is the sum of these columns. */
  instead?: Record<string, string[]>;
  /** row: read the table role by role (预算数 and 决算数 columns under each item). */
  byRole?: boolean;
  equal?: Term[];
  atMost?: [Term, Term];
}
interface IdentitiesFile {
  identities: Identity[];
  restatements: {
    functionTables: Record<string, string[]>;
    allSourcesTables: string[];
    columns: Record<string, string[]>;
    severityByCode: Severity;
    severityByMetric: Severity;
    /** Column keys a narrative figure may restate by its words alone (where the tables print the
     *  column's figure once): 机关运行经费. */
    byColumn?: string[];
  };
}

const cfg = () => loadPattern<IdentitiesFile>('identities.yaml');
const TOTAL_ROWS = () => new Set(loadPattern<{ totalRows: string[] }>('tables.yaml').totalRows.map((x) => foldTableText(x)));

/** A printed figure as an interval: centre `v` and half-width `h`, in 10⁻⁵ of the table's unit scale. */
export interface Fig {
  v: bigint;
  h: bigint;
  fact?: Fact;
}

/** "2,940.05" in 万元 → v = 294005·10⁴·10³ (10⁻⁵ 元), h = half a unit of the last digit. Null when the
 *  unit is not money (then `scale` 0 compares within one table only) or the figure has > 9 decimals. */
export function figOf(text: string, unit: string | null | undefined, sameTable = false, minDecimals = 0): Fig | null {
  const a = parseAmount(text);
  if (!a) return null;
  const scale = amountScale(unit) ?? (sameTable ? 0 : undefined);
  if (scale === undefined) return null;
  const t = a.text.replace(/[(),\s]/g, '').replace('−', '-');
  const neg = t.startsWith('-') || a.text.startsWith('(');
  const [int, frac = ''] = t.replace(/^-/, '').split('.');
  const exp = scale + 5 - frac.length;
  if (exp < 1) return null;
  const digits = BigInt(`${int}${frac}`);
  const v = digits * 10n ** BigInt(exp);
  // A bare 0 in a table that prints decimals is a zero (like a blank), as precise as the table's others;
  // any other integer keeps its own precision (22,118,861 printed for 22,118,861.34).
  const hexp = digits === 0n && !frac ? Math.max(1, Math.min(exp, scale + 5 - minDecimals)) : exp;
  return { v: neg ? -v : v, h: 5n * 10n ** BigInt(hexp - 1) };
}

const ZERO: Fig = { v: 0n, h: 0n };
const abs = (x: bigint) => (x < 0n ? -x : x);

/** Is `total = Σ parts` possible within the intervals? */
export function sumFits(total: Fig, parts: Fig[]): boolean {
  const diff = total.v - parts.reduce((s, p) => s + p.v, 0n);
  const slack = total.h + parts.reduce((s, p) => s + p.h, 0n);
  return diff === 0n || abs(diff) < slack;
}

/** Does a narrative figure restate a table cell? Exactly, within the two printed intervals; and where the
 *  figure converts the cell to a coarser unit (877,080.00元 written 87.70万元: the 万元 figure keeps fewer
 *  digits than the cell), also cut off rather than rounded: the cell lies in [figure, figure + one unit of
 *  its last digit) (away from zero). The tolerance comes from the conversion; within one unit nothing is
 *  converted, so a restatement is exact (269.85 against 269.86 stays a conflict). */
export function restates(mine: Fig, mineUnit: string, cell: Fig, cellUnit: string): boolean {
  if (sumFits(mine, [cell])) return true;
  if (mineUnit === cellUnit || cell.h >= mine.h) return false;
  const [m, c] = mine.v < 0n ? [-mine.v, -cell.v] : [mine.v, cell.v];
  // (cut off: the cell lies in [mine, mine + one unit of mine's last digit): 87.70万元 for 877,080元, never
  // 9.99万元 for 100,000.00元)
  return c + cell.h > m && c < m + 2n * mine.h;
}

/** Is `a ≤ b` possible within the intervals? */
export const atMostFits = (a: Fig, b: Fig): boolean => a.v - a.h < b.v + b.h || a.v <= b.v;

/** An integer count of 10⁻⁵ 元-scale units of `unit`, printed with `decimals` places (exact); the unit
 *  is appended unless `bare`. */
function show(v: bigint, unit: string, decimals: number, bare = false): string {
  const scale = amountScale(unit) ?? 0;
  const per = 10n ** BigInt(Math.max(0, scale + 5 - decimals));
  const neg = v < 0n;
  const a = abs(v);
  const q = a / per + ((a % per) * 2n >= per ? 1n : 0n);
  const s = q.toString().padStart(decimals + 1, '0');
  const txt = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return `${neg && q ? '-' : ''}${txt}${bare ? '' : unit}`;
}

const decimals = (f?: Fact) => /\.(\d+)/.exec(f?.text ?? '')?.[1]?.length ?? 0;

// ---------------------------------------------------------------- the ledger's tables

interface Ledger {
  doc: ExtractedDocument;
  tables: Map<string, TableRecord>;
  /** Facts of each table, by id. */
  cells: Map<string, Fact[]>;
  /** Tables every amount of which was read as a fact (sums across columns are checked only there). */
  complete: Set<string>;
  /** Columns (tableId|col) every amount of which was read as a fact: a 科目 tree is checked column by
   *  column, so a column with a doubted cell (a page-text row that cannot say where a figure stands) does
   *  not keep the others from being checked. */
  completeCols: Set<string>;
  /** Rows (tableId|row) that do not add up across their columns: their 类/款 sums are not flagged again. */
  badRows: Set<string>;
  /** 科目 sums checked and failed per table (tree identities): a table most of whose sums fail is read
   *  as one defect (figures shifted against the 科目 names), not as many. */
  treeStats: Map<string, { checked: number; failed: number; shift: { k: number; fit: number; of: number } | null }>;
  /** The most decimals a figure of each table is printed with. */
  decimals: Map<string, number>;
  /** Rows (tableId|row) with an amount that gave no fact (a page-text row that cannot say which column a
   *  figure stands in): a blank cell of such a row may be where that figure belongs, so it is not a 0. */
  doubt: Set<string>;
  /** Uncertain cells of each table's source grid (uncertainCells), read once. */
  uncertain: Map<string, Map<string, 'ocr' | 'column'>>;
}

function ledgerOf(doc: ExtractedDocument): Ledger {
  const tables = new Map(doc.tables.map((t) => [t.id, t]));
  const cells = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    const id = f.about?.tableId;
    if (f.from !== 'table' || !id) continue;
    cells.set(id, [...(cells.get(id) ?? []), f]);
  }
  const complete = new Set<string>();
  const completeCols = new Set<string>();
  const doubt = new Set<string>();
  for (const [id, facts] of cells) {
    const t = tables.get(id);
    if (!t) continue;
    const cols = new Set(facts.map((f) => f.about!.col ?? -1));
    // A bare 科目 code (30203) in a column whose figures print decimals is a code a page-text row put
    // there, not an amount left unread (the reader gives it no fact for the same reason).
    const decimalCol = new Set([...cols].filter((c) => facts.some((f) => f.about!.col === c) && facts.filter((f) => f.about!.col === c).every((f) => f.text.includes('.'))));
    const isCode = (x: string, c: number) => decimalCol.has(c) && /^\s*\d{3}(?:\d{2}){0,2}\s*$/.test(x);
    const amounts = new Map<number, number>();
    t.rows.forEach((r) => r.forEach((x, c) => cols.has(c) && parseAmount(x) && !isCode(x, c) && amounts.set(c, (amounts.get(c) ?? 0) + 1)));
    const read = new Map<number, number>();
    for (const f of facts) read.set(f.about!.col ?? -1, (read.get(f.about!.col ?? -1) ?? 0) + 1);
    for (const c of cols) if (amounts.get(c) === read.get(c)) completeCols.add(`${id}|${c}`);
    if ([...cols].every((c) => completeCols.has(`${id}|${c}`))) complete.add(id);
    const at = new Set(facts.map((f) => `${f.about!.row}|${f.about!.col}`));
    t.rows.forEach((r, ri) => r.forEach((x, c) => cols.has(c) && parseAmount(x) && !isCode(x, c) && !at.has(`${ri}|${c}`) && doubt.add(`${id}|${ri}`)));
  }
  const dec = new Map([...cells].map(([id, fs]) => [id, Math.max(0, ...fs.map((f) => decimals(f)))]));
  const l: Ledger = { doc, tables, cells, complete, completeCols, badRows: new Set(), doubt, decimals: dec, treeStats: new Map(), uncertain: new Map() };
  // A figure the OCR doubted, wherever the reader put it (年末结转和结余55:34 read into the label, its value cell
  // blank): the row's blanks may be where it stands, so they are no zeros (as for figures page text could not place).
  for (const [id, t] of tables)
    for (const [at, why] of uncertainCells(l, id)) {
      const [r, c] = at.split('|').map(Number);
      if (why === 'ocr' && /\d/.test(t.rows[r!]?.[c!] ?? '')) doubt.add(`${id}|${r}`);
    }
  return l;
}

/** The one figure the cells of one item print (every cell read, all alike, none on a row already flagged), or null. */
function agreedFig(l: Ledger, fs: Fact[]): Fig | null {
  const gs = fs.map((f) => figOf(f.text, f.unit));
  if (gs.some((g) => !g) || gs.some((g) => g!.v !== gs[0]!.v || g!.h !== gs[0]!.h)) return null;
  if (fs.some((f) => l.badRows.has(`${f.about!.tableId}|${f.about!.row}`))) return null;
  return { ...gs[0]!, fact: fs[0]! };
}

/** A cell's figure within its table (identities inside one table: any unit, the table's precision). */
const figIn = (l: Ledger, tableId: string, f: Fact, unit: string | null): Fig | null => figOf(f.text, unit, true, l.decimals.get(tableId) ?? 0);

const cellText = (l: Ledger, tableId: string, row: number, col: number) => l.tables.get(tableId)?.rows[row]?.[col] ?? '';
const isBlank = (x: string) => /^[\s\-—–/]*$/.test(x);

/** The figure of a cell: its fact, an exact 0 for a blank cell, null when it holds something unread. */
function cellFig(l: Ledger, tableId: string, row: number, col: number, byPos: Map<string, Fact>, unit: string | null, strict = false): Fig | null {
  const f = byPos.get(`${row}|${col}`);
  if (f) {
    const g = figIn(l, tableId, f, unit);
    return g ? { ...g, fact: f } : null;
  }
  return isBlank(cellText(l, tableId, row, col)) && !(strict && l.doubt.has(`${tableId}|${row}`)) ? ZERO : null;
}

const where = (f: Fact | undefined, t?: TableRecord) => {
  if (!f) return '';
  const page = f.loc.page !== undefined ? `第${f.loc.page}页` : f.loc.paragraph !== undefined ? `第${f.loc.paragraph}段` : '';
  return `${t?.kind ?? f.about?.table ?? ''}${page}`;
};
const rowName = (f: Fact) => [f.about?.code, f.about?.name].filter(Boolean).join('');
/** A column header's own name: its last part, with the item above a role part (合计（预算数）). */
const headName = (h: string) => {
  const ps = h.split('/').filter(Boolean);
  const last = ps[ps.length - 1] ?? '';
  if (ps.length > 1 && last === '小计') return ps[ps.length - 2]!; // 公务用车购置及运行费/小计 (a group's own figure)
  return ps.length > 1 && /^(?:预算数?|决算数?|金额|执行数)$/.test(last) ? `${ps[ps.length - 2]}（${last}）` : last;
};
const colName = (l: Ledger, f: Fact) => headName(l.tables.get(f.about?.tableId ?? '')?.header[f.about?.col ?? -1] ?? '');

/** The ledger's tables of the kinds an identity names, with their cell facts. */
function* tablesOf(l: Ledger, id: Identity) {
  const kinds = new Set(id.tables ?? []);
  for (const [tableId, facts] of l.cells) {
    const t = l.tables.get(tableId)!;
    if (kinds.has(t.kind)) yield { tableId, t, facts };
  }
}

// ---------------------------------------------------------------- tree: 类 = Σ 款 = Σ 项

function trees(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  for (const { tableId, t, facts } of tablesOf(l, id)) {
    const want = id.economic ? 'economic' : 'function';
    const coded = facts.filter((f) => f.about?.code && f.about.codeKind === want);
    if (!coded.length) continue;
    // A figure on an uncoded row among a parent's children, in their column (a code lost to wrapping, or
    // printed in the other half's cell by a page-text row): that parent's sum is not whole (checked per
    // parent below; the other half of a two-halves table is another list).
    const uncodedIn = (col: number, from: number, to: number) =>
      facts.some((f) => !f.about?.code && f.about?.col === col && f.about.row !== undefined && f.about.row > from && f.about.row <= to);
    // Rows of each code. A code printed on two rows (30208 for two items, 长春 信访局 2026 预算06; or a tree
    // printed twice) makes the sums through it no simple tree: a parent that is such a code, or has one among its
    // children, gets no verdict; the rest of the table is still checked.
    const rowsOf = new Map<string, Set<number>>();
    for (const f of coded) rowsOf.set(f.about!.code!, (rowsOf.get(f.about!.code!) ?? new Set()).add(f.about!.row!));
    const twiceCoded = new Set([...rowsOf].filter(([, rs]) => rs.size > 1).map(([c]) => c));
    // (most codes twice: one tree printed twice, or two trees — no verdict on the table)
    if (twiceCoded.size * 2 > rowsOf.size) continue;
    const rowOfCode = (c: string) => [...rowsOf.get(c)!][0]!;
    // Codes printed with blank amounts count too (a 项 row with nothing in this column is 0).
    const codes = [...rowsOf.keys()];
    // Group by column meaning (the two halves of 公开06 are one column: 决算数).
    // A key two columns of one row share (合计 | 基本支出/小计, both read as total) is two columns, not halves.
    const twice = new Set(
      facts.filter((f, i) => f.about!.column && facts.some((g, j) => j !== i && g.about!.row === f.about!.row && g.about!.column === f.about!.column)).map((f) => f.about!.column!),
    );
    const keyOf = (f: Fact) => (f.about!.column && !twice.has(f.about!.column) ? f.about!.column : `#${f.about!.col}`);
    const groups = new Map<string, Fact[]>();
    for (const f of coded) {
      const k = keyOf(f);
      groups.set(k, [...(groups.get(k) ?? []), f]);
    }
    const widest = [...groups.values()].sort((a, b) => b.length - a.length)[0];
    const once = (f: Fact) => !twiceCoded.has(f.about!.code!);
    if (widest) shiftStats(l, tableId, t, coded.filter(once), widest.filter(once));
    const outside = unreadOutsideTree(l, tableId, facts, coded);
    // The codes of rows with a figure the OCR doubted (案件执行775:00, the figure run into the label, no fact on the
    // row): their parents' sums are not whole.
    const unc = uncertainCells(l, tableId);
    const doubtedCodes = t.rows.flatMap((row, r) =>
      row.some((_, c) => unc.get(`${r}|${c}`) === 'ocr') ? row.map((x) => x.trim()).filter((x) => /^\d{3}(?:\d{2}){0,2}$/.test(x)) : [],
    );
    // A table printed page by page, each page a table of its own (the header band printed again, no 合计 or
    // 续 to join them by): a 科目 whose block runs to the page's last row may have more children on the next
    // page's table, unless that one begins with a 科目 outside it.
    const next = nextPiece(l, tableId, t);
    // (in its own column: the other half of a two-halves table, 301 | 302, is another list)
    const runsOn = (parent: string) => {
      if (next === undefined) return false;
      const cols = new Set(coded.filter((f) => f.about!.code === parent).map((f) => f.about!.col));
      if (coded.some((f) => cols.has(f.about!.col) && f.about!.row! > rowOfCode(parent) && !f.about!.code!.startsWith(parent))) return false;
      return next === null || next.some((c) => c.length > parent.length && c.startsWith(parent));
    };
    for (const [, group] of groups) {
      if (!group.every((f) => l.completeCols.has(`${tableId}|${f.about!.col}`) || outside)) continue;
      const byCode = new Map(group.map((f) => [f.about!.code!, f]));
      const bad = new Set<string>();
      for (const parent of codes) {
        if (parent.length >= 7) continue;
        const kids = codes.filter((c) => c.length === parent.length + 2 && c.startsWith(parent));
        if (twiceCoded.has(parent) || kids.some((k) => twiceCoded.has(k))) continue;
        if (!kids.length || doubtedCodes.some((c) => c.length > parent.length && c.startsWith(parent)) || runsOn(parent)) continue;
        const groupCol = group[0]!.about!.col!;
        const cols = new Set([byCode.get(parent), ...kids.map((k) => byCode.get(k))].filter((f): f is Fact => !!f).map((f) => f.about!.col!));
        if ([...(cols.size ? cols : [groupCol])].some((c) => uncodedIn(c, rowOfCode(parent), Math.max(...kids.map(rowOfCode))))) continue;
        const p = byCode.get(parent);
        // A blank on a row whose figures page text could not all place (l.doubt) may be where one stands:
        // a parent's is no 0; a child's counts 0 below, unless one of its row's unplaced figures closes the gap.
        const pf = p ? figIn(l, tableId, p, t.unit) : l.doubt.has(`${tableId}|${rowOfCode(parent)}`) ? null : ZERO;
        const parts = kids.map((k) => {
          const f = byCode.get(k);
          return f ? figIn(l, tableId, f, t.unit) : ZERO;
        });
        if (!pf || parts.some((x) => !x)) continue;
        if (!p && parts.every((x) => x!.v === 0n)) continue;
        const st = l.treeStats.get(tableId) ?? { checked: 0, failed: 0, shift: null };
        l.treeStats.set(tableId, st);
        st.checked++;
        if (sumFits(pf, parts as Fig[])) continue;
        // (also the uncoded rows of the parent's block: a child's figures printed on a line of their own)
        const loose = unplacedUncoded(l, tableId, t, rowOfCode(parent), parent, rowsOf);
        if (unplacedCloseGap(l, tableId, t, [...kids.filter((k) => !byCode.has(k)).map(rowOfCode), ...loose], pf, parts as Fig[])) continue;
        st.failed++;
        if (kids.some((k) => bad.has(k) || l.badRows.has(`${tableId}|${byCode.get(k)?.about?.row ?? coded.find((f) => f.about!.code === k)?.about?.row}`))) continue;
        bad.add(parent);
        const unit = t.unit ?? '';
        const dec = Math.max(decimals(p), ...kids.map((k) => decimals(byCode.get(k))));
        const sum = (parts as Fig[]).reduce((s, x) => s + x.v, 0n);
        // Without a parent figure, some child holds a nonzero one (all-zero children were skipped above).
        const anchor = p ?? kids.map((k) => byCode.get(k)).find((f): f is Fact => f !== undefined)!;
        const name = p ? rowName(p) : parent;
        const col = colName(l, anchor) || `第${(anchor.about?.col ?? 0) + 1}列`;
        flags.push(
          makeFlag(
            'SUM_MISMATCH',
            `${where(anchor, t)}${name}的“${col}”为${show(pf.v, unit, dec)}，与其${kids.length}个下级科目之和${show(sum, unit, dec)}不符。`,
            { ...anchor.loc },
            anchor.excerpt,
            { expected: show(sum, unit, dec, true), found: show(pf.v, unit, dec, true) },
          ),
        );
      }
      // The table's 合计 row = Σ its top 科目 (those no other printed code is a parent of).
      const totals = facts.filter((f) => !f.about?.code && f.about?.name && /^(?:合计|总计)$/.test(f.about.name) && keyOf(f) === keyOf(group[0]!));
      // One 合计, or the 合计 printed both above the first 科目 and below the last (a table over two pages that
      // restates its total at its foot): each = Σ top 科目.
      const codedRows = coded.map((f) => f.about!.row!);
      const [firstCoded, lastCoded] = [Math.min(...codedRows), Math.max(...codedRows)];
      const restated = totals.length === 2 && totals[0]!.about!.row! < firstCoded && totals[1]!.about!.row! > lastCoded;
      if (totals.length !== 1 && !restated) continue;
      // (a 合计 above the 科目 of a table going on on the next page's table: its top 科目 are not all here)
      if (next !== undefined && totals.every((x) => x.about!.row! < firstCoded)) continue;
      // (nor one above the 科目 of a table begun on the page before: the whole table's 合计 restated at the top of
      // its next page, over that page's 科目 only — 佛山 2026 收入决算表 p9: 合计 1668.14 over 221 60.87. Restated:
      // the piece before prints the same 合计 in the same column; a 合计 that leads its table, as 江苏 prints every
      // 科目 table, is still summed)
      const prev = totals.every((x) => x.about!.row! < firstCoded) ? prevPiece(l, tableId, t) : undefined;
      if (prev !== undefined && totals.every((x) => (l.cells.get(prev) ?? []).some((g) => !g.about?.code && g.about?.name === x.about!.name && g.about?.column === x.about!.column && g.text === x.text))) continue;
      for (const tot of totals) {
        if (l.badRows.has(`${tableId}|${tot.about!.row}`)) continue;
        // Every other figure of the column must sit on a coded row (a code lost to a fused cell hides a 类).
        if (facts.some((f) => !totals.includes(f) && keyOf(f) === keyOf(tot) && !(f.about?.code && f.about.codeKind === want))) continue;
        const roots = codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
        // (a top 科目 printed on two rows: which is its figure is not known)
        if (roots.some((c) => twiceCoded.has(c))) continue;
        const tf = figIn(l, tableId, tot, t.unit);
        const parts = roots.map((c) => {
          const f = byCode.get(c);
          return f ? figIn(l, tableId, f, t.unit) : ZERO;
        });
        if (!tf || !roots.length || parts.some((x) => !x) || sumFits(tf, parts as Fig[])) continue;
        if (roots.some((c) => bad.has(c))) continue;
        // A top 科目 whose row holds a figure the OCR doubted (住房保障支出 7,243:45: no fact, its cell no 0): the
        // sum of the top 科目 is not whole, as for a parent's children above.
        if (roots.some((c) => doubtedCodes.includes(c))) continue;
        // A 合计 added up from the lowest 科目 as printed, its top 科目 rounded from their own yuan sums: the two sums may
        // part by more than the top 科目's rounding. Where the 合计 is exactly the sum of the printed lowest rows, nothing
        // is wrong (无锡 人社 2026 预算06: 合计 26,790.33 = its 26 款, the 3 类 sum to 26,790.31, 301 23,647.92
        // against its 款's 23,647.94).
        const leaves = codes.filter((c) => !codes.some((o) => o !== c && o.startsWith(c)));
        // (a lowest 科目 printed on two rows: their sum, which may be the 合计's, is not known)
        if (leaves.some((c) => twiceCoded.has(c))) continue;
        if (leaves.length > roots.length) {
          const leafFigs = leaves.map((c) => {
            const f = byCode.get(c);
            return f ? figIn(l, tableId, f, t.unit) : ZERO;
          });
          // (exactly, as printed: a 合计 computed from the printed 科目 is their sum to the cent; within the rounding of
          // many parts, a changed 合计 — 9,312.90 → 9,312.96 of a 江苏 预算 — would pass)
          if (leafFigs.every((x) => x) && (leafFigs as Fig[]).reduce((a, x) => a + x.v, 0n) === tf.v) continue;
        }
        // Top 科目 of two levels (303, 310 beside 30205 …) mean a parent's row was not read (a table begun on a
        // page the reader did not give it): the roots are not the table's whole first level.
        if (new Set(roots.map((c) => c.length)).size > 1) continue;
        // A root blank here on a row page text could not place all its figures of (or an uncoded row's): one of
        // them may stand in this column, as for a parent's children above.
        const rootRows = roots.filter((c) => !byCode.has(c)).map(rowOfCode);
        if (unplacedCloseGap(l, tableId, t, [...rootRows, ...unplacedUncoded(l, tableId, t, -1, '', rowsOf).filter((r) => !totals.some((x) => x.about!.row === r))], tf, parts as Fig[])) continue;
        l.badRows.add(`${tableId}|${tot.about!.row}`);
        const unit = t.unit ?? '';
        const dec = Math.max(decimals(tot), ...roots.map((c) => decimals(byCode.get(c))));
        const sum = (parts as Fig[]).reduce((s, x) => s + x.v, 0n);
        flags.push(
          makeFlag(
            'SUM_MISMATCH',
            `${where(tot, t)}${tot.about!.name}的“${colName(l, tot)}”为${show(tf.v, unit, dec)}，与其${roots.length}个${roots.every((c) => c.length === 3) ? '类级' : '一级'}科目之和${show(sum, unit, dec)}不符。`,
            { ...tot.loc },
            tot.excerpt,
            { expected: show(sum, unit, dec, true), found: show(tf.v, unit, dec, true) },
          ),
        );
      }
    }
  }
  return flags;
}

/** The table printed on the page after this table's last, of the same kind, as a table of its own (a table
 *  over pages the reader did not join): the 科目 codes of its first coded row ([] when a 合计 leads it, null when
 *  another uncoded row with figures does), or undefined when there is none. */
/** The table of the same kind that ends on the page before this one begins (this one may go on from it), if any. */
function prevPiece(l: Ledger, tableId: string, t: TableRecord): string | undefined {
  const first = t.loc.page;
  if (first === undefined) return undefined;
  for (const [id, o] of l.tables) {
    if (id === tableId || o.kind !== t.kind) continue;
    const pages = (l.cells.get(id) ?? []).map((f) => f.loc.page).filter((p): p is number => p !== undefined);
    if (Math.max(o.loc.page ?? -1, ...pages) === first - 1) return id;
  }
  return undefined;
}

function nextPiece(l: Ledger, tableId: string, t: TableRecord): string[] | null | undefined {
  const pages = (l.cells.get(tableId) ?? []).map((f) => f.loc.page).filter((p): p is number => p !== undefined);
  const last = Math.max(t.loc.page ?? -1, ...pages);
  if (last < 0) return undefined;
  // (a next page the reader got no text from may carry the table on: what follows is unknown)
  if (l.doc.source.unreadPages?.includes(last + 1)) return null;
  for (const [id, o] of l.tables) {
    if (id === tableId || o.kind !== t.kind || o.loc.page !== last + 1) continue;
    const fs = (l.cells.get(id) ?? []).filter((f) => f.about?.code);
    if (!fs.length) return null;
    const first = Math.min(...fs.map((f) => f.about!.row!));
    // (a 合计 row before the first 科目: the tree begun anew; any other uncoded row with figures — a 项 whose code
    // printed in pieces lost its 类 and 款 with the page — may be a child: no verdict)
    const lead = (l.cells.get(id) ?? []).filter((f) => !f.about?.code && f.about!.row! < first);
    if (lead.length) return lead.every((f) => /^(?:合计|总计)$/.test(f.about?.name ?? '')) ? [] : null;
    // (the codes of its first coded row: one a half where the table prints two halves)
    return [...new Set(fs.filter((f) => f.about!.row === first).map((f) => f.about!.code!))];
  }
  return undefined;
}

/** Rows after `from` within the block of 科目 `code` (up to the first row coded outside it; '' the whole
 *  table) that page text left figures unplaced on (l.doubt) and that no code read as a fact names: a code
 *  lost to wrapping with its figures on a line of their own, or a code whose figures none were placed. */
function unplacedUncoded(l: Ledger, tableId: string, t: TableRecord, from: number, code: string, rowsOf: Map<string, Set<number>>): number[] {
  const codeAt = new Map<number, string>();
  for (const [c, rs] of rowsOf) for (const r of rs) codeAt.set(r, c);
  // (a code printed in a column no figure was read from: the code column)
  const valueCols = new Set((l.cells.get(tableId) ?? []).map((f) => f.about!.col!));
  const out: number[] = [];
  for (let r = from + 1; r < t.rows.length; r++) {
    const printed = codeAt.get(r) ?? t.rows[r]!.find((x, c) => !valueCols.has(c) && /^\s*\d{3}(?:\d{2}){0,2}\s*$/.test(x))?.trim();
    if (printed && !printed.startsWith(code)) break;
    if (!codeAt.has(r) && l.doubt.has(`${tableId}|${r}`)) out.push(r);
  }
  return out;
}

/** Could figures page text left unplaced on these rows (blank in the column summed, l.doubt) stand in
 *  that column and make the sum hold? Some set of them (at most one a row) closes the gap: no verdict. */
function unplacedCloseGap(l: Ledger, tableId: string, t: TableRecord, rows: number[], total: Fig, parts: Fig[]): boolean {
  const cols = new Set((l.cells.get(tableId) ?? []).map((f) => f.about!.col!));
  const at = new Set((l.cells.get(tableId) ?? []).map((f) => `${f.about!.row}|${f.about!.col}`));
  const options = rows
    .filter((r) => l.doubt.has(`${tableId}|${r}`))
    .map((r) => (t.rows[r] ?? []).flatMap((x, c) => (cols.has(c) && !at.has(`${r}|${c}`) ? [figOf(x, t.unit, true)] : [])).filter((f): f is Fig => !!f))
    .filter((o) => o.length);
  if (!options.length || options.reduce((n, o) => n * (o.length + 1), 1) > 4096) return options.length > 0;
  const walk = (i: number, extra: Fig[]): boolean =>
    i === options.length ? extra.length > 0 && sumFits(total, [...parts, ...extra]) : walk(i + 1, extra) || options[i]!.some((f) => walk(i + 1, [...extra, f]));
  return walk(0, []);
}

/** Are the table's only unread figures ones page text could not place in a column, on uncoded rows above or
 *  below every coded row (a 合计 row run together with header words: 合计 0 2002.80 合计 基本支出 项目支出 0)?
 *  Then no 科目 row lacks a figure, and each 类 = Σ 款 = Σ 项 can be checked column by column. */
function unreadOutsideTree(l: Ledger, tableId: string, facts: Fact[], coded: Fact[]): boolean {
  if (l.complete.has(tableId) || !coded.length) return false;
  const t = l.tables.get(tableId)!;
  const codedRows = coded.map((f) => f.about!.row!);
  const lo = Math.min(...codedRows);
  const hi = Math.max(...codedRows);
  const cols = new Set(facts.map((f) => f.about!.col!));
  const at = new Set(facts.map((f) => `${f.about!.row}|${f.about!.col}`));
  const unc = uncertainCells(l, tableId);
  for (let r = 0; r < t.rows.length; r++) {
    for (let c = 0; c < t.rows[r]!.length; c++) {
      const x = t.rows[r]![c]!;
      if (!cols.has(c) || !parseAmount(x) || at.has(`${r}|${c}`)) continue;
      if (unc.get(`${r}|${c}`) !== 'column' || (r >= lo && r <= hi)) return false;
    }
  }
  return true;
}

/** How many 科目 sums of one column fit when its figures are read k rows off their codes (k = −6 … 6):
 *  the k that makes most of them fit, when it beats the rows as printed. */
function shiftStats(l: Ledger, tableId: string, t: TableRecord, coded: Fact[], group: Fact[]) {
  const rowOf = new Map(coded.map((f) => [f.about!.code!, f.about!.row!]));
  const codes = [...rowOf.keys()];
  const col = group[0]!.about!.col!;
  const byRow = new Map(group.map((f) => [f.about!.row!, f]));
  const at = (r: number): Fig | null => {
    const f = byRow.get(r);
    if (f) return figIn(l, tableId, f, t.unit);
    return isBlank(cellText(l, tableId, r, col)) ? ZERO : null;
  };
  const fits = (k: number) => {
    let fit = 0;
    let of = 0;
    for (const parent of codes) {
      if (parent.length >= 7) continue;
      const kids = codes.filter((c) => c.length === parent.length + 2 && c.startsWith(parent));
      if (!kids.length) continue;
      const pf = at(rowOf.get(parent)! + k);
      const ps = kids.map((c) => at(rowOf.get(c)! + k));
      if (!pf || ps.some((x) => !x) || (pf.v === 0n && ps.every((x) => x!.v === 0n))) continue;
      of++;
      if (sumFits(pf, ps as Fig[])) fit++;
    }
    return { fit, of };
  };
  const base = fits(0);
  let best: { k: number; fit: number; of: number } | null = null;
  for (let k = -6; k <= 6; k++) {
    if (!k) continue;
    const x = fits(k);
    if (x.fit > base.fit && (!best || x.fit > best.fit)) best = { k, ...x };
  }
  const st = l.treeStats.get(tableId) ?? { checked: 0, failed: 0, shift: null };
  st.shift = best;
  l.treeStats.set(tableId, st);
}

/** Tables read as one defect: at least 3 科目 sums fail and they are at least a third of those checked. */
const scrambled = (l: Ledger): Set<string> =>
  new Set([...l.treeStats].filter(([, s]) => s.failed >= 3 && s.failed * 3 >= s.checked).map(([id]) => id));

/** One flag for a table whose 科目 sums mostly fail: the first failing sum's place, every failing sum and
 *  every narrative figure that disagrees with the table listed in the message and in expected/found. */
function foldTable(l: Ledger, tableId: string, sums: Flag[], restated: Flag[], crossed: Flag[] = []): Flag {
  const t = l.tables.get(tableId)!;
  const st = l.treeStats.get(tableId)!;
  const pages = [...new Set(sums.map((f) => f.loc?.page).filter((p): p is number => p !== undefined))].sort((a, b) => a - b);
  const where = pages.length ? `（第${pages[0]}${pages.length > 1 ? `–${pages[pages.length - 1]}` : ''}页）` : '';
  const what = (f: Flag) => f.message.replace(/^[^第]*第\d+页/, '').replace(/。$/, '');
  const shift = st.shift ? `；数字整体${st.shift.k > 0 ? '上' : '下'}移${Math.abs(st.shift.k)}行与科目对齐时，${st.shift.of}个科目之和中有${st.shift.fit}个相符` : '';
  const text = restated.length ? `；正文有${restated.length}处数字与该表所在行不符（如${restated[0]!.found}，表中为${restated[0]!.expected}）` : '';
  const first = sums[0]!;
  return makeFlag(
    'SUM_MISMATCH',
    `${t.kind}${where}的数字与科目对不上：${st.checked}个科目之和中${st.failed}个不符（如${what(first)}）${shift}${text}，疑为数字与科目错行。`,
    first.loc ? { ...first.loc } : { ...t.loc },
    first.excerpt,
    {
      expected: [...sums, ...restated, ...crossed].map((f) => `${f.loc?.page ?? ''}:${f.loc?.line ?? ''} ${f.expected}`).join('；'),
      found: [...sums, ...restated, ...crossed].map((f) => `${f.loc?.page ?? ''}:${f.loc?.line ?? ''} ${f.found}`).join('；'),
    },
  );
}

// ---------------------------------------------------------------- row: total = Σ parts

function rows(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  const idParts = new Set(id.parts ?? []);
  const allowed = new Set([id.total!, ...idParts, ...(id.besides ?? [])]);
  for (const { tableId, t, facts: all } of tablesOf(l, id)) {
    // A table with a figure left unread is checked only where each such figure is one page text could not
    // place in a column (its value sure): a row holding one is summed whatever its column (below).
    if (!l.complete.has(tableId) && (id.byRole || !unplacedOnly(l, tableId, all))) continue;
    // Tables whose columns repeat per role (三公: 预算数 | 决算数 under each item) are read role by role.
    const groups = id.byRole ? [...new Set(all.map((f) => f.role))].map((r) => all.filter((f) => f.role === r)) : [all];
    for (const facts of groups) {
    // The columns of each key (by header); a table with an amount column of another meaning is skipped.
    const colsOf = new Map<string, Set<number>>();
    for (const f of facts) {
      const k = f.about?.column;
      if (k === undefined) continue;
      colsOf.set(k, (colsOf.get(k) ?? new Set()).add(f.about!.col!));
    }
    const keyOfCol = new Map<number, string>();
    // A column headed 其中 (事业收入/其中：教育收费) is part of the column before it, never a term of the row.
    for (const [k, cs] of colsOf) for (const c of cs) if (!isOfWhichAt(t.header, c)) keyOfCol.set(c, k);
    // A part printed only as its own parts (公务用车购置及运行费 with no 小计 column, only 购置费 | 运行费 under
    // it: `instead`) counts as them. (A sub column headed but never filled counts as 0: 重庆 预算02 prints 财政拨款收入
    // as 一般公共预算拨款收入 | 政府性基金预算拨款收入 | 国有资本经营预算拨款收入, the last often blank.)
    const parts = new Set(idParts);
    const present = new Set(keyOfCol.values());
    const headed = new Set(t.header.map((h, c) => (isOfWhichAt(t.header, c) ? undefined : columnKey(h))).filter((k): k is string => !!k));
    // (A part headed but left blank in every row while its own parts are filled counts as them too: 北京 预算09
    // 三公 prints 公务用车购置及运行维护费 as 小计 | 购置费 | 运行维护费 with the 小计 cell empty, 18.69 and 4.83
    // under its parts, and a total of 40.77 = 17.10 + 0.15 + 18.69 + 4.83 — not 17.25.)
    const rowsHere = [...new Set(facts.map((f) => f.about!.row!))];
    const blankCol = (k: string) =>
      t.header.every((h, c) => isOfWhichAt(t.header, c) || columnKey(h) !== k || rowsHere.every((r) => isBlank(cellText(l, tableId, r, c))));
    for (const [k, subs] of Object.entries(id.instead ?? {}))
      if (parts.has(k) && !present.has(k) && (!headed.has(k) || blankCol(k)) && subs.some((x) => present.has(x)) && subs.every((x) => present.has(x) || headed.has(x))) {
        parts.delete(k);
        for (const x of subs) parts.add(x);
      }
    // Only the run of value columns that holds the total (a halves table's other half, behind its own
    // label column, is another list: 财政拨款收入/预算数 beside 财政拨款支出/合计 …).
    const totalAt = [...keyOfCol.entries()].filter(([, k]) => k === id.total).map(([c]) => c);
    const seg = totalAt.length === 1 ? valueRun(t, totalAt[0]!) : null;
    const amountCols = new Set(facts.map((f) => f.about!.col!).filter((c) => (!seg || (c >= seg[0] && c <= seg[1])) && !isOfWhichAt(t.header, c)));
    if ([...amountCols].some((c) => !allowed.has(keyOfCol.get(c) ?? '?'))) continue;
    // Header columns with a part's key but no figure at all still count (as 0); one column per key.
    const header = t.header;
    const partCols: number[] = [];
    let totalCol: number | undefined;
    let ambiguous = false;
    header.forEach((_, c) => {
      const k = keyOfCol.get(c);
      if (!k || (seg && (c < seg[0] || c > seg[1]))) return;
      if (k === id.total) {
        if (totalCol !== undefined) ambiguous = true;
        totalCol = c;
      } else if (parts.has(k)) partCols.push(c);
    });
    if (ambiguous || totalCol === undefined || !partCols.length) continue;
    if (new Set(partCols.map((c) => keyOfCol.get(c))).size !== partCols.length) continue;
    // A bare 小计 (no group read over it) standing after other figures of the row is some group's subtotal
    // whose group was lost, not the row's total (苏州 预算07: “三公”经费合计 | 因公出国（境）费 | 小计 |
    // 公务用车购置费 | 公务用车运行维护费 | …, its 公务用车购置及运行维护费 printed above): no verdict.
    if (/^\s*小计\s*$/.test(header[totalCol] ?? '') && [...keyOfCol.keys()].some((c) => c < totalCol! && (!seg || c >= seg[0]))) continue;
    // A part's column that gave no figure at all (its cells not read as amounts): where such a cell is
    // filled, the row's sum is unknown, not short of it.
    // (read role by role, the columns of the other roles are no unknown part of this role's row)
    const otherRoles = new Set(all.filter((f) => f.role !== facts[0]?.role).map((f) => f.about!.col!));
    const unreadParts = header.map((h, c) => c).filter((c) => !keyOfCol.has(c) && !otherRoles.has(c) && (!seg || (c >= seg[0] && c <= seg[1])) && !isOfWhichAt(header, c) && parts.has(columnKey(header[c] ?? '') ?? ''));
    // Likewise a filled cell in a value column of the run that has no key at all (its header not read, or of
    // no listed meaning): what it adds to the row is unknown, so the row gets no verdict (a zero adds nothing).
    const unnamed = seg ? header.map((_, c) => c).filter((c) => c >= seg[0] && c <= seg[1] && !keyOfCol.has(c) && !otherRoles.has(c) && !unreadParts.includes(c) && !isOfWhichAt(header, c)) : [];
    const unknown = (r: number, c: number) => {
      const text = cellText(l, tableId, r, c);
      return !isBlank(text) && parseAmount(text)?.value !== 0;
    };
    const byPos = new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f]));
    const rowsWithFacts = [...new Set(facts.map((f) => f.about!.row!))].sort((a, b) => a - b);
    for (const r of rowsWithFacts) {
      if (l.doubt.has(`${tableId}|${r}`)) {
        if (seg && !id.byRole) {
          const f = unplacedRow(l, t, tableId, r, seg, totalCol, parts, byPos);
          if (f) flags.push(f);
        }
        continue;
      }
      if (unreadParts.some((c) => !isBlank(cellText(l, tableId, r, c)))) continue;
      if (unnamed.some((c) => unknown(r, c))) continue;
      const tot = cellFig(l, tableId, r, totalCol, byPos, t.unit);
      const ps = partCols.map((c) => cellFig(l, tableId, r, c, byPos, t.unit));
      if (!tot || ps.some((x) => !x)) continue;
      if (!tot.fact && ps.every((x) => x!.v === 0n)) continue;
      if (sumFits(tot, ps as Fig[])) continue;
      l.badRows.add(`${tableId}|${r}`);
      const unit = t.unit ?? '';
      const dec = Math.max(decimals(tot.fact), ...ps.map((x) => decimals(x!.fact)));
      const sum = (ps as Fig[]).reduce((s, x) => s + x.v, 0n);
      const names = partCols.map((c) => headName(header[c] ?? '')).join('＋');
      const totalName = headName(header[totalCol] ?? '');
      // Which cell is wrong: the one whose column does not add up along the 科目 tree either.
      const code = facts.find((f) => f.about!.row === r && f.about!.code)?.about?.code;
      const cols = [totalCol, ...partCols];
      const isTotalRow = !code && facts.some((f) => f.about!.row === r && /^(?:合计|总计)$/.test(f.about!.name ?? ''));
      const suspect = code ? cols.filter((c) => columnTreeFails(l, tableId, facts, code, c, t.unit)) : isTotalRow ? cols.filter((c) => totalRootsFail(l, tableId, facts, r, c, t.unit)) : [];
      const culprit = suspect.length === 1 && suspect[0] !== totalCol ? suspect[0]! : undefined;
      const cf = culprit !== undefined ? ps[partCols.indexOf(culprit)]!.fact : undefined;
      if (culprit !== undefined && cf) {
        const others = ps.filter((_, k) => partCols[k] !== culprit).reduce((s, x) => s + x!.v, 0n);
        const want = tot.v - others;
        const label = cf.about?.name || rowName(cf) || `第${r + 1}行`;
        const colH = headName(header[culprit] ?? '');
        flags.push(
          makeFlag(
            'SUM_MISMATCH',
            `${where(cf, t)}“${label}”行的“${colH}”为${show(ps[partCols.indexOf(culprit)]!.v, unit, dec)}，与本行“${totalName}”${show(tot.v, unit, dec)}不符（${totalName}＝${names}），与上下级科目的同列数也不符；按本行应为${show(want, unit, dec)}。`,
            { ...cf.loc },
            cf.excerpt,
            { expected: show(want, unit, dec, true), found: show(ps[partCols.indexOf(culprit)]!.v, unit, dec, true) },
          ),
        );
        continue;
      }
      const anchor = tot.fact ?? (ps.find((x) => x!.fact)!.fact as Fact);
      const label = anchor.about?.name || rowName(anchor);
      flags.push(
        makeFlag(
          'SUM_MISMATCH',
          `${where(anchor, t)}${label ? `“${label}”行的` : ''}“${totalName}”为${show(tot.v, unit, dec)}，而${names}＝${show(sum, unit, dec)}。`,
          { ...anchor.loc },
          anchor.excerpt,
          { expected: show(sum, unit, dec, true), found: show(tot.v, unit, dec, true) },
        ),
      );
    }
    }
  }
  return flags;
}

/** The cells of a table's source (the ingested grid) that the reader marked uncertain, by body row|col:
 *  'column' where page text gave a sure figure but not its column, 'ocr' where the figure itself is doubtful. */
function uncertainCells(l: Ledger, tableId: string): Map<string, 'ocr' | 'column'> {
  let m = l.uncertain.get(tableId);
  if (m) return m;
  m = new Map();
  const rec = l.tables.get(tableId);
  for (const b of l.doc.blocks) {
    if (b.kind !== 'table' || b.table.id !== tableId || !rec) continue;
    const skip = b.table.rows.length - rec.rows.length;
    b.table.rows.forEach((row, ri) => row.forEach((c, ci) => c.uncertain && ri >= skip && m!.set(`${ri - skip}|${ci}`, c.uncertain)));
  }
  l.uncertain.set(tableId, m);
  return m;
}

/** The ingested grid's cell behind a table record's body cell (its loc, where no fact gives one). */
function sourceCell(l: Ledger, tableId: string, row: number, col: number) {
  const rec = l.tables.get(tableId);
  for (const b of l.doc.blocks) {
    if (b.kind !== 'table' || b.table.id !== tableId || !rec) continue;
    return b.table.rows[b.table.rows.length - rec.rows.length + row]?.[col];
  }
  return undefined;
}

/** Is every amount of the table that gave no fact a figure page text could not place in a column? */
function unplacedOnly(l: Ledger, tableId: string, facts: Fact[]): boolean {
  const t = l.tables.get(tableId)!;
  const cols = new Set(facts.map((f) => f.about!.col!));
  const at = new Set(facts.map((f) => `${f.about!.row}|${f.about!.col}`));
  const unc = uncertainCells(l, tableId);
  let any = false;
  for (let r = 0; r < t.rows.length; r++) {
    for (let c = 0; c < t.rows[r]!.length; c++) {
      const x = t.rows[r]![c]!;
      if (!cols.has(c) || !parseAmount(x) || at.has(`${r}|${c}`)) continue;
      if (unc.get(`${r}|${c}`) !== 'column') return false;
      any = true;
    }
  }
  return any;
}

/** A row of page text whose figures are sure but some of whose columns are not (the reader could not
 *  tell 基本支出 from 项目支出 for a lone figure): where its total is placed for sure and every other
 *  column of the total's run is a part, the parts' sum does not depend on where each figure stands, so
 *  total = Σ the row's other figures is checked all the same. No verdict where the run has a column of
 *  another meaning (其中, 年初预算, a header not read) or a figure is doubtful itself (OCR). */
function unplacedRow(l: Ledger, t: TableRecord, tableId: string, r: number, seg: [number, number], totalCol: number, parts: Set<string>, byPos: Map<string, Fact>): Flag | null {
  const unc = uncertainCells(l, tableId);
  const tot = byPos.get(`${r}|${totalCol}`);
  if (!tot || unc.has(`${r}|${totalCol}`)) return null;
  const tf = figIn(l, tableId, tot, t.unit);
  if (!tf) return null;
  const ps: Fig[] = [];
  let unplaced = 0;
  for (let c = seg[0]; c <= seg[1]; c++) {
    if (c === totalCol) continue;
    const h = t.header[c] ?? '';
    if (isOfWhichAt(t.header, c) || !parts.has(columnKey(h) ?? '')) return null;
    const x = cellText(l, tableId, r, c);
    const f = byPos.get(`${r}|${c}`);
    if (f) {
      const g = figIn(l, tableId, f, t.unit);
      if (!g) return null;
      ps.push(g);
    } else if (isBlank(x)) continue;
    else if (unc.get(`${r}|${c}`) === 'column' && parseAmount(x)) {
      const g = figOf(x, t.unit, true, l.decimals.get(tableId) ?? 0);
      if (!g) return null;
      ps.push(g);
      unplaced++;
    } else return null;
  }
  if (!unplaced || sumFits({ ...tf, fact: tot }, ps)) return null;
  l.badRows.add(`${tableId}|${r}`);
  const unit = t.unit ?? '';
  const dec = Math.max(decimals(tot), l.decimals.get(tableId) ?? 0);
  const sum = ps.reduce((s, x) => s + x.v, 0n);
  const label = tot.about?.name || rowName(tot);
  const totalName = headName(t.header[totalCol] ?? '');
  return makeFlag(
    'SUM_MISMATCH',
    `${where(tot, t)}${label ? `“${label}”行的` : ''}“${totalName}”为${show(tf.v, unit, dec)}，而本行其余各数（${ps.map((x) => show(x.v, unit, dec, true)).join('＋')}）之和为${show(sum, unit, dec)}（其所在的列未能确定，不影响这一合计）。`,
    { ...tot.loc },
    tot.excerpt,
    { expected: show(sum, unit, dec, true), found: show(tf.v, unit, dec, true) },
  );
}

/** Rows of page text some of whose figures the reader could not place in a column (a single-spaced
 *  三公 row `8.53 1.53 7 7 386.02` under 合计 | 因公出国 | 公务接待 | 小计 | 购置费 | 运行费 | 机关运行经费):
 *  every placement of those figures, in their printed order, into the row's free cells between their
 *  placed neighbours is tried against all the table's row identities at once; where none satisfies
 *  them, whatever the columns, the row is flagged (on its first placed figure). A row with a figure in a
 *  column of no listed meaning, a figure in doubt itself (OCR), or more than a few ways to place is not
 *  judged. */
function placements(l: Ledger, ids: Identity[]): Flag[] {
  const flags: Flag[] = [];
  for (const [tableId, t] of l.tables) {
    const facts = l.cells.get(tableId) ?? [];
    const mineAll = ids.filter((id) => id.tables?.includes(t.kind) && id.total && id.parts);
    if (!mineAll.length) continue;
    const unc = uncertainCells(l, tableId);
    if (![...unc.values()].includes('column')) continue;
    const keyOf = t.header.map((h, c) => (isOfWhichAt(t.header, c) ? undefined : columnKey(h)));
    // (as rows() reads them: an identity holds in a table none of whose named columns is of another meaning —
    // 合计 = 人员经费 + 公用经费 + 项目支出 is no relation of a table with a 基本支出 column)
    const holds = (id: Identity) => keyOf.every((k) => !k || k === id.total || id.parts!.includes(k) || (id.besides ?? []).includes(k));
    const mine = mineAll.filter(holds);
    if (!mine.length) continue;
    const known = new Set(mine.flatMap((id) => [id.total!, ...id.parts!, ...(id.besides ?? [])]));
    const byPos = new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f]));
    const unit = t.unit;
    const dec = l.decimals.get(tableId) ?? 0;
    const counts = t.rows.map((row) => row.filter((x) => parseAmount(x ?? '')).length).filter((n) => n > 0);
    const loneRows = counts.filter((n) => n === 1).length * 2 > counts.length;
    for (let r = 0; r < t.rows.length; r++) {
      if (l.badRows.has(`${tableId}|${r}`)) continue;
      const row = t.rows[r]!;
      const loose = row.map((_, c) => c).filter((c) => unc.get(`${r}|${c}`) === 'column' && parseAmount(row[c] ?? ''));
      if (!loose.length || row.some((_, c) => unc.get(`${r}|${c}`) === 'ocr')) continue;
      // A lone figure (a dump printing one cell a line) is no row of the table where most of its rows
      // hold one figure each: the cells were not read in rows.
      if (loneRows && row.filter((x) => parseAmount(x ?? '')).length < 2) continue;
      const roles = new Set(facts.filter((f) => f.about!.row === r).map((f) => f.role));
      if (roles.size > 1) continue;
      // the value columns: those of a known meaning; a figure anywhere else leaves the row unjudged
      const cols = keyOf.map((k, c) => (k && known.has(k) ? c : -1)).filter((c) => c >= 0);
      const sure = new Map<number, Fig>();
      let bad = false;
      row.forEach((x, c) => {
        if (loose.includes(c) || isBlank(x)) return;
        const f = byPos.get(`${r}|${c}`);
        const g = f ? figIn(l, tableId, f, unit) : null;
        if (!f || !g || !cols.includes(c)) {
          if (parseAmount(x) || !cols.includes(c)) bad = bad || !!parseAmount(x);
          return;
        }
        sure.set(c, { ...g, fact: f });
      });
      if (bad || loose.some((c) => !cols.includes(c))) continue;
      const figs = loose.map((c) => figOf(row[c]!, unit, true, dec));
      if (figs.some((g) => !g)) continue;
      // each loose figure keeps its order and stays between the placed figures around it
      const free = cols.filter((c) => !sure.has(c));
      const lo = loose.map((c) => Math.max(-1, ...[...sure.keys()].filter((s) => s < c)));
      const hi = loose.map((c) => Math.min(Infinity, ...[...sure.keys()].filter((s) => s > c)));
      const fits = (at: Map<number, Fig>) =>
        mine.every((id) => {
          const tc = cols.filter((c) => keyOf[c] === id.total);
          if (tc.length !== 1) return true;
          const ps = cols.filter((c) => id.parts!.includes(keyOf[c]!));
          return sumFits(at.get(tc[0]!) ?? ZERO, ps.map((c) => at.get(c) ?? ZERO));
        });
      let tried = 0;
      let any = false;
      const place = (i: number, from: number, at: Map<number, Fig>) => {
        if (any || tried > 200) return;
        if (i === loose.length) {
          tried++;
          if (fits(at)) any = true;
          return;
        }
        for (const c of free) {
          if (c < from || c <= lo[i]! || c >= hi[i]!) continue;
          const next = new Map(at).set(c, figs[i]!);
          place(i + 1, c + 1, next);
        }
      };
      place(0, 0, new Map(sure));
      if (any || !tried || tried > 200) continue;
      // on the row's first placed figure, else on its first figure as printed
      const first = [...sure.values()][0]?.fact;
      const src = sourceCell(l, tableId, r, first ? first.about!.col! : loose[0]!);
      const loc = first?.loc ?? src?.loc;
      if (!loc) continue;
      l.badRows.add(`${tableId}|${r}`);
      const what = mine.map((id) => id.what ?? id.id).join('；');
      flags.push(
        makeFlag(
          'SUM_MISMATCH',
          `${t.kind}${loc.page !== undefined ? `第${loc.page}页` : ''}本行各数（${row.filter((x) => parseAmount(x ?? '')).join('、')}）无论各在哪一列，都不能满足本表的行内关系（${what}）（有的数所在的列未能确定）。`,
          { ...loc },
          first?.excerpt ?? row.filter((x) => !isBlank(x)).join(' '),
          // a warning: the columns are a guess (a header wrapped over lines, a total printed on the next line)
          { expected: what, found: row.filter((x) => parseAmount(x ?? '')).join(' '), severity: 'warning' },
        ),
      );
    }
  }
  return flags;
}

/** A column whose header's own item starts with 其中 (事业收入/其中：教育收费): a part of its neighbour. */
const isOfWhich = (h: string | undefined) => /^\s*其中/.test((h ?? '').split('/').pop() ?? '');

/** Is column `c` a 其中 column, part of the column before it and no term of the row? Not where the column
 *  before is the group's subtotal and a plain column of the same group follows: 一般公共预算支出 | 小计 |
 *  其中：基本支出 | 项目支出 (广州/珠海 预算05) prints 其中 once over the subtotal's whole breakdown. */
function isOfWhichAt(header: string[], c: number): boolean {
  if (!isOfWhich(header[c])) return false;
  const group = (h: string | undefined) => (h ?? '').split('/').slice(0, -1).join('/');
  const prev = header[c - 1];
  const next = header[c + 1];
  if (prev === undefined || next === undefined || isOfWhich(next)) return true;
  const g = group(header[c]);
  return !(group(prev) === g && group(next) === g && columnKey(prev) === 'total' && columnKey(next) !== undefined && columnKey(next) !== 'total');
}

/** Does column `col` of the 合计 row `row` differ from the sum of the column's top 科目? */
function totalRootsFail(l: Ledger, tableId: string, facts: Fact[], row: number, col: number, unit: string | null): boolean {
  const rowOf = new Map<string, number>();
  for (const f of facts) if (f.about?.code && f.about.codeKind === 'function') rowOf.set(f.about.code, f.about.row!);
  const codes = [...rowOf.keys()];
  const roots = codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
  // (the 合计 printed again on the other side of the 科目 rows, above the first or below the last, restates this one)
  const coded = [...rowOf.values()];
  const [lo, hi] = [Math.min(...coded), Math.max(...coded)];
  const restates = (f: Fact) => /^(?:合计|总计)$/.test(f.about!.name ?? '') && (f.about!.row! < lo || f.about!.row! > hi) && f.about!.row! < lo !== row < lo;
  if (!roots.length || facts.some((f) => f.about!.col === col && f.about!.row !== row && !f.about!.code && !restates(f))) return false;
  const byPos = new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f]));
  const tot = cellFig(l, tableId, row, col, byPos, unit);
  const ps = roots.map((c) => cellFig(l, tableId, rowOf.get(c)!, col, byPos, unit));
  if (!tot || ps.some((x) => !x)) return false;
  return !sumFits(tot, ps as Fig[]);
}

/** Columns holding row labels: some body row has Chinese text there (from the first row with an amount to
 *  the last: a header band left in the body, 合计 | 人员经费 over the figures, does not count, nor text below
 *  the last figure — the next table's number 单位预算04表 read in as a last row, 上海 预算03). */
const labelCols = (t: TableRecord): Set<number> => {
  const out = new Set<number>();
  const hasAmount = (r: string[]) => r.some((x) => parseAmount(x) && !/^\d{3,7}$/.test(x.trim()));
  const first = t.rows.findIndex(hasAmount);
  const last = t.rows.findLastIndex(hasAmount);
  for (const r of t.rows.slice(Math.max(0, first), last < 0 ? undefined : last + 1)) r.forEach((x, c) => /[\u4e00-\u9fff]/u.test(x) && out.add(c));
  return out;
};

/** The run of columns around `col` with no label column in it: [first, last]. */
function valueRun(t: TableRecord, col: number): [number, number] {
  const labels = labelCols(t);
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  let a = col;
  let b = col;
  while (a > 0 && !labels.has(a - 1)) a--;
  while (b < width - 1 && !labels.has(b + 1)) b++;
  return [a, b];
}

/** Does column `col` fail the 科目 tree at `code` (its parent ≠ Σ its siblings, or it ≠ Σ its children)? */
function columnTreeFails(l: Ledger, tableId: string, facts: Fact[], code: string, col: number, unit: string | null): boolean {
  const rowOf = new Map<string, number>();
  for (const f of facts) if (f.about?.code && f.about.codeKind === 'function') rowOf.set(f.about.code, f.about.row!);
  const byPos = new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f]));
  const fig = (c: string) => {
    const r = rowOf.get(c);
    return r === undefined ? null : cellFig(l, tableId, r, col, byPos, unit);
  };
  const fails = (parent: string) => {
    const kids = [...rowOf.keys()].filter((c) => c.length === parent.length + 2 && c.startsWith(parent));
    const p = fig(parent);
    const ks = kids.map(fig);
    if (!kids.length || !p || ks.some((x) => !x)) return false;
    return !sumFits(p, ks as Fig[]);
  };
  return (code.length > 3 && fails(code.slice(0, -2))) || (code.length < 7 && fails(code));
}

// ---------------------------------------------------------------- halves: 收入 | 支出 总表

const CN = '一二三四五六七八九';
/** 一 … 九十九 as a number (the ordinal of a template's top item: 一、 二十一、), else null. */
function cnNumber(x: string): number | null {
  const m = /^([一二三四五六七八九十]{1,3})、/u.exec(x);
  if (!m) return null;
  const t = m[1]!;
  const d = (c: string | undefined) => (c ? CN.indexOf(c) + 1 : 0);
  if (!t.includes('十')) return t.length === 1 ? d(t) : null;
  const [a, b] = t.split('十');
  return (a ? d(a) : 1) * 10 + d(b || undefined);
}
/** A sub-item of the row above: 1.一般公共预算, （一）…, 其中：… */
const isSub = (x: string) => /^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|其中)/u.test(x);
const isTotalish = (x: string) => /(?:合计|总计|小计)$/u.test(x);

interface Failure {
  /** Cells (row|col) the identity reads; the culprit is looked for among them. */
  cells: { key: string; fig: Fig; label: string }[];
  /** What the identity says, and the value each cell would need for it to hold. */
  text: string;
  want: Map<string, bigint>;
}

/** A 收支总表 read as halves (a label column, then its value columns): each half's items add up to its
 *  本年合计 (the items numbered 一、二、三… in order; sub-items 1. / （一） / 其中 are inside them), the
 *  本年合计 plus the rows below it (结转和结余 …) make the half's 总计, and the two halves' 总计 are equal.
 *  Failures that share a cell become one flag on that cell. */
function halves(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  // The 功能分类 类 (3-digit codes) the document's tables print, by name.
  const classNames = new Set([...l.cells.values()].flat().filter((f) => f.about?.codeKind === 'function' && f.about.code?.length === 3 && f.about.name).map((f) => foldTableText(f.about!.name!)));
  // Every 功能分类 科目 (类, 款, 项) the document's tables print with its code, by name.
  const bracketless = (x: string) => foldTableText(x).replace(/（/g, '(').replace(/）/g, ')');
  const codesByName = new Map<string, Set<string>>();
  for (const f of [...l.cells.values()].flat())
    if (f.about?.codeKind === 'function' && f.about.code && f.about.name) {
      const n = bracketless(f.about.name);
      codesByName.set(n, (codesByName.get(n) ?? new Set()).add(f.about.code));
    }
  /** The 类 rows above a half's total where the half names each 科目 with no numbering (none of its labels 一、…): every label above the total
   *  that has a figure is a 科目 some table of the document prints with its code, the first of them a 类 (3 digits);
   *  the rest are its 款 and 项 (a name printed as both, 其他科学技术支出 20699 and 2069999, is one of them). Any other
   *  row with a figure (结转, a name no table codes, a 类 name printed at another level too — 其他支出 as 229 and
   *  22999) leaves the half unchecked: null. */
  const classItems = (rowsL: string[], first: number, has: (r: number) => boolean): number[] | null => {
    const rows: number[] = [];
    for (let r = 0; r < first; r++) {
      const x = rowsL[r]!;
      // (a numbered half is read by its numbers: one that starts at 十七、 continues a table from the page before)
      if (cnNumber(x) !== null) return null;
      const codes = x ? codesByName.get(bracketless(x)) : undefined;
      if (!codes) {
        if (has(r)) return null;
        continue;
      }
      const isClass = [...codes].some((k) => k.length === 3);
      if (isClass && codes.size > 1) return null;
      if (isClass) rows.push(r);
      else if (!rows.length) return null;
    }
    return rows.length >= 2 ? rows : null;
  };
  for (const { tableId, t, facts } of tablesOf(l, id)) {
    const byPos = new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f]));
    const labels = labelCols(t);
    const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    // Halves: a block of label columns, then the value columns up to the next label column.
    const halvesOf: { labelCols: number[]; values: number[] }[] = [];
    for (let c = 0; c < width; ) {
      const ls: number[] = [];
      while (c < width && labels.has(c)) ls.push(c++);
      const vs: number[] = [];
      while (c < width && !labels.has(c)) vs.push(c++);
      // (only the columns the table's figures stand in: a 行次 column between label and 金额 holds none)
      const values = vs.filter((v) => facts.some((f) => f.about!.col === v));
      if (ls.length && values.length) halvesOf.push({ labelCols: ls, values });
    }
    if (halvesOf.length < 1) continue;
    const fold = (x: string) => foldTableText(x);
    const ownLabel = (h: (typeof halvesOf)[number], r: number) => {
      for (let k = h.labelCols.length - 1; k >= 0; k--) {
        const x = fold(t.rows[r]?.[h.labelCols[k]!] ?? '');
        if (x) return x;
      }
      return '';
    };
    // A total cell merged over two neighbouring halves (江苏 收支预算总表: one 当年支出小计 | 20,849.45 spans
    // the 功能分类 and the 支出用途 blocks of the 支出 side): the label stands in the first half, with its
    // value cells blank, and the figure in the next half, whose label cell is blank on that row. The figure
    // is both halves' total: the first half reads it in place of its blank, the next reads the label.
    const mergedLabel = new Map<string, string>();
    const mergedFig = new Map<string, string>();
    halvesOf.forEach((h, i) => {
      const next = halvesOf[i + 1];
      if (!next) return;
      t.rows.forEach((_, r) => {
        const x = ownLabel(h, r);
        if (!isTotalish(x) || ownLabel(next, r) || !h.values.every((c) => isBlank(cellText(l, tableId, r, c)))) return;
        const filled = next.values.filter((c) => !isBlank(cellText(l, tableId, r, c)));
        if (filled.length !== 1 || !byPos.has(`${r}|${filled[0]}`)) return;
        mergedLabel.set(`${i + 1}|${r}`, x);
        for (const c of h.values) mergedFig.set(`${r}|${c}`, `${r}|${filled[0]}`);
      });
    });
    const labelOf = (h: (typeof halvesOf)[number], r: number) => ownLabel(h, r) || mergedLabel.get(`${halvesOf.indexOf(h)}|${r}`) || '';
    const failures: Failure[] = [];
    const fig = (r: number, c: number) => {
      const [mr, mc] = (mergedFig.get(`${r}|${c}`) ?? `${r}|${c}`).split('|').map(Number);
      return cellFig(l, tableId, mr!, mc!, byPos, t.unit, true);
    };
    const key = (r: number, c: number) => mergedFig.get(`${r}|${c}`) ?? `${r}|${c}`;
    const grand: ({ r: number; c: number; f: Fig; label: string } | null)[] = [];
    const lasts = new Map<(typeof halvesOf)[number], number>();
    for (const h of halvesOf) {
      const rowsL = t.rows.map((_, r) => labelOf(h, r));
      // A total row that prints no figure in any column (当年收入 | 13,649.07 over a wrapped 小计 read as a
      // row of its own) gives no total to check.
      const printsFigure = (r: number) => (t.rows[r] ?? []).some((x, c) => !labels.has(c) && !isBlank(x));
      const totalRows = rowsL.map((x, r) => (isTotalish(x) && printsFigure(r) ? r : -1)).filter((r) => r >= 0);
      grand.push(null);
      if (!totalRows.length) continue;
      const first = totalRows[0]!;
      const last = totalRows[totalRows.length - 1]!;
      lasts.set(h, last);
      h.values.forEach((c, vi) => {
        const tf = fig(first, c);
        // 1. items 一、二、三 … above the first total
        const items: number[] = [];
        let ok = !!tf;
        for (let r = 0; r < first && ok; r++) {
          const x = rowsL[r]!;
          // (the 栏次 row numbers the columns: 栏次 | | 1 | 栏次 | | 2)
          if (/^(?:栏次|行次)$/u.test(x)) continue;
          const n = cnNumber(x);
          const has = !isBlank(cellText(l, tableId, r, c));
          if (n !== null) {
            // Numbered in order; the 功能分类 类 of the 支出 half keep the national numbering (一、一般公共服务支出,
            // 八、社会保障和就业支出: the 类 without figures left out): a gap only between 类 some table prints.
            // (a skipped number printed on a row between the two items — `四、文化旅游体育与传媒` wrapped into the other
            // half by a dump — or a label of this half between them — its wrapped tail `支出` — is a row read wrong, not a
            // 类 left out; the other half's own numbers on the items' rows are its items)
            const prev = items.length ? cnNumber(rowsL[items[items.length - 1]!]!)! : 0;
            const between = t.rows.slice(items.length ? items[items.length - 1]! + 1 : 0, r);
            const leftOut = () =>
              rowsL.slice(r - between.length, r).every((y) => !y) &&
              !between.some((row) => row.some((cell) => { const k = cnNumber(cell.trim()); return k !== null && k > prev && k < n; }));
            if (n !== items.length + 1 && !(n > prev && classNames.has(x.replace(/^[一二三四五六七八九十]+、/u, '')) && leftOut())) ok = false;
            items.push(r);
          } else if (has && (!x || !isSub(x))) ok = false;
        }
        // (a half that prints the 功能分类 by name, nested by indentation only — 湖州 预算04: 科学技术支出 / 基础研究 /
        // 实验室及相关设施 …: its items are the 类 rows)
        // (only a table read as one record: a page of it read as a table of its own would give part of the 类)
        if (!(ok && items.length >= 2) && tf && [...l.tables.values()].filter((o) => o.kind === t.kind).length === 1) {
          const byName = classItems(rowsL, first, (r) => !isBlank(cellText(l, tableId, r, c)));
          if (byName) {
            ok = true;
            items.splice(0, items.length, ...byName);
          }
        }
        if (ok && items.length >= 2) {
          const ps = items.map((r) => fig(r, c));
          // (a figure page text could not place, on a row above the total, may be the blank of an item: 三、单位预留机动经费
          // wrapped away from its 182.92 — some set of them closing the gap leaves no verdict)
          const above = t.rows.map((_, r) => r).filter((r) => r < first);
          if (!ps.some((x) => !x) && (tf!.fact || ps.some((x) => x!.v !== 0n)) && !sumFits(tf!, ps as Fig[]) && !unplacedCloseGap(l, tableId, t, above, tf!, ps as Fig[])) {
            const sum = (ps as Fig[]).reduce((s, x) => s + x.v, 0n);
            const cells = [{ key: key(first, c), fig: tf!, label: rowsL[first]! }, ...items.map((r, k) => ({ key: key(r, c), fig: ps[k]!, label: rowsL[r]! }))];
            const want = new Map<string, bigint>([[key(first, c), sum]]);
            items.forEach((r, k) => want.set(key(r, c), tf!.v - (sum - ps[k]!.v)));
            failures.push({ cells, text: `“${rowsL[first]}”${this_(t, c)}应为${items.map((r) => `“${rowsL[r]}”`).slice(0, 3).join('、')}${items.length > 3 ? `等${items.length}项` : ''}之和${fmt(sum, t, tf!, ps as Fig[])}`, want });
          }
        }
        // 2. the 总计 = the first total + the rows between (结转和结余 …)
        const gf = fig(last, c);
        // (not a total that rows of figures follow in its half: 本年支出合计 with 年末结转和结余 under it, where
        // the half's 总计 was not read as such — a 收支总表 printed as two stacked blocks — is no grand total)
        const addsBelow = t.rows.some((_, r) => r > last && !!rowsL[r] && !!fig(r, c) && fig(r, c)!.v !== 0n);
        if (vi === 0 && gf?.fact && !addsBelow) grand[grand.length - 1] = { r: last, c, f: gf, label: rowsL[last]! };
        if (last === first || !tf || !gf || (!gf.fact && !tf.fact)) return;
        const groups: { head: number; subs: number[] }[] = [];
        let fine = true;
        // The items' names (一、一般公共预算财政拨款 …): printed again without their numbers under a 结转和结余
        // row, they are its breakdown by fund (公开04's 年初财政拨款结转和结余), not more rows of the 总计.
        const itemNames = new Set(items.map((r) => rowsL[r]!.replace(/^[一二三四五六七八九十]+[、.．]/u, '')));
        // A first total numbered itself (一、本年支出合计, 杭州 预算04) heads the rows under it up to the next number:
        // its 功能分类 breakdown, printed without numbers, no rows of the 总计; the numbered rows (二、年终结转结余) are.
        // (only where a numbered row follows before the 总计: else the rows are read as before)
        const numbered = cnNumber(rowsL[first]!) !== null && rowsL.some((x, r) => r > first && r < last && !!x && cnNumber(x) !== null);
        for (let r = first + 1; r < last && fine; r++) {
          const x = rowsL[r]!;
          const has = !isBlank(cellText(l, tableId, r, c));
          if (!x) {
            if (has && !(numbered && !groups.length)) fine = false;
            continue;
          }
          if (numbered) {
            if (cnNumber(x) !== null) groups.push({ head: r, subs: [] });
            else if (groups.length) groups[groups.length - 1]!.subs.push(r);
            continue;
          }
          if (isSub(x) || cnNumber(x) !== null || (groups.length > 0 && itemNames.has(x))) {
            if (!groups.length) fine = false;
            else groups[groups.length - 1]!.subs.push(r);
          } else groups.push({ head: r, subs: [] });
        }
        if (!fine) return;
        const f1 = groups.map((g) => fig(g.head, c));
        const fs = groups.map((g) => g.subs.map((r) => fig(r, c)));
        if (f1.some((x) => !x) || fs.flat().some((x) => !x)) return;
        const s1 = (f1 as Fig[]).reduce((s, x) => s + x.v, 0n);
        const alt = groups.map((g, k) => (fs[k]!.some((x) => x!.v !== 0n) ? (fs[k] as Fig[]) : [f1[k]!]));
        if (sumFits(gf, [tf, ...(f1 as Fig[])]) || sumFits(gf, [tf, ...alt.flat()])) return;
        // A figure page text could not place, on a row between the totals (a tall cell's figure printed a line
        // below its label, 结转下年 / 95.00): where it could be one of these rows' and close the gap, no verdict.
        const loose = t.rows.map((_, r) => r).filter((r) => r > first && r < last);
        if (unplacedCloseGap(l, tableId, t, loose, gf, [tf, ...(f1 as Fig[])])) return;
        const rest = groups.map((g) => g.head);
        const cells = [{ key: key(last, c), fig: gf, label: rowsL[last]! }, { key: key(first, c), fig: tf, label: rowsL[first]! }, ...rest.map((r, k) => ({ key: key(r, c), fig: f1[k]!, label: rowsL[r]! }))];
        const want = new Map<string, bigint>([[key(last, c), tf.v + s1], [key(first, c), gf.v - s1]]);
        rest.forEach((r, k) => want.set(key(r, c), gf.v - tf.v - (s1 - f1[k]!.v)));
        const names = [rowsL[first]!, ...rest.map((r) => rowsL[r]!)].map((x) => `“${x}”`).join('＋');
        failures.push({ cells, text: `“${rowsL[last]}”${this_(t, c)}应为${names}＝${fmt(tf.v + s1, t, gf, [tf, ...(f1 as Fig[])])}`, want });
      });
    }
    // 4. a first row with figures and no label in any half whose figures restate each half's 总计 (上海
    //    财政拨款收支总表: the totals printed again, unlabelled, above the items): where some of its figures
    //    equal their column's 总计, a figure that does not is a defect
    const top = t.rows.findIndex((row) => row.some((x, c) => !labels.has(c) && !isBlank(x)));
    if (top >= 0 && halvesOf.every((h) => !labelOf(h, top))) {
      const pairs = halvesOf.flatMap((h) => {
        const last = lasts.get(h);
        if (last === undefined || last <= top) return [];
        return h.values.filter((c) => !isBlank(cellText(l, tableId, top, c))).map((c) => ({ c, a: fig(top, c), b: fig(last, c), label: labelOf(h, last) }));
      });
      if (pairs.length >= 2 && pairs.every((x) => x.a?.fact && x.b?.fact)) {
        const off = pairs.filter((x) => !sumFits(x.a!, [x.b!]));
        if (off.length && off.length < pairs.length)
          for (const x of off)
            failures.push({
              cells: [{ key: key(top, x.c), fig: x.a!, label: '首行（无标签）' }],
              text: `该行其余各数均与各方总计相同，此数应与同列“${x.label}”${fmt(x.b!.v, t, x.b!, [])}相同`,
              want: new Map([[key(top, x.c), x.b!.v]]),
            });
      }
    }
    // 3. the two halves balance: 收入总计 = 支出总计
    const a = grand[0];
    const b = grand[grand.length - 1];
    // (two 本年 totals balance only where neither side has carry-overs: where a table of the same kind follows
    // — the 上年结转 | 结转下年 rows and the 总计 printed on the next page as a table of their own, 深圳 预算 表6 —
    // 本年收入合计 4,310.31 and 本年支出合计 4,321.31 are no 总计 and need not be equal)
    const thisYear = (x: string) => /本年|当年/u.test(x) && !/总计/u.test(x);
    const goesOn = () => {
      // (the next table of its kind in document order)
      const all = [...l.tables.values()];
      const next = all.slice(all.indexOf(t) + 1).find((o) => o.kind === t.kind);
      return !!next && next.rows.some((row) => row.some((x) => /结转|结余/u.test(x)));
    };
    if (grand.length >= 2 && a && b && !sumFits(a.f, [b.f]) && !((thisYear(a.label) || thisYear(b.label)) && goesOn())) {
      failures.push({
        cells: [
          { key: key(a.r, a.c), fig: a.f, label: a.label },
          { key: key(b.r, b.c), fig: b.f, label: b.label },
        ],
        text: `收入方“${a.label}”${fmt(a.f.v, t, a.f, [])}与支出方“${b.label}”${fmt(b.f.v, t, b.f, [])}应相等`,
        want: new Map([
          [key(a.r, a.c), b.f.v],
          [key(b.r, b.c), a.f.v],
        ]),
      });
    }
    flags.push(...foldFailures(l, t, tableId, byPos, failures));
  }
  return flags;
}

/** Failures of one table's sums, one flag per cell they go through: the cell most failures share (a
 *  total before its parts on a tie: a failure lists it first) gets one flag naming each of them; a
 *  failure through a row another identity already flagged is explained there. */
function foldFailures(l: Ledger, t: TableRecord, tableId: string, byPos: Map<string, Fact>, failures: Failure[]): Flag[] {
  const flags: Flag[] = [];
  const open = failures.filter((x) => !x.cells.some((c) => l.badRows.has(`${tableId}|${c.key.split('|')[0]}`)));
  while (open.length) {
    const count = new Map<string, number>();
    for (const x of open) for (const c of x.cells) count.set(c.key, (count.get(c.key) ?? 0) + 1);
    let best = open[0]!.cells[0]!.key;
    for (const x of open) for (const c of x.cells) if (count.get(c.key)! > count.get(best)!) best = c.key;
    const mine = open.filter((x) => x.cells.some((c) => c.key === best));
    for (const x of mine) open.splice(open.indexOf(x), 1);
    const cell = mine[0]!.cells.find((c) => c.key === best)!;
    const [r, c] = best.split('|').map(Number) as [number, number];
    const f = cell.fig.fact ?? byPos.get(best);
    l.badRows.add(`${tableId}|${r}`);
    const dec = Math.max(decimals(f), ...mine.flatMap((x) => x.cells.map((y) => decimals(y.fig.fact))));
    const unit = t.unit ?? '';
    const want = mine[0]!.want.get(best)!;
    const loc = f ? { ...f.loc } : { ...t.loc, row: r, col: c };
    const head = headName(t.header[c] ?? '');
    flags.push(
      makeFlag(
        'SUM_MISMATCH',
        `${t.kind}${f?.loc.page !== undefined ? `第${f.loc.page}页` : ''}“${cell.label}”${head ? `的“${head}”` : ''}${f ? `为${show(cell.fig.v, unit, dec)}` : '空白'}：${mine.map((x) => x.text).join('；')}。`,
        loc,
        f?.excerpt ?? t.rows[r]?.join(' ') ?? null,
        { expected: show(want, unit, dec, true), found: show(cell.fig.v, unit, dec, true) },
      ),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- ladder: 总计 = Σ 小计, 小计 = Σ its rows

/** The identity's tables whose figures all stand in one value column, every cell of which was read (the
 *  list-shaped tables the ladder and outline identities walk). */
function* singleColumnTables(l: Ledger, id: Identity) {
  for (const { tableId, t, facts } of tablesOf(l, id)) {
    const cols = new Set(facts.map((f) => f.about!.col!));
    if (cols.size !== 1) continue;
    const c = [...cols][0]!;
    if (!l.completeCols.has(`${tableId}|${c}`)) continue;
    yield { tableId, t, c, byPos: new Map(facts.map((f) => [`${f.about!.row}|${f.about!.col}`, f])) };
  }
}

/** A list printed down one value column, its groups marked by 小计 rows (江苏 收入预算总表: 收入总计, then
 *  per group a 小计 and its items; a group's own name stands in a label column beside them): the top total
 *  = Σ the 小计s, and each 小计 = Σ the rows of its group (not 其中 rows). A 小计 heads its group when it
 *  comes right after the total, else it closes it. Only where every figure of the column below the total
 *  lies in a group and every cell was read; failures that share a cell are one flag on it. */
function ladders(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  for (const { tableId, t, c, byPos } of singleColumnTables(l, id)) {
    const fold = (x: string) => foldTableText(x);
    const labelOf = (r: number) => {
      for (let k = c - 1; k >= 0; k--) {
        const x = fold(t.rows[r]?.[k] ?? '');
        if (x) return x;
      }
      return '';
    };
    const labels = t.rows.map((_, r) => labelOf(r));
    const top = labels.findIndex((x) => /^(?:\S{0,4}总计|合计)$/u.test(x));
    const subs = labels.map((x, r) => (r > top && x === '小计' ? r : -1)).filter((r) => r >= 0);
    if (top < 0 || subs.length < 2) continue;
    const filled = (r: number) => !isBlank(cellText(l, tableId, r, c));
    // heading 小计s: the first labelled row after the total is one
    const next = labels.findIndex((x, r) => r > top && (x || filled(r)));
    const heading = next === subs[0];
    const groups = subs.map((s, i) => {
      const from = heading ? s + 1 : i ? subs[i - 1]! + 1 : top + 1;
      const to = heading ? (subs[i + 1] ?? t.rows.length) : s;
      const rows: number[] = [];
      for (let r = from; r < to; r++) if (!/^其中/u.test(labels[r]!) && (labels[r] || filled(r))) rows.push(r);
      return { sub: s, rows };
    });
    // every figure below the total lies in a group or is a 小计 (a trailing list after the last closing 小计 is not)
    const covered = new Set([...subs, ...groups.flatMap((g) => g.rows)]);
    if (t.rows.some((_, r) => r > top && filled(r) && !covered.has(r) && !/^其中/u.test(labels[r]!))) continue;
    const fig = (r: number) => cellFig(l, tableId, r, c, byPos, t.unit, true);
    const key = (r: number) => `${r}|${c}`;
    const failures: Failure[] = [];
    const tf = fig(top);
    const sf = subs.map(fig);
    if (!tf || sf.some((x) => !x)) continue;
    let unreadable = false;
    for (const g of groups) {
      const gf = fig(g.sub)!;
      const ps = g.rows.map(fig);
      if (ps.some((x) => !x)) {
        unreadable = true;
        break;
      }
      if (!g.rows.length || (!gf.fact && ps.every((x) => x!.v === 0n)) || sumFits(gf, ps as Fig[])) continue;
      const sum = (ps as Fig[]).reduce((s, x) => s + x.v, 0n);
      const want = new Map<string, bigint>([[key(g.sub), sum]]);
      g.rows.forEach((r, k) => want.set(key(r), gf.v - (sum - ps[k]!.v)));
      const names = g.rows.map((r) => `“${labels[r] || '（空）'}”`);
      failures.push({
        cells: [{ key: key(g.sub), fig: gf, label: '小计' }, ...g.rows.map((r, k) => ({ key: key(r), fig: ps[k]!, label: labels[r]! }))],
        text: `该“小计”应为其下${names.slice(0, 3).join('、')}${names.length > 3 ? `等${names.length}项` : ''}之和${fmt(sum, t, gf, ps as Fig[])}`,
        want,
      });
    }
    if (unreadable) continue;
    if ((tf.fact || sf.some((x) => x!.v !== 0n)) && !sumFits(tf, sf as Fig[])) {
      const sum = (sf as Fig[]).reduce((s, x) => s + x.v, 0n);
      const want = new Map<string, bigint>([[key(top), sum]]);
      subs.forEach((r, k) => want.set(key(r), tf.v - (sum - sf[k]!.v)));
      failures.unshift({
        cells: [{ key: key(top), fig: tf, label: labels[top]! }, ...subs.map((r, k) => ({ key: key(r), fig: sf[k]!, label: '小计' }))],
        text: `“${labels[top]}”应为${subs.length}个“小计”之和${fmt(sum, t, tf, sf as Fig[])}`,
        want,
      });
    }
    flags.push(...foldFailures(l, t, tableId, byPos, failures));
  }
  return flags;
}

// ---------------------------------------------------------------- outline: a tree by label column

/** A list down one value column whose depth is the label column a row's label starts in (江苏 政府采购预算表:
 *  采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 …, 合计 and 一、货物A in the first, the items bought in the
 *  deepest): the items (rows of the deepest column) carry the amounts, so the first row's 合计 = Σ items,
 *  each top-level row (一、货物A) = Σ the items up to the next one, and a row right above a run of items
 *  (rows without an amount between are labels) = Σ that run. Failures that share a figure are one defect,
 *  flagged on the smallest sum's total and naming the others; where they do not all share one (two
 *  separate defects, or a table whose labels are not where the depth says), nothing is flagged. */
function outlines(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  for (const { tableId, t, c, byPos } of singleColumnTables(l, id)) {
    const fold = (x: string) => foldTableText(x);
    // A row whose label page text could not place in a column has no depth we know (an orphan).
    const unc = uncertainCells(l, tableId);
    const rawDepth = (r: number) => {
      if (t.rows[r]?.some((x, k) => k < c && fold(x) && unc.has(`${r}|${k}`))) return -1;
      for (let k = 0; k < c; k++) if (fold(t.rows[r]?.[k] ?? '')) return k;
      return -1;
    };
    // (a header row left in the body — 采购品目大类 | 名称 | … | 总计 under a header split over two lines —
    // holds no figure: not the first row)
    const filled = (r: number) => !!parseAmount(cellText(l, tableId, r, c));
    // A figure on a row with no label whose label stands on the row right below it, with no figure of its
    // own (a label wrapped under a figure centred on its merged cell: 30.00 | 机要及电子政务业务费 办公设备购置),
    // is that label's row.
    const labelRowOf = (r: number) => (rawDepth(r) >= 0 ? r : r + 1 < t.rows.length && !filled(r + 1) && rawDepth(r + 1) >= 0 ? r + 1 : -1);
    const rows = t.rows.map((_, r) => r).filter((r) => filled(r) && labelRowOf(r) >= 0);
    // The deepest label column qualifies the item beside it (采购组织形式 after 采购物品名称) where nearly every
    // row filling it fills the column before it too: a row labelled there alone is an item whose name the
    // reader could not place on its row (物业管理服 / 务 wrapped, its 部门集中采购 330.00 and 分散自行组织
    // 20.00 rows below), so it stands at the item's depth, not one deeper.
    const deepest = Math.max(-1, ...rows.map((r) => t.rows[r]!.slice(0, c).reduce((a, x, k) => (fold(x) ? k : a), -1)));
    const withDeepest = rows.filter((r) => fold(t.rows[r]?.[deepest] ?? ''));
    const qualifier = deepest > 1 && withDeepest.length >= 3 && withDeepest.filter((r) => fold(t.rows[r]?.[deepest - 1] ?? '')).length * 4 >= withDeepest.length * 3;
    // A row that only fills a column the row above also fills, deeper than that row's own item, is its
    // sibling whose item cell is merged over both (物业管理服务 | 部门集中采购 430.00, then | 分散自行组织 40.00).
    // A row that names an item (fills the item column) is an item, whatever labels of merged cells centred
    // on it it also carries (机要及电子政务业务费 | 办公设备购置 | 打印设备 | 政府集中采购 3.00).
    const itemCol = qualifier ? deepest - 1 : deepest;
    const depths = new Map<number, number>();
    rows.forEach((r, i) => {
      const d = labelRowOf(r) === r && itemCol > 1 && fold(t.rows[r]?.[itemCol] ?? '') ? itemCol : rawDepth(labelRowOf(r));
      const prev = rows[i - 1];
      const pd = prev === undefined ? -1 : depths.get(prev)!;
      depths.set(r, prev !== undefined && prev === r - 1 && d > pd && pd > 0 && fold(t.rows[prev]?.[d] ?? '') ? pd : qualifier && d === deepest ? d - 1 : d);
    });
    const depth = (r: number) => depths.get(r) ?? rawDepth(r);
    const label = (r: number) => fold(t.rows[labelRowOf(r)]?.[rawDepth(labelRowOf(r))] ?? '');
    if (rows.length < 4) continue;
    const top = rows[0]!;
    if (depth(top) !== 0 || !/^(?:合计|总计)$/u.test(label(top))) continue;
    const leafDepth = Math.max(...rows.map(depth));
    if (leafDepth < 2) continue;
    const isLeaf = (r: number) => depth(r) === leafDepth;
    const fig = (r: number) => cellFig(l, tableId, r, c, byPos, t.unit, true);
    const sums: { total: number; parts: number[]; what: string }[] = [];
    const body = rows.slice(1);
    sums.push({ total: top, parts: body.filter(isLeaf), what: '全部明细' });
    const heads = body.filter((r) => depth(r) === 0);
    // the total is its top-level rows too (一、货物A + 三、服务C): fewer parts, so less rounding slack than
    // over every item
    if (heads.length) sums.push({ total: top, parts: heads, what: '各大类' });
    heads.forEach((h, i) => sums.push({ total: h, parts: body.filter((r) => r > h && r < (heads[i + 1] ?? Infinity) && isLeaf(r)), what: '其下明细' }));
    body.forEach((r, i) => {
      if (depth(r) === 0 || isLeaf(r)) return;
      const run: number[] = [];
      for (const x of body.slice(i + 1)) {
        if (!isLeaf(x)) break;
        run.push(x);
      }
      if (run.length) sums.push({ total: r, parts: run, what: '其下明细' });
    });
    // A figure on a row with no label (a tall cell's figure the reader could not place on its row) may be
    // a part of any sum around it: the sums whose rows reach it are not known.
    const orphans = t.rows.map((_, r) => r).filter((r) => filled(r) && labelRowOf(r) < 0 && r > top);
    const reach = (x: (typeof sums)[number]) => {
      const last = Math.max(x.total, ...x.parts);
      const end = rows.find((r) => r > last) ?? Infinity;
      return orphans.some((o) => o > x.total && o < end);
    };
    const failures: { total: number; parts: number[]; text: string; want: bigint; tf: Fig }[] = [];
    let checked = 0;
    for (const x of sums) {
      if (reach(x)) continue;
      const tf = fig(x.total);
      const ps = x.parts.map(fig);
      if (!x.parts.length || !tf || ps.some((p) => !p)) continue;
      checked++;
      if (sumFits(tf, ps as Fig[])) continue;
      const sum = (ps as Fig[]).reduce((a, p) => a + p.v, 0n);
      failures.push({ total: x.total, parts: x.parts, tf, want: sum, text: `“${label(x.total)}”为${fmt(tf.v, t, tf, [])}，而${x.what}${x.parts.length}项之和为${fmt(sum, t, tf, ps as Fig[])}` });
    }
    // one total failing two ways (合计 against its 大类 and against all items) is told once
    const once = failures.filter((x, i) => failures.findIndex((y) => y.total === x.total) === i);
    failures.splice(0, failures.length, ...once);
    if (!failures.length) continue;
    // One defect: every failing sum goes through one figure (a leaf in all of them, or one sum alone).
    const cellsOf = (x: (typeof failures)[number]) => new Set([x.total, ...x.parts]);
    const shared = [...cellsOf(failures[0]!)].filter((r) => failures.every((x) => cellsOf(x).has(r)));
    if (!shared.length || checked < failures.length + 2) continue;
    // on the shared figure itself where it is a failing sum's total (一、货物A off in both 合计 = Σ 大类 and
    // its own sum), else on the smallest sum
    const own = failures.filter((x) => shared.includes(x.total));
    const anchor = (own.length ? own : failures).reduce((a, x) => (x.parts.length < a.parts.length ? x : a));
    const f = byPos.get(`${anchor.total}|${c}`);
    if (!f) continue;
    for (const x of failures) l.badRows.add(`${tableId}|${x.total}`);
    const dec = Math.max(decimals(f), ...anchor.parts.map((r) => decimals(byPos.get(`${r}|${c}`))));
    const unit = t.unit ?? '';
    const others = failures.filter((x) => x !== anchor).map((x) => x.text);
    flags.push(
      makeFlag(
        'SUM_MISMATCH',
        `${t.kind}${f.loc.page !== undefined ? `第${f.loc.page}页` : ''}${anchor.text}${others.length ? `；同样不符：${others.join('；')}` : ''}。`,
        { ...f.loc },
        f.excerpt,
        { expected: show(anchor.want, unit, dec, true), found: show(anchor.tf.v, unit, dec, true) },
      ),
    );
  }
  return flags;
}

const this_ = (t: TableRecord, c: number) => {
  const h = headName(t.header[c] ?? '');
  return h && !/^(?:决算数|预算数|金额)$/.test(h) ? `（${h}）` : '';
};
/** A sum printed at the precision of its terms. */
const fmt = (v: bigint, t: TableRecord, a: Fig, bs: Fig[]) => show(v, t.unit ?? '', Math.max(decimals(a.fact), ...bs.map((x) => decimals(x.fact))));

// ---------------------------------------------------------------- funds: 年度资金总额 = its sources

/** A 绩效目标表/自评表's money block: the row labelled as the total (年度资金总额) = the rows right below it
 *  labelled as its sources (财政拨款, 上年结转, 其他资金), column by column — only in columns where the total
 *  and at least one source hold an amount, every source cell is an amount or blank, and nothing is a rate
 *  or a score (分值, 得分, 执行率, %). Read off the table's cells (these tables give no facts). */
function funds(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  const kinds = new Set(id.tables ?? []);
  const totalRe = new RegExp(id.totalLabel!, 'u');
  const partRe = new RegExp(id.partLabels!, 'u');
  const fold = (x: string) => foldTableText(x).replace(/[:：]$/u, '');
  for (const t of l.tables.values()) {
    if (!kinds.has(t.kind)) continue;
    t.rows.forEach((row, r) => {
      const labelAt = row.findIndex((x) => totalRe.test(fold(x)));
      if (labelAt < 0) return;
      const parts: number[] = [];
      for (let k = r + 1; k < t.rows.length && k <= r + 5; k++) {
        if (!t.rows[k]!.some((x, c) => c <= labelAt + 1 && partRe.test(fold(x)))) break;
        parts.push(k);
      }
      if (parts.length < 2) return;
      // Each source's cells counted from its own label: a form row read off page text keeps its cells in
      // order, not in the grid's columns (a block split over two pages: 上年结转 | 981.90 with no 项目资金 cell
      // before it), so a label in another column than the total's shifts its figures with it.
      const partAt = parts.map((k) => t.rows[k]!.findIndex((x, cc) => cc <= labelAt + 1 && partRe.test(fold(x))) - labelAt);
      const bad = (x: string) => /分值|得分|执行率|[%％]/u.test(x);
      for (let c = labelAt + 1; c < row.length; c++) {
        if ([r, ...parts].some((k, i) => bad(t.rows[k]![c + (i ? partAt[i - 1]! : 0)] ?? '')) || bad(t.header[c] ?? '')) continue;
        const tot = figOf(row[c] ?? '', null, true);
        if (!tot) continue;
        const ps = parts.map((k, i) => t.rows[k]![c + partAt[i]!] ?? '');
        if (ps.some((x) => !isBlank(x) && !figOf(x, null, true)) || ps.every((x) => isBlank(x))) continue;
        // a blank or a bare 0 is an exact 0
        const figs = ps.map((x) => (isBlank(x) || /^\s*0\s*$/.test(x) ? ZERO : figOf(x, null, true)!));
        if (sumFits(tot, figs)) continue;
        const dec = Math.max(...[row[c]!, ...ps].map((x) => /\.(\d+)/.exec(x)?.[1]?.length ?? 0));
        const sum = figs.reduce((a, x) => a + x.v, 0n);
        const names = parts.map((k) => `“${fold(t.rows[k]!.find((x, cc) => cc <= labelAt + 1 && partRe.test(fold(x)))!)}”`).join('＋');
        flags.push(
          makeFlag(
            'SUM_MISMATCH',
            `${t.kind}${t.loc.page !== undefined ? `第${t.loc.page}页` : ''}“${t.title || t.kind}”的“${fold(row[labelAt]!)}”为${row[c]!.trim()}，而${names}＝${show(sum, '', dec)}。`,
            { ...t.loc },
            row.filter(Boolean).join(' '),
            { expected: show(sum, '', dec, true), found: row[c]!.trim() },
          ),
        );
        break;
      }
    });
  }
  return flags;
}

// ---------------------------------------------------------------- cross: tables against tables

/** Two row names are the same after folding (full- and half-width brackets alike). */
const sameName = (a: string, b: string) => {
  const n = (x: string) => foldTableText(x).replace(/（/g, '(').replace(/）/g, ')');
  return n(a) === n(b);
};

const columnIs = (term: Term, key: string | undefined) => term.column === undefined || (Array.isArray(term.column) ? term.column.includes(key ?? '') : key === term.column);

function pick(l: Ledger, term: Term): Fig | null | undefined {
  const kinds = new Set(Array.isArray(term.table) ? term.table : [term.table]);
  const totals = TOTAL_ROWS();
  const hits: Fact[] = [];
  for (const [tableId, facts] of l.cells) {
    const t = l.tables.get(tableId)!;
    if (!kinds.has(t.kind)) continue;
    for (const f of facts) {
      const a = f.about!;
      if (!columnIs(term, a.column)) continue;
      if (term.role && f.role !== term.role) continue;
      const sel = term.row;
      if (sel === 'total') {
        if (!a.name || !totals.has(a.name) || a.code) continue;
      } else {
        // a code and names: both must match (a province's own 30212 is not 因公出国（境）费用)
        if (sel?.code && a.code !== sel.code) continue;
        if (sel?.name && (!a.name || !sel.name.some((x) => sameName(x, a.name!)))) continue;
      }
      hits.push(f);
    }
  }
  if (!hits.length) return undefined;
  // A table's 合计 that counts funds brought in from before (a filled 上年结转结余 column on its row, 福州 预算02) is
  // no year's total: not the term asked for (收支总表's 本年收入合计), so no verdict.
  if (term.row === 'total' && columnIs(term, 'total')) {
    const carry = new Set(loadPattern<{ carryColumns?: string[] }>('tables.yaml').carryColumns ?? []);
    const carried = (f: Fact) => (l.cells.get(f.about!.tableId!) ?? []).some((g) => g.about!.row === f.about!.row && carry.has(g.about!.column ?? '') && g.value !== 0);
    if (hits.some(carried)) return null;
  }
  const figs = hits.map((f) => ({ f, g: figOf(f.text, f.unit) }));
  if (figs.some((x) => !x.g)) return null;
  // The same term printed twice (a total row read in two grids) must agree, else it is not one figure.
  const first = figs[0]!;
  if (figs.some((x) => x.g!.v !== first.g!.v)) return null;
  return { ...first.g!, fact: first.f };
}

function crosses(l: Ledger, id: Identity): Flag[] {
  const terms = id.equal ?? id.atMost ?? [];
  const figs = terms.map((t) => pick(l, t));
  if (figs.some((x) => !x)) return [];
  // A term whose row does not add up within its table is already flagged there: that explains this too.
  if ((figs as Fig[]).some((x) => x.fact && l.badRows.has(`${x.fact.about?.tableId}|${x.fact.about?.row}`))) return [];
  const [a, ...rest] = figs as Fig[];
  const ok = id.equal ? sumFits(a!, rest) : atMostFits(a!, rest[0]!);
  if (ok) return [];
  const f = a!.fact!;
  const dec = Math.max(...(figs as Fig[]).map((x) => decimals(x.fact)));
  const unit = f.unit;
  const sum = rest.reduce((s, x) => s + x.v, 0n);
  const others = rest.map((x) => `${where(x.fact)}“${x.fact?.about?.name || rowName(x.fact!)}”${colName(l, x.fact!) ? `的“${colName(l, x.fact!)}”` : ''}${show(x.v, unit, dec)}`).join('＋');
  const head = `${where(f)}“${f.about?.name || rowName(f)}”${colName(l, f) ? `的“${colName(l, f)}”` : ''}${show(a!.v, unit, dec)}`;
  const message = id.equal
    ? `表间数据不一致（${id.what ?? id.id}）：${head}，而${others}${rest.length > 1 ? `＝${show(sum, unit, dec)}` : ''}。`
    : `表间数据不一致（${id.what ?? id.id}）：${head}，超过${others}。`;
  const flag = makeFlag('SUM_MISMATCH', message, { ...f.loc }, f.excerpt, { expected: id.equal ? show(sum, unit, dec) : `不超过${show(sum, unit, dec)}`, found: show(a!.v, unit, dec) });
  crossTables.set(flag, (figs as Fig[]).map((x) => x.fact?.about?.tableId ?? ''));
  return [flag];
}

// ---------------------------------------------------------------- items: a table's 经济分类 items within another's

/** `atMost: [a, b]` item by item: each 经济分类 科目 of table a (by code and name) is at most the same 科目
 *  of table b (机关运行经费 is paid out of the 一般公共预算 基本支出, so its 30218 专用材料费 cannot exceed the
 *  基本支出 table's 30218). A 科目 printed twice with different figures, or in a row already flagged, gets
 *  no verdict; only a lone 科目 over is flagged (a warning), see below. */
function items(l: Ledger, id: Identity, flagged: Set<string>): Flag[] {
  const [ta, tb] = id.atMost ?? [];
  if (!ta || !tb) return [];
  const byCode = (term: Term) => {
    const kinds = new Set(Array.isArray(term.table) ? term.table : [term.table]);
    const m = new Map<string, Fact[]>();
    for (const [tableId, facts] of l.cells) {
      if (!kinds.has(l.tables.get(tableId)!.kind)) continue;
      for (const f of facts) {
        const a = f.about!;
        if (!a.code || a.codeKind !== 'economic' || !a.name || !columnIs(term, a.column)) continue;
        m.set(a.code, [...(m.get(a.code) ?? []), f]);
      }
    }
    return m;
  };
  const one = (fs: Fact[]) => agreedFig(l, fs);
  const A = byCode(ta);
  const B = byCode(tb);
  const flags: Flag[] = [];
  const pairs: [string, Fig, Fig][] = [];
  for (const [code, fa] of A) {
    const fb = B.get(code);
    if (!fb || !sameName(fa[0]!.about!.name!, fb[0]!.about!.name!)) continue;
    // a table whose own sums already fail is flagged there: that explains this too
    if ([...fa, ...fb].some((f) => flagged.has(f.about!.tableId ?? ''))) continue;
    const a = one(fa);
    const b = one(fb);
    if (a && b) pairs.push([code, a, b]);
  }
  // Where a template counts more in a than b (江苏 2017: 机关运行经费 with project money, 302 商品和服务支出
  // 5,560.31 against 1,585.96) many 科目 exceed: that is the template, not a defect. Only a lone 科目 over,
  // every class (3-digit) and at least three other 科目 within, is one; a warning (a 科目 may be paid out of
  // project money in some templates).
  const over = pairs.filter(([, a, b]) => !atMostFits(a, b));
  if (over.length !== 1 || over[0]![0].length === 3 || pairs.length - over.length < 3 || !pairs.some(([code]) => code.length === 3)) return [];
  for (const [code, a, b] of over) {
    const f = a.fact!;
    const dec = Math.max(decimals(f), decimals(b.fact));
    const unit = f.unit;
    const flag = makeFlag(
      'SUM_MISMATCH',
      `表间数据不一致（${id.what ?? id.id}）：${where(f)}“${code}${f.about!.name}”${show(a.v, unit, dec)}，超过${where(b.fact)}同一科目的${show(b.v, unit, dec)}。`,
      { ...f.loc },
      f.excerpt,
      { expected: `不超过${show(b.v, unit, dec)}`, found: show(a.v, unit, dec), severity: 'warning' },
    );
    crossTables.set(flag, [f.about!.tableId ?? '', b.fact!.about!.tableId ?? '']);
    flags.push(flag);
  }
  return flags;
}

// ---------------------------------------------------------------- classes: a 收支总表's 类 rows against a 科目 table

/** `equal: [a, b]` 类 by 类: each 功能分类 类 row of the 收支总表 a (printed by name, 一、一般公共服务支出, with no
 *  code) restates the same 类 of the 科目 table b (公开01's 卫生健康支出 is 公开03's row 210's 合计; 公开04's
 *  一般公共预算 column is 公开05's 合计). A name is the 类 whose 3-digit code some table of the document prints
 *  beside it (one code only; a name no table codes, or codes twice, is not compared). Exact (the two printed
 *  intervals must overlap). A 类 printed twice with different figures, or in a row already flagged, gets no
 *  verdict. Real: 普陀区规划和自然资源局 2024 决算, 公开01 卫生健康支出 236.63 against 公开03's 236.64. */
function classPairs(l: Ledger, id: Identity): [string, Fig, Fig][] {
  const [ta, tb] = id.equal ?? [];
  if (!ta || !tb) return [];
  const codesOf = new Map<string, Set<string>>();
  for (const facts of l.cells.values())
    for (const f of facts) {
      const a = f.about!;
      if (a.codeKind !== 'function' || a.code?.length !== 3 || !a.name) continue;
      const n = foldTableText(a.name).replace(/（/g, '(').replace(/）/g, ')');
      codesOf.set(n, (codesOf.get(n) ?? new Set()).add(a.code));
    }
  const classOf = (f: Fact): string | undefined => {
    const a = f.about!;
    if (a.code) return a.code.length === 3 && a.codeKind === 'function' ? a.code : undefined;
    if (!a.name) return undefined;
    const cs = codesOf.get(foldTableText(a.name).replace(/（/g, '(').replace(/）/g, ')'));
    return cs?.size === 1 ? [...cs][0] : undefined;
  };
  const byClass = (term: Term, named: boolean) => {
    const kinds = new Set(Array.isArray(term.table) ? term.table : [term.table]);
    const m = new Map<string, Fact[]>();
    for (const [tableId, facts] of l.cells) {
      if (!kinds.has(l.tables.get(tableId)!.kind)) continue;
      for (const f of facts) {
        if (!columnIs(term, f.about!.column) || (term.role && f.role !== term.role)) continue;
        const c = named ? classOf(f) : f.about!.codeKind === 'function' && f.about!.code?.length === 3 ? f.about!.code : undefined;
        if (c) m.set(c, [...(m.get(c) ?? []), f]);
      }
    }
    return m;
  };
  const one = (fs: Fact[]) => agreedFig(l, fs);
  const A = byClass(ta, true);
  const B = byClass(tb, false);
  const pairs: [string, Fig, Fig][] = [];
  for (const [code, fa] of A) {
    const fb = B.get(code);
    const a = fb && one(fa);
    const b = fb && one(fb);
    if (a && b) pairs.push([code, a, b]);
  }
  return pairs;
}

function classes(l: Ledger, id: Identity): Flag[] {
  const flags: Flag[] = [];
  for (const [code, a, b] of classPairs(l, id)) {
    if (sumFits(a, [b])) continue;
    const f = a.fact!;
    const dec = Math.max(decimals(f), decimals(b.fact));
    const unit = f.unit;
    // The 科目 table's 类 is printed as the sum of its rounded 项 (its lowest rows); the 收支总表 may round the 类's own total.
    // Where the 收支总表's figure is also a sum of those rows within their rounding, the two tables disagree
    // only by rounding (普陀区财政局 2024 决算: 社会保障和就业支出 326.71 in 公开01/04, 326.72 = Σ rounded 项 in
    // 公开03/05): a warning (reviewer s13 judged that disagreement the tables', not a figure proven wrong).
    const bt = b.fact!.about!;
    const under = (l.cells.get(bt.tableId ?? '') ?? []).filter((g) => g.about!.codeKind === 'function' && (g.about!.code?.length ?? 0) > 3 && g.about!.code!.startsWith(code) && g.about!.column === bt.column && g.role === b.fact!.role);
    const kids = under.filter((g) => !under.some((k) => k !== g && k.about!.code!.length > g.about!.code!.length && k.about!.code!.startsWith(g.about!.code!)));
    const kidFigs = kids.map((g) => figOf(g.text, g.unit));
    const rounding = kidFigs.length > 0 && kidFigs.every(Boolean) && sumFits(a, kidFigs as Fig[]);
    const flag = makeFlag(
      'SUM_MISMATCH',
      `表间数据不一致（${id.what ?? id.id}）：${where(f)}“${f.about!.name}”${colName(l, f) ? `的“${colName(l, f)}”` : ''}${show(a.v, unit, dec)}，而${where(b.fact)}“${code}${b.fact!.about!.name}”${colName(l, b.fact!) ? `的“${colName(l, b.fact!)}”` : ''}为${show(b.v, unit, dec)}${rounding ? `（该表此类为其${kids.length}个明细科目的四舍五入数之和，两表相差在舍入范围内）` : ''}。`,
      { ...f.loc },
      f.excerpt,
      { expected: show(b.v, unit, dec), found: show(a.v, unit, dec), ...(rounding ? { severity: 'warning' as const } : {}) },
    );
    crossTables.set(flag, [f.about!.tableId ?? '', b.fact!.about!.tableId ?? '']);
    flags.push(flag);
  }
  return flags;
}

/** The tables whose figures a cross-table flag compares (a table read as one defect explains it). */
const crossTables = new WeakMap<Flag, string[]>();

// ---------------------------------------------------------------- narrative against tables

/** Whether `mine`, printed coarser than the money the document spends outside the fund table (its expenditure
 *  total less the table's 合计 in the cell's column), fits the cell plus that money at its printed precision
 *  (江苏 预算 in 亿元: `公共安全（类）支出1.37亿元` for the 预算05 cell 13,641.34 + 其他资金 15.00万元). */
function coarserThanOutside(l: Ledger, mine: Fig, cell: Fact, fig: Fig): boolean {
  const e = l.doc.summary.total_expenditure;
  const stated = e ? l.doc.facts.find((g) => g.id === e.factId) : undefined;
  const whole = stated ? figOf(stated.text, stated.unit) : null;
  const totals = TOTAL_ROWS();
  const rows = (l.cells.get(cell.about!.tableId!) ?? []).filter((g) => !g.about?.code && g.about?.name && totals.has(g.about.name) && g.about.col === cell.about!.col);
  const part = rows.length === 1 ? figOf(rows[0]!.text, rows[0]!.unit) : null;
  if (!whole || !part || whole.v <= part.v || whole.v - part.v > mine.h) return false;
  return sumFits(mine, [fig, { v: whole.v - part.v, h: whole.h + part.h }]);
}

/** Narrative figures compared with a table cell by the last run of `restatements` (by 科目, by metric). */
export const restatementCount = { byCode: 0, byMetric: 0 };

/** Flags of the last `restatements` run made warnings because the figure fits a row above its 科目's (aboveOnPath):
 *  in a table read as one defect, where rows stand shifted, that fit is a coincidence and they count as errors. */
const abovePath = new WeakSet<Flag>();

/** The cell each flag of the last `restatements` run was compared with. */
let restatedCells: Fact[] = [];

function restatements(l: Ledger): Flag[] {
  const flags: Flag[] = [];
  restatedCells = [];
  restatementCount.byCode = 0;
  restatementCount.byMetric = 0;
  const rc = cfg().restatements;
  const level = l.doc.document.kind === '预算' ? 'budget' : 'actual';
  const tableFacts = l.doc.facts.filter((f) => f.from === 'table' && f.about?.tableId);
  for (const f of l.doc.facts) {
    // (a 科目's figure of the year before: its row's prior-year column)
    if (f.from === 'text' && f.kind === 'amount' && f.role === 'prior_year' && f.about?.code && f.about.codeKind === 'function') {
      flags.push(...priorRestated(l, f, tableFacts));
      continue;
    }
    if (f.from !== 'text' || f.kind !== 'amount' || (f.year !== null && l.doc.document.year !== null && f.year !== l.doc.document.year)) continue;
    if (f.role !== 'actual' && f.role !== 'budget') continue;
    const mine = figOf(f.text, f.unit);
    if (!mine) continue;
    // (2 and 3) the one cell a figure restates, unless its row is already flagged as not adding up
    const compare = (cell: { g: Fact; fig: Fig | null }, severity: Severity = rc.severityByMetric) => {
      if (l.badRows.has(`${cell.g.about!.tableId}|${cell.g.about!.row}`)) return;
      restatementCount.byMetric++;
      if (!restates(mine, f.unit, cell.fig!, cell.g.unit)) {
        flags.push(conflict(l, f, cell.g, mine, cell.fig!, severity));
        restatedCells.push(cell.g);
      }
    };
    // 1. By 科目: the fund's function-class table, the row of that code, the column of the role.
    const a = f.about;
    if (a?.code && a.codeKind === 'function' && f.role === level) {
      // The fund's table; a figure whose fund is not one of the three (财政拨款, or none named) may restate
      // any table that prints the 科目 (the fund tables, or the all-sources 支出 table): it conflicts
      // only when it fits none of them.
      const named = a.fund && rc.functionTables[a.fund];
      const kinds = new Set(named ? rc.functionTables[a.fund!] : [...Object.values(rc.functionTables).flat(), ...rc.allSourcesTables]);
      // (a 科目's own 基本支出 or 项目支出 restates that column of its row, not its total)
      const keys = a.column === 'basic' || a.column === 'project' ? [a.column] : (rc.columns[f.role] ?? []);
      // (a figure of all 财政拨款 — 财政拨款支出…主要用于：教育支出（类）… — is no figure of an all-sources table's: only the
      // fund tables' and a 财政拨款 table's cells, those of a fund)
      const cells = tableFacts.filter((g) => kinds.has(g.about!.table!) && g.about!.code === a.code && g.role === f.role && keys.includes(g.about!.column ?? '') && (a.fund !== 'fiscal' || !!g.about!.fund));
      // Prefer the first key a table has (合计 before 本年支出), per table.
      const perTable = new Map<string, Fact>();
      for (const k of keys) for (const g of cells) if (g.about!.column === k && !perTable.has(g.about!.tableId!)) perTable.set(g.about!.tableId!, g);
      const figs = [...perTable.values()].map((g) => ({ g, fig: figOf(g.text, g.unit) })).filter((x) => x.fig);
      const usable = figs.filter((x) => !l.badRows.has(`${x.g.about!.tableId}|${x.g.about!.row}`));
      if (usable.length && usable.length === figs.length && (!named || usable.every((x) => x.fig!.v === usable[0]!.fig!.v))) {
        restatementCount.byCode++;
        // A figure that names no fund, where no all-sources table prints its 科目, may be the 科目's amount
        // from all sources: the fund table's cell plus at most the money outside that table (the
        // document's expenditure total less the table's 合计; 江苏 预算: 公共安全（类）支出13656.34万元 under
        // 支出预算总计 = the 预算05 cell 13,641.34 + 其他资金 15.00).
        const allSources = !named && !usable.some((x) => rc.allSourcesTables.includes(x.g.about!.table!));
        // All the outside money in this 科目 is a restatement; part of it may be (the rest in other 科目), or
        // may be a wrong figure: a warning, not silence.
        const outside = allSources ? usable.map((x) => withinOtherFunds(l, mine, x.g, x.fig!)) : [];
        if (outside.includes('exact')) continue;
        // (a figure rounded coarser than that money — 1.37亿元 for 13,641.34 + 15.00万元 — holds the cell plus it)
        if (allSources && usable.some((x) => coarserThanOutside(l, mine, x.g, x.fig!))) continue;
        // A figure of all 财政拨款 (or no fund named) may be the 科目's sum over the fund tables that print it.
        const fundTables = Object.values(rc.functionTables).flat();
        const perFund = usable.filter((x) => fundTables.includes(x.g.about!.table!));
        if (!named && perFund.length > 1 && sumFits(mine, perFund.map((x) => x.fig!))) continue;
        if (!usable.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) {
          const cell = usable.find((x) => kinds.has(x.g.about!.table!) && Object.values(rc.functionTables).flat().includes(x.g.about!.table!)) ?? usable[0]!;
          // The figure of a row above on the 科目's path, in the same table and column (人大事务行政运行（项）X where X is
          // the 人大事务 款's cell): the words name the wrong level of a right figure, or the figure is wrong — a
          // warning that says which row it fits, not an error.
          const above = usable.map((x) => aboveOnPath(l, x.g, mine, f.unit)).find(Boolean);
          // (the figure restated exactly by the same-named row of another table of its fund — 公开04's 卫生健康支出
          // 236.63 where 公开05's is 236.64, summed from rounded 项: the tables disagree, not the text)
          const twin = above ? undefined : namesakeFits(tableFacts, cell.g, f, mine);
          const note = above ? `，与“${above}”行的数字相同，所称科目层级疑有误` : twin ? `，与${twin.about!.table ?? '另一表'}${twin.loc.page !== undefined ? `第${twin.loc.page}页` : ''}同名行的${twin.text}${twin.unit}相同，系两表数字不一致` : '';
          const flag = conflict(l, f, cell.g, mine, cell.fig!, above || twin || outside.includes('within') ? 'warning' : rc.severityByCode, note);
          if (above) abovePath.add(flag);
          flags.push(flag);
          restatedCells.push(cell.g);
        }
        continue;
      }
      // A cell whose own row does not add up is flagged there (the table, not the text, is suspect).
      if (figs.length) continue;
    }
    // 1a. A 科目's 年初预算 in a 决算 (行政运行（项）：年初预算为310.00万元，支出决算为…): the row's budget column (年初预算数) in
    // the tables of its fund that print one, where the column's words and the figure's agree on which budget (年初 or
    // 调整: a 调整预算数 is no 年初预算). An error where it fits none.
    if (a?.code && a.codeKind === 'function' && level === 'actual' && f.role === 'budget' && a.column === 'budget') {
      const named = a.fund && rc.functionTables[a.fund];
      const kinds = new Set(named ? rc.functionTables[a.fund!] : [...Object.values(rc.functionTables).flat(), ...rc.allSourcesTables]);
      // (the words before the figure in its sentence: 年初预算为…, 调整预算数为…)
      const at = f.excerpt.indexOf(f.text);
      const words = budgetWord(at >= 0 ? f.excerpt.slice(0, at) : f.label);
      const cells = tableFacts.filter((g) => kinds.has(g.about!.table!) && g.about!.code === a.code && g.role === 'budget' && g.about!.column === 'budget');
      const figs = cells.map((g) => ({ g, fig: figOf(g.text, g.unit), word: budgetWord(l.tables.get(g.about!.tableId!)?.header[g.about!.col ?? -1] ?? '') }));
      const usable = figs.filter((x) => x.fig && !l.badRows.has(`${x.g.about!.tableId}|${x.g.about!.row}`) && (!x.word || !words || x.word === words));
      if (!usable.length || usable.length !== figs.length) continue;
      restatementCount.byCode++;
      if (!usable.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) {
        flags.push(conflict(l, f, usable[0]!.g, mine, usable[0]!.fig!, rc.severityByCode));
        restatedCells.push(usable[0]!.g);
      }
      continue;
    }
    // 1b. An 经济分类 item of the 基本支出 (the ledger's column `basic`: 基本支出…，按经济分类，工资福利支出X万元): that row of
    // the 基本支出 tables (patterns/columns.yaml basicShares.tables), any column of the figure's role. Of the figure's
    // own fund: an error where it fits none; of another (财政拨款 against the 一般公共预算 table): a warning.
    if (a?.code && a.codeKind === 'economic' && a.column === 'basic' && f.role === level && (!a.fund || a.fund === 'fiscal' || a.fund === 'general_budget')) {
      const basicTables = loadPattern<{ basicShares?: { tables: string[] } }>('columns.yaml').basicShares?.tables ?? [];
      const all = tableFacts.filter((g) => basicTables.includes(g.about!.table!) && g.about!.code === a.code && g.role === f.role && g.about!.column !== 'agency_operating');
      const own = all.filter((g) => g.about!.fund === a.fund);
      const cells = (own.length ? own : all).map((g) => ({ g, fig: figOf(g.text, g.unit) }));
      if (!cells.length || cells.some((x) => !x.fig || l.badRows.has(`${x.g.about!.tableId}|${x.g.about!.row}`))) continue;
      restatementCount.byCode++;
      if (!cells.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) {
        flags.push(conflict(l, f, cells[0]!.g, mine, cells[0]!.fig!, own.length ? rc.severityByCode : rc.severityByMetric));
        restatedCells.push(cells[0]!.g);
      }
      continue;
    }
    // 3. By column (a figure the metric lexicon does not name): its words end with the header of a column
    // listed in `byColumn` (…财政拨款的机关运行经费), and the tables print that column's figure once.
    if (!f.metric) {
      const key = f.role === level && !a?.code ? columnAtEnd(f.label, rc.byColumn ?? []) : undefined;
      if (!key) continue;
      const same = tableFacts.filter((g) => g.about!.column === key && g.role === f.role);
      const figs = same.map((g) => ({ g, fig: figOf(g.text, g.unit) })).filter((x) => x.fig);
      if (figs.length !== 1 || same.length !== 1) continue;
      compare(figs[0]!);
      continue;
    }
    // 2. By metric: table cells of the same metric and role that agree among themselves.
    if (f.role !== level) continue;
    const same = tableFacts.filter((g) => g.metric === f.metric && g.role === f.role);
    const figs = same.map((g) => ({ g, fig: figOf(g.text, g.unit) })).filter((x) => x.fig);
    if (!figs.length || figs.length !== same.length) continue;
    if (!figs.every((x) => sumFits(x.fig!, [figs[0]!.fig!]))) continue;
    // (a 收入总计 where the table prints its 总计 rows beside the year's 合计 restates those rows)
    // (a 收入预算 that is the 本年收入合计 plus the 上年结转结余 its section states is the 收入总计: summary.ts withCarryIn)
    if (withCarryIn(l.doc.facts, figs[0]!.g, f)) continue;
    const grand = grandRows(l.doc.facts, figs[0]!.g, f)?.map((g) => ({ g, fig: figOf(g.text, g.unit) }));
    if (grand?.every((x) => x.fig)) {
      if (!grand.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) compare(grand[0]!);
      continue;
    }
    compare(figs[0]!, exactTotalRow(l, f, figs[0]!.g) ? rc.severityByCode : rc.severityByMetric);
  }
  return flags;
}

/** A cell of another table, on a row of the same name as `cell`'s (a 类 printed by name only, as in a 财政拨款收支总表),
 *  of the figure's role and fund, that the figure restates exactly. */
function namesakeFits(tableFacts: Fact[], cell: Fact, f: Fact, mine: Fig): Fact | undefined {
  const name = cell.about?.name;
  if (!name) return undefined;
  return tableFacts.find((g) => {
    const b = g.about!;
    if (b.tableId === cell.about!.tableId || g.role !== f.role || foldName(b.name ?? '') !== foldName(name)) return false;
    if ((b.code && b.code !== cell.about!.code) || (f.about?.fund && b.fund !== f.about.fund)) return false;
    const theirs = figOf(g.text, g.unit);
    return !!theirs && restates(mine, f.unit, theirs, g.unit);
  });
}

/** Whether a narrative figure's own words are exactly the label of the total row `cell` stands on, a row of the
 *  family's all-sources 收支总表 that the table prints once (本年收入合计, 支出总计: patterns/grand-totals.yaml
 *  exactRows): then the figure names that cell as surely as a 科目 code does. */
function exactTotalRow(l: Ledger, f: Fact, cell: Fact): boolean {
  const spec = loadPattern<{ exactRows?: { tables: string[]; rows: string[] } }>('grand-totals.yaml').exactRows;
  const name = cell.about?.name;
  if (!spec || !name || cell.about?.code || !spec.tables.includes(cell.about?.table ?? '') || !spec.rows.map(foldTableText).includes(foldTableText(name))) return false;
  // (the words right before the figure, back to a stop or the paragraph's start, a year aside: 2023年本年支出合计510.00万元)
  const at = f.excerpt.indexOf(f.text);
  const before = (at >= 0 ? f.excerpt.slice(0, at) : f.label).replace(/\d{4}\s*年度?/gu, '').replace(/[为是：:\s]+$/u, '');
  const words = foldTableText(before.slice(Math.max(...['。', '；', '，', '：', ':', '\n'].map((c) => before.lastIndexOf(c))) + 1));
  if (words !== foldTableText(name)) return false;
  return (l.cells.get(cell.about!.tableId!) ?? []).filter((g) => g.about?.name === name && g.role === cell.role && !g.about?.fund).length === 1;
}

/** A 科目's figure of the year before (行政运行（项）…，上年预算数为290.00万元) against its row's prior-year column (上年预算数,
 *  2023年预算数 in a 2024 预算) in the tables of its fund: an error where it fits none, at the printed precision. Only where
 *  the column's words and the figure's agree on what it was (预算 or 决算; a column that says neither fits either). */
function priorRestated(l: Ledger, f: Fact, tableFacts: Fact[]): Flag[] {
  const rc = cfg().restatements;
  const a = f.about!;
  const mine = figOf(f.text, f.unit);
  if (!mine || (f.year !== null && l.doc.document.year !== null && f.year !== l.doc.document.year - 1)) return [];
  const named = a.fund && rc.functionTables[a.fund];
  const kinds = new Set(named ? rc.functionTables[a.fund!] : [...Object.values(rc.functionTables).flat(), ...rc.allSourcesTables]);
  const at = f.excerpt.indexOf(f.text);
  const kindOf = (x: string) => [...x.matchAll(/(预算|决算|执行)/gu)].pop()?.[1]?.replace('执行', '决算');
  const mineKind = kindOf(at >= 0 ? f.excerpt.slice(0, at) : f.label);
  const cells = tableFacts.filter((g) => kinds.has(g.about!.table!) && g.about!.code === a.code && g.about!.column === 'prior_year');
  const figs = cells.map((g) => ({ g, fig: figOf(g.text, g.unit), kind: kindOf(l.tables.get(g.about!.tableId!)?.header[g.about!.col ?? -1] ?? '') }));
  const usable = figs.filter((x) => x.fig && !l.badRows.has(`${x.g.about!.tableId}|${x.g.about!.row}`) && (!x.kind || !mineKind || x.kind === mineKind));
  if (!usable.length || usable.length !== figs.length) return [];
  restatementCount.byCode++;
  if (usable.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) return [];
  restatedCells.push(usable[0]!.g);
  return [conflict(l, f, usable[0]!.g, mine, usable[0]!.fig!, rc.severityByCode)];
}

/** Which budget words name (年初预算 → 年初, 调整预算数 → 调整), or undefined where they say neither. */
function budgetWord(text: string): '年初' | '调整' | undefined {
  const m = [...text.matchAll(/(年初|调整后?)(?=预算)/gu)].pop();
  return m ? (m[1]!.startsWith('调整') ? '调整' : '年初') : undefined;
}

/** Whether `mine` is a fund table's cell plus all the money the document spends outside the table (its
 *  expenditure total less the table's 合计 in the cell's column): 'exact'; or lies between the cell and that
 *  sum ('within': part of the outside money, or a wrong figure); at the printed precision. False where
 *  either total is not known or nothing is outside the table. */
function withinOtherFunds(l: Ledger, mine: Fig, cell: Fact, fig: Fig): 'exact' | 'within' | false {
  // (every expenditure total the document states for its year — a narrative total stated twice with two values
  // is its own defect, flagged there; the one that leaves the figure exact is the room it speaks of)
  const level = l.doc.document.kind === '预算' ? ['budget', 'actual'] : ['actual'];
  const e = l.doc.summary.total_expenditure;
  const stated = l.doc.facts.filter((g) => (g.id === e?.factId || g.metric === 'total_expenditure') && g.kind === 'amount' && level.includes(g.role) && (g.year === null || g.year === l.doc.document.year));
  const wholes = stated.map((g) => figOf(g.text, g.unit)).filter((x): x is Fig => !!x);
  const totals = TOTAL_ROWS();
  const rows = (l.cells.get(cell.about!.tableId!) ?? []).filter((g) => !g.about?.code && g.about?.name && totals.has(g.about.name) && g.about.col === cell.about!.col);
  const part = rows.length === 1 ? figOf(rows[0]!.text, rows[0]!.unit) : null;
  if (!wholes.length || !part) return false;
  let best: 'exact' | 'within' | false = false;
  for (const whole of wholes) {
    const room = whole.v - part.v;
    const slack = whole.h + part.h + mine.h + fig.h;
    if (room <= slack) continue;
    if (sumFits(mine, [fig, { v: room, h: whole.h + part.h }])) return 'exact';
    if (mine.v > fig.v - mine.h - fig.h && mine.v < fig.v + room + slack) best = 'within';
  }
  return best;
}

/** The key of the column (patterns/columns.yaml) among `keys` whose header a narrative label ends with. */
function columnAtEnd(label: string, keys: string[]): string | undefined {
  if (!keys.length) return undefined;
  const t = foldTableText(label);
  const cols = loadPattern<{ columns: { key: string; headers: string[] }[] }>('columns.yaml').columns;
  let best: { key: string; len: number } | undefined;
  for (const c of cols) {
    if (!keys.includes(c.key)) continue;
    for (const h of c.headers) {
      const fh = foldTableText(h);
      if (t.endsWith(fh) && (!best || fh.length > best.len)) best = { key: c.key, len: fh.length };
    }
  }
  return best?.key;
}

/** The name of a row above `cell`'s on its 科目's path (its 类 or 款), in the same table and column, whose cell the
 *  figure restates; undefined where none does. */
function aboveOnPath(l: Ledger, cell: Fact, mine: Fig, unit: string): string | undefined {
  const a = cell.about!;
  const up = (l.cells.get(a.tableId!) ?? []).filter((g) => g.about!.col === a.col && g.about!.codeKind === 'function' && !!g.about!.code && g.about!.code.length < a.code!.length && a.code!.startsWith(g.about!.code) && g.role === cell.role).sort((x, y) => y.about!.code!.length - x.about!.code!.length);
  const hit = up.find((g) => {
    const fig = figOf(g.text, g.unit);
    return fig && !l.badRows.has(`${a.tableId}|${g.about!.row}`) && restates(mine, unit, fig, g.unit);
  });
  return hit ? rowName(hit) : undefined;
}

function conflict(l: Ledger, f: Fact, cell: Fact, mine: Fig, theirs: Fig, severity: Severity, note = ''): Flag {
  const dec = Math.max(decimals(f), decimals(cell));
  const t = l.tables.get(cell.about!.tableId!);
  const rowLabel = cell.about?.name || rowName(cell);
  const at = `${where(cell, t)}${rowLabel ? `“${rowLabel}”` : ''}${colName(l, cell) ? `${rowLabel ? '行' : ''}“${colName(l, cell)}”栏` : ''}`;
  const expected = show(theirs.v, f.unit, dec);
  const converted = cell.unit === f.unit ? '' : `（折合${expected}）`;
  return makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${at}为${cell.text}${cell.unit}${converted}${note}。`, { ...f.loc }, f.excerpt, {
    severity,
    expected,
    found: `${f.text}${f.unit}`,
  });
  void mine;
}

/** The tables of a document read as one defect (figures out of line with their 科目), by the last
 *  `identityChecks` run on it: no figure of theirs can be trusted as a summary value. */
const scrambledOf = new WeakMap<ExtractedDocument, Set<string>>();
export const scrambledTables = (doc: ExtractedDocument): Set<string> => scrambledOf.get(doc) ?? new Set();

/** The table rows (tableId|row) an identity found not adding up, by the last `identityChecks` run on a
 *  document (run now if it has not run): a figure of such a row is flagged there, so a document-level sum
 *  that goes through it (the summary's 部分大于整体) is the same defect, not another. */
const flaggedRowsOf = new WeakMap<ExtractedDocument, Set<string>>();
export function flaggedRows(doc: ExtractedDocument): Set<string> {
  if (!flaggedRowsOf.has(doc)) identityChecks(doc);
  return flaggedRowsOf.get(doc) ?? new Set();
}

/** All identity flags of a document (computed once per document: `flaggedRows` may ask first). */
const identityMemo = new WeakMap<ExtractedDocument, Flag[]>();
export function identityChecks(doc: ExtractedDocument): Flag[] {
  const memo = identityMemo.get(doc);
  if (memo) return memo.slice();
  const out = identityChecksOnce(doc);
  identityMemo.set(doc, out);
  return out.slice();
}

function identityChecksOnce(doc: ExtractedDocument): Flag[] {
  const l = ledgerOf(doc);
  flaggedRowsOf.set(doc, l.badRows);
  const flags: Flag[] = [];
  // Rows first: a row that does not add up across its columns explains its 类/款 sum too.
  const ids = cfg().identities;
  for (const id of ids) if (id.kind === 'row') flags.push(...rows(l, id));
  flags.push(...placements(l, ids.filter((id) => id.kind === 'row')));
  for (const id of ids) if (id.kind === 'tree') flags.push(...trees(l, id));
  for (const id of ids) if (id.kind === 'halves') flags.push(...halves(l, id));
  for (const id of ids) if (id.kind === 'ladder') flags.push(...ladders(l, id));
  for (const id of ids) if (id.kind === 'outline') flags.push(...outlines(l, id));
  for (const id of ids) if (id.kind === 'funds') flags.push(...funds(l, id));
  for (const id of ids) if (id.kind === 'cross') flags.push(...crosses(l, id));
  const summed = new Set(flags.filter((f) => f.code === 'SUM_MISMATCH' && f.loc?.table).map((f) => f.loc!.table!));
  for (const id of ids) if (id.kind === 'items') flags.push(...items(l, id, summed));
  for (const id of ids) if (id.kind === 'classes') flags.push(...classes(l, id));
  const restated = restatements(l);
  // A table whose 科目 sums mostly fail is one defect: its sums and the narrative's disagreements with it
  // are folded into one flag (the detail stays in the flag's expected/found).
  const bad = scrambled(l);
  scrambledOf.set(doc, bad);
  if (!bad.size) return [...flags, ...restated];
  const inTable = (f: Flag, id: string) => f.loc?.table === id;
  const across = (f: Flag, id: string) => crossTables.get(f)?.includes(id) ?? false;
  const out = flags.filter((f) => ![...bad].some((id) => f.code === 'SUM_MISMATCH' && (inTable(f, id) || across(f, id))));
  const cellOf = new Map(restated.map((f, i) => [f, restatedCells[i]?.about?.tableId]));
  // A cell of such a table that another, sound table prints alike for its 科目 (群众文化 4,540.23 in 公开05
  // and in 公开03) stands in its right row: a narrative figure that disagrees with it is its own defect.
  const vouched = new Set(restated.filter((f, i) => vouchedFor(l, restatedCells[i], bad)));
  const rest = restated.filter((f) => !bad.has(cellOf.get(f) ?? '') || vouched.has(f));
  for (const id of bad) {
    const sums = flags.filter((f) => f.code === 'SUM_MISMATCH' && inTable(f, id));
    if (!sums.length) continue;
    out.push(foldTable(l, id, sums, restated.filter((f) => cellOf.get(f) === id && (f.severity === 'error' || abovePath.has(f)) && !vouched.has(f)), flags.filter((f) => across(f, id))));
  }
  return [...out, ...rest];
}

/** Whether a cell of a table read as one defect is printed alike, for its 科目 and role, in a total column
 *  (patterns/identities.yaml restatements.columns) of another table that is not: then its row is the
 *  right one, whatever happened to the rows around it. */
function vouchedFor(l: Ledger, cell: Fact | undefined, bad: Set<string>): boolean {
  const a = cell?.about;
  if (!cell || !a?.code || !a.tableId || !bad.has(a.tableId)) return false;
  const mine = figOf(cell.text, cell.unit);
  if (!mine) return false;
  const keys = cfg().restatements.columns[cell.role] ?? [];
  return l.doc.facts.some((g) => {
    const b = g.about;
    if (g.from !== 'table' || !b?.tableId || b.tableId === a.tableId || bad.has(b.tableId) || b.code !== a.code || g.role !== cell.role) return false;
    if (!keys.includes(b.column ?? '') || l.badRows.has(`${b.tableId}|${b.row}`)) return false;
    const theirs = figOf(g.text, g.unit);
    return !!theirs && theirs.v === mine.v;
  });
}

/** Why each identity was or was not evaluated on a document (scripts/identity-coverage.ts): `ran` with the
 *  tables it ran on, `no-table` naming the table kinds the document lacks, `no-term` naming the terms found
 *  in no table of their kind (a row or column not matched), `incomplete` for tables not read whole. */
export function identityStatus(doc: ExtractedDocument): { id: string; status: 'ran' | 'no-table' | 'no-term' | 'incomplete'; detail: string }[] {
  const l = ledgerOf(doc);
  const kindsHere = new Set([...l.tables.values()].map((t) => t.kind));
  return cfg().identities.map((id) => {
    if (id.kind === 'cross') {
      const terms = id.equal ?? id.atMost ?? [];
      const kinds = (t: Term) => (Array.isArray(t.table) ? t.table : [t.table]);
      const absent = terms.filter((t) => !kinds(t).some((k) => kindsHere.has(k)));
      if (absent.length) return { id: id.id, status: 'no-table', detail: [...new Set(absent.flatMap(kinds))].join('、') };
      const unmatched = terms.filter((t) => !pick(l, t));
      if (unmatched.length) return { id: id.id, status: 'no-term', detail: unmatched.map((t) => `${kinds(t).join('|')}:${JSON.stringify(t.row)}/${t.column ?? ''}`).join('；') };
      return { id: id.id, status: 'ran', detail: '' };
    }
    const kinds = new Set(id.tables ?? []);
    const here = [...l.cells.keys()].filter((t) => kinds.has(l.tables.get(t)!.kind));
    if (!here.length) return { id: id.id, status: 'no-table', detail: [...kinds].join('、') };
    const done = here.filter((t) => l.complete.has(t));
    return done.length ? { id: id.id, status: 'ran', detail: done.map((t) => l.tables.get(t)!.kind).join('、') } : { id: id.id, status: 'incomplete', detail: here.map((t) => l.tables.get(t)!.kind).join('、') };
  });
}

/** How many times each identity was evaluated on a document (all its terms found): for measuring
 *  coverage on a corpus (scripts). Tree and row identities count the tables they ran on. */
export function identityCoverage(doc: ExtractedDocument): [string, number][] {
  const l = ledgerOf(doc);
  return cfg().identities.map((id) => {
    if (id.kind === 'cross') return [id.id, (id.equal ?? id.atMost ?? []).every((t) => pick(l, t)) ? 1 : 0];
    if (id.kind === 'classes') return [id.id, classPairs(l, id).length];
    const kinds = new Set(id.tables ?? []);
    return [id.id, [...l.cells.keys()].filter((t) => kinds.has(l.tables.get(t)!.kind) && l.complete.has(t)).length];
  });
}
