import { beforeAll, describe, expect, it } from 'vitest';
import { makeLine, normalize } from '../src/ingest/normalize.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extractFacts, lineFacts } from '../src/extract/facts.js';
import { toYuan } from '../src/extract/facts/decimal.js';
import type { Fact, SegmentedDocument } from '../src/model.js';
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
      { label: '支出', metric: 'total_expenditure', kind: 'amount', text: '93.93', unit: '万元', role: 'actual', yuan: 939300 },
      { label: '支出', metric: 'total_expenditure', kind: 'amount', text: '26.94', unit: '元', role: 'change', yuan: 27, direction: 'increase' },
      { label: '支出', metric: 'total_expenditure', kind: 'percent', text: '23', unit: '%', role: 'change', direction: 'increase' },
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

  it('tells the initial budget (年初预算) from the adjusted one (全年预算)', () => {
    expect(facts('一般公共预算财政拨款支出年初预算为 0 万元，全年预算为 321.02 万元，支出决算为 307.82 万元，完成年初预算的 95.89%。').map((f) => [f.metric, f.role, f.text])).toEqual([
      ['general_budget_initial_budget', 'budget', '0'],
      ['general_budget_appropriation_expenditure', 'budget', '321.02'],
      ['general_budget_appropriation_expenditure', 'actual', '307.82'],
      ['general_budget_appropriation_expenditure', 'completion', '95.89'],
    ]);
  });

  it('keeps 支出 in the label when the cue is 决算为, not 支出决算为', () => {
    expect(facts('2024年度“三公”经费财政拨款支出决算为6.50万元，其中：因公出国（境）费0万元。').map((f) => [f.label, f.metric, f.role, f.yuan])).toEqual([
      ['“三公”经费财政拨款支出', 'three_public_total', 'actual', 65000],
      ['因公出国（境）费', 'overseas_travel', 'actual', 0],
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

  it('reads a bare 收入/支出 as the total only right after the year', () => {
    expect(facts('2025年收入预算３，４５６．７８万元，比上年增加１２３．４５万元。').map((f) => [f.metric, f.role, f.yuan])).toEqual([
      ['total_income', 'budget', 34567800],
      ['total_income', 'change', 1234500],
    ]);
    expect(facts('2023年度财政拨款收入中，收入0万元。').map((f) => f.metric)).toEqual([null]);
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

  it('takes no count with a decimal point', () => {
    expect(facts('基本支出总额89.65项目支出总额15.87')).toEqual([]);
  });

  it('marks a threshold as role other and does not turn 购置公务用车 into the vehicle count', () => {
    expect(facts('单位价值 100万元以上设备（不含车辆）0 台（套）。').map((f) => [f.text, f.unit, f.role])).toEqual([
      ['100', '万元', 'other'],
      ['0', '台（套）', 'actual'],
    ]);
    expect(facts('本年度购置公务用车0辆。')[0]).toMatchObject({ metric: null, unit: '辆' });
  });

  it('reads a sentence wrapped over lines, even between a number and its unit, with loc on the number\'s line', () => {
    const lines = ['本年支出合计 26538.47 万元，其中：基本支出 9800.36 万', '元，占 36.93%；项目支出 16738.11 万元，占 63.07%。'].map((raw, i) =>
      makeLine(raw, { page: 21, line: 11 + i }),
    );
    const got = lineFacts(lines, 2025);
    expect(got.map((f) => [f.metric, f.role, f.text + f.unit, f.loc.line])).toEqual([
      ['total_expenditure', 'actual', '26538.47万元', 11],
      ['basic_expenditure', 'actual', '9800.36万元', 11],
      ['basic_expenditure', 'share', '36.93%', 12],
      ['project_expenditure', 'actual', '16738.11万元', 12],
      ['project_expenditure', 'share', '63.07%', 12],
    ]);
    expect(got[1]!.excerpt).toBe('本年支出合计 26538.47 万元，其中：基本支出 9800.36 万\n元，占 36.93%；');
  });

  it('never takes a number from a span the OCR engines disagree on', () => {
    const line = makeLine('2023年度收入合计93.93万元，支出合计93.98万元。', { page: 3, line: 7 });
    line.ocr = { engine: 'paddle', confidence: 0.9, uncertain: [{ start: 21, end: 26, readings: ['93.98', '93.93'] }] };
    const got = lineFacts([line], 2023);
    expect(got.map((f) => [f.metric, f.text])).toEqual([['total_income', '93.93']]);
    expect(got[0]!.ocr).toEqual(line.ocr);
  });
});

describe('extractFacts: what is not prose', () => {
  const doc = (raws: string[], headings: number[] = []): SegmentedDocument => ({
    source: { path: 'x', sha256: '', format: 'pdf', pages: 1, ocrPages: [] },
    blocks: raws.map((raw, i) => ({ kind: 'line' as const, line: makeLine(raw, { page: 12, line: i + 1 }) })),
    flags: [],
    document: { title: null, unit: null, year: 2023, kind: '决算' },
    outline: [],
    sectionOf: raws.map(() => 's1'),
    headingBlocks: new Set(headings),
    tocBlocks: new Set(),
  });

  it('skips table rows printed as text, and headings', () => {
    const got = extractFacts(
      doc(['预算执行    预算执行率    98%', '人农业生产补贴 184.90 30310 52.4 12', '六、2023年度支出93.93万元说明', '2023年度支出合计93.93万元。'], [2]),
    ).facts;
    expect(got.map((f) => [f.id, f.metric, f.text, f.loc.line, f.section])).toEqual([['f1', 'total_expenditure', '93.93', 4, 's1']]);
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

describe('lineFacts: a cue before a colon', () => {
  it('reads 上年:X as the prior year, the words before the colon being its cue', () => {
    // A 上海 预算 draft: each 项 states its budget, then `上年:` and last year's figure.
    const got = lineFacts([makeLine('  3. “一般公共服务支出（类）组织事务（款）一般行政管理事务（项）”96.40万元，上年:81.25万元，主要组织事务经费。', { page: 1, line: 1 })], 2025);
    expect(got.map((f) => [f.text, f.role, f.year])).toEqual([
      ['96.40', 'actual', 2025],
      ['81.25', 'prior_year', 2024],
    ]);
  });
  it('keeps a 其中: list’s items as they were (其中 is no cue)', () => {
    const got = lineFacts([makeLine('支出合计512.30万元，其中：基本支出400.10万元。', { page: 1, line: 1 })], 2025);
    expect(got.map((f) => [f.text, f.role, f.metric])).toEqual([
      ['512.30', 'actual', 'total_expenditure'],
      ['400.10', 'actual', 'basic_expenditure'],
    ]);
  });
});

describe('lineFacts: a figure inside a remark in brackets', () => {
  it('takes the remark’s own year and words (江苏 预算 wording: 与上年相比（上年…为X万元），增加Y万元)', () => {
    const got = lineFacts([makeLine('2018年度部门支出预算安排与2017年度相比（2017年度部门支出预算安排为7,310.52万元），增加402.18万元，增长5.50%。', { page: 1, line: 1 })], 2018);
    expect(got.map((f) => [f.text, f.role, f.year])).toEqual([
      ['7,310.52', 'prior_year', 2017],
      ['402.18', 'change', 2018],
      ['5.50', 'change', 2018],
    ]);
  });
  it('keeps a closed remark inside a label (…（项）”43.83万元) as it was', () => {
    const got = lineFacts([makeLine('1.“一般公共服务支出（类）统计信息事务（款）专项普查活动（项）”43.83万元。', { page: 1, line: 1 })], 2025);
    expect(got.map((f) => [f.text, f.role, f.year])).toEqual([['43.83', 'actual', 2025]]);
  });
});

describe('lineFacts: a change told verb first (江苏 预算 reasons)', () => {
  it('reads 基本支出增加人员经费X万元 and a 、 list of what grew as the change of 基本支出', () => {
    const got = lineFacts([makeLine('主要原因是基本支出增加人员工资、住房公积金等2412.06万元、项目支出减少318.20万元、基本支出增加人员经费64.15万元。', { page: 1, line: 1 })], 2019);
    expect(got.map((f) => [f.text, f.role, f.direction, f.metric])).toEqual([
      ['2412.06', 'change', 'increase', 'basic_expenditure'],
      ['318.20', 'change', 'decrease', 'project_expenditure'],
      ['64.15', 'change', 'increase', 'basic_expenditure'],
    ]);
  });
  it('leaves a comparison, a purpose and a verb’s own cue alone', () => {
    const got = lineFacts([makeLine('主要用于增加设备购置50.00万元；比上年增加人员经费12.00万元；增加额为8.00万元。', { page: 1, line: 1 })], 2019);
    expect(got.map((f) => [f.text, f.role])).toEqual([
      ['50.00', 'actual'],
      ['12.00', 'actual'],
      ['8.00', 'actual'],
    ]);
  });
});

describe('labels are text, not patterns', () => {
  it('reads a figure whose label has an unbalanced bracket without failing', () => {
    // A JSON page dump read as text: "\n" is literal, and the label runs on from the previous sentence.
    const raw = '比2025年预算执行数减少96.46%。主要原因是：街道统计\\n类事务减少。   \\n“一般公共服务支出(类）-统计信息事务（款）-专项普查活动（项）”2026年度预算50万元，2025年度预算77.59万元';
    const got = lineFacts([makeLine(raw, { page: 1, line: 1 })], 2026);
    expect(got.filter((f) => f.kind === 'amount').map((f) => [f.text, f.unit, f.yuan])).toEqual([
      ['50', '万元', 500000],
      ['77.59', '万元', 775900],
    ]);
  });
});

describe('lineFacts: phrasings of the real 江苏 预算 reports', () => {
  const pick = (raw: string, next: string | null = null) => facts(raw, next).map((f) => [f.label, f.metric, f.text, f.role]);

  it('reads X预算支出 as the budget of X支出, but keeps the 预算 of 一般公共预算', () => {
    expect(pick('1．因公出国（境）费预算支出180万元，本年数与上年数持平。')).toEqual([['因公出国（境）费支出', 'overseas_travel', '180', 'budget']]);
    expect(pick('2019年财政拨款预算支出24,169.74万元，占本年支出合计的100%。')[0]).toEqual(['财政拨款支出', 'fiscal_appropriation_expenditure', '24,169.74', 'budget']);
    // (not 一般公共支出: the label keeps its 预算 and names the 一般公共预算财政拨款支出, patterns/metrics.yaml, session 9 restate)
    expect(pick('一般公共预算支出100万元。')[0]).toEqual(['一般公共预算支出', 'general_budget_appropriation_expenditure', '100', 'actual']);
  });

  it('takes a metric after the reporting 办公厅’s name, and the 总计 of 财政拨款收入', () => {
    expect(pick('江苏省人大常委会办公厅2019年一般公共预算财政拨款支出预算18330.37万元，与上年相比增加2432.93万元。')[0]).toEqual([
      '江苏省人大常委会办公厅一般公共预算财政拨款支出',
      'general_budget_appropriation_expenditure',
      '18330.37',
      'budget',
    ]);
    expect(pick('1．财政拨款收入预算总计18330.37万元。')).toEqual([['财政拨款收入总计', 'fiscal_appropriation_income', '18330.37', 'budget']]);
    expect(pick('2019年本部门一般公共预算机关运行经费预算支出1642.08万元，与上年相比增加62.7万元。')[0]?.[1]).toBe('agency_operating_expenses');
  });

  it('takes 机关运行经费 after the 财政拨款的 its definition carries (metrics.yaml impliedBy), not another amount after 的', () => {
    expect(pick('2025年上海市财政局财政拨款的机关运行经费预算为2,517.78万元。')[0]?.[1]).toBe('agency_operating_expenses');
    expect(pick('2025年上海市普陀区人民政府办公室下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。').find((x) => x[2] === '213.28')?.[1]).toBe('agency_operating_expenses');
    expect(pick('2025年上海市财政局财政拨款的项目支出预算为2,517.78万元。')[0]?.[1]).toBeNull();
  });

  it('reads a bare 收入/支出 as the total after the unit’s name or opening a sentence, not mid-sentence', () => {
    expect(pick('2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元。支出预算9628.22万元，其中：财政拨款支出预算9628.22万元。')).toEqual([
      ['上海市普陀区司法局收入', 'total_income', '9628.22', 'budget'],
      ['财政拨款收入', 'fiscal_appropriation_income', '9628.22', 'actual'],
      ['支出', 'total_expenditure', '9628.22', 'budget'],
      ['财政拨款支出', 'fiscal_appropriation_expenditure', '9628.22', 'budget'],
    ]);
    // A fund's 收入 and a paragraph that starts mid-sentence (after a page break) name no total.
    expect(pick('政府性基金预算财政拨款收入预算0万元。')[0]?.[1]).toBe('gov_fund_appropriation_income');
    expect(pick('支出预算17123.19万元，其中：')[0]?.[1]).toBeNull();
  });

  it('drops the tail of a （二） cut off by an earlier remark in brackets', () => {
    // 江苏省政协办公厅 2018: the remark and the enumerated line run on into one paragraph.
    expect(pick('（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）', '（二）公用经费1,115.85万元。')).toEqual([
      ['公用经费', 'public_expenses', '1,115.85', 'actual'],
    ]);
  });

  it('gives no metric to another unit’s staff named after the number', () => {
    expect(pick('另外，本部门预算还包括江苏省联谊俱乐部8名在职人员、南京中国近代史遗址博物馆管理建设办公室9名在职人员人员经费。').map((f) => f[1])).toEqual([null, null]);
    expect(pick('财政供养人数13名，其中在职3名，离退休人数8名。').map((f) => f[1])).toEqual(['staff_funded', 'staff_active', 'staff_retired']);
  });
});

describe('a template choice left before a figure', () => {
  it('gives the figure no direction it does not have: 增加（减少）1062.85万元 is role other, 增加1062.85万元 a change', () => {
    expect(facts('与2023年度相比，收入支出总计增加（减少）1062.85万元。').map((f) => [f.text, f.role, f.direction])).toEqual([['1062.85', 'other', undefined]]);
    expect(facts('与2023年度相比，收入支出总计增加1062.85万元。').map((f) => [f.text, f.role, f.direction])).toEqual([['1062.85', 'change', 'increase']]);
  });
});
