// The same report must get the same verdicts in every rendition (issue 11, s19): per document, the `error`
// flags (code + page + figures/excerpt) and the summary values (canonical metrics) of the PDF against those of
// each page-text rendition scripts/make-renditions.ts makes, and the differences: a flag only in a rendition,
// a flag only in the PDF, a value differing (or given by one side only). Records come from the library API
// (src/index.ts extract: what the CLI writes). Both sides are cached by file content + a hash of src/ and
// patterns/ (a code change recomputes; a rerun without one is instant).
//   tsx scripts/verdict-agreement.ts --pdfs=DIR[,DIR…] --rend=DIR [--cache=DIR] [--only=SUBSTR]
//        [--renditions=raw,layout,…] [--make] [--quiet] [--tsv=FILE]
// --rend is the OUTDIR of `make-renditions.ts --all` (one folder per rendition); --make makes missing ones.
// Flags are matched by code + expected + found first (pages differ where a dump lost its page breaks:
// nopgbrk), then by code + page; values are compared at the record's precision.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../src/index.js';
import { RENDITIONS, makeAllRenditions, type RenditionName } from './make-renditions.js';

export interface FlagLine {
  code: string;
  page: number | null;
  expected: string | number | null;
  found: string | number | null;
  text: string;
}
export interface Verdicts {
  flags: FlagLine[];
  /** metric → [value, unit] as the record gives them */
  values: Record<string, [number, string]>;
  failed?: string;
}

export interface Difference {
  /** value: both give the metric, differently; value-missing: only the PDF gives it; value-extra: only the rendition */
  kind: 'pdf-only' | 'rendition-only' | 'value' | 'value-missing' | 'value-extra';
  what: string;
}

const flagKey = (f: FlagLine) => `${f.code}|${f.expected ?? ''}|${f.found ?? ''}`;
const showFlag = (f: FlagLine) => `${f.code} @${f.page ?? '?'} exp=${f.expected ?? ''} found=${f.found ?? ''} | ${f.text.slice(0, 160)}`;

const SCALE: Record<string, number> = { 元: 1, 千元: 1e3, 万元: 1e4, 亿元: 1e8 };
const decimals = (x: number) => (String(x).split('.')[1] ?? '').length;
/** Two amounts agree when each is the other at the coarser one's printed precision (a 元 table's 96282213.44
 *  and a 万元 sentence's 9628.22); other units (%, 人, 辆) must be equal. */
export function sameAmount([a, ua]: [number, string], [b, ub]: [number, string]): boolean {
  if (ua === ub && a === b) return true;
  const sa = SCALE[ua];
  const sb = SCALE[ub];
  if (sa === undefined || sb === undefined) return false;
  const half = Math.max(sa * 10 ** -decimals(a), sb * 10 ** -decimals(b)) / 2;
  return Math.abs(a * sa - b * sb) <= half + 1e-6 * Math.max(sa, sb);
}

/** The differences between the PDF's verdicts and a rendition's (pure: tests call it). */
export function compareVerdicts(pdf: Verdicts, rend: Verdicts): Difference[] {
  const out: Difference[] = [];
  const left = [...pdf.flags];
  const extra: FlagLine[] = [];
  for (const f of rend.flags) {
    let i = left.findIndex((g) => flagKey(g) === flagKey(f));
    if (i < 0) i = left.findIndex((g) => g.code === f.code && g.page === f.page && g.page !== null);
    if (i >= 0) left.splice(i, 1);
    else extra.push(f);
  }
  for (const f of left) out.push({ kind: 'pdf-only', what: showFlag(f) });
  for (const f of extra) out.push({ kind: 'rendition-only', what: showFlag(f) });
  const metrics = new Set([...Object.keys(pdf.values), ...Object.keys(rend.values)]);
  for (const m of [...metrics].sort()) {
    const a = pdf.values[m];
    const b = rend.values[m];
    if (a && b && sameAmount(a, b)) continue;
    const show = (v?: [number, string]) => (v ? `${v[0]}${v[1]}` : '—');
    out.push({ kind: a && b ? 'value' : a ? 'value-missing' : 'value-extra', what: `${m}: pdf=${show(a)} rendition=${show(b)}` });
  }
  return out;
}

async function verdictsOf(file: string): Promise<Verdicts> {
  try {
    const r = await extract(file, { ocr: 'off' });
    return {
      flags: r.flags
        .filter((f) => f.severity === 'error')
        .map((f) => ({ code: f.code, page: f.loc?.page ?? null, expected: f.expected, found: f.found, text: (f.excerpt ?? f.message).replace(/\s+/g, ' ') })),
      values: Object.fromEntries(Object.entries(r.summary).map(([k, v]) => [k, [v.value, v.unit]])),
    };
  } catch (e) {
    return { flags: [], values: {}, failed: (e as Error).message };
  }
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A hash of the code and data a record depends on (src/, patterns/). */
function codeHash(): string {
  const h = createHash('sha1');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|ya?ml|json)$/.test(e.name)) h.update(p).update(readFileSync(p));
    }
  };
  walk(join(repo, 'src'));
  walk(join(repo, 'patterns'));
  h.update(readFileSync(fileURLToPath(import.meta.url)));
  return h.digest('hex').slice(0, 12);
}

async function cached(file: string, cache: string, code: string): Promise<Verdicts> {
  const key = createHash('sha1').update(code).update(readFileSync(file)).digest('hex').slice(0, 20);
  const at = join(cache, `${key}.json`);
  if (existsSync(at)) return JSON.parse(readFileSync(at, 'utf8')) as Verdicts;
  const v = await verdictsOf(file);
  writeFileSync(at, JSON.stringify(v));
  return v;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const pdfDirs = (arg('pdfs') ?? '').split(',').filter(Boolean);
  const rendDir = arg('rend');
  if (!pdfDirs.length || !rendDir) throw new Error('usage: tsx scripts/verdict-agreement.ts --pdfs=DIR[,DIR…] --rend=DIR [--cache=DIR] [--only=SUBSTR] [--renditions=…] [--make] [--quiet] [--tsv=FILE]');
  const cache = arg('cache') ?? '/tmp/verdict-agreement-cache';
  mkdirSync(cache, { recursive: true });
  const only = arg('only');
  const quiet = process.argv.includes('--quiet');
  const rends = (arg('renditions')?.split(',') ?? [...RENDITIONS]) as RenditionName[];
  const code = codeHash();
  const pdfs = pdfDirs.flatMap((d) => (statSync(d).isDirectory() ? readdirSync(d).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(d, f)) : [d])).filter((p) => !only || basename(p).includes(only));
  const tally = new Map<RenditionName, { pdfOnly: number; rendOnly: number; value: number; missing: number; extra: number; docs: number; failed: number }>();
  const tsv: string[] = [];
  for (const pdf of pdfs) {
    const name = basename(pdf, '.pdf');
    if (process.argv.includes('--make') && rends.some((r) => !existsSync(join(rendDir, r, `${name}.txt`)))) makeAllRenditions(pdf, rendDir);
    const p = await cached(pdf, cache, code);
    const lines: string[] = [];
    for (const r of rends) {
      const file = join(rendDir, r, `${name}.txt`);
      if (!existsSync(file)) continue;
      const v = await cached(file, cache, code);
      const t = tally.get(r) ?? { pdfOnly: 0, rendOnly: 0, value: 0, missing: 0, extra: 0, docs: 0, failed: 0 };
      t.docs++;
      if (v.failed) {
        t.failed++;
        lines.push(`  [${r}] FAILED ${v.failed}`);
        tsv.push([name, r, 'failed', v.failed].join('\t'));
      }
      for (const d of compareVerdicts(p, v)) {
        if (d.kind === 'pdf-only') t.pdfOnly++;
        else if (d.kind === 'rendition-only') t.rendOnly++;
        else if (d.kind === 'value') t.value++;
        else if (d.kind === 'value-missing') t.missing++;
        else t.extra++;
        lines.push(`  [${r}] ${d.kind}: ${d.what}`);
        tsv.push([name, r, d.kind, d.what].join('\t'));
      }
      tally.set(r, t);
    }
    if (!quiet) {
      console.log(`${name}: PDF ${p.failed ? `FAILED ${p.failed}` : `${p.flags.length} error flag(s), ${Object.keys(p.values).length} value(s)`}`);
      for (const f of p.flags) console.log(`  pdf: ${showFlag(f)}`);
      for (const l of lines) console.log(l);
    }
  }
  console.log(`\nrendition\tdocs\terror pdf-only\terror rendition-only\tvalue differs\tvalue pdf-only\tvalue rendition-only\tfailed`);
  for (const [r, t] of tally) console.log(`${r}\t${t.docs}\t${t.pdfOnly}\t${t.rendOnly}\t${t.value}\t${t.missing}\t${t.extra}\t${t.failed}`);
  const out = arg('tsv');
  if (out) writeFileSync(out, tsv.join('\n') + '\n');
}
