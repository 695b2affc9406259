// Print the narrative facts of a document, one per line (a debugging aid: tsx scripts/dump-facts.ts FILE [YEAR]).
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extractFacts } from '../src/extract/facts.js';
import { buildSummary } from '../src/extract/summary.js';

const [file, year] = process.argv.slice(2);
if (!file) throw new Error('usage: dump-facts FILE [YEAR]');
const doc = segment(await ingest(file));
if (year) doc.document.year = Number(year);
const { facts } = extractFacts(doc);
for (const f of facts)
  console.log([f.id, `${f.loc.page}:${f.loc.line}`, f.kind, f.text + f.unit, f.yuan ?? '', f.role, f.direction ?? '', f.year, f.metric ?? '-', f.label].join('\t'));
console.log(JSON.stringify(buildSummary(facts, doc.document.year, doc.document.kind).summary));
