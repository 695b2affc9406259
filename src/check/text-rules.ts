// Checks that read the words themselves: blanks, template leftovers, malformed numbers, a change that
// is both up and down, a title with the wrong year.
import type { DocKind, Flag } from '../model.js';
import { checksConfig, templateConfig } from './config.js';
import { flagAtRaw, flagAtText, rawRange } from './flag.js';
import type { TextUnit } from './lines.js';

const GAP_CHAR = /[\s\u3000_\u00a0]/;
const gapWeight = (ch: string) => (ch === '\u3000' || ch === '_' ? 2 : 1);
// A digit before the gap: spacing, not a blank. A placeholder (XXX 万元) is TEMPLATE_TEXT, not a blank.
const NUMERIC_BEFORE = /[0-9０-９.．%％A-Za-zＡ-Ｚａ-ｚ×○〇*＊]/;

/** BLANK_VALUE: a gap in the verbatim text where a number belongs (支出决算为    万元, 填报日期：  年  月  日). */
export function blankValues(unit: TextUnit): Flag[] {
  const cfg = checksConfig().blank;
  const raw = unit.line.raw;
  const flags: Flag[] = [];
  const exempt = new RegExp(cfg.exemptBefore, 'u');
  // Text extracted with a space between every two characters (与 上 年 相 比 增 加): one space is layout.
  const spacedOut = (raw.match(/[\u4e00-\u9fff] (?=[\u4e00-\u9fff])/gu) ?? []).length >= 3;
  const minGap = spacedOut ? Math.max(2, cfg.minGap) : cfg.minGap;
  for (const u of cfg.units) {
    const notBefore = u.notBefore ? new RegExp(`^${u.notBefore}`, 'u') : null;
    for (let at = raw.indexOf(u.unit); at >= 0; at = raw.indexOf(u.unit, at + 1)) {
      const after = raw.slice(at + u.unit.length).trimStart();
      if (notBefore && notBefore.test(after)) continue;
      // A one-character count unit followed by a Chinese character is part of a word (名词, 个人).
      if (u.unit.length === 1 && u.unit !== '%' && /^[\u3400-\u9fff]/u.test(after)) continue;
      // 万元 also contains 元: take the longest unit only.
      if (u.unit === '元' && /[万亿千]/.test(raw[at - 1] ?? '')) continue;
      if (u.unit === '次' && raw[at - 1] === '人') continue;
      let g = at;
      let weight = 0;
      while (g > 0 && GAP_CHAR.test(raw[g - 1]!)) weight += gapWeight(raw[--g]!);
      if (weight < minGap) continue;
      const before = raw.slice(0, g).trimEnd();
      const last = before[before.length - 1] ?? '';
      if (NUMERIC_BEFORE.test(last)) continue;
      // A unit split by a space (万 元, 人 次) is not a blank.
      if ((u.unit === '元' && /[万亿千]/u.test(last)) || (u.unit === '次' && last === '人')) continue;
      if (exempt.test(before.replace(/\s/g, ''))) continue;
      flags.push(
        flagAtRaw('BLANK_VALUE', unit.line, g, at + u.unit.length, `数值空缺：“${u.unit}”前应填写数字，却留了空白。`, {
          expected: '数字',
          found: '空白',
        }),
      );
    }
  }
  const dateFlag = (start: number, end: number) => flagAtRaw('BLANK_VALUE', unit.line, start, end, '日期空缺：年、月、日未填写。', { expected: '日期', found: '空白' });
  let dated = false;
  for (const m of raw.matchAll(new RegExp(cfg.date, 'gu'))) {
    const gaps = [...m[0]].filter((c) => GAP_CHAR.test(c)).reduce((w, c) => w + gapWeight(c), 0);
    if (gaps < cfg.dateMinGap) continue;
    dated = true;
    flags.push(dateFlag(m.index + (m[0].length - m[0].trimStart().length), m.index + m[0].length));
  }
  const m = dated ? null : new RegExp(cfg.dateText, 'u').exec(unit.line.text);
  if (m) {
    const r = rawRange(unit.line, m.index + 1, m.index + m[0].length);
    flags.push(dateFlag(r.start, r.end));
  }
  return flags;
}

/** TEMPLATE_TEXT: one flag per line, for the first instruction or example the line still holds. */
export function templateText(unit: TextUnit): Flag[] {
  const cfg = templateConfig();
  const text = unit.line.text;
  const ph = cfg.placeholders;
  if (new RegExp(ph.pattern, 'u').test(text)) {
    return [flagAtText('TEMPLATE_TEXT', unit.line, 0, text.length, `${ph.what}未删除。`, ph.severity ? { severity: ph.severity } : {})];
  }
  for (const p of cfg.phrases) {
    const m = new RegExp(p.pattern, 'u').exec(text);
    if (!m) continue;
    const flag = flagAtText('TEMPLATE_TEXT', unit.line, m.index, m.index + m[0].length, `${p.what}残留在公开文本中，应删除或替换为实际内容。`, p.severity ? { severity: p.severity } : {});
    // found: the leftover as printed (for highlighting)
    return [{ ...flag, found: unit.line.raw.slice(flag.loc!.start! - (unit.line.loc.start ?? 0), flag.loc!.end! - (unit.line.loc.start ?? 0)) }];
  }
  return [];
}

/** MALFORMED_VALUE: 100&, 95%%, 1.2.3万元. */
export function malformedValues(unit: TextUnit): Flag[] {
  const flags: Flag[] = [];
  for (const p of checksConfig().malformed) {
    for (const m of unit.line.raw.matchAll(new RegExp(p.pattern, 'gu'))) {
      flags.push(flagAtRaw('MALFORMED_VALUE', unit.line, m.index, m.index + m[0].length, `数值格式错误：“${m[0]}”（${p.what}）。`, { found: m[0] }));
    }
  }
  return flags;
}

/** DIRECTION_CONFLICT: 减少1089万元，上升15% — the amount and its rate point opposite ways. */
export function directionConflicts(unit: Pick<TextUnit, 'line'>): Flag[] {
  const { up, down } = checksConfig().direction;
  const num = (name: string) => `(?<${name}>\\d[\\d,]*(?:\\.\\d+)?)`;
  const amount = `${num('amount')}(?<unit>万元|亿元|千元|元)`;
  const link = '[，,、]?(?:同比|比上年|较上年)?';
  const flags: Flag[] = [];
  const pairs: [string, string, string][] = [
    [down, up, '减少'],
    [up, down, '增加'],
  ];
  for (const [first, second, a] of pairs) {
    const re = new RegExp(`(?<a>${first})${amount}${link}(?<b>${second})${num('rate')}%`, 'gu');
    for (const m of unit.line.text.matchAll(re)) {
      flags.push(
        flagAtText('DIRECTION_CONFLICT', unit.line, m.index, m.index + m[0].length, `增减方向矛盾：金额${m.groups!.a}${m.groups!.amount}${m.groups!.unit}，比率却是${m.groups!.b}${m.groups!.rate}%。`, {
          expected: `${a === '减少' ? '下降' : '上升'}${m.groups!.rate}%`,
          found: `${m.groups!.b}${m.groups!.rate}%`,
        }),
      );
    }
  }
  return flags;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?=年)/gu;

/** YEAR_MISMATCH on a heading, a table title or a title-like line naming a year other than the report's. */
export function yearMismatch(unit: TextUnit, year: number | null, kind: DocKind | null): Flag[] {
  if (year === null) return [];
  const cfg = checksConfig().year;
  const text = unit.line.text;
  const titleLike = unit.heading || (!unit.cell && new RegExp(cfg.titleLike, 'u').test(text.replace(/^[一二三四五六七八九十]+、/u, '')));
  if (!titleLike) return [];
  const allowed = new Set((cfg.allowOffsets[kind ?? '决算'] ?? [0]).map((o) => year + o));
  for (const [offset, pattern] of Object.entries(cfg.allowWhen)) if (new RegExp(pattern, 'u').test(text)) allowed.add(year + Number(offset));
  for (const m of text.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (allowed.has(y)) continue;
    return [
      flagAtText('YEAR_MISMATCH', unit.line, m.index, m.index + 4, `标题年份错误：本报告为${year}年度，标题却写“${y}年”。`, {
        expected: year,
        found: y,
      }),
    ];
  }
  return [];
}
