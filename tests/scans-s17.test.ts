// Session 17, scans: a screen of 12 real scanned 2026 预算 files (no text layer). Eleven are no report at all
// (notices, a 政府网站工作年度报表, a 政务公开年报, a flow chart, a 条例 draft) and are refused as NOT_A_REPORT;
// the one report (a 北京 部门预算情况说明, 8 pages) gave no error and every figure read right, but one: the OCR
// read the 0 of `本年其他资金收入0万元` as the Chinese zero 〇. A figure holding 〇 where a digit goes is no
// figure (missing, never a wrong value) and no text rule takes it for an empty slot or a malformed number.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { segment } from '../src/segment/index.js';
import { scannedDoc } from './ocr-fixtures.js';

describe('the Chinese zero 〇 read for the digit 0 on a scan', () => {
  const rows = [
    '二、收入预算情况说明',
    '2026年度收入预算101.50万元，比2025年增加1〇.00万元，增长10.9%。',
    '（二）本年其他资金收入〇万元',
    '本年事业收入为〇万元。',
    '三公经费预算8〇.11万元，比上年减少〇.35万元，下降〇.44%。',
  ];
  const doc = check(extract(segment(scannedDoc('某某局2026年部门预算', rows))));

  it('gives no figure where it stands, and keeps the others', () => {
    expect(doc.facts.map((f) => [f.loc.line, f.text, f.unit, f.metric, f.role])).toEqual([
      [2, '101.50', '万元', 'total_income', 'budget'],
      [2, '10.9', '%', 'total_income', 'change'],
    ]);
  });

  it('is no empty slot, malformed number or rate mismatch', () => {
    expect(doc.flags.filter((f) => f.code !== 'MISSING_TABLE').map((f) => f.code)).toEqual([]);
  });
});
