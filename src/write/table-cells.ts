// table_cells.csv (issue 14): one row per non-empty numeric cell of every standard table a record holds
// (src/table-cells.ts derives the cells), with the figure as printed and in integer 元.
import type { DocumentRecord } from '../schema.js';
import { tableCells } from '../table-cells.js';
import { unitKey } from '../unit-key.js';
import type { CsvValue } from './csv.js';

export const TABLE_CELLS_HEADER = [
  'path', 'sha256', 'unit', 'unit_key', 'year', 'kind',
  'table_id', 'table_kind', 'table_title', 'body_row', 'body_col',
  'code', 'code_kind', 'lei', 'kuan', 'xiang', 'name',
  'column_key', 'column_header', 'fund', 'role', 'metric',
  'value_text', 'value', 'amount_unit', 'yuan', 'fact_id',
  'page', 'paragraph', 'line', 'start', 'end', 'table', 'row', 'col',
  'sheet', 'cell',
];

export function tableCellRows(r: DocumentRecord): CsvValue[][] {
  const d = r.document as DocumentRecord['document'] & { unitKey?: string | null };
  return tableCells(r).map((c) => {
    const s = c.subject;
    const code = s.code ?? null;
    const f = c.fact;
    return [
      r.source.path, r.source.sha256, d.unit, d.unitKey ?? unitKey(d.unit), d.year, d.kind,
      c.table.id, c.table.kind, c.table.title, c.bodyRow, c.bodyCol,
      code, s.codeKind, code?.slice(0, 3), code && code.length >= 5 ? code.slice(0, 5) : null, code && code.length >= 7 ? code.slice(0, 7) : null, s.name,
      s.column, c.columnHeader, s.fund, f?.role, f?.metric,
      c.valueText, f?.value, f ? f.unit : c.table.unit, f?.yuan, f?.id,
      c.loc.page, c.loc.paragraph, c.loc.line, c.loc.start, c.loc.end, c.loc.table, c.loc.row, c.loc.col,
      c.loc.sheet, c.loc.cell,
    ];
  });
}
