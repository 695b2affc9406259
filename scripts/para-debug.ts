import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { textUnits } from '../src/check/lines.js';
import { paragraphsOf, tableRows } from '../src/check/paragraphs.js';
const [file, page, needle] = process.argv.slice(2);
const doc = extract(segment(await ingest(file!, { ocr: 'off' })));
for (const p of paragraphsOf(textUnits(doc))) {
  if (!p.parts.some((x) => String(x.line.loc.page ?? x.line.loc.paragraph) === page)) continue;
  if (needle && !p.text.includes(needle)) continue;
  console.log(tableRows.has(p) ? 'ROW' : 'PARA', p.parts.map((x) => `${x.line.loc.page ?? x.line.loc.paragraph}:${x.line.loc.line}`).join(','), p.text);
}
