// One instance of each engine per process (models load once), created on first use and closed when
// OCR has been idle for a while, so that a finished process can exit (tesseract.js runs in worker
// threads that keep Node alive until terminated).
import { availableParallelism, freemem } from 'node:os';
import { PaddleEngine } from './paddle.js';
import { TesseractEngine } from './tesseract.js';
import type { OcrEngine } from './types.js';
import { THREADS_ENV } from '../types.js';

/** Peak memory of one page in flight (PP-OCR detection at MAX_PIXELS, measured ~0.5 GB; margin). */
const PAGE_MEMORY = 800 * 1024 * 1024;
const IDLE_CLOSE_MS = 3000;

/** Pages recognised at once: one per core, fewer when memory is short. */
export function poolSize(): number {
  const share = Number(process.env[THREADS_ENV]) || availableParallelism();
  return Math.max(1, Math.min(share, availableParallelism(), Math.floor(freemem() / PAGE_MEMORY)));
}

const engines = new Map<string, OcrEngine>();
let active = 0;
let idleTimer: NodeJS.Timeout | null = null;

export function getEngine(name: 'paddle' | 'tesseract'): OcrEngine {
  let e = engines.get(name);
  if (!e) {
    e = name === 'paddle' ? new PaddleEngine() : new TesseractEngine(poolSize());
    engines.set(name, e);
  }
  return e;
}

/** For tests: use a stand-in engine under a name. */
export function setEngine(name: string, engine: OcrEngine): void {
  engines.set(name, engine);
}

export function beginUse(): void {
  active++;
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
}

export function endUse(): void {
  active--;
  if (active > 0) return;
  // An engine that never started cannot be closed either: nothing to report from a timer.
  idleTimer = setTimeout(() => closeOcrEngines().catch(() => {}), IDLE_CLOSE_MS);
  // Not a reason to stay alive by itself; when tesseract workers are the only thing left, it ends them.
  idleTimer.unref();
}

/** Close every engine now (a CLI may call this at the end to exit without waiting). */
export async function closeOcrEngines(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const all = [...engines.values()];
  engines.clear();
  await Promise.allSettled(all.map((e) => e.close()));
}
