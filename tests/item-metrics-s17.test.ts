// Session 17: a department's report that gives each unit a section of its own (深圳 2026 部门预算, 第三部分 部门预算支出
// 具体情况: 一、…（本级） 二、…办公室 三、…中心, each “预算X万元，包括在职人员经费…、公用经费…、项目支出…”). The units'
// 公用经费 and 项目支出 are not the department's: before, the summary took the 本级's (142,220.85 of a 571,347.93
// department) and every other unit's figure was a “同一数据前后不一致” warning against it.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const conflicts = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

const unit = (n: string, name: string, total: string, pub: string, proj: string) => [
  `${n}、${name}`,
  `${name}预算${total}万元，包括在职人员经费100.00万元、公用经费${pub}万元、项目支出${proj}万元。`,
];

const report = (third: string[]) => [
  '深圳市某某局2026年部门预算',
  '第一部分 部门概况',
  '一、部门职责',
  '负责全市某某工作。',
  '第二部分 部门预算收支总体情况',
  '2026年深圳市某某局部门预算收入1,000.00万元，部门预算支出1,000.00万元。',
  '第三部分 部门预算支出具体情况',
  ...third,
];

describe('units each in a section of their own', () => {
  const three = [
    ...unit('一', '深圳市某某局（本级）', '600.00', '30.00', '470.00'),
    ...unit('二', '深圳市某某管理办公室', '250.00', '20.00', '130.00'),
    ...unit('三', '深圳市某某监测中心', '150.00', '10.00', '40.00'),
  ];

  it('their 公用经费 and 项目支出 are neither the summary nor conflicts', async () => {
    const d = await run(report(three));
    expect(conflicts(d)).toEqual([]);
    expect(d.summary.public_expenses).toBeUndefined();
    expect(d.summary.project_expenditure).toBeUndefined();
    // the units' figures are still there, with their words
    expect(d.facts.filter((f) => f.from === 'text' && f.label === '公用经费').map((f) => [f.value, f.metric])).toEqual([
      [30, null],
      [20, null],
      [10, null],
    ]);
  });

  it('one figure restated in three sections, one copy changed, is still a conflict', async () => {
    const d = await run(report([...unit('一', '甲单位', '600.00', '30.00', '470.00'), ...unit('二', '乙单位', '600.00', '30.00', '470.00'), ...unit('三', '丙单位', '600.00', '30.00', '407.00')]));
    expect(conflicts(d)).toEqual([['warning', 13, '470.00万元', '407.00万元']]);
  });
});

describe('a metric stated 科目 by 科目', () => {
  // 西安 民政局: each 科目 of the 一般公共预算 list says what it holds — its own 人员经费 and 公用经费.
  const lines = [
    '西安市某某局2026年部门预算',
    '一、一般公共预算拨款支出明细情况',
    '2026年本部门当年一般公共预算支出 300.00 万元，其中：',
    '（1）进修及培训（20508）100.00 万元，较上年增加 100.00 万元。具体为：人员经费 0.00 万元，较上年无变化；公用经费 28.32 万元，较上年增加 28.32 万元。',
    '（2）民政管理事务（20802）150.00 万元，较上年减少 20.00 万元。具体为：人员经费 120.00 万元，较上年增加 3.00 万元；公用经费 30.00 万元，较上年减少 2.00 万元。',
    '（3）行政事业单位养老支出（20805）50.00 万元，较上年减少 7.45 万元。具体为：人员经费 45.00 万元，较上年减少 7.45 万元；公用经费 5.00 万元，较上年无变化。',
  ];

  it('no one 科目’s 人员经费 or 公用经费 is the document’s, and none conflicts with another', async () => {
    const d = await run(lines);
    expect(conflicts(d)).toEqual([]);
    expect(d.summary.personnel_expenses).toBeUndefined();
    expect(d.summary.public_expenses).toBeUndefined();
    expect(d.facts.filter((f) => f.label === '人员经费' && f.role === 'budget').map((f) => [f.value, f.metric, f.about?.scope])).toEqual([
      [0, null, 'item'],
      [120, null, 'item'],
      [45, null, 'item'],
    ]);
  });

  it('two 科目 are no list: their statements keep the metric (one figure and a changed copy stay checked)', async () => {
    const d = await run(lines.slice(0, 5));
    expect(d.facts.filter((f) => f.label === '人员经费' && f.role === 'budget').map((f) => f.metric)).toEqual(['personnel_expenses', 'personnel_expenses']);
  });
});
