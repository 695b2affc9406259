// Indicator tables (绩效目标表, 绩效自评表) from any format's tables (issue 6): recognised by the
// title before the table (or in its first row) and by their header; see patterns/indicators.yaml.
import type { Block, Flag, Indicator, SegmentedDocument, SourceTable } from '../model.js';
import { lexicon } from './indicators/lexicon.js';
import { readProjects } from './indicators/project.js';
import { logicalRow } from './indicators/rows.js';
import { readIndicatorTable } from './indicators/table.js';

export interface IndicatorExtraction {
  indicators: Indicator[];
  /** Project header fields of 项目自评表 (项目名称, 主管部门, 预算数, 执行数, 执行率, 项目类别 …). */
  projects: Record<string, unknown>[];
  /** Table ids that are indicator tables (so the standard-table reader skips them). */
  tableIds: string[];
  flags: Flag[];
}

export function extractIndicators(doc: SegmentedDocument): IndicatorExtraction {
  const out: IndicatorExtraction = { indicators: [], projects: [], tableIds: [], flags: [] };
  doc.blocks.forEach((block, i) => {
    if (block.kind !== 'table') return;
    const titled = kindOfTitle(titleCandidates(doc.blocks, i, block.table));
    const read = readIndicatorTable(block.table, titled ?? '绩效指标表');
    if (!read.hasHeader) return;
    const kind = titled ?? (read.hasActual ? lexicon().untitled.with_actual : lexicon().untitled.without_actual);
    const final = titled ? read : readIndicatorTable(block.table, kind);
    out.tableIds.push(block.table.id);
    out.indicators.push(...final.indicators);
    out.flags.push(...final.flags);
    if (kind.startsWith('项目')) {
      const p = readProjects(block.table.id, kind, final.otherRows, final.totalScore);
      out.projects.push(...p.projects);
      out.flags.push(...p.flags);
    }
  });
  return out;
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
