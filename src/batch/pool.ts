// A pool of worker threads (piscina) that runs one document per task, with a hard time limit and a heap
// limit per document: a worker that overruns is terminated and replaced, and the document gets an error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ErrorLine } from '../write/batch-files.js';
import { outOfMemoryMessage, timeoutMessage } from './messages.js';
import type { WorkerReply, WorkerTask } from './worker.js';

/** Time the pipeline gets to honour its own AbortSignal before the thread is terminated. */
const GRACE_MS = 2000;

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
  async run(task: Omit<WorkerTask, 'timeoutMs'>, abort?: AbortSignal): Promise<PoolReply> {
    const { timeoutMs, maxMemoryMb } = this.options;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort('timeout'), timeoutMs + GRACE_MS);
    const onAbort = () => controller.abort('interrupt');
    abort?.addEventListener('abort', onAbort, { once: true });
    if (abort?.aborted) onAbort();
    try {
      return (await this.pool.run({ ...task, timeoutMs } satisfies WorkerTask, { signal: controller.signal })) as WorkerReply;
    } catch (err) {
      if (controller.signal.reason === 'timeout') return { ok: false, code: 'TIMEOUT', message: timeoutMessage(timeoutMs) };
      if (controller.signal.reason === 'interrupt') return { ok: false, code: 'ABORTED', message: 'interrupted' };
      const e = err as { code?: string; message?: string };
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY')
        return { ok: false, code: 'OUT_OF_MEMORY', message: outOfMemoryMessage(maxMemoryMb) };
      return { ok: false, code: 'INTERNAL', message: `internal error: the worker stopped: ${(e.message ?? String(err)).split('\n')[0]}` };
    } finally {
      clearTimeout(timer);
      abort?.removeEventListener('abort', onAbort);
    }
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}

export const replyError = (path: string, r: { code: string; message: string }): ErrorLine => ({ path, code: r.code, message: r.message });
