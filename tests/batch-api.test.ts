// runBatch from the library (this test imports src/; the workers run the dist/ build), and the batch files
// written a record at a time, byte for byte as they would be written whole.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type DocumentOutcome, type DocumentRecord } from '../src/index.js';
import { datasetCsv, factsCsv, flagsCsv, writeBatchFiles } from '../src/write/batch-files.js';
import { sample } from './paths.js';
import { recordNames, runCli, tmp, writeReports } from './batch-fixtures.js';

describe('runBatch', () => {
  it('processes documents in worker threads and returns the records in input order', async () => {
    const out = await tmp();
    const inputs = [sample('青山街道办事处2024年度部门决算.txt'), sample('石门县教育局2022年度单位决算.txt'), '/nonexistent/x.txt'];
    const seen: DocumentOutcome[] = [];
    const res = await runBatch(inputs, { out, concurrency: 2, keepRecords: true, onResult: (o) => seen.push(o) });
    expect(res.records.map((r) => r.document.unit)).toEqual(['石门县教育局', '青山街道办事处']);
    expect(res).toMatchObject({ processed: 2, skipped: 0, failed: 1, recorded: 2, otherShards: 0, interrupted: false });
    expect(res.errors).toEqual([{ path: '/nonexistent/x.txt', code: 'NOT_FOUND', message: 'no such file or directory' }]);
    expect(seen.map((o) => o.status).sort()).toEqual(['done', 'done', 'failed']);

    const again = await runBatch(inputs, { out, keepRecords: true });
    expect(again).toMatchObject({ processed: 0, skipped: 2, recorded: 2 });
    expect(again.records).toEqual(res.records);
    const forced = await runBatch(inputs, { out, force: true });
    expect(forced).toMatchObject({ processed: 2, skipped: 0 });
    // Options that change records make them out of date.
    expect(await runBatch(inputs, { out, ocr: 'off' })).toMatchObject({ processed: 2, skipped: 0 });
    expect(await runBatch(inputs, { out, ocr: 'off' })).toMatchObject({ processed: 0, skipped: 2 });
  });
});

describe('batch files', () => {
  it('are written record by record exactly as whole', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, 3);
    const { records: made } = await runBatch([dir], { out, concurrency: 1, keepRecords: true });
    // One record with a fact and a flag whose text needs CSV quoting (commas, quotes, a line break).
    const fact = { id: 'f1', label: '收入,合计', metric: 'total_income', kind: 'amount', value: 93.93, text: '93.93', unit: '万元', yuan: 939300, year: 2023, role: 'actual', loc: { page: 1, line: 2, start: 0, end: 5 }, excerpt: '收入"合计"\n93.93万元' };
    const flag = { code: 'BLANK_VALUE', severity: 'error', message: 'a, b', loc: { page: 1, line: 3 }, excerpt: '支出决算为    万元', expected: null, found: null };
    const records = [...made.slice(0, 2), { ...made[2]!, facts: [fact], flags: [flag] } as unknown as DocumentRecord];
    const whole = await tmp();
    await writeBatchFiles(whole, records, [{ path: 'x', code: 'NOT_FOUND', message: 'no such file, "quoted"' }]);
    expect(await readFile(join(whole, 'facts.csv'), 'utf8')).toBe(factsCsv(records));
    expect(await readFile(join(whole, 'dataset.csv'), 'utf8')).toBe(datasetCsv(records));
    expect(await readFile(join(whole, 'flags.csv'), 'utf8')).toBe(flagsCsv(records));
    expect(await readFile(join(whole, 'documents.jsonl'), 'utf8')).toBe(records.map((r) => JSON.stringify(r) + '\n').join(''));
    expect(await readFile(join(whole, 'errors.jsonl'), 'utf8')).toBe('{"path":"x","code":"NOT_FOUND","message":"no such file, \\"quoted\\""}\n');
    // header, one line per fact (the quoted line break does not split one), end
    expect(factsCsv(records).split('\r\n').length).toBe(records.reduce((n, r) => n + r.facts.length, 2));
    // And the run itself wrote what the whole-file functions give.
    expect(await readFile(join(out, 'facts.csv'), 'utf8')).toBe(factsCsv(made));
    expect(await readFile(join(out, 'dataset.csv'), 'utf8')).toBe(datasetCsv(made));
    expect(await readFile(join(out, 'flags.csv'), 'utf8')).toBe(flagsCsv(made));
  });
});

describe('an output folder inside the input folder', () => {
  it('is never read back as input', async () => {
    const dir = await tmp();
    await writeReports(dir, 2);
    const first = await runCli(['extract', '.', '--out', 'out', '--concurrency', '1'], {}, dir);
    expect(first.stderr).toContain('juesuan: 2 documents, 2 to process on 1 worker\n');
    const second = await runCli(['extract', '.', '--out', 'out', '--concurrency', '1'], {}, dir);
    expect(second.stderr).toContain('juesuan: 2 documents, 2 up to date (skipped), 0 to process\n');
    expect(await recordNames(join(dir, 'out'))).toEqual(['report-000.json', 'report-001.json']);
  });
});

describe('robustness of a run', () => {
  it('survives a throwing onResult callback', async () => {
    const out = await tmp();
    const res = await runBatch([sample('石门县教育局2022年度单位决算.txt')], {
      out,
      onResult: () => {
        throw new Error('callback bug');
      },
    });
    expect(res).toMatchObject({ processed: 1, failed: 0, recorded: 1 });
  });

  it('turns a record damaged between runs into one error line and still writes the batch files', async () => {
    const out = await tmp();
    const inputs = [sample('石门县教育局2022年度单位决算.txt'), sample('青山街道办事处2024年度部门决算.txt')];
    await runBatch(inputs, { out });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(out, '石门县教育局2022年度单位决算.json'), '{"trunc');
    const again = await runBatch(inputs, { out });
    expect(again).toMatchObject({ processed: 0, skipped: 2 });
    const errors = (await readFile(join(out, 'errors.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(errors).toEqual([
      { path: inputs[0], code: 'INTERNAL', message: 'its record 石门县教育局2022年度单位决算.json is missing or damaged: run again with --force' },
    ]);
    expect((await readFile(join(out, 'documents.jsonl'), 'utf8')).trim().split('\n').length).toBe(1);
  });
});
