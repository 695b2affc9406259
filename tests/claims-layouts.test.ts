// Claims on layouts first met outside the corpus (issue 11): small documents written in the phrasing and
// structure of real reports (江苏 省级部门预算 2017-2019: a change explained by the changes of its reasons,
// then a 其中 of （一）收入 / （二）支出 blocks each with its own numbered list), run through the whole
// pipeline; the flags are pinned exactly. Figures are made up; the structure is what is tested.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT', 'MALFORMED_VALUE']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const HEAD = ['江苏省某某厅2018年度部门预算', '第三部分 江苏省某某厅2018年度预算情况说明', '一、收支预算总体情况说明'];

describe('a change explained by its reasons, then a 其中 of （一）/（二） blocks', () => {
  // The reasons' last figure (单位预留机动经费增加2050.20万元) is followed by 。其中：, but the list is of the
  // paragraph's totals; the 类 changes of （二） add up to the total change 3100.50, so taking 2050.20 as
  // their total made −3100.50 + 2050.20 + 3100.50 “fit” with the restated total change turned around.
  const doc = (social: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计21500.00万元，与上年相比收、支预算总计各增加3100.50万元，增长16.85%。',
    '主要原因是基本支出增加1200.30万元、项目支出安排减少150万元、单位预留机动经费增加2050.20万元。其中：',
    '（一）收入预算总计21500.00万元。包括：',
    '1．财政拨款收入预算总计21500.00万元。',
    '一般公共预算收入预算21500.00万元，与上年相比增加3100.50万元，增长16.85%。主要原因是基本支出增加养老保险缴费等1200.30万元、项目经费支出安排减少租赁费150万元、单位预留机动经费增加2050.20万元。',
    '（二）支出预算总计21500.00万元。包括：',
    '1．公共安全（类）支出17000.00万元，主要用于人员支出、日常公用支出。与上年相比增加2000.00万元，增长13.33%。',
    `2．社会保障和就业（类）支出1500.00万元，主要用于离退休人员的经费支出。与上年相比${social}100.00万元，${social}6.25%。`,
    '3．住房保障（类）支出3000.00万元，主要用于提租补贴、住房公积金支出。与上年相比增加1200.50万元，增长66.71%。',
  ];

  it('takes no reason of the sentence before 其中 as the total of the list (江苏高院 2018 p17, 2019 p19)', async () => {
    expect(show(await run(doc('减少')))).toEqual([]);
  });
});

describe('a numbered list announced after a 其中 that opens （一）/（二） blocks', () => {
  // “…增加基本支出600.00万元。其中：” opens （一）（二）; the 1．2．3． items belong to （二）'s 包括.
  const doc = (first: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计9800.00万元，与上年相比收、支预算总计各增加600.00',
    '万元，增长6.52%。主要原因是政策性增资、住房公积金调整等原因，增加基本支出600.00万元。其中：',
    '（一）收入预算总计9800.00万元。全部由省财政拨款。',
    '（二）支出预算总计9800.00万元。包括：',
    `1．一般公共服务支出${first}万元，主要用于在职人员工资福利支出。`,
    '2．社会保障和就业支出1300.00万元，主要用于离退休人员工资发放。',
    '3．住房保障支出1000.00万元，主要用于住房公积金和提租补贴发放。',
  ];

  it('does not read the items as parts of the amount before the outer 其中 (江苏人大 2017 p23)', async () => {
    expect(show(await run(doc('7500.00')))).toEqual([]);
  });

  it('still reads them as parts of the total that announces them', async () => {
    expect(show(await run(doc('7600.00')))).toEqual([['SUM_MISMATCH', 'error', 7, '不超过9800.00万元', '9900.00万元']]);
  });
});

describe('a change and its rate named by its noun (降幅, 增幅)', () => {
  const item = (word: string) => [...HEAD, `2．社会保障和就业支出1,500.00万元，主要用于离休费、基本养老金支出。与上年相比${word}150.00万元，降幅9.1%。主要原因是退休人员基本养老金改由社保中心发放。`];

  it('accepts 减少 with 降幅', async () => {
    expect(show(await run(item('减少')))).toEqual([]);
  });

  it('flags 增加 with 降幅 (江苏检察院 2018 p24 edited: 与上年相比增加184.96万元，降幅9.1%)', async () => {
    const d = await run(item('增加'));
    expect(show(d)).toEqual([['DIRECTION_CONFLICT', 'error', 4, '上升9.1%', '降幅9.1%']]);
  });
});

describe('the 三公 total, 公务用车 and its 购置费/运行费, each with its change (上海 预算 其他相关情况说明)', () => {
  const doc = (w1: string, w2: string, w3: string) => [
    '上海市普陀区某某街道办事处2025年部门预算',
    '其他相关情况说明',
    '一、2025年“三公”经费预算情况说明',
    `2025年“三公”经费预算数为28.50万元，比2024年预算${w1}8万元。其中：`,
    '（一）因公出国（境）费0万元，比2024年预算持平。主要原因是因公出国（境）费保持不变。',
    `（二）公务用车购置及运行费27.20万元，比2024年预算${w2}8万元，主要原因是2025年新增1辆公务用车购置，但与2024年购置的`,
    `车辆类型不同。其中：公务用车购置费12万元，比2024年预算${w3}8万元，主要原因是购置车辆类型不同；公务用车运行费15.20万元，`,
    '比2024年预算持平，主要原因是公务车用车运行费保持不变。',
    '（三）公务接待费1.30万元。比2024年预算持平，主要原因是公务接待费保持不变。',
  ];
  const dc = (d: CheckedDocument) => show(d).filter((x) => x[0] === 'DIRECTION_CONFLICT');

  it('accepts changes that add up at every level', async () => {
    expect(show(await run(doc('减少', '减少', '减少')))).toEqual([]);
  });

  // The 其中 of 公务用车 comes after a count in its reason (新增1辆), and 运行费's 持平 is wrapped to the next
  // line: both are read, so the one word that breaks its sums is found at each level.
  it.each([
    ['the total', ['增加', '减少', '减少'], 4],
    ['公务用车购置及运行费', ['减少', '增加', '减少'], 6],
    ['公务用车购置费', ['减少', '减少', '增加'], 7],
  ] as const)('flags the one word turned (%s)', async (_, [a, b, c], line) => {
    expect(dc(await run(doc(a, b, c))).map((x) => x[2])).toEqual([line]);
  });
});

describe('a change and the reasons that make it up', () => {
  // 基本支出增加人员工资、…等2100.20万元: the direction word comes before the words it qualifies; the amount is
  // read as a part of the change (never flagged itself), so the one other word that breaks the sum is seen.
  const doc = (word: string) => [
    ...HEAD,
    '江苏省某某厅2019年度财政拨款收、支总预算27950.00万元。',
    `与上年相比，财政拨款收、支总计各增加2510.50万元，增长9.87%。主要原因是基本支出增加人员工资、住房公积金、提租补贴等2100.20万元、项目经费支出安排${word}800.30万元、单位预留机动经费增加1210.60万元。`,
  ];

  it('accepts reasons that add up to the change', async () => {
    expect(show(await run(doc('减少')))).toEqual([]);
  });

  it('flags the reason whose word breaks the sum (江苏高院 2019 p19 edited)', async () => {
    expect(show(await run(doc('增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 5, '减少800.30万元', '增加800.30万元']]);
  });
});

describe('an amount without its unit after a label\'s colon (上海 预算 drafts: …”23.47万元，上年:23.47，)', () => {
  const item = (prior: string) => [...HEAD, `5. “一般公共服务支出（类）人大事务（款）一般行政管理事务（项）”23.47万元，上年:${prior}，主要用于人大会议经费。`];

  it('accepts it with its unit', async () => {
    expect(show(await run(item('23.47万元')))).toEqual([]);
  });

  it('flags it without', async () => {
    expect(show(await run(item('23.47')))).toEqual([['MALFORMED_VALUE', 'error', 4, null, '23.47']]);
  });
});

describe('a net change and its parts, one amount printed without its 元 (江苏人大 2019: 综合管理费专项增加209万用于…)', () => {
  const doc = (net: string, rate: string) => [
    ...HEAD,
    `项目支出预算数为6459.58万元。与上年相比增加${net}万元，增长${rate}%。主要原因是运转类项目经费统一压减10%，综合管理费专项增加209万用于办公用房租赁，人代会经费专项增加200万元，外事经费专项增加200万元，信息化建设经费专项增加55万元，增减相抵后项目支出预算数增加${net}万元。`,
  ];
  const sums = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.severity, f.expected, f.found]);

  it('accepts a net the unknown cut can reach', async () => {
    expect(sums(await run(doc('125.62', '1.98')))).toEqual([]);
  });

  it('flags a net above every increase listed (the 209万 read as 209万元, the 压减10% only lowering it)', async () => {
    expect(sums(await run(doc('725.62', '12.65')))).toEqual([['warning', '不高于增加664.00万元', '增加725.62万元']]);
  });
});

describe('a net change in a paragraph that opens with its change (江苏委办公厅 2018 p6: …支出1289.52万元，主要用于…。/ 与上年相比减少…增减相抵后…)', () => {
  const doc = (word: string) => [
    ...HEAD,
    '2．社会保障和就业（类）支出1000.00万元，主要用于离退休人员支出、缴纳在职人员基本养老保险和职业年金的支出。',
    `与上年相比减少500.00万元，减少33.33%。主要原因：一是退休人员工资改由社保发放，经费支出相应减少；二是在职人员缴纳基本养老保险和职业年金，增加了该项支出。增减相抵后与上年相比${word}500.00万元。`,
  ];

  it('accepts the net that restates the change', async () => {
    expect(show(await run(doc('减少')))).toEqual([]);
  });

  it('flags the net turned around', async () => {
    expect(show(await run(doc('增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 5, '减少500.00万元', '增加500.00万元']]);
  });
});

describe('a comparison whose base carries an aside (比2022年（上一年度，下同）预算增加…, 上海 预算 编制说明)', () => {
  const doc = (word: string) => [
    '上海市普陀区某某街道办事处2023年部门预算',
    '部门预算编制说明',
    `2023年，上海市普陀区某某街道办事处收入预算12000.00万元，其中：财政拨款收入12000.00万元，比2022年（上一年度，下同）预算${word}1000.00万元；事业收入0万元；其他收入0万元。`,
    '支出预算12000.00万元，其中：财政拨款支出预算12000.00万元，比2022年预算增加1000.00万元。财政拨款支出预算中，一般公共预算拨款支出预算12000.00万元，比2022年预算增加1000.00万元。',
  ];

  it('reads the change as the 财政拨款收入\'s: the same as the 支出\'s', async () => {
    expect(show(await run(doc('增加')))).toEqual([]);
  });

  it('flags the one that turns it around', async () => {
    expect(show(await run(doc('减少'))).map((x) => x.slice(0, 3))).toEqual([['DIRECTION_CONFLICT', 'error', 3]]);
  });
});

describe('a total change, then （一） restating it under the income\'s name and （二） breaking it down by 类 (江苏委办公厅 2019 p6-7)', () => {
  const doc = (w: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计20000.00万元，与上年相比收、支预算总计各增加2000.00万元，增长11.11%。其中：',
    '（一）收入预算总计20000.00万元。包括：',
    '1．财政拨款收入预算总计20000.00万元。',
    '（1）一般公共预算收入预算20000.00万元，与上年相比增加2000.00万元，增长11.11%。主要原因是人员经费政策性调增。',
    '（二）支出预算总计20000.00万元。包括：',
    '1．一般公共服务（类）支出16000.00万元，主要用于保障机构正常运转。与上年相比增加1500.00万元，增长10.34%。',
    '2．社会保障和就业（类）支出1000.00万元，主要用于离退休人员支出。与上年相比增加100.00万元，增长11.11%。',
    `3．住房保障（类）支出3000.00万元，主要用于住房公积金和提租补贴。与上年相比${w}400.00万元，增长15.38%。`,
    '此外，基本支出预算数为11000.00万元。与上年相比增加1200.00万元，增长12.24%。',
    '项目支出预算数为8000.00万元。与上年相比增加700.00万元，增长9.59%。',
    '单位预留机动经费预算数为1000.00万元。与上年相比增加100.00万元，增长11.11%。',
  ];

  // (the 类 changes and the 基本/项目/预留 changes each add up to the total: with the restated total as a
  // part, turning it around made 3 × 2000 − 2 × 2000 “fit”)
  it('does not read the restated total as one of the 类 parts', async () => {
    expect(show(await run(doc('增加')))).toEqual([]);
  });
});

describe('a reason on a line of its own after the statement it explains', () => {
  const doc = (word: string) => [
    '江苏省政协办公厅2018年度部门预算',
    '一、部门预算情况说明',
    '江苏省政协办公厅2018年度一般公共预算拨款安排的培训费预算支出120万元，比上年预算减少16万元。',
    `主要原因是新的政协委员培训班次数${word}。`,
  ];
  const dc = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map((f) => [f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

  it('is read with it (a reason pointing the other way is a warning)', async () => {
    expect(dc(await run(doc('减少')))).toEqual([]);
    expect(dc(await run(doc('增加')))).toEqual([['warning', 3, '增加', '减少']]);
  });
});

describe('a 其中 of （一）收入 and （二）支出 blocks: two breakdowns of one total (江苏委办公厅 2017 p5-6)', () => {
  // With the unchanged 财政专户 item unreadable (its unit dropped), the （一） parts no longer add up by
  // themselves; read on into （二）, the 类 changes (which add up to the total again) made turning the
  // restated 2000.00 “fit” (−2000 + 2000 of the 类 + 2000 of 基本/项目/预留).
  const doc = (special: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计20000.00万元，与上年相比收、支预算总计各增加2000.00万元，增长11.11%。主要原因是政策性调资。其中：',
    '（一）收入预算总计20000.00万元。包括：',
    '1．财政拨款收入预算总计19800.00万元。',
    '一般公共预算收入19800.00万元，与上年相比增加2000.00万元，增长11.24%。主要原因是政策性调资。',
    `2．财政专户管理资金收入预算总计${special}。与上年保持一致。`,
    '（二）支出预算总计20000.00万元。包括：',
    '1．一般公共服务（类）支出16000.00万元，主要用于保障机构正常运转。与上年相比增加1500.00万元，增长10.34%。',
    '2．社会保障和就业（类）支出1000.00万元，主要用于离退休人员支出。与上年相比增加100.00万元，增长11.11%。',
    '3．住房保障（类）支出3000.00万元，主要用于住房公积金和提租补贴。与上年相比增加400.00万元，增长15.38%。',
    '此外，基本支出预算数为11000.00万元。与上年相比增加1200.00万元，增长12.24%。',
    '项目支出预算数为8000.00万元。与上年相比增加700.00万元，增长9.59%。',
    '单位预留机动经费预算数为1000.00万元。与上年相比增加100.00万元，增长11.11%。',
  ];

  it('reads the parts of the first block only', async () => {
    expect(show(await run(doc('200.00万元')))).toEqual([]);
    expect(show(await run(doc('200.00')))).toEqual([['MALFORMED_VALUE', 'error', 8, '200.00万元', '200.00']]);
  });
});

describe('a 类 broken down into its 项, the 类\'s own figure and change stated in another section (江苏 预算)', () => {
  const doc = (w: string, last = '1000.00') => [
    ...HEAD,
    '2．社会保障和就业（类）支出1500.00万元，主要用于离退休人员支出、缴纳在职人员基本养老保险和职业年金的支出。',
    '与上年相比减少300.00万元，减少16.67%。主要原因是退休人员工资改由社保发放。',
    '五、财政拨款支出预算情况说明',
    '（二）社会保障和就业支出（类）',
    '1．行政事业单位离退休（款）未归口管理的行政单位离退休（项）支出200.00万元，与上年相比减少1600.00万元，减少88.89%。',
    '2．行政事业单位离退休（款）机关事业单位基本养老保险缴费（项）支出900.00万元，与上年相比增加900.00万元。此项级科目为今年新增科目。',
    `3．行政事业单位离退休（款）机关事业单位职业年金缴费（项）支出${last}万元，与上年相比${w}400.00万元。`,
  ];
  const dc = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map((f) => [f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

  it('accepts 项 changes that add up to the 类\'s', async () => {
    expect(dc(await run(doc('增加', '400.00')))).toEqual([]);
  });

  it('warns on the one 项 word whose turn makes them add up (a warning: the list is not said to be complete), where the 项 figures add up to the 类\'s', async () => {
    expect(dc(await run(doc('减少', '400.00')))).toEqual([['warning', 10, '增加400.00万元', '减少400.00万元']]);
  });

  it('leaves a list alone whose figures do not add up to the 类\'s (a 项 may be missing)', async () => {
    expect(dc(await run(doc('减少', '300.00')))).toEqual([]);
  });
});
