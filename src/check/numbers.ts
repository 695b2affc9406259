// Exact-enough arithmetic on printed figures: every amount is compared in integer 元 (or, for counts and
// percentages, in units of the last printed digit), and every tolerance is stated in printed digits.
import { amountScale, lastDigitYuan } from '../amount.js';
import type { Fact } from '../model.js';
import { loadPattern } from '../patterns.js';


export const decimalsOf = (printed: string) => {
  const m = /\.(\d+)/.exec(printed);
  return m ? m[1]!.length : 0;
};

/** Value in 元 as an integer: the extractor's exact `yuan` (an amount without one is not compared). */
export function yuanOf(f: Pick<Fact, 'yuan' | 'value' | 'unit' | 'text'>): number | null {
  return f.yuan ?? null;
}

export { lastDigitYuan };

/** Value in 元 as printed, cents kept (881300.39元 → 881300.39; the integer `yuan` rounds it to 881300): for
 *  showing a sum or a prior year's figure in a message, never for comparing. */
export function exactYuan(f: Pick<Fact, 'yuan' | 'text' | 'unit'>): number | null {
  const scale = amountScale(f.unit);
  const m = /^(-)?([\d,]+)(?:\.(\d+))?$/u.exec(f.text.trim());
  if (scale === undefined || !m) return f.yuan ?? null;
  const v = Number(`${m[2]!.replace(/,/gu, '')}.${m[3] ?? '0'}`) * 10 ** scale;
  return m[1] ? -v : v;
}

/** Half a unit of the last printed digit of a figure, in its own unit (16% → 0.5, 16.3% → 0.05). */
export const halfUnit = (printed: string) => 0.5 * 10 ** -decimalsOf(printed);

export const isAmount = (f: Fact) => f.kind === 'amount' && amountScale(f.unit) !== undefined;

/** Format a ratio as a percentage with the printed figure's number of decimals. */
export function formatPercent(ratio: number, likePrinted: string): string {
  return `${(ratio * 100).toFixed(decimalsOf(likePrinted))}%`;
}

/** Format an integer 元 amount in a unit with the given number of decimals, rounding half away from
 *  zero in integer arithmetic (toFixed on a float turns 1.005 into 1.00). */
export function formatAmount(yuan: number, unit: string, decimals: number): string {
  const scale = amountScale(unit) ?? 0;
  const drop = Math.max(0, scale - decimals);
  const step = 10 ** drop;
  const abs = Math.abs(yuan);
  // (a figure finer than 1元 — a 元 table's cents, 881300.39元 — keeps its digits: an exact sum or prior is
  // passed in fractional 元, and printed to the figures' decimals, not padded with zeros)
  const rounded = decimals > scale ? Math.round(abs * 10 ** (decimals - scale)) : Math.floor(abs / step) + (abs % step >= step / 2 ? 1 : 0);
  const digits = String(rounded).padStart(decimals + 1, '0');
  const int = decimals ? digits.slice(0, -decimals) : digits;
  const frac = decimals ? '.' + digits.slice(-decimals) : '';
  return `${yuan < 0 && rounded ? '-' : ''}${int}${frac}${unit}`;
}

/** Printed-precision model of rates (patterns/identities.yaml `rates`). */
const rateModel = () => loadPattern<{ rates: { roundUpFromDecimals: number } }>('identities.yaml').rates;

/** Whether a printed percentage p is compatible with the ratio interval [lo, hi] (from the intervals of
 *  the amounts it is computed from): rounded to nearest (p ± half a unit of its last digit) or cut off
 *  (p … p + one unit: 9.557% printed 9.55%); a rate printed with `roundUpFromDecimals` or more decimals
 *  may also be rounded up (p − one unit … p: 16.833% printed 16.84%). `minPoints` is an extra floor
 *  (0 by default: the printed precision is the tolerance). */
export function percentFits(printed: Fact, lo: number, hi: number, halfUnitScale: number, minPoints = 0): boolean {
  const h = halfUnit(printed.text) * (halfUnitScale / 0.5);
  const p = printed.value;
  const below = decimalsOf(printed.text) >= rateModel().roundUpFromDecimals ? 2 * h : h;
  return p + 2 * h + minPoints + 1e-9 >= lo * 100 && p - below - minPoints - 1e-9 <= hi * 100;
}

/** A whole number of 万元 in prose among figures printed to the 分 (`办公费（款）支出110万元` … `会议费（款）支出66.72万元`,
 *  `拟采购工程支出530万元` beside 1637.72 and 3059.87) is the table's 110.00 written short, as a bare 0 is: its author
 *  copies figures, never rounds one of a list to the 万 while writing the others to the 分. Read at the list's
 *  precision (measured on the corpus and held-out reports: every such list that adds up does so exactly). */
export function wholeInList(f: Pick<Fact, 'from' | 'unit' | 'text'>, dec: number): string {
  return f.from === 'text' && f.unit === '万元' && dec >= 2 && /^\d{1,3}(?:,?\d{3})*$/u.test(f.text.trim()) ? `${f.text.trim()}.${'0'.repeat(dec)}` : f.text;
}
