// The batch files of an output folder, rebuilt from the document records: documents.jsonl, facts.csv
// (long), dataset.csv (wide, one row per document, amounts in 元), flags.csv, table_cells.csv (one row per
// numeric cell of every standard table), errors.jsonl, and typed Parquet copies of the four tables
// (documents.parquet = dataset.csv, facts, table_cells, flags). docs/dataset.md describes every column.
import { join } from 'node:path';
import { loadPattern } from '../patterns.js';
import { CANONICAL_METRICS, type DocumentRecord } from '../schema.js';
import { unitKey } from '../unit-key.js';
import { openAtomic, type AtomicWriter } from './atomic.js';
import { toCsv, type CsvValue } from './csv.js';
import { writeJson } from './json-chunks.js';
import { ParquetFileWriter, type ParquetColumn, type ParquetType } from './parquet.js';
import { TABLE_CELLS_HEADER, tableCellRows } from './table-cells.js';

export interface ErrorLine {
  path: string;
  code: string;
  message: string;
}

type Loc = DocumentRecord['facts'][number]['loc'];
const locCols = (l: Loc | null): CsvValue[] => [l?.page, l?.paragraph, l?.line, l?.start, l?.end, l?.table, l?.row, l?.col];
const LOC_HEADER = ['page', 'paragraph', 'line', 'start', 'end', 'table', 'row', 'col'];
// A spreadsheet's place (sheet name, A1 cell), appended after every other column so that existing columns keep their positions.
const sheetCols = (l: Loc | null): CsvValue[] => [l?.sheet, l?.cell];
export const SHEET_HEADER = ['sheet', 'cell'];

const FACTS_HEADER = ['path', 'sha256', 'fact_id', 'label', 'metric', 'kind', 'value', 'text', 'unit', 'yuan', 'year', 'role', 'direction', 'from', ...LOC_HEADER, 'excerpt', ...SHEET_HEADER];
const factRows = (r: DocumentRecord): CsvValue[][] =>
  r.facts.map((f) => [r.source.path, r.source.sha256, f.id, f.label, f.metric, f.kind, f.value, f.text, f.unit, f.yuan, f.year, f.role, f.direction, f.from, ...locCols(f.loc), f.excerpt, ...sheetCols(f.loc)]);

let metricKinds: Map<string, string> | null = null;
/** amount | count, per canonical metric (patterns/metrics.yaml). */
const metricKind = (m: string) => (metricKinds ??= new Map(loadPattern<{ metrics: { key: string; kind: string }[] }>('metrics.yaml').metrics.map((d) => [d.key, d.kind]))).get(m) ?? 'amount';

const DATASET_HEADER = ['path', 'sha256', 'format', 'title', 'unit', 'unit_key', 'year', 'kind', ...CANONICAL_METRICS, 'errors', 'warnings'];
const datasetRow = (r: DocumentRecord): CsvValue[] => {
  // Amounts in integer 元 only (a figure whose unit is unknown is no amount in 元); counts as whole numbers.
  const metrics = CANONICAL_METRICS.map((m) => {
    const s = r.summary[m];
    if (s === undefined) return '';
    if (metricKind(m) === 'amount') return s.yuan ?? '';
    return Number.isInteger(s.value) ? s.value : '';
  });
  const count = (sev: string) => r.flags.filter((f) => f.severity === sev).length;
  return [r.source.path, r.source.sha256, r.source.format, r.document.title, r.document.unit, unitKeyOf(r), r.document.year, r.document.kind, ...metrics, count('error'), count('warning')];
};
/** A record written before records carried the unit key gets it here. */
const unitKeyOf = (r: DocumentRecord) => (r.document as { unitKey?: string | null }).unitKey ?? unitKey(r.document.unit);

const FLAGS_HEADER = ['path', 'code', 'severity', 'message', ...LOC_HEADER, 'excerpt', 'expected', 'found', ...SHEET_HEADER];
const flagRows = (r: DocumentRecord): CsvValue[][] => r.flags.map((f) => [r.source.path, f.code, f.severity, f.message, ...locCols(f.loc), f.excerpt, f.expected, f.found, ...sheetCols(f.loc)]);

// ---------------------------------------------------------------- Parquet column types

const LOC_TYPES: ParquetType[] = ['INT32', 'INT32', 'INT32', 'INT32', 'INT32', 'STRING', 'INT32', 'INT32'];
/** Column types by name; a name not listed is an OPTIONAL STRING. `!` marks a column that is never empty
 *  by construction (whatever a damaged record on disk holds): a REQUIRED column in Parquet. */
function columns(header: string[], types: Record<string, string>): ParquetColumn[] {
  const loc = new Map(LOC_HEADER.map((n, i) => [n, LOC_TYPES[i]!]));
  return header.map((name) => {
    const t = types[name] ?? loc.get(name) ?? 'STRING';
    return { name, type: t.replace('!', '') as ParquetType, required: t.endsWith('!') };
  });
}
const DOC_KEYS = { path: 'STRING!', sha256: 'STRING!', year: 'INT32' };
export const PARQUET_COLUMNS = {
  documents: columns(DATASET_HEADER, {
    ...DOC_KEYS,
    ...Object.fromEntries(CANONICAL_METRICS.map((m) => [m, metricKind(m) === 'amount' ? 'INT64' : 'INT32'])),
    errors: 'INT32!',
    warnings: 'INT32!',
  }),
  facts: columns(FACTS_HEADER, { ...DOC_KEYS, value: 'DOUBLE', yuan: 'INT64' }),
  table_cells: columns(TABLE_CELLS_HEADER, {
    ...DOC_KEYS,
    table_kind: 'STRING!',
    body_row: 'INT32!',
    body_col: 'INT32!',
    value_text: 'STRING!',
    value: 'DOUBLE',
    yuan: 'INT64',
  }),
  flags: columns(FLAGS_HEADER, { path: 'STRING!' }),
};

export const factsCsv = (records: DocumentRecord[]) => toCsv(FACTS_HEADER, records.flatMap(factRows));
export const datasetCsv = (records: DocumentRecord[]) => toCsv(DATASET_HEADER, records.map(datasetRow));
export const flagsCsv = (records: DocumentRecord[]) => toCsv(FLAGS_HEADER, records.flatMap(flagRows));
export const tableCellsCsv = (records: DocumentRecord[]) => toCsv(TABLE_CELLS_HEADER, records.flatMap(tableCellRows));

// toCsv(h, [...a, ...b]) is toCsv(h, []) followed by the lines of a, then of b: so a CSV can be written a
// record at a time, byte for byte as toCsv would write it whole.
const csvStart = (header: string[]) => toCsv(header, []);
const csvLines = (header: string[], rows: CsvValue[][]) => (rows.length ? toCsv(header, rows).slice(csvStart(header).length) : '');

/** Rows turned into CSV text at a time. */
const CSV_CHUNK = 2000;

export type CsvName = 'facts' | 'dataset' | 'flags' | 'table_cells';
const CSV: Record<CsvName, { file: string; header: string[]; rows: (r: DocumentRecord) => CsvValue[][] }> = {
  facts: { file: 'facts.csv', header: FACTS_HEADER, rows: factRows },
  dataset: { file: 'dataset.csv', header: DATASET_HEADER, rows: (r) => [datasetRow(r)] },
  flags: { file: 'flags.csv', header: FLAGS_HEADER, rows: flagRows },
  table_cells: { file: 'table_cells.csv', header: TABLE_CELLS_HEADER, rows: tableCellRows },
};
/** The batch files' tables, in the order a record's rows are written. */
export const CSV_NAMES = Object.keys(CSV) as CsvName[];
/** Each Parquet file and the CSV whose rows it holds, typed. */
const PARQUET: Record<keyof typeof PARQUET_COLUMNS, CsvName> = { documents: 'dataset', facts: 'facts', table_cells: 'table_cells', flags: 'flags' };
const PARQUET_OF = Object.fromEntries(Object.entries(PARQUET).map(([p, c]) => [c, p])) as Record<CsvName, keyof typeof PARQUET_COLUMNS>;

/** A record's rows of one of the batch files' tables (the CSV's rows; its Parquet file's, typed). */
export const recordRows = (r: DocumentRecord, name: CsvName): CsvValue[][] => CSV[name].rows(r);

/** A record's share of the batch files, computed from elsewhere than the record (src/batch/rows.ts: the
 *  worker writes it beside the record, so that the main thread need not parse a 1,000-page record): its
 *  documents.jsonl line (JSON.stringify(record) and a line break), in pieces, and its rows of each table, as
 *  recordRows gives them after a JSON round trip (the record's own numbers and strings: what the main
 *  thread would compute from the record it parsed). */
export interface RecordShare {
  documentsLine: AsyncIterable<string>;
  rows: (name: CsvName) => AsyncIterable<CsvValue[]> | Iterable<CsvValue[]>;
}

/**
 * The batch files, written a record at a time so that a batch of any size never sits in memory, and
 * renamed into place together on commit. Records first (in order), then errors.
 */
export class BatchFilesWriter {
  private constructor(
    private readonly documents: AtomicWriter,
    private readonly errors: AtomicWriter,
    private readonly csv: Record<CsvName, AtomicWriter>,
    private readonly parquet: Record<keyof typeof PARQUET_COLUMNS, ParquetFileWriter>,
    private readonly afterTable: () => void,
  ) {}

  /** `afterTable`: called after each record's rows of each table are written (src/batch/gc.ts). */
  static async open(dir: string, afterTable: () => void = () => undefined): Promise<BatchFilesWriter> {
    const opened: { abort(): Promise<unknown> }[] = [];
    try {
      const o = async (name: string) => {
        const w = await openAtomic(join(dir, name));
        opened.push(w);
        return w;
      };
      const documents = await o('documents.jsonl');
      const errors = await o('errors.jsonl');
      const csv = {} as Record<CsvName, AtomicWriter>;
      for (const [name, c] of Object.entries(CSV) as [CsvName, (typeof CSV)[CsvName]][]) {
        csv[name] = await o(c.file);
        await csv[name].write(csvStart(c.header));
      }
      const parquet = {} as Record<keyof typeof PARQUET_COLUMNS, ParquetFileWriter>;
      for (const [name, cols] of Object.entries(PARQUET_COLUMNS) as [keyof typeof PARQUET_COLUMNS, ParquetColumn[]][]) {
        parquet[name] = await ParquetFileWriter.open(join(dir, `${name}.parquet`), cols);
        opened.push(parquet[name]);
      }
      return new BatchFilesWriter(documents, errors, csv, parquet, afterTable);
    } catch (err) {
      await Promise.all(opened.map((w) => w.abort()));
      throw err;
    }
  }

  async addRecord(r: DocumentRecord): Promise<void> {
    // A piece at a time: a 1,000-page record is 10 million characters of JSON and 6 of facts.csv, text
    // that never needs to exist whole (memory in pages, issue 15).
    await writeJson(this.documents, r);
    await this.documents.write('\n');
    for (const name of CSV_NAMES) await this.addRows(name, recordRows(r, name));
  }

  /** A record's share of the batch files without the record: byte for byte what addRecord writes. */
  async addShare(share: RecordShare): Promise<void> {
    for await (const piece of share.documentsLine) await this.documents.write(piece);
    for (const name of CSV_NAMES) await this.addRows(name, share.rows(name));
  }

  /** A record's rows of a table: its CSV's lines, CSV_CHUNK rows at a time, and its Parquet file's rows
   *  (a row group is cut between records only, as it always was). */
  private async addRows(name: CsvName, rows: AsyncIterable<CsvValue[]> | Iterable<CsvValue[]>): Promise<void> {
    const { header } = CSV[name];
    const parquet = this.parquet[PARQUET_OF[name]];
    let chunk: CsvValue[][] = [];
    for await (const row of rows) {
      chunk.push(row);
      parquet.push(row);
      if (chunk.length === CSV_CHUNK) {
        await this.csv[name].write(csvLines(header, chunk));
        chunk = [];
      }
    }
    if (chunk.length) await this.csv[name].write(csvLines(header, chunk));
    await parquet.endRecord();
    this.afterTable();
  }

  async addError(e: ErrorLine): Promise<void> {
    await this.errors.write(JSON.stringify({ path: e.path, code: e.code, message: e.message }) + '\n');
  }

  async commit(): Promise<void> {
    for (const w of [this.documents, ...Object.values(this.csv), this.errors, ...Object.values(this.parquet)]) await w.commit();
  }

  abort(): Promise<unknown[]> {
    return Promise.all([this.documents, this.errors, ...Object.values(this.csv), ...Object.values(this.parquet)].map((w) => w.abort()));
  }
}

export async function writeBatchFiles(dir: string, records: DocumentRecord[], errors: ErrorLine[]): Promise<void> {
  const w = await BatchFilesWriter.open(dir);
  try {
    for (const r of records) await w.addRecord(r);
    for (const e of errors) await w.addError(e);
  } catch (err) {
    await w.abort();
    throw err;
  }
  await w.commit();
}
