// Narrative figures against tables and totals on layouts first met in reports no rule was written on
// (issue 11, the narrative_figure family): small synthetic documents that reproduce each layout and wording
// with figures of their own, run through the whole pipeline; the flags are pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);
/** A table row of a text rendition: one cell a tab. */
const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');

describe('上海 预算 项 explanations against a 功能分类 table printed in 元', () => {
  // (the 万元 figure of a 元 cell may be rounded or cut off: 655,180.00元 is 65.52 or 65.51万元)
  const doc = (a: string, prior: string, b: string) => [
    '上海市某区某局2025年部门预算',
    '一、部门预算编制说明',
    '2025年，上海市某区某局收入预算248.05万元，其中：财政拨款收入248.05万元。',
    '财政拨款支出主要内容如下：',
    `1.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”${a}万元，上年:${prior}万元，主要用于退休经费。`,
    `2.“住房保障支出（类）住房改革支出（款）住房公积金（项）”${b}万元，主要用于缴纳住房公积金。`,
    '二、部门预算表',
    '2025年部门一般公共预算支出功能分类预算表',
    '单位：元',
    cells('功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'),
    '',
    cells('208', '社会保障和就业支出', '655,180.00', '655,180.00', ''),
    '',
    cells('20805', '行政事业单位养老支出', '655,180.00', '655,180.00', ''),
    '',
    cells('2080501', '行政单位离退休', '655,180.00', '655,180.00', ''),
    '',
    cells('221', '住房保障支出', '1,825,297.00', '1,825,297.00', ''),
    '',
    cells('22102', '住房改革支出', '1,825,297.00', '1,825,297.00', ''),
    '',
    cells('2210201', '住房公积金', '1,825,297.00', '1,825,297.00', ''),
    '',
    cells('', '合计', '2,480,477.00', '2,480,477.00', ''),
    '',
    '三、名词解释',
  ];

  it('accepts the 项 figures rounded or cut off to 万元, and reads 上年:X as last year’s figure, not this year’s', async () => {
    expect(show(await run(doc('65.52', '58.07', '182.53')))).toEqual([]);
    expect(show(await run(doc('65.51', '58.07', '182.52')))).toEqual([]);
  });

  it('reads 上年: at a line end as the cue of the figure that wraps to the next line', async () => {
    const d = doc('65.52', '58.07', '182.53');
    const i = d.findIndex((l) => l.includes('上年:58.07万元'));
    const wrapped = [...d.slice(0, i), d[i]!.replace(/58\.07万元，主要用于退休经费。$/, ''), '58.07万元，主要用于退休经费。', ...d.slice(i + 1)];
    expect(wrapped[i]!.endsWith('上年:')).toBe(true);
    expect(show(await run(wrapped))).toEqual([]);
  });

  it('flags a 项 figure that is neither (65.50 for 65.518; 182.54 for 182.5297; a digit too many)', async () => {
    expect(show(await run(doc('65.50', '58.07', '182.54')))).toEqual([
      ['VALUE_CONFLICT', 'error', 5, '65.52万元', '65.50万元'],
      ['VALUE_CONFLICT', 'error', 6, '182.53万元', '182.54万元'],
    ]);
    const d = await run(doc('655.18', '58.07', '182.53'));
    expect(d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => f.message)).toEqual([
      '正文数字与表格不一致：此处写655.18万元，预算05一般公共预算支出表第1页“行政单位离退休”行“合计”栏为655,180.00元（折合65.52万元）。',
    ]);
  });
});

describe('江苏 预算: a 类 figure of the 支出预算总计 (all sources) against the 一般公共预算 table', () => {
  // The 收支总表 prints the 类 with 其他资金 in it; the fund table prints the 一般公共预算 part.
  const doc = (y: string) => [
    '江苏省某某厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '一、收支预算总体情况说明',
    '（一）收入预算总计8,412.60万元。包括：',
    '1．财政拨款收入预算总计8,402.60万元。',
    '2．其他资金收入预算总计10.00万元。',
    '（二）支出预算总计8,412.60万元。包括：',
    `1．一般公共服务（类）支出${y}万元，主要用于机关运行。`,
    '2．住房保障支出1,220.00万元，主要用于住房公积金。',
    '八、一般公共预算支出预算表',
    '单位：万元',
    cells('功能科目代码', '功能科目名称', '金额'),
    '',
    cells('', '合计', '8,402.60'),
    '',
    cells('201', '一般公共服务支出', '7,182.60'),
    '',
    cells('20101', '人大事务', '7,182.60'),
    '',
    cells('2010101', '行政运行', '7,182.60'),
    '',
    cells('221', '住房保障支出', '1,220.00'),
    '',
    cells('22102', '住房改革支出', '1,220.00'),
    '',
    cells('2210201', '住房公积金', '1,220.00'),
    '',
    '九、名词解释',
  ];

  it('accepts the fund cell plus at most the 10.00 outside the fund', async () => {
    expect(show(await run(doc('7,192.60')))).toEqual([]);
    expect(show(await run(doc('7,182.60')))).toEqual([]);
  });

  it('flags a figure below the fund cell, or above it by more than the money outside the fund', async () => {
    expect(show(await run(doc('7,181.60')))).toEqual([['VALUE_CONFLICT', 'error', 8, '7182.60万元', '7,181.60万元']]);
    expect(show(await run(doc('7,202.60')))).toEqual([
      ['SUM_MISMATCH', 'error', 7, '不超过8,412.60万元', '8422.60万元'],
      ['VALUE_CONFLICT', 'error', 8, '7182.60万元', '7,202.60万元'],
    ]);
  });
});

describe('a change stated against last year’s figure given in brackets (江苏 预算 wording)', () => {
  const doc = (rate: string) => [
    '江苏省某某办公厅2018年度部门预算',
    '一、部门预算概况',
    `2018年度部门支出预算安排与2017年度相比（2017年度部门支出预算安排为7,310.52万元），增加402.18万元，增长${rate}%。`,
  ];
  it('does not read the bracketed 2017 figure as the 2018 one', async () => {
    expect(show(await run(doc('5.50')))).toEqual([]);
  });
  it('checks the rate against that 2017 figure (402.18 ÷ 7,310.52 = 5.50%)', async () => {
    expect(show(await run(doc('6.10')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '5.50%', '6.10%']]);
  });
});

describe('shares of a list', () => {
  it('accepts a rounding residue put on one share of a list printed to add up to 100% (63.75 for 63.7397)', async () => {
    const doc = (a: string, c: string) => [
      '江苏省某某院2018年度部门预算',
      '三、支出预算情况说明',
      '本院本年支出预算合计21,955.35万元，其中：',
      `基本支出13,994.31万元，占${a}%；`,
      '项目支出5,573万元，占25.38%；',
      `单位预留机动经费2,388.04万元，占${c}%。`,
    ];
    expect(show(await run(doc('63.75', '10.87')))).toEqual([]);
    // (the list no longer adds up to 100%: the share is off, by one unit)
    expect(show(await run(doc('63.75', '10.88')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '63.74%', '63.75%']]);
    // (off by more than one unit each, though the list adds up to 100%)
    expect(show(await run(doc('63.77', '10.85')))).toEqual([
      ['PERCENT_MISMATCH', 'error', 4, '63.74%', '63.77%'],
      ['PERCENT_MISMATCH', 'error', 6, '10.88%', '10.85%'],
    ]);
  });

  it('accepts whole-percent shares 34/33/33 of three equal parts, not 35/32/33', async () => {
    const doc = (a: string, b: string) => ['江苏省某某院2018年度部门预算', '三、支出预算情况说明', `本院本年支出预算合计90.00万元，其中：基本支出30.00万元，占${a}%；项目支出30.00万元，占${b}%；单位预留机动经费30.00万元，占33%。`];
    expect(show(await run(doc('34', '33')))).toEqual([]);
    expect(show(await run(doc('35', '32')))).toEqual([
      ['PERCENT_MISMATCH', 'error', 3, '33%', '35%'],
      ['PERCENT_MISMATCH', 'error', 3, '33%', '32%'],
    ]);
  });

  it('warns where every share fits another printed total than the base it names (三公 shares of the 三公/会议费/培训费 合计)', async () => {
    const doc = (a: string) => [
      '江苏省某某办公厅2017年度部门预算',
      '十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明',
      `本厅2017年度一般公共预算拨款安排的“三公”经费预算支出中，因公出国（境）费支出180万元，占“三公”经费的${a}%；公务用车购置及运行费支出150万元，占“三公”经费的7.50%；公务接待费支出70万元，占“三公”经费的3.50%。`,
      '“三公”经费、会议费、培训费支出预算表',
      '单位：万元',
      cells('合计', '小计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费', '会议费', '培训费'),
      '',
      cells('2,000.00', '400.00', '180.00', '150.00', '70.00', '1,200.00', '400.00'),
      '',
      '十二、政府采购预算情况说明',
    ];
    const d = await run(doc('9.00'));
    expect(show(d)).toEqual([
      ['PERCENT_MISMATCH', 'warning', 3, '45.00%', '9.00%'],
      ['PERCENT_MISMATCH', 'warning', 3, '37.50%', '7.50%'],
      ['PERCENT_MISMATCH', 'warning', 3, '17.50%', '3.50%'],
    ]);
    expect(d.flags.find((f) => f.code === 'PERCENT_MISMATCH')!.message).toBe('占比的基数与所称不符：180万元÷小计400.00万元约为45.00%，文中写9.00%；本段各项占比均与预算07三公经费表第1页的2,000.00万元相符，所称基数疑有误。');
    // one share that fits no common base: the shares are wrong, an error each
    expect(show(await run(doc('9.20'))).map((f) => f.slice(0, 2))).toEqual([
      ['PERCENT_MISMATCH', 'error'],
      ['PERCENT_MISMATCH', 'error'],
      ['PERCENT_MISMATCH', 'error'],
    ]);
  });
});

describe('rows named with a deeper marker under a 类 figure (江苏 预算: 基本支出 by 经济分类 类 and 款)', () => {
  const doc = (a: string, total: string) => [
    '江苏省某某办公厅2017年度部门预算',
    '六、一般公共预算基本支出预算情况说明',
    `1、工资福利支出（类）${total}万元`,
    '（1）基本工资（款）支出612.30万元。用于发放机关公务员的职务工资。',
    `（2）津贴补贴（款）支出${a}万元。用于发放机关人员津贴补贴。`,
    '（3）奖金（款）支出48.20万元。用于发放年终一次性奖金。',
    '2、商品和服务支出（类）300.00万元',
    '（1）办公费（款）支出120万元。用于购买办公用品。',
    '（2）差旅费（款）支出80万元。用于职工出差。',
  ];
  it('accepts rows within their 类', async () => {
    expect(show(await run(doc('1,040.50', '1,701.00')))).toEqual([]);
  });
  it('flags rows that add up to more than their 类', async () => {
    expect(show(await run(doc('1,140.50', '1,701.00')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过1,701.00万元', '1801.00万元']]);
    expect(show(await run(doc('1,040.50', '1,601.00')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过1,601.00万元', '1701.00万元']]);
  });
});

describe('政府采购预算总金额 and its 货物/工程/服务 (江苏 预算)', () => {
  const doc = (total: string) => ['江苏省某某院2019年度部门预算', '十二、政府采购预算情况说明', `2019年政府采购预算总金额为${total}万元。其中拟采购货物支出1637.72万元；拟采购工程支出530.00万元；拟采购服务支出3059.87万元。`];
  it('holds the three kinds to their total', async () => {
    expect(show(await run(doc('5227.59')))).toEqual([]);
    expect(show(await run(doc('5443.09')))).toEqual([['SUM_MISMATCH', 'error', 3, '5227.59万元', '5443.09万元']]);
  });
});

describe('one breakdown stated twice (江苏 预算: the overview and the 财政拨款 part give the same reasons)', () => {
  const doc = (a: string, b: string, spent = '12,480.20') => [
    '江苏省某某院2019年度部门预算',
    '一、收支预算总体情况说明',
    `本院2019年度收入、支出预算总计12,480.20万元，与上年相比收、支预算总计各增加1,210.40万元，增长10.74%。主要原因是基本支出增加人员工资、住房公积金等820.30万元、项目支出安排减少150.00万元、单位预留机动经费增加${a}万元。`,
    '四、财政拨款收支预算总体情况说明',
    `本院2019年度财政拨款收、支总预算${spent}万元。与上年相比，财政拨款收、支总计各增加1,210.40万元，增长10.74%。主要原因是基本支出增加人员工资、住房公积金等820.30万元、项目支出安排减少150.00万元、单位预留机动经费增加${b}万元。`,
    '五、财政拨款支出预算情况说明',
    `本院2019年财政拨款预算支出${spent}万元。与上年相比，财政拨款支出增加1,210.40万元。主要原因是基本支出增加人员工资、住房公积金等820.30万元、项目支出安排减少150.00万元、单位预留机动经费增加540.10万元。`,
  ];
  it('agrees when the copies agree', async () => {
    expect(show(await run(doc('540.10', '540.10')))).toEqual([]);
  });
  it('flags the copy that differs from the others (a warning: which one is wrong is the majority’s guess)', async () => {
    const d = await run(doc('504.10', '540.10'));
    expect(show(d)).toEqual([['VALUE_CONFLICT', 'warning', 3, '540.10万元', '504.10万元']]);
    expect(d.flags.find((f) => f.code === 'VALUE_CONFLICT')!.message).toMatch(/^同一说明前后不一致：此处预留机动经费增加504\.10万元，第1页第5行的同一说明（其余各项相同）为540\.10万元。$/);
  });
  it('compares the overview with the 财政拨款 part only where nothing is spent outside 财政拨款', async () => {
    // (the overview's total 12,480.20 includes money the 财政拨款 figures 12,470.20 do not)
    expect(show(await run(doc('504.10', '540.10', '12,470.20'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([]);
  });
});

describe('rows with 款 markers announced by a total’s 其中 (江苏 预算: 机关运行经费…。其中：（1）办公费（款）支出…)', () => {
  const doc = (a: string) => [
    '江苏省某某办公厅2017年度部门预算',
    '十、一般公共预算机关运行经费支出预算表说明',
    '本厅2017年一般公共预算机关运行经费支出预算1,250.40万元，比2016年增加210.10万元，增长20.20%。主要原因是口径调整。其中：',
    '（1）办公费（款）支出120.40万元。用于购买办公用品。',
    `（2）差旅费（款）支出${a}万元。用于职工出差。`,
    '（3）会议费（款）支出530.00万元。用于召开会议。',
    '十一、政府采购预算情况说明',
  ];
  it('accepts rows within the total and flags rows above it', async () => {
    expect(show(await run(doc('600.00')))).toEqual([]);
    expect(show(await run(doc('700.00')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过1,250.40万元', '1350.40万元']]);
  });
});

describe('a share list printed one item a line, one share having lost its %', () => {
  const doc = (other: string) => [
    '江苏省某某办公厅2019年度部门预算',
    '二、收入预算情况说明',
    '本厅本年收入预算合计9,480.00万元，其中：',
    '一般公共预算收入9,420.00万元，占99.4%；',
    '政府性基金预算收入0万元，占0%；',
    `其他资金60万元，占${other}；`,
    '上年结转资金0万元，占0%。',
  ];
  it('checks no share against the items as a whole (one member’s share is unknown)', async () => {
    expect(show(await run(doc('0.6%')))).toEqual([]);
    expect(show(await run(doc('0.6'))).filter((f) => f[0] === 'PERCENT_MISMATCH')).toEqual([]);
  });
});

describe('a list announced by a total whose unit is lost belongs to that total, not to the figure before it', () => {
  it('does not hold the 类 rows to 上年结转资金0万元 (…。（二）支出预算总计9,130.60。包括：)', async () => {
    const d = await run([
      '江苏省某某办公厅2019年度部门预算',
      '一、收支预算总体情况说明',
      '4.上年结转资金预算数为0万元，与上年数一致，本部门无此项结转资金。',
      '（二）支出预算总计9,130.60。包括：',
      '1.一般公共服务（类）支出8,200.00万元，主要用于单位行政运行。',
      '2.住房保障（类）支出930.60万元，主要用于住房公积金。',
    ]);
    expect(show(d).filter((f) => f[0] === 'SUM_MISMATCH')).toEqual([]);
  });
});
