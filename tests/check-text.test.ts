import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { DocKind, ExtractedDocument, OutlineNode } from '../src/model.js';
import { brief, docFrom } from './check-helpers.js';

/** The check stage's flags on a few lines of text, as `line CODE`. */
const flagsOf = (lines: string[], opts: { year?: number; kind?: DocKind } = {}) => {
  const doc = docFrom(lines, [], opts);
  if (!opts.kind) doc.document.kind = null; // no structure checks unless asked: only the words
  return check(doc).flags;
};
const TEXT_CODES = ['BLANK_VALUE', 'TEMPLATE_TEXT', 'MALFORMED_VALUE', 'DIRECTION_CONFLICT', 'YEAR_MISMATCH'];
const codes = (lines: string[], opts: { year?: number; kind?: DocKind } = {}) => brief(flagsOf(lines, opts), TEXT_CODES);

describe('BLANK_VALUE', () => {
  it('flags a gap where a number belongs, with the verbatim clause', () => {
    const flags = flagsOf(['2.公务用车购置及运行费预算为0万元，支出决算为    万元，完成预算的0%；', '2023年共接待来访团组0个，     人次（不包括陪同人员）。', '单位名称：鄂城区总工会             填报日期：    年  月  日']);
    expect(brief(flags)).toEqual(['1 BLANK_VALUE', '2 BLANK_VALUE', '3 BLANK_VALUE']);
    expect(flags[0]!.excerpt).toBe('2.公务用车购置及运行费预算为0万元，支出决算为    万元，完成预算的0%；');
    expect(flags[0]!.loc).toMatchObject({ page: 1, line: 1, start: '2.公务用车购置及运行费预算为0万元，支出决算为'.length, end: '2.公务用车购置及运行费预算为0万元，支出决算为    万元'.length });
    expect(flags[2]!.message).toBe('日期空缺：年、月、日未填写。');
  });

  it('flags the one-space blanks of Word and PDF renditions, and a date with no gaps at all', () => {
    expect(codes(['支出决算为 万元，完成预算的0%；', '2023 年共接待来访团组 0个， 人次（不包括陪同人员）。', '单位名称：鄂城区总工会填报日期： 年月日'])).toEqual(['1 BLANK_VALUE', '2 BLANK_VALUE', '3 BLANK_VALUE']);
  });

  it('does not flag spacing: before a unit after a number, in prose, after a unit label, inside words, in spaced-out text', () => {
    expect(
      codes([
        '2023年度一般公共预算财政拨款支出年初预算为86.86    万元，支出决算为84.25万元。',
        '2023年，全区工会工作取得了一定的成绩，但还存在    基层工会组织作用发挥不够等问题。',
        '区总工会编制人数3名；财政供养人数13名，其中在职3名，离退休人数 8名。',
        '金额单位：   万元',
        '第五部分  名词解释',
        '与 上 年 相 比 增 加1178.82万 元 ， 增 长 10 %',
        '截至2023年 12月31日，部门共有车辆 0辆。',
      ]),
    ).toEqual([]);
  });

  it('flags a blank whose gap OCR collapsed: a unit in the slot of a figure, not a list of words nor a unit label', () => {
    const flags = flagsOf(['支出决算为万元，完成预算的0%；', '2023年共接待来访团组0个，人次（不包括陪同人员）。', '列明公务接待批次、人次，其中：', '金额单位为万元。', '以万元计，', '其中，万元户']);
    expect(brief(flags, TEXT_CODES)).toEqual(['1 BLANK_VALUE', '2 BLANK_VALUE']);
    expect(flags[0]!.loc).toMatchObject({ start: '支出决算为'.length, end: '支出决算为万元'.length });
    expect(flags[1]!.loc).toMatchObject({ start: '2023年共接待来访团组0个，'.length, end: '2023年共接待来访团组0个，人次'.length });
  });

  it('does not flag a blank, gap or not, nor a title year, on a span the OCR marked uncertain', () => {
    const lines = ['支出决算为万元，完成预算的0%；', '支出决算为 万元，完成预算的0%；', '2022年度部门决算报告'];
    const spans = [
      { start: 4, end: 6, readings: ['为万', '为1万'] },
      { start: 4, end: 6, readings: ['为 万', '为1万'] },
      { start: 0, end: 4, readings: ['2022', '2023'] },
    ];
    const run = (marked: boolean) => {
      const doc = docFrom(lines, [], { year: 2023 });
      doc.document.kind = null;
      doc.blocks.forEach((b, i) => {
        if (marked && b.kind === 'line') b.line.ocr = { engine: 'test', confidence: 0.6, uncertain: [spans[i]!] };
      });
      return brief(check(doc).flags, TEXT_CODES);
    };
    expect(run(false)).toEqual(['1 BLANK_VALUE', '2 BLANK_VALUE', '3 YEAR_MISMATCH']);
    expect(run(true)).toEqual([]);
  });

  it('leaves a placeholder (XXX 万元) to TEMPLATE_TEXT', () => {
    expect(codes(['上海市XX局2024年度收入支出总计 XXX 万元。'])).toEqual(['1 TEMPLATE_TEXT']);
  });
});

describe('TEMPLATE_TEXT', () => {
  it('flags instructions, examples and placeholders, once per line', () => {
    const flags = flagsOf([
      '（请对部门整体支出绩效评价情况进行综述，并将《2023年度整体绩效自评结果》的摘要版附件1）。',
      '（2）部门决算中项目绩效自评结果 （表述应与决算内容保持一致）：本部门今年在部门决算中反映所有项目绩效自评结果。',
      '部门绩效评价结果应用情况。至部门决算公开时已经应用的情况。例如：加强项目规划、绩效目标管理等。',
      '说明：XX本年度没有政府性基金预算财政拨款收入和支出，故本表无数据。',
      '无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明。',
      '……',
    ]);
    expect(brief(flags)).toEqual(['1 TEMPLATE_TEXT', '2 TEMPLATE_TEXT', '3 TEMPLATE_TEXT', '4 TEMPLATE_TEXT', '5 TEMPLATE_TEXT', '6 TEMPLATE_TEXT']);
    expect(flags.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error', 'error', 'info']);
    expect(flags[1]!.found).toBe('（表述应与决算内容保持一致）');
    expect(flags[1]!.excerpt).toBe('（2）部门决算中项目绩效自评结果 （表述应与决算内容保持一致）：本部门今年在部门决算中反映所有项目绩效自评结果。');
  });

  it('does not flag ordinary references or Latin words', () => {
    expect(codes(['（请见附件1）。', '本单位使用EXXON品牌润滑油。', '主要用于保障机构正常运转。'])).toEqual([]);
  });
});

describe('MALFORMED_VALUE, DIRECTION_CONFLICT, YEAR_MISMATCH', () => {
  it('flags 100& but not an entity or a PDF table row whose cells only spaces separate', () => {
    const flags = flagsOf(['政府采购执行率 100&', 'AT&amp;T 与 R&D 经费', '年度财政资金总额（万元）    15.875    15.875    100%', '绩效得分95%%']);
    expect(brief(flags)).toEqual(['1 MALFORMED_VALUE', '4 MALFORMED_VALUE']);
    expect(flags[0]!.found).toBe('100&');
  });

  it('flags 减少…上升 in one clause, not an increase mentioned later in the sentence', () => {
    const flags = flagsOf(['机关运行经费支出77.88 万元，比年初预算数减少1089万元，上升15%。', '项目支出减少10万元，主要原因是人员增加5%。', '收入增加5万元，同比下降3%。']);
    expect(brief(flags)).toEqual(['1 DIRECTION_CONFLICT', '3 DIRECTION_CONFLICT']);
    expect([flags[0]!.expected, flags[0]!.found]).toEqual(['下降15%', '上升15%']);
  });

  it('flags another year in a title, not in prose; a 预算 report may title last year\'s execution', () => {
    expect(codes(['一、2022年度鄂城区总工会整体绩效评价报告', '2023年度收入合计93.93万元，与2022年度相比，收入合计增加19.08万元。', '二、2023年度鄂城区总工会项目绩效评价报告'], { year: 2023 })).toEqual(['1 YEAR_MISMATCH']);
    expect(codes(['2024年部门预算执行情况'], { year: 2025, kind: '预算' })).toEqual([]);
    const doc = docFrom(['一、2024年工作计划', '二、2022年度绩效评价结果应用情况', '三、2021年度整体绩效评价报告'], [], { year: 2023 });
    doc.document.kind = null;
    doc.headingBlocks = new Set([0, 1, 2]);
    expect(brief(check(doc).flags)).toEqual(['3 YEAR_MISMATCH']);
  });
});

describe('required sections and tables', () => {
  const node = (id: string, section: string, line: number): OutlineNode => ({ id, level: 1, marker: '', title: section, section, loc: { page: 1, line }, children: [] });
  const withOutline = (doc: ExtractedDocument, sections: string[]) => {
    doc.outline = sections.map((s, i) => node(`h${i}`, s, i + 1));
    return doc;
  };
  const ALL = ['overview', 'duties', 'structure', 'tables', 'explanation', 'income_expenditure_overview', 'income', 'expenditure', 'fiscal_overview', 'general_budget_expenditure', 'general_budget_basic', 'gov_fund', 'state_capital', 'three_public', 'agency_operating', 'procurement', 'state_assets', 'performance', 'glossary'];

  it('flags a required section that is absent, and none when every one is there', () => {
    const doc = withOutline(docFrom(['x']), ALL.filter((s) => s !== 'procurement'));
    const flags = check(doc).flags.filter((f) => f.code === 'MISSING_SECTION');
    expect(flags.map((f) => [f.expected, f.severity, f.loc])).toEqual([['政府采购支出情况说明', 'error', null]]);
    expect(check(withOutline(docFrom(['x']), ALL)).flags.filter((f) => f.code === 'MISSING_SECTION')).toEqual([]);
  });

  it('asks nothing of a document that is not recognised as 决算 or 预算, or that follows no template', () => {
    const unknown = docFrom(['政府信息公开工作年度报告']);
    unknown.document.kind = null;
    expect(check(unknown).flags).toEqual([]);
    expect(check(withOutline(docFrom(['x']), ['overview', 'glossary'])).flags.filter((f) => f.code === 'MISSING_SECTION')).toEqual([]);
  });

  it('flags a document with no standard table at all once, not once per table', () => {
    const doc = withOutline(docFrom(['第二部分 2019年度部门预算表', '（详见附件）'], [], { kind: '预算', year: 2019 }), ALL);
    const flags = check(doc).flags.filter((f) => f.code === 'MISSING_TABLE');
    expect(flags.length).toBe(1);
    expect(flags[0]!.message).toMatch(/^文中没有任何一张必须公开的预算表/);
  });

  it('tells a table title with nothing under it from an explained empty table and a missing table', () => {
    const doc = withOutline(
      docFrom([
        '第二部分 2023年度部门决算表',
        '收入支出决算总表',
        '收入决算表',
        '政府性基金预算财政拨款收入支出决算表',
        '本单位无政府性基金预算财政拨款收入支出，故本表为空表。',
      ]),
      ALL,
    );
    doc.blocks[0] = { kind: 'line', line: makeLine('第二部分 2023年度部门决算表', { page: 1, line: 1 }) };
    doc.headingBlocks = new Set([0]);
    doc.outline = [node('h0', 'tables', 1), ...doc.outline.filter((n) => n.section !== 'tables')];
    const flags = check(doc).flags.filter((f) => /TABLE/.test(f.code));
    expect(brief(flags)).toEqual([
      '2 EMPTY_TABLE_UNEXPLAINED',
      '3 EMPTY_TABLE_UNEXPLAINED',
      '1 MISSING_TABLE',
      '1 MISSING_TABLE',
      '1 MISSING_TABLE',
      '1 MISSING_TABLE',
      '1 MISSING_TABLE',
      '1 MISSING_TABLE',
    ]);
    expect(flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => `${f.expected}:${f.severity}`)).toEqual([
      '支出决算表:error',
      '财政拨款收入支出决算总表:error',
      '一般公共预算财政拨款支出决算表:error',
      '一般公共预算财政拨款基本支出决算表:error',
      '财政拨款“三公”经费支出决算表:error',
      '国有资本经营预算财政拨款支出决算表:warning',
    ]);
  });
});

describe('TEMPLATE_TEXT in a heading', () => {
  it('reads a heading for the template’s leftovers (GovBudgetChecker 测试问题版本: 第二部分 上海市普陀区XX局2024年度部门决算表)', async () => {
    const { ingest } = await import('../src/ingest/index.js');
    const { segment } = await import('../src/segment/index.js');
    const { extract } = await import('../src/extract/index.js');
    const text = ['上海市普陀区财政局2024年度部门决算', '第一部分 部门概况', '一、主要职能', '负责财政工作。', '第二部分 上海市普陀区XX局2024年度部门决算表', '第三部分 上海市普陀区财政局2024年度部门决算情况说明'].join('\n');
    const doc = check(extract(segment(await ingest(new TextEncoder().encode(text), { ocr: 'off' }))));
    expect(doc.outline.some((n) => n.title.includes('XX局'))).toBe(true);
    expect(doc.flags.filter((f) => f.code === 'TEMPLATE_TEXT').map((f) => [f.severity, f.loc?.line, f.found])).toEqual([['error', 5, 'XX']]);
  });
});
