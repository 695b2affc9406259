// The library API: the same pipeline the CLI runs, for programs that would rather import than shell out.
import type { IngestOptions } from './ingest/index.js';
import { processDocument } from './pipeline.js';
import { toRecord } from './write/record.js';
import type { DocumentRecord } from './schema.js';

export { runBatch, mergeOutputs, type BatchOptions, type BatchResult, type BatchPlan, type DocumentOutcome, type MergeResult } from './batch/index.js';
export { JuesuanError, type ErrorCode } from './errors.js';
export { DocumentRecordSchema, recordJsonSchema, SCHEMA_VERSION, CANONICAL_METRICS, type DocumentRecord } from './schema.js';
export type { IngestOptions } from './ingest/index.js';
export type * from './model.js';

/** Run one document (a path, or its bytes) through the pipeline and return its validated record.
 *  Throws a JuesuanError (with `code`) for a file that cannot be read. */
export async function extract(input: string | Uint8Array, options: Partial<IngestOptions> = {}): Promise<DocumentRecord> {
  return toRecord(await processDocument(input, options));
}
