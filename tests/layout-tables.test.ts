// Standard tables printed as page text (issue 12): a pdfplumber dump (single spaces), a pdftotext
// -layout dump (runs of spaces), and what each gives against the PDF it came from.
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { extract } from '../src/index.js';
import type { Line, SourceTable } from '../src/model.js';
import { makeLine } from '../src/ingest/normalize.js';
import { ocrPageTables, repairPoints } from '../src/ingest/layout/ocr.js';
import { listTable } from '../src/ingest/layout/list.js';
import { documentAgreement } from '../scripts/eval-tables.js';
import { hasPdftotext, makeRendition } from '../scripts/make-renditions.js';
import { SEED_TXT, corpus, seed } from './paths.js';

const WENLV = corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt');
const enc = (s: string) => new TextEncoder().encode(s);
const tablesOf = async (text: string) => (await ingest(enc(text))).blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const grid = (t: SourceTable) => t.rows.map((r) => r.map((c) => (c.uncertain ? `?${c.text}` : c.text)));

describe('page-text tables: single-space dump (pdfplumber)', () => {
  it('reads the real 文旅 2025 dump: both halves of 公开01, 公开03 rows by code, figures as printed', async () => {
    const r = await extract(WENLV);
    const t = (kind: string) => r.tables.find((x) => x.kind === kind)!;
    const t01 = t('公开01表');
    expect(t01.empty).toBe(false);
    expect(t01.header).toEqual(['项目', '决算数', '项目', '决算数']);
    expect(t01.rows[0]).toEqual(['一、一般公共预算财政拨款收入', '24,535.67', '一、一般公共服务支出', '']);
    expect(t01.rows.find((x) => x[0] === '本年收入合计')).toEqual(['本年收入合计', '26,538.47', '本年支出合计', '26,538.47']);
    const t03 = t('公开03表');
    expect(t03.rows.find((x) => x[0] === '2070101')).toEqual(['2070101', '行政运行', '457.86', '454.06', '3.79', '', '', '']);
    expect(t03.rows.find((x) => x[0] === '2080505')).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '699.30', '699.30', '', '', '', '']);
    // Its totals reach the summary from the table.
    expect(r.facts.some((f) => f.from === 'table' && f.metric === 'total_income' && f.text === '26,538.47')).toBe(true);
  });

  it('reads the 文旅 公开05 as printed, figures shifted against their names, and the 科目 sums say so', async () => {
    const r = await extract(WENLV);
    const t05 = r.tables.find((x) => x.kind === '公开05表')!;
    // Wrapped names joined (head above the code line, tail below), the figures those lines carry.
    expect(t05.rows.find((x) => x[0] === '207')).toEqual(['207', '文化旅游体育与传媒支出', '17,127.62', '7,374.19', '9,753.43']);
    expect(t05.rows.find((x) => x[0] === '2079999')).toEqual(['2079999', '其他文化旅游体育与传媒支出', '1,460.16', '1,460.16', '']);
    // One flag on the table (one defect); each failing sum is listed in its expected/found (page:line value).
    const sums = r.flags.filter((f) => f.code === 'SUM_MISMATCH' && f.loc?.page === 15);
    expect(sums).toHaveLength(1);
    expect(sums[0]!.message).toContain('（如207文化旅游体育与传媒支出的“合计”为17127.62万元，与其3个下级科目之和17147.62万元不符）');
    expect(String(sums[0]!.expected).split('；').filter((x) => x.startsWith('15:'))).toHaveLength(7);
  });

  it('places figures only where their count or the total-first arithmetic makes it certain', async () => {
    const doc = await ingest(WENLV);
    const [, t02, t03] = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
    // 公开02 合计 26,538.47 26,538.47: the first is the total; the second is 财政拨款收入 because the
    // 收支总表 prints 24,535.67 + 2,002.80 of 财政拨款 income and no 上级补助/事业/经营/附属/其他 income.
    expect(grid(t02!)[1]).toEqual(['', '合计', '26,538.47', '26,538.47', '', '', '', '', '']);
    expect(t02!.rows[1]![2]!.loc).toMatchObject({ page: 7, line: 10, start: 3, end: 12 });
    // 公开03 合计 26,538.47 9,800.36 16,738.11: which two of five part columns, nothing in the text says.
    expect(grid(t03!)[1]).toEqual(['', '合计', '26,538.47', '?9,800.36', '?16,738.11', '', '', '']);
    const r = await extract(WENLV);
    // No figure is taken from an uncertain cell.
    expect(r.facts.filter((f) => f.from === 'table' && f.loc.page === 10 && f.loc.line === 10).map((f) => f.text)).toEqual(['26,538.47']);
  });
});

describe('page-text tables: a two-halves 基本支出 table with tall rows (single spaces)', () => {
  // A row pair's figures on lines of their own above its code line; a lone figure could be either half's.
  const text = (above1: string, above2: string, parents = '5.00 5.00') =>
    [
      '一般公共预算财政拨款基本支出决算表',
      '单位：万元',
      '经济分类 经济分类',
      '科目编码 科目编码',
      '科目名称 决算数 科目名称 决算数',
      `301 ${parents.split(' ')[0]} 302 ${parents.split(' ')[1]}`,
      '工资福利支出 商品和服务支出',
      above1,
      '301 01 302',
      '基本工资 01 办公费',
      above2,
      '301 02 302',
      '津贴补贴 02 印刷费',
      '301 03 302',
      '奖金 03 咨询费',
      parents,
      '人员经费合计 公用经费合计',
    ].join('\n');

  it('places lone figures by the one assignment under which the sums hold', async () => {
    const [t] = await tablesOf(text('5.00', '3.00', '3.00 5.00'));
    // 301 = 3.00 and 302 = 5.00: 5.00 is 30201's and 3.00 is 30102's, in no other way.
    expect(grid(t!).slice(1)).toEqual([
      ['301', '工资福利支出', '3.00', '302', '商品和服务支出', '5.00'],
      ['30101', '基本工资', '', '30201', '办公费', '5.00'],
      ['30102', '津贴补贴', '3.00', '30202', '印刷费', ''],
      ['30103', '奖金', '', '30203', '咨询费', ''],
      ['', '人员经费合计', '3.00', '', '公用经费合计', '5.00'],
    ]);
  });

  it('places none of them where two assignments fit', async () => {
    const [t] = await tablesOf(text('5.00', '5.00'));
    // 5.00 | 5.00 left-right or right-left: both add up, so neither figure is placed for sure.
    expect(grid(t!).slice(1, 4)).toEqual([
      ['301', '工资福利支出', '5.00', '302', '商品和服务支出', '5.00'],
      ['30101', '基本工资', '?5.00', '30201', '办公费', ''],
      ['30102', '津贴补贴', '?5.00', '30202', '印刷费', ''],
    ]);
  });
});

describe('page-text tables: fixed-width dump (pdftotext -layout)', () => {
  const text = [
    '                    支出决算表',
    '                                                   单位：万元',
    '    科目编码     科目名称          本年支出合计      基本支出      项目支出',
    '                 合计                   307.82        105.58        202.24',
    '    201          一般公共服务支出       307.82        105.58        202.24',
    '    2010601      行政运行               105.58        105.58',
    '    2010650      事业运行               202.24                      202.24',
    '注：本表反映部门本年度各项支出情况。',
  ].join('\n');

  // (Its band prints three of the template's six names: the columns are named by the band's words over the
  // figures, and the partial rows placed by where their figures stand, as the two full rows stand.)
  it('reads rows by code and fills a full row in order; a partial row placed under its band’s names', async () => {
    const [t] = await tablesOf(text);
    expect(grid(t!)).toEqual([
      ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
      ['', '合计', '307.82', '105.58', '202.24'],
      ['201', '一般公共服务支出', '307.82', '105.58', '202.24'],
      ['2010601', '行政运行', '105.58', '105.58', ''],
      ['2010650', '事业运行', '202.24', '', '202.24'],
    ]);
    expect(t!.rows[3]![2]!.loc).toMatchObject({ page: 1, line: 6, start: 36, end: 42 });
  });
});

describe.skipIf(!hasPdftotext())('page-text tables against the PDF they came from', () => {
  it('gives no cell that differs from the PDF in the 2024 普陀 决算 dumps', async () => {
    const a = await documentAgreement(corpus('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf'));
    expect(a.layout.differs).toEqual([]);
    expect(a.spaced.differs).toEqual([]);
    expect([a.layout.pdfCells, a.layout.same, a.spaced.same]).toEqual([205, 201, 201]);
  });

  it('gives the seed PDF’s standard-table titles from both of its dumps', async () => {
    const r = makeRendition(seed('000_37d039dcb8ad6afc.pdf'));
    const titles = async (f: string) => (await extract(f, { ocr: 'off' })).tables.filter((t) => /^公开/.test(t.kind)).map((t) => [t.kind, t.title, t.empty]);
    const pdf = await titles(seed('000_37d039dcb8ad6afc.pdf'));
    expect(pdf).toHaveLength(8);
    expect(await titles(r.layout)).toEqual(pdf);
    expect(await titles(r.spaced)).toEqual(pdf);
  });

  it('reads the 普陀 预算 dumps (templates, the 科目 tree), every cell as the PDF gives it', async () => {
    const wanli = await documentAgreement(corpus('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf'));
    expect([wanli.layout.pdfCells, wanli.layout.same, wanli.spaced.same]).toEqual([874, 867, 867]);
    expect([...wanli.layout.differs, ...wanli.spaced.differs]).toEqual([]);
    // The PDF's 收支总表 wrote an amount and the next label as one item (96,282,213.44 一、公共安全支出):
    // parted, it has 二、事业收入 … with their 0.00 as the dumps print them.
    const sfj = await documentAgreement(corpus('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf'));
    expect([sfj.layout.pdfCells, sfj.layout.same, sfj.spaced.same]).toEqual([366, 366, 366]);
    expect([...sfj.layout.differs, ...sfj.spaced.differs]).toEqual([]);
  });
});

describe('scanned tables: OCR lines through the row reader', () => {
  const ocrLine = (raw: string, line: number, uncertain: { text: string; readings?: string[] }[] = [], confidence = 0.97): Line => {
    const l = makeLine(raw, { page: 3, line });
    l.ocr = { engine: 'paddle', confidence };
    const spans = uncertain.map((u) => {
      const start = l.text.indexOf(u.text);
      return { start, end: start + u.text.length, readings: u.readings ?? [u.text] };
    });
    if (spans.length) l.ocr.uncertain = spans;
    return l;
  };

  it('keeps what the OCR doubted uncertain and repairs 477.447.73 where one reading is left', () => {
    const lines = [
      ocrLine('支出决算表', 1),
      ocrLine('单位：万元', 2),
      ocrLine('科目编码  科目名称  本年支出合计  基本支出  项目支出', 3),
      ocrLine('合计  477.447.73  105.58  477.342.15', 4, [{ text: '477.447.73' }, { text: '477.342.15' }]),
      ocrLine('201  一般公共服务支出  307.82  105.58  202.24', 5, [{ text: '105.58', readings: ['105.58', '106.58'] }]),
    ];
    const [t] = [...ocrPageTables(lines).startingAt.values()];
    expect(grid(t!)).toEqual([
      ['科目编码', '科目名称', '', '', ''],
      ['', '合计', '477,447.73', '105.58', '477,342.15'],
      ['201', '一般公共服务支出', '307.82', '?105.58', '202.24'],
    ]);
    expect(t!.rows[1]![2]!.ocr).toEqual({ engine: 'paddle', confidence: 0.97, repaired: { from: '477.447.73', to: '477,447.73' } });
    expect(t!.rows[2]![3]!.ocr!.uncertain).toEqual([{ start: 18, end: 24, readings: ['105.58', '106.58'] }]);
  });

  it('leaves a malformed number uncertain where its shape has more than one reading or the line is unsure', () => {
    expect(repairPoints('477.447.73')).toBe('477,447.73');
    expect(repairPoints('47.74.73')).toBeNull();
    expect(repairPoints('4774.447.73')).toBeNull();
    expect(repairPoints('477.447.7')).toBeNull();
    const lines = [
      ocrLine('支出决算表', 1),
      ocrLine('科目编码  科目名称  本年支出合计  基本支出  项目支出', 2),
      ocrLine('合计  477.447.73  105.58  371.86', 3, [{ text: '477.447.73' }], 0.6),
    ];
    const [t] = [...ocrPageTables(lines).startingAt.values()];
    expect(grid(t!)[1]).toEqual(['', '合计', '?477,447.73', '105.58', '371.86']);
  });
});

// Slow (~2 min of OCR on an idle machine): the scanned seed keeps its tables and its summary with
// the OCR pages going through the table reader.
describe('the scanned seed', () => {
  it('gives the text PDF’s standard tables and its 29 summary figures', async () => {
    const [scan, txt] = [await extract(seed('000_37d039dcb8ad6afc-scanned.pdf'), { ocr: 'auto' }), await extract(SEED_TXT)];
    const standard = (r: typeof scan) => r.tables.filter((t) => /^公开/.test(t.kind)).map((t) => [t.kind, t.empty]);
    expect(standard(scan)).toEqual(standard(txt));
    expect(standard(scan)).toHaveLength(8);
    const summary = (r: typeof scan) => Object.fromEntries(Object.entries(r.summary).map(([k, v]) => [k, v.value]));
    expect(summary(scan)).toEqual(summary(txt));
    expect(Object.keys(summary(scan))).toHaveLength(29);
  }, 1_800_000);
});

describe('list tables (政府采购): rows nested by their sums', () => {
  const list = (raws: string[], fixed: boolean) => {
    const lines = raws.map((raw, k) => ({ raw, page: 1, line: k + 1 }));
    const t = listTable(lines, fixed, { values: [['总计']] }, (text, raw, src, _p, row, col) => ({ text, raw, loc: { page: src.page, line: src.line, row, col } }));
    return t && t.rows.map((r) => r.map((c) => c.text + (c.uncertain ? '?' : '')));
  };
  const printed = [
    '采购品目大类      专项名称        采购物品名称        总计',
    '合计                                                 30.00',
    '一、货物A                                            30.00',
    '                  办公费                             30.00',
    '                                  复印纸             20.00',
    '                                  硒鼓               10.00',
  ];
  const want = [
    ['', '', '', '总计'],
    ['合计', '', '', '30.00'],
    ['一、货物A', '', '', '30.00'],
    ['', '办公费', '', '30.00'],
    ['', '', '复印纸', '20.00'],
    ['', '', '硒鼓', '10.00'],
  ];

  it('places each row at the depth its sums give, in both dumps', () => {
    expect(list(printed, true)).toEqual(want);
    expect(list(printed.map((l) => l.trim().replace(/\s+/g, ' ')), false)).toEqual(want);
  });

  it('is not read as a list where the sums do not nest (the row reader reads it instead)', () => {
    const broken = printed.map((l) => l.replace('10.00', '11.00'));
    expect(list(broken, true)).toBeNull();
  });

  it('joins a cell wrapped around its figure line (as many lines above as below), in column order', () => {
    const tall = [
      ...printed.slice(0, 3),
      '                  办公设备',
      '                                                     30.00',
      '                  购置费',
      ...printed.slice(4),
    ];
    expect(list(tall, true)![3]).toEqual(['', '办公设备购置费', '', '30.00']);
  });
});

