// Standard tables (公开01–09表 and the 预算 set): classify source tables, read their values (issue 5).
import type { Fact, Flag, SegmentedDocument, TableRecord } from '../model.js';

export interface TableExtraction {
  tables: TableRecord[];
  /** Facts read from table cells (from: 'table'), with canonical metrics where the row/column is one. */
  facts: Fact[];
  flags: Flag[];
}

export function extractTables(_doc: SegmentedDocument): TableExtraction {
  return { tables: [], facts: [], flags: [] };
}
