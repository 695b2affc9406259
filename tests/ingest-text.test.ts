import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { normalize, rawSpan } from '../src/ingest/normalize.js';
import type { Line, SourceTable } from '../src/model.js';
import { SEED_TXT } from './paths.js';

const enc = (s: string) => new TextEncoder().encode(s);
const lines = async (bytes: Uint8Array) =>
  (await ingest(bytes)).blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : [])) as Line[];

describe('normalize', () => {
  it('folds full-width digits and ％, drops layout spaces, and maps back to the raw text', () => {
    const raw = '2023 年度收入\u3000９３．９３　万元，占９０％';
    const { text, map } = normalize(raw);
    expect(text).toBe('2023年度收入93.93万元，占90%');
    const at = text.indexOf('93.93');
    expect(rawSpan({ raw, map }, at, at + 5).text).toBe('９３．９３');
    expect(rawSpan({ raw, map }, at, at + 7).text).toBe('９３．９３　万元');
  });

  it('keeps one space between Latin words and a full-width comma in prose', () => {
    expect(normalize('PP OCR  v4，好').text).toBe('PP OCR v4，好');
    expect(normalize('２，９４０．０５万元').text).toBe('2,940.05万元');
  });

  it('turns a blank amount into a unit right after its verb (the blank stays visible in raw)', () => {
    expect(normalize('支出决算为    万元').text).toBe('支出决算为万元');
  });
});

describe('ingest text', () => {
  const body = '某单位2023年度部门决算\n第一部分 概况\n收入合计93.93万元。\n';

  it('reads UTF-8 with and without BOM, UTF-16 with BOM and GB18030 alike', async () => {
    const gb = new Uint8Array(Buffer.from('c4b3b5a5cebb32303233c4eab6c8b2bfc3c5bef6cbe30a', 'hex')); // 某单位2023年度部门决算 in GBK
    expect((await lines(gb))[0]!.text).toBe('某单位2023年度部门决算');
    const want = ['某单位2023年度部门决算', '第一部分概况', '收入合计93.93万元。'];
    expect((await lines(enc(body))).map((l) => l.text)).toEqual(want);
    expect((await lines(enc('\ufeff' + body))).map((l) => l.text)).toEqual(want);
    const u16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body, 'utf16le')]);
    expect((await lines(new Uint8Array(u16))).map((l) => l.text)).toEqual(want);
  });

  it('starts a new page at each form feed, lines counted within the page', async () => {
    const ls = await lines(enc('甲\n乙\f丙\n\n丁'));
    expect(ls.map((l) => [l.text, l.loc.page, l.loc.line])).toEqual([
      ['甲', 1, 1],
      ['乙', 1, 2],
      ['丙', 2, 1],
      ['丁', 2, 3],
    ]);
  });

  it('drops page numbers at page edges (─ 7 ─, - 8 -, 第9页), so a clause broken by a footer reads whole', async () => {
    const text = ['正文一', '与上年相比增加（减少）', '                 ─ 7 ─', '\f0万元，增长（减少）0%。', '正文二', ' - 8 -', '\f第9页', '正文三', '末行'].join('\n');
    expect((await lines(enc(text))).map((l) => [l.text, l.loc.page, l.loc.line])).toEqual([
      ['正文一', 1, 1],
      ['与上年相比增加（减少）', 1, 2],
      ['0万元，增长（减少）0%。', 2, 1],
      ['正文二', 2, 2],
      ['正文三', 3, 2],
      ['末行', 3, 3],
    ]);
  });

  it('drops a bare page number only where it keeps step with the pages, and never one inside a page', async () => {
    // 12 / 13 / 14 at the foot of pages 1–3 keep step (n − page = 11): page numbers. The 7 inside page 2
    // and the 5 ending page 4 (out of step: a figure) stay.
    const pages = ['正文一\n12', '甲\n7\n乙\n13', '丙\n14', '项目数\n5'];
    expect((await lines(enc(pages.join('\f')))).map((l) => l.text)).toEqual(['正文一', '甲', '7', '乙', '丙', '项目数', '5']);
    // Without a second number in step, a lone bare number at a page foot is kept.
    expect((await lines(enc('正文一\n12\f正文二\n人数\n30'))).map((l) => l.text)).toEqual(['正文一', '12', '正文二', '人数', '30']);
  });

  it('turns TAB-cell blocks into tables, rows split on blank lines, wrapped cells joined', async () => {
    const doc = await ingest(SEED_TXT);
    const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])) as SourceTable[];
    expect(tables.map((t) => [t.id, t.loc.line, t.rows.length])).toEqual([
      ['t1', 288, 44],
      ['t2', 544, 23],
    ]);
    const first = tables[0]!;
    expect(first.loc).toEqual({ page: 1, line: 288, table: 't1' });
    expect(first.rows[0]!.map((c) => c.text)).toEqual(['2023年度部门整体绩效目标表']);
    expect(first.rows[1]!.map((c) => c.text)).toEqual(['单位名称', '鄂城区总工会']);
    expect(first.rows[2]!.map((c) => c.text)).toEqual(['基本支出总额', '89.65', '项目支出总额', '15.87']);
    // "经济效益\n指标" is one cell wrapped onto a second line
    const wrapped = tables[1]!.rows.find((r) => r.some((c) => c.text === '经济效益指标'));
    expect(wrapped?.map((c) => c.text)).toEqual(['', '效益指标', '经济效益指标', '职工社会影响力', '98%', '98%']);
    expect(tables[1]!.rows.slice(-2).map((r) => r.map((c) => c.text))).toEqual([
      ['偏差大或目标未完成原因分析', ''],
      ['改进措施及结果应用方案', ''],
    ]);
    expect(first.rows[2]![1]!.loc).toEqual({ page: 1, line: 294, table: 't1', row: 2, col: 1 });
  });
});
