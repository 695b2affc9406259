// The numeric cells of a record's standard tables with the keys a reader groups them by (科目编码 and its
// 类/款/项, 科目名称, the column's meaning, the fund), read from the record's table facts and their `about`
// (the ledger, issue 11); where `about` is not filled, the keys are read from the table record itself.
// An empty cell is not a zero: it is not a cell here. Works on the written record (schema), so that both
// the dataset writer (table_cells.csv) and the cross-document check read the same cells.
import { parseAmount } from './extract/tables/amount.js';
import type { FactSubject } from './model.js';
import { loadPattern } from './patterns.js';
import type { DocumentRecord } from './schema.js';

type Fact = DocumentRecord['facts'][number];
type Table = DocumentRecord['tables'][number];
type Loc = Fact['loc'];

/** One numeric cell of a standard table, with the keys it is grouped by. */
export interface TableCell {
  table: Table;
  bodyRow: number;
  bodyCol: number;
  subject: FactSubject;
  columnHeader: string;
  valueText: string;
  fact: Fact | null;
  loc: Partial<Loc>;
}

let standard: Set<string> | null = null;
/** The standard tables (patterns/tables.yaml `tables`): not the indicator tables, not `other`. */
const isStandard = (kind: string) => (standard ??= new Set(loadPattern<{ tables: { kind: string }[] }>('tables.yaml').tables.map((t) => t.kind))).has(kind);

/** A header that names the row (科目编码, 类/款/项, 科目名称, 项目, 行次), not a figure. */
const LABEL_PART = /编码|代码|名称|^项目$|^类$|^款$|^项$|^科目$|栏次|行次|^序号$/;
const isLabelHeader = (h: string) => h.split('/').some((p) => LABEL_PART.test(p.replace(/\s/g, '')));
const CJK = /[\u4e00-\u9fff]/;

/** The value columns of a table: the header does not name the row, and (without a header) the body
 *  holds no words in it. */
function valueColumns(t: Table): boolean[] {
  const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
  return Array.from({ length: width }, (_, c) => {
    const h = t.header[c] ?? '';
    if (isLabelHeader(h)) return false;
    return h !== '' || !t.rows.some((r) => CJK.test(r[c] ?? ''));
  });
}

/** The cells of one record, table by table, row by row. */
export function tableCells(r: DocumentRecord): TableCell[] {
  const out: TableCell[] = [];
  const tableFacts = new Map<string, Fact[]>();
  for (const f of r.facts) {
    if (f.from !== 'table' || f.loc.table === undefined) continue;
    const list = tableFacts.get(f.loc.table) ?? [];
    list.push(f);
    tableFacts.set(f.loc.table, list);
  }
  for (const t of r.tables) {
    if (!isStandard(t.kind) || !t.rows.length) continue;
    const facts = tableFacts.get(t.id) ?? [];
    const offset = headerOffset(t, facts);
    const at = new Map<string, Fact>();
    for (const f of facts) {
      const row = f.about?.row ?? (offset === null || f.loc.row === undefined ? undefined : f.loc.row - offset);
      const col = f.about?.col ?? f.loc.col;
      if (row !== undefined && col !== undefined) at.set(`${row}:${col}`, f);
    }
    const values = valueColumns(t);
    const unplaced = new Set((t.unplaced ?? []).map(([r, c]) => `${r}:${c}`));
    t.rows.forEach((cells, row) =>
      cells.forEach((text, col) => {
        if (!values[col]) return;
        const fact = at.get(`${row}:${col}`) ?? null;
        const valueText = text.replace(/\s/g, '');
        if (!fact && !parseAmount(valueText)) return;
        // (a figure the reader could not place for sure is the row's, under no column: never a wrong column's)
        const sure = fact || !unplaced.has(`${row}:${col}`);
        const subject = fact?.about ?? subjectFromTable(t, row, col, values);
        out.push({
          table: t,
          bodyRow: row,
          bodyCol: col,
          subject: sure ? subject : { ...(subject.code ? { code: subject.code, codeKind: subject.codeKind } : {}), ...(subject.name ? { name: subject.name } : {}) },
          columnHeader: sure ? (t.header[col] ?? '') : '',
          valueText: fact?.text ?? valueText,
          fact,
          loc: fact?.loc ?? { table: t.id, ...(offset !== null ? { row: row + offset } : {}), col },
        });
      }),
    );
  }
  return out;
}

/** How many header rows the source table had above the record's body rows: facts carry the source
 *  table's row (loc.row), the record keeps only the body. The offset that puts every fact's figure in
 *  its body cell; null when none does (or no fact says). */
function headerOffset(t: Table, facts: Fact[]): number | null {
  const located = facts.filter((f) => f.loc.row !== undefined && f.loc.col !== undefined);
  if (!located.length) return null;
  for (let k = 0; k <= Math.min(...located.map((f) => f.loc.row!)); k++) {
    if (located.every((f) => parseAmount((t.rows[f.loc.row! - k]?.[f.loc.col!] ?? '').replace(/\s/g, ''))?.text === f.text)) return k;
  }
  return null;
}

// ---------------------------------------------------------------- until the ledger fills Fact.about

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const CODE_AND_NAME = /^(\d{3,7})\s*([\u4e00-\u9fff].*)$/;

/** The canonical column keys (docs/dataset.md), by the header's own item (role-only parts dropped).
 *  Temporary: patterns/columns.yaml (issue 11) is the list; the ledger's `about.column` replaces this. */
const COLUMN_KEYS: [RegExp, string][] = [
  [/^(?:本年)?(?:收入|支出)?(?:合计|小计|总计)$/, 'total'],
  [/^基本支出$/, 'basic'],
  [/^项目支出$/, 'project'],
  [/^上缴上级支出$/, 'remit_superior'],
  [/^经营支出$/, 'operating_expenditure'],
  [/^对附属单位补助支出$/, 'subsidy_affiliated'],
  [/^财政拨款(?:收入)?$/, 'fiscal_income'],
  [/^上级补助收入$/, 'superior_subsidy_income'],
  [/^事业收入$/, 'business_income'],
  [/^(?:事业单位)?经营收入$/, 'operating_income'],
  [/^附属单位上缴收入$/, 'affiliated_remittance_income'],
  [/^其他收入$/, 'other_income'],
  [/^年初结转和结余$/, 'opening_balance'],
  [/^年末结转和结余$/, 'closing_balance'],
  [/^本年收入$/, 'income'],
  [/^本年支出$/, 'expenditure'],
  [/^(?:本年|年初)?预算数?$/, 'budget'],
  [/^(?:本年)?决算数?$/, 'actual'],
  [/^上年(?:决算|预算)?数$/, 'prior_year'],
];
const ROLE_PART = /^(?:金额|数|本年数|执行数|(?:年初)?预算数?|决算数?|上年(?:决算|预算)?数)$/;
const FUNDS: [RegExp, string][] = [
  [/一般公共预算/, 'general_budget'],
  [/政府性基金/, 'gov_fund'],
  [/国有资本经营/, 'state_capital'],
  [/财政拨款/, 'fiscal'],
];
const fold = (s: string) => s.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** The keys of a body cell read from the table record: the code and name of its row (the label columns
 *  just left of its block of value columns: 类 | 款 | 项 | 科目名称), the column's key from its header,
 *  the fund from the header or, failing that, the title. */
function subjectFromTable(t: Table, row: number, col: number, values: boolean[]): FactSubject {
  const cells = t.rows[row] ?? [];
  let k = col - 1;
  while (k >= 0 && values[k]) k--;
  const labels: string[] = [];
  for (; k >= 0 && !values[k]; k--) labels.unshift(fold(cells[k] ?? ''));
  const pieces: string[] = [];
  let name = '';
  for (const x of labels) {
    const both = CODE_AND_NAME.exec(x);
    if (both) {
      pieces.push(both[1]!);
      name = both[2]!;
    } else if (/^\d{1,7}$/.test(x)) pieces.push(x);
    else if (x) name = x;
  }
  const joined = pieces.join('');
  const code = pieces.length && pieces[0]!.length >= 3 && CODE.test(joined) ? joined : null;
  // The header's own item (合计/预算数 → 合计: total), else what its last part says (收入/决算数 → actual);
  // a 小计 under a group (公务用车购置及运行费/小计) is that group's, not the table's total.
  const parts = (t.header[col] ?? '').split('/').map(fold).filter(Boolean);
  const item = [...parts];
  while (item.length > 1 && ROLE_PART.test(item[item.length - 1]!)) item.pop();
  const keyOf = (x: string) => COLUMN_KEYS.find(([re]) => re.test(x))?.[1];
  const groupTotal = item.length > 1 && /^(?:合计|小计|总计)$/.test(item[item.length - 1]!);
  const column = groupTotal ? undefined : (keyOf(item[item.length - 1] ?? '') ?? keyOf(parts[parts.length - 1] ?? ''));
  const header = parts.join('/');
  const fund = FUNDS.find(([re]) => re.test(header))?.[1] ?? FUNDS.find(([re]) => re.test(fold(t.title)))?.[1];
  return {
    table: t.kind,
    tableId: t.id,
    row,
    col,
    ...(code ? { code, codeKind: code.startsWith('2') ? ('function' as const) : /^[35]/.test(code) ? ('economic' as const) : undefined } : {}),
    ...(name ? { name } : {}),
    ...(column ? { column } : {}),
    ...(fund ? { fund } : {}),
  };
}
