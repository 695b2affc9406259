// The checked document as the contract's JSON record, validated against the zod schema.
import type { CheckedDocument } from '../model.js';
import { canonicalSections } from '../outline.js';
import { DocumentRecordSchema, SCHEMA_VERSION, type DocumentRecord } from '../schema.js';
import { unitKey } from '../unit-key.js';

export function toRecord(doc: CheckedDocument): DocumentRecord {
  const sectionKeys = canonicalSections(doc.outline);
  const record = {
    schemaVersion: SCHEMA_VERSION,
    source: doc.source,
    // The unit key lines one unit's reports up across years and kinds (issue 14).
    document: { ...doc.document, unitKey: unitKey(doc.document.unit) },
    outline: doc.outline,
    facts: doc.facts.map((f) => (f.section === undefined ? f : { ...f, section: f.section === null ? null : (sectionKeys.get(f.section) ?? null) })),
    summary: doc.summary,
    tables: doc.tables,
    indicators: doc.indicators,
    projects: doc.projects,
    flags: doc.flags,
  };
  const parsed = DocumentRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`record does not match the schema at ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

