import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DocumentRecordSchema, extract } from '../src/index.js';
import { VERSION } from '../src/version.js';
import { CLI, hasShared, repo, sample, SEED_TXT } from './paths.js';

const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [CLI, ...args], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
};
const tmp = () => mkdtemp(join(tmpdir(), 'juesuan-test-'));

describe('juesuan extract', () => {
  it('writes one valid record per sample and the batch files', async () => {
    const out = await tmp();
    const r = await run(['extract', 'samples/', '--out', out, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      '.juesuan', // resume state and the run manifest (src/batch/state.ts)
      'dataset.csv',
      'documents.jsonl',
      'documents.parquet',
      'errors.jsonl',
      'facts.csv',
      'facts.parquet',
      'flags.csv',
      'flags.parquet',
      'links.csv',
      'report.html',
      'table_cells.csv',
      'table_cells.parquet',
      '河西区卫生健康委员会2025年部门预算.json',
      '石门县教育局2022年度单位决算.json',
      '青山街道办事处2024年度部门决算.json',
    ]);
    const lines = (await readFile(join(out, 'documents.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBe(3);
    const report = await readFile(join(out, 'report.html'), 'utf8');
    for (const unit of ['青山街道办事处', '石门县教育局', '河西区卫生健康委员会']) expect(report).toContain(unit);
    for (const l of lines) DocumentRecordSchema.parse(JSON.parse(l));
    const rec = DocumentRecordSchema.parse(JSON.parse(await readFile(join(out, '青山街道办事处2024年度部门决算.json'), 'utf8')));
    expect(rec.document).toEqual({ title: '青山街道办事处2024年度部门决算', unit: '青山街道办事处', year: 2024, kind: '决算', unitKey: '青山街道办事处', template: 'national-juesuan', tablesElsewhere: false });
    expect(rec.source.format).toBe('txt');
    const csv = await readFile(join(out, 'dataset.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await readFile(join(out, 'errors.jsonl'), 'utf8')).toBe('');
  });

  it('reports each bad input in one line and in errors.jsonl, and goes on with the rest', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeFile(join(dir, 'empty.txt'), '');
    await writeFile(join(dir, 'picture.pdf'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    await writeFile(join(dir, 'legacy.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0', 'latin1')]));
    await mkdir(join(dir, 'nothing'));
    await writeFile(join(dir, 'minutes.txt'), '会议纪要\n今天开会，讨论了12项工作。\n');
    const good = sample('青山街道办事处2024年度部门决算.txt');
    const r = await run(['extract', join(dir, 'empty.txt'), join(dir, 'picture.pdf'), join(dir, 'legacy.doc'), join(dir, 'missing.pdf'), join(dir, 'nothing'), join(dir, 'minutes.txt'), good, '--out', out, '--quiet', '--strict']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').sort()).toEqual(
      [
        `juesuan: ${join(dir, 'empty.txt')}: the file is empty (EMPTY_FILE)`,
        `juesuan: ${join(dir, 'picture.pdf')}: a bare image is not supported: wrap it in a PDF (e.g. \`img2pdf\`) so that OCR can read it (UNSUPPORTED_FORMAT)`,
        `juesuan: ${join(dir, 'legacy.doc')}: legacy Word (.doc) and WPS (.wps) files that are not Word binaries, or are damaged or encrypted, cannot be read: convert the file to .docx or PDF (e.g. \`soffice --headless --convert-to docx FILE\`) (UNSUPPORTED_FORMAT)`,
        `juesuan: ${join(dir, 'missing.pdf')}: no such file or directory (NOT_FOUND)`,
        `juesuan: ${join(dir, 'nothing')}: the directory holds no documents (NO_DOCUMENTS)`,
        `juesuan: ${join(dir, 'minutes.txt')}: not a 决算 or 预算 report: no such title, none of the template’s sections or tables (NOT_A_REPORT)`,
      ].sort(),
    );
    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(errors.map((e) => e.code).sort()).toEqual(['EMPTY_FILE', 'NOT_A_REPORT', 'NOT_FOUND', 'NO_DOCUMENTS', 'UNSUPPORTED_FORMAT', 'UNSUPPORTED_FORMAT']);
    expect(errors.every((e) => Object.keys(e).join() === 'path,code,message')).toBe(true);
    expect((await readFile(join(out, 'documents.jsonl'), 'utf8')).trim().split('\n').length).toBe(1);
  });

  it('exits 2 with a usage message for an unknown option', async () => {
    const r = await run(['extract', 'samples/', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("error: unknown option '--bogus'");
  });
});

describe('juesuan check', () => {
  it.skipIf(!hasShared)('prints one line per flag (file:page:line severity CODE message) in document order, a summary, and exits 1 on flags of severity error', async () => {
    const out = await tmp();
    const r = await run(['check', SEED_TXT, '--out', out]);
    expect(r.code).toBe(1);
    const printed = r.stdout.trimEnd().split('\n');
    // The seed's 30 errors are listed one by one in tests/check-seed.test.ts.
    expect(printed.at(-1)).toBe('1 documents, 41 flags (30 errors, 11 warnings), 0 unreadable');
    expect(printed.length - 1).toBe(41);
    for (const l of printed.slice(0, -1)) expect(l.startsWith(`${SEED_TXT}:1:`) && /^\S+:1:\d+ (error|warning|info) [A-Z_]+ \S/.test(l), l).toBe(true);
    // In document order.
    const lines = printed.slice(0, -1).map((l) => Number(/:1:(\d+) /.exec(l)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(printed.filter((l) => / error [A-Z_]+ /.test(l)).length).toBe(30);
    expect(printed.filter((l) => / warning [A-Z_]+ /.test(l)).length).toBe(11);
  });
});

describe('juesuan check without --out', () => {
  it.skipIf(!hasShared)('writes nothing (no output/ folder, no overwritten batch files)', async () => {
    const cwd = await tmp();
    const r = await promisify(execFile)('node', [CLI, 'check', SEED_TXT, '--quiet'], { cwd }).catch((e) => e as { code: number });
    expect((r as { code?: number }).code).toBe(1);
    expect(await readdir(cwd)).toEqual([]);
  });
});

describe('juesuan explains itself', () => {
  it('--help gives examples, the output files and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:\n  juesuan extract reports/ --out output/');
    expect(r.stdout).toContain('  report.html       the watchdog report');
    expect(r.stdout).toContain('Exit codes:\n  0    done');
    expect(r.stdout).toContain('  130  stopped by Ctrl-C');
    const extract = await run(['extract', '--help']);
    expect(extract.stdout).toContain('juesuan extract a.pdf --json - | jq .summary');
    expect(extract.stdout).toContain('errors.jsonl');
  });

  it('is an executable file, so that the README’s `npx juesuan …` runs it in a fresh clone', async () => {
    const { stat } = await import('node:fs/promises');
    expect((await stat(CLI)).mode & 0o111).toBe(0o111);
    const r = await promisify(execFile)(CLI, ['--version']);
    expect(r.stdout).toBe(`${VERSION}\n`);
  });

  it('--version prints the version and nothing else', async () => {
    const r = await run(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('check --help shows no default folder, since check writes none unless told', async () => {
    const r = await run(['check', '--help']);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('--out <dir> also write the records, batch files and report.html here (default: no files)');
    expect(r.stdout).not.toContain('"output"');
    expect(r.stdout).toContain('file:page:line severity CODE message');
  });
});

describe('juesuan extract --json -', () => {
  it('writes the records to stdout, one per line, and no folder', async () => {
    const cwd = await tmp();
    const { stdout, stderr } = await promisify(execFile)('node', [CLI, 'extract', join(repo, 'samples'), '--json', '-', '--quiet'], { cwd, maxBuffer: 1 << 26 });
    expect(stderr).toBe('');
    const recs = stdout.trimEnd().split('\n').map((l) => DocumentRecordSchema.parse(JSON.parse(l)));
    expect(recs.map((r) => r.document.unit).sort()).toEqual(['河西区卫生健康委员会', '石门县教育局', '青山街道办事处'].sort());
    expect(await readdir(cwd)).toEqual([]);
  });

  it('writes them to a file beside the output folder', async () => {
    const out = await tmp();
    const file = join(out, 'records.jsonl');
    const r = await run(['extract', sample('石门县教育局2022年度单位决算.txt'), '--out', join(out, 'o'), '--json', file, '--quiet']);
    expect(r.code).toBe(0);
    const [line, ...rest] = (await readFile(file, 'utf8')).split('\n');
    expect(rest).toEqual(['']);
    expect(JSON.parse(line!)).toEqual(JSON.parse(await readFile(join(out, 'o', '石门县教育局2022年度单位决算.json'), 'utf8')));
  });
});

describe('start-up (issue 15)', () => {
  it('loads neither the pipeline, zod nor the batch-file writers to parse the command line, nor the OCR engines for a text-layer PDF', async () => {
    const dir = await tmp();
    const hooks = join(dir, 'hooks.mjs');
    await writeFile(hooks, `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(join(dir, 'loaded.txt'))}, url + '\\n'); return next(url, context); }\n`);
    const register = join(dir, 'register.mjs');
    await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + hooks)});\n`);
    for (const args of [['--version'], ['extract', '--help']]) {
      await writeFile(join(dir, 'loaded.txt'), '');
      await promisify(execFile)('node', ['--import', register, CLI, ...args], { cwd: repo });
      const loaded = (await readFile(join(dir, 'loaded.txt'), 'utf8')).split('\n').filter(Boolean);
      expect(loaded.some((u) => u.endsWith('/dist/cli.js'))).toBe(true);
      expect(loaded.filter((u) => /\/node_modules\/(zod|hyparquet|hyparquet-writer|@napi-rs|@embedpdf|@node-rs)\/|\/dist\/(pipeline|schema|write\/batch-files|batch\/finish)\.js$/.test(u))).toEqual([]);
    }
    // A text-layer PDF: the worker loads PDFium but none of the OCR engines, and its record is the library's.
    if (!hasShared) return;
    const out = join(dir, 'out');
    await writeFile(join(dir, 'loaded.txt'), '');
    const pdf = join(repo, '..', 'shared', 'seed', '000_37d039dcb8ad6afc.pdf');
    await promisify(execFile)('node', ['--import', register, CLI, 'extract', pdf, '--out', out, '--ocr', 'off', '--quiet'], { cwd: repo });
    const loaded = (await readFile(join(dir, 'loaded.txt'), 'utf8')).split('\n').filter(Boolean);
    expect(loaded.some((u) => u.includes('/node_modules/@embedpdf/pdfium/'))).toBe(true);
    expect(loaded.filter((u) => /\/node_modules\/(sharp|tesseract\.js|onnxruntime-node|onnxruntime-web|pdfjs-dist)\//.test(u))).toEqual([]);
    const record = JSON.parse(await readFile(join(out, '000_37d039dcb8ad6afc.json'), 'utf8')) as { facts: unknown[] };
    expect(record.facts.length).toBeGreaterThan(100);
    expect(record).toEqual(JSON.parse(JSON.stringify(await extract(pdf, { ocr: 'off' }))));
  });

  it('runs the worker from the bundle (scripts/bundle-worker.mjs) when it is built', async () => {
    const { workerFile } = await import('../src/batch/pool.js');
    expect(workerFile()).toBe(join(repo, 'dist', 'worker.bundle.js'));
  });
});

describe('juesuan schema', () => {
  it('prints the JSON Schema of a record', async () => {
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(Object.keys(schema.properties)).toEqual(['schemaVersion', 'source', 'document', 'outline', 'facts', 'summary', 'tables', 'indicators', 'projects', 'flags']);
    expect(schema.properties.facts.items.properties.yuan.type).toBe('integer');
  });
});

describe('library API', () => {
  it('extracts a record from a buffer', async () => {
    const rec = await extract(await readFile(sample('石门县教育局2022年度单位决算.txt')));
    expect(rec.document.unit).toBe('石门县教育局');
    expect(rec.source.path).toBe('<buffer>');
  });

  it('throws a JuesuanError with a code for a bad input', async () => {
    await expect(extract(new Uint8Array())).rejects.toMatchObject({ code: 'EMPTY_FILE', message: 'the file is empty' });
  });
});
