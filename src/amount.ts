// Money units and their scale in 元 (patterns/facts.yaml units.amount), shared by every stage that
// turns a printed amount into integer 元 or compares two of them.
import { loadPattern } from './patterns.js';

let scales: Map<string, number> | null = null;

/** Powers of ten of 元 in one `unit` (万元 → 4), or undefined for a unit that is not money. */
export function amountScale(unit: string | null | undefined): number | undefined {
  scales ??= new Map(loadPattern<{ units: { amount: { unit: string; scale: number }[] } }>('facts.yaml').units.amount.map((u) => [u.unit, u.scale]));
  return unit ? scales.get(unit) : undefined;
}

/** One unit of the last printed digit, in 元 (84.25万元 → 100; 96,282,213.44元 → 1). */
export function lastDigitYuan(f: { unit: string; text: string }): number {
  const decimals = /\.(\d+)/.exec(f.text)?.[1]?.length ?? 0;
  return 10 ** Math.max(0, (amountScale(f.unit) ?? 0) - decimals);
}
