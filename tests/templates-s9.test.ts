// Session 9, templates: the identities of the other template families on generated material
// (scripts/gen-variants.ts, scripts/gen-variants-mutations.ts). A table altered as a whole (made from other
// figures, so its own sums hold) must break an identity with another table; a table altered in one cell
// must break one of its own; the clean reports give no error.
import { describe, expect, it } from 'vitest';
import { layoutText, makeVariant, type Layout } from '../scripts/gen-variants.js';
import { mutations, swapOf, tableChanges, tamperOf } from '../scripts/gen-variants-mutations.js';
import { processDocument } from '../src/pipeline.js';
import { tableDefForTitle } from '../src/table-titles.js';

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
const sums = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => `${f.severity} ${f.message}`);
const renditions: [string, (lines: string[]) => string[]][] = [
  ['text', (lines) => lines],
  ['-layout dump', layoutText],
];

/** The variant with one table made from other figures (`input` + 9.00万元). */
const swapped = (layout: Layout, title: string, input: string) => {
  const c = tableChanges(layout).find((x) => x.title === title && x.input === input);
  if (!c) throw new Error(`no change ${layout} ${title} ${input}`);
  return makeVariant(layout, 'none', swapOf(c)).lines;
};
/** The variant with one cell altered (+9.00万元). */
const tampered = (layout: Layout, title: string, row: number, col: number) => {
  const m = mutations(layout).find((x) => x.table === title && x.row === row && x.col === col);
  if (!m) throw new Error(`no cell ${layout} ${title} ${row} ${col}`);
  return makeVariant(layout, 'none', tamperOf(m)).lines;
};

describe.each(renditions)('cross-table identities of the other families (%s)', (_name, render) => {
  it('四川/云南: the 项目支出 table’s 合计 is 公开05’s 项目支出', async () => {
    for (const layout of ['sichuan13', 'yunnan'] as const) {
      expect(await sums(render(makeVariant(layout, 'none').lines))).toEqual([]);
      expect(await sums(render(swapped(layout, '一般公共预算财政拨款项目支出决算表', 'p1')))).toEqual([
        expect.stringMatching(/^error 表间数据不一致（一般公共预算财政拨款项目支出决算表的合计＝一般公共预算财政拨款支出决算表的项目支出合计）：.*“合计”的“合计”96\.60万元，而.*“项目支出”87\.60万元。$/),
      ]);
    }
  }, 60_000);

  it('四川: each 支出决算明细表’s 合计 is its fund’s total (公开04 本年支出合计, 公开05 合计)', async () => {
    expect(await sums(render(swapped('sichuan13', '财政拨款支出决算明细表', 'b2')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（财政拨款支出决算明细表的合计＝财政拨款收入支出决算总表的本年支出合计）：.*452\.15万元，而.*“本年支出合计”的“合计”443\.15万元。$/),
    ]);
    expect(await sums(render(swapped('sichuan13', '一般公共预算财政拨款支出决算明细表', 'b1')))).toEqual([
      'error 表间数据不一致（一般公共预算财政拨款支出决算明细表的人员经费合计＝基本支出决算表的人员经费合计）：公开一般公共预算支出明细表第1页“合计”的“人员经费”340.07万元，而公开06表第1页“人员经费合计”的“决算数”331.07万元。',
      'error 表间数据不一致（一般公共预算财政拨款支出决算明细表的合计＝一般公共预算财政拨款支出决算表的合计）：公开一般公共预算支出明细表第1页“合计”的“合计”452.15万元，而公开05表第1页“合计”的“合计”443.15万元。',
    ]);
  }, 60_000);

  it('四川: the 一般公共预算 明细表’s 人员经费 and 公用经费 are the 基本支出 table’s; each of its rows = 人员经费 + 公用经费 + 项目支出', async () => {
    // 9.00 moved from 人员经费 to 公用经费 (办公费 +9.00 in this table only): both totals disagree with 公开06
    expect(await sums(render(swapped('sichuan13', '一般公共预算财政拨款支出决算明细表', 'office')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（一般公共预算财政拨款支出决算明细表的人员经费合计＝基本支出决算表的人员经费合计）：.*322\.07万元，而.*331\.07万元。$/),
      expect.stringMatching(/^error 表间数据不一致（一般公共预算财政拨款支出决算明细表的公用经费合计＝基本支出决算表的公用经费合计）：.*33\.48万元，而.*24\.48万元。$/),
    ]);
    // one cell: 行政运行's 人员经费 (row 4, column 3)
    expect(await sums(render(tampered('sichuan13', '一般公共预算财政拨款支出决算明细表', 4, 3)))).toEqual([expect.stringMatching(/^error 公开一般公共预算支出明细表第1页.*行政运行/)]);
  }, 60_000);

  it('教育部 university: 表4 财政拨款支出 cannot exceed 表3 支出, column by column', async () => {
    expect(await sums(render(swapped('university', '表4 高等学校财政拨款支出决算表', 'b2')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（高等学校财政拨款支出决算表的合计不超过高等学校支出决算表的合计）：.*452\.15万元，超过.*458\.15万元。$|^error 表间数据不一致（高等学校财政拨款支出决算表的基本支出不超过高等学校支出决算表的基本支出）/),
    ]);
  }, 60_000);

});

// (Text renditions: a -layout dump of these two tables is read by the page-text row reader, which has no
// column template for the 三公 决算 table or the 预算 基本支出 table printed as two blocks.)
describe('identities on tables the page-text reader does not name the columns of (text rendition)', () => {
  const render = (lines: string[]) => lines;
  it('预算: a 基本支出 table printed as two blocks (人员经费 | 公用经费) restates 预算05’s 基本支出', async () => {
    expect(await sums(render(swapped('yusuan', '一般公共预算基本支出预算表', 'b1')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（一般公共预算支出表的基本支出合计＝一般公共预算基本支出表的人员经费合计＋公用经费合计）：.*355\.55万元，而.*＝364\.55万元。$/),
    ]);
  }, 60_000);

  it('national: the 基本支出 table’s 30231 above the 三公 table’s 运行维护费 (决算数 under a 预算数 | 决算数 band)', async () => {
    expect(await sums(render(swapped('suizhou', '一般公共预算财政拨款基本支出决算表', 'vehicle')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（基本支出决算表的公务用车运行维护费（30231）不超过“三公”经费表的公务用车运行维护费）：.*13\.12万元，超过.*4\.12万元。$/),
    ]);
  }, 60_000);
});

describe('one cell altered in a 三公 table printed with merged header cells (text rendition)', () => {
  const render = (lines: string[]) => lines;
  it('三公 under a 预算数 | 决算数 band (merged cells printed once): each role’s row adds up', async () => {
    // the 预算数 合计 (row 3, column 0) and the 决算数 公务接待费 (column 11)
    expect(await sums(render(tampered('suizhou', '一般公共预算财政拨款“三公”经费支出决算表', 3, 0)))).toEqual([
      'error 公开07表第1页“合计”为14.48万元，而因公出国（境）费＋公务用车购置及运行维护费＋公务接待费＝5.48万元。',
    ]);
    expect(await sums(render(tampered('suizhou', '一般公共预算财政拨款“三公”经费支出决算表', 3, 11)))).toHaveLength(1);
  }, 60_000);

  it('三公 and 会议费/培训费 with 公务用车购置及运行费 printed only as 购置费 | 运行费: clean, and a changed 运行费 is caught', async () => {
    expect(await sums(render(makeVariant('zhashui', 'none').lines))).toEqual([]);
    const got = await sums(render(tampered('zhashui', '一般公共预算财政拨款“三公”经费及会议费、培训费支出决算表', 3, 12)));
    expect(got.length).toBeGreaterThan(0);
    expect(got.every((x) => x.startsWith('error 公开07表'))).toBe(true);
  }, 60_000);

});

describe.each(renditions)('one cell altered in the tables of other layouts (%s)', (_name, render) => {
  it('收入支出决算总表: the 支出 half’s 类 keep the national numbering (一、 八、 十九、): a changed 类 is caught', async () => {
    // (and, since session 15, the changed 类 against the 支出决算表's same 类)
    expect(await sums(render(tampered('suizhou', '收入支出决算总表', 3, 3)))).toEqual([
      expect.stringMatching(/^error .*本年支出合计.*应为.*之和/),
      expect.stringMatching(/^error 表间数据不一致（收入支出决算总表的各类支出＝支出决算表的同一类）：公开01表第1页“社会保障和就业支出”.*33\.36万元，而公开03表第1页“208社会保障和就业支出”.*24\.36万元。$/),
    ]);
    expect(await sums(render(tampered('yusuan', '收支预算总表', 2, 3)))).toEqual([
      expect.stringMatching(/^error .*本年支出合计.*应为.*之和/),
      expect.stringMatching(/^error 表间数据不一致（收支预算总表的各类支出＝支出预算总表的同一类）：预算01收支总表第1页“一般公共服务支出”.*424\.05万元，而预算03支出总表第1页“201一般公共服务支出”.*415\.05万元。$/),
    ]);
  }, 60_000);
});

describe('review s9 findings on text rules and table presence', () => {
  it('rv9 #8: 具体数据详见附件《…部门决算公开表》 says the tables are elsewhere: MISSING_TABLE is info, not error', async () => {
    const lines = makeVariant('suizhou', 'none').lines;
    const cut = lines.findIndex((l) => l.startsWith('第五部分'));
    const doc = await run([...lines.slice(0, cut), '具体数据详见附件《2024年度部门决算公开表》。']);
    const missing = doc.flags.filter((f) => f.code === 'MISSING_TABLE');
    expect(missing.map((f) => f.severity)).toEqual(['info']);
    // without the sentence: an error
    const bare = await run(lines.slice(0, cut));
    expect(bare.flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => f.severity)).toEqual(['error']);
  });

  it('rv9 #7: a 决算 heading about next year’s 预算 names that year; one about this 决算 with the next year is still wrong', async () => {
    const lines = makeVariant('suizhou', 'none').lines;
    const at = lines.findIndex((l) => l.startsWith('第三部分'));
    const withHeading = (h: string) => run([...lines.slice(0, at), h, '本部门预算安排300.00万元，主要用于保障机构正常运转。', ...lines.slice(at)]);
    const years = async (h: string) => (await withHeading(h)).flags.filter((f) => f.code === 'YEAR_MISMATCH').map((f) => `${f.severity} ${f.message}`);
    expect(await years('六、2025年部门预算安排情况')).toEqual([]);
    expect(await years('六、2025年一般公共预算财政拨款支出决算情况')).toEqual(['error 标题年份错误：本报告为2024年度，标题却写“2025年”。']);
  });
});

describe('a table title that lost a character (conversion or OCR)', () => {
  type Def = { kind: string; titles: string[] };
  it('names the one table it is a character short of; a character of another wording never counts', () => {
    expect(tableDefForTitle<Def>('三、出决算表')?.kind).toBe('公开03表');
    expect(tableDefForTitle<Def>('四、政拨款收入支出决算总表')?.kind).toBe('公开04表');
    expect(tableDefForTitle<Def>('六、般公共预算财政拨款支出决算表')?.kind).toBe('公开05表');
    // a character no title has, read for one it has (OCR)
    expect(tableDefForTitle<Def>('收入支出决箅表')?.kind).toBe('公开01表');
    // 预算 for 决算, 收入 for 支出: another table, or none — never a near one
    // (项目支出预算表 is the 预算 sets' own project table since session 10: never the 支出预算表)
    expect(tableDefForTitle<Def>('项目支出预算表')?.kind).toBe('预算项目支出表');
    expect(tableDefForTitle('收入支出预算表')).toBeNull();
    // two tables as near (收支总表 / 收入总表 less one character): none
    expect(tableDefForTitle('收总表')).toBeNull();
    // not a title: no closing 表, or too short to tell
    expect(tableDefForTitle('二、收入决算')).toBeNull();
    expect(tableDefForTitle('决算表')).toBeNull();
    expect(tableDefForTitle('一、收入决算情况表')).toBeNull();
  });

  it('a report whose table titles lost a character still has its tables and their identities', async () => {
    const lines = makeVariant('suizhou', 'none').lines.map((l) => l.replace('表 3：支出决算表', '表 3：出决算表').replace('表 4：财政拨款收入支出决算总表', '表 4：政拨款收入支出决算总表'));
    const doc = await run(lines);
    expect(doc.tables.map((t) => t.kind).slice(0, 5)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表']);
    expect(doc.flags.filter((f) => f.severity === 'error')).toEqual([]);
    const broken = await run(lines.map((l) => (l === '\t312.45' ? '\t321.45' : l)));
    expect(broken.flags.some((f) => f.code === 'SUM_MISMATCH' && f.severity === 'error')).toBe(true);
  }, 30_000);
});

describe.each(renditions)('layouts of domain.md C2/C3 gen-variants did not make (%s)', (_name, render) => {
  it('湖北: 收入支出决算总表 as 项目 | 行次 | 金额 with a 栏次 row, tables in 元 with thousands commas: clean, and its identities run', async () => {
    const doc = await run(render(makeVariant('hubei', 'none').lines));
    expect(doc.flags.filter((f) => f.severity === 'error')).toEqual([]);
    // the 行次 numbers are no row labels: 本年收入合计 is found and matches the 收入决算表
    expect(await sums(render(tampered('hubei', '收入支出决算总表', 10, 2)))).toEqual([expect.stringMatching(/^error .*本年收入合计.*应为.*之和/)]);
    expect(await sums(render(swapped('hubei', '收入支出决算总表', 'o1')))).toEqual([
      expect.stringMatching(/^error 表间数据不一致（收入支出决算总表的本年收入合计＝收入决算表的合计）：公开01表第1页“本年收入合计”.*4671500\.00元，而公开02表.*4581500\.00元。$/),
      expect.stringMatching(/^error 表间数据不一致（收入支出决算总表的本年支出合计＝支出决算表的合计）/),
      // (since session 15: the 类 whose figure differs, against the 支出决算表's same 类)
      expect.stringMatching(/^error 表间数据不一致（收入支出决算总表的各类支出＝支出决算表的同一类）：公开01表第1页“一般公共服务支出”.*4240500\.00元，而公开03表第1页“201一般公共服务支出”.*4150500\.00元。$/),
    ]);
  }, 60_000);

  it('上海 2021 units: a 资产负债情况表 beside the nine is no standard table and raises nothing', async () => {
    const doc = await run(render(makeVariant('shanghai10', 'none').lines));
    expect(doc.flags.filter((f) => f.severity !== 'info')).toEqual([]);
    // (its grid is a table of its own title, not the empty 公开09's before it: session 10)
    expect(doc.tables.map((t) => t.kind).filter((k) => k !== 'other')).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    expect(doc.tables.find((t) => t.kind === '公开09表')!.rows).toEqual([]);
  }, 30_000);

  it('云南 2018: the empty 财政专户管理资金收入支出决算表 is no 公开01/02 and needs no flag', async () => {
    const doc = await run(render(makeVariant('yunnan', 'none').lines));
    expect(doc.flags.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(doc.tables.filter((t) => t.title.includes('财政专户')).map((t) => t.kind)).not.toContain('公开01表');
  }, 30_000);
});

describe('review s9 #9: a fund table titled in its short form', () => {
  it('政府性基金支出决算表 is 公开08 and 国有资本经营支出决算表 公开09, never the all-funds 公开03', () => {
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('八、政府性基金支出决算表')?.kind).toBe('公开08表');
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('九、国有资本经营支出决算表')?.kind).toBe('公开09表');
    expect(tableDefForTitle<{ kind: string; titles: string[] }>('三、支出决算表')?.kind).toBe('公开03表');
  });
});
