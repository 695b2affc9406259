// Session 7, table_cell family: layouts of real 部门预算 tables outside the corpus (江苏 政府采购预算表,
// …) rebuilt as small synthetic inputs with other figures.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { NumberedLine } from '../src/ingest/pdf/index.js';
import { findTables } from '../src/ingest/pdf/tables.js';
import { segment } from '../src/segment/index.js';
import { checkLines as run } from './check-helpers.js';

const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
// [block row (header included), expected, found] of each SUM_MISMATCH
const sums = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.row, f.expected, f.found]);
const item = (name: string, how: string, v: string) => [cells('', '', '', name, how, v), ''];

describe('政府采购 outline (采购品目大类 | 专项名称 | 经济科目 | 采购物品名称 | 采购组织形式 | 总计)', () => {
  const head = ['政府采购支出预算表', '单位：万元', cells('采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'), ''];

  // 合计 over two 大类 and eight items: off by 0.03, within the rounding of nine figures but not of three
  const twoKinds = (total: string) => [
    ...head,
    cells('合计', '', '', '', '', total),
    '',
    cells('一、货物A', '', '', '', '', '50.00'),
    '',
    cells('', '办公设备购置费', '办公设备购置', '', '', '50.00'),
    '',
    ...item('台式计算机', '分散自行组织', '10.00'),
    ...item('便携式计算机', '分散自行组织', '10.00'),
    ...item('打印设备', '分散自行组织', '10.00'),
    ...item('家具用具', '分散自行组织', '20.00'),
    cells('三、服务C', '', '', '', '', '120.00'),
    '',
    cells('', '综合管理费', '物业管理费', '', '', '60.00'),
    '',
    ...item('物业管理服务', '分散自行组织', '30.00'),
    ...item('环境服务', '分散自行组织', '30.00'),
    cells('', '会议经费', '会议费', '', '', '60.00'),
    '',
    ...item('会议服务', '分散自行组织', '30.00'),
    ...item('其他服务', '分散自行组织', '30.00'),
    '正文。',
  ];

  it('合计 = Σ its 大类 (fewer parts, less slack than over every item)', async () => {
    expect(await sums(twoKinds('170.00'))).toEqual([]);
    expect(await sums(twoKinds('170.03'))).toEqual([[1, '170.00', '170.03']]);
  });

  it('under a header split over two lines (its second line read as a body row, 总计 in the value column)', async () => {
    // the PDF reader took the header's first line only: its second line is the table's first body row
    const split = async (total: string) => {
      const doc = await ingest(new TextEncoder().encode(twoKinds(total).join('\n')), { ocr: 'off' });
      const b = doc.blocks.find((x) => x.kind === 'table')!;
      if (b.kind !== 'table') throw new Error('no table');
      const head = b.table.rows[0]!;
      const words = ['采购品目大类', '名称', '科目', '品名称', '织形式', '总计'];
      b.table.rows.splice(1, 0, head.map((c, k) => ({ ...c, raw: words[k]!, text: words[k]! })));
      b.table.headerRows = 1;
      b.table.rows[0] = head.map((c, k) => ({ ...c, raw: ['', '专项', '经济', '采购物', '采购组', ''][k]!, text: ['', '专项', '经济', '采购物', '采购组', ''][k]! }));
      return check(extract(segment(doc))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.expected, f.found]);
    };
    expect(await split('170.00')).toEqual([]);
    expect(await split('170.03')).toEqual([['170.00', '170.03']]);
  });

  it('a 大类 off its items is flagged on the 大类 itself, not on the 合计 it also breaks', async () => {
    const t = twoKinds('170.00').map((x) => x.replace(cells('一、货物A', '', '', '', '', '50.00'), cells('一、货物A', '', '', '', '', '45.00')));
    expect(await sums(t)).toEqual([[2, '50.00', '45.00']]);
  });

  // An item whose name wraps over lines of its own (物业管理服 / 务): its two 采购组织形式 rows carry the
  // figures alone; they are items, not a deeper level.
  const wrapped = (v: string) => [
    ...head,
    cells('合计', '', '', '', '', '100.00'),
    '',
    cells('三、服务C', '', '', '', '', '100.00'),
    '',
    cells('', '网络运行维护费', '维修（护）费', '', '', '40.00'),
    '',
    ...item('运行维护服务', '分散自行组织', '25.00'),
    ...item('租赁服务', '分散自行组织', '15.00'),
    cells('', '', '物业管理费', '', '', '60.00'),
    '',
    cells('', '', '', '', '部门集中采购', v),
    '',
    cells('', '', '', '物业管理服', '', ''),
    '',
    cells('', '', '', '务', '', ''),
    '',
    cells('', '', '', '', '分散自行组织', '20.00'),
    '',
    ...item('其他服务', '分散自行组织', '10.00'),
    '正文。',
  ];

  it('reads an item wrapped away from its figures as an item', async () => {
    expect(await sums(wrapped('30.00'))).toEqual([]);
    expect(await sums(wrapped('32.00'))).toEqual([[6, '62.00', '60.00']]);
  });

  // A figure centred on a merged 专项名称 cell whose label wraps below it (30.00, then 机要及电子政务业务费 |
  // 办公设备购置 on the next line), and an item row carrying the merged cells' labels centred on it.
  const centred = (v: string) => [
    ...head,
    cells('合计', '', '', '', '', '50.00'),
    '',
    cells('一、货物A', '', '', '', '', '50.00'),
    '',
    cells('', '办公设备购置费', '办公设备购置', '', '', '20.00'),
    '',
    ...item('台式计算机', '政府集中采购', '12.00'),
    ...item('复印纸', '政府集中采购', '8.00'),
    cells('', '', '', '', '', '30.00'),
    '',
    cells('', '机要及电子政务业务费', '办公设备购置', '', '', ''),
    '',
    ...item('路由器', '政府集中采购', '4.00'),
    ...item('交换设备', '政府集中采购', '6.00'),
    cells('', '机要及电子政务业务费', '办公设备购置', '打印设备', '政府集中采购', v),
    '',
    ...item('家具用具', '政府集中采购', '10.00'),
    '正文。',
  ];

  it('reads a figure whose label wraps below it as that label’s row, and an item row with centred labels as an item', async () => {
    expect(await sums(centred('10.00'))).toEqual([]);
    expect((await sums(centred('10.50'))).map((x) => x.slice(1))).toEqual([['30.50', '30.00']]);
  });
});

const dump = async (...pages: string[]) =>
  check(extract(segment(await ingest(new TextEncoder().encode(JSON.stringify(pages.map((text, i) => ({ page: i + 1, text })))), { ocr: 'off' }))));

describe('收支总表 printed single-spaced (a JSON page dump): 合计 = 人员经费 + 公用经费 + 项目支出', () => {
  // A 类 row with one figure besides its 合计 cannot tell which column it stands in; whatever the column,
  // the row's 合计 is the sum of its other figures.
  const page = (security: string) =>
    [
      '2026年预算单位财务收支预算总表',
      '编制单位：某街道办事处 单位：元',
      '本年收入 本年支出',
      '项目 预算数 项目预算数',
      '合计基本支出',
      '项目支出',
      '人员经费公用经费',
      '一、财政拨款收入 9,500,000 一、一般公共服务支出 2,000,000 2,000,000 ',
      `1、一般公共预算 9,500,000 二、公共安全支出 ${security} `,
      '2、政府性基金预算 三、社会保障和就业支出 3,000,000 1,800,000 200,000 1,000,000 ',
      '3、国有资本经营预算 四、城乡社区支出 4,000,000 1,200,000 300,000 2,500,000 ',
      '收入总计 9,500,000 支出总计 9,500,000 5,500,000 500,000 3,500,000 ',
    ].join('\n');
  const title = '某街道办事处2026年部门预算\n一、部门主要职能\n负责辖区管理。';
  const sumFlags = async (security: string) => (await dump(title, page(security))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.page, f.expected, f.found]);

  it('adds up: no flag', async () => {
    expect(await sumFlags('500,000 500,000')).toEqual([]);
  });

  it('a 类’s 合计 off its one unplaced figure is flagged on that row (not only on 支出总计)', async () => {
    expect(await sumFlags('510,000 500,000')).toEqual([[2, '500000', '510000']]);
  });

  it('the unplaced figure off its 合计 is flagged too, though no column sum can see it', async () => {
    expect(await sumFlags('500,000 510,000')).toEqual([[2, '510000', '500000']]);
  });
});

describe('基本支出 by 经济分类 with its 款 piece printed in the name’s cell (301 | 01基本工资)', () => {
  const table = (wages: string) => [
    '某单位2026年部门预算',
    '一般公共预算基本支出预算表',
    '单位：元',
    cells('科目编码', '科目名称', '合计'),
    '',
    cells('301', '工资福利支出', '3,000,000'),
    '',
    cells('301', '01基本工资', wages),
    '',
    cells('301', '02津贴补贴', '2,000,000'),
    '',
    cells('302', '商品和服务支出', '500,000'),
    '',
    cells('302', '01办公费', '500,000'),
    '',
    cells('', '合计', '3,500,000'),
    '',
    '正文。',
  ];

  it('reads 30101, 30102 and checks 301 = Σ 301xx', async () => {
    expect(await sums(table('1,000,000'))).toEqual([]);
    expect((await sums(table('1,100,000'))).map((x) => x.slice(1))).toEqual([['3100000', '3000000']]);
  });
});

describe('机关运行经费 table item by item within the 基本支出 table (预算11 ≤ 预算06 by 经济分类 科目)', () => {
  const doc = (material: string) => [
    '某单位2018年部门预算',
    '一般公共预算基本支出预算表',
    '单位：万元',
    cells('科目编码', '科目名称', '金额'),
    '',
    cells('', '合计', '300.00'),
    '',
    cells('302', '商品和服务支出', '300.00'),
    '',
    cells('30201', '办公费', '100.00'),
    '',
    cells('30218', '专用材料费', '24.00'),
    '',
    cells('30299', '其他商品和服务支出', '176.00'),
    '',
    '一般公共预算机关运行经费支出预算表',
    '单位：万元',
    cells('科目编码', '科目名称', '机关运行经费支出'),
    '',
    cells('', '合计', '200.00'),
    '',
    cells('302', '商品和服务支出', '200.00'),
    '',
    cells('30201', '办公费', '90.00'),
    '',
    cells('30205', '水费', '6.00'),
    '',
    cells('30206', '电费', '7.00'),
    '',
    cells('30207', '邮电费', '8.00'),
    '',
    cells('30211', '差旅费', '9.00'),
    '',
    cells('30213', '维修（护）费', '10.00'),
    '',
    cells('30218', '专用材料费', material),
    '',
    cells('30299', '其他商品和服务支出', '46.00'),
    '',
    '正文。',
  ];

  it('within: no flag; a 科目 above the 基本支出 table’s (within the rounding of its own table’s sum): flagged on it', async () => {
    expect(await sums(doc('24.00'))).toEqual([]);
    expect((await sums(doc('24.02'))).map((x) => x.slice(1))).toEqual([['不超过24.00万元', '24.02万元']]);
    expect((await run(doc('24.02'))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.severity)).toEqual(['warning']);
  });

  it('a template whose 机关运行经费 counts more than the 基本支出 (江苏 2017: many 科目 over, 302 too): no flag', async () => {
    const smaller: Record<string, string> = { '300.00': '150.00', '100.00': '50.00', '24.00': '20.00', '176.00': '80.00' };
    const d = doc('24.00');
    const cut = d.indexOf('一般公共预算机关运行经费支出预算表');
    const t = d.map((x, i) => (i < cut ? x.replace(/\t(300\.00|100\.00|24\.00|176\.00)$/, (_, v: string) => `\t${smaller[v]}`) : x));
    expect(t.slice(0, cut).join('\n')).toContain('\t150.00');
    expect(await sums(t)).toEqual([]);
  });
});

describe('PDF grids: a 合计 printed larger than the rows below it', () => {
  // 江苏 预算06: 合计 in a larger type, centred under 科目名称, one row above 301; its baseline is nearer
  // 301's than 0.8 of its own size but not of 301's: its own row, not the first line of 301's label.
  const seg = (x0: number, text: string, y: number, size = 8) => ({ text, x0, x1: x0 + size * [...text].length, y, size });
  const at = (n: number, y: number, ...segs: ReturnType<typeof seg>[]): NumberedLine => ({ page: 1, line: n, y, size: Math.max(...segs.map((s) => s.size)), segs });
  const lines = [
    at(1, 800, seg(300, '一般公共预算基本支出预算表', 800)),
    at(2, 780, seg(60, '单位：万元', 780)),
    at(3, 760, seg(60, '科目编码', 760), seg(300, '科目名称', 760), seg(700, '金额', 760)),
    at(4, 741, seg(380, '合计', 740, 14), seg(700, '300.00', 741)),
    at(5, 730, seg(60, '301', 730), seg(250, '工资福利支出', 730), seg(700, '200.00', 730)),
    at(6, 718, seg(60, '30101', 718), seg(250, '基本工资', 718), seg(700, '200.00', 718)),
    at(7, 706, seg(60, '302', 706), seg(250, '商品和服务支出', 706), seg(700, '100.00', 706)),
    at(8, 694, seg(60, '30201', 694), seg(250, '办公费', 694), seg(700, '100.00', 694)),
  ];

  it('is a row of its own', () => {
    const t = [...findTables(lines).startingAt.values()][0]!;
    const rows = t.rows.slice(1).map((r) => r.map((c) => c.text).filter(Boolean));
    expect(rows.slice(0, 2)).toEqual([
      ['合计', '300.00'],
      ['301', '工资福利支出', '200.00'],
    ]);
  });
});

describe('三公 table printed single-spaced: figures whose columns are not sure', () => {
  // 合计 | 因公出国(境)费 | 公务接待费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 机关运行经费预算数, with
  // five figures for seven columns: every placement in printed order is tried against the row identities.
  const page = (figures: string) =>
    [
      '2026年单位“三公”经费和机关运行经费预算表',
      '编制单位：某街道办事处 单位:万元',
      '“三公”经费预算数',
      '机关运行经费预算',
      '数合计 因公出国(境)费 公务接待费公务用车购置及运行费',
      '小计 购置费 运行费',
      figures,
    ].join('\n');
  const title = '某街道办事处2026年部门预算\n一、部门主要职能\n负责辖区管理。';
  const sumFlags = async (figures: string) => (await dump(title, page(figures))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.page, f.found]);

  it('some placement fits: no flag', async () => {
    expect(await sumFlags('5.50 1.50 4 4 300.00')).toEqual([]);
  });

  it('no placement fits: the row is flagged', async () => {
    expect(await sumFlags('6.80 1.50 4 4 300.00')).toEqual([[2, '6.80 1.50 4 4 300.00']]);
  });
});

describe('a 类-款-项 path joined by dashes, each piece with its marker (石泉路 2026)', () => {
  const doc = (v: string) => [
    '某街道办事处2026年部门预算',
    '一、一般公共预算支出情况',
    `“一般公共服务支出(类）-市场监督管理事务（款）-一般行政管理事务（项）”2026年度预算${v}万元，主要用于：食品安全监督检查。`,
    '一般公共预算支出预算表',
    '单位：元',
    cells('科目编码', '科目名称', '合计', '基本支出', '项目支出'),
    '',
    cells('201', '一般公共服务支出', '225,872', '', '225,872'),
    '',
    cells('20138', '市场监督管理事务', '225,872', '', '225,872'),
    '',
    cells('2013802', '一般行政管理事务', '225,872', '', '225,872'),
    '',
    cells('', '合计', '225,872', '', '225,872'),
    '',
    '正文。',
  ];
  const conflicts = async (v: string) => (await run(doc(v))).flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => f.found);

  it('names its 项: the figure is checked against that row', async () => {
    expect(await conflicts('22.59')).toEqual([]);
    expect(await conflicts('21.75')).toEqual(['21.75万元']);
  });
});

describe('收支总表 whose totals are printed again, unlabelled, above the items (上海 财政拨款收支总表)', () => {
  const doc = (income: string) => [
    '某街道办事处2025年部门预算',
    '财政拨款收支预算总表',
    '单位：元',
    cells('财政拨款收入/项目', '财政拨款收入/预算数', '财政拨款支出/项目', '财政拨款支出/合计', '财政拨款支出/一般公共预算', '财政拨款支出/政府性基金预算'),
    '',
    cells('', income, '', '5,000,000.00', '5,000,000.00', ''),
    '',
    cells('一、一般公共预算资金', '5,000,000', '一、一般公共服务支出', '3,000,000', '3,000,000', ''),
    '',
    cells('二、政府性基金', '', '二、城乡社区支出', '2,000,000', '2,000,000', ''),
    '',
    cells('收入总计', '5,000,000', '支出总计', '5,000,000', '5,000,000', ''),
    '',
    '正文。',
  ];

  it('agrees with each half’s 总计: no flag; one of its figures off while the others agree: flagged', async () => {
    expect(await sums(doc('5,000,000.00'))).toEqual([]);
    expect((await sums(doc('5,200,000.00'))).map((x) => x.slice(1))).toEqual([['5000000.00', '5200000.00']]);
  });
});
