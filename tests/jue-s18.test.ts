// Session 18 (jue): a screen of unseen 决算 texts of other provinces. Synthetic fixtures reproducing the layouts.
// 1. 广东省财政厅 2023 三公 说明: the total's change is stated against last year and again against 2019 (疫情前), then the
//    items' changes against last year. The 2019 change is no total of the items: no DIRECTION_CONFLICT on it.
// 2. A title that is one section's page (…一般公共预算财政拨款“三公”经费支出决算情况说明): the unit is the name before it.
import { describe, expect, it } from 'vitest';
import { readMeta } from '../src/segment/meta.js';
import { makeLine } from '../src/ingest/normalize.js';
import { brief, runLines } from './check-helpers.js';

const TITLE = '2023年某省某某厅一般公共预算财政拨款“三公”经费支出决算情况说明';
const body = (base: string) => [
  TITLE,
  '(一)“三公”经费财政拨款支出决算总体情况说明',
  `某省某某厅2023年度“三公”经费财政拨款支出决算为62.07万元,完成全年预算84.82万元的73.2%,比上年决算数增加38.97万元,增长168.7%;${base}决算数减少24.87万元,降低28.6%。其中:因公出国(境)费支出决算为12.02万元,完成预算12.02万元的100%,比上年决算数增加12.02万元,增长--(基数为0,不可比);公务用车购置及运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%;其中:公务用车购置支出决算为0万元,完成预算0万元的--%(基数为0,不可比),比上年决算数增加0万元,增长--(基数为0,不可比);公务用车运行维护费支出决算为27.46万元,完成预算29.6万元的92.8%,比上年决算数增加6.32万元,增长29.9%;公务接待费支出决算为22.59万元,完成预算43.2万元的52.3%,比上年决算数增加20.63万元,增长1,055.4%。`,
];

describe('a change against an older base year beside the year-on-year changes (广东省财政厅 2023 三公 layout)', () => {
  it('leaves the 2019 comparison out of the breakdown of the year-on-year change', async () => {
    const d = await runLines(body('比2019年(疫情前)'));
    expect(brief(d.flags, ['DIRECTION_CONFLICT', 'SUM_MISMATCH'])).toEqual([]);
  });
  it('reads a change against the year before (比2022年) as before', async () => {
    const d = await runLines(body('比2022年'));
    expect(brief(d.flags, ['DIRECTION_CONFLICT', 'SUM_MISMATCH'])).toEqual(['3 DIRECTION_CONFLICT']);
  });
});

describe('the unit of a title that is one section’s page', () => {
  const meta = (t: string) => readMeta([makeLine(t, { page: 1, line: 1 })]);
  it('strips the 三公 section words after the unit', () => {
    expect(meta(TITLE)).toEqual({ title: TITLE, unit: '某省某某厅', year: 2023, kind: '决算' });
  });
  it('keeps an ordinary title’s unit', () => {
    expect(meta('某市某某局2024年度部门决算').unit).toBe('某市某某局');
  });
});
