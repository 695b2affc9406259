// Which table row, column and fund a narrative figure restates (issue 11, rule 1; session 9): the reporting
// entity named by a short form of its name, … Each clean wording gives no flag; the same wording with
// one figure off its cell is caught. Synthetic texts written after real 江苏/上海 layouts, figures invented.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import type { CheckedDocument } from '../src/model.js';
import { govFund, jiangsu, tabTable, withTable } from './restate-fixtures.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);

/** The 江苏 预算 fixture of a unit whose name the prose shortens (江苏省人民某某厅 → 省某某厅). */
const longName = (say: Parameters<typeof jiangsu>[0]) => ['江苏省人民某某厅2019年度部门预算', ...jiangsu(say).slice(1)];

describe('the reporting entity named by a short form of its name (省某某厅 of 江苏省人民某某厅)', () => {
  it('compares its 会议费 with the 三公/会议费/培训费 table', async () => {
    expect(show(await run(longName({ who: '省某某厅' })))).toEqual([]);
    expect(show(await run(longName({ who: '省某某厅', meeting: '60.03' })))).toEqual([['VALUE_CONFLICT', 'warning', 8, '60.00万元', '60.03万元']]);
  });
  it('leaves alone a sub-unit whose name holds the short form (省某某厅信息中心)', async () => {
    expect(show(await run(longName({ who: '省某某厅信息中心', meeting: '60.03' })))).toEqual([]);
  });
});

describe('a paragraph opening with a year set apart by the PDF’s justification (“2019    年本部门…”) is prose, not a table row', () => {
  /** The fixture with its 机关运行经费 sentence broken before the figure, as a justified PDF line prints it. */
  const broken = (agency: string) => {
    const lines = jiangsu();
    const at = lines.findIndex((l) => l.includes('机关运行经费支出320.00万元'));
    return [...lines.slice(0, at), '     2019    年本部门一般公共预算机关运行经费预算支出', `${agency}    万元，与上年相比增加    20.00    万元。`, ...lines.slice(at + 1)];
  };
  it('compares the figure on the next line with the 机关运行经费 table', async () => {
    expect(show(await run(broken('320.00')))).toEqual([]);
    expect(show(await run(broken('320.02')))).toEqual([['VALUE_CONFLICT', 'warning', 12, '320.00万元', '320.02万元']]);
  });
});

describe('a fund’s own total in the prose against its tables (issue 11: 政府性基金 135.00 in the text, 105.00 in its table)', () => {
  const say = (income: string, spent: string) => govFund(`上海市某区某某局2024年度政府性基金预算财政拨款收入${income}万元，政府性基金预算财政拨款支出${spent}万元。`);
  const warn = (found: string, expected: string) => ['VALUE_CONFLICT', 'warning', 4, expected, found];
  it('accepts the figures the 公开08 合计 row and the 公开04 fund column print', async () => {
    expect(show(await run(say('80.00', '85.00')))).toEqual([]);
  });
  it('warns on an expenditure or an income neither table prints', async () => {
    expect(show(await run(say('80.00', '86.00')))).toEqual([warn('86.00万元', '85.00万元')]);
    // (the 公开04 sum over the funds, with the prose's income for the table's, is broken too: another check's error)
    expect(show(await run(say('80.05', '85.00'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([warn('80.05万元', '80.00万元')]);
  });
  it('the fund’s carry-over line below the total row (年初结转和结余 / 二、政府性基金预算财政拨款 10.00) is no income', async () => {
    expect(show(await run(say('10.00', '85.00')))).toEqual([warn('10.00万元', '80.00万元')]);
  });
  it('a 其中 item of the 财政拨款 total is the fund’s total too', async () => {
    const d = govFund('2024年度财政拨款支出585.00万元，其中：一般公共预算财政拨款支出500.00万元，政府性基金预算财政拨款支出95.00万元。');
    expect(show(await run(d)).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([warn('95.00万元', '85.00万元')]);
  });
  it('leaves alone a sub-unit’s fund money and a fund’s part (基本支出)', async () => {
    expect(show(await run(govFund('上海市某区某某中心2024年度政府性基金预算财政拨款支出86.00万元。')))).toEqual([]);
    expect(show(await run(govFund('2024年度政府性基金预算财政拨款项目支出86.00万元。')))).toEqual([]);
  });
});

describe('which year and which total a listed 科目 figure belongs to (review s9 O4, O5)', () => {
  // (the roles are given at extraction, s9-narrative's src/extract/facts.ts priorOpens: this case passes once that is merged)
  it('a list the sentence opens as last year’s (上年…（类）X万元，…（类）Y万元) is last year’s, every item of it', async () => {
    // (this year's rows: 一般公共服务支出 100.00, 住房保障支出 200.00)
    expect(show(await run(withTable('2024年度支出300.00万元。上年一般公共服务支出（类）90.00万元，住房保障支出（类）180.00万元。')))).toEqual([]);
    // (上年结转 is this year's money; a sentence comparing with last year is this year's)
    expect(show(await run(withTable('住房保障支出（类）180.00万元，比上年增加20.00万元。')))).toEqual([['VALUE_CONFLICT', 'error', 4, '200.00万元', '180.00万元']]);
  });
  it('a 其中 after a list of 类 is the list total’s, not the last 类’s', async () => {
    const list = (basic: string) => `2024年度支出合计300.00万元，按功能分类，一般公共服务支出（类）100.00万元，住房保障支出（类）200.00万元。其中：基本支出${basic}万元，项目支出30.00万元。`;
    expect(show(await run(withTable(list('270.00')))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([]);
    // (one 类 alone in its sentence: its own 基本支出, compared with its row)
    expect(show(await run(withTable('住房保障支出（类）200.00万元。其中：基本支出190.00万元。'))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([['VALUE_CONFLICT', 'error', 4, '200.00万元', '190.00万元']]);
  });
});

describe('the opening sentence’s 收、支总计均为X against the 总计 row (review s9 M6)', () => {
  const doc = (sentence: string) => [
    '上海市某区某某局2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    sentence,
    '第二部分 2024年度部门决算表',
    '收入支出决算总表',
    '单位：万元',
    ...tabTable([
      ['项目', '决算数', '项目', '决算数'],
      ['一、一般公共预算财政拨款收入', '300.00', '一、一般公共服务支出', '300.00'],
      ['本年收入合计', '300.00', '本年支出合计', '300.00'],
      ['年初结转和结余', '10.00', '年末结转和结余', '10.00'],
      ['总计', '310.00', '总计', '310.00'],
    ]),
  ];
  const grand = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'VALUE_CONFLICT');
  it('均 (both sides the same) keeps the figure the grand total', async () => {
    expect(grand(await run(doc('2024年度收、支总计均为310.00万元。')))).toEqual([]);
    expect(grand(await run(doc('2024年度收、支总计均为310.10万元。')))).toEqual([['VALUE_CONFLICT', 'error', 4, '310.00万元', '310.10万元']]);
    expect(grand(await run(doc('2024年度收支总计均为310.10万元。')))).toEqual([['VALUE_CONFLICT', 'error', 4, '310.00万元', '310.10万元']]);
  });
});

describe('一般公共预算支出 (the 四川 heading’s own words) is the 一般公共预算财政拨款支出 (review s9 M12)', () => {
  it('is compared with the 公开05 合计', async () => {
    expect(show(await run(withTable('2024年一般公共预算支出决算数为300.00万元，完成预算100%。')))).toEqual([]);
    expect(show(await run(withTable('2024年一般公共预算支出决算数为300.10万元，完成预算100%。')))).toEqual([['VALUE_CONFLICT', 'warning', 4, '300.00万元', '300.10万元']]);
  });
});

describe('a figure right after a prior-year word that follows the 科目’s own figure is last year’s', () => {
  it('…（项）”70.00，上年:65.00万元 — the 科目’s figure without its unit — gives no VALUE_CONFLICT on the prior figure', async () => {
    const line = (fig: string) => ['1. “一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）”' + fig + '，上年:', '65.00万元，主要用于机关运行。'];
    expect(show(await run(withTable(...line('70.00万元'))))).toEqual([]);
    expect(show(await run(withTable(...line('70.00')))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([]);
    // (or left blank: its unit is there)
    expect(show(await run(withTable(...line('      万元')))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([]);
    // (the 科目's own figure is still compared)
    expect(show(await run(withTable(...line('70.01万元'))))).toEqual([['VALUE_CONFLICT', 'error', 4, '70.00万元', '70.01万元']]);
  });
});

describe('an 经济分类 类 of the 基本支出 stated in the prose against its row of the 基本支出 table (review s9 M14)', () => {
  const withClasses = (sentence: string) => {
    const lines = jiangsu();
    const at = lines.findIndex((l) => l.startsWith('（二）公用经费'));
    return [...lines.slice(0, at + 1), sentence, ...lines.slice(at + 1)];
  };
  const econ = (wages: string) => `江苏省某某厅2019年度财政拨款基本支出按经济分类，工资福利支出${wages}万元，商品和服务支出300.00万元，对个人和家庭的补助280.00万元，资本性支出20.00万元。`;
  it('accepts the classes the table prints and flags one it does not', async () => {
    expect(show(await run(withClasses(econ('900.00'))))).toEqual([]);
    expect(show(await run(withClasses(econ('900.10'))))).toEqual([['VALUE_CONFLICT', 'error', 7, '900.00万元', '900.10万元']]);
  });
  it('leaves alone the classes of the 项目支出 or of the whole (no 基本支出 named alone)', async () => {
    expect(show(await run(withClasses('项目支出按经济分类，工资福利支出900.10万元。')))).toEqual([]);
    expect(show(await run(withClasses('基本支出和项目支出按经济分类，工资福利支出900.10万元。')))).toEqual([]);
  });
});

describe('a 科目 named by its name and its code in brackets, or after 用于 (review s9 M7)', () => {
  const item = (name: string, fig: string) => `1.${name}（2010301）。年初预算为80.00万元，支出决算为${fig}万元，完成年初预算的87.50%。`;
  it('compares the figure with the row the code and name print', async () => {
    expect(show(await run(withTable(item('行政运行', '70.00'))))).toEqual([]);
    expect(show(await run(withTable(item('行政运行', '70.01'))))).toEqual([['VALUE_CONFLICT', 'error', 4, '70.00万元', '70.01万元']]);
  });
  it('trusts neither where the name is another row’s', async () => {
    expect(show(await run(withTable(item('住房公积金', '70.01'))))).toEqual([]);
  });
  it('用于 before a 类 in a list of the spending is that 类', async () => {
    const list = (fig: string) => `2024年度一般公共预算财政拨款支出300.00万元，主要用于以下方面：用于一般公共服务支出${fig}万元，占33.33%；住房保障支出（类）200.00万元，占66.67%。`;
    expect(show(await run(withTable(list('100.00'))))).toEqual([]);
    expect(show(await run(withTable(list('100.10')))).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([['VALUE_CONFLICT', 'warning', 4, '100.00万元', '100.10万元']]);
  });
});

describe('类/款/项 written as nested list items (（一）X（类） / 1.Y（款） / （1）Z（项）：…) (review s9 M19)', () => {
  // (公开05 of tests/restate-fixtures.ts: 行政运行 under 20103 only, 一般行政管理事务 2010302)
  const items = (run1: string, general: string) => [
    '（一）一般公共服务支出（类）',
    '1.政府办公厅（室）及相关机构事务（款）',
    `（1）行政运行（项）：支出决算为${run1}万元，完成预算100%。`,
    `（2）一般行政管理事务（项）：支出决算为${general}万元，完成预算100%。`,
  ];
  it('compares each 项 with its row, the ordinal in brackets being no part of its name', async () => {
    expect(show(await run(withTable(...items('70.00', '30.00'))))).toEqual([]);
    expect(show(await run(withTable(...items('70.00', '30.01'))))).toEqual([['VALUE_CONFLICT', 'error', 7, '30.00万元', '30.01万元']]);
    expect(show(await run(withTable(...items('70.01', '30.00'))))).toEqual([['VALUE_CONFLICT', 'error', 6, '70.00万元', '70.01万元']]);
  });
});

describe('a figure of all 财政拨款 is no figure of an all-sources table (review s9 R9)', () => {
  /** A 决算 whose 财政拨款 is part of what its 支出决算表 (all sources) prints for 201, and no fund table prints 201. */
  const doc = (cls: string) => [
    '上海市某区某某中心2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '四、财政拨款支出决算情况说明',
    `2024年度财政拨款支出100.00万元，主要用于：一般公共服务支出（类）${cls}万元。`,
    '第二部分 2024年度部门决算表',
    '支出决算表',
    '单位：万元',
    ...tabTable([
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['', '合计', '150.00', '120.00', '30.00'],
      ['201', '一般公共服务支出', '150.00', '120.00', '30.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '150.00', '120.00', '30.00'],
      ['2010301', '行政运行', '150.00', '120.00', '30.00'],
    ]),
  ];
  it('leaves a 财政拨款 类 alone where only the all-sources table prints its row', async () => {
    expect(show(await run(doc('100.00')))).toEqual([]);
  });
});
