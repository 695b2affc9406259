// Standard tables of real PDFs: wrapped row labels stay in their coded row, header words stay in the header.
import { beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import type { SourceTable } from '../src/model.js';
import { corpus } from './paths.js';

const gridsOf = async (name: string): Promise<string[][][]> => {
  const doc = await ingest(corpus(name), { ocr: 'off' });
  return doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])).map((t: SourceTable) => t.rows.map((r) => r.map((c) => c.text)));
};

describe('putuo czj 2024 (good)', () => {
  let grids: string[][][];
  beforeAll(async () => {
    grids = await gridsOf('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf');
  });

  it('公开06: a name wrapped onto a second line stays in its coded row', () => {
    const t6 = grids[5]!;
    expect(t6).toHaveLength(40);
    expect(t6).toContainEqual(['301', '08', '机关事业单位基本养老保险缴费', '160.75', '302', '06', '电费', '']);
    expect(t6).toContainEqual(['301', '13', '住房公积金', '187.19', '302', '12', '因公出国（境）费用', '']);
    expect(t6).toContainEqual(['', '', '', '', '302', '99', '其他商品和服务支出', '11.53']);
    // No row is only the tail of a wrapped name.
    expect(t6.filter((r) => r.filter(Boolean).length === 1)).toEqual([]);
  });

  it('公开04: a wrapped row label’s tail (款) is not taken for a header word', () => {
    const t4 = grids[3]!;
    expect(t4[2]![0]).toBe('二、政府性基金预算财政拨款');
  });

  it('names columns from the ruled header cells: parents over their columns, no stray blank column', () => {
    expect(grids[3]![0]).toEqual(['收入/项目', '收入/决算数', '支出/项目', '支出/合计', '支出/一般公共预算财政拨款', '支出/政府性基金预算财政拨款', '支出/国有资本经营预算财政拨款']);
    expect(grids[3]!.every((r) => r.length === 7)).toBe(true);
    expect(grids[1]![0]!.slice(0, 5)).toEqual(['项目/支出功能分类/科目编码/类', '项目/支出功能分类/科目编码/款', '项目/支出功能分类/科目编码/项', '项目/科目名称', '本年收入合计']);
    // 三公: named under the table-wide 财政拨款“三公”经费 cell, as printed.
    expect(grids[6]![0]!.slice(0, 6)).toEqual(['合计/预算数', '合计/决算数', '因公出国（境）费/预算数', '因公出国（境）费/决算数', '公务用车购置及运行费/小计/预算数', '公务用车购置及运行费/小计/决算数']);
  });
});

it('putuo shgzb 2024 (bad): a three-line name centred on its code is one label', async () => {
  const t5 = (await gridsOf('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf'))[4]!;
  expect(t5).toContainEqual(['2080505', '机关事业单位基本养老保险缴费支出', '6.18', '6.18', '']);
  expect(t5).toContainEqual(['2080506', '机关事业单位职业年金缴费支出', '4.64', '4.64', '']);
  expect(t5.filter((r) => r[0] === '' && r[1] !== '合计')).toEqual([]);
});

it('putuo zfb 2025 预算: the 三公 table ends at the next part’s heading, so its amounts keep their columns', async () => {
  const grids = await gridsOf('GovBudgetChecker__putuo_zfb_2025_dept_yusuan.pdf');
  const sangong = grids.find((g) => g[0]!.some((h) => h.endsWith('因公出国(境)费')))!;
  expect(sangong).toEqual([
    ['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费/小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费/运行费', '机关运行经费预算数'],
    ['867.50', '839.00', '28.50', '', '', '', '213.28'],
  ]);
});

describe('预算 收支总表: cells run together in the text layer are cut at the cell rules', () => {
  it('splits joined items (shanghai czj 2025) and a single item holding two cells (putuo sfj 2026 unit)', async () => {
    const czj = (await gridsOf('tianbaoxitong__shanghai_czj_2025_shiji_unit_yusuan.pdf'))[0]!;
    expect(czj[0]!.slice(0, 4)).toEqual(['本年收入/项目', '本年收入/预算数', '本年支出/项目', '本年支出/预算数/合计']);
    expect(czj).toContainEqual(['一、财政拨款收入', '171,915,169', '一、一般公共服务支出', '127,886,849', '60,330,260', '24,531,459', '43,025,130']);
    const sfj = (await gridsOf('GovBudgetChecker__putuo_sfj_2026_unit_yusuan.pdf'))[0]!;
    expect(sfj).toContainEqual(['一、财政拨款收入', '86,959,408.34', '一、公共安全支出', '79,189,400.34', '12,604,173', '1,744,680', '64,840,547']);
  });
});
