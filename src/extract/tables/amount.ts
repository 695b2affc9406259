// Amounts as printed in table cells → exact integer 元, by decimal string arithmetic (never binary
// floating point). A negative figure is printed "-12.50" or "(12.50)"; a lone bracket is not a figure.
import { amountScale } from '../../amount.js';
import { safeYuan } from '../facts/decimal.js';

const AMOUNT = /^(?:([-−])?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)|\(((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\))$/;

/** The figure of a cell: `text` as printed (spaces removed), `signed` as a plain decimal ("-12.50"). */
function read(text: string): { text: string; signed: string } | null {
  const t = text.replace(/\s/g, '');
  const m = AMOUNT.exec(t);
  if (!m) return null;
  const digits = (m[2] ?? m[3])!;
  return { text: t, signed: (m[1] || m[3] ? '-' : '') + digits };
}

export function parseAmount(text: string): { value: number; text: string } | null {
  const r = read(text);
  return r ? { value: Number(r.signed.replace(/,/g, '')), text: r.text } : null;
}

/** "93.93" 万元 → 939300, rounding half away from zero to whole 元; undefined for no unit, no figure,
 *  or a figure past the exact integer range. */
export function toYuan(text: string, unit: string | null): number | undefined {
  const scale = amountScale(unit);
  if (scale === undefined) return undefined;
  const r = read(text);
  return r ? (safeYuan(r.signed, scale) ?? undefined) : undefined;
}
