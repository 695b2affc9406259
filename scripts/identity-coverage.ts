// Coverage of the table identities (patterns/identities.yaml) per document: which ran, and which could not
// for want of a table (no-table), of a row or column in a table that is there (no-term) or of a table read
// whole (incomplete). Usage: npx tsx scripts/identity-coverage.ts [--all] FILE...  (--all: list no-table too;
// default lists only what ran and what a present table could not give). Last lines: totals per identity.
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { identityStatus } from '../src/check/identities.js';

const args = process.argv.slice(2);
const all = args.includes('--all');
const totals = new Map<string, Record<string, number>>();
for (const p of args.filter((a) => a !== '--all')) {
  let doc;
  try {
    doc = extract(segment(await ingest(p, { ocr: 'off' })));
  } catch (e) {
    console.log(`== ${p.split('/').pop()} (failed: ${(e as Error).message})`);
    continue;
  }
  const st = identityStatus(doc);
  const ran = st.filter((s) => s.status === 'ran').map((s) => s.id);
  console.log(`== ${p.split('/').pop()} [${doc.document.kind ?? '?'} ${doc.document.year ?? '?'}] ran ${ran.length}: ${ran.join(' ')}`);
  for (const s of st) {
    const t = totals.get(s.id) ?? {};
    t[s.status] = (t[s.status] ?? 0) + 1;
    totals.set(s.id, t);
    if (s.status === 'no-term' || s.status === 'incomplete' || (all && s.status === 'no-table')) console.log(`   ${s.status} ${s.id}: ${s.detail}`);
  }
}
console.log('== totals (documents): id ran/no-term/incomplete/no-table');
for (const [id, t] of totals) console.log(`   ${id} ${t.ran ?? 0}/${t['no-term'] ?? 0}/${t.incomplete ?? 0}/${t['no-table'] ?? 0}`);
