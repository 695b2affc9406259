// Small synthetic 决算/预算 reports in the table-of-contents layouts of other provinces and templates, with
// consistent figures and known answers: each clean variant must give no `error` flag; each defect variant
// gives exactly the flags in its key. The layouts follow what published reports print (the 13-table
// 四川 单位决算, 表 N： numbering, tables before or after the 情况说明, a 三公 table with 会议费/培训费, the
// 云南 set, tables published in a separate file, the 教育部 university and 预算 sets); the wording and
// figures are made up.
//
//   npx tsx scripts/gen-variants.ts [outDir]   → <outDir>/<name>.txt and key.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { tabRows, toDocx } from './gen-synthetic.js';
import type { FlagCode, Severity } from '../src/model.js';

export interface VariantKey {
  code: FlagCode;
  severity: Severity;
  /** Text the flag's message or `expected` contains. */
  about: string;
}

export interface Variant {
  name: string;
  lines: string[];
  /** The flags of severity error/warning/info on tables and sections this variant must give (others: none). */
  key: VariantKey[];
}

export type Layout = 'sichuan13' | 'luzhou' | 'suizhou' | 'zhanjiang' | 'zhashui' | 'yunnan' | 'university' | 'yusuan' | 'hubei' | 'shanghai10';
export type Defect = 'none' | 'missing' | 'template' | 'unexplained' | 'elsewhere' | 'nosection';

/** Amounts in hundredths of 万元. */
export const w = (h: number) => (h / 100).toFixed(2);
/** Amounts in 元 with thousands separators (湖北: 单位：元, 4,431,500.00). */
const yuan = (h: number) => (h * 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const cells = (fmt: (h: number) => string, ...xs: (string | number)[]) => xs.map((x) => `\t${typeof x === 'number' ? fmt(x) : x}`);

/** A TAB table (the Word-export text rendition): one cell a line, rows apart by a blank line. */
export function grid(rows: (string | number)[][], fmt: (h: number) => string = w): string[] {
  const out: string[] = [];
  rows.forEach((r, i) => {
    if (i) out.push('');
    out.push(...cells(fmt, ...r));
  });
  out.push('');
  return out;
}

/** The figures a variant is made from (a mutation alters one of them for one table). */
export type FigureInput = 'b1' | 'p1' | 'o1' | 'b2' | 'b3' | 'reception' | 'vehicle' | 'office' | 'salary';

/** The unit's figures: every table is made from these, so all identities hold. */
export const FIGURE_INPUTS: Record<FigureInput, number> = {
  b1: 31245, // 2010301 行政运行 (basic)
  p1: 8760, // 2010302 一般行政管理事务 (project, fiscal)
  o1: 1500, // 2010302 project paid from 其他收入
  b2: 2436, // 2080505 养老保险缴费 (basic)
  b3: 1874, // 2210201 住房公积金 (basic)
  reception: 86,
  vehicle: 412,
  office: 1950,
  salary: 17400,
};

export function figures(o: Partial<Record<FigureInput, number>> = {}) {
  const { b1, p1, o1, b2, b3, reception, vehicle, office, salary } = { ...FIGURE_INPUTS, ...o };
  const fiscal = b1 + p1 + b2 + b3;
  const total = fiscal + o1;
  const basic = b1 + b2 + b3;
  const project = p1 + o1;
  // 经济分类 of the basic expenditure: 301 (人员经费) and 302 (公用经费)
  const allowance = b1 - office - reception - vehicle - salary + 0;
  const personnel = salary + allowance + b2 + b3;
  const publicExp = office + reception + vehicle;
  const fn = [
    { code: '201', name: '一般公共服务支出', basic: b1, project: p1, other: o1 },
    { code: '20103', name: '政府办公厅（室）及相关机构事务', basic: b1, project: p1, other: o1 },
    { code: '2010301', name: '行政运行', basic: b1, project: 0, other: 0 },
    { code: '2010302', name: '一般行政管理事务', basic: 0, project: p1, other: o1 },
    { code: '208', name: '社会保障和就业支出', basic: b2, project: 0, other: 0 },
    { code: '20805', name: '行政事业单位养老支出', basic: b2, project: 0, other: 0 },
    { code: '2080505', name: '机关事业单位基本养老保险缴费支出', basic: b2, project: 0, other: 0 },
    { code: '221', name: '住房保障支出', basic: b3, project: 0, other: 0 },
    { code: '22102', name: '住房改革支出', basic: b3, project: 0, other: 0 },
    { code: '2210201', name: '住房公积金', basic: b3, project: 0, other: 0 },
  ];
  return { fiscal, total, basic, project, other: o1, personnel, publicExp, reception, vehicle, office, salary, allowance, b2, b3, fn };
}
export type Figures = ReturnType<typeof figures>;

// ------------------------------------------------------------------ the tables

export type Table = { title: string; rows: (string | number)[][] | null; emptyNote?: string; unit?: '元' };

export function t01(f: Figures, title = '收入支出决算总表'): Table {
  const cls = f.fn.filter((r) => r.code.length === 3);
  const inc: [string, number][] = [
    ['一、一般公共预算财政拨款收入', f.fiscal],
    ['二、政府性基金预算财政拨款收入', 0],
    ['三、国有资本经营预算财政拨款收入', 0],
    ['四、上级补助收入', 0],
    ['五、事业收入', 0],
    ['六、经营收入', 0],
    ['七、附属单位上缴收入', 0],
    ['八、其他收入', f.other],
  ];
  const exp: [string, number][] = [
    ['一、一般公共服务支出', cls[0]!.basic + cls[0]!.project + cls[0]!.other],
    ['八、社会保障和就业支出', cls[1]!.basic],
    ['十九、住房保障支出', cls[2]!.basic],
  ];
  const rows: (string | number)[][] = [
    ['收入', '', '支出', ''],
    ['项目', '决算数', '项目', '决算数'],
  ];
  for (let i = 0; i < inc.length; i++) rows.push([inc[i]![0], inc[i]![1], exp[i]?.[0] ?? '', exp[i]?.[1] ?? '']);
  rows.push(['本年收入合计', f.total, '本年支出合计', f.total]);
  rows.push(['使用非财政拨款结余', 0, '结余分配', 0]);
  rows.push(['年初结转和结余', 0, '年末结转和结余', 0]);
  rows.push(['总计', f.total, '总计', f.total]);
  return { title, rows };
}

const fnRows = (f: Figures, cols: (r: Figures['fn'][number]) => number[], fiscalOnly = false) => {
  const rows = f.fn.map((r) => [r.code, r.name, ...cols(fiscalOnly ? { ...r, other: 0 } : r)]);
  const sum = cols({ code: '', name: '', basic: f.basic, project: f.fiscal - f.basic, other: fiscalOnly ? 0 : f.other });
  return [['', '合计', ...sum], ...rows];
};

export function t02(f: Figures, title = '收入决算表'): Table {
  return {
    title,
    rows: [
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ...fnRows(f, (r) => [r.basic + r.project + r.other, r.basic + r.project, 0, 0, 0, 0, r.other]),
    ],
  };
}

export function t03(f: Figures, title = '支出决算表'): Table {
  return {
    title,
    rows: [
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
      ...fnRows(f, (r) => [r.basic + r.project + r.other, r.basic, r.project + r.other, 0, 0, 0]),
    ],
  };
}

export function t04(f: Figures, title = '财政拨款收入支出决算总表'): Table {
  const cls = f.fn.filter((r) => r.code.length === 3).map((r) => [r.name, r.basic + r.project] as const);
  const rows: (string | number)[][] = [
    ['收入', '', '支出', '', '', '', ''],
    ['项目', '决算数', '项目', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
    ['一、一般公共预算财政拨款', f.fiscal, `一、${cls[0]![0]}`, cls[0]![1], cls[0]![1], 0, 0],
    ['二、政府性基金预算财政拨款', 0, `八、${cls[1]![0]}`, cls[1]![1], cls[1]![1], 0, 0],
    ['三、国有资本经营预算财政拨款', 0, `十九、${cls[2]![0]}`, cls[2]![1], cls[2]![1], 0, 0],
    ['本年收入合计', f.fiscal, '本年支出合计', f.fiscal, f.fiscal, 0, 0],
    ['年初财政拨款结转和结余', 0, '年末财政拨款结转和结余', 0, 0, 0, 0],
    ['总计', f.fiscal, '总计', f.fiscal, f.fiscal, 0, 0],
  ];
  return { title, rows };
}

export function t05(f: Figures, title = '一般公共预算财政拨款支出决算表'): Table {
  return { title, rows: [['科目编码', '科目名称', '合计', '基本支出', '项目支出'], ...fnRows(f, (r) => [r.basic + r.project, r.basic, r.project], true)] };
}

export function t06(f: Figures, title = '一般公共预算财政拨款基本支出决算表'): Table {
  const pers: [string, string, number][] = [
    ['301', '工资福利支出', f.personnel],
    ['30101', '基本工资', f.salary],
    ['30102', '津贴补贴', f.allowance],
    ['30108', '机关事业单位基本养老保险缴费', f.b2],
    ['30113', '住房公积金', f.b3],
  ];
  const pub: [string, string, number][] = [
    ['302', '商品和服务支出', f.publicExp],
    ['30201', '办公费', f.office],
    ['30217', '公务接待费', f.reception],
    ['30231', '公务用车运行维护费', f.vehicle],
  ];
  const rows: (string | number)[][] = [
    ['人员经费', '', '', '公用经费', '', ''],
    ['科目编码', '科目名称', '决算数', '科目编码', '科目名称', '决算数'],
  ];
  for (let i = 0; i < pers.length; i++) rows.push([...pers[i]!, ...(pub[i] ?? ['', '', ''])]);
  rows.push(['人员经费合计', '', f.personnel, '公用经费合计', '', f.publicExp]);
  return { title, rows };
}

export function t07(f: Figures, title = '财政拨款“三公”经费支出决算表', meetings = false): Table {
  const head1 = ['预算数', '', '', '', '', '', '决算数', '', '', '', '', ''];
  const head2 = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'];
  const head3 = ['', '', '小计', '公务用车购置费', '公务用车运行维护费', ''];
  const vals = (k: number) => [f.vehicle + f.reception + k, 0, f.vehicle + k, 0, f.vehicle + k, f.reception];
  if (!meetings) return { title, rows: [head1, [...head2, ...head2], [...head3, ...head3], [...vals(50), ...vals(0)]] };
  // 三公 and 会议费、培训费: 合计 adds them; the 三公 小计 is the first group.
  const h1 = ['预算数', '', '', '', '', '', '', '', '决算数', '', '', '', '', '', '', ''];
  const g2 = ['合计', '“三公”经费小计', '因公出国（境）费', '公务用车购置及运行费', '', '公务接待费', '会议费', '培训费'];
  const g3 = ['', '', '', '公务用车购置费', '公务用车运行费', '', '', ''];
  const v = (k: number) => {
    const three = f.vehicle + f.reception + k;
    return [three + 120 + 80, three, 0, 0, f.vehicle + k, f.reception, 120, 80];
  };
  return { title, rows: [h1, [...g2, ...g2], [...g3, ...g3], [...v(50), ...v(0)]] };
}

const fundHeader = ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '', '', '年末结转和结余'];
const fundHeader2 = ['', '', '', '', '小计', '基本支出', '项目支出', ''];
export const emptyFund = (title: string, what: string): Table => ({ title, rows: null, emptyNote: `说明：本单位本年度没有${what}收入和支出，故本表无数据。` });

/** 四川 2023: 财政拨款支出决算明细表 — 功能分类 rows by fund. */
function detailByFund(f: Figures, title = '财政拨款支出决算明细表'): Table {
  return {
    title,
    rows: [['科目编码', '科目名称', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'], ...fnRows(f, (r) => [r.basic + r.project, r.basic + r.project, 0, 0], true)],
  };
}

/** 四川 2023: 一般公共预算财政拨款支出决算明细表 — 功能分类 rows by 人员经费 | 公用经费 | 项目支出. */
function detailByUse(f: Figures, title = '一般公共预算财政拨款支出决算明细表'): Table {
  // 行政运行 pays the 公用经费 and the rest of the 人员经费; 养老保险缴费 and 住房公积金 are 人员经费
  const pers = (r: Figures['fn'][number]) => (r.code === '' ? f.personnel : r.code.startsWith('201') ? (r.basic ? f.salary + f.allowance : 0) : r.basic);
  return {
    title,
    rows: [['科目编码', '科目名称', '合计', '人员经费', '公用经费', '项目支出'], ...fnRows(f, (r) => [r.basic + r.project, pers(r), r.basic - pers(r), r.project], true)],
  };
}

/** 一般公共预算财政拨款项目支出决算表: 功能分类 rows, the project expenditure by 经济分类. */
export function projectTable(f: Figures, title = '一般公共预算财政拨款项目支出决算表'): Table {
  const rows = f.fn.filter((r) => r.project).map((r) => [r.code, r.name, r.project, 0, r.project, 0]);
  return { title, rows: [['科目编码', '科目名称', '合计', '工资福利支出', '商品和服务支出', '资本性支出'], ['', '合计', f.fiscal - f.basic, 0, f.fiscal - f.basic, 0], ...rows] };
}

// ------------------------------------------------------------------ the reports

const UNIT = '青山县农业技术推广中心';
const YEAR = 2024;

interface Parts {
  lines: string[];
  push: (...s: string[]) => void;
}

function narrative(p: Parts, f: Figures, n: (i: number, s: string) => string) {
  p.push(n(1, '收入支出决算总体情况说明'), `${YEAR}年度收、支总计均为${w(f.total)}万元。`);
  p.push(n(2, '收入决算情况说明'), `${YEAR}年度本年收入合计${w(f.total)}万元，其中：财政拨款收入${w(f.fiscal)}万元；其他收入${w(f.other)}万元。`);
  p.push(n(3, '支出决算情况说明'), `${YEAR}年度本年支出合计${w(f.total)}万元，其中：基本支出${w(f.basic)}万元；项目支出${w(f.project)}万元。`);
  p.push(n(4, '财政拨款收入支出决算总体情况说明'), `${YEAR}年度财政拨款收、支总计均为${w(f.fiscal)}万元。`);
  p.push(n(5, '一般公共预算财政拨款支出决算情况说明'), `${YEAR}年度一般公共预算财政拨款支出${w(f.fiscal)}万元。`);
  p.push(n(6, '一般公共预算财政拨款基本支出决算情况说明'), `${YEAR}年度一般公共预算财政拨款基本支出${w(f.basic)}万元，其中：人员经费${w(f.personnel)}万元；公用经费${w(f.publicExp)}万元。`);
  p.push(n(7, '财政拨款“三公”经费支出决算情况说明'), `${YEAR}年度“三公”经费财政拨款支出决算为${w(f.vehicle + f.reception)}万元。`);
  p.push(n(8, '政府性基金预算支出决算情况说明'), '本单位本年度无政府性基金预算财政拨款支出。');
  p.push(n(9, '国有资本经营预算支出决算情况说明'), '本单位本年度无国有资本经营预算财政拨款支出。');
}

function others(p: Parts, f: Figures, n: (i: number, s: string) => string, start: number) {
  p.push(n(start, '机关运行经费支出情况说明'), `本单位${YEAR}年度机关运行经费支出${w(f.publicExp)}万元。`);
  p.push(n(start + 1, '政府采购支出情况说明'), `本单位${YEAR}年度政府采购支出总额0万元。`);
  p.push(n(start + 2, '国有资产占用情况说明'), `截至${YEAR}年12月31日，本单位共有车辆1辆。`);
  p.push(n(start + 3, '预算绩效管理情况说明'), '本单位对项目支出开展了绩效自评。');
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三'];
const dunhao = (i: number, s: string) => `${CN[i]}、${s}`;

function renderTables(p: Parts, tables: Table[], numbering: (i: number, t: string) => string) {
  tables.forEach((t, i) => {
    p.push(numbering(i + 1, t.title));
    if (!t.rows) {
      if (t.emptyNote) p.push(t.emptyNote);
      return;
    }
    p.push(t.unit === '元' ? '单位：元' : '单位：万元');
    p.lines.push(...grid(t.rows, t.unit === '元' ? yuan : w));
  });
}

function nationalTables(f: Figures, o: { basicTitle?: string; threeTitle?: string; meetings?: boolean } = {}): Table[] {
  return [
    t01(f),
    t02(f),
    t03(f),
    t04(f),
    t05(f),
    t06(f, o.basicTitle),
    t07(f, o.threeTitle, o.meetings),
    emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
    emptyFund('国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款'),
  ];
}

function sichuan13(f: Figures): Table[] {
  return [
    t01(f),
    t02(f),
    t03(f),
    t04(f),
    detailByFund(f),
    t05(f),
    detailByUse(f),
    t06(f, '一般公共预算财政拨款基本支出决算明细表'),
    projectTable(f),
    emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
    emptyFund('国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款'),
    emptyFund('国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款'),
    t07(f),
  ];
}

/** 湖北 2019: 收入支出决算总表 as 项目 | 行次 | 金额 per half, a 栏次 row under the header (domain.md C3). */
function t01Hangci(f: Figures): Table {
  const base = t01(f).rows!.slice(2);
  const rows: (string | number)[][] = [
    ['收入', '', '', '支出', '', ''],
    ['项目', '行次', '金额', '项目', '行次', '金额'],
    ['栏次', '', '1', '栏次', '', '2'],
  ];
  base.forEach((r, i) => rows.push([r[0]!, r[0] === '' ? '' : String(i + 1), r[1]!, r[2]!, r[2] === '' ? '' : String(i + 20), r[3]!]));
  return { title: '收入支出决算总表', rows };
}

/** 上海 2021 units: a 资产负债情况表 beside the nine (资产 | 负债和净资产, 年初数 | 年末数). */
function balanceSheet(): Table {
  return {
    title: '资产负债情况表',
    rows: [
      ['资产', '', '', '负债和净资产', '', ''],
      ['项目', '年初数', '年末数', '项目', '年初数', '年末数'],
      ['流动资产', 12840, 13506, '流动负债', 2310, 2145],
      ['固定资产', 45600, 44120, '净资产', 56130, 55481],
      ['资产总计', 58440, 57626, '负债和净资产总计', 58440, 57626],
    ],
  };
}

function hubei(f: Figures): Table[] {
  // (湖北: every table in 元, thousands apart by commas)
  return nationalTables(f).map((t, i) => ({ ...(i === 0 ? t01Hangci(f) : t), unit: '元' as const }));
}

function yunnan(f: Figures): Table[] {
  return [
    t01(f, '收入支出决算表'),
    t02(f),
    t03(f),
    t04(f, '财政拨款收入支出决算表'),
    t05(f, '一般公共预算财政拨款收入支出决算表'),
    t06(f),
    projectTable(f),
    emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
    emptyFund('国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款'),
    t07(f, '财政拨款“三公”经费、行政参公单位机关运行经费情况表'),
    // (云南 2018: the 财政专户 funds' table beside the set; here it has nothing to show)
    { title: '财政专户管理资金收入支出决算表', rows: null, emptyNote: '说明：本部门本年度没有财政专户管理资金收入和支出，故本表无数据。' },
  ];
}

function university(f: Figures): Table[] {
  const r = (t: Table, title: string): Table => ({ ...t, title });
  return [r(t01(f), '表1 高等学校收支决算总表'), r(t02(f), '表2 高等学校收入决算表'), r(t03(f), '表3 高等学校支出决算表'), r(t05(f), '表4 高等学校财政拨款支出决算表')];
}

/** The tables of a layout, made from the figures `f`. */
export function tablesOf(layout: Layout, f: Figures = figures()): Table[] {
  switch (layout) {
    case 'sichuan13':
    case 'luzhou':
      return sichuan13(f);
    case 'suizhou':
      return nationalTables(f, { threeTitle: '一般公共预算财政拨款“三公”经费支出决算表' });
    case 'zhanjiang':
      return nationalTables(f, { basicTitle: '一般公共预算财政拨款基本支出决算明细表' });
    case 'zhashui':
      return nationalTables(f, { threeTitle: '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', meetings: true });
    case 'yunnan':
      return yunnan(f);
    case 'university':
      return university(f);
    case 'yusuan':
      return yusuanTables(f);
    case 'hubei':
      return hubei(f);
    case 'shanghai10':
      return [...nationalTables(f), balanceSheet()];
  }
}

/** A change to the tables before they are printed (the mutation evaluation: one cell or total altered). */
export type Tamper = (tables: Table[]) => void;

/** One variant: layout × defect (× an optional change to its tables). */
export function makeVariant(layout: Layout, defect: Defect, tamper?: Tamper): Variant {
  const v = build(layout, defect, tamper);
  if (defect === 'nosection') {
    // the 机关运行经费 explanation left out: its heading and its text
    const at = v.lines.findIndex((l) => l.length < 30 && l.includes('机关运行经费') && /情况|说明/.test(l));
    v.lines.splice(at, 2);
    v.key.push({ code: 'MISSING_SECTION', severity: 'error', about: '机关运行经费' });
  }
  return v;
}

function build(layout: Layout, defect: Defect, tamper?: Tamper): Variant {
  const f = figures();
  const lines: string[] = [];
  const p: Parts = { lines, push: (...s) => lines.push(...s) };
  const key: VariantKey[] = [];
  const kindWord = layout === 'yusuan' ? '预算' : '决算';
  const unitWord = layout === 'sichuan13' || layout === 'luzhou' ? '单位' : layout === 'university' ? '学校' : '部门';
  const unit = layout === 'university' ? '东湖理工大学' : UNIT;
  p.push(layout === 'yusuan' ? `${unit}${YEAR + 1}年${unitWord}预算` : `${unit}${YEAR}年度${unitWord}${kindWord}`, '');

  const tables = tablesOf(layout, f);
  let tableHeading: string;
  let tableNumber: (i: number, t: string) => string = dunhao;
  switch (layout) {
    case 'sichuan13':
    case 'luzhou':
      tableHeading = '第五部分 附表';
      break;
    case 'suizhou':
      tableHeading = `第五部分：${YEAR} 年度部门决算公开报表`;
      tableNumber = (i, t) => `表 ${i}：${t}`;
      break;
    case 'zhanjiang':
    case 'hubei':
    case 'shanghai10':
      tableHeading = `第二部分 ${YEAR}年度部门决算表`;
      break;
    case 'zhashui':
      tableHeading = `第二部分 ${YEAR}年部门决算表`;
      break;
    case 'yunnan':
      tableHeading = `第二部分 ${YEAR}年度部门决算表`;
      break;
    case 'university':
      tableHeading = `第二部分 ${YEAR}年度决算表`;
      tableNumber = (_i, t) => t;
      break;
    case 'yusuan':
      tableHeading = `第二部分 ${YEAR + 1}年部门预算表`;
      tableNumber = (i, t) => `部门预算${String(i).padStart(2, '0')}表 ${t}`;
      break;
  }

  tamper?.(tables);
  // Defects
  if (defect === 'missing') {
    const gone = tables.findIndex((t) => /^(表\d )?(高等学校)?支出(决算|预算总)表$/.test(t.title) || t.title === '支出决算表');
    key.push({ code: 'MISSING_TABLE', severity: 'error', about: layout === 'yusuan' ? '预算03支出总表' : layout === 'university' ? '高校03支出决算表' : '（公开03表）' });
    tables.splice(gone, 1);
  }
  if (defect === 'template' || defect === 'unexplained') {
    const at = tables.findIndex((t) => !t.rows);
    const t = tables[at]!;
    if (defect === 'template') {
      // left as the template: the grid's header, no figures, no explanation
      tables[at] = { title: t.title, rows: [fundHeader, fundHeader2, ['', '合计', '', '', '', '', '', '']] };
    } else tables[at] = { title: t.title, rows: null };
    key.push({ code: 'EMPTY_TABLE_UNEXPLAINED', severity: 'warning', about: t.title });
  }

  if (layout === 'luzhou') {
    // 泸州: the tables are a spreadsheet linked above the 目录, whose lines lost characters in conversion
    p.push(`/${unit}${YEAR}年度决算报表.xls`, '目录', '第一部分 单位概况', '一、主要职责', '二、机构设置', `第二部分 ${YEAR}年度单位决算情况说明`);
    p.push('一、收入支出决算总体情况说明', '十、其他重要事项的情况说明', '第三部分 名词解释', '第四部分 附件', '第五部分 附表');
    p.push('一、收入支出决算总表', '二、收入决算表', '三、出决算表', '四、政拨款收入支出决算总表', '五、政拨款支出决算明细表', '六、般公共预算财政拨款支出决算表');
    p.push(...tables.slice(6).map((t, i) => dunhao(i + 7, t.title)));
    if (defect === 'none') key.push({ code: 'MISSING_TABLE', severity: 'info', about: '' });
  }
  const tablesFirst = layout === 'zhanjiang' || layout === 'hubei' || layout === 'shanghai10' || layout === 'zhashui' || layout === 'yunnan' || layout === 'university' || layout === 'yusuan';
  const part = (n: number) => `第${CN[n]}部分`;
  p.push(`${part(1)} ${unitWord}概况`, '一、主要职责', `${unit}负责农业技术推广、培训和服务等工作。`, '二、机构设置', `${unit}内设办公室、财务室、推广科等3个科室。`);
  const printTables = () => {
    if (defect === 'elsewhere') {
      p.push(`${tableHeading}（见附件）`);
      tables.forEach((t, i) => p.push(tableNumber(i + 1, t.title)));
      key.push({ code: 'MISSING_TABLE', severity: 'info', about: '' });
      return;
    }
    p.push(tableHeading);
    renderTables(p, tables, tableNumber);
  };
  if (layout === 'yusuan') {
    printTables();
    p.push(`第三部分 ${YEAR + 1}年部门预算情况说明`);
    p.push(`一、收支预算总体情况`, `${YEAR + 1}年收入预算${w(f.total)}万元，支出预算${w(f.total)}万元。`);
    p.push('二、机关运行经费情况说明', `${YEAR + 1}年机关运行经费预算${w(f.publicExp)}万元。`);
    p.push('三、政府采购情况说明', `${YEAR + 1}年政府采购预算0万元。`);
    p.push('四、国有资产占用情况说明', '本部门共有车辆1辆。');
    p.push('五、预算绩效情况说明', '本部门对项目支出设置了绩效目标。');
    p.push('第四部分 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
    return { name: `${layout}-${defect}`, lines, key };
  }
  if (layout === 'university') {
    printTables();
    p.push(`第三部分 ${YEAR}年度决算情况说明`);
    p.push('一、收入支出决算总体情况说明', `${YEAR}年度收、支总计均为${w(f.total)}万元。`);
    p.push('二、财政拨款支出决算情况说明', `${YEAR}年度财政拨款支出${w(f.fiscal)}万元。`);
    p.push('第四部分 名词解释', '一、财政拨款收入：指学校从同级财政部门取得的财政预算资金。');
    return { name: `${layout}-${defect}`, lines, key };
  }
  if (tablesFirst) printTables();
  const three = `${YEAR}年度“三公”经费财政拨款支出决算为${w(f.vehicle + f.reception)}万元，其中：公务接待费${w(f.reception)}万元，公务用车运行维护费${w(f.vehicle)}万元。`;
  if (layout === 'suizhou') {
    // 湖北: the 情况说明 in five merged parts, the other matters a part of their own, tables last
    p.push(`第二部分：${YEAR} 年度部门决算情况说明`);
    p.push(`一、${YEAR} 年度收入支出决算总体及增减变动情况`, `${YEAR}年度收、支总计均为${w(f.total)}万元。本年收入合计${w(f.total)}万元，其中：财政拨款收入${w(f.fiscal)}万元；其他收入${w(f.other)}万元。`);
    p.push(`本年支出合计${w(f.total)}万元，其中：基本支出${w(f.basic)}万元；项目支出${w(f.project)}万元。`);
    p.push(`二、${YEAR} 年度财政拨款支出决算情况`, `${YEAR}年度一般公共预算财政拨款支出${w(f.fiscal)}万元，其中：基本支出${w(f.basic)}万元，项目支出${w(f.fiscal - f.basic)}万元。基本支出中，人员经费${w(f.personnel)}万元，公用经费${w(f.publicExp)}万元。`);
    p.push(`三、${YEAR} 年度一般公共决算财政拨款安排的“三公”经费支出决算及增减变动情况说明`, three);
    p.push(`四、${YEAR} 年度政府性基金支出决算情况`, '本部门本年度无政府性基金预算财政拨款支出。');
    p.push(`五、${YEAR} 年度国有资本经营预算支出决算情况`, '本部门本年度无国有资本经营预算财政拨款支出。');
    p.push('第三部分：其他重要事项情况说明');
    others(p, f, (i, s) => `${CN[i]}、关于${s}`, 1);
    p.push('五、政府购买服务情况', '本部门本年度无政府购买服务支出。');
    p.push('第四部分：名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
    printTables();
  } else if (layout === 'yunnan') {
    // 云南: four explanations, the other matters and 相关口径 a part of their own
    p.push(`第三部分 ${YEAR}年度部门决算情况说明`);
    p.push('一、收入决算情况说明', `${YEAR}年度本年收入合计${w(f.total)}万元，其中：财政拨款收入${w(f.fiscal)}万元；其他收入${w(f.other)}万元。`);
    p.push('二、支出决算情况说明', `${YEAR}年度本年支出合计${w(f.total)}万元，其中：基本支出${w(f.basic)}万元；项目支出${w(f.project)}万元。`);
    p.push('三、一般公共预算财政拨款支出决算情况说明', `${YEAR}年度一般公共预算财政拨款支出${w(f.fiscal)}万元。`);
    p.push('四、财政拨款“三公”经费支出决算情况说明', three);
    p.push('第四部分 其他重要事项及相关口径情况说明');
    p.push('一、机关运行经费支出情况', `本部门${YEAR}年度机关运行经费支出${w(f.publicExp)}万元。`);
    p.push('二、国有资产占用情况', `截至${YEAR}年12月31日，本部门共有车辆1辆。`);
    p.push('三、政府采购支出情况', `本部门${YEAR}年度政府采购支出总额0万元。`);
    p.push('四、部门绩效自评情况', '本部门对项目支出开展了绩效自评。');
    p.push('五、其他重要事项情况说明', '本部门无其他重要事项。');
    p.push('六、相关口径说明', '机关运行经费的口径为行政单位的公用经费。');
    p.push('第五部分 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
  } else if (layout === 'zhashui') {
    // 陕西: the 情况说明 by merged subjects, the other matters inside it
    p.push(`第三部分 ${YEAR}年部门决算情况说明`);
    p.push('一、收入支出决算总体情况说明', `${YEAR}年度收、支总计均为${w(f.total)}万元。本年收入合计${w(f.total)}万元，其中：财政拨款收入${w(f.fiscal)}万元；其他收入${w(f.other)}万元。`);
    p.push(`二、${YEAR}年度财政拨款收入支出总体情况说明`, `${YEAR}年度财政拨款收、支总计均为${w(f.fiscal)}万元。`);
    p.push(`三、${YEAR}年度“三公”经费、培训费及会议费支出情况说明`, three);
    p.push(`四、${YEAR}年度部门绩效管理情况说明`, '本部门对项目支出开展了绩效自评。');
    p.push('五、其他重要事项的情况说明');
    p.push('（一）机关运行经费支出情况', `本部门${YEAR}年度机关运行经费支出${w(f.publicExp)}万元。`);
    p.push('（二）政府采购支出情况', `本部门${YEAR}年度政府采购支出总额0万元。`);
    p.push('（三）国有资产占用情况', `截至${YEAR}年12月31日，本部门共有车辆1辆。`);
    p.push('第四部分 专业名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
  } else if (layout === 'sichuan13' || layout === 'luzhou') {
    p.push(`第二部分 ${YEAR}年度单位决算情况说明`);
    narrative(p, f, dunhao);
    p.push('十、其他重要事项的情况说明');
    others(p, f, (i, s) => `（${CN[i]}）${s}`, 1);
    p.push('第三部分 名词解释', '1.财政拨款收入：指单位从同级财政部门取得的财政预算资金。');
    p.push('第四部分 附件', '附件1 部门整体支出绩效自评报告');
    if (layout === 'luzhou') p.push('第五部分 附表');
    else printTables();
  } else {
    p.push(`第三部分 ${YEAR}年度部门决算情况说明`);
    narrative(p, f, dunhao);
    others(p, f, dunhao, 10);
    p.push('第四部分 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
  }
  return { name: `${layout}-${defect}`, lines, key };
}

function yusuanTables(f: Figures): Table[] {
  const rename = (t: Table, title: string): Table => ({ ...t, title });
  const y = (t: Table) => ({ ...t, rows: t.rows?.map((r) => r.map((c) => (c === '决算数' ? '预算数' : c))) ?? null });
  return [
    rename(y(t01(f)), '收支预算总表'),
    rename(y(t02(f)), '收入预算总表'),
    rename(y(t03(f)), '支出预算总表'),
    rename(y(t04(f)), '财政拨款收支预算总表'),
    rename(t05(f), '一般公共预算支出预算表'),
    rename(y(t06(f)), '一般公共预算基本支出预算表'),
    { title: '一般公共预算“三公”经费支出预算表', rows: [['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'], ['', '', '小计', '公务用车购置费', '公务用车运行费', ''], [f.vehicle + f.reception, 0, f.vehicle, 0, f.vehicle, f.reception]] },
    emptyFund('政府性基金预算支出预算表', '政府性基金预算'),
    emptyFund('国有资本经营预算支出预算表', '国有资本经营预算'),
  ];
}

/** The report as a page-text dump prints it (pdftotext -layout): each TAB table's rows as lines of cells
 *  apart by runs of spaces, columns aligned (a cell's width counted in display columns: a Han character
 *  is two), digits set apart from Han characters in the text lines. */
export function layoutText(lines: string[]): string[] {
  const width = (x: string) => [...x].reduce((n, c) => n + (/[\u3000-\uffff]/u.test(c) ? 2 : 1), 0);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('\t')) {
      // (a PDF text layer sets digits apart from Han characters: 2024 年度, 表 2 高等学校…)
      out.push(lines[i]!.replace(/([\u4e00-\u9fff])(?=\d)/gu, '$1 ').replace(/(\d)(?=[\u4e00-\u9fff])/gu, '$1 '));
      continue;
    }
    const { rows, last } = tabRows(lines, i);
    i = last;
    const cols = Math.max(...rows.map((r) => r.length));
    const w = Array.from({ length: cols }, (_, c) => Math.max(4, ...rows.map((r) => width(r[c] ?? ''))));
    for (const r of rows) out.push(r.map((c, k) => c + ' '.repeat(w[k]! - width(c) + 3)).join('').trimEnd());
  }
  return out;
}

export const LAYOUTS: Layout[] = ['sichuan13', 'luzhou', 'suizhou', 'zhanjiang', 'zhashui', 'yunnan', 'university', 'yusuan', 'hubei', 'shanghai10'];
export const DEFECTS: Defect[] = ['none', 'missing', 'template', 'unexplained', 'elsewhere', 'nosection'];

export function allVariants(): Variant[] {
  return LAYOUTS.flatMap((l) => (l === 'luzhou' ? ['none' as const] : DEFECTS.filter((d) => !(l === 'university' && (d === 'template' || d === 'unexplained' || d === 'nosection')) && !(l === 'yunnan' && d === 'nosection'))).map((d) => makeVariant(l, d)));
}

//   npx tsx scripts/gen-variants.ts OUTDIR --pdf   → also <name>.docx and, through LibreOffice (soffice), <name>.pdf
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith('--')) ?? 'output/variants';
  mkdirSync(out, { recursive: true });
  const vs = allVariants();
  for (const v of vs) writeFileSync(join(out, `${v.name}.txt`), v.lines.join('\n') + '\n');
  writeFileSync(join(out, 'key.json'), JSON.stringify(vs.map((v) => ({ name: v.name, key: v.key })), null, 1));
  if (args.includes('--pdf')) {
    const docx = join(out, 'docx');
    mkdirSync(docx, { recursive: true });
    for (const v of vs) writeFileSync(join(docx, `${v.name}.docx`), await toDocx(v.lines));
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, ...vs.map((v) => join(docx, `${v.name}.docx`))], { stdio: 'ignore' });
  }
  console.log(`${vs.length} variants written to ${out}`);
}
