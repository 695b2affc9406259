// Narrative facts: every amount, percentage and count with its meaning and provenance (issue 3).
import type { Fact, Flag, SegmentedDocument } from '../model.js';

export function extractFacts(_doc: SegmentedDocument): { facts: Fact[]; flags: Flag[] } {
  return { facts: [], flags: [] };
}
