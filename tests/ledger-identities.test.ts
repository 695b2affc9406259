// The ledger and the template's identities on real layouts (issue 11): a clean real report gives no
// identity flag; one changed cell or narrative figure gives exactly the flag of the identity it breaks,
// on that figure, with the other place named.
import { beforeAll, describe, expect, it } from 'vitest';
import { identityChecks } from '../src/check/identities.js';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument, Fact, Flag } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const load = async (name: string) => extract(segment(await ingest(corpus(name), { ocr: 'off' })));
const clone = (d: ExtractedDocument): ExtractedDocument => ({ ...d, facts: d.facts.map((f) => ({ ...f, loc: { ...f.loc }, ...(f.about ? { about: { ...f.about } } : {}) })), tables: d.tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) })) });
const show = (fs: Flag[]) => fs.map((f) => [f.code, f.severity, f.loc?.page, f.loc?.line, f.expected, f.found]);
const LEDGER = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT']);
const ledgerFlags = (d: ExtractedDocument) => check(d).flags.filter((f) => LEDGER.has(f.code));
const key = (f: Flag) => `${f.code}|${f.loc?.page}|${f.loc?.line}|${f.loc?.start}|${f.found}`;
/** The flags a mutation adds to those of the document as published. */
const added = (base: ExtractedDocument, m: ExtractedDocument) => {
  const before = new Set(ledgerFlags(base).map(key));
  return ledgerFlags(m).filter((f) => !before.has(key(f)));
};

/** Print a different figure in one fact (and, for a table cell, in the table's grid). */
function mutate(d: ExtractedDocument, pick: (f: Fact) => boolean, text: string): ExtractedDocument {
  const m = clone(d);
  const hits = m.facts.filter(pick);
  expect(hits).toHaveLength(1);
  const f = hits[0]!;
  f.text = text;
  f.value = Number(text.replace(/,/g, ''));
  if (f.about?.tableId !== undefined) m.tables.find((t) => t.id === f.about!.tableId)!.rows[f.about.row!]![f.about.col!] = text;
  return m;
}
const cell = (table: string, name: string, column: string) => (f: Fact) => f.from === 'table' && f.about?.table === table && f.about.name === name && f.about.column === column;

describe('上海市普陀区财政局 2024 部门决算 (national nine-table template)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await load('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf');
  }, 60_000);

  it('fills the ledger keys of table cells and of the narrative 类/款/项 statements', () => {
    const t = doc.facts.find((f) => f.from === 'table' && f.about?.table === '公开05表' && f.about.code === '2210201' && f.about.column === 'total')!;
    expect(t.about).toMatchObject({ code: '2210201', codeKind: 'function', name: '住房公积金', column: 'total', fund: 'general_budget' });
    expect(t.text).toBe('187.19');
    const n = doc.facts.filter((f) => f.from === 'text' && f.about?.code === '2210201').map((f) => [f.role, f.text, f.about!.fund]);
    expect(n).toEqual([
      ['budget', '187.75', 'general_budget'],
      ['actual', '187.19', 'general_budget'],
    ]);
    const e = doc.facts.find((f) => f.from === 'table' && f.about?.table === '公开06表' && f.about.code === '30101')!;
    expect(e.about).toMatchObject({ codeKind: 'economic', name: '基本工资', column: 'actual' });
    expect(doc.facts.find(cell('公开04表', '一般公共服务支出', 'general_budget'))!.about!.fund).toBe('general_budget');
    // The column a narrative figure names: 年初预算 → budget; …其中：基本支出 → basic, and its total
    // (本年支出合计, no fund) gives it no fund, though an earlier clause named 财政拨款收入.
    expect(doc.facts.find((f) => f.from === 'text' && f.about?.code === '2210201' && f.role === 'budget')!.about!.column).toBe('budget');
    const basic = doc.facts.find((f) => f.from === 'text' && f.loc.page === 21 && f.loc.line === 10 && f.text === '2336.91')!;
    expect([basic.metric, basic.about]).toEqual(['basic_expenditure', { column: 'basic' }]);
  });

  it('gives no identity error on the report as published; its figure defects are a share (71.73% for 71.65%) and a grand total (0.3 for 2,961.68)', () => {
    // (session 15, 类 by 类: 公开01/04 print 社会保障和就业支出 326.71, 公开03/05 326.72 = 84.65 + 160.75 + 80.38 +
    // 0.94, its rounded 项 — the tables disagree within that rounding: a warning each, read on p6, p10, p12, p15)
    expect(show(identityChecks(doc))).toEqual([
      ['SUM_MISMATCH', 'warning', 6, 13, '326.72万元', '326.71万元'],
      ['SUM_MISMATCH', 'warning', 12, 24, '326.72万元', '326.71万元'],
    ]);
    // p21: 一般公共服务支出（类）2106.66万元，占71.73% of 2940.05万元 (= 71.654%; the other shares are exact);
    // 财政拨款收入支出总计0.3万元 where 公开04's 总计 is 2,961.68 on both sides.
    expect(show(ledgerFlags(doc))).toEqual([
      ['PERCENT_MISMATCH', 'error', 21, 24, '71.65%', '71.73%'],
      ['SUM_MISMATCH', 'warning', 6, 13, '326.72万元', '326.71万元'],
      ['SUM_MISMATCH', 'warning', 12, 24, '326.72万元', '326.71万元'],
      ['VALUE_CONFLICT', 'error', 21, 13, '2,961.68万元', '0.3万元'],
    ]);
  });

  it('a narrative 项 figure that differs from its 公开05 cell by one cent is a VALUE_CONFLICT error on the narrative figure', () => {
    const m = mutate(doc, (f) => f.from === 'text' && f.about?.code === '2210201' && f.role === 'actual', '187.20');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['VALUE_CONFLICT', 'error', 22, 32, '187.19万元', '187.20万元']]);
    expect(flags[0]!.message).toBe('正文数字与表格不一致：此处写187.20万元，公开05表第15页“住房公积金”行“合计”栏为187.19万元。');
  });

  it('one 公开05 cell changed: its row no longer adds up (the narrative that still restates the right figure is not flagged)', () => {
    const m = mutate(doc, (f) => f.from === 'table' && f.about?.table === '公开05表' && f.about.code === '2210201' && f.about.column === 'total', '187.29');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['SUM_MISMATCH', 'error', 15, 25, '187.19', '187.29']]);
    expect(flags.map((f) => f.message)).toEqual(['公开05表第15页“住房公积金”行的“合计”为187.29万元，而基本支出＋项目支出＝187.19万元。']);
  });

  it('公开06 人员经费合计 changed: 公开05 基本支出 ≠ 人员经费 + 公用经费 (cross-table)', () => {
    const m = mutate(doc, cell('公开06表', '人员经费合计', 'actual'), '2,152.36');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([
      ['SUM_MISMATCH', 'error', 15, 27, '2337.01万元', '2336.91万元'],
      ['VALUE_CONFLICT', 'warning', 23, 2, '2152.36万元', '2152.26万元'],
    ]);
    expect(flags.map((f) => f.message)).toEqual([
      '表间数据不一致（一般公共预算财政拨款支出决算表的基本支出合计＝基本支出决算表的人员经费合计＋公用经费合计）：公开05表第15页“合计”的“基本支出”2336.91万元，而公开06表第17页“人员经费合计”的“决算数”2152.36万元＋公开06表第17页“公用经费合计”的“决算数”184.65万元＝2337.01万元。',
      '正文数字与表格不一致：此处写2152.26万元，公开06表第17页“人员经费合计”行“决算数”栏为2,152.36万元。',
    ]);
  });

  it('公开02 合计 changed: flagged on that cell (its row does not add up), which also explains 公开01 ≠ 公开02', () => {
    const m = mutate(doc, (f) => f.from === 'table' && f.about?.table === '公开02表' && f.about.name === '合计' && f.about.column === 'total', '2,946.35');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['SUM_MISMATCH', 'error', 8, 9, '2946.25', '2946.35']]);
    expect(flags.map((f) => f.message)).toEqual(['公开02表第8页“合计”行的“本年收入合计”为2946.35万元，而财政拨款收入＋其他收入＝2946.25万元。']);
  });

  it('a 项 cell changed in 公开03 (no narrative restates it): flagged on that cell, found by its row and its column’s 款 sum together', () => {
    const m = mutate(doc, (f) => f.from === 'table' && f.about?.table === '公开03表' && f.about.code === '2080505' && f.about.column === 'basic', '160.85');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['SUM_MISMATCH', 'error', 10, 25, '160.75', '160.85']]);
    expect(flags.map((f) => f.message)).toEqual(['公开03表第10页“机关事业单位基本养老保险缴费支出”行的“基本支出”为160.85万元，与本行“本年支出合计”160.75万元不符（本年支出合计＝基本支出＋项目支出），与上下级科目的同列数也不符；按本行应为160.75万元。']);
  });

  it('公开07 公务接待费 预算数 changed (0.95 → 0.85): the 三公 row (合计 = 因公出国 + 公务用车 + 公务接待) no longer adds up, per role', () => {
    const m = mutate(doc, (f) => f.from === 'table' && f.about?.table === '公开07表' && f.about.column === 'reception' && f.role === 'budget', '0.85');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['SUM_MISMATCH', 'error', 18, 9, '0.85', '0.95']]);
    expect(flags.map((f) => f.message)).toEqual(['公开07表第18页“合计（预算数）”为0.95万元，而公务接待费（预算数）＝0.85万元。']);
  });

  it('a fund figure in the text that its table contradicts (一般公共预算财政拨款支出 2940.05 → 2904.05)', () => {
    const m = mutate(doc, (f) => f.from === 'text' && f.metric === 'general_budget_appropriation_expenditure' && f.role === 'actual' && f.text === '2940.05' && f.loc.page === 21 && f.loc.line === 19, '2904.05');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['VALUE_CONFLICT', 'warning', 21, 19, '2940.05万元', '2904.05万元']]);
    expect(flags.map((f) => f.message)).toEqual(['正文数字与表格不一致：此处写2904.05万元，公开05表第15页“合计”行“合计”栏为2,940.05万元。']);
  });
});

describe('上海市普陀区司法局 2026 部门预算 (预算 set; tables in 元, text in 万元)', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = await load('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf');
  }, 60_000);

  it('resolves 公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元 to 2040601 and agrees with 16,726,725.44元', () => {
    const f = doc.facts.find((x) => x.from === 'text' && x.about?.code === '2040601')!;
    expect([f.text, f.unit, f.role]).toEqual(['1672.67', '万元', 'budget']);
    expect(show(identityChecks(doc))).toEqual([]);
  });

  it('the same figure misprinted (1672.76万元) is a VALUE_CONFLICT error, converted exactly from 元', () => {
    const m = mutate(doc, (x) => x.from === 'text' && x.about?.code === '2040601' && x.year === doc.document.year, '1672.76');
    const flags = added(doc, m);
    // (and the paragraph's own 2026年预算安排 1672.67 now disagrees with the 项's opening figure: the narrative rule)
    expect(show(flags)).toEqual([
      ['VALUE_CONFLICT', 'error', 8, 10, '1672.76万元', '1672.67万元'],
      ['VALUE_CONFLICT', 'error', 8, 9, '1672.67万元', '1672.76万元'],
    ]);
    expect(flags.map((f) => f.message)).toEqual([
      '同一科目前后不一致：本段开头“行政运行”为1672.76万元，此处2026年为1672.67万元。',
      '正文数字与表格不一致：此处写1672.76万元，预算05一般公共预算支出表第15页“行政运行”行“合计”栏为16726725.44元（折合1672.67万元）。',
    ]);
  });

  it('a 预算06 合计 cell changed (301 工资福利支出): its row (合计 = 人员经费 + 公用经费) no longer adds up — one flag, on that cell', () => {
    const t = doc.facts.filter((x) => x.from === 'table' && x.about?.table === '预算06一般公共预算基本支出表' && x.about.column === 'total' && x.about.code === '301');
    expect(t).toHaveLength(1);
    const m = mutate(doc, (x) => x.from === 'table' && x.about?.tableId === t[0]!.about!.tableId && x.about?.row === t[0]!.about!.row && x.about?.col === t[0]!.about!.col, '1.00');
    const flags = added(doc, m);
    expect(show(flags)).toEqual([['SUM_MISMATCH', 'error', 19, 7, '23084662.00', '1.00']]);
    expect(flags.map((f) => f.message)).toEqual(['预算06一般公共预算基本支出表第19页“工资福利支出”行的“合计”为1.00元，而人员经费＋公用经费＝23084662.00元。']);
  });
});
