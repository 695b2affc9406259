// 科目-tree identities (each 类 = Σ 款 = Σ 项, column by column) on 2026 预算 layouts: a table printed page by page,
// each page under its title and header band again with no 合计 or 续 to join them by (深圳 预算03), and a table
// whose 合计 and 基本支出/小计 columns both read as the total (烟台 预算05). Small synthetic pages (names and
// figures made up).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
const sums = (doc: Awaited<ReturnType<typeof run>>) => doc.flags.filter((f) => f.code === 'SUM_MISMATCH' && /科目/.test(f.message)).map((f) => f.message);

const row = (code: string, name: string, ...figs: [string, number][]) => at([code, 4, '<'], [name, 14, '<'], ...figs.map(([f, c]): [string, number, '>'] => [f, c, '>']));
const head = () => [
  '                                支出总表',
  '部门名称：某某局                                                            单位：万元',
  at(['科目编码', 4, '<'], ['科目名称', 14, '<'], ['支出总计', 52, '>'], ['基本支出', 64, '>'], ['项目支出', 76, '>']),
];
// 支出总表 over two pages, each page its own table: 20805's last 项 and the 类 210 on the second page.
const pages = (health = '200.00', lead = '2080506') =>
  [
    '某某局2026年部门预算',
    ...head(),
    row('', '某某局', ['1,300.00', 52], ['1,250.00', 64], ['50.00', 76]),
    row('205', '教育支出', ['50.00', 52], ['0.00', 64], ['50.00', 76]),
    row('20508', '进修及培训', ['50.00', 52], ['0.00', 64], ['50.00', 76]),
    row('2050803', '培训支出', ['50.00', 52], ['0.00', 64], ['50.00', 76]),
    row('208', '社会保障和就业支出', ['1,050.00', 52], ['1,050.00', 64], ['0.00', 76]),
    row('20805', '行政事业单位养老支出', ['1,050.00', 52], ['1,050.00', 64], ['0.00', 76]),
    row('2080501', '行政单位离退休', ['340.00', 52], ['340.00', 64], ['0.00', 76]),
    row('2080505', '机关事业单位基本养老保险缴费支出', ['480.00', 52], ['480.00', 64], ['0.00', 76]),
    '\f',
    ...head(),
    row(lead, '机关事业单位职业年金缴费支出', ['230.00', 52], ['230.00', 64], ['0.00', 76]),
    row('210', '卫生健康支出', [health, 52], [health, 64], ['0.00', 76]),
    row('21011', '行政事业单位医疗', ['200.00', 52], ['200.00', 64], ['0.00', 76]),
    row('2101101', '行政单位医疗', ['200.00', 52], ['200.00', 64], ['0.00', 76]),
  ].join('\n');

describe('a 科目 table printed page by page (no 合计, no 续 to join the pages by)', () => {
  it('gives no verdict on a 科目 whose 项 go on in the next page’s table', async () => {
    const doc = await run(pages());
    expect(doc.tables.filter((t) => t.kind === '预算03支出总表').length).toBe(2);
    expect(sums(doc)).toEqual([]);
  });

  it('gives none either where the next page’s first row lost its code (a 项 printed as pieces: its 类 and 款 on the page before)', async () => {
    expect(sums(await run(pages('200.00', '')))).toEqual([]);
  });

  it('still catches a 类 within one page that breaks its 款', async () => {
    expect(sums(await run(pages('210.00')))).toEqual(['预算03支出总表第2页210卫生健康支出的“支出总计”为210.00万元，与其1个下级科目之和200.00万元不符。', '预算03支出总表第2页210卫生健康支出的“基本支出”为210.00万元，与其1个下级科目之和200.00万元不符。']);
  });
});

// 一般公共预算支出表 whose 合计 and 基本支出/小计 both read as the total: each column is its own tree.
const general = (staff = '80.00') =>
  [
    '某某局2026年部门预算',
    '                          一般公共预算支出表',
    '部门：某某局                                                                                   单位：万元',
    at(['科目编码', 4, '<'], ['科目名称', 14, '<'], ['合计', 52, '>'], ['基本支出', 76, '>'], ['项目支出', 100, '>']),
    at(['小计', 64, '>'], ['人员支出', 76, '>'], ['日常公用支出', 90, '>']),
    row('', '合计', ['1,100.00', 52], ['100.00', 64], ['80.00', 76], ['20.00', 90], ['1,000.00', 100]),
    row('208', '社会保障和就业支出', ['1,100.00', 52], ['100.00', 64], ['80.00', 76], ['20.00', 90], ['1,000.00', 100]),
    row('20801', '人力资源和社会保障管理事务', ['1,100.00', 52], ['100.00', 64], ['80.00', 76], ['20.00', 90], ['1,000.00', 100]),
    row('2080101', '行政运行', ['100.00', 52], ['100.00', 64], [staff, 76], ['20.00', 90]),
    row('2080199', '其他人力资源和社会保障管理事务支出', ['1,000.00', 52], ['1,000.00', 100]),
  ].join('\n');

describe('a 科目 table whose 合计 and 基本支出/小计 columns share one key', () => {
  it('sums each column on its own: no 基本支出 against its children’s 合计', async () => {
    expect(sums(await run(general()))).toEqual([]);
  });

  it('still catches a 款 whose 人员支出 is not its 项’s', async () => {
    expect(sums(await run(general('70.00')))).toEqual(['预算05一般公共预算支出表第1页20801人力资源和社会保障管理事务的“基本支出人员支出”为80.00万元，与其2个下级科目之和70.00万元不符。']);
  });
});
