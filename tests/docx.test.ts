import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import type { Cell, IngestedDocument, Line, OutlineNode, SourceTable } from '../src/model.js';
import { makeBroken, type BrokenName } from '../scripts/make-broken.js';
import { formatNumber } from '../src/ingest/docx/numbering.js';
import { seed } from './paths.js';

const seedFile = (ext: string) => seed(`000_37d039dcb8ad6afc.${ext}`);

const linesOf = (d: IngestedDocument): Line[] => d.blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
const tablesOf = (d: IngestedDocument): SourceTable[] => d.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const show = (c: Cell) => (c.spanned ? '*' : '') + c.text;

describe('DOCX seed', () => {
  let docx: IngestedDocument;
  let txt: IngestedDocument;
  beforeAll(async () => {
    docx = await ingest(seedFile('docx'));
    txt = await ingest(seedFile('txt'));
  });

  it('reads paragraphs in order with paragraph locs and heading hints', () => {
    expect(docx.source.format).toBe('docx');
    expect(docx.source.pages).toBe(0);
    const lines = linesOf(docx);
    expect(lines[0]).toMatchObject({ text: '鄂城区总工会2023年度部门决算', loc: { paragraph: 1, line: 1 }, hint: { heading: 1 } });
    expect(lines[0]!.loc.page).toBeUndefined();
    expect(lines[3]).toMatchObject({ text: '一、部门主要职责', loc: { paragraph: 4, line: 1 }, hint: { heading: 2 } });
    expect(lines[4]!.hint).toBeUndefined();
    expect(lines.find((l) => l.text.startsWith('（一）'))!.hint).toEqual({ heading: 3 });
  });

  it('gives the same line text as the text seed', () => {
    const docxTexts = new Set(linesOf(docx).map((l) => l.text));
    for (const t of [
      '区总工会编制人数3名；财政供养人数13名，其中在职3名，离退休人数8名，公益性岗位2名。',
      '2023年度支出93.93万元。比上年决算增加26.94元，增加23%，主要原因是人员增加。',
      '第三部分鄂城区总工会2023年度部门决算情况说明',
      '2023年度鄂城区总工会项目自评表',
    ])
      expect(docxTexts).toContain(t);
    const txtLines = linesOf(txt).map((l) => l.text);
    expect(txtLines.filter((t) => !docxTexts.has(t))).toEqual([]);
    // …and the DOCX adds only the 绩效目标表 title, which the text seed holds as the table's first row.
    const txtTexts = new Set(txtLines);
    expect(linesOf(docx).filter((l) => !txtTexts.has(l.text)).map((l) => l.text)).toEqual(['2023年度部门整体绩效目标表']);
  });

  it('lays out both tables as full grids with merges filled and marked', () => {
    const [t1, t2] = tablesOf(docx);
    expect(tablesOf(docx)).toHaveLength(2);
    expect(t1!.rows.map((r) => r.length)).toEqual(Array(43).fill(5));
    expect(t1!.loc).toEqual({ paragraph: 199, line: 1, table: 't1' });
    expect(t1!.rows[0]!.map(show)).toEqual(['单位名称', '鄂城区总工会', '*鄂城区总工会', '*鄂城区总工会', '*鄂城区总工会']);
    expect(t1!.rows[3]!.map(show)).toEqual(['年度绩效指标', '一级', '二级指标', '三级指标', '指标值']);
    expect(t1!.rows.slice(4).every((r) => r[0]!.spanned && r[0]!.text === '年度绩效指标')).toBe(true);
    expect(t1!.rows[18]!.map(show)).toEqual(['*年度绩效指标', '', '', '政府采购执行率', '100&']);
    expect(t1!.rows[18]![4]!.loc).toEqual({ paragraph: 199, line: 19, table: 't1', row: 18, col: 4 }); // line = 1-based row
    expect(t2!.rows.map((r) => r.length)).toEqual(Array(23).fill(6));
    expect(t2!.rows[6]!.map(show)).toEqual(['*预算执行情况（万元）', '年度财政资金总额', '15.875', '15.875', '100%', '*100%']);
    expect(t2!.rows[13]![2]!.raw).toBe('经济效益\n指标');
    expect(t2!.rows[13]![2]!.text).toBe('经济效益指标');
  });

  it('gives the same outline, summary and facts as the text seed through the pipeline', () => {
    const [t, d] = [extract(segment(txt)), extract(segment(docx))];
    const flat = (ns: OutlineNode[]): string[] => ns.flatMap((n) => [`${n.level} ${n.marker} ${n.title} ${n.section}`, ...flat(n.children)]);
    expect(flat(d.outline)).toEqual(flat(t.outline));
    expect(flat(d.outline).length).toBeGreaterThan(60);
    const values = (s: typeof t.summary) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, [v.value, v.unit, v.yuan]]));
    expect(values(d.summary)).toEqual(values(t.summary));
    expect(Object.keys(d.summary).length).toBeGreaterThan(20);
    expect(d.facts.map((f) => [f.metric, f.value, f.unit, f.role])).toEqual(t.facts.map((f) => [f.metric, f.value, f.unit, f.role]));
    expect(d.document).toEqual(t.document);
  });

  it('keeps checkbox options as checked/unchecked', () => {
    const t2 = tablesOf(docx)[1]!;
    expect(t2.rows[2]![1]!.checks).toEqual([
      { label: '部门预算项目', checked: true },
      { label: '市直专项', checked: false },
      { label: '市对下转移支付项目', checked: false },
    ]);
    expect(t2.rows[4]![1]!.checks).toEqual([
      { label: '常年性项目', checked: true },
      { label: '延续性项目', checked: false },
      { label: '一次性项目', checked: false },
    ]);
  });
});

describe('generated DOCX and broken inputs', () => {
  let dir: string;
  let files: Record<BrokenName, string>;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'juesuan-docx-'));
    files = makeBroken(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('splits soft line breaks into lines of one paragraph and counts empty paragraphs', async () => {
    const doc = await ingest(files['tiny.docx']);
    const lines = linesOf(doc);
    expect(lines.map((l) => [l.text, l.loc.paragraph, l.loc.line, l.hint?.heading])).toEqual([
      ['第一部分概况', 1, 1, 1],
      ['第一行', 2, 1, undefined],
      ['第二行2023年', 2, 2, undefined],
      ['一、结尾', 5, 1, 2],
    ]);
    expect(lines[2]!.raw).toBe('第二行 2023 年');
  });

  it('fills vertical and horizontal merges and reads w14 checkboxes', async () => {
    const [t] = tablesOf(await ingest(files['tiny.docx']));
    expect(t!.loc).toEqual({ paragraph: 4, line: 1, table: 't1' });
    expect(t!.rows.map((r) => r.map(show))).toEqual([
      ['项目名称', '测试项目', '*测试项目', '*测试项目'],
      ['*项目名称', '预算数', '执行数', '执行率'],
      ['项目类别', '☑部门预算项目□市直专项', '*☑部门预算项目□市直专项', '*☑部门预算项目□市直专项'],
    ]);
    expect(t!.rows[1]![0]!.loc).toEqual({ paragraph: 4, line: 2, table: 't1', row: 1, col: 0 });
    expect(t!.rows[2]![1]!.checks).toEqual([
      { label: '部门预算项目', checked: true },
      { label: '市直专项', checked: false },
    ]);
  });

  it('writes automatic numbering out as Word shows it and takes heading levels from styles', async () => {
    const doc = await ingest(files['numbered.docx']);
    expect(linesOf(doc).map((l) => [l.text, l.loc.paragraph, l.hint?.heading ?? null])).toEqual([
      ['第一部分概况', 1, 1],
      ['一、部门职责', 2, 2],
      ['（一）主要职能', 3, null],
      ['1.第一项', 4, null],
      ['2.第二项', 5, null],
      ['要点', 6, null], // a bullet is not text
      ['二、机构设置', 7, 2],
      ['不编号', 8, 2], // numId 0 switches the style's numbering off
      ['第二部分决算表', 9, 1],
      ['一、收入', 10, 2],
      // heading levels of custom styles: w:outlineLvl (own or inherited), else a name like 三级标题
      ['大纲二级', 12, 2],
      ['继承大纲级别', 13, 2],
      ['按名称三级', 14, 3],
      ['正文段落', 15, null],
    ]);
    expect(linesOf(doc)[0]!.raw).toBe('第一部分 概况');
  });

  it('keeps cells in their columns when a row skips grid columns (gridBefore / gridAfter)', async () => {
    const [t] = tablesOf(await ingest(files['numbered.docx']));
    expect(t!.rows.map((r) => r.map(show))).toEqual([
      ['科目', '金额', '备注'],
      ['', '10.5', '甲'],
      ['合计', '', '*'],
    ]);
  });

  it('tells a DOCX from its ZIP entry names even when they come after the first megabyte', async () => {
    const doc = await ingest(files['late-word.docx']);
    expect(doc.source.format).toBe('docx');
    expect(linesOf(doc)[0]!.text).toBe('第一部分概况');
  });

  it('prints nothing while converting (mammoth style warnings are dropped)', async () => {
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(process.stderr, 'write'), vi.spyOn(process.stdout, 'write')];
    await ingest(files['tiny.docx']); // its WPS style name is one mammoth warns about
    await ingest(seedFile('docx'));
    for (const s of spies) {
      expect(s).not.toHaveBeenCalled();
      s.mockRestore();
    }
  });

  it.each([
    ['legacy.doc', 'UNSUPPORTED_FORMAT', 'legacy Word (.doc) and WPS (.wps) files that are not Word binaries, or are damaged or encrypted, cannot be read: convert the file to .docx or PDF (e.g. `soffice --headless --convert-to docx FILE`)'],
    ['kingsoft.wps', 'UNSUPPORTED_FORMAT', 'legacy Word (.doc) and WPS (.wps) files that are not Word binaries, or are damaged or encrypted, cannot be read: convert the file to .docx or PDF (e.g. `soffice --headless --convert-to docx FILE`)'],
    // Spreadsheets are read since issue 13: these are an OLE header and an empty package, i.e. damaged.
    ['sheet.xls', 'CORRUPT_SPREADSHEET', 'the spreadsheet is damaged or truncated and cannot be opened'],
    ['sheet.xlsx', 'CORRUPT_SPREADSHEET', 'the spreadsheet is damaged or truncated and cannot be opened'],
    ['archive.zip', 'UNSUPPORTED_FORMAT', 'a ZIP archive that is not a DOCX: unpack it and pass the documents inside'],
    ['truncated.docx', 'CORRUPT_DOCX', 'the DOCX file is damaged or truncated and cannot be opened'],
    ['no-document.docx', 'CORRUPT_DOCX', 'the DOCX file is damaged or truncated and cannot be opened'],
    ['empty.docx', 'EMPTY_FILE', 'the file is empty'],
  ] as const)('%s → %s with a clear message', async (name, code, message) => {
    await expect(ingest(files[name])).rejects.toMatchObject({ name: 'JuesuanError', code, message });
  });
});

it('formats Word list numbers', () => {
  const f = (format: string) => [1, 2, 10, 11, 20, 21, 105].map((n) => formatNumber(n, format)).join(' ');
  expect(f('chineseCounting')).toBe('一 二 十 十一 二十 二十一 一百〇五');
  expect(f('chineseLegalSimplified')).toBe('壹 贰 拾 拾壹 贰拾 贰拾壹 壹佰零伍');
  expect(f('decimalEnclosedCircle')).toBe('① ② ⑩ ⑪ ⑳ 21 105');
  expect(f('upperRoman')).toBe('I II X XI XX XXI CV');
  expect(f('lowerLetter')).toBe('a b j k t u aaaaa');
  expect(f('ideographTraditional')).toBe('甲 乙 癸 11 20 21 105');
  expect(f('decimalZero')).toBe('01 02 10 11 20 21 105');
});
