// --shard i/n and the schedulers' environment variables; two shards merged give exactly a single run.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseShard, resolveShard, shardOf } from '../src/batch/shard.js';
import { lines, listFiles, recordNames, runCli, tmp, writeBroken, writeReports } from './batch-fixtures.js';

describe('which shard', () => {
  it('parses --shard i/n with i from 0', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4, from: '--shard' });
    expect(() => parseShard('4/4')).toThrow('shard index 4 is out of range for 4 shards (--shard; indexes run from 0 to 3)');
    expect(() => parseShard('1-4')).toThrow('--shard takes i/n with i counted from 0, e.g. --shard 0/4 (got "1-4")');
    expect(() => parseShard('0/0')).toThrow('--shard n must be a whole number ≥ 1 (got "0")');
  });

  it('takes a Kubernetes Indexed Job index, with the count from --shard-count or JUESUAN_SHARD_COUNT', () => {
    expect(resolveShard(undefined, 3, { JOB_COMPLETION_INDEX: '2' })).toEqual({ index: 2, count: 3, from: 'JOB_COMPLETION_INDEX' });
    expect(resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '0', JUESUAN_SHARD_COUNT: '5' })).toEqual({ index: 0, count: 5, from: 'JOB_COMPLETION_INDEX' });
    expect(() => resolveShard(undefined, undefined, { JOB_COMPLETION_INDEX: '0' })).toThrow(
      "JOB_COMPLETION_INDEX is set but the shard count is not: pass --shard-count N or set JUESUAN_SHARD_COUNT to the Job's completions (or --shard 0/1 to process everything)",
    );
  });

  it('takes a Slurm array task, counted from SLURM_ARRAY_TASK_MIN', () => {
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' })).toEqual({ index: 2, count: 4, from: 'SLURM_ARRAY_TASK_ID' });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2' })).toEqual({ index: 0, count: 2, from: 'SLURM_ARRAY_TASK_ID' });
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '4' })).toThrow('shard index 4 is out of range for 4 shards');
    expect(() => resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_STEP: '2' })).toThrow('a Slurm array with a step');
  });

  it('lets --shard win over the environment, and runs unsharded without either', () => {
    expect(resolveShard('0/1', undefined, { JOB_COMPLETION_INDEX: '3' })).toEqual({ index: 0, count: 1, from: '--shard' });
    expect(resolveShard(undefined, undefined, {})).toBeNull();
  });

  it('assigns by content hash', () => {
    expect(shardOf('00000000000a' + 'f'.repeat(52), 4)).toBe(2);
    expect(shardOf('ffffffffffff' + '0'.repeat(52), 1)).toBe(0);
  });
});

describe('two shards merged', () => {
  it('give byte for byte what a single run gives', async () => {
    const dir = await tmp();
    await writeReports(join(dir, 'a'), 10);
    // Same base name in two folders: the names must agree across shards (report-000-<sha8>.json).
    await writeReports(join(dir, 'b'), 2, 'report', 20);
    await writeReports(join(dir, 'c'), 1, 'report', 21);
    await writeBroken(dir);
    const missing = join(dir, 'missing.txt');
    const single = await tmp();
    const [s0, s1, merged] = [await tmp(), await tmp(), await tmp()];
    const args = (out: string) => ['extract', dir, missing, '--out', out, '--concurrency', '2', '--quiet'];

    expect((await runCli(args(single))).code).toBe(0);
    expect((await runCli([...args(s0), '--shard', '0/2'])).code).toBe(0);
    // The second shard as a Kubernetes Indexed Job would run it.
    expect((await runCli(args(s1), { JOB_COMPLETION_INDEX: '1', JUESUAN_SHARD_COUNT: '2' })).code).toBe(0);

    // Each shard did a real share, and together all of it.
    const [n0, n1, all] = [await recordNames(s0), await recordNames(s1), await recordNames(single)];
    expect(n0.length).toBeGreaterThan(0);
    expect(n1.length).toBeGreaterThan(0);
    expect([...n0, ...n1].sort()).toEqual(all);
    // b/ and c/ hold the same report-021 (same bytes): a counter tells them apart.
    const twins = all.filter((n) => n.startsWith('report-021')).sort((a, b) => a.length - b.length);
    expect(twins.length).toBe(2);
    expect(twins[0]).toMatch(/^report-021-[0-9a-f]{8}\.json$/);
    expect(twins[1]).toBe(twins[0]!.replace('.json', '-2.json'));
    expect((await lines(join(s0, 'documents.jsonl'))).length).toBe(n0.length);

    const m = await runCli(['merge', s0, s1, '--out', merged]);
    expect(m.code).toBe(0);
    expect(m.stderr).toBe(`juesuan: merged 2 folders: 16 documents, 13 records, 4 errors → ${merged}\n`);
    const files = await listFiles(single);
    expect(await listFiles(merged)).toEqual(files);
    for (const f of files) expect((await readFile(join(merged, f))).equals(await readFile(join(single, f))), f).toBe(true);
    // The missing input is reported once, not once per shard.
    expect((await lines(join(merged, 'errors.jsonl'))).filter((l) => l.includes('missing.txt')).length).toBe(1);
  });
});
