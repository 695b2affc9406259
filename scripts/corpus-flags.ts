// Every SUM_MISMATCH / VALUE_CONFLICT / PERCENT_MISMATCH flag of the corpus (and the seed), one a line:
// for diffing a change's effect on the clean documents.
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { corpusFiles } from './eval-mutations.js';
const re = new RegExp(process.argv[2] ?? 'SUM_MISMATCH|VALUE_CONFLICT|PERCENT_MISMATCH');
for (const file of corpusFiles()) {
  const name = file.split('/').pop()!;
  let doc;
  try {
    doc = check(extract(segment(await ingest(file, { ocr: 'off' }))));
  } catch {
    continue;
  }
  for (const f of doc.flags) if (re.test(f.code)) console.log(`${name.slice(0, 50)} ${f.code} ${f.severity} @${f.loc?.page}:${f.loc?.line} | ${f.message.slice(0, 140)}`);
}
