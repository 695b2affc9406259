// Issue 16, item 5: cost that grows with the input, not its square. Before the fix a 1,000-page text report
// took 44 s and a 180,000-character line 48 s (2 busy cores); now 10 s and 5 s. The limits below sit between.
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
  it('reads a 1,000-page text report in linear time', async () => {
    const text = await pagesOfSeed(1000);
    const t = Date.now();
    const r = await extract(new TextEncoder().encode(text));
    expect(r.source.pages).toBe(1000);
    expect(Date.now() - t).toBeLessThan(30_000);
  });

  it('reads one 180,000-character line in linear time', async () => {
    const line = '一般公共预算财政拨款支出决算为84.25万元，比上年增加19.08万元，上升16%。'.repeat(4500).slice(0, 180_000);
    const t = Date.now();
    const r = await extract(new TextEncoder().encode(`某某局2023年度部门决算\n${line}\n`));
    expect(r.facts.length).toBeGreaterThan(10_000);
    expect(Date.now() - t).toBeLessThan(25_000);
  });
});
