// One document through every stage: ingest → segment → extract → check.
import { check } from './check/index.js';
import { JuesuanError } from './errors.js';
import { extract } from './extract/index.js';
import { ingest, type IngestOptions } from './ingest/index.js';
import type { CheckedDocument } from './model.js';
import { flattenOutline } from './outline.js';
import { segment } from './segment/index.js';

/** `between` runs after ingest and after extract: the batch worker collects garbage there (src/batch/gc.ts;
 *  each stage leaves most of what it allocated as garbage the next would otherwise grow the heap on top of). */
export async function processDocument(input: string | Uint8Array, options: Partial<IngestOptions> = {}, between: () => void = () => {}): Promise<CheckedDocument> {
  const ingested = await ingest(input, options);
  between();
  const extracted = extract(segment(ingested));
  between();
  // A scraped folder holds other files too (a MANIFEST, a 政府信息公开年报): refuse them rather than
  // emit a record of stray numbers.
  const sections = new Set(flattenOutline(extracted.outline).flatMap((n) => (n.section ? [n.section] : [])));
  const standardTables = extracted.tables.filter((t) => /^(公开|预算)\d/u.test(t.kind));
  if (!extracted.document.title && sections.size < 2 && !standardTables.length) {
    throw new JuesuanError('NOT_A_REPORT', 'not a 决算 or 预算 report: no such title, none of the template’s sections or tables');
  }
  return check(extracted);
}
