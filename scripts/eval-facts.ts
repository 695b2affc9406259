// Score fact extraction against the hand annotations in tests/annotations/*.yaml: for each canonical
// metric, is the summary figure there, and exact? Prints precision and recall per metric.
//   precision = exact / reported, recall = exact / annotated (a reported wrong figure costs both).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extract } from '../src/extract/index.js';
import { check } from '../src/check/index.js';
import { metricDefs } from '../src/extract/metrics.js';
import type { SummaryEntry } from '../src/model.js';
import { shared } from './shared-dir.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const annotations = join(repo, 'tests', 'annotations');

interface Annotation {
  source: string;
  scope?: string;
  metrics: Record<string, number> | null;
}

interface Tally {
  annotated: number;
  reported: number;
  exact: number;
}

const resolveSource = (s: string) => (s.startsWith('shared:') ? join(shared, s.slice(7)) : join(repo, s.replace(/^repo:/, '')));
const figure = (e: SummaryEntry) => e.yuan ?? e.value;
const SCALE: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };
/** Exact at the printed precision: 9628.22万元 (96,282,200元) matches an annotated 96,282,213元, since the
 *  document prints the figure rounded to 0.01万元 there; a figure printed in 元 must match to the 元. */
function matches(e: SummaryEntry, printed: string, want: number): boolean {
  if (e.yuan === undefined) return e.value === want;
  const decimals = printed.split('.')[1]?.length ?? 0;
  const step = 10 ** Math.max(0, (SCALE[e.unit] ?? 0) - decimals);
  return step <= 1 ? e.yuan === want : 2 * Math.abs(e.yuan - want) <= step;
}
const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

export async function main(): Promise<void> {
  const tally = new Map<string, Tally>(metricDefs().map((d) => [d.key, { annotated: 0, reported: 0, exact: 0 }]));
  const files = readdirSync(annotations).filter((f) => f.endsWith('.yaml')).sort();
  console.log('Fact extraction against tests/annotations/\n');
  for (const file of files) {
    let a: Annotation;
    try {
      a = parse(readFileSync(join(annotations, file), 'utf8')) as Annotation;
    } catch (e) {
      console.log(`${file}: skipped, not valid YAML (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const path = resolveSource(a.source);
    if (!existsSync(path)) {
      console.log(`${file}: skipped, ${a.source} not found`);
      continue;
    }
    let doc;
    try {
      // The record the user gets: check revises the summary (a table flagged as scrambled gives no value).
      doc = check(extract(segment(await ingest(path))));
    } catch (e) {
      console.log(`${file}: skipped, this format is not supported yet (${(e as Error).message.split('\n')[0]})`);
      continue;
    }
    const facts = doc.facts.length;
    if (!a.metrics) {
      console.log(`${file}: read (${doc.source.format}, ${facts} facts), not scored: no annotation yet`);
      continue;
    }
    const wrong: string[] = [];
    let exact = 0;
    for (const [key, t] of tally) {
      const want = a.metrics[key];
      const got = doc.summary[key];
      if (want !== undefined) t.annotated++;
      if (got) t.reported++;
      if (want !== undefined && got && matches(got, doc.facts.find((f) => f.id === got.factId)?.text ?? String(got.value), want)) {
        t.exact++;
        exact++;
      } else if (want !== undefined || got) wrong.push(`${key} want ${want ?? 'absent'} got ${got ? figure(got) : 'absent'}`);
    }
    const n = Object.keys(a.metrics).length;
    console.log(`${file}: ${facts} facts, ${exact}/${n} metrics exact, ${Object.keys(doc.summary).length} reported`);
    for (const w of wrong) console.log(`    ${w}`);
  }
  console.log('');
  const rows = [...tally].filter(([, t]) => t.annotated || t.reported);
  const w = Math.max(...rows.map(([k]) => k.length), 6);
  console.log(`${'metric'.padEnd(w)}  annotated  reported  exact  precision  recall`);
  const total: Tally = { annotated: 0, reported: 0, exact: 0 };
  for (const [k, t] of rows) {
    total.annotated += t.annotated;
    total.reported += t.reported;
    total.exact += t.exact;
    console.log(
      `${k.padEnd(w)}  ${String(t.annotated).padStart(9)}  ${String(t.reported).padStart(8)}  ${String(t.exact).padStart(5)}  ${pct(t.exact, t.reported).padStart(9)}  ${pct(t.exact, t.annotated).padStart(6)}`,
    );
  }
  console.log(
    `${'ALL'.padEnd(w)}  ${String(total.annotated).padStart(9)}  ${String(total.reported).padStart(8)}  ${String(total.exact).padStart(5)}  ${pct(total.exact, total.reported).padStart(9)}  ${pct(total.exact, total.annotated).padStart(6)}`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
