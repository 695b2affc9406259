// Test material for page-text tables (issue 12): from the seed PDF and every corpus PDF, the two page
// texts scrapers hand over — `pdftotext -layout` (cells apart by runs of spaces, numbers aligned) and a
// pdfplumber-style dump (a line's words joined by single spaces; pages apart by \f). Made at test or
// eval time into a temporary folder, never committed.
//   tsx scripts/make-renditions.ts [OUTDIR]
// Every page-text rendition a scraper may hand over of any PDFs (issue 11: the same report must give the
// same verdicts in each), one folder per rendition under OUTDIR, each file named as its PDF with .txt:
//   tsx scripts/make-renditions.ts --all OUTDIR PDF|DIR…
//   raw       pdftotext (reading order, no -layout): table columns scrambled, pages apart by \f
//   layout    pdftotext -layout, pages apart by \f
//   nopgbrk   pdftotext -layout -nopgbrk: no page breaks at all
//   json      [{"page": N, "text": "…"}] of the -layout pages (content is JSON; the name keeps .txt)
//   marked    -layout with each \f replaced by a `--- 第N页 ---` line (the page that begins there)
//   spaced    a pdfplumber-style dump (single spaces, \f)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export { shared } from './shared-dir.js';
import { shared } from './shared-dir.js';
export const SEED_PDF = join(shared, 'seed', '000_37d039dcb8ad6afc.pdf');
export const defaultOutDir = join(tmpdir(), 'juesuan-renditions');

export interface Rendition {
  pdf: string;
  /** pdftotext -layout */
  layout: string;
  /** single spaces */
  spaced: string;
}

/** The seed PDF and every corpus PDF. */
export function sourcePdfs(): string[] {
  const dir = join(shared, 'corpus', 'real');
  const corpus = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f)) : [];
  return [SEED_PDF, ...corpus];
}

/** A pdfplumber-style line: the words of a -layout line joined by single spaces. */
export const singleSpaced = (layout: string): string =>
  layout
    .split('\f')
    .map((page) =>
      page
        .split('\n')
        .map((l) => l.trim().replace(/[ \t\u00a0\u3000]+/g, ' '))
        .filter((l) => l !== '')
        .join('\n'),
    )
    .join('\f');

export function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Both renditions of one PDF (remade only when the PDF is newer). */
export function makeRendition(pdf: string, outDir = defaultOutDir): Rendition {
  mkdirSync(outDir, { recursive: true });
  const stem = join(outDir, basename(pdf, '.pdf'));
  const r: Rendition = { pdf, layout: `${stem}.layout.txt`, spaced: `${stem}.spaced.txt` };
  const fresh = (f: string) => existsSync(f) && statSync(f).mtimeMs >= statSync(pdf).mtimeMs;
  if (!fresh(r.layout) || !fresh(r.spaced)) {
    execFileSync('pdftotext', ['-q', '-enc', 'UTF-8', '-layout', pdf, r.layout]);
    writeFileSync(r.spaced, singleSpaced(readFileSync(r.layout, 'utf8')));
  }
  return r;
}

export const makeRenditions = (outDir = defaultOutDir): Rendition[] => sourcePdfs().map((p) => makeRendition(p, outDir));

export const RENDITIONS = ['raw', 'layout', 'nopgbrk', 'json', 'marked', 'spaced'] as const;
export type RenditionName = (typeof RENDITIONS)[number];

const pdftotext = (pdf: string, ...args: string[]): string => execFileSync('pdftotext', ['-q', '-enc', 'UTF-8', ...args, pdf, '-'], { maxBuffer: 1 << 28 }).toString('utf8');

/** The pages of a form-feed text (pdftotext ends the last page with one: no empty page after it). */
const pagesOf = (text: string): string[] => text.replace(/\f$/, '').split('\f');

/** Each rendition's text from a PDF's `pdftotext -layout` and plain `pdftotext` texts (pure: tests call it on
 *  small made texts). */
export function renditionsOf(layout: string, raw: string): Record<RenditionName, string> {
  const pages = pagesOf(layout);
  return {
    raw,
    layout,
    nopgbrk: pages.join(''),
    json: JSON.stringify(pages.map((text, i) => ({ page: i + 1, text }))),
    marked: pages.map((p, i) => (i === 0 ? p : `--- 第${i + 1}页 ---\n${p}`)).join(''),
    spaced: singleSpaced(layout),
  };
}

/** Every rendition of one PDF into OUTDIR/<rendition>/<name>.txt. */
export function makeAllRenditions(pdf: string, outDir: string): string[] {
  const all = renditionsOf(pdftotext(pdf, '-layout'), pdftotext(pdf));
  return RENDITIONS.map((r) => {
    mkdirSync(join(outDir, r), { recursive: true });
    const file = join(outDir, r, `${basename(pdf, '.pdf')}.txt`);
    writeFileSync(file, all[r]);
    return file;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv[2] === '--all') {
  const [out, ...inputs] = process.argv.slice(3);
  if (!out || !inputs.length) throw new Error('usage: tsx scripts/make-renditions.ts --all OUTDIR PDF|DIR…');
  const pdfs = inputs.flatMap((x) => (statSync(x).isDirectory() ? readdirSync(x).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(x, f)) : [x]));
  for (const pdf of pdfs) makeAllRenditions(pdf, out);
  console.log(`${pdfs.length} PDFs × ${RENDITIONS.length} renditions in ${out}/{${RENDITIONS.join(',')}}`);
} else if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? defaultOutDir;
  for (const r of makeRenditions(out)) console.log(`${basename(r.pdf)} → ${basename(r.layout)}, ${basename(r.spaced)}`);
  console.log(`in ${out}`);
}
