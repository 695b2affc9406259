// A record's share of the batch files, written by the worker beside the record (issue 15, memory in pages):
// the end of a run then streams it into documents.jsonl, the CSVs, the Parquet files and report.html
// instead of parsing the record (a 1,000-page record is 14 MB of JSON, a 34 MB object: the main thread's
// largest cost). Two files in `.juesuan/rows/`:
// - `<name>.rows`: the documents.jsonl line (JSON.stringify(record) and a line break), then each table's
//   rows (src/write/batch-files.ts recordRows) as JSON lines, one row a line;
// - `<name>.json`, written after it: the byte length of each section; the SHA-256 and size of the record
//   file it was made from; what report.html and the checks across documents need of the record (its path,
//   document, summary and flags; the flags the checks across documents gave it; its digest).
// The share is used only while the record file is byte for byte the one it was made from (its SHA-256) and
// the checks across documents leave the record's flags as they are; else the record is parsed as before.
// Rows go through JSON either way (as the record does), so the files are byte-identical.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { CROSS_DOCUMENT_CODES, digest, type Digest } from '../check/cross-document.js';
import type { DocumentRecord } from '../schema.js';
import { openAtomic, writeFileAtomic, type AtomicWriter } from '../write/atomic.js';
import { CSV_NAMES, PARQUET_COLUMNS, recordRows, type CsvName, type RecordShare } from '../write/batch-files.js';
import { loadPattern } from '../patterns.js';
import type { CsvValue } from '../write/csv.js';
import { jsonChunks } from '../write/json-chunks.js';
import { PIPELINE_VERSION, rowsDir } from './state.js';

const FORMAT = 1;
let fingerprint: string | null = null;
/** The pipeline's version, the batch files' columns and the metrics' kinds (which dataset.csv's amounts depend on). */
const rowsFingerprint = () =>
  (fingerprint ??= createHash('sha256')
    .update(JSON.stringify([PIPELINE_VERSION, PARQUET_COLUMNS, loadPattern('metrics.yaml')]))
    .digest('hex'));
export const rowsBodyFile = (out: string, name: string) => join(rowsDir(out), `${name}.rows`);
export const rowsHeadFile = (out: string, name: string) => join(rowsDir(out), `${name}.json`);
const bodyFile = rowsBodyFile;
const headFile = rowsHeadFile;

type Section = 'documents' | CsvName;

export interface RowsHead {
  format: number;
  /** What made the rows (rowsFingerprint): rows of another pipeline version, other columns or other metric
   *  kinds are not used. */
  fingerprint: string;
  /** The record file the share was made from. */
  record: { sha256: string; bytes: number };
  /** Byte length of each section of `<name>.rows`, in file order. */
  sections: [Section, number][];
  /** `<name>.rows` itself. */
  body: { sha256: string; bytes: number };
  /** The record's flags of the checks across documents (CROSS_DOCUMENT_CODES), as the record holds them. */
  cross: DocumentRecord['flags'];
  /** The record's digest for the checks across documents, or null when it could not be made. */
  digest: Digest | null;
  /** What report.html shows of the record. */
  report: Pick<DocumentRecord, 'document' | 'flags' | 'summary'> & { path: string };
}

/** An AtomicWriter that also hashes and counts what goes through it (the record file's SHA-256). */
/** How often a writer's `tick` runs, in bytes written. */
const TICK_BYTES = 1 << 20;

/** `w` with the SHA-256 and size of what goes through it; `tick` runs after every TICK_BYTES written (the
 *  worker collects garbage there: the pieces of a 1,000-page record's JSON live past the young generation,
 *  awaiting their write, and grew the heap by ~25 MB before V8 collected them; issue 15). */
export function hashing(w: AtomicWriter, tick?: () => void): AtomicWriter & { digest(): { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  let next = TICK_BYTES;
  return {
    write(text) {
      hash.update(text, 'utf8');
      bytes += Buffer.byteLength(text, 'utf8');
      if (tick && bytes >= next) {
        next = bytes + TICK_BYTES;
        tick();
      }
      return w.write(text);
    },
    commit: () => w.commit(),
    abort: () => w.abort(),
    digest: () => ({ sha256: hash.digest('hex'), bytes }),
  };
}

const chunks = <T>(xs: T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Write the share of `record`, whose file `<name>.json` has this SHA-256 and size. */
export async function writeRows(out: string, name: string, record: DocumentRecord, recordFile: { sha256: string; bytes: number }, tick?: () => void): Promise<void> {
  const sections: [Section, number][] = [];
  const w = hashing(await openAtomic(bodyFile(out, name)), tick);
  try {
    let size = 0;
    const put = async (text: string) => {
      size += Buffer.byteLength(text, 'utf8');
      await w.write(text);
    };
    for (const piece of jsonChunks(record)) await put(piece);
    await put('\n');
    sections.push(['documents', size]);
    for (const table of CSV_NAMES) {
      size = 0;
      // A fact's or a flag's rows depend on it and the record's source alone: made a thousand at a time.
      const parts: DocumentRecord[] =
        table === 'facts' ? chunks(record.facts, 1000).map((facts) => ({ ...record, facts })) : table === 'flags' ? chunks(record.flags, 1000).map((flags) => ({ ...record, flags })) : [record];
      for (const part of parts) {
        const rows = recordRows(part, table);
        for (let i = 0; i < rows.length; i += 1000) await put(rows.slice(i, i + 1000).map((r) => JSON.stringify(r) + '\n').join(''));
      }
      sections.push([table, size]);
    }
  } catch (err) {
    await w.abort();
    throw err;
  }
  await w.commit();
  let d: Digest | null = null;
  try {
    d = digest(record, name);
  } catch {
    /* as the end of the run would: no part in the checks across documents */
  }
  const head: RowsHead = {
    format: FORMAT,
    fingerprint: rowsFingerprint(),
    record: recordFile,
    sections,
    body: w.digest(),
    cross: record.flags.filter((f) => CROSS_DOCUMENT_CODES.includes(f.code)),
    digest: d,
    report: { path: record.source.path, document: record.document, flags: record.flags, summary: record.summary },
  };
  await writeFileAtomic(headFile(out, name), JSON.stringify(head) + '\n');
}

async function fileDigest(path: string): Promise<{ sha256: string; bytes: number } | null> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
  } catch {
    return null;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** The share of `<name>.json`, if there is one made from the record file as it is now. */
export async function readRows(out: string, name: string, recordPath: string): Promise<RowsHead | null> {
  const head = await readFile(headFile(out, name), 'utf8')
    .then((t) => JSON.parse(t) as RowsHead)
    .catch(() => null);
  if (head?.format !== FORMAT || head.fingerprint !== rowsFingerprint() || !head.record || !head.body || !Array.isArray(head.sections) || !head.report || !Array.isArray(head.cross)) return null;
  if (head.sections.reduce((a, [, n]) => a + n, 0) !== head.body.bytes) return null;
  const same = (a: { sha256: string; bytes: number } | null, b: { sha256: string; bytes: number }) => a !== null && a.sha256 === b.sha256 && a.bytes === b.bytes;
  if (!same(await fileDigest(recordPath), head.record) || !same(await fileDigest(bodyFile(out, name)), head.body)) return null;
  return head;
}

/** The share as the batch files take it, read from `<name>.rows` a piece at a time. */
export function shareOf(out: string, name: string, head: RowsHead): RecordShare {
  const file = bodyFile(out, name);
  const at = new Map<Section, [number, number]>();
  let offset = 0;
  for (const [s, n] of head.sections) {
    at.set(s, [offset, n]);
    offset += n;
  }
  const span = (s: Section) => at.get(s) ?? [offset, 0];
  return {
    documentsLine: textOf(file, ...span('documents')),
    rows: (table) => rowsOf(file, ...span(table)),
  };
}

async function* textOf(file: string, start: number, length: number): AsyncGenerator<string> {
  if (!length) return;
  const fh = await open(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buf = Buffer.alloc(Math.min(length, 1 << 20));
    for (let done = 0; done < length; ) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, length - done), start + done);
      if (!bytesRead) throw new Error(`${file} is shorter than its sections say`);
      done += bytesRead;
      yield decoder.write(buf.subarray(0, bytesRead));
    }
    const rest = decoder.end();
    if (rest) yield rest;
  } finally {
    await fh.close();
  }
}

async function* rowsOf(file: string, start: number, length: number): AsyncGenerator<CsvValue[]> {
  let carry = '';
  for await (const text of textOf(file, start, length)) {
    const lines = (carry + text).split('\n');
    carry = lines.pop()!;
    for (const line of lines) yield JSON.parse(line) as CsvValue[];
  }
  if (carry) throw new Error(`${file}: a row section does not end with a line break`);
}

/** Remove a record's share (its record was rewritten, or is about to be). */
export const removeRows = (out: string, name: string) => Promise.all([rm(headFile(out, name), { force: true }), rm(bodyFile(out, name), { force: true })]);
