// Indicator tables (绩效目标表, 项目自评表) from any format's tables (issue 6).
import type { Flag, Indicator, SegmentedDocument } from '../model.js';

export interface IndicatorExtraction {
  indicators: Indicator[];
  /** Project header fields of 项目自评表 (项目名称, 主管部门, 预算数, 执行数, 执行率, 项目类别 …). */
  projects: Record<string, unknown>[];
  /** Table ids that are indicator tables (so the standard-table reader skips them). */
  tableIds: string[];
  flags: Flag[];
}

export function extractIndicators(_doc: SegmentedDocument): IndicatorExtraction {
  return { indicators: [], projects: [], tableIds: [], flags: [] };
}
