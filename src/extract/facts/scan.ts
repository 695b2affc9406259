// Find the numbers with units in a normalised line: "93.93万元", "16%", "3名", "2,940.05 万元".
import type { FactKind } from '../../model.js';
import { rules, type UnitRule } from './rules.js';

export interface NumberToken {
  /** Offsets in the text: the number, and the end of its unit. */
  start: number;
  end: number;
  unitEnd: number;
  text: string;
  unit: string;
  kind: FactKind;
  scale?: number;
  /** Followed by 以上/以下…: a threshold, not a quantity. */
  threshold: boolean;
  /** Printed with a minus sign right before it (变动率为-2.46%, 增减-41.60万元); the token is the digits. */
  negative?: boolean;
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

/** 万 written for 万元 (`项目总预算1410.00万，其中…340.00万，…合计1410.00万。`, 上海 预算 project pages): a bare 万 that
 *  ends its clause (punctuation or the paragraph's end right after it, so not 万人次 / 万平方米 / 万用于…) in a
 *  paragraph about money (预算, 资金, 金额, 经费 or 万元 in it) is an amount in 万元 (its unit 万元, so it lists and
 *  sums with the paragraph's other amounts; the token ends after the 万). */
function bareWan(text: string, pos: number): UnitRule | null {
  if (text[pos] !== '万' || !/^(?:[，,。；;、）)]|$)/u.test(text.slice(pos + 1, pos + 2))) return null;
  if (!/预算|资金|金额|经费|万元/u.test(text)) return null;
  return rules().units.find((u) => u.unit === '万元') ?? null;
}

/** Number tokens of `text` (a paragraph: lines wrapped mid-sentence are already joined). */
export function scanNumbers(text: string): NumberToken[] {
  const r = rules();
  const out: NumberToken[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = text[start - 1] ?? '';
    // Part of a longer token (a code, a version, a decimal we did not match whole), a number after a
    // misplaced thousands comma (1,23.45), or a signed number (减少-5.00万元, 3-5人): reading these would
    // give a wrong value, so they give none.
    if (/[\dA-Za-z.]/.test(before)) continue;
    if (before === ',' && /\d/.test(text[start - 2] ?? '')) continue;
    // (a minus sign that is a word's own — after a CJK word, a comma or a bracket, not after a digit or a letter —
    // signs the number: the caller keeps it only where it states a change)
    const negative = /[-−－]/.test(before);
    if (negative && /[\dA-Za-z.\-−－~～]/.test(text[start - 2] ?? '')) continue;
    if (r.skipBeforeNumber.some((w) => text.endsWith(w, start))) continue;
    if (r.skipAfterNumber.some((w) => text.startsWith(w, end))) continue;
    if ((m[0].split('.')[1]?.length ?? 0) > r.maxDecimals) continue;
    const printed = unitAt(text, end);
    // (two decimals, as amounts in 万元 are printed: a bare 万 after a whole number may count people, 服务3万，)
    const unit = printed ?? (/\.\d{2}$/.test(m[0]) ? bareWan(text, end) : null);
    if (!unit) continue;
    // A count is whole: "89.65项" is an amount whose 项 begins the next word (项目支出总额).
    if (unit.kind === 'count' && m[0].includes('.')) continue;
    if (negative && unit.kind === 'count') continue;
    const unitEnd = end + (printed ? unit.unit.length : 1);
    // A 科目 marker's code piece (住房公积金（01项）) is not a count of 项.
    if (unit.kind === 'count' && /[（(]\s*$/.test(text.slice(Math.max(0, start - 2), start)) && /^\s*[）)]/.test(text.slice(unitEnd, unitEnd + 2))) continue;
    const threshold = r.thresholdAfter.some((w) => text.startsWith(w, unitEnd));
    const tok: NumberToken = { start, end, unitEnd, text: m[0], unit: unit.unit, kind: unit.kind, threshold };
    if (unit.scale !== undefined) tok.scale = unit.scale;
    if (negative) tok.negative = true;
    out.push(tok);
  }
  return out;
}
