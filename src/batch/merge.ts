// `juesuan merge`: the output folders of the shards of one corpus → one folder, exactly as a single run
// would have written it (same records, byte-identical batch files), by the same code that ends a run.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../write/atomic.js';
import type { ErrorLine } from '../write/batch-files.js';
import { finishOutput, manifestErrors } from './finish.js';
import { lockOutput } from './lock.js';
import { doneFile, evidenceFile, prepareOutput, readManifest, recordFile, type ManifestDocument, type RunManifest } from './state.js';
import { rowsBodyFile, rowsHeadFile } from './rows.js';
import { UsageError } from './usage-error.js';

export interface MergeResult {
  folders: number;
  documents: number;
  /** Documents with a record in the merged folder. */
  recorded: number;
  errors: ErrorLine[];
}

const sameInputs = (a: RunManifest, b: RunManifest) =>
  a.documents.length === b.documents.length && a.documents.every((d, i) => d.path === b.documents[i]!.path && d.sha256 === b.documents[i]!.sha256);

async function readFinished(dir: string): Promise<RunManifest> {
  const m = await readManifest(dir);
  if (!m) throw new UsageError(`${dir} holds no finished juesuan run (no .juesuan/run.json): run \`juesuan extract … --out ${dir}\` first`);
  if (!m.complete) throw new UsageError(`the run into ${dir} was interrupted: rerun the same command to finish it, then merge`);
  return m;
}

function shardList(manifests: RunManifest[]): string {
  const shards = manifests.flatMap((m) => (m.shard ? [`${m.shard.index}/${m.shard.count}`] : ['whole corpus']));
  return shards.join(', ');
}

export async function mergeOutputs(dirs: string[], outDir: string): Promise<MergeResult> {
  const out = resolve(outDir);
  const sources = dirs.map((d) => resolve(d));
  if (!sources.length) throw new UsageError('merge needs at least one shard output folder');
  if (sources.includes(out)) throw new UsageError(`--out ${outDir} is one of the folders being merged: merge into a new folder`);
  const manifests = await Promise.all(sources.map(readFinished));
  const first = manifests[0]!;
  for (const [i, m] of manifests.entries()) {
    if (m.pipeline !== first.pipeline)
      throw new UsageError(`${dirs[i]} was made by ${m.pipeline}, ${dirs[0]} by ${first.pipeline}: rerun them with one version and the same options`);
    if (!sameInputs(m, first)) throw new UsageError(`${dirs[i]} and ${dirs[0]} were run on different inputs: every shard must be given the same files`);
  }

  // Each document from the folder that processed it.
  const from: number[] = [];
  const missing: string[] = [];
  for (const [i, d] of first.documents.entries()) {
    const k = manifests.findIndex((m) => m.documents[i]!.status === 'done' || m.documents[i]!.status === 'failed');
    if (k < 0) missing.push(d.path);
    from.push(k);
  }
  if (missing.length)
    throw new UsageError(`${missing.length} document(s) were processed by none of the folders (e.g. ${missing[0]}): a shard is missing (have ${shardList(manifests)})`);

  const lock = await lockOutput(out);
  try {
    return await mergeLocked(out, sources, manifests, from);
  } finally {
    await lock.release();
  }
}

async function mergeLocked(out: string, sources: string[], manifests: RunManifest[], from: number[]): Promise<MergeResult> {
  const first = manifests[0]!;
  await prepareOutput(out);
  const documents: ManifestDocument[] = [];
  for (const [i, k] of from.entries()) {
    const d = manifests[k]!.documents[i]!;
    if (d.status === 'done' && d.name) {
      await writeFileAtomic(recordFile(out, d.name), await readFile(recordFile(sources[k]!, d.name)));
      await writeFileAtomic(doneFile(out, d.name), await readFile(doneFile(sources[k]!, d.name)));
      // report.html's evidence (highlights, crops): a shard run without it only makes the report less precise.
      const evidence = await readFile(evidenceFile(sources[k]!, d.name)).catch(() => null);
      if (evidence) await writeFileAtomic(evidenceFile(out, d.name), evidence);
      // Its share of the batch files (src/batch/rows.ts): without it, the record is parsed instead.
      for (const file of [rowsBodyFile, rowsHeadFile]) {
        const bytes = await readFile(file(sources[k]!, d.name)).catch(() => null);
        if (bytes) await writeFileAtomic(file(out, d.name), bytes);
      }
    }
    documents.push(d);
  }
  const merged: RunManifest = { pipeline: first.pipeline, shard: null, complete: true, inputErrors: first.inputErrors, documents };
  await finishOutput(out, merged);
  return {
    folders: sources.length,
    documents: documents.length,
    recorded: documents.filter((d) => d.status === 'done').length,
    errors: manifestErrors(merged),
  };
}
