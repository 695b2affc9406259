// The Parquet writer streams row groups to disk (a batch of any size never sits in memory): many row
// groups, and none at all, read back in DuckDB with their types and nulls.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { ParquetFileWriter, type ParquetColumn } from '../src/write/parquet.js';
import { tmp } from './batch-fixtures.js';

const COLUMNS: ParquetColumn[] = [
  { name: 'path', type: 'STRING', required: true },
  { name: 'yuan', type: 'INT64' },
  { name: 'row', type: 'INT32' },
  { name: 'value', type: 'DOUBLE' },
  { name: 'name', type: 'STRING' },
];

describe('ParquetFileWriter', () => {
  it('writes 120,000 rows added a record at a time as several row groups', async () => {
    const dir = await tmp();
    const file = join(dir, 'cells.parquet');
    const w = await ParquetFileWriter.open(file, COLUMNS);
    for (let doc = 0; doc < 400; doc++) {
      const rows = Array.from({ length: 300 }, (_, i) => [`doc${doc}.pdf`, i % 7 === 0 ? null : 9_007_199_254_740_000 + i, i, i % 5 === 0 ? undefined : i / 100, i % 3 === 0 ? '' : `科目${i}`]);
      await w.add(rows);
    }
    // Nothing under the real name until commit.
    expect((await readdir(dir)).filter((n) => n === 'cells.parquet')).toEqual([]);
    await w.commit();
    expect(await readdir(dir)).toEqual(['cells.parquet']);
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const q = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();
    expect(await q(`SELECT count(*) AS n, count(yuan) AS yuan, max(yuan) AS top, count(value) AS v, count(*) FILTER (name = '') AS blank FROM '${file}'`)).toEqual([
      { n: 120000n, yuan: 102800n, top: 9_007_199_254_740_299n, v: 96000n, blank: 40000n },
    ]);
    const groups = await q(`SELECT count(DISTINCT row_group_id) AS g FROM parquet_metadata('${file}')`);
    expect(groups[0]!.g).toBe(3n);
    expect(await q(`SELECT path, yuan, "row", value, name FROM '${file}' WHERE path = 'doc399.pdf' AND "row" IN (1, 7) ORDER BY "row"`)).toEqual([
      { path: 'doc399.pdf', yuan: 9_007_199_254_740_001n, row: 1, value: 0.01, name: '科目1' },
      { path: 'doc399.pdf', yuan: null, row: 7, value: 0.07, name: '科目7' },
    ]);
  });

  it('writes a file with no rows that still has its columns', async () => {
    const file = join(await tmp(), 'empty.parquet');
    const w = await ParquetFileWriter.open(file, COLUMNS);
    await w.commit();
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = (await db.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`)).getRowObjectsJS();
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['path', 'VARCHAR'],
      ['yuan', 'BIGINT'],
      ['row', 'INTEGER'],
      ['value', 'DOUBLE'],
      ['name', 'VARCHAR'],
    ]);
    expect((await db.runAndReadAll(`SELECT count(*) AS n FROM '${file}'`)).getRowObjectsJS()).toEqual([{ n: 0n }]);
  });
});
