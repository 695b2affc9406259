// Claims on layouts first met outside the corpus (issue 11): small documents written in the phrasing and
// structure of real reports (江苏 省级部门预算 2017-2019: a change explained by the changes of its reasons,
// then a 其中 of （一）收入 / （二）支出 blocks each with its own numbered list), run through the whole
// pipeline; the flags are pinned exactly. Figures are made up; the structure is what is tested.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { CheckedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const run = async (lines: string[]): Promise<CheckedDocument> => check(extract(segment(await ingest(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' }))));
const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT', 'MALFORMED_VALUE']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const HEAD = ['江苏省某某厅2018年度部门预算', '第三部分 江苏省某某厅2018年度预算情况说明', '一、收支预算总体情况说明'];

describe('a change explained by its reasons, then a 其中 of （一）/（二） blocks', () => {
  // The reasons' last figure (单位预留机动经费增加2050.20万元) is followed by 。其中：, but the list is of the
  // paragraph's totals; the 类 changes of （二） add up to the total change 3100.50, so taking 2050.20 as
  // their total made −3100.50 + 2050.20 + 3100.50 “fit” with the restated total change turned around.
  const doc = (social: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计21500.00万元，与上年相比收、支预算总计各增加3100.50万元，增长16.85%。',
    '主要原因是基本支出增加1200.30万元、项目支出安排减少150万元、单位预留机动经费增加2050.20万元。其中：',
    '（一）收入预算总计21500.00万元。包括：',
    '1．财政拨款收入预算总计21500.00万元。',
    '一般公共预算收入预算21500.00万元，与上年相比增加3100.50万元，增长16.85%。主要原因是基本支出增加养老保险缴费等1200.30万元、项目经费支出安排减少租赁费150万元、单位预留机动经费增加2050.20万元。',
    '（二）支出预算总计21500.00万元。包括：',
    '1．公共安全（类）支出17000.00万元，主要用于人员支出、日常公用支出。与上年相比增加2000.00万元，增长13.33%。',
    `2．社会保障和就业（类）支出1500.00万元，主要用于离退休人员的经费支出。与上年相比${social}100.00万元，${social}6.25%。`,
    '3．住房保障（类）支出3000.00万元，主要用于提租补贴、住房公积金支出。与上年相比增加1200.50万元，增长66.71%。',
  ];

  it('takes no reason of the sentence before 其中 as the total of the list (江苏高院 2018 p17, 2019 p19)', async () => {
    expect(show(await run(doc('减少')))).toEqual([]);
  });
});

describe('a numbered list announced after a 其中 that opens （一）/（二） blocks', () => {
  // “…增加基本支出600.00万元。其中：” opens （一）（二）; the 1．2．3． items belong to （二）'s 包括.
  const doc = (first: string) => [
    ...HEAD,
    '江苏省某某厅2018年度收入、支出预算总计9800.00万元，与上年相比收、支预算总计各增加600.00',
    '万元，增长6.52%。主要原因是政策性增资、住房公积金调整等原因，增加基本支出600.00万元。其中：',
    '（一）收入预算总计9800.00万元。全部由省财政拨款。',
    '（二）支出预算总计9800.00万元。包括：',
    `1．一般公共服务支出${first}万元，主要用于在职人员工资福利支出。`,
    '2．社会保障和就业支出1300.00万元，主要用于离退休人员工资发放。',
    '3．住房保障支出1000.00万元，主要用于住房公积金和提租补贴发放。',
  ];

  it('does not read the items as parts of the amount before the outer 其中 (江苏人大 2017 p23)', async () => {
    expect(show(await run(doc('7500.00')))).toEqual([]);
  });

  it('still reads them as parts of the total that announces them', async () => {
    expect(show(await run(doc('7600.00')))).toEqual([['SUM_MISMATCH', 'error', 7, '不超过9800.00万元', '9900.00万元']]);
  });
});
