// Checks that read the words themselves: blanks, template leftovers, malformed numbers, a change that
// is both up and down, a title with the wrong year.
import type { DocKind, Flag, Line } from '../model.js';
import { bracketDepth } from '../brackets.js';
import type { Part } from '../extract/facts/paragraph.js';
import { checksConfig, templateConfig } from './config.js';
import { loadPattern } from '../patterns.js';
import { flagAtRaw, flagAtText, rawRange } from './flag.js';
import type { TextUnit } from './lines.js';
import { displayColumns } from '../display-columns.js';
import { flagInParagraph, uncertainAt, type Paragraph } from './paragraphs.js';

const GAP_CHAR = /[\s\u3000_\u00a0]/;
const gapWeight = (ch: string) => (ch === '\u3000' || ch === '_' ? 2 : 1);
// A digit before the gap: spacing, not a blank. A placeholder (XXX 万元) is TEMPLATE_TEXT, not a blank.
const NUMERIC_BEFORE = /[0-9０-９.．%％A-Za-zＡ-Ｚａ-ｚ×○〇*＊]/;

let blankCompiled: { exempt: RegExp; slot: RegExp | null; cellSlot: RegExp | null; listSlot: RegExp | null; notBefore: Map<string, RegExp>; date: RegExp; dateText: RegExp } | null = null;
const blankRules = () => {
  const cfg = checksConfig().blank;
  return (blankCompiled ??= {
    exempt: new RegExp(cfg.exemptBefore, 'u'),
    slot: cfg.slot ? new RegExp(cfg.slot.before, 'u') : null,
    cellSlot: cfg.slot?.cell ? new RegExp(cfg.slot.cell, 'u') : null,
    listSlot: cfg.listSlot ? new RegExp(cfg.listSlot.before, 'u') : null,
    notBefore: new Map(cfg.units.flatMap((u) => (u.notBefore ? [[u.unit, new RegExp(`^${u.notBefore}`, 'u')] as const] : []))),
    date: new RegExp(cfg.date, 'gu'),
    dateText: new RegExp(cfg.dateText, 'u'),
  });
};
let yearCompiled: { titleLike: RegExp; allowWhen: [number, RegExp][]; byKind: Map<string, [number, RegExp][]> } | null = null;
const yearRules = () => {
  const cfg = checksConfig().year;
  const compile = (m: Record<string, string>): [number, RegExp][] => Object.entries(m).map(([o, p]) => [Number(o), new RegExp(p, 'u')]);
  return (yearCompiled ??= { titleLike: new RegExp(cfg.titleLike, 'u'), allowWhen: compile(cfg.allowWhen), byKind: new Map(Object.entries(cfg.allowWhenKind ?? {}).map(([k, m]) => [k, compile(m ?? {})])) });
};

/** Whether raw[s, e) of a line overlaps a span the OCR marked uncertain (no text rule fires there). */
function uncertainRaw(line: TextUnit['line'], s: number, e: number): boolean {
  return (line.ocr?.uncertain ?? []).some((u) => {
    const r = rawRange(line, u.start, u.end);
    return r.start < e && r.end > s;
  });
}

/** A unit with no gap before it in the slot of a figure (支出决算为万元, 0个，人次): a blank whose gap the
 *  OCR or the rendition collapsed. Not on a span the OCR marked uncertain. */
function slotBlank(unit: TextUnit, at: number, name: string, after: string): boolean {
  const cfg = checksConfig().blank;
  const { listSlot } = blankRules();
  // (in a table cell only a copula marks the slot: checks.yaml blank.slot.cell)
  const slot = unit.cell ? blankRules().cellSlot : blankRules().slot;
  const inSlot = !!cfg.slot && !!slot && cfg.slot.units.includes(name);
  const inList = !!cfg.listSlot && !!listSlot && cfg.listSlot.units.includes(name);
  if (!inSlot && !inList) return false;
  if (/^[\u3400-\u9fff]/u.test(after)) return false;
  const before = unit.line.raw.slice(0, at);
  if (!((inSlot && slot!.test(before)) || (inList && listSlot!.test(before))) || blankRules().exempt.test(before.replace(/\s/g, ''))) return false;
  return !uncertainRaw(unit.line, at - 1, at + name.length);
}

/** A lone unit ending a sparse page-text line far from the text before it, right under a figure (the nearest
 *  line above with text in its columns: `≥1200 人` / a row between / `次`): the tail of a table cell a page-text
 *  dump wrapped, not a blank (checks.yaml `blank.wrappedTail`). */
function wrappedCellTail(raw: string, at: number, len: number, weight: number, above: Line[]): boolean {
  const t = checksConfig().blank.wrappedTail;
  if (!t || !above.length || weight < t.minGap || raw.slice(at + len).trim() !== '') return false;
  if (raw.replace(/\s/gu, '').length / raw.trimEnd().length >= t.maxDensity) return false;
  const over = above.map((l) => l.raw.slice(Math.max(0, at - t.reach), at + len + t.reach)).find((x) => x.trim() !== '');
  return over !== undefined && /\d/u.test(over);
}

/** A unit opening the last cell of a table row printed as text (cells set apart by gaps, text before the unit's
 *  cell), where the nearest line above that is not a row of figures alone is a row of cells too: the unit goes on
 *  from that row's last cell — the same tall cell wrapped, the row's figures printed between (`…房租一年82.84` /
 *  `105    1,073,200.00` / `场所房租、保安费用    万元，…`, 西安 民政 2021 预算 明细; `…评估方法1` / `30.00    30.00 …` /
 *  `…研究    套，…`, 广州 水务 2026 绩效目标; `…网洛信息平` / `…    台、机房…`, 西安 规划 2026). 'figure': that cell
 *  ends with a digit, the unit has its figure; 'slot': it ends with a slot word (`…支出决算为` / `万元`), a blank;
 *  'word': it ends with a word the unit goes on; null: no such row (checks.yaml `blank.cellWrap`). */
function cellContinues(raw: string, at: number, weight: number, above: Line[]): 'figure' | 'word' | 'slot' | null {
  const t = checksConfig().blank.cellWrap;
  if (!t || weight < t.minGap) return null;
  const split = (x: string) => x.trim().split(/(?:[ \u00a0]{2,}|\t|\u3000{2,})/u).filter(Boolean);
  const before = split(raw.slice(0, at));
  if (!before.length || split(raw.slice(at)).length !== 1) return null;
  // (the cells before the unit are labels: a clause before it is prose spread over gaps — `万元，上年结转    万元；`)
  if (/[，。；;：:,]/u.test(raw.slice(0, at))) return null;
  let figuresBetween = false;
  for (const l of above) {
    const cells = split(l.raw);
    if (!cells.length) continue;
    if (cells.every((c) => /^[-+]?[\d,.，]+%?$/u.test(c))) {
      figuresBetween = true;
      continue;
    }
    // (a table row: the row's figures printed between, or three cells at least — a justified prose line has one
    // gap: `（1）一般公共预算收入预算    27664.22万元，与上年相比增` / `加    万元，` is a blank)
    if (cells.length < (figuresBetween ? 2 : 3)) return null;
    const last = cells[cells.length - 1]!;
    if (/[。；;]$/u.test(last)) return null;
    // (a cell of figures alone is a column of its own — a 绩效目标表's 分值 `20`, `4` at the row's end: the unit's only
    // where it stands over the unit; elsewhere the row's figures are printed between, and the cell above goes on)
    if (/^[-+≥≤<>]?[\d,.，]+%?$/u.test(last)) {
      const from = l.raw.lastIndexOf(last);
      if (from <= at + 2 && from + last.length >= at - 2) return 'figure';
      figuresBetween = true;
      continue;
    }
    if (/[0-9０-９]$/u.test(last)) return 'figure';
    const { slot } = blankRules();
    return slot && slot.test(last) ? 'slot' : 'word';
  }
  return null;
}

/** A row's sign and value (`≥10`, `≤ 20`): the cells after a 绩效 row's 度量单位. */
const SIGN_VALUE = /^\s*[≥≤<>=＝＜＞]\s*[\d０-９.,]+\s*[%％]?\s*$/u;

/** A unit that is a cell of its own in a table row printed as text (a 绩效目标表's 度量单位 column:
 *  `成本控制率    100    成本控制在总预算内    %    ≤    20`, `…金额以内    万元/年    ≤    5`): set apart
 *  by a cell's gap before it and after it, another cell following on the line. A blank in prose has its
 *  clause go on after the unit (`支出决算为    万元，`). A unit ending its line is a cell when two cells stand before
 *  it (a lone `标    次` is left to the rules above). */
function unitCell(raw: string, at: number, len: number, weight: number): boolean {
  const t = checksConfig().blank.unitCell;
  const rest = raw.slice(at + len);
  // (the 度量单位 cell, then the row's sign and value: a dump crowds the cell before up to it, one space apart —
  // `…满意度小于80％且大于等于 %          ≥          10`, 长沙 公安 2026 预算 -layout)
  if (t && weight >= 1 && raw.slice(0, at).trim() !== '') {
    const tail = /^(?:[/／][\u4e00-\u9fff]{1,2})*(\s+)(?:[≥≤<>=＝＜＞]|(\S{1,4})(\s+))\s*[\d０-９.]+%?\s*$/u.exec(rest);
    if (tail && (!tail[2] || (tail[1]!.length >= t.minGap && tail[3]!.length >= t.minGap))) return true;
  }
  if (!t || weight < t.minGap) return false;
  // (ending its line: the last cell of a row of at least three, `新时代文明    A02010104台式计算    台`)
  if (/^(?:[/／][\u4e00-\u9fff]{1,2})*\s*$/u.test(rest)) return raw.slice(0, at).trim().split(/(?: {3,}|\t|\u3000{2,})/u).length >= 2;
  const m = /^(?:[/／][\u4e00-\u9fff]{1,2})*([\s\u3000]*)\S/u.exec(rest);
  return !!m && [...m[1]!].reduce((w, c) => w + gapWeight(c), 0) >= t.minGap;
}

/** The unit of a table ending the line under its title, set apart from the unit's name (湖州 2026 预算:
 *  `2026年市级部门项目支出绩效表` / `507-湖州市卫生健康委员会          万元`): the table's unit declaration. */
function titleUnit(raw: string, at: number, unit: string, weight: number, above: Line[]): boolean {
  const t = checksConfig().blank.unitCell;
  if (!t || weight < t.minGap || !/^[万亿千]?元$/u.test(unit) || raw.slice(at + unit.length).trim() !== '') return false;
  const title = above.find((l) => l.raw.trim() !== '');
  return !!title && /表\s*$/u.test(title.raw) && !/[，。；：:]/u.test(title.raw);
}

/** Whether a line's text ends with a digit: the figure a unit opening the next line belongs to. */
const figureEnds = (line: Line | undefined, unit = '') => line !== undefined && (/[0-9０-９]$/u.test(line.raw.trimEnd()) || (unit === '元' && /(?:[0-9０-９]\s*|[（(])[万亿千]$/u.test(line.raw.trimEnd())));

/** (page text that keeps columns) A unit opening a piece of its line (the runs of text set apart by two spaces or
 *  more), under a piece of the nearest line above with text over it, which stands within the unit's gap and ends
 *  with the figure (or the figure and the unit's first character): that figure's wrap, where other columns stand
 *  beside it (a two-column page, `…贷款金额33` / `亿元。` beside `33亿元。`, 西安 科技 2026 -layout; a 绩效 table's
 *  cells, `…物品 5 万` / `元。6、…`, 长春 信访 2026 -layout; `财政资金370 财政资金370` / `万元      万元`, 西安 卫健 2026
 *  -layout: where one space parts two cells above, the word over the unit). Not under prose running across the gap: a blank there is still one. */
function cellAboveEnds(above: Line[], raw: string, g: number, at: number, unit: string): boolean {
  const own = displayColumns(raw);
  const [c0, c1, from] = [own[at]!, own[at + unit.length]!, own[g]!];
  for (const l of above) {
    const col = displayColumns(l.raw);
    const under = (re: RegExp) => [...l.raw.matchAll(re)].map((m) => ({ text: m[0], x0: col[m.index]!, x1: col[m.index + m[0].length]! })).find((p) => p.x0 < c1 && p.x1 > c0);
    const over = under(/\S+(?: \S+)*/gu);
    if (!over) continue;
    // (or, where one space parts two cells of the line above, the word over a unit that is its line's piece alone:
    // `财政资金370 财政资金370` over `万元      万元` — not prose's `增加 2,997.47 万元` over `为    万元，与上年…`)
    const alone = /^[\s\u3000]*[，。；、）)]?(?:[\s\u3000]{2}|$)/u.test(raw.slice(at + unit.length));
    const word = over.x0 >= from ? over : alone ? under(/\S+/gu) : undefined;
    return !!word && word.x0 >= from && figureEnds({ ...l, raw: word.text }, unit);
  }
  return false;
}

/** What the lines around tell of a line's gaps (checkFlags computes it): `prevTail`, for a line that opens its page
 *  (under no more than two lines: a running head), the last line of text of the page before, its page number aside;
 *  `singleSpaced`, the document keeps no run of spaces on any line (a single-spaced dump), so a single space is no
 *  evidence of a blank. */
export interface PageGaps {
  prevTail?: Line;
  singleSpaced?: boolean;
}

/** BLANK_VALUE: a gap in the verbatim text where a number belongs (支出决算为    万元, 填报日期：  年  月  日). */
export function blankValues(unit: TextUnit, above: Line[] = [], page: PageGaps = {}): Flag[] {
  const cfg = checksConfig().blank;
  const raw = unit.line.raw;
  const flags: Flag[] = [];
  const exempt = blankRules().exempt;
  // Text extracted with a space between every two characters (与 上 年 相 比 增 加): one space is layout.
  const spacedOut = (raw.match(/[\u4e00-\u9fff] (?=[\u4e00-\u9fff])/gu) ?? []).length >= 3;
  const minGap = spacedOut ? Math.max(2, cfg.minGap) : cfg.minGap;

  for (const u of cfg.units) {
    const notBefore = blankRules().notBefore.get(u.unit) ?? null;
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
      // In a single-spaced dump (no line anywhere keeps a run of spaces: a pdfplumber-style text, a plain
      // pdftotext reading) one space is every gap — between words, between a table's cells — so it tells nothing:
      // only the words can mark a blank there, as where a rendition collapsed the gap (the slot rule below).
      const single = page.singleSpaced === true && weight === 1 && raw[g] === ' ';
      if ((weight === 0 || single) && slotBlank(unit, single ? g : at, u.unit, after)) {
        flags.push(flagAtRaw('BLANK_VALUE', unit.line, single ? g : at, at + u.unit.length, `数值空缺：“${u.unit}”前应填写数字，却${single ? '留了空白' : '没有数字'}。`, { expected: '数字', found: '空白' }));
        continue;
      }
      if (weight === 0 || single) continue;
      // (a unit ending a cell whose row goes on with a sign and a value, `…且大于等于 %` | `≥10`: the row's 度量单位
      // cell, which a page-text reading ran into the cell before it, one space apart — 长沙 公安 2026 -layout p32)
      if (unit.cell && raw.slice(at + u.unit.length).trim() === '' && unit.next !== undefined && SIGN_VALUE.test(unit.next)) continue;
      if (weight < minGap || wrappedCellTail(raw, at, u.unit.length, weight, above) || unitCell(raw, at, u.unit.length, weight) || titleUnit(raw, at, u.unit, weight, above)) continue;
      // (a unit opening a cell's wrapped line goes on from the cell's text above it: a blank only after a slot)
      const cont = cellContinues(raw, at, weight, above);
      if (cont === 'figure' || cont === 'word') continue;
      const before = raw.slice(0, g).trimEnd();
      // A gap that opens the line is its indentation when a count unit follows (a word wrapped at 平|台);
      // before 万元/元/% it is an amount left blank at the start of a wrapped line (…收入合计 /     万元).
      if (!before && !/^(?:[万亿千]?元|%)$/.test(u.unit)) continue;
      // (unless the line before, read on into this one as its paragraph reads, ends with the figure: an indented
      // paragraph of a page-text dump wraps `…结余 18,953.73` / `        万元，…` — the unit's figure is there)
      // (or with the figure and the unit's first character: `…驻京经费312万` / ` 元，…` — 万元 split by the wrap; or a
      // header's bracketed unit so split: `年度预算安排（万` / `元）`, 泉州 公安 2026 -layout)
      // (or, opening a page under no more than its running head, the last line of the page before: `…减少 304.01` /
      // `- 44 -` / running head / `  万元，减少 36.43%。`, 无锡 人社 2026 预算 -layout)
      if (!before && (figureEnds(above[0], u.unit) || figureEnds(page.prevTail, u.unit))) continue;
      if ((!before || weight >= 2) && cellAboveEnds(above, raw, g, at, u.unit)) continue;
      const last = before[before.length - 1] ?? '';
      if (NUMERIC_BEFORE.test(last)) continue;
      // A unit split by a space (万 元, 人 次) is not a blank.
      if ((u.unit === '元' && /[万亿千]/u.test(last)) || (u.unit === '次' && last === '人')) continue;
      if (exempt.test(before.replace(/\s/g, ''))) continue;
      if (uncertainRaw(unit.line, g - 1, at + u.unit.length)) continue;
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
  for (const m of raw.matchAll(blankRules().date)) {
    const gaps = [...m[0]].filter((c) => GAP_CHAR.test(c)).reduce((w, c) => w + gapWeight(c), 0);
    if (gaps < cfg.dateMinGap) continue;
    dated = true;
    flags.push(dateFlag(m.index + (m[0].length - m[0].trimStart().length), m.index + m[0].length));
  }
  const m = dated ? null : blankRules().dateText.exec(unit.line.text);
  if (m) {
    const r = rawRange(unit.line, m.index + 1, m.index + m[0].length);
    flags.push(dateFlag(r.start, r.end));
  }
  return flags;
}

/** The rules' regular expressions, compiled once (the patterns are loaded once and cached). */
let compiled: ReturnType<typeof compile> | null = null;
function compile() {
  const c = checksConfig();
  const t = templateConfig();
  const num = (name: string) => `(?<${name}>\\d[\\d,]*(?:\\.\\d+)?)`;
  const amount = `${num('amount')}(?<unit>万元|亿元|千元|元)`;
  const link = '[，,、]?(?:同比|比上年|较上年)?';
  return {
    placeholder: new RegExp(t.placeholders.pattern, 'u'),
    phrases: t.phrases.map((p) => ({ ...p, re: new RegExp(p.pattern, 'gu') })),
    malformed: c.malformed.map((p) => ({ ...p, re: new RegExp(p.pattern, 'gu') })),
    ocrThousands: new RegExp(c.ocr.thousandsAsPoint, 'gu'),
    direction: (
      [
        [c.direction.down, c.direction.up, '减少'],
        [c.direction.up, c.direction.down, '增加'],
      ] as const
    ).map(([first, second, a]) => ({ a, re: new RegExp(`(?<a>${first})${amount}${link}(?<b>${second})(?:为|是|达到?)?了?${num('rate')}%`, 'gu') })),
    statements: c.statements.map((r) => ({ ...r, re: new RegExp(r.pattern, 'gu') })),
    listUnit: c.listUnit ? new RegExp(c.listUnit, 'u') : null,
    unitInline: new RegExp(c.tableText.unitInline, 'gu'),
    proseDate: new RegExp(c.proseDate.pattern, 'gu'),
  };
}
const rules = () => (compiled ??= compile());

/** TEMPLATE_TEXT on a line or cell that is only the template's placeholder row (……). */
export function placeholderRow(unit: TextUnit): Flag[] {
  const ph = templateConfig().placeholders;
  if (!rules().placeholder.test(unit.line.text)) return [];
  return [flagAtText('TEMPLATE_TEXT', unit.line, 0, unit.line.text.length, `${ph.what}未删除。`, ph.severity ? { severity: ph.severity } : {})];
}

/** TEMPLATE_TEXT: an instruction or example of the template left in, read on the paragraph (a phrase
 *  wrapped over two lines is still seen); one flag per line, for the first phrase the line starts. */
export function templateText(p: Paragraph): Flag[] {
  const byLine = new Map<Part, Flag>();
  for (const ph of rules().phrases) {
    for (const m of p.text.matchAll(ph.re)) {
      const s = m.index;
      const e = s + m[0].length;
      const part = p.partAt(s);
      if (byLine.has(part) || uncertainAt(p, s, e)) continue;
      const flag = flagInParagraph('TEMPLATE_TEXT', p, s, e, `${ph.what}残留在公开文本中，应删除或替换为实际内容。`, ph.severity ? { severity: ph.severity } : {});
      // found: the leftover as printed (for highlighting)
      byLine.set(part, { ...flag, found: p.raw(s, e) });
    }
  }
  return p.parts.flatMap((part) => (byLine.has(part) ? [byLine.get(part)!] : []));
}

/** MALFORMED_VALUE: 100&, 95%%, 1.2.3万元 — within one number, so read line by line on the verbatim
 *  text (spaces kept: in a PDF table row the cells are only separated by spaces). On an OCR line a
 *  thousands comma read as a point (477.447.73) is the engine's doubt (OCR_UNCERTAIN), not the
 *  document's error, and nothing is flagged on a span the OCR marked uncertain. */
export function malformedValues(unit: TextUnit): Flag[] {
  const flags: Flag[] = [];
  const line = unit.line;
  const uncertain = (s: number, e: number) => uncertainRaw(line, s, e);
  const doubted: [number, number][] = [];
  if (line.ocr) {
    for (const m of line.raw.matchAll(rules().ocrThousands)) {
      const s = m.index;
      const e = s + m[0].length;
      doubted.push([s, e]);
      if (uncertain(s, e)) continue; // the OCR stage flagged it already
      flags.push(
        flagAtRaw('OCR_UNCERTAIN', line, s, e, `识别存疑：“${m[0]}”可能是千分位逗号被识别成小数点，请核对原件。`, {
          found: m[0],
          expected: m[0].replace(/\.(?=\d{3}(?!\d))/gu, ','),
        }),
      );
    }
  }
  for (const p of rules().malformed) {
    for (const m of line.raw.matchAll(p.re)) {
      const s = m.index;
      const e = s + m[0].length;
      if (uncertain(s, e) || doubted.some(([a, b]) => a < e && b > s)) continue;
      flags.push(flagAtRaw('MALFORMED_VALUE', line, s, e, `数值格式错误：“${m[0]}”（${p.what}）。`, { found: m[0] }));
    }
  }
  return flags;
}

/** DIRECTION_CONFLICT: 减少1089万元，上升15% — the amount and its rate point opposite ways (read on the
 *  paragraph, so a clause wrapped over two lines is seen). */
export function directionConflicts(p: Paragraph): Flag[] {
  const flags: Flag[] = [];
  for (const { a, re } of rules().direction) {
    for (const m of p.text.matchAll(re)) {
      if (uncertainAt(p, m.index, m.index + m[0].length)) continue;
      const g = m.groups!;
      flags.push(
        flagInParagraph('DIRECTION_CONFLICT', p, m.index, m.index + m[0].length, `增减方向矛盾：金额${g.a}${g.amount}${g.unit}，比率却是${g.b}${g.rate}%。`, {
          expected: `${a === '减少' ? '下降' : '上升'}${g.rate}%`,
          found: `${g.b}${g.rate}%`,
        }),
      );
    }
  }
  return flags;
}

/** A definition (a 名词解释 item): a short term, then ：指 / ：是指 and what it means. */
const DEFINITION = /^\s*(?:\d+[.、．]|[（(]?[一二三四五六七八九十\d]+[)）、])?\s*[^。；;：:]{1,40}[：:]\s*(?:是)?指/u;

/** The malformed statements of patterns/checks.yaml `statements`: a rate without its %, an amount
 *  without its unit, contradictory words fused (减增加), a template's choice left in (增加（减少）). */
export function malformedStatements(p: Paragraph, singleSpaced = false): Flag[] {
  const flags: Flag[] = [];
  // (a figure two rules name — 比上年增长10，: a change word and a comparison slot — is flagged once)
  const seen = new Set<string>();
  const tables = inlineTables(p);
  for (const r of rules().statements) {
    for (const m of p.text.matchAll(r.re)) {
      const g = m.groups ?? {};
      const key = g.value !== undefined ? 'value' : null;
      // Flag the figure itself when the rule names it, else the whole match.
      const s = key ? m.index + m[0].lastIndexOf(g.value!) : m.index;
      const e = key ? s + g.value!.length : m.index + m[0].length;
      if (uncertainAt(p, m.index, m.index + m[0].length)) continue;
      if (tables.some(([a, b]) => s >= a && s < b)) continue;
      if (seen.has(`${r.code}|${s}|${e}`)) continue;
      // (a figure of a list that closes on one unit — 各为4125.49，4143.91万元 — has that unit)
      if (r.code === 'MALFORMED_VALUE' && key && rules().listUnit?.test(p.text.slice(e))) continue;
      // (in a single-spaced dump a space after the figure may part two cells of a table row printed as text — `上年结转
      // 750.00 （10）`, a 项目自评表's 资金 and 分值 cells; `收入 0.00 、结转` — so what follows it may be no part of its
      // clause: no verdict; a clause's end after the space is the clause's, `较上年减少12.95 ，` still lacks its unit)
      if (r.code === 'MALFORMED_VALUE' && key && singleSpaced && /\d\s+[^\s，。；;,：:]$/u.test(p.raw(s, e + 1))) continue;
      // (a 名词解释 item — 增长（下降）率：指本年数与上年数相比的增加（减少）额及其比率 — defines the pair: no choice left in)
      if (r.code === 'TEMPLATE_TEXT' && DEFINITION.test(p.text)) continue;
      seen.add(`${r.code}|${s}|${e}`);
      const found = p.raw(s, e);
      const fill = (t: string) => t.replace(/\{(\w+)\}/gu, (_, k: string) => g[k] ?? '');
      flags.push(
        flagInParagraph(r.code, p, s, e, fill(r.message), {
          found,
          expected: r.expected ? fill(r.expected) : null,
          ...(r.severity ? { severity: r.severity } : {}),
        }),
      );
    }
  }
  return flags;
}

/** Tables printed inside a paragraph (a page-text dump that ran an HTML table's cells together into the
 *  text: …收支预算总表单位：万元收入支出项目预算数一、一般公共预算拨款收入665.35　一、一般公共服务支出576.81…): from a
 *  table's unit declaration right after its title (…总表单位：万元, as tableText.unitLine names it on a line of its
 *  own) to the clause's end or the line's.
 *  Its figures are cells, their unit the declaration's: no statement about words and units reads them, as
 *  none reads a table row printed as a line. */
function inlineTables(p: Paragraph): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of p.text.matchAll(rules().unitInline)) {
    const a = m.index + m[0].length;
    // (within the declaration's line: a title line 收入支出决算总表    单位：万元 that a paragraph runs on into
    // the prose after it — its table an image, or read apart — declares nothing about that prose)
    const part = p.partAt(m.index + m[0].length - 1);
    const lineEnd = part.offset + part.line.text.length;
    const end = /[。；;！？!?]/u.exec(p.text.slice(a, lineEnd));
    spans.push([a, end ? a + end.index : lineEnd]);
  }
  return spans;
}

/** YEAR_MISMATCH on a prose date (截至2023年12月31日): a 决算 report states its own year's end, a 预算
 *  report the year before its own (patterns/checks.yaml `proseDate`). A later date that is not a year's
 *  end (截至2025年8月31日, when the report was written) is not a mistake. */
export function proseDates(p: Paragraph, year: number | null, kind: DocKind | null): Flag[] {
  if (year === null || kind === null) return [];
  const cfg = checksConfig().proseDate;
  const allowed = (cfg.allowOffsets[kind] ?? [0]).map((o) => year + o);
  const flags: Flag[] = [];
  const dates = [...p.text.matchAll(rules().proseDate)];
  // A paragraph that also dates the report's own year compares the two (截至2023年…3辆；截至2024年…2辆).
  if (dates.some((m) => allowed.includes(Number(m.groups!.year)))) return [];
  for (const m of dates) {
    const g = m.groups!;
    const y = Number(g.year);
    const yearEnd = (g.month === '12' && g.day === '31') || g.end !== undefined;
    if (y > Math.max(...allowed) && !yearEnd) continue;
    // (a later year-end whose clause sets a target is that target's deadline: checks.yaml proseDate.target)
    if (y > Math.max(...allowed) && cfg.target && new RegExp(cfg.target, 'u').test(p.text.slice(m.index + m[0].length))) continue;
    const s = m.index + m[0].indexOf(g.year!);
    if (uncertainAt(p, s, s + 4)) continue;
    const want = kind === '决算' ? year : allowed[0]!;
    flags.push(
      flagInParagraph('YEAR_MISMATCH', p, s, s + 4, `日期年份错误：本报告为${year}年度${kind}，${kind === '决算' ? '应截至本年末' : '应截至上年'}（${want}年），文中却写“${y}年”。`, {
        expected: want,
        found: y,
      }),
    );
  }
  return flags;
}

/** How many 《 are still open at the end of s. */
function quoteDepth(s: string): number {
  let depth = 0;
  for (const ch of s) {
    if (ch === '《') depth++;
    else if (ch === '》' && depth > 0) depth--;
  }
  return depth;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})(?=年)/gu;
const YEAR_SPAN = /(?<!\d)((?:19|20)\d{2})年?\s*[—–\-－~～至到]\s*((?:19|20)\d{2})(?=年)/gu;

/** YEAR_MISMATCH on a title (a heading, a title-like line, an entry of the contents) whose year has its last digit
 *  left out: `第三部分 …202 年度部门决算情况说明` (GovBudgetChecker's golden 生态环境局 2025 决算's contents). */
export function cutYear(line: Line, year: number): Flag[] {
  const cut = /(?<![\d.,．])20[12](?=\s*年(?!一遇))/u.exec(line.text);
  if (!cut) return [];
  const r = rawRange(line, cut.index, cut.index + 3);
  if (uncertainRaw(line, r.start, r.end)) return [];
  return [flagAtText('YEAR_MISMATCH', line, cut.index, cut.index + 3, `标题年份不完整：本报告为${year}年度，标题却写“${cut[0]}年”。`, { expected: year, found: cut[0] })];
}

/** YEAR_MISMATCH on a heading, a table title or a title-like line naming a year other than the report's. */
export function yearMismatch(unit: TextUnit, year: number | null, kind: DocKind | null, above?: Line): Flag[] {
  if (year === null) return [];
  const cfg = checksConfig().year;
  const text = unit.line.text;
  // (a line that goes on inside a 《》 or （） the line above left open is the rest of that line's sentence, not a title:
  // “通过开展生态工业园区年度自评估，形成《广州开发区” / “2024年生态文明建设示范区（生态工业园区）建设评价”, a wrapped
  // 绩效目标 cell, 广州 生态环境 2026)
  const openAbove = !!above && !unit.heading && (quoteDepth(above.text) > 0 || bracketDepth(above.text) > 0);
  const titleLike = unit.heading || (!unit.cell && !openAbove && yearRules().titleLike.test(text.replace(/^[一二三四五六七八九十]+、/u, '')));
  if (!titleLike) return [];
  const cut = cutYear(unit.line, year);
  if (cut.length) return cut;
  const allowed = new Set((cfg.allowOffsets[kind ?? '决算'] ?? [0]).map((o) => year + o));
  for (const [offset, re] of [...yearRules().allowWhen, ...(yearRules().byKind.get(kind ?? '决算') ?? [])]) if (re.test(text)) allowed.add(year + offset);
  // A span of years that holds an allowed one (《2023—2025年信息化建设规划》, “十四五”规划（2021—2025年）,
  // 2024-2026年中期财政规划) names no wrong year.
  const spans = [...text.matchAll(YEAR_SPAN)].filter((m) => [...allowed].some((y) => Number(m[1]) <= y && y <= Number(m[2])));
  const years = [...text.matchAll(YEAR)].filter((m) => !spans.some((sp) => m.index >= sp.index && m.index < sp.index + sp[0].length));
  // A title naming the report's own year and another compares them (2024年度与2023年度决算对比情况).
  if (years.some((m) => Number(m[1]) === year) && new Set(years.map((m) => m[1])).size > 1) return [];
  for (const m of years) {
    const y = Number(m[1]);
    if (allowed.has(y)) continue;
    const r = rawRange(unit.line, m.index, m.index + 4);
    if (uncertainRaw(unit.line, r.start, r.end)) continue;
    return [
      flagAtText('YEAR_MISMATCH', unit.line, m.index, m.index + 4, `标题年份错误：本报告为${year}年度，标题却写“${y}年”。`, {
        expected: year,
        found: y,
      }),
    ];
  }
  return [];
}

/** The reason rule's expressions (patterns/identities.yaml claims.reasons and claims.pattern/relations). */
interface ReasonsCfg {
  claims?: { pattern: string; relations: Record<string, string>; reasons?: { opens: string; up: string; down: string; negation: string; inverse?: string; otherYear?: string; quality?: string } };
}
let reasonsCompiled:
  | { opens: RegExp; up: RegExp; down: RegExp; stmtUp: RegExp; stmtDown: RegExp; claim: RegExp; relations: [string, string][]; inverse: RegExp | null; negated: RegExp; otherYear: RegExp | null; quality: RegExp | null }
  | null
  | undefined;
export function reasonRules() {
  if (reasonsCompiled !== undefined) return reasonsCompiled;
  const c = loadPattern<ReasonsCfg>('identities.yaml').claims;
  const r = c?.reasons;
  if (!c || !r) return (reasonsCompiled = null);
  const word = (w: string) => `(?<!${r.negation.split('|').map((n) => `(?:${n})`).join('|')})(?:${w})`;
  return (reasonsCompiled = {
    opens: new RegExp(r.opens, 'gu'),
    up: new RegExp(word(r.up), 'gu'),
    down: new RegExp(word(r.down), 'gu'),
    stmtUp: new RegExp(`${word(r.up)}了?(?=\\d)`, 'gu'),
    stmtDown: new RegExp(`${word(r.down)}了?(?=\\d)`, 'gu'),
    claim: new RegExp(c.pattern, 'gu'),
    relations: Object.entries(c.relations),
    inverse: r.inverse ? new RegExp(r.inverse, 'u') : null,
    negated: new RegExp(r.negation, 'u'),
    otherYear: r.otherYear ? new RegExp(r.otherYear, 'u') : null,
    quality: r.quality ? new RegExp(r.quality, 'u') : null,
  });
}

/** DIRECTION_CONFLICT (warning): a change or a comparison whose reason, one item stating no figure of its
 *  own, points every one of its direction words the other way (…比上年预算增加16万元，主要原因是新的政协委员培训班次数减少; 决算数小于预算数的
 *  主要原因：人员经费支出数大于预算数). Which of the two words is wrong is not known: flagged on the
 *  statement's word, naming the reason's. */
export function reasonDirections(p: Paragraph): Flag[] {
  const r = reasonRules();
  if (!r) return [];
  const t = p.text;
  const flags: Flag[] = [];
  const sentenceStart = (at: number) => Math.max(t.lastIndexOf('。', at - 1), t.lastIndexOf('；', at - 1), t.lastIndexOf(';', at - 1)) + 1;
  for (const m of t.matchAll(r.opens)) {
    const at = m.index;
    let s = sentenceStart(at);
    let e = at;
    // A reason that opens its sentence explains the sentence before it.
    if (!/[^，,：:\s]/u.test(t.slice(s, at))) {
      if (s === 0) continue;
      e = s;
      s = sentenceStart(s - 1);
    }
    // The statement's direction: its words before a figure, and its comparison claims; one direction only.
    const words: { at: number; len: number; dir: 'up' | 'down' }[] = [];
    const stmt = t.slice(s, e);
    for (const x of stmt.matchAll(r.stmtUp)) words.push({ at: s + x.index, len: x[0].length, dir: 'up' });
    for (const x of stmt.matchAll(r.stmtDown)) words.push({ at: s + x.index, len: x[0].length, dir: 'down' });
    for (const x of stmt.matchAll(r.claim)) {
      const rel = r.relations.find(([w]) => x[0].includes(w))?.[1];
      if (rel === 'greater' || rel === 'less') words.push({ at: s + x.index, len: x[0].length, dir: rel === 'greater' ? 'up' : 'down' });
    }
    // (a word before a zero change points nowhere — `比上年增加0.00万元，增长0.00%，与上年持平`, 泉州 2026 预算 — and
    // a statement that says 持平 has no direction for a reason to contradict)
    if (/持平/u.test(stmt)) continue;
    const zero = (w: (typeof words)[number]) => /^\s*了?\s*[0０](?:[.．][0０]+)?(?![\d０-９.．])/u.test(t.slice(w.at + w.len, w.at + w.len + 12));
    const live = words.filter((w) => !zero(w));
    const dirs = new Set(live.map((w) => w.dir));
    if (dirs.size !== 1) continue;
    const dir = [...dirs][0]!;
    // The reason: to the end of its sentence, one item (no ；, no 一是…二是), every direction word the other way.
    const rs = at + m[0].length;
    const end = t.indexOf('。', rs);
    const reason = t.slice(rs, end < 0 ? t.length : end);
    if (/[；;]|一是|（一）|\(一\)/u.test(reason)) continue;
    // A reason that states its own amounts or rates (基本支出减少1408.29万元、项目支出增加400万元; 人员增加5%) is
    // a breakdown of the change, judged by its arithmetic, not by its words.
    if (/\d[\d,.]*(?:万元|亿元|千元|元|万|%)/u.test(reason)) continue;
    if (r.inverse?.test(reason) || r.otherYear?.test(reason) || r.negated.test(reason)) continue;
    // nor is a reason naming the year the statement compares with (比2023年预算执行数减少…，主要原因是：2023年增加了…)
    const bases = [...stmt.matchAll(/(?:比|较|与)\s*((?:19|20)\d{2})\s*年/gu)].map((x) => x[1]!);
    if (bases.some((y) => reason.includes(y))) continue;
    const plain = reason.replace(/增减相抵|增减/gu, '');
    // a word as an attribute (新增的) or about quality (提高资金使用效率) is no direction of the amount
    const about = (x: RegExpMatchArray) => {
      const rest = plain.slice(x.index! + x[0].length);
      const object = rest.slice(0, rest.search(/[，,、；;。：:]|$/u));
      return !rest.startsWith('的') && !r.quality?.test(object);
    };
    const ups = [...plain.matchAll(r.up)].filter(about).map((x) => x[0]);
    const downs = [...plain.matchAll(r.down)].filter(about).map((x) => x[0]);
    const against = dir === 'up' ? downs : ups;
    const along = dir === 'up' ? ups : downs;
    if (!against.length || along.length) continue;
    const w = live.sort((a, b) => b.at - a.at)[0]!;
    if (uncertainAt(p, w.at, w.at + w.len) || uncertainAt(p, rs, rs + reason.length)) continue;
    const said = t.slice(w.at, w.at + w.len).replace(/了$/u, '');
    flags.push(
      flagInParagraph('DIRECTION_CONFLICT', p, w.at, w.at + w.len, `变动方向与所述原因不符：此处写“${said}”，所述原因却是“${against[0]}”（${reason.length > 40 ? `${reason.slice(0, 40)}…` : reason}）。`, {
        severity: 'warning',
        expected: against[0]!,
        found: said,
      }),
    );
  }
  return flags;
}
