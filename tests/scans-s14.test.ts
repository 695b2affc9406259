// Session 14, scans: a figure the OCR could not read (55.34 read as 55:34) that the row reader ran into its
// row's label leaves that row's value cell blank. The blank is where the figure stands, not a zero: the
// 收支总表's 总计 = 本年支出合计 + 年末结转和结余 gives no verdict on it (a scan of an unseen 决算 got a false
// SUM_MISMATCH error there), and the same table with a figure that does not fit is still flagged.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import { segment } from '../src/segment/index.js';
import { tableDefForTitle } from '../src/table-titles.js';
import type { IngestedDocument } from '../src/model.js';
import { ocrLine, scannedDoc } from './ocr-fixtures.js';


/** A scanned two-page 决算: the title page as text, the 收支总表 as OCR lines through the OCR row reader. */
function scanned(carryOver: string, doubted: string[]): IngestedDocument {
  const rows = [
    '收入支出决算总表',
    '单位：万元',
    '收入  支出',
    '项目  决算数  项目  决算数',
    '一、一般公共预算财政拨款收入  2,995.39  一、一般公共服务支出  2,940.05',
    '本年收入合计  2,995.39  本年支出合计  2,940.05',
    `年初结转和结余  0.00  年末结转和结余${carryOver}`,
    '总计  2,995.39  总计  2,995.39',
  ];
  return scannedDoc('某某局2024年度部门决算', rows, doubted);
}

const sums = (doc: IngestedDocument) => check(extract(segment(doc))).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.severity, f.expected, f.found]);

describe('a figure the OCR doubted, run into its row label', () => {
  it('leaves the row’s blank cell unknown: no sum verdict with it', () => {
    expect(sums(scanned('55:34', ['55:34']))).toEqual([]);
  });

  it('still flags the 总计 where the row prints a figure that does not fit', () => {
    expect(sums(scanned('  50.34', []))).toEqual([['error', '2990.39', '2995.39']]);
  });
});

// A share whose own amount the OCR doubted (279,818.00 in a 1-bit scan of an unseen university 决算) was paired with
// the figure before it, 本年收入合计 477,447.73 ÷ itself = 100% against the printed 58.61%: a false PERCENT_MISMATCH
// error. A paragraph with a doubted figure has an unknown member, as one with a figure that cannot be read.
describe('a share whose amount the OCR doubted', () => {
  const doc = (doubted: string[], share = '58.61'): IngestedDocument => {
    const lines = [
      makeLine('某某大学2024年度部门决算', { page: 1, line: 1 }),
      ...[
        '（二）高等学校收入决算表说明',
        '学校2024年度收入总计477,447.73万元，其中：财政',
        `拨款收入279,818.00万元，占总收入的${share}%；事业收入`,
        '144,017.87万元，占总收入的30.16%；其他收入53,611.86',
        '万元，占总收入的11.23%。',
      ].map((raw, i) => ocrLine(raw, 15 + i, doubted.filter((d) => raw.includes(d)))),
    ];
    return { source: { path: 'scan.pdf', sha256: '0', format: 'pdf', pages: 2, ocrPages: [2] }, blocks: lines.map((line) => ({ kind: 'line', line })), flags: [] };
  };
  const shares = (d: IngestedDocument) => check(extract(segment(d))).flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.severity, f.expected, f.found]);

  it('gives the share no verdict', () => {
    expect(shares(doc(['279,818.00']))).toEqual([]);
  });

  it('still checks the shares of a paragraph the OCR read surely', () => {
    expect(shares(doc([], '56.81'))).toEqual([['error', '58.61%', '56.81%']]);
  });
});

// The same doubt on a 科目 row (2040505 案件执行775:00 in a 1-bit scan of an unseen 预算: the row gave no figure, and its
// code no child): its parent's sum is not whole, so 法院 = Σ its 项 gives no verdict.
describe('a 科目 row whose figure the OCR doubted', () => {
  const doc = (row: string, doubted: string[]): IngestedDocument => {
    const rows = [
      '一般公共预算支出预算表',
      '单位：万元',
      '科目编码  科目名称  金额',
      '合计  2,800.00',
      '204  公共安全支出  2,800.00',
      '20405  法院  2,800.00',
      '2040501  行政运行  1,700.00',
      '2040502  一般行政管理事务  325.00',
      row,
      '其他法院支出说明。',
    ];
    return scannedDoc('某某法院2019年度部门预算', rows, doubted);
  };

  it('gives its parent’s sum no verdict', () => {
    expect(sums(doc('2040505  案件执行775:00', ['775:00']))).toEqual([]);
  });

  it('still flags the parent where the row is read surely and does not fit', () => {
    expect(sums(doc('2040505  案件执行  705.00', []))).toEqual([['error', '2730.00', '2800.00']]);
  });
});

// A table title the OCR misread by one lookalike character (收人预算总表 in a 1-bit scan of an unseen 江苏 预算): the table
// was not found and the report got a false MISSING_TABLE error. 人 is no title character, so it stood as well for 收支
// (预算01) as for 收入 (预算02); patterns/tables.yaml `ocrLookalikes` makes 入 the nearer reading.
describe('a table title with an OCR lookalike character', () => {
  it('names the table of the lookalike, not every table one character away', () => {
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('收人预算总表')?.kind).toBe('预算02收入总表');
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('收支预算总表')?.kind).toBe('预算01收支总表');
    expect(tableDefForTitle('收甲预算总表')).toBeNull();
  });
  // (a contained phrase matched before the near-title reading: 支出决算总表 is in 收人支出决算总表, and the
  // notAfter word 收入 that makes it 公开01 has to be read with the lookalike too)
  it('reads a notAfter word with its lookalike: 收人支出决算总表 is 公开01, not 公开03', () => {
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('收人支出决算总表')?.kind).toBe('公开01表');
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('一、收人支出决算总表')?.kind).toBe('公开01表');
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('支出决算总表')?.kind).toBe('公开03表');
  });
});
