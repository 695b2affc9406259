// Synthetic variants of real paragraphs that the session-6 review used to attack the new rules (each once a
// false error or a lost true defect): the flags are pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT', 'MALFORMED_VALUE']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.found]);
/** A table exported from Word: one TAB-led cell per line, rows apart by blank lines. */
const tabTable = (rows: string[][]) => rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);

describe('a 万元 figure restating a 元 cell: rounded or cut off, never lower than the cut', () => {
  const doc = (fig: string) => [
    '上海市某区某局2025年部门预算',
    '一、部门预算编制说明',
    '2025年，上海市某区某局收入预算65.59万元，其中：财政拨款收入65.59万元。',
    `1.“社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）”${fig}万元，主要用于退休经费。`,
    '二、部门预算表',
    '2025年部门一般公共预算支出功能分类预算表',
    '单位：元',
    ...tabTable([
      ['功能分类科目编码', '功能分类科目名称', '合计', '基本支出', '项目支出'],
      ['208', '社会保障和就业支出', '655,900.00', '655,900.00', ''],
      ['20805', '行政事业单位养老支出', '655,900.00', '655,900.00', ''],
      ['2080501', '行政单位离退休', '655,900.00', '655,900.00', ''],
      ['', '合计', '655,900.00', '655,900.00', ''],
    ]),
  ];
  it('accepts 65.59 for 655,900.00元 and flags 65.58', async () => {
    expect(show(await run(doc('65.59')))).toEqual([]);
    expect(show(await run(doc('65.58')))).toEqual([['VALUE_CONFLICT', 'error', 4, '65.58万元']]);
  });
});

describe('a 类 from all sources against its fund table', () => {
  const doc = (fig: string) => [
    '江苏省某某厅2018年度部门预算',
    '第三部分 2018年度部门预算情况说明',
    '一、收支预算总体情况说明',
    '（一）收入预算总计9,402.60万元。包括：',
    '1．财政拨款收入预算总计8,402.60万元。',
    '2．其他资金收入预算总计1,000.00万元。',
    '（二）支出预算总计9,402.60万元。包括：',
    `1．一般公共服务（类）支出${fig}万元，主要用于机关运行。`,
    '2．住房保障支出1,220.00万元，主要用于住房公积金。',
    '八、一般公共预算支出预算表',
    '单位：万元',
    ...tabTable([
      ['功能科目代码', '功能科目名称', '金额'],
      ['', '合计', '8,402.60'],
      ['201', '一般公共服务支出', '7,182.60'],
      ['20101', '人大事务', '7,182.60'],
      ['2010101', '行政运行', '7,182.60'],
      ['221', '住房保障支出', '1,220.00'],
      ['22102', '住房改革支出', '1,220.00'],
      ['2210201', '住房公积金', '1,220.00'],
    ]),
  ];
  it('accepts the fund cell, or the cell plus all the money outside the table', async () => {
    expect(show(await run(doc('7,182.60')))).toEqual([]);
    expect(show(await run(doc('8,182.60')))).toEqual([]);
  });
  it('warns on a figure between the two (part of the outside money, or a wrong figure)', async () => {
    expect(show(await run(doc('7,482.60')))).toEqual([['VALUE_CONFLICT', 'warning', 8, '7,482.60万元']]);
  });
});

describe('words that are not what a rule reads', () => {
  const head = ['江苏省某某院2019年度部门预算', '一、收支预算总体情况说明'];
  it('a 减少 inside a rule the spending follows is no decrease (按照减少一般性支出要求安排培训经费)', async () => {
    expect(show(await run([...head, '本院2019年度支出预算1,200.00万元，比上年增加100.00万元，增长9.09%。主要原因是增加执法装备经费60.00万元、按照减少一般性支出要求安排培训经费40.00万元。']))).toEqual([]);
  });
  it('a prior figure of another subject in a remark is not the base of the change', async () => {
    expect(show(await run([...head, '本院2019年度支出预算12,000.00万元（2018年度基本支出为8,000.00万元），比2018年增加1,000.00万元，增长9.09%。']))).toEqual([]);
  });
  it('a second breakdown opened by 其中 adds no parts to the first', async () => {
    const lines = ['江苏省某某办公厅2017年度部门预算', '六、一般公共预算支出预算情况说明', '1、一般公共服务（类）支出1,701.00万元。', '（1）人大事务（款）支出1,600.00万元。', '（2）其他一般公共服务支出（款）101.00万元。', '其中基本支出中：', '（1）工资福利支出（款）900.00万元。', '（2）商品和服务支出（款）700.00万元。', '2、住房保障支出（类）300.00万元。'];
    expect(show(await run(lines))).toEqual([]);
  });
  it('a unitless figure after a colon is malformed only after a money label', async () => {
    expect(show(await run([...head, '指标一权重：0.30，指标二权重：0.50，容积率:1.50，版本号：3.10，']))).toEqual([]);
    expect(show(await run([...head, '“一般公共服务支出（类）人大事务（款）一般行政管理事务（项）”23.47万元，上年:23.52，主要用于人大会议经费。']))).toEqual([['MALFORMED_VALUE', 'error', 3, '23.52']]);
  });
});
