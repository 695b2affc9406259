// The canonical summary: one report-year figure per canonical metric (issue 3).
import type { Fact, Flag, SummaryEntry } from '../model.js';

export function buildSummary(_facts: Fact[], _year: number | null): { summary: Record<string, SummaryEntry>; flags: Flag[] } {
  return { summary: {}, flags: [] };
}
