import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extractFacts } from '../src/extract/facts.js';
import { buildSummary } from '../src/extract/summary.js';
import type { Fact } from '../src/model.js';
import { SEED_TXT } from './paths.js';

// Read off the seed by hand (line numbers of 000_37d039dcb8ad6afc.txt).
const SEED_AMOUNTS: Record<string, number> = {
  total_income: 939300, // 38 收入合计93.93万元
  fiscal_appropriation_income: 842500, // 38 财政拨款收入84.25万元
  general_budget_appropriation_income: 842500, // 50
  gov_fund_appropriation_income: 0, // 50
  state_capital_appropriation_income: 0, // 50
  superior_subsidy_income: 0, // 38
  business_income: 0,
  operating_income: 0,
  affiliated_remittance_income: 0,
  other_income: 96800, // 38 其他收入9.68万元
  total_expenditure: 939300, // 42
  basic_expenditure: 896500,
  project_expenditure: 42800,
  fiscal_appropriation_expenditure: 821600, // 48 财政拨款支出为82.16万元
  general_budget_appropriation_expenditure: 842500, // 56
  general_budget_initial_budget: 868600, // 68 年初预算为86.86    万元
  general_budget_basic_expenditure: 799800, // 78
  personnel_expenses: 761900, // 80
  public_expenses: 37800, // 82
  three_public_total: 0, // 96 支出决算为0万元
  overseas_travel: 0, // 100
  official_reception: 0, // 108
  agency_operating_expenses: 778800, // 115
  gov_procurement_total: 0, // 119
};
const SEED_COUNTS: Record<string, [number, string]> = {
  vehicles_count: [0, '辆'], // 123 部门共有车辆 0辆
  staff_authorized: [3, '名'], // 15
  staff_funded: [13, '名'],
  staff_active: [3, '名'],
  staff_retired: [8, '名'],
};

describe('buildSummary on the seed', () => {
  it('has every metric the seed states, with the exact figure, and nothing else', async () => {
    const doc = segment(await ingest(SEED_TXT));
    const { facts } = extractFacts(doc);
    const { summary, flags } = buildSummary(facts, doc.document.year);
    const got: Record<string, unknown> = {};
    for (const [k, e] of Object.entries(summary)) got[k] = e.yuan !== undefined ? e.yuan : [e.value, e.unit];
    expect(got).toEqual({ ...SEED_AMOUNTS, ...SEED_COUNTS });
    expect(summary.official_vehicles).toBeUndefined(); // 支出决算为    万元: blank
    expect(flags).toEqual([]);
    // Every entry points at the fact it came from.
    for (const e of Object.values(summary)) expect(facts.find((f) => f.id === e.factId)?.value).toBe(e.value);
  });
});

const fact = (id: string, over: Partial<Fact>): Fact => ({
  id,
  label: '收入合计',
  metric: 'total_income',
  kind: 'amount',
  value: 93.93,
  text: '93.93',
  unit: '万元',
  yuan: 939300,
  year: 2023,
  role: 'actual',
  loc: { page: 2, line: 5 },
  excerpt: '收入合计93.93万元',
  from: 'text',
  ...over,
});

describe('buildSummary rules', () => {
  it('prefers the table figure and flags a narrative figure that disagrees', () => {
    const facts = [
      fact('f1', { value: 93.94, text: '93.94', yuan: 939400, loc: { page: 4, line: 38 }, excerpt: '2023年度收入合计93.94万元' }),
      fact('f2', { from: 'table', loc: { page: 2, line: 5, table: 't1', row: 3, col: 1 }, excerpt: '93.93' }),
      fact('f3', {}),
    ];
    const { summary, flags } = buildSummary(facts, 2023);
    expect(summary.total_income).toEqual({ value: 93.93, unit: '万元', yuan: 939300, factId: 'f2' });
    expect(flags).toEqual([
      {
        code: 'VALUE_CONFLICT',
        severity: 'warning',
        message: '正文数字与表格不一致：收入合计正文写93.94万元（第4页第38行），表格为93.93万元（第2页表t1第4行）；以表格数为准。',
        loc: { page: 4, line: 38 },
        excerpt: '2023年度收入合计93.94万元',
        expected: '93.93万元',
        found: '93.94万元',
      },
    ]);
  });

  it('compares amounts in yuan, so 939.3千元 in a table agrees with 93.93万元 in the text', () => {
    const facts = [fact('f1', {}), fact('f2', { from: 'table', value: 939.3, text: '939.3', unit: '千元' })];
    expect(buildSummary(facts, 2023).flags).toEqual([]);
  });

  it('never takes an amount whose unit is unknown (a table without 单位), even over the text', () => {
    const { yuan: _, ...noYuan } = fact('f1', { from: 'table', value: 939300, text: '939300', unit: '' });
    const { summary, flags } = buildSummary([noYuan as Fact, fact('f2', {})], 2023);
    expect(summary.total_income).toEqual({ value: 93.93, unit: '万元', yuan: 939300, factId: 'f2' });
    expect(flags).toEqual([]);
  });

  it('takes only report-year actuals; changes, shares, prior years and other years stay out', () => {
    const facts = [
      fact('f1', { role: 'change', direction: 'increase', value: 19.08, text: '19.08', yuan: 190800 }),
      fact('f2', { role: 'prior_year', year: 2022, value: 74.85, text: '74.85', yuan: 748500 }),
      fact('f3', { year: 2022, value: 74.85, text: '74.85', yuan: 748500 }),
      fact('f4', { kind: 'percent', unit: '%', value: 90, text: '90', role: 'share' }),
    ];
    expect(buildSummary(facts, 2023).summary).toEqual({});
  });

  it('prefers a label that names the metric exactly over one with the entity name before it, then the earlier', () => {
    const facts = [
      fact('f1', { label: '鄂城区总工会机关运行经费支出', metric: 'agency_operating_expenses', value: 77.8, text: '77.8', yuan: 778000 }),
      fact('f2', { label: '机关运行经费', metric: 'agency_operating_expenses', value: 77.88, text: '77.88', yuan: 778800 }),
      fact('f3', { label: '机关运行经费', metric: 'agency_operating_expenses', value: 77.89, text: '77.89', yuan: 778900 }),
    ];
    expect(buildSummary(facts, 2023).summary.agency_operating_expenses?.factId).toBe('f2');
  });

  it('takes the budget role for general_budget_initial_budget and counts without yuan', () => {
    const facts = [
      fact('f1', { label: '一般公共预算财政拨款支出', metric: 'general_budget_initial_budget', role: 'budget', value: 86.86, text: '86.86', yuan: 868600 }),
      fact('f2', { label: '在职人数', metric: 'staff_active', kind: 'count', unit: '名', value: 3, text: '3', yuan: undefined }),
    ];
    const { summary } = buildSummary(
      facts.map((f) => {
        const { yuan, ...rest } = f;
        return yuan === undefined ? rest : f;
      }),
      2023,
    );
    expect(summary).toEqual({
      general_budget_initial_budget: { value: 86.86, unit: '万元', yuan: 868600, factId: 'f1' },
      staff_active: { value: 3, unit: '名', factId: 'f2' },
    });
  });
});
