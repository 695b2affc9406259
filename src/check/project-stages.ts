// The same projects stated at successive stages of one year's performance management (issue 11, rule 3:
// stated sums and restatements): “编报绩效目标的2024年度项目4个，涉及预算金额598.42万元；绩效跟踪评价的2024年度项目4个，
// 涉及预算金额598.42万元；绩效自评的2024年度项目4个，涉及预算金额598.42万元”. A stage only takes projects of the stage
// before (a project is tracked and evaluated against the targets it was given), so the same number of the
// same year's projects is the same projects, and the amount they involve, under the same words, is the
// same figure. Where one differs, a budget adjusted during the year might explain it: a warning, on the
// figure that differs from the others (of two, on the later one, naming the earlier).
// The clause is data: patterns/identities.yaml claims.projectStages.
import type { Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { flagInParagraph, uncertainAt, type Paragraph } from './paragraphs.js';

interface Cfg {
  claims?: { projectStages?: { clause: string; stages: string; filler: string } };
}
let compiled: { clause: RegExp; stages: RegExp; filler: RegExp } | null | undefined;
const rules = () => {
  if (compiled !== undefined) return compiled;
  const c = loadPattern<Cfg>('identities.yaml').claims?.projectStages;
  return (compiled = c ? { clause: new RegExp(c.clause, 'gu'), stages: new RegExp(c.stages, 'gu'), filler: new RegExp(c.filler, 'gu') } : null);
};

/** The stage a clause is stated at: the words before it, back to the punctuation, naming one stage of
 *  the chain and nothing else (其中一般公共预算项目3个 is a part, 开展重点绩效评价的项目5个 a selection). */
function stageBefore(text: string, at: number, r: NonNullable<typeof compiled>): string | null {
  const from = Math.max(...['，', ',', '；', ';', '。', '：', ':', '（', '('].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const words = text.slice(from, at).replace(/\s+/gu, '');
  const stage = words.match(r.stages)?.[0];
  if (!stage) return null;
  return words.replace(r.stages, '').replace(r.filler, '') === '' ? stage : null;
}

interface Clause {
  key: string;
  fig: Fig;
  shown: string;
  s: number;
  e: number;
}

export function projectStages(p: Paragraph): Flag[] {
  const r = rules();
  if (!r) return [];
  const groups = new Map<string, Clause[]>();
  for (const m of p.text.matchAll(r.clause)) {
    const g = m.groups!;
    if (!stageBefore(p.text, m.index, r)) continue;
    const fig = figOf(g.value!, g.unit);
    if (!fig) continue;
    const s = m.index + m[0].lastIndexOf(g.value! + g.unit!);
    const e = s + g.value!.length + g.unit!.length;
    if (uncertainAt(p, s, e)) continue;
    // the same year (where one is named), number of projects and words before the amount
    const key = `${g.year ?? ''}\u0000${g.count}\u0000${g.what}`;
    const c: Clause = { key, fig, shown: `${g.value}${g.unit}`, s, e };
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const flags: Flag[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const agrees = (a: Clause, b: Clause) => sumFits(a.fig, [b.fig]);
    if (list.every((a) => list.every((b) => agrees(a, b)))) continue;
    // the one that differs from all the others, the others agreeing among themselves
    const odd = list.filter((a) => list.every((b) => a === b || !agrees(a, b)));
    let bad: Clause | undefined;
    let other: Clause | undefined;
    if (list.length === 2) [other, bad] = list;
    else if (odd.length === 1) {
      bad = odd[0]!;
      const rest = list.filter((x) => x !== bad);
      if (!rest.every((a) => rest.every((b) => agrees(a, b)))) continue;
      other = rest[0];
    }
    if (!bad || !other) continue;
    const n = list.length;
    flags.push(
      flagInParagraph('VALUE_CONFLICT', p, bad.s, bad.e, `同一批项目的金额前后不一：本段${n}处所述项目数相同，涉及金额应相同；此处为${bad.shown}，${n > 2 ? '其余各处' : '前文'}为${other.shown}。`, {
        severity: 'warning',
        expected: other.shown,
        found: bad.shown,
      }),
    );
  }
  return flags;
}
