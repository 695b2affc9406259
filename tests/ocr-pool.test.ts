import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { poolSize } from '../src/ingest/ocr/engines.js';
import { THREADS_ENV } from '../src/ingest/types.js';

describe('OCR pool size', () => {
  afterEach(() => {
    delete process.env[THREADS_ENV];
  });

  it('takes the batch runner’s share of the cores, so workers × OCR threads stay within them', () => {
    process.env[THREADS_ENV] = '1';
    expect(poolSize()).toBe(1);
  });

  it('uses every core when run alone (memory permitting)', () => {
    expect(poolSize()).toBeLessThanOrEqual(availableParallelism());
    expect(poolSize()).toBeGreaterThanOrEqual(1);
    process.env[THREADS_ENV] = String(availableParallelism() + 4);
    expect(poolSize()).toBeLessThanOrEqual(availableParallelism());
  });
});
