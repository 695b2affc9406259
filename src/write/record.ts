// The checked document as the contract's JSON record, validated against the zod schema.
import type { CheckedDocument, OutlineNode } from '../model.js';
import { DocumentRecordSchema, SCHEMA_VERSION, type DocumentRecord } from '../schema.js';

export function toRecord(doc: CheckedDocument): DocumentRecord {
  const sectionKeys = canonicalSections(doc.outline);
  const record = {
    schemaVersion: SCHEMA_VERSION,
    source: doc.source,
    document: doc.document,
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

/** Outline node id → the canonical section it belongs to (its own key, else its nearest ancestor's):
 *  inside the pipeline facts point at outline nodes, in the record at template sections. */
function canonicalSections(nodes: OutlineNode[], inherited: string | null = null, out = new Map<string, string | null>()): Map<string, string | null> {
  for (const n of nodes) {
    const key = n.section ?? inherited;
    out.set(n.id, key);
    canonicalSections(n.children, key, out);
  }
  return out;
}
