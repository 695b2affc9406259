// Indicator tables (绩效目标表, 绩效自评表) from any format's tables (issue 6): recognised by the
// title before the table (or in its first row) and by their header; see patterns/indicators.yaml.
import type { Block, Flag, Indicator, SegmentedDocument, SourceTable } from '../model.js';
import { lexicon } from './indicators/lexicon.js';
import { alignToColumns, lineTable } from './indicators/lines.js';
import { readProjects } from './indicators/project.js';
import { logicalRow, readHeader } from './indicators/rows.js';
import { readIndicatorTable, type Carry, type TableRead } from './indicators/table.js';

export interface IndicatorExtraction {
  indicators: Indicator[];
  /** Project header fields of 项目自评表 (项目名称, 主管部门, 预算数, 执行数, 执行率, 项目类别 …). */
  projects: Record<string, unknown>[];
  /** Table ids that are indicator tables (so the standard-table reader skips them). */
  tableIds: string[];
  /** What each of those tables is (patterns/indicators.yaml kinds: 部门整体绩效目标表, 项目支出绩效自评表 …). */
  tableKinds: Record<string, string>;
  flags: Flag[];
}

export function extractIndicators(doc: SegmentedDocument): IndicatorExtraction {
  const out: IndicatorExtraction = { indicators: [], projects: [], tableIds: [], tableKinds: {}, flags: [] };
  // The last indicator table read, for a table that continues it on the next page without a header.
  let previous: { index: number; kind: string; carry: Carry } | null = null;
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'table') return;
    const titled = kindOfTitle(titleCandidates(doc.blocks, i, block.table));
    let read = readIndicatorTable(block.table, titled ?? '绩效指标表');
    let kind = titled;
    if (!read.hasHeader) {
      if (titled || !previous || !continues(doc.blocks, previous.index, i)) return;
      kind = previous.kind;
      read = readIndicatorTable(block.table, kind, previous.carry);
      if (!read.indicators.length && !read.flags.length) return;
    }
    kind ??= read.hasActual ? lexicon().untitled.with_actual : lexicon().untitled.without_actual;
    if (!titled && read.hasHeader) read = readIndicatorTable(block.table, kind);
    previous = read.carry ? { index: i, kind, carry: read.carry } : null;
    out.tableIds.push(block.table.id);
    out.tableKinds[block.table.id] = kind;
    out.indicators.push(...read.indicators);
    out.flags.push(...read.flags);
    addProjects(out, block.table.id, kind, read);
  });
  readLineTables(doc, out);
  return out;
}

/** Indicator tables given as lines (a title with no table block right after it). */
function readLineTables(doc: SegmentedDocument, out: IndicatorExtraction): void {
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'line' || block.line.text.length > 40 || doc.tocBlocks.has(i)) return;
    const kind = kindOfTitle([block.line.text]);
    if (!kind || doc.blocks.slice(i + 1, i + 4).some((b) => b.kind === 'table')) return;
    const table = lineTable(doc, i, (t) => t.length <= 40 && kindOfTitle([t]) !== null);
    if (!table) return;
    const headerAt = table.rows.findIndex((r) => readHeader(r) !== null);
    if (headerAt >= 0) table.rows = alignToColumns(table.rows, readHeader(table.rows[headerAt]!)!, headerAt);
    const read = readIndicatorTable(table, kind);
    const roles = read.carry?.header.roles ?? [];
    // OCR lines keep no column positions and may misread a value: their rows are left to a reader of
    // the OCR boxes, which can mark a value uncertain.
    if (table.spaced && !table.ocr && roles.includes('level1') && roles.includes('level2')) {
      // Lines keep no cell borders: a level name is filled down to the rows below it only where it
      // stands on its group's first row. A first row without one says the names sit mid-group (cells
      // centred vertically), where the rows above a name belong to it: those names are not given.
      const first = read.indicators[0];
      for (const level of ['level1', 'level2'] as const) if (first && first[level] === null) for (const ind of read.indicators) ind[level] = null;
      out.indicators.push(...read.indicators);
      out.flags.push(...read.flags);
    }
    addProjects(out, table.id, kind, read);
  });
}

function addProjects(out: IndicatorExtraction, tableId: string, kind: string, read: TableRead): void {
  if (!kind.startsWith('项目')) return;
  const p = readProjects(tableId, kind, read.otherRows, read.totalScore);
  out.projects.push(...p.projects);
  out.flags.push(...p.flags);
}

/** Only page furniture (page numbers, running heads: short lines) stands between the two tables. */
function continues(blocks: Block[], from: number, to: number): boolean {
  const between = blocks.slice(from + 1, to);
  return between.length <= 3 && between.every((b) => b.kind === 'line' && b.line.text.length <= 20);
}

/** The table's own first row when it is a lone title cell, then up to three lines before it. */
function titleCandidates(blocks: Block[], index: number, table: SourceTable): string[] {
  const out: string[] = [];
  const first = table.rows[0] ? logicalRow(table.rows[0]).filter((c) => c.text !== '') : [];
  if (first.length === 1) out.push(first[0]!.text);
  for (let k = index - 1; k >= 0 && k >= index - 3; k--) {
    const b = blocks[k]!;
    if (b.kind !== 'line') break;
    // A title is short and not a sentence (prose may cite 《…项目自评表》).
    if (b.line.text.length <= 40 && !/[。；]$/.test(b.line.text)) out.push(b.line.text);
  }
  return out;
}

function kindOfTitle(candidates: string[]): string | null {
  for (const text of candidates) {
    for (const { kind, titles } of lexicon().kinds) if (titles.some((re) => re.test(text))) return kind;
  }
  return null;
}
