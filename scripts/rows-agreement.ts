// Tables read from page-text dumps against the same document's PDF, per table kind (rows engineer, s10):
// for each PDF and each dump of it (a folder of NAME.txt beside NAME.pdf), the value cells that agree
// (value + row + column key: scripts/table-agreement.ts) and the rows whose every PDF cell the dump gives
// unchanged with none added. The PDF's tables are cached (they do not depend on the text side).
//   tsx scripts/rows-agreement.ts --pdfs=DIR --dumps=KIND:DIR[,KIND:DIR…] [--cache=DIR] [--only=NAME] [--docs] [--differ=KIND]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TableRecord } from '../src/model.js';
import { readTables } from './eval-tables.js';
import { agreement, cellMap } from './table-agreement.js';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const pdfDir = arg('pdfs') ?? '';
const dumps = (arg('dumps') ?? '').split(',').filter(Boolean).map((s) => s.split(':') as [string, string]);
const cache = arg('cache') ?? '/tmp/rows-agreement-cache';
const only = arg('only');
const perDoc = process.argv.includes('--docs');
const differ = arg('differ');
mkdirSync(cache, { recursive: true });

async function pdfTables(pdf: string): Promise<TableRecord[]> {
  const key = createHash('sha1').update(`${pdf}|${statSync(pdf).mtimeMs}`).digest('hex').slice(0, 16);
  const file = join(cache, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as TableRecord[];
  const t = await readTables(pdf);
  writeFileSync(file, JSON.stringify(t));
  return t;
}

const kindOf = (t: TableRecord) => t.kind.replace(/\d+$/, (d) => d.padStart(2, '0'));
type Tally = { cells: number; same: number; differs: number; rows: number; rowsSame: number };
const tally = new Map<string, Tally>(); // `${dumpKind}\t${tableKind}`
const add = (k: string, t: Tally) => {
  const o = tally.get(k) ?? { cells: 0, same: 0, differs: 0, rows: 0, rowsSame: 0 };
  for (const f of Object.keys(o) as (keyof Tally)[]) o[f] += t[f];
  tally.set(k, o);
};
const rowOf = (key: string) => key.split('|').slice(0, 3).join('|');

const pdfs = readdirSync(pdfDir).filter((f) => f.endsWith('.pdf') && (!only || f.includes(only))).sort();
for (const f of pdfs) {
  const name = basename(f, '.pdf');
  const fromPdf = await pdfTables(join(pdfDir, f));
  for (const [dk, dir] of dumps) {
    const dump = join(dir, `${name}.txt`);
    if (!existsSync(dump)) continue;
    const fromDump = await readTables(dump);
    const kinds = new Set([...fromPdf, ...fromDump].filter((t) => /^(公开|预算)\d/u.test(t.kind)).map(kindOf));
    const doc: Tally = { cells: 0, same: 0, differs: 0, rows: 0, rowsSame: 0 };
    for (const k of kinds) {
      const a = agreement(fromPdf.filter((t) => kindOf(t) === k), fromDump.filter((t) => kindOf(t) === k));
      const bad = new Set([...a.missing.map(([key]) => rowOf(key)), ...a.differs.map((d) => rowOf(d.key))]);
      const rows = new Set([...a.missing.map(([key]) => rowOf(key))]);
      // every row of the PDF's (its keys without the repeat index)
      for (const key of cellMap(fromPdf.filter((t) => kindOf(t) === k)).keys()) rows.add(rowOf(key.replace(/\|~\d+$/, '')));
      const t = { cells: a.pdfCells, same: a.same, differs: a.differs.length, rows: rows.size, rowsSame: [...rows].filter((r) => !bad.has(r)).length };
      add(`${dk}\t${k}`, t);
      for (const fld of Object.keys(doc) as (keyof Tally)[]) doc[fld] += t[fld];
      if (differ === dk) for (const d of a.differs) console.log(`  ${name.slice(0, 40)} ${dk} ${d.key}: pdf ${d.pdf ?? '(none)'} dump ${d.dump}`);
    }
    if (perDoc) console.log(`${name.slice(0, 50)}\t${dk}\tcells ${doc.same}/${doc.cells} differs ${doc.differs} rows ${doc.rowsSame}/${doc.rows}`);
  }
}
const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—');
console.log(['dump', 'table', 'pdf cells', 'same', '%', 'differs', 'rows', 'rows same', '%'].join('\t'));
const sum = new Map<string, Tally>();
for (const [k, t] of [...tally].sort()) {
  console.log([k, t.cells, t.same, pct(t.same, t.cells), t.differs, t.rows, t.rowsSame, pct(t.rowsSame, t.rows)].join('\t'));
  const dk = k.split('\t')[0]!;
  const o = sum.get(dk) ?? { cells: 0, same: 0, differs: 0, rows: 0, rowsSame: 0 };
  for (const f of Object.keys(o) as (keyof Tally)[]) o[f] += t[f];
  sum.set(dk, o);
}
for (const [dk, t] of sum) console.log([dk, 'ALL', t.cells, t.same, pct(t.same, t.cells), t.differs, t.rows, t.rowsSame, pct(t.rowsSame, t.rows)].join('\t'));
