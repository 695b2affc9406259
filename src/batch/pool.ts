// A pool of worker threads (piscina) that runs one document per task, with a time limit and a heap limit per
// document. A document past its time is asked to stop (see worker.ts), and its thread is terminated and
// replaced only if it does not; a worker past its heap limit dies and is replaced. Either way the document gets
// an error and the batch goes on.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { outOfMemoryMessage, timeoutMessage } from './messages.js';
import type { WorkerReply, WorkerTask } from './worker.js';
import { THREADS_ENV } from '../ingest/types.js';

/** The young generation of each worker's heap. V8's default (three 16 MB semi-spaces, 48 MB) is filled with
 *  short-lived garbage between scavenges and held as RSS: on a 1,000-page PDF, 16 MB took ~30 MB off the
 *  worker's peak (issue 15, memory flat in pages) for ~4% more CPU there, and nothing at 20 pages. */
const YOUNG_GENERATION_MB = 16;
/** Time the pipeline gets to honour its AbortSignal (the OCR stops between pages) before its thread is
 *  terminated: a quarter of the time limit, between 2 s and 30 s. */
const graceMs = (timeoutMs: number) => Math.min(30_000, Math.max(2000, timeoutMs / 4));
/** After 'abort' (Ctrl-C twice, SIGTERM), time a document gets to stop by itself. */
const ABORT_GRACE_MS = 10_000;
/** How long a worker past its grace has to answer whether native work is in flight, how often it is asked
 *  again while some is, and how long a native run may hold the termination up (one page's model run). */
const ANSWER_MS = 1000;
const POLL_MS = 200;
const NATIVE_WAIT_MS = 60_000;
/** How long a worker may take to boot (load the pipeline) before the document it was given counts as hung. */
const BOOT_ALLOWANCE_MS = 60_000;

/**
 * The worker runs the built JavaScript: dist/worker.bundle.js (scripts/bundle-worker.mjs: one file to load
 * instead of ~170 modules), else dist/batch/worker.js; from dist when this module runs from dist (the CLI),
 * or from the dist/ build of the checkout when it is loaded from src/ (vitest, tsx).
 */
export function workerFile(): string {
  const here = import.meta.url;
  const dist = here.endsWith('.ts') ? new URL('../../dist/', here) : new URL('../', here);
  const bundle = fileURLToPath(new URL('worker.bundle.js', dist));
  if (existsSync(bundle)) return bundle;
  const file = fileURLToPath(new URL('batch/worker.js', dist));
  if (!existsSync(file)) throw new Error(`the batch worker runs from the built code, and ${file} is missing: run \`npm run build\` first`);
  return file;
}

export { THREADS_ENV };
export const threadsPerDocument = (workers: number) => Math.max(1, Math.floor(availableParallelism() / workers));

export interface PoolOptions {
  threads: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

export type PoolReply = WorkerReply | { ok: false; code: 'ABORTED'; message: string };

export class DocumentPool {
  private readonly pool: Piscina;

  constructor(private readonly options: PoolOptions) {
    this.pool = new Piscina({
      filename: workerFile(),
      minThreads: options.threads,
      maxThreads: options.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      // The cores a document may use itself (OCR pages in parallel): a fair share, not all of them each.
      env: { ...process.env, [THREADS_ENV]: String(threadsPerDocument(options.threads)) },
    });
  }

  /** Run one document; `abort` (Ctrl-C twice, SIGTERM) abandons it. Never throws. */
  async run(task: Omit<WorkerTask, 'timeoutMs' | 'port'>, abort?: AbortSignal, onOcrPage?: (done: number, total: number) => void): Promise<PoolReply> {
    const { timeoutMs, maxMemoryMb } = this.options;
    // Aborting `kill` terminates the worker (piscina); its reason says why.
    const kill = new AbortController();
    const { port1, port2 } = new MessageChannel();
    // The clock starts when the worker starts the document, not while a fresh worker boots; a worker that
    // never gets to it is stopped after BOOT_ALLOWANCE_MS more.
    let timer = setTimeout(() => kill.abort('timeout'), timeoutMs + graceMs(timeoutMs) + BOOT_ALLOWANCE_MS);
    // Past its grace, a worker is terminated once no native model run is in flight on it (that would abort the
    // process): it is asked, and terminated when it says none, does not answer (a JavaScript loop), or after
    // NATIVE_WAIT_MS more.
    let nativeWait = 0;
    let pending: 'timeout' | 'interrupt' | null = null;
    const stop = (reason: 'timeout' | 'interrupt') => {
      port1.postMessage('native?');
      timer = setTimeout(() => kill.abort(reason), ANSWER_MS);
      pending = reason;
    };
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(() => stop('timeout'), timeoutMs + graceMs(timeoutMs));
    });
    port1.on('message', (m: unknown) => {
      const ocr = (m as { ocr?: [number, number] } | null)?.ocr;
      if (ocr) onOcrPage?.(ocr[0], ocr[1]);
      const native = (m as { native?: number } | null)?.native;
      if (native === undefined || !pending) return;
      clearTimeout(timer);
      const reason = pending;
      if (native === 0 || (nativeWait += POLL_MS) > NATIVE_WAIT_MS) kill.abort(reason);
      else timer = setTimeout(() => stop(reason), POLL_MS);
    });
    port1.unref();
    const onAbort = () => {
      port1.postMessage('abort');
      clearTimeout(timer);
      timer = setTimeout(() => stop('interrupt'), ABORT_GRACE_MS);
    };
    abort?.addEventListener('abort', onAbort, { once: true });
    try {
      if (abort?.aborted) return { ok: false, code: 'ABORTED', message: 'interrupted' };
      const message: WorkerTask = { ...task, timeoutMs, port: port2 };
      return (await this.pool.run(message, { signal: kill.signal, transferList: [port2] })) as PoolReply;
    } catch (err) {
      if (kill.signal.reason === 'timeout') return { ok: false, code: 'TIMEOUT', message: timeoutMessage(timeoutMs) };
      if (kill.signal.reason === 'interrupt') return { ok: false, code: 'ABORTED', message: 'interrupted' };
      const e = err as { code?: string; message?: string };
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, code: 'OUT_OF_MEMORY', message: outOfMemoryMessage(maxMemoryMb) };
      return { ok: false, code: 'INTERNAL', message: `internal error: the worker stopped: ${(e.message ?? String(err)).split('\n')[0]}` };
    } finally {
      clearTimeout(timer);
      port1.close();
      abort?.removeEventListener('abort', onAbort);
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
