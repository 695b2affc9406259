// Session 20 (renwu 2026 预算, 湖州): a 财政拨款收支总表 whose 支出 half names every 科目 with no code and no
// numbering, nested by indentation only (科学技术支出 / 基础研究 / 实验室及相关设施 …). Its 支出总计 must be the
// sum of its 类 rows; the 类 are told by the codes the document's 科目 tables print beside the same names.
// Real: 湖州 卫健委 2026 预算04 prints 支出总计 38191.21 under 类 rows that add up to 64618.76 (and the text's
// 64618.75). Names and figures below are made up; the layout is the real one.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
const sums = (d: Awaited<ReturnType<typeof run>>) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => `${f.severity} ${f.message}`);

/** 预算04 with the 支出 half by name (its 支出总计 and the 收入 half given, balanced), then 预算05 with codes. */
const report = (total: string, classLabels: [string, string, string] = ['科学技术支出', '社会保障和就业支出', '住房保障支出']) =>
  [
    '某某单位2026年部门预算',
    '',
    at(['表04', 90, '<']),
    at(['2026年市级部门财政拨款收支预算总表', 27, '<']),
    at(['606-某某单位', 0, '<'], ['单位：万元', 90, '<']),
    at(['收       入', 15, '<'], ['支       出', 60, '<']),
    at(['项         目', 9, '<'], ['预算数', 30, '<'], ['项       目', 62, '<'], ['预算数', 90, '<']),
    at(['一、财政拨款', 0, '<'], [total, 40, '>'], [classLabels[0], 45, '<'], ['100.00', 96, '>']),
    at(['一般公共预算', 4, '<'], [total, 40, '>'], ['基础研究', 47, '<'], ['100.00', 96, '>']),
    at(['政府性基金预算', 4, '<'], ['实验室及相关设施', 48, '<'], ['100.00', 96, '>']),
    at(['国有资本经营预算', 4, '<'], [classLabels[1], 45, '<'], ['200.00', 96, '>']),
    at(['行政事业单位养老支出', 47, '<'], ['200.00', 96, '>']),
    at(['行政单位离退休', 48, '<'], ['200.00', 96, '>']),
    at([classLabels[2], 45, '<'], ['40.00', 96, '>']),
    at(['住房改革支出', 47, '<'], ['40.00', 96, '>']),
    at(['住房公积金', 48, '<'], ['40.00', 96, '>']),
    at(['本年收入合计', 9, '<'], [total, 40, '>']),
    at(['上年结转结余', 0, '<']),
    at(['收   入   总   计', 9, '<'], [total, 40, '>'], ['支   出   总   计', 62, '<'], [total, 96, '>']),
    '',
    at(['表05', 90, '<']),
    at(['2026年市级部门一般公共预算支出表', 26, '<']),
    at(['606-某某单位', 0, '<'], ['单位：万元', 90, '<']),
    at(['科目编码', 8, '<'], ['科目名称', 26, '<'], ['合       计', 44, '<'], ['基本支出', 62, '<'], ['项目支出', 80, '<']),
    at(['合计', 26, '<'], ['340.00', 54, '>'], ['240.00', 70, '>'], ['100.00', 88, '>']),
    at(['206', 0, '<'], ['科学技术支出', 16, '<'], ['100.00', 54, '>'], ['100.00', 88, '>']),
    at(['20602', 1, '<'], ['基础研究', 17, '<'], ['100.00', 54, '>'], ['100.00', 88, '>']),
    at(['2060204', 6, '<'], ['实验室及相关设施', 17, '<'], ['100.00', 54, '>'], ['100.00', 88, '>']),
    at(['208', 0, '<'], ['社会保障和就业支出', 16, '<'], ['200.00', 54, '>'], ['200.00', 70, '>']),
    at(['20805', 1, '<'], ['行政事业单位养老支出', 17, '<'], ['200.00', 54, '>'], ['200.00', 70, '>']),
    at(['2080501', 6, '<'], ['行政单位离退休', 17, '<'], ['200.00', 54, '>'], ['200.00', 70, '>']),
    at(['221', 0, '<'], ['住房保障支出', 16, '<'], ['40.00', 54, '>'], ['40.00', 70, '>']),
    at(['22102', 1, '<'], ['住房改革支出', 17, '<'], ['40.00', 54, '>'], ['40.00', 70, '>']),
    at(['2210201', 6, '<'], ['住房公积金', 17, '<'], ['40.00', 54, '>'], ['40.00', 70, '>']),
    '',
  ].join('\n');

describe('a 收支总表 half that names its 科目 without codes or numbers (湖州 预算04)', () => {
  it('flags a 支出总计 that is not the sum of its 类 rows', async () => {
    const d = await run(report('300.00'));
    expect(sums(d)).toEqual([
      'error 预算04财政拨款收支总表第1页“支出总计”的“预算数”为300.00万元：“支出总计”应为“科学技术支出”、“社会保障和就业支出”、“住房保障支出”之和340.00万元。',
    ]);
  });

  it('is silent where the 类 rows add up', async () => {
    expect(sums(await run(report('340.00')))).toEqual([]);
  });

  it('gives no verdict where a row with a figure is no 科目 the tables code (a 类 name no table prints)', async () => {
    // (住房保障支出 printed as 住房保障 in the 收支总表 only: the half's 类 cannot all be told)
    expect(sums(await run(report('300.00', ['科学技术支出', '社会保障和就业支出', '住房保障'])))).toEqual([]);
  });
});
