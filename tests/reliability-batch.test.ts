// Issue 16, items 4 and 7: one run at a time per output folder (a second waits, a killed run's lock is taken
// over), and the batch files are the dataset (every record in the folder, one per document).
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../src/batch/index.js';
import { lines, recordNames, reportText, runCli, startCli, tmp, waitFor, writeReports } from './batch-fixtures.js';
import { existsSync } from 'node:fs';

const paths = async (out: string) => (await lines(join(out, 'documents.jsonl'))).map((l) => JSON.parse(l).source.path);

describe('two runs into one folder', () => {
  it('the second waits for the first, then finds everything done: one complete folder, both exit 0', async () => {
    const dir = await tmp();
    const out = await tmp();
    const files = await writeReports(dir, 4);
    const env = { JUESUAN_TEST_DELAY_MS: '400' };
    const a = startCli(['extract', dir, '--out', out, '--concurrency', '1'], env);
    await waitFor(async () => existsSync(join(out, '.juesuan', 'lock')));
    const b = await runCli(['extract', dir, '--out', out, '--concurrency', '1'], env);
    const ra = await a.done;
    expect([ra.code, b.code]).toEqual([0, 0]);
    expect(b.stderr).toMatch(/^juesuan: another juesuan run \(pid \d+ on .+, started .+\) is writing to .+: waiting for it to finish$/m);
    expect(b.stderr).toContain('0 extracted, 0 failed, 4 skipped (up to date)');
    expect(await paths(out)).toEqual(files);
    expect((await readdir(join(out, '.juesuan'))).sort()).toEqual(['done', 'evidence', 'rows', 'run.json']);
    expect((await readdir(out)).filter((n) => n.startsWith('.juesuan-tmp'))).toEqual([]);
  });

  it('takes over the lock of a run killed with SIGKILL', async () => {
    const dir = await tmp();
    const out = await tmp();
    const files = await writeReports(dir, 3);
    const a = startCli(['extract', dir, '--out', out, '--concurrency', '1'], { JUESUAN_TEST_DELAY_MS: '2000' });
    await waitFor(async () => existsSync(join(out, '.juesuan', 'lock')));
    a.child.kill('SIGKILL');
    await a.done;
    expect(existsSync(join(out, '.juesuan', 'lock'))).toBe(true);
    const b = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--quiet']);
    expect(b).toMatchObject({ code: 0, stderr: '' });
    expect(await paths(out)).toEqual(files);
    expect(existsSync(join(out, '.juesuan', 'lock'))).toBe(false);
  });
});

describe('the batch files hold every record in the folder', () => {
  it('keeps earlier runs’ records (a daily scraper into one folder), one per content', async () => {
    const out = await tmp();
    const day1 = await tmp();
    const day2 = await tmp();
    const first = await writeReports(day1, 2, 'report');
    // Day 2: a new report with a name already used on day 1 (another file), one new name, and day 1's
    // report-001 again (same content, moved): one row each.
    const second = await writeReports(day2, 1, 'report', 7);
    await writeFile(join(day2, 'report-000.txt'), reportText(9));
    await writeFile(join(day2, 'moved.txt'), reportText(1));
    await runBatch([day1], { out, concurrency: 1 });
    const res = await runBatch([day2], { out, concurrency: 1 });
    expect(res).toMatchObject({ processed: 3, failed: 0 });
    expect(await paths(out)).toEqual([join(day2, 'moved.txt'), join(day2, 'report-000.txt'), second[0], first[0]]);
    expect((await lines(join(out, 'dataset.csv'))).length).toBe(1 + 4);
    // Day 1's report-000.json stays; day 2's report-000 got its own name.
    expect(await recordNames(out)).toEqual(expect.arrayContaining(['report-000.json', 'report-007.json', 'moved.json']));
    expect((await recordNames(out)).filter((n) => /^report-000-[0-9a-f]{8}\.json$/.test(n)).length).toBe(1);
  });

  it('reads one file named twice (directly and through its folder, or through a link) once, and follows links with a loop guard', async () => {
    const dir = await tmp();
    const other = await tmp();
    const out = await tmp();
    const [a] = await writeReports(dir, 1, 'a');
    const [outside] = await writeReports(other, 1, 'linked', 3);
    await symlink(outside!, join(dir, 'link.txt'));
    await symlink(a!, join(dir, 'same.txt'));
    await mkdir(join(dir, 'sub'));
    await symlink(dir, join(dir, 'sub', 'loop'));
    const res = await runBatch([a!, dir, join(dir, '.', 'a-000.txt')], { out, concurrency: 1 });
    expect(res).toMatchObject({ processed: 2, failed: 0 });
    expect(await paths(out)).toEqual([a, join(dir, 'link.txt')]);
  });
});
