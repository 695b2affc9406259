// A count of projects and the money they involve, against the projects the report then goes through one by one
// (issue 11, rule 3: stated sums). “项目1个，共涉及资金6.08万元” and, below it, one self-evaluation summary per project
// with its full-year budget (“女职工体检”项目绩效自评综述：…项目全年预算数为6.08万元): where the summaries name as many
// distinct projects as the count, each with one budget, those budgets are the money involved, at the printed
// precision. A summary repeated (the template printed twice) is one project; a project given two budgets, or a
// count the summaries do not reach, gives no verdict. A warning: the count's money may be a budget adjusted later.
// The words are data: patterns/identities.yaml claims.projectStages (the count) and claims.projectLists.
import type { Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { decimalsOf, formatAmount } from './numbers.js';
import { flagInParagraph, uncertainAt, type Paragraph } from './paragraphs.js';

interface Cfg {
  claims?: { projectStages?: { clause: string }; projectLists?: { summary: string; budget: string } };
}
let compiled: { clause: RegExp; opens: RegExp; summary: RegExp; budget: RegExp } | null | undefined;
const rules = () => {
  if (compiled !== undefined) return compiled;
  const c = loadPattern<Cfg>('identities.yaml').claims;
  const [stages, lists] = [c?.projectStages, c?.projectLists];
  return (compiled = stages && lists ? { clause: new RegExp(stages.clause, 'gu'), opens: new RegExp(stages.clause, 'u'), summary: new RegExp(lists.summary, 'u'), budget: new RegExp(lists.budget, 'u') } : null);
};

interface Count {
  p: Paragraph;
  n: number;
  fig: Fig;
  shown: string;
  unit: string;
  decimals: number;
  s: number;
  e: number;
}

export function projectLists(paragraphs: Paragraph[]): Flag[] {
  const r = rules();
  if (!r) return [];
  const flags: Flag[] = [];
  paragraphs.forEach((p, i) => {
    for (const m of p.text.matchAll(r.clause)) {
      const g = m.groups!;
      const fig = figOf(g.value!, g.unit);
      const n = Number(g.count);
      if (!fig || !(n >= 1)) continue;
      const s = m.index + m[0].lastIndexOf(g.value! + g.unit!);
      const e = s + g.value!.length + g.unit!.length;
      if (uncertainAt(p, s, e)) continue;
      const flag = check({ p, n, fig, shown: `${g.value}${g.unit}`, unit: g.unit!, decimals: decimalsOf(g.value!), s, e }, paragraphs.slice(i + 1), r);
      if (flag) flags.push(flag);
    }
  });
  return flags;
}

function check(c: Count, after: Paragraph[], r: NonNullable<typeof compiled>): Flag | null {
  // the summaries below the count, up to the next count (another list)
  const budgets = new Map<string, { fig: Fig; text: string }[]>();
  for (const p of after) {
    if (r.opens.test(p.text)) break;
    const name = r.summary.exec(p.text)?.groups?.name?.replace(/[“”"‘’'「」\s]/gu, '');
    if (!name) continue;
    const b = r.budget.exec(p.text);
    if (!b || uncertainAt(p, b.index, b.index + b[0].length)) return null;
    const fig = figOf(b.groups!.value!, b.groups!.unit);
    if (!fig) return null;
    budgets.set(name, [...(budgets.get(name) ?? []), { fig, text: `${b.groups!.value}${b.groups!.unit}` }]);
  }
  if (budgets.size !== c.n) return null;
  const parts: Fig[] = [];
  for (const list of budgets.values()) {
    if (!list.every((x) => sumFits(list[0]!.fig, [x.fig]))) return null;
    parts.push(list[0]!.fig);
  }
  if (sumFits(c.fig, parts)) return null;
  const total = parts.reduce((a, x) => a + x.v, 0n);
  const shown = formatAmount(Number(total) / 1e5, c.unit, c.decimals);
  const each = [...budgets.values()].map((l) => l[0]!.text).join('＋');
  return flagInParagraph('SUM_MISMATCH', c.p, c.s, c.e, `项目金额与所列项目不符：此处${c.n}个项目共涉及资金${c.shown}，而下文逐一综述的${c.n}个项目全年预算数${c.n > 1 ? `之和（${each}）` : ''}为${shown}。`, {
    severity: 'warning',
    expected: shown,
    found: c.shown,
  });
}
