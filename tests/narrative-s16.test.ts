// Session 16: real narrative texts of other provinces (search of stored public pages; figures of the layouts
// kept, wording shortened). A 广西 单位预算 in 元 with cents: the 预算 wording 一般公共预算基本支出 names the
// fund's 基本支出 (as 一般公共预算支出 names its spending), so its 人员经费 + 公用经费 are checked against it; and
// a sum or a prior year's figure shown in a message keeps the cents the figures print (881300.39元, not
// 881300.00元 — the integer 元 the checks compare round them).
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const show = (d: CheckedDocument, code: string) => d.flags.filter((f) => f.code === code).map((f) => [f.severity, f.loc?.line, f.expected, f.found, f.message]);

const basic = (total: string) => [
  '某某中心2023年单位预算',
  '五、一般公共预算支出情况说明',
  '1. 基本支出预算 881300.39 元，占一般公共预算支出的96.74%。',
  '2. 项目支出 29700 元，占一般公共预算支出的 3.26%。',
  '六、一般公共预算基本支出情况说明',
  `2023 年本年一般公共预算基本支出 ${total} 元，其中：`,
  '人员经费 809961.19 元，主要包括：基本工资、津贴补贴、绩效工资。',
  '公用经费 71339.2 元，主要包括：办公费、工会经费。',
];

describe('一般公共预算基本支出 in a 预算 (元, cents)', () => {
  it('人员经费 + 公用经费 that make it: no flag', async () => {
    const d = await run(basic('881300.39'));
    expect(show(d, 'SUM_MISMATCH')).toEqual([]);
  });
  it('a total that is the whole 一般公共预算 spending (911000.39 = 881300.39 + 29700): flagged, the sum shown with its cents', async () => {
    const d = await run(basic('911000.39'));
    expect(show(d, 'SUM_MISMATCH')).toEqual([
      ['error', 6, '881300.39元', '911000.39元', '各部分之和与合计不符：人员经费809961.19元＋公用经费71339.2元＝881300.39元，而一般公共预算基本支出为911000.39元。'],
      ['error', 3, '911000.39元', '881300.39元', '部分大于整体：一般公共预算基本支出911000.39元，超过基本支出881300.39元。'],
    ]);
  });
});

describe('a change rate against its amounts (元, cents)', () => {
  it('shows the prior year’s figure with its cents', async () => {
    const d = await run([
      '某某中心2025年单位预算',
      '三、支出预算情况说明',
      '（二）社会保障和就业支出类科目 116433.12 元，占支出总预算 10.73%，同比增加 16803.36 元，增长 14.43%。',
    ]);
    expect(show(d, 'PERCENT_MISMATCH')).toEqual([
      ['error', 3, '16.87%', '14.43%', '变动率与金额不符：116433.12元比上年增加16803.36元，上年应为99629.76元，变动率应约为16.87%，文中写14.43%。'],
    ]);
  });
});

describe('a change after a 其中 list, of the list’s total', () => {
  const text = (rate: string) => [
    '某某局2025年部门预算',
    '（一）机关运行经费安排情况说明',
    `另外，下属共有 6 个事业单位，事业运行经费总预算安排 37337407.64 元，其中：基本支出预算 488180.64 元，项目支出预算 36849227 元，同比增加 27125219.46 元，增长 ${rate}%，增加主要原因为落实政策推进各项业务。`,
  ];
  it('its rate the total’s (27125219.46 over 10212188.18 = 265.6%): no flag, though the last item gives 279.0%', async () => {
    expect(show(await run(text('265.6')), 'PERCENT_MISMATCH')).toEqual([]);
  });
  it('a rate neither the total’s nor the item’s: flagged against the item, as before', async () => {
    expect(show(await run(text('250.6')), 'PERCENT_MISMATCH')).toEqual([
      ['error', 3, '279.0%', '250.6%', '变动率与金额不符：36849227元比上年增加27125219.46元，上年应为9724007.54元，变动率应约为279.0%，文中写250.6%。'],
    ]);
  });
});

describe('a share of a base named with its role word (占基本支出预算: a 广西 单位预算)', () => {
  const text = (share: string) => [
    '某某中心2023年单位预算',
    '五、一般公共预算支出情况说明',
    `1. 基本支出预算 881300.39 元，占一般公共预算支出的96.74%。其中：工资福利支出预算 716052.51 元，占基本支出预算81.25%；商品和服务支出预算 165247.88 元，占基本支出预算${share}%。`,
  ];
  it('the share its amounts give: no flag', async () => {
    expect(show(await run(text('18.75')), 'PERCENT_MISMATCH')).toEqual([]);
  });
  it('another share: flagged against 基本支出 (was not read: 基本支出预算 named no base)', async () => {
    expect(show(await run(text('18.96')), 'PERCENT_MISMATCH')).toEqual([
      ['error', 3, '18.75%', '18.96%', '占比与金额不符：165247.88元÷基本支出881300.39元约为18.75%，文中写18.96%。'],
    ]);
  });
});

describe('a 科目 item’s 其中 list splits the item, not the document (a 广西 单位预算)', () => {
  const lines = [
    '某某中心2024年单位预算',
    '五、一般公共预算支出情况说明',
    '（一）按支出功能分类科目划分，共分为以下类别：',
    '4. 住房保障支出类科目 19816.81 元，其中：基本支出 19816.81 元，项目支出 0元。主要用于人员经费保障。',
    '（二）按支出结构分类划分，分为基本支出预算和项目支出预算。',
    '1. 基本支出预算 2476260.58 元，占一般公共预算支出的84.06%。',
    '2. 项目支出 469500 元，占一般公共预算支出的 15.94%。',
  ];
  it('the item’s 基本支出 and 项目支出 name no document metric: the summary takes the document’s, no VALUE_CONFLICT', async () => {
    const d = await run(lines);
    expect(show(d, 'VALUE_CONFLICT')).toEqual([]);
    expect([d.summary.basic_expenditure?.value, d.summary.project_expenditure?.value]).toEqual([2476260.58, 469500]);
    expect(d.facts.filter((f) => f.loc.line === 4).map((f) => [f.label, f.metric, f.text])).toEqual([
      ['住房保障支出类科目', null, '19816.81'],
      ['基本支出', null, '19816.81'],
      ['项目支出', null, '0'],
    ]);
  });
});

describe('a list of items each split into 基本支出 and 项目支出 (a 广西 2021 单位预算)', () => {
  const lines = (head: string) => [
    '某某中心2021年单位预算',
    '五、一般公共预算支出情况说明',
    `2021 年一般公共预算拨款支出 1493924.6 元，其中：基本支出 1440224.6 元，项目支出 53700 元，具体支出预算如下：`,
    '（一）一般公共预算支出按支出功能分类科目划分。',
    `${head} 1100910.5 元，其中：基本支出 1100910.5 元，`,
    '项目支出 0元。主要用于事业单位日常运转。',
    '机关事业单位基本养老保险缴费支出 150384 元，其中：',
    '基本支出 150384 元，项目支出 0元。主要用于缴费支出。',
  ];
  it('the items’ splits name no document metric (the second across a line that ends with 其中：): the document’s stand, no VALUE_CONFLICT', async () => {
    const d = await run(lines('机构运行'));
    expect(show(d, 'VALUE_CONFLICT')).toEqual([]);
    // (the document's split is under its 一般公共预算 total: the fund's 基本支出; no item's figure stands for the document's)
    expect([d.summary.general_budget_basic_expenditure?.value, d.summary.basic_expenditure?.value, d.summary.project_expenditure?.value]).toEqual([1440224.6, undefined, undefined]);
    expect(d.facts.filter((f) => f.loc.line >= 5).map((f) => [f.label, f.metric])).toEqual([
      ['机构运行', null],
      ['基本支出', null],
      ['项目支出', null],
      ['机关事业单位基本养老保险缴费支出', null],
      ['基本支出', null],
      ['项目支出', null],
    ]);
  });
  it('one figure split so, named by no metric, may be the document’s own total: its parts keep theirs', async () => {
    const d = await run(['某某中心2021年单位预算', '二、支出预算情况说明', '本单位总支出 1493924.6 元，其中：基本支出 1440224.6 元，项目支出 53700 元。']);
    expect(d.facts.map((f) => [f.label, f.metric])).toEqual([
      ['总支出', null],
      ['基本支出', 'basic_expenditure'],
      ['项目支出', 'project_expenditure'],
    ]);
  });
});
