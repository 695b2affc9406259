// The reference tool of the benchmarks: `pdftotext -layout` over PDFs, `concurrency` at a time, with its
// wall time and (where GNU time is installed) the CPU seconds of every process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';

const hasGnuTime = existsSync('/usr/bin/time');

/** Wall ms, and CPU seconds (NaN without GNU time). */
export async function timePdftotext(pdfs: string[], concurrency: number): Promise<{ wallMs: number; cpuS: number }> {
  const queue = new PQueue({ concurrency });
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-bench-poppler-'));
  let cpuS = hasGnuTime ? 0 : NaN;
  const started = performance.now();
  await Promise.all(
    pdfs.map((p, i) =>
      queue.add(
        () =>
          new Promise<void>((r) => {
            const timeFile = join(dir, `${i}.time`);
            const [cmd, args] = hasGnuTime ? ['/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'pdftotext', '-layout', '-q', p, '-']] : ['pdftotext', ['-layout', '-q', p, '-']];
            // an unreadable PDF costs poppler its time too; its exit code does not matter
            spawn(cmd, args as string[], { stdio: ['ignore', 'ignore', 'ignore'] }).on('close', () => {
              if (hasGnuTime) cpuS += readFileSync(timeFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number).reduce((a, b) => a + b, 0);
              r();
            });
          }),
      ),
    ),
  );
  const wallMs = performance.now() - started;
  rmSync(dir, { recursive: true, force: true });
  return { wallMs, cpuS };
}
