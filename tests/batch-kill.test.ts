// A real run killed with SIGKILL mid-way, then rerun: exactly one record per good document, one error line
// per broken one, no temporary file, no duplicated line; a third run finds everything up to date.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentRecordSchema } from '../src/index.js';
import { lines, listFiles, recordNames, runCli, startCli, tmp, waitFor, writeBroken, writeReports } from './batch-fixtures.js';

const GOOD = 24;

describe('a run killed with SIGKILL, then rerun', () => {
  it('ends with one record per good document, one error per broken one and no temporary file', async () => {
    const dir = await tmp();
    const out = await tmp();
    const good = await writeReports(dir, GOOD);
    const broken = await writeBroken(dir);

    // Slow each document down (test-only hook) so that the kill lands mid-run.
    const first = startCli(['extract', dir, '--out', out, '--concurrency', '2'], { JUESUAN_TEST_DELAY_MS: '150' });
    // Wait for the first finished document: its record and the resume entry written right after it.
    await waitFor(async () => (await readdir(join(out, '.juesuan', 'done')).catch(() => [])).some((n) => n.endsWith('.json')));
    first.child.kill('SIGKILL');
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    const before = await recordNames(out);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(GOOD);
    // The batch files come at the end of a run: this one never got there.
    const batchFiles = ['documents.jsonl', 'facts.csv', 'dataset.csv', 'flags.csv', 'errors.jsonl'];
    expect((await listFiles(out)).filter((f) => batchFiles.includes(f))).toEqual([]);
    // Records are written atomically: every one there is whole.
    for (const n of before) DocumentRecordSchema.parse(JSON.parse(await readFile(join(out, n), 'utf8')));
    // Leftovers a kill during a write would leave; the next run sweeps them.
    await writeFile(join(out, '.juesuan-tmp-report-999.json.4242.deadbeef'), '{"half');
    await writeFile(join(out, '.juesuan', 'done', '.juesuan-tmp-report-999.json.4242.deadbeef'), '{');

    const second = await runCli(['extract', dir, '--out', out, '--concurrency', '2']);
    expect(second.code).toBe(0);
    const summary = /juesuan: (\d+) extracted, (\d+) failed, (\d+) skipped \(up to date\)/.exec(second.stderr);
    expect(summary).not.toBeNull();
    const [extracted, failed, skipped] = summary!.slice(1).map(Number) as [number, number, number];
    expect(failed).toBe(3);
    expect(extracted + skipped).toBe(GOOD);
    expect(skipped).toBeGreaterThan(0); // the killed run's finished documents were not redone
    expect(skipped).toBeLessThanOrEqual(before.length);

    const names = await recordNames(out);
    expect(names).toEqual(good.map((p) => p.slice(dir.length + 1).replace(/\.txt$/, '.json')));
    const docs = (await lines(join(out, 'documents.jsonl'))).map((l) => DocumentRecordSchema.parse(JSON.parse(l)));
    expect(docs.map((d) => d.source.path)).toEqual(good);
    expect(new Set(docs.map((d) => d.source.sha256)).size).toBe(GOOD);
    const errors = (await lines(join(out, 'errors.jsonl'))).map((l) => JSON.parse(l));
    expect(Object.fromEntries(errors.map((e) => [e.path, e.code]))).toEqual(broken);
    expect(errors.length).toBe(3);
    const dataset = await readFile(join(out, 'dataset.csv'));
    expect([...dataset.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(dataset.toString('utf8').trimEnd().split('\r\n').length).toBe(GOOD + 1);
    expect((await listFiles(out)).filter((f) => f.includes('.juesuan-tmp-'))).toEqual([]);

    // Resume: nothing left to do, and the batch files come out the same, with no line twice.
    const snapshot = await Promise.all(batchFiles.map((f) => readFile(join(out, f))));
    const third = await runCli(['extract', dir, '--out', out, '--concurrency', '2']);
    expect(third.code).toBe(0);
    // Broken files are retried (their error may have been passing); the good ones are not redone.
    expect(third.stderr).toContain(`juesuan: ${GOOD + 3} documents, ${GOOD} up to date (skipped), 3 to process on 2 workers\n`);
    expect(third.stderr).toMatch(new RegExp(`juesuan: 0 extracted, 3 failed, ${GOOD} skipped \\(up to date\\)`));
    const again = await Promise.all(batchFiles.map((f) => readFile(join(out, f))));
    expect(again).toEqual(snapshot);
  });
});
