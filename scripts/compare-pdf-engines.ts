// PDFium against pdf.js, whole pipeline, on every PDF of the shared seed and corpus (issue 15): facts,
// table cells, outline, indicators, summary and flags of both readings side by side.
//
//   npx tsx scripts/compare-pdf-engines.ts [--verbose] [file.pdf ...]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const files = args.filter((a) => !a.startsWith('--'));
const pdfs = files.length
  ? files
  : [join(shared, 'seed'), join(shared, 'corpus', 'real')].flatMap((d) =>
      readdirSync(d)
        .filter((n) => n.endsWith('.pdf') && !n.includes('scanned'))
        .map((n) => join(d, n)),
    );

type Rec = Awaited<ReturnType<typeof extract>>;
/** With --values, a reading is compared without its excerpt and character offsets (spacing only). */
const valuesOnly = args.includes('--values');
const strip = (x: unknown) =>
  JSON.stringify(x, (k, v) => (valuesOnly && (k === 'excerpt' || k === 'start' || k === 'end') ? undefined : v));
function keyed(rec: Rec): Record<string, Map<string, string>> {
  const m = (xs: unknown[], key: (x: never, i: number) => string) => new Map(xs.map((x, i) => [key(x as never, i), strip(x)]));
  return {
    facts: m(rec.facts, (f: { id?: string }, i) => f.id ?? String(i)),
    cells: new Map(rec.tables.flatMap((t) => (t as unknown as { id: string; rows: { text?: string; value?: unknown }[][] }).rows.flatMap((r, i) => r.map((c, j) => [`${(t as { id: string }).id}[${i},${j}]`, strip(c)] as [string, string])))),
    tables: m(rec.tables, (t: { id: string; kind?: string }) => `${t.id}`),
    outline: new Map([['outline', strip(rec.outline)]]),
    indicators: m(rec.indicators, (_x, i) => String(i)),
    summary: new Map(Object.entries(rec.summary).map(([k, v]) => [k, strip(v)])),
    flags: m(rec.flags, (fl: { code?: string; message?: string }, i) => `${i}`),
  };
}

const totals: Record<string, { same: number; total: number }> = {};
for (const path of pdfs) {
  const bytes = readFileSync(path);
  const t0 = performance.now();
  const a = await extract(new Uint8Array(bytes), { ocr: 'off', pdfEngine: 'pdfjs' }).catch((e) => e as Error);
  const t1 = performance.now();
  const b = await extract(new Uint8Array(bytes), { ocr: 'off', pdfEngine: 'pdfium' }).catch((e) => e as Error);
  const t2 = performance.now();
  const name = basename(path);
  if (a instanceof Error || b instanceof Error) {
    const ea = a instanceof Error ? `${(a as { code?: string }).code} ${a.message}` : 'ok';
    const eb = b instanceof Error ? `${(b as { code?: string }).code} ${b.message}` : 'ok';
    console.log(`${name}: pdfjs=${ea} pdfium=${eb} ${ea === eb ? 'SAME' : 'DIFFERENT'}`);
    continue;
  }
  const ka = keyed(a);
  const kb = keyed(b);
  const parts: string[] = [];
  for (const what of Object.keys(ka)) {
    const x = ka[what]!;
    const y = kb[what]!;
    const keys = new Set([...x.keys(), ...y.keys()]);
    let same = 0;
    const diffs: string[] = [];
    for (const k of keys) {
      if (x.get(k) === y.get(k)) same++;
      else diffs.push(`    ${what} ${k}\n      pdfjs : ${x.get(k)?.slice(0, 400)}\n      pdfium: ${y.get(k)?.slice(0, 400)}`);
    }
    totals[what] ??= { same: 0, total: 0 };
    totals[what].same += same;
    totals[what].total += keys.size;
    parts.push(`${what} ${same}/${keys.size}`);
    if (verbose && diffs.length) console.log(`  ${name}\n${diffs.slice(0, 30).join('\n')}`);
  }
  console.log(`${name}: ${parts.join(', ')}  pdfjs ${((t1 - t0) / 1000).toFixed(1)}s pdfium ${((t2 - t1) / 1000).toFixed(1)}s`);
}
console.log('TOTAL ' + Object.entries(totals).map(([k, v]) => `${k} ${v.same}/${v.total}`).join(', '));
