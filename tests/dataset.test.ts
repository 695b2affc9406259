// The dataset of issue 14 over the real corpus and the seed renditions: table_cells.csv holds one row per
// non-empty numeric cell of every standard table the records hold (counted here from the records, with
// this test's own reading of a table), and the Parquet files read back in an independent reader (DuckDB)
// equal the CSVs cell for cell, with integer 元 as BIGINT and the right nullability.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBatch, type DocumentRecord } from '../src/index.js';
import { parseCsv, tmp } from './batch-fixtures.js';
import { repo, seed, shared } from './paths.js';


let out: string;
let records: DocumentRecord[];
let db: DuckDBConnection;
const csv = async (name: string) => parseCsv(await readFile(join(out, name), 'utf8'));
const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  out = await tmp();
  const inputs = [join(shared, 'corpus', 'real'), seed('000_37d039dcb8ad6afc.txt'), seed('000_37d039dcb8ad6afc.docx'), seed('000_37d039dcb8ad6afc.pdf')];
  const res = await runBatch(inputs, { out, ocr: 'off', concurrency: 2, keepRecords: true });
  records = res.records;
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 300_000);

describe('table_cells.csv', () => {
  it('has one row per non-empty numeric cell of every standard table', async () => {
    expect(records.length).toBeGreaterThanOrEqual(18);
    // This test's own reading: a standard table's body cell whose column header does not name the row
    // (code, name, 项目) and whose text is a number.
    const standard = /^(?:公开\d\d表|预算\d\d)/;
    const rowHeader = /编码|代码|名称|^项目$|^类$|^款$|^项$|^科目$|栏次|行次|^序号$/;
    const number = /^(?:-?\d{1,3}(?:,\d{3})+|-?\d+)(?:\.\d+)?$|^\((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\)$/;
    const expected = new Map<string, number>();
    for (const r of records)
      for (const t of r.tables) {
        if (!standard.test(t.kind)) continue;
        const valueCol = (c: number) => {
          const h = t.header[c] ?? '';
          if (h.split('/').some((p) => rowHeader.test(p.replace(/\s/g, '')))) return false;
          return h !== '' || !t.rows.some((row) => /[\u4e00-\u9fff]/.test(row[c] ?? ''));
        };
        const n = t.rows.reduce((k, row) => k + row.filter((x, c) => valueCol(c) && number.test(x.replace(/\s/g, ''))).length, 0);
        if (n) expected.set(`${r.source.path}|${t.id}`, n);
      }
    const [header, ...rows] = await csv('table_cells.csv');
    const col = (name: string) => header!.indexOf(name);
    const found = new Map<string, number>();
    for (const row of rows) found.set(`${row[col('path')]}|${row[col('table_id')]}`, (found.get(`${row[col('path')]}|${row[col('table_id')]}`) ?? 0) + 1);
    expect(found).toEqual(expected);
    expect(rows.length).toBeGreaterThan(3000);
  });

  it('carries each table fact’s figure, yuan and place, and splits the 科目 code into 类/款/项', async () => {
    const [header, ...rows] = await csv('table_cells.csv');
    const at = (row: string[], name: string) => row[header!.indexOf(name)]!;
    const byFact = new Map(rows.filter((r) => at(r, 'fact_id')).map((r) => [`${at(r, 'path')}|${at(r, 'fact_id')}`, r]));
    let checked = 0;
    for (const r of records)
      for (const f of r.facts) {
        const row = byFact.get(`${r.source.path}|${f.id}`);
        if (!row) continue;
        expect([at(row, 'value_text'), at(row, 'yuan'), at(row, 'page'), at(row, 'line'), at(row, 'row'), at(row, 'col')]).toEqual([
          f.text,
          String(f.yuan ?? ''),
          String(f.loc.page ?? ''),
          String(f.loc.line),
          String(f.loc.row ?? ''),
          String(f.loc.col ?? ''),
        ]);
        checked++;
      }
    expect(checked).toBe(byFact.size);
    // The real 2024 决算 of 上海市普陀区财政局, 公开05表 p.15: 2010601 行政运行, 基本支出 1,503.52 万元.
    const cell = rows.find((r) => at(r, 'path').endsWith('czj_2024_dept_juesuan_good.pdf') && at(r, 'table_kind') === '公开05表' && at(r, 'code') === '2010601' && at(r, 'column_key') === 'basic');
    const keys = ['lei', 'kuan', 'xiang', 'name', 'code_kind', 'fund', 'role', 'unit_key', 'value_text', 'yuan', 'amount_unit', 'page'];
    expect(cell && keys.map((k) => at(cell, k))).toEqual(['201', '20106', '2010601', '行政运行', 'function', 'general_budget', 'actual', '普陀区财政局', '1,503.52', '15035200', '万元', '15']);
  });
});

describe('Parquet files', () => {
  it.each([
    ['documents.parquet', 'dataset.csv'],
    ['facts.parquet', 'facts.csv'],
    ['table_cells.parquet', 'table_cells.csv'],
    ['flags.parquet', 'flags.csv'],
  ])('%s reads back in DuckDB equal to %s', async (pq, name) => {
    const [header, ...rows] = await csv(name);
    const got = await query(`SELECT * FROM read_parquet('${join(out, pq)}')`);
    expect(Object.keys(got[0]!)).toEqual(header);
    const asCsv = (v: unknown) => (v === null ? '' : String(v));
    expect(got.map((o) => Object.values(o).map(asCsv))).toEqual(rows);
  });

  it('types integer yuan as BIGINT, years and places as INTEGER, and says which columns are never null', async () => {
    const types = async (pq: string) => Object.fromEntries((await query(`DESCRIBE SELECT * FROM read_parquet('${join(out, pq)}')`)).map((c) => [c.column_name, c.column_type]));
    const cells = await types('table_cells.parquet');
    expect([cells.yuan, cells.value, cells.year, cells.body_row, cells.page, cells.code]).toEqual(['BIGINT', 'DOUBLE', 'INTEGER', 'INTEGER', 'INTEGER', 'VARCHAR']);
    const docs = await types('documents.parquet');
    expect([docs.total_income, docs.staff_active, docs.errors]).toEqual(['BIGINT', 'INTEGER', 'INTEGER']);
    const required = async (pq: string) =>
      (await query(`SELECT name FROM parquet_schema('${join(out, pq)}') WHERE repetition_type = 'REQUIRED' ORDER BY name`)).map((c) => c.name);
    expect(await required('table_cells.parquet')).toEqual(['body_col', 'body_row', 'path', 'sha256', 'table_kind', 'value_text']);
    expect(await required('flags.parquet')).toEqual(['path']);
    // A blank is null, never 0: a metric the document does not state.
    const blanks = await query(`SELECT count(*) AS n FROM read_parquet('${join(out, 'documents.parquet')}') WHERE total_income IS NULL`);
    expect(Number(blanks[0]!.n)).toBeGreaterThan(0);
  });
});

describe('docs/dataset.md', () => {
  it('its three-line DuckDB example runs and gives the 类 totals of the real 决算', async () => {
    const doc = await readFile(join(repo, 'docs', 'dataset.md'), 'utf8');
    const sql = /<!-- duckdb-example[^>]*-->\n```sql\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(sql.trim().split('\n').length).toBe(3);
    const rows = await query(sql.replaceAll("'output/", `'${out}/`));
    expect(rows.filter((r) => r.unit_key === '普陀区财政局')).toEqual([
      { unit_key: '普陀区财政局', year: 2024, lei: '201', yuan: 21066600n },
      { unit_key: '普陀区财政局', year: 2024, lei: '208', yuan: 3267200n },
      { unit_key: '普陀区财政局', year: 2024, lei: '210', yuan: 609900n },
      { unit_key: '普陀区财政局', year: 2024, lei: '221', yuan: 4456900n },
    ]);
  });
});
