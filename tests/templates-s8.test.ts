// Template families and table layouts nobody here had seen (scripts/gen-variants.ts: the 13-table 四川
// 单位决算, 表 N： numbering, tables before or after the 情况说明, the 三公 table with 会议费/培训费, the 云南
// set, tables published as a spreadsheet, the 教育部 university and 预算 sets). Clean variants give no
// `error`; each injected defect gives its flag at its severity, and nothing else about tables or sections.
import { describe, expect, it } from 'vitest';
import { allVariants, layoutText, makeVariant } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';
import { tableDefForTitle } from '../src/table-titles.js';
import { tableOfTitle, families } from '../src/check/family.js';

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
type Def = { kind: string; titles: string[] };
const STRUCTURE = ['MISSING_TABLE', 'MISSING_SECTION', 'EMPTY_TABLE_UNEXPLAINED'];

const renditions: [string, (lines: string[]) => string[]][] = [
  ['text', (lines) => lines],
  ['-layout dump', layoutText],
];

describe.each(renditions)('gen-variants (%s): every layout × defect gives exactly its key', (_name, render) => {
  for (const v of allVariants()) {
    it(v.name, async () => {
      const doc = await run(render(v.lines));
      // no error but the keyed ones
      const errors = doc.flags.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`);
      expect(errors.length).toBe(v.key.filter((k) => k.severity === 'error').length);
      // the structure flags are exactly the key's (code, severity), each about its table
      const got = doc.flags.filter((f) => STRUCTURE.includes(f.code)).map((f) => ({ code: f.code, severity: f.severity, text: `${f.message}|${f.expected ?? ''}` }));
      expect(got.map((g) => `${g.code} ${g.severity}`).sort()).toEqual(v.key.map((k) => `${k.code} ${k.severity}`).sort());
      for (const k of v.key) expect(got.some((g) => g.code === k.code && g.text.includes(k.about))).toBe(true);
    }, 30_000);
  }
});

describe('table kinds of the provinces’ sets', () => {
  it('四川 13 tables: the extra tables get their own kinds, none is read as 公开03 or a second 公开05', async () => {
    const doc = await run(makeVariant('sichuan13', 'none').lines);
    expect(doc.tables.map((t) => t.kind)).toEqual([
      '公开01表',
      '公开02表',
      '公开03表',
      '公开04表',
      '公开财政拨款支出明细表',
      '公开05表',
      '公开一般公共预算支出明细表',
      '公开06表',
      '公开一般公共预算项目支出表',
      '公开08表',
      '公开09表', // (its two empty 国有资本经营 tables: one title without a grid stands for the kind)
      '公开07表',
    ]);
  }, 30_000);

  it('云南: 收入支出决算表 is 公开01, 财政拨款收入支出决算表 公开04 (not 公开03)', async () => {
    const doc = await run(makeVariant('yunnan', 'none').lines);
    expect(doc.tables.map((t) => t.kind).slice(0, 7)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开一般公共预算项目支出表']);
    expect(doc.flags.filter((f) => f.code === 'MISSING_TABLE')).toEqual([]);
  }, 30_000);

  it('a word in front of a generic title makes it another table’s (notAfter); the phrase alone still names it', () => {
    expect(tableDefForTitle<Def>('收入支出决算表')?.kind).toBe('公开01表');
    expect(tableDefForTitle<Def>('表 3：支出决算表')?.kind).toBe('公开03表');
    expect(tableDefForTitle<Def>('青山县2024年度部门支出决算表')?.kind).toBe('公开03表');
    expect(tableDefForTitle<Def>('一般公共预算财政拨款项目支出决算表')?.kind).toBe('公开一般公共预算项目支出表');
    expect(tableDefForTitle<Def>('政府性基金预算支出预算表')?.kind).toBe('预算08政府性基金表');
    // (the 预算 sets' own project table since session 10, never the 支出预算表)
    expect(tableDefForTitle<Def>('项目支出预算表')?.kind).toBe('预算项目支出表');
    // a title that lost a character in conversion (泸州's 目录) names no table rather than the wrong one
    // (session 9: the one table it is one character short of — tests/templates-s9.test.ts)
    expect(tableDefForTitle<Def>('四、政拨款收入支出决算总表')?.kind).not.toBe('公开01表');
    expect(tableDefForTitle<Def>('六、般公共预算财政拨款支出决算表')?.kind).not.toBe('公开03表');
  });

  it('the family’s title matcher: numbering (表 1：, 一、) and 、 in “三公”经费及会议费、培训费 do not hide the table', () => {
    const national = families().find((f) => f.key === 'national-juesuan')!;
    expect(tableOfTitle('七、一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', national.tables)?.kind).toBe('公开07表');
    expect(tableOfTitle('表 1：收入支出决算表', national.tables)?.kind).toBe('公开01表');
    expect(tableOfTitle('九、一般公共预算财政拨款项目支出决算表', national.tables)).toBeNull();
  });
});

describe('a table title printed twice (a 目录 line the segmenter kept, then the table)', () => {
  it('the title with its explanation under it stands for the table, not the bare 目录 line', async () => {
    const lines = [
      '东湖区万松街道办事处2023年部门预算',
      '目录',
      '一、部门主要职能',
      '二、部门预算表',
      '  6．2023年部门政府性基金预算支出功能分类预算表',
      '  7．2023年部门国有资本经营预算支出功能分类预算表',
      '三、其他相关情况说明',
      '一、部门主要职能',
      '街道办事处负责辖区内的社会管理和公共服务工作。',
      '二、部门预算表',
      '2023年部门政府性基金预算支出功能分类预算表',
      '注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。',
      '2023年部门国有资本经营预算支出功能分类预算表',
      '注：本部门2023年无国有资本经营预算财政拨款安排的预算，故本表为空表。',
      '三、其他相关情况说明',
      '本部门2023年机关运行经费预算120.00万元。',
    ];
    const doc = await run(lines);
    expect(doc.tables.map((t) => [t.kind, t.loc.line, t.note !== null])).toEqual([
      ['预算08政府性基金表', 11, true],
      ['预算09国有资本经营表', 13, true],
    ]);
    expect(doc.flags.filter((f) => f.code === 'EMPTY_TABLE_UNEXPLAINED')).toEqual([]);
  });
});

describe('a table whose cells the reader could not split', () => {
  it('a row of cells each holding several figures (5.48 0.00 4.62) is an unread table, not an empty one', async () => {
    const lines = [
      '青山县农业技术推广中心2024年度部门决算',
      '第二部分 2024年度部门决算表',
      '七、财政拨款“三公”经费支出决算表',
      '单位：万元',
      '\t预算数',
      '\t决算数',
      '',
      '\t5.48 0.00 4.62 0.00',
      '\t4.98 0.00 4.12 0.86',
      '第三部分 2024年度部门决算情况说明',
    ];
    const doc = await run(lines);
    expect(doc.tables.map((t) => [t.kind, t.empty])).toEqual([['公开07表', false]]);
    expect(doc.flags.filter((f) => f.code === 'EMPTY_TABLE_UNEXPLAINED')).toEqual([]);
  });
});

describe('review traps (rv8) on the variants', () => {
  const zhanjiang = makeVariant('zhanjiang', 'none').lines;
  const withLines = (extra: string[]) => [...zhanjiang.slice(0, -2), ...extra, ...zhanjiang.slice(-2)];
  const codes = (doc: Awaited<ReturnType<typeof run>>, code: string) => doc.flags.filter((f) => f.code === code).map((f) => `${f.severity} ${f.excerpt ?? ''}`);

  it('rv8 #6: a heading naming a span of years that holds the report’s year names no wrong year; a span that does not still does', async () => {
    const doc = await run(
      withLines(['十四、《2023—2025年信息化建设规划》实施情况说明', '本单位按规划推进信息化建设。', '十五、“十四五”规划（2021—2025年）中期评估情况', '评估工作已完成。', '十六、2024-2026年中期财政规划执行情况', '规划执行良好。', '十七、2019—2021年专项规划总结', '总结已完成。']),
    );
    expect(codes(doc, 'YEAR_MISMATCH')).toEqual(['error 十七、2019—2021年专项规划总结']);
  });

  it('rv8 #7: a ratio or a coefficient without a unit is not malformed; a rate is', async () => {
    const doc = await run(withLines(['本单位流动比率为1.2，速动比率为0.8。', '按1:1.5的比例安排配套资金，配套系数为1.5。', '本年度固定资产成新率为0.62。', '本年度预算执行率为98.20。']));
    expect(codes(doc, 'MALFORMED_VALUE')).toEqual(['error 本年度预算执行率为98.20。']);
  });

  it('rv8 #11: a 预算 whose duties are titled 基本职能及主要工作 has its duties section', async () => {
    const lines = makeVariant('yusuan', 'none').lines.map((l) => (l === '一、主要职责' ? '一、基本职能及主要工作' : l));
    expect(lines).toContain('一、基本职能及主要工作');
    expect((await run(lines)).flags.filter((f) => f.code === 'MISSING_SECTION')).toEqual([]);
  });
});

describe('收支总表 layouts of other provinces (rv8 #8, #9)', () => {
  // 湖北's national template prints 项目 | 行次 | 金额 in each half, with a 栏次 row (-layout text)
  const hangci = (incomeTotal: string) => [
    '随县某某中心2023年度部门决算',
    '第二部分 2023年度部门决算表',
    '                                 收入支出决算总表',
    '                                                                         公开01表',
    '部门：随县某某中心                                                       金额单位：万元',
    '                        收入                                                  支出',
    '项目                              行次      金额     项目                          行次      金额',
    '栏次                                         1       栏次                                     2',
    '一、一般公共预算财政拨款收入         1      612.40   一、一般公共服务支出            32      588.10',
    '二、政府性基金预算财政拨款收入       2        0.00   二、社会保障和就业支出          33       41.30',
    '三、国有资本经营预算财政拨款收入     3        0.00   三、住房保障支出                34       12.00',
    '四、上级补助收入                     4        0.00',
    '五、事业收入                         5        0.00',
    '六、经营收入                         6        0.00',
    '七、附属单位上缴收入                 7        0.00',
    '八、其他收入                         8       29.00',
    `本年收入合计                        20      ${incomeTotal}   本年支出合计                    57      641.40`,
    '使用非财政拨款结余                  21        0.00   结余分配                        58        0.00',
    '年初结转和结余                      22        5.00   年末结转和结余                  59        5.00',
    '总计                                30      646.40   总计                            60      646.40',
    '第三部分 2023年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    '2023年度收、支总计646.40万元。本年收入合计641.40万元，其中：一般公共预算财政拨款收入612.40万元，其他收入29.00万元。本年支出合计641.40万元。',
  ];

  it('#8 a 行次 column is never read as the amounts: the summary is the 金额 column’s, no false sum', async () => {
    const doc = await run(hangci('641.40'));
    expect(doc.flags.filter((f) => f.code === 'SUM_MISMATCH' || f.code === 'VALUE_CONFLICT')).toEqual([]);
    expect(doc.summary.total_income?.value).toBe(641.4);
    expect(doc.summary.general_budget_appropriation_income?.value).toBe(612.4);
    expect(doc.summary.other_income?.value).toBe(29);
    expect(doc.summary.total_expenditure?.value).toBe(641.4);
  });

  it('#8 … and a 金额 that breaks its sums is still caught', async () => {
    const doc = await run(hangci('651.40'));
    expect(doc.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.found)).toEqual(['651.40']);
  });

  it('#9 a 收支总表 printed as two stacked blocks (收入 rows, then 支出 rows): 本年支出合计 is not the 支出 side’s 总计', async () => {
    const doc = await run([
      '泸县某某局2023年度部门决算',
      '第五部分 附表',
      '                 表1',
      '                    收入支出决算总表',
      '                                                        单位：万元',
      '收入',
      '项目                                          决算数',
      '一、一般公共预算财政拨款收入                  380.00',
      '二、政府性基金预算财政拨款收入',
      '八、其他收入                                   15.00',
      '本年收入合计                                  395.00',
      '年初结转和结余                                 12.00',
      '总计                                          407.00',
      '支出',
      '项目                                          决算数',
      '一、一般公共服务支出                          300.00',
      '二、社会保障和就业支出                         80.00',
      '本年支出合计                                  380.00',
      '结余分配',
      '年末结转和结余                                 27.00',
      '总计                                          407.00',
    ]);
    expect(doc.flags.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('rv8 R1: a national-template report still needs each of its explanations', () => {
  const national = makeVariant('zhanjiang', 'none').lines;
  const without = (heading: string) => {
    const at = national.indexOf(heading);
    expect(at).toBeGreaterThan(0);
    return [...national.slice(0, at), ...national.slice(at + 2)];
  };
  for (const [heading, what] of [
    ['二、收入决算情况说明', '收入决算情况说明'],
    ['四、财政拨款收入支出决算总体情况说明', '财政拨款收入支出决算总体情况说明'],
    ['六、一般公共预算财政拨款基本支出决算情况说明', '一般公共预算财政拨款基本支出决算情况说明'],
  ]) {
    it(`without ${heading}: MISSING_SECTION error`, async () => {
      const doc = await run(without(heading!));
      expect(doc.flags.filter((f) => f.code === 'MISSING_SECTION').map((f) => `${f.severity} ${f.expected}`)).toEqual([`error ${what}`]);
    });
  }
});

describe('rv8 #17, #19: template leftovers told from prose', () => {
  const zhanjiang = makeVariant('zhanjiang', 'none').lines;
  const withLines = (extra: string[]) => [...zhanjiang.slice(0, -2), ...extra, ...zhanjiang.slice(-2)];
  const found = async (extra: string[], code: string) => (await run(withLines(extra))).flags.filter((f) => f.code === code).map((f) => f.found);

  it('#17 例如： inside the unit’s own sentence is prose; opening a sentence or a bracket it is the template’s example', async () => {
    expect(await found(['十四、信息化建设情况', '本单位项目支出主要用于网络运维，例如：机房维护、安全检测等。'], 'TEMPLATE_TEXT')).toEqual([]);
    expect(await found(['十四、绩效评价结果应用情况', '至部门决算公开时已经应用的情况。例如：加强项目规划、绩效目标管理等。'], 'TEMPLATE_TEXT')).toEqual(['例如：']);
  });

  it('#19 a reason that goes on after a comma is given; 原因是。 is blank', async () => {
    expect(await found(['十四、其他需要说明的情况', '本年收入比上年增加12.00万元，主要原因是，在编人员增加。', '本年支出比上年增加12.00万元，主要原因为，新增培训项目。'], 'BLANK_VALUE')).toEqual([]);
    expect(await found(['十四、其他需要说明的情况', '本年收入比上年增加12.00万元，主要原因是。'], 'BLANK_VALUE')).toEqual(['主要原因是']);
  });
});

describe('rv8 #2: a table continued over a page is one table', () => {
  const head = [
    '                                                           单位：万元',
    '                   项目',
    '      支出功能分类',
    '                                      合计        基本支出 项目支出',
    '       科目编码             科目名称',
    '类      款    项',
  ];
  const page1 = [
    '201               一般公共服务支出             860.00     700.00    160.00',
    '201     03        政府办公厅（室）及相关机构事务 860.00     700.00    160.00',
    '201     03   01   行政运行                   700.00     700.00',
    '201     03   02   一般行政管理事务             160.00                160.00',
    '208               社会保障和就业支出            150.00     150.00',
    '208     05        行政事业单位养老支出           150.00     150.00',
  ];
  const page2 = [
    '208     05   01   行政单位离退休               40.00      40.00',
    '208     05   05   机关事业单位基本养老保险缴费支出     110.00     110.00',
    '221               住房保障支出                 70.00      70.00',
    '221     02        住房改革支出                 70.00      70.00',
    '221     02   01   住房公积金                   70.00      70.00',
  ];
  const doc = (second: string, total: string) => [
    '东湖区某某局2024年度部门决算',
    '第二部分 2024年度部门决算表',
    '                  一般公共预算财政拨款支出决算表',
    ...head,
    ...page1,
    '                                  - 8 -',
    '\f                  ' + second,
    ...head,
    ...page2,
    `                   合计                  ${total}   920.00    160.00`,
  ];

  it('under its title + （续表）: the 合计 at the foot adds up the rows of both pages', async () => {
    const d = await run(doc('一般公共预算财政拨款支出决算表（续表）', '1,080.00'));
    expect(d.flags.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
    expect(d.tables.filter((t) => t.kind === '公开05表').length).toBe(1);
  });

  it('under its title printed again on the next page: the same; and a 合计 that does not add up is still caught', async () => {
    expect((await run(doc('一般公共预算财政拨款支出决算表', '1,080.00'))).flags.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
    const bad = await run(doc('一般公共预算财政拨款支出决算表（续表）', '1,090.00'));
    const sums = bad.flags.filter((f) => f.code === 'SUM_MISMATCH');
    expect(sums.length).toBe(1);
    expect(sums[0]!.message).toContain('1,090.00');
  });
});

describe('rv8 #21: 公开04’s 年初财政拨款结转和结余 broken down by fund, the fund names printed without numbers', () => {
  const t04 = (total: string) => [
    '青山县某某局2023年度部门决算',
    '第五部分 附表',
    '                    财政拨款收入支出决算总表',
    '                                                        单位：万元',
    '收入                                                                        支出',
    '项目                              决算数                                    项目        合计 一般公共预算财政拨款 政府性基金预算财政拨款 国有资本经营预算财政拨款',
    '一、一般公共预算财政拨款          640.00                    一、一般公共服务支出      520.00      520.00',
    '二、政府性基金预算财政拨款        60.00                   二、社会保障和就业支出      120.00      120.00',
    '三、国有资本经营预算财政拨款                                    三、城乡社区支出       62.00                   62.00',
    '本年收入合计                      700.00                            本年支出合计      702.00      640.00       62.00',
    '年初财政拨款结转和结余            8.00                   年末财政拨款结转和结余        6.00                    6.00',
    '  一般公共预算财政拨款',
    '  政府性基金预算财政拨款          8.00',
    `总计                              ${total}                                    总计      708.00      640.00       68.00`,
  ];

  it('the fund rows are the carry-over’s breakdown, not more income: no false sum; a wrong 总计 is still caught', async () => {
    expect((await run(t04('708.00'))).flags.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
    const bad = (await run(t04('718.00'))).flags.filter((f) => f.code === 'SUM_MISMATCH');
    expect(bad.length).toBe(1);
    expect(bad[0]!.message).toContain('718.00');
  });
});
