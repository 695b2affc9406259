// Segment: IngestedDocument → SegmentedDocument (outline, canonical sections, document meta).
import type { IngestedDocument, SegmentedDocument } from '../model.js';

export function segment(doc: IngestedDocument): SegmentedDocument {
  return {
    ...doc,
    document: { title: null, unit: null, year: null, kind: null },
    outline: [],
    sectionOf: doc.blocks.map(() => null),
    headingBlocks: new Set(),
    tocBlocks: new Set(),
  };
}
