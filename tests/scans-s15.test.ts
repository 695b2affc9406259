// Session 15, scans: a figure whose point the OCR read as a colon (213:28) stood as a row label after its
// row's other figures, and the row reader dropped those as garbled: a scan of an unseen 预算's 三公 table
// (867.50 839.00 28.50 … 213.28) read as an empty table and got a false EMPTY_TABLE_UNEXPLAINED. The doubted
// figure now takes its cell, kept as read and doubted (no figure from it); the row's other figures stand.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { cleanGlyphs } from '../src/ingest/ocr/clean.js';
import { extract } from '../src/extract/index.js';
import { segment } from '../src/segment/index.js';
import type { IngestedDocument } from '../src/model.js';
import { scannedDoc } from './ocr-fixtures.js';
import { docFrom } from './check-helpers.js';

/** The cells of the table's last row that the OCR reader left in doubt. */
function doubtedCells(doubted: string[]): string[] {
  const blocks = scanned('867.50  839.00  28.50  213:28', doubted).blocks;
  const table = blocks.find((b) => b.kind === 'table')!;
  if (table.kind !== 'table') return [];
  return table.table.rows[table.table.rows.length - 1]!.filter((c) => c.uncertain === 'ocr').map((c) => c.text);
}

/** A scanned 预算 whose page 2 is the 三公 table as OCR lines, through the OCR row reader. */
function scanned(figures: string, doubted: string[]): IngestedDocument {
  const rows = [
    '2025年部门“三公”经费和机关运行经费预算表',
    '编制部门：某某局  单位：万元',
    '“三公”经费预算数  机关运行经费预算数',
    '合计  因公出国（境）费  公务接待费  公务用车购置及运行费',
    '小计  购置费  运行费',
    figures,
  ];
  return scannedDoc('某某局2025年部门预算', rows, doubted);
}

describe('a figure whose point the OCR read as a colon, after its row’s other figures', () => {
  const doc = check(extract(segment(scanned('867.50  839.00  28.50  213:28', ['213:28']))));
  const table = doc.tables.find((t) => t.kind === '预算07三公经费表')!;

  it('keeps the row’s other figures, and the doubted one as read, in doubt', () => {
    expect(table.rows[table.rows.length - 1]!.filter(Boolean)).toEqual(['867.50', '839.00', '28.50', '213:28']);
    expect(doubtedCells(['213:28'])).toEqual(['213:28']);
    expect(doc.facts.filter((f) => f.about?.tableId === table.id).map((f) => [f.metric, f.text])).toEqual([
      ['three_public_total', '867.50'],
      ['overseas_travel', '839.00'],
      ['official_reception', '28.50'],
    ]);
  });

  it('is no empty table', () => {
    expect(doc.flags.filter((f) => f.code === 'EMPTY_TABLE_UNEXPLAINED')).toEqual([]);
  });

  it('reads a colon the engine did not doubt as no figure either', () => {
    const quiet = check(extract(segment(scanned('867.50  839.00  28.50  213:28', []))));
    const t = quiet.tables.find((x) => x.kind === '预算07三公经费表')!;
    expect(doubtedCells([])).toEqual(['213:28']);
    expect(quiet.facts.some((f) => f.about?.tableId === t.id && f.text.includes('213'))).toBe(false);
  });
});

// A 1-bit scan of an unseen 江苏 预算 (session 15): two OCR slips made prose of what was not. A list item's
// marker read with a full stop (4。法院（款）… for 4．) after a line whose own full stop was lost: the item ran
// into the paragraph before and its marker read as a figure without a unit (…安排减少4。 — a false
// MALFORMED_VALUE error). A 收支总表 row whose ordinals the OCR lost or read as a comma (、一般公共预算,
// ，、基木支出) looked like a clause: its figures read as amounts without their unit (three false errors).
describe('OCR slips that made prose of a list marker and of a table row', () => {
  const clean = (s: string) =>
    cleanGlyphs([...s].map((ch, i) => ({ ch, confidence: 0.99, x: (i + 0.5) * 10 })))
      .map((x) => x.ch)
      .join('');

  it('reads a line-opening 4。 before a Chinese character as the list marker 4．', () => {
    expect(clean('4。法院（款）案件审判（项）支出1599.11万元，与上年相')).toBe('4．法院（款）案件审判（项）支出1599.11万元，与上年相');
    expect(clean('12。主要原因是')).toBe('12．主要原因是');
    // (a year, a number not opening the line, a decimal: not list markers)
    expect(clean('2023。本年')).toBe('2023。本年');
    expect(clean('比上年减少4。主要原因')).toBe('比上年减少4。主要原因');
    expect(clean('4。25万元')).toBe('4.25万元');
  });

  const malformed = (lines: string[]) => {
    const doc = docFrom(lines, [], {});
    doc.document.kind = null;
    return check(doc).flags.filter((f) => f.code === 'MALFORMED_VALUE').map((f) => f.found);
  };

  it('reads a row whose ordinals the OCR lost or misread as a table row', () => {
    expect(malformed(['财政拨款收支预算总表', '单位：万元', '、一般公共预算  37,188.34  ，、基木支出  21,968.00', '二、政府性基金预算  二、项目支出  10,208.94', '三、单位预留机动经费  5,011.40'])).toEqual([]);
    // (the same figure in a clause is still flagged)
    expect(malformed(['一般公共预算财政拨款支出为37,188.34，比上年增加。'])).toEqual(['37,188.34']);
  });
});

// A 150-dpi scan of an unseen university 预算 (session 15): a 类's 合计 the OCR doubted (住房保障支出 7,243:45) gave
// no fact, and the table's 合计 = Σ 类 took it as 0: a false SUM_MISMATCH error. Its sum gets no verdict now, as a
// parent's children already did (session 14); a 类 that does not fit is still flagged.
describe('the table’s 合计 against its 类, one of them doubted by the OCR', () => {
  const table = (housing: string, doubted: string[], total = '216,552.53  186,524.30') => {
    const rows = [
      '财政拨款支出预算表',
      '单位：万元',
      '科目编码  科目名称  合计  基本支出  项目支出',
      '205  教育支出  207,796.18  178,467.95  29,328.23',
      '20502  普通教育  207,796.18  178,467.95  29,328.23',
      '206  科学技术支出  1,512.90  812.90  700.00',
      '20602  基础研究  1,512.90  812.90  700.00',
      `221  住房保障支出  ${housing}  7,243.45`,
      '22102  住房改革支出  7,243.45  7,243.45',
      `合计  ${total}  30,028.23`,
    ];
    const doc = scannedDoc('某某大学2021年部门预算', rows, doubted);
    return check(extract(segment(doc)))
      .flags.filter((f) => f.code === 'SUM_MISMATCH')
      .map((f) => [f.severity, f.expected, f.found, ...(f.message.includes('个类级科目之和') ? [true] : [])]);
  };

  it('gives no verdict where a 类’s figure is doubted', () => {
    expect(table('7,243:45', ['7,243:45'])).toEqual([]);
  });

  it('still flags a 合计 that does not fit its 类, and a 类 that does not fit its 款', () => {
    expect(table('7,243.45', [], '216,652.53  186,624.30')).toEqual([['error', '216552.53', '216652.53', true]]);
    expect(table('7,043.45', [])).toEqual([['error', '7243.45', '7043.45']]);
  });
});

// A 1-bit scan of an unseen 预算 (session 15): the OCR lost a row's 款 piece (221 _ 01 住房公积金, the 01 standing
// in the 项 column), the row read as 款 22101, and two false SUM_MISMATCH errors followed (221 = 22101 + 22102,
// 22102 = 2210203 alone). A 类 and one piece standing in the 项 column make no code: the row is uncoded and
// its figures' columns in doubt, and its 款's sum is judged with it as a loose row of the block.
describe('a code whose 款 piece the OCR lost', () => {
  const sums = (row: string) =>
    check(
      extract(
        segment(
          scannedDoc('某某局2025年部门预算', [
            '支出预算总表',
            '单位：元',
            '类  款  项  功能分类科目名称  合计  基本支出  项目支出',
            '210          卫生健康支出  782,164.00  782,164.00',
            '210  11      行政事业单位医疗  782,164.00  782,164.00',
            '210  11  01  行政单位医疗  782,164.00  782,164.00',
            '221          住房保障支出  4,736,957.00  4,736,957.00',
            '221  02      住房改革支出  4,736,957.00  4,736,957.00',
            row,
            '221  02  03  购房补贴  2,687,760.00  2,687,760.00',
            '合计  5,519,121.00  5,519,121.00',
          ]),
        ),
      ),
    )
      .flags.filter((f) => f.code === 'SUM_MISMATCH')
      .map((f) => [f.severity, f.expected, f.found]);

  it('reads no 款 22101 into it, and gives no false sum error', () => {
    expect(sums('221      01  住房公积金  2,049,197.00  2,049,197.00')).toEqual([]);
  });

  it('still flags the 款 where the row is printed in full and does not fit', () => {
    expect(sums('221  02  01  住房公积金  2,049,297.00  2,049,297.00')).toEqual([['error', '4737057.00', '4736957.00']]);
  });
});
