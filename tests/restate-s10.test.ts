// Which table row a narrative figure restates (issue 11, rule 1; session 10): a 科目 named otherwise than its row
// prints it — the 款's name written before the 项's without a marker (人大事务行政运行（项）), a 款 cut short
// (政府办公厅行政运行), a 项 shortened (机关事业单位职业年金（项） for 机关事业单位职业年金缴费支出) — resolved through
// the 功能分类 path the tables print, and a figure that is the figure of a row above its own on that path. Each
// clean wording gives no flag; the same wording with one figure off its cell is caught. Synthetic texts written
// after real 江苏 layouts, figures and names invented.
import { describe, expect, it } from 'vitest';
import { identityChecks } from '../src/check/identities.js';
import type { CheckedDocument } from '../src/model.js';
import { govFund, jiangsuItems, tabTable, totalsReport, withTable } from './restate-fixtures.js';
import { checkLines as run } from './check-helpers.js';

const conflicts = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

describe('a 项 named with its 款’s name before it and no 款 marker (人大事务行政运行（项）)', () => {
  // (a line of its own over the list names the 类; the item's ordinal follows it in the figure's clause)
  const doc = (fig: string, name = '人大事务行政运行') => jiangsuItems('一般公共服务', `1.  ${name}（项）支出${fig}万元，与上年相比减少17.00万元。`);
  it('is the row of that 款’s 行政运行, not the other 款’s', async () => {
    expect(conflicts(await run(doc('800.00')))).toEqual([]);
    expect(conflicts(await run(doc('800.10')))).toEqual([['error', 5, '800.00万元', '800.10万元']]);
    expect(conflicts(await run(doc('400.00')))).toEqual([['error', 5, '800.00万元', '400.00万元']]);
  });
  it('reads a 款 cut short (政府办公厅 of 政府办公厅（室）及相关机构事务)', async () => {
    expect(conflicts(await run(doc('400.00', '政府办公厅行政运行')))).toEqual([]);
    expect(conflicts(await run(doc('410.00', '政府办公厅行政运行')))).toEqual([['error', 5, '400.00万元', '410.00万元']]);
  });
  it('a figure that is the 款’s (or the 类’s) is a warning naming that row, not an error', async () => {
    const d = await run(doc('1,100.00'));
    expect(conflicts(d)).toEqual([['warning', 5, '800.00万元', '1,100.00万元']]);
    expect(d.flags.find((f) => f.code === 'VALUE_CONFLICT')?.message).toContain('与“20101人大事务”行的数字相同');
    expect(conflicts(await run(doc('1,500.00')))).toEqual([['warning', 5, '800.00万元', '1,500.00万元']]);
  });
  it('a name no path of the tables joins to (人大会议行政运行) gives nothing', async () => {
    expect(conflicts(await run(doc('810.00', '人大会议行政运行')))).toEqual([]);
  });
});

describe('a 项 shortened under its 款 (行政事业单位离退休（款）机关事业单位职业年金（项）)', () => {
  const doc = (pension: string, annuity: string, name = '机关事业单位职业年金') =>
    jiangsuItems(
      '（二）社会保障和就业支出（类）',
      `1．行政事业单位离退休（款）机关事业单位基本养老保险费（项）支出${pension}万元，与上年相比增加18.00万元。`,
      `2．行政事业单位离退休（款）${name}（项）支出${annuity}万元，与上年相比增加7.00万元。`,
    );
  it('is the one row under that 款 whose name it shortens', async () => {
    expect(conflicts(await run(doc('420.00', '180.00')))).toEqual([]);
    expect(conflicts(await run(doc('420.00', '180.60')))).toEqual([['error', 6, '180.00万元', '180.60万元']]);
    expect(conflicts(await run(doc('402.00', '180.00')))).toEqual([['error', 5, '420.00万元', '402.00万元']]);
  });
  it('a 项 whose characters the prose prints in another order (行政单位退离休 of 行政单位离退休) is that row', async () => {
    const item = (x: string) => jiangsuItems('（二）社会保障和就业支出（类）', `1．行政事业单位离退休（款）行政单位退离休（项）支出${x}万元，与上年相比增加8.00万元。`);
    expect(conflicts(await run(item('250.00')))).toEqual([]);
    expect(conflicts(await run(item('205.00')))).toEqual([['error', 5, '250.00万元', '205.00万元']]);
  });
  it('a short name two rows under the 款 share (机关事业单位) gives nothing', async () => {
    expect(conflicts(await run(doc('420.00', '190.00', '机关事业单位')))).toEqual([]);
  });
});

describe('a 款’s name and a 项’s written one after another with no marker at all (review s9 M19 d3/d4)', () => {
  const doc = (a: string, b: string) => jiangsuItems(`另外，人大事务行政运行支出${a}万元，政府办公厅行政运行支出${b}万元。`);
  it('names the one row of that path', async () => {
    expect(conflicts(await run(doc('800.00', '400.00')))).toEqual([]);
    expect(conflicts(await run(doc('800.00', '400.01')))).toEqual([['error', 4, '400.00万元', '400.01万元']]);
    expect(conflicts(await run(doc('800.01', '400.00')))).toEqual([['error', 4, '800.00万元', '800.01万元']]);
  });
});

describe('the opening grand total with the entity named in the first person (本院, 本街道, 我局) (review s10 M5)', () => {
  const doc = (who: string, fig: string) => govFund(`${who}2024年财政拨款收、支总计${fig}万元。`);
  it('is compared with the 总计 row whatever the entity’s name', async () => {
    for (const who of ['本院', '本街道', '我局', '']) {
      expect(conflicts(await run(doc(who, '590.00')))).toEqual([]);
      expect(conflicts(await run(doc(who, '590.10')))).toEqual([['error', 4, '590.00万元', '590.10万元']]);
    }
  });
  it('本 before a time or a level (本年, 本级) names no entity: nothing said', async () => {
    expect(conflicts(await run(doc('本级', '590.10')))).toEqual([]);
  });
});

describe('类/项 named with other marks (review s10 M16)', () => {
  // (公开05 of tests/restate-fixtures.ts: 201 一般公共服务支出 100.00, 221 住房保障支出 200.00, 2010301 行政运行 70.00)
  const classes = (a: string, b: string) => withTable(`2024年一般公共预算财政拨款支出300.00万元，主要用于以下方面：一般公共服务类支出${a}万元；“住房保障”类支出${b}万元。`);
  it('X类支出 and “X”类支出 are the 类 X', async () => {
    expect(conflicts(await run(classes('100.00', '200.00')))).toEqual([]);
    expect(conflicts(await run(classes('100.10', '200.00')))).toEqual([['error', 4, '100.00万元', '100.10万元']]);
    expect(conflicts(await run(classes('100.00', '200.10')))).toEqual([['error', 4, '200.00万元', '200.10万元']]);
  });
  it('a 类 after 各/此 (各类支出) or a name no row prints keeps no mark', async () => {
    expect(conflicts(await run(withTable('其中：各类支出100.10万元；其他类支出5.00万元。')))).toEqual([]);
  });
  it('a path of the 类, 款 and 项 joined by slashes or dashes, before the clause’s first comma', async () => {
    for (const sep of ['/', '-']) {
      const item = (x: string) => withTable('其中：', `1.一般公共服务支出${sep}政府办公厅（室）及相关机构事务${sep}行政运行，支出决算为${x}万元，完成预算100%。`);
      expect(conflicts(await run(item('70.00')))).toEqual([]);
      expect(conflicts(await run(item('70.10')))).toEqual([['error', 5, '70.00万元', '70.10万元']]);
    }
  });
  it('用于X方面的支出 is the 类 X’s 支出 (by name: a warning)', async () => {
    expect(conflicts(await run(withTable('另外，用于住房保障方面的支出200.00万元。')))).toEqual([]);
    expect(conflicts(await run(withTable('另外，用于住房保障方面的支出200.10万元。')))).toEqual([['warning', 4, '200.00万元', '200.10万元']]);
  });
});

describe('a 科目’s 年初预算 in a 决算 against the row’s 年初预算数 column (review s10 M8)', () => {
  const doc = (budget: string, head = '年初预算数', words = '年初预算') => [
    '四川省某某县某某局2024年度部门决算',
    '第二部分 2024年度部门决算情况说明',
    '五、一般公共预算财政拨款支出决算情况说明',
    `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：${words}为${budget}万元，支出决算为300.00万元。`,
    '第五部分 附表',
    '一般公共预算财政拨款支出决算表',
    '单位：万元',
    ...tabTable([
      ['科目编码', '科目名称', head, '决算数合计', '基本支出', '项目支出'],
      ['', '合计', '310.00', '300.00', '300.00', '0.00'],
      ['201', '一般公共服务支出', '310.00', '300.00', '300.00', '0.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '310.00', '300.00', '300.00', '0.00'],
      ['2010301', '行政运行', '310.00', '300.00', '300.00', '0.00'],
    ]),
  ];
  it('compares the stated budget with the column', async () => {
    expect(conflicts(await run(doc('310.00')))).toEqual([]);
    expect(conflicts(await run(doc('310.10')))).toEqual([['error', 4, '310.00万元', '310.10万元']]);
  });
  it('leaves a 年初预算 alone against a 调整预算数 column (another budget)', async () => {
    expect(conflicts(await run(doc('290.00', '调整预算数')))).toEqual([]);
    expect(conflicts(await run(doc('290.00', '调整预算数', '调整预算')))).toEqual([['error', 4, '310.00万元', '290.00万元']]);
  });
});

describe('a 预算05 with the year before’s column, its change, and the year’s 预算数合计 (四川 layout; review s10 M7)', () => {
  const doc = (now: string, before: string, cls = '400.00') => [
    '四川省某某县某某局2024年度部门预算',
    '第二部分 2024年度部门预算情况说明',
    '五、一般公共预算支出预算情况说明',
    `一般公共服务支出${cls}万元。`,
    `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）2024年预算数为${now}万元，2023年预算数为${before}万元，增加10.00万元。`,
    '第三部分 2024年度部门预算表',
    '一般公共预算支出预算表',
    '单位：万元',
    ...tabTable([
      ['科目编码', '科目名称', '2023年预算数', '2024年预算数合计', '基本支出', '项目支出', '增减额'],
      ['', '合计', '390.00', '400.00', '300.00', '100.00', '10.00'],
      ['201', '一般公共服务支出', '390.00', '400.00', '300.00', '100.00', '10.00'],
      ['20103', '政府办公厅（室）及相关机构事务', '390.00', '400.00', '300.00', '100.00', '10.00'],
      ['2010301', '行政运行', '290.00', '300.00', '300.00', '0.00', '10.00'],
    ]),
  ];
  it('the year’s figure against 2024年预算数合计, the year before’s against 2023年预算数', async () => {
    expect(conflicts(await run(doc('300.00', '290.00')))).toEqual([]);
    expect(conflicts(await run(doc('300.10', '290.00')))).toEqual([['error', 5, '300.00万元', '300.10万元']]);
    expect(conflicts(await run(doc('300.00', '290.10')))).toEqual([['error', 5, '290.00万元', '290.10万元']]);
  });
  it('a 类 named by name alone is not compared with the year before’s column nor the change', async () => {
    expect(conflicts(await run(doc('300.00', '290.00', '400.10')))).toEqual([['warning', 4, '400.00万元', '400.10万元']]);
    expect(conflicts(await run(doc('300.00', '290.00', '390.00'))).map((x) => x[0])).toEqual(['warning']);
  });
});

describe('a total named by its own row label of the 收支总表 (本年支出合计X万元) is restated as surely as a 科目 (lead s10 N1)', () => {
  const doc = (fig: string) => totalsReport(`2024年本年支出合计${fig}万元，其中：基本支出400.00万元；项目支出110.00万元。`, '510.00');
  const restated = (d: Awaited<ReturnType<typeof run>>) => identityChecks(d).filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.expected, f.found]);
  it('the identities’ restatement of it is an error', async () => {
    expect(restated(await run(doc('510.00')))).toEqual([]);
    expect(restated(await run(doc('510.10')))).toEqual([['error', '510.00万元', '510.10万元']]);
  });
});

describe('a 其中 item of a 财政拨款 total printed with a thousands comma inherits its fund (review s10 W1)', () => {
  const doc = [
    '上海市某区某某中心2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '四、财政拨款支出决算情况说明',
    '2024年度财政拨款支出1,500.00万元，其中：基本支出1,000.00万元；项目支出500.00万元。',
    '第二部分 2024年度部门决算表',
    '支出决算表',
    '单位：万元',
    ...tabTable([
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['', '合计', '2,000.00', '1,200.00', '800.00'],
      ['201', '一般公共服务支出', '2,000.00', '1,200.00', '800.00'],
    ]),
  ];
  it('is not compared with the all-sources table’s 基本支出/项目支出', async () => {
    expect(conflicts(await run(doc))).toEqual([]);
  });
});
