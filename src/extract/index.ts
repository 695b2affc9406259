// Extract: SegmentedDocument → ExtractedDocument (facts, tables, indicators, summary).
import type { ExtractedDocument, SegmentedDocument } from '../model.js';
import { extractFacts } from './facts.js';
import { extractIndicators } from './indicators.js';
import { buildSummary } from './summary.js';
import { extractTables } from './tables.js';

export function extract(doc: SegmentedDocument): ExtractedDocument {
  const ind = extractIndicators(doc);
  const tab = extractTables(doc);
  const narrative = extractFacts(doc);
  const facts = [...tab.facts, ...narrative.facts];
  const sum = buildSummary(facts, doc.document.year, doc.document.kind);
  return {
    ...doc,
    facts,
    tables: tab.tables,
    indicators: ind.indicators,
    projects: ind.projects,
    summary: sum.summary,
    flags: [...doc.flags, ...ind.flags, ...tab.flags, ...narrative.flags, ...sum.flags],
  };
}
