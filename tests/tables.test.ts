import { beforeAll, describe, expect, it } from 'vitest';
import { identityChecks } from '../src/check/identities.js';
import { extract } from '../src/extract/index.js';
import { extractTables, type TableExtraction } from '../src/extract/tables.js';
import { toYuan } from '../src/extract/tables/amount.js';
import { columnMetrics } from '../src/extract/tables/columns.js';
import { catalogue } from '../src/extract/tables/defs.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { corpus, SEED_TXT } from './paths.js';

const tablesOf = async (input: string | Uint8Array) => extractTables(segment(await ingest(input, { ocr: 'off' })));

describe('amounts to exact yuan', () => {
  it('uses decimal arithmetic', () => {
    expect(toYuan('93.93', '万元')).toBe(939300);
    expect(toYuan('2,940.05', '万元')).toBe(29400500);
    expect(toYuan('0.1', '万元')).toBe(1000);
    expect(toYuan('1,234', '元')).toBe(1234);
    expect(toYuan('12.5', '元')).toBe(13);
    expect(toYuan('12.5', null)).toBeUndefined();
  });
});

describe('standard tables of a real 决算 PDF (普陀区财政局 2024)', () => {
  let r: TableExtraction;
  beforeAll(async () => {
    r = await tablesOf(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'));
  });
  const byKind = (k: string) => r.tables.find((t) => t.kind === k)!;
  const fact = (metric: string, role = 'actual') => r.facts.find((f) => f.metric === metric && f.role === role);

  it('recognises all nine tables with their rows', () => {
    const kinds = r.tables.filter((t) => t.rows.length > 0).map((t) => t.kind);
    expect(kinds).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    expect(r.tables.every((t) => t.unit === '万元')).toBe(true);
  });

  it('reads the 收入支出决算总表 halves', () => {
    const t = byKind('公开01表');
    expect(t.title).toBe('收入支出决算总表');
    expect(t.rows[0]).toEqual(['一、一般公共预算财政拨款收入', '2,940.05', '一、一般公共服务支出', '2,106.66']);
    expect(t.rows.find((row) => row[0] === '本年收入合计')).toEqual(['本年收入合计', '2,946.25', '本年支出合计', '2,940.05']);
    expect(t.rows.find((row) => row[0] === '总计')).toEqual(['总计', '2,995.39', '总计', '2,995.39']);
  });

  it('keeps blank columns and joins wrapped 科目名称 to the coded row', () => {
    const t = byKind('公开02表');
    expect(t.header.slice(4)).toEqual(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(t.rows.find((row) => row[2] === '05' && row[1] === '05')).toEqual(['208', '05', '05', '机关事业单位基本养老保险缴费支出', '160.75', '160.75', '', '', '', '', '']);
    const exp = byKind('公开03表');
    expect(exp.rows[0]).toEqual(['', '', '', '合计', '2,940.05', '2,336.91', '603.14', '', '', '']);
  });

  it('reads the empty tables with their explanation', () => {
    const t = byKind('公开08表');
    expect(t.empty).toBe(true);
    expect(t.note).toBe('注：上海市普陀区财政局无政府性基金预算财政拨款支出，故本表无数据。');
  });

  it('emits the main metrics as table facts in exact yuan', () => {
    expect(fact('total_income')).toMatchObject({ value: 2946.25, text: '2,946.25', unit: '万元', yuan: 29462500, from: 'table', loc: { page: 6 } });
    expect(fact('total_expenditure')).toMatchObject({ yuan: 29400500 });
    expect(fact('basic_expenditure')).toMatchObject({ yuan: 23369100, loc: { page: 10, table: 't3', row: 1, col: 5 } });
    expect(fact('project_expenditure')).toMatchObject({ yuan: 6031400 });
    expect(fact('personnel_expenses')).toMatchObject({ yuan: 21522600 });
    expect(fact('public_expenses')).toMatchObject({ yuan: 1846500 });
    expect(fact('three_public_total', 'budget')).toMatchObject({ value: 0.95, yuan: 9500 });
    expect(fact('three_public_total', 'actual')).toBeUndefined(); // blank 决算数 cell: nothing, not 0
    expect(fact('total_income')!.excerpt).toBe('本年收入合计 2,946.25 本年支出合计 2,940.05');
    // Never the 一般公共预算财政拨款 21.63 listed under 年初财政拨款结转和结余, below the total row.
    expect(r.facts.filter((f) => f.metric === 'general_budget_appropriation_income').map((f) => f.yuan)).toEqual([29400500, 29400500]);
    expect(r.facts.every((f, i) => f.id === `tf${i + 1}`)).toBe(true);
    expect(r.flags).toEqual([]);
  });
});

describe('standard tables without a grid, and defects', () => {
  it('lists the seed text titles with their 本单位无 explanations', async () => {
    const r = await tablesOf(SEED_TXT);
    const fund = r.tables.find((t) => t.kind === '公开08表')!;
    expect(fund).toMatchObject({ empty: true, rows: [], note: '本单位无政府性基金预算财政拨款收入支出。' });
    expect(r.tables.find((t) => t.kind === '公开07表')!.note).toBe('本单位当年无三公经费预算财政拨款支出。');
    expect(r.tables.find((t) => t.kind === '公开01表')).toMatchObject({ empty: true, note: null });
  });

  it('flags a 功能分类 parent that is not the sum of its children', async () => {
    const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
    const text = [
      '一般公共预算财政拨款支出决算表',
      '单位：万元',
      cells('科目编码', '科目名称', '合计', '基本支出', '项目支出'),
      '',
      cells('201', '一般公共服务支出', '100.00', '60.00', '40.00'),
      '',
      cells('20106', '财政事务', '90.00', '60.00', '30.00'),
      '',
      cells('2010601', '行政运行', '60.00', '60.00', ''),
      '',
      cells('2010602', '一般行政管理事务', '30.00', '', '30.00'),
      '',
      '正文继续。',
    ].join('\n');
    const r = await tablesOf(new TextEncoder().encode(text));
    expect(r.tables[0]).toMatchObject({ kind: '公开05表', unit: '万元', header: ['科目编码', '科目名称', '合计', '基本支出', '项目支出'] });
    // The sum is an identity of the check stage now (patterns/identities.yaml tree-function): extract flags nothing.
    expect(r.flags).toEqual([]);
    const flags = identityChecks(extract(segment(await ingest(new TextEncoder().encode(text), { ocr: 'off' }))));
    expect(flags.map((f) => [f.code, f.expected, f.found])).toEqual([
      ['SUM_MISMATCH', '90.00', '100.00'],
      ['SUM_MISMATCH', '30.00', '40.00'],
    ]);
    expect(flags.map((f) => [f.severity, f.message])).toEqual([
      ['error', '公开05表第1页201一般公共服务支出的“合计”为100.00万元，与其1个下级科目之和90.00万元不符。'],
      ['error', '公开05表第1页201一般公共服务支出的“项目支出”为40.00万元，与其1个下级科目之和30.00万元不符。'],
    ]);
    expect(r.facts.find((f) => f.metric === 'general_budget_appropriation_expenditure')).toBeUndefined(); // no 合计 row
  });
});

describe('column headers of the 三公 tables, read strictly', () => {
  const def = (kind: string) => catalogue().tables.find((t) => t.kind === kind)!;

  it('gives no metric to a header that merged two columns or lost its own leaf', () => {
    // Headers as the PDF grid of 普陀区司法局 2026 gives them.
    const header = ['合计因公出国(境)费', '“三公”经费预算数/公务用车购置及运行费/公务接待费小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费', '运行费', '数', '机关运行经费预算'];
    expect(columnMetrics(def('预算07三公经费表'), header)).toEqual([null, null, null, null, null, null, 'agency_operating_expenses']);
  });

  it('reads a well-gridded header: the 小计 of a group is the group, a role leaf is dropped', () => {
    const header = ['合计', '因公出国(境)费', '2024年“三公”经费预算数/公务接待费', '2024年“三公”经费预算数/公务用车购置及运行费/小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费', '运行费', '2024年机关运行经费预算数'];
    expect(columnMetrics(def('预算07三公经费表'), header)).toEqual([
      'three_public_total',
      'overseas_travel',
      'official_reception',
      'official_vehicles',
      null,
      null, // the group header left over the 购置费 column
      null,
      'agency_operating_expenses',
    ]);
    const juesuan = ['合计/预算数', '合计/决算数', '因公出国（境）费/预算数', '小计/决算数', '公务用车购置费/决算数', '公务接待费/决算数'];
    expect(columnMetrics(def('公开07表'), juesuan)).toEqual(['three_public_total', 'three_public_total', 'overseas_travel', 'official_vehicles', null, 'official_reception']);
  });

  it('takes the “三公” 小计 as the total where 合计 adds 会议费 and 培训费, only when the parts add up', async () => {
    const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
    const table = (row: string[]) =>
      new TextEncoder().encode(
        ['一般公共预算“三公”经费、会议费、培训费支出预算表', '单位：万元', cells('合计', '小计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '会议费', '培训费'), '', cells(...row), '', '正文。'].join('\n'),
      );
    const ok = await tablesOf(table(['2,599.37', '670.12', '180.00', '304.40', '185.72', '228.00', '1,701.25']));
    expect(ok.facts.filter((f) => f.metric).map((f) => [f.metric, f.text])).toEqual([
      ['three_public_total', '670.12'],
      ['overseas_travel', '180.00'],
      ['official_vehicles', '304.40'],
      ['official_reception', '185.72'],
    ]);
    // Two cells run together by a PDF grid ("10.810" = 10.81 and 0; "06.4" = 0 and 6.4) are not values.
    const merged = await tablesOf(table(['2,599.37', '670.120', '180.00', '06.4', '185.72', '228.00', '1,701.25']));
    expect(merged.facts.map((f) => f.text)).toEqual(['2,599.37', '180.00', '185.72', '228.00', '1,701.25']);
    expect(merged.facts.filter((f) => f.metric)).toEqual([]);
    // One figure off (a shifted or misread cell): the row gives none of the four.
    const off = await tablesOf(table(['2,599.37', '670.12', '180.00', '304.40', '18.72', '228.00', '1,701.25']));
    expect(off.facts.filter((f) => f.metric)).toEqual([]);
  });
});
