// Small synthetic reports of template families scripts/gen-variants.ts does not make: 预算 sets of 9–12
// tables in the 广东 (表N …情况表), 北京 (附表N, 一般公共预算财政拨款…表, 项目支出表, 政府采购预算表, 绩效目标表)
// and 湖南 styles, 决算 of a 乡镇/街道 unit with 附表 numbering, and the university 预算 set. Figures are
// consistent (every table is made from scripts/gen-variants.ts `figures`); the wording, names and figures
// are made up. A defect variant takes one table out (MISSING_TABLE) or alters one cell (an identity).
//
//   npx tsx scripts/gen-variants-families.ts [outDir]   → <outDir>/<name>.txt
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { emptyFund, figures, grid, projectTable, t01, t02, t03, t04, t05, t06, t07, w, type Figures, type Table } from './gen-variants.js';

export type Family = 'guangdong-ys' | 'beijing-ys' | 'hunan-ys' | 'jiedao-js' | 'xiangzhen-js' | 'university-ys';
export const FAMILIES: Family[] = ['guangdong-ys', 'beijing-ys', 'hunan-ys', 'jiedao-js', 'xiangzhen-js', 'university-ys'];

const YEAR = 2025;
/** 决算 column words as a 预算 prints them. */
const asBudget = (t: Table): Table => ({ ...t, rows: t.rows?.map((r) => r.map((c) => (c === '决算数' ? '预算数' : c))) ?? null });
const titled = (t: Table, title: string): Table => ({ ...t, title });

/** 三公 预算 table: one row of amounts under 合计 | 因公出国（境）费 | 公务用车购置及运行费 {小计 购置费 运行费} | 公务接待费. */
const threeBudget = (f: Figures, title: string): Table => ({
  title,
  rows: [
    ['合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'],
    ['', '', '小计', '公务用车购置费', '公务用车运行费', ''],
    [f.vehicle + f.reception, 0, f.vehicle, 0, f.vehicle, f.reception],
  ],
});

/** 项目支出表 of a 预算 set: one row per project, its amount by fund. */
const projects = (f: Figures, title: string): Table => ({
  title,
  rows: [
    ['项目名称', '合计', '一般公共预算', '政府性基金预算', '其他资金'],
    ['合计', f.project, f.project - f.other, 0, f.other],
    ['农业技术推广服务', f.project - f.other, f.project - f.other, 0, 0],
    ['培训基地运行维护', f.other, 0, 0, f.other],
  ],
});

/** 政府采购预算表: 合计 = 货物 + 工程 + 服务. */
const procurement = (title: string): Table => ({
  title,
  rows: [
    ['项目名称', '采购品目', '合计', '货物', '工程', '服务'],
    ['合计', '', 4860, 1260, 0, 3600],
    ['办公设备购置', '台式计算机', 1260, 1260, 0, 0],
    ['物业管理服务', '物业管理服务', 3600, 0, 0, 3600],
  ],
});

/** 绩效目标表: words, not amounts (an indicator table). */
const goals = (title: string): Table => ({
  title,
  rows: [
    ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'],
    ['农业技术推广服务', '产出指标', '数量指标', '培训农户人次', '≥1200人次'],
    ['农业技术推广服务', '效益指标', '社会效益指标', '技术到位率', '≥95%'],
  ],
});

interface Spec {
  kind: '决算' | '预算';
  unit: string;
  unitWord: string;
  tables: (f: Figures) => Table[];
  numbering: (i: number, title: string) => string;
  tablesHeading: string;
}

const SPECS: Record<Family, Spec> = {
  // 广东 省级部门预算: 表1–表12, titles …总体情况表 / …支出表
  'guangdong-ys': {
    kind: '预算',
    unit: '南岭市农业技术推广中心',
    unitWord: '部门',
    numbering: (i, t) => `表${i} ${t}`,
    tablesHeading: `第二部分 ${YEAR}年部门预算表`,
    tables: (f) => [
      titled(asBudget(t01(f)), '部门收支总体情况表'),
      titled(asBudget(t02(f)), '部门收入总体情况表'),
      titled(asBudget(t03(f)), '部门支出总体情况表'),
      titled(asBudget(t04(f)), '财政拨款收支总体情况表'),
      titled(t05(f), '一般公共预算支出表'),
      titled(asBudget(t06(f)), '一般公共预算基本支出表'),
      threeBudget(f, '一般公共预算“三公”经费支出表'),
      emptyFund('政府性基金预算支出表', '政府性基金预算'),
      emptyFund('国有资本经营预算支出表', '国有资本经营预算'),
      projects(f, '项目支出表'),
      procurement('政府采购预算表'),
      goals('部门整体支出绩效目标表'),
    ],
  },
  // 北京 单位预算: 附表1–附表12, 一般公共预算财政拨款…表, 项目支出表, 政府采购预算明细表, 绩效目标表
  'beijing-ys': {
    kind: '预算',
    unit: '北苑区农业技术推广站',
    unitWord: '单位',
    numbering: (i, t) => `附表${i}：${t}`,
    tablesHeading: `第二部分 ${YEAR}年单位预算表`,
    tables: (f) => [
      titled(asBudget(t01(f)), '收支总表'),
      titled(asBudget(t02(f)), '收入总表'),
      titled(asBudget(t03(f)), '支出总表'),
      titled(asBudget(t04(f)), '财政拨款收支总表'),
      titled(t05(f), '一般公共预算财政拨款支出表'),
      titled(asBudget(t06(f)), '一般公共预算财政拨款基本支出表'),
      emptyFund('政府性基金预算财政拨款支出表', '政府性基金预算财政拨款'),
      emptyFund('国有资本经营预算财政拨款支出表', '国有资本经营预算财政拨款'),
      threeBudget(f, '一般公共预算财政拨款“三公”经费支出表'),
      projects(f, '项目支出表'),
      procurement('政府采购预算明细表'),
      goals('项目支出绩效目标表'),
    ],
  },
  // 湖南 部门预算: 9 tables numbered 部门预算表N
  'hunan-ys': {
    kind: '预算',
    unit: '湘水县农业农村局',
    unitWord: '部门',
    numbering: (i, t) => `${String(i).padStart(2, '0')}.${t}`,
    tablesHeading: `第二部分 ${YEAR}年部门预算公开表`,
    tables: (f) => [
      titled(asBudget(t01(f)), '部门收支总表'),
      titled(asBudget(t02(f)), '部门收入总表'),
      titled(asBudget(t03(f)), '部门支出总表'),
      titled(asBudget(t04(f)), '财政拨款收支总表'),
      titled(t05(f), '一般公共预算支出表'),
      titled(asBudget(t06(f)), '一般公共预算基本支出表'),
      threeBudget(f, '一般公共预算“三公”经费支出表'),
      emptyFund('政府性基金预算支出表', '政府性基金预算'),
      emptyFund('国有资本经营预算支出表', '国有资本经营预算'),
      projects(f, '项目支出表'),
    ],
  },
  // 街道办事处 单位决算, tables numbered 附表1–附表9
  'jiedao-js': {
    kind: '决算',
    unit: '东川区柳湾街道办事处',
    unitWord: '单位',
    numbering: (i, t) => `附表${i} ${t}`,
    tablesHeading: `第二部分 ${YEAR - 1}年度单位决算表`,
    tables: (f) => [
      t01(f),
      t02(f),
      t03(f),
      t04(f),
      t05(f),
      t06(f),
      t07(f, '一般公共预算财政拨款“三公”经费支出决算表'),
      emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
      emptyFund('国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款'),
    ],
  },
  // 乡镇 部门决算 (浙江/湖南 style: 表1–表9, 部门收支决算总表)
  'xiangzhen-js': {
    kind: '决算',
    unit: '青溪县白石镇人民政府',
    unitWord: '部门',
    numbering: (i, t) => `表${i}`.concat(` ${t}`),
    tablesHeading: `第二部分 ${YEAR - 1}年度部门决算表`,
    tables: (f) => [
      t01(f, '部门收支决算总表'),
      t02(f, '部门收入决算表'),
      t03(f, '部门支出决算表'),
      t04(f, '财政拨款收支决算总表'),
      t05(f),
      t06(f),
      t07(f),
      emptyFund('政府性基金预算财政拨款收入支出决算表', '政府性基金预算财政拨款'),
      emptyFund('国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款'),
    ],
  },
  // 教育部直属高校 预算: 收支预算总表, 收入预算表, 支出预算表, 财政拨款支出预算表
  'university-ys': {
    kind: '预算',
    unit: '东湖理工大学',
    unitWord: '学校',
    numbering: (i, t) => `表${i} ${t}`,
    tablesHeading: `第二部分 ${YEAR}年度预算表`,
    tables: (f) => [
      titled(asBudget(t01(f)), '收支预算总表'),
      titled(asBudget(t02(f)), '收入预算表'),
      titled(asBudget(t03(f)), '支出预算表'),
      titled(t05(f), '财政拨款支出预算表'),
      goals('项目绩效目标表'),
    ],
  },
};

/** A change to the tables before they are printed. */
export type Tamper = (tables: Table[]) => void;

/** The report of a family; `tamper` alters its tables first. */
export function familyReport(family: Family, tamper?: Tamper): string[] {
  const s = SPECS[family];
  const f = figures();
  const tables = s.tables(f);
  tamper?.(tables);
  const lines: string[] = [];
  const push = (...x: string[]) => lines.push(...x);
  const budget = s.kind === '预算';
  const year = budget ? YEAR : YEAR - 1;
  const university = family === 'university-ys';
  push(budget ? `${s.unit}${year}年${s.unitWord}预算` : `${s.unit}${year}年度${s.unitWord}决算`, '');
  push(`第一部分 ${university ? '学校基本情况' : `${s.unitWord}概况`}`, '一、主要职责', `${s.unit}负责本辖区农业技术推广、社会事务和公共服务等工作。`, '二、机构设置', `${s.unit}内设综合办公室、财务室、服务中心等3个机构。`);
  push(s.tablesHeading);
  tables.forEach((t, i) => {
    push(s.numbering(i + 1, t.title));
    if (!t.rows) {
      if (t.emptyNote) push(t.emptyNote);
      return;
    }
    push('单位：万元');
    lines.push(...grid(t.rows));
  });
  if (budget) {
    push(`第三部分 ${year}年${s.unitWord}预算情况说明`);
    push('一、收支预算总体情况', `${year}年收入预算${w(f.total)}万元，支出预算${w(f.total)}万元。`);
    push('二、财政拨款收支预算情况', `${year}年财政拨款收入预算${w(f.fiscal)}万元，支出预算${w(f.fiscal)}万元。`);
    if (!university) {
      push('三、机关运行经费情况说明', `${year}年机关运行经费预算${w(f.publicExp)}万元。`);
      push('四、政府采购情况说明', `${year}年政府采购预算48.60万元，其中：货物12.60万元，服务36.00万元。`);
      push('五、国有资产占用情况说明', `截至${year - 1}年12月31日，共有车辆1辆。`);
      push('六、预算绩效情况说明', '对项目支出全部设置了绩效目标。');
    }
    push('第四部分 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
    return lines;
  }
  const n = (i: number, x: string) => `${['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'][i]}、${x}`;
  push(`第三部分 ${year}年度${s.unitWord}决算情况说明`);
  push(n(1, '收入支出决算总体情况说明'), `${year}年度收、支总计均为${w(f.total)}万元。`);
  push(n(2, '收入决算情况说明'), `${year}年度本年收入合计${w(f.total)}万元，其中：财政拨款收入${w(f.fiscal)}万元；其他收入${w(f.other)}万元。`);
  push(n(3, '支出决算情况说明'), `${year}年度本年支出合计${w(f.total)}万元，其中：基本支出${w(f.basic)}万元；项目支出${w(f.project)}万元。`);
  push(n(4, '财政拨款收入支出决算总体情况说明'), `${year}年度财政拨款收、支总计均为${w(f.fiscal)}万元。`);
  push(n(5, '一般公共预算财政拨款支出决算情况说明'), `${year}年度一般公共预算财政拨款支出${w(f.fiscal)}万元。`);
  push(n(6, '一般公共预算财政拨款基本支出决算情况说明'), `${year}年度一般公共预算财政拨款基本支出${w(f.basic)}万元，其中：人员经费${w(f.personnel)}万元；公用经费${w(f.publicExp)}万元。`);
  push(n(7, '财政拨款“三公”经费支出决算情况说明'), `${year}年度“三公”经费财政拨款支出决算为${w(f.vehicle + f.reception)}万元。`);
  push(n(8, '政府性基金预算支出决算情况说明'), '本单位本年度无政府性基金预算财政拨款支出。');
  push(n(9, '国有资本经营预算支出决算情况说明'), '本单位本年度无国有资本经营预算财政拨款支出。');
  push(n(10, '其他重要事项的情况说明'));
  push('（一）机关运行经费支出情况', `${year}年度机关运行经费支出${w(f.publicExp)}万元。`);
  push('（二）政府采购支出情况', `${year}年度政府采购支出总额0万元。`);
  push('（三）国有资产占用情况', `截至${year}年12月31日，共有车辆1辆。`);
  push('（四）预算绩效管理情况', '对项目支出开展了绩效自评。');
  push('第四部分 名词解释', '一、财政拨款收入：指本级财政当年拨付的资金。');
  return lines;
}

/** The family's report with the table titled `title` taken out (its title and grid). */
export function withoutTable(family: Family, title: string): string[] {
  return familyReport(family, (tables) => {
    const at = tables.findIndex((t) => t.title === title);
    if (at < 0) throw new Error(`no table ${title} in ${family}`);
    tables.splice(at, 1);
  });
}

/** The family's report with one cell of the table titled `title` altered by +9.00万元. */
export function withCell(family: Family, title: string, row: number, col: number): string[] {
  return familyReport(family, (tables) => {
    const t = tables.find((x) => x.title === title);
    const r = t?.rows?.[row];
    if (!r || typeof r[col] !== 'number') throw new Error(`no cell ${family} ${title} ${row} ${col}`);
    r[col] = (r[col] as number) + 900;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = process.argv[2] ?? 'output/families';
  mkdirSync(out, { recursive: true });
  for (const fam of FAMILIES) writeFileSync(join(out, `${fam}.txt`), familyReport(fam).join('\n') + '\n');
  console.log(`${FAMILIES.length} reports written to ${out}`);
}
