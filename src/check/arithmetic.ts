// Figures that contradict each other: growth, share and completion rates against the amounts they are
// computed from (PERCENT_MISMATCH), a change in the wrong unit or larger than its total (UNIT_SUSPECT),
// parts against totals (SUM_MISMATCH) and one metric stated twice with different values (VALUE_CONFLICT).
import { budgetCue, namedBudget } from './budget-cue.js';
import { flatWords, otherFunds } from './prose-levels.js';
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { checksConfig, metricNames } from './config.js';
import { loadPattern } from '../patterns.js';
import { makeFlag, placeOf } from './flag.js';
import { canonicalSections } from '../outline.js';
import { figOf, flaggedRows, identityChecks, sumFits, type Fig } from './identities.js';
import { balancedChanges, comparisonClaims } from './identities-claims.js';
import { grandTotals } from './grand-totals.js';
import { entityHead, restatedBasicShares, restatedColumns, restatedFiscalTotals, restatedTotals, restatementsByName } from './restate-names.js';
import { reasonRules } from './text-rules.js';
import { lineKey, type TextIndex } from './lines.js';
import { decimalsOf, formatAmount, formatPercent, halfUnit, isAmount, lastDigitYuan, percentFits, wholeInList, yuanOf } from './numbers.js';

interface Ctx {
  doc: ExtractedDocument;
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
function figsTogether(facts: Fact[]): (Fig | null)[] {
  const dec = Math.max(0, ...facts.map((f) => decimalsOf(f.text)));
  return facts.map((f) => figOf(wholeInList(f, dec), f.unit, false, dec));
}


/** One unit of a fact's last printed digit in 元, a bare 0 read at the precision of the facts beside it. */
function lastDigitAmong(f: Fact, facts: Fact[]): number {
  if (!/^0$/.test(f.text.trim())) return lastDigitYuan(f);
  const dec = Math.max(0, ...facts.map((g) => decimalsOf(g.text)));
  return lastDigitYuan({ unit: f.unit, text: dec ? `0.${'0'.repeat(dec)}` : '0' });
}
const flagOn = (f: Fact, code: Flag['code'], message: string, expected: string | number | null, found: string | number | null) =>
  makeFlag(code, message, { ...f.loc }, f.excerpt, { expected, found });
const show = (f: Fact) => `${f.text}${f.unit}`;

export function arithmeticChecks(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const byLine = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'text') continue;
    const k = lineKey(f.loc);
    const p = text.paragraph.get(k);
    const key = p === undefined ? `line:${k}` : `para:${p}`;
    const list = byLine.get(key);
    if (list) list.push(f);
    else byLine.set(key, [f]);
  }
  for (const list of byLine.values()) list.sort((a, b) => (isBefore(a, b) ? -1 : isBefore(b, a) ? 1 : 0));
  levelRoles = doc.document.kind === '预算' ? ['actual', 'budget'] : ['actual'];
  const summed = sums(doc);
  const ctx: Ctx = { doc, byLine, text, suspect: new Set(), summed: new Set(summed.flatMap((f) => (f.loc ? [`${lineKey(f.loc)}|${f.loc.start ?? ''}`] : []))) };
  return oneCause([...unitSuspects(ctx), ...growthRates(ctx), ...levelRates(ctx), ...flatPairs(ctx), ...twinChanges(ctx), ...completionRates(ctx), ...shares(ctx), ...summed, ...changeSums(ctx), ...breakdownDirections(ctx), ...partsWithinTotal(ctx), ...localSums(ctx), ...netChanges(ctx), ...subsetAmounts(ctx), ...enumeratedParts(ctx), ...chainParts(ctx), ...restatedRuns(ctx), ...pairedLists(ctx), ...balancedTotals(ctx), ...valueConflicts(ctx), ...identityChecks(doc), ...restatementsByName(doc), ...restatedTotals(doc), ...restatedColumns(doc), ...restatedBasicShares(doc), ...restatedFiscalTotals(doc), ...comparisonClaims(doc, text), ...balancedChanges(doc), ...grandTotals(doc)]);
}

/** One flag per root cause: an increase larger than its own figure that a breakdown shows to be a decrease
 *  (DIRECTION_CONFLICT on its word) is not also a change in the wrong unit (UNIT_SUSPECT on the same figure). */
function oneCause(flags: Flag[]): Flag[] {
  const at = (f: Flag) => (f.loc ? `${lineKey(f.loc)}|${f.loc.start ?? ''}` : null);
  const turned = new Set(flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map(at));
  return flags.filter((f) => f.code !== 'UNIT_SUSPECT' || !turned.has(at(f)));
}

/** The nearest fact before `f` on its line that satisfies `pred`, not crossing a fact that stops the search. */
function before(list: Fact[], f: Fact, pred: (g: Fact) => boolean, stop: (g: Fact) => boolean = () => false): Fact | undefined {
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
const sameLabel = (a: Fact, b: Fact) => {
  if (!a.label || !b.label) return true;
  const x = totalWords(a.label);
  const y = totalWords(b.label);
  return x === y || entityLabel(x, y) || entityLabel(y, x);
};
/** A label with the words that only say “the total” folded (收、支总预算 … 收、支总计各增加: 总预算/总计/总额 → 总, the 各 of
 *  “each side” dropped). */
const totalWords = (label: string) => fold(label).replace(/各$/u, '').replace(/总(?:计|预算|额)$/u, '总');
/** `long` is `short` after the reporting entity's name (上海市普陀区财政局收入支出总计 … 收入支出总计减少56.95万元):
 *  a paragraph names its entity once, at its first figure. */
const entityLabel = (long: string, short: string) => short.length >= 2 && long.length > short.length && long.endsWith(short) && entityHead(long.slice(0, -short.length));
const sameSubject = (a: Fact, b: Fact) => sameMetric(a, b) && sameLabel(a, b);
const isChangeAmount = (f: Fact) => f.role === 'change' && isAmount(f);
const isActualAmount = (f: Fact) => f.role === 'actual' && isAmount(f);
/** The document's own figure for its year: the actual one in a 决算, the budget one in a 预算. */
let levelRoles: Fact['role'][] = ['actual'];
const isLevel = (f: Fact) => levelRoles.includes(f.role) && isAmount(f);
const isRate = (f: Fact) => f.kind === 'percent';

/** For a change amount, the current figure it changes: the nearest actual amount before it on its line. */
const currentOf = (list: Fact[], c: Fact) => before(list, c, (g) => isLevel(g) && sameSubject(g, c), (g) => isChangeAmount(g));
/** For a change amount, its rate: the next percent fact on its line with role change. */
function rateOf(list: Fact[], c: Fact): Fact | undefined {
  const i = list.indexOf(c);
  const next = list[i + 1];
  return next && isRate(next) && next.role === 'change' && sameSubject(next, c) ? next : undefined;
}

function unitSuspects(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      const x = currentOf(list, c);
      const cy = yuanOf(c);
      const xy = x ? yuanOf(x) : null;
      const rate = rateOf(list, c);
      // 增加26.94元 where the figure it changes is in 万元.
      if (c.unit === '元' && x && xy !== null && (x.unit === '万元' || x.unit === '亿元') && cy !== null) {
        const ref = xy;
        const tiny = ref > 0 && cy / ref < 0.001;
        const rateTooBig = rate && ref > 0 && rate.value >= 1 && (cy / Math.max(1, ref - cy)) * 100 < rate.value / 10;
        // 万元 is suggested only where it is a possible reading: an increase above the figure itself is not.
        const possible = c.direction !== 'increase' || cy * 10_000 <= ref;
        if ((tiny || rateTooBig) && possible) {
          ctx.suspect.add(c.id);
          flags.push(flagOn(c, 'UNIT_SUSPECT', `单位可疑：其他金额以“万元”计，此处变动额却为“${show(c)}”，应为“${c.text}万元”？`, `${c.text}万元`, show(c)));
          continue;
        }
      }
      // A change larger than the figure it changes.
      if (!x || cy === null || xy === null || cy <= xy) continue;
      if (c.direction === 'increase') {
        ctx.suspect.add(c.id);
        flags.push(flagOn(c, 'UNIT_SUSPECT', `数值或单位可疑：增加额${show(c)}大于本年数${show(x)}，上年数将为负数。`, `不大于${show(x)}`, show(c)));
        continue;
      }
      if (c.direction === 'decrease' && rate) {
        const [lo, hi] = ratioRange(c, cy, x, xy + cy, true);
        const contradicts = rate.direction === 'increase' || !percentFits(rate, lo, hi, checksConfig().tolerances.percentHalfUnit, checksConfig().tolerances.minPercentPoints);
        if (contradicts) {
          ctx.suspect.add(c.id);
          flags.push(flagOn(c, 'UNIT_SUSPECT', `数值或单位可疑：减少额${show(c)}远大于本年数${show(x)}，与所述变动率${rate.text}%不符。`, `不大于${show(x)}`, show(c)));
        }
      }
    }
  }
  return flags;
}

/** Ratio interval [lo, hi] of a/b when both are printed figures that may be off by their rounding. */
function ratioRange(a: Fact, ay: number, b: Fact, by: number, derived = false): [number, number] {
  const ha = lastDigitYuan(a) * checksConfig().tolerances.amountUnits * 0.5;
  // A base derived from `b` and `a` (prior = current ∓ change) carries both figures' rounding.
  const hb = lastDigitYuan(b) * checksConfig().tolerances.amountUnits * 0.5 + (derived ? ha : 0);
  return [Math.max(0, ay - ha) / (by + hb), (ay + ha) / Math.max(1e-9, by - hb)];
}

/** The figure a change opening its paragraph compares (“…社会保障和就业（类）支出1374.63万元，主要用于…的支出。” /
 *  “与上年相比增加85.11万元，增长6.60%。”: the line that ends its sentence ends the paragraph): the last level of
 *  the paragraph right before, under the change's own words (the extractor carries the subject over). */
function carriedLevel(ctx: Ctx, list: Fact[], c: Fact): Fact | undefined {
  if (list[0] !== c || !c.label) return undefined;
  const p = ctx.text.paragraph.get(lineKey(c.loc));
  const prev = p === undefined ? undefined : ctx.byLine.get(`para:${p - 1}`);
  const g = prev?.filter((f) => isLevel(f) || isChangeAmount(f) || isRate(f)).pop();
  return g && isLevel(g) && g.label && fold(g.label) === fold(c.label) && g.year === c.year && g.unit === c.unit && (g.section ?? null) === (c.section ?? null) ? g : undefined;
}

function growthRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      const rate = rateOf(list, c);
      const x = currentOf(list, c) ?? carriedLevel(ctx, list, c);
      if (rate && !x && !ctx.suspect.has(c.id)) {
        const z = zeroBase(ctx, c, rate);
        if (z) flags.push(z);
        const led = z ? null : ledgerChange(ctx, list, c, rate);
        if (led) flags.push(led);
        // The change stated against last year's figure given before it (“与2016年度相比（2016年度…为8,648.07万元），
        // 增加498.72万元，增长5.77%”): the rate is the change over that figure.
        // (not where this year's figure stands in the change's own sentence and the prior is another subject's,
        // in a remark: “支出预算12,000.00万元（2018年度基本支出为8,000.00万元），比2018年增加1,000.00万元”)
        const own = before(list, c, (g) => isLevel(g) && g.year === ctx.doc.document.year && sameSentence(ctx.text, g, c), isChangeAmount);
        const p = own ? undefined : before(list, c, (g) => g.role === 'prior_year' && isAmount(g) && sameSubject(g, c), isChangeAmount);
        const cy = yuanOf(c);
        const py = p ? yuanOf(p) : null;
        if (!z && p && cy !== null && py !== null && py > 0 && c.unit === p.unit && (!rate.direction || !c.direction || rate.direction === c.direction)) {
          const [lo, hi] = ratioRange(c, cy, p, py);
          if (!percentFits(rate, lo, hi, half, minPts)) {
            const expected = formatPercent(cy / py, rate.text);
            flags.push(flagOn(rate, 'PERCENT_MISMATCH', `变动率与金额不符：上年${show(p)}，${c.direction === 'decrease' ? '减少' : '增加'}${show(c)}，变动率应约为${expected}，文中写${rate.text}%。`, expected, `${rate.text}%`));
          }
        }
      }
      if (!rate || !x || ctx.suspect.has(c.id)) continue;
      if (rate.direction && c.direction && rate.direction !== c.direction && rate.direction !== 'flat' && c.direction !== 'flat') continue; // DIRECTION_CONFLICT
      const cy = yuanOf(c);
      const xy = yuanOf(x);
      if (cy === null || xy === null) continue;
      const prior = c.direction === 'decrease' ? xy + cy : xy - cy;
      if (prior === 0 && c.direction === 'increase' && rate.value > 0) {
        flags.push(zeroBaseFlag(x, c, rate));
        continue;
      }
      if (prior <= 0) continue;
      const priorFact: Fact = { ...x, text: x.text };
      const [lo, hi] = ratioRange(c, cy, priorFact, prior, true);
      if (percentFits(rate, lo, hi, half, minPts)) continue;
      const expected = formatPercent(cy / prior, rate.text);
      const priorShown = formatAmount(prior, x.unit, decimalsOf(x.text));
      flags.push(
        flagOn(
          rate,
          'PERCENT_MISMATCH',
          `变动率与金额不符：${show(x)}比上年${c.direction === 'decrease' ? '减少' : '增加'}${show(c)}，上年应为${priorShown}，变动率应约为${expected}，文中写${rate.text}%。`,
          expected,
          `${rate.text}%`,
        ),
      );
    }
  }
  return flags;
}

/** A rate stated with the two figures it compares and no change amount (“2025年当年预算执行数为285.04万元，
 *  2026年预算安排179.15万元，比2025年预算执行数减少12.63%”): the rate is (current − prior) ÷ prior, checked
 *  by interval arithmetic on the printed figures. The prior is the amount of the rate's comparison year
 *  stated before the current one in the same sentence; the current is the nearest amount of the
 *  document's year before the rate; no change amount, rate or other figure between them. */
function levelRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const year = ctx.doc.document.year;
  if (year === null) return flags;
  for (const list of ctx.byLine.values()) {
    list.forEach((r, i) => {
      if (!isRate(r) || r.role !== 'change' || !r.direction || r.direction === 'flat' || r.year === null || r.year >= year) return;
      const cur = list[i - 1];
      const prior = list[i - 2];
      if (!cur || !prior || !isAmount(cur) || !isAmount(prior) || cur.unit !== prior.unit) return;
      if (cur.year !== year || prior.year !== r.year || cur.role === 'change' || prior.role === 'change') return;
      if (!sameSentence(ctx.text, prior, r)) return;
      const py = yuanOf(prior);
      // Whether the stated rate fits from `from` to `to`: c/p over the printed intervals, then the signed
      // rate the word states.
      const rateFitsFrom = (from: Fact, to: Fact): boolean | null => {
        const ty = yuanOf(to);
        const py = yuanOf(from);
        if (ty === null || py === null || py <= 0) return null;
        const hc = lastDigitYuan(to) / 2;
        const hp = lastDigitYuan(from) / 2;
        const q = [(ty - hc) / (py + hp), (ty + hc) / Math.max(1e-9, py - hp)];
        const [lo, hi] = r.direction === 'decrease' ? [1 - q[1]!, 1 - q[0]!] : [q[0]! - 1, q[1]! - 1];
        return percentFits(r, lo, hi, half, minPts);
      };
      const rateFits = (to: Fact) => rateFitsFrom(prior, to);
      // Another figure of the comparison year in the sentence (2025年预算数26.00万元，当年预算执行数25.09万元，
      // …比2025年预算增加3.85%): the rate may be over either.
      const otherPriors = list.slice(0, i - 2).filter((g) => isAmount(g) && g.year === r.year && g.unit === cur.unit && g.role !== 'change' && sameSentence(ctx.text, g, r));
      const head = headlineOf(list, prior, year);
      if (head && head.unit === cur.unit && head.role === cur.role) {
        const a = figOf(head.text, head.unit);
        const b = figOf(cur.text, cur.unit);
        if (a && b && !sumFits(a, [b]) && !otherFunds(head, cur)) {
          const name = head.about?.name ? `“${head.about.name}”` : '本科目';
          // One root cause, one flag: where the rate fits the paragraph's opening figure and not the
          // restated one, the restated figure is the wrong one, and the rate is not flagged against it.
          const fitsHead = rateFits(head) === true && rateFits(cur) === false;
          const why = fitsHead ? `（文中变动率${r.text}%与开头数相符）` : '';
          flags.push(makeFlag('VALUE_CONFLICT', `同一科目前后不一致：本段开头${name}为${show(head)}，此处${year}年为${show(cur)}${why}。`, { ...cur.loc }, cur.excerpt, { severity: 'error', expected: show(head), found: show(cur) }));
          if (fitsHead) return;
        }
      }
      const cy = yuanOf(cur);
      if (cy === null || py === null || py <= 0 || rateFits(cur) !== false) return;
      if (otherPriors.some((g) => rateFitsFrom(g, cur) !== false)) return;
      const ratio = r.direction === 'decrease' ? 1 - cy / py : cy / py - 1;
      const word = r.direction === 'decrease' ? '减少' : '增加';
      // A figure that moved the other way: say so (57.43 → 57.8 is a rise, not 减少2.27%).
      const expected = ratio < 0 ? `${r.direction === 'decrease' ? '增加' : '减少'}${formatPercent(-ratio, r.text)}` : formatPercent(ratio, r.text);
      const should = ratio < 0 ? `实为${expected}` : `${word}率应约为${expected}`;
      flags.push(flagOn(r, 'PERCENT_MISMATCH', `变动率与金额不符：由${show(prior)}到${show(cur)}，${should}，文中写${word}${r.text}%。`, expected, `${r.text}%`));
    });
  }
  return flags;
}

/** “2023年当年预算执行数为20.10万元，2024年预算安排20.00万元，比2023年预算执行数持平”: a figure said to be
 *  unchanged from the prior-year figure stated right before it must equal it at the printed precision. */
function flatPairs(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const year = ctx.doc.document.year;
  const flat = flatWords();
  if (year === null || !flat) return flags;
  const re = new RegExp(`^[，,]?(?:比|与|较)[^，,。；;]{0,16}(?:${flat})`, 'u');
  for (const list of ctx.byLine.values()) {
    list.forEach((cur, i) => {
      const prior = list[i - 1];
      if (!prior || !isAmount(cur) || !isAmount(prior) || cur.role === 'change' || prior.role === 'change') return;
      if (cur.year !== year || prior.year === null || prior.year >= year || cur.unit !== prior.unit || !sameSentence(ctx.text, prior, cur)) return;
      const line = ctx.text.lines.get(lineKey(cur.loc));
      const next = list[i + 1];
      if (!line || cur.loc.end === undefined) return;
      const upTo = next && lineKey(next.loc) === lineKey(cur.loc) ? next.loc.start : undefined;
      const m = re.exec(fold(line.raw.slice(cur.loc.end, upTo)));
      if (!m) return;
      const a = figOf(cur.text, cur.unit);
      const b = figOf(prior.text, prior.unit);
      if (!a || !b || sumFits(a, [b])) return;
      flags.push(flagOn(cur, 'DIRECTION_CONFLICT', `比较与数字不符：文中称与${prior.year}年持平，而${prior.year}年为${show(prior)}、${year}年为${show(cur)}。`, cur.value > prior.value ? '增加' : '减少', m[0].replace(/^[，,]/u, '')));
    });
  }
  return flags;
}

/** The figure a paragraph opens with when it names one 科目 (“1、公共安全支出（204类）司法（06款）行政运行（01项）
 *  1434.89万元。…2026年预算安排1434.89万元…”): the first amount of the paragraph, of the document's year,
 *  resolved to a 科目 code, with no other 科目's figure between it and `f`. */
function headlineOf(list: Fact[], f: Fact, year: number): Fact | undefined {
  const i = list.indexOf(f);
  const head = list.slice(0, i).find((g) => isAmount(g));
  if (!head || !namesSubject(head) || head.year !== year) return undefined;
  const between = list.slice(list.indexOf(head) + 1, i);
  if (between.some((g) => namesSubject(g) && (g.about?.code ?? g.label) !== (head.about?.code ?? head.label))) return undefined;
  return head;
}

/** A figure labelled with a 科目: resolved to its code, or its label prints a 类/款/项 marker. */
const namesSubject = (f: Fact) => !!f.about?.code || /[（(]\s*\d{0,3}\s*(?:类|款|项)\s*[）)]/u.test(f.label);

/** Whether two facts (a before b) are in one sentence: no full stop between them (`stops`: also a clause's
 *  ；, or only 。 where a list's ； stays inside its sentence). */
function sameSentence(text: TextIndex, a: Fact, b: Fact, stops = /[。；;]/u): boolean {
  const between = textBetween(text, a, b);
  return between !== null && !stops.test(between);
}

/** One change stated twice, in opposite directions: two statements of the same figure (the same printed
 *  amount) changed by the same amount (“财政拨款收入950.12万元，比2023年预算增加0.46万元” … “财政拨款支出预算
 *  950.12万元，比2023年预算减少0.46万元”) cannot both be true unless two different things happen to have the
 *  same amount and the same change. The statements that disagree with the majority are flagged (on a
 *  tie, the later one). */
function twinChanges(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const groups = new Map<string, { c: Fact; x: Fact; rate: 'agrees' | 'contradicts' | undefined }[]>();
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      if (c.direction !== 'increase' && c.direction !== 'decrease') continue;
      const x = currentOf(list, c);
      const cy = yuanOf(c);
      const xy = x ? yuanOf(x) : null;
      if (!x || cy === null || xy === null || cy <= 0 || xy <= 0 || ctx.suspect.has(c.id)) continue;
      if (!sameSentence(ctx.text, x, c)) continue;
      const k = `${xy}|${cy}|${c.year ?? ''}`;
      const r = rateOf(list, c);
      const rate = r?.direction === 'increase' || r?.direction === 'decrease' ? (r.direction === c.direction ? 'agrees' : 'contradicts') : undefined;
      groups.set(k, [...(groups.get(k) ?? []), { c, x, rate }]);
    }
  }
  for (const g of groups.values()) {
    const up = g.filter((s) => s.c.direction === 'increase');
    const down = g.filter((s) => s.c.direction === 'decrease');
    if (!up.length || !down.length) continue;
    // A statement whose own rate contradicts its word is flagged by the direction rule; one whose rate
    // agrees settles a tie for its side.
    if (g.some((s) => s.rate === 'contradicts')) continue;
    let odd: typeof g;
    if (up.length !== down.length) odd = up.length > down.length ? down : up;
    else if (up.some((s) => s.rate === 'agrees') !== down.some((s) => s.rate === 'agrees')) odd = up.some((s) => s.rate === 'agrees') ? down : up;
    else odd = [g.slice().sort((a, b) => (isBefore(a.c, b.c) ? 1 : -1))[0]!];
    const other = g.find((s) => !odd.includes(s))!;
    for (const s of odd) {
      const mine = s.c.direction === 'increase' ? '增加' : '减少';
      const theirs = other.c.direction === 'increase' ? '增加' : '减少';
      const where = placeOf(other.c.loc);
      flags.push(
        flagOn(s.c, 'DIRECTION_CONFLICT', `同一变动前后方向不一致：此处${s.x.label || ''}${show(s.x)}${mine}${show(s.c)}，${where}${other.x.label || ''}${show(other.x)}却是${theirs}${show(other.c)}。`, `${theirs}${show(other.c)}`, `${mine}${show(s.c)}`),
      );
    }
  }
  return flags;
}

/** A growth rate on a zero base: last year was 0 (本年 0.40 万元, 增加 0.40 万元), so no rate exists;
 *  `增长100%` there is a defect. */
/** A change and its rate whose paragraph states no figure of their metric (“…其中：…公务接待费支出决算增加0.46万元，
 *  增长100%”, the 三公 items' figures stated in the paragraph before): the document's one figure of that metric for
 *  the year — every narrative statement of it agreeing, of the change's fund — is the current figure. An increase
 *  larger than it is impossible (last year negative); else the rate is checked over the prior it implies. */
function ledgerChange(ctx: Ctx, list: Fact[], c: Fact, rate: Fact): Flag | null {
  if (!c.metric || list.some((g) => g.metric === c.metric && isLevel(g))) return null;
  if (rate.direction && c.direction && rate.direction !== c.direction) return null;
  const stated = ctx.doc.facts.filter((g) => g.from === 'text' && g.metric === c.metric && isLevel(g) && g.year === c.year && g.unit === c.unit && (g.about?.fund ?? null) === (c.about?.fund ?? null));
  const x = stated[0];
  if (!x || stated.some((g) => g.yuan !== x.yuan) || !isBefore(x, c)) return null;
  const cy = yuanOf(c);
  const xy = yuanOf(x);
  if (cy === null || xy === null) return null;
  const where = placeOf(x.loc);
  if (c.direction === 'increase' && cy - xy >= lastDigitYuan(c) / 2 + lastDigitYuan(x) / 2) {
    ctx.suspect.add(c.id);
    return flagOn(c, 'UNIT_SUSPECT', `数值或单位可疑：增加额${show(c)}大于本年数${show(x)}（${where}），上年数将为负数。`, `不大于${show(x)}`, show(c));
  }
  const prior = c.direction === 'decrease' ? xy + cy : xy - cy;
  if (prior <= 0 || (c.direction !== 'increase' && c.direction !== 'decrease')) return null;
  const [lo, hi] = ratioRange(c, cy, x, prior, true);
  if (percentFits(rate, lo, hi, checksConfig().tolerances.percentHalfUnit, checksConfig().tolerances.minPercentPoints)) return null;
  const expected = formatPercent(cy / prior, rate.text);
  return flagOn(rate, 'PERCENT_MISMATCH', `变动率与金额不符：本年${show(x)}（${where}），比上年${c.direction === 'decrease' ? '减少' : '增加'}${show(c)}，上年应为${formatAmount(prior, x.unit, decimalsOf(x.text))}，变动率应约为${expected}，文中写${rate.text}%。`, expected, `${rate.text}%`);
}

function zeroBaseFlag(x: Fact, c: Fact, rate: Fact): Flag {
  return flagOn(rate, 'PERCENT_MISMATCH', `上年数为0，增长率无从计算：本年${show(x)}，比上年增加${show(c)}，文中却写增长${rate.text}%。`, '上年为0，无增长率', `${rate.text}%`);
}

/** A change whose current figure is not in its paragraph (“公务接待费支出决算增加0.40万元，增长100%”):
 *  the ledger's figure of the same metric for the year (the summary: 公务接待费 0.40万元) tells whether
 *  last year was 0. Only the zero base is judged this way. */
function zeroBase(ctx: Ctx, c: Fact, rate: Fact): Flag | null {
  if (!c.metric || c.direction !== 'increase' || rate.value <= 0) return null;
  const e = ctx.doc.summary[c.metric];
  const x = e ? ctx.doc.facts.find((f) => f.id === e.factId) : undefined;
  if (!x || !isLevel(x) || yuanOf(x) === null || yuanOf(x) !== yuanOf(c)) return null;
  if (c.year !== null && x.year !== null && c.year !== x.year) return null;
  return zeroBaseFlag(x, c, rate);
}

function completionRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    for (const k of list.filter((f) => isRate(f) && f.role === 'completion')) {
      const stop = (g: Fact) => isRate(g);
      // A budget has a metric of its own (general_budget_initial_budget): match by the words only.
      const actual = before(list, k, (g) => isActualAmount(g) && sameLabel(g, k), stop);
      const budgets: Fact[] = [];
      for (let j = list.indexOf(k) - 1; j >= 0 && !stop(list[j]!); j--) if (list[j]!.role === 'budget' && isAmount(list[j]!) && sameLabel(list[j]!, k)) budgets.unshift(list[j]!);
      const budget = budgets.length ? namedBudget(ctx.text, budgets, budgetCue(ctx.text, k)) : undefined;
      if (!actual || !budget) continue;
      const ay = yuanOf(actual);
      const by = yuanOf(budget);
      if (ay === null || by === null || by <= 0) continue;
      const [lo, hi] = ratioRange(actual, ay, budget, by);
      if (percentFits(k, lo, hi, half, minPts)) continue;
      const expected = formatPercent(ay / by, k.text);
      flags.push(flagOn(k, 'PERCENT_MISMATCH', `完成率与金额不符：决算${show(actual)}÷预算${show(budget)}约为${expected}，文中写${k.text}%。`, expected, `${k.text}%`));
    }
  }
  return flags;
}

const fold = (s: string) => s.replace(/[\s“”"'‘’]/gu, '');

/** The verbatim text between the end of fact a and the start of fact b (a before b, at most a few lines
 *  apart), folded; null when unknown. */
function textBetween(text: TextIndex, a: Fact, b: Fact): string | null {
  const ia = text.position.get(lineKey(a.loc));
  const ib = text.position.get(lineKey(b.loc));
  if (ia === undefined || ib === undefined || a.loc.end === undefined || b.loc.start === undefined || ib < ia || ib - ia > 3) return null;
  if (ia === ib) return fold(text.order[ia]!.raw.slice(a.loc.end, b.loc.start));
  const parts = [text.order[ia]!.raw.slice(a.loc.end)];
  for (let i = ia + 1; i < ib; i++) parts.push(text.order[i]!.raw);
  parts.push(text.order[ib]!.raw.slice(0, b.loc.start));
  return fold(parts.join(''));
}

const baseRes = new Map<string, RegExp>();
const baseRe = (phrase: string) => baseRes.get(phrase) ?? baseRes.set(phrase, new RegExp(`^(?:${phrase})$`, 'u')).get(phrase)!;

/** The metric a share names as its base (占本年收入90% → total_income), or null when it names none. */
function namedBase(ctx: Ctx, part: Fact, share: Fact): string | null | undefined {
  const between = textBetween(ctx.text, part, share);
  if (between === null) return undefined;
  const m = /占(.*)$/u.exec(between);
  if (!m) return undefined;
  const phrase = m[1]!.replace(/的$/u, '').replace(/(?:比重|比例)$/u, '');
  if (!phrase) return null;
  for (const b of checksConfig().shareBases) if (baseRe(b.phrase).test(phrase)) return b.metric;
  return undefined; // names a base we do not know: no check
}

function shares(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const textFacts = ctx.doc.facts.filter((f) => f.from === 'text');
  const pairs: { part: Fact; share: Fact; base: string | null | undefined }[] = [];
  // A list with a figure that cannot be read (477.447.73: a thousands comma read as a point) has an unknown
  // member: neither the shares stated in its paragraph nor the sum of its parts are evidence.
  const unreadable = new RegExp(checksConfig().ocr.thousandsAsPoint, 'u');
  const badPara = new Set<number>();
  // (an amount left blank before its unit — “使用    万元” — is such a member too)
  const blank = /[^\d\s,.，]\s{2,}(?:万元|亿元|元)/u;
  // (and a share whose % is lost — “其他支出109.50万元，占0.02；” — a member whose share is unknown)
  // (or an amount whose unit is lost — “财政拨款收入230,876.38，占41.43%” — whose share would be paired with
  // the figure before it)
  const bare = /占(?:比|比重|比例)?(?:为|是)?\d+(?:\.\d+)?(?=[，。；;、）)]|$)|\d\.\d{1,2}[，,]?占/u;
  for (const [k, p] of ctx.text.paragraph) {
    const line = ctx.text.lines.get(k);
    const raw = line?.raw ?? '';
    if (unreadable.test(raw) || blank.test(raw) || bare.test(line?.text ?? '')) badPara.add(p);
  }
  for (const list of ctx.byLine.values()) {
    for (const s of list.filter((f) => isRate(f) && f.role === 'share')) {
      if (badPara.has(ctx.text.paragraph.get(lineKey(s.loc)) ?? -1)) continue;
      const part = before(list, s, (g) => isAmount(g) && g.role !== 'change' && sameSubject(g, s), isRate);
      if (part) pairs.push({ part, share: s, base: namedBase(ctx, part, s) });
    }
  }
  // Per section and metric, the level facts in text order, and each pair group's answers, computed once:
  // looking them up per share made a long report cost its number of shares times its number of facts.
  const levels = new Map<string, Fact[]>();
  for (const g of textFacts) {
    if (!isLevel(g)) continue;
    const k = `${g.section ?? ''}\u0000${g.metric ?? ''}`;
    const list = levels.get(k);
    if (list) list.push(g);
    else levels.set(k, [g]);
  }
  const groups = pairGroups(pairs);
  const badAt = [...ctx.text.paragraph].filter(([, q]) => badPara.has(q)).map(([k]) => ctx.text.position.get(k) ?? -1).filter((x) => x >= 0);
  const spansBad = (q: Pair) => {
    const at = (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit).map((o) => ctx.text.position.get(lineKey(o.share.loc)) ?? -1);
    const lo = Math.min(...at);
    const hi = Math.max(...at);
    return badAt.some((x) => x >= lo && x <= hi);
  };
  const paraOf = (q: Pair) => ctx.text.paragraph.get(lineKey(q.share.loc)) ?? `${lineKey(q.share.loc)}`;
  const listOf = (q: Pair) => (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit && paraOf(o) === paraOf(q));
  // The run of the group's shares, in reading order, that holds `q` and whose printed shares add up to
  // exactly 100% (a list printed one item a line, each line its own paragraph), the shortest; or undefined.
  const wholeRun = (q: Pair): Pair[] | undefined => {
    const g = (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit).sort((a, b) => (isBefore(a.share, b.share) ? -1 : 1));
    const at = g.indexOf(q);
    const dec = Math.max(0, ...g.map((o) => decimalsOf(o.share.text)));
    const pts = g.map((o) => Math.round(o.share.value * 10 ** dec));
    let best: Pair[] | undefined;
    for (let i = 0; i <= at; i++) {
      let sum = 0;
      for (let j = i; j < g.length; j++) {
        sum += pts[j]!;
        if (j >= at && sum === 100 * 10 ** dec && j > i && (!best || j - i + 1 < best.length)) best = g.slice(i, j + 1);
        if (sum > 100 * 10 ** dec) break;
      }
    }
    return best;
  };
  // (amounts the document prints for its year, in tables and text: the bases a list's shares may be of)
  const printedLevels = ctx.doc.facts.filter((g) => isLevel(g) && (yuanOf(g) ?? 0) > 0);
  const bySection = bySectionAmount(textFacts);
  const groupBaseOf = memo((p: Pair) => groupKey(p), (p: Pair) => groupBase(bySection, groups.get(groupKey(p))!, p));
  const wholeOf = memo((p: Pair) => `${groupKey(p)}\u0000${p.part.unit}`, (p: Pair) => groupWhole(groups.get(groupKey(p)) ?? [], p, half, minPts));
  for (const p of pairs) {
    // Candidate bases, the likeliest first. A named base (占本年收入) may be stated more than once or
    // carry a metric the extractor gave loosely: the share is wrong only if it fits none of them.
    const candidates: Fact[] = [];
    const grouped = groupBaseOf(p);
    if (p.base) {
      candidates.push(...nearestAllBefore(levels.get(`${p.part.section ?? ''}\u0000${p.base}`) ?? [], p.part, () => true));
      const e = ctx.doc.summary[p.base];
      const sf = e ? ctx.doc.facts.find((f) => f.id === e.factId) : undefined;
      if (sf) candidates.push(sf);
      if (grouped) candidates.push(grouped);
    } else if (p.base === null && grouped) {
      candidates.push(grouped);
    }
    // (a list one of whose lines lost a share's % or an amount's unit has a member of unknown share: its
    // parts are no whole — “其他资金80万元，占0.6” among lines of their own)
    const whole = spansBad(p) ? undefined : partsAsWhole(wholeOf, p);
    if (whole) candidates.push(whole);
    const usable = candidates.filter((b) => b !== p.part && (yuanOf(b) ?? 0) > 0);
    const py = yuanOf(p.part);
    if (!usable.length || py === null) continue;
    const fits = usable.some((b) => {
      const [lo, hi] = ratioRange(p.part, py, b, yuanOf(b)!);
      return percentFits(p.share, lo, hi, half, minPts);
    });
    if (fits) continue;
    // The shares of one list (its paragraph, its base) printed to add up to exactly 100%: the residue of
    // rounding may be put on one share (63.75/25.38/10.87 for 63.74/25.38/10.877), one unit of its last
    // digit past its own rounding.
    const run = wholeRun(p);
    if (run && plugged(run, p, usable, py)) continue;
    const para = listOf(p);
    const list = para.length >= 2 ? para : (run ?? para);
    const base = usable[0]!;
    const expected = formatPercent(py / yuanOf(base)!, p.share.text);
    // Every share of the list fits one other amount the document prints (江苏 预算: 因公出国 222.5 占“三公”经费的
    // 8.75%, 公务用车 7.22%, 公务接待 16.81% — all of the table's 合计 2,542.60 with 会议费 and 培训费, not of the
    // 三公 833.60 they name): the figures agree; the base's name does not. A warning, naming that amount.
    const other = list.length >= 2 ? commonBase(list, printedLevels, usable) : undefined;
    if (other) {
      const where = other.from === 'table' ? `${other.about?.table ?? '表格'}${other.loc.page !== undefined ? `第${other.loc.page}页` : ''}` : `第${other.loc.page ?? other.loc.paragraph ?? '?'}页`;
      flags.push(
        makeFlag('PERCENT_MISMATCH', `占比的基数与所称不符：${show(p.part)}÷${base.label || '合计'}${show(base)}约为${expected}，文中写${p.share.text}%；本段各项占比均与${where}的${show(other)}相符，所称基数疑有误。`, { ...p.share.loc }, p.share.excerpt, {
          severity: 'warning',
          expected,
          found: `${p.share.text}%`,
        }),
      );
      continue;
    }
    // A base that is the sum of the list's own items names them: the reader sees what was added.
    const items = base.id.endsWith('-whole') ? `（${(groups.get(groupKey(p)) ?? []).filter((q) => q.part.unit === p.part.unit).map((q) => q.part.text).join('＋')}）` : '';
    flags.push(flagOn(p.share, 'PERCENT_MISMATCH', `占比与金额不符：${show(p.part)}÷${base.label || '合计'}${show(base)}${items}约为${expected}，文中写${p.share.text}%。`, expected, `${p.share.text}%`));
  }
  return flags;
}

/** Whether share `p` of `list` is off only by the rounding residue put on it: the list's printed shares add
 *  up to exactly 100 (at the most decimals any of them prints), every other share fits its part over one
 *  of the `bases` as printed, and `p` — what is left of 100 — is within one unit of its last digit, past
 *  its own rounding, of its part over one of them (63.75 beside 25.38 and 10.87 for 63.7397). */
function plugged(list: Pair[], p: Pair, bases: Fact[], py: number): boolean {
  if (list.length < 2 || !list.includes(p)) return false;
  const dec = Math.max(...list.map((q) => decimalsOf(q.share.text)));
  const scaled = list.reduce((s, q) => s + Math.round(q.share.value * 10 ** dec), 0);
  if (scaled !== 100 * 10 ** dec) return false;
  const { percentHalfUnit: half, minPercentPoints: minPts } = checksConfig().tolerances;
  const fitsAs = (q: Pair, b: Fact) => {
    const y = yuanOf(q.part);
    if (y === null) return false;
    const [lo, hi] = ratioRange(q.part, y, b, yuanOf(b)!);
    return percentFits(q.share, lo, hi, half, minPts);
  };
  const unit = 2 * halfUnit(p.share.text);
  return bases.some((b) => {
    if (!list.every((q) => q === p || fitsAs(q, b))) return false;
    const [lo, hi] = ratioRange(p.part, py, b, yuanOf(b)!);
    return p.share.value + 1.5 * unit + 1e-9 >= lo * 100 && p.share.value - 1.5 * unit - 1e-9 <= hi * 100;
  });
}

/** The one amount among `printed` (not one of `named`, the bases the shares name) that every share of the
 *  list fits as its base, at the printed precision: the intersection of the bases each part and share
 *  allow. undefined when the shares allow no common base or none is printed. */
function commonBase(list: Pair[], printed: Fact[], named: Fact[]): Fact | undefined {
  let lo = 0;
  let hi = Infinity;
  for (const q of list) {
    const y = yuanOf(q.part);
    if (y === null || q.share.value <= 0) return undefined;
    const ha = lastDigitYuan(q.part) / 2;
    const h = halfUnit(q.share.text);
    // a share printed rounded or cut off: its true value in [s − h, s + 2h]
    const sLo = Math.max(1e-9, q.share.value - h) / 100;
    const sHi = (q.share.value + 2 * h) / 100;
    lo = Math.max(lo, (y - ha) / sHi);
    hi = Math.min(hi, (y + ha) / sLo);
  }
  if (!(lo <= hi)) return undefined;
  const namedY = new Set(named.map((b) => yuanOf(b)));
  const fits = printed.filter((g) => {
    const y = yuanOf(g)!;
    const hg = lastDigitYuan(g) / 2;
    return y + hg >= lo && y - hg <= hi && !namedY.has(y) && !list.some((q) => q.part === g);
  });
  const values = new Set(fits.map((g) => yuanOf(g)));
  return values.size === 1 ? fits[0] : undefined;
}

const pos = (f: Fact) => [f.loc.page ?? f.loc.paragraph ?? 0, f.loc.line, start(f)] as const;
const isBefore = (a: Fact, b: Fact) => {
  const [p1, l1, s1] = pos(a);
  const [p2, l2, s2] = pos(b);
  return p1 !== p2 ? p1 < p2 : l1 !== l2 ? l1 < l2 : s1 < s2;
};

/** The facts before `f` in the same section that satisfy `pred`, nearest first. */
function nearestAllBefore(facts: Fact[], f: Fact, pred: (g: Fact) => boolean): Fact[] {
  return facts.filter((g) => g !== f && pred(g) && isBefore(g, f) && (g.section ?? null) === (f.section ?? null)).sort((a, b) => (isBefore(a, b) ? 1 : -1));
}

type Pair = { part: Fact; share: Fact; base: string | null | undefined };
const baseKey = (b: string | null | undefined) => (b === undefined ? 'u' : b === null ? 'n' : `m${b}`);
/** The pairs that share a named base (or the lack of one) and a section. */
const groupKey = (q: Pair) => `${baseKey(q.base)}\u0000${q.part.section ?? ''}`;
function pairGroups(pairs: Pair[]): Map<string, Pair[]> {
  const groups = new Map<string, Pair[]>();
  for (const q of pairs) {
    const list = groups.get(groupKey(q));
    if (list) list.push(q);
    else groups.set(groupKey(q), [q]);
  }
  return groups;
}
function memo<A, R>(key: (a: A) => string, f: (a: A) => R): (a: A) => R {
  const cache = new Map<string, R>();
  return (a) => {
    const k = key(a);
    if (!cache.has(k)) cache.set(k, f(a));
    return cache.get(k)!;
  };
}

/** When the shares of a list add up to 100%, the list's parts are the whole ("因公出国180万元，占“三公”
 *  经费的26.86%；公务用车304.4万元，占45.43%；公务接待185.72万元，占27.71%" with no total stated):
 *  their sum stands in as a candidate base. The sum depends only on the group and the part's unit, so
 *  `wholeOf` computes it once per (group, unit): per share it made a long list quadratic. */
function partsAsWhole(wholeOf: (p: Pair) => { yuan: number; text: string } | undefined, p: Pair): Fact | undefined {
  const w = wholeOf(p);
  if (!w) return undefined;
  return { ...p.part, id: `${p.part.id}-whole`, label: '各项合计', yuan: w.yuan, value: Number(w.text), text: w.text };
}

function groupWhole(sameGroup: Pair[], p: Pair, half: number, minPts: number): { yuan: number; text: string } | undefined {
  const group = sameGroup.filter((q) => q.part.unit === p.part.unit);
  if (group.length < 2) return undefined;
  const total = group.reduce((s, q) => s + q.share.value, 0);
  const slack = group.reduce((s, q) => s + halfUnit(q.share.text) * (half / 0.5) * 2, 0) + minPts;
  if (Math.abs(total - 100) > slack) return undefined;
  const yuan = group.reduce((s, q) => s + (yuanOf(q.part) ?? 0), 0);
  const decimals = Math.max(...group.map((q) => decimalsOf(q.part.text)));
  const text = formatAmount(yuan, p.part.unit, decimals).replace(/[^\d.]/g, '');
  return { yuan, text };
}

/** A share that names no base (1.一般公共服务支出82.16万元，占99%): the base is the amount stated before
 *  the list that the list's parts add up to: the nearest level fact before the list, in its section, not
 *  one of its parts, within the tolerance of their sum. `bySection`: each section's level facts sorted by
 *  amount (bySectionAmount), so that a long report does not scan every fact for every list. */
function groupBase(bySection: Map<string, { y: number; f: Fact }[]>, group: Pair[], p: Pair): Fact | undefined {
  const first = group.reduce((a, q) => (isBefore(q.part, a) ? q.part : a), p.part);
  const sum = group.reduce((s, q) => s + (yuanOf(q.part) ?? 0), 0);
  const tol = Math.max(...group.map((q) => lastDigitYuan(q.part))) * Math.max(1, Math.ceil(group.length / 2));
  const parts = new Set(group.map((q) => q.part));
  const list = bySection.get(first.section ?? '') ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.y < sum - tol) lo = mid + 1;
    else hi = mid;
  }
  let best: Fact | undefined;
  for (let i = lo; i < list.length && list[i]!.y <= sum + tol; i++) {
    const g = list[i]!.f;
    if (parts.has(g) || !isBefore(g, first)) continue;
    if (!best || isBefore(best, g)) best = g;
  }
  return best;
}

/** Each section's level facts by amount (a fact without one counts as -1, as it always did). */
function bySectionAmount(facts: Fact[]): Map<string, { y: number; f: Fact }[]> {
  const m = new Map<string, { y: number; f: Fact }[]>();
  for (const f of facts) {
    if (!isLevel(f)) continue;
    const k = f.section ?? '';
    const e = { y: yuanOf(f) ?? -1, f };
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  for (const list of m.values()) list.sort((a, b) => a.y - b.y);
  return m;
}

/** The parts of a change add up to the change: where one paragraph states the change of a total and
 *  the changes of all its parts (a `complete` rule of patterns/checks.yaml `sums`: 三公 = 因公出国 + 公务用车
 *  + 公务接待), the signed part changes (减少 negative) must sum to the total's, within the printed
 *  intervals (± half a unit of each figure's last digit). Flagged on the total's change. */
function changeSums(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const list of ctx.byLine.values()) {
    const changes = list.filter((f) => isChangeAmount(f) && f.metric && f.direction && !ctx.suspect.has(f.id));
    for (const rule of checksConfig().sums.filter((r) => r.complete)) {
      for (const t of changes.filter((f) => rule.total.includes(f.metric!))) {
        const parts = rule.parts.map((m) => changes.filter((f) => f.metric === m && f.unit === t.unit));
        if (parts.some((p) => p.length !== 1)) continue;
        const ps = parts.map((p) => p[0]!);
        const signed = (f: Fact) => (f.direction === 'decrease' ? -1 : f.direction === 'flat' ? 0 : 1) * (yuanOf(f) ?? NaN);
        const total = signed(t);
        const sum = ps.reduce((a, f) => a + signed(f), 0);
        if (!Number.isFinite(total) || !Number.isFinite(sum)) continue;
        const slack = [t, ...ps].reduce((a, f) => a + lastDigitAmong(f, [t, ...ps]) / 2, 0);
        if (Math.abs(total - sum) < slack || total === sum) continue;
        const fmt = (y: number) => `${y < 0 ? '减少' : '增加'}${formatAmount(Math.abs(y), t.unit, decimalsOf(t.text))}`;
        const names = ps.map((f) => `${f.label || f.metric}${f.direction === 'decrease' ? '减少' : f.direction === 'flat' ? '持平' : '增加'}${show(f)}`).join('，');
        flags.push(flagOn(t, 'SUM_MISMATCH', `各部分的变动之和与总变动不符：${names}，合计${fmt(sum)}，而${t.label || t.metric}${fmt(total)}。`, fmt(sum), fmt(total)));
      }
    }
  }
  return flags;
}

/** A change broken down into the changes of its parts (“…与上年全年预算数相比增加2,898.54万元。其中：1.教育支出
 *  比上年增加3,805.13万元…3.科学技术支出比上年减少1,985.18万元…”): the signed parts add up to the total.
 *  Whether a list is complete is not known, so a sum that does not fit is no evidence by itself: a word
 *  (增加↔减少) is flagged only when turning that one word makes the total fit and breaks no sum that fits
 *  as printed. The parts are the changes that follow the total (after its 其中, in its section; else in
 *  its paragraph), any run of two or more of them; an item stated unchanged (“因公出国（境）费0万元，比2023年
 *  预算持平”) is a part, and a total, of change 0. Sums that share figures are read together: where the
 *  三公 total, its 公务用车 line and that line's own 购置费/运行费 are stated, the one word that contradicts
 *  both its parent and its children is the one flagged. */
function breakdownDirections(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const flat = flatWords();
  type Item = { f: Fact; v: number };
  const usable = (f: Fact) => isChangeAmount(f) && (f.direction === 'increase' || f.direction === 'decrease') && yuanOf(f) !== null && !ctx.suspect.has(f.id);
  // An unchanged item: a level amount whose clause goes on to say it is the same as last year's.
  const unchanged = (f: Fact, i: number) => {
    if (!isLevel(f) || !flat) return false;
    const next = order[i + 1];
    const line = ctx.text.lines.get(lineKey(f.loc));
    if (!line || f.loc.end === undefined) return false;
    const upTo = next && lineKey(next.loc) === lineKey(f.loc) ? next.loc.start ?? undefined : undefined;
    let after = line.raw.slice(f.loc.end, upTo);
    // (a clause wrapped to the next line of its paragraph: “公务用车运行费21.56万元，” / “比2024年预算持平”)
    const at = ctx.text.position.get(lineKey(f.loc));
    const nl = upTo === undefined && at !== undefined ? ctx.text.order[at + 1] : undefined;
    if (nl && ctx.text.paragraph.get(lineKey(nl.loc)) === ctx.text.paragraph.get(lineKey(f.loc))) after += next && lineKey(next.loc) === lineKey(nl.loc) ? nl.raw.slice(0, next.loc.start) : nl.raw;
    // (the next sentence may open with the comparison of this figure: “公务接待费1.35万元。比2024年预算持平”)
    return new RegExp(`^[，,。]?(?:比|与|较)[^，,。；;]{0,16}(?:${flat})`, 'u').test(fold(after));
  };
  // A reason's amount whose direction word comes before the words it qualifies (“主要原因是基本支出增加人员工资、
  // 住房公积金、提租补贴等3397.18万元、项目经费支出安排减少1134.33万元…”): read as a change of that direction, as
  // a part only (never a total): the one direction word of its clause — from the figure before it, or its
  // sentence's start, to it — in a sentence that gives a reason.
  const r = reasonRules();
  const reasonChange = (f: Fact, i: number): number | null => {
    if (!r || !isAmount(f) || f.role === 'change' || f.kind !== 'amount' || yuanOf(f) === null || i === 0) return null;
    const lead = sentenceLead(ctx, f);
    if (lead === null || !new RegExp(r.opens.source, 'u').test(lead)) return null;
    const prev = order[i - 1]!;
    const gap = sameSentence(ctx.text, prev, f, /。/u) ? textBetween(ctx.text, prev, f) : lead;
    if (gap === null) return null;
    const clause = gap.slice(Math.max(gap.lastIndexOf('，'), gap.lastIndexOf(','), gap.lastIndexOf('；'), gap.lastIndexOf(';'), gap.lastIndexOf('。')) + 1);
    const up = [...clause.matchAll(r.up)].length;
    const down = [...clause.matchAll(r.down)].length;
    if ((up > 0) === (down > 0) || (r.inverse && r.inverse.test(clause))) return null;
    return (up ? 1 : -1) * yuanOf(f)!;
  };
  // the level a change is of: the nearest amount before it in its sentence that is no change
  const levelOf = (i: number): Fact | undefined => {
    for (let k = i - 1; k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) {
      const g = order[k]!;
      if (g.kind === 'percent' || g.role === 'change') continue;
      return isLevel(g) && g.unit === order[i]!.unit && g.yuan !== undefined ? g : undefined;
    }
    return undefined;
  };
  const blockMarker = /^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])/u;
  const inferred = new Set<Fact>();
  const items: (Item | null)[] = order.map((f, i) => {
    if (usable(f)) return { f, v: (f.direction === 'decrease' ? -1 : 1) * yuanOf(f)! };
    if (unchanged(f, i)) return { f, v: 0 };
    const v = reasonChange(f, i);
    if (v === null) return null;
    inferred.add(f);
    return { f, v };
  });
  const half = (f: Fact) => lastDigitYuan(f) / 2;
  interface Eq {
    t: Item;
    runs: Item[][];
    /** Items whose flip makes some run fit (when no run fits as printed). */
    flips: Set<Fact>;
    ok: boolean;
    complete: boolean;
  }
  const eqs: Eq[] = [];
  items.forEach((t, i) => {
    if (!t || inferred.has(t.f)) return;
    // (a count or a rate stated in the reason — 新增1辆公务用车 — is not where the list opens: its 其中 is
    // looked for up to the next amount)
    const next = order.slice(i + 1).find((f) => f.kind === 'amount');
    if (!next) return;
    const between = textBetween(ctx.text, t.f, next);
    if (between === null) return;
    // The parts follow the total's 其中, or stay within its paragraph (…增加150万元，增长19.74%。主要原因是
    // 援藏经费预算增加100万元、扶贫经费预算增加50万元).
    const para = ctx.text.paragraph.get(lineKey(t.f.loc));
    // A 其中 that opens a new sentence lists the parts of that sentence's one change; a sentence of several
    // changes (the reasons for a change: “主要原因是基本支出增加1447.63万元、项目支出减少200万元、单位预留机动经费
    // 增加3075.14万元。其中：（一）…”) has no one total, and its last figure is a part, not the list's total —
    // unless it is the sentence's first change (“…增长6.69%。主要原因是基本支出增加1408.29万元、项目支出安排增加
    // 400万元。其中：” belongs to the sentence's first change).
    const afterStop = /。[^。]*其中/u.test(between);
    const inSentence = (k: number) => k >= 0 && sameSentence(ctx.text, order[k]!, t.f, /。/u);
    let lead = true;
    for (let k = i - 1; afterStop && inSentence(k); k--) if (items[k] && items[k]!.v !== 0) lead = false;
    const listed = between.includes('其中') && (!afterStop || lead || soleChangeOfSentence(ctx, order, i));
    const parts: Item[] = [];
    const tLevel = levelOf(i);
    // A 其中 of blocks that each restate the whole (“其中：（一）收入预算总计20849.45万元。包括：… （二）支出预算总计
    // 20849.45万元。包括：…”) gives two breakdowns of one total, income side and spending side: the parts are
    // those of the first block; the second opens another breakdown.
    let wholes = 0;
    for (let j = i + 1; j < Math.min(order.length, i + 30); j++) {
      const f = order[j]!;
      if ((f.section ?? null) !== (t.f.section ?? null)) break;
      if (!listed && ctx.text.paragraph.get(lineKey(f.loc)) !== para) break;
      if (tLevel && isLevel(f) && f.yuan === tLevel.yuan && blockMarker.test(ctx.text.lines.get(lineKey(f.loc))?.raw.slice(0, f.loc.start ?? 0) ?? '') && ++wholes > 1) break;
      const it = items[j];
      // A change of a figure equal to the total's own (“（一）收入预算总计27664.22万元…一般公共预算收入预算27664.22万元，
      // 与上年相比增加3205.79万元”) is the total restated under another name, not one of its parts.
      // (one of the funds a source is made of may be all of it, the others 0: that is a part)
      const fundPart = !!it?.f.about?.fund && (fundParts()[t.f.about?.fund ?? ''] ?? []).includes(it.f.about.fund);
      if (it && it.f.unit === t.f.unit && (fundPart || !(tLevel && levelOf(j)?.yuan === tLevel.yuan))) parts.push(it);
      if (parts.length >= 10) break;
    }
    if (parts.length < 2 || parts.every((p) => p.v === 0)) return;
    const runs = parts.map((_, n) => parts.slice(0, n + 1)).filter((r) => r.length >= 2);
    // A list known to be complete: a source's change broken down by the funds that make it up (财政拨款 =
    // 一般公共预算 + 政府性基金 + 国有资本经营, patterns/identities.yaml claims.fundParts), each stated once.
    const funds = fundParts()[t.f.about?.fund ?? ''];
    const firsts = funds ? parts.slice(0, funds.length).map((x) => x.f.about?.fund) : [];
    const complete = !!funds && firsts.length === funds.length && funds.every((f) => firsts.filter((x) => x === f).length === 1);
    eqs.push({ t, runs: complete ? [parts.slice(0, funds!.length)] : runs, flips: new Set(), ok: false, complete });
  });
  const fits = (total: number, sum: number, t: Item, run: Item[]) => total === sum || Math.abs(total - sum) < [t, ...run].reduce((a, x) => a + half(x.f), 0);
  const sumOf = (run: Item[]) => run.reduce((a, x) => a + x.v, 0);
  for (const e of eqs) {
    e.ok = e.runs.some((r) => fits(e.t.v, sumOf(r), e.t, r));
    if (e.ok) continue;
    for (const r of e.runs) {
      const sum = sumOf(r);
      if (e.t.v !== 0 && fits(-e.t.v, sum, e.t, r)) e.flips.add(e.t.f);
      // (a reason's amount read as a change is evidence, never the word flagged: its word is not beside it)
      for (const x of r) if (x.v !== 0 && !inferred.has(x.f) && fits(e.t.v, sum - 2 * x.v, e.t, r)) e.flips.add(x.f);
    }
  }
  // Would flipping `f` break a sum that fits as printed?
  const breaks = (f: Fact, e: Eq) =>
    !e.runs.some((r) => {
      const tv = e.t.f === f ? -e.t.v : e.t.v;
      const sum = r.reduce((a, x) => a + (x.f === f ? -x.v : x.v), 0);
      return fits(tv, sum, e.t, r);
    });
  const memberSets = new Map(eqs.map((e) => [e, new Set([e.t.f, ...e.runs[e.runs.length - 1]!.map((x) => x.f)])]));
  const members = (e: Eq) => memberSets.get(e)!;
  // the sums each figure takes part in
  const eqsOf = new Map<Fact, Eq[]>();
  for (const e of eqs) for (const f of members(e)) eqsOf.set(f, [...(eqsOf.get(f) ?? []), e]);
  // A change whose unit is lost (“与上年相比增加 / 1408.29，增长8.96%”) is a member of unknown amount: no
  // breakdown that spans its line is evidence about a word.
  // (read with the start of the next line of its paragraph: a unit wrapped to it is not lost)
  const bareChange = /(?:增加|减少|增长|下降)了?\d[\d,]*(?:\.\d+)?(?=[，。；;、]|$)/u;
  const paraOf = (i: number) => ctx.text.paragraph.get(lineKey(ctx.text.order[i]!.loc));
  const unknown = ctx.text.order.flatMap((l, i) => {
    const next = i + 1 < ctx.text.order.length && paraOf(i + 1) === paraOf(i) ? ctx.text.order[i + 1]!.text : '';
    return bareChange.test(l.text + next) ? [i] : [];
  });
  const spans = (e: Eq) => {
    const at = (f: Fact) => ctx.text.position.get(lineKey(f.loc)) ?? -1;
    const last = e.runs[e.runs.length - 1]!;
    const lo = at(e.t.f);
    const hi = Math.max(lo, ...last.map((x) => at(x.f)));
    return unknown.some((i) => i >= lo && i <= hi);
  };
  const flagged = new Set<Fact>();
  for (const e of eqs) {
    if (e.ok || (!e.flips.size && !e.complete) || spans(e)) continue;
    let cand = [...e.flips];
    const others = new Set([...members(e)].flatMap((f) => eqsOf.get(f) ?? []));
    for (const o of others) {
      if (o === e) continue;
      if (o.ok) cand = cand.filter((f) => !members(o).has(f) || !breaks(f, o));
      // (a failing sum that no one word explains is no breakdown at all — a reason's last amount followed
      // by the section's 其中 list, 江苏高院 2017 p19 — and no evidence against a word)
      else if (o.flips.size || o.complete) cand = cand.filter((f) => o.flips.has(f));
    }
    if (cand.length !== 1 && e.complete && !flagged.has(e.t.f)) {
      // No one word explains it: the amounts themselves disagree.
      flagged.add(e.t.f);
      const t = e.t.f;
      const r = e.runs[0]!;
      const fmt = (y: number) => `${y < 0 ? '减少' : y > 0 ? '增加' : '持平'}${y ? formatAmount(Math.abs(y), t.unit, decimalsOf(t.text)) : ''}`;
      const names = r.map((x) => `${x.f.label || x.f.about?.fund}${fmt(x.v)}`).join('，');
      flags.push(flagOn(t, 'SUM_MISMATCH', `各资金来源的变动之和与总变动不符：${names}，合计${fmt(sumOf(r))}，而${t.label || '合计'}${fmt(e.t.v)}。`, fmt(sumOf(r)), fmt(e.t.v)));
      continue;
    }
    if (cand.length !== 1 || flagged.has(cand[0]!)) continue;
    const f = cand[0]!;
    flagged.add(f);
    const t = e.t.f;
    const word = f.direction === 'decrease' ? '减少' : '增加';
    const other = f.direction === 'decrease' ? '增加' : '减少';
    const tw = e.t.v === 0 ? '持平' : `${t.direction === 'decrease' ? '减少' : '增加'}${show(t)}`;
    const what = f === t ? `总变动与各部分变动之和方向相反` : `各部分变动之和与总变动不符，唯有此项为${other}才相符`;
    flags.push(flagOn(f, 'DIRECTION_CONFLICT', `变动方向与分项之和不符：${what}（${t.label || '合计'}${tw}）；此处写${word}${show(f)}。`, `${other}${show(f)}`, `${word}${show(f)}`));
  }
  return flags;
}

/** The folded text of f's sentence before f (back to the last 。, at most a few lines); null when unknown. */
function sentenceLead(ctx: Ctx, f: Fact): string | null {
  const at = ctx.text.position.get(lineKey(f.loc));
  if (at === undefined) return null;
  let lead = ctx.text.order[at]!.raw.slice(0, f.loc.start ?? 0);
  for (let k = at - 1; k >= Math.max(0, at - 4) && !lead.includes('。'); k--) lead = ctx.text.order[k]!.raw + lead;
  return fold(lead.slice(lead.lastIndexOf('。') + 1));
}

/** Whether order[i], a change, is the one change of its sentence (back to the last 。), and that
 *  sentence gives no reason (patterns/identities.yaml claims.reasons.opens): the change of a figure, not
 *  one of the changes that explain another. */
function soleChangeOfSentence(ctx: Ctx, order: Fact[], i: number): boolean {
  const t = order[i]!;
  for (let k = i - 1; k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) if (isChangeAmount(order[k]!)) return false;
  const opens = reasonRules()?.opens;
  if (!opens) return true;
  const lead = sentenceLead(ctx, t);
  return lead === null || !new RegExp(opens.source, 'u').test(lead);
}

/** The funds a source is made of (patterns/identities.yaml claims.fundParts). */
function fundParts(): Record<string, string[]> {
  return loadPattern<{ claims?: { fundParts?: Record<string, string[]> } }>('identities.yaml').claims?.fundParts ?? {};
}

/** How strongly the text between two figures separates them: 、 < ， < ； < 。 (0: no stop at all). */
const stopRank = (gap: string) => (/[。!?！？]/u.test(gap) ? 4 : /[；;]/u.test(gap) ? 3 : /[，,]/u.test(gap) ? 2 : /、/u.test(gap) ? 1 : 0);

/** The items listed after a total's 其中 are parts of it: together they cannot exceed it (“公务用车购置及运行费
 *  32.20万元。其中：公务用车购置费0.00万元；公务用车运行费39.43万元”). The list runs to the end of the sentence
 *  of its first item and stops at a nested 其中; only amounts of the total's role, year and unit count
 *  (changes and shares stated beside them do not). A total of both sides (收支总预算, 收、支总计) is not a
 *  whole of its items. Whether the list is complete is unknown, so only a sum above the total is flagged. */
function partsWithinTotal(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  order.forEach((t, i) => {
    if (!isLevel(t) || /收.{0,2}支/u.test(t.label)) return;
    // The rates and changes stated right after the total (完成预算的95.31%；较上年增加2.5万元) are not items:
    // the list opens after them, so its 其中 is looked for between the last of them and the first amount.
    let j = i + 1;
    while (order[j] && (order[j]!.kind === 'percent' || order[j]!.role === 'change') && (order[j]!.section ?? null) === (t.section ?? null)) j++;
    const first = order[j];
    if (!first || (first.section ?? null) !== (t.section ?? null)) return;
    // 其中 (or 包括) opens the list, in the total's sentence or as the next one begins (…32.20万元，与2024年预算持平。其中：…).
    const lead = textBetween(ctx.text, order[j - 1]!, first);
    if (lead === null || !/其中|包括/u.test(lead.slice(lead.lastIndexOf('。') + 1))) return;
    // A list complete by definition (patterns/identities.yaml claims.completeLists): its items by the one
    // word of the list each label names.
    const words = t.metric ? completeLists()[t.metric] : undefined;
    const wordOf = (f: Fact) => {
      const named = words?.filter((w) => f.label.includes(w)) ?? [];
      return named.length === 1 ? named[0] : undefined;
    };
    const parts: Fact[] = [];
    // the share stated right after each item (占41.43%), before the next item
    const shareOf = new Map<Fact, Fact>();
    // the items of the list's own sentence (what an open list is checked with)
    let inSentence: Fact[] | null = null;
    // A list opened inside a bracket (…12.00万元（其中：…）) ends where the bracket closes; a list ends at a
    // stop stronger than the one between its first two items: a semicolon after commas returns to the list it
    // is nested in (…12.00万元，其中：购置费8.00万元，运行维护费4.00万元；公务接待费3.00万元), a comma after
    // enumeration commas goes on to another clause (…其中基本支出60.00万元、项目支出40.00万元，年末结转和结余…).
    const inBracket = /[（(][^（()）]*$/u.test(lead);
    let listStop = Infinity;
    let firstStyle: string | undefined;
    const headWord = fold(t.label).slice(-2);
    let prev = t;
    for (const f of order.slice(i + 1, i + 40)) {
      if ((f.section ?? null) !== (t.section ?? null)) break;
      const gap = textBetween(ctx.text, prev, f);
      if (gap === null) break;
      if (parts.length && inBracket && /[）)]/u.test(gap)) break;
      if (parts.length >= 2 && stopRank(gap) > listStop) break;
      // A nested list, a new sentence, or a purpose clause (主要用于…) whose amounts are an item's own parts.
      // A complete list goes on past a sentence's end to an item of a word not yet named (“其中：公务用车购置
      // 支出为0万元。公务用车运行维护支出2.64万元。”).
      if (parts.length && (/其中|包括|用于/u.test(gap) || /[。（(]/.test(gap))) {
        const w = /其中|包括|用于/u.test(gap) ? undefined : wordOf(f);
        if (!w || parts.some((p) => wordOf(p) === w) || !isAmount(f) || f.role !== t.role || f.year !== t.year || f.unit !== t.unit) break;
        inSentence ??= parts.slice();
      }
      prev = f;
      if (f.kind === 'percent' && f.role === 'share' && parts.length && !shareOf.has(parts[parts.length - 1]!)) shareOf.set(parts[parts.length - 1]!, f);
      if (f.kind === 'percent' || f.role === 'change') continue;
      if (!isAmount(f) || f.role !== t.role || f.year !== t.year || f.unit !== t.unit) break;
      if (parts.length === 1) listStop = stopRank(textBetween(ctx.text, parts[0]!, f) ?? '。');
      // Items named with the total's head word (…支出: 一般公共预算财政拨款支出, 政府性基金预算财政拨款支出) end
      // at one that is not (年末财政拨款结转和结余 after them is another figure of the sentence).
      if (parts.length >= 2 && headWord.length === 2 && parts.every((p) => fold(p.label).endsWith(headWord)) && !fold(f.label).endsWith(headWord)) break;
      // Items numbered in one style are siblings; an item numbered in another (1、 under （一）人员经费, the
      // economic 类 written without its brackets: 工资福利支出类) is a child of the item before it, not a part.
      const style = ordinalStyle(gap);
      if (!parts.length) firstStyle = style;
      else if (firstStyle && style && style !== firstStyle) continue;
      // A colon right after an item's figure (…其中财政拨款支出60,000.00万元：基本支出…) opens that item's own list:
      // what follows are its parts, not the total's.
      if (parts.length && /^[^，,；;、。]*[：:]/u.test(gap)) break;
      parts.push(f);
    }
    const listed = (ps: Fact[]) => ps.map((p) => `${p.label || ''}${show(p)}`).join('＋');
    if (words && parts.length === words.length && words.every((w) => parts.filter((p) => wordOf(p) === w).length === 1)) {
      const [whole, ...figs] = figsTogether([t, ...parts]);
      if (!whole || figs.some((x) => !x) || sumFits(whole, figs as Fig[])) return;
      const sum = formatAmount(Number(figs.reduce((a, x) => a + x!.v, 0n) / 100000n), t.unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
      flags.push(flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${listed(parts)}＝${sum}，而${t.label || '合计'}为${show(t)}。`, sum, show(t)));
      return;
    }
    // An item equal to the total (its printed interval) is the total under another name (其中：一般公共预算财政拨款
    // 支出2,940.05万元；按支出性质分，基本支出…), not one part among others: the others are another breakdown.
    const whole0 = figOf(t.text, t.unit);
    const restated = (p: Fact) => {
      const x = figOf(p.text, p.unit);
      return !!whole0 && !!x && sumFits(whole0, [x]);
    };
    // (only the first item, set apart by a stop stronger than any between the others: `…支出2,940.05万元；按支出性质分，
    // 基本支出…，项目支出…` — a fund item equal to its total, `其中一般公共预算…100.00万元，…政府性基金…20.00万元`, is a part)
    const all = inSentence ?? parts;
    let open = all;
    if (all.length >= 3 && restated(all[0]!)) {
      const rest = all.slice(1);
      const after = stopRank(textBetween(ctx.text, all[0]!, all[1]!) ?? '');
      const among = Math.max(...rest.slice(1).map((p, j) => stopRank(textBetween(ctx.text, rest[j]!, p) ?? '')));
      if (after > among) open = rest;
    }
    // One item is enough where its sentence says it is part of the total (“预算金额1481.42万元，其中，预留给小型
    // 和微型企业的…预算为1486.42万元”); after a full stop the 其中 may open another total's list.
    const one = open.length === 1 && sameSentence(ctx.text, t, open[0]!);
    // A 其中 opening a new sentence may be of any amount of the sentence before, not only its last
    // (…其中：财政拨款…；上年结转93,801.70万元。其中，大学本级…): the parts are flagged only when they exceed
    // every amount of that sentence they could be of.
    const afterStop = /。[^。]*(?:其中|包括)/u.test(lead);
    const wholes: Fact[] = [];
    for (let k = i - 1; afterStop && k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) {
      const w = order[k]!;
      if (isLevel(w) && w.role === t.role && w.year === t.year && w.unit === t.unit && (w.section ?? null) === (t.section ?? null)) wholes.push(w);
    }
    if (wholes.some((w) => !partsOverWhole(w, open, listed(open), one ? 1 : 2))) return;
    // flagged against the largest of them, the whole they are most likely of
    const whole = wholes.reduce((a, w) => ((w.yuan ?? 0) > (a.yuan ?? 0) ? w : a), t);
    const over = partsOverWhole(whole, open, listed(open), one ? 1 : 2);
    if (over) flags.push(over);
    else {
      const short = sharesShort(ctx, t, open, shareOf, listed(open));
      if (short) flags.push(short);
    }
  });
  return flags;
}

/** The numbering style of the last list ordinal in a text (（一）, 一、, （1）, 1、/1.), or undefined. */
function ordinalStyle(gap: string): string | undefined {
  let style: string | undefined;
  for (const m of gap.matchAll(/([（(][一二三四五六七八九十]{1,3}[）)])|((?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、)|([（(]\d{1,2}[）)])|((?<![\d.．])\d{1,2}[、.．](?![\d.．]))/gu))
    style = m[1] ? 'cn-paren' : m[2] ? 'cn' : m[3] ? 'num-paren' : 'num';
  return style;
}

/** A 其中 list whose items each state their share of the total, the shares adding up to 100% (“本年收入预算合计
 *  10,150.48万元，其中：一般公共预算收入10,070.48万元，占99.21%；…其他资金80万元，占0.79%；上年结转资金0万元，占0%”),
 *  is the whole total: the items add up to it. The shares are printed figures (each rounded or cut off, so
 *  up to one unit of its last digit off), so the items listed may fall short of the total by at most the
 *  share the printed shares leave room for (100% − their sum + their slack) — never more. A total larger than
 *  that is a SUM_MISMATCH on it (a total smaller than its parts is `partsOverWhole`'s). */
function sharesShort(ctx: Ctx, t: Fact, parts: Fact[], shareOf: Map<Fact, Fact>, listed: string): Flag | null {
  if (!parts.length || parts.some((p) => !shareOf.has(p))) return null;
  // The shares must be of this total: each names no base (占41.43%) or the total's own metric (占本年支出95%
  // under 支出合计) — shares of 本年支出 under a 支出总计 that adds 结转下年 add up to 100% of something else.
  // One item at 100% counts only where its share names no base (占100%, not 占项目支出总额的100%).
  const bases = parts.map((p) => namedBase(ctx, p, shareOf.get(p)!));
  if (bases.some((b) => b !== null && (parts.length === 1 || !t.metric || b !== t.metric))) return null;
  const shares = parts.map((p) => shareOf.get(p)!);
  // (a share of another base, 占本年支出的比重 stated for one item only, is not evidence: every item has one)
  const sum = shares.reduce((a, f) => a + f.value, 0);
  const slack = shares.reduce((a, f) => a + 2 * halfUnit(f.text), 0) + checksConfig().tolerances.minPercentPoints;
  if (Math.abs(sum - 100) > slack + 1e-9) return null;
  const [whole, ...figs] = figsTogether([t, ...parts]);
  if (!whole || figs.some((x) => !x) || whole.v <= 0n) return null;
  const most = figs.reduce((a, x) => a + x!.v + x!.h, 0n);
  // the share the items may leave out, in millionths of the total (rounded up: no flag on a rounding)
  const missing = BigInt(Math.ceil(((100 - sum + slack) / 100) * 1e6));
  const least = whole.v - whole.h;
  if (most * 1000000n >= least * (1000000n - missing)) return null;
  const total = formatAmount(Number(figs.reduce((a, x) => a + x!.v, 0n) / 100000n), t.unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
  const pct = `${Number(sum.toFixed(6))}%`;
  return flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${listed}${parts.length > 1 ? `＝${total}` : ''}（所列占比合计${pct}，已是全部），而${t.label || '合计'}为${show(t)}。`, total, show(t));
}

/** A change stated as the net of the reasons listed before it (patterns/identities.yaml claims.net:
 *  “…会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因…压减10%，…专项经费增加200万元，增减相抵后
 *  增加164.48万元”) restates the first change of its paragraph, the change the reasons explain: the two
 *  signed amounts must agree within their printed intervals. The same amount turned around is a
 *  DIRECTION_CONFLICT, another amount a VALUE_CONFLICT; flagged on the net, naming the first. */
function netChanges(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const words = loadPattern<{ claims?: { net?: string } }>('identities.yaml').claims?.net;
  if (!words) return flags;
  const re = new RegExp(words, 'u');
  for (const list of ctx.byLine.values()) {
    const changes = list.filter((f) => isChangeAmount(f) && (f.direction === 'increase' || f.direction === 'decrease') && !ctx.suspect.has(f.id));
    const first = changes[0];
    // The change the reasons explain is the change of the figure stated right before it (…预算支出1469.73万元，
    // 比上年预算增加164.48万元); one whose own rate says the other direction is the direction rule's.
    // A paragraph that opens with the change (“与上年相比减少710.87万元，…增减相抵后与上年相比减少710.87万元”: its
    // figure ends the sentence before) is about that change too.
    if (!first || (list.indexOf(first) > 0 && !isLevel(list[list.indexOf(first) - 1]!))) continue;
    const own = rateOf(list, first);
    if (own?.direction && own.direction !== 'flat' && own.direction !== first.direction) continue;
    for (const c of changes.slice(1)) {
      const prev = list[list.indexOf(c) - 1];
      const lead = prev ? textBetween(ctx.text, prev, c) : null;
      if (!re.test(fold(c.label)) && !(lead !== null && re.test(lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；'), lead.lastIndexOf('。')) + 1)))) continue;
      if (c.unit !== first.unit) continue;
      const [a, b] = figsTogether([first, c]);
      if (!a || !b) continue;
      const sign = (f: Fact, x: Fig): Fig => (f.direction === 'decrease' ? { v: -x.v, h: x.h } : x);
      if (sumFits(sign(first, a), [sign(c, b)])) continue;
      const word = (f: Fact) => (f.direction === 'decrease' ? '减少' : '增加');
      const where = placeOf(first.loc);
      if (sumFits(a, [b]))
        flags.push(flagOn(c, 'DIRECTION_CONFLICT', `增减相抵后的变动与本段所述变动方向相反：此处${word(c)}${show(c)}，而${where}为${word(first)}${show(first)}。`, `${word(first)}${show(c)}`, `${word(c)}${show(c)}`));
      else flags.push(makeFlag('VALUE_CONFLICT', `增减相抵后的变动与本段所述变动不一致：此处${word(c)}${show(c)}，而${where}为${word(first)}${show(first)}。`, { ...c.loc }, c.excerpt, { severity: 'error', expected: `${word(first)}${show(first)}`, found: `${word(c)}${show(c)}` }));
    }
  }
  return flags;
}

/** A quantity of a narrower group cannot exceed the same quantity of the group it belongs to
 *  (patterns/identities.yaml claims.subsets: 小微企业 are 中小企业): two amounts of one section, role, year
 *  and unit whose labels differ only in the group's name (面向小微企业预留政府采购项目预算金额 against
 *  面向中小企业预留政府采购项目预算金额). Flagged on the narrower one's figure, naming the wider one. */
function subsetAmounts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const subsets = loadPattern<{ claims?: { subsets?: Record<string, string> } }>('identities.yaml').claims?.subsets ?? {};
  const entries = Object.entries(subsets);
  if (!entries.length) return flags;
  const order = readingOrder(ctx).filter((f) => isAmount(f) && f.role !== 'change' && f.kind === 'amount');
  const byLabel = new Map<string, Fact[]>();
  for (const f of order) {
    const k = `${f.section ?? ''}|${f.role}|${f.year ?? ''}|${f.unit}|${fold(f.label)}`;
    byLabel.set(k, [...(byLabel.get(k) ?? []), f]);
  }
  for (const f of order) {
    const label = fold(f.label);
    for (const [narrow, wide] of entries) {
      if (!label.includes(narrow)) continue;
      const wider = byLabel.get(`${f.section ?? ''}|${f.role}|${f.year ?? ''}|${f.unit}|${label.replace(narrow, wide)}`) ?? [];
      // one figure of the wider group, stated once (twice would leave which one unknown)
      if (wider.length !== 1) continue;
      const [part, whole] = figsTogether([f, wider[0]!]);
      if (!part || !whole || part.v - part.h < whole.v + whole.h) continue;
      const w = wider[0]!;
      flags.push(flagOn(f, 'SUM_MISMATCH', `部分大于整体：${f.label}${show(f)}，超过${w.label}${show(w)}（${narrow}属于${wide}）。`, `不超过${show(w)}`, show(f)));
    }
  }
  return flags;
}

/** The totals whose 其中 list is complete by definition, and the word that names each item
 *  (patterns/identities.yaml claims.completeLists). */
function completeLists(): Record<string, string[]> {
  return loadPattern<{ claims?: { completeLists?: Record<string, string[]> } }>('identities.yaml').claims?.completeLists ?? {};
}

/** A 收支总表 balances: 收入总计 = 支出总计, of the whole (收入预算总计 … 支出预算总计) and of one source
 *  (财政拨款收入总计 … 财政拨款支出总计). Narrative figures of the document's year labelled …收入…总计 and
 *  …支出…总计 with the same words before 收入/支出 must agree; a label naming both sides (收入、支出预算总计)
 *  is neither. The later statement is flagged, naming the earlier. */
function balancedTotals(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const year = ctx.doc.document.year;
  const sides = new Map<string, { income: Fact[]; expenditure: Fact[] }>();
  for (const f of readingOrder(ctx)) {
    if (!isLevel(f) || f.year !== year) continue;
    const label = fold(f.label).replace(/^\d{4}年度?/u, '').replace(/预算|决算/gu, '');
    const m = /^(.*?)(收入|支出)总计$/u.exec(label);
    if (!m || /收入|支出|收|支/u.test(m[1]!)) continue;
    const k = m[1]!;
    const e = sides.get(k) ?? { income: [], expenditure: [] };
    (m[2] === '收入' ? e.income : e.expenditure).push(f);
    sides.set(k, e);
  }
  for (const { income, expenditure } of sides.values()) {
    // one flag per pair of sides: the first disagreement
    pairs: for (const a of income) for (const b of expenditure) {
      const fa = figOf(a.text, a.unit);
      const fb = figOf(b.text, b.unit);
      if (!fa || !fb || sumFits(fa, [fb])) continue;
      const [first, later] = isBefore(a, b) ? [a, b] : [b, a];
      const where = placeOf(first.loc);
      flags.push(makeFlag('VALUE_CONFLICT', `收支总计不平衡：${later.label}为${show(later)}，而${where}${first.label}为${show(first)}；收入总计应等于支出总计。`, { ...later.loc }, later.excerpt, { severity: 'error', expected: show(first), found: show(later) }));
      break pairs;
    }
  }
  return flags;
}

/** A complete sum (patterns/checks.yaml `sums`, complete: 三公 = 因公出国 + 公务用车 + 公务接待; 基本支出 =
 *  人员经费 + 公用经费) stated within one paragraph: the total and each part once after it, of one role,
 *  year and unit (“三公经费…支出决算为3.04万元…其中：因公出国（境）费决算为0万元…公务用车购置及运行维护费支出决算为
 *  2.64万元…公务接待费支出决算为0.40万元”). The document-level `sums` rule reads the summary's figures; this one
 *  reads the paragraph's own, so a restatement that does not add up is caught where it is made. */
function localSums(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const list of ctx.byLine.values()) {
    for (const rule of checksConfig().sums.filter((r) => r.complete)) {
      for (const t of list.filter((f) => isAmount(f) && f.role !== 'change' && f.metric && rule.total.includes(f.metric))) {
        const after = list.slice(list.indexOf(t) + 1).filter((f) => isAmount(f) && f.role === t.role && f.year === t.year && f.unit === t.unit);
        // the parts stop where the total's metric is stated again
        const until = after.findIndex((f) => f.metric && rule.total.includes(f.metric));
        const scope = until < 0 ? after : after.slice(0, until);
        const parts = rule.parts.map((m) => scope.filter((f) => f.metric === m));
        if (parts.some((p) => p.length !== 1)) continue;
        const [whole, ...figs] = figsTogether([t, ...parts.map((p) => p[0]!)]);
        if (!whole || figs.some((x) => !x) || sumFits(whole, figs as NonNullable<(typeof figs)[number]>[])) continue;
        const ps = parts.map((p) => p[0]!);
        // One flag for one sum: the document-level rule (sums) may have said it already.
        if (ctx.summed.has(`${lineKey(t.loc)}|${t.loc.start ?? ''}`)) continue;
        const sum = formatAmount(Number(figs.reduce((a, x) => a + x!.v, 0n) / 100000n), t.unit, Math.max(...ps.map((p) => decimalsOf(p.text))));
        flags.push(flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${ps.map((p) => `${p.label || p.metric}${show(p)}`).join('＋')}＝${sum}，而${t.label || t.metric}为${show(t)}。`, sum, show(t)));
      }
    }
  }
  return flags;
}

/** A total whose sentence announces a numbered list (“（二）支出预算总计27664.22万元。包括：” / “1．一般公共服务（类）
 *  支出22395.50万元，…” / “2．社会保障和就业（类）支出1374.63万元，…”): each item is a part of it, its figure the
 *  first amount after its number, so the items cannot add up to more than the total. Items are the lines
 *  that open with the numbers 1, 2, 3 … in order, in the total's section, until the numbering breaks. */
function enumeratedParts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const item = /^\s*(\d{1,2})\s*[．.、]\s*(?!\d)/u;
  const higherMarker = /^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])/u;
  order.forEach((t) => {
    if (!isLevel(t) || /收.{0,2}支/u.test(t.label)) return;
    const line = ctx.text.lines.get(lineKey(t.loc));
    const at = ctx.text.position.get(lineKey(t.loc));
    if (!line || at === undefined || t.loc.end === undefined || line.raw.length - t.loc.end > 24) return;
    // the list is announced right after the total: 。包括： / ，其中： at the end of its line
    if (!/^[^\d]{0,3}(?:包括|其中)[:：]\s*$/u.test(fold(line.raw.slice(t.loc.end)))) return;
    const parts: Fact[] = [];
    let want = 1;
    for (let k = at + 1; k < Math.min(ctx.text.order.length, at + 80); k++) {
      const l = ctx.text.order[k]!;
      const m = item.exec(l.raw);
      // The list announced is the first one that follows, and ends at a marker of a higher level (the
      // order of 公文 numbering: 一、 > （一） > 1．): “…增加844.15万元。其中：” / “（一）收入预算总计…” / “（二）支出
      // 预算总计13649.07万元。包括：” / “1．…” — the 1．2．3． items are the parts of （二）'s total, not of 844.15.
      if (!m && higherMarker.test(l.raw)) break;
      if (!m) continue;
      if (Number(m[1]) !== want) break;
      const first = order.find((f) => lineKey(f.loc) === lineKey(l.loc) && (f.loc.start ?? 0) >= m[0].length && isAmount(f) && f.role !== 'change');
      if (!first || (first.section ?? null) !== (t.section ?? null) || first.role !== t.role || first.year !== t.year || first.unit !== t.unit) break;
      parts.push(first);
      want++;
    }
    const over = partsOverWhole(t, parts, `所列各项${parts.map((p) => show(p)).join('＋')}`);
    if (over) flags.push(over);
  });
  return flags;
}

const LEVELS: Record<string, number> = { 类: 1, 款: 2, 项: 3 };
const MARKER = /[（(]\s*\d{0,3}\s*(类|款|项)\s*[）)]/gu;
/** The names a label gives its 类/款/项 markers, by level (社会保障和就业支出（类）行政事业单位养老支出（款）→ 1:
 *  社会保障和就业, 2: 行政事业单位养老). */
function chainNames(label: string): Map<number, string> {
  const names = new Map<number, string>();
  let from = 0;
  for (const m of label.matchAll(MARKER)) {
    const name = fold(label.slice(from, m.index)).replace(/^[\d一二三四五六七八九十]+[、.．]/u, '').replace(/^[“"‘'（(]+|[”"’']+$/gu, '').replace(/支出$/u, '');
    if (name) names.set(LEVELS[m[1]!]!, name);
    from = m.index! + m[0].length;
  }
  return names;
}

/** The deepest 类/款/项 marker a label prints (1, 2, 3), or 0. */
function markerLevel(label: string): number {
  let lv = 0;
  for (const m of label.matchAll(MARKER)) lv = Math.max(lv, LEVELS[m[1]!]!);
  return lv;
}

/** A 类 (or 款) figure followed by the figures of rows under it, each named with a deeper marker (“1、工资福利
 *  支出（类）2,097.51万元 /（1）基本工资（款）支出737.94万元 /（2）津贴补贴（款）支出1,263.76万元 …”, 功能分类
 *  or 经济分类 alike): the rows are parts of it, so together they cannot exceed it. The rows run until a figure
 *  of the same or a shallower level, or one without a marker, or another section; the parts are the rows of
 *  the shallowest deeper level (a 款 and its own 项 are not added together), each row once (a 项's figure
 *  restated in its paragraph is not another row). Whether every row is listed is unknown: only a sum above
 *  the figure is flagged. */
function chainParts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  order.forEach((t, i) => {
    const level = markerLevel(t.label);
    if (!isLevel(t) || level >= 3) return;
    // (a figure without a marker heads such rows where its sentence announces them: “…机关运行经费支出预算
    // 3,348.98万元，比2016年增加…。其中：/（1）办公费（款）支出167.03万元。…”)
    let from = i + 1;
    // (a figure whose own words hold a direction — “…项目经费支出安排增加江苏法院云平台租赁费400万元。其中：” — is a
    // change told verb first, not the level a 其中 lists)
    if (!level && /增加|减少|调增|调减|压减|压缩|下降|上升|增长/u.test(t.label)) return;
    if (!level) {
      while (order[from] && (order[from]!.kind === 'percent' || order[from]!.role === 'change') && (order[from]!.section ?? null) === (t.section ?? null)) from++;
      const first = order[from];
      const lead = first ? textSpan(ctx.text, order[from - 1]!, first, 8) : null;
      // (no figure between: “…结转资金0万元…。（二）支出预算总计13,377.11。包括：” — a total whose unit is lost
      // announces that list, not the figure before it)
      const cut = lead === null ? -1 : lead.lastIndexOf('。');
      if (!first || lead === null || !/^(?:其中|包括)[:：]/u.test(lead.slice(cut + 1)) || /\d/.test(lead.slice(0, cut + 1)) || !markerLevel(first.label)) return;
    }
    const rows: Fact[] = [];
    const own = chainNames(t.label);
    for (const f of order.slice(from, i + 120)) {
      if ((f.section ?? null) !== (t.section ?? null)) break;
      if (f.kind === 'percent' || f.role === 'change') continue;
      if (!isAmount(f)) continue;
      const lv = markerLevel(f.label);
      if (lv <= level) break;
      // A row that names another 类 or 款 than the figure's own is past its rows (in a page dump's line order the
      // next items' figures can follow a chain cut by its figure).
      const its = chainNames(f.label);
      if ([...own].some(([l, n]) => its.has(l) && its.get(l) !== n)) break;
      // (a 其中 or 包括 after the rows opens another breakdown of the same whole — “其中基本支出中：（1）工资福利支出
      // （款）…”, by economic class after the functional one — whose rows are not more parts)
      const last = rows[rows.length - 1];
      const gap = last ? textSpan(ctx.text, last, f, 8) : null;
      if (gap !== null && /其中|(?<!不)包括/u.test(gap)) break;
      // (a line naming another 类 between two rows — “（二）社会保障和就业支出（类）” with no figure of its own — opens
      // that 类's rows)
      if (gap !== null && own.has(1) && [...gap.replace(/\s/gu, '').matchAll(/([\u4e00-\u9fff]{2,20}?)[（(]\d{0,3}类[）)]/gu)].some((m) => chainNames(`${m[1]}（类）`).get(1) !== own.get(1))) break;
      if (f.role !== t.role || f.year !== t.year || f.unit !== t.unit || fold(f.label) === fold(t.label)) continue;
      if (rows.some((r) => fold(r.label) === fold(f.label))) continue;
      rows.push(f);
    }
    if (rows.length < 2) return;
    const top = Math.min(...rows.map((r) => markerLevel(r.label)));
    const parts = rows.filter((r) => markerLevel(r.label) === top);
    const over = partsOverWhole(t, parts, `所列各项${parts.map((p) => show(p)).join('＋')}`);
    if (over && !ctx.summed.has(`${lineKey(t.loc)}|${t.loc.start ?? ''}`)) flags.push(over);
  });
  return flags;
}

/** One statement made twice (江苏 预算: “主要原因是基本支出增加…3397.18万元、项目经费支出安排减少1134.33万元、单位预留
 *  机动经费增加1753.34万元” in the overview and again under 财政拨款): where two paragraphs state a run of three or
 *  more figures with the same words, roles, directions, years and units in the same order, and every figure
 *  of the run agrees but one, that one is a conflict (VALUE_CONFLICT). Where three or more copies are printed,
 *  the copies that differ from the majority are flagged; of two, the later. Copies are in different sections
 *  (lists of like items in one section — one per unit — are not one statement); copies under different funds
 *  are compared only as the overview (no fund) and the 财政拨款 part, where the document spends nothing outside
 *  财政拨款. A warning: which copy is wrong is the majority's guess. */
function restatedRuns(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const sig = (f: Fact) => `${f.role}|${f.direction ?? ''}|${fold(f.label)}|${f.unit}|${f.year ?? ''}`;
  const paras = [...ctx.byLine.values()].map((list) => list.filter((f) => isAmount(f) && f.role !== 'share' && f.role !== 'other' && fold(f.label).length >= 2));
  const at = new Map<string, { p: number; i: number }[]>();
  paras.forEach((seq, p) => {
    for (let i = 0; i + 2 < seq.length; i++) {
      const k = `${sig(seq[i]!)}\u0001${sig(seq[i + 1]!)}\u0001${sig(seq[i + 2]!)}`;
      at.set(k, [...(at.get(k) ?? []), { p, i }]);
    }
  });
  const e = (m: string) => ctx.doc.summary[m]?.yuan;
  const oneFund = e('total_expenditure') !== undefined && e('total_expenditure') === e('fiscal_appropriation_expenditure');
  // aligned copies: each fact's copies (union-find over positions aligned in a run with at most one difference)
  const parent = new Map<Fact, Fact>();
  const root = (f: Fact): Fact => {
    let r = f;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const join = (a: Fact, b: Fact) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(root(a), root(b));
  };
  const same = (a: Fact, b: Fact) => {
    const x = figOf(a.text, a.unit);
    const y = figOf(b.text, b.unit);
    return !!x && !!y && sumFits(x, [y]);
  };
  const seen = new Set<string>();
  const odd = new Set<Fact>();
  for (const list of at.values()) {
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const a = list[u]!;
        const b = list[v]!;
        if (a.p === b.p) continue;
        const A = paras[a.p]!;
        const B = paras[b.p]!;
        let s0 = 0;
        while (a.i - s0 - 1 >= 0 && b.i - s0 - 1 >= 0 && sig(A[a.i - s0 - 1]!) === sig(B[b.i - s0 - 1]!)) s0++;
        const sa = a.i - s0;
        const sb = b.i - s0;
        const key = `${a.p}|${sa}|${b.p}|${sb}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let n = 0;
        while (sa + n < A.length && sb + n < B.length && sig(A[sa + n]!) === sig(B[sb + n]!)) n++;
        if (n < 3) continue;
        const fa = A.slice(sa, sa + n);
        const fb = B.slice(sb, sb + n);
        if (fa.some((f, k) => f === fb[k])) continue;
        // (copies in one section may be lists of like items — one per unit or per year — not one statement)
        if ((fa[0]!.section ?? null) === (fb[0]!.section ?? null)) continue;
        const funds = fa.map((f, k) => new Set([f.about?.fund ?? '', fb[k]!.about?.fund ?? '']));
        if (funds.some((x) => x.size > 1 && !(oneFund && x.has('') && x.has('fiscal') && x.size === 2))) continue;
        const diff = fa.map((f, k) => !same(f, fb[k]!));
        if (diff.filter(Boolean).length > 1) continue;
        fa.forEach((f, k) => {
          join(f, fb[k]!);
          if (diff[k]) odd.add(f).add(fb[k]!);
        });
      }
    }
  }
  const groups = new Map<Fact, Fact[]>();
  for (const f of odd) groups.set(root(f), [...(groups.get(root(f)) ?? []), f]);
  for (const r of groups.keys()) {
    const copies = [...parent.keys()].filter((f) => root(f) === r).sort((x, y) => (isBefore(x, y) ? -1 : 1));
    // the value most copies print (on a tie, the first one's)
    const votes = copies.map((f) => copies.filter((g) => same(f, g)).length);
    const best = Math.max(...votes);
    const major = copies[votes.indexOf(best)]!;
    for (const f of copies) {
      if (same(f, major)) continue;
      const where = placeOf(major.loc);
      const verb = f.role === 'change' ? (f.direction === 'decrease' ? '减少' : f.direction === 'increase' ? '增加' : '') : '';
      flags.push(flagOn(f, 'VALUE_CONFLICT', `同一说明前后不一致：此处${f.label}${verb}${show(f)}，${where}的同一说明（其余各项相同）为${show(major)}。`, show(major), show(f)));
    }
  }
  return flags;
}

/** The verbatim text between the end of fact a and the start of fact b, folded, at most `lines` lines
 *  apart (a list's 其中 may come after a paragraph of reasons and a page break); null when unknown. */
function textSpan(text: TextIndex, a: Fact, b: Fact, lines: number): string | null {
  const ia = text.position.get(lineKey(a.loc));
  const ib = text.position.get(lineKey(b.loc));
  if (ia === undefined || ib === undefined || ib - ia > lines) return null;
  return textBetween(text, a, b) ?? fold([text.order[ia]!.raw.slice(a.loc.end), ...text.order.slice(ia + 1, ib).map((l) => l.raw), text.order[ib]!.raw.slice(0, b.loc.start)].join(''));
}

/** A total stated with its 年初预算 and its 支出决算 (“一般公共预算财政拨款支出年初预算为86.86万元，支出决算为84.25万元，
 *  完成年初预算的98%。其中：”) and a 其中 list whose items each state both, in that order (“…行政运行（项）。年初预算为
 *  69.9万元，支出决算为77.88万元…”). Whether such a list is complete is unknown, but where one column of it adds
 *  up to its total, the list holds every item of the total: an item left out would have to be exactly zero in
 *  that column. The other column must then add up to its own total, at the printed precision; when it does
 *  not, one of its figures (or the total) is wrong. A warning on that total, naming the items' figures (which
 *  one is wrong is not known). When neither column adds up (a list that names the main items only), nothing. */
function pairedLists(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const same = (a: Fact, b: Fact) => (a.section ?? null) === (b.section ?? null) && a.unit === b.unit && a.year === b.year;
  order.forEach((tb, i) => {
    const ta = order[i + 1];
    if (tb.role !== 'budget' || !isAmount(tb) || !ta || ta.role !== 'actual' || !isAmount(ta) || !same(tb, ta) || !sameSentence(ctx.text, tb, ta)) return;
    // the rates and changes stated right after the total are not items; the list opens with 其中 or 包括
    let k = i + 2;
    while (order[k] && (order[k]!.kind === 'percent' || order[k]!.role === 'change') && (order[k]!.section ?? null) === (ta.section ?? null)) k++;
    const first = order[k];
    if (!first || !same(first, tb)) return;
    const lead = textSpan(ctx.text, order[k - 1]!, first, 8);
    if (lead === null || !/(?:^|[。，,；;：:])(?:其中|包括)[:：，,]/u.test(lead)) return;
    const budgets: Fact[] = [];
    const actuals: Fact[] = [];
    let cut = false;
    for (let j = k; j < order.length; j++) {
      const f = order[j]!;
      if (f.kind === 'percent' || f.role === 'change') continue;
      const want = budgets.length === actuals.length ? 'budget' : 'actual';
      const fits = isAmount(f) && f.role === want && same(f, tb) && (want === 'budget' || sameSentence(ctx.text, budgets[budgets.length - 1]!, f));
      if (fits) (want === 'budget' ? budgets : actuals).push(f);
      else {
        // an item whose 年初预算 or 支出决算 cannot be read (left blank, its unit lost) cuts the list short: no
        // verdict; the list ends cleanly only at another section or at a figure that is no item's
        cut = want === 'actual' || (isAmount(f) && f.role === 'actual' && same(f, tb));
        break;
      }
    }
    if (budgets.length > actuals.length) cut = true;
    if (cut || actuals.length < 2) return;
    const fits = (t: Fact, parts: Fact[]) => {
      const [whole, ...figs] = figsTogether([t, ...parts]);
      return !whole || figs.some((x) => !x) ? null : sumFits(whole, figs as Fig[]);
    };
    const b = fits(tb, budgets);
    const a = fits(ta, actuals);
    if (b === null || a === null || b === a) return;
    const [t, parts, other] = b ? [ta, actuals, '年初预算'] : [tb, budgets, '支出决算'];
    const word = b ? '支出决算' : '年初预算';
    const figs = figsTogether(parts);
    const sum = formatAmount(Number(figs.reduce((x, y) => x + y!.v, 0n) / 100000n), t.unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
    flags.push(
      makeFlag('SUM_MISMATCH', `所列各项${word}之和与总数不符：${parts.map((p) => p.text).join('＋')}＝${sum}，而总${word}为${show(t)}；所列各项的${other}之和与总${other}相符，应已列全（除非未列出的项目${other}为0）。`, { ...t.loc }, t.excerpt, {
        severity: 'warning',
        expected: sum,
        found: show(t),
      }),
    );
  });
  return flags;
}

/** The text facts in reading order (line, then offset). */
function readingOrder(ctx: Ctx): Fact[] {
  return ctx.doc.facts
    .filter((f) => f.from === 'text' && ctx.text.position.has(lineKey(f.loc)))
    .sort((a, b) => ctx.text.position.get(lineKey(a.loc))! - ctx.text.position.get(lineKey(b.loc))! || start(a) - start(b));
}

function sums(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const units = checksConfig().tolerances.amountUnits;
  const fact = (metric: string) => {
    const e = doc.summary[metric];
    if (!e) return undefined;
    const f = doc.facts.find((g) => g.id === e.factId);
    const y = e.yuan ?? (f ? yuanOf(f) : null) ?? (e.unit === '名' || e.unit === '人' || e.unit === '辆' ? e.value : null);
    return y === null ? undefined : { metric, entry: e, fact: f, yuan: y };
  };
  // A metric whose narrative statement disagrees with the summary's figure (the summary step flags that
  // conflict) is uncertain: no sum is checked with it.
  const uncertain = (metric: string) => {
    const e = doc.summary[metric];
    if (!e || e.yuan === undefined) return false;
    return doc.facts.some((f) => f.from === 'text' && f.metric === metric && isLevel(f) && f.yuan !== undefined && Math.abs(f.yuan - e.yuan!) > lastDigitYuan(f) * units);
  };
  for (const rule of checksConfig().sums) {
    if ([...rule.total, ...rule.parts].some(uncertain)) continue;
    const parts = rule.parts.map(fact);
    const present = parts.filter((p) => p !== undefined);
    if (!present.length) continue;
    // The totals are alternatives, the first the parts' own (一般公共预算财政拨款基本支出 before 基本支出). A
    // fallback stands in only where the parts are stated in its section: parts stated under a total that
    // could not be read (its unit lost: “基本支出79.98，其中：人员经费…”) are not parts of another one.
    const sections = new Set(present.map((p) => (p.fact?.from === 'text' ? (p.fact.section ?? null) : undefined)));
    // Nor are parts stated of one fund (人员经费/公用经费 under 一般公共预算财政拨款基本支出, its total blanked)
    // parts of the document's total: a fallback names no fund.
    const funded = present.some((p) => p.fact?.from === 'text' && !!p.fact.about?.fund);
    const totals = rule.total
      .map(fact)
      .filter((t, i) => t !== undefined && (i === 0 || (!funded && (t.fact?.from !== 'text' || sections.has(undefined) || sections.has(t.fact.section ?? null)))))
      .filter((t) => t !== undefined);
    if (!totals.length) continue;
    // A table figure whose row an identity found not adding up is flagged there: a sum through it is the
    // same defect (one flag per root cause).
    const rows = flaggedRows(doc);
    if ([...totals, ...present].some((x) => x.fact?.from === 'table' && rows.has(`${x.fact.about?.tableId}|${x.fact.about?.row}`))) continue;
    const all = present.length === parts.length;
    const sum = present.reduce((s, p) => s + p.yuan, 0);
    const tolOf = (t: (typeof totals)[number]) =>
      Math.max(...[t, ...present].map((x) => (x.fact ? lastDigitAmong(x.fact, [t, ...present].flatMap((y) => (y.fact ? [y.fact] : []))) : 1))) * units * Math.max(1, Math.ceil(present.length / 2));
    const ok = totals.some((t) => (rule.complete && all ? Math.abs(sum - t.yuan) <= tolOf(t) : sum <= t.yuan + tolOf(t)));
    if (ok) continue;
    const t = totals[0]!;
    const unit = t.entry.unit;
    const dec = t.fact ? decimalsOf(t.fact.text) : 2;
    const isCount = t.fact?.kind === 'count';
    const fmt = (y: number) => (isCount ? `${y}${unit}` : formatAmount(y, unit, dec));
    const names = present.map((p) => `${p.fact?.label ?? p.metric}${fmt(p.yuan)}`).join('＋');
    const what = t.fact?.label ?? t.metric;
    const message =
      rule.complete && all
        ? `各部分之和与合计不符：${names}＝${fmt(sum)}，而${what}为${fmt(t.yuan)}。`
        : `部分大于整体：${names}${present.length > 1 ? `＝${fmt(sum)}` : ''}，超过${what}${fmt(t.yuan)}。`;
    const loc = t.fact?.loc ?? null;
    flags.push(makeFlag('SUM_MISMATCH', message, loc ? { ...loc } : null, t.fact?.excerpt ?? null, { expected: fmt(sum), found: fmt(t.yuan) }));
  }
  return flags;
}

function valueConflicts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const cfg = checksConfig().valueConflict;
  const skipSections = new Set(cfg.skipSections);
  const sectionKey = canonicalSections(ctx.doc.outline);
  const groups = new Map<string, Fact[]>();
  for (const f of ctx.doc.facts) {
    if (f.from !== 'text' || !f.metric || !cfg.metrics.includes(f.metric) || ctx.suspect.has(f.id)) continue;
    // A 预算's own figures are its budgets (levelRoles), a 决算's are the configured roles.
    const roles = ctx.doc.document.kind === '预算' ? levelRoles : cfg.roles;
    const sec = sectionKey.get(f.section ?? '') ?? '';
    if (!roles.includes(f.role) || (skipSections.has(sec) && !cfg.sectionTotals?.[sec]?.includes(f.metric))) continue;
    // (brackets folded as the lexicon's names are: 因公出国（境）费支出 is 因公出国(境)费支出)
    const label = foldBrackets(fold(f.label).replace(/^(\d{4}年度?)?(本年度?|全年|当年|年度)?/u, ''));
    // Only the metric under one of its own names: 所属事业单位项目支出 is one item's, not the document's.
    if (cfg.sameLabel && !(metricNames().get(f.metric) ?? []).some((n) => foldBrackets(fold(n)) === label)) continue;
    const k = `${f.metric}|${f.role}|${f.direction ?? ''}|${f.year ?? ''}|${f.kind}|${label}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => (isBefore(a, b) ? -1 : 1));
    const first = list[0]!;
    const seen = new Set<number>();
    const fy = valueOf(first);
    seen.add(fy);
    for (const f of list.slice(1)) {
      const v = valueOf(f);
      if ([...seen].some((s) => Math.abs(s - v) <= Math.max(tolOf(first), tolOf(f)))) continue;
      seen.add(v);
      const where = placeOf(first.loc);
      flags.push(flagOn(f, 'VALUE_CONFLICT', `同一数据前后不一致：${first.label}在${where}为${show(first)}，此处为${show(f)}。`, show(first), show(f)));
    }
  }
  return flags;
}

const foldBrackets = (s: string) => s.replace(/（/gu, '(').replace(/）/gu, ')');
const valueOf = (f: Fact) => (isAmount(f) ? (yuanOf(f) ?? f.value) : f.value);
const tolOf = (f: Fact) => (isAmount(f) ? lastDigitYuan(f) * checksConfig().tolerances.amountUnits : 0);

/** Two or more parts whose printed figures exceed their whole beyond the slack of every figure's rounding:
 *  a SUM_MISMATCH on the whole (`listed` says the parts as the message names them). */
function partsOverWhole(t: Fact, parts: Fact[], listed: string, min = 2): Flag | null {
  if (parts.length < min) return null;
  const [whole, ...figs] = figsTogether([t, ...parts]);
  if (!whole || figs.some((x) => !x)) return null;
  const sum = figs.reduce((a, x) => a + x!.v, 0n);
  const slack = whole.h + figs.reduce((a, x) => a + x!.h, 0n);
  if (sum - whole.v < slack) return null;
  const total = formatAmount(Number(sum / 100000n), t.unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
  return flagOn(t, 'SUM_MISMATCH', `部分大于整体：${listed}${parts.length > 1 ? `＝${total}` : ''}，超过${t.label || '合计'}${show(t)}。`, `不超过${show(t)}`, total);
}
