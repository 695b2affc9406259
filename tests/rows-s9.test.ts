// Page-text tables (pdftotext -layout) whose columns no template names: a university 决算's 表2–表4 read by the
// header band's own words over the figures, and a table continued under a 续 title without its header band.
// Small synthetic pages (names and figures made up).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
const errors = (doc: Awaited<ReturnType<typeof run>>) => doc.flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE').map((f) => f.message);
/** A table's column keys (the value cells' facts): `code:column` per figure read for sure. */
const keyed = (doc: Awaited<ReturnType<typeof run>>, kind: string) => {
  const t = doc.tables.find((x) => x.kind === kind)!;
  return doc.facts.filter((f) => f.about?.tableId === t.id).map((f) => `${f.about!.code ?? '-'}:${t.header[f.about!.col!]}=${f.text}`);
};

// 高等学校财政拨款支出决算表: one header line, the code and name heads a single space apart, a long name that pushes
// its row's figures right, rows that fill two of the three columns.
const row = (code: string, name: string, ...figs: [string, number][]) => at([code, 0, '<'], [name, 9, '<'], ...figs.map(([f, c]): [string, number, '>'] => [f, c, '>']));
const fiscal = (science = '8,200.00') =>
  [
    '某某学院2023年度决算',
    '                    表4  高等学校财政拨款支出决算表',
    '                                                        单位：万元',
    at(['科目编码 科目名称', 0, '<'], ['合计', 44, '>'], ['基本支出', 57, '>'], ['项目支出', 70, '>']),
    row('', '合计', ['36,400.00', 44], ['26,400.00', 57], ['10,000.00', 70]),
    row('205', '教育支出', ['26,000.00', 44], ['24,200.00', 57], ['1,800.00', 70]),
    row('20502', '普通教育', ['26,000.00', 44], ['24,200.00', 57], ['1,800.00', 70]),
    row('2050205', '高等教育', ['26,000.00', 44], ['24,200.00', 57], ['1,800.00', 70]),
    row('206', '科学技术支出', [science, 44], ['8,200.00', 70]),
    row('20602', '基础研究', ['8,200.00', 44], ['8,200.00', 70]),
    row('2060203', '自然科学基金', ['8,200.00', 44], ['8,200.00', 70]),
    row('208', '社会保障和就业支出', ['1,800.00', 44], ['1,800.00', 57]),
    row('20805', '行政事业单位养老支出', ['1,800.00', 44], ['1,800.00', 57]),
    // (pdftotext pushes the figures right of a name longer than its column)
    row('2080505', '机关事业单位基本养老保险缴费支出', ['1,800.00', 52], ['1,800.00', 63]),
    row('221', '住房保障支出', ['400.00', 44], ['400.00', 57]),
  ].join('\n');

// 机关运行经费支出预算表 (no template lists its columns): seven names printed, some a single space apart, three
// columns blank throughout.
const income = () =>
  [
    '某某局2025年部门预算',
    '                    机关运行经费支出预算表',
    '                                                        单位：万元',
    at(['科目编码 科目名称', 0, '<'], ['合计', 44, '>'], ['办公费', 57, '>'], ['印刷费', 70, '>'], ['水电费', 81, '>'], ['邮电费', 92, '>'], ['公务用车运行费', 109, '>'], ['其他费用', 120, '>']),
    row('', '合计', ['40.00', 44], ['30.00', 57], ['9.00', 81], ['1.00', 120]),
    row('201', '一般公共服务支出', ['32.00', 44], ['23.00', 57], ['8.00', 81], ['1.00', 120]),
    row('2010301', '行政运行', ['32.00', 44], ['23.00', 57], ['8.00', 81], ['1.00', 120]),
    row('206', '科学技术支出', ['8.00', 44], ['7.00', 57], ['1.00', 81]),
    row('2060101', '行政运行', ['8.00', 44], ['7.00', 57], ['1.00', 81]),
  ].join('\n');

describe('pdftotext -layout: a university 决算 table whose header no template names', () => {
  it('names the value columns by the header words standing over the figures, and places the short rows by the sums', async () => {
    const doc = await run(fiscal());
    const t = doc.tables.find((x) => x.kind === '高校决算表4财政拨款支出表')!;
    expect(t.header).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(t.rows.find((r) => r[0] === '2060203')).toEqual(['2060203', '自然科学基金', '8,200.00', '', '8,200.00']);
    expect(keyed(doc, '高校决算表4财政拨款支出表')).toContain('2060203:项目支出=8,200.00');
    expect(keyed(doc, '高校决算表4财政拨款支出表')).toContain('2080505:基本支出=1,800.00');
    expect(errors(doc)).toEqual([]);
  });

  it('catches a 类 whose 合计 is not its 基本支出 + 项目支出 (its parts placed no more)', async () => {
    expect(errors(await run(fiscal('8,300.00')))).toEqual(['高校决算表4财政拨款支出表第1页“科学技术支出”行的“合计”为8300.00万元，而基本支出＋项目支出＝8200.00万元。']);
  });

  it('names only the printed columns that hold figures where some are blank throughout (names a single space apart)', async () => {
    const doc = await run(income());
    const t = doc.tables.find((x) => x.kind === '预算11机关运行经费表')!;
    expect(t.header).toEqual(['科目编码', '科目名称', '合计', '办公费', '水电费', '其他费用']);
    expect(t.rows.find((r) => r[0] === '206')).toEqual(['206', '科学技术支出', '8.00', '7.00', '1.00', '']);
  });

  it('names no column where a figure stands under a printed name no full row fills', async () => {
    const text = income().replace(row('2060101', '行政运行', ['8.00', 44], ['7.00', 57], ['1.00', 81]), row('2060101', '行政运行', ['8.00', 44], ['7.00', 57], ['1.00', 92]));
    const t = (await run(text)).tables.find((x) => x.kind === '预算11机关运行经费表')!;
    expect(t.header.slice(2).every((h) => h === '')).toBe(true);
  });
});

// 支出决算表 (公开03) over two pages, the second under 支出决算表（续） with no header band: its rows have two figures.
const continued = (housing = '260.00') =>
  [
    '某某局2023年度部门决算',
    '                                支出决算表',
    '                                                                          单位：万元',
    '          项目                                                              对附属单位补',
    '  功能分类                  本年支出合计      基本支出       项目支出       上缴上级支出   经营支出',
    '               科目名称                                                        助支出',
    '  科目编码',
    at(['类', 0, '<'], ['款', 6, '<'], ['项', 11, '<'], ['合计', 26, '<'], ['1,850.40', 42, '>'], ['1,420.10', 53, '>'], ['430.30', 64, '>']),
    row('201', '一般公共服务支出', ['1,210.00', 42], ['779.70', 53], ['430.30', 64]),
    row('20103', '政府办公厅(室)及相关机构事务', ['1,210.00', 47], ['779.70', 58], ['430.30', 69]),
    row('2010301', '行政运行', ['779.70', 42], ['779.70', 53]),
    row('2010302', '一般行政管理事务', ['430.30', 42], ['430.30', 64]),
    '\f                                支出决算表（续）',
    row('208', '社会保障和就业支出', ['380.40', 40], ['380.40', 50]),
    row('20805', '行政事业单位养老支出', ['380.40', 40], ['380.40', 50]),
    row('2080505', '机关事业单位基本养老保险缴费支出', ['250.40', 48], ['250.40', 58]),
    row('2080506', '机关事业单位职业年金缴费支出', ['130.00', 46], ['130.00', 56]),
    row('221', '住房保障支出', [housing, 40], [housing, 50]),
    row('22102', '住房改革支出', ['260.00', 40], ['260.00', 50]),
    row('2210201', '住房公积金', ['260.00', 40], ['260.00', 50]),
  ].join('\n');

describe('pdftotext -layout: a table continued under a 续 title without its header band', () => {
  it('reads the continuation with the columns of the table it continues: one table, no false sum', async () => {
    const doc = await run(continued());
    const ts = doc.tables.filter((x) => x.kind === '公开03表');
    expect(ts.length).toBe(1);
    expect(ts[0]!.rows.map((r) => r[0])).toEqual(['', '201', '20103', '2010301', '2010302', '208', '20805', '2080505', '2080506', '221', '22102', '2210201']);
    expect(ts[0]!.rows.find((r) => r[0] === '221')!.slice(0, 3)).toEqual(['221', '住房保障支出', '260.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a 类 on the continued page that breaks its 款', async () => {
    expect(errors(await run(continued('270.00')))).toEqual(['公开03表第2页221住房保障支出的“本年支出合计”为270.00万元，与其1个下级科目之和260.00万元不符。']);
  });
});

// Digits grouped by thin spaces (GB/T 15835 千分空) or by spaces before a unit: one number each.
const grouped = (share = '76.75') =>
  [
    '某某局2024年度部门决算',
    '一、收入支出决算总体情况说明',
    '2024年度收、支总计均为1\u2009850.40万元。与上年相比，收、支总计各减少50.00万元，下降2.63%。',
    '三、支出决算情况说明',
    `2024年度本年支出合计1 850.40万元，其中：基本支出1 420.10万元，占本年支出的${share}%；项目支出430.30万元，占本年支出的23.25%。`,
  ].join('\n');

describe('text: digit groups apart by a thin space or a space before the unit', () => {
  it('reads 1\u2009850.40万元 and 1 850.40万元 as one figure each (no false rate or share)', async () => {
    const doc = await run(grouped());
    expect(doc.facts.filter((f) => f.from === 'text' && f.unit === '万元').map((f) => f.value)).toEqual([1850.4, 50, 1850.4, 1420.1, 430.3]);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a share that is off', async () => {
    expect(errors(await run(grouped('76.85')))).toEqual(['占比与金额不符：1420.10万元÷支出合计1850.40万元约为76.75%，文中写76.85%。']);
  });
});

// `pdftotext -layout -nopgbrk`: pages run on without form feeds, each page's number centred on its own line.
const flowing = (rate = '20.00') =>
  [
    '某某局2024年度部门预算',
    '一、收支预算总体情况说明',
    '    某某局2024年度收入、支出预算总计1,200.00万元，与上年相比收、支预算总计各增加200.00万元，增长',
    '',
    '',
    '                 2',
    `${rate}%。主要原因是人员增加。`,
    '二、收入预算情况说明',
    '    收入预算1,200.00万元，其中一般公共预算拨款收入1,200.00万元，占100.00%。',
    '',
    '                  3',
    '三、支出预算情况说明',
    '    支出预算1,200.00万元，其中基本支出900.00万元，占75.00%；项目支出300.00万元，占25.00%。',
    '',
    '                 4',
  ].join('\n');

describe('text without form feeds: page numbers between the lines of a sentence', () => {
  it('reads a centred bare number after blank lines as a page foot, not the head of the next figure', async () => {
    expect(errors(await run(flowing()))).toEqual([]);
    // one page number alone, under two blank lines and over running prose
    expect(errors(await run(flowing().replace(/\n {18}3\n/, '\n').replace(/\n {17}4$/, '')))).toEqual([]);
  });

  it('still catches the rate when it is wrong', async () => {
    expect(errors(await run(flowing('21.00')))).toEqual(['变动率与金额不符：1,200.00万元比上年增加200.00万元，上年应为1000.00万元，变动率应约为20.00%，文中写21.00%。']);
  });
});

// `pdftotext -layout` prints a paragraph line's wrapped tail a line higher than the line it ends.
const raisedTail = (project = '200.00', share = '20.00') =>
  [
    '某某局2024年度部门决算',
    '三、支出决算情况说明',
    '',
    `${project}万元，占${share}%；`,
    '    2024年度本年支出合计1,000.00万元，其中：基本支出800.00万元，占80.00%；项目支出',
    '',
    '四、财政拨款收入支出决算总体情况说明',
  ].join('\n');

describe('pdftotext -layout: a line’s tail printed above it', () => {
  it('reads the tail after the line it ends (no figure lost from the paragraph)', async () => {
    const doc = await run(raisedTail());
    expect(doc.facts.filter((f) => f.from === 'text' && f.label.includes('项目支出') && f.unit === '万元').map((f) => f.text)).toEqual(['200.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('so the parts in the tail are summed with the others', async () => {
    expect(errors(await run(raisedTail('210.00', '21.00')))).toEqual(['部分大于整体：基本支出800.00万元＋项目支出210.00万元＝1010.00万元，超过支出合计1000.00万元。']);
  });
});

// A 预算 whose 支出表 prints the prior year and the change beside the year's columns (上年预算数 | 合计 基本支出
// 项目支出 | 增减额 | 增减率), and whose 基本支出表 prints the 经济分类 in two halves.
const budget = () =>
  [
    '某某县某某局2024年部门预算',
    '                    一般公共预算支出预算表',
    '                                                        单位：万元',
    at(['科目编码 科目名称', 0, '<'], ['上年预算数', 50, '>'], ['合计', 62, '>'], ['基本支出', 74, '>'], ['项目支出', 86, '>'], ['增减额', 98, '>'], ['增减率', 110, '>']),
    row('', '合计', ['640.00', 50], ['700.00', 62], ['520.00', 74], ['180.00', 86], ['60.00', 98], ['9.38%', 110]),
    row('201', '一般公共服务支出', ['560.00', 50], ['600.00', 62], ['420.00', 74], ['180.00', 86], ['40.00', 98], ['7.14%', 110]),
    row('2010301', '行政运行', ['400.00', 50], ['420.00', 62], ['420.00', 74], ['20.00', 98], ['5.00%', 110]),
    row('2010302', '一般行政管理事务', ['160.00', 50], ['180.00', 62], ['180.00', 86], ['20.00', 98], ['12.50%', 110]),
    row('208', '社会保障和就业支出', ['80.00', 50], ['100.00', 62], ['100.00', 74], ['20.00', 98], ['25.00%', 110]),
    '                    一般公共预算基本支出预算表',
    '                                                        单位：万元',
    '科目编码 科目名称                        预算数 科目编码                  科目名称      预算数',
    '301     工资福利支出                    450.00     302            商品和服务支出       70.00',
    '30101   基本工资                        300.00   30201                    办公费       40.00',
    '30102   津贴补贴                        150.00   30211                    差旅费       30.00',
    '人员经费合计                                 450.00 公用经费合计                                 70.00',
  ].join('\n');

describe('pdftotext -layout: 预算 tables printed unlike their template', () => {
  it('reads a rate column as a column (not part of the name), the columns named by the band', async () => {
    const t = (await run(budget())).tables.find((x) => x.kind === '预算05一般公共预算支出表')!;
    expect(t.header).toEqual(['科目编码', '科目名称', '上年预算数', '合计', '基本支出', '项目支出', '增减额', '增减率']);
    expect(t.rows.find((r) => r[0] === '2010302')).toEqual(['2010302', '一般行政管理事务', '160.00', '180.00', '', '180.00', '20.00', '12.50%']);
  });

  it('reads a 基本支出表 whose band names the code and name columns twice as two halves', async () => {
    const doc = await run(budget());
    const t = doc.tables.find((x) => x.kind === '预算06一般公共预算基本支出表')!;
    expect(t.rows.find((r) => r[0] === '30101')).toEqual(['30101', '基本工资', '300.00', '30201', '办公费', '40.00']);
    expect(errors(doc)).toEqual([]);
  });
});

// 财政拨款收支总表 (two halves) with a line of figures alone under the band, standing under both halves' figures.
const fiscalHalves = [
  '                                   2025年部门财政拨款收支预算总表',
  '编制部门：某某街道办事处                                                             单位：元',
  '        财政拨款收入                                       财政拨款支出',
  '   项目            预算数                     项目        合计           一般公共预算 政府性基金预算 国有资本经营预算',
  '            1,500,000.00                     1,500,000.00 1,500,000.00',
  '一、一般公共预算         1,500,000 一、一般公共服务支出             1,000,000      1,000,000',
  '二、政府性基金                        二、公共安全支出               500,000        500,000',
  '  收入总计           1,500,000            支出总计        1,500,000      1,500,000',
].join('\n');

describe('pdftotext -layout, two halves: a line of figures alone under both halves', () => {
  it('gives each figure to the half it stands in, so the left half keeps one column and the 支出 lines are placed', async () => {
    const doc = await ingest(enc(fiscalHalves), { ocr: 'off' });
    const t = doc.blocks.find((b) => b.kind === 'table')!;
    if (t.kind !== 'table') throw new Error('no table');
    const grid = t.table.rows.map((r) => r.map((c) => (c.uncertain ? '?' : '') + c.text));
    expect(grid[0]).toEqual(['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']);
    expect(grid[1]).toEqual(['', '1,500,000.00', '', '1,500,000.00', '1,500,000.00', '', '']);
    expect(grid[2]).toEqual(['一、一般公共预算', '1,500,000', '一、一般公共服务支出', '1,000,000', '1,000,000', '', '']);
  });
});

// A 支出总表 in 元 (single spaces: no positions), its 项 rounded to the 元 so that they miss their 款 by 1 元.
const yuan = [
  '某某街道2025年部门预算',
  '2025年部门支出预算总表',
  '编制部门：某某街道 单位：元',
  '科目编码 科目名称 合计 基本支出 项目支出',
  '合计 1,000,000 500,001 499,999',
  '212 城乡社区支出 1,000,000 500,001 499,999',
  '21201 城乡社区管理事务 600,001 500,001 100,000',
  '2120101 行政运行 300,000 300,000',
  '2120104 城管执法 200,000 200,000',
  '2120199 其他城乡社区管理事务支出 100,000 100,000',
  '21205 城乡社区环境卫生 399,999 399,999',
  '2120501 城乡社区环境卫生 399,999 399,999',
].join('\n');

describe('single-space text: a 科目 tree printed in whole 元', () => {
  it('places the children whose sum misses their parent by the rounding of whole 元', async () => {
    const doc = await ingest(enc(yuan), { ocr: 'off' });
    const t = doc.blocks.find((b) => b.kind === 'table')!;
    if (t.kind !== 'table') throw new Error('no table');
    const grid = t.table.rows.map((r) => r.map((c) => (c.uncertain ? '?' : '') + c.text));
    expect(grid.find((r) => r[0] === '2120104')).toEqual(['2120104', '城管执法', '200,000', '200,000', '']);
    expect(grid.find((r) => r[0] === '2120199')).toEqual(['2120199', '其他城乡社区管理事务支出', '100,000', '', '100,000']);
    expect(grid.find((r) => r[0] === '2120501')).toEqual(['2120501', '城乡社区环境卫生', '399,999', '', '399,999']);
  });
});
