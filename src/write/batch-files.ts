// The batch files of an output folder, rebuilt from the document records: documents.jsonl, facts.csv
// (long), dataset.csv (wide, one row per document, amounts in 元), flags.csv, errors.jsonl.
import { join } from 'node:path';
import { CANONICAL_METRICS, type DocumentRecord } from '../schema.js';
import { openAtomic, type AtomicWriter } from './atomic.js';
import { toCsv, type CsvValue } from './csv.js';

export interface ErrorLine {
  path: string;
  code: string;
  message: string;
}

type Loc = DocumentRecord['facts'][number]['loc'];
const locCols = (l: Loc | null): CsvValue[] => [l?.page, l?.paragraph, l?.line, l?.start, l?.end, l?.table, l?.row, l?.col];
const LOC_HEADER = ['page', 'paragraph', 'line', 'start', 'end', 'table', 'row', 'col'];

const FACTS_HEADER = ['path', 'sha256', 'fact_id', 'label', 'metric', 'kind', 'value', 'text', 'unit', 'yuan', 'year', 'role', 'direction', 'from', ...LOC_HEADER, 'excerpt'];
const factRows = (r: DocumentRecord): CsvValue[][] =>
  r.facts.map((f) => [r.source.path, r.source.sha256, f.id, f.label, f.metric, f.kind, f.value, f.text, f.unit, f.yuan, f.year, f.role, f.direction, f.from, ...locCols(f.loc), f.excerpt]);

const DATASET_HEADER = ['path', 'sha256', 'format', 'title', 'unit', 'year', 'kind', ...CANONICAL_METRICS, 'errors', 'warnings'];
const datasetRow = (r: DocumentRecord): CsvValue[] => {
  const metrics = CANONICAL_METRICS.map((m) => {
    const s = r.summary[m];
    return s === undefined ? '' : (s.yuan ?? s.value);
  });
  const count = (sev: string) => r.flags.filter((f) => f.severity === sev).length;
  return [r.source.path, r.source.sha256, r.source.format, r.document.title, r.document.unit, r.document.year, r.document.kind, ...metrics, count('error'), count('warning')];
};

const FLAGS_HEADER = ['path', 'code', 'severity', 'message', ...LOC_HEADER, 'excerpt', 'expected', 'found'];
const flagRows = (r: DocumentRecord): CsvValue[][] => r.flags.map((f) => [r.source.path, f.code, f.severity, f.message, ...locCols(f.loc), f.excerpt, f.expected, f.found]);

export const factsCsv = (records: DocumentRecord[]) => toCsv(FACTS_HEADER, records.flatMap(factRows));
export const datasetCsv = (records: DocumentRecord[]) => toCsv(DATASET_HEADER, records.map(datasetRow));
export const flagsCsv = (records: DocumentRecord[]) => toCsv(FLAGS_HEADER, records.flatMap(flagRows));

// toCsv(h, [...a, ...b]) is toCsv(h, []) followed by the lines of a, then of b: so a CSV can be written a
// record at a time, byte for byte as toCsv would write it whole.
const csvStart = (header: string[]) => toCsv(header, []);
const csvLines = (header: string[], rows: CsvValue[][]) => (rows.length ? toCsv(header, rows).slice(csvStart(header).length) : '');

/**
 * The five batch files, written a record at a time so that a batch of any size never sits in memory, and
 * renamed into place together on commit. Records first (in order), then errors.
 */
export class BatchFilesWriter {
  private constructor(private readonly files: { documents: AtomicWriter; facts: AtomicWriter; dataset: AtomicWriter; flags: AtomicWriter; errors: AtomicWriter }) {}

  static async open(dir: string): Promise<BatchFilesWriter> {
    const opened: AtomicWriter[] = [];
    try {
      const o = async (name: string) => {
        const w = await openAtomic(join(dir, name));
        opened.push(w);
        return w;
      };
      const files = { documents: await o('documents.jsonl'), facts: await o('facts.csv'), dataset: await o('dataset.csv'), flags: await o('flags.csv'), errors: await o('errors.jsonl') };
      await files.facts.write(csvStart(FACTS_HEADER));
      await files.dataset.write(csvStart(DATASET_HEADER));
      await files.flags.write(csvStart(FLAGS_HEADER));
      return new BatchFilesWriter(files);
    } catch (err) {
      await Promise.all(opened.map((w) => w.abort()));
      throw err;
    }
  }

  async addRecord(r: DocumentRecord): Promise<void> {
    await this.files.documents.write(JSON.stringify(r) + '\n');
    await this.files.facts.write(csvLines(FACTS_HEADER, factRows(r)));
    await this.files.dataset.write(csvLines(DATASET_HEADER, [datasetRow(r)]));
    await this.files.flags.write(csvLines(FLAGS_HEADER, flagRows(r)));
  }

  async addError(e: ErrorLine): Promise<void> {
    await this.files.errors.write(JSON.stringify({ path: e.path, code: e.code, message: e.message }) + '\n');
  }

  async commit(): Promise<void> {
    const { documents, facts, dataset, flags, errors } = this.files;
    for (const w of [documents, facts, dataset, flags, errors]) await w.commit();
  }

  abort(): Promise<void[]> {
    return Promise.all(Object.values(this.files).map((w) => w.abort()));
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
