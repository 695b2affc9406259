// Rows engineer, session 10: page-text tables (pdftotext -layout) whose header band and template list both
// name the columns (R13: the band's words name a column where it reads them; the list is the fallback).
// Small synthetic pages (names and figures made up).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { pageDump } from '../src/ingest/page-dump.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => extract(segment(await ingest(enc(text), { ocr: 'off' })));

const row = (code: string, name: string, ...figs: [string, number][]) => at([code, 0, '<'], [name, 9, '<'], ...figs.map(([f, c]): [string, number, '>'] => [f, c, '>']));
// 高等学校收入决算表 whose band prints every name of the template's list and one of its own (其中：教育收费,
// a part of 事业收入) over a column of figures.
const income = (feeCol = 84) =>
  [
    '某某学院2023年度决算',
    '                    高等学校收入决算表',
    '                                                        单位：万元',
    at(['科目编码 科目名称', 0, '<'], ['本年收入合计', 44, '>'], ['财政拨款收入', 58, '>'], ['上级补助收入', 72, '>'], ['事业收入', 84, '>'], ['其中：教育收费', 100, '>'], ['经营收入', 112, '>'], ['附属单位上缴收入', 130, '>'], ['其他收入', 142, '>']),
    row('', '合计', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
    row('205', '教育支出', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
    row('2050205', '高等教育', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
  ].join('\n');

describe('pdftotext -layout: the header band names the columns where it reads them (R13)', () => {
  it('names a column the template list lacks by the band’s own words, the figure under it not given to a list column', async () => {
    const t = (await run(income())).tables.find((x) => x.kind === '高校决算表2收入表')!;
    expect(t.header).toEqual(['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '事业收入', '其中：教育收费', '其他收入']);
    expect(t.rows.find((r) => r[0] === '2050205')).toEqual(['2050205', '高等教育', '9,000.00', '5,000.00', '3,600.00', '2,100.00', '400.00']);
  });
});

// 一般公共预算支出预算表 with the prior year's column and 增减额 / 增减率: a decrease printed in brackets (rv10 F1).
const change = (open: string, close: string, diff = '20.00') =>
  [
    '某某局2025年部门预算',
    '                    一般公共预算支出预算表',
    '                                                        单位：万元',
    '                                                          2025年预算数',
    '科目编码 科目名称                           2024年预算数        合计    基本支出    项目支出      增减额      增减率',
    '         合计                                    640.00      660.00      520.00      140.00       20.00       3.13%',
    '201      一般公共服务支出                        640.00      660.00      520.00      140.00       20.00       3.13%',
    '20103    政府办公厅（室）及相关机构事务          640.00      660.00      520.00      140.00       20.00       3.13%',
    `2010301  行政运行                                540.00      520.00      520.00               ${open}20.00${close}       ${open}3.70%${close}`,
    `2010302  一般行政管理事务                        100.00      140.00                  140.00       ${diff}      40.00%`,
  ].join('\n');

describe('pdftotext -layout: a negative printed in brackets (rv10 F1)', () => {
  for (const [open, close] of [['(', ')'], ['（', '）']]) {
    it(`reads ${open}20.00${close} as a figure of its row (not a piece of its name), as -20.00`, async () => {
      const doc = await run(change(open!, close!, '40.00'));
      const t = doc.tables.find((x) => x.kind === '预算05一般公共预算支出表')!;
      const r = t.rows.find((x) => x[0] === '2010301')!;
      expect(r[1]).toBe('行政运行');
      expect(r.slice(2)).toEqual(['540.00', '520.00', '520.00', '', '-20.00', '-3.70%']);
      expect(check(doc).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
    });
  }
  it('still catches a 款 whose 增减额 is not the sum of its 项 (−20.00 + 30.00 ≠ 20.00)', async () => {
    const flags = check(await run(change('(', ')', '30.00'))).flags.filter((f) => f.code === 'SUM_MISMATCH' && f.severity === 'error');
    expect(flags.map((f) => f.message)).toContain('预算05一般公共预算支出表第1页20103政府办公厅(室)及相关机构事务的“增减额”为20.00万元，与其2个下级科目之和10.00万元不符。');
  });
});

// JSON page dumps in the other shapes scrapers write (rv10 F4): each is the pages, never the JSON source as text.
describe('pageDump: page records found by their shape', () => {
  const pages = ['某单位2024年度部门决算\n收入合计93.93万元。', '支出合计93.93万元。'];
  it('reads JSON Lines, one page record a line', () => {
    expect(pageDump(pages.map((text, i) => JSON.stringify({ page: i + 1, text })).join('\n') + '\n')).toEqual(pages);
  });
  it('reads a page given as its lines', () => {
    expect(pageDump(JSON.stringify({ pages: pages.map((t, i) => ({ page: i + 1, lines: t.split('\n') })) }))).toEqual(pages);
  });
  it('finds the page array under any key, a few levels down', () => {
    expect(pageDump(JSON.stringify({ result: pages.map((text, i) => ({ page: i + 1, text })) }))).toEqual(pages);
    expect(pageDump(JSON.stringify({ meta: { title: 'x', tags: ['a', 'b'] }, data: { pages: pages.map((text, i) => ({ page_num: i + 1, text })) } }))).toEqual(pages);
  });
  it('is still null for JSON holding no page records', () => {
    expect(pageDump('{"meta": {"title": "x"}, "rows": [[1, 2], [3, 4]]}')).toBeNull();
    expect(pageDump('{"a": 1}\n{"b": [1, 2]}')).toBeNull();
  });
  it('gives a JSON Lines dump its pages, so its sentences are read as text (no JSON escapes in a line)', async () => {
    const doc = await ingest(enc(pages.map((text, i) => JSON.stringify({ page: i + 1, text })).join('\n')), { ocr: 'off' });
    expect(doc.blocks.flatMap((b) => (b.kind === 'line' ? [[b.line.text, b.line.loc.page]] : []))).toEqual([
      ['某单位2024年度部门决算', 1],
      ['收入合计93.93万元。', 1],
      ['支出合计93.93万元。', 2],
    ]);
  });
});

// 财政拨款收入支出决算总表 (公开04) from a PDF with narrow columns: a label of the 支出 half wraps over three lines,
// its figures printed on the 收入 half's label line, right of everything that half prints (rv10 F6).
const fiscalTotal = (second = '150.00') =>
  [
    '某某局2023年度部门决算',
    '                        财政拨款收入支出决算总表',
    '                                                        单位：万元',
    '收入                    支出',
    '                                                            政府性基金预算财政拨',
    '项目              决算数   项目              合计       一般公共预算财政拨款              国有资本经营预算财政拨款',
    '                                                            款',
    '',
    '一、一般公共预算财政拨款    600.00 一、一般公共服务支出 450.00 450.00',
    '',
    '                      二、社会保障和就业支',
    `二、政府性基金预算财政拨款                    ${second} ${second}`,
    '                      出',
    '',
    '三、国有资本经营预算财政拨',
    '款',
    '',
    '本年收入合计          600.00 本年支出合计         600.00 600.00',
    '',
    '总计              600.00 总计             600.00 600.00',
  ].join('\n');
const bigFont = () =>
  [
    '某某局2023年度部门决算',
    '                        财政拨款收入支出决算总表',
    '                                                        单位：万元',
    '收入                     支出',
    '                                                一般公共预算财政拨 政府性基金预算财政 国有资本经营预算财政拨',
    '项目               决算数   项目             合计',
    '                                                款         拨款        款',
    '',
    '                       一、一般公共服务支',
    '一、一般公共预算财政拨款 600.00              450.00 450.00',
    '                       出',
    '',
    '二、政府性基金预算财政拨           二、社会保障和就业',
    '                                 150.00 150.00',
    '款                      支出',
    '',
    '本年收入合计           600.00 本年支出合计        600.00 600.00',
    '',
    '总计               600.00 总计            600.00 600.00',
  ].join('\n');

describe('pdftotext -layout: a 支出 label wrapped over three lines in a halves table (rv10 F6)', () => {
  const col = (doc: Awaited<ReturnType<typeof run>>, label: string) => {
    const t = doc.tables.find((x) => x.kind === '公开04表')!;
    return t.rows.find((r) => r[0] === label)!;
  };
  it('gives the figures on the 收入 label line to the 支出 half they stand under (the 收入 line has none)', async () => {
    const doc = await run(fiscalTotal());
    expect(col(doc, '二、政府性基金预算财政拨款')).toEqual(['二、政府性基金预算财政拨款', '', '', '150.00', '150.00', '', '']);
    expect(check(doc).flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
  it('also after the 收入 line’s own figure', async () => {
    const doc = await run(bigFont());
    expect(col(doc, '一、一般公共预算财政拨款')).toEqual(['一、一般公共预算财政拨款', '600.00', '', '450.00', '450.00', '', '']);
    expect(check(doc).flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
});

// The same tables as plain `pdftotext` (reading order, single spaces) prints them: the wrapped 支出 label's
// figures on a line of their own after its pieces.
const rawTotals = (second = '150.00') =>
  [
    '某某局2023年度部门决算',
    '财政拨款收入支出决算总表',
    '单位：万元',
    '收入 支出',
    '项目 决算数 项目 合计 一般公共预算财政拨款',
    '政府性基金预算财政拨',
    '款',
    '国有资本经营预算财政拨款',
    '一、一般公共预算财政拨款 600.00 一、一般公共服务支出 450.00 450.00',
    '二、政府性基金预算财政拨款',
    '二、社会保障和就业支',
    '出',
    `${second} ${second}`,
    '三、国有资本经营预算财政拨',
    '款',
    '本年收入合计 600.00 本年支出合计 600.00 600.00',
    '总计 600.00 总计 600.00 600.00',
  ].join('\n');

describe('pdftotext (raw): a wrapped 支出 label whose figures follow on their own line (rv10 F6)', () => {
  it('gives no label the figures of a tall total row printed above its labels (本年收入合计 本年支出合计 600.00)', async () => {
    const text = rawTotals().replace('本年收入合计 600.00 本年支出合计 600.00 600.00', '本年收入合计 本年支出合计 600.00').replace('150.00 150.00\n三、国有资本经营预算财政拨\n款\n', '150.00 150.00\n三、国有资本经营预算财政拨\n款\n二十六、其他支出\n600.00 600.00\n');
    const t = (await run(text)).tables.find((x) => x.kind === '公开04表')!;
    const r = t.rows.find((x) => x.includes('二十六、其他支出'))!;
    expect(r.slice(r.indexOf('二十六、其他支出') + 1)).toEqual(['', '', '', '']);
  });
  it('gives the figures to that label, and no false sum', async () => {
    const doc = await run(rawTotals());
    const t = doc.tables.find((x) => x.kind === '公开04表')!;
    const r = t.rows.find((x) => x.includes('二、社会保障和就业支出'))!;
    expect(r.slice(r.indexOf('二、社会保障和就业支出') + 1)).toEqual(['150.00', '150.00', '', '']);
    expect(check(doc).flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
  it('still catches a 支出 line that breaks the total', async () => {
    const flags = check(await run(rawTotals('160.00'))).flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH');
    expect(flags.map((f) => f.message)).toContain('公开04表第1页“本年支出合计”的“合计”为600.00万元：“本年支出合计”（合计）应为“一、一般公共服务支出”、“二、社会保障和就业支出”之和610.00万元。');
  });
});

// A table in 元 whose figures group their digits by thin spaces (GB/T 15835: 4 100 000.00), cells apart by runs of
// spaces (rv10 F3).
const thin = (admin = '3\u2009100\u2009000.00') =>
  [
    '某某局2025年部门预算',
    '                    一般公共预算支出预算表',
    '                                                        单位：元',
    '科目编码 科目名称                                  合计        基本支出        项目支出',
    '         合计                             4\u2009100\u2009000.00    3\u2009100\u2009000.00    1\u2009000\u2009000.00',
    '201      一般公共服务支出                 4\u2009100\u2009000.00    3\u2009100\u2009000.00    1\u2009000\u2009000.00',
    '20103    政府办公厅（室）及相关机构事务   4\u2009100\u2009000.00    3\u2009100\u2009000.00    1\u2009000\u2009000.00',
    `2010301  行政运行                         ${admin}    3\u2009100\u2009000.00`,
    '2010302  一般行政管理事务                 1\u2009000\u2009000.00                      1\u2009000\u2009000.00',
  ].join('\n');

describe('page text: figures whose digit groups are apart by thin spaces (rv10 F3)', () => {
  it('reads each as one figure in its column, printed as it stands', async () => {
    const doc = await run(thin());
    const t = doc.tables.find((x) => x.kind === '预算05一般公共预算支出表')!;
    expect(t.rows.find((r) => r[0] === '2010302')).toEqual(['2010302', '一般行政管理事务', '1000000.00', '', '1000000.00']);
    expect(check(doc).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
  it('still catches a row whose 合计 is not its 基本支出 + 项目支出', async () => {
    const flags = check(await run(thin('3\u2009200\u2009000.00'))).flags.filter((f) => f.code === 'SUM_MISMATCH' && f.severity === 'error');
    expect(flags.map((f) => f.message)).toEqual(['预算05一般公共预算支出表第1页“行政运行”行的“合计”为3200000.00元，而基本支出＋项目支出＝3100000.00元。']);
  });
});

// 一般公共预算财政拨款支出决算表 whose long names wrap with the figures on the second line (bottom-aligned cells; rv10 M11).
const wrappedBelow = () =>
  [
    '某某局2023年度部门决算',
    '                    一般公共预算财政拨款支出决算表',
    '                                                        单位：万元',
    '科目编码 科目名称                                  合计      基本支出    项目支出',
    '         合计                                    260.00      260.00',
    '208      社会保障和就业支出                      260.00      260.00',
    '20805    行政事业单位养老支出                    260.00      260.00',
    '2080505  机关事业单位基本',
    '         养老保险缴费支出                        170.00      170.00',
    '2080506  机关事业单位职业',
    '         年金缴费支出                             90.00       90.00',
  ].join('\n');

describe('pdftotext -layout: a 科目 name wrapped with its figures on the second line (rv10 M11)', () => {
  it('is one row: the code, the whole name and the figures', async () => {
    const t = (await run(wrappedBelow())).tables.find((x) => x.kind === '公开05表')!;
    expect(t.rows.filter((r) => r[0] === '' && r[1] !== '合计')).toEqual([]);
    expect(t.rows.find((r) => r[0] === '2080505')).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '170.00', '170.00', '']);
    expect(t.rows.find((r) => r[0] === '2080506')).toEqual(['2080506', '机关事业单位职业年金缴费支出', '90.00', '90.00', '']);
  });
});
