// Session 19 (renditions, round 2): what page-text renditions still read wrongly after round 1
// (scripts/verdict-agreement.ts against the PDFs). Synthetic fixtures reproducing each layout (names and
// figures made up):
// 1. A figure standing between two header names of a 收入预算总表 (-layout, 上海 公安 2026): where its printed
//    place cannot say its column and no sum settles it, the cell stays uncertain — no fact, no verdict.
// 2. BLANK_VALUE: a unit opening a piece of its line under a piece above that ends with its figure (a two-column
//    page, 西安 科技 2026; a 绩效 table's cells, 长春 信访 2026 / 西安 卫健 2026), and a unit ending a cell whose
//    row goes on with a sign and value (the 度量单位 cell, 长沙 公安 2026 p32); prose across the gap still blanks.
// 3. (withdrawn: a single-spaced 财政拨款收支总表 whose right half's 二、年终结转结余 prints no figure, 杭州 交通 2026
//    spaced — the rule made two halves tables of tests/dumps-s7 and tests/lead-s9 give false SUM_MISMATCH.)
// 4. -nopgbrk with no page numbers: the table's number (表3) restated at the top of its pages (深圳 口岸办 2026).
// 5. PDF grids: a wrapped figure's two pieces in one cell (350,034.4 2, 杭州 交通 2026 预算05).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { cellLine } from '../src/check/lines.js';
import { blankValues } from '../src/check/text-rules.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { joinWrappedFigures } from '../src/ingest/pdf/tables.js';
import { flowPages } from '../src/ingest/text.js';
import type { Cell } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
type Doc = Awaited<ReturnType<typeof run>>;
const errors = (d: Doc, code?: string) => d.flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE' && (!code || f.code === code)).map((f) => f.message);

describe('a figure between two header names of a 收入预算总表 (-layout)', () => {
  const page = (x: number, full: boolean) =>
    [
      '某某单位2026年度预算',
      at(['2026年预算单位收入预算总表', 30, '<']),
      at(['编制单位：某某单位', 0, '<'], ['单位：元', 90, '<']),
      at(['项目', 19, '<'], ['收入预算', 64, '<']),
      at(['功能分类科目编码', 0, '<'], ['事业单位', 77, '<']),
      at(['功能分类科目名称', 23, '<'], ['合计', 43, '<'], ['财政拨款收入', 58, '<'], ['事业收入', 78, '<'], ['其他收入', 96, '<']),
      at(['类     款    项', 0, '<'], ['经营收入', 72, '<']),
      at(['206', 0, '<'], ['科学技术支出', 16, '<'], ['69,733,764', 51, '>'], ['65,733,764', 65, '>'], ['4,000,000', x, '>']),
      at(['206   02', 0, '<'], ['基础研究', 16, '<'], ['69,733,764', 51, '>'], ['65,733,764', 65, '>'], ['4,000,000', x, '>']),
      at(['208', 0, '<'], ['社会保障和就业支出', 16, '<'], ['589,500', 51, '>'], ['589,500', 65, '>']),
      ...(full ? [at(['210', 0, '<'], ['卫生健康支出', 16, '<'], ['1,000', 51, '>'], ['100', 65, '>'], ['200', 84, '>'], ['300', 90, '>'], ['400', 104, '>'])] : []),
    ].join('\n');
  const grid = async (text: string) => {
    const src = await ingest(enc(text), { ocr: 'off' });
    const t = src.blocks.find((b) => b.kind === 'table');
    return t && t.kind === 'table' ? t.table.rows.slice(1).map((r) => r.slice(2).map((c: Cell) => (c.text ? c.text + (c.uncertain ? '?' : '') : ''))) : null;
  };
  for (const [x, full] of [
    [91, false],
    [94, false],
    [94, true],
    [100, true],
  ] as const)
    it(`keeps the figure ending at column ${x} uncertain${full ? ' beside a row that fills every column' : ''}: no fact from it`, async () => {
      const g = (await grid(page(x, full)))!;
      const cells = g[0]!;
      expect(cells[0]).toBe('69,733,764');
      expect(cells.filter((c) => c.startsWith('4,000,000'))).toEqual(['4,000,000?']);
      const d = await run(page(x, full));
      expect(d.facts.filter((f) => f.from === 'table' && f.value === 4000000)).toEqual([]);
      expect(d.facts.filter((f) => f.from === 'table' && f.loc.row === 1).map((f) => f.value)).toEqual([69733764]);
    });
});

describe('BLANK_VALUE: a unit under its figure in a column of text', () => {
  it('a two-column page: the left column’s figure wraps to a line of its own', async () => {
    const text = [
      '某某局2026年度部门预算',
      '   一、部门职责                                       二、年度目标',
      '   本要素融合发展新模式。全年服务企业贷款金额33          全年服务企业贷款不少于710家次，金额33亿元。',
      '   亿元。',
    ].join('\n');
    expect(errors(await run(text), 'BLANK_VALUE')).toEqual([]);
  });
  it('a 绩效 table’s cells: the unit under the cell that ends with its figure', async () => {
    const text = [
      '某某局2026年度部门预算',
      '         心运行费               保养。5、购买大楼维',
      '某某市                                                                     确保信访接待中心大楼正常',
      '                            修维护所需物品 5 万',
      '某某局                                                                     运转。',
      '                            元。6、确保信访接待',
      '',
      '                                        财政资金370 财政资金370',
      '                 成本指标      预算控制数                          10           10',
      '                                          万元      万元',
    ].join('\n');
    expect(errors(await run(text), 'BLANK_VALUE')).toEqual([]);
  });
  it('prose running across the gap above is no such cell: the blank stays', async () => {
    const text = [
      '某某局2026年度部门预算',
      '  某某局收、支预算总计各增加了 2,997.47 万元，增长 3.35%，与上年相比',
      '       二、“三公”经费支出预算为    万元，与上年持平。',
    ].join('\n');
    expect(errors(await run(text), 'BLANK_VALUE')).toEqual(['数值空缺：“万元”前应填写数字，却留了空白。']);
  });
  const cellUnit = (raw: string, next?: string) => ({ line: cellLine(raw, { page: 1, line: 1 }), section: null, block: 0, heading: false, cell: true, ...(next !== undefined ? { next } : {}) });
  it('a unit ending a cell whose row goes on with a sign and a value is the 度量单位 cell', () => {
    expect(blankValues(cellUnit('8分，满意度小于80％且大于等于 %', '≥10')).map((f) => f.message)).toEqual([]);
    expect(blankValues(cellUnit('8分，满意度小于80％且大于等于 %', '10')).map((f) => f.message)).toEqual(['数值空缺：“%”前应填写数字，却留了空白。']);
    expect(blankValues(cellUnit('8分，满意度小于80％且大于等于 %')).map((f) => f.message)).toEqual(['数值空缺：“%”前应填写数字，却留了空白。']);
  });
});

describe('-nopgbrk with no page numbers: a table’s number restated at the top of its pages opens a page', () => {
  const lines = (raws: string[]) => raws.map((raw, i) => ({ raw, page: 1, line: i + 1 }));
  it('cuts before each 表N line where some number is restated', () => {
    const out = flowPages(lines(['文字部分', '表1', '收支总表', '表3', '支出总表 上', '表3', '支出总表 下', '表4', '末表']))!;
    expect(out.map((l) => `${l.page}:${l.raw}`)).toEqual(['1:文字部分', '2:表1', '2:收支总表', '3:表3', '3:支出总表 上', '4:表3', '4:支出总表 下', '5:表4', '5:末表']);
  });
  it('not where no number is restated (a list of tables)', () => {
    expect(flowPages(lines(['目录', '表1', '表2', '表3', '正文']))).toBeNull();
  });
});

describe('PDF grids: a wrapped figure’s two pieces in one cell', () => {
  it('joins 350,034.4 2 into 350,034.42 where the table prints two decimals', () => {
    const c = (text: string): Cell => ({ text, raw: text, loc: { page: 1, line: 1 } });
    const rows = [
      [c('项目'), c('合计'), c('项目支出')],
      [c('合计'), c('432,513.70'), c('350,034.4 2')],
      [c('一般公共服务支出'), c('6,701.98'), c('6,701.98')],
    ];
    joinWrappedFigures(rows);
    expect(rows.map((r) => r.map((x) => x.text))).toEqual([
      ['项目', '合计', '项目支出'],
      ['合计', '432,513.70', '350,034.42'],
      ['一般公共服务支出', '6,701.98', '6,701.98'],
    ]);
  });
});

describe('a cover title whose last character wrapped onto a line of its own (-layout)', () => {
  it('reads the title, its unit and year', async () => {
    const d = await run(['2026 年某某市某某局（本级）部门预', '          算', '               目   录', '              一、文字部分', '第一部分   部门概况'].join('\n'));
    expect([d.document.title, d.document.unit, d.document.year]).toEqual(['2026年某某市某某局（本级）部门预算', '某某市某某局（本级）', 2026]);
  });
});

describe('a cover title whose year opens the line above its name (-layout)', () => {
  it('reads the title, its unit and year', async () => {
    const d = await run(['2026 年某某市人民政府某某办公室', '        部门预算', '               目   录', '              一、文字部分', '第一部分   部门概况'].join('\n'));
    expect([d.document.title, d.document.unit, d.document.year]).toEqual(['2026年某某市人民政府某某办公室部门预算', '某某市人民政府某某办公室', 2026]);
  });
});
