// Value checks on indicator and budget cells: well-formed numbers, and 执行率 against 执行数/预算数.
import { lexicon } from './lexicon.js';

const NUMBER_LIKE = /^[≥≤<>=]?-?\d/u;

/** True for a value that starts like a number but is not a well-formed one (100&, 98%%). A cell that
 *  gives the values of several indicators named in one row (≥98%；≥95%, 西安 2026 预算) is read value by value. */
export function isMalformed(text: string): boolean {
  // (digits set apart by one space are one figure printed with wide character spacing — 烟台 2026 预算's 指标值 `>9 0 %`,
  // `>1 0 本`, the glyphs 1 pt apart — not two figures: a value cell holds one)
  const t = text.trim().replace(/(\d) (?=\d)/gu, '$1');
  if (!NUMBER_LIKE.test(t)) return false;
  return t
    .split(/[；;]/u)
    .map((x) => x.trim())
    .filter((x) => x !== '')
    .some((x) => !lexicon().wellFormed.some((re) => re.test(x)));
}

/** A plain decimal amount (thousands separators only in groups of three: "1,2,3" is not 123), or null. */
export function parseAmount(text: string): number | null {
  const t = text.trim();
  return /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/.test(t) ? Number(t.replace(/,/g, '')) : null;
}

/** A printed percentage: its value and how many decimals it was printed with. */
export function parsePercent(text: string): { value: number; decimals: number } | null {
  const m = /^(-?\d+)(?:\.(\d+))?%$/.exec(text.trim());
  return m ? { value: Number(m[0].slice(0, -1)), decimals: m[2]?.length ?? 0 } : null;
}

/** The rate B/A as it would be printed, when the printed one is off by more than its rounding; null when they agree
 *  or cannot be compared. Off only as read exactly (each amount as printed), yet within the amounts' own printed
 *  precision (预算数 840 printed whole stands for [839.5, 840.5): 701.17 ÷ 840 may be 83.50%): a warning, not an error —
 *  an integer 预算数 is often exact, but need not be. */
export function rateMismatch(budget: string, executed: string, printed: string): { expected: string; severity: 'error' | 'warning' } | null {
  const a = parseAmount(budget);
  const b = parseAmount(executed);
  const p = parsePercent(printed);
  if (a === null || b === null || p === null || a === 0) return null;
  const half = (text: string) => 0.5 * 10 ** -(/\.(\d+)/.exec(text)?.[1]?.length ?? 0);
  const [ha, hb] = [half(budget), half(executed)];
  const computed = (b / a) * 100;
  const tolerance = 0.5 * 10 ** -p.decimals + 1e-9;
  if (Math.abs(computed - p.value) <= tolerance) return null;
  const expected = `${computed.toFixed(p.decimals)}%`;
  // (the amounts' own intervals: only where A's interval keeps its sign)
  if (Math.abs(a) > ha) {
    const ends = [(b - hb) / (a - ha), (b - hb) / (a + ha), (b + hb) / (a - ha), (b + hb) / (a + ha)].map((x) => x * 100);
    if (Math.min(...ends) <= p.value + tolerance && Math.max(...ends) >= p.value - tolerance) return { expected, severity: 'warning' };
  }
  return { expected, severity: 'error' };
}
