// Rates and comparison claims (issue 11 rules 1 and 3, session 9): small synthetic documents in the wording of real
// 决算/预算 explanations, run through the whole pipeline; the figure flags are pinned exactly. Figures and names are
// made up; each case fails without its rule.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明'];
const YS = ['某市某某局2026年部门预算', '第二部分 2026年部门预算编制说明'];

describe('a 预算 total compared with last year’s budget printed in brackets, its fund parts listed after', () => {
  // 收入 860 (+60 over 800): 其中 财政拨款收入 860 (+60) is the total restated; its parts 一般公共 +45 and 政府性基金 +15
  // add up to +60. The bracketed 800.00 is the comparison's base, not the total's level.
  const doc = (gf: string) => [
    ...YS,
    `  2026年，本部门收入预算860.00万元，比2025年预算（800.00万元）增加60.00万元，增长7.50%。其中：财政拨款收入860.00万元，比2025年预算增加60.00万元，增长7.50%。`,
    `  财政拨款收入预算860.00万元，其中：一般公共预算拨款收入830.00万元，比上年增加45.00万元，增长5.73%；政府性基金预算拨款收入30.00万元，比上年${gf}15.00万元。`,
    `  支出预算860.00万元，其中：基本支出520.00万元，比2025年预算498.00万元增加22.00万元，增长4.42%；项目支出340.00万元，比2025年预算302.00万元增加38.00万元，增长12.58%。`,
  ];
  it('is silent where every change adds up', async () => {
    expect(show(await run(doc('增加')))).toEqual([]);
  });
  it('still flags the one part whose word breaks the sum', async () => {
    expect(show(await run(doc('减少')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增加15.00万元', '减少15.00万元']]);
  });
});

describe('收、支总计均为X … 收、支总计各减少Y，下降r% (the rate over the level stated before, the 均/各 of both sides)', () => {
  // 1,846.22 + 37.18 = 1,883.40: 37.18 ÷ 1,883.40 = 1.97%.
  const doc = (rate: string) => [
    ...JS,
    '  一、收入支出决算总体情况说明',
    `  2023年度收、支总计均为1,846.22万元。与上年相比，收、支总计各减少37.18万元，下降${rate}%。主要原因是人员退休。`,
  ];
  it('flags a rate off by one unit of its last digit', async () => {
    expect(show(await run(doc('1.99')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '1.97%', '1.99%']]);
  });
  it('is silent on the right rate', async () => {
    expect(show(await run(doc('1.97')))).toEqual([]);
  });
});

describe('growth rates in other word orders', () => {
  // 1,718.40 + 41.60 = 1,760.00: 41.60 ÷ 1,760.00 = 2.36%.
  const doc = (clause: string) => [...JS, '  五、一般公共预算财政拨款支出决算情况说明', `  2023年度一般公共预算财政拨款支出1,718.40万元，占本年支出合计的100%。与上年相比，一般公共预算财政拨款支出${clause}。主要原因是人员退休。`];
  it.each([
    ['the rate before the amount', '同比下降2.46%，减少41.60万元', '2.36%', '2.46%'],
    ['the amount in brackets after the rate', '减少2.46%（41.60万元）', '2.36%', '2.46%'],
    ['压减 as the word of both', '压减41.60万元，压减2.46%', '2.36%', '2.46%'],
  ])('flags %s', async (_, clause, exp, found) => {
    expect(show(await run(doc(clause)))).toEqual([['PERCENT_MISMATCH', 'error', 4, exp, found]]);
  });
  it.each([['同比下降2.36%，减少41.60万元'], ['减少2.36%（41.60万元）'], ['压减41.60万元，压减2.36%']])('is silent on %s', async (clause) => {
    expect(show(await run(doc(clause)))).toEqual([]);
  });
  it('checks 比上年X万元下降r% (the prior stated, no change amount) over the two figures', async () => {
    const d = (r: string) => [...JS, `  2023年度一般公共预算财政拨款支出1,718.40万元，占本年支出合计的100%。比上年1,760.00万元下降${r}%。`];
    expect(show(await run(d('2.46')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '2.36%', '2.46%']]);
    expect(show(await run(d('2.36')))).toEqual([]);
  });
});

describe('completion rates in other words', () => {
  // 842.17 ÷ 880.00 = 95.70%.
  const doc = (clause: string) => [...JS, `  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为880.00万元，支出决算为842.17万元，${clause}。`];
  it.each([['决算数占年初预算数的95.80%'], ['决算数是年初预算数的95.80%'], ['实现年初预算的95.80%'], ['完成率95.80%'], ['预算完成率为95.80%']])('flags %s', async (clause) => {
    expect(show(await run(doc(clause)))).toEqual([['PERCENT_MISMATCH', 'error', 3, '95.70%', '95.80%']]);
  });
  it('is silent on the right rate', async () => {
    expect(show(await run(doc('决算数占年初预算数的95.70%')))).toEqual([]);
  });
});

describe('a change printed coarser than its figure (a new item: 增加627万元 of 627.46万元)', () => {
  const doc = (change: string) => [...YS, '  三、一般公共预算支出预算情况说明', `  2．机关事业单位职业年金缴费（项）支出627.46万元，与上年相比增加${change}万元。主要原因是纳入预算管理。`];
  it('is no UNIT_SUSPECT where the change’s printed interval holds the figure', async () => {
    expect(show(await run(doc('627')))).toEqual([]);
    expect(show(await run(doc('627.5')))).toEqual([]);
  });
  it('still flags a change past both intervals', async () => {
    expect(show(await run(doc('628')))).toEqual([['UNIT_SUSPECT', 'error', 4, '不大于627.46万元', '628万元']]);
  });
});

describe('shares', () => {
  it('take no bound or approximation as their part (超过/不足/约)', async () => {
    const doc = (w: string) => [...JS, `2023年度本年支出合计1,850.00万元。其中：项目支出${w}万元，占本年支出合计的27.03%。`];
    expect(show(await run(doc('超过480')))).toEqual([]);
    expect(show(await run(doc('约480')))).toEqual([]);
    expect(show(await run(doc('480')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '25.95%', '27.03%']]);
  });
  it('of a list whose total is stated are over that total, not the parts’ sum', async () => {
    // 48,000 ÷ 80,000 = 60.00%; 26,100 is the changed part (26,000 ÷ 80,000 = 32.50%; 26,100 → 32.63%).
    const doc = (a: string) => [...JS, `2023年度学校本年收入合计80,000.00万元，其中：财政拨款收入48,000.00万元，占60.00%；事业收入${a}万元，占32.50%；其他收入6,000.00万元，占7.50%。`];
    expect(show(await run(doc('26,000.00')))).toEqual([]);
    expect(show(await run(doc('26,100.00')))).toEqual([
      ['PERCENT_MISMATCH', 'error', 3, '32.63%', '32.50%'],
      ['SUM_MISMATCH', 'error', 3, '80100.00万元', '80000.00万元'],
    ]);
  });
  it.each([['占总支出的'], ['占支出总额的'], ['占比'], ['所占比重为'], ['占全部支出的']])('with a base named %s are checked', async (w) => {
    const doc = (s: string) => [...JS, `2023年度本年支出合计1,250.00万元，其中：基本支出1,000.00万元，${w}${s}%；项目支出250.00万元，${w}20.00%。`];
    expect(show(await run(doc('80.10')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '80.00%', '80.10%']]);
    expect(show(await run(doc('80.00')))).toEqual([]);
  });
  it('of a base named by the list head’s own name (占基本支出的)', async () => {
    const doc = (s: string) => [...JS, `2023年度一般公共预算财政拨款基本支出1,000.00万元，其中：人员经费800.00万元，占基本支出的${s}%；公用经费200.00万元，占基本支出的20.00%。`];
    expect(show(await run(doc('80.10')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '80.00%', '80.10%']]);
    expect(show(await run(doc('80.00')))).toEqual([]);
  });
});

describe('a growth rate whose figure is stated in the sentence before under a longer spelling', () => {
  it('pairs 一般公共预算财政拨款增加 with 一般公共预算财政拨款支出 (the 支出 left out)', async () => {
    // 36.40 ÷ (812.00 − 36.40 = 775.60) = 4.69%.
    const doc = (r: string) => [...JS, `  2023年一般公共预算财政拨款支出812.00万元，占本年支出合计的97.15%。与2022年相比，一般公共预算财政拨款增加36.40万元，增长${r}%。`];
    expect(show(await run(doc('4.79')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '4.69%', '4.79%']]);
    expect(show(await run(doc('4.69')))).toEqual([]);
  });
  it('pairs a 三公 item repeated without 支出 (公务用车购置及运行维护费较上年减少)', async () => {
    // 3.20 ÷ (12.80 + 3.20 = 16.00) = 20.00%.
    const doc = (r: string) => [...JS, `  2.公务用车购置及运行维护费支出12.80万元，完成预算的80.00%。公务用车购置及运行维护费较上年减少3.20万元，下降${r}%。`];
    expect(show(await run(doc('20.10')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '20.00%', '20.10%']]);
    expect(show(await run(doc('20.00')))).toEqual([]);
  });
});

describe('shares stated respectively (分别为A和B，分别占x%和y%)', () => {
  // 1,000 ÷ 1,250 = 80.00%; 250 ÷ 1,250 = 20.00%.
  const doc = (x: string, tail: string) => [...JS, `2023年度本年支出合计1,250.00万元，其中：基本支出和项目支出分别为1,000.00万元和250.00万元，分别占${tail}${x}%和20.00%。`];
  it('pairs each amount with its rate', async () => {
    expect(show(await run(doc('80.10', '')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '80.00%', '80.10%']]);
    expect(show(await run(doc('80.10', '本年支出的')))).toEqual([['PERCENT_MISMATCH', 'error', 3, '80.00%', '80.10%']]);
  });
  it('is silent where both fit', async () => {
    expect(show(await run(doc('80.00', '')))).toEqual([]);
  });
});

describe('决算 against 预算 claimed in other words', () => {
  // 年初预算 880.00, 决算 842.17: the 决算 is less.
  const doc = (claim: string) => [...JS, `  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为880.00万元，支出决算为842.17万元，完成年初预算的95.70%。${claim}，主要原因是人员退休。`];
  it.each([['支出决算超出预算'], ['决算数较年初预算数增加'], ['决算数比年初预算数多37.83万元']])('flags %s', async (claim) => {
    expect(show(await run(doc(claim)))).toEqual([['DIRECTION_CONFLICT', 'error', 3, '决算数小于预算数', expect.any(String)]]);
  });
  it('flags a sentence opening with 超过年初预算', async () => {
    const d = [...JS, '  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为880.00万元，支出决算为842.17万元，完成年初预算的95.70%。超过年初预算的主要原因是人员增加。'];
    expect(show(await run(d))).toEqual([['DIRECTION_CONFLICT', 'error', 3, '决算数小于预算数', '超过年初预算']]);
  });
  it.each([['支出决算小于预算'], ['决算数较年初预算数减少'], ['决算数比年初预算数少37.83万元']])('is silent on %s', async (claim) => {
    expect(show(await run(doc(claim)))).toEqual([]);
  });
});

describe('a completion rate beside another rate of the same sentence (review R4)', () => {
  const doc = (r: string) => [...JS, '十、预算绩效管理情况', `本部门对2个项目开展了绩效自评，涉及预算金额380.00万元。其中，档案数字化项目预算240.00万元，执行数228.00万元，完成率为100%（按合同进度），预算执行率${r}%。`];
  it('is not flagged: which rate the figures give is not known', async () => {
    expect(show(await run(doc('95.00')))).toEqual([]);
  });
  it('a lone completion rate still is', async () => {
    const d = [...JS, '十、预算绩效管理情况', '其中，档案数字化项目预算240.00万元，执行数228.00万元，预算执行率95.10%。'];
    expect(show(await run(d))).toEqual([['PERCENT_MISMATCH', 'error', 4, '95.00%', '95.10%']]);
  });
});

describe('a 决算/预算 claim that states the difference (决算数比年初预算数少X万元)', () => {
  // 880.00 − 842.17 = 37.83.
  const doc = (x: string) => [...JS, `  1.一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为880.00万元，支出决算为842.17万元，完成年初预算的95.70%。决算数比年初预算数少${x}万元，主要原因是人员退休。`];
  it('flags a difference the two figures do not give', async () => {
    expect(show(await run(doc('37.93')))).toEqual([['VALUE_CONFLICT', 'error', 3, '37.83万元', '37.93万元']]);
  });
  it('is silent on the right difference', async () => {
    expect(show(await run(doc('37.83')))).toEqual([]);
  });
});
