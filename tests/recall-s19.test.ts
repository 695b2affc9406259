// Session 19 (recall): defects an independent audit of unseen 决算 reports found and the checks missed. Synthetic
// fixtures reproducing the layouts.
// 1. 上海市普陀区财政局 2024 决算: the 三公 table printed with its header and no figures, the narrative
//    `“三公”经费财政拨款支出年初预算为 0.95 万元，支出决算为 0.00 万元` — the table's 预算数 column says nil.
import { describe, expect, it } from 'vitest';
import { brief, runLines } from './check-helpers.js';

const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
const HEADER = cells(
  '合计/预算数',
  '合计/决算数',
  '因公出国（境）费/预算数',
  '因公出国（境）费/决算数',
  '公务用车购置及运行费/小计/预算数',
  '公务用车购置及运行费/小计/决算数',
  '公务用车购置及运行费/公务用车购置费/预算数',
  '公务用车购置及运行费/公务用车购置费/决算数',
  '公务用车购置及运行费/公务用车运行费/预算数',
  '公务用车购置及运行费/公务用车运行费/决算数',
  '公务接待费/预算数',
  '公务接待费/决算数',
);
const doc = (table: string[], budget: string, actual = '0.00') => [
  '上海市某区某某局2024年度部门决算',
  '财政拨款“三公”经费支出决算表',
  '单位：万元',
  HEADER,
  '',
  ...table,
  '第三部分 2024年度部门决算情况说明',
  '七、财政拨款“三公”经费支出决算情况说明',
  `“三公”经费财政拨款支出年初预算为${budget}万元，支出决算为${actual}万元，其中：因公出国（境）费决算为0.00万元；公务用车购置及运行维护费支出决算为0.00万元；公务接待费支出决算为${actual}万元。`,
];
const conflicts = async (lines: string[]) =>
  (await runLines(lines)).flags.filter((f) => f.code === 'VALUE_CONFLICT' && /空表/u.test(f.message)).map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

describe('a narrative 三公 figure beside a 三公 table printed empty (上海市普陀区财政局 2024 决算)', () => {
  it('flags a budget above zero that the empty table’s 预算数 columns do not print', async () => {
    expect(await conflicts(doc([], '0.95'))).toEqual([['error', 19, '0（空表）', '0.95万元']]);
    const d = await runLines(doc([], '0.95'));
    expect(brief(d.flags, ['VALUE_CONFLICT'])).toEqual(['19 VALUE_CONFLICT']);
  });
  it('flags an actual figure above zero too, once per metric and role', async () => {
    expect(await conflicts(doc([], '0.95', '0.40'))).toEqual([
      ['error', 19, '0（空表）', '0.95万元'],
      ['error', 19, '0（空表）', '0.40万元'],
      ['error', 19, '0（空表）', '0.40万元'],
    ]);
  });
  it('leaves nil figures alone, and a table whose row is printed', async () => {
    expect(await conflicts(doc([], '0.00'))).toEqual([]);
    const row = cells('0.95', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.95', '0.00');
    expect(await conflicts(doc([row, ''], '0.95'))).toEqual([]);
  });
  it('leaves a table whose figures follow as plain lines (an unread table is not empty)', async () => {
    expect(await conflicts(doc(['0.95 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.00 0.95 0.00'], '0.95'))).toEqual([]);
  });
});

describe('an empty 三公 table beside a filled one', () => {
  it('leaves a figure another table prints', async () => {
    const row = cells('0.95', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.00', '0.95', '0.00');
    const lines = doc([], '0.95');
    const filled = ['“三公”经费支出决算表', '单位：万元', HEADER, '', row, ''];
    expect(await conflicts([...lines.slice(0, 5), ...filled, ...lines.slice(5)])).toEqual([]);
  });
});
