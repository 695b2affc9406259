// Memory in pages (issue 15): a document's record is never one string nor one message. The worker writes
// it a piece at a time (JSON.stringify's exact text, in pieces of a fact or a flag), its reply to the main
// thread carries counts only; the main thread writes documents.jsonl, the CSVs and report.html a piece at
// a time, and the report's sections go through a temporary file, not memory.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import processInWorker from '../src/batch/worker.js';
import { extract } from '../src/index.js';
import { jsonChunks } from '../src/write/json-chunks.js';
import { renderReport, type ReportDoc } from '../src/write/report-html.js';
import { runBatch } from '../src/batch/index.js';
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
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(out, '.juesuan', 'evidence'), { recursive: true });
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
