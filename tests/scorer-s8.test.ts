// The mutation evaluation's scorer (session 8): the witness oracle (scripts/witness.ts) decides from the
// clean document alone whether a changed figure can be told wrong at all, and flags are attributed to a
// mutation by what they say, not only where they stand.
import { describe, expect, it } from 'vitest';
import { attribute, newFlags, newFlagsByPlace, type Outcome, report } from '../scripts/eval-mutations.js';
import { Oracle } from '../scripts/witness.js';
import type { Block, Cell, Flag, IngestedDocument } from '../src/model.js';
import { docFrom } from './check-helpers.js';

/** Lines on page 1, then one table on page 2 (rows of printed cells). */
function doc(lines: string[], rows: string[][] = []): IngestedDocument {
  const d = docFrom(lines);
  const cell = (raw: string, row: number, col: number): Cell => ({ raw, text: raw, loc: { page: 2, line: row + 1, table: 't1', row, col } });
  const blocks: Block[] = d.blocks.slice();
  if (rows.length) blocks.push({ kind: 'table', table: { id: 't1', loc: { page: 2, line: 1 }, rows: rows.map((r, ri) => r.map((x, ci) => cell(x, ri, ci))) } });
  return { source: d.source, blocks, flags: [] };
}
const at = (lines: string[], line: number, figure: string) => ({ block: line - 1, start: lines[line - 1]!.indexOf(figure) });
const verdict = (o: Oracle, p: Parameters<Oracle['witness']>[0], was: string, now: string) => o.witness(p, was, now).map((h) => `${h.relation}: ${h.detail}`);

describe('witness oracle', () => {
  const lines = [
    '2021年一般公共预算支出18,642.35万元，比上年增加2,716.44万元，增长17.06%。主要原因是人员增加。',
    '其中：基本支出10,500.00万元，项目支出8,142.35万元。',
    '上年:27.46万元，主要机关事务。',
    '“三公”经费支出预算1,372.00万元，比上年增加246.00万元，增长22%。',
    '公共安全支出（类）538.61万元。',
  ];
  const table = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['', '合计', '18642.35', '10500.00', '8142.35'],
    ['204', '公共安全支出', '538.61', '480.00', '58.61'],
    ['20402', '公安', '538.61', '480.00', '58.61'],
    ['208', '社会保障和就业支出', '18103.74', '10020.00', '8083.74'],
  ];
  const o = new Oracle(doc(lines, table));

  it('a narrative figure restated in a table is witnessed by equality (units normalised)', () => {
    expect(verdict(o, at(lines, 5, '538.61'), '538.61', '538.81')).toEqual(['equality: 538.61 at 2:3 t1[2,2]', 'equality: 538.61 at 2:4 t1[3,2]']);
    // 元 in one place, 万元 in the other: 5,386,100.00元 is 538.61万元
    const o2 = new Oracle(doc(['公共安全支出（类）538.61万元。', '主要用于法院。', '比上年增加。', '公共安全支出5,386,100.00元。']));
    expect(verdict(o2, { block: 0, start: 9 }, '538.61', '538.16')).toEqual(['equality: 5,386,100.00 at 1:4']);
  });

  it('a figure followed by 年度 words is a figure (年 after a figure is a year or a count only right after it)', () => {
    const row = ['项目资金总额    4830200.00    年度资金申请总额    4830200.00'];
    const o4 = new Oracle(doc(row));
    expect(o4.knows({ block: 0, start: 10 })).toBe(true);
    expect(o4.knows({ block: 0, start: 36 })).toBe(true);
  });

  it('a change is witnessed by the rate printed with it, interval arithmetic', () => {
    // 2,716.44 / (18,642.35 − 2,716.44) = 17.057% → 17.06%; 2,756.44 gives 17.35%
    expect(verdict(o, at(lines, 1, '2,716.44'), '2,716.44', '2,756.44')).toEqual(['rate: 17.06% = t/(a-t) with t=2,716.44, a=18,642.35']);
  });

  it('a part of a 其中 list is witnessed by the sum it enters', () => {
    expect(verdict(o, at(lines, 2, '10,500.00'), '10,500.00', '10,900.00')).toEqual(['equality: 10500.00 at 2:2 t1[1,3]', 'sum: 18,642.35 = 10,500.00 + 8,142.35']);
  });

  it('a table cell is witnessed by its row and its 科目 tree', () => {
    expect(verdict(o, { block: 5, row: 4, col: 3 }, '10020.00', '10320.00')).toEqual(['sum: 18103.74 = 10020.00 + 8083.74 (row)', 'sum: 10500.00 = 10020.00 + Σ 1 rows (合计)']);
  });

  it('a figure printed nowhere else, or changed within the precision of its only relation, is unwitnessed', () => {
    expect(verdict(o, at(lines, 3, '27.46'), '27.46', '27.86')).toEqual([]);
    // 246 / (1,372 − 246) = 21.8% → 22%; 247 still gives 22.0% → 22%
    expect(o.holding(at(lines, 4, '246.00'), '246.00').map((h) => h.relation)).toEqual(['rate']);
    expect(verdict(o, at(lines, 4, '246.00'), '246.00', '247.00')).toEqual([]);
    // 本年 and 上年 equal in one sentence are two things, not a restatement: the 上年 figure changed is unwitnessed
    // (nor is a table's 236,400元: it may restate either of the two)
    const same = ['“一般公共服务支出（类）人大事务（款）代表工作（项）”23.64万元，上年:23.64万元，主要用于代表活动。'];
    const o5 = new Oracle(doc(same, [['201', '01', '代表工作', '236,400', '236,400']]));
    expect(verdict(o5, { block: 0, start: same[0]!.lastIndexOf('23.64') }, '23.64', '25.18')).toEqual([]);
    // the same figure printed once in its sentence is witnessed by the table
    const once = ['“一般公共服务支出（类）人大事务（款）代表工作（项）”23.64万元，上年:21.37万元，主要用于代表活动。'];
    expect(verdict(new Oracle(doc(once, [['201', '01', '代表工作', '236,400', '236,400']])), { block: 0, start: once[0]!.indexOf('23.64') }, '23.64', '25.18')).toEqual(['equality: 236,400 at 2:1 t1[0,3]', 'equality: 236,400 at 2:1 t1[0,4]']);
    // equal figures of one paragraph, less than 3 sentences apart, are two things (here: the amount won by
    // small firms equals the 货物 part by chance); three sentences apart, a restatement
    const gp = ['政府采购金额为318.40万元，其中：货物采购金额6.25万元、服务采购金额312.15万元。', '面向中小企业预留政府采购项目预算金额312.15万元。', '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额6.25万元。', '主要原因是加强管理。', '采购更加规范。', '本年货物采购金额6.25万元。'];
    const o6 = new Oracle(doc(gp));
    expect(verdict(o6, { block: 2, start: gp[2]!.indexOf('6.25') }, '6.25', '5.90')).toEqual(['equality: 6.25 at 1:6']);
    expect(verdict(new Oracle(doc(gp.slice(0, 5))), { block: 2, start: gp[2]!.indexOf('6.25') }, '6.25', '5.90')).toEqual([]);
    // a figure of fewer than 3 significant digits is never compared for equality
    const o3 = new Oracle(doc(['项目支出10.00万元。', '公用经费10.00万元。']));
    expect(verdict(o3, { block: 0, start: 4 }, '10.00', '13.00')).toEqual([]);
  });
});

describe('flag attribution', () => {
  const flag = (message: string, line = 3, code: Flag['code'] = 'VALUE_CONFLICT'): Flag => ({ code, severity: 'warning', message, loc: { page: 1, line }, excerpt: null, expected: null, found: null });
  const base = flag('正文数字与表格不一致：此处写100.00万元，表中为120.00万元。');

  it('a new finding where the clean document already has a flag of that code is new', () => {
    const fresh = flag('正文数字与表格不一致：此处写35.00万元，表中为30.00万元。');
    expect(newFlags([base], [fresh], { was: '30.00', now: '35.00' })).toEqual([fresh]);
    // keyed on code and place only, it was never seen
    expect(newFlagsByPlace([base], [fresh])).toEqual([]);
    expect(newFlags([base], [base, fresh])).toEqual([fresh]);
  });

  it('the clean document’s flag merely quoting the changed figure, or with its sum updated, is not new', () => {
    const quoting = flag('正文数字与表格不一致：此处写100.00万元，表中为125.00万元。');
    expect(newFlags([flag('正文数字与表格不一致：此处写100.00万元，表中为120.00万元。')], [quoting], { was: '120.00', now: '125.00' })).toEqual([]);
    const sum = flag('合计100.00万元与其3个部分之和99.00万元不符。', 7, 'SUM_MISMATCH');
    const sumAfter = flag('合计100.00万元与其3个部分之和98.00万元不符。', 7, 'SUM_MISMATCH');
    expect(attribute([sum], [sumAfter], { was: '30.00', now: '29.00' })).toEqual({ fresh: [], updated: [sumAfter] });
    expect(newFlags([base], [base])).toEqual([]);
  });
});

describe('report', () => {
  it('prints the raw and the witnessed recall side by side, and each miss with its witness', () => {
    const m = (now: string, line: number) => ({ op: 'change_figure', family: 'narrative_figure' as const, block: 0, raw: `支出${now}万元`, loc: { page: 1, line, start: 2 }, was: '27.46', now });
    const o = (caught: boolean, witnessed: boolean, line: number): Outcome => ({ doc: 'a.pdf', m: m('27.86', line), caught, caughtByPlace: caught, falseFlags: [], updated: [], witness: witnessed ? [{ relation: 'equality', id: 'x', detail: '27.46 at 3:4' }] : [], chance: { trials: 5, any: 0, by: {} } });
    const out = report([o(true, true, 1), o(false, true, 2), o(false, false, 3)], { misses: true }).split('\n');
    expect(out.find((l) => l.startsWith('narrative_figure'))).toBe('narrative_figure  figures         3       1   33.3%          0     100.0%          2         1     50.0%            1');
    expect(out).toContain('  a.pdf:1:2 change_figure 27.46 → 27.86 [equality: 27.46 at 3:4] | 支出27.86万元');
    expect(out).toContain('  a.pdf:1:3 change_figure 27.46 → 27.86 [unwitnessed] | 支出27.86万元');
    expect(out).toContain('  narrative_figure: coincidence 0.0% of 15 random figures meet some relation (equality 0.0%, sum 0.0%, difference 0.0%, rate 0.0%)');
  });
});
