// Diagnose missed table_cell mutations: for each, where the cell went (fact or not), which identities
// could see it, and the new flags it raised.
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { apply, corpusFiles, evaluateMutations, newFlags } from './eval-mutations.js';

const args = process.argv.slice(2);
const only = args.includes('--doc') ? args[args.indexOf('--doc') + 1]! : null;
// --dir DIR: a held-out folder instead of the corpus; --seed N: the evaluation's seed (11 unless told)
const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1]! : null;
const seed = args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : 11;
const pool = dir ? readdirSync(dir).filter((f) => /\.(pdf|txt|json)$/.test(f)).sort().map((f) => join(dir, f)) : corpusFiles();
const files = pool.filter((f) => !only || f.includes(only));
const outcomes = await evaluateMutations(files, 4, seed);
for (const file of files) {
  const name = file.split('/').pop()!;
  const os = outcomes.filter((o) => o.doc === name && o.m.family === 'table_cell' && (args.includes('--all') || !o.caught));
  if (!os.length) continue;
  const ing = await ingest(file, { ocr: 'off' });
  const base = check(extract(segment(ing)));
  for (const o of os) {
    const m = o.m;
    const mut = apply(ing, m);
    const ex = extract(segment(mut));
    const after = check(ex);
    const fresh = newFlags(base.flags, after.flags);
    console.log(`\n== ${name}:${m.loc.page}:${m.loc.line} ${m.op} ${m.was} → ${m.now} ${o.caught ? 'CAUGHT' : 'MISS'} block=${ing.blocks[m.block]!.kind}`);
    if (m.row === undefined) { console.log('   text row: ' + m.raw.slice(0, 100)); }
    const blk = ing.blocks[m.block]!;
    const tid = blk.kind === 'table' ? blk.table.id : undefined;
    const t = ex.tables.find((x) => x.id === tid);
    if (t) console.log(`   table ${t.id} kind=${t.kind} unit=${t.unit} rows=${t.rows.length} header=${JSON.stringify(t.header)}`);
    const fact = ex.facts.find((f) => f.from === 'table' && f.loc.table === m.loc.table && f.loc.row === m.loc.row && f.loc.col === m.loc.col && f.loc.page === m.loc.page && (m.row !== undefined ? true : f.loc.line === m.loc.line));
    if (!fact) {
      console.log('   NO FACT');
      if (t && m.row !== undefined) {
        const hr = blk.kind === 'table' ? blk.table.rows.length - t.rows.length : 0;
        console.log('   row: ' + JSON.stringify(t.rows[m.row - hr]));
      }
    } else {
      console.log(`   fact ${fact.text} about=${JSON.stringify(fact.about)} role=${fact.role} metric=${fact.metric}`);
      const tf = ex.facts.filter((f) => f.about?.tableId === fact.about?.tableId);
      const col = fact.about!.col!;
      const colFacts = tf.filter((f) => f.about!.col === col).length;
      const colAmounts = t ? t.rows.filter((r) => /\d/.test(r[col] ?? '')).length : -1;
      console.log(`   column facts=${colFacts} cells-with-digits=${colAmounts}`);
      if (t) console.log('   row: ' + JSON.stringify(t.rows[fact.about!.row!]));
    }
    for (const f of fresh) console.log(`   new ${f.code} ${f.severity} @${f.loc?.page}:${f.loc?.line} t=${f.loc?.table}/${f.loc?.row}/${f.loc?.col} | ${f.message.slice(0, 110)}`);
  }
}
