// Long inputs (issue 16, item 5): cost that grows with the input, not its square. Each input is run at half and
// at full size in this process; the ratio of the times is the figure (linear: about 2x; quadratic: about 4x).
// The reference is the same pipeline at half the size, so the ratio holds on a busy machine where seconds do not.
//
//   npx tsx scripts/bench-long.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extract } from '../src/index.js';
import { shared } from './shared-dir.js';

async function pagesOfSeed(n: number): Promise<string> {
  const lines = (await readFile(join(shared, 'seed', '000_37d039dcb8ad6afc.txt'), 'utf8')).split('\n');
  const pages: string[] = [];
  for (let i = 0; i < n; i++) pages.push(lines.slice((i * 40) % lines.length, ((i * 40) % lines.length) + 40).join('\n'));
  return pages.join('\f');
}
const oneLine = (chars: number) => `某某局2023年度部门决算\n${'一般公共预算财政拨款支出决算为84.25万元，比上年增加19.08万元，上升16%。'.repeat(Math.ceil(chars / 40)).slice(0, chars)}\n`;

async function timed(text: string): Promise<{ ms: number; facts: number }> {
  const t = performance.now();
  const r = await extract(new TextEncoder().encode(text));
  return { ms: performance.now() - t, facts: r.facts.length };
}

await timed(oneLine(10_000)); // warm up the patterns and the JIT
for (const [name, make, full] of [
  ['text report, pages', pagesOfSeed, 1000],
  ['one line, characters', async (n: number) => oneLine(n), 180_000],
] as const) {
  const half = await timed(await make(full / 2));
  const whole = await timed(await make(full));
  console.log(`${name}: ${full / 2} in ${(half.ms / 1000).toFixed(1)} s (${half.facts} facts), ${full} in ${(whole.ms / 1000).toFixed(1)} s (${whole.facts} facts): ratio ${(whole.ms / half.ms).toFixed(2)}x (linear ≈ 2x, target ≤ 2.5x)`);
}
