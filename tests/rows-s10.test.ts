// Rows engineer, session 10: page-text tables (pdftotext -layout) whose header band and template list both
// name the columns (R13: the band's words name a column where it reads them; the list is the fallback).
// Small synthetic pages (names and figures made up).
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => extract(segment(await ingest(enc(text), { ocr: 'off' })));

const row = (code: string, name: string, ...figs: [string, number][]) => at([code, 0, '<'], [name, 9, '<'], ...figs.map(([f, c]): [string, number, '>'] => [f, c, '>']));
// 高等学校收入决算表 whose band prints every name of the template's list and one of its own (其中：教育收费,
// a part of 事业收入) over a column of figures.
const income = (feeCol = 84) =>
  [
    '某某学院2023年度决算',
    '                    高等学校收入决算表',
    '                                                        单位：万元',
    at(['科目编码 科目名称', 0, '<'], ['本年收入合计', 44, '>'], ['财政拨款收入', 58, '>'], ['上级补助收入', 72, '>'], ['事业收入', 84, '>'], ['其中：教育收费', 100, '>'], ['经营收入', 112, '>'], ['附属单位上缴收入', 130, '>'], ['其他收入', 142, '>']),
    row('', '合计', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
    row('205', '教育支出', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
    row('2050205', '高等教育', ['9,000.00', 44], ['5,000.00', 58], ['3,600.00', 84], ['2,100.00', feeCol === 84 ? 100 : feeCol], ['400.00', 142]),
  ].join('\n');

describe('pdftotext -layout: the header band names the columns where it reads them (R13)', () => {
  it('names a column the template list lacks by the band’s own words, the figure under it not given to a list column', async () => {
    const t = (await run(income())).tables.find((x) => x.kind === '高校决算表2收入表')!;
    expect(t.header).toEqual(['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '事业收入', '其中：教育收费', '其他收入']);
    expect(t.rows.find((r) => r[0] === '2050205')).toEqual(['2050205', '高等教育', '9,000.00', '5,000.00', '3,600.00', '2,100.00', '400.00']);
  });
});
