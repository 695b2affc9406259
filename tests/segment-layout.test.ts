// Headings and the cover title where page layout breaks them, as page-text dumps print them (pdfplumber /
// pdftotext -layout: one printed line per line, pages split at form feeds). The fixtures are written here
// after real layouts: 文旅 2025 决算 (page dump: 第三部分 … / 说明), 社会工作部 2024 决算 (pdftotext: the
// same with a blank line between), 福建 决算 template (（一） alone on its line), 江苏省政协 2018 预算 (cover
// 江苏省政协办公厅 2018 年度 / 部门预算公开), 西南大学 2023 预算 (（十）…房屋修缮项目 / （小学）).
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { Block } from '../src/model.js';
import { flattenOutline, segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const seg = async (text: string) => segment(await ingest(new TextEncoder().encode(text)));
const outline = async (text: string) => flattenOutline((await seg(text)).outline).map((n) => [n.level, n.marker, n.title, n.section]);

// Body lines as a page dump wraps them (~30 characters).
const BODY = [
  '本部门2025年度收入、支出决算总计26,591.08万元。与2024',
  '年度相比，收入、支出决算总计各减少1,204.37万元，下降',
  '4.3%。主要原因是文化旅游项目经费减少，部分活动按计划',
  '调整至下一年度实施，相关支出相应减少。',
];

describe('wrapped headings', () => {
  it('joins a part title wrapped onto a short second line, and keeps its canonical section', async () => {
    const text = [
      '上海市普陀区', '文化和旅游局', '2025 年度部门决算',
      '\f第一部分 上海市普陀区文化和旅游局概况', '一、主要职能', ...BODY,
      '\f第三部分 上海市普陀区文化和旅游局 2025 年度部门决算情况', '说明', '一、收入支出决算总体情况说明', ...BODY,
      '二、收入决算情况说明', ...BODY,
    ].join('\n');
    expect(await outline(text)).toEqual([
      [1, '第一部分', '上海市普陀区文化和旅游局概况', 'overview'],
      [2, '一、', '主要职能', 'duties'],
      [1, '第三部分', '上海市普陀区文化和旅游局2025年度部门决算情况说明', 'explanation'],
      [2, '一、', '收入支出决算总体情况说明', 'income_expenditure_overview'],
      [2, '二、', '收入决算情况说明', 'income'],
    ]);
    const d = await seg(text);
    const at = d.blocks.findIndex((b) => b.kind === 'line' && b.line.text === '说明');
    expect(d.headingBlocks.has(at)).toBe(true); // not body text
  });

  it('joins across the blank line a layout dump puts between, and a number alone on its line with its title', async () => {
    const text = [
      '上海市普陀区财政局2024年度部门决算',
      '\f第三部分    上海市普陀区财政局 2024 年度部门决算情况', '', '                     说明', '',
      '七、财政拨款“三公”经费支出决算情况说明', '', '  （一）', '    “三公”经费财政拨款支出决算总体情况说明。', '', ...BODY,
    ].join('\n');
    expect(await outline(text)).toEqual([
      [1, '第三部分', '上海市普陀区财政局2024年度部门决算情况说明', 'explanation'],
      [2, '七、', '财政拨款“三公”经费支出决算情况说明', 'three_public'],
      [3, '（一）', '“三公”经费财政拨款支出决算总体情况说明', 'three_public_overall'],
    ]);
  });

  it('joins a project heading wrapped before its bracketed part', async () => {
    const text = [
      '西南大学2023年度部门预算',
      '\f五、项目绩效目标表', '（九）236-中央高校改善基本办学条件专项-设备资料购置',
      '项目（小学）', ...BODY,
      '（十）236-中央高校改善基本办学条件专项-房屋修缮项目', '（小学）', '      236-中央高校改善基本办学条件专项-房屋修缮项目(小学)', '绩效目标表', ...BODY,
    ].join('\n');
    expect((await outline(text)).map((n) => n[2])).toEqual([
      '项目绩效目标表',
      '236-中央高校改善基本办学条件专项-设备资料购置项目（小学）',
      '236-中央高校改善基本办学条件专项-房屋修缮项目（小学）',
    ]);
  });

  it('does not join a table title, the next number or a sentence to the heading above', async () => {
    const text = [
      '某区某局2024年度部门决算',
      '\f第二部分 某区某局 2024 年度部门决算表（公开表）', '收入支出决算总表', '单位：万元',
      '\f第三部分 某区某局2024年度部门决算情况说明', '七、财政拨款“三公”经费支出决算情况说明（部门）', '（一）', '“三公”经费财政拨款支出决算总体情况说明', ...BODY,
      '二、一般公共预算财政拨款支出决算的结构情况说明', '无变化。', ...BODY,
    ].join('\n');
    expect(await outline(text)).toEqual([
      [1, '第二部分', '某区某局2024年度部门决算表（公开表）', 'tables'],
      [1, '第三部分', '某区某局2024年度部门决算情况说明', 'explanation'],
      [2, '七、', '财政拨款“三公”经费支出决算情况说明（部门）', 'three_public'],
      [3, '（一）', '“三公”经费财政拨款支出决算总体情况说明', 'three_public_overall'],
      [2, '二、', '一般公共预算财政拨款支出决算的结构情况说明', null],
    ]);
  });

  it('joins a bracket left open on to the line that closes it', async () => {
    // 福建 决算 template, pdftotext -layout: the note in brackets runs over three lines.
    const text = [
      '上海市XX局2024年度部门决算',
      '\f第一部分 上海市XX局概况', '', '     一、主要职能', ...BODY,
      '     二、部门决算单位构成（仅有一个单位的部门，本部分内容', '', '为“机构设置”', '      ）', ...BODY,
    ].join('\n');
    expect(await outline(text)).toEqual([
      [1, '第一部分', '上海市XX局概况', 'overview'],
      [2, '一、', '主要职能', 'duties'],
      [2, '二、', '部门决算单位构成（仅有一个单位的部门，本部分内容为“机构设置”）', 'structure'],
    ]);
  });

  it('takes numbered clauses run on in a paragraph for no heading', async () => {
    const text = ['某大学2023年度部门预算', '\f五、项目绩效目标表', '（一）学员热爱中华经典，并热衷于传播中华经典；（二）学员能掌握中华经典的基本内涵；', ...BODY].join('\n');
    expect((await outline(text)).map((n) => n[2])).toEqual(['项目绩效目标表']);
  });

  it('joins nothing in a text of paragraphs (lines are not wrapped there)', async () => {
    const long = '本部门2025年度收入、支出决算总计26,591.08万元，与2024年度相比减少1,204.37万元，下降4.3%，主要原因是文化旅游项目经费减少。';
    const text = ['某区某局2025年度部门决算', '第三部分 上海市普陀区文化和旅游局2025年度部门决算情况', '说明', long, long, long].join('\n');
    expect((await outline(text)).map((n) => n[2])).toEqual(['上海市普陀区文化和旅游局2025年度部门决算情况']);
  });
});

describe('a real page-text dump (上海市普陀区文化和旅游局 2025 决算, pdfplumber)', () => {
  it('gives 第三部分 its whole title, wrapped before 说明 in the dump', async () => {
    const d = segment(await ingest(corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt')));
    const part3 = d.outline.find((n) => n.marker === '第三部分')!;
    expect([part3.title, part3.section, part3.loc.page]).toEqual(['上海市普陀区文化和旅游局2025年度部门决算情况说明', 'explanation', 21]);
    expect(part3.children.map((n) => n.section)[0]).toBe('income_expenditure_overview');
  });
});

describe('the cover title broken by layout', () => {
  it.each([
    [['江苏省政协办公厅 2018 年度', '    部门预算公开'], '江苏省政协办公厅2018年度部门预算公开', '江苏省政协办公厅', 2018],
    [['上海市普陀区财政局 2025', '年度部门决算'], '上海市普陀区财政局2025年度部门决算', '上海市普陀区财政局', 2025],
    [['中共上海市普陀区委', '社会工作部 2024 年度', '   部门决算'], '中共上海市普陀区委社会工作部2024年度部门决算', '中共上海市普陀区委社会工作部', 2024],
    [['上海市普陀区', '文化和旅游局', '2025 年度部门决算'], '上海市普陀区文化和旅游局2025年度部门决算', '上海市普陀区文化和旅游局', 2025],
    [['2024年度', '上海市普陀区财政局部门决算'], '2024年度上海市普陀区财政局部门决算', '上海市普陀区财政局', 2024],
  ])('%j', async (cover, title, unit, year) => {
    const d = await seg([...cover, '', '', '   2025 年 4 月', '\f目 录', ...BODY].join('\n'));
    expect(d.document).toEqual({ title, unit, year, kind: title.includes('决算') ? '决算' : '预算' });
  });

  it('reads a title ending in 报表 (陕西 2019年部门综合预算公开报表): its year is the report’s, not a year named once in the body', async () => {
    const d = await seg(['附件2', '      2019年部门综合预算公开报表', '      部门名称：西安市安全生产监督管理局', ...BODY, '2017年度安全生产工作总结'].join('\n'));
    expect(d.document).toEqual({ title: '2019年部门综合预算公开报表', unit: '西安市安全生产监督管理局', year: 2019, kind: '预算' });
  });

  it('takes no date line or a second year into the title', async () => {
    const d = await seg(['2023年4月', '某区某局2024年度部门决算', ...BODY].join('\n'));
    expect(d.document.title).toBe('某区某局2024年度部门决算');
    const e = await seg(['某区某局2023年度', '某区某局2024年度部门决算', ...BODY].join('\n'));
    expect(e.document.title).toBe('某区某局2024年度部门决算');
  });
});

describe('a table of contents on an OCR page', () => {
  // The contents page of 西南大学 2023 预算 as OCR gives it: leaders read as … or ·, one line misread
  // (its closing bracket and page number lost), then the body on the next pages.
  const ocrLine = (raw: string, page: number, line: number): Block => ({
    kind: 'line',
    line: { ...makeLine(raw, { page, line }), ocr: { engine: 'paddle', confidence: 0.9 } },
  });
  const toc = [
    '目 录', '一、学校基本情况……………………3', '（一）基本情况·····························3', '（二）预算单位构成…………………6',
    '二、部门预算报表………………………7', '三、部门预算情况说明…………………11', '（一）收支预算情况说明…………11',
    '（二）收入预算情况说明……………11', '(三支出预算情况说明', '（四）财政拨款支出预算情况说明…12', '四、名词解释……………………………14',
  ];
  const body = [
    '一、学校基本情况', '（一）基本情况', ...BODY, '（二）预算单位构成', ...BODY, '二、部门预算报表', '三、部门预算情况说明', '（一）收支预算情况说明', ...BODY,
    '（二）收入预算情况说明', ...BODY, '（三）支出预算情况说明', ...BODY, '（四）财政拨款支出预算情况说明', ...BODY, '四、名词解释', ...BODY,
  ];
  const doc = (lines: string[]) => ({
    source: { path: 'x.pdf', sha256: '', format: 'pdf' as const, pages: 3, ocrPages: [1, 2] },
    blocks: [ocrLine('西南大学', 1, 1), ocrLine('2023年度部门预算', 1, 2), ...lines.map((t, k) => ocrLine(t, 2, k + 1)), ...body.map((t, k) => ocrLine(t, 3, k + 1))],
    flags: [],
  });

  it('skips the contents, the garbled line included, and reads each heading once from the body', () => {
    const d = segment(doc(toc));
    expect([...d.tocBlocks].sort((a, b) => a - b)).toEqual(toc.map((_, k) => k + 2));
    expect(flattenOutline(d.outline).map((n) => `${n.marker}${n.title}@${n.loc.page}`)).toEqual([
      '一、学校基本情况@3', '（一）基本情况@3', '（二）预算单位构成@3', '二、部门预算报表@3', '三、部门预算情况说明@3', '（一）收支预算情况说明@3',
      '（二）收入预算情况说明@3', '（三）支出预算情况说明@3', '（四）财政拨款支出预算情况说明@3', '四、名词解释@3',
    ]);
  });

  it('ends the contents at a sentence, however garbled the line before it', () => {
    const d = segment(doc([...toc.slice(0, 4), '(二预算单位构成', '本部门2025年度收入、支出决算总计26,591.08万元。', ...toc.slice(4)]));
    expect([...d.tocBlocks].sort((a, b) => a - b)).toEqual([2, 3, 4, 5]);
  });
});
