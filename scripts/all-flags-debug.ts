import { readdirSync } from 'node:fs';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
const R = '/work/shared/corpus/real/';
const files = ['/work/shared/seed/000_37d039dcb8ad6afc.txt', ...readdirSync(R).filter((f) => /\.(pdf|txt)$/.test(f)).map((f) => R + f)];
for (const file of files) {
  let d;
  try { d = check(extract(segment(await ingest(file, { ocr: 'off' })))); } catch { continue; }
  for (const f of d.flags) console.log(file.split('/').pop()!.slice(0, 40), f.code, f.severity, f.loc?.page ?? f.loc?.paragraph, f.loc?.line, f.loc?.table ?? '', f.message.slice(0, 80));
}
