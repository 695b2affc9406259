// juesuan merge refuses what would not give a single run's output: a missing shard, an interrupted one,
// shards run on different inputs.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tmp, writeReports } from './batch-fixtures.js';

let dir: string;
let s0: string;
let s1: string;
beforeAll(async () => {
  dir = await tmp();
  await writeReports(dir, 6);
  [s0, s1] = [await tmp(), await tmp()];
  await runCli(['extract', dir, '--out', s0, '--shard', '0/2', '--quiet']);
  await runCli(['extract', dir, '--out', s1, '--shard', '1/2', '--quiet']);
});

describe('juesuan merge', () => {
  it('refuses when a shard is missing', async () => {
    const r = await runCli(['merge', s0, '--out', await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^juesuan: \d+ document\(s\) were processed by none of the folders \(e\.g\. .*report-00\d\.txt\): a shard is missing \(have 0\/2\)\n$/);
  });

  it('refuses a folder that holds no finished run', async () => {
    const empty = await tmp();
    const r = await runCli(['merge', s0, empty, '--out', await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`juesuan: ${empty} holds no finished juesuan run (no .juesuan/run.json): run \`juesuan extract … --out ${empty}\` first\n`);
  });

  it('refuses shards run on different inputs', async () => {
    const other = await tmp();
    const more = await tmp();
    await writeReports(more, 7);
    await runCli(['extract', more, '--out', other, '--shard', '1/2', '--quiet']);
    const r = await runCli(['merge', s0, other, '--out', await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`juesuan: ${other} and ${s0} were run on different inputs: every shard must be given the same files\n`);
  });

  it('refuses shards run with different options', async () => {
    const other = await tmp();
    await runCli(['extract', dir, '--out', other, '--shard', '1/2', '--ocr', 'off', '--quiet']);
    const r = await runCli(['merge', s0, other, '--out', await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^juesuan: .* was made by juesuan \S+, schema \S+; --ocr off --ocr-engine paddle, .* by juesuan \S+, schema \S+; --ocr auto --ocr-engine paddle: rerun them with one version and the same options\n$/);
  });

  it('refuses to merge into one of its inputs', async () => {
    const r = await runCli(['merge', s0, s1, '--out', s1]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`juesuan: --out ${s1} is one of the folders being merged: merge into a new folder\n`);
  });

  it('merges a shard rerun after a lost record, and can merge again into the same folder', async () => {
    // A record deleted by hand: the rerun redoes just that one, and the merge is whole again.
    const out = await tmp();
    const first = await runCli(['merge', s0, s1, '--out', out]);
    expect(first.code).toBe(0);
    await rm(join(s1, (await readdir(s1)).find((n) => n.endsWith('.json'))!));
    const rerun = await runCli(['extract', dir, '--out', s1, '--shard', '1/2']);
    expect(rerun.stderr).toMatch(/juesuan: 1 extracted, 0 failed, \d+ skipped \(up to date\), \d+ left to other shards/);
    const again = await runCli(['merge', s0, s1, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe(first.stderr);
  });

  it('needs --out', async () => {
    const r = await runCli(['merge', s0, s1]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: required option '--out <dir>' not specified");
  });
});

// An interrupted shard: its run.json says so.
describe('juesuan merge of an interrupted shard', () => {
  it('asks for the shard to be rerun first', async () => {
    const broken = await tmp();
    await runCli(['extract', dir, '--out', broken, '--shard', '0/2', '--quiet']);
    const manifest = join(broken, '.juesuan', 'run.json');
    const m = JSON.parse(await readFile(manifest, 'utf8'));
    await writeFile(manifest, JSON.stringify({ ...m, complete: false }));
    const r = await runCli(['merge', broken, s1, '--out', await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`juesuan: the run into ${broken} was interrupted: rerun the same command to finish it, then merge\n`);
  });
});
