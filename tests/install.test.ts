// juesuan as a dependency of another project: the packed tarball installs into a clean project on a machine
// that reaches only the npm registry (no project .npmrc, no install flags), `npx juesuan --version` prints
// the version and nothing else, and `juesuan extract` reads a scanned page with OCR there.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScan } from '../scripts/make-scan.js';
import { VERSION } from '../src/version.js';
import { hasShared, repo, shared } from './paths.js';

const exec = promisify(execFile);
// A consumer's environment: none of the npm settings of this repository or of the npm running the tests.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|ONNXRUNTIME_)/i.test(k)));

let dir: string;
let project: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'juesuan-install-'));
  project = join(dir, 'consumer');
  // dist/ is built by `npm test` before vitest runs; no prepare script here.
  const { stdout } = await exec('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: repo, env, maxBuffer: 1 << 24 });
  const tarball = join(dir, (JSON.parse(stdout) as { filename: string }[])[0]!.filename);
  await exec('mkdir', [project]);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  await exec('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: project, env, maxBuffer: 1 << 24 });
}, 600_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('installed as a dependency', () => {
  it('npx juesuan --version prints the version and nothing else', async () => {
    const r = await exec('npx', ['--no-install', 'juesuan', '--version'], { cwd: project, env });
    expect(r.stdout).toBe(`${VERSION}\n`);
    expect(r.stderr).toBe('');
  });

  it('ships only the built code and the patterns', async () => {
    const files = (await readdir(join(project, 'node_modules', 'juesuan'))).sort();
    expect(files).toEqual(['README.md', 'dist', 'package.json', 'patterns']);
  });

  it.skipIf(!hasShared)('juesuan extract reads a scanned page with OCR', async () => {
    const scan = join(dir, 'scan.pdf');
    await writeFile(scan, await makeScan(join(shared, 'seed', '000_37d039dcb8ad6afc-scanned.pdf'), 2, 0.3));
    const out = join(dir, 'out');
    const r = await exec(join(project, 'node_modules', '.bin', 'juesuan'), ['extract', scan, '--out', out, '--quiet'], { cwd: project, env });
    expect(r.stderr).toBe('');
    const rec = JSON.parse(await readFile(join(out, 'scan.json'), 'utf8'));
    expect(rec.source.ocrPages).toEqual([1]);
    expect(rec.document).toEqual({ title: '第三部分鄂城区总工会2023年度部门决算情况说明', unit: '第三部分鄂城区总工会', year: 2023, kind: '决算', unitKey: '第三部分鄂城区总工会', template: 'national-juesuan', tablesElsewhere: false });
    const amounts = rec.facts.filter((f: { yuan?: number }) => f.yuan !== undefined).map((f: { text: string; yuan: number }) => `${f.text}=${f.yuan}`);
    expect(amounts.slice(0, 2)).toEqual(['93.93=939300', '19.08=190800']);
    expect(rec.facts.every((f: { ocr?: { engine: string } }) => f.ocr?.engine === 'paddle')).toBe(true);
  });
});
