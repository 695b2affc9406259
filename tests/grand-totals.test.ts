// The grand total a 决算's explanation opens with (src/check/grand-totals.ts): “XX2024年度收入支出总计…万元”
// and “…财政拨款收入支出总计…万元” restate the 总计 row of 公开01 and 公开04, on real layouts (a PDF text
// layer and a page-text dump), with the narrative line changed.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { Flag, IngestedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const run = (doc: IngestedDocument) => check(extract(segment(doc)));
const grand = (flags: Flag[]) => flags.filter((f) => f.code === 'VALUE_CONFLICT' && f.message.includes('“总计”行为')).map((f) => [f.severity, f.loc?.page, f.loc?.line, f.expected, f.found, f.message]);

/** The document with the first line holding `was` changed so that it holds `now`. */
function edit(doc: IngestedDocument, was: string, now: string): IngestedDocument {
  let done = false;
  const blocks = doc.blocks.map((b) => {
    if (done || b.kind !== 'line' || !b.line.raw.includes(was)) return b;
    done = true;
    return { kind: 'line' as const, line: makeLine(b.line.raw.replace(was, now), b.line.loc, b.line.hint) };
  });
  expect(done).toBe(true);
  return { ...doc, blocks, flags: doc.flags.slice() };
}

describe('the grand total of the opening sentence against the 总计 row', () => {
  it('accepts the totals a report states right, and flags the one it states wrong (普陀区财政局 2024: 财政拨款收入支出总计0.3万元)', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'), { ocr: 'off' });
    expect(grand(run(doc).flags)).toEqual([['error', 21, 13, '2,961.68万元', '0.3万元', '正文数字与表格不一致：此处写0.3万元，公开04表第13页“总计”行为2,961.68万元。']]);
    // the all-sources total, restated right, changed by one digit in its last place
    expect(grand(run(edit(doc, '收入支出总计2995.39', '收入支出总计2995.38')).flags)).toEqual([
      ['error', 21, 3, '2,995.39万元', '2995.38万元', '正文数字与表格不一致：此处写2995.38万元，公开01表第7页“总计”行为2,995.39万元。'],
      ['error', 21, 13, '2,961.68万元', '0.3万元', '正文数字与表格不一致：此处写0.3万元，公开04表第13页“总计”行为2,961.68万元。'],
    ]);
  });

  it('reads a page-text dump the same way, and leaves a total of another entity alone', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt'), { ocr: 'off' });
    expect(grand(run(doc).flags)).toEqual([]);
    const lines = doc.blocks.flatMap((b) => (b.kind === 'line' && b.line.raw.includes('26591.08') ? [b.line.raw] : []));
    expect(lines.length).toBeGreaterThan(0);
    const wrong = edit(doc, '26591.08', '25591.08');
    expect(grand(run(wrong).flags).map((f) => [f[0], f[3], f[4]])).toEqual([['error', '26,591.08万元', '25591.08万元']]);
    // a sub-unit's own total is not the document's
    const other = edit(wrong, '上海市普陀区文化和旅游局 2025 年度收入支出总计', '上海市普陀区文化馆 2025 年度收入支出总计');
    expect(grand(run(other).flags)).toEqual([]);
  });
});

describe('the rate of a total whose level names the entity first', () => {
  const text = (rate: string) =>
    ['上海市普陀区财政局2024年度部门决算', '第三部分 上海市普陀区财政局2024年度部门决算情况说明', '一、收入支出决算总体情况说明', `上海市普陀区财政局2024年度收入支出总计2995.39万元。与2023年度相比，收入支出总计减少56.95万元，下降${rate}%。`].join('\n');
  const rates = async (rate: string) => check(extract(segment(await ingest(new TextEncoder().encode(text(rate)), { ocr: 'off' })))).flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.expected, f.found]);
  it('checks the rate against the level stated with the entity’s name (上海市普陀区财政局收入支出总计 … 收入支出总计减少)', async () => {
    expect(await rates('1.87')).toEqual([]);
    expect(await rates('1.78')).toEqual([['1.87%', '1.78%']]);
  });
});

describe('a 预算 total said in other words against the 收支总表 (总收入, 预算规模, 收入、支出预算均为, 分别为)', () => {
  const said = (flags: Flag[]) => flags.filter((f) => f.code === 'VALUE_CONFLICT' && f.message.includes('预算01收支总表')).map((f) => [f.severity, f.loc?.page, f.loc?.line, f.expected, f.found]);
  it('flags each wording one cent off the 总计 row and accepts it at the table’s figure (普陀区政府办公室 2025 预算)', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_zfb_2025_dept_yusuan.pdf'), { ocr: 'off' });
    const was = '办公室收入预算9,101.68万元';
    expect(said(run(doc).flags)).toEqual([]);
    for (const now of ['办公室总收入X万元', '办公室总支出X万元', '办公室收入、支出预算均为X万元', '办公室预算规模X万元', '办公室收入、支出分别为X万元、9,101.68万元']) {
      expect(said(run(edit(doc, was, now.replace('X', '9,101.68'))).flags)).toEqual([]);
      expect(said(run(edit(doc, was, now.replace('X', '9,101.69'))).flags)).toEqual([['error', 6, 2, '91,016,775.35元', '9,101.69万元']]);
    }
    // another row's words (事业收入) are not the total
    expect(said(run(edit(doc, was, '办公室事业收入9,101.69万元')).flags)).toEqual([]);
  }, 120_000);
});
