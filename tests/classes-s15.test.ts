// Session 15: a 收支总表's 类 rows against the 科目 table of the same money (patterns/identities.yaml
// kind `classes`). Held-out real defect: 普陀区规划和自然资源局 2024 决算 prints 卫生健康支出 236.63 in 公开01/04
// and 236.64 in 公开03/05 — every table adds up on its own, only the 类 disagree.
import { describe, expect, it } from 'vitest';
import { makeVariant, type Table } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';

/** Move `by` hundredths of a 收支总表's 支出 from 一般公共服务支出 to 住房保障支出 in the given columns: the
 *  table still adds up (its totals unchanged), its 类 no longer restate the 科目 table's. */
const shift = (title: string, label: number, cols: number[], by: number) => (tables: Table[]) => {
  const t = tables.find((x) => x.title === title)!;
  for (const r of t.rows!)
    for (const c of cols) {
      if (r[label] === '一、一般公共服务支出') r[c] = (r[c] as number) - by;
      if (r[label] === '十九、住房保障支出') r[c] = (r[c] as number) + by;
    }
};
const sums = async (tamper?: (t: Table[]) => void) => {
  const v = makeVariant('zhanjiang', 'none', tamper);
  const doc = await processDocument(new TextEncoder().encode(v.lines.join('\n') + '\n'), { ocr: 'off' });
  return doc.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => `${f.severity} ${f.message}`);
};
const W01 = '表间数据不一致（收入支出决算总表的各类支出＝支出决算表的同一类）：';
const W04 = '表间数据不一致（财政拨款收入支出决算总表的各类一般公共预算财政拨款支出＝一般公共预算财政拨款支出决算表的同一类）：';

describe('类 by 类: 公开01 against 公开03, 公开04 against 公开05', () => {
  it('a clean report: no flag', async () => {
    expect(await sums()).toEqual([]);
  }, 30_000);

  it('公开01 one cent off in two 类 (its totals still hold): a warning each, the 公开03 类 being a sum of rounded 项', async () => {
    // 一般公共服务支出 = 312.45 + 102.60 (two 项): 415.04 is within their rounding; 住房保障支出 has one 项 (18.74)
    expect((await sums(shift('收入支出决算总表', 2, [3], 1))).map((f) => f.replace(/表间数据不一致（[^）]+）：/, ''))).toEqual([
      'warning 公开01表第1页“一般公共服务支出”的“决算数”415.04万元，而公开03表第1页“201一般公共服务支出”的“本年支出合计”为415.05万元（该表此类为其2个明细科目的四舍五入数之和，两表相差在舍入范围内）。',
      'error 公开01表第1页“住房保障支出”的“决算数”18.75万元，而公开03表第1页“221住房保障支出”的“本年支出合计”为18.74万元。',
    ]);
  }, 30_000);

  it('公开01 one yuan off: errors', async () => {
    expect(await sums(shift('收入支出决算总表', 2, [3], 100))).toEqual([
      `error ${W01}公开01表第1页“一般公共服务支出”的“决算数”414.05万元，而公开03表第1页“201一般公共服务支出”的“本年支出合计”为415.05万元。`,
      `error ${W01}公开01表第1页“住房保障支出”的“决算数”19.74万元，而公开03表第1页“221住房保障支出”的“本年支出合计”为18.74万元。`,
    ]);
  }, 30_000);

  it('公开04 likewise in its 合计 and 一般公共预算 columns: both 类 disagree with 公开05', async () => {
    expect(await sums(shift('财政拨款收入支出决算总表', 2, [3, 4], 100))).toEqual([
      `error ${W04}公开04表第1页“一般公共服务支出”的“一般公共预算财政拨款”399.05万元，而公开05表第1页“201一般公共服务支出”的“合计”为400.05万元。`,
      `error ${W04}公开04表第1页“住房保障支出”的“一般公共预算财政拨款”19.74万元，而公开05表第1页“221住房保障支出”的“合计”为18.74万元。`,
    ]);
  }, 30_000);
});
