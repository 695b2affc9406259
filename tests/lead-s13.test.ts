// Session 13, lead: a narrative figure that restates a table row by its label alone is a warning (the row may not
// be the one meant), unless the text restates that row elsewhere under the same label and fund — then the row is the
// one meant, and the two statements contradict each other with the table siding with the other (reviewer s12: an
// unseen university 预算 stating its 使用非财政拨款结余 two ways, 0.05 apart). Synthetic: scripts/gen-variants.ts.
import { describe, expect, it } from 'vitest';
import { makeVariant } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';

/** The variant's 收入决算 paragraph states 其他收入 as `first` (the table's row is 15.00); `again`, when given, is a
 *  second statement of 其他收入 in the next paragraph. */
async function conflicts(first: string, again?: string): Promise<string[]> {
  const lines = makeVariant('sichuan13', 'none').lines.map((l) => l.replace('其他收入15.00万元', `其他收入${first}万元`));
  if (again) lines.splice(lines.indexOf('三、支出决算情况说明'), 0, `2024年度其他收入${again}万元，主要是利息收入。`);
  const flags = (await processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' })).flags;
  return flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => `${f.severity} ${f.loc?.line} ${f.expected} ${f.found}`);
}

describe('a label-only restatement the text itself confirms elsewhere', () => {
  it('the other statement equals the table row: the differing one is an error', async () => {
    expect(await conflicts('15.05', '15.00')).toEqual(['error 12 15.00万元 15.05万元']);
  }, 30_000);
  it('no other statement: a warning, as before', async () => {
    expect(await conflicts('15.05')).toEqual(['warning 12 15.00万元 15.05万元']);
  }, 30_000);
  it('both statements differ from the table alike: warnings, no confirmation', async () => {
    expect(await conflicts('15.05', '15.05')).toEqual(['warning 12 15.00万元 15.05万元', 'warning 13 15.00万元 15.05万元']);
  }, 30_000);
  it('both restate the table: no flag', async () => {
    expect(await conflicts('15.00', '15.00')).toEqual([]);
  }, 30_000);
});

describe('a 类 figure that one table confirms and another, 0.01 apart, does not (reviewer s13: an unseen 决算 whose 公开04 prints a 类 as the text does, its 公开05 the sum of rounded 项)', () => {
  /** The variant's 公开04 row 一般公共服务支出 printed as `t04` (its 公开05 row is 400.05); the 一般公共预算 paragraph states the 类 as `said`. */
  async function classConflicts(t04: string, said: string): Promise<string[]> {
    const lines = [...makeVariant('sichuan13', 'none').lines];
    const row = lines.indexOf('\t一、一般公共服务支出', lines.indexOf('四、财政拨款收入支出决算总表'));
    lines[row + 1] = `\t${t04}`;
    lines[row + 2] = `\t${t04}`;
    const at = lines.indexOf('2024年度一般公共预算财政拨款支出443.15万元。');
    lines[at] = `2024年度一般公共预算财政拨款支出443.15万元。其中：一般公共服务支出（类）${said}万元。`;
    const flags = (await processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' })).flags;
    return flags.filter((f) => f.code === 'VALUE_CONFLICT').map((f) => `${f.severity} ${f.expected} ${f.found}`);
  }
  it('the text restates 公开04 exactly, 公开05 differs by 0.01: a warning naming both tables, not an error', async () => {
    expect(await classConflicts('400.04', '400.04')).toEqual(['warning 400.05万元 400.04万元']);
  }, 30_000);
  it('the text fits neither table: an error', async () => {
    expect(await classConflicts('400.05', '400.04')).toEqual(['error 400.05万元 400.04万元']);
  }, 30_000);
  it('the text fits 公开05: no flag', async () => {
    expect(await classConflicts('400.04', '400.05')).toEqual([]);
  }, 30_000);
});

describe('a growth rate on a zero base whose figures carry different labels (reviewer s13: an unseen 预算 and the corpus 万里街道 2024)', () => {
  const report = (sentence: string) =>
    ['上海市某区某街道办事处2024年部门预算', '第二部分 2024年部门预算情况说明', '四、一般公共预算支出预算情况说明',
      `1. “教育支出（类）其他教育支出（款）其他教育支出（项）”25.00万元，主要用于其他教育支出。${sentence}主要原因是：项目调整。`].join('\n') + '\n';
  const zeroBase = async (sentence: string) =>
    (await processDocument(new TextEncoder().encode(report(sentence)), { ocr: 'off' })).flags
      .filter((f) => f.code === 'PERCENT_MISMATCH')
      .map((f) => `${f.severity} ${f.message}`);

  it('the item’s name labels last year’s 0, 预算安排 the new figure and the rate: still a zero base', async () => {
    expect(await zeroBase('2023年当年预算执行数为0.00万元，2024年预算安排25.00万元，比2023年预算执行数增加100.00%。')).toEqual([
      'error 上年数为0，增长率无从计算：上年0.00万元，本年25.00万元，文中却写增长100.00%。',
    ]);
  }, 30_000);
  it('a base that is not zero: the rate is checked as usual (25.00 over 20.00 is 25%)', async () => {
    expect(await zeroBase('2023年当年预算执行数为20.00万元，2024年预算安排25.00万元，比2023年预算执行数增加25.00%。')).toEqual([]);
  }, 30_000);
});

describe('a swapped direction in a list of part changes, the next paragraph ending a line on a figure whose unit wraps (mutation on an unseen university 决算 layout dump)', () => {
  const report = (word: string) =>
    ['某某大学2024年度部门决算', '一、收入支出决算总体情况说明',
      '   学校 2024 年度收入总计 577,447.73 万元，与 2023 年度',
      '相比，增加 46,722.70 万元，增长 8.80%。其中：财政拨款',
      `收入增加 36,802.62 万元，事业收入${word} 7,632.63 万元，其`,
      '他收入增加 2,287.45 万元。',
      '   学校 2024 年度支出总计 581,483.46 万元，与 2023 年度',
      '相比，增加 23,806.71 万元，增长 4.27%。其中：教育支出增',
      '加 22,774.53 万元，科学技术支出减少 547.65 万元，社会保',
      '障和就业支出增加 1,706.44 万元，住房保障支出减少 126.61',
      '万元。'].join('\n') + '\n';
  const conflicts = async (word: string) =>
    (await processDocument(new TextEncoder().encode(report(word)), { ocr: 'off' })).flags
      .filter((f) => f.code === 'DIRECTION_CONFLICT')
      .map((f) => `${f.severity} ${f.loc?.line} ${f.expected} ${f.found}`);

  it('事业收入减少 where only 增加 makes the parts add up: flagged (a unit wrapped two lines on no longer hides it)', async () => {
    expect(await conflicts('减少')).toEqual(['error 5 增加7,632.63万元 减少7,632.63万元']);
  }, 30_000);
  it('as printed the parts add up: no flag', async () => {
    expect(await conflicts('增加')).toEqual([]);
  }, 30_000);
});

describe('a numbered item wrapped onto its figure’s line names the figure’s 科目 (mutation misses on an unseen university 决算: 9.机关事业单位基本养老保险缴费支出（2080505），2023 / 年度决算数为…)', () => {
  const conflicts = async (figure: string) => {
    const lines = [...makeVariant('sichuan13', 'none').lines];
    const at = lines.indexOf('2024年度一般公共预算财政拨款支出443.15万元。');
    lines.splice(at + 1, 0, '1.行政运行（2010301），2024', `年度决算数为${figure}万元，主要用于机关日常运转。`);
    return (await processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' })).flags
      .filter((f) => f.code === 'VALUE_CONFLICT')
      .map((f) => `${f.severity} ${f.loc?.line} ${f.expected} ${f.found}`);
  };
  it('a figure off its 公开05 row (312.45): flagged against that row', async () => {
    expect(await conflicts('312.55')).toEqual(['error 20 312.45万元 312.55万元']);
  }, 30_000);
  it('the row’s figure: no flag', async () => {
    expect(await conflicts('312.45')).toEqual([]);
  }, 30_000);
});
