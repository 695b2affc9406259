// The end of a run (and of a merge): the batch files rebuilt from the records on disk of the run's inputs,
// in input order, so that a rerun or a merge never duplicates a line; then run.json, the commit marker.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentRecord } from '../schema.js';
import { writeFileAtomic } from '../write/atomic.js';
import { renderReport } from '../write/report-html.js';
import { BatchFilesWriter, type ErrorLine } from '../write/batch-files.js';
import { CrossDocuments } from './cross-documents.js';
import type { Evidence } from '../write/evidence.js';
import { evidenceFile, recordFile, sweepOutput, writeManifest, type RunManifest } from './state.js';

export const manifestErrors = (m: RunManifest): ErrorLine[] => [...m.inputErrors, ...m.documents.flatMap((d) => (d.status === 'failed' && d.error ? [d.error] : []))];

/** Write the batch files and run.json of `out`; returns the records when `keep` (the check command). */
export async function finishOutput(out: string, manifest: RunManifest, keep = false): Promise<DocumentRecord[]> {
  const kept: DocumentRecord[] = [];
  const flagged: FlaggedDocument[] = [];
  // Checks across documents (issue 14) need every record first: they hand each record its flags below.
  const cross = await CrossDocuments.load(out, manifest);
  const w = await BatchFilesWriter.open(out);
  try {
    for (const d of manifest.documents) {
      if (d.status !== 'done' || !d.name) continue;
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
      await w.addRecord(record);
      const evidence = await readFile(evidenceFile(out, d.name), 'utf8')
        .then((t) => JSON.parse(t) as Evidence)
        .catch(() => null);
      flagged.push({ path: record.source.path, document: record.document, flags: record.flags, summary: record.summary, record: `${d.name}.json`, marks: evidence?.marks, crops: evidence?.crops });
      if (keep) kept.push(record);
    }
    for (const e of manifestErrors(manifest)) await w.addError(e);
  } catch (err) {
    await w.abort();
    throw err;
  }
  await w.commit();
  await cross.writeLinks(out);
  await writeExtraOutputs(out, flagged, manifestErrors(manifest));
  await writeManifest(out, manifest);
  await sweepOutput(out);
  return kept;
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

/** Outputs beyond the contract's batch files, at the end of every run and merge, after the batch files
 *  and before run.json: report.html, the watchdog's readable view of the run's flags. */
async function writeExtraOutputs(out: string, docs: FlaggedDocument[], errors: ErrorLine[]): Promise<void> {
  await writeFileAtomic(join(out, 'report.html'), renderReport(docs, errors));
}
