// Session 11, templates: indicator values with Latin/symbol units, university column roles, family parts.
import { describe, expect, it } from 'vitest';
import { isMalformed } from '../src/extract/indicators/values.js';
import { grid, makeVariant, tablesOf } from '../scripts/gen-variants.js';
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

describe('a 科目 figure of the university 财政拨款支出决算表 with a two-level header (synthetic, 西南大学 2023 layout)', () => {
  // 本年支出 over 合计 | 基本支出 | 项目支出{小计, 其中：基本建设资金支出}; the 说明 restates a 款's 决算数, its 合计
  const doc = (stated: string, scale = 1) => {
    const lines = makeVariant('university', 'none').lines;
    const at = lines.indexOf('表4 高等学校财政拨款支出决算表');
    let end = at + 2;
    while (end < lines.length && (lines[end]!.startsWith('\t') || lines[end] === '')) end++;
    const table = grid([
      ['科目编码', '科目名称', '本年支出', '', '', ''],
      ['', '', '合计', '基本支出', '项目支出', ''],
      ['', '', '', '', '小计', '其中：基本建设资金支出'],
      ...tablesOf('university')[3]!.rows!.slice(1).map((r) => [...r.map((x) => (typeof x === 'number' ? x * scale : x)), '']),
    ]);
    return [...lines.slice(0, at + 2), ...table, ...lines.slice(end), '（四）高等学校财政拨款支出决算表说明', `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款），2024年度决算数为${stated}万元，主要用于日常运转。`];
  };
  const flags = async (stated: string, scale = 1) =>
    (await processDocument(new TextEncoder().encode(doc(stated, scale).join('\n') + '\n'), { ocr: 'off' })).flags.map((f) => `${f.severity} ${f.code} ${f.message}`);

  it('the 合计 it restates gives no flag (it was compared with 项目支出/小计 87.60)', async () => {
    expect(await flags('400.05')).toEqual([]);
  }, 30_000);
  it('a figure off the 合计 is the 合计 column’s conflict', async () => {
    expect(await flags('400.50')).toEqual(['error VALUE_CONFLICT 正文数字与表格不一致：此处写400.50万元，高校决算表4财政拨款支出表第1页“政府办公厅(室)及相关机构事务”行“合计”栏为400.05万元。']);
  }, 30_000);
  it('表4’s 合计 (本年支出/合计) is checked against 表3’s: the 财政拨款 part cannot exceed the whole', async () => {
    // (every 表4 figure doubled: each row still adds up, each column exceeds 表3's)
    const got = (await flags('800.10', 2)).filter((f) => f.includes('SUM_MISMATCH'));
    expect(got.filter((f) => f.includes('财政拨款支出决算表的合计不超过'))).toEqual([
      'error SUM_MISMATCH 表间数据不一致（高等学校财政拨款支出决算表的合计不超过高等学校支出决算表的合计）：高校决算表4财政拨款支出表第1页“合计”的“合计”886.30万元，超过高校决算表3支出表第1页“合计”的“本年支出合计”458.15万元。',
    ]);
  }, 30_000);
});
