// The batch runner: many inputs → one record per document in the output folder, plus the batch files.
// A bad file costs one error line, never the batch.
import { mkdir } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import PQueue from 'p-queue';
import { toJuesuanError } from '../errors.js';
import type { IngestOptions } from '../ingest/index.js';
import { processDocument } from '../pipeline.js';
import type { DocumentRecord } from '../schema.js';
import { sweepTemporaryFiles, writeFileAtomic } from '../write/atomic.js';
import { writeBatchFiles, type ErrorLine } from '../write/batch-files.js';
import { toRecord } from '../write/record.js';
import { expandInputs } from './inputs.js';
import { outputNames } from './names.js';

export interface BatchOptions extends Partial<IngestOptions> {
  out: string;
  concurrency?: number;
  /** Called once per input as it finishes. */
  onResult?: (r: { path: string; record?: DocumentRecord; error?: ErrorLine }) => void;
}

export interface BatchResult {
  records: DocumentRecord[];
  errors: ErrorLine[];
}

export async function runBatch(inputs: string[], options: BatchOptions): Promise<BatchResult> {
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  await sweepTemporaryFiles(out);
  const { files, errors } = await expandInputs(inputs, [out]);
  for (const e of errors) options.onResult?.({ path: e.path, error: e });
  const nameOf = outputNames(files);
  const queue = new PQueue({ concurrency: options.concurrency ?? cpus().length });
  const results: (DocumentRecord | null)[] = new Array(files.length).fill(null);
  const fileErrors: (ErrorLine | null)[] = new Array(files.length).fill(null);
  files.forEach((path, i) =>
    queue.add(async () => {
      try {
        const doc = await processDocument(path, options);
        const record = toRecord(doc);
        await writeFileAtomic(join(out, `${nameOf(record.source.sha256.slice(0, 8), path)}.json`), JSON.stringify(record, null, 2) + '\n');
        results[i] = record;
        options.onResult?.({ path, record });
      } catch (err) {
        const e = toJuesuanError(err);
        fileErrors[i] = { path, code: e.code, message: e.message };
        options.onResult?.({ path, error: fileErrors[i]! });
      }
    }),
  );
  await queue.onIdle();
  const records = results.filter((r): r is DocumentRecord => r !== null);
  const allErrors = [...errors, ...fileErrors.filter((e): e is ErrorLine => e !== null)];
  await writeBatchFiles(out, records, allErrors);
  return { records, errors: allErrors };
}
