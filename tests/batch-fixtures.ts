// Test material for the batch tests, generated: small text reports (each with its own unit and figures, so
// each has its own content hash) and a few broken files, plus helpers to run the built CLI and read a folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { CLI, repo } from './paths.js';

export const tmp = () => mkdtemp(join(tmpdir(), 'juesuan-batch-'));

export function reportText(i: number): string {
  const unit = `第${i + 1}街道办事处`;
  const income = (1000 + i * 7.31).toFixed(2);
  return [
    `${unit}2024年度部门决算`,
    '',
    `第一部分  ${unit}概况`,
    '一、部门主要职责',
    `（一）负责辖区社区建设和公共服务工作（编号${i}）。`,
    '二、部门决算单位构成',
    `${unit}编制人数${20 + i}名，在职人数${18 + i}名。`,
    '',
    '第三部分  2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    `2024年度收入总计${income}万元，支出总计${income}万元。`,
    '',
  ].join('\n');
}

/** `count` good reports (report-000.txt …) in `dir`; returns their paths. */
export async function writeReports(dir: string, count: number, prefix = 'report', offset = 0): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = join(dir, `${prefix}-${String(i + offset).padStart(3, '0')}.txt`);
    await writeFile(p, reportText(i + offset));
    paths.push(p);
  }
  return paths;
}

/** Three files that cannot be processed, with the error code each gets. */
export async function writeBroken(dir: string): Promise<Record<string, string>> {
  await mkdir(dir, { recursive: true });
  const files: Record<string, [Uint8Array | string, string]> = {
    'broken-empty.txt': ['', 'EMPTY_FILE'],
    'broken-picture.pdf': [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'UNSUPPORTED_FORMAT'],
    'broken-legacy.doc': [Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0', 'latin1')]), 'UNSUPPORTED_FORMAT'],
  };
  const codes: Record<string, string> = {};
  for (const [name, [bytes, code]] of Object.entries(files)) {
    await writeFile(join(dir, name), bytes);
    codes[join(dir, name)] = code;
  }
  return codes;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start `node dist/cli.js …`; the test-only hooks go in through `env`. */
export function startCli(args: string[], env: Record<string, string> = {}, cwd = repo): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn('node', [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<RunResult>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

export const runCli = (args: string[], env: Record<string, string> = {}, cwd = repo) => startCli(args, env, cwd).done;

/** Every file under `dir` (hidden ones too), as paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The per-document records in an output folder (`<name>.json`, not the hidden state). */
export const recordNames = async (out: string) => (await readdir(out)).filter((n) => n.endsWith('.json')).sort();

export const lines = async (path: string) => {
  const text = await readFile(path, 'utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
};

/** Resolve once `check` returns true, polling every 10 ms (gives up after `limitMs`). */
export async function waitFor(check: () => Promise<boolean>, limitMs = 60_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('waitFor: condition not met');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** RFC 4180 with the BOM our CSV files start with. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}
