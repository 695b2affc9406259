import { describe, expect, it } from 'vitest';
import { arithmeticChecks } from '../src/check/arithmetic.js';
import { indexText, textUnits } from '../src/check/lines.js';
import type { ExtractedDocument } from '../src/model.js';
import { docFrom, brief } from './check-helpers.js';

const ARITH = ['PERCENT_MISMATCH', 'SUM_MISMATCH', 'UNIT_SUSPECT', 'VALUE_CONFLICT'];
const run = (doc: ExtractedDocument) => arithmeticChecks(doc, indexText(textUnits(doc)));

describe('growth rates', () => {
  it('flags a growth rate that contradicts the change and the implied prior-year base', () => {
    const doc = docFrom(
      ['2023年度收入合计93.93万元，与2022年度相比，收入合计增加19.08万元，上升16%。'],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual', metric: 'total_income', label: '收入合计' },
        { line: 1, text: '19.08', unit: '万元', role: 'change', metric: 'total_income', direction: 'increase' },
        { line: 1, text: '16', unit: '%', role: 'change', metric: 'total_income', direction: 'increase' },
      ],
    );
    const flags = run(doc);
    expect(brief(flags)).toEqual(['1 PERCENT_MISMATCH']);
    // 19.08 / (93.93 - 19.08) = 25.49%
    expect(flags[0]!.expected).toBe('25%');
    expect(flags[0]!.found).toBe('16%');
    expect(flags[0]!.loc!.start).toBe('2023年度收入合计93.93万元，与2022年度相比，收入合计增加19.08万元，上升'.length);
    expect(flags[0]!.message).toContain('上年应为74.85万元');
  });

  it('accepts a rate that is right after rounding (a decrease uses current + change as the base)', () => {
    const doc = docFrom(
      ['支出合计93.93万元，比上年增加14.14万元，增长18%。', '基本支出50.00万元，比上年减少10.00万元，下降17%。'],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual' },
        { line: 1, text: '14.14', unit: '万元', role: 'change', direction: 'increase' },
        { line: 1, text: '18', unit: '%', role: 'change', direction: 'increase' },
        { line: 2, text: '50.00', unit: '万元', role: 'actual' },
        { line: 2, text: '10.00', unit: '万元', role: 'change', direction: 'decrease' },
        { line: 2, text: '17', unit: '%', role: 'change', direction: 'decrease' },
      ],
    );
    expect(run(doc)).toEqual([]);
  });

  it('a one-decimal rate gets a one-decimal tolerance', () => {
    const doc = docFrom(
      ['支出合计93.93万元，比上年增加14.14万元，增长17.9%。'],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual' },
        { line: 1, text: '14.14', unit: '万元', role: 'change', direction: 'increase' },
        { line: 1, text: '17.9', unit: '%', role: 'change', direction: 'increase' },
      ],
    );
    // 14.14 / 79.79 = 17.72% → 17.7%, not 17.9%
    expect(run(doc).map((f) => f.expected)).toEqual(['17.7%']);
  });
});

describe('unit suspects', () => {
  it('flags a change in 元 among 万元 figures and checks no rate against it', () => {
    const doc = docFrom(
      ['2023年度支出93.93万元。比上年决算增加26.94元，增加23 %，主要原因是人员增加。'],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual' },
        { line: 1, text: '26.94', unit: '元', role: 'change', direction: 'increase' },
        { line: 1, text: '23', unit: '%', role: 'change', direction: 'increase' },
      ],
    );
    const flags = run(doc);
    expect(brief(flags)).toEqual(['1 UNIT_SUSPECT']);
    expect(flags[0]!.expected).toBe('26.94万元');
    expect(flags[0]!.found).toBe('26.94元');
  });

  it('does not flag a small change legitimately given in 元 when its rate fits', () => {
    const doc = docFrom(
      ['公务接待费12.5万元，比上年增加3000元，增长2.5%。'],
      [
        { line: 1, text: '12.5', unit: '万元', role: 'actual' },
        { line: 1, text: '3000', unit: '元', role: 'change', direction: 'increase' },
        { line: 1, text: '2.5', unit: '%', role: 'change', direction: 'increase' },
      ],
    );
    expect(run(doc)).toEqual([]);
  });

  it('flags a decrease far larger than the figure when its rate contradicts it, not a plausible one', () => {
    const doc = docFrom(
      ['机关运行经费支出77.88 万元，比年初预算数减少1089万元，上升15%。', '项目支出10.00万元，比上年减少15.00万元，下降60%。'],
      [
        { line: 1, text: '77.88', unit: '万元', role: 'actual' },
        { line: 1, text: '1089', unit: '万元', role: 'change', direction: 'decrease' },
        { line: 1, text: '15', unit: '%', role: 'change', direction: 'increase' },
        { line: 2, text: '10.00', unit: '万元', role: 'actual' },
        { line: 2, text: '15.00', unit: '万元', role: 'change', direction: 'decrease' },
        { line: 2, text: '60', unit: '%', role: 'change', direction: 'decrease' },
      ],
    );
    expect(brief(run(doc))).toEqual(['1 UNIT_SUSPECT']);
  });
});

describe('completion rates and shares', () => {
  it('checks a completion rate against actual ÷ budget', () => {
    const doc = docFrom(
      [
        '年初预算为86.86    万元，支出决算为84.25万元，完成年初预算的98%。',
        '年初预算为69.9万元，支出决算为77.88万元，完成年初预算的111%。',
        '“三公”经费财政拨款支出预算为0万元，支出决算为0万元，完成预算的0%。',
      ],
      [
        { line: 1, text: '86.86', unit: '万元', role: 'budget' },
        { line: 1, text: '84.25', unit: '万元', role: 'actual' },
        { line: 1, text: '98', unit: '%', role: 'completion' },
        { line: 2, text: '69.9', unit: '万元', role: 'budget' },
        { line: 2, text: '77.88', unit: '万元', role: 'actual' },
        { line: 2, text: '111', unit: '%', role: 'completion' },
        { line: 3, text: '0', unit: '万元', role: 'budget' },
        { line: 3, text: '0', unit: '万元', role: 'actual', nth: 1 },
        { line: 3, text: '0', unit: '%', role: 'completion' },
      ],
    );
    const flags = run(doc);
    expect(brief(flags)).toEqual(['1 PERCENT_MISMATCH']);
    expect([flags[0]!.expected, flags[0]!.found]).toEqual(['97%', '98%']);
  });

  it('checks shares against a named base and against the total a list adds up to', () => {
    const doc = docFrom(
      [
        '2023年度支出合计93.93万元。',
        '一般公共预算财政拨款支出84.25万元，占本年支出合计的93%。',
        '财政拨款收入84.25万元，占本年收入90%；其他收入9.68万元，占本年收入10%。',
        '2023年度一般公共预算财政拨款支出84.25万元，主要用于以下方面：',
        '1一般公共服务支出（类）82.16万元，占99%。',
        '2.社会保障和就业支出（类）2.09万元，占1%。',
      ],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual', metric: 'total_expenditure' },
        { line: 2, text: '84.25', unit: '万元', role: 'actual', metric: 'general_budget_appropriation_expenditure' },
        { line: 2, text: '93', unit: '%', role: 'share' },
        { line: 3, text: '84.25', unit: '万元', role: 'actual', metric: 'fiscal_appropriation_income' },
        { line: 3, text: '90', unit: '%', role: 'share' },
        { line: 3, text: '9.68', unit: '万元', role: 'actual', metric: 'other_income' },
        { line: 3, text: '10', unit: '%', role: 'share' },
        { line: 4, text: '84.25', unit: '万元', role: 'actual', metric: 'general_budget_appropriation_expenditure' },
        { line: 5, text: '82.16', unit: '万元', role: 'actual' },
        { line: 5, text: '99', unit: '%', role: 'share' },
        { line: 6, text: '2.09', unit: '万元', role: 'actual' },
        { line: 6, text: '1', unit: '%', role: 'share' },
      ],
      { summary: { total_income: 'f1' } },
    );
    // line 3 shares name 本年收入 but no total_income fact precedes them except via the summary (here
    // deliberately pointing at 93.93): 84.25/93.93 = 89.7% ✓, 9.68/93.93 = 10.3% ✓
    const flags = run(doc);
    expect(brief(flags)).toEqual(['2 PERCENT_MISMATCH', '5 PERCENT_MISMATCH', '6 PERCENT_MISMATCH']);
    expect(flags.map((f) => f.expected)).toEqual(['90%', '98%', '2%']);
  });
});

describe('sums and conflicts', () => {
  it('flags parts that do not add up, with a one-digit tolerance per rounding, and a part larger than its whole', () => {
    const doc = docFrom(
      [
        '一般公共预算财政拨款基本支出79.98万元，其中：人员经费76.19万元，公用经费3.78万元。',
        '2023年度财政拨款支出为82.16万元。',
        '2023年度一般公共预算财政拨款支出84.25万元。',
        '“三公”经费支出5.00万元，其中因公出国(境)费1.00万元，公务用车购置及运行费2.00万元，公务接待费1.50万元。',
      ],
      [
        { line: 1, text: '79.98', unit: '万元', role: 'actual', metric: 'general_budget_basic_expenditure' },
        { line: 1, text: '76.19', unit: '万元', role: 'actual', metric: 'personnel_expenses' },
        { line: 1, text: '3.78', unit: '万元', role: 'actual', metric: 'public_expenses' },
        { line: 2, text: '82.16', unit: '万元', role: 'actual', metric: 'fiscal_appropriation_expenditure', label: '财政拨款支出' },
        { line: 3, text: '84.25', unit: '万元', role: 'actual', metric: 'general_budget_appropriation_expenditure', label: '一般公共预算财政拨款支出' },
        { line: 4, text: '5.00', unit: '万元', role: 'actual', metric: 'three_public_total', label: '“三公”经费支出' },
        { line: 4, text: '1.00', unit: '万元', role: 'actual', metric: 'overseas_travel', label: '因公出国(境)费' },
        { line: 4, text: '2.00', unit: '万元', role: 'actual', metric: 'official_vehicles', label: '公务用车购置及运行费' },
        { line: 4, text: '1.50', unit: '万元', role: 'actual', metric: 'official_reception', label: '公务接待费' },
      ],
      {
        summary: {
          general_budget_basic_expenditure: 'f1',
          personnel_expenses: 'f2',
          public_expenses: 'f3',
          fiscal_appropriation_expenditure: 'f4',
          general_budget_appropriation_expenditure: 'f5',
          three_public_total: 'f6',
          overseas_travel: 'f7',
          official_vehicles: 'f8',
          official_reception: 'f9',
        },
      },
    );
    const flags = run(doc);
    expect(brief(flags)).toEqual(['4 SUM_MISMATCH', '2 SUM_MISMATCH']);
    expect([flags[0]!.expected, flags[0]!.found]).toEqual(['4.50万元', '5.00万元']);
    expect(flags[1]!.message).toBe('部分大于整体：一般公共预算财政拨款支出84.25万元，超过财政拨款支出82.16万元。');
  });

  it('flags one metric stated twice with different values, once per distinct value', () => {
    const doc = docFrom(
      ['2023年度收入合计93.93万元。', '本年收入合计93.93万元。', '收入合计95.93万元。'],
      [
        { line: 1, text: '93.93', unit: '万元', role: 'actual', metric: 'total_income', label: '收入合计' },
        { line: 2, text: '93.93', unit: '万元', role: 'actual', metric: 'total_income', label: '本年收入合计' },
        { line: 3, text: '95.93', unit: '万元', role: 'actual', metric: 'total_income', label: '收入合计' },
      ],
    );
    const flags = run(doc);
    expect(brief(flags)).toEqual(['3 VALUE_CONFLICT']);
    expect([flags[0]!.expected, flags[0]!.found]).toEqual(['93.93万元', '95.93万元']);
  });
});

describe('precision on real reports', () => {
  it('pairs a change only with a figure under the same words', () => {
    const doc = docFrom(
      ['主要原因是增加阅文室专项经费23.3万元，信息化建设经费增加35万元，扶贫经费压减10万元。', '主要原因是工会经费人均定额增加1000元，以及人员增加带来的定额增加。'],
      [
        { line: 1, text: '23.3', unit: '万元', role: 'actual', label: '阅文室专项经费' },
        { line: 1, text: '35', unit: '万元', role: 'change', direction: 'increase', label: '信息化建设经费' },
        { line: 2, text: '1000', unit: '元', role: 'change', direction: 'increase', label: '工会经费人均定额' },
      ],
    );
    expect(run(doc)).toEqual([]);
  });

  it('flags a two-decimal rate 0.04 point off its amounts (no fixed floor), not one cut off or rounded up by one unit', () => {
    const doc = docFrom(
      ['住房改革支出1959.99万元，与上年相比增加865.57万元，增长79.05%。', '住房保障支出（类）29.42万元，占9.55%。', '一般公共服务支出（类）2106.66万元，占71.73%。'],
      [
        { line: 1, text: '1959.99', unit: '万元', role: 'actual', label: '住房改革支出' },
        { line: 1, text: '865.57', unit: '万元', role: 'change', direction: 'increase', label: '住房改革支出' },
        { line: 1, text: '79.05', unit: '%', role: 'change', direction: 'increase', label: '住房改革支出' },
        { line: 2, text: '29.42', unit: '万元', role: 'actual' },
        { line: 2, text: '9.55', unit: '%', role: 'share' },
        { line: 3, text: '2106.66', unit: '万元', role: 'actual' },
        { line: 3, text: '71.73', unit: '%', role: 'share' },
      ],
    );
    // 865.57 ÷ (1959.99 − 865.57) = 79.089%: 79.05% is a defect (江苏省高级人民法院 2017 p22, read off the
    // page). No base stated for the shares and none precedes them: nothing to check them against.
    expect(run(doc).map((f) => [f.code, f.loc?.line, f.expected, f.found])).toEqual([['PERCENT_MISMATCH', 1, '79.09%', '79.05%']]);
    const withBase = docFrom(
      ['一般公共预算财政拨款支出307.82万元，主要用于以下方面：', '住房保障支出（类）29.42万元，占9.55%。', '一般公共服务支出（类）278.40万元，占90.45%。'],
      [
        { line: 1, text: '307.82', unit: '万元', role: 'actual' },
        { line: 2, text: '29.42', unit: '万元', role: 'actual' },
        { line: 2, text: '9.55', unit: '%', role: 'share' },
        { line: 3, text: '278.40', unit: '万元', role: 'actual' },
        { line: 3, text: '90.45', unit: '%', role: 'share' },
      ],
    );
    // 29.42 / 307.82 = 9.557% printed 9.55 (cut off); 278.40 / 307.82 = 90.442% printed 90.45 (rounded up
    // by one unit of a two-decimal rate: patterns/identities.yaml `rates`)
    expect(run(withBase)).toEqual([]);
  });

  it('reads a change, its rate and its figure across the wrapped lines of one paragraph', () => {
    const doc = docFrom(
      ['2023 年度财政拨款支出为 82.16 万元。与 2022 年度相比，财政拨款支出增加 2.68 万元，上', '升 8%。主要原因是人员增加。'],
      [
        { line: 1, text: '82.16', unit: '万元', role: 'actual', label: '财政拨款支出' },
        { line: 1, text: '2.68', unit: '万元', role: 'change', direction: 'increase', label: '财政拨款支出' },
        { line: 2, text: '8', unit: '%', role: 'change', direction: 'increase', label: '财政拨款支出' },
      ],
    );
    expect(brief(run(doc))).toEqual(['2 PERCENT_MISMATCH']);
  });
});

describe('uncertain bases and figures', () => {
  it('accepts a share that fits one of the figures its named base may be', () => {
    const doc = docFrom(
      ['“三公”经费670.12万元，“三公”经费及会议费培训费合计2,599.37万元。', '因公出国（境）费支出180万元，占“三公”经费的26.86%；', '公务接待费支出185.72万元，占“三公”经费的27.71%。'],
      [
        { line: 1, text: '2,599.37', unit: '万元', role: 'actual', metric: 'three_public_total' },
        { line: 1, text: '670.12', unit: '万元', role: 'actual', metric: 'three_public_total' },
        { line: 2, text: '180', unit: '万元', role: 'actual' },
        { line: 2, text: '26.86', unit: '%', role: 'share' },
        { line: 3, text: '185.72', unit: '万元', role: 'actual' },
        { line: 3, text: '27.71', unit: '%', role: 'share' },
      ],
    );
    expect(run(doc)).toEqual([]);
  });

  it('takes the parts as the whole when their shares add up to 100% and no total is stated', () => {
    const lines = ['“三公”经费预算支出中，因公出国（境）费支出180万元，占“三公”经费的26.86%；公务用车购置及运行费支出304.4万元，占“三公”经费的45.43%；公务接待费支出185.72万元，占“三公”经费的27.71%。'];
    const specs = [
      { line: 1, text: '180', unit: '万元', role: 'budget' as const, label: '因公出国（境）费支出' },
      { line: 1, text: '26.86', unit: '%', role: 'share' as const, label: '因公出国（境）费支出' },
      { line: 1, text: '304.4', unit: '万元', role: 'budget' as const, label: '公务用车购置及运行费支出' },
      { line: 1, text: '45.43', unit: '%', role: 'share' as const, label: '公务用车购置及运行费支出' },
      { line: 1, text: '185.72', unit: '万元', role: 'budget' as const, label: '公务接待费支出' },
      { line: 1, text: '27.71', unit: '%', role: 'share' as const, label: '公务接待费支出' },
    ];
    // the summary's 三公 total came from a wider table row (三公、会议费、培训费 2,599.37万元)
    const withWrongSummary = (d: ExtractedDocument) => {
      d.facts.push({ ...d.facts[0]!, id: 't1', value: 2599.37, text: '2,599.37', yuan: 25993700, from: 'table', metric: 'three_public_total' });
      d.summary = { three_public_total: { value: 2599.37, unit: '万元', yuan: 25993700, factId: 't1' } };
      return d;
    };
    expect(run(withWrongSummary(docFrom(lines, specs, { kind: '预算' })))).toEqual([]);
    // one share wrong: the parts no longer make 100%, and each is checked against the summary's total
    const wrong = withWrongSummary(docFrom([lines[0]!.replace('27.71%', '37.71%')], specs.map((s) => (s.text === '27.71' ? { ...s, text: '37.71' } : s)), { kind: '预算' }));
    expect(brief(run(wrong))).toEqual(['1 PERCENT_MISMATCH', '1 PERCENT_MISMATCH', '1 PERCENT_MISMATCH']);
  });

  it('checks no sum with a metric whose narrative figure disagrees with the summary', () => {
    const doc = docFrom(
      ['（一）因公出国（境）费0.00万元，与上年持平。', '（二）公务用车购置及运行费6.40万元。'],
      [
        { line: 1, text: '0.00', unit: '万元', role: 'actual', metric: 'overseas_travel' },
        { line: 2, text: '6.40', unit: '万元', role: 'actual', metric: 'official_vehicles' },
      ],
    );
    // the summary read the 三公 table's columns one off: 因公出国 6.40 (the text says 0.00), total 6.40
    const table = { ...doc.facts[1]!, id: 't1', from: 'table' as const };
    doc.facts.push(table);
    doc.summary = {
      three_public_total: { value: 6.4, unit: '万元', yuan: 64000, factId: 't1' },
      overseas_travel: { value: 6.4, unit: '万元', yuan: 64000, factId: 't1' },
      official_vehicles: { value: 6.4, unit: '万元', yuan: 64000, factId: 'f2' },
      official_reception: { value: 0, unit: '万元', yuan: 0, factId: 'f1' },
    };
    expect(run(doc)).toEqual([]);
    // with the narrative agreeing, the same figures are a SUM_MISMATCH
    doc.facts[0] = { ...doc.facts[0]!, value: 6.4, text: '6.40', yuan: 64000 };
    expect(brief(run(doc))).toEqual(['2 SUM_MISMATCH']);
  });
});

describe('the parts of a change add up to the change (文旅局 2025 p28 wording)', () => {
  const line = '“三公”经费支出比上年减少19.66万元，其中：因公出国（境）费减少0.00万元，公务用车购置及运行维护费减少20.06万元，公务接待费增加0.40万元。';
  const doc = (reception: string) =>
    docFrom([line.replace('增加0.40万元', `增加${reception}万元`)], [
      { line: 1, text: '19.66', unit: '万元', role: 'change', direction: 'decrease', metric: 'three_public_total', label: '“三公”经费支出' },
      { line: 1, text: '0.00', unit: '万元', role: 'change', direction: 'decrease', metric: 'overseas_travel', label: '因公出国（境）费' },
      { line: 1, text: '20.06', unit: '万元', role: 'change', direction: 'decrease', metric: 'official_vehicles', label: '公务用车购置及运行维护费' },
      { line: 1, text: reception, unit: '万元', role: 'change', direction: 'increase', metric: 'official_reception', label: '公务接待费' },
    ]);

  it('−0.00 − 20.06 + 0.40 = −19.66: nothing to flag', () => {
    expect(run(doc('0.40'))).toEqual([]);
  });

  it('a part changed (增加0.50) no longer adds up: one SUM_MISMATCH on the total change', () => {
    const flags = run(doc('0.50'));
    expect(flags.map((f) => [f.code, f.loc?.start, f.expected, f.found, f.message])).toEqual([
      [
        'SUM_MISMATCH',
        line.indexOf('19.66'),
        '减少19.56万元',
        '减少19.66万元',
        '各部分的变动之和与总变动不符：因公出国（境）费减少0.00万元，公务用车购置及运行维护费减少20.06万元，公务接待费增加0.50万元，合计减少19.56万元，而“三公”经费支出减少19.66万元。',
      ],
    ]);
  });
});

describe('the listed parts of a change where the year\'s levels show the other parts empty', () => {
  // 收入总计 = 财政拨款 + 事业收入 + 其他收入 this year (上级补助, 经营, 附属单位上缴 are 0): those three parts' changes add
  // up to the total's, or more where an unlisted part had a figure last year — never less
  const lines = (fiscal: string, total = '477,447.73', change = '46,722.70', rate = '10.85') => [
    `本年收入总计${total}万元，与上年相比，增加${change}万元，增长${rate}%。其中：财政拨款`,
    `收入增加${fiscal}万元，事业收入增加7,632.63万元，其他收入增加2,287.45万元。`,
    '本年收入总计477,447.73万元，其中：财政拨款收入279,818.00万元，事业收入144,017.87万元，其他收入53,611.86万元。',
  ];
  const doc = (fiscal: string, total = '477,447.73', change = '46,722.70', rate = '10.85') =>
    docFrom(
      lines(fiscal, total, change, rate),
      [
        { line: 1, text: total, unit: '万元', role: 'actual', metric: 'total_income', label: '收入总计' },
        { line: 1, text: change, unit: '万元', role: 'change', direction: 'increase', metric: 'total_income', label: '收入总计' },
        { line: 1, text: rate, unit: '%', role: 'change', direction: 'increase', metric: 'total_income', label: '收入总计' },
        { line: 2, text: fiscal, unit: '万元', role: 'change', direction: 'increase', metric: 'fiscal_appropriation_income', label: '财政拨款收入' },
        { line: 2, text: '7,632.63', unit: '万元', role: 'change', direction: 'increase', metric: 'business_income', label: '事业收入' },
        { line: 2, text: '2,287.45', unit: '万元', role: 'change', direction: 'increase', metric: 'other_income', label: '其他收入' },
        { line: 3, text: '477,447.73', unit: '万元', role: 'actual', metric: 'total_income', label: '收入总计' },
        { line: 3, text: '279,818.00', unit: '万元', role: 'actual', metric: 'fiscal_appropriation_income', label: '财政拨款收入' },
        { line: 3, text: '144,017.87', unit: '万元', role: 'actual', metric: 'business_income', label: '事业收入' },
        { line: 3, text: '53,611.86', unit: '万元', role: 'actual', metric: 'other_income', label: '其他收入' },
      ],
      { year: 2024, summary: { total_income: 'f7', fiscal_appropriation_income: 'f8', business_income: 'f9', other_income: 'f10' } },
    );
  const sums = (fiscal: string) => run(doc(fiscal)).filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

  it('36,802.62 + 7,632.63 + 2,287.45 = 46,722.70: nothing to flag', () => {
    expect(sums('36,802.62')).toEqual([]);
  });

  it('listed parts adding to less than the total change: an error (an empty part can only have fallen)', () => {
    expect(sums('31,227.35')).toEqual([['error', 1, '增加41147.43万元', '增加46722.70万元']]);
  });

  it('adding to more: a warning (only if an unlisted part had the difference last year)', () => {
    expect(sums('41,227.35')).toEqual([['warning', 1, '增加51147.43万元', '增加46722.70万元']]);
  });

  it('no reading where the change\'s own sentence states a total the parts do not make (收入总计 with the carry-over)', () => {
    // 609,139.01 = 本年收入合计 477,447.73 + 年初结转和结余: its change holds the carry-over's, which no listed part does
    const d = doc('36,802.62', '609,139.01', '50,722.70', '9.08');
    expect(run(d).filter((f) => ['SUM_MISMATCH', 'PERCENT_MISMATCH'].includes(f.code))).toEqual([]);
  });

  it('no reading where the change\'s sentence states no level of its own', () => {
    const d = doc('31,227.35');
    d.facts.splice(0, 1);
    expect(run(d).filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
  });

  it('no reading where the year\'s levels do not show the other parts empty', () => {
    const d = doc('31,227.35');
    d.summary.operating_income = { value: 5, unit: '万元', yuan: 50000, factId: 'f9' };
    expect(run(d).filter((f) => f.code === 'SUM_MISMATCH' && f.loc?.line === 1)).toEqual([]);
  });
});

describe('a breakdown\'s change stated again in its own paragraph of the same section (江苏 预算 wording)', () => {
  const lines = (reserve: string, project = '1134.33') => [
    '支出预算总计37188.34万元，与上年相比增加4016.19万元。主要原因是基本支出增加3397.18万元、项目支出减少1134.33万元、单位预留机动经费增加1753.34万元。',
    '基本支出预算数为21968万元。与上年相比增加3397.18万元。',
    `项目支出预算数为10208.94万元。与上年相比减少${project}万元。`,
    `单位预留机动经费预算数为5011.4万元。与上年相比增加${reserve}万元。`,
  ];
  const doc = (reserve: string, project?: string) =>
    docFrom(lines(reserve, project), [
      { line: 1, text: '37188.34', unit: '万元', role: 'budget', metric: 'total_expenditure', label: '支出预算总计', section: 'h7' },
      { line: 1, text: '4016.19', unit: '万元', role: 'change', direction: 'increase', metric: 'total_expenditure', label: '支出预算总计', section: 'h7' },
      { line: 1, text: '3397.18', unit: '万元', role: 'change', direction: 'increase', metric: 'basic_expenditure', label: '基本支出', section: 'h7' },
      { line: 1, text: '1134.33', unit: '万元', role: 'change', direction: 'decrease', label: '项目经费支出安排', section: 'h7' },
      { line: 1, text: '1753.34', unit: '万元', role: 'change', direction: 'increase', label: '单位预留机动经费', section: 'h7' },
      { line: 2, text: '21968', unit: '万元', role: 'budget', metric: 'basic_expenditure', label: '基本支出', section: 'h7' },
      { line: 2, text: '3397.18', unit: '万元', role: 'change', direction: 'increase', metric: 'basic_expenditure', label: '基本支出', section: 'h7' },
      { line: 3, text: '10208.94', unit: '万元', role: 'budget', metric: 'project_expenditure', label: '项目支出', section: 'h7' },
      { line: 3, text: project ?? '1134.33', unit: '万元', role: 'change', direction: 'decrease', metric: 'project_expenditure', label: '项目支出', section: 'h7' },
      { line: 4, text: '5011.4', unit: '万元', role: 'budget', label: '单位预留机动经费', section: 'h7' },
      { line: 4, text: reserve, unit: '万元', role: 'change', direction: 'increase', label: '单位预留机动经费', section: 'h7' },
    ], { kind: '预算', year: 2019 });
  const conflicts = (reserve: string, project?: string) => run(doc(reserve, project)).filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

  it('every copy agrees: nothing to flag', () => {
    expect(conflicts('1753.34')).toEqual([]);
  });

  it('the paragraph\'s copy differs while the breakdown\'s other changes are restated: a warning on the later copy', () => {
    expect(conflicts('1753.31')).toEqual([['warning', 4, '1753.34万元', '1753.31万元']]);
  });

  it('not where the breakdown\'s other changes are not all stated again (a list of like items)', () => {
    expect(conflicts('1753.31', '1034.33')).toEqual([]);
  });
});

describe('one subject\'s change under two nested funds where its figure of the year is the same under both (西南大学 预算 wording)', () => {
  const lines = (all: string, sciFiscal = '1,512.90') => [
    '我校支出415,808.40万元，其中：教育支出398,593.09万元，科学技术支出1,512.90万元。',
    `教育支出减少1,505.49万元，科学技术支出增加${all}万元，住房保障支出增加325.7万元。`,
    `我校财政拨款支出216,552.53万元，其中：教育支出207,796.18万元，科学技术支出${sciFiscal}万元。`,
    '教育支出减少6,505.48万元，科学技术支出比上年增加166.77万元，住房保障支出增加7.68万元。',
  ];
  const doc = (all: string, sciFiscal?: string) =>
    docFrom(lines(all, sciFiscal), [
      { line: 1, text: '415,808.40', unit: '万元', role: 'budget', label: '我校支出', section: 'h9' },
      { line: 1, text: '398,593.09', unit: '万元', role: 'budget', label: '教育支出', section: 'h9' },
      { line: 1, text: '1,512.90', unit: '万元', role: 'budget', label: '科学技术支出', section: 'h9' },
      { line: 2, text: '1,505.49', unit: '万元', role: 'change', direction: 'decrease', label: '教育支出', section: 'h9' },
      { line: 2, text: all, unit: '万元', role: 'change', direction: 'increase', label: '科学技术支出', section: 'h9' },
      { line: 2, text: '325.7', unit: '万元', role: 'change', direction: 'increase', label: '住房保障支出', section: 'h9' },
      { line: 3, text: '216,552.53', unit: '万元', role: 'budget', label: '我校财政拨款支出', section: 'h10' },
      { line: 3, text: '207,796.18', unit: '万元', role: 'budget', label: '教育支出', section: 'h10' },
      { line: 3, text: sciFiscal ?? '1,512.90', unit: '万元', role: 'budget', label: '科学技术支出', section: 'h10' },
      { line: 4, text: '6,505.48', unit: '万元', role: 'change', direction: 'decrease', label: '教育支出', section: 'h10' },
      { line: 4, text: '166.77', unit: '万元', role: 'change', direction: 'increase', label: '科学技术支出', section: 'h10' },
      { line: 4, text: '7.68', unit: '万元', role: 'change', direction: 'increase', label: '住房保障支出', section: 'h10' },
    ], { kind: '预算', year: 2021 });
  // (the 财政拨款 section's figures are of that fund)
  const funded = (all: string, sciFiscal?: string) => {
    const d = doc(all, sciFiscal);
    for (const f of d.facts.slice(6)) f.about = { fund: 'fiscal' };
    return d;
  };
  const conflicts = (all: string, sciFiscal?: string) => run(funded(all, sciFiscal)).filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

  it('the same change under both: nothing to flag', () => {
    expect(conflicts('166.77')).toEqual([]);
  });

  it('another change of all sources while the year\'s figure is all 财政拨款: a warning on the later copy', () => {
    expect(conflicts('160.77')).toEqual([['warning', 4, '160.77万元', '166.77万元']]);
  });

  it('not where the subject has money outside 财政拨款 this year (住房保障支出 325.7 and 7.68 are two quantities)', () => {
    expect(conflicts('160.77', '1,500.00')).toEqual([]);
  });
});

describe('share check on a long section (issue 15)', () => {
  it('gives, on 400 generated lists in one section, exactly the flags of the check before it was made linear', async () => {
    const { createHash } = await import('node:crypto');
    const { longShareDoc } = await import('./long-shares.js');
    const flags = run(longShareDoc(400)).map((f) => `${f.code} ${f.loc?.line} ${f.expected} ${f.found}`);
    expect(flags.length).toBe(159);
    expect(flags.filter((f) => f.startsWith('PERCENT_MISMATCH')).slice(0, 3)).toEqual(['PERCENT_MISMATCH 27 54.92% 50.92%', 'PERCENT_MISMATCH 79 57.21% 53.21%', 'PERCENT_MISMATCH 131 60.55% 56.55%']);
    // the whole list, as the quadratic version gave it (scripts run on the commit before)
    expect(createHash('sha1').update(flags.join('\n')).digest('hex')).toBe('caf4b4ff4d5ba5e45fe0977b5beb9f516759b2c9');
  });
});
