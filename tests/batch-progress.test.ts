// Progress on stderr: plain status lines every 5 s off a terminal, a bar on one, nothing but errors when quiet.
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress, formatDuration } from '../src/batch/progress.js';
import type { BatchPlan } from '../src/batch/index.js';

function fakeStream(tty: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  let text = '';
  s.on('data', (d) => (text += d));
  s.isTTY = tty;
  s.columns = 120;
  return { stream: s as unknown as NodeJS.WriteStream, text: () => text };
}

const plan: BatchPlan = { documents: 12, toProcess: 10, skipped: 2, otherShards: 0, inputErrors: 0, workers: 2, shard: null };

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('progress', () => {
  it('prints a plain status line every 5 s with counts, pages/s and ETA, and errors as they come', () => {
    const { stream, text } = fakeStream(false);
    const p = createProgress({ stream });
    p.plan(plan);
    vi.advanceTimersByTime(1000);
    p.result({ path: 'a.pdf', status: 'done', name: 'a', pages: 20 });
    p.result({ path: 'b.pdf', status: 'failed', name: 'b', error: { path: 'b.pdf', code: 'CORRUPT_PDF', message: 'the PDF is damaged' } });
    vi.advanceTimersByTime(4000);
    p.result({ path: 'c.pdf', status: 'skipped', name: 'c' });
    vi.advanceTimersByTime(5000); // nothing new: no line
    vi.advanceTimersByTime(55_000); // but a heartbeat once a minute
    p.stop();
    expect(text()).toBe(
      [
        'juesuan: 12 documents, 2 up to date (skipped), 10 to process on 2 workers',
        'juesuan: b.pdf: the PDF is damaged (CORRUPT_PDF)',
        'juesuan: 2/10 documents (1 failed), 20 pages, 4.0 pages/s, ETA 0:20',
        'juesuan: 2/10 documents (1 failed), 20 pages, 0.3 pages/s, ETA 4:20',
        '',
      ].join('\n'),
    );
  });

  it('says which shard it runs', () => {
    const { stream, text } = fakeStream(false);
    const p = createProgress({ stream });
    p.plan({ ...plan, shard: { index: 1, count: 4, from: 'SLURM_ARRAY_TASK_ID' }, otherShards: 30, skipped: 0 });
    p.stop();
    expect(text()).toBe('juesuan: 12 documents, shard 1/4 (SLURM_ARRAY_TASK_ID): 30 left to other shards, 10 to process on 2 workers\n');
  });

  it('draws a bar on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const p = createProgress({ stream });
    p.plan(plan);
    vi.advanceTimersByTime(2000);
    p.result({ path: 'a.pdf', status: 'done', name: 'a', pages: 20 });
    vi.advanceTimersByTime(500);
    p.stop();
    expect(text()).toContain('1/10 documents | 0 failed | 10.0 pages/s | ETA');
  });

  it('never cuts an error line: terminal wrapping stays on, the bar is cut instead, and lines logged last are not lost', () => {
    const { stream, text } = fakeStream(true);
    (stream as { columns?: number }).columns = 60;
    const p = createProgress({ stream });
    p.plan(plan);
    vi.advanceTimersByTime(1000);
    const long = { path: `reports/${'很长的文件名'.repeat(12)}.pdf`, code: 'CORRUPT_PDF', message: 'the PDF is damaged or truncated and cannot be read' };
    p.result({ path: long.path, status: 'failed', name: 'x', error: long });
    p.result({ path: 'y.pdf', status: 'failed', name: 'y', error: { ...long, path: 'y.pdf' } });
    p.stop(); // before the bar's next redraw
    const out = text();
    expect(out).not.toContain('\x1b[?7l'); // the terminal's line wrapping is never turned off
    expect(out).toContain(`juesuan: ${long.path}: ${long.message} (CORRUPT_PDF)\n`);
    expect(out).toContain(`juesuan: y.pdf: ${long.message} (CORRUPT_PDF)\n`);
    for (const l of out.split(/\r|\n|\x1b\[[0-9;]*[A-Za-z]/)) if (l.includes('documents |')) expect(l.length).toBeLessThanOrEqual(60);
  });

  it('counts pages for the ETA while documents are in OCR', () => {
    const { stream, text } = fakeStream(false);
    const p = createProgress({ stream });
    p.plan({ ...plan, toProcess: 2, skipped: 0, documents: 2 });
    p.ocrPage({ path: 'scan.pdf', done: 0, total: 40 });
    vi.advanceTimersByTime(4000);
    p.ocrPage({ path: 'scan.pdf', done: 1, total: 40 });
    p.ocrPage({ path: 'scan.pdf', done: 2, total: 40 });
    vi.advanceTimersByTime(1000);
    expect(p.inOcr()).toEqual([{ path: 'scan.pdf', done: 2, total: 40 }]);
    p.result({ path: 'scan.pdf', status: 'done', name: 'scan', pages: 40 });
    expect(p.inOcr()).toEqual([]);
    p.stop();
    // 2 pages in 5 s: 38 pages left take 95 s (a document count would say nothing: 0 of 2 done).
    expect(text()).toContain('juesuan: 0/2 documents (0 failed), 0 pages, 0.0 pages/s, OCR page 2/40, ETA 1:35\n');
  });

  it('prints only errors when quiet', () => {
    const { stream, text } = fakeStream(true);
    const p = createProgress({ stream, quiet: true });
    p.plan(plan);
    p.result({ path: 'a.pdf', status: 'done', name: 'a', pages: 20 });
    p.result({ path: 'x', status: 'failed', error: { path: 'x', code: 'NOT_FOUND', message: 'no such file or directory' } });
    vi.advanceTimersByTime(10_000);
    p.stop();
    expect(text()).toBe('juesuan: x: no such file or directory (NOT_FOUND)\n');
  });

  it('formats durations', () => {
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(NaN)).toBe('?');
  });
});
