// What the prose-figure rules share: a document's text facts by paragraph (Ctx), which fact is a level, a change or a
// rate, which facts are about the same subject, reading order, and the text between two facts.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { checksConfig } from './config.js';
import { loadPattern } from '../patterns.js';
import { makeFlag } from './flag.js';
import { figOf, type Fig } from './identities.js';
import { entityHead } from './restate-names.js';
import { lineKey, type TextIndex } from './lines.js';
import { decimalsOf, isAmount, lastDigitYuan, wholeInList } from './numbers.js';

export interface Ctx {
  doc: ExtractedDocument;
  /** The template family the check stage found (patterns/required.yaml `families`), where it found one. */
  template?: string | null;
  /** Text facts by paragraph, in reading order: a change, its rate and its current figure are read
   *  within one paragraph. */
  byLine: Map<string, Fact[]>;
  text: TextIndex;
  /** Changes already flagged UNIT_SUSPECT: no rate is checked against them. */
  suspect: Set<string>;
  /** Where the document-level sums rule flagged a total (lineKey|start). */
  summed: Set<string>;
}

const start = (f: Fact) => f.loc.start ?? 0;

/** The figures of facts read together (a sum and its parts): a bare 0 among figures printed with
 *  decimals is a zero written short (工程采购金额0万元 beside 货物采购金额21.07万元; nobody rounds 0.30万元 to
 *  “0万元” where the others print two decimals), as precise as the others, as a bare 0 in a table is;
 *  any other figure keeps its own precision. */
export function figsTogether(facts: Fact[]): (Fig | null)[] {
  const dec = Math.max(0, ...facts.map((f) => decimalsOf(f.text)));
  return facts.map((f) => figOf(wholeInList(f, dec), f.unit, false, dec));
}

/** One unit of a fact's last printed digit in 元, a bare 0 read at the precision of the facts beside it. */
export function lastDigitAmong(f: Fact, facts: Fact[]): number {
  if (!/^0$/.test(f.text.trim())) return lastDigitYuan(f);
  const dec = Math.max(0, ...facts.map((g) => decimalsOf(g.text)));
  return lastDigitYuan({ unit: f.unit, text: dec ? `0.${'0'.repeat(dec)}` : '0' });
}

export const flagOn = (f: Fact, code: Flag['code'], message: string, expected: string | number | null, found: string | number | null) =>
  makeFlag(code, message, { ...f.loc }, f.excerpt, { expected, found });

export const show = (f: Fact) => `${f.text}${f.unit}`;

/** The nearest fact before `f` on its line that satisfies `pred`, not crossing a fact that stops the search. */
export function before(list: Fact[], f: Fact, pred: (g: Fact) => boolean, stop: (g: Fact) => boolean = () => false): Fact | undefined {
  const i = list.indexOf(f);
  for (let j = i - 1; j >= 0; j--) {
    const g = list[j]!;
    if (pred(g)) return g;
    if (stop(g)) return undefined;
  }
  return undefined;
}

const sameMetric = (a: Fact, b: Fact) => a.metric === null || b.metric === null || a.metric === b.metric;

/** Two facts are about the same thing when their metrics do not differ and, where both have a label,
 *  the labels are the same words (信息化建设经费增加35万元 is not a change of 专项经费23.3万元). */
export const sameLabel = (a: Fact, b: Fact) => {
  if (!a.label || !b.label) return true;
  const x = totalWords(a.label);
  const y = totalWords(b.label);
  return x === y || entityLabel(x, y) || entityLabel(y, x);
};

/** A label with the words that only say “the total” folded (收、支总预算 … 收、支总计各增加: 总预算/总计/总额 → 总, the 各 of
 *  “each side” and the 均 of “both sides” — 收、支总计均为… — dropped). */
const totalWords = (label: string) => fold(label).replace(/[各均]$/u, '').replace(/总(?:计|预算|额)$/u, '总');

/** `long` is `short` after the reporting entity's name (上海市普陀区财政局收入支出总计 … 收入支出总计减少56.95万元):
 *  a paragraph names its entity once, at its first figure. */
const entityLabel = (long: string, short: string) => short.length >= 2 && long.length > short.length && long.endsWith(short) && entityHead(long.slice(0, -short.length));

export const sameSubject = (a: Fact, b: Fact) => sameMetric(a, b) && sameLabel(a, b);

/** A figure printed as a bound or an approximation (超过590万元, 不足610万元, 约600万元, 近600万元): no rate or share
 *  rests on it. The words right before the figure on its line (patterns/identities.yaml claims.boundWords). */
export function isBound(text: TextIndex, f: Fact): boolean {
  const words = loadPattern<{ claims?: { boundWords?: string } }>('identities.yaml').claims?.boundWords;
  if (!words || f.loc.start === undefined || f.loc.start === null) return false;
  const raw = text.lines.get(lineKey(f.loc))?.raw;
  if (raw === undefined) return false;
  return new RegExp(`(?:${words})$`, 'u').test(fold(raw.slice(Math.max(0, f.loc.start - 6), f.loc.start)));
}

export const isChangeAmount = (f: Fact) => f.role === 'change' && isAmount(f);

export const isActualAmount = (f: Fact) => f.role === 'actual' && isAmount(f);

/** The document's own figure for its year: the actual one in a 决算, the budget one in a 预算. */
let levelRoles: Fact['role'][] = ['actual'];
/** Set once per document by arithmeticChecks, before any rule runs (checks are synchronous, one document at a time). */
export function setLevelRoles(kind: string | null): void {
  levelRoles = levelRolesFor(kind);
}
/** A document's own figures for its year: its actuals in a 决算, its budgets too in a 预算. */
export const levelRolesFor = (kind: string | null): Fact['role'][] => (kind === '预算' ? ['actual', 'budget'] : ['actual']);

export const isLevel = (f: Fact) => levelRoles.includes(f.role) && isAmount(f);

export const isRate = (f: Fact) => f.kind === 'percent';

/** For a change amount, the current figure it changes: the nearest actual amount before it on its line. */
export const currentOf = (list: Fact[], c: Fact) => before(list, c, (g) => isLevel(g) && sameSubject(g, c), (g) => isChangeAmount(g));

/** For a change amount, its rate: the next percent fact on its line with role change. */
export function rateOf(list: Fact[], c: Fact): Fact | undefined {
  const i = list.indexOf(c);
  const next = list[i + 1];
  return next && isRate(next) && next.role === 'change' && sameSubject(next, c) ? next : undefined;
}

/** Ratio interval [lo, hi] of a/b when both are printed figures that may be off by their rounding. */
export function ratioRange(a: Fact, ay: number, b: Fact, by: number, derived = false): [number, number] {
  const ha = lastDigitYuan(a) * checksConfig().tolerances.amountUnits * 0.5;
  // A base derived from `b` and `a` (prior = current ∓ change) carries both figures' rounding.
  const hb = lastDigitYuan(b) * checksConfig().tolerances.amountUnits * 0.5 + (derived ? ha : 0);
  return [Math.max(0, ay - ha) / (by + hb), (ay + ha) / Math.max(1e-9, by - hb)];
}

/** Whether two facts (a before b) are in one sentence: no full stop between them (`stops`: also a clause's
 *  ；, or only 。 where a list's ； stays inside its sentence). */
export function sameSentence(text: TextIndex, a: Fact, b: Fact, stops = /[。；;]/u): boolean {
  const between = textBetween(text, a, b);
  return between !== null && !stops.test(between);
}

/** What folding deletes: spaces and quotes (one class for fold and foldedLine, whose offsets must agree). */
const FOLD_CLASS = `[\\s“”"'‘’]`;
const FOLD_ALL = new RegExp(FOLD_CLASS, 'gu');
export const fold = (s: string) => s.replace(FOLD_ALL, '');

/** The verbatim text between the end of fact a and the start of fact b (a before b, at most a few lines
 *  apart), folded; null when unknown. */
export function textBetween(text: TextIndex, a: Fact, b: Fact): string | null {
  const ia = text.position.get(lineKey(a.loc));
  const ib = text.position.get(lineKey(b.loc));
  if (ia === undefined || ib === undefined || a.loc.end === undefined || b.loc.start === undefined || ib < ia || ib - ia > 3) return null;
  if (ia === ib) return fold(text.order[ia]!.raw.slice(a.loc.end, b.loc.start));
  const parts = [text.order[ia]!.raw.slice(a.loc.end)];
  for (let i = ia + 1; i < ib; i++) parts.push(text.order[i]!.raw);
  parts.push(text.order[ib]!.raw.slice(0, b.loc.start));
  return fold(parts.join(''));
}

let listRes: [RegExp, RegExp] | undefined;
const listOpenerRes = () => (listRes ??= [new RegExp(checksConfig().listOpeners, 'u'), new RegExp(`。[^。]*(?:${checksConfig().listOpeners})`, 'u')]);

/** Whether the text between a whole and a figure opens a list of the whole's parts (其中/包括: patterns/checks.yaml
 *  listOpeners); `afterStop`: the list opens in a sentence after the whole's. */
export const opensList = (gap: string, afterStop = false) => listOpenerRes()[afterStop ? 1 : 0].test(gap);

const baseRes = new Map<string, RegExp>();

const baseRe = (phrase: string) => baseRes.get(phrase) ?? baseRes.set(phrase, new RegExp(`^(?:${phrase})$`, 'u')).get(phrase)!;

/** The metric a share names as its base (占本年收入90% → total_income), or null when it names none. */
export function namedBase(ctx: Ctx, part: Fact, share: Fact): string | null | undefined {
  const between = textBetween(ctx.text, part, share);
  if (between === null) return undefined;
  const m = /占(.*)$/u.exec(between);
  if (!m) return undefined;
  const phrase = m[1]!.replace(/的$/u, '').replace(/(?:比重|比例)$/u, '');
  if (!phrase) return null;
  for (const b of checksConfig().shareBases) if (baseRe(b.phrase).test(phrase)) return b.metric;
  return undefined; // names a base we do not know: no check
}

const pos = (f: Fact) => [f.loc.page ?? f.loc.paragraph ?? 0, f.loc.line, start(f)] as const;

export const isBefore = (a: Fact, b: Fact) => {
  const [p1, l1, s1] = pos(a);
  const [p2, l2, s2] = pos(b);
  return p1 !== p2 ? p1 < p2 : l1 !== l2 ? l1 < l2 : s1 < s2;
};

/** The facts before `f` in the same section that satisfy `pred`, nearest first. */
export function nearestAllBefore(facts: Fact[], f: Fact, pred: (g: Fact) => boolean): Fact[] {
  return facts.filter((g) => g !== f && pred(g) && isBefore(g, f) && (g.section ?? null) === (f.section ?? null)).sort((a, b) => (isBefore(a, b) ? 1 : -1));
}

/** The verbatim text between the end of fact a and the start of fact b, folded, at most `lines` lines
 *  apart (a list's 其中 may come after a paragraph of reasons and a page break); null when unknown. */
export function textSpan(text: TextIndex, a: Fact, b: Fact, lines: number): string | null {
  const ia = text.position.get(lineKey(a.loc));
  const ib = text.position.get(lineKey(b.loc));
  if (ia === undefined || ib === undefined || ib - ia > lines) return null;
  return textBetween(text, a, b) ?? fold([text.order[ia]!.raw.slice(a.loc.end), ...text.order.slice(ia + 1, ib).map((l) => l.raw), text.order[ib]!.raw.slice(0, b.loc.start)].join(''));
}

/** The words of a figure's paragraph around it, folded: before it (the start of its line and up to `lines` lines
 *  above) or after it (the rest of its line and up to `lines` lines below), at most MAX_CONTEXT characters from the
 *  figure; '' where the figure has no place. */
export function paragraphText(text: TextIndex, f: Fact, side: 'before' | 'after', lines: number): string {
  const i = text.position.get(lineKey(f.loc));
  const at = side === 'before' ? f.loc.start : f.loc.end;
  if (i === undefined || at === undefined) return '';
  const para = text.paragraph.get(lineKey(f.loc));
  const own = foldedLine(text, i);
  const cut = own.at[Math.min(at, own.at.length - 1)]!;
  const parts = [side === 'before' ? own.text.slice(Math.max(0, cut - MAX_CONTEXT), cut) : own.text.slice(cut, cut + MAX_CONTEXT)];
  let length = parts[0]!.length;
  const step = side === 'before' ? -1 : 1;
  for (let k = i + step, n = 0; n < lines && length < MAX_CONTEXT && k >= 0 && k < text.order.length && text.paragraph.get(lineKey(text.order[k]!.loc)) === para; k += step, n++) {
    const t = foldedLine(text, k).text;
    length += t.length;
    if (side === 'before') parts.unshift(t);
    else parts.push(t);
  }
  if (parts.length === 1) return parts[0]!;
  const joined = parts.join('');
  return side === 'before' ? joined.slice(-MAX_CONTEXT) : joined.slice(0, MAX_CONTEXT);
}

// What the callers read is the clause or sentence at the figure; a line of a paragraph is far shorter than this
// anywhere but in a text with no line breaks, where copying the whole line for each of its figures was quadratic.
const MAX_CONTEXT = 2000;

// Each line folded once, with where each raw offset falls in the folded text: fold only deletes characters, so
// the fold of a slice is the slice of the fold. (Folding the line again for every figure on it was quadratic on
// a long line: a 180,000-character line of 12,856 figures took 8 s in fold alone.)
const foldCache = new WeakMap<TextIndex, Map<number, { text: string; at: Int32Array }>>();
function foldedLine(text: TextIndex, i: number): { text: string; at: Int32Array } {
  let byLine = foldCache.get(text);
  if (!byLine) foldCache.set(text, (byLine = new Map()));
  let hit = byLine.get(i);
  if (!hit) {
    const raw = text.order[i]!.raw;
    const at = new Int32Array(raw.length + 1);
    const kept: string[] = [];
    for (let r = 0; r < raw.length; r++) {
      at[r] = kept.length;
      const c = raw[r]!;
      if (!FOLDED.test(c)) kept.push(c);
    }
    at[raw.length] = kept.length;
    byLine.set(i, (hit = { text: kept.join(''), at }));
  }
  return hit;
}
const FOLDED = new RegExp(`^${FOLD_CLASS}$`, 'u');

/** The text facts in reading order (line, then offset). */
export function readingOrder(ctx: Ctx): Fact[] {
  return ctx.doc.facts
    .filter((f) => f.from === 'text' && ctx.text.position.has(lineKey(f.loc)))
    .sort((a, b) => ctx.text.position.get(lineKey(a.loc))! - ctx.text.position.get(lineKey(b.loc))! || start(a) - start(b));
}

export const tolOf = (f: Fact) => (isAmount(f) ? lastDigitYuan(f) * checksConfig().tolerances.amountUnits : 0);
