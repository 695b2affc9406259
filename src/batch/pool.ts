// A pool of worker threads (piscina) that runs one document per task, with a hard time limit and a heap
// limit per document: a worker that overruns is terminated and replaced, and the document gets an error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { outOfMemoryMessage, timeoutMessage } from './messages.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** Time the pipeline gets to honour its own AbortSignal before the thread is terminated. */
const GRACE_MS = 2000;
/** How long a worker may take to boot (load the pipeline) before the document it was given counts as hung. */
const BOOT_ALLOWANCE_MS = 60_000;

/**
 * The worker runs the built JavaScript: dist/batch/worker.js beside this file when running from dist (the
 * CLI), or the dist/ build of the checkout when this module is loaded from src/ (vitest, tsx).
 */
export function workerFile(): string {
  const here = import.meta.url;
  const url = here.endsWith('.ts') ? new URL('../../dist/batch/worker.js', here) : new URL('./worker.js', here);
  const file = fileURLToPath(url);
  if (!existsSync(file)) throw new Error(`the batch worker runs from the built code, and ${file} is missing: run \`npm run build\` first`);
  return file;
}

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
      resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb },
    });
  }

  /** Run one document; `abort` (Ctrl-C twice) abandons it. Never throws. */
  async run(task: Omit<WorkerTask, 'timeoutMs' | 'started'>, abort?: AbortSignal): Promise<PoolReply> {
    const { timeoutMs, maxMemoryMb } = this.options;
    const controller = new AbortController();
    // The clock starts when the worker starts the document (it says so on `started`), not while a fresh
    // worker boots; a worker that never gets to it is stopped after BOOT_ALLOWANCE_MS more.
    const { port1, port2 } = new MessageChannel();
    let timer = setTimeout(() => controller.abort('timeout'), timeoutMs + GRACE_MS + BOOT_ALLOWANCE_MS);
    port1.once('message', () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort('timeout'), timeoutMs + GRACE_MS);
    });
    port1.unref();
    const onAbort = () => controller.abort('interrupt');
    abort?.addEventListener('abort', onAbort, { once: true });
    if (abort?.aborted) onAbort();
    try {
      const message: WorkerTask = { ...task, timeoutMs, started: port2 };
      return (await this.pool.run(message, { signal: controller.signal, transferList: [port2] })) as WorkerReply;
    } catch (err) {
      if (controller.signal.reason === 'timeout') return { ok: false, code: 'TIMEOUT', message: timeoutMessage(timeoutMs) };
      if (controller.signal.reason === 'interrupt') return { ok: false, code: 'ABORTED', message: 'interrupted' };
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
