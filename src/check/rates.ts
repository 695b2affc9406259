// Growth, level and completion rates against the amounts they are computed from, by interval arithmetic at the printed
// precision (PERCENT_MISMATCH), and a change in the wrong unit or larger than its figure (UNIT_SUSPECT).
import { budgetCue, namedBudget } from './budget-cue.js';
import { budgetRates, ledgerBudget, signedRateMiss, zeroPriorRates } from './budget-rates.js';
import { flatWords, otherFunds } from './prose-levels.js';
import type { Fact, Flag } from '../model.js';
import { checksConfig } from './config.js';
import { makeFlag, placeOf } from './flag.js';
import { loadPattern } from '../patterns.js';
import { figOf, sumFits } from './identities.js';
import { lineKey } from './lines.js';
import { decimalsOf, exactYuan, formatAmount, formatPercent, isAmount, lastDigitYuan, percentFits, yuanOf } from './numbers.js';

import { type Ctx, flagOn, show, before, sameLabel, sameSubject, isChangeAmount, isActualAmount, isLevel, isRate, currentOf, rateOf, ratioRange, sameSentence, fold, isBefore, textBetween, readingOrder, isBound, paragraphText, opensList } from './prose-figures.js';

/** The prior year's figure as a message shows it: from the printed figures, cents kept (99629.76元, where the
 *  integer 元 compared give 99630). */
function priorOf(x: Fact, c: Fact, decrease: boolean, prior: number): number {
  const a = exactYuan(x);
  const b = exactYuan(c);
  return a === null || b === null || x.unit !== c.unit ? prior : decrease ? a + b : a - b;
}

/** The total a change after a 其中 list may be stated of (“事业运行经费总预算安排37337407.64元，其中：基本支出预算488180.64元，
 *  项目支出预算36849227元，同比增加27125219.46元，增长265.6%”: the change goes on with the sentence's subject, the
 *  list's total, once the list is done — the extractor carries the last item's subject to it): the levels of the
 *  change's sentence (or of `x`'s, where the change opens the sentence after the list), before its current figure
 *  `x`, that open a 其中/包括 list holding `x`, nearest first. */
function listTotals(ctx: Ctx, list: Fact[], x: Fact, c: Fact): Fact[] {
  const out: Fact[] = [];
  for (let j = list.indexOf(x) - 1; j >= 0; j--) {
    const g = list[j]!;
    if (isChangeAmount(g) || (isRate(g) && g.role === 'change')) break;
    // (or of the list's own sentence, where the change opens the next one with its subject carried over:
    // “支出预算10344.71万元，其中：基本支出8974.01万元、项目支出1370.70万元。比上年减少32.61万元，下降0.31%”,
    // 福州 2026 单位预算)
    if (!isLevel(g) || g.unit !== x.unit) continue;
    const gap = textBetween(ctx.text, g, x);
    if (gap === null || !opensList(gap)) continue;
    // (or of the sentence right before the list's, the list opening the next one with 包括 and the change the one after:
    // “（二）支出预算：2026年年初预算数45,369.18万元。按支出功能分类，包括…住房保障支出662.86万元。比2025年增加2,734.52万元”,
    // 重庆 宣传部 2026 — the whole is named by its heading only)
    const own = sameSentence(ctx.text, g, c) || sameSentence(ctx.text, g, x);
    if (own || (gap.split('。').length === 2 && opensList(gap, true))) out.push(g);
  }
  return out;
}

export function unitSuspects(ctx: Ctx): Flag[] {
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
      // A change larger than the figure it changes, past both printed intervals (增加956万元 of 955.93万元 is a new
      // item's whole figure printed to the 万元: 956 ± 0.5 holds it).
      if (!x || cy === null || xy === null || cy - lastDigitYuan(c) / 2 - lastDigitYuan(x) / 2 <= xy) continue;
      // (a change after a 其中 list that is its total's — “财政拨款收入337,741.21万元，其中：一般公共预算拨款收入324,638.50万元、
      // 上年结转13,102.70万元，较上年减少130,014.30万元，下降27.80%”, 西安 公安 2026 — not the last item's: no larger than the
      // total, and its rate, if any, fits the total)
      if (listTotals(ctx, list, x, c).some((t) => changeFits(c, cy, t, rate))) continue;
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

/** Whether the change `c` (`cy` yuan) can be the change of the figure `t`: no larger than it, past both printed
 *  intervals, and its rate, if stated, fits t's prior (t − an increase, t + a decrease). */
function changeFits(c: Fact, cy: number, t: Fact, rate: Fact | undefined): boolean {
  const ty = yuanOf(t);
  if (ty === null || t.unit !== c.unit || cy - lastDigitYuan(c) / 2 - lastDigitYuan(t) / 2 > ty) return false;
  if (!rate) return true;
  const prior = c.direction === 'decrease' ? ty + cy : ty - cy;
  if (prior <= 0) return false;
  const [lo, hi] = ratioRange(c, cy, t, prior, true);
  return percentFits(rate, lo, hi, checksConfig().tolerances.percentHalfUnit, checksConfig().tolerances.minPercentPoints);
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

/** The current figure of a change whose subject is spelled a little differently in its own clause (“公务用车购置及
 *  运行维护费支出15.00万元…。公务用车购置及运行维护费较上年减少5.00万元” / “一般公共预算财政拨款支出500.00万元…。与2022年相比，
 *  一般公共预算财政拨款增加20.00万元”): the nearest level before it in the paragraph, no change between, whose label is
 *  the change's with 支出 after it, or of the same metric as the change. */
function spelledCurrent(list: Fact[], c: Fact): Fact | undefined {
  if (!c.label) return undefined;
  const bare = (l: string) => fold(l).replace(/支出$/u, '');
  return before(list, c, (g) => isLevel(g) && g.unit === c.unit && !!g.label && (bare(g.label) === bare(c.label) ? (g.metric ?? null) === (c.metric ?? null) || !g.metric || !c.metric : !!c.metric && g.metric === c.metric), isChangeAmount);
}

export function growthRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      const rate = rateOf(list, c);
      const x = currentOf(list, c) ?? carriedLevel(ctx, list, c) ?? (rate ? spelledCurrent(list, c) : undefined);
      if (isBound(ctx.text, c) || (x && isBound(ctx.text, x))) continue;
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
      // (a change after a 其中 list whose rate is its total's: stated of the total, not of the last item)
      const fitsTotal = (t: Fact) => {
        const ty = yuanOf(t);
        const tp = ty === null ? 0 : c.direction === 'decrease' ? ty + cy : ty - cy;
        if (tp <= 0) return false;
        const [a, b] = ratioRange(c, cy, t, tp, true);
        return percentFits(rate, a, b, half, minPts);
      };
      if (listTotals(ctx, list, x, c).some(fitsTotal)) continue;
      const expected = formatPercent(cy / prior, rate.text);
      const priorShown = formatAmount(priorOf(x, c, c.direction === 'decrease', prior), x.unit, Math.max(decimalsOf(x.text), decimalsOf(c.text)));
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
  return [...flags, ...ratesBeforeChanges(ctx), ...signedPairs(ctx), ...multiples(ctx), ...toldDirections(ctx), ...priorTriangles(ctx)];
}

/** Whether a figure is printed with a minus sign of its own (变动率为-2.20%, 增长-2.20%): its direction is the
 *  sign's, turned by the word before it where there is one (the extractor's reading; facts/signed.ts). */
function signed(ctx: Ctx, f: Fact): boolean {
  const raw = ctx.text.lines.get(lineKey(f.loc))?.raw;
  return f.loc.start !== undefined && !!raw && /[-−－]\s*$/u.test(raw.slice(0, f.loc.start));
}

/** A change amount and its rate (the rate right after it, or right before it as ratesBeforeChanges reads it) that move opposite ways,
 *  one of them signed (“增加41.60万元，增长-2.48%”: the minus makes the rate a fall; “增减-41.60万元，增减率2.36%”):
 *  the sign contradicts the other figure's direction (the unsigned pairs are the text rules'). Flagged on the
 *  signed figure (on the rate where both are). */
function signedPairs(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const word = (f: Fact) => (f.direction === 'decrease' ? (isRate(f) ? '下降' : '减少') : isRate(f) ? '增长' : '增加');
  for (const list of ctx.byLine.values()) {
    list.forEach((c, i) => {
      if (!isChangeAmount(c) || (c.direction !== 'increase' && c.direction !== 'decrease')) return;
      let r = rateOf(list, c);
      if (!r) {
        const p = list[i - 1];
        const gap = p ? textBetween(ctx.text, p, c) : null;
        if (p && isRate(p) && p.role === 'change' && sameSubject(p, c) && gap !== null && /^[，,][\u4e00-\u9fff]{0,8}[-−－]?$/u.test(gap)) r = p;
      }
      if (!r || (r.direction !== 'increase' && r.direction !== 'decrease') || r.direction === c.direction) return;
      const sr = signed(ctx, r);
      const sc = signed(ctx, c);
      if (!sr && !sc) return;
      const [bad, good] = sr ? [r, c] : [c, r];
      const printed = `-${show(bad)}`;
      flags.push(flagOn(bad, 'DIRECTION_CONFLICT', `增减方向与符号矛盾：此处写“${printed}”，即${word(bad)}${show(bad)}，而${isRate(good) ? '变动率' : '变动额'}为${word(good)}${show(good)}。`, `${bad.direction === 'decrease' ? word({ ...bad, direction: 'increase' }) : word({ ...bad, direction: 'decrease' })}${show(bad)}`, printed));
    });
  }
  return flags;
}

/** A rate stated before its change amount (“同比下降2.10%，减少63.14万元” / “减少2.10%（63.14万元）”): the rate of
 *  that change, over the figure stated before them, as growthRates does for the usual order. The amount is the
 *  very next fact, after a comma and its own words (，减少) or in the bracket that opens right after the rate; a change amount that
 *  has a rate of its own after it is not this rate's. */
function ratesBeforeChanges(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    list.forEach((r, i) => {
      if (!isRate(r) || r.role !== 'change' || (r.direction !== 'increase' && r.direction !== 'decrease')) return;
      const prev = list[i - 1];
      if (prev && isChangeAmount(prev) && rateOf(list, prev) === r) return;
      const c = list[i + 1];
      if (!c || !isAmount(c) || c.kind !== 'amount' || c.unit === '%' || ctx.suspect.has(c.id)) return;
      const gap = textBetween(ctx.text, r, c);
      if (gap === null) return;
      let dir: Fact['direction'];
      if (isChangeAmount(c) && /^[，,][\u4e00-\u9fff]{0,8}[-−－]?$/u.test(gap) && c.direction === r.direction && !rateOf(list, c)) dir = r.direction;
      else if (!isChangeAmount(c) && /^[（(]$/u.test(gap) && /^[）)]/u.test(ctx.text.lines.get(lineKey(c.loc))?.raw.slice(c.loc.end ?? 0) ?? '')) dir = r.direction;
      else return;
      const x = before(list, r, (g) => isLevel(g) && sameSubject(g, r), (g) => isChangeAmount(g) || (isRate(g) && g.role === 'change'));
      if (!x || isBound(ctx.text, x) || isBound(ctx.text, c)) return;
      const cy = yuanOf(c);
      const xy = yuanOf(x);
      if (cy === null || xy === null || c.unit !== x.unit) return;
      const prior = dir === 'decrease' ? xy + cy : xy - cy;
      if (prior <= 0) return;
      const [lo, hi] = ratioRange(c, cy, x, prior, true);
      if (percentFits(r, lo, hi, half, minPts)) return;
      const expected = formatPercent(cy / prior, r.text);
      const word = dir === 'decrease' ? '减少' : '增加';
      flags.push(flagOn(r, 'PERCENT_MISMATCH', `变动率与金额不符：${show(x)}比上年${word}${show(c)}，上年应为${formatAmount(priorOf(x, c, dir === 'decrease', prior), x.unit, decimalsOf(x.text))}，变动率应约为${expected}，文中写${r.text}%。`, expected, `${r.text}%`));
    });
  }
  return flags;
}

/** A rate stated with the two figures it compares and no change amount (“2025年当年预算执行数为285.04万元，
 *  2026年预算安排179.15万元，比2025年预算执行数减少12.63%” / “…支出2,940.05万元，比上年3,003.19万元下降2.10%”): the
 *  rate is (current − prior) ÷ prior, checked by interval arithmetic on the printed figures (± half a unit of
 *  each one's last digit). Three orders, each with nothing but words between the figures and the rate:
 *  - prior, current, rate, the rate read with the prior's year (the comparison year), all in one sentence of
 *    one paragraph; another figure of the comparison year earlier in the sentence may be the base instead;
 *  - prior, current, rate, the rate read with another year: the words between the current and the rate name
 *    the prior's year (比2025年…减少);
 *  - current, then 比上年/较2023年 + the prior, then the rate (比上年3,003.19万元下降2.10%).
 *  Where the paragraph opens with the same 科目's figure of the year and the current restates it with another
 *  amount, that is a VALUE_CONFLICT; where the rate fits the opening figure, the rate is not flagged too. */
export function levelRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const year = ctx.doc.document.year;
  if (year === null) return flags;
  const order = readingOrder(ctx).filter((f) => f.loc.start !== undefined && f.loc.end !== undefined);
  const para = (f: Fact) => ctx.text.paragraph.get(lineKey(f.loc));
  order.forEach((r, i) => {
    if (!isRate(r) || r.role !== 'change' || (r.direction !== 'increase' && r.direction !== 'decrease')) return;
    // Whether the stated rate fits from `from` to `to`: to/from over the printed intervals, then the signed
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
    // (a share stated with the current figure may stand between it and the comparison: “…支出2,940.05万元，
    // 占本年支出合计的100%。比上年3,003.19万元下降2.10%”)
    const s2 = order[i - 2];
    const shareBetween = !!s2 && isRate(s2) && s2.role === 'share' && !!order[i - 3] && para(order[i - 3]!) === para(r);
    const a = shareBetween ? order[i - 3] : order[i - 2];
    const b = order[i - 1];
    if (!a || !b || !isAmount(a) || !isAmount(b) || a.unit !== b.unit || a.role === 'change' || b.role === 'change') return;
    let cur: Fact;
    let prior: Fact;
    let otherPriors: Fact[] = [];
    let head: Fact | undefined;
    if (a.year === year && b.year !== null && b.year < year) {
      // current, 比上年 + prior, rate
      const lead = textBetween(ctx.text, order[i - 2]!, b);
      const tail = textBetween(ctx.text, b, r);
      if (lead === null || tail === null || !sameSubject(a, b) || !isLevel(a) || para(a) !== para(r)) return;
      if (!/^[，,。]?(?:同比)?(?:比|较|与)(?:上年|上一?年度|\d{4}年度?)[\u4e00-\u9fff]{0,8}$/u.test(lead)) return;
      if (!/^(?:相比|同比)?[，,]?(?:增加|减少|增长|下降|上升|降低)了?$/u.test(tail)) return;
      cur = a;
      prior = b;
    } else {
      if (shareBetween) return;
      cur = b;
      prior = a;
      if (cur.year !== year || prior.year === null || prior.year >= year) return;
      if (r.year === prior.year) {
        // the rate read with the comparison year: one sentence of one paragraph
        if (para(prior) !== para(r) || para(cur) !== para(r) || !sameSentence(ctx.text, prior, r)) return;
        // Another figure of the comparison year in the sentence (2025年预算数26.00万元，当年预算执行数25.09万元，
        // …比2025年预算增加3.85%): the rate may be over either.
        otherPriors = order.slice(0, i - 2).filter((g) => para(g) === para(r) && isAmount(g) && g.year === r.year && g.unit === cur.unit && g.role !== 'change' && sameSentence(ctx.text, g, r));
      } else {
        const ab = textBetween(ctx.text, prior, cur);
        const br = textBetween(ctx.text, cur, r);
        if (ab === null || br === null || /[。；;]/u.test(ab + br)) return;
        // the comparison names the prior's year, and nothing but words stands between it and the rate
        // (“比2025预算执行数减少”: the 年 may be left out)
        if (!new RegExp(`(?:比|较|与)${prior.year}年?[\\u4e00-\\u9fff]{0,12}(?:增加|减少|增长|下降|上升|降低)$`, 'u').test(br.replace(/^[，,]/u, ''))) return;
      }
      head = headOf(order, ctx, cur, prior);
    }
    if (isBound(ctx.text, cur) || isBound(ctx.text, prior)) return;
    const rateFits = (to: Fact) => rateFitsFrom(prior, to);
    if (head) {
      const ha = figOf(head.text, head.unit);
      const hb = figOf(cur.text, cur.unit);
      if (ha && hb && !sumFits(ha, [hb]) && !otherFunds(head, cur)) {
        // (the 科目's name from the table's row, else from the words before its figure: 住房公积金（项）)
        const named = head.about?.name ?? /([^（）()“”]+)[（(][类款项][）)]”?$/u.exec(head.label)?.[1];
        const name = named ? `“${named}”` : '本科目';
        // One root cause, one flag: where the rate fits the paragraph's opening figure and not the
        // restated one, the restated figure is the wrong one, and the rate is not flagged against it.
        const fitsHead = rateFits(head) === true && rateFits(cur) === false;
        const why = fitsHead ? `（文中变动率${r.text}%与开头数相符）` : '';
        flags.push(makeFlag('VALUE_CONFLICT', `同一科目前后不一致：本段开头${name}为${show(head)}，此处${year}年为${show(cur)}${why}。`, { ...cur.loc }, cur.excerpt, { severity: 'error', expected: show(head), found: show(cur) }));
        if (fitsHead) return;
      }
    }
    const cy = yuanOf(cur);
    const py = yuanOf(prior);
    if (cy === null || py === null || py <= 0 || rateFits(cur) !== false) return;
    if (otherPriors.some((g) => rateFitsFrom(g, cur) !== false)) return;
    const ratio = r.direction === 'decrease' ? 1 - cy / py : cy / py - 1;
    const word = r.direction === 'decrease' ? '减少' : '增加';
    // A figure that moved the other way: say so (57.43 → 57.8 is a rise, not 减少2.27%).
    const expected = ratio < 0 ? `${r.direction === 'decrease' ? '增加' : '减少'}${formatPercent(-ratio, r.text)}` : formatPercent(ratio, r.text);
    const should = ratio < 0 ? `实为${expected}` : `${word}率应约为${expected}`;
    flags.push(flagOn(r, 'PERCENT_MISMATCH', `变动率与金额不符：由${show(prior)}到${show(cur)}，${should}，文中写${word}${r.text}%。`, expected, `${r.text}%`));
  });
  return flags;
}

/** “2023年当年预算执行数为20.10万元，2024年预算安排20.00万元，比2023年预算执行数持平”: a figure said to be
 *  unchanged from the prior-year figure stated right before it must equal it at the printed precision. */
export function flatPairs(ctx: Ctx): Flag[] {
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
 *  1434.89万元。…2026年预算安排1434.89万元…”): the first amount of the prior's paragraph, naming a 科目 (a
 *  类/款/项 marker or a resolved code), of the current figure's year, role and unit, with no other 科目's figure
 *  between it and the prior. */
function headOf(order: Fact[], ctx: Ctx, cur: Fact, prior: Fact): Fact | undefined {
  const para = ctx.text.paragraph.get(lineKey(prior.loc));
  const i = order.indexOf(prior);
  let k = i;
  while (k > 0 && ctx.text.paragraph.get(lineKey(order[k - 1]!.loc)) === para) k--;
  const head = order.slice(k, i).find((g) => isAmount(g));
  if (!head || !namesSubject(head) || head.year !== cur.year || head.role !== cur.role || head.unit !== cur.unit) return undefined;
  const key = (g: Fact) => g.about?.code ?? fold(g.label);
  if (order.slice(order.indexOf(head) + 1, i).some((g) => namesSubject(g) && key(g) !== key(head))) return undefined;
  return head;
}

/** A figure labelled with a 科目: resolved to its code, or its label prints a 类/款/项 marker. */
const namesSubject = (f: Fact) => !!f.about?.code || /[（(]\s*\d{0,3}\s*(?:类|款|项)\s*[）)]/u.test(f.label);

/** One change stated twice, in opposite directions: two statements of the same figure (the same printed
 *  amount) changed by the same amount (“财政拨款收入950.12万元，比2023年预算增加0.46万元” … “财政拨款支出预算
 *  950.12万元，比2023年预算减少0.46万元”) cannot both be true unless two different things happen to have the
 *  same amount and the same change. The statements that disagree with the majority are flagged (on a
 *  tie, the later one). */
export function twinChanges(ctx: Ctx): Flag[] {
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
  return flagOn(rate, 'PERCENT_MISMATCH', `变动率与金额不符：本年${show(x)}（${where}），比上年${c.direction === 'decrease' ? '减少' : '增加'}${show(c)}，上年应为${formatAmount(priorOf(x, c, c.direction === 'decrease', prior), x.unit, decimalsOf(x.text))}，变动率应约为${expected}，文中写${rate.text}%。`, expected, `${rate.text}%`);
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

export function completionRates(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  for (const list of ctx.byLine.values()) {
    const judged: { k: Fact; actual: Fact; budget: Fact; fits: boolean; ay: number; by: number }[] = [];
    for (const k of list.filter((f) => isRate(f) && f.role === 'completion')) {
      const stop = (g: Fact) => isRate(g);
      // A budget has a metric of its own (general_budget_initial_budget): match by the words only.
      const actual = before(list, k, (g) => isActualAmount(g) && sameLabel(g, k), stop);
      const budgets: Fact[] = [];
      for (let j = list.indexOf(k) - 1; j >= 0 && !stop(list[j]!); j--) if (list[j]!.role === 'budget' && isAmount(list[j]!) && sameLabel(list[j]!, k)) budgets.unshift(list[j]!);
      const budget = budgets.length ? namedBudget(ctx.text, budgets, budgetCue(ctx.text, k)) : actual && ledgerBudget(ctx.doc, k.metric ?? actual.metric, actual);
      if (!actual || !budget || isBound(ctx.text, actual) || isBound(ctx.text, budget)) continue;
      const ay = yuanOf(actual);
      const by = yuanOf(budget);
      if (ay === null || by === null || by <= 0) continue;
      const [lo, hi] = ratioRange(actual, ay, budget, by);
      judged.push({ k, actual, budget, fits: percentFits(k, lo, hi, half, minPts), ay, by });
    }
    // (another completion rate of the same sentence — “执行数144.00万元，完成率为100%（按合同进度），预算执行率96.00%” — may be the
    // budget's, and this one something else (a task's): which rate the two figures give is then not known, and none is flagged)
    const rates = list.filter((f) => isRate(f) && f.role === 'completion');
    const others = (x: (typeof judged)[0]) => rates.filter((y) => y !== x.k && (isBefore(x.k, y) ? sameSentence(ctx.text, x.k, y) : sameSentence(ctx.text, y, x.k)));
    for (const x of judged) {
      if (x.fits || others(x).length) continue;
      const expected = formatPercent(x.ay / x.by, x.k.text);
      const cell = x.budget.from === 'table' ? `（${x.budget.about?.table ?? '表'}${placeOf(x.budget.loc)}）` : '';
      flags.push(flagOn(x.k, 'PERCENT_MISMATCH', `完成率与金额不符：决算${show(x.actual)}÷预算${show(x.budget)}${cell}约为${expected}，文中写${x.k.text}%。`, expected, `${x.k.text}%`));
    }
  }
  // (比预算减少X%: the same two figures, told as a change)
  return [...flags, ...budgetRates(ctx), ...zeroPriorRates(ctx)];
}

let multipleRes: { growth: RegExp; times: RegExp } | null = null;

/** The words and number right after a figure, folded: the rest of its line and the next two (a clause wrapped). */
const textAfter = (ctx: Ctx, f: Fact, chars = 40) => paragraphText(ctx.text, f, 'after', 2).slice(0, chars);

/** Growth told as a multiple (patterns/identities.yaml claims.multiples): “…236.47万元，比上年增加136.47万元，增长1.36倍”
 *  (the change over last year's figure: 136.47 ÷ (236.47 − 136.47)) or “是上年的2.36倍” (this year's figure over
 *  last year's), right after the change amount, or after this year's figure where last year's figure is stated in the
 *  sentence. Interval arithmetic on the printed figures; the multiple fits if either reading holds (增长2倍 is often
 *  written for 是…的2倍), at its printed precision. */
function multiples(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const m = loadPattern<{ claims: { multiples?: { growth: string; times: string } } }>('identities.yaml').claims.multiples;
  if (!m) return flags;
  multipleRes ??= { growth: new RegExp(`^[，,]?(?:${m.growth})(\\d+(?:\\.\\d+)?)倍`, 'u'), times: new RegExp(`^[，,]?(?:${m.times})(\\d+(?:\\.\\d+)?)倍`, 'u') };
  const res = multipleRes;
  // [lo, hi] of (this year − last year) ÷ last year, from the figures' printed intervals.
  const judge = (at: Fact, said: string, growth: [number, number], word: string, expected: number) => {
    const printed: Fact = { ...at, text: said, value: Number(said), kind: 'percent', unit: '倍' };
    const fits = (lo: number, hi: number) => percentFits(printed, lo / 100, hi / 100, half, minPts);
    if (fits(growth[0], growth[1]) || fits(1 + growth[0], 1 + growth[1])) return;
    const dec = decimalsOf(said);
    flags.push(flagOn(at, 'PERCENT_MISMATCH', `倍数与金额不符：${word}，应约为${expected.toFixed(dec)}倍，文中写${said}倍。`, `${expected.toFixed(dec)}倍`, `${said}倍`));
  };
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      if (c.direction !== 'increase' || ctx.suspect.has(c.id) || isBound(ctx.text, c)) continue;
      const after = textAfter(ctx, c);
      const gm = res.growth.exec(after);
      const g = gm ?? res.times.exec(after);
      if (!g) continue;
      const x = currentOf(list, c) ?? carriedLevel(ctx, list, c) ?? spelledCurrent(list, c);
      const cy = yuanOf(c);
      const xy = x ? yuanOf(x) : null;
      if (!x || cy === null || xy === null || isBound(ctx.text, x) || x.unit !== c.unit) continue;
      const prior = xy - cy;
      if (prior <= 0) continue;
      const growth = ratioRange(c, cy, x, prior, true);
      const word = `${show(x)}比上年增加${show(c)}，上年应为${formatAmount(priorOf(x, c, false, prior), x.unit, decimalsOf(x.text))}`;
      judge(c, g[1]!, growth, word, gm ? cy / prior : xy / prior);
    }
    // this year's figure, then 是上年的N倍, last year's figure stated before it in the sentence
    list.forEach((x) => {
      if (!isLevel(x) || x.year !== ctx.doc.document.year || isBound(ctx.text, x)) return;
      const t = res.times.exec(textAfter(ctx, x));
      if (!t) return;
      const p = before(list, x, (g) => g.role === 'prior_year' && isAmount(g) && g.unit === x.unit && sameSubject(g, x) && sameSentence(ctx.text, g, x));
      const xy = yuanOf(x);
      const py = p ? yuanOf(p) : null;
      if (!p || xy === null || py === null || py <= 0 || isBound(ctx.text, p)) return;
      const [lo, hi] = ratioRange(x, xy, p, py);
      judge(x, t[1]!, [lo - 1, hi - 1], `上年${show(p)}，本年${show(x)}`, xy / py);
    });
  }
  return flags;
}

/** The words and figures before a figure in its paragraph, folded: the start of its line and up to two lines before. */
const textBefore = (ctx: Ctx, f: Fact, chars = 60) => paragraphText(ctx.text, f, 'before', 2).slice(-chars);

let toldRe: RegExp | null = null;

/** A subject told with its direction in a clause of its own, then the comparison that states its change (“主要原因：项目支出
 *  增加，较上年减少902.15万元”): the change inherits the subject, so the two words are about one change and must point
 *  the same way (DIRECTION_CONFLICT on the figure). Only where nothing but the comparison stands between the two clauses
 *  and the change's subject is the told one (its label). */
function toldDirections(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const d = loadPattern<{ direction: { up: string; down: string } }>('checks.yaml').direction;
  toldRe ??= new RegExp(`(?:^|[。；;，,：:、])(?<subj>[^。；;，,：:、\\d]{2,24}?)(?<told>${d.up}|${d.down})[，,](?:同比|环比)?(?:比|较|与)[^，,。；;\\d]{0,10}?(?:${d.up}|${d.down})了?$`, 'u');
  const up = new RegExp(`^(?:${d.up})$`, 'u');
  for (const list of ctx.byLine.values()) {
    for (const c of list.filter(isChangeAmount)) {
      if (c.direction !== 'increase' && c.direction !== 'decrease') continue;
      const m = toldRe.exec(textBefore(ctx, c));
      if (!m || !c.label || fold(m.groups!.subj!).replace(/^(?:主要原因|原因|其中|主要是)(?:是|为)?/u, '') !== fold(c.label)) continue;
      const told = up.test(m.groups!.told!) ? 'increase' : 'decrease';
      if (told === c.direction) continue;
      const word = c.direction === 'increase' ? '增加' : '减少';
      flags.push(flagOn(c, 'DIRECTION_CONFLICT', `比较与所述方向不符：文中先称“${m.groups!.subj}${m.groups!.told}”，随后却写${word}${show(c)}。`, `${told === 'increase' ? '增加' : '减少'}${show(c)}`, `${word}${show(c)}`));
    }
  }
  return flags;
}

/** Last year's figure stated beside this year's (“机关运行经费支出50.00万元，2022年为48.00万元，增长4.25%” / “支出决算为300.00万元，
 *  比上年决算数290.00万元增加10.00万元” / “会议费支出20.00万元。2022年会议费支出18.00万元，2023年比2022年增加2.10万元”), then the
 *  change right after it: this year's figure (the nearest level of the subject before it in the paragraph) − last year's is
 *  the change, at the printed intervals — an amount stated the other way round is a DIRECTION_CONFLICT, another amount a
 *  SUM_MISMATCH — and a rate right after it is the change over last year's figure (PERCENT_MISMATCH). The shape levelRates
 *  reads (current, 比上年 + prior, rate) is left to it. */
export function priorTriangles(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const year = ctx.doc.document.year;
  if (year === null) return flags;
  for (const list of ctx.byLine.values()) {
    list.forEach((p, i) => {
      if (p.role !== 'prior_year' || !isAmount(p) || p.year !== year - 1 || isBound(ctx.text, p)) return;
      const x = before(list, p, (g) => isLevel(g) && g.year === year && g.unit === p.unit && sameSubject(g, p), (g) => g.role === 'prior_year' || isChangeAmount(g) || (isRate(g) && g.role === 'change'));
      const n = list[i + 1];
      if (!x || !n || n.role !== 'change' || !sameSubject(n, p) || isBound(ctx.text, x)) return;
      if (n.direction !== 'increase' && n.direction !== 'decrease') return;
      const gap = textBetween(ctx.text, p, n);
      if (gap === null || /[。；;]/u.test(gap.replace(/[，,].*$/u, '')) || /预算/u.test(gap.replace(/^[）)]/u, ''))) return;
      const xy = yuanOf(x);
      const py = yuanOf(p);
      if (xy === null || py === null || py <= 0) return;
      if (isChangeAmount(n)) {
        if (ctx.suspect.has(n.id) || n.unit !== p.unit) return;
        const [fx, fp, fc] = [figOf(x.text, x.unit), figOf(p.text, p.unit), figOf(n.text, n.unit)];
        if (!fx || !fp || !fc) return;
        const fits = (dir: 'increase' | 'decrease') => (dir === 'increase' ? sumFits(fx, [fp, fc]) : sumFits(fp, [fx, fc]));
        if (fits(n.direction)) return;
        const word = n.direction === 'increase' ? '增加' : '减少';
        const diff = formatAmount(Math.abs(xy - py), x.unit, Math.max(decimalsOf(x.text), decimalsOf(p.text)));
        if (fits(n.direction === 'increase' ? 'decrease' : 'increase')) {
          const other = word === '增加' ? '减少' : '增加';
          flags.push(flagOn(n, 'DIRECTION_CONFLICT', `比较与数字不符：上年${show(p)}，本年${show(x)}，应为${other}，文中写${word}${show(n)}。`, `${other}${show(n)}`, `${word}${show(n)}`));
        } else {
          const real = xy >= py ? '增加' : '减少';
          flags.push(flagOn(n, 'SUM_MISMATCH', `变动额与两年数不符：上年${show(p)}，本年${show(x)}，${real}${diff}，文中写${word}${show(n)}。`, `${real}${diff}`, `${word}${show(n)}`));
        }
        return;
      }
      if (!isRate(n)) return;
      // (current, 比上年 + prior, rate: levelRates')
      const lead = textBetween(ctx.text, x, p);
      if (lead !== null && /^[，,。]?(?:同比)?(?:比|较|与)/u.test(lead) && list[i - 1] === x) return;
      const miss = signedRateMiss(n, x, p, half, minPts);
      if (!miss) return;
      const { expected, should, word } = miss;
      flags.push(flagOn(n, 'PERCENT_MISMATCH', `变动率与金额不符：由上年${show(p)}到本年${show(x)}，${should}，文中写${word}${n.text}%。`, expected, `${n.text}%`));
    });
  }
  return flags;
}
