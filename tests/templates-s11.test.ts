// Session 11, templates: indicator values with Latin/symbol units, university column roles, family parts.
import { describe, expect, it } from 'vitest';
import { isMalformed } from '../src/extract/indicators/values.js';
import { makeVariant } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';
import { columnKey } from '../src/extract/ledger.js';

describe('indicator values with a unit', () => {
  it('accepts a number with a Latin or symbol unit (绩效指标 of a university 预算: ≥3940KVA, ≥10153.1㎡)', () => {
    for (const v of ['≥3940KVA', '≥10153.1㎡', '50m²', '≥1,200人次', '20kW/h', '≤5MB/s']) expect([v, isMalformed(v)]).toEqual([v, false]);
  });
  it('still rejects a stray sign, a doubled symbol or a broken number', () => {
    for (const v of ['100&', '98%%', '9.8.5', '≥12,34万元', '30KVA%']) expect([v, isMalformed(v)]).toEqual([v, true]);
  });
});

describe('the university family’s explanation part', () => {
  // (the 教育部 template's part: 三、决算报表说明 with one 说明 per table under it)
  const swu = makeVariant('university', 'none').lines.map((l) =>
    /^第三部分 \d{4}年度决算情况说明$/.test(l) ? '三、决算报表说明' : l === '一、收入支出决算总体情况说明' ? '（一）高等学校收支决算总表说明' : l === '二、财政拨款支出决算情况说明' ? '（二）高等学校财政拨款支出决算表说明' : l,
  );
  const sections = async (ls: string[]) =>
    (await processDocument(new TextEncoder().encode(ls.join('\n') + '\n'), { ocr: 'off' })).flags.filter((f) => f.code === 'MISSING_SECTION').map((f) => `${f.severity} ${f.expected}`);

  it('三、决算报表说明 is the 决算情况说明', async () => {
    expect(swu.filter((l) => /说明$/.test(l))).toEqual(['三、决算报表说明', '（一）高等学校收支决算总表说明', '（二）高等学校财政拨款支出决算表说明']);
    expect(await sections(swu)).toEqual([]);
  }, 30_000);

  it('without it the part is missing', async () => {
    expect(await sections(swu.filter((l) => l !== '三、决算报表说明'))).toEqual(['error 决算情况说明']);
  }, 30_000);
});

describe('column keys of the university 财政拨款支出决算表 (本年支出 | 合计 | 基本支出 | 项目支出{小计, 其中：基本建设资金支出})', () => {
  it('项目支出/小计 is the 项目支出, not the table total; 本年支出/合计 the year’s expenditure', () => {
    expect(columnKey('本年支出/项目支出/小计')).toBe('project');
    expect(columnKey('本年支出/合计')).toBe('year_expenditure');
    expect(columnKey('本年支出/基本支出')).toBe('basic');
    // (a 合计 under a fund is still the table's total)
    expect(columnKey('一般公共预算支出/合计')).toBe('total');
  });
});
