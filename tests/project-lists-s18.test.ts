// Session 18: a count of projects and the money they involve, against the projects then summarised one by one
// (the seed's 鄂城区总工会 2023 决算: 项目1个，共涉及资金6.08万元 / “女职工体检”项目…全年预算数为6.08万元).
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const show = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH' && /项目金额/.test(f.message)).map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

const report = (count: string, total: string, projects: [string, string][]) => [
  '某区总工会2023年度部门决算',
  '第三部分 其他重要事项的情况说明',
  '一、预算绩效管理工作开展情况',
  `根据预算绩效管理要求，本部门对2023年度一般公共预算项目支出全面开展绩效自评，项目${count}个，共涉及资金${total}万元，占一般公共预算项目支出总额的100%。`,
  ...projects.flatMap(([name, budget]) => [
    `“${name}”项目绩效自评综述：根据年初设定的绩效目标，绩效自评得分为95分。项目全年预算数为${budget}万元，执行数为4.28万元。`,
  ]),
  '二、其他事项',
  '无。',
];

describe('the money a count of projects involves, against the projects summarised one by one', () => {
  it('agrees: no flag, the summary printed twice counting once', async () => {
    expect(show(await run(report('1', '6.08', [['女职工体检', '6.08'], ['女职工体检', '6.08']])))).toEqual([]);
    expect(show(await run(report('2', '16.08', [['女职工体检', '6.08'], ['职工书屋', '10.00']])))).toEqual([]);
  });
  it('differs: a warning on the count’s money', async () => {
    expect(show(await run(report('1', '6.09', [['女职工体检', '6.08']])))).toEqual([['warning', 4, '6.08万元', '6.09万元']]);
    expect(show(await run(report('2', '16.80', [['女职工体检', '6.08'], ['职工书屋', '10.00']])))).toEqual([['warning', 4, '16.08万元', '16.80万元']]);
  });
  it('no verdict where the summaries do not reach the count, or one project has two budgets', async () => {
    expect(show(await run(report('3', '16.80', [['女职工体检', '6.08'], ['职工书屋', '10.00']])))).toEqual([]);
    expect(show(await run(report('1', '6.09', [['女职工体检', '6.08'], ['女职工体检', '6.50']])))).toEqual([]);
  });
});
