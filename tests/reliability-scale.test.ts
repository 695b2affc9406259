// Issue 16, item 5: long inputs are read whole. Their cost (linear, not quadratic) is measured where seconds mean
// something, in `npm run bench` (scripts/bench-long.ts: the time ratio of full to half size, in one process); a time
// limit here failed on a busy CI machine and said nothing about the input's size. The test timeout still stops a
// quadratic run (a 180,000-character line took 28 s before paragraphText and nothingBetween cached per line, 4 s now).
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { SEED_TXT } from './paths.js';

async function pagesOfSeed(n: number): Promise<string> {
  const lines = (await readFile(SEED_TXT, 'utf8')).split('\n');
  const pages: string[] = [];
  for (let i = 0; i < n; i++) pages.push(lines.slice((i * 40) % lines.length, ((i * 40) % lines.length) + 40).join('\n'));
  return pages.join('\f');
}

describe('long inputs', () => {
  it('reads a 1,000-page text report whole', async () => {
    const text = await pagesOfSeed(1000);
    const r = await extract(new TextEncoder().encode(text));
    expect(r.source.pages).toBe(1000);
    expect(r.facts.length).toBe(11512);
  });

  it('reads every figure of one 180,000-character line', async () => {
    const line = '一般公共预算财政拨款支出决算为84.25万元，比上年增加19.08万元，上升16%。'.repeat(4500).slice(0, 180_000);
    const r = await extract(new TextEncoder().encode(`某某局2023年度部门决算\n${line}\n`));
    expect(r.facts.length).toBe(12856);
  });
});
