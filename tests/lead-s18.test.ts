// Session 18 (lead): tables keyed where a 栏次 row numbers their columns, and what that brought to light — a
// purpose list after a 科目's own figure, and a 人员支出 that divides the whole expenditure, not the 基本支出.
import { describe, expect, it } from 'vitest';
import { columnKey } from '../src/extract/ledger.js';
import { joinWrappedFigures } from '../src/ingest/pdf/tables.js';
import type { Cell, CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const show = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);
const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');

describe('a 栏次 number under a header names no column', () => {
  it('keys 合计/1, 基本支出/人员经费/3 and 日常公用支出 as their words say', () => {
    expect(columnKey('合计/1')).toBe('total');
    expect(columnKey('基本支出/小计/2')).toBe('basic');
    expect(columnKey('基本支出/人员经费/3')).toBe('personnel');
    expect(columnKey('基本支出/日常公用支出/4')).toBe('public');
    expect(columnKey('项目支出/**')).toBe('project');
    expect(columnKey('1')).toBeUndefined();
  });
});

describe('a figure its cell wraps onto the line below (杭州 2026 预算03: 576,171.1 / 1)', () => {
  const cell = (text: string, row: number, col: number): Cell => ({ text, raw: text, loc: { page: 1, line: row + 1, row, col } });
  const grid = (rows: string[][]) => rows.map((r, i) => r.map((t, k) => cell(t, i, k)));
  it('joins the digits to the figure above them', () => {
    const rows = grid([['项目', '总计', '项目支出'], ['合计', '665,964.37', '576,171.1'], ['', '', '1'], ['一般公共服务支出', '6,701.98', '6,701.98']]);
    joinWrappedFigures(rows);
    expect(rows.map((r) => r.map((c) => c.text))).toEqual([['项目', '总计', '项目支出'], ['合计', '665,964.37', '576,171.11'], ['一般公共服务支出', '6,701.98', '6,701.98']]);
    expect(rows[2]![0]!.loc.row).toBe(2);
  });
  it('leaves a figure printed whole, and a table of one-decimal figures', () => {
    const whole = grid([['项目', '合计'], ['合计', '12.50'], ['', '3']]);
    joinWrappedFigures(whole);
    expect(whole.length).toBe(3);
    const tenths = grid([['项目', '合计'], ['合计', '12.5'], ['', '3']]);
    joinWrappedFigures(tenths);
    expect(tenths.length).toBe(3);
  });
});

describe('a 科目 explanation that lists what the money is for (湖州 2026 预算)', () => {
  const doc = (item: string) => [
    '湖州市某某局2026年部门预算',
    '一、部门预算编制说明',
    '2026年，湖州市某某局收入预算1,000.00万元，支出预算1,000.00万元。',
    '一般公共预算当年拨款具体使用情况：',
    `（1）一般公共服务支出（类）财政事务（款）其他财政事务支出（项）1000.00万元，主要用于会计管理和人才培养经费等支出${item}万元；票据管理经费支出400.00万元。`,
    '二、部门预算表',
    '2026年一般公共预算支出表',
    '单位：万元',
    cells('科目编码', '科目名称', '合计', '基本支出', '项目支出'),
    '',
    cells('**', '**', '1', '2', '3'),
    '',
    cells('201', '一般公共服务支出', '1000.00', '', '1000.00'),
    '',
    cells('20106', '财政事务', '1000.00', '', '1000.00'),
    '',
    cells('2010699', '其他财政事务支出', '1000.00', '', '1000.00'),
    '',
    cells('', '合计', '1000.00', '', '1000.00'),
    '',
    '三、名词解释',
  ];
  it('reads the items after 主要用于 as items, not as the 项 restated', async () => {
    expect(show(await run(doc('600.00')))).toEqual([]);
  });
  it('still compares the 项 figure itself', async () => {
    const d = doc('600.00').map((l) => l.replace('（项）1000.00万元', '（项）1100.00万元'));
    expect(show(await run(d)).map((x) => x[0])).toEqual(['error']);
  });
});
