// Exact decimal arithmetic for printed amounts: "2,940.05" 万元 → 29400500 元, via BigInt, never floats.

/** Integer 元 for a printed number in a unit 10^scale 元. Fractions of a 元 round half away from
 *  zero (a dataset in whole 元 cannot hold 26.94 元; the printed text stays in `text`). Throws for a
 *  number past the exact integer range (callers use `safeYuan`). */
export function toYuan(printed: string, scale: number): number {
  const m = /^(-)?([\d,]+)(?:\.(\d+))?$/.exec(printed.trim());
  if (!m) throw new Error(`not a decimal number: ${printed}`);
  const neg = m[1] === '-';
  const int = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const digits = BigInt(int + frac); // the number times 10^frac.length
  const shift = scale - frac.length;
  let yuan: bigint;
  if (shift >= 0) yuan = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    yuan = digits / div;
    if ((digits % div) * 2n >= div) yuan += 1n;
  }
  const n = Number(neg ? -yuan : yuan);
  if (!Number.isSafeInteger(n)) throw new Error(`amount out of range: ${printed}`);
  return n;
}

/** `toYuan`, or null for an amount no integer can hold exactly (a fact without a trustworthy value). */
export function safeYuan(printed: string, scale: number): number | null {
  try {
    return toYuan(printed, scale);
  } catch {
    return null;
  }
}

/** The printed number as a JS number (for `value`, which is display only). */
export function toValue(printed: string): number {
  return Number(printed.replace(/,/g, ''));
}
