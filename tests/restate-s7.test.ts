// Narrative figures against the tables that print them (issue 11, rule 1; session 7): a column's one total
// (会议费, 培训费, 机关运行经费), 人员经费/公用经费 against the 基本支出 table's 经济分类 classes, a 类/款/项 chain
// whose levels are marked wrongly or joined by dashes, and a 万元 grand total cut off from a 元 table.
// Synthetic texts written after the layouts of real 江苏 and 上海 预算 reports, figures changed.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { jiangsu, tabTable } from './restate-fixtures.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);
const noTables = (d: CheckedDocument) => show(d).filter((f) => f[0] !== 'MISSING_TABLE');

describe('a figure that names a column of the 三公/会议费/培训费 or 机关运行经费 table restates its total', () => {
  it('accepts the figures the tables print', async () => {
    expect(noTables(await run(jiangsu()))).toEqual([]);
  });
  it('warns on a 会议费 or 培训费 the 三公 table does not print', async () => {
    expect(noTables(await run(jiangsu({ meeting: '66.00' })))).toEqual([['VALUE_CONFLICT', 'warning', 8, '60.00万元', '66.00万元']]);
    expect(noTables(await run(jiangsu({ training: '25.05' })))).toEqual([['VALUE_CONFLICT', 'warning', 9, '25.50万元', '25.05万元']]);
  });
  it('leaves alone the 会议费 of another entity (a sub-unit) or of a purpose', async () => {
    expect(noTables(await run(jiangsu({ meeting: '66.00', who: '江苏省某某信息中心' })))).toEqual([]);
    expect(noTables(await run(jiangsu({ meeting: '66.00', who: '主要用于' })))).toEqual([]);
  });
  it('a 会议费 that is the 机关运行经费 table’s 会议费 row fits that row', async () => {
    expect(noTables(await run(jiangsu({ meeting: '12.00' })))).toEqual([]);
  });
  it('warns on a 机关运行经费 other than the 合计 of its table (not a row of it)', async () => {
    expect(noTables(await run(jiangsu({ agency: '322.00' })))).toEqual([['VALUE_CONFLICT', 'warning', 11, '320.00万元', '322.00万元']]);
    expect(noTables(await run(jiangsu({ agency: '300.00' })))).toEqual([['VALUE_CONFLICT', 'warning', 11, '320.00万元', '300.00万元']]);
  });
});

/** The prose's own sum (claims' complete 其中: 基本支出 = 人员经费 + 公用经费) that a changed part or total breaks too. */
const SUM = (parts: string, total = '1,500.00万元') => ['SUM_MISMATCH', 'error', 4, parts, total];

describe('人员经费 and 公用经费 against the 经济分类 classes of the 基本支出 table', () => {
  it('accepts 301 + 303 as 人员经费 and the other classes (302 + 310) as 公用经费', async () => {
    expect(noTables(await run(jiangsu()))).toEqual([]);
  });
  it('warns on a 公用经费 or 人员经费 the classes do not give, with the slack of the classes’ rounding', async () => {
    // (two classes of 0.01 each: 320.01 may be their true sum)
    expect(noTables(await run(jiangsu({ public: '320.01' })))).toEqual([]);
    expect(noTables(await run(jiangsu({ public: '320.02' })))).toEqual([['VALUE_CONFLICT', 'warning', 6, '320.00万元', '320.02万元'], SUM('1500.02万元')]);
    expect(noTables(await run(jiangsu({ public: '300.00' })))).toEqual([['VALUE_CONFLICT', 'warning', 6, '320.00万元', '300.00万元'], SUM('1480.00万元')]);
    expect(noTables(await run(jiangsu({ personnel: '1,108.00' })))).toEqual([['VALUE_CONFLICT', 'warning', 5, '1180.00万元', '1,108.00万元'], SUM('1428.00万元')]);
  });
});

describe('the 基本支出 of a fund against that fund’s 基本支出 table', () => {
  it('warns on a 财政拨款基本支出 other than the 合计 of the 财政拨款基本支出预算表', async () => {
    expect(noTables(await run(jiangsu({ basic: '1,550.00' }))).filter((f) => f[2] === 4)).toEqual([['VALUE_CONFLICT', 'warning', 4, '1,500.00万元', '1,550.00万元'], SUM('1500.00万元', '1,550.00万元')]);
  });
  it('reads the words a justified line sets apart around its year as the figure’s (省检察院    2017    年度…基本支出 / 预算    X    万元)', async () => {
    const split = (fig: string) => jiangsu().flatMap((l) => (l.startsWith('江苏省某某厅2019年度财政拨款基本支出') ? ['江苏省某某厅    2019    年度财政拨款基本支出', `预算    ${fig}    万元，其中：`] : [l]));
    expect(noTables(await run(split('1,500.00')))).toEqual([]);
    expect(noTables(await run(split('1,550.00'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([['VALUE_CONFLICT', 'warning', 5, '1,500.00万元', '1,550.00万元']]);
  });
});

describe('a 万元 grand total of a 元 收支总表: rounded or cut off, as every other restatement', () => {
  const doc = (fig: string) => [
    '上海市某区某局2025年部门预算',
    '一、部门预算编制说明',
    `2025年，上海市某区某局收入支出预算总计${fig}万元。`,
    '二、部门预算表',
    '2025年部门财务收支预算总表',
    '单位：元',
    ...tabTable([
      ['本年收入项目', '预算数', '本年支出项目', '预算数'],
      ['一、财政拨款收入', '189,767,551.46', '一、一般公共服务支出', '189,767,551.46'],
      ['二、事业收入', '', '二、公共安全支出', ''],
      ['收入总计', '189,767,551.46', '支出总计', '189,767,551.46'],
    ]),
  ];
  it('accepts 18,976.76 (rounded) and 18,976.75 (cut off) for 189,767,551.46元, flags 18,976.74', async () => {
    expect(noTables(await run(doc('18,976.76')))).toEqual([]);
    expect(noTables(await run(doc('18,976.75')))).toEqual([]);
    expect(noTables(await run(doc('18,976.74')))).toEqual([['VALUE_CONFLICT', 'error', 3, '189,767,551.46元', '18,976.74万元']]);
  });
});

describe('a 类/款/项 chain resolved against the rows the tables print', () => {
  const doc = (fig: string, item = '1．行政事业单位离退休（类）机关事业单位基本养老保险缴费支出（项）') => [
    '江苏省某某办公厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '五、一般公共预算支出预算情况说明',
    '江苏省某某办公厅2018年一般公共预算支出1,392.77万元。其中：',
    '（一）社会保障和就业（类）',
    `${item}${fig}万元，此项支出是今年新增支出。`,
    '2．行政事业单位离退休（类）机关事业单位职业年金缴费支出（项）232.01万元，此项支出是今年新增支出。',
    '八、一般公共预算支出预算表',
    '单位：万元',
    ...tabTable([
      ['功能科目代码', '功能科目名称', '金额'],
      ['', '合计', '1,392.77'],
      ['208', '社会保障和就业支出', '1,068.78'],
      ['20805', '行政事业单位离退休', '1,068.78'],
      ['2080504', '未归口管理的行政单位离退休', '256.76'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '580.01'],
      ['2080506', '机关事业单位职业年金缴费支出', '232.01'],
      ['221', '住房保障支出', '323.99'],
      ['22102', '住房改革支出', '323.99'],
      ['2210201', '住房公积金', '323.99'],
    ]),
  ];
  it('reads a 款 marked as 类 under its 类’s heading: the names in their order fix the row', async () => {
    expect(noTables(await run(doc('580.01')))).toEqual([]);
    expect(noTables(await run(doc('560.01')))).toEqual([['VALUE_CONFLICT', 'error', 6, '580.01万元', '560.01万元']]);
  });
  it('reads a row named with a 支出 its table leaves off (未归口管理的行政单位离退休支出（项）)', async () => {
    const item = '1．行政事业单位离退休（款）未归口管理的行政单位离退休支出（项）';
    expect(noTables(await run(doc('256.76', item)))).toEqual([]);
    expect(noTables(await run(doc('265.76', item)))).toEqual([['VALUE_CONFLICT', 'error', 6, '256.76万元', '265.76万元']]);
  });
  it('reads a quoted path whose levels are joined by dashes', async () => {
    const item = '1.“社会保障和就业支出(类）-行政事业单位离退休（款）-机关事业单位职业年金缴费支出（项）”';
    expect(noTables(await run(doc('232.01', item)))).toEqual([]);
    expect(noTables(await run(doc('232.10', item)))).toEqual([['VALUE_CONFLICT', 'error', 6, '232.01万元', '232.10万元']]);
  });
});

describe('人员经费 + 公用经费 of one fund, their total blanked, against the document’s 基本支出', () => {
  const doc = (heading: string, total: string) => [
    '江苏省某某院2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    heading,
    total,
    '（一）人员经费11,257.35万元。主要包括：基本工资、津贴补贴。',
    '（二）公用经费2,722.57万元。主要包括：办公费、水费。',
    '第四部分 2018年度部门预算表',
    '一、收支预算总表',
    '单位：万元',
    ...tabTable([
      ['收入项目', '金额', '支出项目', '金额'],
      ['一、财政拨款', '21,940.96', '一、基本支出', '13,994.31'],
      ['二、其他资金', '14.39', '二、项目支出', '5,573.00'],
      ['', '', '三、单位预留机动经费', '2,388.04'],
      ['收入合计', '21,955.35', '支出合计', '21,955.35'],
    ]),
  ];
  const sums = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'SUM_MISMATCH');
  it('does not add the fund’s parts up to the 收支总表’s 基本支出 of all sources', async () => {
    expect(sums(await run(doc('八、一般公共预算基本支出预算情况说明', '江苏省某某院2018年度一般公共预算财政拨款基本支出预算    万元。其中：')))).toEqual([]);
  });
  it('still adds up parts that name no fund against it', async () => {
    expect(sums(await run(doc('八、基本支出预算情况说明', '江苏省某某院2018年度基本支出预算情况如下：')))).toEqual([['SUM_MISMATCH', 'error', 18, '13979.92万元', '13994.31万元']]);
  });
});

describe('a 财政拨款 total of the narrative against the 财政拨款收支总表', () => {
  const doc = (fig: string, kind = '预算') => [
    `上海市某区某局2025年部门${kind}`,
    `一、部门${kind}编制说明`,
    `2025年，上海市某区某局支出${kind}18,976.76万元，其中：财政拨款支出${kind}${fig}万元，比2024年增加3,355.65万元。`,
    `二、部门${kind}表`,
    `2025年部门财政拨款收支${kind}总表`,
    '单位：元',
    ...tabTable([
      ['财政拨款收入项目', `${kind}数`, '财政拨款支出项目', `${kind}数`],
      ['一、一般公共预算资金', '189,767,551.46', '一、一般公共服务支出', '189,767,551.46'],
      ['二、政府性基金', '', '二、公共安全支出', ''],
      ['收入总计', '189,767,551.46', '支出总计', '189,767,551.46'],
    ]),
  ];
  const conflicts = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'VALUE_CONFLICT');
  it('accepts the 支出总计 of a 预算 (rounded or cut off) and warns on another figure', async () => {
    expect(conflicts(await run(doc('18,976.76')))).toEqual([]);
    expect(conflicts(await run(doc('18,976.75')))).toEqual([]);
    expect(conflicts(await run(doc('18,916.76')))).toEqual([['VALUE_CONFLICT', 'warning', 3, '189,767,551.46元', '18,916.76万元']]);
  });
  it('says nothing in a 决算 whose table prints no year row (its 总计 holds the carry-overs)', async () => {
    expect(conflicts(await run(doc('18,916.76', '决算')))).toEqual([]);
  });
});

describe('a grand total against a 财政拨款 table that prints no 总计 row', () => {
  const doc = (fig: string) => [
    '江苏省某某办公厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '四、财政拨款收支预算总体情况说明',
    `江苏省某某办公厅2018年度财政拨款收、支总预算${fig}万元。与上年相比，财政拨款收、支总计各增加2248.37万元。`,
    '第四部分 2018年度部门预算表',
    '四、财政拨款收支预算总表',
    '单位：万元',
    ...tabTable([
      ['收入项目', '金额', '支出项目', '金额'],
      ['一、一般公共预算', '15,897.44', '一、基本支出', '7,877.76'],
      ['二、政府性基金预算', '', '二、项目支出', '8,019.68'],
      ['收入合计', '15,897.44', '支出合计', '15,897.44'],
    ]),
  ];
  it('reads the 合计 row the sides close with as the grand total', async () => {
    expect(show(await run(doc('15897.44'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([]);
    expect(show(await run(doc('15892.44'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([['VALUE_CONFLICT', 'error', 4, '15,897.44万元', '15892.44万元']]);
  });
});

describe('what a clause names as a 科目', () => {
  const table = tabTable([
    ['功能科目代码', '功能科目名称', '金额'],
    ['', '合计', '1,392.77'],
    ['208', '社会保障和就业支出', '1,068.78'],
    ['20805', '行政事业单位养老支出', '1,068.78'],
    ['2080505', '机关事业单位基本养老保险缴费支出', '1,058.78'],
    ['2080599', '其他行政事业单位养老支出', '10.00'],
    ['221', '住房保障支出', '323.99'],
    ['22102', '住房改革支出', '323.99'],
    ['2210201', '住房公积金', '323.99'],
  ]);
  const doc = (line: string) => ['江苏省某某办公厅2018年度部门预算', '第三部分 2018年度部门预算情况说明', '五、一般公共预算支出预算情况说明', line, '八、一般公共预算支出预算表', '单位：万元', ...table];
  const conflicts = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'VALUE_CONFLICT');
  it('an amount’s digits print no code (221.26万元 is not the row 221): no false error on the figure after it', async () => {
    expect(conflicts(await run(doc('江苏省某某办公厅2018年度项目支出预算221.26万元，其中：信息化建设经费100.00万元。')))).toEqual([]);
  });
  it('其它 is 其他: “…其它行政事业单位养老支出（项）” is the row 其他行政事业单位养老支出', async () => {
    const item = (fig: string) => `1.“社会保障和就业支出（类）行政事业单位养老支出（款）其它行政事业单位养老支出（项）”${fig}万元，主要用于其他养老支出。`;
    expect(conflicts(await run(doc(item('10.00'))))).toEqual([]);
    expect(conflicts(await run(doc(item('11.30'))))).toEqual([['VALUE_CONFLICT', 'error', 4, '10.00万元', '11.30万元']]);
  });
});
