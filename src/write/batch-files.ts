// The batch files of an output folder, rebuilt from the document records: documents.jsonl, facts.csv
// (long), dataset.csv (wide, one row per document, amounts in 元), flags.csv, errors.jsonl.
import { join } from 'node:path';
import { CANONICAL_METRICS, type DocumentRecord } from '../schema.js';
import { writeFileAtomic } from './atomic.js';
import { toCsv, type CsvValue } from './csv.js';

export interface ErrorLine {
  path: string;
  code: string;
  message: string;
}

type Loc = DocumentRecord['facts'][number]['loc'];
const locCols = (l: Loc | null): CsvValue[] => [l?.page, l?.paragraph, l?.line, l?.start, l?.end, l?.table, l?.row, l?.col];
const LOC_HEADER = ['page', 'paragraph', 'line', 'start', 'end', 'table', 'row', 'col'];

export function factsCsv(records: DocumentRecord[]): string {
  const header = ['path', 'sha256', 'fact_id', 'label', 'metric', 'kind', 'value', 'text', 'unit', 'yuan', 'year', 'role', 'direction', 'from', ...LOC_HEADER, 'excerpt'];
  const rows = records.flatMap((r) =>
    r.facts.map((f) => [r.source.path, r.source.sha256, f.id, f.label, f.metric, f.kind, f.value, f.text, f.unit, f.yuan, f.year, f.role, f.direction, f.from, ...locCols(f.loc), f.excerpt]),
  );
  return toCsv(header, rows);
}

export function datasetCsv(records: DocumentRecord[]): string {
  const header = ['path', 'sha256', 'format', 'title', 'unit', 'year', 'kind', ...CANONICAL_METRICS, 'errors', 'warnings'];
  const rows = records.map((r) => {
    const metrics = CANONICAL_METRICS.map((m) => {
      const s = r.summary[m];
      return s === undefined ? '' : (s.yuan ?? s.value);
    });
    const count = (sev: string) => r.flags.filter((f) => f.severity === sev).length;
    return [r.source.path, r.source.sha256, r.source.format, r.document.title, r.document.unit, r.document.year, r.document.kind, ...metrics, count('error'), count('warning')];
  });
  return toCsv(header, rows);
}

export function flagsCsv(records: DocumentRecord[]): string {
  const header = ['path', 'code', 'severity', 'message', ...LOC_HEADER, 'excerpt', 'expected', 'found'];
  const rows = records.flatMap((r) => r.flags.map((f) => [r.source.path, f.code, f.severity, f.message, ...locCols(f.loc), f.excerpt, f.expected, f.found]));
  return toCsv(header, rows);
}

const jsonl = (items: unknown[]) => items.map((i) => JSON.stringify(i) + '\n').join('');

export async function writeBatchFiles(dir: string, records: DocumentRecord[], errors: ErrorLine[]): Promise<void> {
  await writeFileAtomic(join(dir, 'documents.jsonl'), jsonl(records));
  await writeFileAtomic(join(dir, 'facts.csv'), factsCsv(records));
  await writeFileAtomic(join(dir, 'dataset.csv'), datasetCsv(records));
  await writeFileAtomic(join(dir, 'flags.csv'), flagsCsv(records));
  await writeFileAtomic(join(dir, 'errors.jsonl'), jsonl(errors));
}
