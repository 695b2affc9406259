// Session 18 (dumps): standard tables in page-text dumps cut at single spaces (pdfplumber, as GovBudgetChecker's
// fixtures of 上海普陀 2025 决算 print them) lose their column names. Synthetic fixtures reproducing the layouts;
// figures made up.
// 1. The 三公 table (财政拨款“三公”经费支出决算表): items on lines out of column order, one line of role words
//    (预算数 决算数 × 6), one line of figures where a blank cell prints nothing. The template's items with the
//    band's roles name the columns; a short row is placed by the 三公 sums per role (合计 = 出国 + 车 + 接待,
//    车 = 购置 + 运行), a figure sure only where every placement agrees (石泉路街道: 接待 预算 1.53 | 决算 0).
// 2. The 政府性基金 table: the 本年支出 sub-header (合计 基本支出 项目支出) on the total row's line; rows of
//    3 figures placed by 本年支出合计 = 基本 + 项目 and 年初 + 本年收入 − 年末 = 本年支出合计 (宜川路街道:
//    `其他住房保障支出（项）135.00万元` against 105.00).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';

const run = async (pages: string[]) =>
  check(extract(segment(await ingest(new TextEncoder().encode(JSON.stringify({ page_count: pages.length, page_texts: pages })), { ocr: 'off' }))));

const SANGONG_BAND = ['财政拨款“三公”经费支出决算表', '单位：万元', '财政拨款“三公”经费', '公务用车购置及运行维护费', '因公出国', '合计 公务用车 公务用车 公务接待费', '（境）费 小计', '购置费 运行维护费'];
const ROLES = Array.from({ length: 6 }, () => '预算数 决算数').join(' ');
const sangong = (figures: string, roles = ROLES, said = '公务接待费支出决算为2.00万元。') => [
  '某区某某街道办事处\n2025 年度部门决算',
  [...SANGONG_BAND, roles, figures, '注：本表反映部门本年度“三公”经费支出预决算情况。'].join('\n'),
  ['七、财政拨款“三公”经费支出决算情况说明', `“三公”经费财政拨款支出决算为30.00万元。${said}`].join('\n'),
];
const tableFacts = (d: Awaited<ReturnType<typeof run>>, kind: string) => {
  const t = d.tables.find((x) => x.kind === kind)!;
  return d.facts.filter((f) => f.loc?.table === t.id).map((f) => [f.label, f.value, f.role]);
};

describe('the 三公 table of a single-spaced dump (items out of order over one line of role words)', () => {
  it('names the columns item by item, 预算数 then 决算数, and places a row with blank cells by the sums', async () => {
    // 合计 45.00 | 30.00, 出国 blank, 小计 43.00 | 30.00, 购置 20.00 | 20.00, 运行 23.00 | 10.00, 接待 2.00 | 0
    const d = await run(sangong('45.00 30.00 43.00 30.00 20.00 20.00 23.00 10.00 2.00 0'));
    const t = d.tables.find((x) => x.kind === '公开07表')!;
    expect(t.header.slice(2, 6)).toEqual(['合计/预算数', '合计/决算数', '因公出国（境）费/预算数', '因公出国（境）费/决算数']);
    expect(t.header.slice(12)).toEqual(['公务接待费/预算数', '公务接待费/决算数']);
    expect(t.rows[0]!.slice(2)).toEqual(['45.00', '30.00', '', '', '43.00', '30.00', '20.00', '20.00', '23.00', '10.00', '2.00', '0']);
    expect(d.summary.official_reception?.value).toBe(0);
    expect(d.summary.three_public_total?.value).toBe(30);
    // the text's 2.00 (the budget) stated as the 决算: against the table's 0
    expect(d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.expected, f.found])).toEqual([['0万元', '2.00万元']]);
  });
  it('leaves unknown what the sums cannot place (购置 or 运行 alone filled)', async () => {
    // 合计 31.00 | 20.00, 小计 30.00 | 19.50, one of 购置 / 运行 30.00 | 19.50, 接待 1.00 | 0.50
    const d = await run(sangong('31.00 20.00 30.00 19.50 30.00 19.50 1.00 0.50', ROLES, ''));
    expect(tableFacts(d, '公开07表')).toEqual([
      ['合计/预算数', 31, 'budget'],
      ['合计/决算数', 20, 'actual'],
      ['公务用车购置及运行维护费/小计/预算数', 30, 'budget'],
      ['公务用车购置及运行维护费/小计/决算数', 19.5, 'actual'],
      ['公务接待费/预算数', 1, 'budget'],
      ['公务接待费/决算数', 0.5, 'actual'],
    ]);
  });
  it('names nothing where no line of the band prints the role words alone in the list’s order', async () => {
    const d = await run(sangong('45.00 30.00 43.00 30.00 20.00 20.00 23.00 10.00 2.00 0', '预算数 预算数 决算数 决算数', ''));
    const t = d.tables.find((x) => x.kind === '公开07表')!;
    expect(t.header.slice(2).every((h) => h === '')).toBe(true);
    expect(d.summary.official_reception).toBeUndefined();
  });
});

const FUND_BAND = ['政府性基金预算财政拨款收入支出决算表', '单位：万元', '项目', '年初结转和 年末结转和', '本年收入 本年支出', '功能分类', '结余 结余', '科目名称', '科目编码'];
const fund = (total: string, said: string) => [
  '某区某某街道办事处\n2025 年度部门决算',
  [...FUND_BAND, total, '221 住房保障支出 0 80.00 80.00 80.00 0', '22198 超长期特别国债安排的支出 80.00 80.00 80.00', '2219899 其他住房保障支出 80.00 80.00 80.00', '注：本表反映部门本年度政府性基金预算财政拨款收入支出及结转和结余情况。'].join('\n'),
  ['八、政府性基金预算财政拨款收入支出决算情况说明', `住房保障支出（类）超长期特别国债安排的支出（款）其他住房保障支出（项）${said}万元，主要用于住宅老旧电梯更新改造。`].join('\n'),
];

describe('the 政府性基金 table of a single-spaced dump (the 本年支出 sub-header on the total row’s line)', () => {
  it('names the columns and places the rows by 本年支出合计 = 基本 + 项目 and the balance', async () => {
    const d = await run(fund('合计 0 80.00 合计 基本支出 项目支出 0', '80.00'));
    const t = d.tables.find((x) => x.kind === '公开08表')!;
    expect(t.header.slice(2)).toEqual(['年初结转和结余', '本年收入', '本年支出合计', '基本支出', '项目支出', '年末结转和结余']);
    expect(t.rows[0]!.slice(0, 2)).toEqual(['', '合计']);
    expect(tableFacts(d, '公开08表')).toEqual([
      // the total row: figures before the band words left of them, after them right of them
      ['合计 年初结转和结余', 0, 'actual'],
      ['合计 本年收入', 80, 'actual'],
      ['合计 年末结转和结余', 0, 'actual'],
      // 5 figures: 年初, 本年收入, 本年支出合计 sure; 基本 or 项目 not
      ['住房保障支出 年初结转和结余', 0, 'actual'],
      ['住房保障支出 本年收入', 80, 'actual'],
      ['住房保障支出 本年支出合计', 80, 'actual'],
      // 3 figures: only 本年支出合计 sure (the first is 年初 or 本年收入)
      ['超长期特别国债安排的支出 本年支出合计', 80, 'actual'],
      ['其他住房保障支出 本年支出合计', 80, 'actual'],
    ]);
    expect(d.flags.filter((f) => f.code === 'VALUE_CONFLICT')).toEqual([]);
  });
  it('catches a 项 restated with another amount', async () => {
    const d = await run(fund('合计 80.00 合计 基本支出 项目支出', '95.00'));
    expect(d.flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => [f.severity, f.expected, f.found])).toEqual([['error', '80.00万元', '95.00万元']]);
  });
});
