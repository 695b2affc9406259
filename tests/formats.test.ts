// The formats scrapers bring home (issue 13): the seed as a GBK web page and its tables as .xlsx/.xls
// give the same document, summary and tables as the seed's text and DOCX; the real 17-sheet 预算 workbook
// gives its nine tables with sheet/cell locs; crafted pages and workbooks get a clean error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOne } from '../scripts/gen-synthetic.js';
import { craftedFiles, encodeGbk, landingHtml, reportWorkbook, docxToDoc, seedHtml, seedWorkbook, writeBook } from '../scripts/make-format-renditions.js';
import { extract as extractStage } from '../src/extract/index.js';
import { extract, runBatch } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { sniff } from '../src/ingest/sniff.js';
import type { ExtractedDocument, IngestedDocument, SourceTable, TableRecord } from '../src/model.js';
import type { DocumentRecord } from '../src/schema.js';
import { segment } from '../src/segment/index.js';
import { formatLoc } from '../src/write/flag-line.js';
import { parseCsv } from './batch-fixtures.js';
import { corpus, repo, SEED_TXT, seed } from './paths.js';

const seedText = readFileSync(SEED_TXT, 'utf8');
const stages = async (input: string | Uint8Array): Promise<ExtractedDocument> => extractStage(segment(await ingest(input)));
const tableKey = (t: TableRecord) => ({ kind: t.kind, title: t.title, unit: t.unit, header: t.header, rows: t.rows, empty: t.empty, note: t.note });
const filled = (d: { tables: TableRecord[] }) => d.tables.filter((t) => t.rows.length).map(tableKey);
const summaryOf = (r: DocumentRecord) => Object.fromEntries(Object.entries(r.summary).map(([k, v]) => [k, v.yuan ?? v.value]));
const indicatorsOf = (d: ExtractedDocument) => d.indicators.map(({ loc: _loc, ...rest }) => rest);
const sourceTables = (d: IngestedDocument) => d.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

/** The cells a table prints (merged copies left out), by grid position; a first row of one cell (the
 *  table's title, which the renditions print above the table) is left out. */
function printed(t: SourceTable): Map<string, string> {
  const rows = t.rows[0]!.filter((c) => c.text !== '').length === 1 && t.rows[0]!.every((c, i) => i === 0 || c.spanned || c.text === '') ? t.rows.slice(1) : t.rows;
  const out = new Map<string, string>();
  rows.forEach((row, r) => row.forEach((c, col) => c.text !== '' && !c.spanned && out.set(`${r}:${col}`, c.text)));
  return out;
}

describe('the seed as a GBK web page, and its tables as .xlsx and .xls', () => {
  const html = seedHtml(seedText);
  const book = seedWorkbook(seedText);
  const inputs: Record<string, Uint8Array> = { html, xlsx: writeBook(book, 'xlsx'), xls: writeBook(book, 'biff8') };
  const docs: Record<string, ExtractedDocument> = {};
  const ingested: Record<string, IngestedDocument> = {};
  let txtRecord: DocumentRecord;
  let htmlRecord: DocumentRecord;
  beforeAll(async () => {
    for (const [k, v] of Object.entries({ ...inputs, txt: SEED_TXT, docx: seed('000_37d039dcb8ad6afc.docx') })) {
      ingested[k] = await ingest(v);
      docs[k] = extractStage(segment(ingested[k]!));
    }
    txtRecord = await extract(SEED_TXT);
    htmlRecord = await extract(html);
  });

  it('is sniffed from the bytes (no file name)', () => {
    expect(sniff(html)).toBe('html');
    expect(sniff(inputs.xlsx!)).toBe('xlsx');
    expect(sniff(inputs.xls!)).toBe('xls');
    // GBK, declared as gb2312 in a http-equiv <meta>
    expect(html.includes(Buffer.from('部门决算', 'utf8'))).toBe(false);
    expect(ingested.html!.source.format).toBe('html');
  });

  it('the page gives the text’s document, outline and all 29 summary figures', () => {
    expect(htmlRecord.source.format).toBe('html');
    expect(htmlRecord.document).toEqual(txtRecord.document);
    expect(summaryOf(htmlRecord)).toEqual(summaryOf(txtRecord));
    expect(Object.keys(summaryOf(htmlRecord)).length).toBe(29);
    const outline = (r: DocumentRecord) => r.outline.map((n) => `${n.level}|${n.marker}|${n.title}|${n.section}`);
    expect(outline(htmlRecord)).toEqual(outline(txtRecord));
  });

  it('the page drops the site furniture and starts at its own title', () => {
    const lines = ingested.html!.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.raw] : []));
    expect(lines[0]).toBe('鄂城区总工会2023年度部门决算');
    expect(lines[1]).toBe('目    录'.replace(/ +/, ' '));
    const furniture = ['鄂城区人民政府门户网站', '首页', '当前位置', '发布时间', '浏览次数', '分享到', '打印本页', '关闭窗口', '相关文章', '2024年度部门预算', '主办单位', '鄂ICP备', '位访客', '搜索'];
    for (const f of furniture) expect(lines.filter((l) => l.includes(f))).toEqual([]);
    expect(lines.at(-1)).toBe(seedText.trimEnd().split('\n').at(-1)!.trim());
    // Line for line the text file's (the 绩效目标表's title row, a table row in the text, is a paragraph here).
    const text = (d: IngestedDocument) => d.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.text] : []));
    expect(text(ingested.html!).filter((l) => l !== '2023年度部门整体绩效目标表')).toEqual(text(ingested.txt!));
  });

  it.each(['html', 'xlsx', 'xls'])('%s gives the DOCX rendition’s tables, every cell equal, and the text’s indicators', (fmt) => {
    expect(filled(docs[fmt]!)).toEqual(filled(docs.docx!));
    expect(filled(docs[fmt]!).map((t) => t.kind)).toEqual(['绩效目标表', '项目自评表']);
    expect(indicatorsOf(docs[fmt]!)).toEqual(indicatorsOf(docs.txt!));
    expect(docs[fmt]!.indicators.length).toBe(41);
  });

  it.each(['html', 'xlsx', 'xls'])('%s prints every cell of the text’s tables at the same place (merged copies aside)', (fmt) => {
    const mine = sourceTables(ingested[fmt]!).map(printed);
    const text = sourceTables(ingested.txt!).map(printed);
    expect(mine.length).toBe(2);
    expect(mine.map((m) => [...m.entries()])).toEqual(text.map((m) => [...m.entries()]));
  });

  it('the page’s tables fill rowspan/colspan and give line/table/row/col locs', () => {
    const t1 = sourceTables(ingested.html!)[0]!;
    // 年度绩效指标 spans 40 rows down the first column; 鄂城区总工会 spans to the table's width
    const label = t1.rows.map((r) => r[0]!).filter((c) => c.text === '年度绩效指标');
    expect(label.length).toBe(40);
    expect(label.filter((c) => !c.spanned).length).toBe(1);
    expect(t1.rows[0]!.map((c) => [c.text, !!c.spanned])).toEqual([['单位名称', false], ['鄂城区总工会', false], ['鄂城区总工会', true], ['鄂城区总工会', true], ['鄂城区总工会', true]]);
    expect(t1.rows[2]![4]!.loc).toEqual({ line: t1.loc.line, table: 't1', row: 2, col: 4 });
    const fact = htmlRecord.facts.find((f) => f.metric === 'total_income' && f.from === 'text')!;
    expect(fact.loc).toMatchObject({ line: expect.any(Number) });
    expect(fact.loc.page).toBeUndefined();
  });

  it('the workbook gives sheet and A1 cell locs, a title row as a line, figures as the cell shows them', () => {
    const blocks = ingested.xlsx!.blocks;
    expect(blocks[0]).toMatchObject({ kind: 'line', line: { raw: '2023年度部门整体绩效目标表', loc: { sheet: '绩效目标表', cell: 'A1', line: 1 } } });
    const t1 = sourceTables(ingested.xlsx!)[0]!;
    expect(t1.loc).toEqual({ sheet: '绩效目标表', cell: 'A2', line: 2, table: 't1' });
    expect(t1.rows[1]![1]).toMatchObject({ text: '89.65', loc: { sheet: '绩效目标表', cell: 'B3', line: 3, table: 't1', row: 1, col: 1 } });
    expect(sourceTables(ingested.xls!)[1]!.rows[0]![0]!.loc).toEqual({ sheet: '项目自评表', cell: 'A3', line: 3, table: 't2', row: 0, col: 0 });
    // `juesuan check` prints a spreadsheet place as sheet!cell
    expect(formatLoc(t1.rows[1]![1]!.loc)).toBe('绩效目标表!B3');
  });
});

describe('page structures other than the generator’s', () => {
  const lines = (d: IngestedDocument) => d.blocks.map((b) => (b.kind === 'line' ? b.line.raw : `[table ${b.table.rows.length}x${b.table.rows[0]!.length}]`));

  it('an HTML5 page: header, nav, aside and footer landmarks dropped, the article kept', async () => {
    const page = `<!doctype html><html><head><meta charset="utf-8"><title>某某局2023年度部门决算</title></head><body><header><div>某某市人民政府</div><nav><a href="/">首页</a><a href="/a">政务</a></nav></header><main><article><h1>某某局2023年度部门决算</h1><section><p>第一部分 部门概况</p><p>一、主要职能。本部门负责全市的有关工作，承担具体事务，为社会提供公共服务。</p><table><tr><th>项目</th><th>决算数</th></tr><tr><td>收入合计</td><td>100.00</td></tr></table><p>注：本表金额单位为万元。</p></section></article></main><aside><h3>热点</h3><ul><li><a href="/x">新闻一</a></li></ul></aside><footer>版权所有 某某市人民政府 访问量：123456</footer></body></html>`;
    const d = await ingest(Buffer.from(page));
    expect(lines(d)).toEqual(['某某局2023年度部门决算', '第一部分 部门概况', '一、主要职能。本部门负责全市的有关工作，承担具体事务，为社会提供公共服务。', '[table 2x2]', '注：本表金额单位为万元。']);
    expect(sourceTables(d)[0]!.headerRows).toBe(1);
  });

  it('a Word “save as web page” file in GBK without a charset declaration: sniffed, <br> splits lines, spans filled', async () => {
    const page = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body lang=ZH-CN><div class=WordSection1><p class=MsoNormal align=center><b><span>某某局2023年度部门决算<o:p></o:p></span></b></p><p class=MsoNormal>一、主要职能<br>本部门负责全市的有关工作。</p><table class=MsoTableGrid border=1><tr><td rowspan=2>项目</td><td colspan=2>决算数</td></tr><tr><td>本年</td><td>上年</td></tr><tr><td>收入合计</td><td>100.00</td><td>90.00</td></tr></table></div></body></html>`;
    const gbk = encodeGbk(page);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const d = await ingest(gbk);
    expect(lines(d)).toEqual(['某某局2023年度部门决算', '一、主要职能', '本部门负责全市的有关工作。', '[table 3x3]']);
    expect(sourceTables(d)[0]!.rows.map((r) => r.map((c) => (c.spanned ? '~' : '') + c.text))).toEqual([['项目', '决算数', '~决算数'], ['~项目', '本年', '上年'], ['收入合计', '100.00', '90.00']]);
  });

  it('a page saved as a fragment is sniffed as HTML; text that merely starts with “<” is not', () => {
    expect(sniff(Buffer.from('<div class="TRS_Editor"><p>某某局2023年度部门决算</p><p>第一部分</p></div>'))).toBe('html');
    expect(sniff(Buffer.from('\ufeff<!-- saved --><html><body>x</body></html>'))).toBe('html');
    expect(sniff(Buffer.from('<2023年度部门决算>\n第一部分 部门概况\n'))).toBe('txt');
    expect(sniff(Buffer.from('<p>注：本表无数据\n第一部分\n'))).toBe('txt');
  });

  it('the charset: a UTF-8 page under an old gb2312 <meta>, a GBK page under a utf-8 one, a Big5 page as declared', async () => {
    const body = '<p>某某局2023年度部门决算</p><p>第一部分 部门概况</p>';
    const page = (charset: string) => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body>${body}</body></html>`;
    const texts = async (b: Uint8Array) => (await ingest(b)).blocks.map((x) => (x.kind === 'line' ? x.line.raw : ''));
    const want = ['某某局2023年度部门决算', '第一部分 部门概况'];
    expect(await texts(Buffer.from(page('gb2312'), 'utf8'))).toEqual(want);
    expect(await texts(encodeGbk(page('utf-8')))).toEqual(want);
    const big5 = Buffer.from('<html><head><meta charset="big5"></head><body><p>', 'latin1');
    // 部門 (traditional) in Big5: B3A1 AAF9
    expect(await texts(Buffer.concat([big5, Buffer.from([0xb3, 0xa1, 0xaa, 0xf9]), Buffer.from('</p></body></html>', 'latin1')]))).toEqual(['部門']);
  });

  it('a page that is mostly one table keeps the lines around it', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `<tr><td>收入项目名称${i}</td><td>${i}.00</td><td>支出项目名称${i}</td><td>${i}.00</td></tr>`).join('');
    const page = `<html><head><meta charset="utf-8"><title>决算</title></head><body><div class="nav"><a href="/">首页</a> <a href="/b">信息公开</a> <a href="/c">政策</a></div><div class="c"><p>收入支出决算总表</p><p>单位：万元</p><table><tr><td>项目</td><td>决算数</td><td>项目</td><td>决算数</td></tr>${rows}</table></div><div class="foot">主办：某某局 电话：12345678</div></body></html>`;
    expect(lines(await ingest(Buffer.from(page)))).toEqual(['收入支出决算总表', '单位：万元', '[table 31x4]']);
  });
});

describe('a whole report as a workbook (prose sheets and one sheet per table, nine tables)', () => {
  it.each([0, 1, 2])('synthetic report %i: .xlsx and .xls give the text’s summary, tables and flags (table identities included)', async (i) => {
    const text = generateOne(i, 3).lines.join('\n') + '\n';
    const byKind = (r: DocumentRecord) => r.tables.map(tableKey).sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
    const flags = (r: DocumentRecord) => r.flags.map((f) => `${f.code}|${f.severity}|${f.message}`).sort();
    const txt = await extract(Buffer.from(text));
    expect(txt.tables.filter((t) => /^公开0\d表$/.test(t.kind)).length).toBe(9);
    for (const type of ['xlsx', 'biff8'] as const) {
      const rec = await extract(writeBook(reportWorkbook(text), type));
      expect(rec.source.format).toBe(type === 'biff8' ? 'xls' : 'xlsx');
      expect(summaryOf(rec)).toEqual(summaryOf(txt));
      expect(byKind(rec)).toEqual(byKind(txt));
      expect(flags(rec)).toEqual(flags(txt));
    }
  });
});

describe('spreadsheet cells', () => {
  const wb = XLSX.utils.book_new();
  const ws = XLSX.utils.aoa_to_sheet([
    ['2023年度收入支出决算总表'],
    ['项目', '决算数', '上年数'],
    ['本年收入合计', 1234.5, 1000],
    ['财政拨款收入', 1234567.891, 0.5],
    ['合计', 0, 0],
  ]);
  ws['B3'] = { t: 'n', v: 1234.5, z: '0.00' };
  ws['B4'] = { t: 'n', v: 1234567.891, z: '#,##0.00' };
  ws['C4'] = { t: 'n', v: 0.5, z: '0%' };
  // A formula cell gives its cached value, in its number format.
  ws['B5'] = { t: 'n', v: 1235802.391, f: 'B3+B4', z: '#,##0.00' };
  ws['C5'] = { t: 'n', v: 1000.5, f: 'C3+C4', z: '0.0' };
  ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 0, c: 2 } }];
  XLSX.utils.book_append_sheet(wb, ws, '收入支出决算总表');

  it.each(['xlsx', 'biff8'] as const)('%s: numbers printed with their format, formulas by their cached value', async (type) => {
    const doc = await ingest(writeBook(wb, type));
    expect(doc.blocks[0]).toMatchObject({ kind: 'line', line: { raw: '2023年度收入支出决算总表', loc: { sheet: '收入支出决算总表', cell: 'A1' } } });
    const t = sourceTables(doc)[0]!;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['项目', '决算数', '上年数'],
      ['本年收入合计', '1234.50', '1000'],
      ['财政拨款收入', '1,234,567.89', '50%'],
      ['合计', '1,235,802.39', '1000.5'],
    ]);
    expect(t.rows[3]![1]!.loc).toEqual({ sheet: '收入支出决算总表', cell: 'B5', line: 5, table: 't1', row: 3, col: 1 });
  });
});

describe('the real 17-sheet 预算 template workbook', () => {
  let rec: DocumentRecord;
  beforeAll(async () => {
    rec = await extract(corpus('tianbaoxitong__putuo_2026_dept_yusuan_template.xlsx'));
  });

  it('gives its nine tables with their kinds and sheet/cell locs', () => {
    expect(rec.source.format).toBe('xlsx');
    expect(rec.document).toEqual({ title: '上海市普陀区2026年区级部门预算', unit: '上海市普陀区XX局', year: 2026, kind: '预算', unitKey: '普陀区XX局', template: 'provincial-yusuan', tablesElsewhere: false });
    const tables = Object.fromEntries(rec.tables.map((t) => [t.kind, t]));
    expect(Object.keys(tables).sort()).toEqual(['预算01收支总表', '预算02收入总表', '预算03支出总表', '预算04财政拨款收支总表', '预算05一般公共预算支出表', '预算06一般公共预算基本支出表', '预算07三公经费表', '预算08政府性基金表', '预算09国有资本经营表']);
    expect(tables['预算02收入总表']).toMatchObject({ title: '2026年部门收入预算总表', unit: '元', loc: { sheet: '部门收入总表', cell: 'A6', line: 6 } });
    expect(tables['预算07三公经费表']).toMatchObject({ unit: '万元', loc: { sheet: '部门“三公”经费和机关运行费预算表' } });
    expect(tables['预算02收入总表']!.header).toEqual(['功能分类科目编码/类', '功能分类科目编码/款', '功能分类科目编码/项', '功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入'].map((h) => expect.stringContaining(h.split('/').at(-1)!)));
    for (const t of rec.tables) expect(t.loc.sheet).toBeTruthy();
    for (const f of rec.flags.filter((x) => x.loc)) expect(f.loc!.sheet).toBeTruthy();
  });

  it.each(['GovBudgetChecker__putuo_sfj_2026_dept_yusuan_review_checklist.xlsx', 'GovBudgetChecker__putuo_sfj_2026_unit_yusuan_review_checklist.xlsx'])('%s (a review checklist) is NOT_A_REPORT', async (name) => {
    await expect(extract(corpus(name))).rejects.toMatchObject({ code: 'NOT_A_REPORT' });
  });
});

describe('pages and workbooks that are no report, or crafted', () => {
  const crafted = craftedFiles(seedText);

  it('a landing page that only links to the report names the attachment', async () => {
    await expect(extract(landingHtml())).rejects.toMatchObject({
      code: 'NOT_A_REPORT',
      message: 'a web page that only links to its report: attachment “鄂城区总工会2023年度部门决算.pdf”; download the attachment and pass it instead',
    });
  });

  it.each([
    ['deep.html', 'CORRUPT_HTML', 'the page nests elements more than 400 deep: not a disclosure'],
    ['huge-attribute.html', 'CORRUPT_HTML', 'the page is larger than 32 MB: not a disclosure'],
    ['bomb.xlsx', 'CORRUPT_SPREADSHEET', 'the spreadsheet unpacks to more than 256 MB (a zip bomb?): refused'],
    ['wide.xlsx', 'CORRUPT_SPREADSHEET', 'sheet “Sheet1” uses more than 256 columns: not a disclosure'],
    ['truncated.xls', 'CORRUPT_SPREADSHEET', 'the spreadsheet is damaged or truncated and cannot be opened'],
    ['garbled.xls', 'CORRUPT_SPREADSHEET', 'the spreadsheet is damaged or truncated and cannot be opened'],
  ])('%s → %s', async (name, code, message) => {
    const t0 = Date.now();
    await expect(ingest(crafted[name]!)).rejects.toMatchObject({ name: 'JuesuanError', code, message });
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('a sheet that claims the whole grid is read by the cells it holds', async () => {
    const doc = await ingest(crafted['whole-grid.xlsx']!);
    expect(sourceTables(doc).map((t) => t.rows.map((r) => r.map((c) => c.text)))).toEqual([[['收入', '支出'], ['1', '2']]]);
  });
});

describe('a batch of pages and workbooks, some crafted, some misnamed', () => {
  it('records the good ones, gives each bad one a clean error, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-formats-'));
    const crafted = craftedFiles(seedText);
    const files: Record<string, Uint8Array> = {
      'a-page.pdf': seedHtml(seedText), // a GBK page under a wrong name
      'b-tables.doc': writeBook(reportWorkbook(generateOne(0, 3).lines.join('\n') + '\n'), 'biff8'), // an .xls under a wrong name
      'c-deep.html': crafted['deep.html']!,
      'd-bomb.xlsx': crafted['bomb.xlsx']!,
      'e-garbled.xls': crafted['garbled.xls']!,
      'f-landing.htm': landingHtml(),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const out = mkdtempSync(join(tmpdir(), 'juesuan-formats-out-'));
    const res = await runBatch([dir], { out, concurrency: 2, keepRecords: true });
    expect(res.records.map((r) => [r.source.path.split('/').pop(), r.source.format]).sort()).toEqual([['a-page.pdf', 'html'], ['b-tables.doc', 'xls']]);
    expect(res.errors.map((e) => [e.path.split('/').pop(), e.code]).sort()).toEqual([
      ['c-deep.html', 'CORRUPT_HTML'],
      ['d-bomb.xlsx', 'CORRUPT_SPREADSHEET'],
      ['e-garbled.xls', 'CORRUPT_SPREADSHEET'],
      ['f-landing.htm', 'NOT_A_REPORT'],
    ]);
    expect(res).toMatchObject({ processed: 2, failed: 4 });
    // A workbook's facts and flags keep their sheet and cell in the batch files (the last two columns).
    const book = res.records.find((r) => r.source.format === 'xls')!;
    for (const [file, items] of [['facts.csv', book.facts], ['flags.csv', book.flags.filter((f) => f.loc)]] as const) {
      const [header, ...rows] = parseCsv(readFileSync(join(out, file), 'utf8'));
      expect(header!.slice(-2)).toEqual(['sheet', 'cell']);
      const mine = rows.filter((r) => r[0] === book.source.path).map((r) => r.slice(-2).join('!'));
      expect(mine).toEqual(items.map((x) => `${x.loc!.sheet}!${x.loc!.cell ?? ''}`));
      expect(mine.length).toBeGreaterThan(0);
    }
  }, 120_000);
});

describe('legacy Word (.doc): the committed fixture', () => {
  it('tiny.doc (make-broken’s tiny DOCX saved by LibreOffice) gives its paragraphs and its table', async () => {
    const bytes = readFileSync(join(repo, 'tests', 'fixtures', 'tiny.doc'));
    expect(sniff(bytes)).toBe('doc');
    const d = await ingest(bytes);
    expect(d.source.format).toBe('doc');
    expect(d.blocks.map((b) => (b.kind === 'line' ? [b.line.raw, b.line.loc] : [b.table.rows.map((r) => r.map((c) => c.text)), b.table.loc]))).toEqual([
      ['第一部分 概况', { paragraph: 1, line: 1 }],
      ['第一行', { paragraph: 2, line: 1 }],
      ['第二行 2023 年', { paragraph: 3, line: 1 }],
      [[['项目名称', '测试项目'], ['', '预算数', '执行数', '执行率'], ['项目类别', '☒部门预算项目☐市直专项']], { paragraph: 5, line: 1, table: 't1' }],
      ['一、结尾', { paragraph: 6, line: 1 }],
    ]);
    expect(sourceTables(d)[0]!.rows[1]![3]!.loc).toEqual({ paragraph: 5, line: 2, table: 't1', row: 1, col: 3 });
  });
});

// LibreOffice saves the seed's DOCX as .doc and the workbook as .xls where it is installed (no CI package needs it).
const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
})();

describe.runIf(hasSoffice)('renditions LibreOffice makes where it is installed: the seed as .doc, its tables as .xls', () => {
  let rec: DocumentRecord;
  let txt: DocumentRecord;
  beforeAll(async () => {
    const path = docxToDoc(seed('000_37d039dcb8ad6afc.docx'), mkdtempSync(join(tmpdir(), 'juesuan-doc-')))!;
    expect(sniff(readFileSync(path))).toBe('doc');
    rec = await extract(path);
    txt = await extract(SEED_TXT);
  }, 180_000);

  it('a workbook saved as .xls by LibreOffice (not by SheetJS) gives the DOCX rendition’s tables too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-xls-'));
    writeFileSync(join(dir, 'seed-tables.xlsx'), writeBook(seedWorkbook(seedText), 'xlsx'));
    execFileSync('soffice', ['--headless', '--convert-to', 'xls', '--outdir', dir, join(dir, 'seed-tables.xlsx')], { stdio: 'ignore', timeout: 120_000 });
    const bytes = readFileSync(join(dir, 'seed-tables.xls'));
    expect(sniff(bytes)).toBe('xls');
    expect(filled(await stages(bytes))).toEqual(filled(await stages(seed('000_37d039dcb8ad6afc.docx'))));
  }, 180_000);

  it('gives the text’s document, summary and table bodies', () => {
    expect(rec.source.format).toBe('doc');
    expect(rec.document).toEqual(txt.document);
    expect(summaryOf(rec)).toEqual(summaryOf(txt));
    const bodies = (r: DocumentRecord) => r.tables.filter((t) => t.rows.length).map((t) => [t.kind, t.rows]);
    expect(bodies(rec)).toEqual(bodies(txt));
  });
});
