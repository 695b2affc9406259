// Session 13, share: two false errors on an unseen university 预算 (reviewer s13) — a figure ending one line of an
// indented page-text paragraph with its 万元 opening the next (no blank), and shares of a list stated against one
// of two totals its sentence gives. Synthetic text, invented figures.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline.js';

const flagsOf = async (lines: string[], code: string) =>
  (await processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' })).flags
    .filter((f) => f.code === code)
    .map((f) => `${f.severity} ${f.loc?.line} ${f.expected ?? ''} ${f.found ?? ''}`);

describe('a unit opening an indented line after the figure that ends the line above is no blank', () => {
  // (a pdftotext -layout paragraph, indented: the figure ends a line, its 万元 opens the next)
  const page = [
    '某某大学2024年度部门预算',
    '        （一）收支预算情况说明',
    '          我校 2024 年收支总预算 6,120.50 万元，其中本年收',
    '        入预算 5,000.25 万元，使用非财政拨款结余 120.25',
    '        万元，上年结转 1,000.00 万元；本年支出预算 5,620.50',
    '        万元，结转下年 500.00 万元。',
    '          学校本年支出合计',
    '        万元，与上年相比持平。',
  ];
  it('the wrapped figures’ units are not flagged; a unit after words, with no figure, still is', async () => {
    expect(await flagsOf(page, 'BLANK_VALUE')).toEqual(['error 8 数字 空白']);
  }, 30_000);
});

describe('a share is wrong only if no total its words may mean reproduces it', () => {
  const head = ['某某大学2024年部门预算', '一、收支预算情况说明', '我校2024年收支总预算5,000.00万元，其中本年收入预算4,200.00万元，上年结转800.00万元；本年支出预算4,200.00万元，结转下年800.00万元。', '二、支出预算情况说明'];
  // (the sentence states two totals: 支出预算 with the carry-over, and in brackets the year's own)
  const sentence = (edu: string) => [...head, `我校2024年支出预算5,000.00万元（本年支出预算4,200.00万元），其中：教育支出4,100.00万元，占总支出的${edu}%；科学技术支出100.00万元，占2.00%；结转下年800.00万元，占总支出的16.00%。`];
  it('shares of the total the sentence states first, not of the bracketed one: no flag', async () => {
    expect(await flagsOf(sentence('82.00'), 'PERCENT_MISMATCH')).toEqual([]);
  }, 30_000);
  it('a share no stated total reproduces is still an error, naming the other total tried; its right neighbour is not flagged', async () => {
    expect(
      (await processDocument(new TextEncoder().encode(sentence('81.00').join('\n') + '\n'), { ocr: 'off' })).flags
        .filter((f) => f.code === 'PERCENT_MISMATCH')
        .map((f) => `${f.severity} ${f.message}`),
    ).toEqual(['error 占比与金额不符：4,100.00万元÷支出4,200.00万元约为97.62%，文中写81.00%；按我校支出5,000.00万元计约为82.00%，也不相符。']);
  }, 30_000);
  // (no total in the sentence: its paragraph lists every part with its share, under two base wordings)
  const listed = (edu: string) => [...head, `教育支出4,100.00万元，占总支出的${edu}%；科学技术支出100.00万元，占2.00%；结转下年800.00万元，占总支出的16.00%。`];
  it('shares of the sum of all the parts the paragraph lists (100% together): no flag', async () => {
    expect(await flagsOf(listed('82.00'), 'PERCENT_MISMATCH')).toEqual([]);
  }, 30_000);
  // (a 收支总表 with 本年支出合计 and 支出总计 rows: 占总支出 may mean either)
  const row = (...cells: string[]) => [...cells.map((c) => `\t${c}`), ''];
  const table = (edu: string) => [
    '某某大学2024年部门预算',
    '一、收支预算总表',
    '单位：万元',
    ...row('项目', '预算数', '项目', '预算数'),
    ...row('本年收入合计', '4,200.00', '本年支出合计', '4,200.00'),
    ...row('上年结转', '800.00', '结转下年', '800.00'),
    ...row('收入总计', '5,000.00', '支出总计', '5,000.00'),
    '二、支出预算情况说明',
    `教育支出4,100.00万元，占总支出的${edu}%；结转下年800.00万元，占总支出的16.00%。`,
  ];
  it('shares of the table’s 支出总计 row, not its 本年支出合计: no flag, no warning', async () => {
    expect(await flagsOf(table('82.00'), 'PERCENT_MISMATCH')).toEqual([]);
  }, 30_000);
  it('a share neither row reproduces: an error naming both', async () => {
    expect(
      (await processDocument(new TextEncoder().encode(table('81.00').join('\n') + '\n'), { ocr: 'off' })).flags
        .filter((f) => f.code === 'PERCENT_MISMATCH')
        .map((f) => `${f.severity} ${f.message}`),
    ).toEqual(['error 占比与金额不符：4,100.00万元÷本年支出合计4,200.00万元约为97.62%，文中写81.00%；按支出总计5,000.00万元计约为82.00%，也不相符。']);
  }, 30_000);
});
