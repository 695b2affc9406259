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

// 3. A 基本支出决算表 in a page-text dump cut at single spaces (pdfplumber), two 经济分类 halves, whose long labels
//    wrap onto lines of their own above and below their row (普陀区生态环境局 2025 决算 as GovBudgetChecker dumps it):
//    `301 08 229.67 302 07 邮电费 3.48` (left label wrapped off the line) and `301 12 其他社会保障缴费 7.17 302 12 0.00`
//    (right label wrapped off). Figures made up. The right half's code opens the right half: no code read as figures.
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';

const dump = (office = '20.00') =>
  JSON.stringify({
    page_count: 2,
    page_texts: [
      '某区某某局\n2025 年度部门决算',
      [
        '一般公共预算财政拨款基本支出决算表',
        '单位：万元',
        '经济分类',
        '科目编码 科目名称 决算数 科目名称 决算数',
        '类 款 类 款',
        `301 工资福利支出 400.00 302 商品和服务支出 ${(Number(office) + 5 + 3 + 2).toFixed(2)}`,
        `301 01 基本工资 250.00 302 01 办公费 ${office}`,
        '机关事业单位基本',
        '301 08 100.00 302 07 邮电费 5.00',
        '养老保险缴费',
        '301 11 公务员医疗补助缴 0.00 302 11 差旅费 3.00',
        '费 因公出国（境）费',
        '301 12 其他社会保障缴费 50.00 302 12 2.00',
        '用',
        '人员经费合计 400.00 公用经费合计 30.00',
        '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
      ].join('\n'),
    ],
  });
const run = async (text: string) => check(extract(segment(await ingest(new TextEncoder().encode(text), { ocr: 'off' }))));

describe('a single-spaced two-halves 基本支出决算表 whose labels wrap off their row (page-text dump)', () => {
  it('reads the right half’s code pieces after the left figure as the right half', async () => {
    const d = await run(dump());
    const t = d.tables.find((x) => x.kind === '公开06表')!;
    expect(t.rows.find((r) => r[0] === '30108')).toEqual(['30108', '机关事业单位基本养老保险缴费', '100.00', '30207', '邮电费', '5.00']);
    expect(t.rows.find((r) => r[0] === '30112')?.slice(0, 4)).toEqual(['30112', '其他社会保障缴费', '50.00', '30212']);
    expect(t.rows.find((r) => r[0] === '30112')?.[5]).toBe('2.00');
    expect(d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
  it('still catches a right-half item that breaks its 302 sum', async () => {
    const d = await run(dump('25.00').replace('30.00', '35.00').replace('302 商品和服务支出 35.00', '302 商品和服务支出 30.00'));
    expect(d.flags.filter((f) => f.code === 'SUM_MISMATCH' && f.severity === 'error').map((f) => [f.loc?.page, f.loc?.line, f.expected, f.found])).toEqual([[2, 6, '35.00', '30.00']]);
  });
});

// 4. The same with the right half's code whole (宜川路街道 2025 决算 dump): `30113 住房公积金 431.39 30212 13.24` (因公出国（境）费
//    wrapped onto the lines around) and `30310 个人农业生产补贴 30231 81.11` (the left half blank, the right label wrapped).
const whole = (office = '20.00') =>
  JSON.stringify({
    page_count: 2,
    page_texts: [
      '某区某某街道办事处\n2025 年度部门决算',
      [
        '一般公共预算财政拨款基本支出决算表',
        '单位：万元',
        '科目编码 科目名称 决算数 科目名称 决算数',
        `301 工资福利支出 400.00 302 商品和服务支出 ${(Number(office) + 5 + 3 + 2).toFixed(2)}`,
        `30101 基本工资 250.00 30201 办公费 ${office}`,
        '30102 津贴补贴 100.00 30207 邮电费 5.00',
        '因公出国（境）费',
        '30113 住房公积金 50.00 30212 3.00',
        '用',
        '303 对个人和家庭的补助 0.00 30229 福利费 0.00',
        '公务用车运行维',
        '30310 个人农业生产补贴 30231 2.00',
        '护费',
        '人员经费合计 400.00 公用经费合计 30.00',
      ].join('\n'),
    ],
  });

describe('a single-spaced 基本支出决算表 whose right half prints its code whole before its lone figure (page-text dump)', () => {
  it('reads the code as the right half’s, after a left figure or after a left label with no figure', async () => {
    const d = await run(whole());
    const t = d.tables.find((x) => x.kind === '公开06表')!;
    expect(t.rows.find((r) => r[0] === '30113')?.slice(0, 4)).toEqual(['30113', '住房公积金', '50.00', '30212']);
    expect(t.rows.find((r) => r[0] === '30113')?.[5]).toBe('3.00');
    expect(t.rows.find((r) => r[0] === '30310')?.[2]).toBe('');
    expect(t.rows.find((r) => r[0] === '30310')?.slice(3)).toEqual(['30231', '公务用车运行维护费', '2.00']);
    expect(d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => f.message)).toEqual([]);
  });
});
