// Issue 16, item 9: a small seeded fuzz batch in CI (the large one is `npm run fuzz`, see docs/scaling.md).
// Mutated seed renditions and corpus files as one batch: no INTERNAL error, nothing uncaught, no hang, every
// input accounted for, the CLI exits 0, peak RSS under the bound.
import { describe, expect, it } from 'vitest';
import { fuzz } from '../scripts/fuzz.js';

describe('npm run fuzz, small', () => {
  it('survives 12 mutated inputs in one batch', async () => {
    const r = await fuzz({ n: 12, seed: 16, concurrency: 2, rssMb: 2048, timeoutS: 60, ocr: 'off', keep: false, light: true });
    expect(r.failures).toEqual([]);
    expect(r.records + Object.values(r.errors).reduce((a, b) => a + b, 0)).toBe(12);
    expect(r.internal).toEqual([]);
  }, 240_000);
});
