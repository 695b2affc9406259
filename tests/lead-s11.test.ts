// Session 11, lead: the 收支总计 balance rule where the prose's 收入总计 / 支出总计 are the year's own totals (表1
// 本年收入合计 / 本年支出合计, 表2 / 表3 合计) and need not be equal — the university template (reviewer s11: 6 false
// errors on two unseen university 决算, PDFs and dumps). Synthetic: variants of scripts/gen-variants.ts with carry-overs.
import { describe, expect, it } from 'vitest';
import { makeVariant, type Layout } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';

/** A variant whose 收支总表 has 本年支出合计 470.15 against 本年收入合计 458.15 (年初结转 20.00, 年末结转 8.00, 总计 478.15),
 *  and a 说明 stating the two sides' totals. */
function report(layout: Layout, income: string, expenditure: string): string[] {
  const lines = [...makeVariant(layout, 'none').lines];
  const cellAfter = (label: string, from = 0) => lines.indexOf(`\t${label}`, from) + 1;
  lines[cellAfter('本年支出合计')] = '\t470.15';
  lines[cellAfter('年初结转和结余')] = '\t20.00';
  lines[cellAfter('年末结转和结余')] = '\t8.00';
  const first = cellAfter('总计');
  lines[first] = '\t478.15';
  lines[cellAfter('总计', first)] = '\t478.15';
  return [...lines, '（一）高等学校收支决算总表说明', '学校本年收支情况如下。', `学校2024年度收入总计${income}万元，与上年相比持平。`, `学校2024年度支出总计${expenditure}万元，与上年相比持平。`];
}
const balance = async (layout: Layout, income: string, expenditure: string) =>
  (await processDocument(new TextEncoder().encode(report(layout, income, expenditure).join('\n') + '\n'), { ocr: 'off' })).flags
    .filter((f) => f.message.startsWith('收支总计不平衡'))
    .map((f) => `${f.severity} ${f.expected} ${f.found}`);

describe('收支总计 that restate the year rows are not a balance', () => {
  it('national template: 收入总计 = 本年收入合计, 支出总计 = 本年支出合计, which differ as the table’s do: no flag', async () => {
    expect(await balance('sichuan13', '458.15', '470.15')).toEqual([]);
  }, 30_000);
  it('national template: a 支出总计 that is neither year row nor the balance is still weighed against 收入总计', async () => {
    expect(await balance('sichuan13', '458.15', '470.51')).toEqual(['error 458.15万元 470.51万元']);
  }, 30_000);
  it('university template: its 收入总计 / 支出总计 are the year’s, never a balance, tables read or not (patterns/checks.yaml balanceNotIn)', async () => {
    expect(await balance('university', '458.15', '470.51')).toEqual([]);
  }, 30_000);
});

describe('a unit a page-text dump wrapped off its table cell is no blank (reviewer s11: a 绩效指标 cell `≥1200 人` / `次`)', () => {
  // (a pdftotext -layout 绩效目标表 fragment: the cell's 次 printed two lines under its figure, a row between)
  const page = (over: string) => [
    '某某大学2024年度部门预算',
    '绩     一级                                                分值',
    '               二级指标             三级指标        指标值',
    `指                                          ${over}`,
    '     产出指标      数量指标        奖助学生人次                       20',
    '标                                            次',
    '本年支出决算为       万元。',
  ];
  const blanks = async (over: string) =>
    (await processDocument(new TextEncoder().encode(page(over).join('\n') + '\n'), { ocr: 'off' })).flags
      .filter((f) => f.code === 'BLANK_VALUE')
      .map((f) => `${f.severity} ${f.loc?.line} ${f.message}`);

  it('under a figure: the cell’s tail, not flagged; the prose blank below still is', async () => {
    expect(await blanks('≥1200 人')).toEqual(['error 7 数值空缺：“万元”前应填写数字，却留了空白。']);
  }, 30_000);
  it('under no figure: a unit with nothing in its slot is a blank', async () => {
    expect(await blanks('')).toEqual(['error 6 数值空缺：“次”前应填写数字，却留了空白。', 'error 7 数值空缺：“万元”前应填写数字，却留了空白。']);
  }, 30_000);
});
