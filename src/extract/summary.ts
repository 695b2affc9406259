// The canonical summary: one report-year figure per canonical metric (issue 3).
//
// Rules, applied to each metric of patterns/metrics.yaml in turn:
// 1. Candidates are the facts with that metric, of the metric's kind (amount or count), of the metric's
//    role (`role` in metrics.yaml; 'actual' unless stated, 'budget' for general_budget_initial_budget),
//    about the report year (fact.year equal to it, or unknown). Changes, shares, completion rates,
//    prior-year and threshold figures never enter the summary.
// 2. A standard-table fact (from: 'table') wins: the first one in document order.
// 3. Else the most specific narrative statement: a label that names the metric exactly beats one where
//    the metric phrase follows the reporting entity's name; then the longer label; then the earlier
//    statement.
// 4. Where the table figure and a narrative statement of the same metric disagree (yuan for amounts,
//    value for counts), the table figure stays and a VALUE_CONFLICT warning names both (one per
//    disagreeing narrative statement; expected = the table's figure, found = the narrative's).
// 5. A metric with no candidate is absent — never 0.
// 6. In a 预算 (budget) report the document's own amounts are budgets: every amount metric takes role
//    'budget' there (counts stay 'actual').
import type { DocKind, Fact, Flag, Loc, SummaryEntry } from '../model.js';
import { metricDefs, metricForLabel, type MetricDef } from './metrics.js';

export function buildSummary(
  facts: Fact[],
  year: number | null,
  kind: DocKind | null = null,
): { summary: Record<string, SummaryEntry>; flags: Flag[] } {
  const summary: Record<string, SummaryEntry> = {};
  const flags: Flag[] = [];
  for (const def of metricDefs()) {
    const role = kind === '预算' && def.kind === 'amount' ? 'budget' : (def.role ?? 'actual');
    const cands = facts.filter(
      (f) => f.metric === def.key && f.kind === def.kind && f.role === role && (year === null || f.year === null || f.year === year),
    );
    const table = cands.find((f) => f.from === 'table');
    const text = cands.filter((f) => f.from === 'text');
    const chosen = table ?? bestStatement(text, def);
    if (!chosen) continue;
    summary[def.key] = entry(chosen);
    if (table) for (const t of text) if (!same(table, t)) flags.push(conflict(def.key, table, t));
  }
  return { summary, flags };
}

function entry(f: Fact): SummaryEntry {
  const e: SummaryEntry = { value: f.value, unit: f.unit, factId: f.id };
  if (f.kind === 'amount' && f.yuan !== undefined) e.yuan = f.yuan;
  return e;
}

function bestStatement(facts: Fact[], def: MetricDef): Fact | undefined {
  const exact = (f: Fact) => {
    const named = metricForLabel(f.label, 'text');
    return named === def.key || (named !== null && def.role === 'budget' && f.metric === def.key) ? 1 : 0;
  };
  return facts
    .map((f, i) => ({ f, i, exact: exact(f) }))
    .sort((a, b) => b.exact - a.exact || b.f.label.length - a.f.label.length || a.i - b.i)[0]?.f;
}

function same(a: Fact, b: Fact): boolean {
  return a.kind === 'amount' ? a.yuan === b.yuan : a.value === b.value;
}

function where(loc: Loc): string {
  const at = loc.table ? `table ${loc.table}` : loc.page !== undefined ? `page ${loc.page}` : `paragraph ${loc.paragraph ?? '?'}`;
  return `${at} line ${loc.line}`;
}

function conflict(metric: string, table: Fact, text: Fact): Flag {
  const t = `${table.text}${table.unit}`;
  const n = `${text.text}${text.unit}`;
  return {
    code: 'VALUE_CONFLICT',
    severity: 'warning',
    message: `${metric}: the table gives ${t} (${where(table.loc)}), the text ${n} (${where(text.loc)}); the table figure is kept`,
    loc: text.loc,
    excerpt: text.excerpt,
    expected: t,
    found: n,
  };
}
