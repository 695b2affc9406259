// Progress on stderr: a bar with counts, pages/s and ETA on a terminal; a plain line every few seconds in CI
// and pipes; with --quiet, only the error lines. Errors always get their own line as they happen.
import cliProgress from 'cli-progress';
import type { ErrorLine } from '../write/batch-files.js';
import type { BatchPlan, DocumentOutcome } from './index.js';

export interface ProgressOptions {
  quiet?: boolean;
  stream?: NodeJS.WriteStream;
  /** Bar or plain lines; default: a bar when the stream is a terminal. */
  bar?: boolean;
  /** Plain mode: at most one status line per interval (default 5 s). */
  intervalMs?: number;
}

export interface Progress {
  plan(p: BatchPlan): void;
  result(o: DocumentOutcome): void;
  /** A line of its own (above the bar, if any). */
  log(line: string): void;
  stop(): void;
}

const HEARTBEAT_MS = 60_000;

export const errorLine = (e: ErrorLine) => `juesuan: ${e.path}: ${e.message} (${e.code})`;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function createProgress(options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const useBar = !options.quiet && (options.bar ?? stream.isTTY === true);
  const intervalMs = options.intervalMs ?? 5000;
  let total = 0;
  let done = 0;
  let failed = 0;
  let pages = 0;
  let started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  let multibar: cliProgress.MultiBar | undefined;
  let bar: cliProgress.SingleBar | undefined;

  const rate = () => {
    const s = (Date.now() - started) / 1000;
    return { pagesPerSec: s > 0 ? pages / s : 0, eta: done > 0 ? ((total - done) * s) / done : NaN };
  };
  const statusLine = () => {
    const { pagesPerSec, eta } = rate();
    return `juesuan: ${done}/${total} documents (${failed} failed), ${pages} pages, ${pagesPerSec.toFixed(1)} pages/s, ETA ${formatDuration(eta)}`;
  };
  // A line when something finished, else a heartbeat once a minute (a long document is not a hang).
  let lastDone = 0;
  let lastAt = 0;
  const printStatus = () => {
    if (done === lastDone && Date.now() - lastAt < HEARTBEAT_MS) return;
    stream.write(statusLine() + '\n');
    lastDone = done;
    lastAt = Date.now();
  };
  const log = (line: string) => {
    if (multibar) multibar.log(line + '\n');
    else stream.write(line + '\n');
  };

  return {
    plan(p) {
      total = p.toProcess;
      started = Date.now();
      lastAt = started;
      if (options.quiet) return;
      const parts = [`${p.documents} documents`];
      if (p.shard) parts.push(`shard ${p.shard.index}/${p.shard.count} (${p.shard.from}): ${p.otherShards} left to other shards`);
      if (p.skipped) parts.push(`${p.skipped} up to date (skipped)`);
      parts.push(`${p.toProcess} to process${p.toProcess ? ` on ${p.workers} worker${p.workers === 1 ? '' : 's'}` : ''}`);
      stream.write(`juesuan: ${parts.join(', ')}\n`);
      if (!p.toProcess) return;
      if (useBar) {
        multibar = new cliProgress.MultiBar(
          {
            stream,
            format: ' {bar} {value}/{total} documents | {failed} failed | {pagesPerSec} pages/s | ETA {eta_formatted}',
            hideCursor: true,
            etaBuffer: 50,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar = multibar.create(total, 0, { failed: 0, pagesPerSec: '0.0' });
      } else {
        timer = setInterval(printStatus, intervalMs);
        timer.unref();
      }
    },
    result(o) {
      if (o.status === 'failed' && o.error) log(errorLine(o.error));
      if (o.status === 'skipped') return;
      if (o.status === 'failed') failed++;
      if (o.status === 'done') pages += o.pages ?? 0;
      // Inputs that named nothing (a missing file) are not among the documents to process.
      if (o.name === undefined) return;
      done++;
      bar?.update(done, { failed, pagesPerSec: rate().pagesPerSec.toFixed(1) });
    },
    log,
    stop() {
      if (timer) clearInterval(timer);
      multibar?.stop();
      timer = undefined;
      multibar = undefined;
    },
  };
}
