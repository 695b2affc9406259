// Narrative figures reconciled with the other figures the prose prints (issue 11, session 8): small documents
// in the layout of real 江苏 省级部门预算 explanations (a 类 with its 款 described at length, 项 listed under
// 类 headings, a total's change with its items' changes), run through the whole pipeline; the flags are
// pinned exactly. Figures are made up; the structure is what is tested.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { CheckedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const run = async (lines: string[]): Promise<CheckedDocument> => check(extract(segment(await ingest(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' }))));
const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const JS = ['江苏省某某厅2017年度部门预算', '第二部分 部门预算情况说明'];

describe('a 类 and its 款, each described (“不包括…” in a description announces no other list)', () => {
  // 90 + 12 + 48.30 + 20 + 15.50 + 8 = 193.80: whole 万元 among figures to the 分 are the table's 90.00 written
  // short, so 18.50 for 15.50 is past the list's rounding.
  const doc = (repair: string) => [
    ...JS,
    '六、财政拨款基本支出预算表情况说明',
    '（二）公用经费193.80万元',
    '商品和服务支出（类）193.80万元',
    '（1）办公费（款）支出90万元。用于单位购买办公用品、书报杂志等支出。',
    '（2）水费（款）支出12万元。用于单位支付的水费等支出。',
    '（3）维修（护）费（款）支出48.30万元。用于单位日常开支的固定资产（不包括车船等交通工具）修理和维护费用。',
    '（4）差旅费（款）支出20万元。用于单位职工出差发生的交通费、住宿费等支出。',
    `（5）工会经费（款）支出${repair}万元。反映单位按规定提取的工会经费。`,
    '（6）福利费（款）支出8万元。反映单位按规定提取的福利费。',
  ];

  it('flags items past the 不包括 that add up to more than their 类', async () => {
    expect(show(await run(doc('18.50')))).toEqual([['SUM_MISMATCH', 'error', 5, '不超过193.80万元', '196.80万元']]);
  });

  it('is silent where they add up', async () => {
    expect(show(await run(doc('15.50')))).toEqual([]);
  });
});

describe('项 listed under 类 headings after a total’s 其中 (a heading joined to the item under it)', () => {
  // 4,120.35 + 2,030.65 + 600 + 310.20 + 420.80 = 7,482.00: the first item under each heading is labelled by
  // its own 款/项, not by what the heading's ordinal leaves (“项）”), so it counts as a row of the list.
  const doc = (first: string) => [
    ...JS,
    '五、财政拨款支出预算情况说明',
    '江苏省某某厅2017年度财政拨款预算支出7,482.00万元，占本年支出合计的100%。与上年相比，财政拨款支出增加512.30万元，增长7.35%。主要原因是政策性增资等。其中：',
    '（一）一般公共服务支出（类）',
    `1.某某事务（款）行政运行（项）${first}万元，与上年相比增加210.35万元，增长5.38%。`,
    '2.某某事务（款）一般行政管理事务（项）2,030.65万元，与上年相比增加150.65万元，增长8.01%。',
    '3.某某事务（款）其他某某事务支出（项）600万元，与上年数一致。',
    '（二）社会保障和就业支出（类）',
    '1.行政事业单位离退休（款）未归口管理的行政单位离退休（项）310.20万元，与上年数一致。',
    '（三）住房保障支出（类）',
    '1.住房改革支出（款）住房公积金（项）420.80万元，与上年相比增加151.30万元，增长56.14%。',
  ];

  it('flags items that add up to more than the total', async () => {
    expect(show(await run(doc('4,120.55')))).toEqual([['SUM_MISMATCH', 'error', 4, '不超过7,482.00万元', '7482.20万元']]);
  });

  it('is silent where they add up', async () => {
    expect(show(await run(doc('4,120.35')))).toEqual([]);
  });
});

describe('a total’s change against its items’ changes, the items proven complete by their levels', () => {
  // 6,210.45 + 820.30 + 715.25 = 7,746.00, so every item with a figure this year is listed; an item that fell
  // to 0 could be left out with its change, which would only make the total's change smaller: −12.40 + 95.60 +
  // 306.80 = 390.00 bounds it.
  const doc = (total: string, housing: string, rate = '5.30') => [
    ...JS,
    '五、财政拨款支出预算表情况说明',
    '江苏省某某厅2017年财政拨款预算支出7,746.00万元，占本年支出合计的100%。与上年相比，财政拨款支出增加',
    `${total}万元，增长${rate}%。其中：`,
    '1.某某事务行政运行（项）支出6,210.45万元，与上年相比减少12.40万元，减少0.20%。',
    '2.社会保障和就业支出820.30万元，与上年相比增加95.60万元，增长13.19%。',
    `3.住房保障支出715.25万元，与上年相比增加${housing}万元。主要原因是政策性调增住房公积金。`,
  ];

  it('flags a total change above what its items’ changes add up to (the total changed)', async () => {
    expect(show(await run(doc('390.05', '306.80')))).toEqual([['SUM_MISMATCH', 'error', 5, '增加390.00万元以内', '增加390.05万元']]);
  });

  it('flags it where an item’s change was lowered', async () => {
    expect(show(await run(doc('390.00', '306.70')))).toEqual([['SUM_MISMATCH', 'error', 5, '增加389.90万元以内', '增加390.00万元']]);
  });

  it('is silent where the changes add up, and where the total’s is the smaller (an item gone to 0 left out)', async () => {
    expect(show(await run(doc('390.00', '306.80')))).toEqual([]);
    expect(show(await run(doc('380.00', '306.80', '5.16')))).toEqual([]);
  });
});
