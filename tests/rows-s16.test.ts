// Rows engineer, session 16 (renwu 2026 预算 screen): row identities over column headers read from layouts not
// seen before. Small synthetic tables (names and figures made up); the header a real table was read with is
// set on the extracted table, the cells keyed as the real extraction keys them.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => extract(segment(await ingest(enc(text), { ocr: 'off' })));
const sums = (d: ExtractedDocument) => check(d).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message);

/** The table of `kind`, its header replaced and its cells' column keys set by column (col → key). */
function relabel(d: ExtractedDocument, kind: string, header: string[], keys: Record<number, string> = {}): ExtractedDocument {
  const t = d.tables.find((x) => x.kind === kind)!;
  expect(t.header).toHaveLength(header.length);
  t.header = header;
  for (const f of d.facts) if (f.about?.tableId === t.id && keys[f.about.col!] !== undefined) f.about.column = keys[f.about.col!];
  return d;
}

const spending = (project2080299 = '200.00') =>
  [
    '某某局2026年部门预算',
    '                    一般公共预算支出预算表',
    '                                                        单位：万元',
    '科目编码 科目名称                                合计          基本支出    项目支出',
    '         合计                                  900.00          700.00      200.00',
    '208      社会保障和就业支出                    900.00          700.00      200.00',
    '20802    民政管理事务                          900.00          700.00      200.00',
    '2080201  行政运行                              700.00          700.00',
    `2080299  其他民政管理事务支出                  200.00                      ${project2080299}`,
  ].join('\n');

describe('预算05 一般公共预算支出 | 小计 | 其中：基本支出 | 项目支出 (广州/珠海 2026)', () => {
  const header = ['科目编码', '科目名称', '一般公共预算支出/小计', '一般公共预算支出/其中：基本支出', '一般公共预算支出/项目支出'];
  it('reads 其中 printed once over the subtotal’s breakdown as a term of the row: no flag', async () => {
    const d = relabel(await run(spending()), '预算05一般公共预算支出表', header);
    expect(sums(d)).toEqual([]);
  });
  it('still flags a row whose 基本支出 + 项目支出 is not its 小计', async () => {
    const d = relabel(await run(spending('210.00')), '预算05一般公共预算支出表', header);
    expect(sums(d)).toEqual([
      '预算05一般公共预算支出表第1页“其他民政管理事务支出”行的“项目支出”为210.00万元，与本行“一般公共预算支出”200.00万元不符（一般公共预算支出＝其中：基本支出＋项目支出），与上下级科目的同列数也不符；按本行应为200.00万元。',
    ]);
  });
});

describe('a table number read in below the last row (上海 预算03: 单位预算04表 under the 项目支出 column)', () => {
  it('is no label column: the 项目支出 column stays in the row’s run', async () => {
    const d = await run(spending());
    const t = d.tables.find((x) => x.kind === '预算05一般公共预算支出表')!;
    t.rows.push(['', '', '', '', '单位预算04表']);
    expect(sums(d)).toEqual([]);
  });
});

/** A blank column put in at `at` (the page-text reader drops a column no row fills). */
function blankColumn(d: ExtractedDocument, kind: string, at: number): ExtractedDocument {
  const t = d.tables.find((x) => x.kind === kind)!;
  t.header.splice(at, 0, '');
  for (const r of t.rows) r.splice(at, 0, '');
  for (const f of d.facts) if (f.about?.tableId === t.id && f.about.col! >= at) f.about.col = f.about.col! + 1;
  return d;
}

const income = (other = '50.00') =>
  [
    '某某局2026年部门预算',
    '                    收入预算总表',
    '                                                        单位：万元',
    '科目编码 科目名称                    合计  财政拨款收入  上级补助收入  附属单位上缴收入  事业收入  其他收入',
    '         合计                      900.00        600.00        100.00                      150.00     50.00',
    '201      一般公共服务支出          900.00        600.00        100.00                      150.00     50.00',
    '20101    人大事务                  900.00        600.00        100.00                      150.00     50.00',
    `2010101  行政运行                  900.00        600.00        100.00                      150.00     ${other}`,
  ].join('\n');

describe('预算02 with no 财政拨款收入 column, only its funds (重庆 2026: 总计 | 一般公共预算拨款收入 | 政府性基金预算拨款收入 | 国有资本经营预算拨款收入 | …)', () => {
  const header = ['科目编码', '科目名称', '总计', '一般公共预算拨款收入', '政府性基金预算拨款收入', '国有资本经营预算拨款收入', '事业收入', '其他收入'];
  const keys = { 3: 'general_budget', 4: 'gov_fund', 5: 'state_capital' };
  it('counts the funds in its place, a blank 国有资本经营 column as 0: no flag', async () => {
    const d = blankColumn(await run(income()), '预算02收入总表', 5);
    expect(d.tables.find((x) => x.kind === '预算02收入总表')!.rows[3]).toEqual(['2010101', '行政运行', '900.00', '600.00', '100.00', '', '150.00', '50.00']);
    expect(sums(relabel(d, '预算02收入总表', header, keys))).toEqual([]);
  });
  it('still flags a row whose funds and other incomes are not its 总计', async () => {
    const d = relabel(blankColumn(await run(income('40.00')), '预算02收入总表', 5), '预算02收入总表', header, keys);
    expect(sums(d)).toEqual([
      '预算02收入总表第1页“行政运行”行的“其他收入”为40.00万元，与本行“总计”900.00万元不符（总计＝一般公共预算拨款收入＋政府性基金预算拨款收入＋事业收入＋其他收入），与上下级科目的同列数也不符；按本行应为50.00万元。',
    ]);
  });
});

describe('预算07 whose 公务用车购置及运行维护费 group over 小计 | 购置费 | 运行维护费 was not read (苏州 2026)', () => {
  const page = (three = '345.63') =>
    [
      '某某局2026年部门预算',
      '                   一般公共预算“三公”经费、会议费、培训费支出表',
      '                                                        单位：万元',
      '  “三公”经费合计   因公出国（境）费   小计   公务用车购置费   公务用车运行维护费   公务接待费   会议费   培训费',
      `          ${three}          0.00        299.12       154.97       144.15      46.51         45.12     305.79`,
    ].join('\n');
  const header = ['', '', '“三公”经费合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费', '会议费', '培训费'];
  const keys = { 2: 'three_public', 3: 'overseas_travel', 4: 'total', 5: 'vehicle_purchase', 6: 'vehicle_operation', 7: 'reception', 8: 'meeting', 9: 'training' };
  it('reads the bare 小计 after the row’s first figures as no total of the row: no flag', async () => {
    expect(sums(relabel(await run(page()), '预算07三公经费表', header, keys))).toEqual([]);
  });
  it('still checks “三公”经费合计 = 因公出国 + 购置费 + 运行维护费 + 公务接待费', async () => {
    expect(sums(relabel(await run(page('345.73')), '预算07三公经费表', header, keys))).toEqual([
      '预算07三公经费表第1页““三公”经费合计”为345.73万元，而因公出国（境）费＋公务用车购置费＋公务用车运行维护费＋公务接待费＝345.63万元。',
    ]);
  });
});

describe('预算04 whose 支出 half lists the 科目 under 一、本年支出合计 without numbers (杭州 2026)', () => {
  const page = (carry = '', total = '900.00') =>
    [
      '某某局2026年部门预算',
      '         表4：2026年市级部门财政拨款收支预算总表',
      '部门名称：某某局                                                        单位：万元',
      '         收入                                  支出',
      '         项目           预算数                    项目           预算数',
      '一、财政拨款                   900.00 一、本年支出合计                    900.00',
      '    一般公共预算               900.00 一般公共服务支出                    600.00',
      '    政府性基金预算                       其他一般公共服务支出              600.00',
      '    国有资本经营预算                     交通运输支出                      300.00',
      '二、上年结转结余                            公路水路运输                  300.00',
      `                                     二、年终结转结余                    ${carry}`,
      `收入总计                       900.00 支出总计                            ${total}`,
    ].join('\n');
  it('reads them as the breakdown of 一、, no rows of the 支出总计: no flag', async () => {
    expect(sums(await run(page()))).toEqual([]);
  });
  it('still adds the numbered rows: 支出总计 ≠ 一、本年支出合计 + 二、年终结转结余 is flagged', async () => {
    expect(sums(await run(page('50.00', '900.00')))).toEqual(['预算04财政拨款收支总表第1页“支出总计”的“预算数”为900.00万元：“支出总计”应为“一、本年支出合计”＋“二、年终结转结余”＝950.00万元。']);
  });
});

describe('预算02 whose 合计 counts a 上年结转结余 column (福州/泉州 2026) against 预算01’s 本年收入合计', () => {
  const page = () =>
    [
      '某某局2026年部门预算',
      '一、收支预算总表',
      '                              收支预算总表',
      '                                                                 单位：万元',
      '              收入                                支出',
      '         项目           预算数                    项目           预算数',
      '一、一般公共预算拨款收入           900.00    一、社会保障和就业支出          930.00',
      '二、政府性基金预算拨款收入                   ',
      '   本年收入合计             900.00        本年支出合计           930.00',
      '   上年结转结余              30.00',
      '     收入合计             930.00          支出合计           930.00',
      '二、收入预算总表',
      '                              收入预算总表',
      '                                                                 单位：万元',
      '单位名称         合计       财政拨款收入       事业收入         上年结转结余',
      ' 合计           930.00         900.00           0.00            30.00',
      ' 某某局         930.00         900.00                           30.00',
    ].join('\n');
  const header = ['科目编码', '科目名称', '合计', '财政拨款收入', '事业收入', '上年结转结余'];
  it('is no year’s total: income-y01-y02 gives no verdict', async () => {
    const d = relabel(await run(page()), '预算02收入总表', header, { 2: 'total', 3: 'fiscal_income', 4: 'business_income', 5: 'carry_prior' });
    expect(sums(d)).toEqual([]);
  });
  it('the header 上年结转结余 is the carried-in column', async () => {
    const { columnKey } = await import('../src/extract/ledger.js');
    expect(columnKey('上年结转结余')).toBe('carry_prior');
  });
});
