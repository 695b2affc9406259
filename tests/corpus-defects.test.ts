// The real defects of the shared corpus, read by hand (tests/annotations/*.yaml `defects`), each flagged by
// the whole pipeline with its code at its page and line; and precision: the exact count per code of the
// `error` flags each document gets, every one of them true. A defect whose rule belongs to the other half
// of issue 11 (`todo: ledger`) is tracked with it.fails: it fails once the rule lands, to be flipped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusAnnotations, flagsFor as flags } from '../scripts/annotations.js';
import type { CheckedDocument } from '../src/model.js';
import { processDocument } from '../src/pipeline.js';
import { shared } from './paths.js';

const annotated = corpusAnnotations();

const cache = new Map<string, Promise<CheckedDocument>>();
const run = (source: string) => {
  if (!cache.has(source)) cache.set(source, processDocument(join(shared, source.slice('shared:'.length)), { ocr: 'off' }));
  return cache.get(source)!;
};

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
