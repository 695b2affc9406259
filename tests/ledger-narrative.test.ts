// Narrative figures and comparison claims reconciled with each other (issue 11, rules 1 and 3): small
// documents written in the phrasing of real reports (上海 预算 项 explanations, 重庆 西南大学's 类 list, 上海
// 收支 overview), run through the whole pipeline; the flags are pinned exactly.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);

const YUSUAN = ['上海市普陀区司法局2026年部门预算', '一、部门预算编制说明'];

describe('a rate stated with the two figures it compares (预算执行数 → 预算安排)', () => {
  const item = (prior: string, cur: string, word: string, rate: string) => [
    ...YUSUAN,
    `1、公共安全支出（204类）司法（06款）行政运行（01项）${cur}万元。主要用于：行政单位的基本支出。2025年当年预算执行数为`,
    `${prior}万元，2026年预算安排${cur}万元，比2025年预算执行数${word}${rate}%。主要原因是：支出${word}。`,
  ];

  it('accepts the rate the two figures give at their printed precision', async () => {
    expect(show(await run(item('1690.69', '1434.89', '减少', '15.13')))).toEqual([]);
    expect(show(await run(item('77.99', '91.97', '增加', '17.93')))).toEqual([]);
  });

  it('flags a rate the figures do not give (普陀区司法局 2026 单位预算 p6: 1690.69 → 1434.89 “减少1.10%”)', async () => {
    const d = await run(item('1690.69', '1434.89', '减少', '1.10'));
    expect(show(d)).toEqual([['PERCENT_MISMATCH', 'error', 4, '15.13%', '1.10%']]);
    expect(d.flags.find((f) => f.code === 'PERCENT_MISMATCH')!.message).toBe('变动率与金额不符：由1690.69万元到1434.89万元，减少率应约为15.13%，文中写减少1.10%。');
  });

  it('flags a rate whose direction the figures contradict (57.43 → 57.8 “减少2.27%”)', async () => {
    expect(show(await run(item('57.43', '57.8', '减少', '2.27')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '增加0.64%', '2.27%']]);
  });
});

describe('one change stated twice (收入 and 支出 of a balanced 预算)', () => {
  const overview = (w1: string, w2: string, w3: string) => [
    ...YUSUAN,
    `2026年，上海市普陀区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2025年预算${w1}793.14万元；事业收入0万元。`,
    `支出预算9628.22万元，其中：财政拨款支出预算9628.22万元，比2025年预算${w2}793.14万元。`,
    `财政拨款支出预算中，一般公共预算拨款支出预算9628.22万元，比2025年预算${w3}793.14万元；政府性基金拨款支出预算0万元，与2025年预算持平。`,
  ];

  it('agrees when every statement says the same', async () => {
    expect(show(await run(overview('增加', '增加', '增加')))).toEqual([]);
  });

  it('flags the one statement that turns the change around', async () => {
    const d = await run(overview('增加', '减少', '增加'));
    expect(show(d)).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增加793.14万元', '减少793.14万元']]);
  });
});

describe('a change broken down into its parts (西南大学 2023: 其中 1.教育支出…)', () => {
  const list = (w: string) => [
    '西南大学2023年部门预算',
    '一、部门预算情况说明',
    '2023年当年财政拨款支出预算与上年全年预算数相比增加2,898.54万元。其中：',
    '1.教育支出比上年增加3,805.13万元，主要原因是招生人数有所增加；',
    '2.社会保障和就业支出比上年增加932.60万元；',
    `3.科学技术支出比上年${w}1,985.18万元，主要原因是基建项目拨款减少；`,
    '4.住房保障支出比上年增加36.49万元；',
    '5.政府性基金支出比去年增加109.5万元。',
  ];

  it('accepts parts that add up to the change', async () => {
    expect(show(await run(list('减少')))).toEqual([]);
  });

  it('flags the one word whose turn makes them add up', async () => {
    expect(show(await run(list('增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 6, '减少1,985.18万元', '增加1,985.18万元']]);
  });
});

describe('a 项 stated twice in its paragraph (opening figure and 预算安排)', () => {
  it('flags the 预算安排 that differs from the 项 the paragraph opens with (普陀区司法局 2026 p9: 208.8 and 201.50)', async () => {
    const d = await run([
      ...YUSUAN,
      '12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金',
      '。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。主要原因是：支出增加。',
    ]);
    // One root cause: the rate 5.27% fits 208.8 (201.50 would give 1.59%), so 201.50 is the wrong figure.
    expect(show(d)).toEqual([['VALUE_CONFLICT', 'error', 4, '208.8万元', '201.50万元']]);
    expect(d.flags.find((f) => f.code === 'VALUE_CONFLICT')!.message).toBe('同一科目前后不一致：本段开头“住房公积金”为208.8万元，此处2026年为201.50万元（文中变动率5.27%与开头数相符）。');
  });

  it('flags both when the rate fits neither figure (two defects)', async () => {
    const d = await run([
      ...YUSUAN,
      '12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：行政事业单位为职工缴纳的住房公积金',
      '。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加9.27%。主要原因是：支出增加。',
    ]);
    expect(show(d)).toEqual([
      ['VALUE_CONFLICT', 'error', 4, '208.8万元', '201.50万元'],
      ['PERCENT_MISMATCH', 'error', 4, '1.59%', '9.27%'],
    ]);
  });
});

describe('the items of a 其中 list cannot exceed their total', () => {
  const procurement = (services: string) => [
    '上海市财政局2025年单位预算',
    '三、政府采购预算情况',
    `2025年度本单位政府采购预算1,708.03万元，其中：政府采购货物预算42.50万元、政府采购工程预算0.00万元、政府采购服务预算${services}万元。`,
  ];

  it('accepts items within the total, complete or not', async () => {
    expect(show(await run(procurement('1,665.53')))).toEqual([]);
    // an open list (基本支出 and 项目支出 are not all of 本年支出: 预留机动经费 is not listed)
    const open = ['江苏省人大常委会办公厅2019年度部门预算', '三、支出预算情况说明', '江苏省人大常委会办公厅本年支出预算合计18330.37万元，', '其中：', '基本支出9312.9万元，占50.81%；', '项目支出6459.58万元，占35.24%；'];
    expect(show(await run(open))).toEqual([]);
  });

  it('flags items that add up to more than the total', async () => {
    expect(show(await run(procurement('1,765.53')))).toEqual([['SUM_MISMATCH', 'error', 3, '1808.03万元', '1,708.03万元']]);
  });

  it('flags a list complete by definition that falls short of its total (政府采购 = 货物 + 工程 + 服务)', async () => {
    const d = await run(procurement('1,065.53'));
    expect(show(d)).toEqual([['SUM_MISMATCH', 'error', 3, '1108.03万元', '1,708.03万元']]);
    expect(d.flags.find((f) => f.code === 'SUM_MISMATCH')!.message).toBe('各部分之和与合计不符：政府采购货物42.50万元＋政府采购工程0.00万元＋政府采购服务1,065.53万元＝1108.03万元，而政府采购为1,708.03万元。');
  });

  it('reads the items of 公务用车购置及运行费 across their sentences (文旅局 2025 决算 p29)', async () => {
    const para = (total: string) => ['上海市普陀区文化和旅游局2025年度部门决算', '（二）“三公”经费财政拨款支出决算具体情况说明。', `2、公务用车购置及运行维护费支出 ${total} 万元。其中：`, '公务用车购置支出为 0 万元。', '公务用车运行维护支出 2.64 万元。主要用于安排市内因公出差。'];
    expect(show(await run(para('2.64')))).toEqual([]);
    expect(show(await run(para('2.78')))).toEqual([['SUM_MISMATCH', 'error', 3, '2.64万元', '2.78万元']]);
  });

  it('does not read a total of both sides (收支总预算) as the whole of its items', async () => {
    const d = await run(['西南大学2023年部门预算', '（一）收支预算情况说明', '我校2023年收支总预算557,259.13万元，其中本年收入预算403,484.64万元，使用非财政拨款结余59,972.79万元，上年结转93,801.70万元；本年支出预算468,779.07万元，结转下年88,480.06万元。']);
    expect(show(d)).toEqual([]);
  });
});

describe('收入总计 = 支出总计 (江苏 预算: 收入预算总计 … 支出预算总计)', () => {
  const totals = (exp: string) => [
    '江苏省人大常委会办公厅2019年度部门预算',
    '一、收支预算总体情况说明',
    '（一）收入预算总计18330.37万元。包括：',
    '1．财政拨款收入预算总计18330.37万元。',
    `（二）支出预算总计${exp}万元。包括：`,
    '1．一般公共服务（类）支出13907.78万元。',
  ];

  it('accepts balanced totals', async () => {
    expect(show(await run(totals('18330.37')))).toEqual([]);
  });

  it('flags a 支出总计 that differs from the 收入总计', async () => {
    expect(show(await run(totals('22451.13')))).toEqual([['VALUE_CONFLICT', 'error', 5, '18330.37万元', '22451.13万元']]);
  });
});

describe('a 其中 list that begins the next sentence or runs over lines', () => {
  it('flags 三公 items above their 小计 (上海市财政局 2025: 公务用车购置及运行费32.20万元…。其中：…运行费39.43万元)', async () => {
    const d = await run([
      '上海市财政局2025年单位预算',
      '一、2025年“三公”经费预算情况说明',
      '（二）公务用车购置及运行费32.20万元，与2024年预算持平。其中：公务用车购置费0.00万元，与2024年预算持平；公务用车运行',
      '费39.43万元，与2024年预算持平。',
    ]);
    // (购置费 and 运行费 are all of it: the sum must equal it, and says so)
    expect(show(d)).toEqual([['SUM_MISMATCH', 'error', 3, '39.43万元', '32.20万元']]);
  });

  // (the seed's own layout: a completion rate and a change stand between the total and its 其中, and each
  // item is a numbered paragraph of its own)
  const vehicles = (running: string) => [
    '某单位2023年度部门决算',
    '一、“三公”经费财政拨款支出决算情况说明',
    '2.公务用车购置及运行费预算为32万元，支出决算为30.5万元，完成预算的95.31%；决算数较上年增加2.5万元，增长8.93%。决算数小于预算数的主要原因：厉行节约。其中：',
    '(1)公务用车购置费支出20万元。',
    '',
    `(2)公务用车运行费支出${running}万元。`,
  ];

  it('reads a 其中 list that opens after the total’s rate and change (the 购置 + 运行 split must add up)', async () => {
    expect(show(await run(vehicles('10.5')))).toEqual([]);
    expect(show(await run(vehicles('12.5')))).toEqual([['SUM_MISMATCH', 'error', 3, '32.5万元', '30.5万元']]);
  });

  it('reads the items on the lines after a line that ends in 其中：', async () => {
    const d = await run(['上海市财政局2025年单位预算', '三、政府采购预算情况', '2025年度本单位政府采购预算1,708.03万元，', '其中：', '政府采购货物预算42.50万元；', '政府采购服务预算1,765.53万元。']);
    expect(show(d)).toEqual([['SUM_MISMATCH', 'error', 3, '不超过1,708.03万元', '1808.03万元']]);
  });

  it('flags 基本支出 + 项目支出 above 本年支出合计 listed on lines of their own', async () => {
    const d = await run(['江苏省人大常委会办公厅2019年度部门预算', '三、支出预算情况说明', '江苏省人大常委会办公厅本年支出预算合计15680.78万元，', '其中：', '基本支出9312.9万元，占50.81%；', '项目支出6459.58万元，占35.24%；']);
    // (the summary's 支出 = 基本支出 + 项目支出 rule says it too; one flag per spot is kept)
    expect(show(d)).toEqual([['SUM_MISMATCH', 'error', 3, '15772.48万元', '15680.78万元']]);
  });
});

describe('the 三公 tree with unchanged items (普陀区万里街道 2024 预算 p32)', () => {
  const sangong = (w1: string, w2: string, w3: string) => [
    '上海市普陀区万里街道2024年部门预算',
    '一、2024年“三公”经费预算情况说明',
    `2024年“三公”经费预算数为47.91万元，比2023年预算${w1}25万元。其中：`,
    '（一）因公出国（境）费0万元，比2023年预算持平。主要原因是因公出国（境）费保持不变。',
    `（二）公务用车购置及运行费46.56万元，比2023年预算${w2}25万元，主要原因是购置公务用车。其中：公务用车购置费25万元，比`,
    `2023年预算${w3}25万元，主要原因是购置公务用车；公务用车运行费21.56万元，比2023年预算持平，主要原因是公务车用车运行费保持`,
    '不变。',
    '（三）公务接待费1.35万元。比2023年预算持平，主要原因是公务接待费保持不变。',
  ];

  it('accepts the published statements', async () => {
    expect(show(await run(sangong('增加', '增加', '增加')))).toEqual([]);
  });

  it('flags the one word that contradicts the sums it takes part in', async () => {
    expect(show(await run(sangong('减少', '增加', '增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 3, '增加25万元', '减少25万元']]);
    expect(show(await run(sangong('增加', '减少', '增加')))).toEqual([['DIRECTION_CONFLICT', 'error', 5, '增加25万元', '减少25万元']]);
    expect(show(await run(sangong('增加', '增加', '减少')))).toEqual([['DIRECTION_CONFLICT', 'error', 6, '增加25万元', '减少25万元']]);
  });
});

describe('sums stated within one paragraph', () => {
  it('三公 = 因公出国 + 公务用车 + 公务接待 as the paragraph states them (文旅局 2025 决算 p28)', async () => {
    const para = (vehicles: string) => [
      '上海市普陀区文化和旅游局2025年度部门决算',
      '（一）“三公”经费财政拨款支出决算总体情况说明。',
      '“三公”经费财政拨款支出年初预算为11.49万元，支出决',
      `算为3.04万元，其中：因公出国（境）费决算为0万元；公务用车购置及运行维护费支出决算为${vehicles}万元；公务接待费支出决算`,
      '为0.40万元。',
    ];
    expect(show(await run(para('2.64')))).toEqual([]);
    expect(show(await run(para('2.05')))).toEqual([['SUM_MISMATCH', 'error', 4, '2.45万元', '3.04万元']]);
    // A bare 0 beside two-decimal figures is a zero written short, not 0 ± 0.5万元: 2.24 is 0.40 short.
    expect(show(await run(para('2.24')))).toEqual([['SUM_MISMATCH', 'error', 4, '2.64万元', '3.04万元']]);
  });

  it('a bare 0 among the items of a list is as precise as the others (江苏省人大 2019 预算 p11)', async () => {
    const para = (total: string) => [
      '江苏省人大常委会办公厅2019年度部门预算',
      '三、支出预算情况说明',
      `江苏省人大常委会办公厅本年支出预算合计${total}万元，`,
      '其中：',
      '基本支出9312.9万元，占50.81%；',
      '项目支出6459.58万元，占35.24%；',
      '单位预留机动经费2557.89万元，占13.95%；',
      '结转下年资金0万元，占0%。',
    ];
    expect(show(await run(para('18330.37')))).toEqual([]);
    expect(show(await run(para('18330.17')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过18330.17万元', '18330.37万元']]);
  });

  it('a source’s change against the changes of its three funds (普陀区社会福利院 2024 预算 p6)', async () => {
    const para = (change: string) => [
      '上海市普陀区社会福利院2024年单位预算',
      '一、2024年单位预算编制说明',
      `支出预算1,212.12万元，其中：财政拨款支出预算950.12万元，比2023年预算增加${change}万元。财政拨款支出预算中，一般公共预算拨`,
      '款支出预算950.12万元，比2023年预算增加0.46万元；政府性基金拨款支出预算0.00万元，与2023年预算持平；国有资本经营预算拨款支',
      '出预算0.00万元，与2023年预算持平。',
    ];
    expect(show(await run(para('0.46')))).toEqual([]);
    expect(show(await run(para('0.76')))).toEqual([['SUM_MISMATCH', 'error', 3, '增加0.46万元', '增加0.76万元']]);
  });

  it('a figure said to be unchanged from the prior one printed beside it (万里街道 2024 p8)', async () => {
    const para = (cur: string) => [
      '上海市普陀区万里街道2024年部门预算',
      '一、部门预算编制说明',
      `1. “卫生健康支出（类）计划生育事务（款）其他计划生育事务支出（项）”${cur}万元，主要用于计划生育服务。2023年当年预算执行数为20.00万元，2024年预算安排${cur}万元，比2023年预算执行数持平。`,
    ];
    expect(show(await run(para('20.00')))).toEqual([]);
    expect(show(await run(para('20.10')))).toEqual([['DIRECTION_CONFLICT', 'error', 3, '增加', '比2023年预算执行数持平']]);
  });
});

describe('a numbered list announced by its total (江苏 预算: 支出预算总计…。包括：1．…（类）支出…)', () => {
  const list = (second: string) => [
    '江苏省委办公厅2019年度部门预算',
    '一、收支预算总体情况说明',
    '（二）支出预算总计27664.22万元。包括：',
    '1．一般公共服务（类）支出22395.50万元，主要用于机关运行。与上年相比增加2241.75万元，增长11.12%。',
    `2．社会保障和就业（类）支出${second}万元，主要用于离退休人员支出。`,
    '3．住房保障（类）支出1894.09万元，主要用于住房公积金。',
  ];

  it('accepts items within the total', async () => {
    expect(show(await run(list('1374.63')))).toEqual([]);
  });

  it('flags items that add up to more than it', async () => {
    expect(show(await run(list('3546.00')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过27664.22万元', '27835.59万元']]);
  });
});

describe('a change stated as the net of its reasons (江苏省人大 2019 预算 p16: 增减相抵后增加164.48万元)', () => {
  const para = (change: string, net: string) => [
    '江苏省人大常委会办公厅2019年度部门预算',
    '九、一般公共预算“三公”经费支出预算情况说明',
    '江苏省人大常委会办公厅2019年度一般公共预算拨款安排',
    `的会议费预算支出1469.73万元，比上年预算增加${change}万元，主`,
    '要原因按规定运转类专项经费统一压减10%，根据实际开支人代',
    `会专项经费增加200万元，增减相抵后${net}万元。`,
  ];

  it('accepts a net that restates the change', async () => {
    expect(show(await run(para('164.48', '增加164.48')))).toEqual([]);
  });

  it('flags a net turned around, and a net of another amount', async () => {
    expect(show(await run(para('164.48', '减少164.48')))).toEqual([['DIRECTION_CONFLICT', 'error', 6, '增加164.48万元', '减少164.48万元']]);
    expect(show(await run(para('147.55', '增加164.48')))).toEqual([['VALUE_CONFLICT', 'error', 6, '增加147.55万元', '增加164.48万元']]);
  });
});

describe('决算数与预算数基本持平: near, within 5% of the larger figure (普陀区财政局 2024 决算 p22)', () => {
  const para = (budget: string, actual: string, claim = '决算数与预算数基本持平。') => [
    '上海市普陀区财政局2024年度部门决算',
    '（三）一般公共预算财政拨款支出决算具体情况',
    '8、社会保障和就业支出（类）行政事业单位养老支出（款）其他行政事业单位养老',
    `支出（项）。主要用于：退休人员经费支出。年初预算为${budget}万元，支出决算为`,
    `${actual}万元。${claim}`,
  ];

  it('accepts figures that are equal or near', async () => {
    expect(show(await run(para('0.94', '0.94')))).toEqual([]);
    expect(show(await run(para('258.50', '250.10')))).toEqual([]);
  });

  it('warns where the figures are more than 5% apart', async () => {
    const d = await run(para('1.04', '0.94'));
    expect(show(d)).toEqual([['DIRECTION_CONFLICT', 'warning', 5, '决算数小于预算数', '决算数与预算数基本持平']]);
    expect(d.flags.find((f) => f.code === 'DIRECTION_CONFLICT')!.message).toBe('比较与数字不符：文中称决算数基本等于预算数，而预算为1.04万元、决算为0.94万元，决算数小于预算数（相差9.6%）。');
  });

  it('reads 全年预算数 in a claim, and keeps 持平 exact (an error)', async () => {
    expect(show(await run(para('52.00', '51.32', '决算数大于全年预算数的主要原因：人员变动。')))).toEqual([['DIRECTION_CONFLICT', 'error', 5, '决算数小于预算数', '决算数大于全年预算数']]);
    expect(show(await run(para('258.50', '258.40', '决算数与预算数持平。')))).toEqual([['DIRECTION_CONFLICT', 'error', 5, '决算数小于预算数', '决算数与预算数持平']]);
  });
});

describe('a rate named by its noun (江苏省检察院 2019 预算 p25: 增加54.05万元，增幅2.94%)', () => {
  const para = (change: string) => [
    '江苏省人民检察院2019年部门预算',
    '七、一般公共预算支出预算情况说明',
    '2．社会保障和就业支出1890.27万元。主要用于离休费、',
    '基本养老金、职业年金及工伤保险缴费等支出。与上年相比增',
    `加    ${change}    万元，增幅2.94 %。主要是工资增加后增加了单位基`,
    '本养老金、职业年金缴费。',
  ];

  it('checks 增幅 as the change rate', async () => {
    expect(show(await run(para('54.05')))).toEqual([]);
    expect(show(await run(para('56.61')))).toEqual([['PERCENT_MISMATCH', 'error', 5, '3.09%', '2.94%']]);
  });
});

describe('a narrower group within the wider one (小微企业 are 中小企业)', () => {
  it('flags 小微企业 reservations above the 中小企业 ones (社工部 2024 决算 p22 wording)', async () => {
    const para = (small: string) => ['中共上海市普陀区委社会工作部2024年度部门决算', '（二）政府采购支出情况说明', '2024 年度本部门 面向中小企业预留 政府采购项目预算 金额', `21.07 万元，面向小微企业预留政府采购项目预算金额 ${small} 万元。`];
    expect(show(await run(para('21.07')))).toEqual([]);
    expect(show(await run(para('25.07')))).toEqual([['SUM_MISMATCH', 'error', 4, '不超过21.07万元', '25.07万元']]);
  });

  it('flags the one 其中 item of its sentence above its total (司法局 2026 预算 p22 wording), not an item after a full stop', async () => {
    const para = (whole: string) => ['上海市普陀区司法局2026年部门预算', '三、政府采购预算情况', `2026年本部门面向中小企业预留政府采购项目预算金额${whole}万元，其中，预留给小型和微型企业的政府采购项目预算为1486.42万元。`];
    expect(show(await run(para('1486.42')))).toEqual([]);
    expect(show(await run(para('1481.42')))).toEqual([['SUM_MISMATCH', 'error', 3, '不超过1481.42万元', '1486.42万元']]);
    const after = ['江苏省高级人民法院2017年部门预算', '五、财政拨款支出预算情况说明', '主要原因是项目经费支出安排增加江苏法院云平台租赁费400万元。其中：', '（一）公共安全（类）', '1.法院（款）行政运行（项）支出11786.92万元。'];
    expect(show(await run(after))).toEqual([]);
  });
});

describe('a list with a member of unknown value is no evidence', () => {
  it('checks no share of a list where one share lost its % (西南大学 2023 预算 p12)', async () => {
    const para = (other: string) => ['西南大学2023年部门预算', '（三）支出预算情况说明', `我校2023年支出预算557,259.13万元，其中：教育支出434,334.99万元，占77.94%；科学技术支出2,801.72万元，占0.50%；社会保障和就业支出14,616.30万元，占2.62%；住房保障支出16,916.56万元，占3.04%；其他支出109.50万元，占${other}；结转下年88,480.06万元，占15.88%。`];
    expect(show(await run(para('0.02%')))).toEqual([]);
    expect(show(await run(para('0.02')))).toEqual([]);
  });

  it('checks no share of a list where one amount lost its unit (西南大学 2023 预算 p11)', async () => {
    const para = (fiscal: string) => ['西南大学2023年部门预算', '（二）收入预算情况说明', '我校2023年收入预算557,259.13万元，其中：财政拨', `款收入${fiscal}，占41.43%；事业收入122,342.73`, '万元，占21.95%;其他收入50,265.53万元，占9.02%；使用', '非财政拨款结余59,972.79万元，占10.76%；上年结转', '93,801.70万元，占16.84%。'];
    expect(show(await run(para('230,876.38万元')))).toEqual([]);
    expect(show(await run(para('230,876.38')))).toEqual([]);
  });
});

describe('收、支 is one subject (江苏省政协 2018 预算 p7: 收、支预算总计各增加1,003.69万元，增长10.97%)', () => {
  const para = (change: string) => ['江苏省政协办公厅2018年度部门预算', '一、收支预算总体情况说明', '江苏省政协办公厅2018年度收入、支出预算总计10,150.48', `万元，与上年相比收、支预算总计各增加${change}万元，增长`, '10.97%。主要原因是政策性增资。'];

  it('checks the rate against the total the change belongs to', async () => {
    expect(show(await run(para('1,003.69')))).toEqual([]);
    expect(show(await run(para('854.91')))).toEqual([['PERCENT_MISMATCH', 'error', 5, '9.20%', '10.97%']]);
  });
});
