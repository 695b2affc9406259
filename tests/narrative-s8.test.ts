// Narrative figures reconciled with the other figures the prose prints (issue 11, session 8): small documents
// in the layout of real 江苏 省级部门预算 explanations (a 类 with its 款 described at length, 项 listed under
// 类 headings, a total's change with its items' changes), run through the whole pipeline; the flags are
// pinned exactly. Figures are made up; the structure is what is tested.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const JS = ['江苏省某某厅2017年度部门预算', '第二部分 部门预算情况说明'];

describe('a 类 and its 款, each described (“不包括…” in a description announces no other list)', () => {
  // 90 + 12 + 48.30 + 20 + 15.50 + 8 = 193.80: whole 万元 among figures to the 分 are the table's 90.00 written
  // short, so 18.50 for 15.50 is past the list's rounding.
  const doc = (repair: string) => [
    ...JS,
    '六、财政拨款基本支出预算表情况说明',
    '（二）公用经费193.80万元',
    '商品和服务支出（类）193.80万元',
    '（1）办公费（款）支出90万元。用于单位购买办公用品、书报杂志等支出。',
    '（2）水费（款）支出12万元。用于单位支付的水费等支出。',
    '（3）维修（护）费（款）支出48.30万元。用于单位日常开支的固定资产（不包括车船等交通工具）修理和维护费用。',
    '（4）差旅费（款）支出20万元。用于单位职工出差发生的交通费、住宿费等支出。',
    `（5）工会经费（款）支出${repair}万元。反映单位按规定提取的工会经费。`,
    '（6）福利费（款）支出8万元。反映单位按规定提取的福利费。',
  ];

  it('flags items past the 不包括 that add up to more than their 类', async () => {
    expect(show(await run(doc('18.50')))).toEqual([['SUM_MISMATCH', 'error', 5, '不超过193.80万元', '196.80万元']]);
  });

  it('is silent where they add up', async () => {
    expect(show(await run(doc('15.50')))).toEqual([]);
  });
});

describe('项 listed under 类 headings after a total’s 其中 (a heading joined to the item under it)', () => {
  // 4,120.35 + 2,030.65 + 600 + 310.20 + 420.80 = 7,482.00: the first item under each heading is labelled by
  // its own 款/项, not by what the heading's ordinal leaves (“项）”), so it counts as a row of the list.
  const doc = (first: string) => [
    ...JS,
    '五、财政拨款支出预算情况说明',
    '江苏省某某厅2017年度财政拨款预算支出7,482.00万元，占本年支出合计的100%。与上年相比，财政拨款支出增加512.30万元，增长7.35%。主要原因是政策性增资等。其中：',
    '（一）一般公共服务支出（类）',
    `1.某某事务（款）行政运行（项）${first}万元，与上年相比增加210.35万元，增长5.38%。`,
    '2.某某事务（款）一般行政管理事务（项）2,030.65万元，与上年相比增加150.65万元，增长8.01%。',
    '3.某某事务（款）其他某某事务支出（项）600万元，与上年数一致。',
    '（二）社会保障和就业支出（类）',
    '1.行政事业单位离退休（款）未归口管理的行政单位离退休（项）310.20万元，与上年数一致。',
    '（三）住房保障支出（类）',
    '1.住房改革支出（款）住房公积金（项）420.80万元，与上年相比增加151.30万元，增长56.14%。',
  ];

  it('flags items that add up to more than the total', async () => {
    expect(show(await run(doc('4,120.55')))).toEqual([['SUM_MISMATCH', 'error', 4, '不超过7,482.00万元', '7482.20万元']]);
  });

  it('is silent where they add up', async () => {
    expect(show(await run(doc('4,120.35')))).toEqual([]);
  });
});

describe('a total’s change against its items’ changes, the items proven complete by their levels', () => {
  // 6,210.45 + 820.30 + 715.25 = 7,746.00, so every item with a figure this year is listed; an item that fell
  // to 0 could be left out with its change, which would only make the total's change smaller: −12.40 + 95.60 +
  // 306.80 = 390.00 bounds it.
  const doc = (total: string, housing: string, rate = '5.30') => [
    ...JS,
    '五、财政拨款支出预算表情况说明',
    '江苏省某某厅2017年财政拨款预算支出7,746.00万元，占本年支出合计的100%。与上年相比，财政拨款支出增加',
    `${total}万元，增长${rate}%。其中：`,
    '1.某某事务行政运行（项）支出6,210.45万元，与上年相比减少12.40万元，减少0.20%。',
    '2.社会保障和就业支出820.30万元，与上年相比增加95.60万元，增长13.19%。',
    `3.住房保障支出715.25万元，与上年相比增加${housing}万元。主要原因是政策性调增住房公积金。`,
  ];

  it('flags a total change above what its items’ changes add up to (the total changed)', async () => {
    expect(show(await run(doc('390.05', '306.80')))).toEqual([['SUM_MISMATCH', 'error', 5, '增加390.00万元以内', '增加390.05万元']]);
  });

  it('flags it where an item’s change was lowered', async () => {
    expect(show(await run(doc('390.00', '306.70')))).toEqual([['SUM_MISMATCH', 'error', 5, '增加389.90万元以内', '增加390.00万元']]);
  });

  it('names the one word whose turn makes the changes add up, not the total', async () => {
    const d = await run(doc('390.00', '306.80').map((l) => l.replace('增加306.80万元', '减少306.80万元')));
    expect(show(d)).toEqual([
      ['DIRECTION_CONFLICT', 'error', 8, '增加306.80万元', '减少306.80万元'],
      ['DIRECTION_CONFLICT', 'warning', 8, '调增', '减少'],
    ]);
  });

  it('is silent where the changes add up, and where the total’s is the smaller (an item gone to 0 left out)', async () => {
    expect(show(await run(doc('390.00', '306.80')))).toEqual([]);
    expect(show(await run(doc('380.00', '306.80', '5.16')))).toEqual([]);
  });
});

describe('a 其中 whose items are numbered （一）/（二） with their own 1、/（1） children (review s8 trap r01)', () => {
  // the economic 类 written without brackets (对个人和家庭的补助支出类) is a child of （一）人员经费, not its sibling
  const doc = (personnel: string) => [
    ...JS,
    '六、财政拨款基本支出预算表情况说明',
    '本表反映部门年度财政拨款基本支出预算安排情况，按照政府收支分类科目的经济分类“款”级细化列示。',
    '江苏省某某厅2017年度财政拨款基本支出预算3,600.00万元，其中：',
    `（一）人员经费${personnel}万元`,
    '1、工资福利支出类1,300.00万元',
    '（1）基本工资款支出500.00万元。用于发放机关公务员的职务工资、级别工资。',
    '（2）津贴补贴款支出800.00万元。用于发放机关人员津贴补贴。',
    '2、对个人和家庭的补助支出类1,500.00万元',
    '（1）退休费款支出1,500.00万元。用于发放退休人员退休费。',
    '（二）公用经费800.00万元',
    '1、商品和服务支出类800.00万元',
    '（1）办公费款支出800.00万元。用于日常办公用品购置。',
  ];

  it('does not add a child to its parent', async () => {
    expect(show(await run(doc('2,800.00')))).toEqual([]);
  });

  it('still flags the first item above the total', async () => {
    expect(show(await run(doc('3,800.00')))).toEqual([['SUM_MISMATCH', 'error', 5, '不超过3,600.00万元', '3800.00万元']]);
  });
});

describe('a change that opens the line after its figure’s sentence (“…的支出。” / “与上年相比增加…”)', () => {
  // 1,250.40 − 80.40 = 1,170.00 last year: +6.87%
  const doc = (change: string) => [
    ...JS,
    '三、收支预算情况的总体说明',
    '（二）支出预算总计9,820.50万元。包括：',
    '2．社会保障和就业（类）支出1,250.40万元，主要用于离退休人员支出、缴纳在职人员基本养老保险和职业年金的支出。',
    `与上年相比增加${change}万元，增长6.87%。主要原因是在职人数增加。`,
  ];

  it('reads the rate against the figure of the sentence before', async () => {
    expect(show(await run(doc('60.40')))).toEqual([['PERCENT_MISMATCH', 'error', 6, '5.08%', '6.87%']]);
  });

  it('is silent where the rate fits', async () => {
    expect(show(await run(doc('80.40')))).toEqual([]);
  });
});

describe('a 培训费 stated by “the entity’s 部门” restates the 三公/会议费/培训费 table’s column', () => {
  // (江苏 预算 2018: “江苏省某某厅部门2018年度一般公共预算拨款安排的培训费预算支出…”: the entity and 部门, its whole)
  const doc = (training: string) => [
    '江苏省某某厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明',
    `江苏省某某厅部门2018年度一般公共预算拨款安排的培训费预算支出${training}万元，与上年度持平。`,
    '第四部分 2018年度部门预算表',
    '九、一般公共预算“三公”经费、会议费、培训费支出预算表',
    '单位：万元',
    ...['合计', '因公出国（境）费', '公务用车购置及运行维护费', '公务接待费', '会议费', '培训费'].map((c) => `\t${c}`),
    '',
    ...['142.30', '12.00', '36.40', '8.10', '52.60', '33.20'].map((c) => `\t${c}`),
    '',
  ];
  const figs = (d: CheckedDocument) => show(d).filter((f) => f[0] !== 'MISSING_TABLE');

  it('warns on a figure the table does not print', async () => {
    expect(figs(await run(doc('38.20')))).toEqual([['VALUE_CONFLICT', 'warning', 4, '33.20万元', '38.20万元']]);
  });

  it('is silent where it does', async () => {
    expect(figs(await run(doc('33.20')))).toEqual([]);
  });
});

describe('a 类 stated in the overview against its 项 listed under its line in a later section', () => {
  // 312.45 + 420.10 + 168.25 = 900.80: the 项 of 财政拨款 under the 类 of every source cannot add up to more
  const doc = (whole: string) => [
    ...JS,
    '三、收支预算情况的总体说明',
    '（二）支出预算总计6,020.80万元。包括：',
    `2.社会保障和就业（类）支出${whole}万元，主要用于离退休人员支出、缴纳基本养老保险和职业年金的支出。`,
    '五、财政拨款支出预算情况说明',
    '江苏省某某厅2017年度财政拨款预算支出6,020.80万元，与上年相比增加210.00万元，增长3.61%。其中：',
    '（二）社会保障和就业支出（类）',
    '1.行政事业单位离退休（款）未归口管理的行政单位离退休（项）312.45万元，与上年数一致。',
    '2.行政事业单位离退休（款）机关事业单位基本养老保险缴费支出（项）420.10万元，与上年数一致。',
    '3.行政事业单位离退休（款）机关事业单位职业年金缴费支出（项）168.25万元，与上年数一致。',
  ];

  it('flags the 类 its 项 exceed', async () => {
    expect(show(await run(doc('900.40')))).toEqual([['SUM_MISMATCH', 'error', 5, '不超过900.40万元', '900.80万元']]);
  });

  it('is silent where they fit', async () => {
    expect(show(await run(doc('900.80')))).toEqual([]);
  });
});

describe('an impossible increase that a complete breakdown turns: one flag, not two', () => {
  // 0 + 5 + 3.62 = 8.62, the items' changes −24: “增加24万元” of 8.62 (last year −15.38) is the word, not the unit
  const doc = (word: string) => [
    '上海市普陀区某某路街道办事处2026年单位预算',
    '第一部分 单位预算编制说明',
    '其他相关情况说明',
    `2026年“三公”经费预算数为8.62万元，比2025年预算${word}24万元。其中：`,
    '（一）因公出国（境）费0万元，与2025年预算持平。',
    '（二）公务用车购置及运行费5万元，比2025年预算减少24万元，主要原因是2026年度无公车购置预算。其中：公务用车购置费0万元，比2025年预算减少24万元；公务用车运行费5万元，与2025年预算持平。',
    '（三）公务接待费3.62万元。与2025年预算持平。',
  ];

  it('gives the DIRECTION_CONFLICT only', async () => {
    expect(show(await run(doc('增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '减少24万元', '增加24万元']]);
  });

  it('is silent as printed', async () => {
    expect(show(await run(doc('减少')))).toEqual([]);
  });
});

describe('a 三公 item’s change in the paragraph after its figure (the figure stated once, in the paragraph before)', () => {
  const doc = (change: string, rate = '100') => [
    '上海市普陀区某某局2025年度部门决算',
    '第三部分 2025年度部门决算情况说明',
    '七、财政拨款“三公”经费支出决算情况说明',
    '“三公”经费财政拨款支出年初预算为9.20万元，支出决算为2.95万元，完成预算的32.07%，其中：因公出国（境）费决算为0万元，完成预算的0%；公务用车购置及运行维护费支出决算为2.45万元，完成预算的30.63%；公务接待费支出决算为0.50万元，完成预算的41.67%。',
    `2025年度“三公”经费财政拨款支出决算数比2024年度减少18.30万元，下降86.12%，其中：因公出国（境）费支出决算与2024年持平；公务用车购置及运行维护费支出决算减少18.60万元，下降88.36%；公务接待费支出决算增加${change}万元，增长${rate}%。`,
  ];

  it('flags an increase larger than the figure stated before', async () => {
    expect(show(await run(doc('0.56')))).toEqual([['UNIT_SUSPECT', 'error', 5, '不大于0.50万元', '0.56万元']]);
  });

  it('checks the rate over the prior the figure implies', async () => {
    expect(show(await run(doc('0.30', '100')))).toEqual([['PERCENT_MISMATCH', 'error', 5, '150%', '100%']]);
  });

  it('is silent where the figures fit (last year 0: the zero-base rule’s)', async () => {
    expect(show(await run(doc('0.30', '150')))).toEqual([]);
  });
});

describe('江苏 预算: a 类 of all sources where the document states its expenditure total twice, differently', () => {
  // 7,192.60 = the fund cell 7,182.60 + the 10.00 outside the fund (8,412.60 − 8,402.60): exact against the total of
  // the 支出预算总计 line; the opening sentence's 9,412.60 (a defect of its own, flagged there) gives no warning here
  const row = (...c: string[]) => c.join('        ');
  const doc = (opening: string, y = '7,192.60') => [
    '江苏省某某厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '一、收支预算总体情况说明',
    `江苏省某某厅2018年度收入、支出预算总计${opening}万元，与上年相比收、支预算总计各增加512.60万元，增长6.49%。`,
    '（一）收入预算总计8,412.60万元。包括：',
    '1．财政拨款收入预算总计8,402.60万元。',
    '2．其他资金收入预算总计10.00万元。',
    '（二）支出预算总计8,412.60万元。包括：',
    `1．一般公共服务（类）支出${y}万元，主要用于机关运行。`,
    '2．住房保障支出1,220.00万元，主要用于住房公积金。',
    '八、一般公共预算支出预算表',
    '单位：万元',
    row('功能科目代码', '功能科目名称', '金额'),
    '',
    row('', '合计', '8,402.60'),
    '',
    row('201', '一般公共服务支出', '7,182.60'),
    '',
    row('20101', '人大事务', '7,182.60'),
    '',
    row('2010101', '行政运行', '7,182.60'),
    '',
    row('221', '住房保障支出', '1,220.00'),
    '',
    row('22102', '住房改革支出', '1,220.00'),
    '',
    row('2210201', '住房公积金', '1,220.00'),
    '',
    '九、名词解释',
  ];
  const restated = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT' && /正文数字与表格不一致/u.test(f.message)).map((f) => [f.severity, f.loc?.line, f.found]);

  it('reads the 类 against the total that leaves it exact', async () => {
    expect(restated(await run(doc('9,412.60')))).toEqual([]);
    expect(restated(await run(doc('8,412.60')))).toEqual([]);
  });

  it('still flags a 类 below its fund cell', async () => {
    expect(restated(await run(doc('9,412.60', '7,172.60')))).toEqual([['error', 9, '7,172.60万元']]);
  });
});

describe('a figure whose 万元 wraps to the next line after a gap (江苏 预算 justified prose)', () => {
  const doc = (total: string) => [
    '江苏省某某院2017年度部门预算',
    '六、财政拨款基本支出预算表情况说明',
    `省某某院    2017    年度财政拨款基本支出预算    ${total}`,
    '万元，其中：',
    '（一）人员经费    6120.10    万元。主要包括：基本工资、津贴补贴、退休费等。',
    '（二）公用经费    2530.20    万元。主要包括：办公费、水电费、差旅费等。',
  ];

  it('reads the figure and flags a total its complete list does not make', async () => {
    expect(show(await run(doc('8950.30')))).toEqual([['SUM_MISMATCH', 'error', 3, '8650.30万元', '8950.30万元']]);
  });

  it('is silent where the parts make it', async () => {
    expect(show(await run(doc('8650.30')))).toEqual([]);
  });
});

describe('财政拨款收、支总预算 and its change restated for the 支出 side (江苏 预算)', () => {
  // both sides 9,640.50 this year: the change of the two-sided total is the 支出 side's change
  const doc = (both: string, rate = '6.21') => [
    '江苏省某某厅2017年度部门预算',
    '第三部分 2017年度部门预算情况说明',
    '四、财政拨款收支预算总表情况说明',
    `江苏省某某厅2017年度财政拨款收、支总预算9,640.50万元。与上年相比，财政拨款收、支总计各增加${both}万元，增长${rate}%。`,
    '五、财政拨款支出预算表情况说明',
    '江苏省某某厅2017年财政拨款预算支出9,640.50万元，占本年支出合计的100%。与上年相比，财政拨款支出增加563.70万元，增长6.21%。',
  ];
  const vc = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT' || f.code === 'PERCENT_MISMATCH').map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);

  it('warns where the two changes differ within the rate’s precision (on a tie, on the later statement)', async () => {
    expect(vc(await run(doc('563.74')))).toEqual([['VALUE_CONFLICT', 'warning', 6, '增加563.74万元', '增加563.70万元']]);
  });

  it('reads the two-sided total’s rate against its own figure (总预算 … 总计各增加)', async () => {
    expect(vc(await run(doc('663.70', '6.21')))).toEqual([
      ['PERCENT_MISMATCH', 'error', 4, '7.39%', '6.21%'],
      ['VALUE_CONFLICT', 'warning', 6, '增加663.70万元', '增加563.70万元'],
    ]);
  });

  it('is silent where they agree', async () => {
    expect(vc(await run(doc('563.70')))).toEqual([]);
  });
});

describe('a change told verb first before a 其中 of 项 rows is not their total', () => {
  // (the reason's first amount left blank: the 400 after it is a change, “…增加某某租赁费400万元”, never a level)
  const doc = (first: string) => [
    ...JS,
    '五、财政拨款支出预算表情况说明',
    '江苏省某某厅2017年财政拨款预算支出9,820.00万元，占本年支出合计的100%。与上年相比，财政拨款支出增加1,020.00万元，增长11.59%。',
    `主要原因是基本支出增加人员经费${first}万元、项目经费支出安排增加某某平台租赁费400万元。`,
    '其中：',
    '（一）公共安全（类）',
    '1．某某（款）行政运行（项）支出6,820.00万元，与上年相比增加620.00万元，增长10.00%。',
    '2．某某（款）一般行政管理事务（项）支出3,000.00万元，与上年相比增加400.00万元，增长15.38%。',
  ];
  const sums = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.line, f.found]);

  it('gives no 部分大于整体 against the 400', async () => {
    expect(sums(await run(doc('    ')))).toEqual([]);
    expect(sums(await run(doc('620')))).toEqual([]);
  });
});

describe('a 类’s change stated in the overview and again with the 类’s figure', () => {
  const doc = (overview: string) => [
    ...JS,
    '四、部门收支预算编制的相关依据及测算分析情况',
    `2017年度部门支出预算安排与2016年度相比，增加410.50万元，增长4.36%。按功能分类，一般公共服务支出减少96.30万元，社会保障和就业支出增加120.40万元，住房保障支出增加${overview}万元。`,
    '第三部分 2017年度部门预算情况说明',
    '一、收支预算总表情况说明',
    '（二）支出预算总计9,820.50万元。包括：',
    '1.一般公共服务（类）支出7,010.20万元，主要用于机关运行。与上年相比减少96.30万元，下降1.36%。',
    '2.社会保障和就业（类）支出1,600.10万元，主要用于离退休人员支出。与上年相比增加120.40万元，增长8.14%。',
    '3.住房保障（类）支出1,210.20万元，主要用于住房公积金和提租补贴。与上年相比增加386.40万元，增长46.90%。',
  ];

  it('warns where the two amounts differ (on the later statement, naming the other)', async () => {
    expect(show(await run(doc('368.40')))).toEqual([['VALUE_CONFLICT', 'warning', 10, '增加368.40万元', '增加386.40万元']]);
  });

  it('is silent where they agree', async () => {
    expect(show(await run(doc('386.40')))).toEqual([]);
  });
});

describe('a 其中 that names the total again, then splits it another way (review s8 trap r09)', () => {
  const doc = (basic: string) => [
    '上海市某区某某局2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '三、支出决算情况说明',
    `2024年度本年支出合计1,850.40万元，其中：一般公共预算财政拨款支出1,850.40万元；按支出性质分，基本支出${basic}万元，占70.00%，项目支出555.12万元，占30.00%。`,
  ];
  const sums = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.line, f.expected, f.found]);

  it('does not add the total’s other name to its parts', async () => {
    expect(sums(await run(doc('1,295.28')))).toEqual([]);
  });

  it('still flags the other breakdown above the total', async () => {
    expect(sums(await run(doc('1,395.28')))).toEqual([[4, '1950.40万元', '1850.40万元']]);
  });
});

describe('a fund subtotal whose own parts follow its colon (review s8 trap r14)', () => {
  const doc = (fiscal: string) => [
    '某某大学2023年度决算',
    '第三部分 2023年度决算情况说明',
    '四、财政拨款支出决算情况说明',
    `2023年度学校本年支出合计88,000.00万元。其中财政拨款支出${fiscal}万元：基本支出35,000.00万元，项目支出17,000.00万元。`,
  ];
  const sums = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.line, f.found]);

  it('does not add the subtotal’s parts to it', async () => {
    expect(sums(await run(doc('52,000.00')))).toEqual([]);
  });
});
