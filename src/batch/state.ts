// What an output folder remembers between runs, in its hidden `.juesuan/` folder:
// - `done/<name>.json`, written right after `<name>.json`: which input, content hash and pipeline version
//   made that record. A rerun skips a document whose entry matches (resume).
// - `run.json`, written last: the run's inputs in order, what became of each, and its shard. `merge` reads it.
// - `evidence/<name>.json`, written with the record: what report.html shows beside each flag that the
//   record does not carry (src/write/evidence.ts); a missing one only makes the report less precise.
// - `rows/<name>.rows` and `rows/<name>.json`, written with the record: its share of the batch files
//   (src/batch/rows.ts); a missing or stale one only makes the end of the run parse the record.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { SCHEMA_VERSION } from '../schema-version.js';
import { VERSION } from '../version.js';
import { sweepTemporaryFiles, writeFileAtomic } from '../write/atomic.js';
import type { ErrorLine } from '../write/batch-files.js';

/** The package version and the record schema version: a record made by another pipeline is redone. */
export const PIPELINE_VERSION = `juesuan ${VERSION}, schema ${SCHEMA_VERSION}`;

/** What made a record: the pipeline and the options that change records (a record made with `--ocr off`
 *  is redone by a run with `--ocr auto`). */
export const pipelineId = (o: { ocr: string; ocrEngine: string }) => `${PIPELINE_VERSION}; --ocr ${o.ocr} --ocr-engine ${o.ocrEngine}`;

export const STATE_DIR = '.juesuan';
const doneDir = (out: string) => join(out, STATE_DIR, 'done');
const runFile = (out: string) => join(out, STATE_DIR, 'run.json');
export const recordFile = (out: string, name: string) => join(out, `${name}.json`);
export const doneFile = (out: string, name: string) => join(doneDir(out), `${name}.json`);
const evidenceDir = (out: string) => join(out, STATE_DIR, 'evidence');
/** A record's share of the batch files (src/batch/rows.ts). */
export const rowsDir = (out: string) => join(out, STATE_DIR, 'rows');
export const evidenceFile = (out: string, name: string) => join(evidenceDir(out), `${name}.json`);

export interface DoneEntry {
  path: string;
  sha256: string;
  pipeline: string;
}

export type DocumentStatus = 'done' | 'failed' | 'other-shard' | 'pending';

export interface ManifestDocument {
  path: string;
  /** null when the file could not be read. */
  sha256: string | null;
  /** The output base name (`<name>.json`); null when the file could not be read. */
  name: string | null;
  status: DocumentStatus;
  error?: ErrorLine;
}

export interface RunManifest {
  pipeline: string;
  shard: { index: number; count: number } | null;
  /** false when the run was interrupted (some documents are `pending`). */
  complete: boolean;
  /** Inputs that named nothing to process (a missing file, an empty folder). */
  inputErrors: ErrorLine[];
  documents: ManifestDocument[];
}

/** Create the folders and remove temporary files a killed run (SIGKILL, power loss) left behind. */
export async function prepareOutput(out: string): Promise<void> {
  await mkdir(doneDir(out), { recursive: true });
  await mkdir(evidenceDir(out), { recursive: true });
  await mkdir(rowsDir(out), { recursive: true });
  await sweepOutput(out);
}

export async function sweepOutput(out: string): Promise<number> {
  const counts = await Promise.all([out, join(out, STATE_DIR), doneDir(out), evidenceDir(out), rowsDir(out)].map((d) => sweepTemporaryFiles(d)));
  return counts.reduce((a, b) => a + b, 0);
}

/** True when `<name>.json` exists and was made from these bytes at this path by this pipeline (pipelineId). */
export async function isUpToDate(out: string, name: string, path: string, sha256: string, pipeline: string): Promise<boolean> {
  const entry = await readJson<DoneEntry>(doneFile(out, name));
  if (!entry || entry.sha256 !== sha256 || entry.path !== path || entry.pipeline !== pipeline) return false;
  return (await stat(recordFile(out, name)).catch(() => null))?.isFile() === true;
}

/** The name a document gets in this folder: the run's name for it, unless a record an earlier run left there
 *  under that name is of another file (another path and other content), which must stay in the dataset;
 *  then `<name>-<sha8>` (or `-<sha8>-2` …). `taken`: names already given to other inputs of this run. */
export async function claimName(out: string, name: string, path: string, sha256: string, taken: Set<string>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${sha256.slice(0, 8)}${n > 2 ? `-${n - 1}` : ''}`;
    if (taken.has(candidate)) continue;
    const entry = await readJson<DoneEntry>(doneFile(out, candidate));
    if (!entry || entry.path === path || entry.sha256 === sha256) return candidate;
  }
}

/** The done entry of a record, written after the record and its evidence (by the worker: src/batch/worker.ts):
 *  a kill between the two only costs redoing the document. */
export const saveDone = (out: string, name: string, entry: DoneEntry) => writeFileAtomic(doneFile(out, name), JSON.stringify(entry) + '\n');

/** errors.jsonl: inputs that named nothing, then failed documents, in input order. */
export const manifestErrors = (m: RunManifest): ErrorLine[] => [...m.inputErrors, ...m.documents.flatMap((d) => (d.status === 'failed' && d.error ? [d.error] : []))];

export const writeManifest = (out: string, m: RunManifest) => writeFileAtomic(runFile(out), JSON.stringify(m, null, 1) + '\n');
export const readManifest = (out: string) => readJson<RunManifest>(runFile(out));

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}
