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
