// The standard-table catalogue (patterns/tables.yaml) and the matching helpers built on it.
import { loadPattern } from '../../patterns.js';
import { foldTableText as foldText, tableDefForTitle } from '../../table-titles.js';

export type Layout = 'columns' | 'halves' | 'single';
export interface TableDef {
  kind: string;
  doc: '决算' | '预算';
  name: string;
  titles: string[];
  layout: Layout;
  role: 'actual' | 'budget';
  /** The same table of the other kind's set (公开05表 ↔ 预算05一般公共预算支出表): a title that does not say
   *  its kind names this one in a report of the other kind. */
  counterpart?: string;
  columns?: Record<string, string>;
  rows?: Record<string, string>;
  /** Halves: only `rows` name metrics (a 财政拨款 table's 基本支出 is not the department's). */
  rowsOnly?: boolean;
  /** A total that must equal the sum of its parts in the same row (三公 tables). */
  check?: { total: string; parts: string[]; subtotal?: string };
  /** A whole column header (folded, exact) → the column key it has in this table, over the general
   *  lexicon (patterns/columns.yaml): the 三公 table's top-level 小计 is the 三公经费 subtotal, not the total. */
  columnKeys?: Record<string, string>;
}
export interface IndicatorDef {
  kind: string;
  titles: string[];
  headers: string[];
}
interface Catalogue {
  totalRows: string[];
  /** Column keys (patterns/columns.yaml) of funds brought in from before the year: a table that prints
   *  one beside its 合计 counts them in it, so that 合计 is not the year's total. */
  carryColumns?: string[];
  emptyNotes: string[];
  indicatorTables: IndicatorDef[];
  tables: TableDef[];
}

export const catalogue = (): Catalogue => loadPattern<Catalogue>('tables.yaml');

export { foldText };

/** The standard table a short title-like text names (longest alias contained wins), or null. */
export const tableForTitle = (text: string): TableDef | null => tableDefForTitle<TableDef>(text);

export function indicatorKind(title: string, header: string[]): string | null {
  const t = foldText(title);
  const h = foldText(header.join('|'));
  for (const d of catalogue().indicatorTables) {
    if (d.titles.some((x) => t.includes(foldText(x)))) return d.kind;
  }
  for (const d of catalogue().indicatorTables) {
    if (d.headers.filter((x) => h.includes(foldText(x))).length >= 2) return d.kind;
  }
  return null;
}

let notes: RegExp[] | null = null;
export const isEmptyNote = (text: string): boolean => (notes ??= catalogue().emptyNotes.map((r) => new RegExp(r))).some((re) => re.test(text));

export const isTotalLabel = (label: string): boolean => catalogue().totalRows.includes(foldText(label));
