// The worker thread's task: one document through the pipeline into its JSON record. It returns the record
// as text (cheap to pass between threads) with a few counts; failures come back as values, not exceptions,
// so that the error code survives the thread boundary.
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
import { buildEvidence, buildEvidenceWithCrops } from '../write/evidence.js';
import { toRecord } from '../write/record.js';
import { timeoutMessage } from './messages.js';
import { applyTestHooks } from './test-hooks.js';

export interface WorkerTask {
  path: string;
  ocr: IngestOptions['ocr'];
  ocrEngine: IngestOptions['ocrEngine'];
  /** The per-document time limit; the pipeline gets an AbortSignal that fires then. */
  timeoutMs: number;
  /** The main thread's line to this task: told 'started' (its hard time limit counts from then) and
   *  `{ocr: [done, total]}` after each OCR'd page; it may send 'abort' (Ctrl-C twice, SIGTERM). */
  port?: MessagePort;
}

export type WorkerReply =
  | { ok: true; json: string; evidence: string; sha256: string; pages: number; facts: number; flags: number; flagErrors: number }
  | { ok: false; code: string; message: string };

function recordText(checked: Parameters<typeof toRecord>[0]) {
  const record = toRecord(checked);
  return {
    json: JSON.stringify(record, null, 2) + '\n',
    sha256: record.source.sha256,
    pages: record.source.pages,
    facts: record.facts.length,
    flags: record.flags.length,
    flagErrors: record.flags.filter((f) => f.severity === 'error').length,
  };
}

export default async function processInWorker(task: WorkerTask): Promise<WorkerReply> {
  const abandon = new AbortController();
  task.port?.on('message', (m) => m === 'abort' && abandon.abort());
  task.port?.postMessage('started');
  const timeout = AbortSignal.timeout(task.timeoutMs);
  const signal = AbortSignal.any([timeout, abandon.signal]);
  try {
    await applyTestHooks(task.path, signal);
    // OCR progress goes to the main thread as {ocr: [done, total]} (the ETA counts pages during OCR).
    const onOcrPage = (done: number, total: number) => task.port?.postMessage({ ocr: [done, total] });
    const checked = await processDocument(task.path, { ocr: task.ocr, ocrEngine: task.ocrEngine, signal, onOcrPage });
    // The record (a validated copy of the document) lives only until it is text: the evidence crops
    // below run without it (memory in pages, issue 15).
    const { json, sha256, pages, facts, flags, flagErrors } = recordText(checked);
    // For report.html: where each flag's span sits in its excerpt, and crops of the PDF's pages
    // (src/write/evidence.ts). A failure there costs the crops, never the record.
    const evidence =
      JSON.stringify(
        await (checked.source.format === 'pdf' ? readFile(task.path) : Promise.resolve(null))
          .then((bytes) => buildEvidenceWithCrops(checked, bytes))
          .catch(() => buildEvidence(checked)),
      ) + '\n';
    return { ok: true, json, evidence, sha256, pages, facts, flags, flagErrors };
  } catch (err) {
    if (abandon.signal.aborted) return { ok: false, code: 'ABORTED', message: 'interrupted' };
    if (timeout.aborted) return { ok: false, code: 'TIMEOUT', message: timeoutMessage(task.timeoutMs) };
    const e = toJuesuanError(err);
    return { ok: false, code: e.code, message: e.message };
  } finally {
    task.port?.close();
  }
}
