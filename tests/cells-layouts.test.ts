// Table layouts of real 部门预算 reports outside the corpus (江苏 省级部门 2017–2019), rebuilt as small
// synthetic inputs with other figures: a total merged over two halves of a 收支总表, a figure centred on a
// label wrapped over four lines, a title wrapped onto a short second line, empty tables explained by a
// note or inside their grid.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { NumberedLine } from '../src/ingest/pdf/index.js';
import { completesTitle, findTables } from '../src/ingest/pdf/tables.js';
import { segment } from '../src/segment/index.js';
import { checkLines as run } from './check-helpers.js';

const cells = (...xs: string[]) => xs.map((x) => `\t${x}`).join('\n');
const sums = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.loc?.row, f.loc?.col, f.expected, f.found]);

describe('收支总表: a total merged over the 功能分类 and 支出用途 halves', () => {
  // 当年支出小计 stands under 功能分类, its one figure at the far right under 支出用途: one cell over both.
  const table = (spent: string) => [
    '某单位2019年部门预算',
    '收支预算总表',
    '单位：万元',
    cells('收入/项目名称', '收入/金额', '支出/功能分类/功能科目名称', '支出/功能分类/金额', '支出/支出用途/项目名称', '支出/支出用途/金额'),
    '',
    cells('一、财政拨款', '1,200.00', '一、一般公共服务支出', '1,000.00', '一、基本支出', '700.00'),
    '',
    cells('1.一般公共预算', '1,200.00', '二、外交支出', '', '二、项目支出', '540.00'),
    '',
    cells('二、财政专户管理资金', '40.00', '三、社会保障和就业支出', '140.00', '', ''),
    '',
    cells('', '', '四、住房保障支出', '100.00', '', ''),
    '',
    cells('当年收入小计', '1,240.00', '当年支出小计', '', '', spent),
    '',
    cells('上年结转资金', '', '结转下年资金', '', '', ''),
    '',
    cells('收入合计', '1,240.00', '支出合计', '', '', '1,240.00'),
    '',
    '正文。',
  ];

  it('is both halves’ total: no flag where it adds up (the blank under 功能分类 is not a 0)', async () => {
    expect(await sums(table('1,240.00'))).toEqual([]);
  });

  it('changed, it breaks both halves’ sums: one flag, on the printed cell', async () => {
    expect(await sums(table('1,250.00'))).toEqual([[5, 5, '1240.00', '1250.00']]);
  });

  it('a total row that prints no figure at all (a wrapped 小计 read as its own row) is not a total', async () => {
    const t = table('1,240.00');
    t.splice(13, 1, cells('当年收入', '1,240.00', '当年支出小计', '', '', '1,240.00'), '', cells('小计', '', '', '', '', ''));
    expect(await sums(t)).toEqual([]);
  });
});

/** A PDF text line: segments [x0, text] on baseline y (size 8, 8 points a character). */
const line = (page: number, n: number, y: number, ...segs: [number, string][]): NumberedLine => ({
  page,
  line: n,
  y,
  size: 8,
  segs: segs.map(([x0, text]) => ({ text, x0, x1: x0 + 8 * [...text].length, y, size: 8 })),
});

describe('PDF grids: a figure centred on a label wrapped over four lines', () => {
  // 政府采购 table: 专项名称 wraps over four lines (about two lines' pitch apart, 16 points), 经济科目 over
  // two; the figure sits between the second and the third line, on no label's baseline.
  const lines = [
    line(1, 1, 800, [200, '政府采购支出预算表']),
    line(1, 2, 780, [60, '单位：万元']),
    line(1, 3, 760, [60, '采购品目大类'], [150, '专项名称'], [240, '经济科目'], [330, '采购物品名称'], [430, '采购组织形式'], [530, '总计']),
    line(1, 4, 740, [60, '合计'], [530, '95.00']),
    line(1, 5, 720, [60, '一、货物'], [530, '95.00']),
    line(1, 6, 700, [150, '综合业务系统运'], [530, '83.00']),
    line(1, 7, 684, [150, '行维护和数据安'], [240, '信息网络及软件']),
    line(1, 8, 676, [530, '83.00']),
    line(1, 9, 668, [150, '全保障专项经费'], [240, '购置更新']),
    line(1, 10, 652, [150, '支出']),
    line(1, 11, 630, [330, '防火墙'], [430, '分散自行组织'], [530, '50.00']),
    line(1, 12, 610, [330, '计算机软件'], [430, '分散自行组织'], [530, '33.00']),
    line(1, 13, 590, [240, '办公设备购置'], [530, '12.00']),
    line(1, 14, 570, [330, '复印机'], [430, '分散自行组织'], [530, '12.00']),
  ];
  // Line 6 has a stray figure of its own: drop it, the case is the item whose figure is centred.
  lines.splice(5, 1, line(1, 6, 700, [150, '综合业务系统运']));

  it('joins the label lines above and below the figure into its row', () => {
    const found = findTables(lines);
    const t = [...found.startingAt.values()][0]!;
    const rows = t.rows.map((r) => r.map((c) => c.text));
    expect(rows.slice(1)).toEqual([
      ['合计', '', '', '', '', '95.00'],
      ['一、货物', '', '', '', '', '95.00'],
      ['', '综合业务系统运行维护和数据安全保障专项经费支出', '信息网络及软件购置更新', '', '', '83.00'],
      ['', '', '', '防火墙', '分散自行组织', '50.00'],
      ['', '', '', '计算机软件', '分散自行组织', '33.00'],
      ['', '', '办公设备购置', '', '', '12.00'],
      ['', '', '', '复印机', '分散自行组织', '12.00'],
    ]);
  });
});

describe('PDF grids: wrapped item cells two lines tall, their figures between the lines', () => {
  // 软件开发服 / 务 and 信息系统集 / 成实施服务 (five characters a line), each figure centred between its
  // two lines; 车辆及其他运输机械租赁 / 服务 then 会议服务 on the figure's own baseline.
  it('a label that stopped short has ended: the next line starts the next row', () => {
    const lines = [
      line(1, 1, 800, [200, '政府采购支出预算表']),
      line(1, 2, 780, [60, '单位：万元']),
      line(1, 3, 760, [60, '采购品目大类'], [150, '专项名称'], [240, '经济科目'], [330, '采购物品名称'], [430, '采购组织形式'], [530, '总计']),
      line(1, 4, 740, [60, '合计'], [530, '152.00']),
      line(1, 5, 720, [150, '网络运行维护费'], [240, '维修（护）费'], [530, '152.00']),
      line(1, 6, 700, [330, '软件开发服'], [430, '分散自行组']),
      line(1, 7, 692, [530, '40.00']),
      line(1, 8, 684, [330, '务'], [430, '织']),
      line(1, 9, 668, [330, '信息系统集'], [430, '分散自行组']),
      line(1, 10, 660, [530, '20.00']),
      line(1, 11, 652, [330, '成实施服务'], [430, '织']),
      line(1, 12, 634, [330, '车辆及其他运输机械租赁'], [530, '60.00']),
      line(1, 13, 624, [330, '服务'], [430, '分散自行组织']),
      line(1, 14, 612, [330, '会议服务'], [430, '分散自行组织'], [530, '32.00']),
    ];
    const t = [...findTables(lines).startingAt.values()][0]!;
    expect(t.rows.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['合计', '', '', '', '', '152.00'],
      ['', '网络运行维护费', '维修（护）费', '', '', '152.00'],
      ['', '', '', '软件开发服务', '分散自行组织', '40.00'],
      ['', '', '', '信息系统集成实施服务', '分散自行组织', '20.00'],
      ['', '', '', '车辆及其他运输机械租赁服务', '分散自行组织', '60.00'],
      ['', '', '', '会议服务', '分散自行组织', '32.00'],
    ]);
  });

  it('a table that goes on under its title repeated on the next page is one table; a big 合计 is a row, not a heading', () => {
    const header = (page: number, n: number, y: number) => line(page, n, y, [60, '采购品目大类'], [150, '专项名称'], [240, '经济科目'], [330, '采购物品名称'], [430, '采购组织形式'], [530, '总计']);
    const big = { ...line(1, 4, 740, [60, '合计']), size: 17 };
    big.segs = big.segs.map((g) => ({ ...g, size: 17 }));
    const lines = [
      line(1, 1, 800, [200, '政府采购预算表']),
      line(1, 2, 780, [60, '单位：万元']),
      header(1, 3, 760),
      big,
      line(1, 5, 737, [530, '90.00']),
      line(1, 6, 720, [60, '三、服务'], [530, '90.00']),
      line(1, 7, 700, [150, '商品和服务支出'], [240, '会议费'], [530, '50.00']),
      line(1, 8, 680, [330, '会议服务'], [430, '分散自行组织'], [530, '50.00']),
      line(2, 1, 800, [200, '政府采购预算表']),
      line(2, 2, 780, [60, '单位：万元']),
      header(2, 3, 760),
      line(2, 4, 740, [150, '委员培训费'], [240, '培训费'], [530, '40.00']),
      line(2, 5, 720, [330, '会议服务'], [430, '分散自行组织'], [530, '40.00']),
    ];
    const found = findTables(lines);
    expect(found.startingAt.size).toBe(1);
    const t = [...found.startingAt.values()][0]!;
    expect(t.rows.slice(1).map((r) => r.map((c) => c.text))).toEqual([
      ['合计', '', '', '', '', '90.00'],
      ['三、服务', '', '', '', '', '90.00'],
      ['', '商品和服务支出', '会议费', '', '', '50.00'],
      ['', '', '', '会议服务', '分散自行组织', '50.00'],
      ['', '委员培训费', '培训费', '', '', '40.00'],
      ['', '', '', '会议服务', '分散自行组织', '40.00'],
    ]);
    // The repeated title and header are the table's, not lines of text.
    expect(lines.filter((l) => l.page === 2).every((l) => found.consumed.has(l))).toBe(true);
  });
});

describe('政府采购 outline: a figure on a row with no label', () => {
  const table = (orphan: boolean) => [
    '政府采购支出预算表',
    '单位：万元',
    cells('采购品目大类', '专项名称', '经济科目', '采购物品名称', '采购组织形式', '总计'),
    '',
    cells('合计', '', '', '', '', '200.00'),
    '',
    cells('一、服务', '', '', '', '', '200.00'),
    '',
    cells('', '网络运行维护费', '维修（护）费', '', '', '90.00'),
    '',
    cells('', '', '', '软件开发服务信息系统集', '分散自行组织', '40.00'),
    '',
    ...(orphan ? [cells('', '', '', '', '', '20.00'), ''] : []),
    cells('', '', '', '运行维护服务', '分散自行组织', orphan ? '30.00' : '50.00'),
    '',
    cells('', '物业管理费', '物业管理费', '', '', '60.00'),
    '',
    cells('', '', '', '物业管理服务', '分散自行组织', '60.00'),
    '',
    cells('', '商品和服务支出', '会议费', '', '', '20.00'),
    '',
    cells('', '', '', '会议服务', '分散自行组织', '20.00'),
    '',
    cells('', '教育培训经费', '培训费', '', '', '30.00'),
    '',
    cells('', '', '', '教育服务', '分散自行组织', '30.00'),
    '',
    '正文。',
  ];

  it('leaves the sums that may hold it unchecked (no false flag), and checks the others', async () => {
    expect(await sums(table(false))).toEqual([]);
    expect(await sums(table(true))).toEqual([]);
    const broken = table(true).map((x) => x.replace(cells('', '', '', '物业管理服务', '分散自行组织', '60.00'), cells('', '', '', '物业管理服务', '分散自行组织', '65.00')));
    expect((await sums(broken)).map((x) => x.slice(2))).toEqual([['65.00', '60.00']]);
  });
});

describe('a table title wrapped onto a short second line', () => {
  it('is completed by the short line when together they name a table neither names alone', () => {
    expect(completesTitle('十一、一般公共预算“三公”经费、会议费、培训费支出预', '算表')).toBe(true);
    // The tail is a title by itself (支出预算表 → 部门支出总表), but together they name the 三公 table.
    expect(completesTitle('公开09表：一般公共预算“三公”经费、会议费、培训费', '支出预算表')).toBe(true);
    // A complete title above, a long line, a line with figures, prose: no.
    expect(completesTitle('一般公共预算基本支出预算表', '单位：万元')).toBe(false);
    expect(completesTitle('九、一般公共预算“三公”经费、会议费、培训费支出预', '算表及其说明文字很长')).toBe(false);
    expect(completesTitle('九、一般公共预算“三公”经费、会议费、培训费支出预', '算表 2')).toBe(false);
    expect(completesTitle('本表反映部门年度一般公共预算', '支出预算表。')).toBe(false);
  });
});

describe('empty tables explained', () => {
  const empty = (...after: string[]) => [
    '某单位2019年部门预算',
    '第一部分 部门概况',
    '政府性基金预算财政拨款支出预算表',
    '单位：万元',
    cells('功能科目编码', '功能科目名称', '金额'),
    '',
    cells('', '合计', ''),
    '',
    ...after,
    '第二部分 名词解释',
  ];
  const emptyFlags = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.code === 'EMPTY_TABLE_UNEXPLAINED').length;

  it('by a note under it that negates (注：本部门无相关收支项目), not by a note that does not', async () => {
    expect(await emptyFlags(empty())).toBe(1);
    expect(await emptyFlags(empty('注：本部门无相关收支项目'))).toBe(0);
    expect(await emptyFlags(empty('说明：本部门无该项目。'))).toBe(0);
    expect(await emptyFlags(empty('注：“科目编码”和“科目名称”为必填项'))).toBe(1);
    // a condition or a dispensation is no explanation (the session-6 review's variants)
    expect(await emptyFlags(empty('注：如无特别说明，金额单位为万元。'))).toBe(1);
    expect(await emptyFlags(empty('备注：本表为0的项目无需填列明细。'))).toBe(1);
    expect(await emptyFlags(empty('注：无特殊说明的，金额单位均为万元。'))).toBe(1);
  });

  it('inside its grid (a row 此表为空, (无政府性基金支出）)', async () => {
    const inGrid = (x: string) => [...empty().slice(0, 8), cells(x, '', ''), '', '第二部分 名词解释'];
    expect(await emptyFlags(inGrid('此表为空'))).toBe(0);
    expect(await emptyFlags(inGrid('(无政府性基金支出）'))).toBe(0);
    expect(await emptyFlags(inGrid('备注'))).toBe(1);
  });
});

describe('a table named in prose is not an empty table', () => {
  it('a line that closes a quoted table name and goes on (…基本支出预算表”中实际发生…) is no title', async () => {
    const text = ['某单位2019年部门预算', '（一）人员经费5,312.01万元。主要包括基本工资等。（按“部门', '预算公开06表    财政拨款基本支出预算表”中实际发生经济分类', '支出事项填写）', '正文继续。'];
    const doc = extract(segment(await ingest(new TextEncoder().encode(text.join('\n')), { ocr: 'off' })));
    expect(doc.tables.map((t) => t.kind)).toEqual([]);
    // The title itself, on its own line, still is one (a table printed without a grid).
    const titled = extract(segment(await ingest(new TextEncoder().encode(['某单位2019年部门预算', '财政拨款基本支出预算表', '本单位无此项支出。', '正文。'].join('\n')), { ocr: 'off' })));
    expect(titled.tables.map((t) => [t.kind, t.empty])).toEqual([['预算06一般公共预算基本支出表', true]]);
  });
});
