import { beforeAll, describe, expect, it } from 'vitest';
import { makeLine, normalize } from '../src/ingest/normalize.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extractFacts, lineFacts } from '../src/extract/facts.js';
import { toYuan } from '../src/extract/facts/decimal.js';
import type { Fact } from '../src/model.js';
import { SEED_TXT } from './paths.js';

/** The facts of one line of prose, in a 2023 report, reduced to what matters. */
const facts = (raw: string, next: string | null = null) =>
  lineFacts([makeLine(raw, { page: 1, line: 1 }), ...(next === null ? [] : [makeLine(next, { page: 1, line: 2 })])], 2023).map((f) => {
    const o: Record<string, unknown> = { label: f.label, metric: f.metric, kind: f.kind, text: f.text, unit: f.unit, role: f.role };
    if (f.yuan !== undefined) o.yuan = f.yuan;
    if (f.direction) o.direction = f.direction;
    return o;
  });

describe('toYuan: exact decimal arithmetic', () => {
  it.each([
    ['93.93', 4, 939300],
    ['2,940.05', 4, 29400500],
    ['0.53', 4, 5300],
    ['15.875', 4, 158750],
    ['1.2', 8, 120000000],
    ['0.07', 4, 700],
    ['1,089', 0, 1089],
    ['26.94', 0, 27],
    ['26.49', 0, 26],
    ['0.29', 4, 2900], // 0.29 * 10000 is 2899.9999999999995 in floating point
  ])('%s × 10^%i = %i', (text, scale, yuan) => expect(toYuan(text, scale)).toBe(yuan));
});

describe('lineFacts: clause-level parsing', () => {
  it('pairs a change and its rate with the metric of the clause, and a share with its own metric', () => {
    expect(facts('2023年度收入合计93.93万元，与2022年度相比，收入合计增加19.08万元，上升16%。其中：财政拨款收入84.25万元，占本年收入90%；其他收入9.68万元，占本年收入10%。')).toEqual([
      { label: '收入合计', metric: 'total_income', kind: 'amount', text: '93.93', unit: '万元', role: 'actual', yuan: 939300 },
      { label: '收入合计', metric: 'total_income', kind: 'amount', text: '19.08', unit: '万元', role: 'change', yuan: 190800, direction: 'increase' },
      { label: '收入合计', metric: 'total_income', kind: 'percent', text: '16', unit: '%', role: 'change', direction: 'increase' },
      { label: '财政拨款收入', metric: 'fiscal_appropriation_income', kind: 'amount', text: '84.25', unit: '万元', role: 'actual', yuan: 842500 },
      { label: '财政拨款收入', metric: 'fiscal_appropriation_income', kind: 'percent', text: '90', unit: '%', role: 'share' },
      { label: '其他收入', metric: 'other_income', kind: 'amount', text: '9.68', unit: '万元', role: 'actual', yuan: 96800 },
      { label: '其他收入', metric: 'other_income', kind: 'percent', text: '10', unit: '%', role: 'share' },
    ]);
  });

  it('emits 增加26.94元 among 万元 figures as printed, in 元', () => {
    expect(facts('2023年度支出93.93万元。比上年决算增加26.94元，增加23 %，主要原因是人员增加。')).toEqual([
      { label: '支出', metric: null, kind: 'amount', text: '93.93', unit: '万元', role: 'actual', yuan: 939300 },
      { label: '支出', metric: null, kind: 'amount', text: '26.94', unit: '元', role: 'change', yuan: 27, direction: 'increase' },
      { label: '支出', metric: null, kind: 'percent', text: '23', unit: '%', role: 'change', direction: 'increase' },
    ]);
  });

  it('keeps both directions of 比年初预算数减少1089万元，上升15% (the checks flag the conflict)', () => {
    expect(facts('鄂城区总工会 2023年度机关运行经费支出77.88 万元，比年初预算数减少1089万元，上升15%。主要原因是：人员编制数量增加等。')).toEqual([
      { label: '鄂城区总工会机关运行经费支出', metric: 'agency_operating_expenses', kind: 'amount', text: '77.88', unit: '万元', role: 'actual', yuan: 778800 },
      { label: '鄂城区总工会机关运行经费支出', metric: 'agency_operating_expenses', kind: 'amount', text: '1089', unit: '万元', role: 'change', yuan: 10890000, direction: 'decrease' },
      { label: '鄂城区总工会机关运行经费支出', metric: 'agency_operating_expenses', kind: 'percent', text: '15', unit: '%', role: 'change', direction: 'increase' },
    ]);
  });

  it('reads the initial budget, the actual and the completion rate of one clause', () => {
    expect(facts('2023年度一般公共预算财政拨款支出年初预算为86.86    万元，支出决算为84.25万元，完成年初预算的98%。其中：')).toEqual([
      { label: '一般公共预算财政拨款支出', metric: 'general_budget_initial_budget', kind: 'amount', text: '86.86', unit: '万元', role: 'budget', yuan: 868600 },
      { label: '一般公共预算财政拨款支出', metric: 'general_budget_appropriation_expenditure', kind: 'amount', text: '84.25', unit: '万元', role: 'actual', yuan: 842500 },
      { label: '一般公共预算财政拨款支出', metric: 'general_budget_appropriation_expenditure', kind: 'percent', text: '98', unit: '%', role: 'completion' },
    ]);
  });

  it('yields no fact for a blank, and keeps the rest of the clause', () => {
    expect(facts('2.公务用车购置及运行费预算为0万元，支出决算为    万元，完成预算的0%；决算数较上年增加0万元，增长0%。')).toEqual([
      { label: '公务用车购置及运行费', metric: 'official_vehicles', kind: 'amount', text: '0', unit: '万元', role: 'budget', yuan: 0 },
      { label: '公务用车购置及运行费', metric: 'official_vehicles', kind: 'percent', text: '0', unit: '%', role: 'completion' },
      { label: '公务用车购置及运行费', metric: 'official_vehicles', kind: 'amount', text: '0', unit: '万元', role: 'change', yuan: 0, direction: 'increase' },
      { label: '公务用车购置及运行费', metric: 'official_vehicles', kind: 'percent', text: '0', unit: '%', role: 'change', direction: 'increase' },
    ]);
    expect(facts('外宾接待支出0万元。2023年共接待来访团组0个，     人次（不包括陪同人员）。').map((f) => [f.text, f.unit])).toEqual([
      ['0', '万元'],
      ['0', '个'],
    ]);
  });

  it('does not take a fund\'s 本年收入 or a 国有资本 expenditure for an income metric', () => {
    const a = facts('2023年度政府性基金预算财政拨款年初结转和结余0    万元，本年收入 0 万元，本年支出 0 万元，年末结转和结余 0 万元。');
    expect(a.map((f) => f.metric)).toEqual([null, null, null, null]);
    expect(facts('2023年度国有资本经营预算财政拨款本年支出0万元。').map((f) => f.metric)).toEqual([null]);
  });

  it('reads the staff counts of a 其中 list, with the entity name before the metric', () => {
    expect(facts('  区总工会编制人数3名；财政供养人数13名，其中在职3名，离退休人数 8名，公益性岗位2名。').map((f) => [f.metric, f.text, f.unit])).toEqual([
      ['staff_authorized', '3', '名'],
      ['staff_funded', '13', '名'],
      ['staff_active', '3', '名'],
      ['staff_retired', '8', '名'],
      [null, '2', '名'],
    ]);
  });

  it('gives 分别为 lists each number its own name, and none when the counts differ', () => {
    expect(facts('人员经费和公用经费分别为76.19万元、3.78万元。').map((f) => [f.label, f.metric, f.yuan])).toEqual([
      ['人员经费', 'personnel_expenses', 761900],
      ['公用经费', 'public_expenses', 37800],
    ]);
    expect(facts('人员经费、公用经费和其他分别为76.19万元、3.78万元。').map((f) => f.metric)).toEqual([null, null]);
  });

  it('reads thousands separators, a unit on the next line, and skips 100& and approximate numbers', () => {
    expect(facts('2024年度收入总计1,256.40万元，支出总计1,256.40万元。').map((f) => [f.metric, f.yuan])).toEqual([
      ['total_income', 12564000],
      ['total_expenditure', 12564000],
    ]);
    expect(facts('2023年度财政拨款支出为82.16', '万元。').map((f) => [f.metric, f.yuan, f.unit])).toEqual([['fiscal_appropriation_expenditure', 821600, '万元']]);
    expect(facts('政府采购执行率100&')).toEqual([]);
    expect(facts('开展主题宣讲活动40余场次。')).toEqual([]);
  });

  it('marks a threshold as role other and does not turn 购置公务用车 into the vehicle count', () => {
    expect(facts('单位价值 100万元以上设备（不含车辆）0 台（套）。').map((f) => [f.text, f.unit, f.role])).toEqual([
      ['100', '万元', 'other'],
      ['0', '台（套）', 'actual'],
    ]);
    expect(facts('本年度购置公务用车0辆。')[0]).toMatchObject({ metric: null, unit: '辆' });
  });

  it('never takes a number from a span the OCR engines disagree on', () => {
    const line = makeLine('2023年度收入合计93.93万元，支出合计93.98万元。', { page: 3, line: 7 });
    line.ocr = { engine: 'paddle', confidence: 0.9, uncertain: [{ start: 21, end: 26, readings: ['93.98', '93.93'] }] };
    const got = lineFacts([line], 2023);
    expect(got.map((f) => [f.metric, f.text])).toEqual([['total_income', '93.93']]);
    expect(got[0]!.ocr).toEqual(line.ocr);
  });
});

describe('extractFacts on the seed', () => {
  let all: Fact[];
  let raw: string[];
  let rawAt: Map<number, string>;
  beforeAll(async () => {
    const doc = segment(await ingest(SEED_TXT));
    expect(doc.document.year).toBe(2023);
    all = extractFacts(doc).facts;
    raw = doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.raw] : []));
    rawAt = new Map(doc.blocks.flatMap((b) => (b.kind === 'line' ? [[b.line.loc.line, b.line.raw] as const] : [])));
  });

  it('finds at least 80 facts, each with a line, a verbatim excerpt and an exact span', () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    expect(all.map((f) => f.id).slice(0, 3)).toEqual(['f1', 'f2', 'f3']);
    for (const f of all) {
      expect(f.loc.line).toBeGreaterThan(0);
      expect(raw.some((r) => r.includes(f.excerpt))).toBe(true);
      expect(f.excerpt.replace(/\s/g, '')).toContain(f.text);
      expect(f.from).toBe('text');
    }
  });

  it('puts every unit right after its number in the source', () => {
    for (const f of all) {
      const line = rawAt.get(f.loc.line)!;
      expect(line).toContain(f.excerpt);
      const span = normalize(line.slice(f.loc.start, f.loc.end)).text;
      expect(span).toBe(f.text + f.unit);
    }
  });

  it('takes nothing from headings or the table of contents, and sets section and year', () => {
    const byLine = (n: number) => all.filter((f) => f.loc.line === n);
    expect(byLine(190)).toEqual([]);
    expect(byLine(38)[0]).toMatchObject({ metric: 'total_income', year: 2023, section: expect.any(String) });
  });

  it('states every staff count and the vehicles once as the seed prints them', () => {
    const got = all.filter((f) => f.metric === 'vehicles_count').map((f) => [f.loc.line, f.value]);
    expect(got).toEqual([
      [106, 0],
      [123, 0],
    ]);
  });
});
