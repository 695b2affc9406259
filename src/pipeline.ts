// One document through every stage: ingest → segment → extract → check.
import { check } from './check/index.js';
import { extract } from './extract/index.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import type { CheckedDocument } from './model.js';
import { segment } from './segment/index.js';

export async function processDocument(input: string | Uint8Array, options: Partial<IngestOptions> = {}): Promise<CheckedDocument> {
  const ingested = await ingest(input, options);
  return check(extract(segment(ingested)));
}
