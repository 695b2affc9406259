// A metric the prose states with three or more different values (one role, year and fund) is stated item by item —
// each unit of a department in a section of its own (深圳: “…（本级）预算156,491.01万元，包括…公用经费3,045.77万元…”),
// each 科目 (西安: “（1）进修及培训（20508）102.32万元…具体为：人员经费0.00万元…；公用经费28.32万元”), each economic
// class (“对个人和家庭的补助（303）…其中：人员经费138.06万元”) — and none of those is the document's figure: taken for it
// they made wrong summary values (a 本级's 项目支出 as the department's, one 科目's 人员经费 0.00) and a false “同一数据
// 前后不一致” for every other item. Those statements keep their words and figures but lose the metric, except one that
// restates the tables' own figure of it. Values are counted once a line (its first statement of the metric). One figure restated with a wrong copy gives two values, and stays checked.
import type { Fact } from '../model.js';

/** One item's figure under a document metric's words: no metric, and marked so no check takes it for a total. */
export function asItem(f: Fact): void {
  f.metric = null;
  f.about = { ...f.about, scope: 'item' };
}

const MIN_VALUES = 3;

const lineOf = (f: Fact) => `${f.loc.page ?? ''}|${f.loc.paragraph ?? ''}|${f.loc.line}`;

export function scopeItemMetrics(narrative: Fact[], tableFacts: Fact[]): void {
  const level = (f: Fact) => f.role === 'actual' || f.role === 'budget';
  const key = (f: Fact) => `${f.metric}|${f.role}|${f.year ?? ''}|${f.about?.fund ?? ''}`;
  const groups = new Map<string, Fact[]>();
  for (const f of narrative) {
    if (f.kind !== 'amount' || !f.metric || !level(f) || f.yuan === undefined) continue;
    groups.set(key(f), [...(groups.get(key(f)) ?? []), f]);
  }
  const tabled = new Map<string, Set<number>>();
  for (const g of tableFacts) {
    if (g.kind !== 'amount' || !g.metric || !level(g) || g.yuan === undefined) continue;
    tabled.set(key(g), (tabled.get(key(g)) ?? new Set()).add(g.yuan));
  }
  for (const [k, list] of groups) {
    // (each line's first statement: a comparison puts a second figure in one sentence — 一般公共预算收入19,828.57万元比
    // 2025年初预算数20,292.85万元减少…, a base whose year the words may not give)
    const firsts = new Map<string, number>();
    for (const f of list) if (!firsts.has(lineOf(f))) firsts.set(lineOf(f), f.yuan!);
    if (new Set(firsts.values()).size < MIN_VALUES) continue;
    const table = tabled.get(k);
    for (const f of list) if (!table?.has(f.yuan!)) asItem(f);
  }
}
