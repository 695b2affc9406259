// A rate of the actual against its budget with no change amount (“年初预算为20.00万元，支出决算为18.00万元，比预算减少10.00%” /
// “支出决算为18.00万元，比年初预算20.00万元减少10.00%”): (actual − budget) ÷ budget, by interval arithmetic on the printed
// figures, the rate's word giving the sign (PERCENT_MISMATCH). A change amount stated between is growthRates' (the rate is
// over the prior it implies); a rate over last year is levelRates'. And a growth rate over a prior stated as 0 (zeroPriorRates).
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { budgetCue, namedBudget } from './budget-cue.js';
import { checksConfig } from './config.js';
import { formatPercent, isAmount, lastDigitYuan, percentFits, yuanOf } from './numbers.js';
import { type Ctx, flagOn, show, isRate, isChangeAmount, isLevel, sameSubject, sameSentence, isBound, paragraphText } from './prose-figures.js';

/** The words before the rate: 比/较 + the budget's name (its figure may stand there), then the direction word. */
const AGAINST_BUDGET = /(?:比|较|与)(?:年初|全年|调整后?)?预算数?(?:\d[\d,]*(?:\.\d+)?(?:万元|亿元|元))?(?:相比|相较)?[，,]?(?:增加|减少|增长|下降|上升|降低)了?$/u;

export function budgetRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    list.forEach((r, i) => {
      if (!isRate(r) || r.role !== 'change' || (r.direction !== 'increase' && r.direction !== 'decrease')) return;
      if (!AGAINST_BUDGET.test(paragraphText(ctx.text, r, 'before', 1))) return;
      // Back to the sentence's figures of the rate's subject: no change amount nor another rate between.
      const earlier = list.slice(0, i).reverse();
      const stop = earlier.findIndex((g) => isChangeAmount(g) || isRate(g));
      const span = (stop < 0 ? earlier : earlier.slice(0, stop)).filter((g) => isAmount(g) && sameSubject(g, r) && g.year === r.year);
      if (stop >= 0 && isChangeAmount(earlier[stop]!)) return;
      const actual = span.find((g) => g.role === 'actual');
      const budgets = span.filter((g) => g.role === 'budget').reverse();
      const budget = budgets.length ? namedBudget(ctx.text, budgets, budgetCue(ctx.text, r)) : undefined;
      if (!actual || !budget || actual.unit !== budget.unit || [actual, budget].some((g) => isBound(ctx.text, g))) return;
      const by = yuanOf(budget);
      if (yuanOf(actual) === null || by === null || by <= 0) return;
      const miss = signedRateMiss(r, actual, budget, half, minPts);
      if (!miss) return;
      const { expected, should, word } = miss;
      flags.push(flagOn(r, 'PERCENT_MISMATCH', `与预算相比的变动率与金额不符：预算${show(budget)}，决算${show(actual)}，${should}，文中写${word}${r.text}%。`, expected, `${r.text}%`));
    });
  }
  return flags;
}

/** A growth rate over last year's figure stated as 0 (“公务接待费支出0.40万元，比上年0万元增长100%” / “上年为0万元，增长100%”):
 *  no rate exists on a zero base (issue 11 rule 3), whatever its value. The prior and this year's figure of the rate's
 *  subject stand before it in its sentence, no change amount between (a change amount's rate is growthRates', which
 *  flags the zero base it implies). */
export function zeroPriorRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const year = ctx.doc.document.year;
  for (const list of ctx.byLine.values()) {
    list.forEach((r, i) => {
      if (!isRate(r) || r.role !== 'change' || r.direction !== 'increase' || r.value <= 0 || year === null) return;
      const earlier = list.slice(0, i).reverse();
      const stop = earlier.findIndex((g) => isChangeAmount(g) || isRate(g));
      const sentence = (stop < 0 ? earlier : earlier.slice(0, stop)).filter((g) => isAmount(g) && sameSentence(ctx.text, g, r));
      const priors = sentence.filter((g) => g.role === 'prior_year' && g.year === year - 1);
      const currents = sentence.filter((g) => isLevel(g) && g.year === year);
      // (the subject's own figures; else the sentence's only pair — 2022年当年预算执行数为0万元，2023年预算安排60.13万元，
      // 比…增加100.00%: the item's name labels the first figure, 预算安排 the second and the rate)
      const lone = priors.length === 1 && currents.length === 1;
      const prior = priors.find((g) => sameSubject(g, r)) ?? (lone ? priors[0] : undefined);
      const current = currents.find((g) => sameSubject(g, r)) ?? (lone ? currents[0] : undefined);
      if (!prior || !current || yuanOf(prior) !== 0 || !(yuanOf(current)! > 0) || prior.unit !== current.unit || isBound(ctx.text, prior)) return;
      flags.push(flagOn(r, 'PERCENT_MISMATCH', `上年数为0，增长率无从计算：上年${show(prior)}，本年${show(current)}，文中却写增长${r.text}%。`, '上年为0，无增长率', `${r.text}%`));
    });
  }
  return flags;
}

/** The budget of an actual whose sentence states none (“其中：因公出国（境）费决算为2.00万元，完成预算的80%” / “…决算数小于预算数”, the
 *  items' budgets printed only in the 三公 table): the ledger's budget cell of the metric — one value however often printed, of
 *  the actual's year and fund — where no actual cell of that metric says otherwise than the narrative (a misstated actual is
 *  the restatement checks' flag). Else none: nothing is judged. */
export function ledgerBudget(doc: ExtractedDocument, metric: string | null, actual: Fact): Fact | undefined {
  if (!metric || (actual.metric && actual.metric !== metric)) return undefined;
  const cells = doc.facts.filter((g) => g.from === 'table' && g.metric === metric && isAmount(g) && g.year === actual.year && yuanOf(g) !== null);
  const budgets = cells.filter((g) => g.role === 'budget');
  const fund = actual.about?.fund;
  if (!budgets.length || budgets.some((g) => yuanOf(g) !== yuanOf(budgets[0]!) || (fund && g.about?.fund && g.about.fund !== fund))) return undefined;
  if (cells.some((g) => g.role === 'actual' && yuanOf(g) !== yuanOf(actual))) return undefined;
  return budgets[0];
}

/** A signed rate (增加/减少 X%) of `cur` over `base`, by interval arithmetic on the two printed figures (each ± half
 *  its last digit): null where some values inside them give the printed rate, else the rate they give
 *  (`expected`, signed the other way where the word is wrong), the message's phrase for it and the rate's word. */
export function signedRateMiss(r: Fact, cur: Fact, base: Fact, half: number, minPts: number): { expected: string; should: string; word: string } | null {
  const cy = yuanOf(cur)!;
  const by = yuanOf(base)!;
  const hc = lastDigitYuan(cur) / 2;
  const hb = lastDigitYuan(base) / 2;
  const q = [(cy - hc) / (by + hb), (cy + hc) / Math.max(1e-9, by - hb)];
  const [lo, hi] = r.direction === 'decrease' ? [1 - q[1]!, 1 - q[0]!] : [q[0]! - 1, q[1]! - 1];
  if (percentFits(r, lo, hi, half, minPts)) return null;
  const ratio = r.direction === 'decrease' ? 1 - cy / by : cy / by - 1;
  const word = r.direction === 'decrease' ? '减少' : '增加';
  const expected = ratio < 0 ? `${r.direction === 'decrease' ? '增加' : '减少'}${formatPercent(-ratio, r.text)}` : formatPercent(ratio, r.text);
  return { expected, should: ratio < 0 ? `实为${expected}` : `${word}率应约为${expected}`, word };
}
