// The batch runner: many inputs → one record per document in the output folder, plus the batch files.
// Documents run in worker threads (one per core by default), each with a time and memory limit; a bad file
// costs one error line, never the batch. A rerun into the same folder skips what is already done, and a
// shard (--shard i/n) does only its share of the inputs.
import { availableParallelism } from 'node:os';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import PQueue from 'p-queue';
import { outputWriteMessage, toJuesuanError } from '../errors.js';
import { defaultIngestOptions, type IngestOptions } from '../ingest/types.js';
import type { DocumentRecord } from '../schema.js';
import type { ErrorLine } from '../write/batch-files.js';
import { hashAll, sha256Text } from './hash.js';
import { expandInputs } from './inputs.js';
import { baseName, outputNames } from './names.js';
import { DocumentPool } from './pool.js';
import { shardOf, type Shard } from './shard.js';
import { lockOutput } from './lock.js';
import { UsageError } from './usage-error.js';
import { claimName, isUpToDate, manifestErrors, pipelineId, prepareOutput, saveDone, STATE_DIR, type ManifestDocument, type RunManifest } from './state.js';

export type { MergeResult } from './merge.js';

/** Merge shard output folders (src/batch/merge.ts, loaded when called: an extract never needs it). */
export async function mergeOutputs(...args: Parameters<typeof import('./merge.js').mergeOutputs>): ReturnType<typeof import('./merge.js').mergeOutputs> {
  return (await import('./merge.js')).mergeOutputs(...args);
}
export { resolveShard, parseShard, shardOf, SHARD_COUNT_ENV, type Shard } from './shard.js';
export { UsageError } from './usage-error.js';
export { PIPELINE_VERSION } from './state.js';

export const DEFAULT_TIMEOUT_S = 300;
export const DEFAULT_MAX_MEMORY_MB = 1024;

export interface BatchOptions extends Partial<Pick<IngestOptions, 'ocr' | 'ocrEngine'>> {
  out: string;
  /** Documents processed at once, one worker thread each (default: os.availableParallelism()). */
  concurrency?: number;
  /** Per-document time limit in ms (default 300 s); an overrunning document's thread is terminated. */
  timeoutMs?: number;
  /** Per-document V8 heap limit of the worker thread in MB (default 1024). */
  maxMemoryMb?: number;
  /** Process only this shard's documents (stable assignment by content hash). */
  shard?: Shard | null;
  /** Redo documents even when their record is up to date. */
  force?: boolean;
  /** Return the records (read back from disk) in `records`; off by default to keep memory flat. */
  keepRecords?: boolean;
  /** Stop taking new documents (the first Ctrl-C); running ones finish. */
  stopSignal?: AbortSignal;
  /** Abandon running documents too (the second Ctrl-C). */
  abortSignal?: AbortSignal;
  /** Told once when another run holds the output folder and this one waits for it (see lock.ts). */
  onWait?: (message: string) => void;
  onPlan?: (plan: BatchPlan) => void;
  /** Called after each OCR'd page of a document: pages done and pages to OCR in it. */
  onOcrPage?: (p: { path: string; done: number; total: number }) => void;
  /** Called once per document as it is decided: done, skipped (up to date) or failed. */
  onResult?: (o: DocumentOutcome) => void;
}

export interface BatchPlan {
  /** Input documents found (all shards). */
  documents: number;
  toProcess: number;
  /** Up to date from an earlier run into the same folder. */
  skipped: number;
  otherShards: number;
  inputErrors: number;
  workers: number;
  shard: Shard | null;
}

export interface DocumentOutcome {
  path: string;
  status: 'done' | 'skipped' | 'failed';
  /** The output base name: the record is `<name>.json`. */
  name?: string;
  pages?: number;
  facts?: number;
  flags?: number;
  flagErrors?: number;
  error?: ErrorLine;
}

export interface BatchResult {
  /** The records of the run's documents (done and skipped), only with `keepRecords`. */
  records: DocumentRecord[];
  /** errors.jsonl: inputs that named nothing, then failed documents, in input order. */
  errors: ErrorLine[];
  /** Documents processed in this run / skipped as up to date / failed / left for other shards. */
  processed: number;
  skipped: number;
  failed: number;
  otherShards: number;
  /** Documents with a record in the output folder after the run (processed + skipped). */
  recorded: number;
  pages: number;
  /** Stopped early by stopSignal: some documents were not processed. */
  interrupted: boolean;
}

const ocrOptions = (o: BatchOptions) => ({ ocr: o.ocr ?? defaultIngestOptions.ocr, ocrEngine: o.ocrEngine ?? defaultIngestOptions.ocrEngine });

interface Plan {
  /** One entry per input file, in input order: what becomes of it (updated as the run goes). */
  docs: ManifestDocument[];
  /** Indexes into docs of the documents to process, biggest file first. */
  todo: number[];
  /** Outcomes known before processing: skipped (up to date) and unreadable files. */
  early: DocumentOutcome[];
}

async function planRun(out: string, files: string[], pipeline: string, options: BatchOptions): Promise<Plan> {
  const hashes = await hashAll(files);
  const shas = hashes.map((h) => ('sha256' in h ? h.sha256 : null));
  const names = outputNames(files.map((path, i) => ({ path, sha256: shas[i] ?? null })));
  const shard = options.shard ?? null;
  const docs: ManifestDocument[] = [];
  const todo: number[] = [];
  const early: DocumentOutcome[] = [];
  const taken = new Set<string>();
  for (const [i, path] of files.entries()) {
    const sha256 = shas[i] ?? null;
    const h = hashes[i]!;
    // An unreadable file still belongs to exactly one shard (by its path), which reports it.
    if (shard && shardOf(sha256 ?? sha256Text(path), shard.count) !== shard.index) {
      docs.push({ path, sha256, name: names[i] ?? null, status: 'other-shard' });
    } else if (!sha256) {
      const e = toJuesuanError('error' in h ? h.error : null);
      const error = { path, code: e.code, message: e.message };
      docs.push({ path, sha256, name: null, status: 'failed', error });
      early.push({ path, status: 'failed', error });
    } else {
      const name = await claimName(out, names[i] ?? baseName(path), path, sha256, taken);
      taken.add(name);
      const upToDate = !options.force && (await isUpToDate(out, name, path, sha256, pipeline));
      docs.push({ path, sha256, name, status: upToDate ? 'done' : 'pending' });
      if (upToDate) early.push({ path, status: 'skipped', name });
      else todo.push(i);
    }
  }
  // Biggest first: a long document started last would hold up the end of the run on one core.
  const sizes = hashes.map((h) => ('size' in h ? h.size : 0));
  todo.sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  return { docs, todo, early };
}

/** Process the planned documents on a pool of workers; updates each doc's status, returns pages done. */
async function processAll(out: string, pipeline: string, docs: ManifestDocument[], todo: number[], workers: number, pool: DocumentPool, options: BatchOptions): Promise<{ processed: number; pages: number }> {
  let processed = 0;
  let pages = 0;
  let fatal: OutputWriteError | undefined;
  const notify = (r: DocumentOutcome) => notifyResult(options, r);
  const fail = (doc: ManifestDocument, code: string, message: string) => {
    doc.status = 'failed';
    doc.error = { path: doc.path, code, message };
    notify({ path: doc.path, status: 'failed', name: doc.name!, error: doc.error });
  };
  const queue = new PQueue({ concurrency: workers });
  const stop = () => queue.clear();
  options.stopSignal?.addEventListener('abort', stop, { once: true });
  try {
    for (const i of todo) {
      if (options.stopSignal?.aborted) break;
      const doc = docs[i]!;
      void queue.add(async () => {
        const onOcrPage = options.onOcrPage && ((done: number, total: number) => options.onOcrPage!({ path: doc.path, done, total }));
        const reply = await pool.run({ path: doc.path, ocr: ocrOptions(options).ocr, ocrEngine: ocrOptions(options).ocrEngine, out, name: doc.name! }, options.abortSignal, onOcrPage);
        // The worker wrote the record and its evidence; the done entry makes them count (state.ts).
        const written = reply.ok ? await saveDone(out, doc.name!, { path: doc.path, sha256: reply.sha256, pipeline }).then(() => null, (err: unknown) => err) : null;
        const writeError = !reply.ok && reply.code === 'OUTPUT_WRITE' ? { code: reply.errno, message: reply.message } : written;
        if (writeError) {
          // A full disk or a read-only folder fails every document alike: stop and say so once.
          if (outputWriteMessage(writeError, out)) {
            fatal ??= new OutputWriteError(writeError);
            queue.clear();
            return;
          }
          fail(doc, 'INTERNAL', `could not write the record: ${reply.ok ? toJuesuanError(writeError).message : reply.message}`);
          return;
        }
        if (!reply.ok) {
          // An abandoned document (Ctrl-C twice) stays pending: the next run does it.
          if (reply.code !== 'ABORTED') fail(doc, reply.code, reply.message);
          return;
        }
        doc.status = 'done';
        processed++;
        pages += reply.pages;
        notify({ path: doc.path, status: 'done', name: doc.name!, pages: reply.pages, facts: reply.facts, flags: reply.flags, flagErrors: reply.flagErrors });
      }).catch((err) => fail(doc, 'INTERNAL', toJuesuanError(err).message));
    }
    await queue.onIdle();
    if (fatal) throw fatal;
  } finally {
    options.stopSignal?.removeEventListener('abort', stop);
  }
  return { processed, pages };
}

const skippedOf = (p: Plan) => p.early.filter((o) => o.status === 'skipped').length;
const otherShardsOf = (p: Plan) => p.docs.filter((d) => d.status === 'other-shard').length;

const newPool = (threads: number, options: BatchOptions) =>
  new DocumentPool({ threads, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_S * 1000, maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB });

/** True when the folder holds no record an earlier run made (nothing can be skipped as up to date). */
const noEarlierRecords = async (out: string) => !(await readdir(join(out, STATE_DIR, 'done')).catch(() => [])).some((f) => f.endsWith('.json'));

export async function runBatch(inputs: string[], options: BatchOptions): Promise<BatchResult> {
  const out = resolve(options.out);
  try {
    // Before anything in the folder is touched (the sweep of temporary files included).
    const lock = await lockOutput(out, options.onWait, options.abortSignal);
    try {
      return await runLocked(out, inputs, options);
    } finally {
      await lock.release().catch(() => undefined);
    }
  } catch (err) {
    const message = outputWriteMessage(err instanceof OutputWriteError ? err.cause : err, options.out);
    throw message ? new UsageError(message) : err;
  }
}

/** Writing the output failed in a way no later document can avoid (a full disk, a read-only folder). */
class OutputWriteError extends Error {
  constructor(override readonly cause: unknown) {
    super('the output folder cannot be written');
  }
}

async function runLocked(out: string, inputs: string[], options: BatchOptions): Promise<BatchResult> {
  await prepareOutput(out);
  const { files, errors: inputErrors } = await expandInputs(inputs, [out]);
  for (const e of inputErrors) notifyResult(options, { path: e.path, status: 'failed', error: e });
  const shard = options.shard ?? null;
  const pipeline = pipelineId(ocrOptions(options));
  const concurrency = options.concurrency ?? availableParallelism();
  // When every input is to be processed (a fresh folder or --force, no shard), the workers start now and
  // load the pipeline while the inputs are hashed and the plan made; otherwise the plan says how many.
  let pool = !shard && files.length && (options.force || (await noEarlierRecords(out))) ? newPool(Math.min(concurrency, files.length), options) : null;
  // The end of the run's code (batch files, report: hyparquet-writer, zod) loads meanwhile too.
  const finishing = import('./finish.js');
  finishing.catch(() => undefined);
  let processed = 0;
  let pages = 0;
  let plan: Plan;
  try {
    plan = await planRun(out, files, pipeline, options);
    const { docs, todo, early } = plan;
    const workers = Math.min(concurrency, todo.length);
    options.onPlan?.({ documents: files.length, toProcess: todo.length, skipped: skippedOf(plan), otherShards: otherShardsOf(plan), inputErrors: inputErrors.length, workers, shard });
    for (const o of early) notifyResult(options, o);
    if (todo.length) {
      pool ??= newPool(workers, options);
      ({ processed, pages } = await processAll(out, pipeline, docs, todo, workers, pool, options));
    }
  } finally {
    await pool?.destroy();
  }
  const { docs } = plan;
  const skipped = skippedOf(plan);
  const otherShards = otherShardsOf(plan);
  const { finishOutput } = await finishing;

  const interrupted = docs.some((d) => d.status === 'pending');
  const manifest: RunManifest = {
    pipeline,
    shard: shard && { index: shard.index, count: shard.count },
    complete: !interrupted,
    inputErrors,
    documents: docs,
  };
  const records = await finishOutput(out, manifest, options.keepRecords);
  return {
    records,
    errors: manifestErrors(manifest),
    processed,
    skipped,
    failed: docs.filter((d) => d.status === 'failed').length + inputErrors.length,
    otherShards,
    recorded: docs.filter((d) => d.status === 'done').length,
    pages,
    interrupted,
  };
}

/** A throwing onResult (a library user's callback, the progress display) must not lose the run: the
 *  document's status is settled before it is called, and the callback's error stays with it. */
function notifyResult(options: BatchOptions, r: DocumentOutcome): void {
  try {
    options.onResult?.(r);
  } catch {
    /* the callback's own business */
  }
}
