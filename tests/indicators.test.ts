import { beforeAll, describe, expect, it } from 'vitest';
import { extractIndicators, type IndicatorExtraction } from '../src/extract/indicators.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import { segment } from '../src/segment/index.js';
import { seed } from './paths.js';
import { PROJECT_ROWS } from './seed-indicators.js';

const seedFile = (ext: string) => seed(`000_37d039dcb8ad6afc.${ext}`);

const run = async (input: string | Uint8Array) => extractIndicators(segment(await ingest(input)));
const fromText = (text: string) => run(new TextEncoder().encode(text));

// 2023年度部门整体绩效目标表 of the seed, read by hand from the .txt (lines 313–539): every named
// third-level indicator with its 指标值, in order. The three "……" rows are not indicators.
const DEPT_TARGETS: [string, string][] = [
  ['公用经费控制率', '0'],
  ['在职人员控制率', '3'],
  ['会议费控制率', '0'],
  ['“三公”经费变动率', '0'],
  ['中长期规划相符性', '相符'],
  ['工作计划健全性', '健全'],
  ['预算编制科学性', '较科学'],
  ['预算编制合理性', '合理'],
  ['立项规范性', '规范'],
  ['预算调整率', '10%'],
  ['预算执行率', '98%'],
  ['结转结余率', '0%'],
  ['政府采购执行率', '100&'],
  ['非税收入预算完成率', '无非税'],
  ['事前绩效评估完成率', '90%'],
  ['绩效目标合理性', '合理'],
  ['绩效监控开展率', '95%'],
  ['绩效评价覆盖率', '100%'],
  ['评价结果应用率', '98%'],
  ['资产管理制度健全性', '健全'],
  ['资产管理规范性', '规范'],
  ['财务管理制度健全性', '健全'],
  ['会计核算规范性', '规范'],
  ['资金使用合规性', '合规'],
  ['职工社会影响力', '90%'],
  ['职工社会影响力', '98%'],
  ['职工的团队影响力', '100%'],
  ['服务体制改革成效', '无'],
  ['行政管理体制改革成效', '无'],
  ['业务学习与培训完成率', '无'],
  ['干部队伍体系建设规划情况', '无'],
  ['高学历、高层次人才储备率', '无'],
  ['信息化建设情况', '无'],
  ['职工满意度', '100%'],
];


/** Share of the hand-read (level3, target) pairs that come out exactly. */
function recovered(r: IndicatorExtraction, table?: string): number {
  const got = r.indicators.filter((i) => !table || i.table === table).map((i) => `${i.level3}=${i.target}`);
  const hits = DEPT_TARGETS.filter(([l3, v]) => {
    const k = got.indexOf(`${l3}=${v}`);
    if (k >= 0) got.splice(k, 1);
    return k >= 0;
  });
  return hits.length / DEPT_TARGETS.length;
}

describe.each(['txt', 'docx'])('the %s seed', (ext) => {
  let r: IndicatorExtraction;
  beforeAll(async () => {
    r = await run(seedFile(ext));
  });

  it('finds the two indicator tables', () => {
    expect(r.tableIds).toEqual(['t1', 't2']);
    expect(r.tableKinds).toEqual({ t1: '部门整体绩效目标表', t2: '项目支出绩效自评表' });
  });

  it('recovers every third-level indicator of the 部门整体绩效目标表 with its value', () => {
    expect(recovered(r, 't1')).toBe(1);
    expect(r.indicators.filter((i) => i.table === 't1').map((i) => [i.level3, i.target])).toEqual(DEPT_TARGETS);
    expect(r.indicators.filter((i) => i.table === 't1').every((i) => i.actual === null)).toBe(true);
  });

  it('fills level names down and joins wrapped level cells', () => {
    const t1 = r.indicators.filter((i) => i.table === 't1');
    const by = (l3: string) => t1.find((i) => i.level3 === l3)!;
    expect([by('公用经费控制率').level1, by('公用经费控制率').level2]).toEqual(['运行成本', '公用经费控制']);
    expect([by('在职人员控制率').level1, by('在职人员控制率').level2]).toEqual(['运行成本', '在职人员控制']);
    expect([by('“三公”经费变动率').level1, by('“三公”经费变动率').level2]).toEqual(['运行成本', '项目支出成本控制']);
    expect([by('工作计划健全性').level1, by('工作计划健全性').level2]).toEqual(['管理效率', '战略管理']);
    expect(by('职工的团队影响力').level1).toBe('社会效应');
    expect(t1.find((i) => i.level3 === '职工社会影响力')!.level1).toBe('履职效能');
    expect([by('职工满意度').level1, by('职工满意度').level2]).toEqual(['满意度', '服务对象满意度']);
    expect([...new Set(t1.map((i) => i.level1))]).toEqual(['运行成本', '管理效率', '履职效能', '社会效应', '可持续发展能力', '满意度']);
  });

  it('reads the 项目自评表 indicators with target and actual', () => {
    const t2 = r.indicators.filter((i) => i.table === 't2');
    expect(t2.map((i) => [i.level1, i.level2, i.level3, i.target, i.actual])).toEqual(PROJECT_ROWS);
  });

  it('reads the project header fields, checked options included', () => {
    expect(r.projects).toEqual([
      {
        table: 't2',
        kind: '项目支出绩效自评表',
        项目名称: '工会综合专项经费',
        主管部门: '鄂城区政府',
        实施单位: '鄂城区总工会',
        项目类别: '部门预算项目',
        项目属性: '持续性项目',
        项目类型: '常年性项目',
        预算数: '15.875',
        执行数: '15.875',
        执行率: '100%',
      },
    ]);
  });

  it('flags 100& as malformed and the …… rows as blank', () => {
    const malformed = r.flags.filter((f) => f.code === 'MALFORMED_VALUE');
    expect(malformed).toHaveLength(1);
    expect(malformed[0]).toMatchObject({
      severity: 'error',
      message: '绩效指标“政府采购执行率”的指标值“100&”不是规范的数值或百分比',
      excerpt: '政府采购执行率 100&',
      found: '100&',
      loc: { table: 't1', col: 4 },
    });
    const blank = r.flags.filter((f) => f.code === 'BLANK_VALUE');
    expect(blank.map((f) => [f.loc!.table, f.message, f.severity])).toEqual([
      ['t1', '部门整体绩效目标表中留有未填写的指标行（……）', 'warning'],
      ['t1', '部门整体绩效目标表中留有未填写的指标行（……）', 'warning'],
      ['t1', '部门整体绩效目标表中留有未填写的指标行（……）', 'warning'],
      ['t2', '项目支出绩效自评表中留有未填写的指标行（……）', 'warning'],
      ['t2', '项目支出绩效自评表中留有未填写的指标行（……）', 'warning'],
      ['t2', '项目支出绩效自评表中留有未填写的指标行（……）', 'warning'],
    ]);
    expect(blank[2]!.excerpt).toBe('联系部门满意度 ……');
    expect(r.flags.filter((f) => f.code === 'PERCENT_MISMATCH')).toEqual([]);
  });
});

it('gives provenance in the format’s own terms: page/line for text, paragraph for DOCX', async () => {
  const [txt, docx] = await Promise.all([run(seedFile('txt')), run(seedFile('docx'))]);
  const pick = (r: IndicatorExtraction) => r.indicators.find((i) => i.level3 === '政府采购执行率')!.loc;
  expect(pick(txt)).toEqual({ page: 1, line: 394, table: 't1', row: 19, col: 3 });
  expect(pick(docx)).toEqual({ paragraph: 199, line: 19, table: 't1', row: 18, col: 3 });
});

// A 湖北-style 项目支出绩效自评表 in the text layout (one cell per TAB line, rows split by blank lines),
// with 分值/得分 columns, a wrong 执行率, a blank actual, a malformed target and a 总分 row.
const SELF_EVAL = [
  '2024年度项目支出绩效自评表',
  '\t项目名称', '\t测试项目', '',
  '\t主管部门', '\t某局', '\t实施单位', '\t某中心', '',
  '\t项目类别', '\t☑部门预算项目 □市直专项', '',
  '\t项目资金（万元）', '\t', '\t年初预算数', '\t全年预算数', '\t全年执行数', '\t分值', '\t执行率', '\t得分', '',
  '\t', '\t年度资金总额', '\t50', '\t50', '\t45', '\t10', '\t95%', '\t9', '',
  '\t一级指标', '\t二级指标', '\t三级指标', '\t年度指标值', '\t实际完成值', '\t分值', '\t得分', '',
  '\t产出指标', '\t数量指标', '\t培训人数', '\t≥100人', '\t', '\t10', '\t', '',
  '\t', '\t质量指标', '\t培训合格率', '\t98%%', '\t97%', '\t10', '\t9', '',
  '\t总分', '\t100', '\t88',
  '',
  '说明：以上为测试表。',
].join('\n');

describe('a 项目支出绩效自评表 in the text layout', () => {
  let r: IndicatorExtraction;
  beforeAll(async () => {
    r = await fromText(SELF_EVAL);
  });

  it('reads indicators with score, blank actual as null', () => {
    expect(r.tableIds).toEqual(['t1']);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.actual, i.score])).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥100人', null, null],
      ['产出指标', '质量指标', '培训合格率', '98%%', '97%', '9'],
    ]);
  });

  it('reads the budget block by its header and the 总分 row’s score', () => {
    expect(r.projects).toEqual([
      {
        table: 't1',
        kind: '项目支出绩效自评表',
        项目名称: '测试项目',
        主管部门: '某局',
        实施单位: '某中心',
        项目类别: '部门预算项目',
        年初预算数: '50',
        预算数: '50',
        执行数: '45',
        预算执行分值: '10',
        执行率: '95%',
        预算执行得分: '9',
        自评得分: '88',
      },
    ]);
  });

  it('flags the wrong 执行率, the blank actual and the malformed target', () => {
    expect(r.flags.map((f) => [f.code, f.severity, f.message, f.expected, f.found, f.loc?.line])).toEqual([
      ['BLANK_VALUE', 'warning', '绩效指标“培训人数”的实际完成值未填写', null, null, 43],
      ['MALFORMED_VALUE', 'error', '绩效指标“培训合格率”的年度指标值“98%%”不是规范的数值或百分比', null, '98%%', 50],
      ['PERCENT_MISMATCH', 'error', '项目“测试项目”的执行率95%与执行数45÷预算数50算得的90%不符', '90%', '95%', 28],
    ]);
    expect(r.flags[2]!.excerpt).toBe('年度资金总额 50 50 45 10 95% 9');
  });

  it('accepts a rate within the rounding of its printed precision', async () => {
    const ok = await fromText(SELF_EVAL.replace('\t45\n', '\t47.51\n').replace('\t95%\n', '\t95.0%\n'));
    expect(ok.flags.filter((f) => f.code === 'PERCENT_MISMATCH')).toEqual([]);
    const off = await fromText(SELF_EVAL.replace('\t45\n', '\t47.53\n').replace('\t95%\n', '\t95.0%\n'));
    expect(off.flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.expected, f.found])).toEqual([['95.1%', '95.0%']]);
  });

  it('is an error where the amounts print their decimals, a warning where only their printed precision lets the rate fit', async () => {
    const rate = (d: Awaited<ReturnType<typeof fromText>>) => d.flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.severity, f.expected, f.found]);
    // 47.53 ÷ 50 = 95.06%: 95.0% is off as printed; 50 printed whole stands for [49.5, 50.5), where 95.0% is possible
    expect(rate(await fromText(SELF_EVAL.replace('\t45\n', '\t47.53\n').replace('\t95%\n', '\t95.0%\n')))).toEqual([['warning', '95.1%', '95.0%']]);
    expect(rate(await fromText(SELF_EVAL.replace(/\t50\n\t50\n\t45\n/u, '\t50.00\n\t50.00\n\t47.60\n').replace('\t95%\n', '\t95.0%\n')))).toEqual([['error', '95.2%', '95.0%']]);
    // far off whatever the amounts' precision: an error (西安 2022 自评表: 执行率1000% for 400 ÷ 400)
    expect(rate(await fromText(SELF_EVAL.replace('\t95%\n', '\t1000%\n')))).toEqual([['error', '90%', '1000%']]);
  });
});

describe('recognition', () => {
  it('takes an untitled table with an indicator header as a 目标表 or 自评表 by its columns', async () => {
    const rows = ['\t一级指标', '\t二级指标', '\t三级指标', '\t指标值', '', '\t产出指标', '\t数量指标', '\t完成项目数', '\t5个', '', '\t', '\t', '\t……', '\t'];
    const r = await fromText(['附表', ...rows].join('\n'));
    expect(r.tableIds).toEqual(['t1']);
    expect(r.indicators.map((i) => [i.level3, i.target, i.actual])).toEqual([['完成项目数', '5个', null]]);
    expect(r.flags.map((f) => f.message)).toEqual(['项目支出绩效目标表中留有未填写的指标行（……）']);
    const selfEval = await fromText(['附表', ...rows.map((l) => l.replace('\t指标值', '\t指标值\n\t实际完成值').replace('\t5个', '\t5个\n\t4个'))].join('\n'));
    expect(selfEval.indicators.map((i) => [i.level3, i.target, i.actual])).toEqual([['完成项目数', '5个', '4个']]);
    expect(selfEval.flags.map((f) => f.message)).toEqual(['项目支出绩效自评表中留有未填写的指标行（……）']);
    expect(r.projects).toEqual([]); // no project fields: no empty project record
  });

  it('leaves tables without an indicator header alone, whatever the prose before them says', async () => {
    const r = await fromText(['详见《2023年度工会项目自评表》附件2。', '项目支出绩效自评表', '\t项目', '\t金额', '', '\t合计', '\t15.875'].join('\n'));
    expect(r).toEqual({ indicators: [], projects: [], tableIds: [], tableKinds: {}, flags: [] });
  });
});

describe('tables in other shapes', () => {
  it('continues a table on the next page that repeats no header, levels carried over', async () => {
    const text = [
      '2024年度部门整体绩效目标表',
      '\t一级指标', '\t二级指标', '\t三级指标', '\t指标值', '',
      '\t产出指标', '\t数量指标', '\t培训人数', '\t100人', '',
      '\f- 12 -', '',
      '\t', '\t质量指标', '\t合格率', '\t98%', '',
      '\t', '\t', '\t及时率', '\t……', '',
      '说明。',
    ].join('\n');
    const r = await fromText(text);
    expect(r.tableIds).toEqual(['t1', 't2']);
    expect(r.indicators.map((i) => [i.table, i.level1, i.level2, i.level3, i.target, i.loc.page, i.loc.line])).toEqual([
      ['t1', '产出指标', '数量指标', '培训人数', '100人', 1, 9],
      ['t2', '产出指标', '质量指标', '合格率', '98%', 2, 5],
      ['t2', '产出指标', '质量指标', '及时率', null, 2, 10],
    ]);
    expect(r.flags.map((f) => [f.code, f.message, f.found, f.loc?.line])).toEqual([['BLANK_VALUE', '绩效指标“及时率”的指标值未填写', '……', 11]]);
  });

  it('reads a grid (PDF/DOCX) with merged level cells copied down and extra columns', () => {
    // 预算 项目支出绩效目标表 layout: 一级 | 二级 | 三级 | 指标性质 | 指标值 | 度量单位, merges filled.
    const grid = [
      ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['产出指标', '数量指标', '培训人次', '≥', '200', '人次'],
      ['*产出指标', '*数量指标', '覆盖街道数', '=', '10', '个'],
      ['*产出指标', '时效指标', '完成时间', '≤', '12', '月'],
      ['效益指标', '社会效益指标', '群众知晓率', '≥', '90', '%'],
    ];
    const rows = grid.map((r, row) =>
      r.map((t, col) => ({
        text: t.replace('*', ''),
        raw: t.replace('*', ''),
        loc: { page: 3, line: 10 + row, table: 'p3t1', row, col },
        ...(t.startsWith('*') ? { spanned: true } : {}),
      })),
    );
    const doc = segment({
      source: { path: 'x.pdf', sha256: '', format: 'pdf', pages: 3, ocrPages: [] },
      blocks: [
        { kind: 'line', line: { text: '2025年度项目支出绩效目标表', raw: '2025年度项目支出绩效目标表', map: [], loc: { page: 3, line: 8 } } },
        { kind: 'line', line: { text: '项目名称：社区培训', raw: '项目名称：社区培训', map: [], loc: { page: 3, line: 9 } } },
        { kind: 'table', table: { id: 'p3t1', rows, loc: { page: 3, line: 10, table: 'p3t1' } } },
      ],
      flags: [],
    });
    const r = extractIndicators(doc);
    expect(r.tableIds).toEqual(['p3t1']);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['产出指标', '数量指标', '覆盖街道数', '10个'],
      ['产出指标', '时效指标', '完成时间', '≤12月'],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%'],
    ]);
    expect(r.indicators[2]!.loc).toEqual({ page: 3, line: 13, table: 'p3t1', row: 3, col: 2 });
    expect(r.flags).toEqual([]);
  });
});

describe('header words are never names or values', () => {
  // 西南大学 2023 预算 (WPS/Word PDF): a 绩效指标 cell spelled down the left edge frames the level
  // columns; on the next page its copy stands unmerged in the first body row, and 分值（90） heads the
  // last column. Read as a grid (PDF/DOCX: merges filled, copies marked *).
  const grid = [
    ['绩效指标', '一级指标', '二级指标', '三级指标', '*三级指标', '指标值', '分值（90）'],
    ['*绩效指标', '成本指标', '经济成本指标', '仪器设备成本控制有效性', '*仪器设备成本控制有效性', '有效', '10'],
    ['绩效指标', '', '', '图书资料采购折扣率', '*图书资料采购折扣率', '28%', '10'],
    ['*绩效指标', '产出指标', '数量指标', '指标1：更新设备数量', '*指标1：更新设备数量', '5000台/件', '4'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '*三级指标', '指标值', '分值（90）'],
    ['*绩效指标', '满意度指标', '服务对象满意度指标', '分值（90）', '', '95%', '5'],
  ];
  const rows = grid.map((r, row) =>
    r.map((t, col) => ({
      text: t.replace('*', ''),
      raw: t.replace('*', ''),
      loc: { page: 22, line: 40 + row, table: 't8', row, col },
      ...(t.startsWith('*') ? { spanned: true } : {}),
    })),
  );
  const doc = segment({
    source: { path: 'x.pdf', sha256: '', format: 'pdf', pages: 23, ocrPages: [] },
    blocks: [
      { kind: 'line', line: { text: '设备资料购置项目绩效目标表', raw: '设备资料购置项目绩效目标表', map: [], loc: { page: 22, line: 38 } } },
      { kind: 'table', table: { id: 't8', rows, loc: { page: 22, line: 40, table: 't8' } } },
    ],
    flags: [],
  });

  it('reads the level-3 names from the 三级指标 column, not the 绩效指标 frame, and skips rows of header text', () => {
    const r = extractIndicators(doc);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target, i.loc.col])).toEqual([
      ['成本指标', '经济成本指标', '仪器设备成本控制有效性', '有效', 3],
      ['成本指标', '经济成本指标', '图书资料采购折扣率', '28%', 3],
      ['产出指标', '数量指标', '指标1：更新设备数量', '5000台/件', 3],
    ]);
    expect(r.flags).toEqual([]);
  });
});

describe('a 绩效指标 label spelled down the left edge, one character a row', () => {
  // A partly ruled WPS table: the frame cell 绩/效/指/标 is cut into the grid's rows, the header's 一级 /
  // 指标 wraps onto a second row, a level-3 name wraps inside its cell.
  const grid = [
    ['绩', '一级', '二级指标', '三级指标', '指标值', '分值'],
    ['效', '指标', '', '', '', ''],
    ['指', '产出指标', '数量指标', '建设一流本科课程数', '20门', '5'],
    ['标', '*产出指标', '*数量指标', '分类打造新农科、新工科和新文科综合实践基地', '10个', '5'],
    ['', '效益指标', '社会效益指标', '为国家经济增长提供人才支撑', '显著', '4'],
  ];
  const rows = grid.map((r, row) =>
    r.map((t, col) => ({ text: t.replace('*', ''), raw: t.replace('*', ''), loc: { page: 5, line: 3 + row, table: 't1', row, col }, ...(t.startsWith('*') ? { spanned: true } : {}) })),
  );
  const doc = segment({
    source: { path: 'x.pdf', sha256: '', format: 'pdf', pages: 5, ocrPages: [] },
    blocks: [
      { kind: 'line', line: { text: '教育教学改革专项绩效目标表', raw: '教育教学改革专项绩效目标表', map: [], loc: { page: 5, line: 1 } } },
      { kind: 'table', table: { id: 't1', rows, loc: { page: 5, line: 3, table: 't1' } } },
    ],
    flags: [],
  });

  it('reads the header across its wrap and every row with its own names', () => {
    const r = extractIndicators(doc);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      ['产出指标', '数量指标', '建设一流本科课程数', '20门'],
      ['产出指标', '数量指标', '分类打造新农科、新工科和新文科综合实践基地', '10个'],
      ['效益指标', '社会效益指标', '为国家经济增长提供人才支撑', '显著'],
    ]);
    expect(r.flags).toEqual([]);
  });
});

describe('tables that arrive as lines (PDF text layer, page dumps)', () => {
  it('splits a page-dump line at its gaps, keeping "2023 年" and "1 年" whole', async () => {
    const r = await fromText(
      [
        '2024年度项目支出绩效目标表',
        '一级指标    二级指标    三级指标    指标值',
        '产出指标    时效指标    完成时间    2024 年底',
        '数量指标 培训人次    1 200人次',
        '效益指标    社会效益指标    群众满意度    ≥ 90%',
        '注：以上为测试表。',
      ].join('\n'),
    );
    // Read as a table by the page-text reader (src/ingest/layout/indicators.ts).
    expect(r.tableIds).toEqual(['t1']);
    expect(r.indicators.map((i) => [i.table, i.level1, i.level2, i.level3, i.target])).toEqual([
      ['t1', '产出指标', '时效指标', '完成时间', '2024年底'],
      // a space between digits is kept: it may separate two numbers ("2023 93.93"), never glued into one
      ['t1', '产出指标', '数量指标', '培训人次', '1 200人次'],
      ['t1', '效益指标', '社会效益指标', '群众满意度', '≥90%'],
    ]);
  });
});

describe('a fixed-width page dump (pdftotext -layout) that drops empty cells', () => {
  // The layout of the seed's 部门整体绩效目标表 in `pdftotext -layout` (pp. 12–13): each column keeps its
  // place on a page (shifted on the next page), wrapped level-1 words on lines of their own, and the
  // template's …… rows with their other cells empty: …… under 三级指标, 联系部门满意度 under 二级指标.
  const at = (...cells: [number, string][]) => cells.reduce((line, [col, text]) => line.padEnd(col) + text, '');
  const page12 = [
    at([19, '2023 年度部门整体绩效目标表']),
    at([0, '单位名称'], [8, '鄂城区总工会']),
    at([0, '年度绩效指标'], [7, '一级'], [17, '二级指标'], [26, '三级指标'], [38, '指标值']),
    at([8, '指标']),
    at([8, '运行'], [17, '公用经费控制'], [26, '公用经费控制率'], [38, '0']),
    at([8, '成本'], [17, '在职人员控制'], [26, '在职人员控制率'], [38, '3']),
    at([17, '项目支出成本控制'], [26, '会议费控制率'], [38, '0']),
    at([26, '“三公”经费变动率'], [38, '0']),
    at([26, '……']),
    at([8, '管理'], [17, '战略管理'], [26, '中长期规划相符性'], [38, '相符']),
    at([8, '效率'], [26, '工作计划健全性'], [38, '健全']),
  ];
  const page13 = [
    at([31, '评价结果应用率'], [43, '98%']),
    at([9, '履职'], [19, '核心业务产出 1'], [31, '职工社会影响力'], [43, '90%']),
    at([9, '效能']),
    at([9, '社会'], [19, '经济效益'], [31, '职工社会影响力'], [43, '98%']),
    at([9, '效应'], [19, '社会效益'], [31, '职工的团队影响力'], [43, '100%']),
    at([19, '科技支撑'], [31, '信息化建设情况'], [43, '无']),
    at([31, '……']),
    at([9, '满意度'], [19, '服务对象满意度'], [31, '职工满意度'], [43, '100%']),
    at([19, '联系部门满意度'], [31, '……']),
  ];

  it('puts each cell in the column it starts under, so a 二级 name is never a 三级 name and …… rows are flagged', async () => {
    const r = await fromText(['二、2023 年度鄂城区总工会项目绩效评价报告', ...page12].join('\n') + '\n\f' + [...page13, '2023 年度鄂城区总工会项目自评表'].join('\n'));
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      ['运行成本', '公用经费控制', '公用经费控制率', '0'],
      ['运行成本', '在职人员控制', '在职人员控制率', '3'],
      ['运行成本', '项目支出成本控制', '会议费控制率', '0'],
      ['运行成本', '项目支出成本控制', '“三公”经费变动率', '0'],
      ['管理效率', '战略管理', '中长期规划相符性', '相符'],
      ['管理效率', '战略管理', '工作计划健全性', '健全'],
      ['管理效率', '战略管理', '评价结果应用率', '98%'],
      ['履职效能', '核心业务产出1', '职工社会影响力', '90%'],
      ['社会效应', '经济效益', '职工社会影响力', '98%'],
      ['社会效应', '社会效益', '职工的团队影响力', '100%'],
      ['社会效应', '科技支撑', '信息化建设情况', '无'],
      ['满意度', '服务对象满意度', '职工满意度', '100%'],
    ]);
    expect(r.flags.map((f) => [f.code, f.message, f.loc?.page, f.loc?.line])).toEqual([
      ['BLANK_VALUE', '部门整体绩效目标表中留有未填写的指标行（……）', 1, 10],
      ['BLANK_VALUE', '部门整体绩效目标表中留有未填写的指标行（……）', 2, 7],
      ['BLANK_VALUE', '部门整体绩效目标表中留有未填写的指标行（……）', 2, 9],
    ]);
  });

  it('gives no level names where they stand mid-group (cells centred vertically): the rows above a name belong to it', async () => {
    const centred = [
      at([19, '2024 年度项目支出绩效目标表']),
      at([0, '一级指标'], [12, '二级指标'], [24, '三级指标'], [40, '指标值']),
      at([24, '培训人次'], [40, '200人次']),
      at([0, '产出指标'], [12, '数量指标'], [24, '覆盖街道数'], [40, '10个']),
      at([24, '发放资料数量'], [40, '500份']),
      at([12, '质量指标'], [24, '培训合格率'], [40, '95%']),
      at([0, '效益指标'], [12, '社会效益指标'], [24, '群众知晓率'], [40, '90%']),
    ];
    const r = await fromText(centred.join('\n'));
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      [null, null, '培训人次', '200人次'],
      [null, null, '覆盖街道数', '10个'],
      [null, null, '发放资料数量', '500份'],
      [null, null, '培训合格率', '95%'],
      [null, null, '群众知晓率', '90%'],
    ]);
  });

  it('reads the same table cut at single spaces (a pdfplumber-style dump) by the columns’ order and kinds', async () => {
    // No gap is a cell border here: a row's words go to the columns in order, values last, level names by
    // the names the template knows (运行 / 成本 → 运行成本), …… where an indicator's name would stand.
    const single = (lines: string[]) => lines.map((l) => l.trim().replace(/ {2,}/g, ' ')).join('\n');
    const text = ['二、2023 年度鄂城区总工会项目绩效评价报告', ...page12].join('\n') + '\n\f' + [...page13, '2023 年度鄂城区总工会项目自评表'].join('\n');
    const r = await fromText(['二、2023 年度鄂城区总工会项目绩效评价报告', single(page12)].join('\n') + '\n\f' + single([...page13, '2023 年度鄂城区总工会项目自评表']));
    const fixed = await fromText(text);
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual(fixed.indicators.map((i) => [i.level1, i.level2, i.level3, i.target]));
    expect(r.indicators.map((i) => i.level3)).toContain('“三公”经费变动率');
    expect(r.indicators.map((i) => i.level3)).not.toContain('联系部门满意度');
    expect(r.flags.map((f) => [f.code, f.message, f.loc?.page, f.loc?.line])).toEqual(fixed.flags.map((f) => [f.code, f.message, f.loc?.page, f.loc?.line]));
  });
});

describe('an indicator table on a scanned page, as OCR lines', () => {
  it('reads no indicator row from OCR lines (no column positions, values possibly misread), only the project fields', () => {
    const lines = [
      '2023年度鄂城区总工会项目自评表', '项目名称  工会综合专项经费', '主管部门  鄂城区政府',
      // ☑ lost and □ read as 口: which option is ticked is unknown
      '项目类别  1、部门预算项目2、市直专项口3、市对下转移支付项目口', '年度目标  1、完成全年培训；2、职工满意度达到90%',
      '一级指标  二级指标  三级指标  指标值', '运行  公用经费控制  公用经费控制率  j0', '联系部门满意度  ……',
    ];
    const doc = segment({
      source: { path: 'x.pdf', sha256: '', format: 'pdf', pages: 13, ocrPages: [13] },
      blocks: lines.map((t, k) => ({ kind: 'line' as const, line: { ...makeLine(t, { page: 13, line: k + 1 }), ocr: { engine: 'paddle', confidence: 0.95 } } })),
      flags: [],
    });
    const r = extractIndicators(doc);
    expect(r.indicators).toEqual([]);
    expect(r.flags).toEqual([]);
    expect(r.projects).toEqual([
      { table: 'lines:p13l1', kind: '项目支出绩效自评表', 项目名称: '工会综合专项经费', 主管部门: '鄂城区政府', 项目类别: null, 年度目标: '1、完成全年培训；2、职工满意度达到90%' },
    ]);
  });
});
