// Pages per second of the PDF backend over the corpus PDFs, beside `pdftotext -layout` on the same
// files (needs poppler-utils and poppler-data). Not run in CI: `npx tsx scripts/bench-pdf.ts [dir]`.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/index.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const dir = process.argv[2] ?? join(shared, 'corpus', 'real');
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort();

// Warm up pdf.js (module load, fake worker) so that the first file is not charged for it.
await ingest(new Uint8Array(readFileSync(join(dir, files[0]!))), { ocr: 'off' }).catch(() => {});

const rows: { name: string; pages: number; ours: number; poppler: number }[] = [];
for (const f of files) {
  const path = join(dir, f);
  const bytes = new Uint8Array(readFileSync(path));
  let t = performance.now();
  const pages = await ingest(bytes, { ocr: 'off' }).then((d) => d.source.pages, () => 0);
  const ours = performance.now() - t;
  t = performance.now();
  try {
    execFileSync('pdftotext', ['-layout', '-q', path, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
  } catch {
    // unreadable for poppler too: its time still counts
  }
  const poppler = performance.now() - t;
  rows.push({ name: f, pages, ours, poppler });
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log(`${'file'.padEnd(58)} ${pad('pages', 5)} ${pad('ours ms', 8)} ${pad('pages/s', 8)} ${pad('poppler ms', 10)} ${pad('ratio', 6)}`);
for (const r of rows) {
  console.log(`${r.name.slice(0, 58).padEnd(58)} ${pad(r.pages, 5)} ${pad(r.ours.toFixed(0), 8)} ${pad((r.pages / (r.ours / 1000)).toFixed(1), 8)} ${pad(r.poppler.toFixed(0), 10)} ${pad((r.ours / r.poppler).toFixed(1), 6)}`);
}
const sum = (k: 'pages' | 'ours' | 'poppler') => rows.reduce((s, r) => s + r[k], 0);
console.log(`${'TOTAL'.padEnd(58)} ${pad(sum('pages'), 5)} ${pad(sum('ours').toFixed(0), 8)} ${pad((sum('pages') / (sum('ours') / 1000)).toFixed(1), 8)} ${pad(sum('poppler').toFixed(0), 10)} ${pad((sum('ours') / sum('poppler')).toFixed(1), 6)}`);
console.log(`ours = ingest (pdf.js text layer, line rebuild, tables), --ocr off; ratio = ours / pdftotext -layout (each file in its own process)`);
