// Debug aid (not shipped): the indicator tables of a document (tsx scripts/dump-indicators.ts FILE).
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
const doc = extract(segment(await ingest(process.argv[2]!, { ocr: 'off' })));
for (const i of doc.indicators) console.log(JSON.stringify(i).slice(0, 600));
