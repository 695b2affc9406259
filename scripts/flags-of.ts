// Print a document's flags (code, severity, place, message): for reading a change's effect on a report.
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
const [file, codeRe] = process.argv.slice(2);
const doc = check(extract(segment(await ingest(file!, { ocr: 'off' }))));
for (const f of doc.flags) if (!codeRe || new RegExp(codeRe).test(f.code)) console.log(`${f.code} ${f.severity} @${f.loc?.page}:${f.loc?.line} ${f.loc?.table ?? ''}/${f.loc?.row ?? ''}/${f.loc?.col ?? ''} | ${f.message} | exp=${f.expected} found=${f.found}`);
