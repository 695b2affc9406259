// Amounts as printed → exact integer 元, by decimal string arithmetic (never binary floating point).

const AMOUNT = /^([-−])?\(?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\)?$/;
const SCALE: Record<string, number> = { 元: 0, 千元: 3, 万元: 4, 亿元: 8 };

export function parseAmount(text: string): { value: number; text: string } | null {
  const t = text.replace(/\s/g, '');
  const m = AMOUNT.exec(t);
  if (!m) return null;
  return { value: Number(t.replace(/[,()]/g, '').replace('−', '-')), text: t };
}

/** "93.93" 万元 → 939300; rounds half up to whole 元 only when the printed figure has finer precision. */
export function toYuan(text: string, unit: string | null): number | undefined {
  if (!unit || !(unit in SCALE)) return undefined;
  const m = AMOUNT.exec(text.replace(/\s/g, ''));
  if (!m) return undefined;
  const neg = !!m[1] || /^\(.*\)$/.test(text.trim());
  const int = m[2]!.replace(/,/g, '');
  const frac = m[3] ?? '';
  const shift = SCALE[unit]!;
  const digits = int + frac.padEnd(shift, '0');
  const whole = BigInt(digits.slice(0, int.length + shift) || '0');
  const rest = digits.slice(int.length + shift);
  const rounded = rest && rest[0]! >= '5' ? whole + 1n : whole;
  const n = Number(rounded);
  return neg ? -n : n;
}
