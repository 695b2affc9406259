// Rates and comparison claims, session 10: signed rates and amounts, growth told as a multiple (倍), and a subject
// told with its direction before the comparison that states its change. Small synthetic documents in the wording
// of real 决算/预算 explanations, run through the whole pipeline; figures and names are made up; each case fails
// without its rule.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { runLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明', '  五、一般公共预算财政拨款支出决算情况说明'];
// 1,718.40 + 41.60 = 1,760.00: 41.60 ÷ 1,760.00 = 2.36%.
const growth = (clause: string) => [...JS, `  2023年度一般公共预算财政拨款支出1,718.40万元，占本年支出合计的100%。与上年相比，一般公共预算财政拨款支出${clause}。主要原因是人员退休。`];

describe('signed rates and amounts (the sign is the direction)', () => {
  it.each([
    ['a neutral rate word, rate first', '变动率为-2.46%，变动额为-41.60万元'],
    ['a neutral word, amount first', '变动-41.60万元，变动率-2.46%'],
    ['增减 and 增减率', '增减-41.60万元，增减率-2.46%'],
    ['a minus turning 增长 into a fall', '增长-2.46%，减少41.60万元'],
  ])('checks %s at the printed precision', async (_, clause) => {
    expect(show(await run(growth(clause)))).toEqual([['PERCENT_MISMATCH', 'error', 4, '2.36%', '2.46%']]);
    expect(show(await run(growth(clause.replace('2.46', '2.36'))))).toEqual([]);
  });
  it('flags a sign that contradicts the direction of its amount', async () => {
    // 1,718.40 − 41.60 = 1,676.80: an increase of 41.60 is 2.48%; 增长-2.48% says it fell.
    expect(show(await run(growth('增加41.60万元，增长-2.48%')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增长2.48%', '-2.48%']]);
    expect(show(await run(growth('增减-41.60万元，增减率2.36%')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增加41.60万元', '-41.60万元']]);
    expect(show(await run(growth('增加41.60万元，增长2.48%')))).toEqual([]);
  });
  it('reads a signed change after a bare comparison (较2022年度-41.60万元)', async () => {
    const doc = (r: string) => [...JS, `  2023年度项目支出1,718.40万元，较2022年度-41.60万元，增减率为-${r}%。`];
    expect(show(await run(doc('2.46')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '2.36%', '2.46%']]);
    expect(show(await run(doc('2.36')))).toEqual([]);
  });
  it('gives no fact for a signed level (结余-5.00万元) nor a range (3-5人)', async () => {
    const d = await run([...JS, '  2023年度年末结转和结余-5.00万元，共有3-5人参与。']);
    expect(d.facts.filter((f) => f.from === 'text').map((f) => f.text)).toEqual([]);
  });
});

describe('growth told as a multiple (倍)', () => {
  // 236.47 − 136.47 = 100.00: growth 1.3647 → 1.36倍; this year over last 2.3647 → 2.36倍.
  const doc = (tail: string) => [...JS, `  2023年度本部门授予中小企业合同金额236.47万元，比上年增加136.47万元，${tail}，占政府采购支出总额的90.00%。`];
  it('flags a multiple that fits neither reading', async () => {
    expect(show(await run(doc('增长1.46倍')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '1.36倍', '1.46倍']]);
    expect(show(await run(doc('是上年的2.5倍')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '2.4倍', '2.5倍']]);
  });
  it.each([['增长1.36倍'], ['增长2.36倍'], ['是上年的2.36倍'], ['增长约1.46倍']])('is silent on %s', async (tail) => {
    expect(show(await run(doc(tail)))).toEqual([]);
  });
  it('checks 是上年的N倍 against last year’s figure stated in the sentence', async () => {
    const d = (n: string) => [...JS, `  上年公务接待费支出4.00万元，2023年度公务接待费支出10.00万元，是上年的${n}倍。`];
    expect(show(await run(d('2.8')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '2.5倍', '2.8倍']]);
    expect(show(await run(d('2.5')))).toEqual([]);
  });
});

describe('a subject told with its direction, then the comparison of its change', () => {
  const doc = (w: string) => [
    '某市某某局2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '  一、收入支出决算总体情况说明',
    '  某某局2024年度收入支出总计7,315.26万元。与2023年度相比，收入支出总计增加815.40',
    `万元，增长12.54%。主要原因：项目支出增加，较上一度${w}`,
    '902.15万元，主要由于办公楼修缮等。',
  ];
  it('flags the figure whose word contradicts the told direction (a typo’d 上一度 cue too)', async () => {
    expect(show(await run(doc('减少')))).toEqual([['DIRECTION_CONFLICT', 'error', 6, '增加902.15万元', '减少902.15万元']]);
  });
  it('is silent where they agree', async () => {
    expect(show(await run(doc('增加')))).toEqual([]);
  });
});

describe('last year’s figure stated beside this year’s, then the change (rv10 M3/M9)', () => {
  it('checks the rate over a prior told as 2022年为X', async () => {
    // 62.00 ÷ 58.00 − 1 = 6.90%.
    const d = (r: string) => [...JS, `  2023年，本部门机关运行经费支出62.00万元，2022年为58.00万元，增长${r}%。主要原因是办公费增加。`];
    expect(show(await run(d('7.00')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '6.90%', '7.00%']]);
    expect(show(await run(d('6.90')))).toEqual([]);
  });
  it('checks a change amount against the two figures (比上年决算数X增加Y; the prior in the next sentence)', async () => {
    const a = (c: string) => [...JS, `  1.一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项):支出决算为412.00万元，比上年决算数398.00万元增加${c}万元。`];
    expect(show(await run(a('15.00')))).toEqual([['SUM_MISMATCH', 'error', 4, '增加14.00万元', '增加15.00万元']]);
    expect(show(await run(a('14.00')))).toEqual([]);
    const b = (c: string) => [...JS, `  2023年，本部门会议费支出26.00万元。2022年会议费支出23.00万元，2023年比2022年增加${c}万元。`];
    expect(show(await run(b('3.10')))).toEqual([['SUM_MISMATCH', 'error', 4, '增加3.00万元', '增加3.10万元']]);
    expect(show(await run(b('3.00')))).toEqual([]);
  });
  it('flags a change stated the other way round (a swapped 增加/减少) as a DIRECTION_CONFLICT', async () => {
    const a = (w: string) => [...JS, `  2023年度培训费支出412.00万元，比上年398.00万元${w}14.00万元。`];
    expect(show(await run(a('减少')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增加14.00万元', '减少14.00万元']]);
    expect(show(await run(a('增加')))).toEqual([]);
  });
});

describe('shares whose base is named by a figure’s own words (rv10 M2/M10)', () => {
  it('take as base a figure stated with the words the share names (占授予中小企业合同金额的)', async () => {
    // 36.00 ÷ 48.00 = 75.00%.
    const d = (s: string) => [...JS, `  2023年，本部门政府采购支出总额64.00万元。授予中小企业合同金额48.00万元，占政府采购支出总额的75.00%，其中：授予小微企业合同金额36.00万元，占授予中小企业合同金额的${s}%。`];
    expect(show(await run(d('75.10')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '75.00%', '75.10%']]);
    expect(show(await run(d('75.00')))).toEqual([]);
  });
  it('reach past the figure’s own change and rate, to a base stated in another section', async () => {
    // 45.00 ÷ 360.00 = 12.50%.
    const d = (s: string) => [
      '某市某某局2023年度部门决算',
      '第三部分 2023年度部门决算情况说明',
      '  六、一般公共预算财政拨款基本支出决算情况说明',
      '  2023年一般公共预算财政拨款基本支出360.00万元，其中：人员经费300.00万元，公用经费60.00万元。',
      '  十一、其他重要事项的情况说明',
      `  2023年，本部门机关运行经费支出45.00万元，比2022年增加1.00万元，增长2.27%，占一般公共预算财政拨款基本支出的${s}%。`,
    ];
    expect(show(await run(d('12.60')))).toEqual([['PERCENT_MISMATCH', 'error', 6, '12.50%', '12.60%']]);
    expect(show(await run(d('12.50')))).toEqual([]);
  });
});

describe('a share naming its own part past the shares stated in between (财政拨款收入占收入总计的)', () => {
  const doc = (s: string, total = '  2023年度本部门收入总计1,250.00万元。') => [
    ...JS.slice(0, 2),
    '  二、收入决算情况说明',
    `${total}本年收入合计1,200.00万元，其中：财政拨款收入1,150.00万元，占本年收入的95.83%；其他收入50.00万元，占本年收入的4.17%。财政拨款收入占收入总计的${s}%。`,
  ];
  it('is checked over the figure stated with the base’s words', async () => {
    // 1,150.00 ÷ 1,250.00 = 92.00%.
    expect(show(await run(doc('92.10')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '92.00%', '92.10%']]);
    expect(show(await run(doc('92.00')))).toEqual([]);
  });
  it('is not checked over a metric that only shares names with the base (收入总计 is no 收入合计)', async () => {
    expect(show(await run(doc('92.00', '  ')))).toEqual([]);
  });
});

describe('shares of a list inside a larger total’s paragraph (rv10 F7: false errors on main)', () => {
  const head = '  2023年本年支出合计520.00万元，其中：基本支出400.00万元，占76.92%；项目支出120.00万元，占23.08%。';
  it('take the base the list’s sentence opens with (基本支出中， / X按功能分类：)', async () => {
    // 340.00 ÷ 400.00 = 85.00%.
    const d = (s: string) => [...JS, `${head}基本支出中，人员经费340.00万元，占${s}%；公用经费60.00万元，占15.00%。`];
    expect(show(await run(d('85.00')))).toEqual([]);
    expect(show(await run(d('85.10')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '85.00%', '85.10%']]);
    const f = (s: string) => [...JS, `${head}财政拨款支出按功能分类：一般公共服务支出300.00万元，占${s}%；社会保障和就业支出200.00万元，占40.00%。财政拨款支出500.00万元。`];
    expect(show(await run(f('60.00')))).toEqual([]);
  });
  it('take the head of their own 其中 list, its own share before the 其中', async () => {
    const d = (s: string) => [...JS, `${head}财政拨款支出500.00万元，占本年支出合计的96.15%，其中：一般公共服务支出300.00万元，占${s}%；社会保障和就业支出200.00万元，占40.00%。`];
    expect(show(await run(d('60.00')))).toEqual([]);
    expect(show(await run(d('60.10')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '60.00%', '60.10%']]);
  });
  it('leave a share of last year’s figure alone (its base is last year’s total)', async () => {
    const d = [...JS, '  2023年本年支出合计520.00万元，其中：基本支出400.00万元，占76.92%（上年为380.00万元，占79.17%）；项目支出120.00万元，占23.08%（上年为100.00万元，占20.83%）。'];
    expect(show(await run(d))).toEqual([]);
  });
});

describe('决算 against 预算 with an adverb, and a share of 项目支出总额 (rv10 M17, M10b)', () => {
  it('reads 有所增加 / 略有减少 as the claim they qualify', async () => {
    const d = (w: string) => [...JS, `  1.一般公共服务支出(类)政府办公厅（室）及相关机构事务(款)行政运行(项):年初预算为420.00万元，支出决算为400.00万元，完成年初预算的95.24%，决算数较年初预算${w}。`];
    expect(show(await run(d('有所增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '决算数小于预算数', '决算数较年初预算有所增加']]);
    expect(show(await run(d('略有减少')))).toEqual([]);
  });
  it('takes 项目支出总额 as 项目支出', async () => {
    // 90.00 ÷ 120.00 = 75.00%.
    const d = (s: string) => [...JS.slice(0, 2), '  三、支出决算情况说明', '  2023年本年支出合计520.00万元，其中：基本支出400.00万元，占76.92%；项目支出120.00万元，占23.08%。', '  （四）预算绩效管理情况', `  组织对2个项目开展绩效自评，涉及资金90.00万元，占项目支出总额的${s}%。`];
    expect(show(await run(d('75.10')))).toEqual([['PERCENT_MISMATCH', 'error', 6, '75.00%', '75.10%']]);
    expect(show(await run(d('75.00')))).toEqual([]);
  });
});
