// Memory in pages (issue 15): a document's record is never one string nor one message. The worker writes
// it a piece at a time (JSON.stringify's exact text, in pieces of a fact or a flag), its reply to the main
// thread carries counts only; the main thread writes documents.jsonl, the CSVs and report.html a piece at
// a time, and the report's sections go through a temporary file, not memory.
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import processInWorker from '../src/batch/worker.js';
import { extract } from '../src/index.js';
import { jsonChunks } from '../src/write/json-chunks.js';
import { renderReport, type ReportDoc } from '../src/write/report-html.js';
import { runBatch } from '../src/batch/index.js';
import { finishOutput } from '../src/batch/finish.js';
import { readRows } from '../src/batch/rows.js';
import { readManifest, recordFile, rowsDir } from '../src/batch/state.js';
import type { DocumentRecord } from '../src/schema.js';
import { tmp, writeReports } from './batch-fixtures.js';
import { SEED_TXT } from './paths.js';

describe('JSON in pieces', () => {
  const values: unknown[] = [
    {},
    [],
    { a: [], b: {}, c: [[], {}], d: 'x\ny"\\\u2028中文', e: null, f: undefined, g: () => 1, h: -0, i: 1e21, j: [undefined, () => 1, 2.5] },
    [{ x: { y: [1, { z: [] }] } }, [[[]]], 'top'],
    JSON.parse('{"__proto__": {"a": 1}, "2": "int key", "b": [true, false]}'),
    { date: new Date(0), nested: { date: new Date(1), list: [new Date(2)] } },
    'just a string',
    42,
    null,
  ];
  it('is byte for byte JSON.stringify, compact and indented', () => {
    for (const v of values) {
      expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v));
      expect([...jsonChunks(v, '  ')].join('')).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('gives a record as many small pieces, not one text', async () => {
    const record = await extract(SEED_TXT, { ocr: 'off' });
    const pieces = [...jsonChunks(record, '  ')];
    const whole = JSON.stringify(record, null, 2);
    expect(pieces.join('')).toBe(whole);
    expect([...jsonChunks(record)].join('')).toBe(JSON.stringify(record));
    // At least a piece per fact and per flag; the largest is one element (an outline node, a table).
    expect(pieces.length).toBeGreaterThan(record.facts.length + record.flags.length);
    const largest = Math.max(...pieces.map((p) => p.length));
    const elements = [...record.outline, ...record.tables, ...record.facts, ...record.flags].map((x) => JSON.stringify(x, null, 2).length);
    expect(largest).toBeLessThanOrEqual(Math.max(...elements) * 1.2);
    expect(largest).toBeLessThan(whole.length / 10);
  });
});

describe('the worker', () => {
  it('writes the record and its evidence itself and replies with counts only', async () => {
    const out = await tmp();
    await mkdir(join(out, '.juesuan', 'evidence'), { recursive: true });
    await mkdir(join(out, '.juesuan', 'rows'), { recursive: true });
    const reply = await processInWorker({ path: SEED_TXT, ocr: 'off', ocrEngine: 'paddle', timeoutMs: 60_000, out, name: 'seed' });
    const record = await extract(SEED_TXT, { ocr: 'off' });
    expect(reply).toEqual({
      ok: true,
      sha256: record.source.sha256,
      pages: record.source.pages,
      facts: record.facts.length,
      flags: record.flags.length,
      flagErrors: record.flags.filter((f) => f.severity === 'error').length,
    });
    expect(await readFile(join(out, 'seed.json'), 'utf8')).toBe(JSON.stringify(record, null, 2) + '\n');
    const evidence = JSON.parse(await readFile(join(out, '.juesuan', 'evidence', 'seed.json'), 'utf8')) as { marks: unknown[] };
    expect(evidence.marks.length).toBe(record.flags.length);
    // Its share of the batch files, made from the record file as written.
    expect((await readdir(join(out, '.juesuan', 'rows'))).sort()).toEqual(['seed.json', 'seed.rows']);
    expect((await readRows(out, 'seed', join(out, 'seed.json')))?.report.flags).toEqual(record.flags);
    // Nothing but the two files (written under temporary names, renamed into place).
    expect((await readdir(out)).sort()).toEqual(['.juesuan', 'seed.json']);
  });

  it('says a record it could not write is OUTPUT_WRITE, with the file system error code', async () => {
    const out = join(await tmp(), 'no-such-folder');
    const reply = await processInWorker({ path: SEED_TXT, ocr: 'off', ocrEngine: 'paddle', timeoutMs: 60_000, out, name: 'seed' });
    expect(reply).toMatchObject({ ok: false, code: 'OUTPUT_WRITE', errno: 'ENOENT' });
  });
});

describe('report.html of a batch', () => {
  it('is what renderReport makes of the records and their evidence, though written a section at a time', async () => {
    const dir = await tmp();
    const out = await tmp();
    const inputs = await writeReports(dir, 3);
    const result = await runBatch([...inputs, SEED_TXT, join(dir, 'missing.txt')], { out, concurrency: 2, ocr: 'off', keepRecords: true });
    expect(result.recorded).toBe(4);
    // The report's document numbers follow the run's order (input paths sorted), which depends on where
    // the seed sits relative to the temporary folder: take it from the run's manifest.
    const run = JSON.parse(await readFile(join(out, '.juesuan', 'run.json'), 'utf8')) as { documents: { name?: string }[] };
    const names = run.documents.flatMap((d) => (d.name ? [d.name] : []));
    expect([...names].sort()).toEqual(['000_37d039dcb8ad6afc', 'report-000', 'report-001', 'report-002']);
    const docs: ReportDoc[] = [];
    for (const name of names) {
      const r = JSON.parse(await readFile(join(out, `${name}.json`), 'utf8')) as DocumentRecord;
      const ev = JSON.parse(await readFile(join(out, '.juesuan', 'evidence', `${name}.json`), 'utf8')) as { marks: ReportDoc['marks'] };
      docs.push({ path: r.source.path, document: r.document, flags: r.flags, summary: r.summary, record: `${name}.json`, marks: ev.marks });
    }
    expect(docs.some((d) => d.flags.length)).toBe(true);
    expect(await readFile(join(out, 'report.html'), 'utf8')).toBe(renderReport(docs, result.errors));
    // The sections' temporary file is gone.
    expect((await readdir(out)).filter((f) => f.includes('juesuan-tmp'))).toEqual([]);
  });
});

describe("a record's share of the batch files (the worker's rows)", () => {
  const FILES = ['documents.jsonl', 'facts.csv', 'dataset.csv', 'flags.csv', 'table_cells.csv', 'errors.jsonl', 'documents.parquet', 'facts.parquet', 'table_cells.parquet', 'flags.parquet', 'report.html'];

  it('gives the batch files byte for byte as the records do, and only while its record is the one it was made from', async () => {
    const dir = await tmp();
    const out = await tmp();
    const inputs = await writeReports(dir, 3);
    await runBatch([...inputs, SEED_TXT, join(dir, 'missing.txt')], { out, concurrency: 2, ocr: 'off' });
    const names = (await readManifest(out))!.documents.flatMap((d) => (d.name ? [d.name] : []));
    expect(names.length).toBe(4);
    // Every record has a share that is still its own: the end of the run parsed none.
    for (const n of names) expect(await readRows(out, n, recordFile(out, n))).not.toBeNull();
    const read = () => Promise.all(FILES.map((f) => readFile(join(out, f), 'utf8')));
    const fromShares = await read();
    expect(fromShares[0]!.split('\n').filter(Boolean).length).toBe(4);

    // A share made by another pipeline (version, columns, metric kinds) is not used.
    const headFile = join(rowsDir(out), `${names[1]}.json`);
    const head = await readFile(headFile, 'utf8');
    await writeFile(headFile, head.replace(/"fingerprint":"[0-9a-f]+"/, '"fingerprint":"other"'));
    expect(await readRows(out, names[1]!, recordFile(out, names[1]!))).toBeNull();
    await writeFile(headFile, head);
    expect(await readRows(out, names[1]!, recordFile(out, names[1]!))).not.toBeNull();

    // The same folder finished from the records themselves.
    const saved = join(await tmp(), 'rows');
    await cp(rowsDir(out), saved, { recursive: true });
    await rm(rowsDir(out), { recursive: true });
    await mkdir(rowsDir(out));
    await finishOutput(out, (await readManifest(out))!);
    expect(await read()).toEqual(fromShares);

    // A record changed since its share was made is read itself.
    await rm(rowsDir(out), { recursive: true });
    await cp(saved, rowsDir(out), { recursive: true });
    const first = recordFile(out, names[0]!);
    const record = JSON.parse(await readFile(first, 'utf8')) as DocumentRecord;
    expect(record.document.title).toBeTruthy();
    await writeFile(first, JSON.stringify({ ...record, document: { ...record.document, title: '改过的标题' } }, null, 2) + '\n');
    expect(await readRows(out, names[0]!, first)).toBeNull();
    await finishOutput(out, (await readManifest(out))!);
    const docs = (await readFile(join(out, 'documents.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as DocumentRecord);
    expect(docs.map((d) => d.document.title)).toEqual([
      '改过的标题',
      ...fromShares[0]!.split('\n').filter(Boolean).slice(1).map((l) => (JSON.parse(l) as DocumentRecord).document.title),
    ]);
    expect(await readFile(join(out, 'dataset.csv'), 'utf8')).toContain('改过的标题');
  });
});
