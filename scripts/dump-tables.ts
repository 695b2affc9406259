import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
const [file, kindRe] = process.argv.slice(2);
const ex = extract(segment(await ingest(file!, { ocr: (process.env.OCR === '1' ? 'auto' : 'off') as 'auto' | 'off' })));
for (const t of ex.tables) {
  if (!new RegExp(kindRe!).test(t.kind)) continue;
  console.log(`## ${t.id} ${t.kind} unit=${t.unit} p${t.loc.page} ${JSON.stringify(t.header)}`);
  t.rows.forEach((r, i) => {
    const fs = ex.facts.filter((f) => f.about?.tableId === t.id && f.about.row === i);
    console.log(`${i}: ${JSON.stringify(r)}  ${fs.map((f) => `${f.about!.col}:${f.about!.column ?? '-'}${f.about!.code ? '#' + f.about!.code : ''}`).join(' ')}`);
  });
}
