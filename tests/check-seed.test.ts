// The seed report, read by hand: every real defect with its exact code and line, and the clean traps
// that look like defects but are not. The whole pipeline runs (ingest → segment → extract → check).
import { beforeAll, describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline.js';
import type { CheckedDocument } from '../src/model.js';
import { SEED_TXT, seed } from './paths.js';

/** `line CODE` of every real defect of the seed (page 1: the text file has no form feeds). */
const REAL_DEFECTS = [
  // 第二部分: the nine tables. 公开04 is not there at all; five others are titles with nothing under them.
  '16 MISSING_TABLE', // 财政拨款收入支出决算总表 absent (flag sits on the 第二部分 heading)
  '17 EMPTY_TABLE_UNEXPLAINED', // 收入支出决算总表: title only
  '18 EMPTY_TABLE_UNEXPLAINED', // 收入决算表
  '19 EMPTY_TABLE_UNEXPLAINED', // 支出决算表
  '20 EMPTY_TABLE_UNEXPLAINED', // 一般公共预算财政拨款支出决算表
  '21 EMPTY_TABLE_UNEXPLAINED', // 一般公共预算财政拨款基本支出决算明细表
  '32 PERCENT_MISMATCH', // 93.93 比上年增加19.08 → 25.5%, not 21%
  '33 UNIT_SUSPECT', // 增加26.94元 among 万元 figures
  '38 PERCENT_MISMATCH', // the same change, 上升16%
  '42 PERCENT_MISMATCH', // 支出合计93.93 增加14.14 → 17.7%, not 9%
  '46 PERCENT_MISMATCH', // 财政拨款收入84.25 增加9.72 → 13.0%, not 20%
  '48 PERCENT_MISMATCH', // 财政拨款支出82.16 增加2.68 → 3.4%, not 8%
  '48 SUM_MISMATCH', // 财政拨款支出82.16 < its part 一般公共预算财政拨款支出84.25
  '50 PERCENT_MISMATCH', // 一般公共预算财政拨款收入84.25 增加9.72 → 13%, not 8%
  '56 PERCENT_MISMATCH', // 84.25 占本年支出合计93.93 → 89.7%, not 93%
  '56 PERCENT_MISMATCH', // 增加4.46 → 5.6%, not 8%
  '62 PERCENT_MISMATCH', // 82.16 ÷ 84.25 = 97.5%, not 99%
  '64 PERCENT_MISMATCH', // 2.09 ÷ 84.25 = 2.5%, not 1%
  '68 PERCENT_MISMATCH', // 84.25 ÷ 86.86 = 97.0%, not 98%
  '69 PERCENT_MISMATCH', // 77.88 ÷ 69.9 = 111%, not 100%
  '71 PERCENT_MISMATCH', // 4.28 ÷ 16.96 = 25%, not 100%
  '103 BLANK_VALUE', // 支出决算为    万元
  '110 BLANK_VALUE', // ，     人次
  '115 DIRECTION_CONFLICT', // 减少1089万元，上升15%
  '115 UNIT_SUSPECT', // a decrease of 1089万元 from 77.88万元
  '132 TEMPLATE_TEXT', // （请对部门整体支出绩效评价情况进行综述……）
  '133 TEMPLATE_TEXT', // （表述应与决算内容保持一致）
  '134 PERCENT_MISMATCH', // 4.28 ÷ 6.08 = 70%, not 90%
  '135 TEMPLATE_TEXT', // （请对每个自评项目进行综述……）
  '136 PERCENT_MISMATCH', // the same, 完成预算的90%
  '138 TEMPLATE_TEXT', // 例如：…
  '139 TEMPLATE_TEXT', // 例如：…
  '190 YEAR_MISMATCH', // 一、2022年度鄂城区总工会整体绩效评价报告 in a 2023 report
  '395 MALFORMED_VALUE', // 政府采购执行率 100&
  '543 BLANK_VALUE', // 填报日期：    年  月  日
];

/** Template placeholder rows (……) left in the indicator tables: real, but only worth an info flag. */
const PLACEHOLDER_LINES = [340, 526, 538, 627, 634, 648];

/** Lines that look like defects and are not: no flag of any code may sit on them. */
const CLEAN_TRAPS: [number, string][] = [
  [15, '离退休人数 8名: a space before a number, not a blank'],
  [38, '84.25 is 90% of 93.93, 9.68 is 10%: shares right after rounding'],
  [42, '89.65 is 95%, 4.28 is 5% of 93.93'],
  [78, '76.19 + 3.78 = 79.97 against 79.98: within one unit of the last digit'],
  [87, '0    万元: spaces between a number and its unit'],
  [96, '完成预算的0% with a budget of 0: nothing to compute'],
  [119, '占政府采购支出总额的0% of 0'],
  [123, '100万元以上设备: a threshold, not an amount'],
  [197, '预算15.87万元，执行数为15.87万元，执行率100%'],
  [233, '组建率达到100%, 覆盖率72%: no amounts to check them against'],
  [250, '同比增长37%'],
  [261, '但还存在    基层工会: spaces in prose'],
  [286, '2023年度 in a title: the report year'],
];

let doc: CheckedDocument;
const found = () => doc.flags.map((f) => `${f.loc?.line ?? '-'} ${f.code}`);

beforeAll(async () => {
  doc = await processDocument(SEED_TXT);
});

describe('checks on the seed', () => {
  it('finds every real defect with the right code and line', () => {
    const all = found();
    const missed = REAL_DEFECTS.filter((d, i) => all.filter((f) => f === d).length < REAL_DEFECTS.slice(0, i + 1).filter((e) => e === d).length);
    expect(missed).toEqual([]);
  });

  it('flags nothing else of severity error', () => {
    const errors = doc.flags.filter((f) => f.severity === 'error').map((f) => `${f.loc?.line ?? '-'} ${f.code}`);
    const expectedErrors = REAL_DEFECTS.filter((d) => !d.endsWith('EMPTY_TABLE_UNEXPLAINED'));
    expect(errors.sort()).toEqual([...expectedErrors].sort());
  });

  it('flags the template placeholder rows (……) once each, and nothing else beyond the real defects', () => {
    // The indicator stage may flag the placeholder rows itself; then the check stage does not repeat it.
    const lines = (keys: string[]) => keys.map((k) => Number(k.split(' ')[0]));
    const placeholderFlags = doc.flags.filter((f) => PLACEHOLDER_LINES.includes(f.loc?.line ?? -1));
    expect(placeholderFlags.map((f) => f.loc!.line).sort((a, b) => a - b)).toEqual(PLACEHOLDER_LINES);
    expect(placeholderFlags.every((f) => f.severity !== 'error')).toBe(true);
    const rest = found().filter((k) => !PLACEHOLDER_LINES.includes(lines([k])[0]!));
    expect(rest.sort()).toEqual([...REAL_DEFECTS].sort());
  });

  it.each(CLEAN_TRAPS)('does not flag the clean trap on line %i (%s)', (line) => {
    expect(doc.flags.filter((f) => f.loc?.line === line && !REAL_DEFECTS.includes(`${line} ${f.code}`))).toEqual([]);
  });

  it('gives each flag a verbatim excerpt, a plain-Chinese message and the numbers where a number is involved', () => {
    const byKey = (k: string) => doc.flags.find((f) => `${f.loc?.line} ${f.code}` === k)!;
    expect(byKey('103 BLANK_VALUE').excerpt).toBe('2.公务用车购置及运行费预算为0万元，支出决算为    万元，完成预算的0%；');
    expect(byKey('38 PERCENT_MISMATCH')).toMatchObject({ expected: '25%', found: '16%', severity: 'error' });
    expect(byKey('33 UNIT_SUSPECT')).toMatchObject({ expected: '26.94万元', found: '26.94元' });
    expect(byKey('190 YEAR_MISMATCH')).toMatchObject({ expected: 2023, found: 2022, excerpt: ' 一、2022年度鄂城区总工会整体绩效评价报告'.trim() });
    // (the indicator stage may have flagged the same cell first: then its wording is kept)
    expect(`${byKey('395 MALFORMED_VALUE').excerpt} ${byKey('395 MALFORMED_VALUE').message}`).toContain('100&');
    for (const f of doc.flags) {
      expect(f.message).toMatch(/[\u4e00-\u9fff]/);
      if (f.loc) expect(f.excerpt).toBeTruthy();
    }
  });
});

describe('checks on the Word and PDF renditions of the seed', () => {
  const errorCodes = (d: CheckedDocument) =>
    d.flags
      .filter((f) => f.severity === 'error')
      .map((f) => f.code)
      .sort();

  it.each(['000_37d039dcb8ad6afc.docx', '000_37d039dcb8ad6afc.pdf'])('%s: the same errors, code by code, as the text', async (name) => {
    const other = await processDocument(seed(name));
    expect(errorCodes(other)).toEqual(errorCodes(doc));
    const blank = other.flags.find((f) => f.code === 'BLANK_VALUE' && /支出决算为/.test(f.excerpt ?? ''))!;
    expect(blank.excerpt).toMatch(/支出决算为\s+万元/);
  });
});
