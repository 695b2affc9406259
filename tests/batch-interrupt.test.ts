// Ctrl-C (SIGINT): no new documents, the running ones finish, the batch files are written for what is done,
// exit 130; the next run does the rest.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, listFiles, recordNames, runCli, startCli, tmp, waitFor, writeReports } from './batch-fixtures.js';

const COUNT = 20;

describe('Ctrl-C', () => {
  it('finishes the running documents, writes the batch files for them and exits 130', async () => {
    const dir = await tmp();
    const out = await tmp();
    const good = await writeReports(dir, COUNT);
    const run = startCli(['extract', dir, '--out', out, '--concurrency', '2'], { JUESUAN_TEST_DELAY_MS: '200' });
    await waitFor(async () => (await recordNames(out)).length > 0);
    run.child.kill('SIGINT');
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('juesuan: interrupted: finishing the documents in progress (Ctrl-C again to abandon them)\n');
    expect(r.stderr).toMatch(/juesuan: \d+ extracted, 0 failed, 0 skipped \(up to date\) → .* \(interrupted: rerun the same command to finish\)\n$/);

    const names = await recordNames(out);
    expect(names.length).toBeLessThan(COUNT);
    // The batch files hold exactly the documents done, in input order.
    const docs = (await lines(join(out, 'documents.jsonl'))).map((l) => JSON.parse(l).source.path);
    expect(docs).toEqual(good.filter((p) => names.includes(p.slice(dir.length + 1).replace('.txt', '.json'))));
    expect(docs.length).toBe(names.length);
    expect(JSON.parse(await readFile(join(out, '.juesuan', 'run.json'), 'utf8')).complete).toBe(false);
    expect((await listFiles(out)).filter((f) => f.includes('.juesuan-tmp-'))).toEqual([]);

    const rest = await runCli(['extract', dir, '--out', out, '--concurrency', '2']);
    expect(rest.code).toBe(0);
    expect(rest.stderr).toContain(`juesuan: ${COUNT - names.length} extracted, 0 failed, ${names.length} skipped (up to date)`);
    expect((await lines(join(out, 'documents.jsonl'))).length).toBe(COUNT);
  });
});

describe('SIGTERM', () => {
  it('abandons the running documents, writes the batch files for what is done and exits 143', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, COUNT);
    const run = startCli(['extract', dir, '--out', out, '--concurrency', '2'], { JUESUAN_TEST_DELAY_MS: '300' });
    await waitFor(async () => (await recordNames(out)).length > 0);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.code).toBe(143);
    const names = await recordNames(out);
    expect(names.length).toBeLessThan(COUNT);
    expect((await lines(join(out, 'documents.jsonl'))).length).toBe(names.length);
    expect(await lines(join(out, 'errors.jsonl'))).toEqual([]); // abandoned is not failed: the next run does them
  });
});

describe('SIGTERM while a document is busy in native code (the OCR model)', () => {
  it('stops it through its signal, so the process is not aborted, and exits 143', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, 1, 'a-native');
    await writeReports(dir, 2, 'b-good', 1);
    const run = startCli(['extract', dir, '--out', out, '--concurrency', '2'], { JUESUAN_TEST_NATIVE: 'a-native' });
    await waitFor(async () => (await recordNames(out)).length === 2);
    run.child.kill('SIGTERM');
    const r = await run.done;
    expect(r.signal).toBeNull();
    expect(r.code).toBe(143);
    expect((await lines(join(out, 'documents.jsonl'))).length).toBe(2);
    expect(await lines(join(out, 'errors.jsonl'))).toEqual([]);
  });
});
