// Clean traps from the session-7 review: wordings a correct checker leaves without an error, each once a
// false error on main, with the true defect beside it that the rule must still catch. Flags pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

/** Every flag but the report's missing tables and sections (these traps print one table or none). */
const show = (d: CheckedDocument) => d.flags.filter((f) => !f.code.startsWith('MISSING_')).map((f) => [f.code, f.severity, f.loc?.line, f.found]);
const HEAD = ['某某市某某局2024年度部门决算', '第三部分 2024年度部门决算情况说明'];
/** 公开05 printed by pdftotext -layout: 210 卫生健康支出 50.00. */
const TABLE: string[] = [
  "                 一般公共预算财政拨款支出决算表",
  "                                              单位：万元",
  " 科目编码  科目名称                 合计          基本支出       项目支出",
  "           合计                     150.00       150.00      0.00",
  "208        社会保障和就业支出       100.00       100.00      0.00",
  "20805      行政事业单位养老支出     100.00       100.00      0.00",
  "2080501    行政单位离退休           100.00       100.00      0.00",
  "210        卫生健康支出              50.00        50.00      0.00",
  "21011      行政事业单位医疗          50.00        50.00      0.00",
  "2101101    行政单位医疗              50.00        50.00      0.00"
];
const withTable = (sentence: string) => [HEAD[0]!, '一、一般公共预算财政拨款支出决算情况说明', sentence, '二、决算表', ...TABLE];

describe('a 科目 code in prose is printed as a code, never a group of a figure or a count', () => {
  it('reads no code in 3,210.00 or in 210 人', async () => {
    expect(show(await run(withTable('一般公共预算财政拨款支出年初预算为3,210.00万元，支出决算为150.00万元。')))).toEqual([]);
    expect(show(await run(withTable('本年在职人员210人，一般公共预算财政拨款支出决算为150.00万元。')))).toEqual([]);
  });
  it('still reads a code after 编码 or before its row name', async () => {
    const conflict = [['VALUE_CONFLICT', 'error', 3, '40.00万元']];
    expect(show(await run(withTable('功能分类科目编码210决算为40.00万元。')))).toEqual(conflict);
    expect(show(await run(withTable('210卫生健康支出决算为40.00万元。')))).toEqual(conflict);
  });
});

describe('a 其中 list ends where its bracket closes or where a semicolon returns to the outer list', () => {
  it('takes no sibling after the list as a part', async () => {
    for (const line of [
      '“三公”经费财政拨款支出决算为15.00万元，其中：公务用车购置及运行维护费12.00万元（其中：公务用车购置费8.00万元，公务用车运行维护费4.00万元），公务接待费3.00万元。',
      '本年支出合计100.00万元（其中：基本支出60.00万元，项目支出40.00万元），上缴上级支出20.00万元。',
      '公务用车购置及运行维护费12.00万元，其中：公务用车购置费8.00万元，公务用车运行维护费4.00万元；公务接待费3.00万元。',
      '一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，主要包括：基本工资30.00万元、津贴补贴20.00万元、奖金10.00万元、住房公积金10.00万元；公用经费20.00万元，主要包括：办公费5.00万元、差旅费15.00万元。',
      '2024年度收入总计220.00万元，其中：本年收入合计200.00万元，年初结转和结余20.00万元；支出总计220.00万元，其中：本年支出合计210.00万元，年末结转和结余10.00万元。',
    ])
      expect(show(await run([...HEAD, line])), line).toEqual([]);
  });
  it('still flags parts above their total inside the list', async () => {
    expect(show(await run([...HEAD, '公务用车购置及运行维护费12.00万元（其中：公务用车购置费9.00万元，公务用车运行维护费4.00万元），公务接待费3.00万元。']))).toEqual([
      ['SUM_MISMATCH', 'error', 3, '12.00万元'],
    ]);
    expect(show(await run([...HEAD, '公务用车购置及运行维护费12.00万元，其中：公务用车购置费9.00万元，公务用车运行维护费4.00万元；公务接待费3.00万元。']))).toEqual([
      ['SUM_MISMATCH', 'error', 3, '12.00万元'],
    ]);
  });
});

describe('a change in 元 beside 万元 figures is suspect only where 万元 is a possible reading', () => {
  it('does not suggest an increase larger than the figure itself', async () => {
    expect(show(await run([...HEAD, '住房保障支出（类）1,200.00万元，比上年增加8,000.00元，主要原因是缴存基数调整。']))).toEqual([]);
  });
  it('still suggests 万元 for a tiny increase that is possible in 万元', async () => {
    expect(show(await run([...HEAD, '住房保障支出（类）1,200.00万元，比上年增加80.00元，主要原因是缴存基数调整。']))).toEqual([
      ['UNIT_SUSPECT', 'error', 3, '80.00元'],
    ]);
  });
});

describe('two years named together are a comparison, not a wrong year', () => {
  it('leaves a title naming the report’s year and another, and a paragraph dating both year-ends', async () => {
    expect(show(await run([...HEAD, '（四）2024年度与2023年度决算对比情况', '本年支出合计1,100.00万元，比上年增加100.00万元，增长10.00%。']))).toEqual([]);
    expect(show(await run([...HEAD, '十、国有资产占有使用情况说明', '截至2023年12月31日，本部门共有车辆3辆；截至2024年12月31日，共有车辆2辆，比上年减少1辆。']))).toEqual([]);
    expect(show(await run(['上海市某区某某局2025年部门预算', '第二部分 2025年部门预算情况说明', '（二）2023年决算数与2025年预算数对比情况', '本部门2025年预算比2023年决算增加10.00万元。']))).toEqual([]);
  });
  it('still flags a title or a year-end of one wrong year', async () => {
    expect(show(await run([...HEAD, '（四）2023年度决算对比情况', '本年支出合计1,100.00万元，比上年增加100.00万元，增长10.00%。']))).toEqual([['YEAR_MISMATCH', 'error', 3, 2023]]);
    expect(show(await run([...HEAD, '十、国有资产占有使用情况说明', '截至2023年12月31日，本部门共有车辆3辆。']))).toEqual([['YEAR_MISMATCH', 'error', 4, 2023]]);
  });
});

describe('a 其中 list ends at a stop stronger than the one between its first items', () => {
  it('takes no amount of the next clause as a part', async () => {
    for (const line of [
      '本年支出合计100.00万元，其中基本支出60.00万元、项目支出40.00万元，年末结转和结余20.00万元。',
      '政府采购支出总额100.00万元，其中：货物30.00万元、服务70.00万元，授予中小企业合同金额80.00万元。',
      '基本支出100.00万元，其中：人员经费80.00万元、公用经费20.00万元，机关运行经费20.00万元。',
    ])
      expect(show(await run([...HEAD, line])), line).toEqual([]);
  });
  it('still flags enumerated parts above their total', async () => {
    expect(show(await run([...HEAD, '本年支出合计100.00万元，其中基本支出70.00万元、项目支出40.00万元，年末结转和结余20.00万元。']))).toEqual([
      ['SUM_MISMATCH', 'error', 3, '100.00万元'],
    ]);
  });
});

describe('a rate over a prior derived from the level and the change carries both roundings', () => {
  // 元: prior 8,370, current 44,242, change 35,872 → 428.58%; printed in 万元 the figures allow 426.8%–438.4%
  it('accepts the rate the unrounded amounts give', async () => {
    expect(show(await run([...HEAD, '公务接待费支出决算4.42万元，比上年增加3.59万元，增长428.58%。']))).toEqual([]);
  });
  it('still flags a rate outside what the printed figures allow', async () => {
    expect(show(await run([...HEAD, '公务接待费支出决算4.42万元，比上年增加3.59万元，增长400.00%。']))).toEqual([
      ['PERCENT_MISMATCH', 'error', 3, '400.00%'],
    ]);
  });
});

describe('a unit in a column header’s brackets is a label, not a blank', () => {
  it('reads （ 万元 ） and ( %) in a header as units', async () => {
    expect(show(await run(['上海市某区某某局2024年度部门决算', '科目名称                         本年支出（ 万元 ）']))).toEqual([]);
    expect(show(await run(['上海市某区某某局2024年度部门决算', '项目   金额( 万元)   占比( %)']))).toEqual([]);
  });
  it('still flags a blank before a unit in prose', async () => {
    expect(show(await run([...HEAD, '本年支出决算为 万元。']))).toEqual([['BLANK_VALUE', 'error', 3, '空白']]);
  });
});

describe('a 类/款 figure’s rows lie under its own names', () => {
  it('takes no row of another 类 as a part (a chain cut by its figure in a page dump’s line order)', async () => {
    const lines: string[] = [
      "某某市某某局2024年度部门决算",
      "第三部分 2024年度部门决算情况说明",
      "四、一般公共预算财政拨款支出决算情况说明",
      "（三）一般公共预算财政拨款支出决算具体情况",
      "1、社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休",
      "（项）。主要用于：退休人员经费支出。年初预算为 80.00 万元，支出决算为79.00万",
      "元。 决算数小于预算数的主要原因：退休人员减少。",
      " 2、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老",
      "150.00万元，支出决算为149.00万元。 决算数小于预算数的主要原因：预算按充分保",
      "保险缴费支出（项）。主要用于：在职人员的基本养老保险支出。年初预算为",
      "障预估。",
      "3、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金",
      "缴费支出（项）。主要用于：职业年金缴费。年初预算为 75.00 万元，支出决算为74.00",
      "万元。决算数小于预算数的主要原因：人员变动。",
      "4、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。主要用于：",
      "基本医疗保险费。年初预算为60.00 万元，支出决算为59.00万元。决算数小于预算数的主要原因：人员变动。",
      "5、住房保障支出（类）住房改革支出（款）住房公积金（项）。主要用于：住房公积金。年初预算为100.00 万元，支出决算为99.00万元。决算数小于预算数的主要原因：人员变动。"
    ];
    expect(show(await run(lines))).toEqual([]);
  });
  it('still flags rows of its own 类 above it', async () => {
    expect(
      show(await run([...HEAD, '四、一般公共预算财政拨款支出决算情况说明', '1、社会保障和就业支出（类）100.00万元。', '（1）行政事业单位养老支出（款）80.00万元。', '（2）抚恤（款）30.00万元。'])),
    ).toEqual([['SUM_MISMATCH', 'error', 4, '110.00万元']]);
  });
});

describe('a rate between two levels, with two figures of the comparison year printed', () => {
  const doc = (rate: string) => [
    '上海市某区某某街道办事处2026年单位预算',
    '四、单位预算编制说明',
    '（三）财政拨款支出主要内容',
    `1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”27.00万元，主要用于机关运行。2025年预算数为26.00万元，当年预算执行数为25.09万元，2026年预算安排27.00万元，比2025年预算增加${rate}%。`,
  ];
  it('accepts a rate over either of them', async () => {
    expect(show(await run(doc('3.85')))).toEqual([]);
    expect(show(await run(doc('7.61')))).toEqual([]);
  });
  it('still flags a rate over neither', async () => {
    expect(show(await run(doc('9.99')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '9.99%']]);
  });
});

describe('a 科目’s own 基本支出 and 项目支出 restate its row’s columns', () => {
  const T14: string[] = [
    "上海市某区某某局2024年度部门决算",
    "第二部分 2024年度部门决算表",
    "                 一般公共预算财政拨款支出决算表",
    "                                              单位：万元",
    " 科目编码  科目名称                 合计          基本支出       项目支出",
    "           合计                     150.00       120.00       30.00",
    "201        一般公共服务支出         100.00        70.00       30.00",
    "20103      政府办公厅（室）及相关机构事务   100.00        70.00       30.00",
    "2010301    行政运行                  70.00        70.00        0.00",
    "2010302    一般行政管理事务          30.00         0.00       30.00",
    "208        社会保障和就业支出        50.00        50.00        0.00",
    "20805      行政事业单位养老支出      50.00        50.00        0.00",
    "2080501    行政单位离退休            50.00        50.00        0.00",
    "第三部分 2024年度部门决算情况说明",
    "四、一般公共预算财政拨款支出决算情况说明"
  ];
  it('compares them with the row’s 基本支出/项目支出, in the sentence or after its full stop', async () => {
    expect(show(await run([...T14, '一般公共服务支出（类）100.00万元，其中：基本支出70.00万元，项目支出30.00万元。']))).toEqual([]);
    expect(show(await run([...T14, '一般公共服务支出（类）支出100.00万元。其中：基本支出70.00万元；项目支出30.00万元。']))).toEqual([]);
  });
  it('still flags a wrong 基本支出 of the 科目', async () => {
    expect(show(await run([...T14, '一般公共服务支出（类）100.00万元，其中：基本支出75.00万元，项目支出30.00万元。']))).toEqual([
      ['SUM_MISMATCH', 'error', 16, '105.00万元'],
      ['VALUE_CONFLICT', 'error', 16, '75.00万元'],
    ]);
  });
});

describe('a 类 of all 财政拨款 is the sum of its fund tables’ rows; a fund named in its own words is that fund', () => {
  const T15: string[] = [
    "上海市某区某某局2024年度部门决算",
    "第二部分 2024年度部门决算表",
    "                 一般公共预算财政拨款支出决算表",
    "                                              单位：万元",
    " 科目编码  科目名称                 合计          基本支出       项目支出",
    "           合计                     150.00       120.00       30.00",
    "212        城乡社区支出             150.00       120.00       30.00",
    "21201      城乡社区管理事务         150.00       120.00       30.00",
    "2120101    行政运行                 150.00       120.00       30.00",
    "                 政府性基金预算财政拨款收入支出决算表",
    "                                              单位：万元",
    " 科目编码  科目名称         年初结转和结余   本年收入    本年支出合计   基本支出   项目支出   年末结转和结余",
    "           合计                   0.00       80.00        80.00       0.00      80.00       0.00",
    "212        城乡社区支出           0.00       80.00        80.00       0.00      80.00       0.00",
    "21208      国有土地使用权出让收入安排的支出   0.00       80.00        80.00       0.00      80.00       0.00",
    "2120899    其他国有土地使用权出让收入安排的支出 0.00  80.00   80.00   0.00   80.00   0.00",
    "第三部分 2024年度部门决算情况说明",
    "四、财政拨款支出决算情况说明"
  ];
  const line = (cls: string, fund: string) => `财政拨款支出230.00万元，其中：城乡社区支出（类）${cls}万元（一般公共预算150.00万元，政府性基金${fund}万元）。`;
  it('accepts 150.00 + 80.00', async () => {
    expect(show(await run([...T15, line('230.00', '80.00')]))).toEqual([]);
  });
  it('still flags a fund figure against its own table', async () => {
    expect(show(await run([...T15, line('230.00', '90.00')]))).toEqual([['VALUE_CONFLICT', 'error', 19, '90.00万元']]);
  });
});

describe('a 其中 that lists a complete sum’s parts and more is not that sum', () => {
  const JS = ['江苏省某某厅2019年度部门预算', '第三部分 2019年度部门预算情况说明'];
  it('leaves 人员经费 + 公用经费 + 项目支出 and 三公 + 会议费 + 培训费', async () => {
    expect(show(await run([...JS, '六、财政拨款支出预算情况说明', '本厅2019年度财政拨款支出预算安排500.00万元，其中：人员经费300.00万元，公用经费100.00万元，项目支出100.00万元。']))).toEqual([]);
    expect(show(await run([...JS, '十一、一般公共预算“三公”经费、会议费、培训费支出预算说明', '本厅2019年度“三公”经费、会议费、培训费预算支出合计20.00万元，其中：因公出国（境）费5.00万元，公务用车购置及运行费8.00万元，公务接待费2.00万元，会议费3.00万元，培训费2.00万元。']))).toEqual([]);
  });
  it('still flags the parts of a complete sum that do not add up', async () => {
    expect(show(await run([...JS, '六、财政拨款支出预算情况说明', '本厅2019年度基本支出预算安排500.00万元，其中：人员经费300.00万元，公用经费100.00万元。']))).toEqual([
      ['SUM_MISMATCH', 'error', 4, '500.00万元'],
    ]);
  });
});

describe('a 科目 figure restated for another fund is no second statement of the opening one', () => {
  const C03: string[] = [
    "上海市某区某某街道办事处2026年单位预算",
    "四、单位预算编制说明",
    "（三）财政拨款支出主要内容"
  ];
  const line = (fund: string) => `1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”2026年度一般公共预算22.59万元，主要用于机关运行。2025年当年预算执行数为20.00万元，2026年预算安排${fund}25.59万元，比2025年预算执行数增加27.95%。`;
  it('leaves 一般公共预算22.59 beside 预算安排（含政府性基金）25.59', async () => {
    expect(show(await run([...C03, line('（含政府性基金）')]))).toEqual([]);
  });
  it('still flags the same 科目 stated twice with two values', async () => {
    expect(show(await run([...C03, line('')]))).toEqual([['VALUE_CONFLICT', 'error', 4, '25.59万元']]);
  });
});

describe('a row whose figures fit no placement is a warning: its columns are a guess', () => {
  it('does not raise an error on a header wrapped over four lines', async () => {
    const lines: string[] = [
    "江苏省某某厅2017年度部门预算",
    "                        支出预算总表",
    "  部门：        江苏省某某厅                  单位：万元",
    "                                     单位",
    "              基       项目",
    "  合计                            预留机动    结转下年资金",
    "           本支出        支出",
    "                                    经费",
    "10,000.00  6,000.00   3,900.00  100.00"
  ];
    expect(show(await run(lines)).filter((f) => f[1] === 'error')).toEqual([]);
  });
});

describe('a 其中 list of items named with the total’s head word ends at an item that is not', () => {
  const line = (fund: string) => `财政拨款支出100.00万元，其中一般公共预算财政拨款支出100.00万元，比上年增加10.00万元，政府性基金预算财政拨款支出${fund}万元，年末财政拨款结转和结余30.00万元。`;
  it('takes no 年末结转和结余 after the 支出 items as a part', async () => {
    expect(show(await run([...HEAD, line('0.00')]))).toEqual([]);
  });
  it('still flags the 支出 items above their total', async () => {
    expect(show(await run([...HEAD, line('20.00')]))).toEqual([['SUM_MISMATCH', 'error', 3, '120.00万元']]);
  });
});
