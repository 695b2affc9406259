// Page-text tables printed in two halves (收入 | 支出), read by the row reader (src/ingest/layout/rows.ts):
// layouts `pdftotext -layout` prints on pages wider or narrower than usual, as small synthetic pages (figures
// made up). Each clean page gives no error, and the same page with one sum broken is still caught.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
// Errors of the tables read (a one-table page misses the report's other tables: MISSING_TABLE aside).
const errors = (doc: Awaited<ReturnType<typeof run>>) => doc.flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE').map((f) => f.message);

// A university 收支预算总表 whose 总计 row is spaced out over its cells (分散对齐), the gap between 入 and 总
// wider than within a word, as pdftotext prints a wider page.
const university = (spending = '22,000.00', other = '1,000.00') =>
  [
    '某某学院2024年度部门预算',
    '二、部门预算报表',
    '                       某某学院收支预算总表',
    '                                                               单位：万元',
    '收            入                                      支            出',
    '项目                          预算数                     项目                           预算数',
    '一、财政拨款                      80,000.00              一、教育支出                       120,000.00',
    '二、事业收入                      50,000.00              二、科学技术支出                       5,000.00',
    '三、事业单位经营收入                                        三、社会保障和就业支出                  8,000.00',
    '四、其他收入                      10,000.00              四、住房保障支出                       6,000.00',
    `     其中：捐赠收入                   500.00              五、其他支出                           ${other.padStart(8)}`,
    '本年收入合计                     140,000.00              本年支出合计                       140,000.00',
    `使用非财政拨款结余                  12,000.00              结转下年                            ${spending}`,
    '上年结转                         10,000.00',
    '收       入           总     计   162,000.00              支       出           总     计     162,000.00',
  ].join('\n');

describe('pdftotext -layout, two halves: a letter-spaced 总计 row on a wide page', () => {
  it('reads 收 入 总 计 and 支 出 总 计 as one label each, in their own half (no false sum)', async () => {
    const doc = await run(university());
    const t = doc.tables.find((x) => x.kind === '预算01收支总表')!;
    expect(t.rows[t.rows.length - 1]).toEqual(['收入总计', '162,000.00', '支出总计', '162,000.00']);
    // A left label whose figure is blank stays in the left half, the right half's label beside it.
    expect(t.rows[2]).toEqual(['三、事业单位经营收入', '', '三、社会保障和就业支出', '8,000.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('reads the row as well when the page is wider still', async () => {
    const wider = university().replace(
      /^收 +入 +总 +计.*$/m,
      '收          入               总       计   162,000.00              支          出               总       计     162,000.00',
    );
    const doc = await run(wider);
    expect(doc.tables.find((x) => x.kind === '预算01收支总表')!.rows.at(-1)).toEqual(['收入总计', '162,000.00', '支出总计', '162,000.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a 支出总计 that is not 本年支出合计 + 结转下年', async () => {
    expect(errors(await run(university('23,000.00')))).toEqual(['预算01收支总表第1页“支出总计”的“预算数”为162000.00万元：“支出总计”应为“本年支出合计”＋“结转下年”＝163000.00万元。']);
  });

  it('still catches a spending item that breaks 本年支出合计', async () => {
    expect(errors(await run(university('22,000.00', '1,300.00')))).toEqual([
      '预算01收支总表第1页“本年支出合计”的“预算数”为140000.00万元：“本年支出合计”应为“一、教育支出”、“二、科学技术支出”、“三、社会保障和就业支出”等5项之和140300.00万元。',
    ]);
  });
});

// 江苏 财政拨款收支预算总表 (预算04) on a narrow page: the right half's third item is longer than the others and
// starts left of the right label column, nearer the left half's labels than its own; its figure stands under
// the right half's figures.
const jiangsu = (project = '1,550.00') =>
  [
    '江苏省某某局2018年度部门预算',
    '            财政拨款收支预算总表',
    '   部门：             江苏省某某局             单位：万元',
    '         收入                         支出',
    '                                        支出用途',
    ' 项目名称          金额',
    '                              项目名称             金额',
    '一、一般公共预算     4,500.00      一、基本支出         3,200.00',
    `二、政府性基金预算     300.00      二、项目支出         ${project}`,
    '                      三、单位预留机动经费              50.00',
    ' 收入合计        4,800.00        支出合计           4,800.00',
  ].join('\n');

describe('pdftotext -layout, two halves: a long right-half label between the columns', () => {
  it('puts the item in the right half, where its figure stands (no false sum in either half)', async () => {
    const doc = await run(jiangsu());
    const t = doc.tables.find((x) => x.kind === '预算04财政拨款收支总表')!;
    expect(t.rows[2]).toEqual(['', '', '三、单位预留机动经费', '50.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a right-half item that breaks 支出合计', async () => {
    expect(errors(await run(jiangsu('1,560.00')))).toEqual([
      '预算04财政拨款收支总表第1页“支出合计”的“金额”为4800.00万元：“支出合计”应为“一、基本支出”、“二、项目支出”、“三、单位预留机动经费”之和4810.00万元。',
    ]);
  });
});

// ------------------------------------------------------------------ tables printed without blank lines

// A 支出决算表 (公开03) of six figure columns where only three are filled, 0.00 in 项目支出 where a row has none,
// long names wrapped under their first line (the figures on the first), and its 一般公共预算 part (公开05).
const spending = (basic2080505 = '120.00') => {
  const row = (code: string, name: string, ...figs: string[]) => at([code, 0, '<'], [name, 10, '<'], ...figs.map((f, k): [string, number, '>'] => [f, 42 + 11 * k, '>']));
  return [
    '某某局2024年度部门决算',
    '                                     支出决算表',
    '                                                                          单位：万元',
    '          项目',
    '                                                                          对附属单位补',
    '  功能分类                  本年支出合计      基本支出       项目支出       上缴上级支出   经营支出',
    '               科目名称                                                        助支出',
    '  科目编码',
    // The code column's header words 类 款 项 printed on the total row's line.
    at(['类', 0, '<'], ['款', 6, '<'], ['项', 11, '<'], ['合计', 26, '<'], ['1000.00', 42, '>'], ['700.00', 53, '>'], ['300.00', 64, '>']),
    row('208', '社会保障和就业支出', '200.00', '200.00', '0.00'),
    row('20805', '行政事业单位养老支出', '200.00', '200.00', '0.00'),
    row('2080505', '机关事业单位基本养老保', basic2080505, basic2080505, '0.00'),
    '          险缴费支出',
    row('2080506', '机关事业单位职业年金缴', '80.00', '80.00', '0.00'),
    '          费支出',
    row('212', '城乡社区支出', '800.00', '500.00', '300.00'),
    row('21201', '城乡社区管理事务', '800.00', '500.00', '300.00'),
    row('2120101', '行政运行', '600.00', '500.00', '100.00'),
    row('2120104', '城管执法', '200.00', '0.00', '200.00'),
    '注：本表反映部门本年度各项支出情况。',
    '                 一般公共预算财政拨款支出决算表',
    '                                              单位：万元',
    '  功能分类科目编码      科目名称          合计        基本支出      项目支出',
    at(['合计', 10, '<'], ['1000.00', 42, '>'], ['700.00', 53, '>'], ['300.00', 64, '>']),
    row('208', '社会保障和就业支出', '200.00', '200.00', '0.00'),
    row('20805', '行政事业单位养老支出', '200.00', '200.00', '0.00'),
    row('2080505', '机关事业单位基本养老保险缴费支出', '120.00', '120.00', '0.00'),
    row('2080506', '机关事业单位职业年金缴费支出', '80.00', '80.00', '0.00'),
    row('212', '城乡社区支出', '800.00', '500.00', '300.00'),
    row('21201', '城乡社区管理事务', '800.00', '500.00', '300.00'),
    row('2120101', '行政运行', '600.00', '500.00', '100.00'),
    row('2120104', '城管执法', '200.00', '0.00', '200.00'),
  ].join('\n');
};

describe('pdftotext -layout: a 支出决算表 with three of six columns filled and names wrapped below', () => {
  it('keeps a wrapped name’s tail with its own row (not the next row’s head), the 合计 row without 类 款 项, and places the filled figures by the 科目 tree', async () => {
    const doc = await run(spending());
    const t = doc.tables.find((x) => x.kind === '公开03表')!;
    expect(t.rows.map((r) => r[1])).toEqual(['合计', '社会保障和就业支出', '行政事业单位养老支出', '机关事业单位基本养老保险缴费支出', '机关事业单位职业年金缴费支出', '城乡社区支出', '城乡社区管理事务', '行政运行', '城管执法']);
    const cells = (await ingest(enc(spending()), { ocr: 'off' })).blocks.flatMap((b) => (b.kind === 'table' && b.table.rows[0]![2]!.text === '本年支出合计' ? b.table.rows.slice(1) : []));
    // Every figure but a 0.00 (which could stand in any blank column: no sum tells) is placed for sure.
    expect(cells.flatMap((r) => r.slice(2)).filter((c) => c.text && c.uncertain).map((c) => c.text)).toEqual(['0.00', '0.00', '0.00', '0.00']);
    expect(cells.find((r) => r[0]!.text === '2080505')!.slice(2, 5).map((c) => c.text)).toEqual(['120.00', '120.00', '0.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('catches a 项 that breaks its 款', async () => {
    expect(errors(await run(spending('130.00')))).toEqual(['公开03表第1页20805行政事业单位养老支出的“本年支出合计”为200.00万元，与其2个下级科目之和210.00万元不符。']);
  });

  it('catches a 基本支出 cell changed after reading (as the mutation evaluation changes one cell), under its row’s whole name', async () => {
    const doc = await ingest(enc(spending()), { ocr: 'off' });
    const t = doc.blocks.find((b) => b.kind === 'table' && b.table.rows[0]![2]!.text === '本年支出合计')!;
    if (t.kind !== 'table') throw new Error('no table');
    const cell = t.table.rows.find((r) => r[0]!.text === '2080505')![3]!;
    Object.assign(cell, { text: '125.00', raw: '125.00' });
    const found = check(extract(segment(doc))).flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH').map((f) => f.message);
    expect(found).toEqual(['公开03表第1页“机关事业单位基本养老保险缴费支出”行的“本年支出合计”为120.00万元，而本行其余各数（125.00＋0.00）之和为125.00万元（其所在的列未能确定，不影响这一合计）。']);
  });
});

// 基本支出决算表 (two halves, coded) printed without blank lines between its rows, blank cells left blank: the right
// half's code ends a left row whose figure is blank, its name and figure a line lower.
const basic = (office = '40.00') =>
  [
    '                一般公共预算财政拨款基本支出决算表',
    '                                                  单位：万元',
    '经济分类                              经济分类',
    '            科目名称       决算数                      科目名称      决算数',
    '科目编码                              科目编码',
    '301     工资福利支出          300.00   302     商品和服务支出         60.00',
    `30101    基本工资            200.00   30201    办公费             ${office}`,
    '30102    津贴补贴            100.00   30202    印刷费',
    '30103    奖金                       30205',
    '                                     水费                    20.00',
    '30107    绩效工资                   30206',
    '                                     电费',
    '人员经费合计   300.00              公用经费合计     60.00',
  ].join('\n');

describe('pdftotext -layout: a 基本支出 table in halves, no blank lines, blank cells blank', () => {
  it('reads each line as its row, and a right-half code after a blank left figure as a code, not a figure', async () => {
    const doc = await run(basic());
    const t = doc.tables.find((x) => x.kind === '公开06表')!;
    expect(t.rows.find((r) => r[0] === '30103')).toEqual(['30103', '奖金', '', '30205', '水费', '20.00']);
    expect(t.rows.find((r) => r[0] === '30107')).toEqual(['30107', '绩效工资', '', '30206', '电费', '']);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a 款 that breaks its 类', async () => {
    expect(errors(await run(basic('45.00')))).toEqual(['公开06表第1页302商品和服务支出的“决算数”为60.00万元，与其2个下级科目之和65.00万元不符。']);
  });
});

describe('page text: a table number opening the next page (表2-1-1)', () => {
  it('is no part of the last row’s name on the page before', async () => {
    const doc = await run(spending() + '\f                                   表2-1-1\n' + basic());
    const t = doc.tables.find((x) => x.kind === '公开05表')!;
    expect(t.rows[t.rows.length - 1]![1]).toBe('城管执法');
  });
});

describe('pdftotext -layout, two halves: a left name wrapped under itself beside a right name', () => {
  it('joins the tail to the half whose name starts where it starts', async () => {
    const text = [
      '                                   2025年部门财政拨款收支预算总表',
      '编制部门：某某街道办事处                                                             单位：元',
      '        财政拨款收入                                       财政拨款支出',
      '   项目            预算数                     项目        合计           一般公共预算 政府性基金预算 国有资本经营预算',
      '一、一般公共预算         1,500,000 一、一般公共服务支出             1,000,000      1,000,000',
      '资金',
      '二、政府性基金                        二、公共安全支出               500,000        500,000',
      '  收入总计           1,500,000            支出总计        1,500,000      1,500,000',
    ].join('\n');
    const t = (await run(text)).tables.find((x) => x.kind === '预算04财政拨款收支总表')!;
    expect(t.rows[0]!.slice(0, 3)).toEqual(['一、一般公共预算资金', '1,500,000', '一、一般公共服务支出']);
  });
});
