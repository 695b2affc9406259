// JSON page-text dumps (src/ingest/page-dump.ts): scrapers and PDF tools save a report's pages as JSON
// ([{"page": 1, "text": "…"}, …], {"pages": […]}, or an array of strings); the text backend reads them as
// its pages. Their tables print one space between cells (pdfplumber without layout): no column is read from
// a token's character offset, even where other pages of the dump keep wide gaps, and a 类 row is placed
// by its placed 款 rows.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { pageDump } from '../src/ingest/page-dump.js';
import type { Line } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const lines = async (s: string) =>
  (await ingest(enc(s))).blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : [])).map((l: Line) => [l.text, l.loc.page, l.loc.line]);

describe('pageDump', () => {
  it('reads an array of {page, text} in order', () => {
    expect(pageDump(JSON.stringify([{ page: 1, text: '甲\n乙' }, { page: 2, text: '丙' }]))).toEqual(['甲\n乙', '丙']);
  });

  it('reads {pages: [...]} with other key names, and an array of strings', () => {
    expect(pageDump(JSON.stringify({ source: 'x.pdf', pages: [{ page_number: 1, content: '甲' }, { page_number: 2, content: '乙' }] }))).toEqual(['甲', '乙']);
    expect(pageDump(' \n' + JSON.stringify(['甲', '乙', '丙']))).toEqual(['甲', '乙', '丙']);
  });

  it('reads the pages\' texts as strings under a key that names them (session 18: GovBudgetChecker fixtures)', () => {
    expect(pageDump(JSON.stringify({ source_pdf_sha256: 'x', page_count: 2, page_texts: ['甲', '乙'], page_tables: [[], [[['a', 'b']]]] }))).toEqual(['甲', '乙']);
    expect(pageDump(JSON.stringify({ doc: { pages: ['甲', '乙'] } }))).toEqual(['甲', '乙']);
    // (strings under another key are no pages)
    expect(pageDump(JSON.stringify({ names: ['甲', '乙'] }))).toBeNull();
  });

  it('keeps the dump numbering: a skipped page is an empty page; 0-based numbers count from 0', () => {
    expect(pageDump(JSON.stringify([{ page: 1, text: 'a' }, { page: 3, text: 'c' }]))).toEqual(['a', '', 'c']);
    expect(pageDump(JSON.stringify([{ page: 0, text: 'a' }, { page: 1, text: 'b' }]))).toEqual(['a', 'b']);
    // Numbers out of order are not page numbers: the pages go in the dump's order.
    expect(pageDump(JSON.stringify([{ page: 2, text: 'b' }, { page: 1, text: 'a' }]))).toEqual(['b', 'a']);
  });

  it('is null for text and for JSON that is not a page dump', () => {
    expect(pageDump('某单位2023年度部门决算\n收入合计93.93万元。')).toBeNull();
    expect(pageDump('[甲] 不是 JSON')).toBeNull();
    expect(pageDump('{"name": "某单位", "year": 2023}')).toBeNull();
    expect(pageDump('[1, 2, 3]')).toBeNull();
    expect(pageDump('[{"page": 1, "text": 5}]')).toBeNull();
    expect(pageDump('[{"page": 1, "text": "甲"}, 7]')).toBeNull();
    expect(pageDump('[]')).toBeNull();
  });
});

describe('ingest of a JSON page dump', () => {
  it('gives the text backend pages, lines counted within each page (a skipped page number kept)', async () => {
    const dump = JSON.stringify([{ page: 1, text: '某单位2026年单位预算\n第一部分 概况' }, { page: 3, text: '收入合计93.93万元。' }]);
    expect(await lines(dump)).toEqual([
      ['某单位2026年单位预算', 1, 1],
      ['第一部分概况', 1, 2],
      ['收入合计93.93万元。', 3, 1],
    ]);
    expect((await ingest(enc(dump))).source.pages).toBe(3);
  });

  // An unknown shape read as text gave lines of keys and escaped newlines ("text": "收入合计…\n…") and
  // figures from them, silently: it is refused with one line saying what the file holds.
  it('refuses JSON that holds no page records, naming its shape (UNSUPPORTED_FORMAT)', async () => {
    await expect(ingest(enc('{"name": "某单位",\n "year": 2023}'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_FORMAT',
      message: 'a JSON file with no page records (an object with keys name, year): a page-text dump is read as an array of pages, each a string or {"page": 1, "text": "…"}',
    });
    await expect(ingest(enc('{"doc": {"blocks": [{"bbox": [1, 2], "spans": [{"t": "收入合计93.93万元"}]}]}}'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('(an object with keys doc)') });
    await expect(ingest(enc('[]'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('(an empty array)') });
    await expect(ingest(enc('{"a": 1}\n{"b": 2}\n'))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT', message: expect.stringContaining('(an array of 2 items that are not pages)') });
    // Text that only looks like JSON at its start is text.
    expect(await lines('[甲] 不是 JSON')).toEqual([['[甲]不是JSON', 1, 1]]);
  });

  // Written after a real dump's pages (石泉路街道 2026 单位预算), figures changed. The 基本支出 table keeps
  // wide gaps (the document counts as fixed width); the other tables print one space between cells.
  const pages = [
    '某街道办事处2026年单位预算\n第一部分 单位概况\n本单位2026年收入预算合计7,700,000元。',
    [
      '2026年预算单位支出预算总表',
      '编制单位：某街道办事处 单位：元',
      '项目 支出预算',
      '功能分类科目编码',
      '功能分类科目名称 合计 基本支出 项目支出',
      '类款项',
      '212 城乡社区支出 7,700,000 4,000,000 3,700,000 ',
      '21201 城乡社区管理事务 4,000,000 4,000,000 ',
      '2120101行政运行 4,000,000 4,000,000 ',
      '21208 国有土地使用权出让收入安排的支出 3,700,000 3,700,000 ',
      '2120803城市建设支出 3,700,000 3,700,000 ',
      '合计 7,700,000 4,000,000 3,700,000 ',
    ].join('\n'),
    [
      '2026年预算单位政府性基金预算支出功能分类预算表',
      '编制单位：某街道办事处 单位：元',
      '项目 政府性基金预算支出',
      '功能分类科目编码',
      '功能分类科目名称 合计 基本支出 项目支出',
      '类款项',
      '212 城乡社区支出 3,700,000 3,700,000 ',
      '21208 国有土地使用权出让收入安排的支出 3,700,000 3,700,000 ',
      '2120803城市建设支出 3,700,000 3,700,000 ',
      '合计 3,700,000 3,700,000 ',
    ].join('\n'),
    [
      '2026年预算单位财政拨款收支预算总表',
      '编制单位：某街道办事处 单位：元',
      '财政拨款收入 财政拨款支出',
      '项目 预算数 项目 合计 一般公共预算政府性基金预算国有资本经营预算',
      // (a stray run of spaces on one line does not make the table fixed width)
      '一、一般公共预算 4,000,000  一、一般公共服务支出 1,000,000 1,000,000 ',
      '二、政府性基金预算 3,700,000 二、公共安全支出 500,000 500,000 ',
      '三、国有资本经营预算 三、教育支出 300,000 300,000 ',
      '四、城乡社区支出 5,900,000 2,200,000 3,700,000 ',
      '收入总计 7,700,000 支出总计 7,700,000 4,000,000 3,700,000 ',
    ].join('\n'),
    [
      '2026年预算单位一般公共预算基本支出部门预算经济分类预算表',
      '编制单位：某街道办事处 单位：元',
      '项目 一般公共预算基本支出',
      '部门经济分类科目名称 合计 人员经费 公用经费',
      '301 工资福利支出     3,600,000     3,600,000 ',
      '301 01基本工资     2,100,000     2,100,000 ',
      '301 02津贴补贴     1,500,000     1,500,000 ',
      '302 商品和服务支出       400,000       400,000 ',
      '302 01办公费       400,000       400,000 ',
      '合计     4,000,000     3,600,000       400,000 ',
    ].join('\n'),
  ];
  const run = async () => check(extract(segment(await ingest(enc(JSON.stringify(pages.map((text, i) => ({ page: i + 1, text }))))))));

  it('places a single-spaced table by its tree: 212 = Σ its 款 in 项目支出, the 合计 = Σ 类', async () => {
    const doc = await run();
    const fund = doc.tables.find((t) => t.kind === '预算08政府性基金表')!;
    expect(fund.header).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
    expect(fund.rows).toEqual([
      ['212', '城乡社区支出', '3,700,000', '', '3,700,000'],
      ['21208', '国有土地使用权出让收入安排的支出', '3,700,000', '', '3,700,000'],
      ['2120803', '城市建设支出', '3,700,000', '', '3,700,000'],
      ['', '合计', '3,700,000', '', '3,700,000'],
    ]);
  });

  it('keeps the halves apart where a left line has no figure (三、国有资本经营预算 三、教育支出)', async () => {
    const doc = await run();
    const t = doc.tables.find((x) => x.kind === '预算04财政拨款收支总表')!;
    expect(t.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['一、一般公共预算', '4,000,000', '一、一般公共服务支出', '1,000,000'],
      ['二、政府性基金预算', '3,700,000', '二、公共安全支出', '500,000'],
      ['三、国有资本经营预算', '', '三、教育支出', '300,000'],
      ['', '', '四、城乡社区支出', '5,900,000'],
      ['收入总计', '7,700,000', '支出总计', '7,700,000'],
    ]);
  });

  it('gives no SUM_MISMATCH: every sum holds', async () => {
    const doc = await run();
    expect(doc.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
});
