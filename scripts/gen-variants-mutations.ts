// Mutation evaluation of the table identities on the synthetic layouts of scripts/gen-variants.ts: in each
// clean variant, each amount cell of each table is altered in turn (one cell: +9.00万元, a blank 0.00 made
// 9.00), and the pipeline is run on the report. A change is caught when it raises an `error` or `warning`
// flag the clean report does not have; `by identity` counts only SUM_MISMATCH (a table identity), not
// narrative restatements. Cells are split into totals (a row or column of 合计/总计/小计) and parts.
// A second kind of change keeps one table consistent in itself but not with the others: the table is made
// from altered figures (行政运行 +9.00万元, …), so its own sums hold and only a cross-table identity (or a
// narrative restatement) can catch it.
//
//   npx tsx scripts/gen-variants-mutations.ts [--layout sichuan13,…] [--dump] [--misses]
import { pathToFileURL } from 'node:url';
import { FIGURE_INPUTS, figures, LAYOUTS, layoutText, makeVariant, tablesOf, type FigureInput, type Layout, type Table } from './gen-variants.js';
import { processDocument } from '../src/pipeline.js';
import type { Flag } from '../src/model.js';

export interface Mutation {
  layout: Layout;
  table: string;
  row: number;
  col: number;
  label: string;
  header: string;
  total: boolean;
}

const TOTAL = /合计|总计|小计/;

/** Every amount cell of the layout's tables. */
export function mutations(layout: Layout): Mutation[] {
  let tables: Table[] = [];
  makeVariant(layout, 'none', (t) => void (tables = structuredClone(t)));
  const out: Mutation[] = [];
  for (const t of tables) {
    if (!t.rows) continue;
    const header = t.rows.findLast((r) => r.every((c) => typeof c === 'string')) ?? [];
    t.rows.forEach((r, ri) => {
      r.forEach((c, ci) => {
        if (typeof c !== 'number') return;
        const label = r.filter((x) => typeof x === 'string' && x).join('/');
        // the nearest label to the left of a halves value, else the row's labels
        const left = [...r.slice(0, ci)].reverse().find((x) => typeof x === 'string' && x !== '') as string | undefined;
        const h = String(header[ci] ?? '');
        out.push({ layout, table: t.title, row: ri, col: ci, label: left ?? label, header: h, total: TOTAL.test(left ?? label) || TOTAL.test(h) });
      });
    });
  }
  return out;
}

export const tamperOf = (m: Mutation) => (tables: Table[]) => {
  const t = tables.find((x) => x.title === m.table && x.rows);
  const r = t!.rows![m.row]!;
  r[m.col] = (r[m.col] as number) + 900;
};

/** One table made from altered figures (only the changes that alter that table). */
export interface TableChange {
  layout: Layout;
  table: number;
  title: string;
  input: FigureInput;
}

const INPUTS: FigureInput[] = ['b1', 'p1', 'o1', 'b2', 'reception', 'vehicle', 'office'];

export function tableChanges(layout: Layout): TableChange[] {
  const base = tablesOf(layout);
  const out: TableChange[] = [];
  for (const input of INPUTS) {
    const alt = tablesOf(layout, figures({ [input]: FIGURE_INPUTS[input] + 900 }));
    base.forEach((t, i) => {
      if (t.rows && JSON.stringify(t.rows) !== JSON.stringify(alt[i]!.rows)) out.push({ layout, table: i, title: t.title, input });
    });
  }
  return out;
}

export const swapOf = (c: TableChange) => (tables: Table[]) => {
  const alt = tablesOf(c.layout, figures({ [c.input]: FIGURE_INPUTS[c.input] + 900 }));
  tables[c.table] = alt[c.table]!;
};

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
const key = (f: Flag) => `${f.code}|${f.message}`;

export async function evaluate(layout: Layout, render: (l: string[]) => string[] = (l) => l) {
  const clean = await run(render(makeVariant(layout, 'none').lines));
  const base = new Set(clean.flags.map(key));
  const res: { m: Mutation; any: boolean; identity: boolean; flags: string[] }[] = [];
  for (const m of mutations(layout)) {
    const doc = await run(render(makeVariant(layout, 'none', tamperOf(m)).lines));
    const fresh = doc.flags.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !base.has(key(f)));
    res.push({ m, any: fresh.length > 0, identity: fresh.some((f) => f.code === 'SUM_MISMATCH'), flags: fresh.map((f) => `${f.code} ${f.severity} ${f.message.slice(0, 100)}`) });
  }
  const swaps: { c: TableChange; any: boolean; identity: boolean; flags: string[] }[] = [];
  for (const c of tableChanges(layout)) {
    const doc = await run(render(makeVariant(layout, 'none', swapOf(c)).lines));
    const fresh = doc.flags.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !base.has(key(f)));
    swaps.push({ c, any: fresh.length > 0, identity: fresh.some((f) => f.code === 'SUM_MISMATCH'), flags: fresh.map((f) => `${f.code} ${f.severity} ${f.message.slice(0, 100)}`) });
  }
  return { cleanErrors: clean.flags.filter((f) => f.severity === 'error').length, res, swaps };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const only = args.find((a) => a.startsWith('--layout='))?.slice(9).split(',');
  const render = args.includes('--layout-text') ? layoutText : (l: string[]) => l;
  let all = [0, 0, 0];
  let tall = [0, 0, 0];
  // (luzhou publishes its tables in a separate file: nothing to mutate)
  for (const layout of LAYOUTS.filter((l) => l !== 'luzhou' && (!only || only.includes(l)))) {
    const { cleanErrors, res, swaps } = await evaluate(layout, render);
    const part = (xs: typeof res) => `${xs.filter((x) => x.identity).length}/${xs.filter((x) => x.any).length}/${xs.length}`;
    console.log(`${layout.padEnd(11)} clean errors ${cleanErrors}  parts ${part(res.filter((x) => !x.m.total))}  totals ${part(res.filter((x) => x.m.total))}  (by identity/any flag/cells)  tables ${swaps.filter((x) => x.identity).length}/${swaps.filter((x) => x.any).length}/${swaps.length}`);
    tall = [tall[0]! + swaps.filter((x) => x.identity).length, tall[1]! + swaps.filter((x) => x.any).length, tall[2]! + swaps.length];
    all = [all[0]! + res.filter((x) => x.identity).length, all[1]! + res.filter((x) => x.any).length, all[2]! + res.length];
    if (args.includes('--misses'))
      for (const x of swaps.filter((r) => !r.identity)) console.log(`   table miss ${x.c.title} ${x.c.input}${x.any ? '  (caught: ' + x.flags[0] + ')' : ''}`);
    if (args.includes('--misses'))
      for (const x of res.filter((r) => !r.identity)) console.log(`   miss ${x.m.table} r${x.m.row}c${x.m.col} ${x.m.label} | ${x.m.header}${x.any ? '  (caught: ' + x.flags[0] + ')' : ''}`);
  }
  console.log(`tables: by identity ${tall[0]}/${tall[2]}, any flag ${tall[1]}/${tall[2]}`);
  console.log(`all: by identity ${all[0]}/${all[2]} (${((100 * all[0]!) / all[2]!).toFixed(1)}%), any flag ${all[1]}/${all[2]}`);
}
