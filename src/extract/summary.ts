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
//    at the coarser of the two printed precisions; value for counts), the table figure stays and a VALUE_CONFLICT warning names both (one per
//    disagreeing narrative statement; expected = the table's figure, found = the narrative's).
// 5. A metric with no candidate is absent — never 0. An amount without a known unit (no yuan) is no candidate.
// 6. In a 预算 (budget) report the document's own amounts are budgets: every amount metric takes role
//    'budget' there (counts stay 'actual').
import { lastDigitYuan } from '../amount.js';
import { loadPattern } from '../patterns.js';
import type { DocKind, Fact, Flag, Loc, SummaryEntry } from '../model.js';
import { metricDef, metricDefs, metricForLabel, type MetricDef } from './metrics.js';

export function buildSummary(
  facts: Fact[],
  year: number | null,
  kind: DocKind | null = null,
): { summary: Record<string, SummaryEntry>; flags: Flag[] } {
  const summary: Record<string, SummaryEntry> = {};
  const flags: Flag[] = [];
  for (const def of metricDefs()) {
    const role = kind === '预算' && def.kind === 'amount' ? 'budget' : (def.role ?? 'actual');
    // An amount whose unit is unknown (a table without 单位：…) could be 元 or 万元: never a summary figure.
    const cands = facts.filter(
      (f) =>
        f.metric === def.key &&
        f.kind === def.kind &&
        f.role === role &&
        (f.kind !== 'amount' || f.yuan !== undefined) &&
        (year === null || f.year === null || f.year === year),
    );
    const table = cands.find((f) => f.from === 'table');
    const text = cands.filter((f) => f.from === 'text');
    const chosen = table ?? bestStatement(text, def);
    if (!chosen) continue;
    summary[def.key] = entry(chosen);
    if (table)
      for (const t of text) {
        const against = grandRows(facts, table, t) ?? [table];
        if (against.some((g) => same(g, t)) || withCarryIn(facts, table, t)) continue;
        const slip = against.find((g) => unitSlip(g, t));
        flags.push(textAgainstTable(def.key, slip ?? against[0]!, t, !!slip));
      }
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

/** A narrative 总计 (收入总计, 财政拨款收入总计) where the table the metric comes from prints its own 总计 rows
 *  beside the year's 合计 (本年收入合计 + 上年结转 = 总计): those rows, which the words name; else undefined. */
export function grandRows(facts: Fact[], table: Fact, text: Fact): Fact[] | undefined {
  const grand = (s: string | undefined) => !!s && /总计$/u.test(s.replace(/\s/gu, ''));
  if (!grand(text.label) || grand(table.about?.name) || !table.about?.tableId) return undefined;
  // (in every table that prints the metric: 财政拨款收入 is a 合计 cell of the 收入决算表 and of the 财政拨款收支总表,
  // whose 总计 row is the one a 财政拨款收入总计 restates)
  const cells = facts.filter((g) => g.from === 'table' && g.metric === table.metric && g.role === table.role && g.about?.tableId && !grand(g.about.name));
  const at = new Set(cells.map((g) => `${g.about!.tableId}|${g.about!.column ?? ''}`));
  const rows = facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.role === table.role && !g.about?.code && grand(g.about?.name) && at.has(`${g.about!.tableId}|${g.about!.column ?? ''}`));
  return rows.length ? rows : undefined;
}

/** A narrative income total that is the table's 本年收入合计 plus the 上年结转结余 its own section states (杭州
 *  2026 预算: “2026年收入预算99,230.46万元…其中：一般公共预算拨款收入91,495.48万元…上年结转结余347.32万元”
 *  beside the table's 本年收入合计 98,883.14): the 收入总计, whose row the table prints elsewhere — no conflict. */
export function withCarryIn(facts: Fact[], table: Fact, text: Fact): boolean {
  if (table.metric !== 'total_income' || table.yuan === undefined || text.yuan === undefined || /总计/u.test(table.about?.name ?? '')) return false;
  const words = carryInWords();
  return facts.some((g) => {
    if (g.from !== 'text' || g.kind !== 'amount' || g.yuan === undefined || g.yuan <= 0 || (g.section ?? null) !== (text.section ?? null)) return false;
    if (!words.label.test(g.label) || words.not.test(g.label)) return false;
    const step = Math.max(lastDigitYuan(table), lastDigitYuan(g), lastDigitYuan(text));
    return Math.abs(table.yuan! + g.yuan! - text.yuan!) <= step;
  });
}

let carryIn: { label: RegExp; not: RegExp } | null = null;
/** The words of a carried-in figure (patterns/grand-totals.yaml carryIn). */
function carryInWords(): { label: RegExp; not: RegExp } {
  if (!carryIn) {
    const p = loadPattern<{ carryIn: { label: string; not: string } }>('grand-totals.yaml').carryIn;
    carryIn = { label: new RegExp(p.label, 'u'), not: new RegExp(p.not, 'u') };
  }
  return carryIn;
}

/** Equal as printed: a figure rounded in print (9628.22万元 beside a table's 96,282,213.44元) agrees
 *  with the exact one when they differ by at most half the coarser figure's last printed digit; or cut off
 *  there (上海 文物保护研究中心 2026: 1,361万元 for the table's 13,616,271元, 1,237万元 for 12,376,671元 — the
 *  digits past the last printed one dropped, as a rate may be; PERCENT_MISMATCH reads rates so). */
function same(a: Fact, b: Fact): boolean {
  if (a.kind !== 'amount') return a.value === b.value;
  if (a.yuan === undefined || b.yuan === undefined) return a.yuan === b.yuan;
  const step = Math.max(lastDigitYuan(a), lastDigitYuan(b));
  if (step <= 1) return a.yuan === b.yuan;
  if (2 * Math.abs(a.yuan - b.yuan) <= step) return true;
  const [coarse, fine] = lastDigitYuan(a) >= lastDigitYuan(b) ? [a.yuan, b.yuan] : [b.yuan, a.yuan];
  return Math.abs(fine) - Math.abs(coarse) >= 0 && Math.abs(fine) - Math.abs(coarse) < step && Math.sign(fine) === Math.sign(coarse);
}


/** A place in plain Chinese: 第2页表t1第5行 / 第4页第38行 / 第3段. */
function where(loc: Loc): string {
  const at = loc.page !== undefined ? `第${loc.page}页` : loc.paragraph !== undefined ? `第${loc.paragraph}段` : '';
  return loc.table ? `${at}表${loc.table}第${(loc.row ?? 0) + 1}行` : `${at}第${loc.line}行`;
}

/** The text prints the table's very digits under another unit (预算支出1682.76元 for the table's 1682.76万元, 长春
 *  信访局 2026): the unit is wrong, not the figure. Three significant digits at least — a coincidence of so many
 *  digits at a scale 10,000 apart is no chance. */
function unitSlip(table: Fact, text: Fact): boolean {
  if (table.kind !== 'amount' || text.kind !== 'amount' || table.unit === text.unit || table.value !== text.value) return false;
  return text.text.replace(/[^\d]/g, '').replace(/^0+/, '').length >= 3;
}

/** A narrative figure against its table cell: a unit slip (UNIT_SUSPECT, error), else two figures (VALUE_CONFLICT). */
function textAgainstTable(metric: string, table: Fact, text: Fact, slip: boolean): Flag {
  const t = `${table.text}${table.unit}`;
  const n = `${text.text}${text.unit}`;
  const name = metricDef(metric)?.names[0] ?? metric;
  const at = `${name}正文写${n}（${where(text.loc)}），表格`;
  return {
    code: slip ? 'UNIT_SUSPECT' : 'VALUE_CONFLICT',
    severity: slip ? 'error' : 'warning',
    message: slip ? `单位有误：${at}中同一数字为${t}（${where(table.loc)}），应为“${text.text}${table.unit}”。` : `正文数字与表格不一致：${at}为${t}（${where(table.loc)}）；以表格数为准。`,
    loc: text.loc,
    excerpt: text.excerpt,
    expected: slip ? `${text.text}${table.unit}` : t,
    found: n,
  };
}
