// Session 19 (renditions): the same report must get the same verdicts in each page-text rendition of its PDF
// (scripts/verdict-agreement.ts). Synthetic fixtures reproducing the layouts where a rendition got a flag the PDF
// did not (names and figures made up):
// 1. -layout prose: every line indented by the page's margin; `  元，…` under `…总计 92,596.24 万` (苏州 水务 2026)
//    and `  万元，减少…` opening a page under its running head, the page before ending `…减少 304.01` (无锡 人社 2026),
//    are no blanks; a gap inside a line still is one, and so is a unit opening a line under words (share-s13).
// 2. A single-spaced dump (pdfplumber-style, plain pdftotext): one space is every gap, so only a slot word marks a
//    blank (`支出决算为 万元`), not a 绩效 row's 度量单位 cell (`成本控制在总预算内 % ≤ 20`, 长沙 公安 2026).
//    Nor is a figure a space before the next cell unitless there (`上年结转 750.00 （10）`, 国家信访局 2026 自评表).
// 3. -layout 绩效 rows whose 评分标准 cell is crowded up to the 度量单位 one space away (`…且大于等于 %    ≥    10`).
// 4. `pdftotext -nopgbrk`: pages cut again at their printed page numbers (- 7 -), so a table ends with its page.
// 5. Page-text tables: a band that splits 基本支出 under a 小计 (烟台 发改 2026 预算05), a band whose words include a
//    label column's name (上海 公安 2026 收入预算总表), a 行次 column (佛山 2026 财政拨款收支总表), a line that numbers the
//    columns (栏次 1 2 3; 1 2 … 12), a 合计 restated at the top of a table's next page (佛山 2026 收入决算表 p9).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
type Doc = Awaited<ReturnType<typeof run>>;
const errors = (d: Doc, code?: string) => d.flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE' && (!code || f.code === code)).map((f) => f.message);

describe('-layout prose: a unit opening its line after its figure (the line or page before) is no blank', () => {
  const prose = (gap = '') =>
    [
      '某某局 2026 年度部门预算公开',
      '',
      '       一、收支预算总体情况说明',
      '       某某局 2026 年度收入、支出预算总计 92,596.24 万',
      '  元，与上年相比收、支预算总计各增加 2,997.47 万元，增长',
      '  3.35%。',
      `       二、“三公”经费支出预算为${gap}万元，与上年持平。`,
      '  其中公务接待费 3.00 万元，与上年相比减少 1.71 万元。',
      '  项目名称       年度预算安排（万',
      '                 元）',
      '  某某项目       29514.82',
      '  合计，与上年相比减少 1.71',
      '',
      '                              - 7 -',
    ].join('\n') +
    '\f' +
    ['某某局 2026 年度部门预算公开', '', '  万元，减少 36.43%。主要原因是业务减少。', '       三、其他说明', '  本年无其他事项，与上年相比无变化，', '  特此说明。'].join('\n');
  it('reads a unit opening a line at the margin as the wrapped figure’s, on its page or the next', async () => {
    expect(errors(await run(prose('20.00 ')), 'BLANK_VALUE')).toEqual([]);
  });
  it('still catches a gap inside a line', async () => {
    expect(errors(await run(prose('    ')), 'BLANK_VALUE')).toEqual(['数值空缺：“万元”前应填写数字，却留了空白。']);
  });
});

describe('a single-spaced dump: one space tells nothing, only a slot word marks a blank', () => {
  const lines = (blank: string) =>
    [
      '某某局2026年度部门预算',
      '一、收支预算总体情况说明',
      ...Array.from({ length: 22 }, (_, k) => `某某局第${k + 1}项工作支出预算为 ${k + 1}.00 万元，与上年持平。`),
      '项目支出绩效目标表',
      '成本指标 成本控制率 100 成本控制在总预算内 % ≤ 20',
      '数量指标 开展督导专项检查行动次数 完成目标得满分，否则不得分 次 ≥ 1',
      `二、“三公”经费支出预算为${blank}万元。`,
    ].join('\n');
  it('no blank at a 度量单位 cell one space from the cells around it', async () => {
    expect(errors(await run(lines('20.00 ')), 'BLANK_VALUE')).toEqual([]);
  });
  it('a unit one space after 为 is still a blank', async () => {
    expect(errors(await run(lines(' ')), 'BLANK_VALUE')).toEqual(['数值空缺：“万元”前应填写数字，却留了空白。']);
  });
});

describe('a single-spaced dump: a figure a space before the next cell lacks no unit', () => {
  const lines = (said: string) =>
    [
      '某某局2026年度部门预算',
      ...Array.from({ length: 22 }, (_, k) => `某某局第${k + 1}项工作支出预算为 ${k + 1}.00 万元，与上年持平。`),
      '项目支出绩效自评表',
      '年度资金总额： 2,134.87',
      '其中：财政拨款 1,384.87 执行率',
      '（万元） 上年结转 750.00 （10）',
      '其他资金 -',
      said,
    ].join('\n');
  it('no MALFORMED_VALUE on a 自评表 row printed as text', async () => {
    expect(errors(await run(lines('三、本年支出决算为4.19万元。')), 'MALFORMED_VALUE')).toEqual([]);
  });
  it('a figure before its clause’s end, a space between or not, still lacks its unit', async () => {
    expect(errors(await run(lines('三、本年支出决算为4.19。')), 'MALFORMED_VALUE')).toEqual(['金额缺少单位：“4.19”后没有“万元”“元”等单位。']);
    expect(errors(await run(lines('三、本年支出决算为4.19 。')), 'MALFORMED_VALUE')).toEqual(['金额缺少单位：“4.19”后没有“万元”“元”等单位。']);
  });
});

describe('-layout 绩效 row: a 度量单位 cell crowded one space from the cell before it', () => {
  const row = (unit: string) =>
    [
      '某某局2026年度部门预算',
      '项目支出绩效目标表',
      `        群众满意度       90         群众对社会秩序满意           8分，满意度小于80％且大于等于 ${unit}          ≥                 10`,
      `        成本控制率      100         成本控制在总预算内           完成目标得满分，每少1人扣0.1分 ${unit}          定量                 5`,
    ].join('\n');
  it('is a cell, not a blank, with the row’s sign or kind and value after it', async () => {
    expect(errors(await run(row('%')), 'BLANK_VALUE')).toEqual([]);
  });
});

describe('-nopgbrk: pages cut again at their printed numbers', () => {
  const text = [
    '某某局2026年度部门预算',
    '一、部门职责',
    '  本部门负责某某工作。',
    '',
    '                         - 1 -',
    '某某局2026年度部门预算',
    '二、收支预算总体情况说明',
    '  收入预算总计 100.00 万元。',
    '',
    '                         - 2 -',
    '某某局2026年度部门预算',
    '三、支出预算情况说明',
    '  支出预算总计 100.00 万元。',
    '',
    '                         - 3 -',
  ].join('\n');
  it('gives each page its lines', async () => {
    const d = await extract(segment(await ingest(enc(text), { ocr: 'off' })));
    expect(d.source.pages).toBe(3);
    const pageOf = (w: string) => d.facts.find((f) => f.from === 'text' && f.label.includes(w))?.loc.page;
    expect([pageOf('收入'), pageOf('支出')]).toEqual([2, 3]);
  });
  it('leaves a text with fewer than three page numbers one page', async () => {
    const d = await extract(segment(await ingest(enc(text.split('\n').slice(0, 10).join('\n')), { ocr: 'off' })));
    expect(d.source.pages).toBe(1);
  });
});

// 预算05 一般公共预算支出表 whose band splits 基本支出 (小计 | 人员支出 | 日常公用支出): a page whose rows print three
// figures at most must not take the template's 合计 | 基本支出 | 项目支出 for its columns.
const gpBand = [
  at(['一般公共预算支出情况表', 30, '<']),
  at(['部门（单位）：某某局', 0, '<'], ['单位：万元', 100, '<']),
  at(['科目编码', 6, '<'], ['基本支出', 76, '<']),
  at(['科目名称', 28, '<'], ['合   计', 40, '<'], ['项目支出', 104, '<']),
  at(['类      款     项', 0, '<'], ['小   计', 60, '<'], ['人员支出', 76, '<'], ['日常公用支出', 92, '<']),
];
const gpRow = (code: string, name: string, ...figs: [string, number][]) => at([code, 0, '<'], [name, 18, '<'], ...figs.map(([f, c]): [string, number, '>'] => [f, c, '>']));
describe('a band that splits a group under 小计', () => {
  it('names no columns from a list without the 小计 (no sum of 合计 | 小计 | 人员 read as 合计 = 基本 + 项目)', async () => {
    const page = ['某某局2026年度部门预算', ...gpBand, gpRow('    02', '事业单位医疗', ['95.82', 50], ['95.82', 67], ['95.82', 83]), gpRow('    03', '公务员医疗补助', ['64.74', 50], ['64.74', 67], ['64.74', 83]), gpRow('219', '援助其他地区支出', ['3,206.80', 50], ['3,206.80', 112])].join('\n');
    const d = await run(page);
    expect(errors(d, 'SUM_MISMATCH')).toEqual([]);
    const t = d.tables.find((x) => x.kind === '预算05一般公共预算支出表')!;
    expect(t.header.slice(2, 5)).not.toEqual(['合计', '基本支出', '项目支出']);
  });
});

// 收入预算总表 whose band prints 功能分类科目名称 over the name column: no figure column is named by it.
describe('a band whose words include a label column’s name', () => {
  it('takes the template’s names, the label column’s name set aside', async () => {
    const page = [
      '某某单位2026年度预算',
      at(['2026年预算单位收入预算总表', 30, '<']),
      at(['编制单位：某某单位', 0, '<'], ['单位：元', 90, '<']),
      at(['项目', 19, '<'], ['收入预算', 64, '<']),
      at(['功能分类科目编码', 0, '<'], ['事业单位', 77, '<']),
      at(['功能分类科目名称', 23, '<'], ['合计', 43, '<'], ['财政拨款收入', 58, '<'], ['事业收入', 78, '<'], ['其他收入', 96, '<']),
      at(['类     款    项', 0, '<'], ['经营收入', 72, '<']),
      at(['206', 0, '<'], ['科学技术支出', 16, '<'], ['69,733,764', 51, '>'], ['65,733,764', 65, '>'], ['4,000,000', 91, '>']),
      at(['206   02', 0, '<'], ['基础研究', 16, '<'], ['69,733,764', 49, '>'], ['65,733,764', 63, '>'], ['4,000,000', 89, '>']),
      at(['208', 0, '<'], ['社会保障和就业支出', 16, '<'], ['589,500', 51, '>'], ['589,500', 65, '>']),
    ].join('\n');
    const d = await run(page);
    const t = d.tables.find((x) => x.kind === '预算02收入总表')!;
    expect(t.header.slice(2)).toEqual(['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    expect(t.rows[0]!.slice(2, 4)).toEqual(['69,733,764', '65,733,764']);
    expect(errors(d, 'SUM_MISMATCH')).toEqual([]);
  });
});

// 财政拨款收入支出决算总表 with a 行次 column in each half: the row numbers are no figures.
describe('a 行次 column', () => {
  const page = (second = '0.00') =>
    [
      '某某局2025年度部门决算',
      at(['财政拨款收入支出决算总表', 33, '<']),
      at(['部门： 某某局', 0, '<'], ['单位：万元', 90, '<']),
      at(['收入', 15, '<'], ['支出', 58, '<']),
      at(['项   目', 5, '<'], ['行次', 23, '<'], ['金额', 30, '<'], ['项    目', 50, '<'], ['行次', 63, '<'], ['合计', 70, '<'], ['一般公共预算财政拨款', 84, '<'], ['政府性基金预算财政拨款', 100, '<']),
      at(['栏   次', 5, '<'], ['1', 25, '>'], ['栏    次', 50, '<'], ['2', 65, '>'], ['3', 82, '>'], ['4', 98, '>']),
      at(['一、一般公共预算财政拨款', 0, '<'], ['1', 25, '>'], ['100.00', 36, '>'], ['一、一般公共服务支出', 41, '<'], ['28', 65, '>'], ['100.00', 75, '>'], ['100.00', 90, '>'], ['0.00', 106, '>']),
      at(['二、政府性基金预算财政拨款', 0, '<'], ['2', 25, '>'], [second, 36, '>'], ['二、外交支出', 41, '<'], ['29', 65, '>'], ['0.00', 75, '>'], ['0.00', 90, '>'], ['0.00', 106, '>']),
      at(['3', 20, '>'], ['三、国防支出', 41, '<'], ['30', 65, '>'], ['0.00', 75, '>'], ['0.00', 90, '>'], ['0.00', 106, '>']),
      at(['本年收入合计', 0, '<'], ['27', 25, '>'], ['100.00', 36, '>'], ['本年支出合计', 41, '<'], ['54', 65, '>'], ['100.00', 75, '>'], ['100.00', 90, '>'], ['0.00', 106, '>']),
    ].join('\n');
  it('reads the figures, not the row numbers, into the columns', async () => {
    const d = await run(page());
    expect(errors(d, 'SUM_MISMATCH')).toEqual([]);
    const t = d.tables.find((x) => x.kind === '公开04表')!;
    expect(t.rows.map((r) => r.filter((c) => c !== '').join('|'))).toContain('一、一般公共预算财政拨款|100.00|一、一般公共服务支出|100.00|100.00|0.00');
  });
});

describe('a line that numbers the columns', () => {
  it('栏次 1 2 3 over an empty table is no row of figures', async () => {
    const page = [
      '某某局2026年度单位预算',
      at(['公开 11 表', 3, '<']),
      at(['国有资本经营预算支出预算表', 31, '<']),
      at(['单位：某某局', 3, '<'], ['单位：万元', 70, '<']),
      at(['项     目', 17, '<']),
      at(['功能分类', 4, '<'], ['本年支出合计', 39, '<'], ['基本支出', 54, '<'], ['项目支出', 63, '<']),
      at(['科目名称', 24, '<']),
      at(['科目编码', 4, '<']),
      at(['栏次', 19, '<'], ['1', 40, '>'], ['2', 54, '>'], ['3', 61, '>']),
      at(['合计', 19, '<']),
      '',
      '  注：本单位无国有资本经营预算支出，故本表无数据。',
    ].join('\n');
    expect(errors(await run(page), 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('a 合计 restated at the top of a table’s next page', () => {
  const band = [
    at(['收入决算表', 49, '<']),
    at(['部门： 某某局', 0, '<'], ['单位：万元', 90, '<']),
    at(['本年收入合计', 21, '<'], ['财政拨款收入', 35, '<'], ['其他收入', 52, '<']),
    at(['科目编码', 0, '<'], ['科目名称', 12, '<']),
    at(['栏次', 10, '<'], ['1', 26, '>'], ['2', 40, '>'], ['3', 56, '>']),
  ];
  const r = (code: string, name: string, a: string, b: string, c: string) => at([code, 0, '<'], [name, 10, '<'], [a, 28, '>'], [b, 42, '>'], [c, 58, '>']);
  it('is not summed over that page’s 科目 only', async () => {
    const text = [
      ['某某局2025年度部门决算', ...band, r('', '合计', '160.87', '160.87', '0.00'), r('208', '社会保障和就业支出', '100.00', '100.00', '0.00'), r('20805', '行政事业单位养老支出', '100.00', '100.00', '0.00'), r('2080505', '机关事业单位基本养老保险缴费支出', '100.00', '100.00', '0.00')].join('\n'),
      ['某某局2025年度部门决算', ...band, r('', '合计', '160.87', '160.87', '0.00'), r('221', '住房保障支出', '60.87', '60.87', '0.00'), r('22102', '住房改革支出', '60.87', '60.87', '0.00'), r('2210201', '住房公积金', '60.87', '60.87', '0.00')].join('\n'),
    ].join('\f');
    expect(errors(await run(text), 'SUM_MISMATCH')).toEqual([]);
  });
});
