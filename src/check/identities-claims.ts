// Claims about a comparison (issue 11, rule 3): “决算数大于/小于/等于预算数” must agree with the budget
// and the actual figure it compares, found anywhere earlier in its paragraph (not only in its sentence).
// The words of a claim and the figures' roles come from patterns/identities.yaml `claims`; the
// comparison is interval arithmetic on the printed figures (a claim is contradicted only when no values
// inside the printed intervals make it true).
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { makeFlag } from './flag.js';
import { figOf, type Fig } from './identities.js';
import { lineKey, type TextIndex } from './lines.js';
import { netParts } from './net-parts.js';

interface ClaimsCfg {
  claims: { pattern: string; relations: Record<string, Relation>; aboutEqual?: number };
}
const cfg = () => loadPattern<ClaimsCfg>('identities.yaml').claims;

type Relation = 'greater' | 'less' | 'equal' | 'about';

const fold = (s: string) => s.replace(/[\s“”"'‘’（）()]/g, '');

/** Longest common substring length of two short strings. */
function common(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
    if (k > best) best = k;
  }
  return best;
}

export function comparisonClaims(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const flags: Flag[] = [];
  const c = cfg();
  if (!c) return flags;
  const re = new RegExp(c.pattern, 'gu');
  // Paragraphs: their lines in order, and the text facts in them.
  const paras = new Map<number, string[]>();
  for (const l of text.order) {
    const k = lineKey(l.loc);
    const p = text.paragraph.get(k)!;
    paras.set(p, [...(paras.get(p) ?? []), k]);
  }
  const factsOf = new Map<number, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount') continue;
    const p = text.paragraph.get(lineKey(f.loc));
    if (p !== undefined) factsOf.set(p, [...(factsOf.get(p) ?? []), f]);
  }
  for (const [p, keys] of paras) {
    const lines = keys.map((k) => text.lines.get(k)!);
    // Joined raw text with the offset of each line.
    let joined = '';
    const starts: number[] = [];
    for (const l of lines) {
      starts.push(joined.length);
      joined += l.raw;
    }
    const facts = (factsOf.get(p) ?? []).slice();
    const offsetOf = (f: Fact) => {
      const i = keys.indexOf(lineKey(f.loc));
      return i < 0 ? -1 : starts[i]! + (f.loc.start ?? 0);
    };
    for (const m of joined.matchAll(re)) {
      const rel = Object.entries(c.relations).find(([w]) => m[0].includes(w))?.[1];
      if (!rel) continue;
      const at = m.index!;
      // Budget → actual pairs before the claim: a budget figure and the next actual figure after it.
      const before = facts.filter((f) => offsetOf(f) >= 0 && offsetOf(f) < at).sort((a, b) => offsetOf(a) - offsetOf(b));
      // A claim that opens its paragraph (a PDF ends a paragraph at the full stop before it: “…支出决算为
      // 307.82万元，完成年初预算的95.89%。” / “决算数小于预算数的主要原因：…”) is about the paragraph before.
      if (!before.length && !/[。；]/.test(joined.slice(0, at))) before.push(...(factsOf.get(p - 1) ?? []));
      const pairs: { b: Fact; a: Fact }[] = [];
      before.forEach((f, i) => {
        if (f.role !== 'budget') return;
        const a = before.slice(i + 1).find((g) => g.role === 'actual' || g.role === 'budget');
        if (a && a.role === 'actual') pairs.push({ b: f, a });
      });
      if (!pairs.length) continue;
      // The pair the claim is about: the one whose subject shares most words with the claim's.
      const clauseStart = Math.max(joined.lastIndexOf('。', at - 1), joined.lastIndexOf('；', at - 1), joined.lastIndexOf('，', at - 1)) + 1;
      const subject = fold(joined.slice(clauseStart, at)).replace(/^\d{4}年度?/, '');
      const scored = pairs.map((x) => ({ ...x, s: subject ? common(subject, fold(x.b.label)) : 0 }));
      const best = Math.max(...scored.map((x) => x.s));
      const chosen = subject.length >= 2 ? scored.filter((x) => x.s === best && best >= 2) : scored.slice(-1);
      if (chosen.length !== 1) continue;
      const { a, b } = chosen[0]!;
      const fa = figOf(a.text, a.unit);
      const fb = figOf(b.text, b.unit);
      if (!fa || !fb) continue;
      if (!contradicts(rel, fa, fb, c.aboutEqual ?? 0)) continue;
      const li = starts.findLastIndex((s) => s <= at);
      const line = lines[li]!;
      const start = at - starts[li]!;
      const end = Math.min(line.raw.length, start + m[0].length);
      const word = { greater: '大于', less: '小于', equal: '等于', about: '基本等于' }[rel];
      const truth = fa.v > fb.v ? '大于' : fa.v < fb.v ? '小于' : '等于';
      flags.push(
        makeFlag('DIRECTION_CONFLICT', `比较与数字不符：文中称决算数${word}预算数，而预算为${b.text}${b.unit}、决算为${a.text}${a.unit}，决算数${truth}预算数${rel === 'about' ? `（相差${percentApart(fa, fb)}）` : ''}。`, { ...line.loc, start, end }, joined.slice(clauseStart, at + m[0].length).trim(), {
          ...(rel === 'about' ? { severity: 'warning' as const } : {}),
          expected: `决算数${truth}预算数`,
          found: m[0],
        }),
      );
    }
  }
  return [...flags, ...netParts(doc, text)];
}

/** Is the claim false for every pair of values inside the printed (half-open) intervals? `about`: the
 *  nearest values the intervals allow are still more than `share` of the larger figure apart. */
function contradicts(rel: Relation, a: Fig, b: Fig, share: number): boolean {
  if (rel === 'about') {
    const gap = (a.v > b.v ? a.v - b.v : b.v - a.v) - a.h - b.h;
    const larger = (a.v > b.v ? a.v + a.h : b.v + b.h);
    return gap > 0n && Number(gap) > share * Number(larger);
  }
  if (rel === 'greater') return a.v + a.h <= b.v - b.h;
  if (rel === 'less') return a.v - a.h >= b.v + b.h;
  return a.v + a.h <= b.v - b.h || b.v + b.h <= a.v - a.h;
}

/** How far apart two figures are, as a share of the larger (for the message). */
function percentApart(a: Fig, b: Fig): string {
  const larger = Number(a.v > b.v ? a.v : b.v);
  return larger ? `${((Math.abs(Number(a.v - b.v)) / larger) * 100).toFixed(1)}%` : '0%';
}
