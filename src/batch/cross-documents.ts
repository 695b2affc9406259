// The batch-level checks across documents (src/check/cross-document.ts) as the end of a run and of a merge
// uses them: read every record once for its digest, pair the documents, then hand each record its flags
// as the batch files are written. A record's cross-document flags are replaced, never added twice, and its
// `<name>.json` is rewritten when they changed, so that it always says what documents.jsonl says. links.csv
// lists every pair made and what was compared.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CROSS_DOCUMENT_CODES, crossCheck, currentCells, digest, needsCells, type CurrentCells, type Link } from '../check/cross-document.js';
import type { Flag } from '../model.js';
import type { DocumentRecord } from '../schema.js';
import { writeFileAtomic } from '../write/atomic.js';
import { toCsv } from '../write/csv.js';
import { readRows, removeRows } from './rows.js';
import { recordFile, type RunManifest } from './state.js';

export const LINKS_HEADER = ['relation', 'path', 'sha256', 'unit_key', 'year', 'kind', 'other_path', 'other_sha256', 'other_year', 'other_kind', 'compared', 'mismatches'];

async function readRecord(out: string, name: string): Promise<DocumentRecord | null> {
  const record = await readFile(recordFile(out, name), 'utf8')
    .then((t) => JSON.parse(t) as DocumentRecord)
    .catch(() => null);
  return record?.source && record.document && Array.isArray(record.facts) && Array.isArray(record.tables) && typeof record.summary === 'object' ? record : null;
}

export class CrossDocuments {
  private constructor(
    private readonly flags: Map<string, Flag[]>,
    readonly links: Link[],
  ) {}

  /** Digest every finished record of the manifest (an unreadable one is left out: the batch files say so). */
  static async load(out: string, manifest: RunManifest): Promise<CrossDocuments> {
    const digests = [];
    const done = manifest.documents.filter((d) => d.status === 'done' && d.name);
    // A pair needs two documents: one alone is not read for a digest (a 1,000-page record is a 14 MB parse).
    if (done.length < 2) return new CrossDocuments(new Map(), []);
    for (const d of done) {
      // The digest the worker made beside the record, while the record is the one it was made from.
      const made = (await readRows(out, d.name!, recordFile(out, d.name!)))?.digest;
      if (made?.name === d.name) {
        digests.push(made);
        continue;
      }
      const record = await readRecord(out, d.name!);
      try {
        if (record) digests.push(digest(record, d.name!));
      } catch {
        /* a record damaged on disk takes no part; the batch files report it */
      }
    }
    // The table cells of just the earlier reports a later report's 上年数 cells point at (read again).
    const cells = new Map<string, CurrentCells>();
    for (const name of needsCells(digests)) {
      const record = await readRecord(out, name);
      try {
        if (record) cells.set(name, currentCells(record));
      } catch {
        /* as above */
      }
    }
    const { flags, links } = crossCheck(digests, cells);
    return new CrossDocuments(flags, links);
  }

  /** True when a record whose cross-document flags are `old` keeps them in this batch. */
  keeps(name: string, old: Flag[]): boolean {
    return JSON.stringify(old) === JSON.stringify(this.flags.get(name) ?? []);
  }

  /** The record with this batch's cross-document flags (its `<name>.json` rewritten if they changed, and
   *  its share of the batch files, made from the record as it was, removed). */
  async apply(out: string, name: string, record: DocumentRecord): Promise<DocumentRecord> {
    if (!Array.isArray(record.flags)) return record;
    const old = record.flags.filter((f) => CROSS_DOCUMENT_CODES.includes(f.code));
    if (this.keeps(name, old)) return record;
    const updated = { ...record, flags: [...record.flags.filter((f) => !CROSS_DOCUMENT_CODES.includes(f.code)), ...(this.flags.get(name) ?? [])] };
    await removeRows(out, name);
    await writeFileAtomic(recordFile(out, name), JSON.stringify(updated, null, 2) + '\n');
    return updated;
  }

  linksCsv(): string {
    return toCsv(
      LINKS_HEADER,
      this.links.map((l) => [l.relation, l.from.path, l.from.sha256, l.from.unitKey, l.from.year, l.from.kind, l.to.path, l.to.sha256, l.to.year, l.to.kind, l.compared, l.mismatches]),
    );
  }

  writeLinks(out: string): Promise<void> {
    return writeFileAtomic(join(out, 'links.csv'), this.linksCsv());
  }
}
