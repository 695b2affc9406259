// Two consecutive years of one unit's 部门决算, and that year's 部门预算, as small text reports in the seed's
// wording (issue 14): the later 决算's 与上年相比 figures and its table's 上年决算数 column agree with the
// earlier 决算's own, and its 年初预算 with the 预算 — except what `changed` names, which is off by 2.00 万元. The earlier report prints the
// unit's full name, the later ones its short form, so that they pair only through the unit key.
//
//   npx tsx scripts/gen-year-pair.ts [outDir] [changed]   → <outDir>/{early,late,budget}.txt
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A figure in 万元 of one year, kept in hundredths (exact). */
type Figures = Record<'income' | 'expenditure' | 'fiscal' | 'threePublic' | 'agency' | 'general', number>;

export type Changed = keyof Figures | 'initialBudget' | 'tableCell' | null;

/** 一般公共预算财政拨款支出决算表 rows: 科目编码, 科目名称, and the figure per year (hundredths of 万元). */
const ROWS: [string, string, Record<number, number>][] = [
  ['', '合计', { 2021: 7100, 2022: 7979, 2023: 8425 }],
  ['201', '一般公共服务支出', { 2021: 6000, 2022: 6800, 2023: 7000 }],
  ['20129', '群众团体事务', { 2021: 6000, 2022: 6800, 2023: 7000 }],
  ['2012901', '行政运行', { 2021: 6000, 2022: 6800, 2023: 7000 }],
  ['208', '社会保障和就业支出', { 2021: 1100, 2022: 1179, 2023: 1425 }],
];

const w = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
const pct = (change: number, base: number) => ((Math.abs(change) / base) * 100).toFixed(2);
const delta = (now: number, before: number, up: string, down: string) => `${now >= before ? up : down}${w(Math.abs(now - before))}万元，${now >= before ? '增长' : '下降'}${pct(now - before, before)}%`;

/** The table with a 上年决算数 column, as a text file holds a Word table (one TAB-led line per cell, a blank
 *  line between rows); `off` names a row whose 上年 figure is printed 2.00 万元 off. */
function table(year: number, off: string | null): string[] {
  const rows = [['科目编码', '科目名称', '上年决算数', '本年决算数'], ...ROWS.map(([code, name, v]) => [code, name, w(v[year - 1]! + (code === off ? 200 : 0)), w(v[year]!)])];
  return ['一般公共预算财政拨款支出决算表', '单位：万元', ...rows.flatMap((r, i) => [...(i ? [''] : []), ...r.map((c) => `\t${c}`)])];
}

function juesuan(unit: string, year: number, now: Figures, before: Figures, initialBudget: number, off: string | null): string[] {
  const since = `与${year - 1}年度相比，`;
  return [
    `${unit}${year}年度部门决算`,
    `第二部分 ${unit}${year}年度部门决算表`,
    ...table(year, off),
    `第三部分 ${unit}${year}年度部门决算情况说明`,
    '一、收入支出决算总体情况说明',
    `${year}年度收入合计${w(now.income)}万元，${since}收入合计${delta(now.income, before.income, '增加', '减少')}。`,
    `${year}年度支出合计${w(now.expenditure)}万元，${since}支出合计${delta(now.expenditure, before.expenditure, '增加', '减少')}。`,
    '二、财政拨款收入支出决算总体情况说明',
    `${year}年度财政拨款收入${w(now.fiscal)}万元，比上年${delta(now.fiscal, before.fiscal, '增加', '减少')}。`,
    '三、一般公共预算财政拨款支出决算情况说明',
    `${year}年度一般公共预算财政拨款支出${w(now.general)}万元，${since}一般公共预算财政拨款支出${delta(now.general, before.general, '增加', '减少')}。`,
    `${year}年度一般公共预算财政拨款支出年初预算为${w(initialBudget)}万元，支出决算为${w(now.general)}万元，完成年初预算的${((now.general / initialBudget) * 100).toFixed(2)}%。`,
    '四、“三公”经费财政拨款支出决算情况说明',
    `${year}年度“三公”经费财政拨款支出决算为${w(now.threePublic)}万元，较上年${delta(now.threePublic, before.threePublic, '增加', '减少')}。`,
    '五、机关运行经费支出情况说明',
    `${unit}${year}年度机关运行经费支出${w(now.agency)}万元，比${year - 1}年度${delta(now.agency, before.agency, '增加', '减少')}。`,
  ];
}

function yusuan(unit: string, year: number, general: number): string[] {
  return [
    `${unit}${year}年部门预算`,
    '一、部门预算编制说明',
    `${year}年，${unit}一般公共预算财政拨款支出预算${w(general)}万元。`,
  ];
}

/** The three reports: early (the year before), late, and late's 预算. */
export function yearPair(changed: Changed = null): { early: string; late: string; budget: string } {
  const y0: Figures = { income: 7485, expenditure: 7979, fiscal: 7453, threePublic: 320, agency: 6512, general: 7979 };
  const y1: Figures = { income: 9393, expenditure: 9393, fiscal: 8425, threePublic: 150, agency: 7788, general: 8425 };
  const y00: Figures = { income: 7012, expenditure: 7100, fiscal: 7001, threePublic: 400, agency: 6000, general: 7100 };
  // What the late report believes of the early year: right, except the changed figure.
  const believed = { ...y0, ...(changed && changed !== 'initialBudget' && changed !== 'tableCell' ? { [changed]: y0[changed] + 200 } : {}) };
  const planned = 8686;
  const lines = {
    early: juesuan('上海市普陀区示例局', 2022, y0, y00, 8000, null),
    late: juesuan('普陀区示例局', 2023, y1, believed, changed === 'initialBudget' ? planned + 200 : planned, changed === 'tableCell' ? '2012901' : null),
    budget: yusuan('普陀区示例局', 2023, planned),
  };
  const text = (l: string[]) => l.join('\n') + '\n';
  return { early: text(lines.early), late: text(lines.late), budget: text(lines.budget) };
}

export function writeYearPair(outDir: string, changed: Changed = null): { early: string; late: string; budget: string } {
  mkdirSync(outDir, { recursive: true });
  const docs = yearPair(changed);
  const paths = { early: join(outDir, 'early.txt'), late: join(outDir, 'late.txt'), budget: join(outDir, 'budget.txt') };
  for (const k of ['early', 'late', 'budget'] as const) writeFileSync(paths[k], docs[k]);
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [outDir = 'year-pair', changed = 'expenditure'] = process.argv.slice(2);
  console.log(writeYearPair(outDir, changed === 'none' ? null : (changed as Changed)));
}
