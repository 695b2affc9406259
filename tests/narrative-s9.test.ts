// Narrative figures against each other (issue 11, session 9): review traps of session 8 (false errors) and the
// rules found on held-out misses, each on a small synthetic text (names and figures made up), run through the
// whole pipeline; the flags are pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { runLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => `${f.code} ${f.severity} @${f.loc?.line} ${f.expected} | ${f.found}`);

/** A 上海-style 决算 with its 一般公共预算财政拨款支出 table (-layout text) and the explanation lines given. */
const withTable = (prose: string[]) => [
  '上海市某区某某所2024年度部门决算',
  '第二部分 2024年度部门决算表',
  '                 一般公共预算财政拨款支出决算表',
  '                                              单位：万元',
  ' 科目编码  科目名称                 合计          基本支出       项目支出',
  '           合计                     240.00       170.00       70.00',
  '201        一般公共服务支出         160.00       120.00       40.00',
  '20106      财政事务                 160.00       120.00       40.00',
  '2010601    行政运行                 120.00       120.00        0.00',
  '2010602    一般行政管理事务          40.00         0.00       40.00',
  '208        社会保障和就业支出        80.00        50.00       30.00',
  '20805      行政事业单位养老支出      80.00        50.00       30.00',
  '2080501    行政单位离退休            80.00        50.00       30.00',
  '第三部分 2024年度部门决算情况说明',
  '四、一般公共预算财政拨款支出决算情况说明',
  ...prose,
];

describe('a total restated rounded in 亿元 is the total, not one of its parts (rv8 3)', () => {
  const doc = [
    '江苏省某某局2019年部门预算',
    '第二部分 2019年部门预算情况说明',
    '  一、收支预算总体情况说明',
    '  某某局2019年度收入、支出预算总计36512.40万元，与上年相比收、支预算总计各增加4120.60万元，增长12.72%。其中：',
    '  （一）收入预算总计3.65亿元。包括：',
    '  1．财政拨款收入预算总计3.65亿元。',
    '  （1）一般公共预算收入预算3.65亿元，与上年相比增加4120.60万元，增长12.72%。主要原因是人员经费调增。',
    '  （2）政府性基金收入预算0万元，与上年相比无变化。',
    '  （二）支出预算总计3.65亿元。包括：',
    '  1．一般公共服务（类）支出2.95亿元，与上年相比增加3010.20万元，增长11.36%。主要原因是人员经费调增。',
    '  2．住房保障（类）支出7012.40万元，与上年相比增加1110.40万元，增长18.81%。主要原因是政策性调增。',
    '  此外，基本支出预算数为1.60亿元。与上年相比增加2130.50万元，增长15.36%。',
    '  项目支出预算数为2.05亿元。与上年相比增加1990.10万元，增长10.75%。',
  ];

  it('reads the changes of the parts against the total, not against the 亿元 restatement', async () => {
    expect(show(await run(doc))).toEqual([]);
  });
});

describe('a prior budget in brackets before the change is its base, not the level its parts restate (rv9 O2, r16d)', () => {
  it('reads the fund breakdown of a source restated with its change', async () => {
    const doc = [
      '上海市某区某某中心2025年部门预算',
      '第二部分 2025年部门预算编制说明',
      '  2025年，本部门收入预算640.00万元，比2024年预算（580.00万元）增加60.00万元，增长10.34%。其中：财政拨款收入640.00万元，比2024年预算增加60.00万元，增长10.34%。',
      '  财政拨款收入预算640.00万元，其中：一般公共预算拨款收入610.00万元，比上年增加42.00万元，增长7.39%；政府性基金预算拨款收入30.00万元，比上年增加18.00万元，增长150%。',
      '  支出预算640.00万元，其中：基本支出400.00万元，比2024年预算375.00万元增加25.00万元，增长6.67%；项目支出240.00万元，比2024年预算205.00万元增加35.00万元，增长17.07%。',
    ];
    expect(show(await run(doc))).toEqual([]);
  });
});

describe('marks without brackets: a 类 is no part of the 类 before it (rv8 1b)', () => {
  const doc = (second: string) => [
    '上海市某区某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '  （二）一般公共预算财政拨款支出决算结构情况',
    `  2024年度一般公共预算财政拨款支出240.00万元，主要用于以下方面：一般公共服务支出类160.00万元，占66.67%，其中：财政事务款160.00万元；社会保障和就业支出类80.00万元，占33.33%，其中：行政事业单位养老支出款${second}万元。`,
  ];

  it('ends the 款 list at the next 类', async () => {
    expect(show(await run(doc('80.00')))).toEqual([]);
  });

  it('still flags a 款 larger than its own 类', async () => {
    expect(show(await run(doc('80.00').map((l) => l.replace('财政事务款160.00万元', '财政事务款150.00万元；一般行政管理事务款15.00万元'))))).toEqual([
      'SUM_MISMATCH error @4 不超过160.00万元 | 165.00万元',
    ]);
  });
});

// (rv8 20, a 其中 after a list of 类: fixed in src/extract/ledger.ts by restate, with its test there)
describe('a 其中 after a single 类 lists that 类’s own items', () => {
  it('still reads a 其中 after a single 类 as that 类’s own items', async () => {
    const doc = withTable(['2024年度一般公共预算财政拨款支出240.00万元，其中一般公共服务支出（类）160.00万元。其中：基本支出125.00万元；项目支出35.00万元。']);
    expect(show(await run(doc))).toEqual([
      'VALUE_CONFLICT error @16 120.00万元 | 125.00万元',
      'VALUE_CONFLICT error @16 40.00万元 | 35.00万元',
    ]);
  });
});

describe('a list the prior year’s word opens: every item is last year’s (rv8 22)', () => {
  it('compares no item of a 上年 list with this year’s row', async () => {
    const doc = withTable(['2024年度一般公共预算财政拨款支出240.00万元，主要用于：一般公共服务支出（类）160.00万元，社会保障和就业支出（类）80.00万元。上年一般公共服务支出（类）150.00万元，社会保障和就业支出（类）70.00万元。']);
    expect(show(await run(doc))).toEqual([]);
  });

  it('ends the scope at an item naming a year of its own', async () => {
    const doc = withTable(['上年一般公共服务支出（类）150.00万元，2024年社会保障和就业支出（类）70.00万元。']);
    expect(show(await run(doc))).toEqual(['VALUE_CONFLICT warning @16 80.00万元 | 70.00万元']);
  });
});

describe('a total stated with its 年初预算 and its 调整预算: the items’ 年初预算 add up to either (rv8 W2)', () => {
  const doc = (adjusted: string, actual: string) => [
    '上海市某区某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '四、一般公共预算财政拨款支出决算情况说明',
    `2024年度一般公共预算财政拨款支出年初预算为300.00万元，调整预算为${adjusted}万元，支出决算为${actual}万元。其中：`,
    '1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为180.00万元，支出决算为170.00万元。',
    '2.一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。年初预算为70.00万元，支出决算为68.00万元。',
    '3.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。年初预算为50.00万元，支出决算为48.00万元。',
  ];

  it('is silent where the items’ 年初预算 add up to the total’s 年初预算', async () => {
    expect(show(await run(doc('290.00', '286.00')))).toEqual([]);
  });

  it('still flags the 支出决算 column when the budgets add up', async () => {
    expect(show(await run(doc('290.00', '287.00')))).toEqual(['SUM_MISMATCH warning @4 286.00万元 | 287.00万元']);
  });
});

describe('an item equal to the total, then a second breakdown that adds up to it (rv8 10, second form)', () => {
  const doc = (basic: string) => [
    '上海市某区某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '三、支出决算情况说明',
    `2024年度本年支出合计1,820.40万元，其中：财政拨款支出1,820.40万元，基本支出${basic}万元，项目支出410.10万元。`,
  ];

  it('reads the first item as the total under another name, whatever the stop after it', async () => {
    expect(show(await run(doc('1,410.30')))).toEqual([]);
  });

  it('still flags a second breakdown larger than the total', async () => {
    expect(show(await run(doc('1,450.30')))).toEqual(['SUM_MISMATCH error @4 1860.40万元 | 1820.40万元']);
  });
});

describe('a sum that names its parts (rv9 M4)', () => {
  const doc = (sum: string) => [
    '上海市某区某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    '2024年度一般公共预算财政拨款基本支出1,410.30万元，其中：人员经费1,296.18万元，主要包括：基本工资、津贴补贴；公用经费114.12万元，主要包括：办公费、印刷费。',
    `人员经费和公用经费合计${sum}万元。`,
  ];

  it('flags a named sum that is not the sum of the figures it names', async () => {
    expect(show(await run(doc('1,410.20')))).toEqual(['SUM_MISMATCH error @5 1410.30万元 | 1,410.20万元']);
  });

  it('is silent where it is', async () => {
    expect(show(await run(doc('1,410.30')))).toEqual([]);
  });
});

describe('an item’s own breakdown after any words is not its siblings (rv9 #1)', () => {
  const doc = (other: string) => [
    '某某中心2024年度部门决算',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    `2024年度一般公共预算财政拨款基本支出640.00万元，其中：人员经费530.00万元，计有在职人员经费410.00万元、离退休人员经费120.00万元；公用经费${other}万元。`,
  ];

  it('reads figures that add up to the item before them as its breakdown', async () => {
    expect(show(await run(doc('110.00')))).toEqual([]);
  });

  it('still checks the items themselves', async () => {
    expect(show(await run(doc('120.00')))).toEqual(['SUM_MISMATCH error @3 650.00万元 | 640.00万元']);
  });
});

describe('a total printed whole among parts to the 分 is a rounding (rv9 #3)', () => {
  const doc = (third: string) => [
    '某某中心2025年部门预算',
    '十、其他重要事项的情况说明',
    `（二）政府采购情况：本部门政府采购预算总金额为2618万元，其中：货物541.30万元，工程620.00万元，服务${third}万元。`,
  ];

  it('holds the parts’ sum within the total’s own half unit', async () => {
    expect(show(await run(doc('1456.88')))).toEqual([]);
  });

  it('still flags a sum past it', async () => {
    expect(show(await run(doc('1457.88')))).toEqual(['SUM_MISMATCH error @3 2619.18万元 | 2618万元']);
  });
});

describe('a sum message prints each part as written (rv9 M9)', () => {
  it('shows a 0.10 part beside a 0 total', async () => {
    const doc = [
      '某某中心2024年度部门决算',
      '七、财政拨款“三公”经费支出决算情况说明',
      '2024年度“三公”经费财政拨款支出决算为0万元。其中：因公出国（境）费支出决算为0万元；公务用车购置及运行费支出决算为0万元；公务接待费支出决算为0.10万元。',
    ];
    const flags = (await run(doc)).flags.filter((f) => f.code === 'SUM_MISMATCH');
    expect(flags.map((f) => f.message)).toEqual(['各部分之和与合计不符：因公出国（境）费支出0万元＋公务用车购置及运行费支出0万元＋公务接待费支出0.10万元＝0.10万元，而“三公”经费财政拨款支出为0万元。']);
  });
});

describe('a figure that lost its unit shifts no role (held-out seed 99 false VALUE_CONFLICT)', () => {
  it('gives the figure after a paragraph ending in “上年:” the prior year’s role', async () => {
    const doc = [
      '上海市某区某某街道2025年部门预算',
      '第二部分 2025年部门预算编制说明',
      '  财政拨款支出主要内容如下：',
      '  6. “城乡社区支出（类）城乡社区管理事务（款）其他城乡社区管理事务支出（项）”2211.52，上年:',
      '2305.18万元，主要其他城乡社区管理。',
    ];
    const f = (await run(doc)).facts.find((x) => x.text === '2305.18');
    expect([f?.role, f?.year]).toEqual(['prior_year', 2024]);
  });
});

describe('one subject restated in another section (held-out seed 99 witnessed misses)', () => {
  // A 江苏-style 预算 explaining its 财政拨款 basic spending and again its 一般公共预算 basic spending: the document
  // spends nothing outside the 一般公共预算 (both totals 3,120.50), so the two lists are one statement.
  const basic = (no: string, fund: string, union: string) => [
    `  ${no}、${fund}基本支出预算表情况说明`,
    `  某某厅2018年度${fund}基本支出预算1,402.60万元，其中：`,
    '  （二）公用经费412.60万元',
    '  商品和服务支出（类）412.60万元',
    '  （1）办公费（款）支出96.40万元。用于单位购买办公用品等支出。',
    '  （2）公务接待费（款）支出12万元。用于公务接待支出。',
    `  （3）工会经费（款）支出${union}万元。用于职工工会活动支出。`,
    '  （4）福利费（款）支出6万元。用于职工福利支出。',
    '  （5）其他商品和服务支出（款）支出276.20万元。用于单位其他日常公用支出。',
  ];
  const doc = (first: string, second: string, office = '96.40') => [
    '江苏省某某厅2018年度部门预算',
    '第二部分 部门预算情况说明',
    '  四、财政拨款收支预算总表情况说明',
    '  某某厅2018年度财政拨款支出预算3,120.50万元。',
    ...basic('五', '财政拨款', first),
    '  六、一般公共预算支出预算表情况说明',
    '  某某厅2018年度一般公共预算财政拨款支出预算3,120.50万元。',
    ...basic('七', '一般公共预算财政拨款', second),
    '  八、机关运行经费支出预算情况说明',
    '  某某厅2018年机关运行经费支出安排530.20万元，其中：',
    `  （1）办公费（款）支出${office}万元。用于单位购买办公用品等支出。`,
    '  （2）公务接待费（款）支出12万元。用于公务接待支出。',
    '  （3）物业管理费（款）支出421.80万元。用于物业支出。',
  ];

  it('flags the one figure of the restated list that differs', async () => {
    expect(show(await run(doc('21.30', '19.20')))).toEqual(['VALUE_CONFLICT warning @22 21.30万元 | 19.20万元']);
  });

  it('is silent where the copies agree', async () => {
    expect(show(await run(doc('21.30', '21.30')))).toEqual([]);
  });

  it('leaves alone the same words in a list of another total (机关运行经费)', async () => {
    expect(show(await run(doc('21.30', '21.30', '97.40')))).toEqual([]);
  });

  it('reads a change restated in another fund’s section, the funds coinciding', async () => {
    const lines = (third: string) => [
      '上海市某区某某局2024年度部门决算',
      '第三部分 2024年度部门决算情况说明',
      '一、收入支出决算总体情况说明',
      '本部门2024年度收入支出总计6520.40万元。与2023年度相比，收入支出总计增加610.20万元，增长10.32%。主要是项目支出增加，比上年增加702.15万元，主要由于办公用房修缮等。',
      '四、财政拨款收入支出决算总体情况说明',
      '本部门2024年度财政拨款收入支出总计6410.30万元，其中财政拨款支出6410.30万元。与2023年度相比，财政拨款收入支出总计增加598.10万元，增长10.29%。主要是项目支出增加，比上年增加702.15万元，主要由于办公用房修缮等。',
      '五、一般公共预算财政拨款支出决算情况说明',
      `一般公共预算财政拨款支出6410.30万元。与2023年度相比，一般公共预算财政拨款支出增加598.10万元，增长10.29%。主要是项目支出增加，比上年增加${third}万元，主要由于办公用房修缮等。`,
    ];
    expect(show(await run(lines('720.15')))).toEqual(['VALUE_CONFLICT warning @8 702.15万元 | 720.15万元']);
    expect(show(await run(lines('702.15')))).toEqual([]);
  });
});

describe('收支总计 balanced within one fund (rv9: balancedTotals keyed by the ledger’s fund)', () => {
  const doc = (exp: string) => [
    '某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '2024年度收入总计760.00万元，支出总计760.00万元。',
    '四、财政拨款收入支出决算总体情况说明',
    `2024年度收入总计710.00万元，支出总计${exp}万元。`,
  ];

  it('does not pair the all-sources 收入总计 with the 财政拨款 section’s 支出总计', async () => {
    expect(show(await run(doc('710.00')))).toEqual([]);
  });

  it('still flags the two sides of one fund that differ', async () => {
    expect(show(await run(doc('720.00')))).toEqual(['VALUE_CONFLICT error @6 710.00万元 | 720.00万元']);
  });
});

describe('一是/二是 number a list’s items (rv9 M13b)', () => {
  const doc = (public_: string) => [
    '某某所2024年度部门决算',
    '六、一般公共预算财政拨款基本支出决算情况说明',
    `2024年度一般公共预算财政拨款基本支出1,284.50万元，其中：一是人员经费1,130.20万元，主要包括基本工资、津贴补贴；二是公用经费${public_}万元，主要包括办公费、印刷费。`,
  ];

  it('reads 人员经费 and 公用经费 after 一是/二是 as the named items', async () => {
    expect(show(await run(doc('154.40')))).toEqual(['SUM_MISMATCH error @3 1284.60万元 | 1284.50万元']);
    expect(show(await run(doc('154.30')))).toEqual([]);
  });
});

describe('the items’ budget word names which of two budgets is theirs', () => {
  const doc = (first: string) => [
    '上海市某区某某所2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '四、一般公共预算财政拨款支出决算情况说明',
    '2024年度一般公共预算财政拨款支出年初预算为0万元，全年预算为300.00万元，支出决算为286.00万元。其中：',
    `1.一般公共服务支出（类）财政事务（款）行政运行（项）。全年预算为${first}万元，支出决算为170.00万元。`,
    '2.一般公共服务支出（类）财政事务（款）一般行政管理事务（项）。全年预算为70.00万元，支出决算为68.00万元。',
    '3.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）。全年预算为50.00万元，支出决算为48.00万元。',
  ];

  it('checks the 全年预算 column against the total’s 全年预算', async () => {
    expect(show(await run(doc('180.00')))).toEqual([]);
    expect(show(await run(doc('185.00')))).toEqual(['SUM_MISMATCH warning @4 305.00万元 | 300.00万元']);
  });
});
