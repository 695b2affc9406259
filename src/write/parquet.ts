// Typed columnar copies of the batch files (issue 14): Parquet, written with hyparquet-writer, so that
// duckdb, polars or pandas read them without a schema of their own: integer 元 as INT64, counts and
// years as INT32, every column OPTIONAL (null where the CSV cell is empty) unless it can never be empty.
// Rows are added a record at a time and written in row groups, so a batch of any size never sits in
// memory; the file appears under its name only on commit, like every other output file.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { tempName } from './atomic.js';
import type { CsvValue } from './csv.js';

export type ParquetType = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'BOOLEAN';
export interface ParquetColumn {
  name: string;
  type: ParquetType;
  /** Never null (REQUIRED); default false (OPTIONAL). */
  required?: boolean;
}

type Schema = ConstructorParameters<typeof ParquetWriter>[0]['schema'];
type ColumnData = Parameters<ParquetWriter['write']>[0]['columnData'];

/** Rows are buffered until this many, then written as one row group (the last group may be smaller). */
const ROW_GROUP = 50_000;

const element = (c: ParquetColumn): Schema[number] => {
  const repetition_type = c.required ? ('REQUIRED' as const) : ('OPTIONAL' as const);
  if (c.type === 'STRING') return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type };
  return { name: c.name, type: c.type, repetition_type };
};

/** A CSV cell as the column's type: undefined/null (and '' for non-strings) are null. */
function typed(v: CsvValue, c: ParquetColumn): string | number | bigint | boolean | null {
  if (v === null || v === undefined || (v === '' && c.type !== 'STRING')) return null;
  switch (c.type) {
    case 'STRING':
      return String(v);
    // Not an integer (only a damaged record holds one where an integer belongs): null, never a wrong number.
    case 'INT64':
      return Number.isSafeInteger(v) ? BigInt(v as number) : null;
    case 'INT32':
      return Number.isInteger(v) && Math.abs(v as number) < 2 ** 31 ? (v as number) : null;
    case 'DOUBLE':
      return typeof v === 'number' ? v : null;
    case 'BOOLEAN':
      return Boolean(v);
  }
}

export class ParquetFileWriter {
  private rows: CsvValue[][] = [];
  private constructor(
    private readonly path: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
    private readonly columns: ParquetColumn[],
    private readonly bytes: ByteWriter,
    private readonly pw: ParquetWriter,
  ) {}

  static async open(path: string, columns: ParquetColumn[]): Promise<ParquetFileWriter> {
    const tmp = tempName(path);
    const fh = await open(tmp, 'w');
    const bytes = new ByteWriter();
    // Each row group goes to the file as soon as it is encoded (hyparquet-writer calls flush after each).
    Object.assign(bytes, { flush: () => drain(bytes, fh) });
    const schema: Schema = [{ name: 'root', num_children: columns.length }, ...columns.map(element)];
    const pw = new ParquetWriter({ writer: bytes, schema, createdBy: 'juesuan' });
    return new ParquetFileWriter(path, tmp, fh, columns, bytes, pw);
  }

  /** Rows in the columns' order, as the CSV writer takes them: one record's. */
  async add(rows: CsvValue[][]): Promise<void> {
    for (const r of rows) this.push(r);
    await this.endRecord();
  }

  /** A record's rows one at a time, then endRecord: a row group ends only between records. */
  push(row: CsvValue[]): void {
    this.rows.push(row);
  }

  async endRecord(): Promise<void> {
    if (this.rows.length >= ROW_GROUP) await this.writeGroup();
  }

  private async writeGroup(): Promise<void> {
    if (!this.rows.length) return;
    const rows = this.rows;
    this.rows = [];
    const columnData = this.columns.map((c, k) => ({ name: c.name, data: rows.map((r) => typed(r[k], c)) })) as ColumnData;
    await this.pw.write({ columnData, rowGroupSize: rows.length });
  }

  async commit(): Promise<void> {
    await this.writeGroup();
    this.pw.finish();
    await drain(this.bytes, this.fh);
    await this.fh.close();
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

async function drain(bytes: ByteWriter, fh: FileHandle): Promise<void> {
  if (!bytes.index) return;
  const chunk = new Uint8Array(bytes.buffer, 0, bytes.index).slice();
  bytes.index = 0;
  await fh.write(chunk);
}
