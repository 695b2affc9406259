// The worker thread's task: one document through the pipeline into its JSON record, which the worker writes
// to the output folder itself (with the report's evidence beside it), a piece at a time: only counts go back
// to the main thread, never the record (12 million characters for a 1,000-page PDF, copied across the thread
// boundary and held by both sides; issue 15). Failures come back as values, not exceptions, so that the
// error code survives the thread boundary.
//
// Stopping is cooperative first: the pipeline gets an AbortSignal that fires at the time limit or when the
// main thread says 'abort' on the task's port. Terminating a thread while native code (the OCR models in
// onnxruntime) has work in flight aborts the whole process, so the main thread terminates only a worker
// that does not stop by itself (a JavaScript loop).
import type { MessagePort } from 'node:worker_threads';
import { toJuesuanError } from '../errors.js';
import type { IngestOptions } from '../ingest/index.js';
import { processDocument } from '../pipeline.js';
import { readFile } from 'node:fs/promises';
import type { CheckedDocument } from '../model.js';
import { openAtomic, writeFileAtomic } from '../write/atomic.js';
import { buildEvidence, cropLines, cropsOf } from '../write/evidence.js';
import { writeJson } from '../write/json-chunks.js';
import { toRecord } from '../write/record.js';
import { timeoutMessage } from './messages.js';
import { evidenceFile, recordFile } from './state.js';
import { collectGarbage } from './gc.js';
import { hashing, removeRows, writeRows } from './rows.js';
import { applyTestHooks } from './test-hooks.js';
import { nativeRunsInFlight } from '../ingest/ocr/native-runs.js';

export interface WorkerTask {
  path: string;
  ocr: IngestOptions['ocr'];
  ocrEngine: IngestOptions['ocrEngine'];
  /** The per-document time limit; the pipeline gets an AbortSignal that fires then. */
  timeoutMs: number;
  /** The main thread's line to this task: told 'started' (its hard time limit counts from then) and
   *  `{ocr: [done, total]}` after each OCR'd page; it may send 'abort' (Ctrl-C twice, SIGTERM). */
  port?: MessagePort;
  /** The output folder and the document's name in it: the worker writes `<name>.json` and its evidence;
   *  the main thread writes the done entry once the reply says they are written (src/batch/state.ts). */
  out: string;
  name: string;
}

/** What a written record holds, for the run's progress and totals. */
export interface RecordCounts {
  sha256: string;
  pages: number;
  facts: number;
  flags: number;
  flagErrors: number;
}

export type WorkerReply =
  | ({ ok: true } & RecordCounts)
  /** OUTPUT_WRITE: the record or its evidence could not be written; `errno` is the file system's code
   *  (ENOSPC …), by which the main thread tells a full disk, which fails every document, from one file. */
  | { ok: false; code: string; message: string; errno?: string };

/** The report's evidence as JSON text (small: spans and at most CROP_BUDGET crops). A failure there costs
 *  the crops, never the record. The marks read every line (a flagged excerpt may run into its neighbours);
 *  then only the lines the crops read are kept, and the garbage is collected before the crops' native
 *  memory (the canvas library, PDFium's raster: ~35 MB) comes on top of the heap (issue 15). */
async function evidenceText(checked: CheckedDocument, path: string): Promise<string> {
  const evidence = buildEvidence(checked);
  checked.blocks = cropLines(checked);
  collectGarbage(true);
  const bytes = checked.source.format === 'pdf' ? await readFile(path).catch(() => null) : null;
  const crops = await cropsOf(checked, bytes).catch(() => undefined);
  return JSON.stringify(crops ? { ...evidence, crops } : evidence) + '\n';
}

/** Validate the record and write it, a piece at a time, as `JSON.stringify(record, null, 2)` would; then its
 *  share of the batch files beside it (src/batch/rows.ts), so that the end of the run need not parse it. */
async function writeRecord(checked: CheckedDocument, out: string, name: string): Promise<RecordCounts> {
  const record = toRecord(checked);
  // The record is a validated copy: the document's own facts and tables go now, not after it is written (its
  // flags stay for the evidence, made next).
  Object.assign(checked, { facts: [], tables: [], indicators: [], projects: [], outline: [], sectionOf: [] });
  let written: { sha256: string; bytes: number };
  try {
    const w = hashing(await openAtomic(recordFile(out, name)), collectGarbage);
    try {
      await writeJson(w, record, '  ');
      await w.write('\n');
    } catch (err) {
      await w.abort();
      throw err;
    }
    await w.commit();
    written = w.digest();
  } catch (err) {
    throw new OutputWrite(err);
  }
  // Without its share a record is parsed at the end of the run, as before: a failure here costs time only.
  await writeRows(out, name, record, written, collectGarbage).catch(() => removeRows(out, name).catch(() => undefined));
  return {
    sha256: record.source.sha256,
    pages: record.source.pages,
    facts: record.facts.length,
    flags: record.flags.length,
    flagErrors: record.flags.filter((f) => f.severity === 'error').length,
  };
}

class OutputWrite {
  constructor(readonly cause: unknown) {}
}

export default async function processInWorker(task: WorkerTask): Promise<WorkerReply> {
  const abandon = new AbortController();
  task.port?.on('message', (m) => {
    if (m === 'abort') abandon.abort();
    // (the pool asks before it terminates this thread: never while a native model run is in flight)
    else if (m === 'native?') task.port?.postMessage({ native: nativeRunsInFlight() });
  });
  task.port?.postMessage('started');
  const timeout = AbortSignal.timeout(task.timeoutMs);
  const signal = AbortSignal.any([timeout, abandon.signal]);
  try {
    await applyTestHooks(task.path, signal);
    // OCR progress goes to the main thread as {ocr: [done, total]} (the ETA counts pages during OCR).
    const onOcrPage = (done: number, total: number) => task.port?.postMessage({ ocr: [done, total] });
    const checked = await processDocument(task.path, { ocr: task.ocr, ocrEngine: task.ocrEngine, signal, onOcrPage }, collectGarbage);
    // The record first, then report.html's evidence: where each flag's span sits in its excerpt, and crops
    // of the PDF's pages (src/write/evidence.ts), the last use of the document's lines. The record is a
    // validated copy of the checked document, which goes with it; the crops come last, on the smallest
    // heap (memory in pages, issue 15). The lines' normalised text and its map back to the verbatim text
    // served ingest, extract and check; neither the record nor the evidence reads them (a 1,000-page
    // document: 28,000 lines, ~15 MB of the two).
    for (const b of checked.blocks) {
      if (b.kind !== 'line') continue;
      b.line.map = [];
      b.line.text = '';
    }
    collectGarbage();
    const counts = await writeRecord(checked, task.out, task.name);
    const evidence = await evidenceText(checked, task.path);
    checked.blocks = [];
    await writeFileAtomic(evidenceFile(task.out, task.name), evidence).catch((err: unknown) => {
      throw new OutputWrite(err);
    });
    return { ok: true, ...counts };
  } catch (err) {
    if (abandon.signal.aborted) return { ok: false, code: 'ABORTED', message: 'interrupted' };
    if (timeout.aborted) return { ok: false, code: 'TIMEOUT', message: timeoutMessage(task.timeoutMs) };
    if (err instanceof OutputWrite) {
      const errno = (err.cause as NodeJS.ErrnoException | null)?.code;
      return { ok: false, code: 'OUTPUT_WRITE', message: toJuesuanError(err.cause).message, ...(errno ? { errno } : {}) };
    }
    const e = toJuesuanError(err);
    return { ok: false, code: e.code, message: e.message };
  } finally {
    task.port?.close();
  }
}
