// Real defects the ledger's rules find in the shared corpus (each read off the published page), and the
// comparison claims on a real layout. The flags are pinned exactly: a false one is a bug, a lost one too.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonClaims } from '../src/check/identities-claims.js';
import { check } from '../src/check/index.js';
import { indexText, textUnits } from '../src/check/lines.js';
import { extract } from '../src/extract/index.js';
import { columnKey, foldName, fundIn } from '../src/extract/ledger.js';
import { tableForTitle } from '../src/extract/tables/defs.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument, Flag } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import { corpus } from './paths.js';

const run = async (input: string | Uint8Array) => check(extract(segment(await ingest(input, { ocr: 'off' }))));
const LEDGER = new Set(['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'DIRECTION_CONFLICT']);
const show = (d: ExtractedDocument) =>
  d.flags.filter((f: Flag) => LEDGER.has(f.code) && f.severity === 'error').map((f) => [f.code, f.loc?.page, f.loc?.line, f.expected, f.found]);

describe('real defects found by the ledger (error flags, exact)', () => {
  it('普陀区司法局 2026 单位预算: 行政运行 prints 64,840,547.00 as 项目支出 beside a 合计 equal to its 基本支出', async () => {
    const d = await run(corpus('GovBudgetChecker__putuo_sfj_2026_unit_yusuan.pdf'));
    // and, in its text, 项 whose 2026 figure does not give the rate stated against 2025 or contradicts the
    // 项's own opening figure (6:23: the rate fits the opening 56.12, so one flag on 57.8; 7:14: it fits
    // neither, two flags)
    expect(show(d)).toEqual([
      ['PERCENT_MISMATCH', 6, 10, '15.13%', '1.10%'],
      ['VALUE_CONFLICT', 6, 23, '56.12万元', '57.8万元'],
      ['VALUE_CONFLICT', 7, 14, '207万元', '170.03万元'],
      ['PERCENT_MISMATCH', 7, 14, '减少29.67%', '21.74%'],
      ['SUM_MISMATCH', 11, 9, '0.00', '64840547.00'],
      ['SUM_MISMATCH', 14, 9, '0.00', '64840547.00'],
    ]);
    expect(d.flags.find((f) => f.code === 'SUM_MISMATCH')!.loc).toMatchObject({ table: 't3', row: 3, col: 6 });
  }, 60_000);

  it('普陀区社会福利院 2024 单位预算: 社会福利事业单位（项）738.66万元 in the text, 6,964,796元 in its table', async () => {
    const d = await run(corpus('tianbaoxitong__putuo_fuliyuan_2024_unit_yusuan.pdf'));
    const f = d.flags.filter((x) => x.code === 'VALUE_CONFLICT' && x.severity === 'error');
    expect(f.map((x) => [x.loc?.page, x.expected, x.found, x.message])).toEqual([
      [6, '696.48万元', '738.66万元', '正文数字与表格不一致：此处写738.66万元，预算05一般公共预算支出表第11页“社会福利事业单位”行“合计”栏为6,964,796元（折合696.48万元）。'],
    ]);
  }, 60_000);

  it('文旅局 2025 决算 p28: 公务接待费 增加0.40万元，增长100% on a zero base', async () => {
    const d = await run(corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt'));
    // Its page-text tables are read too: the 公开05 rows printed shifted against their names make the 科目
    // sums fail and every restatement of a 科目 disagree with its row — one SUM_MISMATCH on the table with
    // the rest folded in (tests/identities-tables.test.ts, tests/annotations).
    expect(show(d).filter((f) => f[0] === 'PERCENT_MISMATCH')).toEqual([['PERCENT_MISMATCH', 28, 16, '上年为0，无增长率', '100%']]);
  }, 60_000);

  it('普陀区财政局 2024 决算 p21: 一般公共服务支出 占71.73% where 2106.66 ÷ 2940.05 = 71.65%', async () => {
    const d = await run(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'));
    // (and p21:13 财政拨款收入支出总计0.3万元 where 公开04's 总计 is 2,961.68)
    expect(show(d)).toEqual([
      ['PERCENT_MISMATCH', 21, 24, '71.65%', '71.73%'],
      ['VALUE_CONFLICT', 21, 13, '2,961.68万元', '0.3万元'],
    ]);
  }, 60_000);

  it('江苏省人民检察院 2019: 增长10.06% (10.09%), 减少13.22% (22.21%) and 增加34.38% (34.36%)', async () => {
    const d = await run(corpus('ae86jack__jiangsu_jianchayuan_2019_dept_yusuan.pdf'));
    // p25: “收、支预算总计各增加2214.39万元，增长10.06%” on 24,169.74 (收、支 read as one subject)
    expect(show(d)).toEqual([
      ['PERCENT_MISMATCH', 25, 5, '10.09%', '10.06%'],
      ['PERCENT_MISMATCH', 26, 10, '22.21%', '13.22%'],
      ['PERCENT_MISMATCH', 29, 3, '34.36%', '34.38%'],
    ]);
  }, 60_000);
});

describe('comparison claims (决算数大于/小于预算数) on the 文旅局 2025 layout', () => {
  const text = readFileSync(corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt'), 'utf8');
  const claims = async (t: string) => {
    const d = extract(segment(await ingest(new TextEncoder().encode(t), { ocr: 'off' })));
    return comparisonClaims(d, indexText(textUnits(d)));
  };

  it('agrees with 年初预算11.49万元 and 支出决算3.04万元 as published (决算数小于预算数)', async () => {
    expect(await claims(text)).toEqual([]);
  }, 60_000);

  it('flags 决算数大于预算数 against the same figures, on the claim, naming both', async () => {
    expect(text.split('决算数小于预算数的主要原因：进一步落实').length).toBe(2);
    const f = await claims(text.replace('决算数小于预算数的主要原因：进一步落实', '决算数大于预算数的主要原因：进一步落实'));
    expect(f.map((x) => [x.code, x.loc?.page, x.expected, x.found, x.message])).toEqual([
      ['DIRECTION_CONFLICT', 28, '决算数小于预算数', '决算数大于预算数', '比较与数字不符：文中称决算数大于预算数，而预算为11.49万元、决算为3.04万元，决算数小于预算数。'],
    ]);
  }, 60_000);
});

describe('ledger keys from data', () => {
  it('reads canonical column keys from headers (patterns/columns.yaml)', () => {
    expect(columnKey('本年支出/基本支出')).toBe('basic');
    expect(columnKey('本年支出/小计')).toBe('year_expenditure');
    expect(columnKey('一般公共预算支出/合计')).toBe('total');
    expect(columnKey('支出/一般公共预算财政拨款')).toBe('general_budget');
    expect(columnKey('合计/预算数')).toBe('total');
    expect(columnKey('公务用车购置及运行费/小计/决算数')).toBe('vehicles');
    expect(columnKey('年初结转和结余')).toBe('carry_in');
    expect(fundIn('政府性基金预算财政拨款支出')).toBe('gov_fund');
    expect(fundIn('财政拨款支出总计')).toBe('fiscal');
    expect(foldName('其中：政府性基金预算财政拨款')).toBe('政府性基金预算财政拨款');
  });

  it('maps the university template’s tables to their own kinds, not to 公开01–03', () => {
    expect(tableForTitle('表1 高等学校收支决算总表')?.kind).toBe('高校决算表1收支总表');
    expect(tableForTitle('表3 高等学校支出决算表')?.kind).toBe('高校决算表3支出表');
    expect(tableForTitle('表4 高等学校财政拨款支出决算表')?.kind).toBe('高校决算表4财政拨款支出表');
    expect(tableForTitle('支出决算表')?.kind).toBe('公开03表');
  });

  it('a 其中 item inherits its total’s fund: 财政拨款支出总计…其中：基本支出 is not the document’s 基本支出', async () => {
    const t = ['2024年度部门决算', '一、收入支出决算总体情况说明', '2024年度财政拨款支出总计100.00万元，其中：基本支出60.00万元，项目支出40.00万元。', '2024年度支出合计120.00万元，其中：基本支出70.00万元。'].join('\n');
    const d = extract(segment(await ingest(new TextEncoder().encode(t), { ocr: 'off' })));
    const basic = d.facts.filter((f) => f.from === 'text' && f.text.startsWith('60') || f.text.startsWith('70')).map((f) => [f.text, f.metric, f.about?.fund ?? null]);
    expect(basic).toEqual([
      ['60.00', null, 'fiscal'],
      ['70.00', 'basic_expenditure', null],
    ]);
    expect(d.summary.basic_expenditure?.value).toBe(70);
  }, 60_000);
});

describe('a breakdown with a change of unknown amount is no evidence (江苏省高级人民法院 2017 预算 p19–20)', () => {
  it('turns no word where one part of the change lost its unit (与上年相比增加 / 1408.29，增长8.96%)', async () => {
    const doc = await ingest(corpus('ae86jack__jiangsu_gaoyuan_2017_dept_yusuan.pdf'), { ocr: 'off' });
    const i = doc.blocks.findIndex((b) => b.kind === 'line' && b.line.loc.page === 20 && b.line.raw.startsWith('1408.29万元'));
    expect(i).toBeGreaterThan(0);
    const b = doc.blocks[i]!;
    if (b.kind !== 'line') throw new Error('not a line');
    const blocks = doc.blocks.slice();
    blocks[i] = { kind: 'line', line: makeLine(b.line.raw.replace('1408.29万元', '1408.29'), b.line.loc, b.line.hint) };
    const d = check(extract(segment({ ...doc, blocks, flags: doc.flags.slice() })));
    expect(d.flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map((f) => [f.loc?.page, f.loc?.line])).toEqual([]);
    expect(d.flags.filter((f) => f.code === 'MALFORMED_VALUE').map((f) => [f.loc?.page, f.loc?.line])).toEqual([[20, 4]]);
  }, 60_000);
});
