// Claims about a comparison (issue 11, rule 3): “决算数大于/小于/等于预算数” must agree with the budget
// and the actual figure it compares, found anywhere earlier in its paragraph (not only in its sentence).
// The words of a claim and the figures' roles come from patterns/identities.yaml `claims`; the
// comparison is interval arithmetic on the printed figures (a claim is contradicted only when no values
// inside the printed intervals make it true).
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { makeFlag, placeOf } from './flag.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { cueOfWords, namedBudget } from './budget-cue.js';
import { lineKey, paragraphsOf, type TextIndex } from './lines.js';
import { textBetween } from './prose-figures.js';
import { ledgerBudget } from './budget-rates.js';
import { netParts } from './net-parts.js';
import { classChanges, restatedClassChanges } from './class-changes.js';
import { proseLevels } from './prose-levels.js';
import { decimalsOf, formatAmount, lastDigitYuan, yuanOf } from './numbers.js';

interface ClaimsCfg {
  claims: { pattern: string; relations: Record<string, Relation>; aboutEqual?: number; balancedChanges?: Record<string, [string, string][]> };
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
  // Paragraphs: their lines in order, and the text amounts in them.
  const { lines: paras, facts: factsOf } = paragraphsOf(doc, text, (f) => f.kind === 'amount');
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
      // Each actual with the budgets stated since the actual before it; of those, the one the claim names.
      const cue = cueOfWords(m[0]);
      const pairs: { b: Fact; a: Fact }[] = [];
      let budgets: Fact[] = [];
      for (const f of before) {
        if (f.role === 'budget') budgets.push(f);
        else if (f.role === 'actual') {
          const b = budgets.length ? namedBudget(text, budgets, cue) : undefined;
          if (b) pairs.push({ b, a: f });
          budgets = [];
        }
      }
      // (no budget in the paragraph: an actual of the claim's sentence whose budget only the tables print — a 三公 item's)
      if (!pairs.length) {
        const a = before.filter((f) => f.role === 'actual' && f.metric && !/[。；]/u.test(joined.slice(offsetOf(f), at))).pop();
        const b = a && ledgerBudget(doc, a.metric, a);
        if (a && b) pairs.push({ b, a });
      }
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
      const li = starts.findLastIndex((s) => s <= at);
      if (!contradicts(rel, fa, fb, c.aboutEqual ?? 0)) {
        // A claim that states the difference (决算数比年初预算数减少48.16万元): budget and actual differ by it, at the printed
        // precision.
        const d = /^(\d[\d,]*(?:\.\d+)?)(万元|亿元|元)/u.exec(joined.slice(at + m[0].length));
        const fd = d && (rel === 'greater' || rel === 'less') ? figOf(d[1]!, d[2]!) : null;
        if (!fd || !d || d[2] !== a.unit || d[2] !== b.unit) continue;
        if (rel === 'greater' ? sumFits(fa, [fb, fd]) : sumFits(fb, [fa, fd])) continue;
        const line = lines[li]!;
        const start = at + m[0].length - starts[li]!;
        const gap = formatAmount(Math.abs((yuanOf(a) ?? 0) - (yuanOf(b) ?? 0)), a.unit, Math.max(decimalsOf(a.text), decimalsOf(b.text)));
        flags.push(
          makeFlag('VALUE_CONFLICT', `比较的差额与数字不符：文中称决算数比预算数${rel === 'greater' ? '多' : '少'}${d[0]}，而预算为${b.text}${b.unit}、决算为${a.text}${a.unit}，相差${gap}。`, { ...line.loc, start, end: Math.min(line.raw.length, start + d[0].length) }, joined.slice(clauseStart, at + m[0].length + d[0].length).trim(), {
            severity: 'error',
            expected: gap,
            found: d[0],
          }),
        );
        continue;
      }
      const line = lines[li]!;
      const start = at - starts[li]!;
      const end = Math.min(line.raw.length, start + m[0].length);
      const word = { greater: '大于', less: '小于', equal: '等于', about: '基本等于' }[rel];
      const truth = fa.v > fb.v ? '大于' : fa.v < fb.v ? '小于' : '等于';
      flags.push(
        makeFlag('DIRECTION_CONFLICT', `比较与数字不符：文中称决算数${word}预算数，而预算为${b.text}${b.unit}${b.from === 'table' ? `（${b.about?.table ?? '表'}${placeOf(b.loc)}）` : ''}、决算为${a.text}${a.unit}，决算数${truth}预算数${rel === 'about' ? `（相差${percentApart(fa, fb)}）` : ''}。`, { ...line.loc, start, end }, joined.slice(clauseStart, at + m[0].length).trim(), {
          ...(rel === 'about' ? { severity: 'warning' as const } : {}),
          expected: `决算数${truth}预算数`,
          found: m[0],
        }),
      );
    }
  }
  return [...flags, ...netParts(doc, text), ...classChanges(doc, text), ...restatedClassChanges(doc), ...proseLevels(doc, text)];
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

/** What a change is measured against, from the words between the figure and its change: `，比2024年预算执行数增加`
 *  → 预算执行数; the year, 相比 and the direction word dropped. Null where no 比/较 is stated. */
function baseOf(between: string | null): string | null {
  const m = /(?:比|较)([^比较，,。；;]*)$/u.exec((between ?? '').replace(/\s/gu, ''));
  if (!m) return null;
  const b = m[1]!.replace(/\d+年度?|上年度?|相比|同比/gu, '').replace(/(?:增加|减少|增长|下降|上升|降低|持平)+$/u, '');
  return b || null;
}

/** Two sides that balance in a report of one kind (patterns/identities.yaml claims.balancedChanges: a
 *  预算's 财政拨款收入 and 财政拨款支出), each stated with the same amount this year and its change from last
 *  year (“财政拨款收入9628.22万元，比2025年预算增加793.14万元” … “财政拨款支出预算9628.22万元，比2025年预算增加
 *  793.14万元”): last year's two were equal too unless last year's budget carried a balance over, so the two
 *  changes are the same. Which one is wrong, or whether last year differed, is not known: a warning, on the
 *  statement that fewer other changes of the same amount agree with (on a tie, the later). Opposite
 *  directions of one amount are the twin-change rule's. */
export function balancedChanges(doc: ExtractedDocument, text?: TextIndex): Flag[] {
  const pairs = cfg()?.balancedChanges?.[doc.document.kind ?? ''] ?? [];
  if (!pairs.length) return [];
  const facts = doc.facts.filter((f) => f.from === 'text' && f.kind === 'amount');
  // Each change with the amount it is the change of: the fact just before it, of its metric and year.
  const stated: { x: Fact; c: Fact; v: number; xy: number; metrics: string[]; base: string | null }[] = [];
  // (a figure of both sides at once — 财政拨款收、支总预算13649.07万元…收、支总计各增加844.15万元 — is each side's)
  const both = (f: Fact) => !f.metric && f.about?.fund === 'fiscal' && /收[、，,]?支/u.test(f.label.replace(/\s/gu, ''));
  facts.forEach((c, i) => {
    const x = facts[i - 1];
    if (c.role !== 'change' || (c.direction !== 'increase' && c.direction !== 'decrease')) return;
    if (!x || x.role === 'change' || x.year !== c.year || c.year !== doc.document.year) return;
    // (not past a figure that lost its unit, nor into a 其中 list: “…收入预算总计16,415.81万元。其中（1）一般公共预算收入预算
    // 16,415.81，与上年相比增加…” — the change is the unit-less figure's, not the total's)
    const between = text ? textBetween(text, x, c) : '';
    // (a rate between — 占本年支出合计的99.13% — is no such figure)
    if (between === null || /\d\.\d+(?![\d%％]|\s*(?:万元|亿元|元))|其中/u.test(between)) return;
    const bothSides = !c.metric && !x.metric && both(x) && both(c);
    if (!bothSides && (!c.metric || x.metric !== c.metric)) return;
    const cy = yuanOf(c);
    const xy = yuanOf(x);
    if (cy === null || xy === null || cy <= 0 || xy <= 0) return;
    stated.push({ x, c, v: (c.direction === 'decrease' ? -1 : 1) * cy, xy, metrics: bothSides ? pairs.flat() : [x.metric!], base: baseOf(between) });
  });
  // Changes against different bases (比2024年预算执行数 / 比2024年预算: what was spent against what was budgeted)
  // need not agree: only changes whose stated bases are the same, or not stated, are compared (普陀区商务委 2025
  // 预算, held out: 财政拨款收入 vs 执行数 +24,558.18, 财政拨款支出 vs 预算 +24,491.71 — a false warning before).
  const comparable = (a: { base: string | null }, b: { base: string | null }) => !a.base || !b.base || a.base === b.base;
  const half = (f: Fact) => lastDigitYuan(f) / 2;
  const same = (a: (typeof stated)[0], b: (typeof stated)[0]) => Math.abs(a.v - b.v) < half(a.c) + half(b.c) || a.v === b.v;
  const show = (f: Fact) => `${f.text}${f.unit}`;
  const word = (s: (typeof stated)[0]) => (s.v < 0 ? '减少' : '增加');
  const flags: Flag[] = [];
  const done = new Set<Fact>();
  // How many other amounts of the text state the same figure: where two sides disagree, the one fewer
  // restatements agree with is the odd one.
  const restated = (x: Fact) => facts.filter((g) => g !== x && g.year === x.year && g.role !== 'change' && yuanOf(g) === yuanOf(x)).length;
  for (const [ma, mb] of pairs) {
    // The same change on both sides (…财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元 … 财政拨款支出预算18,916.76万元，比2024年
    // 预算增加3,355.65万元): last year's two were equal, so this year's are, unless a balance was carried over.
    for (const a of stated.filter((s) => s.metrics.includes(ma))) {
      for (const b of stated.filter((s) => s !== a && s.metrics.includes(mb) && s.xy !== a.xy && same(a, s) && a.v !== 0 && s.v === a.v && comparable(a, s))) {
        const fa = figOf(a.x.text, a.x.unit);
        const fb = figOf(b.x.text, b.x.unit);
        if (!fa || !fb || sumFits(fa, [fb]) || done.has(a.x) || done.has(b.x)) continue;
        const later = facts.indexOf(a.x) > facts.indexOf(b.x) ? a : b;
        const [odd, other] = restated(a.x) < restated(b.x) ? [a, b] : restated(b.x) < restated(a.x) ? [b, a] : later === a ? [a, b] : [b, a];
        done.add(odd.x);
        flags.push(
          makeFlag('VALUE_CONFLICT', `收支两方不一致：此处${odd.x.label || ''}为${show(odd.x)}，${placeOf(other.x.loc)}${other.x.label || ''}为${show(other.x)}；二者比上年的变动相同（${word(odd)}${show(odd.c)}），除非上年预算有结转，本年数应相等。`, { ...odd.x.loc }, odd.x.excerpt, {
            severity: 'warning',
            expected: show(other.x),
            found: show(odd.x),
          }),
        );
      }
    }
    for (const a of stated.filter((s) => s.metrics.includes(ma))) {
      for (const b of stated.filter((s) => s !== a && s.metrics.includes(mb) && s.xy === a.xy && comparable(a, s))) {
        if (same(a, b) || Math.abs(a.v) === Math.abs(b.v) || done.has(a.c) || done.has(b.c)) continue;
        // the other changes of the same amount this year that agree with each side
        const support = (s: (typeof stated)[0]) => stated.filter((o) => o !== a && o !== b && o.xy === s.xy && same(o, s)).length;
        const later = facts.indexOf(a.c) > facts.indexOf(b.c) ? a : b;
        const [odd, other] = support(a) < support(b) ? [a, b] : support(b) < support(a) ? [b, a] : later === a ? [a, b] : [b, a];
        done.add(odd.c);
        const where = placeOf(other.c.loc);
        flags.push(
          makeFlag('VALUE_CONFLICT', `收支两方的变动不一致：此处${odd.x.label || ''}${show(odd.x)}${word(odd)}${show(odd.c)}，${where}${other.x.label || ''}${show(other.x)}却是${word(other)}${show(other.c)}；二者本年相等，除非上年预算有结转，变动应相同。`, { ...odd.c.loc }, odd.c.excerpt, {
            severity: 'warning',
            expected: `${word(other)}${show(other.c)}`,
            found: `${word(odd)}${show(odd.c)}`,
          }),
        );
      }
    }
  }
  return flags;
}
