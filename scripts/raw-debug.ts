import { ingest } from '../src/ingest/index.js';
const [file, page, line] = process.argv.slice(2);
const doc = await ingest(file!, { ocr: 'off' });
for (const b of doc.blocks) if (b.kind === 'line' && String(b.line.loc.page ?? b.line.loc.paragraph) === page && (!line || String(b.line.loc.line) === line)) console.log(JSON.stringify(b.line.raw), b.line.hint ?? '');
