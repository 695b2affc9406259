// Lead, session 10: flags at one spot keep the most severe (a certain rule is not hidden by a looser one's
// warning), shown on the restatement of a 收支总表 total by its own row label (review s10 N1).
import { describe, expect, it } from 'vitest';
import { dedupe } from '../src/check/index.js';
import type { CheckedDocument, Flag } from '../src/model.js';
import { totalsReport } from './restate-fixtures.js';
import { checkLines as run } from './check-helpers.js';

// (the excerpts below hold no tables: MISSING_TABLE is not what is tested)
const errorsOf = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE').map((f) => [f.code, f.loc?.line]);

const flag = (severity: Flag['severity'], message: string, start = 3): Flag => ({
  code: 'VALUE_CONFLICT',
  severity,
  message,
  loc: { page: 2, line: 7, start, end: start + 6 },
  excerpt: '',
  expected: null,
  found: null,
});

describe('dedupe: one flag a spot, the most severe', () => {
  it('keeps the first of equals, and a later error in place of an earlier warning at the first one’s position', () => {
    const other = { ...flag('info', 'elsewhere'), code: 'BLANK_VALUE' as const };
    expect(dedupe([flag('warning', 'a'), flag('warning', 'b')]).map((f) => f.message)).toEqual(['a']);
    expect(dedupe([flag('warning', 'loose'), other, flag('error', 'certain', 5)]).map((f) => [f.severity, f.message])).toEqual([
      ['error', 'certain'],
      ['info', 'elsewhere'],
    ]);
    expect(dedupe([flag('error', 'certain'), flag('warning', 'loose')]).map((f) => f.message)).toEqual(['certain']);
    // spans that do not overlap are two spots
    expect(dedupe([flag('warning', 'a', 0), flag('error', 'b', 20)]).map((f) => f.message)).toEqual(['a', 'b']);
  });
});

describe('a 收支总表 total restated by its own row label, one cent off, is an error in the record', () => {
  const doc = (fig: string) => totalsReport(`2024年本年支出合计${fig}万元，其中：基本支出300.00万元；项目支出120.00万元。`, '420.00');
  const conflicts = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.expected, f.found]);
  it('gives no flag when it agrees and one error when it does not', async () => {
    expect(conflicts(await run(doc('420.00')))).toEqual([]);
    expect(conflicts(await run(doc('420.10')))).toEqual([['error', '420.00万元', '420.10万元']]);
  });
});

describe('counts after 其中 (narrative s10 M1) are summed only over kinds of one thing', () => {
  const doc = (sentence: string) => ['上海市某区某某局2024年度部门决算', '第一部分 部门概况', '二、机构设置及人员情况', sentence];
  const over = async (sentence: string) => (await run(doc(sentence))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.severity, f.expected, f.found]);
  it('flags kinds that add up to more than their count', async () => {
    expect(await over('截至2024年12月31日，本部门共有车辆3辆，其中：一般公务用车2辆、执法执勤用车2辆。')).toEqual([['error', '不超过3辆', '4辆']]);
  });
  it('leaves alone items that are no kinds of one thing: outside the total (另有…) or overlapping groups', async () => {
    expect(await over('本部门下属单位3个，其中：行政单位1个，事业单位2个，另有所属企业2个。')).toEqual([]);
    expect(await over('本部门实有人员30人，其中：党员18人、女职工15人。')).toEqual([]);
  });
});

describe('a numbered line whose amount was left blank is no heading (held-out blank_amount: a false 收支总计不平衡 error)', () => {
  // 江苏 预算 layout, the page's lines as printed: the blank item's line wraps before its change, so without its
  // figure it looked like a heading “（1）一般公共预算收入预算”, and every figure after it took that heading's fund.
  const doc = (fig: string) => [
    '江苏省某某厅2019年度部门预算',
    '第三部分 2019年度部门预算情况说明',
    '一、收支预算总体情况说明',
    '江苏省某某厅2019年度收入、支出预算总计600.00万元，与上年相比收、支预算总计各增加',
    '30.00万元，增长5.26%。其中：',
    '（一）收入预算总计600.00万元。包括：',
    '1．财政拨款收入预算总计600.00万元。',
    `（1）一般公共预算收入预算${fig}万元，与上年相比增`,
    '加30.00万元，增长5.26%。主要原因是人员增加。',
    '（2）政府性基金收入预算0万元。',
    '2．财政专户管理资金收入预算总计0万元。',
    '3．其他资金收入预算总计0万元。',
    '（二）支出预算总计600.00万元。包括：',
    '1．一般公共服务支出（类）支出600.00万元，主要用于机关运行。',
  ];
  const errors = async (fig: string) => errorsOf(doc(fig));
  it('gives the blank and nothing else', async () => {
    expect(await errors('600.00')).toEqual([]);
    expect(await errors('        ')).toEqual([['BLANK_VALUE', 8]]);
  });
});

describe('the rows under a 款 total stop at the next 类 line, however far (held-out ocr_thousands: a false 部分大于整体 error)', () => {
  // 江苏 预算: the 类 on a line of its own, its 款 total under it, then the 项; the second 款 total misread by OCR
  // (a thousands comma as a point) gives no figure, so its 项 must not be taken for more rows of the first 款.
  const doc = (second: string) => [
    '江苏省某某院2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '三、一般公共预算支出预算情况说明',
    '（一）公共安全支出（类）',
    '检察（款）：2018年预算支出合计5,300.00万元。其中：',
    '1．行政运行（项）支出3,000.00万元，与上年相比增加100.00万元，增长3.45%。主要原因是人员增加。',
    '2．一般行政管理事务（项）支出1,500.00万元，与上年相比增加50.00万元，增长3.45%。主要原因是设备购置。',
    '3．其他检察支出（项）支出800.00万元，与上年相比减少20.00万元，下降2.44%。主要',
    '原因是省检察院本级减少了检察办案费预算支出，相应减少',
    '了预算拨款和支出，并按照过紧日子的要求压减了一般性',
    '支出，会议费、培训费等按标准从严安排，差旅费按实际',
    '需要安排，办公设备购置按资产配置标准从严控制，其他',
    '支出相应压减，公务接待按标准从严控制，公务用车运行维护',
    '费按实际需要安排，因公出国（境）按计划从严审批，各项',
    '支出相应压减。',
    '（二）社会保障和就业支出（类）',
    `行政事业单位养老支出（款）：2018年预算支出合计${second}万元。其中：`,
    '1．机关事业单位基本养老保险缴费支出（项）支出1,200.00万元，与上年相比增加1,200.00万元。主要原因是政策调整。',
    '2．机关事业单位职业年金缴费支出（项）支出600.00万元，与上年相比增加600.00万元。主要原因是政策调整。',
  ];
  const errors = async (second: string) => errorsOf(doc(second));
  it('gives the malformed figure and nothing else', async () => {
    expect(await errors('1,800.00')).toEqual([]);
    expect(await errors('1.800.00')).toEqual([['MALFORMED_VALUE', 17]]);
  });
});
