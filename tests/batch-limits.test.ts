// A document that hangs or eats memory is killed with its worker, reported in errors.jsonl, and the batch
// goes on (on a fresh worker). The test-only hooks JUESUAN_TEST_HANG / JUESUAN_TEST_OOM stand in for a
// pathological file (see src/batch/test-hooks.ts).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, recordNames, runCli, tmp, writeReports } from './batch-fixtures.js';

// (--timeout 3, not 1: the good documents' budget includes a fresh worker's first loads, slow on a loaded machine.)
describe('per-document limits', () => {
  it('kills a document that runs past --timeout and goes on with the rest on a new worker', async () => {
    const dir = await tmp();
    const out = await tmp();
    // With one worker, "a-hang" comes first: the documents after it need the replacement worker.
    await writeReports(dir, 1, 'a-hang');
    await writeReports(dir, 3, 'b-good', 1);
    const r = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--timeout', '3', '--quiet'], { JUESUAN_TEST_HANG: 'a-hang' });
    expect(r.code).toBe(0);
    const message = 'processing took longer than 3 s (--timeout); the document was abandoned';
    expect(r.stderr).toBe(`juesuan: ${join(dir, 'a-hang-000.txt')}: ${message} (TIMEOUT)\n`);
    expect((await lines(join(out, 'errors.jsonl'))).map((l) => JSON.parse(l))).toEqual([{ path: join(dir, 'a-hang-000.txt'), code: 'TIMEOUT', message }]);
    expect(await recordNames(out)).toEqual(['b-good-001.json', 'b-good-002.json', 'b-good-003.json']);
    expect((await lines(join(out, 'documents.jsonl'))).length).toBe(3);
  });

  it('kills a document whose worker exceeds --max-memory-mb and goes on', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, 1, 'a-oom');
    await writeReports(dir, 2, 'b-good', 1);
    const r = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--max-memory-mb', '64', '--quiet'], { JUESUAN_TEST_OOM: 'a-oom' });
    expect(r.code).toBe(0);
    const message = 'processing needed more than 64 MB of memory (--max-memory-mb); the document was abandoned';
    expect(r.stderr).toBe(`juesuan: ${join(dir, 'a-oom-000.txt')}: ${message} (OUT_OF_MEMORY)\n`);
    expect((await lines(join(out, 'errors.jsonl'))).map((l) => JSON.parse(l))).toEqual([{ path: join(dir, 'a-oom-000.txt'), code: 'OUT_OF_MEMORY', message }]);
    expect(await recordNames(out)).toEqual(['b-good-001.json', 'b-good-002.json']);
  });

  // Terminating a thread while onnxruntime has work in flight aborts the whole process: the timeout must
  // first stop the document through its AbortSignal (as the OCR checks it between pages).
  it('stops a document busy in native code (the OCR model) at the timeout without bringing the batch down', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, 1, 'a-native');
    await writeReports(dir, 2, 'b-good', 1);
    const r = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--timeout', '3', '--quiet'], { JUESUAN_TEST_NATIVE: 'a-native' });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`juesuan: ${join(dir, 'a-native-000.txt')}: processing took longer than 3 s (--timeout); the document was abandoned (TIMEOUT)\n`);
    expect(await recordNames(out)).toEqual(['b-good-001.json', 'b-good-002.json']);
  });

  it('rejects a bad limit with a usage error', async () => {
    const r = await runCli(['extract', 'samples/', '--timeout', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: option '--timeout <seconds>' argument '0' is invalid. must be a number > 0");
  });
});
