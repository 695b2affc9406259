// Precision and recall of the watchdog flags per code over the synthetic set (scripts/gen-synthetic.ts):
// every flag of the pipeline is matched against the answer key (same code, and the key's anchor text in
// the flag's excerpt — or in `expected` for a flag with no place). A flag that matches nothing is a
// false positive (this includes anything flagged on a clean trap); a key entry no flag matches is missed.
//
//   npx tsx scripts/eval-flags.ts [count] [seed]      (npm run eval calls it through scripts/eval.ts)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Flag, FlagCode } from '../src/model.js';
import { processDocument } from '../src/pipeline.js';
import { writeSynthetic, type KeyEntry } from './gen-synthetic.js';

export interface CodeScore {
  tp: number;
  fp: number;
  fn: number;
}

export interface EvalResult {
  byCode: Map<FlagCode, CodeScore>;
  /** Formats whose files could not be processed at all (e.g. a backend not built yet), with the reason. */
  skipped: Map<string, string>;
  falsePositives: string[];
  misses: string[];
}

const matches = (f: Flag, k: KeyEntry) => f.code === k.code && ((f.excerpt ?? '').includes(k.anchor) || String(f.expected ?? '').includes(k.anchor));

export function score(flags: Flag[], key: KeyEntry[], name: string, result: EvalResult): void {
  const score = (code: FlagCode) => {
    if (!result.byCode.has(code)) result.byCode.set(code, { tp: 0, fp: 0, fn: 0 });
    return result.byCode.get(code)!;
  };
  const used = new Set<number>();
  for (const f of flags) {
    const i = key.findIndex((k, j) => !used.has(j) && matches(f, k));
    if (i >= 0) {
      used.add(i);
      score(f.code).tp++;
    } else {
      score(f.code).fp++;
      result.falsePositives.push(`${name}:${f.loc?.page ?? f.loc?.paragraph ?? '-'}:${f.loc?.line ?? '-'} ${f.code} ${f.message} | ${f.excerpt ?? ''}`);
    }
  }
  key.forEach((k, j) => {
    if (used.has(j)) return;
    score(k.code).fn++;
    result.misses.push(`${name} ${k.code} ${k.anchor}`);
  });
}

export async function evaluate(count: number, seed: number, formats: string[] = ['txt', 'docx']): Promise<EvalResult> {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-synthetic-'));
  const result: EvalResult = { byCode: new Map(), skipped: new Map(), falsePositives: [], misses: [] };
  try {
    const docs = await writeSynthetic(dir, count, seed);
    for (const format of formats) {
      for (const d of docs) {
        let flags: Flag[];
        try {
          flags = (await processDocument(readFileSync(join(dir, `${d.name}.${format}`)))).flags;
        } catch (err) {
          result.skipped.set(format, (err as Error).message);
          break;
        }
        score(flags, d.key, `${d.name}.${format}`, result);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : (a / b).toFixed(3));

export function formatTable(r: EvalResult): string {
  const rows = [...r.byCode.entries()].sort(([a], [b]) => a.localeCompare(b));
  const sum = rows.reduce((s, [, c]) => ({ tp: s.tp + c.tp, fp: s.fp + c.fp, fn: s.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  const line = (name: string, c: CodeScore) =>
    `${name.padEnd(24)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)} ${ratio(c.tp, c.tp + c.fp).padStart(9)} ${ratio(c.tp, c.tp + c.fn).padStart(7)}`;
  return [
    `${'code'.padEnd(24)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(7)}`,
    ...rows.map(([code, c]) => line(code, c)),
    line('ALL', sum),
    ...[...r.skipped.entries()].map(([f, why]) => `(${f} files skipped: ${why})`),
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count = '40', seed = '1'] = process.argv.slice(2);
  const r = await evaluate(Number(count), Number(seed));
  console.log(`Flags on ${count} synthetic reports (seed ${seed}), text and DOCX:\n`);
  console.log(formatTable(r));
  if (r.falsePositives.length) console.log(`\nfalse positives:\n${r.falsePositives.slice(0, 20).join('\n')}`);
  if (r.misses.length) console.log(`\nmissed:\n${r.misses.slice(0, 20).join('\n')}`);
}
