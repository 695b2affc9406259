// Rates and comparison claims (issue 11 rules 1 and 3, session 9): small synthetic documents in the wording of real
// 决算/预算 explanations, run through the whole pipeline; the figure flags are pinned exactly. Figures and names are
// made up; each case fails without its rule.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { CheckedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const run = async (lines: string[]): Promise<CheckedDocument> => check(extract(segment(await ingest(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' }))));
const FIG = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT', 'UNIT_SUSPECT']);
const show = (d: CheckedDocument) => d.flags.filter((f) => FIG.has(f.code)).map((f) => [f.code, f.severity, f.loc?.line ?? f.loc?.paragraph, f.expected, f.found]);

const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明'];
const YS = ['某市某某局2026年部门预算', '第二部分 2026年部门预算编制说明'];

describe('a 预算 total compared with last year’s budget printed in brackets, its fund parts listed after', () => {
  // 收入 860 (+60 over 800): 其中 财政拨款收入 860 (+60) is the total restated; its parts 一般公共 +45 and 政府性基金 +15
  // add up to +60. The bracketed 800.00 is the comparison's base, not the total's level.
  const doc = (gf: string) => [
    ...YS,
    `  2026年，本部门收入预算860.00万元，比2025年预算（800.00万元）增加60.00万元，增长7.50%。其中：财政拨款收入860.00万元，比2025年预算增加60.00万元，增长7.50%。`,
    `  财政拨款收入预算860.00万元，其中：一般公共预算拨款收入830.00万元，比上年增加45.00万元，增长5.73%；政府性基金预算拨款收入30.00万元，比上年${gf}15.00万元。`,
    `  支出预算860.00万元，其中：基本支出520.00万元，比2025年预算498.00万元增加22.00万元，增长4.42%；项目支出340.00万元，比2025年预算302.00万元增加38.00万元，增长12.58%。`,
  ];
  it('is silent where every change adds up', async () => {
    expect(show(await run(doc('增加')))).toEqual([]);
  });
  it('still flags the one part whose word breaks the sum', async () => {
    expect(show(await run(doc('减少')))).toEqual([['DIRECTION_CONFLICT', 'error', 4, '增加15.00万元', '减少15.00万元']]);
  });
});

describe('收、支总计均为X … 收、支总计各减少Y，下降r% (the rate over the level stated before, the 均/各 of both sides)', () => {
  // 1,846.22 + 37.18 = 1,883.40: 37.18 ÷ 1,883.40 = 1.97%.
  const doc = (rate: string) => [
    ...JS,
    '  一、收入支出决算总体情况说明',
    `  2023年度收、支总计均为1,846.22万元。与上年相比，收、支总计各减少37.18万元，下降${rate}%。主要原因是人员退休。`,
  ];
  it('flags a rate off by one unit of its last digit', async () => {
    expect(show(await run(doc('1.99')))).toEqual([['PERCENT_MISMATCH', 'error', 4, '1.97%', '1.99%']]);
  });
  it('is silent on the right rate', async () => {
    expect(show(await run(doc('1.97')))).toEqual([]);
  });
});
