// Progress on stderr: a bar with counts, pages/s and ETA on a terminal; a plain line every few seconds in CI
// and pipes; with --quiet, only the error lines. Errors always get their own, whole line as they happen (the
// bar is cut to the terminal's width, never the lines above it). While documents are in OCR, the ETA counts
// their pages: one long scan is most of the run.
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
  /** A page of a document's OCR is done (`done` of `total`). */
  ocrPage(p: { path: string; done: number; total: number }): void;
  /** The documents in OCR now, with their pages done and to do. */
  inOcr(): { path: string; done: number; total: number }[];
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
  const ocr = new Map<string, { done: number; total: number }>();
  let ocrPagesDone = 0;
  let ocrSince = 0;

  const ocrLeft = () => [...ocr.values()].reduce((s, o) => s + o.total - o.done, 0);
  const rate = () => {
    const s = (Date.now() - started) / 1000;
    // During OCR, the pages left at the pace OCR pages have come so far; otherwise documents left at the
    // pace documents have.
    const ocrS = (Date.now() - ocrSince) / 1000;
    const eta = ocr.size ? (ocrPagesDone > 0 ? (ocrLeft() * ocrS) / ocrPagesDone : NaN) : done > 0 ? ((total - done) * s) / done : NaN;
    return { pagesPerSec: s > 0 ? pages / s : 0, eta };
  };
  const ocrText = () => {
    if (!ocr.size) return '';
    const all = [...ocr.values()];
    return `OCR page ${all.reduce((s, o) => s + o.done, 0)}/${all.reduce((s, o) => s + o.total, 0)}`;
  };
  const statusLine = () => {
    const { pagesPerSec, eta } = rate();
    const o = ocrText();
    return `juesuan: ${done}/${total} documents (${failed} failed), ${pages} pages, ${pagesPerSec.toFixed(1)} pages/s, ${o ? `${o}, ` : ''}ETA ${formatDuration(eta)}`;
  };
  const redraw = () => {
    const { pagesPerSec, eta } = rate();
    const o = ocrText();
    bar?.update(done, { failed, pagesPerSec: pagesPerSec.toFixed(1), ocr: o ? `${o} | ` : '', eta: formatDuration(eta) });
  };
  // A line when something finished, else a heartbeat once a minute (a long document is not a hang).
  let lastDone = 0;
  let lastOcr = 0;
  let lastAt = 0;
  const printStatus = () => {
    if (done === lastDone && ocrPagesDone === lastOcr && Date.now() - lastAt < HEARTBEAT_MS) return;
    stream.write(statusLine() + '\n');
    lastDone = done;
    lastOcr = ocrPagesDone;
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
            format: ' {bar} {value}/{total} documents | {failed} failed | {pagesPerSec} pages/s | {ocr}ETA {eta}',
            barsize: 24,
            hideCursor: true,
            clearOnComplete: false,
            // The bar is cut to the terminal's width; lines logged above it wrap whole (the default turns
            // the terminal's wrapping off, which cut long error lines at the edge).
            linewrap: true,
          },
          cliProgress.Presets.shades_classic,
        );
        bar = multibar.create(total, 0, { failed: 0, pagesPerSec: '0.0', ocr: '', eta: '?' });
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
      ocr.delete(o.path);
      redraw();
    },
    ocrPage({ path, done: d, total: t }) {
      if (!ocr.size && !ocrPagesDone) ocrSince = Date.now();
      ocrPagesDone += Math.max(0, d - (ocr.get(path)?.done ?? 0));
      ocr.set(path, { done: d, total: t });
      redraw();
    },
    inOcr: () => [...ocr].map(([path, o]) => ({ path, ...o })),
    log,
    stop() {
      if (timer) clearInterval(timer);
      // Lines logged since the last redraw are written now, not dropped with the bar.
      multibar?.update();
      multibar?.stop();
      timer = undefined;
      multibar = undefined;
    },
  };
}
