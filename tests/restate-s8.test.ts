// Which table row a narrative figure restates (issue 11, rule 1; session 8 review): a 款 whose name holds
// brackets, items named after their 类's figure, 科目 codes printed in brackets after a name. Each clean
// wording gives no flag; the same wording with one figure 0.01 off its row is still caught. Synthetic
// texts written after real 上海/江苏 layouts, figures invented.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { withTable } from './restate-fixtures.js';
import { checkLines as run } from './check-helpers.js';

const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found]);
const conflict = (line: number, expected: string, found: string) => ['VALUE_CONFLICT', 'error', line, expected, found];

describe('a 类/款/项 chain whose 款 name holds brackets (政府办公厅（室）及相关机构事务) resolves to its row', () => {
  const item = (fig: string) => `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）：支出决算为${fig}万元，完成预算100%。`;
  it('compares the 项 with its row', async () => {
    expect(show(await run(withTable(item('70.00'))))).toEqual([]);
    expect(show(await run(withTable(item('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
  it('reads the half-width spelling too', async () => {
    const half = (fig: string) => `1.一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项):支出决算为${fig}万元。`;
    expect(show(await run(withTable(half('70.00'))))).toEqual([]);
    expect(show(await run(withTable(half('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
});

describe('a figure whose own words name another row is that row’s, not the 类 named before it', () => {
  it('主要是行政运行… after a 类 figure', async () => {
    const line = (fig: string) => `一般公共服务支出（类）100.00万元，占33.33%，主要是行政运行${fig}万元、一般行政管理事务30.00万元；住房保障支出（类）200.00万元，占66.67%。`;
    expect(show(await run(withTable(line('70.00'))))).toEqual([]);
    expect(show(await run(withTable(line('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
  it('其中：住房公积金… after a 类 figure', async () => {
    const line = (fig: string) => `2.住房保障支出（类）200.00万元，其中：住房公积金${fig}万元，购房补贴80.00万元。`;
    expect(show(await run(withTable(line('120.00'))))).toEqual([]);
    expect(show(await run(withTable(line('119.99'))))).toEqual([conflict(4, '120.00万元', '119.99万元')]);
  });
  it('an item named after a row of another 类 gets no row at all', async () => {
    expect(show(await run(withTable('住房保障支出（类）200.00万元，其中：行政运行70.00万元。')))).toEqual([]);
  });
});

describe('a 科目 code in brackets right after a name is that name’s code', () => {
  it('功能分类 类 with their codes: each is its row, not the total before them', async () => {
    const line = (fig: string) => `一般公共预算财政拨款支出300.00万元，主要用于以下方面：一般公共服务支出（201）${fig}万元，占33.33%；住房保障支出（221）200.00万元，占66.67%。`;
    expect(show(await run(withTable(line('100.00'))))).toEqual([]);
    expect(show(await run(withTable(line('100.01'))))).toEqual([conflict(4, '100.00万元', '100.01万元')]);
  });
  it('经济分类 类 with their codes after 基本支出，其中: not the 基本支出 itself', async () => {
    const para = (personnel: string) => [
      '上海市某区某某局2024年度部门决算',
      '第三部分 2024年度部门决算情况说明',
      '六、一般公共预算财政拨款基本支出决算情况说明',
      `2024年度一般公共预算财政拨款基本支出300.00万元，其中：工资福利支出（301）200.00万元，对个人和家庭的补助（303）20.00万元，商品和服务支出（302）70.00万元，资本性支出（310）10.00万元。人员经费${personnel}万元，公用经费80.00万元。`,
    ];
    expect(show(await run(para('220.00')))).toEqual([]);
    expect(show(await run(para('220.10')))).toEqual([['SUM_MISMATCH', 'error', 4, '300.10万元', '300.00万元']]);
  });
});

describe('an item named by its code, by its name alone, by a dash path or by its levels unmarked is compared with its row', () => {
  const forms: [string, (fig: string) => string[]][] = [
    ['its 7-digit code after the ordinal', (fig) => [`1.2010301行政运行：年初预算为80.00万元，支出决算为${fig}万元。`]],
    ['its quoted name marked 项', (fig) => [`1.“行政运行”项：年初预算为80.00万元，支出决算为${fig}万元。`]],
    ['a dash path', (fig) => [`1.一般公共服务支出—政府办公厅（室）及相关机构事务—行政运行：年初预算为80.00万元，支出决算为${fig}万元。`]],
    ['its levels written one after another, then a full stop', (fig) => ['一般公共预算财政拨款支出决算具体情况如下：', `1.一般公共服务支出政府办公厅（室）及相关机构事务行政运行。年初预算为80.00万元，支出决算为${fig}万元。`]],
  ];
  for (const [what, item] of forms) {
    it(what, async () => {
      expect(show(await run(withTable(...item('70.00'))))).toEqual([]);
      const line = item('70.01').length + 3;
      expect(show(await run(withTable(...item('70.01'))))).toEqual([conflict(line, '70.00万元', '70.01万元')]);
    });
  }
  it('a name that is no row of the tables, or a metric after 其中, stays unresolved', async () => {
    expect(show(await run(withTable('一般公共预算财政拨款基本支出270.00万元。其中：人员经费200.00万元，公用经费70.00万元。')))).toEqual([]);
    expect(show(await run(withTable('1.“信息化建设”项：年初预算为80.00万元，支出决算为70.01万元。')))).toEqual([]);
  });
});

describe('年初预算数和决算数分别为A和B: each figure takes the role its name gives, and the item its sentence names', () => {
  const item = (fig: string) => `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算数和决算数分别为80.00万元和${fig}万元。`;
  it('compares the 决算数 with its row, never the 年初预算数', async () => {
    expect(show(await run(withTable(item('70.00'))))).toEqual([]);
    expect(show(await run(withTable(item('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
});

describe('收入总计 / 支出总计 restate the 总计 rows where the 收支总表 prints them beside the year’s 合计', () => {
  const doc = (income: string) => [
    '上海市某区某某局2024年度部门决算',
    '第三部分 2024年度部门决算情况说明',
    '一、收入支出决算总体情况说明',
    `2024年度收入总计${income}万元，支出总计220.00万元。`,
    '第二部分 2024年度部门决算表',
    '                 收入支出决算总表',
    '                                              单位：万元',
    ' 收入                                      支出',
    ' 项目                       决算数         项目                      决算数',
    ' 一、财政拨款收入            200.00        一、一般公共服务支出       180.00',
    ' 本年收入合计                200.00        本年支出合计               180.00',
    ' 年初结转和结余               20.00        年末结转和结余              40.00',
    ' 总计                        220.00        总计                       220.00',
  ];
  const values = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'VALUE_CONFLICT');
  it('compares them with the 总计 rows, not 本年收入合计 / 本年支出合计', async () => {
    expect(values(await run(doc('220.00')))).toEqual([]);
    // (and the two sides' totals, which must be equal, disagree: an error of its own)
    expect(values(await run(doc('220.01')))).toEqual([
      ['VALUE_CONFLICT', 'warning', 4, '220.00万元', '220.01万元'],
      ['VALUE_CONFLICT', 'error', 4, '220.01万元', '220.00万元'],
    ]);
  });
});

describe('a 科目’s own 基本支出/项目支出 in brackets after its figure are that row’s columns', () => {
  const item = (basic: string) => `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）。年初预算为110.00万元，支出决算为100.00万元（其中：基本支出${basic}万元，项目支出30.00万元），完成年初预算的90.91%。`;
  it('compares them with the row’s 基本支出 and 项目支出 cells, not the document’s totals', async () => {
    expect(show(await run(withTable(item('70.00'))))).toEqual([]);
    expect(show(await run(withTable(item('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
});

describe('江苏 预算 in 亿元: a 类 of the 支出预算总计 rounded coarser than the money outside its fund table', () => {
  // (one TAB-led cell per line, rows apart by blank lines: a table exported from Word)
  const row = (...xs: string[]) => [...xs.map((x) => `\t${x}`), ''];
  const doc = (y: string) => [
    '江苏省某某院2017年度部门预算',
    '第三部分 2017年度部门预算情况说明',
    '一、收支预算总体情况说明',
    '（一）收入预算总计15,560.00万元。包括：',
    '1．财政拨款收入预算总计15,550.00万元。',
    '2．其他资金收入预算总计10.00万元。',
    '（二）支出预算总计15,560.00万元。包括：',
    `1．公共安全（类）支出${y}亿元，主要用于检察业务。`,
    '八、一般公共预算支出预算表',
    '单位：万元',
    ...row('功能科目代码', '功能科目名称', '金额'),
    ...row('', '合计', '15,550.00'),
    ...row('204', '公共安全支出', '13,641.34'),
    ...row('20404', '检察', '13,641.34'),
    ...row('2040401', '行政运行', '13,641.34'),
    ...row('221', '住房保障支出', '1,908.66'),
    ...row('22102', '住房改革支出', '1,908.66'),
    ...row('2210201', '住房公积金', '1,908.66'),
    '九、名词解释',
  ];
  const values = (d: CheckedDocument) => show(d).filter((f) => f[0] === 'VALUE_CONFLICT');
  it('accepts 1.37亿元 for the fund cell 13,641.34 plus the 10.00 outside it, and 1.36亿元 for the cell', async () => {
    expect(values(await run(doc('1.37')))).toEqual([]);
    expect(values(await run(doc('1.36')))).toEqual([]);
  });
  it('still flags a figure that fits neither', async () => {
    expect(values(await run(doc('1.38')))).toEqual([['VALUE_CONFLICT', 'error', 8, '1.36亿元', '1.38亿元']]);
  });
});

describe('a figure in brackets right after another restates it in another unit, and names no row of its own', () => {
  const item = (fig: string) => `1.一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。年初预算为80.00万元（800,023.45元），支出决算为${fig}万元（700,023.45元）。`;
  it('leaves the 年初预算 in 元 alone and still compares the 决算', async () => {
    expect(show(await run(withTable(item('70.00'))))).toEqual([]);
    expect(show(await run(withTable(item('70.01'))))).toEqual([conflict(4, '70.00万元', '70.01万元')]);
  });
});
