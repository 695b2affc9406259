// Extract: SegmentedDocument → ExtractedDocument (facts, tables, indicators, summary).
import type { ExtractedDocument, SegmentedDocument, TableRecord } from '../model.js';
import { loadPattern } from '../patterns.js';
import { extractFacts } from './facts.js';
import { extractIndicators } from './indicators.js';
import { resolveNarrative } from './ledger.js';
import { buildSummary } from './summary.js';
import { extractTables } from './tables.js';
import { scopeItemMetrics } from './item-metrics.js';

export function extract(doc: SegmentedDocument): ExtractedDocument {
  const ind = extractIndicators(doc);
  const tab = extractTables(doc);
  const narrative = extractFacts(doc);
  // The ledger: narrative figures get the keys (科目, fund) their wording names, from the tables' rows.
  resolveNarrative(doc, narrative.facts, tab.tables, tab.facts);
  // (a metric stated item by item — per unit, per 科目 — is none of them the document's)
  scopeItemMetrics(narrative.facts, tab.facts);
  const facts = [...tab.facts, ...narrative.facts];
  const sum = buildSummary(facts, doc.document.year, doc.document.kind);
  return {
    ...doc,
    facts,
    tables: tab.tables.map((t) => withIndicatorKind(t, ind.tableKinds[t.id])),
    indicators: ind.indicators,
    projects: ind.projects,
    summary: sum.summary,
    flags: [...doc.flags, ...ind.flags, ...tab.flags, ...narrative.flags, ...sum.flags],
  };
}

/** An indicator table keeps the kind the indicator reader found (项目自评表 rather than other). */
function withIndicatorKind(t: TableRecord, indicatorKind: string | undefined): TableRecord {
  if (!indicatorKind) return t;
  const kinds = loadPattern<{ recordKinds: Record<string, string> }>('indicators.yaml').recordKinds;
  return { ...t, kind: kinds[indicatorKind] ?? t.kind };
}
