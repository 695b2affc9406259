// Ctrl-C during OCR: a long scan is not finished first (minutes); the OCR stops within seconds, the CLI says
// what it is doing, and the progress counted pages meanwhile.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startCli, tmp, waitFor } from './batch-fixtures.js';
import { hasShared, shared } from './paths.js';

describe('Ctrl-C during OCR', () => {
  it.skipIf(!hasShared)('stops the OCR within seconds, says so, and exits 130', async () => {
    const out = await tmp();
    const scan = join(shared, 'seed', '000_37d039dcb8ad6afc-scanned.pdf');
    const run = startCli(['extract', scan, '--out', out, '--concurrency', '1']);
    let stderr = '';
    run.child.stderr!.on('data', (d) => (stderr += d));
    // The plain progress line (no terminal) counts OCR pages.
    await waitFor(async () => /OCR page [1-9]\d*\/14, ETA \d+:\d\d/.test(stderr), 360_000);
    const sent = Date.now();
    run.child.kill('SIGINT');
    const r = await run.done;
    const seconds = (Date.now() - sent) / 1000;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(new RegExp(`juesuan: interrupted: stopping the OCR of ${scan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} at page \\d+/14 after the page in hand \\(a rerun into the same folder redoes it\\); writing the batch files\\n`));
    expect(r.stderr).toMatch(/juesuan: 0 extracted, 0 failed, 0 skipped \(up to date\) → .* \(interrupted: rerun the same command to finish\)\n$/);
    expect(seconds).toBeLessThan(15);
  }, 400_000);
});
