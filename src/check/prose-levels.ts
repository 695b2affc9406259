// Figures of the prose reconciled with each other (issue 11, rule 3), where no table is needed:
// (a rate stated with the two levels it compares and no change amount is rates.ts levelRates')
// - a breakdown the levels prove complete: a figure with its change, followed by a list (其中 / …中，) whose
//   items' figures add up to it exactly (at the printed precision), each item with its change or 持平: the
//   items' changes add up to the total's. Where a change as printed is impossible (an increase larger than
//   its own figure: last year would be negative) and turning its one word, and no other, makes the list
//   add up, the word is wrong: DIRECTION_CONFLICT.
import { levelRolesFor } from './prose-figures.js';
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { loadPattern } from '../patterns.js';
import { checksConfig } from './config.js';
import { makeFlag } from './flag.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { lineKey, type TextIndex } from './lines.js';
import { decimalsOf, formatAmount, isAmount } from './numbers.js';

const fold = (s: string) => s.replace(/[\s“”"'‘’]/gu, '');
const show = (f: Fact) => `${f.text}${f.unit}`;

/** The words that say a figure is unchanged (patterns/identities.yaml claims: the `equal` relations). */
export function flatWords(): string {
  const c = loadPattern<{ claims?: { relations: Record<string, string> } }>('identities.yaml').claims;
  return Object.entries(c?.relations ?? {})
    .filter(([, r]) => r === 'equal')
    .map(([w]) => w)
    .join('|');
}

/** The facts of the text in reading order, with the text between two of them. */
function reading(doc: ExtractedDocument, text: TextIndex) {
  const pos = (f: Fact) => text.position.get(lineKey(f.loc)) ?? -1;
  const order = doc.facts.filter((f) => f.from === 'text' && text.position.has(lineKey(f.loc)) && f.loc.start !== undefined && f.loc.end !== undefined).sort((a, b) => pos(a) - pos(b) || a.loc.start! - b.loc.start!);
  /** The text from the end of a to the start of b (b after a, at most `lines` lines on), folded; null when further. */
  const between = (a: Fact, b: Fact, lines = 3): string | null => {
    const ia = pos(a);
    const ib = pos(b);
    if (ia < 0 || ib < ia || ib - ia > lines) return null;
    if (ia === ib) return fold(text.order[ia]!.raw.slice(a.loc.end, b.loc.start));
    const parts = [text.order[ia]!.raw.slice(a.loc.end)];
    for (let i = ia + 1; i < ib; i++) parts.push(text.order[i]!.raw);
    parts.push(text.order[ib]!.raw.slice(0, b.loc.start));
    return fold(parts.join(''));
  };
  /** The text after f to the end of its line and the next line of its paragraph, folded. */
  const after = (f: Fact): string => {
    const i = pos(f);
    const line = text.order[i]!;
    const next = text.order[i + 1];
    const same = next && text.paragraph.get(lineKey(next.loc)) === text.paragraph.get(lineKey(line.loc));
    return fold(line.raw.slice(f.loc.end) + (same ? next.raw : ''));
  };
  return { order, pos, between, after };
}

export function proseLevels(doc: ExtractedDocument, text: TextIndex): Flag[] {
  return [...completeBreakdowns(doc, text), ...completeItems(doc, text), ...countedItems(doc, text)];
}

/** A figure stated with how many things it covers, then listing them after its 其中, as many figures as
 *  things (“编报绩效目标的项目共4个，涉及项目预算资金598.46万元。其中：中介机构服务费418.80万元，财政业务费10.00万元，
 *  信息化系统日常维护费166.66万元，援滇干部工作经费3.00万元。”): the list is all of them, so its figures add up
 *  to the total at the printed precision. The count is the last figure before the total, in its sentence;
 *  the list is the sentence that opens with 其中 (or the rest of the total's sentence), every amount of it
 *  an item, of the total's unit, role and year. */
function countedItems(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const { order, between } = reading(doc, text);
  const flags: Flag[] = [];
  order.forEach((t, i) => {
    const c = order[i - 1];
    if (!c || c.kind !== 'count' || !Number.isInteger(c.value) || c.value < 2 || c.value > 12) return;
    if (!isAmount(t) || t.role === 'change' || t.kind !== 'amount') return;
    const lead = between(c, t, 1);
    if (lead === null || /[。；;]/u.test(lead)) return;
    const n = c.value;
    const items = order.slice(i + 1, i + 1 + n + 1);
    if (items.length < n) return;
    const gap = between(t, items[0]!, 1);
    if (gap === null || !/^[，,。]?其中/u.test(gap)) return;
    // the list: n amounts, no full stop before the last, and nothing more in its sentence
    for (let k = 0; k < n; k++) {
      const f = items[k]!;
      if (!isAmount(f) || f.kind !== 'amount' || f.role !== t.role || f.year !== t.year || f.unit !== t.unit) return;
      if (k > 0) {
        const g = between(items[k - 1]!, f, 1);
        if (g === null || /[。；;]|其中/u.test(g)) return;
      }
    }
    const next = items[n];
    if (next) {
      const g = between(items[n - 1]!, next, 2);
      if (g !== null && !/。/u.test(g)) return;
    }
    const list = items.slice(0, n);
    const dec = Math.max(0, ...[t, ...list].map((f) => decimalsOf(f.text)));
    const whole = figOf(t.text, t.unit);
    const figs = list.map((p) => figOf(p.text, p.unit, false, /^0$/u.test(p.text.trim()) ? dec : 0));
    if (!whole || figs.some((x) => !x) || sumFits(whole, figs as Fig[])) return;
    const sum = formatAmount(Number(figs.reduce((a, x) => a + x!.v, 0n)) / 1e5, t.unit, Math.max(...list.map((p) => decimalsOf(p.text))));
    flags.push(makeFlag('SUM_MISMATCH', `各部分之和与合计不符：所称${c.text}${c.unit}${c.label ? `（${c.label}）` : ''}逐一列出，${list.map((p) => `${p.label || ''}${show(p)}`).join('＋')}＝${sum}，而${t.label || '合计'}为${show(t)}。`, { ...t.loc }, t.excerpt, { expected: sum, found: show(t) }));
  });
  return flags;
}

/** A figure whose 其中 lists, one after the other, exactly the parts of a sum the template makes complete
 *  (patterns/checks.yaml `sums`, complete: 基本支出 = 人员经费 + 公用经费; 三公 = 因公出国 + 公务用车 + 公务接待),
 *  each part once and no other figure between them — however long the words that describe each part (“（一）
 *  人员经费9710.42万元。主要包括：基本工资、津贴补贴…（二）公用经费2598.06万元。主要包括：办公费…”, 江苏 预算
 *  template): the figure is their total, whatever it is called (“一般公共预算基本支出预算12308.48万元，其中：”),
 *  so they add up to it at the printed precision. A figure named as the total (a metric of its own) is
 *  left to the sums of the summary and of the paragraph. */
function completeItems(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const { order, pos, between } = reading(doc, text);
  const rules = checksConfig().sums.filter((r) => r.complete);
  const flags: Flag[] = [];
  order.forEach((t, i) => {
    if (!isAmount(t) || t.role === 'change' || t.kind !== 'amount') return;
    const first = order[i + 1];
    if (!first) return;
    const gap = between(t, first);
    if (gap === null || !/其中/u.test(gap) || /[。；;]/u.test(gap.slice(0, gap.indexOf('其中')))) return;
    for (const rule of rules) {
      // (a figure named as the sum's total is the document-level and paragraph sums' to judge: one flag for one sum)
      if (t.metric) continue;
      const parts: Fact[] = [];
      for (let k = i + 1; k < order.length && parts.length < rule.parts.length; k++) {
        const f = order[k]!;
        if ((f.section ?? null) !== (t.section ?? null) || pos(f) - pos(t) > 12) break;
        if (f.kind === 'percent' || f.kind === 'count') continue;
        if (!isAmount(f) || f.role !== t.role || f.year !== t.year || f.unit !== t.unit || !f.metric || !rule.parts.includes(f.metric) || parts.some((p) => p.metric === f.metric)) break;
        parts.push(f);
      }
      if (parts.length !== rule.parts.length) continue;
      // The list must end with them: a further amount of the sentence (…公用经费100.00万元，项目支出100.00万元；
      // …公务接待费2.00万元，会议费3.00万元) makes the total more than the template's sum.
      const last = parts[parts.length - 1]!;
      const more = order.slice(order.indexOf(last) + 1).find((f) => isAmount(f) && f.kind === 'amount' && f.role !== 'change');
      const gapOn = more ? between(last, more) : null;
      if (more && gapOn !== null && !/。/u.test(gapOn) && more.role === t.role && more.year === t.year && more.unit === t.unit) continue;
      const dec = Math.max(0, ...[t, ...parts].map((f) => decimalsOf(f.text)));
      const whole = figOf(t.text, t.unit, false, /^0$/u.test(t.text.trim()) ? dec : 0);
      const figs = parts.map((p) => figOf(p.text, p.unit, false, /^0$/u.test(p.text.trim()) ? dec : 0));
      if (!whole || figs.some((x) => !x) || sumFits(whole, figs as Fig[])) continue;
      const sum = formatAmount(Number(figs.reduce((a, x) => a + x!.v, 0n)) / 1e5, t.unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
      flags.push(makeFlag('SUM_MISMATCH', `各部分之和与合计不符：${parts.map((p) => `${p.label || p.metric}${show(p)}`).join('＋')}＝${sum}，而${t.label || t.metric || '合计'}为${show(t)}（所列各项已是全部）。`, { ...t.loc }, t.excerpt, { expected: sum, found: show(t) }));
    }
  });
  return flags;
}

interface Node {
  level: Fact;
  /** Its change: signed, or 0 for 持平; null when none is stated. */
  change: Fact | null;
  flat: boolean;
  /** Index in `order` of the last fact of the statement (its change, or the level). */
  end: number;
}

/** A breakdown proven complete by its levels (see the head of this file). Only a change that is
 *  impossible as printed is judged: elsewhere the breakdown rules of the restatements decide. */
function completeBreakdowns(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const levelRoles = levelRolesFor(doc.document.kind);
  const { order, between, after } = reading(doc, text);
  const flat = flatWords();
  const flatRe = flat ? new RegExp(`^[，,。]?(?:比|与|较)[^，,。；;]{0,16}(?:${flat})`, 'u') : null;
  const isLevel = (f: Fact) => levelRoles.includes(f.role) && isAmount(f) && f.kind === 'amount';
  const isChange = (f: Fact) => f.role === 'change' && isAmount(f) && (f.direction === 'increase' || f.direction === 'decrease');
  // the statements: a level and the change that follows it in its sentence (or 持平)
  const nodes: Node[] = [];
  order.forEach((f, i) => {
    if (!isLevel(f)) return;
    const next = order[i + 1];
    if (next && isChange(next) && next.unit === f.unit) {
      const gap = between(f, next, 1);
      // (or opening the next sentence with a comparison that names no subject, after a clause with no figure:
      // “…14.39万元。与上年相比减少0.61万元”, “…支出6702.18万元，主要用于…项目支出。与上年相比增加…”)
      const next3 = between(f, next, 3);
      if ((gap !== null && !/[。；;]/u.test(gap)) || (next3 !== null && /^[^。；;\d]*。(?:与|比|较)[^，,。；;\d]{0,12}$/u.test(next3))) {
        nodes.push({ level: f, change: next, flat: false, end: i + 1 });
        return;
      }
    }
    // (its change in the next sentence, under its own words: “…财政拨款预算支出13649.07万元，占本年支出合计的100%。
    // 与上年相比，财政拨款支出增加844.15万元，增长6.59%。其中：”; only shares and rates between)
    let k = i + 1;
    while (order[k] && order[k]!.kind === 'percent') k++;
    const later = order[k];
    if (later && k > i + 1 && isChange(later) && later.unit === f.unit && ownWords(f, later)) {
      const gap = between(f, later, 2);
      if (gap !== null && (gap.match(/[。；;]/gu) ?? []).length <= 1) {
        nodes.push({ level: f, change: later, flat: false, end: k });
        return;
      }
    }
    const upTo = next && lineKey(next.loc) === lineKey(f.loc) ? fold(text.lines.get(lineKey(f.loc))!.raw.slice(f.loc.end, next.loc.start)) : after(f);
    nodes.push({ level: f, change: null, flat: !!flatRe?.test(upTo), end: i });
  });
  const fig = (f: Fact) => figOf(f.text, f.unit);
  const signed = (n: Node): Fig | null => {
    if (n.flat) return { v: 0n, h: 0n };
    if (!n.change) return null;
    const x = fig(n.change);
    return x && (n.change.direction === 'decrease' ? { v: -x.v, h: x.h } : x);
  };
  const opens = (n: Node, k: number): boolean => {
    const m = nodes[k];
    if (!m) return false;
    const gap = between(order[n.end]!, m.level);
    return gap !== null && /其中|包括|(?:^|[。；;，,])[\u4e00-\u9fff]{2,20}中[，,：:]/u.test(gap);
  };
  /** The items of the list opened after nodes[k]: complete when their levels add up to its level. Returns
   *  the direct items and the index after the list, or null. */
  const listOf = (k: number, depth = 0): { items: Node[]; next: number } | null => {
    const t = nodes[k]!;
    if (depth > 2 || !opens(t, k + 1)) return null;
    const whole = fig(t.level);
    if (!whole) return null;
    const items: Node[] = [];
    let j = k + 1;
    while (j < nodes.length && items.length < 12) {
      let n = nodes[j]!;
      if ((n.level.section ?? null) !== (t.level.section ?? null) || n.level.unit !== t.level.unit || n.level.year !== t.level.year || n.level.role !== t.level.role) return null;
      const sub = listOf(j, depth + 1);
      // (an item with no change of its own whose 其中 restates it whole under a narrower name with its change — “1．财政拨款
      // 收入预算总计9,314.27万元。其中（1）一般公共预算收入预算9,314.27万元，与上年相比增加…” — has that change)
      const r = nodes[j + 1];
      const whole1 = fig(n.level);
      const r1 = r && fig(r.level);
      const restated = !sub && !n.change && !n.flat && !!r && (!!r.change || r.flat) && opens(n, j + 1) && !!whole1 && !!r1 && sumFits(whole1, [r1]) && r.level.unit === n.level.unit && r.level.role === n.level.role;
      if (restated) n = { ...n, change: r.change, flat: r.flat, end: r.end };
      items.push(n);
      j = sub ? sub.next : restated ? j + 2 : j + 1;
      const parts = items.map((x) => fig(x.level));
      if (parts.some((x) => !x)) return null;
      if (sumFits(whole, parts as Fig[])) return items.length >= 2 ? { items, next: j } : null;
      if ((parts as Fig[]).reduce((a, x) => a + x.v - x.h, 0n) > whole.v + whole.h) return null;
    }
    return null;
  };
  const impossible = (n: Node) => {
    if (!n.change || n.change.direction !== 'increase') return false;
    const c = fig(n.change);
    const x = fig(n.level);
    return !!c && !!x && c.v - c.h > x.v + x.h;
  };
  const flags: Flag[] = [];
  const done = new Set<Fact>();
  // A grand total restated at the head of its list with no change of its own (“（一）收入预算总计9,330.52万元。包括：”)
  // takes the change stated with the same total earlier in its section (“收入、支出预算总计9,330.52万元，与上年相比收、支
  // 预算总计各增加1,207.63万元”): the same 总计 (收入总计 and 支出总计 of a balanced statement are one figure, and so are
  // their changes), the same figure at the printed precision. Not a 本年收入合计 or a source's total equal to it this year:
  // last year's may have differed.
  const GRAND = new Set(['total_income', 'total_expenditure']);
  const grand = (f: Fact) => !!f.metric && GRAND.has(f.metric) && /总计$/u.test(fold(f.label));
  const restatedChange = (t: Node, k: number): Node => {
    if (t.change || t.flat || !grand(t.level)) return t;
    const x = fig(t.level);
    for (let j = k - 1; j >= 0 && x; j--) {
      const m = nodes[j]!;
      if ((m.level.section ?? null) !== (t.level.section ?? null)) break;
      if (!m.change || !grand(m.level) || m.level.unit !== t.level.unit || m.level.year !== t.level.year || m.level.role !== t.level.role) continue;
      const y = fig(m.level);
      return y && sumFits(x, [y]) ? { ...t, change: m.change } : t;
    }
    return t;
  };
  nodes.forEach((t0, k) => {
    const list = listOf(k);
    if (!list) return;
    const t = restatedChange(t0, k);
    const members = [t, ...list.items];
    const total = signed(t);
    const parts = list.items.map(signed);
    if (!total || parts.some((p) => !p)) return;
    if (sumFits(total, parts as Fig[])) return;
    if (!members.some(impossible)) {
      // No change impossible as printed: the items' changes still bound the total's. Every item with a figure
      // this year is listed (their levels add up), but one that fell to 0 may be left out with its change
      // (江苏省委办公厅 2018: the 一般公共服务 项 changes are 147.20 above the 类's), and such an item only lowers
      // the total's change: the total's change cannot exceed the sum of the items'.
      const sum = (parts as Fig[]).reduce((a, x) => a + x.v, 0n);
      const slack = total.h + (parts as Fig[]).reduce((a, x) => a + x.h, 0n);
      if (total.v - sum < slack || !t.change || done.has(t.change)) return;
      // (where turning one word, and no other, makes the changes add up exactly, that word is the likelier slip:
      // a warning on it, as for a 类 and its 项 — class-changes.ts)
      const flipFig = (x: Fig): Fig => ({ v: -x.v, h: x.h });
      const turned = members.filter((m, i) => !!m.change && (i === 0 ? sumFits(flipFig(total), parts as Fig[]) : sumFits(total, (parts as Fig[]).map((p, j) => (j === i - 1 ? flipFig(p) : p)))));
      if (turned.length === 1 && !done.has(turned[0]!.change!)) {
        const w = turned[0]!.change!;
        done.add(w);
        const word = w.direction === 'decrease' ? '减少' : '增加';
        const other = w.direction === 'decrease' ? '增加' : '减少';
        flags.push(
          makeFlag('DIRECTION_CONFLICT', `变动方向与分项之和不符：所列各项之和等于${t.level.label || '合计'}${show(t.level)}，各项变动之和却与${w === t.change ? '总变动' : '合计的变动'}不符，唯有此处为${other}才相符；此处写${word}${show(w)}。`, { ...w.loc }, w.excerpt, {
            severity: 'warning',
            expected: `${other}${show(w)}`,
            found: `${word}${show(w)}`,
          }),
        );
        return;
      }
      // (a turn of one of several words would do as well: a wrong word, whichever — the rules reading each
      // word's other sums decide which; no second flag on the total)
      if (turned.length) return;
      const c = t.change;
      done.add(c);
      const signedText = (n: Node) => (n.flat ? '持平' : `${n.change!.direction === 'decrease' ? '减少' : '增加'}${show(n.change!)}`);
      const listed = list.items.map((x) => `${x.level.label || ''}${show(x.level)}（${signedText(x)}）`).join('＋');
      const sumText = formatAmount(Number(sum < 0n ? -sum : sum) / 100000, c.unit, Math.max(...list.items.map((x) => (x.change ? decimalsOf(x.change.text) : 0))));
      flags.push(
        makeFlag('SUM_MISMATCH', `各项变动之和与总变动不符：${listed}＝${t.level.label || '合计'}${show(t.level)}，所列已全（未列的项本年为0，只会使总变动更小），各项变动合计${sum < 0n ? '减少' : '增加'}${sumText}，此处却写${signedText(t)}。`, { ...c.loc }, c.excerpt, {
          expected: `${sum < 0n ? '减少' : '增加'}${sumText}以内`,
          found: signedText(t),
        }),
      );
      return;
    }
    const flip = (x: Fig): Fig => ({ v: -x.v, h: x.h });
    const fits = members.filter((m, i) => {
      if (!m.change || !impossible(m)) return false;
      return i === 0 ? sumFits(flip(total), parts as Fig[]) : sumFits(total, (parts as Fig[]).map((p, j) => (j === i - 1 ? flip(p) : p)));
    });
    if (fits.length !== 1 || done.has(fits[0]!.change!)) return;
    const m = fits[0]!;
    const c = m.change!;
    done.add(c);
    const list2 = list.items.map((x) => `${x.level.label || ''}${show(x.level)}`).join('＋');
    flags.push(
      makeFlag('DIRECTION_CONFLICT', `变动方向与分项之和不符：${list2}＝${t.level.label || '合计'}${show(t.level)}，所列已全，各项变动之和却与${m === t ? '总变动' : '合计的变动'}不符；此处写增加${show(c)}，大于本年数${show(m.level)}（上年将为负数），唯有写作减少才相符。`, { ...c.loc }, c.excerpt, {
        expected: `减少${show(c)}`,
        found: `增加${show(c)}`,
      }),
    );
  });
  return flags;
}

/** A change told in the sentence after its level under the level's own words (the level's label, or its
 *  label after the reporting entity's name: 江苏省人大常委会办公厅财政拨款支出 … 财政拨款支出). */
function ownWords(level: Fact, change: Fact): boolean {
  const a = fold(level.label);
  const b = fold(change.label);
  if (level.metric && change.metric) return level.metric === change.metric;
  return b.length >= 2 && (a === b || a.endsWith(b));
}

/** Two figures each of a named fund, and not the same one (财政拨款 is every fund: no verdict from it). */
export const otherFunds = (a: Fact, b: Fact) => !!a.about?.fund && !!b.about?.fund && a.about.fund !== 'fiscal' && b.about.fund !== 'fiscal' && a.about.fund !== b.about.fund;
