// Test material for page-text tables (issue 12): from the seed PDF and every corpus PDF, the two page
// texts scrapers hand over — `pdftotext -layout` (cells apart by runs of spaces, numbers aligned) and a
// pdfplumber-style dump (a line's words joined by single spaces; pages apart by \f). Made at test or
// eval time into a temporary folder, never committed.
//   tsx scripts/make-renditions.ts [OUTDIR]
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

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? defaultOutDir;
  for (const r of makeRenditions(out)) console.log(`${basename(r.pdf)} → ${basename(r.layout)}, ${basename(r.spaced)}`);
  console.log(`in ${out}`);
}
