// Debug aid (not shipped): apply one edit to one line of a document and print the flags it adds.
//   npx tsx scripts/mutate-one.ts FILE PAGE:LINE 'old' 'new'
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { apply, attribute, newFlagsByPlace } from './eval-mutations.js';

const [file, at, was, now] = process.argv.slice(2);
if (!file || !at || was === undefined || now === undefined) throw new Error('usage: mutate-one FILE PAGE:LINE OLD NEW');
const [page, line] = at.split(':').map(Number);
const doc = await ingest(file, { ocr: 'off' });
const run = (d: typeof doc) => check(extract(segment(d)));
const base = run(doc);
const i = doc.blocks.findIndex((b) => b.kind === 'line' && (b.line.loc.page ?? b.line.loc.paragraph) === page && b.line.loc.line === line);
if (i < 0) throw new Error('no such line');
const b = doc.blocks[i]!;
if (b.kind !== 'line') throw new Error('not a line');
console.log('line:', b.line.raw);
if (!b.line.raw.includes(was)) throw new Error('old text not on the line');
const raw = b.line.raw.replace(was, now);
const after = run(apply(doc, { op: 'x', family: 'comparison', block: i, raw, loc: b.line.loc, was, now }));
const { fresh, updated } = attribute(base.flags, after.flags, { was, now });
for (const f of fresh) console.log('NEW', f.code, f.severity, JSON.stringify(f.loc), f.message, '|', f.excerpt);
// a flag of the clean document there again with its figures changed (not counted as new)
for (const f of updated) console.log('UPDATED', f.code, f.severity, JSON.stringify(f.loc), f.message);
if (process.env.BY_PLACE) for (const f of newFlagsByPlace(base.flags, after.flags)) console.log('NEW BY PLACE', f.code, JSON.stringify(f.loc), f.message);
if (process.env.ALL) for (const f of base.flags) console.log('BASE', f.code, f.severity, JSON.stringify(f.loc), f.message);
