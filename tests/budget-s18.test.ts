// Session 18 (renwu screens, 预算 sets): leftover wrong values and unjudged errors, each on a small synthetic text
// (names and figures made up after the real layouts), run through the whole pipeline; outcomes pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument, Fact } from '../src/model.js';
import { buildSummary } from '../src/extract/summary.js';
import { runLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const figs = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => `${f.code} ${f.severity} @${f.loc?.line}`);
const fact = (d: CheckedDocument, text: string) => d.facts.filter((f) => f.text === text).map((f) => `${f.metric} ${f.role} ${f.year}`);

describe('the base of a comparison named with its year is that year’s, never this year’s value (北京 国资委 2026 预算)', () => {
  // “比 2025 年初预算数 20,292.85 万元”: the 年 of the year is the 年 of 年初, so the year was not read and the base
  // became the report's own (initial) budget — a wrong summary value and false rate/conflict flags.
  const lines = (title: string[], lead: string) => [
    ...title,
    '二、收入预算情况说明',
    `${lead}收入预算515,665.27万元，其中:一般公共预算`,
    '收入19,828.57万元比2025年初预算数20,292.85万元减',
    '少464.27万元，降低2.29%。',
    '三、支出预算情况说明',
    '2026年支出预算515,665.27万元，其中:一般公共预算',
    '支出19,828.57万元比2025年初预算数20,292.85万元减',
    '少464.27万元，降低2.29%。',
  ];

  it('reads the base as the year before where the title names the year', async () => {
    const d = await run(lines(['某某市某某委员会2026年部门预算'], '2026年'));
    expect(d.document.year).toBe(2026);
    expect(fact(d, '20,292.85')).toEqual(['general_budget_appropriation_income prior_year 2025', 'general_budget_initial_budget prior_year 2025']);
    expect(d.summary.general_budget_initial_budget).toBeUndefined();
    expect(d.summary.general_budget_appropriation_expenditure?.value).toBe(19828.57);
    expect(figs(d)).toEqual([]);
  });

  it('and where the report’s year is not known', async () => {
    const d = await run(lines(['某某市某某委员会', '部门预算情况的说明'], '本年度'));
    expect(d.document.year).toBeNull();
    expect(fact(d, '20,292.85')).toEqual(['general_budget_appropriation_income prior_year 2025', 'general_budget_initial_budget prior_year 2025']);
    expect(d.summary.general_budget_initial_budget).toBeUndefined();
    expect(figs(d)).toEqual([]);
  });

  it('a title’s year printed without its 年 is the report’s year (…委员会 / 2026 部门预算情况的说明)', async () => {
    const d = await run(lines(['某某市某某委员会', '2026 部门预算情况的说明'], '2026 度'));
    expect([d.document.year, d.document.title, d.document.unit]).toEqual([2026, '某某市某某委员会2026部门预算情况的说明', '某某市某某委员会']);
    expect(fact(d, '20,292.85')).toEqual(['general_budget_appropriation_income prior_year 2025', 'general_budget_initial_budget prior_year 2025']);
    expect(figs(d)).toEqual([]);
  });

  it('keeps a 决算’s own initial budget, the base of a comparison with the same year', async () => {
    const d = await run([
      '某某市某某局2025年度部门决算',
      '四、一般公共预算财政拨款支出决算情况说明',
      '2025年度一般公共预算财政拨款支出决算数为1,200.00万元，比2025年初预算数1,000.00万元增加200.00万元，增长20.00%。',
    ]);
    expect(fact(d, '1,000.00')).toEqual(['general_budget_initial_budget budget 2025']);
    expect(d.summary.general_budget_initial_budget?.value).toBe(1000);
    expect(figs(d)).toEqual([]);
  });
});

describe('a file that is the 说明 alone: its tables are another file’s (北京 附件1 情况说明, not saying so)', () => {
  const body = [
    '一、部门情况说明',
    '（一）本部门职责情况',
    '负责全市某某工作的统筹规划和组织实施。',
    '（二）机构设置情况',
    '某某委员会无下属单位。',
    '二、收入预算情况说明',
    '2026年收入预算1,200.00万元，其中:一般公共预算收入1,200.00万元。',
    '三、支出预算情况说明',
    '2026年支出预算1,200.00万元，其中:基本支出800.00万元，项目支出400.00万元。',
    '四、财政拨款“三公”经费预算情况说明',
    '2026年财政拨款“三公”经费预算30.00万元。',
    '五、其他情况说明',
    '（一）政府采购预算说明',
    '2026年政府采购预算总额20.00万元。',
    '（二）机关运行经费说明',
    '2026年机关运行经费财政拨款预算60.00万元。',
    '（三）国有资产占用情况说明',
    '截至2025年底，共有车辆3台。',
    '六、名词解释',
    '基本支出：指为保障机构正常运转而发生的人员支出和公用支出。',
  ];
  const missing = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => `${f.severity} ${f.message.replace(/（[^）]*）/u, '')}`);

  it('a title that says 说明 only, no table, no table part: info', async () => {
    expect(await missing(['某某市某某委员会', '2026 部门预算情况的说明', ...body])).toEqual([
      'info 文中没有任何一张必须公开的预算表，本文件只是情况说明（标题只称说明，全文没有表格），公开表应另附文件，请在附件中核对。',
    ]);
  });

  it('a report titled as the whole 预算 with no table still lacks them', async () => {
    expect(await missing(['某某市某某委员会', '2026年部门预算', ...body])).toEqual(['error 文中没有任何一张必须公开的预算表，可能另附文件公开，请核对。']);
  });

  it('a 说明 whose own outline announces a table part still lacks them', async () => {
    expect(await missing(['某某市某某委员会', '2026年部门预算情况说明', ...body, '七、部门预算报表'])).toEqual(['error 文中没有任何一张必须公开的预算表，可能另附文件公开，请核对。']);
  });
});

describe('a change told after the list of an item’s parts is the item’s (深圳 口岸 2026 预算, 项目支出 items)', () => {
  const doc = [
    '深圳市某某办公室2026年部门预算',
    '第三部分 部门预算支出具体情况',
    '（五）项目支出5,000.00万元，具体包括：',
    '2.口岸管理业务4,000.00万元,主要包括：口岸管养工作3,800.00',
    '万元，用于开展口岸的管理维护工作；口岸安检保障工作100.00',
    '万元，用于安检设备维护；',
    '资产清查盘点工作30.00万元，用于资产盘点项目；某某平台运营管理项目上年结转70.00万元，用于',
    '某某专业管理服务。较2025年年初预算增加56.00万元，增幅1.4%。',
    '3.上级转移支付项目1,000.00万元,主要包括：某某物业管理服务300.00万元，上年结转',
    '20.00万元，用于某某口岸区运行维护工作。',
    '某某作业服务费680.00万元，上年结转60.00万元，用于某某仓储工作。较',
    '2025年年初预算增加340.00万元，增幅51.5%。',
    '4.预算准备金180.00万元,主要用于年度预算执行中临时增加的支出。',
  ];

  it('pairs each change and its rate with the item, not with the list’s last part', async () => {
    const d = await run(doc);
    const changes = d.facts.filter((f) => f.role === 'change').map((f) => `${f.label} ${f.text}`);
    expect(changes).toEqual(['口岸管理业务 56.00', '口岸管理业务 1.4', '上级转移支付项目 340.00', '上级转移支付项目 51.5']);
    expect(figs(d)).toEqual([]);
  });

  it('a 其中 list too (西安 生态环境 机关运行经费): the change after it is the whole’s', async () => {
    const d = await run([
      '西安市某某局2022年部门综合预算',
      '十、机关运行经费安排情况说明',
      '本部门当年机关运行经费预算安排1487.80万元，其中办公费1000.00万元，印刷费468.07万元，其他商品和服务支出19.73万元。较上年增加286.96万元，主要原因是公用经费标准出现变化。',
    ]);
    expect(d.facts.filter((f) => f.role === 'change').map((f) => `${f.label} ${f.text}`)).toEqual(['机关运行经费预算安排 286.96']);
    expect(figs(d)).toEqual([]);
  });

  it('still flags a rate that does not fit the item (the item stated in the same paragraph)', async () => {
    const joined = [...doc.slice(0, 3), doc.slice(3, 8).join(''), ...doc.slice(8)];
    expect(figs(await run(joined))).toEqual([]);
    expect(figs(await run(joined.map((l) => l.replace('增幅1.4%', '增幅4.1%'))))).toEqual(['PERCENT_MISMATCH error @4']);
  });
});

describe('an indicator value printed with wide character spacing (烟台 住建 2026 预算 `>9 0 %`)', () => {
  it('is one figure, well formed; a value malformed otherwise still is', async () => {
    const { isMalformed } = await import('../src/extract/indicators/values.js');
    expect(['>9 0%', '>1 0本', '≥9 5%'].map((v) => [v, isMalformed(v)])).toEqual([['>9 0%', false], ['>1 0本', false], ['≥9 5%', false]]);
    expect(['>9 0%%', '9.8 .5', '1 0&'].map((v) => [v, isMalformed(v)])).toEqual([['>9 0%%', true], ['9.8 .5', true], ['1 0&', true]]);
  });
});

describe('a narrative figure cut off at its last printed digit agrees with the table (上海 文物保护研究中心 2026 预算)', () => {
  const fact = (id: string, over: Partial<Fact>): Fact => ({
    id,
    label: '收入预算',
    metric: 'total_income',
    kind: 'amount',
    value: 1361,
    text: '1,361',
    unit: '万元',
    yuan: 13610000,
    year: 2026,
    role: 'budget',
    loc: { page: 6, line: 2 },
    excerpt: '收入预算1,361万元',
    from: 'text',
    ...over,
  });
  const table = (text: string) => fact('t1', { from: 'table', value: Number(text.replace(/,/gu, '')), text, unit: '元', yuan: Number(text.replace(/,/gu, '')), loc: { page: 7, line: 11, table: 't1', row: 10, col: 1 } });
  const conflicts = (cell: string, said = fact('f1', {})) => buildSummary([table(cell), said], 2026, '预算').flags.map((f) => `${f.found} | ${f.expected}`);

  it('1,361万元 for 13,616,271元 (cut off) or 13,605,000元 (rounded): no conflict', () => {
    expect(conflicts('13,616,271')).toEqual([]);
    expect(conflicts('13,605,000')).toEqual([]);
  });

  it('a figure off by more than its last digit still conflicts', () => {
    expect(conflicts('13,626,271')).toEqual(['1,361万元 | 13,626,271元']);
    expect(conflicts('13,600,000')).toEqual(['1,361万元 | 13,600,000元']);
  });
});

describe('a change after a 其中 list, told on in the list’s sentence, may be its total’s (西安 公安 2026 预算)', () => {
  const doc = (rate: string) => [
    '西安市某某局2026年部门预算',
    '六、财政拨款收支情况说明',
    `本部门当年财政拨款收入337,741.21万元，其中：一般公共预算拨款收入324,638.50万元、上年结转13,102.70万元，较上年减少130,014.30万元，下降${rate}%，下降的主要原因是机构改革。`,
  ];

  it('no UNIT_SUSPECT against the last item where the change and its rate fit the total', async () => {
    expect(figs(await run(doc('27.80')))).toEqual([]);
  });

  it('a rate that fits neither still gives the flag', async () => {
    expect(figs(await run(doc('37.80')))).toEqual(['UNIT_SUSPECT error @3']);
  });
});

describe('a year inside a finished reason clause is not the year of the figures after it (杭州 交通 2026 预算)', () => {
  const doc = (rate: string) => [
    '杭州市某某局2026年度部门预算',
    '（七）“三公”经费预算情况说明',
    `公务用车购置费421.30万元，比上年预算数增加421.30万元（上年预算数为0万元，无法计算增减比率），主要原因是部分车辆报废后购置新车，部分2025年公务用车购置资金来源为政府性基金；公务用车运行维护费支出424.80万元，主要用于燃料费、维修费等支出，比上年预算数减少32.00万元，下降${rate}%，主要原因是减少公务用车维护成本。`,
  ];

  it('reads 424.80 as this year’s budget: its rate fits', async () => {
    const d = await run(doc('7.0'));
    expect(fact(d, '424.80')).toEqual(['null budget 2026']);
    expect(figs(d)).toEqual([]);
  });

  it('a rate that does not fit is flagged against it', async () => {
    expect(figs(await run(doc('9.0')))).toEqual(['PERCENT_MISMATCH error @3']);
  });
});
