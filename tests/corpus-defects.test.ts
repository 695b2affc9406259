// The real defects of the shared corpus, read by hand (tests/annotations/*.yaml `defects`), each flagged by
// the whole pipeline with its code at its page and line; and precision: the exact count per code of the
// `error` flags each document gets, every one of them true. A defect whose rule belongs to the other half
// of issue 11 (`todo: ledger`) is tracked with it.fails: it fails once the rule lands, to be flipped.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { CheckedDocument, Flag } from '../src/model.js';
import { processDocument } from '../src/pipeline.js';
import { repo, shared } from './paths.js';

interface Defect {
  code: Flag['code'];
  page: number | null;
  line?: number;
  excerpt: string;
  what: string;
  todo?: string;
}
interface Annotation {
  source: string;
  defects?: Defect[];
  errors?: Record<string, number>;
  falseErrors?: { code: string; page: number; line: number }[];
}

const dir = join(repo, 'tests', 'annotations');
const annotated = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ file: f, a: parse(readFileSync(join(dir, f), 'utf8')) as Annotation }))
  .filter(({ a }) => a.source.startsWith('shared:corpus/') && a.defects !== undefined);

const cache = new Map<string, Promise<CheckedDocument>>();
const run = (source: string) => {
  if (!cache.has(source)) cache.set(source, processDocument(join(shared, source.slice('shared:'.length)), { ocr: 'off' }));
  return cache.get(source)!;
};

/** A flag of the defect's code at its place (±1 line: a wrapped statement or a table row's parent). */
export const flags = (doc: CheckedDocument, d: Defect) =>
  doc.flags.filter((f) => f.code === d.code && (d.page === null ? f.loc === null : f.loc?.page === d.page && (d.line === undefined || Math.abs(f.loc.line - d.line) <= 1)));

describe.each(annotated)('$file', ({ a }) => {
  for (const d of a.defects ?? []) {
    const name = `${d.code} at ${d.page ?? '-'}:${d.line ?? '-'} — ${d.what}`;
    if (d.todo) it.fails(`(todo: ${d.todo}) ${name}`, async () => expect(flags(await run(a.source), d)).not.toEqual([]), 120_000);
    else it(name, async () => expect(flags(await run(a.source), d)).not.toEqual([]), 120_000);
  }

  it('raises exactly the true error flags', async () => {
    const doc = await run(a.source);
    const known = a.falseErrors ?? [];
    const counts: Record<string, number> = {};
    for (const f of doc.flags) {
      if (f.severity !== 'error' || known.some((k) => k.code === f.code && f.loc?.page === k.page && f.loc?.line === k.line)) continue;
      counts[f.code] = (counts[f.code] ?? 0) + 1;
    }
    expect(counts).toEqual(a.errors ?? {});
  }, 120_000);
});
