// The annotated real defects of the shared corpus (tests/annotations/*.yaml `defects`) and the precision of
// `error` flags on those real reports: each document runs through the whole pipeline; a defect is caught
// when a flag of its code sits at its page and line (±1); every `error` flag beyond the document's pinned
// true count (`errors`) is a false one. Defects whose rule belongs to the figures half are marked `todo`.
//
//   npx tsx scripts/eval-defects.ts      (npm run eval calls it through scripts/eval.ts)
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { processDocument } from '../src/pipeline.js';
import { corpusAnnotations, flagsFor, type Defect } from './annotations.js';
import { shared } from './shared-dir.js';

const here = fileURLToPath(new URL('.', import.meta.url));

const TEXT_CODES = new Set(['BLANK_VALUE', 'TEMPLATE_TEXT', 'MALFORMED_VALUE', 'YEAR_MISMATCH', 'MISSING_SECTION', 'MISSING_TABLE', 'EMPTY_TABLE_UNEXPLAINED']);
const familyOf = (d: Defect) => (d.todo ? 'figures' : TEXT_CODES.has(d.code) ? 'text' : 'figures');

const tally = new Map<string, { n: number; caught: number }>();
let errors = 0;
let trueErrors = 0;
const misses: string[] = [];
for (const { file, a } of corpusAnnotations()) {
  const doc = await processDocument(join(shared, a.source.slice('shared:'.length)), { ocr: 'off' });
  let caught = 0;
  for (const d of a.defects ?? []) {
    const hit = flagsFor(doc, d).length > 0;
    const t = tally.get(familyOf(d)) ?? { n: 0, caught: 0 };
    t.n++;
    if (hit) {
      t.caught++;
      caught++;
    } else misses.push(`  ${file} ${d.code} ${d.page}:${d.line ?? '-'}${d.todo ? ` (todo: ${d.todo})` : ''} — ${d.what}`);
    tally.set(familyOf(d), t);
  }
  const e = doc.flags.filter((f) => f.severity === 'error').length;
  const pinned = Object.values(a.errors ?? {}).reduce((x, y) => x + y, 0);
  errors += e;
  trueErrors += Math.min(e, pinned);
  console.log(`${file.padEnd(40)} defects ${caught}/${a.defects?.length ?? 0}   error flags ${e} (true ${pinned})`);
}
console.log('');
console.log('Annotated real defects, by the half of issue 11 that owns the rule:');
for (const [fam, t] of [...tally.entries()].sort()) console.log(`  ${fam.padEnd(8)} ${t.caught}/${t.n} caught (${t.n ? ((100 * t.caught) / t.n).toFixed(1) : '—'}%)`);
console.log(`Error flags on the real corpus: ${errors}, of which true ${trueErrors} (precision ${errors ? ((100 * trueErrors) / errors).toFixed(1) : '—'}%)`);
if (misses.length) console.log(['missed:', ...misses].join('\n'));
