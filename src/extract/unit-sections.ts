// A department's report may give each of its units a section of its own (深圳 部门预算支出具体情况: 深圳市生态环境局
// （本级）, 深圳市饮用水源保护管理办公室, … each “预算4,291.51万元，包括在职人员经费…、公用经费214.19万元、…项目支出
// 2,611.52万元”). Those figures are the unit's, not the document's: taken for the document's 公用经费 they made a wrong
// summary value and a false “同一数据前后不一致” for every unit. Sections are such a list when three or more siblings
// that map to no template section and name no fund each state one metric, with at least three different values
// (restatements of one document figure agree: a mutated copy among three gives two values, and stays checked).
// Their facts of that metric keep their words and figures but lose the metric.
import type { Fact, OutlineNode } from '../model.js';
import { fundIn } from './ledger.js';

const MIN_SIBLINGS = 3;

export function scopeUnitSections(outline: OutlineNode[], facts: Fact[]): void {
  const visit = (parent: OutlineNode) => {
    const kids = parent.children.filter((k) => !k.section && !fundIn(k.title));
    if (kids.length >= MIN_SIBLINGS) scopeSiblings(kids, facts);
    parent.children.forEach(visit);
  };
  outline.forEach(visit);
}

function scopeSiblings(kids: OutlineNode[], facts: Fact[]): void {
  // each outline id under a kid → that kid
  const kidOf = new Map<string, string>();
  const mark = (n: OutlineNode, kid: string) => {
    kidOf.set(n.id, kid);
    n.children.forEach((c) => mark(c, kid));
  };
  kids.forEach((k) => mark(k, k.id));
  const byMetric = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || !f.metric || !f.section || !kidOf.has(f.section)) continue;
    byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);
  }
  for (const list of byMetric.values()) {
    const kidsStating = new Set(list.map((f) => kidOf.get(f.section!)));
    const values = new Set(list.map((f) => f.yuan ?? f.value));
    if (kidsStating.size < MIN_SIBLINGS || values.size < MIN_SIBLINGS) continue;
    for (const f of list) f.metric = null;
  }
}
