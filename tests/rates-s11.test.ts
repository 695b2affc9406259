// Rates, session 11 (issue 11 rules 1 and 3): a 三公 item's completion rate whose budget is printed only in the 三公
// table is checked against that table's 预算数 cell, on a real layout (上海市普陀区财政局 2024 部门决算: “其中：…公务接待费
// 支出决算为0.00万元，完成预算的0%”, its 预算数 0.95 only in 公开07表). Each case fails without its rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument, Fact, IngestedDocument } from '../src/model.js';
import { makeLine } from '../src/ingest/normalize.js';
import { segment } from '../src/segment/index.js';
import { runLines } from './check-helpers.js';
import { corpus } from './paths.js';
import { withTable } from './restate-fixtures.js';

const clone = (d: ExtractedDocument): ExtractedDocument => ({ ...d, facts: d.facts.map((f) => ({ ...f, loc: { ...f.loc }, ...(f.about ? { about: { ...f.about } } : {}) })) });
const rates = (d: ExtractedDocument) => check(d).flags.filter((f) => f.code === 'PERCENT_MISMATCH' && /完成率/u.test(f.message)).map((f) => [f.severity, f.loc?.page, f.loc?.line, f.expected, f.found, f.message]);
function mutate(d: ExtractedDocument, pick: (f: Fact) => boolean, text: string): ExtractedDocument {
  const m = clone(d);
  const hits = m.facts.filter(pick);
  expect(hits).toHaveLength(1);
  hits[0]!.text = text;
  hits[0]!.value = Number(text);
  return m;
}
const rateOf = (metric: string) => (f: Fact) => f.from === 'text' && f.role === 'completion' && f.metric === metric;

describe('三公 completion rates against the 三公 table', () => {
  let doc: ExtractedDocument;
  beforeAll(async () => {
    doc = extract(segment(await ingest(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'), { ocr: 'off' })));
  }, 120_000);
  it('is silent on the report as published (0.00 ÷ 0.95 = 0%)', () => {
    expect(rates(doc)).toEqual([]);
  });
  it('flags an item rate that its actual and the table’s 预算数 do not give', () => {
    expect(rates(mutate(doc, rateOf('official_reception'), '10'))).toEqual([['error', 23, 13, '0%', '10%', '完成率与金额不符：决算0.00万元÷预算0.95万元（公开07表第18页第9行）约为0%，文中写10%。']]);
  });
  it('does not judge an item whose table budget is blank (因公出国: no 预算数 printed)', () => {
    expect(rates(mutate(doc, rateOf('overseas_travel'), '10'))).toEqual([]);
  });
  it('does not judge the rate where the table’s actual disagrees with the narrative’s (the restatement’s flag)', () => {
    const m = mutate(doc, rateOf('official_reception'), '10');
    const a = m.facts.find((f) => f.from === 'text' && f.role === 'actual' && f.metric === 'official_reception')!;
    m.facts.push({ ...a, id: 'cell', from: 'table', text: '0.50', value: 0.5, yuan: 5000, about: { table: '公开07表', column: 'reception' } });
    expect(rates(m)).toEqual([]);
  });
});

describe('a share whose amount lost its unit at a line break', () => {
  const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明', '  三、支出决算情况说明'];
  const doc = (amount: string) => [...JS, `  本年支出合计1,000.00万元，其中：基本支出${amount}，`, '占60.00%；项目支出400.00万元，占40.00%。'];
  const pct = (d: Awaited<ReturnType<typeof runLines>>) => d.flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.loc?.line, f.expected, f.found]);
  it('pairs no share of the list with the figure before the bare one (the total)', async () => {
    const d = await runLines(doc('600.00'));
    expect(pct(d)).toEqual([]);
    expect(d.flags.filter((f) => f.code === 'MALFORMED_VALUE').length).toBeGreaterThan(0);
  });
  it('still checks the list when the unit is there', async () => {
    expect(pct(await runLines(doc('600.00万元').map((l) => l.replace('占60.00%', '占62.00%'))))).toEqual([[5, '60.00%', '62.00%']]);
  });
});

describe('a rate of the actual against its budget, no change amount (比预算减少X%)', () => {
  const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明', '  七、财政拨款“三公”经费支出决算情况说明'];
  const pct = async (line: string) => (await runLines([...JS, `  “三公”经费财政拨款支出${line}`])).flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.loc?.line, f.expected, f.found, f.message]);
  // 18.00 ÷ 20.00 = 90%: 10.00% less than the budget.
  it('checks the rate with both figures before it', async () => {
    expect(await pct('年初预算为20.00万元，支出决算为18.00万元，比预算减少15.00%。')).toEqual([[4, '10.00%', '15.00%', '与预算相比的变动率与金额不符：预算20.00万元，决算18.00万元，减少率应约为10.00%，文中写减少15.00%。']]);
    expect(await pct('年初预算为20.00万元，支出决算为18.00万元，比预算减少10.00%。')).toEqual([]);
  });
  it('checks the rate with the budget in the comparison', async () => {
    expect(await pct('决算为18.00万元，比年初预算20.00万元减少15.00%。')).toEqual([[4, '10.00%', '15.00%', '与预算相比的变动率与金额不符：预算20.00万元，决算18.00万元，减少率应约为10.00%，文中写减少15.00%。']]);
    expect(await pct('决算为18.00万元，比年初预算20.00万元减少10.00%。')).toEqual([]);
  });
  it('flags a rate whose word points the wrong way', async () => {
    expect(await pct('年初预算为20.00万元，支出决算为18.00万元，较年初预算增加10.00%。')).toEqual([[4, '减少10.00%', '10.00%', '与预算相比的变动率与金额不符：预算20.00万元，决算18.00万元，实为减少10.00%，文中写增加10.00%。']]);
  });
  it('leaves a rate after a change amount to the growth rule (one flag)', async () => {
    expect((await pct('年初预算为20.00万元，支出决算为18.00万元，比年初预算减少2.00万元，下降15.00%。')).map((f) => f.slice(0, 3))).toEqual([[4, '10.00%', '15.00%']]);
  });
});

describe('a growth rate over a prior stated as 0', () => {
  const JS = ['某市某某局2023年度部门决算', '第三部分 2023年度部门决算情况说明', '  七、财政拨款“三公”经费支出决算情况说明'];
  const pct = async (line: string) => (await runLines([...JS, `  ${line}`])).flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.loc?.line, f.expected, f.found, f.message]);
  it.each([['公务接待费支出0.40万元，比上年0万元增长100%。'], ['2023年公务接待费支出0.40万元，上年为0万元，增长100%。'], ['上年公务接待费支出0万元，本年公务接待费支出0.40万元，增长100%。']])('flags %s', async (line) => {
    expect(await pct(line)).toEqual([[4, '上年为0，无增长率', '100%', '上年数为0，增长率无从计算：上年0万元，本年0.40万元，文中却写增长100%。']]);
  });
  it('is silent where the prior is not 0 or is another subject’s', async () => {
    expect(await pct('公务接待费支出决算为0.40万元，比2022年度0.20万元增长100%。')).toEqual([]);
    expect(await pct('公务接待费支出决算为0.40万元，上年为0万元。会议费支出3.00万元，增长100%。')).toEqual([]);
  });
});

describe('the two sides of a 预算: a change is not the figure’s before a unit-less one', () => {
  const SH = ['上海市普陀区某某路街道办事处2026年单位预算', '第二部分 2026年单位预算情况说明', '一、收入支出预算总体情况'];
  const doc = (income: string) => [
    ...SH,
    `2026年，本单位财政拨款收入预算总计9,350.60万元。其中：一般公共预算收入${income}，比2025年预算增加2,000.40万元。`,
    '支出预算9,350.60万元，其中：财政拨款支出预算9,350.60万元，比2025年预算增加2,100.40万元。',
  ];
  const vc = (d: Awaited<ReturnType<typeof runLines>>) => d.flags.filter((f) => f.code === 'VALUE_CONFLICT' && /收支两方/u.test(f.message)).map((f) => [f.severity, f.loc?.line, f.expected, f.found]);
  it('reads no change of the 财政拨款 total past the unit-less 一般公共预算 figure', async () => {
    const d = await runLines(doc('9,350.60'));
    expect(vc(d)).toEqual([]);
    expect(d.flags.some((f) => f.code === 'MALFORMED_VALUE')).toBe(true);
  });
});

describe('a share whose part and whole are only in the tables', () => {
  const pct = async (sentence: string) => (await runLines(withTable(sentence))).flags.filter((f) => f.code === 'PERCENT_MISMATCH').map((f) => [f.expected, f.found, f.message]);
  // 公开05 合计 row: 300.00 = 270.00 基本 + 30.00 项目.
  it('checks the rate against the two cells', async () => {
    expect(await pct('一般公共预算财政拨款基本支出占一般公共预算财政拨款支出的80.00%。')).toEqual([['90.00%', '80.00%', '占比与表中金额不符：一般公共预算财政拨款基本支出270.00万元（公开05表第1页第9行）÷一般公共预算财政拨款支出300.00万元（公开05表第1页第9行）约为90.00%，文中写80.00%。']]);
    expect(await pct('一般公共预算财政拨款基本支出占一般公共预算财政拨款支出的90.00%。')).toEqual([]);
  });
});

describe('a table-only share on a real layout: the part’s fund comes from its section', () => {
  // 普陀区财政局 2024: 公开03 基本支出 2,336.91 of 本年支出合计 2,940.05 (79.49%); a share written in a section about the
  // 一般公共预算财政拨款 is that fund's, which no all-funds cell gives.
  let base: IngestedDocument;
  beforeAll(async () => {
    base = await ingest(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'), { ocr: 'off' });
  }, 120_000);
  const put = (from: RegExp, raw: string) => {
    const blocks = base.blocks.slice();
    const i = blocks.findIndex((b) => b.kind === 'line' && from.test(b.line.raw));
    expect(i).toBeGreaterThan(-1);
    const b = blocks[i]!;
    if (b.kind === 'line') blocks[i] = { kind: 'line', line: makeLine(raw, b.line.loc, b.line.hint) };
    return check(extract(segment({ ...base, blocks, flags: base.flags.slice() }))).flags.filter((f) => f.code === 'PERCENT_MISMATCH' && /表中金额/u.test(f.message)).map((f) => [f.loc?.page, f.loc?.line, f.expected, f.found]);
  };
  it('flags it in the section about all funds', () => {
    expect(put(/^\s*本年支出合计2940\.05万元，其中/u, '    基本支出占本年支出合计的70.00%；项目支出')).toEqual([[21, 10, '79.49%', '70.00%']]);
  });
  it('skips it in the 一般公共预算财政拨款 section', () => {
    expect(put(/^\s*一般公共预算财政拨款支出2940\.05万元，占本年支出合计/u, '  基本支出占本年支出合计的70.00%。与2023年')).toEqual([]);
  });
});

describe('a 三公 item’s 决算 against 预算 claim whose budget only the 三公 table prints', () => {
  // 普陀区财政局 2024, one line rewritten into a paragraph of its own: 公务接待费 决算 0.00, 公开07 预算数 0.95.
  let base: IngestedDocument;
  beforeAll(async () => {
    base = await ingest(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'), { ocr: 'off' });
  }, 120_000);
  const claims = (raw: string) => {
    const blocks = base.blocks.slice();
    const i = blocks.findIndex((b) => b.kind === 'line' && /^\s*2024年度“三公”经费财政拨款支出决算数与2023年度持平/u.test(b.line.raw));
    expect(i).toBeGreaterThan(-1);
    const b = blocks[i]!;
    if (b.kind === 'line') blocks[i] = { kind: 'line', line: makeLine(raw, b.line.loc, b.line.hint) };
    return check(extract(segment({ ...base, blocks, flags: base.flags.slice() }))).flags.filter((f) => f.code === 'DIRECTION_CONFLICT' && f.loc?.page === 23).map((f) => [f.loc?.line, f.expected, f.found, f.message]);
  };
  it('flags a claim the table’s 预算数 contradicts', () => {
    expect(claims('  公务接待费支出决算为0.00万元，决算数大于预算数。')).toEqual([[15, '决算数小于预算数', '决算数大于预算数', '比较与数字不符：文中称决算数大于预算数，而预算为0.95万元（公开07表第18页第9行）、决算为0.00万元，决算数小于预算数。']]);
  });
  it('is silent where the claim holds or the table prints no budget of the item', () => {
    expect(claims('  公务接待费支出决算为0.00万元，决算数小于预算数。')).toEqual([]);
    expect(claims('  因公出国（境）费支出决算为0.00万元，决算数大于预算数。')).toEqual([]);
  });
});

