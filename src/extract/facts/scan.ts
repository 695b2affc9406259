// Find the numbers with units in a normalised line: "93.93万元", "16%", "3名", "2,940.05 万元".
import type { FactKind } from '../../model.js';
import { rules, type UnitRule } from './rules.js';

export interface NumberToken {
  /** Offsets in Line.text: the number, and the end of its unit (unitEnd === end when the unit is on the next line). */
  start: number;
  end: number;
  unitEnd: number;
  text: string;
  unit: string;
  kind: FactKind;
  scale?: number;
  /** Followed by 以上/以下…: a threshold, not a quantity. */
  threshold: boolean;
  /** The unit was found at the start of the next line. */
  unitOnNextLine: boolean;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

function unitAt(text: string, pos: number): UnitRule | null {
  for (const u of rules().units) {
    if (!text.startsWith(u.unit, pos)) continue;
    // 人 of 人民币 / 人员 is not a count unit after a number.
    if (u.unit === '人' && /[民员]/.test(text[pos + 1] ?? '')) continue;
    return u;
  }
  return null;
}

/** Number tokens of `text`. `next` is the following line's text, for a unit split off by a line break. */
export function scanNumbers(text: string, next: string | null): NumberToken[] {
  const r = rules();
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? '';
    // Part of a longer token (a code, a version, a decimal we did not match whole).
    if (/[\dA-Za-z.]/.test(before)) continue;
    if (r.skipBeforeNumber.some((w) => text.endsWith(w, start))) continue;
    if (r.skipAfterNumber.some((w) => text.startsWith(w, end))) continue;
    let unit = unitAt(text, end);
    let unitOnNextLine = false;
    if (!unit && end === text.length && next) {
      unit = unitAt(next, 0);
      unitOnNextLine = unit !== null;
    }
    if (!unit) continue;
    const unitEnd = unitOnNextLine ? end : end + unit.unit.length;
    const threshold = !unitOnNextLine && r.thresholdAfter.some((w) => text.startsWith(w, unitEnd));
    const tok: NumberToken = { start, end, unitEnd, text: m[0], unit: unit.unit, kind: unit.kind, threshold, unitOnNextLine };
    if (unit.scale !== undefined) tok.scale = unit.scale;
    out.push(tok);
  }
  return out;
}
