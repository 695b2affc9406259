// Clean traps from the session-8 review fixed by the lead: wordings a correct checker leaves without an error,
// each once a false error, with the true defect in the same wording that must still be caught. Flags pinned.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { makeVariant } from '../scripts/gen-variants.js';
import { checkLines as run } from './check-helpers.js';

const errors = (d: CheckedDocument) => d.flags.filter((f) => f.severity === 'error' && !f.code.startsWith('MISSING_')).map((f) => [f.code, f.loc?.line, f.found]);

describe('a 预算 states last year’s budget beside its own (review s8 r16)', () => {
  const doc = (a: string, b: string, c: string) => [
    '某某省某某厅2025年部门预算',
    '第二部分 2025年部门预算情况说明',
    '一、一般公共预算支出预算情况',
    `1.教育支出（类）普通教育（款）高中教育（项）2025年预算数为520.00万元，2024年预算数为500.00万元，增加20.00万元，增长${a}%。`,
    `2.“住房保障支出（类）住房改革支出（款）提租补贴（项）”84.00万元，上年预算数70.00万元，比上年增加14.00万元，增长${b}%。`,
    `3.“住房保障支出（类）住房改革支出（款）购房补贴（项）”36.00万元，较2024年预算数45.00万元减少9.00万元，下降${c}%。`,
  ];
  it('reads the change from last year’s budget, not from it', async () => {
    expect(errors(await run(doc('4.00', '20.00', '20.00')))).toEqual([]);
  });
  it('still flags a rate that is not the change over last year’s budget', async () => {
    expect(errors(await run(doc('3.85', '16.67', '25.00')))).toEqual([
      ['PERCENT_MISMATCH', 4, '3.85%'],
      ['PERCENT_MISMATCH', 5, '16.67%'],
      ['PERCENT_MISMATCH', 6, '25.00%'],
    ]);
  });
});

describe('a 决算 with two budgets: each claim and rate names its own (review s8 r11)', () => {
  const doc = (claim1: string, rate1: string, rate2: string, claim2: string, claim3: string) => [
    '某某市某某局2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '五、一般公共预算财政拨款支出决算情况说明',
    `1.教育支出（类）普通教育（款）小学教育（项）。年初预算为200.00万元，调整预算为240.00万元，支出决算为220.00万元，完成调整预算的${rate1}%。决算数${claim1}年初预算数的主要原因是年中追加经费。`,
    `2.教育支出（类）普通教育（款）初中教育（项）。年初预算为80.00万元，全年预算数为64.00万元，支出决算为72.00万元，完成年初预算的${rate2}%。决算数${claim2}年初预算数，主要原因是项目调减；决算数${claim3}全年预算数的原因是使用上年结转资金。`,
  ];
  it('compares each with the budget it names', async () => {
    expect(errors(await run(doc('大于', '91.67', '90.00', '小于', '大于')))).toEqual([]);
  });
  it('still flags a claim or rate that its own budget contradicts', async () => {
    expect(errors(await run(doc('小于', '92.67', '92.00', '大于', '小于')))).toEqual([
      ['PERCENT_MISMATCH', 4, '92.67%'],
      ['PERCENT_MISMATCH', 5, '92.00%'],
      ['DIRECTION_CONFLICT', 4, '决算数小于年初预算数'],
      ['DIRECTION_CONFLICT', 5, '决算数大于年初预算数'],
      ['DIRECTION_CONFLICT', 5, '决算数小于全年预算数'],
    ]);
  });
});

describe('a 类’s rows end at the next 类’s line, which has no figure of its own (review s8 R7)', () => {
  const doc = (a: string, rate: string) => [
    '某某省某某院2019年部门预算',
    '第二部分 2019年部门预算情况说明',
    '五、一般公共预算支出预算情况说明',
    '  1．公共安全（类）支出300.00万元，主要用于检察业务。',
    '  其中：',
    '   （一）公共安全（类）',
    `   1．检察（款）行政运行（项）支出${a}`,
    '万元，与上年相比增加 10.00',
    `万元，增长 ${rate} %。主要原`,
    '因是人员经费增加。',
    '  2．检察（款）事业运行(项)支出 ',
    '100 万元，主要是学院运行',
    '费项目支出。上年《财政拨款支出预算表》（表5）',
    '无此项级科目。',
    '  （二）社会保障和就业支出（类）',
    '  1．行政事业单位离退休（款）机关事业单位基本养老保险',
    '费（项）支出80.00万元，与',
    '上年相比增加 5.00万元，增加',
    '6.67 %。主要原因是缴费基数调整。',
  ];
  it('adds no row of the next 类 to the first', async () => {
    expect(errors(await run(doc('200.00', '5.26')))).toEqual([]);
  });
  it('still flags rows of the 类 that add up to more than it', async () => {
    expect(errors(await run(doc('210.00', '5.00'))).map((f) => f[0])).toEqual(['SUM_MISMATCH']);
  });
});

describe('a heading that opens with a section’s name is that section’s, though a longer name stands beside it (review s8 R6)', () => {
  // (the 预算 variant of scripts/gen-variants.ts, its 政府采购 heading written 政府采购支出预算情况说明)
  // (its text a line too long to stand for a heading)
  const lines = (heading: string) =>
    makeVariant('yusuan', 'none').lines.map((l) => (l === '三、政府采购情况说明' ? heading : /^\d{4}年政府采购预算0万元。$/u.test(l) ? '本部门政府采购预算总额60.00万元，其中：政府采购货物预算10.00万元、政府采购服务预算50.00万元。' : l));
  const sections = async (heading: string) => (await run(lines(heading))).flags.filter((f) => f.code === 'MISSING_SECTION').map((f) => f.expected);
  it('finds the 政府采购 section under 政府采购支出预算情况说明', async () => {
    expect(await sections('三、政府采购支出预算情况说明')).toEqual([]);
  });
  it('still misses it where no heading names it', async () => {
    expect(await sections('三、其他支出预算情况说明')).toEqual(['政府采购情况说明']);
  });
});

describe('原因是 ending a paragraph is not proven blank (review s8 L1: a raw dump prints the reason before it, across a page foot)', () => {
  const doc = (tail: string) => [
    '某某省某某厅2018年部门预算',
    '第二部分 2018年部门预算情况说明',
    '八、政府性基金预算支出情况说明',
    '本部门无此项预算收支。',
    '29',
    `%。主要原因是${tail}`,
    '第四部分 名词解释',
  ];
  const blanks = async (tail: string) => (await run(doc(tail))).flags.filter((f) => f.code === 'BLANK_VALUE').map((f) => f.found ?? f.message);
  it('leaves it alone', async () => {
    expect(await blanks('')).toEqual([]);
  });
  it('still flags 原因是 followed by its full stop', async () => {
    expect((await blanks('。')).length).toBe(1);
  });
});

describe('a 决算 figure in brackets after 较上年决算数 is the base; one in 元 after a figure restates it (review s8 L2, L3)', () => {
  const head = ['某某市某某局2024年度部门决算', '第三部分 2024年度部门决算情况说明', '七、财政拨款“三公”经费支出决算情况说明'];
  it('reads the rate over the bracketed prior', async () => {
    expect(errors(await run([...head, '机关运行经费支出80.00万元，较上年决算数（75.00万元）增加5.00万元，增长6.67%。']))).toEqual([]);
    expect(errors(await run([...head, '机关运行经费支出80.00万元，较上年决算数（75.00万元）增加5.00万元，增长6.25%。']))).toEqual([['PERCENT_MISMATCH', 4, '6.25%']]);
  });
  it('takes no 元 restatement for a total of its own', async () => {
    const lines = [...head, '2024年度“三公”经费财政拨款支出预算为0.95万元（9,500.00元），支出决算为0万元，完成预算的0%。', '因公出国（境）费支出决算为0万元，公务用车购置及运行费支出决算为0万元，公务接待费支出决算为0万元。'];
    expect(errors(await run(lines))).toEqual([]);
  });
});
