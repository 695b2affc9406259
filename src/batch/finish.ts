// The end of a run (and of a merge): the batch files rebuilt from the records on disk, so that a rerun or a
// merge never duplicates a line; then run.json, the commit marker. The batch files are the dataset: they
// hold every record in the folder, the run's inputs first (in input order), then the records earlier runs
// left there (a scraper that runs daily into one folder keeps every day's rows), one per document: an
// earlier record of content the run also has (the same file, moved or renamed) is left out.
import { open, readdir, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentRecord } from '../schema.js';
import { openAtomic, tempName } from '../write/atomic.js';
import { reportEntry, reportHead, reportOrder, reportSection, reportTail, type ReportEntry, type ReportError } from '../write/report-html.js';
import { BatchFilesWriter } from '../write/batch-files.js';
import { CrossDocuments } from './cross-documents.js';
import { collectGarbage } from './gc.js';
import { readRows, shareOf, type RowsHead } from './rows.js';
import type { Evidence } from '../write/evidence.js';
import { doneFile, evidenceFile, manifestErrors, PIPELINE_VERSION, recordFile, STATE_DIR, sweepOutput, writeManifest, type DoneEntry, type RunManifest } from './state.js';

export { manifestErrors };

/** Write the batch files and run.json of `out`; returns the records when `keep` (the check command). */
export async function finishOutput(out: string, manifest: RunManifest, keep = false): Promise<DocumentRecord[]> {
  const kept: DocumentRecord[] = [];
  // Checks across documents (issue 14) need every record first: they hand each record its flags below.
  const cross = await CrossDocuments.load(out, manifest);
  const earlier = await earlierRecords(out, manifest);
  // A 1,000-page record's rows go through the heap: what they leave is collected between tables (gc.ts).
  const w = await BatchFilesWriter.open(out, collectGarbage);
  const report = await ReportWriter.open(out);
  try {
    const add = async (name: string, record: DocumentRecord | { head: RowsHead }) => {
      if ('head' in record) await w.addShare(shareOf(out, name, record.head));
      else await w.addRecord(record);
      const { path, document, flags, summary } = 'head' in record ? record.head.report : { ...record, path: record.source.path };
      const evidence = await readFile(evidenceFile(out, name), 'utf8')
        .then((t) => JSON.parse(t) as Evidence)
        .catch(() => null);
      await report.add({ path, document, flags, summary, record: `${name}.json`, marks: evidence?.marks, crops: evidence?.crops });
    };
    /** The record's share of the batch files the worker wrote beside it (src/batch/rows.ts), when it is
     *  still the record's and this batch's checks across documents leave its flags as they are: the record
     *  itself is not parsed (a 1,000-page record is a 34 MB object; issue 15). */
    const share = async (name: string, own = true) => {
      if (keep) return null;
      const head = await readRows(out, name, recordFile(out, name));
      return head && (!own || cross.keeps(name, head.cross)) ? { head } : null;
    };
    for (const d of manifest.documents) {
      if (d.status !== 'done' || !d.name) continue;
      const made = await share(d.name);
      if (made) {
        await add(d.name, made);
        continue;
      }
      // A record deleted or damaged since it was written costs that document, not the batch files.
      const read = await readFile(recordFile(out, d.name), 'utf8')
        .then((t) => JSON.parse(t) as DocumentRecord)
        .catch(() => null);
      const record = read && (await cross.apply(out, d.name, read));
      if (!record) {
        d.status = 'failed';
        d.error = { path: d.path, code: 'INTERNAL', message: `its record ${d.name}.json is missing or damaged: run again with --force` };
        continue;
      }
      await add(d.name, record);
      if (keep) kept.push(record);
    }
    for (const name of earlier) {
      // Read back as the run's own are; one gone since is simply not there.
      const made = await share(name, false);
      if (made) {
        await add(name, made);
        continue;
      }
      const record = await readFile(recordFile(out, name), 'utf8')
        .then((t) => JSON.parse(t) as DocumentRecord)
        .catch(() => null);
      if (record) await add(name, record);
    }
    for (const e of manifestErrors(manifest)) await w.addError(e);
    collectGarbage();
  } catch (err) {
    await w.abort();
    await report.abort();
    throw err;
  }
  await w.commit();
  await cross.writeLinks(out);
  // Outputs beyond the contract's batch files, after them and before run.json: report.html, the
  // watchdog's readable view of the run's flags.
  await report.commit(manifestErrors(manifest));
  await writeManifest(out, manifest);
  await sweepOutput(out);
  return kept;
}

/** The names of the records earlier runs left in the folder that this run's batch files must also hold:
 *  made by this version of the pipeline (any options), not one of the run's own names, not content the
 *  run has, one per content hash, in name order. */
async function earlierRecords(out: string, manifest: RunManifest): Promise<string[]> {
  const names = new Set(manifest.documents.flatMap((d) => (d.name ? [d.name] : [])));
  const contents = new Set(manifest.documents.flatMap((d) => (d.sha256 ? [d.sha256] : [])));
  const files = (await readdir(join(out, STATE_DIR, 'done')).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).sort();
  const found: string[] = [];
  for (const f of files) {
    const name = f.slice(0, -'.json'.length);
    if (names.has(name)) continue;
    const entry = await readFile(doneFile(out, name), 'utf8')
      .then((t) => JSON.parse(t) as DoneEntry)
      .catch(() => null);
    if (!entry || contents.has(entry.sha256) || !entry.pipeline?.startsWith(`${PIPELINE_VERSION};`)) continue;
    contents.add(entry.sha256);
    found.push(name);
  }
  return found;
}

/** What report.html needs of each record (a small part of it: the whole records never sit in memory). */
export interface FlaggedDocument {
  path: string;
  document: DocumentRecord['document'];
  flags: DocumentRecord['flags'];
  summary?: DocumentRecord['summary'];
  /** The record's file name in the output folder (the report links it). */
  record?: string;
  /** Per flag: its span within its excerpt (evidence sidecar), when known. */
  marks?: Evidence['marks'];
  /** Per flag: a crop of its page (PDF and scanned inputs), when there is one. */
  crops?: Evidence['crops'];
}

/**
 * report.html, written as the records are read: each document's section (its flags and crops, up to a few
 * MB) goes to a temporary file at once, and only its overview line's figures stay in memory; on commit the
 * sections are copied into the report in its order (most errors first). The main thread's memory does not
 * grow with the number of documents.
 */
class ReportWriter {
  private readonly entries: ReportEntry[] = [];
  /** Byte offset and length of each document's section in the temporary file. */
  private readonly spans: [number, number][] = [];
  private size = 0;

  private constructor(
    private readonly out: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
  ) {}

  static async open(out: string): Promise<ReportWriter> {
    const tmp = tempName(join(out, 'report.html')) + '.sections';
    return new ReportWriter(out, tmp, await open(tmp, 'w+'));
  }

  async add(doc: FlaggedDocument): Promise<void> {
    const bytes = Buffer.from(reportSection(doc, this.entries.length));
    this.entries.push(reportEntry(doc));
    await this.fh.write(bytes, 0, bytes.length, this.size);
    this.spans.push([this.size, bytes.length]);
    this.size += bytes.length;
  }

  async commit(unreadable: ReportError[]): Promise<void> {
    try {
      const w = await openAtomic(join(this.out, 'report.html'));
      try {
        const order = reportOrder(this.entries);
        await w.write(reportHead(this.entries, order, unreadable.length));
        for (const [k, i] of order.entries()) {
          const [at, length] = this.spans[i]!;
          const { buffer } = await this.fh.read(Buffer.alloc(length), 0, length, at);
          await w.write((k ? '\n' : '') + buffer.toString('utf8'));
        }
        await w.write(reportTail(unreadable));
      } catch (err) {
        await w.abort();
        throw err;
      }
      await w.commit();
    } finally {
      await this.abort();
    }
  }

  async abort(): Promise<void> {
    await this.fh.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}
