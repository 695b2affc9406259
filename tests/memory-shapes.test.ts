// Memory in pages (issue 15): the facts of a document share V8 hidden classes. `{ ...f, id }` (spread, then a
// property more) gives every object a hidden class of its own on Node 20's V8: ~0.4 KB per fact (13 MB of a
// 1,000-page file's 94 MB heap). Counted with V8's own %HaveSameMap in a child process, on the built code.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, seed } from './paths.js';

const SCRIPT = `
const { processDocument } = await import(process.env.DIST + '/pipeline.js');
const doc = await processDocument(process.env.INPUT, { ocr: 'off' });
const shapes = (xs) => { const reps = []; for (const x of xs) if (!reps.some((r) => %HaveSameMap(r, x))) reps.push(x); return reps.length; };
console.log(JSON.stringify({ facts: doc.facts.length, factShapes: shapes(doc.facts), locShapes: shapes(doc.facts.map((f) => f.loc)) }));
`;

describe('hidden classes of the document model', () => {
  it('the seed PDF: 200 facts, a handful of shapes (188 before)', () => {
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', SCRIPT], {
      env: { ...process.env, DIST: join(repo, 'dist'), INPUT: seed('000_37d039dcb8ad6afc.pdf') },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    const got = JSON.parse(r.stdout) as { facts: number; factShapes: number; locShapes: number };
    expect(got.facts).toBe(200);
    expect(got.factShapes).toBeLessThanOrEqual(12);
    expect(got.locShapes).toBeLessThanOrEqual(12);
  });
});
