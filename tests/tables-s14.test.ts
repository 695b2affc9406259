// Session 14, tables: table-cell mutations missed on unseen university reports. A 收入预算表 printed with no
// 单位 line, its header band opening with spanning cells (事业收入 | 其他收入) above 科目编码 | 本年收入合计 | …:
// read as a grid, not as loose lines. Synthetic lines with invented figures.
import { describe, expect, it } from 'vitest';
import type { NumberedLine } from '../src/ingest/pdf/index.js';
import { findTables } from '../src/ingest/pdf/tables.js';
import { processDocument } from '../src/pipeline.js';

/** A PDF text line: segments [x0, text] on baseline y (size 8, 8 points a character). */
const line = (page: number, n: number, y: number, ...segs: [number, string][]): NumberedLine => ({
  page,
  line: n,
  y,
  size: 8,
  segs: segs.map(([x0, text]) => ({ text, x0, x1: x0 + 8 * [...text].length, y, size: 8 })),
});

/** A text report's table row: one cell a line, tab-indented (the DOCX → text rendition's shape). */
const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
/** The SUM_MISMATCH flags of a text report, by severity, cell and figures. */
const sums = async (lines: string[]) =>
  (await processDocument(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' })).flags
    .filter((f) => f.code === 'SUM_MISMATCH')
    .map((f) => [f.severity, f.loc?.row, f.loc?.col, f.expected, f.found]);

describe('PDF grids: a table with no unit line under its title', () => {
  const head = [
    line(1, 1, 800, [200, '某某大学收入预算表']),
    line(1, 2, 780, [330, '事业收入'], [430, '其他收入']),
    line(1, 3, 770, [20, '科目编码'], [130, '本年收入合计'], [230, '财政拨款收入']),
    line(1, 4, 765, [70, '科目名称']),
    line(1, 5, 760, [330, '金额']),
  ];
  const body = [
    line(1, 6, 740, [20, '205'], [70, '教育支出'], [140, '1,500.00'], [240, '1,000.00'], [330, '300.00'], [430, '200.00']),
    line(1, 7, 720, [20, '20502'], [70, '普通教育'], [140, '1,500.00'], [240, '1,000.00'], [330, '300.00'], [430, '200.00']),
    line(1, 8, 700, [70, '合计'], [140, '1,500.00'], [240, '1,000.00'], [330, '300.00'], [430, '200.00']),
  ];

  it('starts at the header band: the rows are read with their columns', () => {
    const t = [...findTables([...head, ...body]).startingAt.values()][0]!;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '事业收入金额', '其他收入'],
      ['205', '教育支出', '1,500.00', '1,000.00', '300.00', '200.00'],
      ['20502', '普通教育', '1,500.00', '1,000.00', '300.00', '200.00'],
      ['', '合计', '1,500.00', '1,000.00', '300.00', '200.00'],
    ]);
  });

  it('a title followed by prose is no table (the band must come before any sentence)', () => {
    const prose = [line(1, 1, 800, [200, '某某大学收入预算表']), line(1, 2, 780, [20, '本单位收入预算情况如下：按科目列示，']), line(1, 3, 770, [20, '科目编码'], [130, '本年收入合计'], [230, '财政拨款收入'])];
    expect(findTables([...prose, ...body]).startingAt.size).toBe(0);
  });
});

describe('a 科目 table that prints its 合计 both above the first 科目 and at its foot', () => {
  // (a table over two pages restating its total on the last: 高校 决算 表4, 西南大学 2023 — invented figures)
  const doc = (top: string, foot: string) => [
    '某某大学2023年度部门决算',
    '一般公共预算财政拨款支出决算表',
    '单位：万元',
    cells('科目编码', '科目名称', '合计'),
    '',
    cells('', '合计', top),
    '',
    cells('205', '教育支出', '1,000.00'),
    '',
    cells('20502', '普通教育', '1,000.00'),
    '',
    cells('2050205', '高等教育', '1,000.00'),
    '',
    cells('221', '住房保障支出', '200.00'),
    '',
    cells('22102', '住房改革支出', '200.00'),
    '',
    cells('2210201', '住房公积金', '200.00'),
    '',
    cells('', '合计', foot),
    '',
    '正文。',
  ];

  it('both agree with the 类: no flag', async () => {
    expect(await sums(doc('1,200.00', '1,200.00'))).toEqual([]);
  });
  it('the first changed: flagged against the 类', async () => {
    expect(await sums(doc('1,250.00', '1,200.00'))).toEqual([['error', 1, 2, '1200.00', '1250.00']]);
  });
  it('the foot changed: flagged against the 类', async () => {
    expect(await sums(doc('1,200.00', '1,150.00'))).toEqual([['error', 8, 2, '1200.00', '1150.00']]);
  });
});

describe('高校 表4 (财政拨款支出决算表): 本年支出/合计 = 基本支出 + 项目支出 on every row', () => {
  // 合计 restated at the foot, as the table over two pages prints it (invented figures).
  const doc = (topProject: string, leafProject: string) => [
    '某某大学2023年度部门决算',
    '高等学校财政拨款支出决算表',
    '单位：万元',
    cells('科目编码', '科目名称', '本年支出/合计', '本年支出/基本支出', '本年支出/项目支出'),
    '',
    cells('', '合计', '1,200.00', '900.00', topProject),
    '',
    cells('205', '教育支出', '1,000.00', '800.00', '200.00'),
    '',
    cells('20502', '普通教育', '1,000.00', '800.00', '200.00'),
    '',
    cells('2050204', '高中教育', '400.00', '350.00', leafProject),
    '',
    cells('2050205', '高等教育', '600.00', '450.00', '150.00'),
    '',
    cells('221', '住房保障支出', '200.00', '100.00', '100.00'),
    '',
    cells('22102', '住房改革支出', '200.00', '100.00', '100.00'),
    '',
    cells('2210201', '住房公积金', '200.00', '100.00', '100.00'),
    '',
    cells('', '合计', '1,200.00', '900.00', '300.00'),
    '',
    '正文。',
  ];

  it('as printed: no flag', async () => {
    expect(await sums(doc('300.00', '50.00'))).toEqual([]);
  });
  it('a 项 row’s 项目支出 changed: flagged on that cell, not on its 款', async () => {
    expect(await sums(doc('300.00', '60.00'))).toEqual([['error', 4, 4, '50.00', '60.00']]);
  });
  it('the first 合计’s 项目支出 changed: flagged on that cell (its restatement at the foot does not hide the 类 sum)', async () => {
    expect(await sums(doc('350.00', '50.00'))).toEqual([['error', 1, 4, '300.00', '350.00']]);
  });
});
