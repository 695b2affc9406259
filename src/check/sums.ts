// Parts against their whole in prose and between the document's totals (SUM_MISMATCH): 其中 lists, enumerated items,
// 类/款/项 chains, paired lists and the document-level income and expenditure sums.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { bracketDepth } from '../brackets.js';
import { checksConfig } from './config.js';
import { loadPattern } from '../patterns.js';
import { makeFlag, placeOf } from './flag.js';
import { figOf, flaggedRows, sumFits, type Fig } from './identities.js';
import { lineKey } from './lines.js';
import { decimalsOf, exactYuan, formatAmount, halfUnit, isAmount, lastDigitYuan, yuanOf } from './numbers.js';
import { type Ctx, figsTogether, lastDigitAmong, flagOn, show, isLevel, sameSentence, fold, textBetween, namedBase, isBefore, textSpan, readingOrder, paragraphText } from './prose-figures.js';

/** The figures of a total and its parts, read together (figsTogether: a whole 万元 among figures to the 分 is exact) —
 *  except where the total itself is printed whole while a part has decimals (`涉及项目预算资金497万元，包括：…318.80万元…`):
 *  the author rounded the total, so the list's whole figures may be roundings too, and each is read at its own
 *  precision (497 ± 0.5 holds 497.46). */
export function figsOfSum(t: Fact, parts: Fact[]): (Fig | null)[] {
  // (a bare 0 is no rounding: nobody rounds 0.30万元 to “0万元” where the others print two decimals)
  if (decimalsOf(t.text) === 0 && !/^0$/u.test(t.text.trim()) && parts.some((p) => decimalsOf(p.text) > 0)) return [t, ...parts].map((f) => figOf(f.text, f.unit));
  return figsTogether([t, ...parts]);
}

/** How strongly the text between two figures separates them: 、 < ， < ； < 。 (0: no stop at all). */

/** A sum of parts' figures (in 1e-5 units) as the parts print it: their unit, their most decimals. */
function shownAmount(sum: bigint, parts: Fact[], unit: string): string {
  return formatAmount(Number(sum) / 1e5, unit, Math.max(...parts.map((p) => decimalsOf(p.text))));
}

/** The sum of `figs` (the parts' figures) shown as the parts print it. */
function shownSum(figs: (Fig | null | undefined)[], parts: Fact[], unit: string): string {
  return shownAmount(figs.reduce((a, x) => a + x!.v, 0n), parts, unit);
}

const stopRank = (gap: string) => (/[。!?！？]/u.test(gap) ? 4 : /[；;]/u.test(gap) ? 3 : /[，,]/u.test(gap) ? 2 : /、/u.test(gap) ? 1 : 0);

/** The items listed after a total's 其中 are parts of it: together they cannot exceed it (“公务用车购置及运行费
 *  32.20万元。其中：公务用车购置费0.00万元；公务用车运行费39.43万元”). The list runs to the end of the sentence
 *  of its first item and stops at a nested 其中; only amounts of the total's role, year and unit count
 *  (changes and shares stated beside them do not). A total of both sides (收支总预算, 收、支总计) is not a
 *  whole of its items. Whether the list is complete is unknown, so only a sum above the total is flagged. */
export function partsWithinTotal(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  order.forEach((t, i) => {
    if (!isLevel(t) || /收.{0,2}支/u.test(t.label)) return;
    // The rates and changes stated right after the total (完成预算的95.31%；较上年增加2.5万元) are not items:
    // the list opens after them, so its 其中 is looked for between the last of them and the first amount.
    let j = i + 1;
    while (order[j] && (order[j]!.kind === 'percent' || order[j]!.role === 'change') && (order[j]!.section ?? null) === (t.section ?? null)) j++;
    const first = order[j];
    if (!first || (first.section ?? null) !== (t.section ?? null)) return;
    // 其中 (or 包括) opens the list, in the total's sentence or as the next one begins (…32.20万元，与2024年预算持平。其中：…).
    const lead = textBetween(ctx.text, order[j - 1]!, first);
    // (rv9 M21: or a colon right after the figure, `…合计2,940.05万元，具体为：` / `…万元：` — not a purpose, `主要用于以下
    // 方面：`, whose items are what it is mostly spent on; or, with no opener word, a
    // first item the sums of patterns/checks.yaml make a part of the total's metric, in its sentence or the next
    // one: `本年支出合计…，分别是基本支出…` / `…。按支出性质分，基本支出…`)
    const related = !!t.metric && !!first.metric && checksConfig().sums.some((r) => r.total.includes(t.metric!) && r.parts.includes(first.metric!));
    // (a reason's colon, `较上年增加30万元，原因为：…`, opens what the change is due to, not a list of the total's items;
    // nor does an opener whose own clause has ended before the first item, `主要用于信访培训，包括信访干部业务培训；信访
    // 备用金85.00万元`: the 包括 is the purpose's, and the figure after the semicolon is the next item of the list)
    const opener = lead?.slice(lead.lastIndexOf('。') + 1) ?? '';
    const openerAt = Math.max(opener.lastIndexOf('其中'), opener.lastIndexOf('包括'));
    if (lead === null || !((openerAt >= 0 && !/[；;]/u.test(opener.slice(openerAt))) || (/^[，,]?[^，,。；;\d]{0,12}[：:]/u.test(lead) && !/用于|原因/u.test(lead)) || (related && !/\d/u.test(lead) && (lead.match(/。/gu) ?? []).length <= 1))) return;
    // (a unit with no figure between them — `（二）支出预算总计    万元。包括：` — is a blank amount: the list is that
    // figure's, not this total's)
    if (/万元|亿元/u.test(lead)) return;
    // An opener that names its side (…上年结转2,254.12万元；支出包括：一般公共服务支出…) lists that side's items: not
    // the parts of a figure of the other side before it.
    const side = /(收入|支出)(?:包括|其中)[：:]?[^。；;，,]*$/u.exec(lead)?.[1];
    if (side && !fold(t.label).includes(side)) return;
    // A list complete by definition (patterns/identities.yaml claims.completeLists): its items by the one
    // word of the list each label names.
    const words = t.metric ? completeLists()[t.metric] : undefined;
    const wordOf = (f: Fact) => {
      const named = words?.filter((w) => f.label.includes(w)) ?? [];
      return named.length === 1 ? named[0] : undefined;
    };
    const parts: Fact[] = [];
    // the share stated right after each item (占41.43%), before the next item
    const shareOf = new Map<Fact, Fact>();
    // the items of the list's own sentence (what an open list is checked with)
    let inSentence: Fact[] | null = null;
    // A list opened inside a bracket (…12.00万元（其中：…）) ends where the bracket closes; a list ends at a
    // stop stronger than the one between its first two items: a semicolon after commas returns to the list it
    // is nested in (…12.00万元，其中：购置费8.00万元，运行维护费4.00万元；公务接待费3.00万元), a comma after
    // enumeration commas goes on to another clause (…其中基本支出60.00万元、项目支出40.00万元，年末结转和结余…).
    const inBracket = bracketDepth(lead) > 0;
    let listStop = Infinity;
    let firstStyle: string | undefined;
    const headWord = fold(t.label).slice(-2);
    let prev = t;
    // A figure named 合计/共计/总计 right after two items or more closes the list as their sum (`项目总预算1410.00万元，
    // 其中A340.00万元，…，E80.00万元，合计1410.00万元`): the total restated, never one more part (session 15: a false
    // 部分大于整体 counted it, 2820.00 over 1410.00); the items must add up to it.
    let closing: Fact | undefined;
    let changeInside = false;
    for (const f of order.slice(i + 1, i + 40)) {
      if ((f.section ?? null) !== (t.section ?? null)) break;
      const gap = textBetween(ctx.text, prev, f);
      if (gap === null) break;
      if (parts.length >= 2 && /^[，,；;、]?(?:合计|共计|总计)[为是:：]?$/u.test(gap.replace(/\s/gu, ''))) {
        if (isAmount(f) && f.role === t.role && f.year === t.year && f.unit === t.unit) closing = f;
        break;
      }
      if (parts.length && inBracket && /[）)]/u.test(gap)) break;
      if (parts.length >= 2 && stopRank(gap) > listStop) break;
      // A nested list, a new sentence, or a purpose clause (主要用于…) whose amounts are an item's own parts.
      // A complete list goes on past a sentence's end to an item of a word not yet named (“其中：公务用车购置
      // 支出为0万元。公务用车运行维护支出2.64万元。”).
      if (parts.length && (/其中|包括|用于/u.test(gap) || /[。（(]/.test(gap))) {
        const w = /其中|包括|用于/u.test(gap) ? undefined : wordOf(f);
        if (!w || parts.some((p) => wordOf(p) === w) || !isAmount(f) || f.role !== t.role || f.year !== t.year || f.unit !== t.unit) break;
        inSentence ??= parts.slice();
      }
      prev = f;
      if (f.kind === 'percent' && f.role === 'share' && parts.length && !shareOf.has(parts[parts.length - 1]!)) shareOf.set(parts[parts.length - 1]!, f);
      if (f.kind === 'percent' || f.role === 'change') {
        // (an amount read as a change inside the list — `支持商销稳增长30.00万元`, an item whose name ends in 增长 — may
        // be an item: the items' sum is then unknown, so a closing 合计 gets no verdict)
        if (parts.length && f.kind === 'amount') changeInside = true;
        continue;
      }
      if (!isAmount(f) || f.role !== t.role || f.year !== t.year || f.unit !== t.unit) break;
      // An expenditure is never an item of an income (nor the reverse): `预算收入9,216.51万元，其中：一般公共预算拨款
      // 9,216.51万元，…；本部门当年预算支出9,216.51万元，其中：…` — the 支出 opens the other side's own statement (also
      // `…财政拨款收入4,005.29万元，其中：一般公共预算拨款收入4,005.29万元，较上年减少…；本部门当年财政拨款支出…`, 西安).
      if (sideOf(t.label) && sideOf(f.label) && sideOf(t.label) !== sideOf(f.label)) break;
      // A 类 is never a part of a 类 (nor a 款 of a 款): an item of the total's level or above, its mark printed with
      // or without brackets (…支出类200.00万元，其中：财政事务款200.00万元；社会保障和就业支出类100.00万元), is the
      // total's sibling in the list the total is an item of.
      if (parts.length && classLevel(t.label) && classLevel(f.label) && classLevel(f.label) <= classLevel(t.label)) break;
      if (parts.length === 1) listStop = stopRank(textBetween(ctx.text, parts[0]!, f) ?? '。');
      // Items named with the total's head word (…支出: 一般公共预算财政拨款支出, 政府性基金预算财政拨款支出) end
      // at one that is not (年末财政拨款结转和结余 after them is another figure of the sentence).
      if (parts.length >= 2 && headWord.length === 2 && parts.every((p) => fold(p.label).endsWith(headWord)) && !fold(f.label).endsWith(headWord)) break;
      // Items numbered in one style are siblings; an item numbered in another (1、 under （一）人员经费, the
      // economic 类 written without its brackets: 工资福利支出类) is a child of the item before it, not a part.
      const style = ordinalStyle(gap);
      if (!parts.length) firstStyle = style;
      else if (firstStyle && style && style !== firstStyle) continue;
      // A colon right after an item's figure (…其中财政拨款支出60,000.00万元：基本支出…) opens that item's own list:
      // what follows are its parts, not the total's.
      if (parts.length && /^[^，,；;、。]*[：:]/u.test(gap)) break;
      parts.push(f);
    }
    // Figures right after an item that add up to it exactly (`人员经费420.00万元，含在职人员经费300.00万元、离退休人员经费
    // 120.00万元；`) are that item's own breakdown, whatever words open it: not siblings of it.
    for (let k = 0; k < parts.length - 2; k++) {
      for (let m = 2; k + m < parts.length; m++) {
        const [w, ...xs] = figsOfSum(parts[k]!, parts.slice(k + 1, k + 1 + m));
        if (w && xs.every((x) => x) && sumFits(w, xs as Fig[])) {
          parts.splice(k + 1, m);
          break;
        }
      }
    }
    const listed = (ps: Fact[]) => ps.map((p) => `${p.label || ''}${show(p)}`).join('＋');
    if (closing && !changeInside) {
      const [sumOf, ...figs] = figsOfSum(closing, parts);
      if (sumOf && figs.every((x) => x) && !sumFits(sumOf, figs as Fig[])) {
        const sum = shownSum(figs, parts, closing.unit);
        flags.push(flagOn(closing, 'SUM_MISMATCH', `各部分之和与合计不符：${listed(parts)}＝${sum}，而合计为${show(closing)}。`, sum, show(closing)));
        return;
      }
    }
    if (words && parts.length === words.length && words.every((w) => parts.filter((p) => wordOf(p) === w).length === 1)) {
      const [whole, ...figs] = figsOfSum(t, parts);
      if (!whole || figs.some((x) => !x) || sumFits(whole, figs as Fig[])) return;
      const sum = shownSum(figs, parts, t.unit);
      flags.push(flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${listed(parts)}＝${sum}，而${t.label || '合计'}为${show(t)}。`, sum, show(t)));
      return;
    }
    // An item equal to the total (its printed interval) is the total under another name (其中：一般公共预算财政拨款
    // 支出2,940.05万元；按支出性质分，基本支出…), not one part among others: the others are another breakdown.
    const whole0 = figOf(t.text, t.unit);
    const restated = (p: Fact) => {
      const x = figOf(p.text, p.unit);
      return !!whole0 && !!x && sumFits(whole0, [x]);
    };
    // (only the first item, set apart by a stop stronger than any between the others: `…支出2,940.05万元；按支出性质分，
    // 基本支出…，项目支出…` — a fund item equal to its total, `其中一般公共预算…100.00万元，…政府性基金…20.00万元`, is a part)
    const all = inSentence ?? parts;
    let open = all;
    if (all.length >= 3 && restated(all[0]!)) {
      const rest = all.slice(1);
      const after = stopRank(textBetween(ctx.text, all[0]!, all[1]!) ?? '');
      const among = Math.max(...rest.slice(1).map((p, j) => stopRank(textBetween(ctx.text, rest[j]!, p) ?? '')));
      // (or, whatever the stops, where the others alone add up to the total: a second breakdown of it —
      // `其中：财政拨款支出2,940.05万元，基本支出2,336.91万元，项目支出603.14万元`)
      const [w, ...rf] = figsOfSum(t, rest);
      if (after > among || (!!w && rf.every((x) => x) && sumFits(w, rf as Fig[]))) open = rest;
    }
    // One item is enough where its sentence says it is part of the total (“预算金额1481.42万元，其中，预留给小型
    // 和微型企业的…预算为1486.42万元”); after a full stop the 其中 may open another total's list.
    const one = open.length === 1 && sameSentence(ctx.text, t, open[0]!);
    // A 其中 opening a new sentence may be of any amount of the sentence before, not only its last
    // (…其中：财政拨款…；上年结转93,801.70万元。其中，大学本级…): the parts are flagged only when they exceed
    // every amount of that sentence they could be of.
    const afterStop = /。[^。]*(?:其中|包括)/u.test(lead);
    // A numbered point opening the list after the stop (…。2.按支出用途分类，包括人员支出…) is one of the report's
    // breakdowns of a total stated before its numbered points, not of the figures of the point before it; nor is a 其中
    // after a sentence that only explains a change (`主要原因是新增转拨项目A、B31000万元。其中：（一）…（类）`: the items
    // are the section's total's, stated sentences earlier).
    if (afterStop) {
      if (ordinalStyle(lead.slice(lead.lastIndexOf('。') + 1)) || inReason(ctx, t) || /^[（(]?(?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)、.．]/u.test(opener)) return;
    }
    const wholes: Fact[] = [];
    for (let k = i - 1; afterStop && k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) {
      const w = order[k]!;
      if (isLevel(w) && w.role === t.role && w.year === t.year && w.unit === t.unit && (w.section ?? null) === (t.section ?? null)) wholes.push(w);
    }
    if (wholes.some((w) => !partsOverWhole(w, open, listed(open), one ? 1 : 2))) return;
    // flagged against the largest of them, the whole they are most likely of
    const whole = wholes.reduce((a, w) => ((w.yuan ?? 0) > (a.yuan ?? 0) ? w : a), t);
    const over = partsOverWhole(whole, open, listed(open), one ? 1 : 2);
    if (over) flags.push(over);
    else {
      const short = sharesShort(ctx, t, open, shareOf, listed(open));
      if (short) flags.push(short);
    }
  });
  return [...flags, ...countParts(ctx, order)];
}

/** The same for counts (车辆2辆，其中：一般公务用车1辆、执法执勤用车2辆 / 实有人员30人，其中：在职人员20人，离退休人员12人): the
 *  items of the count's unit, role and year listed right after its 其中/包括, within its sentence, cannot exceed it. A
 *  count is exact (no rounding), so items over the whole are certain; items under it are a list that leaves kinds out.
 *  The list runs while nothing but a list separator stands between two items, and stops at a stop stronger than the
 *  one between its first two items (a semicolon after commas), at a nested 其中/包括/含 or a bracket (an item's own
 *  breakdown), and at a figure of another unit or kind. */
function countParts(ctx: Ctx, order: Fact[]): Flag[] {
  const flags: Flag[] = [];
  const isCount = (f: Fact) => f.kind === 'count' && Number.isInteger(f.value) && f.value >= 0;
  order.forEach((t, i) => {
    if (!isCount(t) || t.role === 'change' || t.role === 'share') return;
    const like = (f: Fact | undefined): f is Fact => !!f && isCount(f) && f.unit === t.unit && f.role === t.role && f.year === t.year && (f.section ?? null) === (t.section ?? null);
    const first = order[i + 1];
    if (!like(first)) return;
    const lead = textBetween(ctx.text, t, first);
    // (the opener alone between the total and its first item: …共有车辆5辆，其中：一般公务用车…)
    if (lead === null || !/^[，,。；;]?(?:其中|包括)[：:，,]?[^\d，,。；;：:（()）其包含]*$/u.test(lead)) return;
    const parts = [first];
    let listStop = Infinity;
    for (let k = i + 2; k < order.length; k++) {
      const f = order[k];
      const gap = textBetween(ctx.text, parts[parts.length - 1]!, f!);
      if (!like(f) || gap === null || /\d|其中|包括|含|[（()）。：:]/u.test(gap)) break;
      const rank = stopRank(gap);
      if (rank === 0 || rank > listStop) break;
      if (parts.length === 1) listStop = rank;
      parts.push(f);
    }
    if (parts.length < 2 || new Set(parts.map((p) => fold(p.label))).size < parts.length) return;
    // Only kinds of one thing partition it (一般公务用车、执法执勤用车; 行政单位、事业单位): items with no head noun in
    // common may overlap (党员、女职工) or stand outside the total (另有所属企业).
    if (!commonHead(parts.map((p) => fold(p.label)))) return;
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (sum <= t.value) return;
    const listed = parts.map((p) => `${p.label || ''}${show(p)}`).join('＋');
    flags.push(flagOn(t, 'SUM_MISMATCH', `部分大于整体：${listed}＝${sum}${t.unit}，超过${t.label || '合计'}${show(t)}。`, `不超过${show(t)}`, `${sum}${t.unit}`));
  });
  return flags;
}

/** Whether labels end in the same Chinese character(s): the head noun of a compound (…用车, …单位, …人员). */
function commonHead(labels: string[]): boolean {
  const last = (l: string) => [...l].reverse().find((c) => /\p{Script=Han}/u.test(c));
  const head = last(labels[0] ?? '');
  return !!head && labels.every((l) => last(l) === head);
}

/** Whether a figure stands in a sentence that gives a change's reason (`主要原因是新增…31000万元`): the text of its
 *  sentence before it names 原因. */
function inReason(ctx: Ctx, t: Fact): boolean {
  const before = paragraphText(ctx.text, t, 'before', 3);
  return /原因/u.test(before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；'), before.lastIndexOf(';')) + 1));
}

/** Which side of the budget a label names: 收入 (income) or 支出 (expenditure) — the word it ends with, else the
 *  one of the two it holds; undefined for both (not at the end) or neither. */
function sideOf(label: string): 'in' | 'out' | undefined {
  const l = fold(label);
  if (l.endsWith('收入')) return 'in';
  if (l.endsWith('支出')) return 'out';
  const inc = /收入/u.test(l);
  const out = /支出/u.test(l);
  return inc === out ? undefined : inc ? 'in' : 'out';
}

/** The numbering style of the last list ordinal in a text (（一）, 一、, （1）, 1、/1.), or undefined. */
function ordinalStyle(gap: string): string | undefined {
  let style: string | undefined;
  for (const m of gap.matchAll(/([（(][一二三四五六七八九十]{1,3}[）)])|((?<![\u4e00-\u9fff])[一二三四五六七八九十]{1,3}、)|([（(]\d{1,2}[）)])|((?<![\d.．])\d{1,2}[、.．](?![\d.．]))/gu))
    style = m[1] ? 'cn-paren' : m[2] ? 'cn' : m[3] ? 'num-paren' : 'num';
  return style;
}

/** A 其中 list whose items each state their share of the total, the shares adding up to 100% (“本年收入预算合计
 *  10,150.48万元，其中：一般公共预算收入10,070.48万元，占99.21%；…其他资金80万元，占0.79%；上年结转资金0万元，占0%”),
 *  is the whole total: the items add up to it. The shares are printed figures (each rounded or cut off, so
 *  up to one unit of its last digit off), so the items listed may fall short of the total by at most the
 *  share the printed shares leave room for (100% − their sum + their slack) — never more. A total larger than
 *  that is a SUM_MISMATCH on it (a total smaller than its parts is `partsOverWhole`'s). */
function sharesShort(ctx: Ctx, t: Fact, parts: Fact[], shareOf: Map<Fact, Fact>, listed: string): Flag | null {
  if (!parts.length || parts.some((p) => !shareOf.has(p))) return null;
  // The shares must be of this total: each names no base (占41.43%) or the total's own metric (占本年支出95%
  // under 支出合计) — shares of 本年支出 under a 支出总计 that adds 结转下年 add up to 100% of something else.
  // One item at 100% counts only where its share names no base (占100%, not 占项目支出总额的100%).
  const bases = parts.map((p) => namedBase(ctx, p, shareOf.get(p)!));
  if (bases.some((b) => b !== null && (parts.length === 1 || !t.metric || b !== t.metric))) return null;
  const shares = parts.map((p) => shareOf.get(p)!);
  // (a share of another base, 占本年支出的比重 stated for one item only, is not evidence: every item has one)
  const sum = shares.reduce((a, f) => a + f.value, 0);
  const slack = shares.reduce((a, f) => a + 2 * halfUnit(f.text), 0) + checksConfig().tolerances.minPercentPoints;
  if (Math.abs(sum - 100) > slack + 1e-9) return null;
  const [whole, ...figs] = figsOfSum(t, parts);
  if (!whole || figs.some((x) => !x) || whole.v <= 0n) return null;
  const most = figs.reduce((a, x) => a + x!.v + x!.h, 0n);
  // the share the items may leave out, in millionths of the total (rounded up: no flag on a rounding)
  const missing = BigInt(Math.ceil(((100 - sum + slack) / 100) * 1e6));
  const least = whole.v - whole.h;
  if (most * 1000000n >= least * (1000000n - missing)) return null;
  const total = shownSum(figs, parts, t.unit);
  const pct = `${Number(sum.toFixed(6))}%`;
  return flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${listed}${parts.length > 1 ? `＝${total}` : ''}（所列占比合计${pct}，已是全部），而${t.label || '合计'}为${show(t)}。`, total, show(t));
}

/** A quantity of a narrower group cannot exceed the same quantity of the group it belongs to
 *  (patterns/identities.yaml claims.subsets: 小微企业 are 中小企业): two amounts of one section, role, year
 *  and unit whose labels differ only in the group's name (面向小微企业预留政府采购项目预算金额 against
 *  面向中小企业预留政府采购项目预算金额). Flagged on the narrower one's figure, naming the wider one. */
export function subsetAmounts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const subsets = loadPattern<{ claims?: { subsets?: Record<string, string> } }>('identities.yaml').claims?.subsets ?? {};
  const entries = Object.entries(subsets);
  if (!entries.length) return flags;
  const order = readingOrder(ctx).filter((f) => isAmount(f) && f.role !== 'change' && f.kind === 'amount');
  const byLabel = new Map<string, Fact[]>();
  for (const f of order) {
    const k = `${f.section ?? ''}|${f.role}|${f.year ?? ''}|${f.unit}|${fold(f.label)}`;
    byLabel.set(k, [...(byLabel.get(k) ?? []), f]);
  }
  for (const f of order) {
    const label = fold(f.label);
    for (const [narrow, wide] of entries) {
      if (!label.includes(narrow)) continue;
      const wider = byLabel.get(`${f.section ?? ''}|${f.role}|${f.year ?? ''}|${f.unit}|${label.replace(narrow, wide)}`) ?? [];
      // one figure of the wider group, stated once (twice would leave which one unknown)
      if (wider.length !== 1) continue;
      const [part, whole] = figsTogether([f, wider[0]!]);
      if (!part || !whole || part.v - part.h < whole.v + whole.h) continue;
      const w = wider[0]!;
      flags.push(flagOn(f, 'SUM_MISMATCH', `部分大于整体：${f.label}${show(f)}，超过${w.label}${show(w)}（${narrow}属于${wide}）。`, `不超过${show(w)}`, show(f)));
    }
  }
  return [...flags, ...yearWithinGrand(ctx, order)];
}

/** The year's own total cannot exceed the grand total (收入总计 = 本年收入合计 + 上年结转 (决算: + 年初结转和结余 …); 支出总计
 *  = 本年支出合计 + 结转下年 …; what is added is never negative): a 合计 of the document's income or spending above the
 *  总计 of the same metric over all sources, or of the 合计's own fund, beyond both printed intervals, is a SUM_MISMATCH
 *  on the 合计 (`本年收入预算合计8315.62万元` against `收入预算总计8315.42万元`). Only where the 总计 copies agree. */
function yearWithinGrand(ctx: Ctx, order: Fact[]): Flag[] {
  const flags: Flag[] = [];
  const GRAND = new Set(['total_income', 'total_expenditure']);
  const totals = order.filter((f) => isLevel(f) && f.kind === 'amount' && !!f.metric && GRAND.has(f.metric) && !ctx.suspect.has(f.id));
  const ends = (f: Fact, w: string) => fold(f.label).endsWith(w);
  for (const own of totals.filter((f) => ends(f, '合计'))) {
    const grands = totals.filter((g) => ends(g, '总计') && g.metric === own.metric && g.role === own.role && g.year === own.year && g.unit === own.unit && (!g.about?.fund || g.about.fund === own.about?.fund));
    if (!grands.length) continue;
    const figs = figsTogether(grands);
    if (figs.some((x) => !x) || figs.some((x) => !sumFits(x!, [figs[0]!]))) continue;
    const g = grands[0]!;
    const [a, b] = figsTogether([own, g]);
    if (!a || !b || a.v - a.h <= b.v + b.h) continue;
    flags.push(flagOn(own, 'SUM_MISMATCH', `部分大于整体：${own.label}${show(own)}，超过${g.label}${show(g)}（${placeOf(g.loc)}；总计为本年合计加上结转等，不小于本年合计）。`, `不超过${show(g)}`, show(own)));
  }
  return flags;
}

/** The totals whose 其中 list is complete by definition, and the word that names each item
 *  (patterns/identities.yaml claims.completeLists). */
function completeLists(): Record<string, string[]> {
  return loadPattern<{ claims?: { completeLists?: Record<string, string[]> } }>('identities.yaml').claims?.completeLists ?? {};
}

/** A 收支总表 balances: 收入总计 = 支出总计, of the whole (收入预算总计 … 支出预算总计) and of one source
 *  (财政拨款收入总计 … 财政拨款支出总计). Narrative figures of the document's year labelled …收入…总计 and
 *  …支出…总计 with the same words before 收入/支出 (or of the same fund, where the ledger gave them one) must agree; a
 *  label naming both sides (收入、支出预算总计)
 *  is neither. The later statement is flagged, naming the earlier. */
export function balancedTotals(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const year = ctx.doc.document.year;
  const sides = new Map<string, { income: Fact[]; expenditure: Fact[] }>();
  for (const f of readingOrder(ctx)) {
    if (!isLevel(f) || f.year !== year) continue;
    const label = fold(f.label).replace(/^\d{4}年度?/u, '').replace(/预算|决算/gu, '');
    const m = /^(.*?)(收入|支出)总计$/u.exec(label);
    if (!m || /收入|支出|收|支/u.test(m[1]!)) continue;
    // (keyed by the fund the ledger gave the figure where it gave one: in `财政拨款收入总计2,961.68万元、支出总计2,961.68万元`
    // the second 总计 is the 财政拨款's, not the all-sources 支出总计 its bare words would pair it with)
    const k = f.about?.fund ? `fund:${f.about.fund}` : `words:${m[1]!}`;
    const e = sides.get(k) ?? { income: [], expenditure: [] };
    (m[2] === '收入' ? e.income : e.expenditure).push(f);
    sides.set(k, e);
  }
  if (checksConfig().balanceNotIn?.includes(ctx.template ?? '')) return flags;
  const yearly = yearTotals(ctx.doc);
  for (const { income, expenditure } of sides.values()) {
    // one flag per pair of sides: the first disagreement
    pairs: for (const a of income) for (const b of expenditure) {
      const fa = figOf(a.text, a.unit);
      const fb = figOf(b.text, b.unit);
      if (!fa || !fb || sumFits(fa, [fb])) continue;
      // The prose's 总计 are the year's own totals where they restate the tables' 本年收入合计 and 本年支出合计 (the
      // university template: its balancing row adds carry-overs and 结余): nothing to balance; where those rows
      // differ with no carry-over, the table's own identity says so.
      if (yearly.income.some((c) => sumFits(c, [fa])) && yearly.expenditure.some((c) => sumFits(c, [fb]))) continue;
      const [first, later] = isBefore(a, b) ? [a, b] : [b, a];
      const where = placeOf(first.loc);
      flags.push(makeFlag('VALUE_CONFLICT', `收支总计不平衡：${later.label}为${show(later)}，而${where}${first.label}为${show(first)}；收入总计应等于支出总计。`, { ...later.loc }, later.excerpt, { severity: 'error', expected: show(first), found: show(later) }));
      break pairs;
    }
  }
  return flags;
}

/** The figures of the tables' year rows (grand-totals.yaml `yearRows`: 本年收入合计, 本年支出合计 …) and of the income
 *  and expenditure tables' 合计 (this year's, without carry-overs), by side. */
function yearTotals(doc: ExtractedDocument): { income: Fig[]; expenditure: Fig[] } {
  const rows = new Set((loadPattern<{ yearRows?: string[] }>('grand-totals.yaml').yearRows ?? []).map((r) => fold(r)));
  const out = { income: [] as Fig[], expenditure: [] as Fig[] };
  for (const g of doc.facts) {
    if (g.from !== 'table' || g.kind !== 'amount' || g.about?.code || g.about?.fund) continue;
    if (g.year !== null && g.year !== doc.document.year) continue;
    const name = fold(g.about?.name ?? '');
    // (or the 合计 of the income table and of the expenditure table, total column: the year's own totals too)
    const table = g.about?.table ?? '';
    const side = rows.has(name) ? (/收入/u.test(name) ? 'income' : 'expenditure') : name === '合计' && g.about?.column === 'total' && !/收支/u.test(table) ? (/收入/u.test(table) ? 'income' : /支出/u.test(table) ? 'expenditure' : null) : null;
    const x = figOf(g.text, g.unit);
    if (x && side) out[side].push(x);
  }
  return out;
}

/** A complete sum (patterns/checks.yaml `sums`, complete: 三公 = 因公出国 + 公务用车 + 公务接待; 基本支出 =
 *  人员经费 + 公用经费) stated within one paragraph: the total and each part once after it, of one role,
 *  year and unit (“三公经费…支出决算为3.04万元…其中：因公出国（境）费决算为0万元…公务用车购置及运行维护费支出决算为
 *  2.64万元…公务接待费支出决算为0.40万元”). The document-level `sums` rule reads the summary's figures; this one
 *  reads the paragraph's own, so a restatement that does not add up is caught where it is made. */
export function localSums(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const list of ctx.byLine.values()) {
    for (const rule of checksConfig().sums.filter((r) => r.complete)) {
      for (const t of list.filter((f) => isAmount(f) && f.role !== 'change' && f.metric && rule.total.includes(f.metric))) {
        const after = list.slice(list.indexOf(t) + 1).filter((f) => isAmount(f) && f.role === t.role && f.year === t.year && f.unit === t.unit);
        // the parts stop where the total's metric is stated again
        const until = after.findIndex((f) => f.metric && rule.total.includes(f.metric));
        const scope = until < 0 ? after : after.slice(0, until);
        const parts = rule.parts.map((m) => scope.filter((f) => f.metric === m));
        if (parts.some((p) => p.length !== 1)) continue;
        const [whole, ...figs] = figsOfSum(t, parts.map((p) => p[0]!));
        if (!whole || figs.some((x) => !x) || sumFits(whole, figs as NonNullable<(typeof figs)[number]>[])) continue;
        const ps = parts.map((p) => p[0]!);
        // One flag for one sum: the document-level rule (sums) may have said it already.
        if (ctx.summed.has(`${lineKey(t.loc)}|${t.loc.start ?? ''}`)) continue;
        const sum = shownSum(figs, ps, t.unit);
        flags.push(flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${ps.map((p) => `${p.label || p.metric}${show(p)}`).join('＋')}＝${sum}，而${t.label || t.metric}为${show(t)}。`, sum, show(t)));
      }
    }
  }
  return flags;
}

/** A sum that names its parts (“人员经费和公用经费合计2,336.81万元”, “A、B合计…”): each name is a figure stated before it in
 *  its section (the nearest with exactly that label, of the sum's role, year and unit), and the named parts are all of
 *  it: their sum must equal it at the printed precision. SUM_MISMATCH, error, on the sum. */
export function namedSums(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  order.forEach((t, i) => {
    if (!isAmount(t) || t.role === 'change' || t.role === 'share') return;
    const m = /^(.{2,40}?)(?:合计|共计|总计|之和|两项合计|二者合计)(?:为|是|达)?$/u.exec(fold(t.label));
    if (!m) return;
    const names = m[1]!.split(/[和、及与]/u).filter(Boolean);
    if (names.length < 2 || names.some((n) => n.length < 2) || new Set(names).size !== names.length) return;
    const parts: Fact[] = [];
    for (const n of names) {
      let hit: Fact | undefined;
      for (let k = i - 1; k >= 0 && (order[k]!.section ?? null) === (t.section ?? null); k--) {
        const g = order[k]!;
        if (isAmount(g) && g.role === t.role && g.year === t.year && g.unit === t.unit && fold(g.label).replace(/^(?:其中|包括)[:：，,]?/u, '') === n) {
          hit = g;
          break;
        }
      }
      if (!hit) return;
      parts.push(hit);
    }
    const [whole, ...figs] = figsOfSum(t, parts);
    if (!whole || figs.some((x) => !x) || sumFits(whole, figs as Fig[])) return;
    const sum = shownSum(figs, parts, t.unit);
    flags.push(flagOn(t, 'SUM_MISMATCH', `各部分之和与合计不符：${parts.map((p) => `${p.label}${show(p)}`).join('＋')}＝${sum}，而此处${t.label}为${show(t)}。`, sum, show(t)));
  });
  return flags;
}

/** A total whose sentence announces a numbered list (“（二）支出预算总计27664.22万元。包括：” / “1．一般公共服务（类）
 *  支出22395.50万元，…” / “2．社会保障和就业（类）支出1374.63万元，…”): each item is a part of it, its figure the
 *  first amount after its number, so the items cannot add up to more than the total. Items are the lines
 *  that open with the numbers 1, 2, 3 … in order, in the total's section, until the numbering breaks. */
export function enumeratedParts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const item = /^\s*(\d{1,2})\s*[．.、]\s*(?!\d)/u;
  const higherMarker = /^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])/u;
  order.forEach((t) => {
    if (!isLevel(t) || /收.{0,2}支/u.test(t.label)) return;
    const line = ctx.text.lines.get(lineKey(t.loc));
    const at = ctx.text.position.get(lineKey(t.loc));
    if (!line || at === undefined || t.loc.end === undefined || line.raw.length - t.loc.end > 24) return;
    // the list is announced right after the total: 。包括： / ，其中： at the end of its line
    if (!/^[^\d]{0,3}(?:包括|其中)[:：]\s*$/u.test(fold(line.raw.slice(t.loc.end)))) return;
    const parts: Fact[] = [];
    let want = 1;
    for (let k = at + 1; k < Math.min(ctx.text.order.length, at + 80); k++) {
      const l = ctx.text.order[k]!;
      const m = item.exec(l.raw);
      // The list announced is the first one that follows, and ends at a marker of a higher level (the
      // order of 公文 numbering: 一、 > （一） > 1．): “…增加844.15万元。其中：” / “（一）收入预算总计…” / “（二）支出
      // 预算总计13649.07万元。包括：” / “1．…” — the 1．2．3． items are the parts of （二）'s total, not of 844.15.
      if (!m && higherMarker.test(l.raw)) break;
      if (!m) continue;
      if (Number(m[1]) !== want) break;
      const first = order.find((f) => lineKey(f.loc) === lineKey(l.loc) && (f.loc.start ?? 0) >= m[0].length && isAmount(f) && f.role !== 'change');
      if (!first || (first.section ?? null) !== (t.section ?? null) || first.role !== t.role || first.year !== t.year || first.unit !== t.unit) break;
      parts.push(first);
      want++;
    }
    const over = partsOverWhole(t, parts, `所列各项${parts.map((p) => show(p)).join('＋')}`);
    if (over) flags.push(over);
  });
  return flags;
}

const LEVELS: Record<string, number> = { 类: 1, 款: 2, 项: 3 };

const MARKER = /[（(]\s*\d{0,3}\s*(类|款|项)\s*[）)]/gu;

/** The names a label gives its 类/款/项 markers, by level (社会保障和就业支出（类）行政事业单位养老支出（款）→ 1:
 *  社会保障和就业, 2: 行政事业单位养老). */
function chainNames(label: string): Map<number, string> {
  const names = new Map<number, string>();
  let from = 0;
  for (const m of label.matchAll(MARKER)) {
    const name = fold(label.slice(from, m.index)).replace(/^[\d一二三四五六七八九十]+[、.．]/u, '').replace(/^[“"‘'（(]+|[”"’']+$/gu, '').replace(/支出$/u, '');
    if (name) names.set(LEVELS[m[1]!]!, name);
    from = m.index! + m[0].length;
  }
  return names;
}

/** The level a label's 类/款 mark names (1 类, 2 款, 3 项): its bracketed marker, else a bare 类 or 款 ending it
 *  (一般公共服务支出类, “财政事务”款; not 拨款), else 0. */
function classLevel(label: string): number {
  const name = fold(label);
  return markerLevel(name) || (/类$/u.test(name) ? 1 : /(?<!拨)款$/u.test(name) ? 2 : 0);
}

/** The deepest 类/款/项 marker a label prints (1, 2, 3), or 0. */
function markerLevel(label: string): number {
  let lv = 0;
  for (const m of label.matchAll(MARKER)) lv = Math.max(lv, LEVELS[m[1]!]!);
  return lv;
}

/** A 类 (or 款) figure followed by the figures of rows under it, each named with a deeper marker (“1、工资福利
 *  支出（类）1,608.22万元 /（1）基本工资（款）支出562.30万元 /（2）津贴补贴（款）支出913.77万元 …”, 功能分类
 *  or 经济分类 alike): the rows are parts of it, so together they cannot exceed it. The rows run until a figure
 *  of the same or a shallower level, or one without a marker, or another section; the parts are the rows of
 *  the shallowest deeper level (a 款 and its own 项 are not added together), each row once (a 项's figure
 *  restated in its paragraph is not another row). Whether every row is listed is unknown: only a sum above
 *  the figure is flagged. */
export function chainParts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  order.forEach((t, i) => {
    const level = markerLevel(t.label);
    if (!isLevel(t) || level >= 3) return;
    // (a figure without a marker heads such rows where its sentence announces them: “…机关运行经费支出预算
    // 3,348.98万元，比2016年增加…。其中：/（1）办公费（款）支出167.03万元。…”)
    let from = i + 1;
    // (a figure whose own words hold a direction — “…项目经费支出安排增加江苏法院云平台租赁费400万元。其中：” — is a
    // change told verb first, not the level a 其中 lists)
    if (!level && /增加|减少|调增|调减|压减|压缩|下降|上升|增长/u.test(t.label)) return;
    if (!level) {
      while (order[from] && (order[from]!.kind === 'percent' || order[from]!.role === 'change') && (order[from]!.section ?? null) === (t.section ?? null)) from++;
      const first = order[from];
      const lead = first ? textSpan(ctx.text, order[from - 1]!, first, 8) : null;
      // (no figure between: “…结转资金0万元…。（二）支出预算总计13,377.11。包括：” — a total whose unit is lost, or
      // one left blank, `…总计    万元。包括：`, announces that list, not the figure before it)
      const cut = lead === null ? -1 : lead.lastIndexOf('。');
      if (!first || lead === null || !/^(?:其中|包括)[:：]/u.test(lead.slice(cut + 1)) || /\d|万元|亿元/u.test(lead.slice(0, cut + 1)) || !markerLevel(first.label)) return;
      // (nor a figure of a sentence that explains a change: `…增长45.59%。主要原因是新增转拨项目…31000万元。其中：（一）…
      // （类）` lists the section's total's rows, not the new project's)
      if (cut >= 0 && inReason(ctx, t)) return;
    }
    const rows: Fact[] = [];
    const own = chainNames(t.label);
    const theClass = own.get(1) ?? classAbove(ctx, t);
    for (const f of order.slice(from, i + 120)) {
      if ((f.section ?? null) !== (t.section ?? null)) break;
      if (f.kind === 'percent' || f.role === 'change') continue;
      if (!isAmount(f)) continue;
      const lv = markerLevel(f.label);
      if (lv <= level) break;
      // A row that names another 类 or 款 than the figure's own is past its rows (in a page dump's line order the
      // next items' figures can follow a chain cut by its figure).
      const its = chainNames(f.label);
      if ([...own].some(([l, n]) => its.has(l) && its.get(l) !== n)) break;
      // (a 其中 or 包括 after the rows opens another breakdown of the same whole — “其中基本支出中：（1）工资福利支出
      // （款）…”, by economic class after the functional one — whose rows are not more parts)
      const last = rows[rows.length - 1];
      const gap = last ? textSpan(ctx.text, last, f, 8) : null;
      if (gap !== null && /其中|(?<!不)包括/u.test(gap)) break;
      // (a line naming another 类 between two rows — “（二）社会保障和就业支出（类）” with no figure of its own — opens
      // that 类's rows, however far apart the two rows are; the total's 类 is its own words' or the 类 line right
      // above it: “（一）公共安全支出（类）/ 检察（款）：…预算支出合计”)
      const between = last && theClass ? textSpan(ctx.text, last, f, 60) : null;
      if (between && [...between.replace(/\s/gu, '').matchAll(CLASS_LINE)].some((m) => chainNames(`${m[1]}（类）`).get(1) !== theClass)) break;
      if (f.role !== t.role || f.year !== t.year || f.unit !== t.unit || fold(f.label) === fold(t.label)) continue;
      if (rows.some((r) => fold(r.label) === fold(f.label))) continue;
      rows.push(f);
    }
    if (rows.length < 2) return;
    const top = Math.min(...rows.map((r) => markerLevel(r.label)));
    const parts = rows.filter((r) => markerLevel(r.label) === top);
    const over = partsOverWhole(t, parts, `所列各项${parts.map((p) => show(p)).join('＋')}`);
    if (over && !ctx.summed.has(`${lineKey(t.loc)}|${t.loc.start ?? ''}`)) flags.push(over);
  });
  return flags;
}

const CLASS_LINE = /([\u4e00-\u9fff]{2,20}?)[（(]\d{0,3}类[）)]/gu;

/** The 类 named by the line right above a figure's line, where that line holds no figure (“（一）公共安全支出（类）”). */
function classAbove(ctx: Ctx, t: Fact): string | undefined {
  const at = ctx.text.position.get(lineKey(t.loc));
  const above = at ? ctx.text.order[at - 1]?.raw.replace(/\s/gu, '') : undefined;
  if (!above || /\d[\d,]*\.\d|万元/u.test(above)) return undefined;
  const m = [...above.matchAll(CLASS_LINE)].pop();
  return m ? chainNames(`${m[1]}（类）`).get(1) : undefined;
}

/** A total stated with its 年初预算 and its 支出决算 (“一般公共预算财政拨款支出年初预算为86.86万元，支出决算为84.25万元，
 *  完成年初预算的98%。其中：”) and a 其中 list whose items each state both, in that order (“…行政运行（项）。年初预算为
 *  69.9万元，支出决算为77.88万元…”). Whether such a list is complete is unknown, but where one column of it adds
 *  up to its total, the list holds every item of the total: an item left out would have to be exactly zero in
 *  that column. The other column must then add up to its own total, at the printed precision; when it does
 *  not, one of its figures (or the total) is wrong. A warning on that total, naming the items' figures (which
 *  one is wrong is not known). When neither column adds up (a list that names the main items only), nothing. */
export function pairedLists(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const same = (a: Fact, b: Fact) => (a.section ?? null) === (b.section ?? null) && a.unit === b.unit && a.year === b.year;
  order.forEach((tb, i) => {
    const ta = order[i + 1];
    if (tb.role !== 'budget' || !isAmount(tb) || !ta || ta.role !== 'actual' || !isAmount(ta) || !same(tb, ta) || !sameSentence(ctx.text, tb, ta)) return;
    // the rates and changes stated right after the total are not items; the list opens with 其中 or 包括
    let k = i + 2;
    while (order[k] && (order[k]!.kind === 'percent' || order[k]!.role === 'change') && (order[k]!.section ?? null) === (ta.section ?? null)) k++;
    const first = order[k];
    if (!first || !same(first, tb)) return;
    const lead = textSpan(ctx.text, order[k - 1]!, first, 8);
    if (lead === null || !/(?:^|[。，,；;：:])(?:其中|包括)[:：，,]/u.test(lead)) return;
    const budgets: Fact[] = [];
    const actuals: Fact[] = [];
    let cut = false;
    for (let j = k; j < order.length; j++) {
      const f = order[j]!;
      if (f.kind === 'percent' || f.role === 'change') continue;
      const want = budgets.length === actuals.length ? 'budget' : 'actual';
      const fits = isAmount(f) && f.role === want && same(f, tb) && (want === 'budget' || sameSentence(ctx.text, budgets[budgets.length - 1]!, f));
      if (fits) (want === 'budget' ? budgets : actuals).push(f);
      else {
        // an item whose 年初预算 or 支出决算 cannot be read (left blank, its unit lost) cuts the list short: no
        // verdict; the list ends cleanly only at another section or at a figure that is no item's
        cut = want === 'actual' || (isAmount(f) && f.role === 'actual' && same(f, tb));
        break;
      }
    }
    if (budgets.length > actuals.length) cut = true;
    if (cut || actuals.length < 2) return;
    const fits = (t: Fact, parts: Fact[]) => {
      const [whole, ...figs] = figsOfSum(t, parts);
      return !whole || figs.some((x) => !x) ? null : sumFits(whole, figs as Fig[]);
    };
    // A total stated with two budgets (年初预算为2,993.92万元，调整预算为2,950.00万元，支出决算为…) has items whose budget
    // may be either: the items' budgets add up when they fit one of them, and which one they are not is unknown.
    const alts: Fact[] = [];
    for (let j = i - 1; j >= 0 && order[j]!.role === 'budget' && isAmount(order[j]!) && same(order[j]!, tb) && sameSentence(ctx.text, order[j]!, tb); j--) alts.push(order[j]!);
    // (where the words before the items' budgets name one of the two — 年初预算 or 全年/调整预算 — that one is theirs)
    const kind = (f: Fact) => (/年初/u.test((ctx.text.lines.get(lineKey(f.loc))?.raw ?? '').slice(Math.max(0, (f.loc.start ?? 0) - 6), f.loc.start ?? 0)) ? 'initial' : 'other');
    const kinds = new Set(budgets.map(kind));
    const named = alts.length && kinds.size === 1 ? [tb, ...alts].filter((t) => kind(t) === [...kinds][0]) : [];
    const tbb = named.length === 1 ? named[0]! : tb;
    const others = named.length === 1 ? [] : alts;
    const b = [tbb, ...others].some((t) => fits(t, budgets));
    const a = fits(ta, actuals);
    if (fits(tbb, budgets) === null || a === null || b === a || (!b && others.length)) return;
    const [t, parts, other] = b ? [ta, actuals, '年初预算'] : [tbb, budgets, '支出决算'];
    const word = b ? '支出决算' : '年初预算';
    const figs = figsTogether(parts);
    const sum = shownSum(figs, parts, t.unit);
    flags.push(
      makeFlag('SUM_MISMATCH', `所列各项${word}之和与总数不符：${parts.map((p) => p.text).join('＋')}＝${sum}，而总${word}为${show(t)}；所列各项的${other}之和与总${other}相符，应已列全（除非未列出的项目${other}为0）。`, { ...t.loc }, t.excerpt, {
        severity: 'warning',
        expected: sum,
        found: show(t),
      }),
    );
  });
  return flags;
}

export function sums(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const units = checksConfig().tolerances.amountUnits;
  const fact = (metric: string) => {
    const e = doc.summary[metric];
    if (!e) return undefined;
    const f = doc.facts.find((g) => g.id === e.factId);
    const y = e.yuan ?? (f ? yuanOf(f) : null) ?? (e.unit === '名' || e.unit === '人' || e.unit === '辆' ? e.value : null);
    return y === null ? undefined : { metric, entry: e, fact: f, yuan: y };
  };
  // A metric whose narrative statement disagrees with the summary's figure (the summary step flags that
  // conflict) is uncertain: no sum is checked with it.
  const uncertain = (metric: string) => {
    const e = doc.summary[metric];
    if (!e || e.yuan === undefined) return false;
    return doc.facts.some((f) => f.from === 'text' && f.metric === metric && isLevel(f) && f.yuan !== undefined && Math.abs(f.yuan - e.yuan!) > lastDigitYuan(f) * units);
  };
  for (const rule of checksConfig().sums) {
    if ([...rule.total, ...rule.parts].some(uncertain)) continue;
    const parts = rule.parts.map(fact);
    const present = parts.filter((p) => p !== undefined);
    if (!present.length) continue;
    // The totals are alternatives, the first the parts' own (一般公共预算财政拨款基本支出 before 基本支出). A
    // fallback stands in only where the parts are stated in its section: parts stated under a total that
    // could not be read (its unit lost: “基本支出79.98，其中：人员经费…”) are not parts of another one.
    const sections = new Set(present.map((p) => (p.fact?.from === 'text' ? (p.fact.section ?? null) : undefined)));
    // Nor are parts stated of one fund (人员经费/公用经费 under 一般公共预算财政拨款基本支出, its total blanked)
    // parts of the document's total: a fallback names no fund.
    const funded = present.some((p) => p.fact?.from === 'text' && !!p.fact.about?.fund);
    const totals = rule.total
      .map(fact)
      .filter((t, i) => t !== undefined && (i === 0 || (!funded && (t.fact?.from !== 'text' || sections.has(undefined) || sections.has(t.fact.section ?? null)))))
      .filter((t) => t !== undefined);
    if (!totals.length) continue;
    // A table figure whose row an identity found not adding up is flagged there: a sum through it is the
    // same defect (one flag per root cause).
    const rows = flaggedRows(doc);
    if ([...totals, ...present].some((x) => x.fact?.from === 'table' && rows.has(`${x.fact.about?.tableId}|${x.fact.about?.row}`))) continue;
    const all = present.length === parts.length;
    const sum = present.reduce((s, p) => s + p.yuan, 0);
    const tolOf = (t: (typeof totals)[number]) =>
      Math.max(...[t, ...present].map((x) => (x.fact ? lastDigitAmong(x.fact, [t, ...present].flatMap((y) => (y.fact ? [y.fact] : []))) : 1))) * units * Math.max(1, Math.ceil(present.length / 2));
    // A list is complete only where the total's statement names no other kind of its side: a 收入预算 stated with
    // 财政专户管理资金收入 or 上年结转结余 beside the template's items (Beijing's 预算: “（三）上年结转结余10.44万元”
    // under a 收入预算 of 9,626.78万元 whose 本年 items are 9,616.34万元) is the 收入总计, not the 本年收入合计
    // the items add up to — only the parts' sum above it is certain.
    const complete = rule.complete && all && !totals.some((t) => otherKinds(doc, t.fact, [...rule.total, ...rule.parts]));
    const ok = totals.some((t) => (complete ? Math.abs(sum - t.yuan) <= tolOf(t) : sum <= t.yuan + tolOf(t)));
    if (ok) continue;
    const t = totals[0]!;
    const unit = t.entry.unit;
    // (the sum at the finest precision of the figures it adds: 0万元 + 0.10万元 is 0.10万元, not “0万元”)
    const dec = Math.max(t.fact ? decimalsOf(t.fact.text) : 2, ...present.map((p) => (p.fact && p.fact.unit === unit ? decimalsOf(p.fact.text) : 0)));
    const isCount = t.fact?.kind === 'count';
    const fmt = (y: number) => (isCount ? `${y}${unit}` : formatAmount(y, unit, dec));
    // (shown with the cents a 元 figure prints: the integer 元 the sum compares rounds them)
    const shown = (x: { fact?: Fact | null; yuan: number }) => (x.fact && !isCount && x.fact.unit === unit ? (exactYuan(x.fact) ?? x.yuan) : x.yuan);
    const sumShown = present.reduce((a, p) => a + shown(p), 0);
    // each part as printed (公务接待费支出0.10万元), the total as printed
    const names = present.map((p) => `${p.fact?.label ?? p.metric}${p.fact && !isCount && p.fact.unit === unit ? show(p.fact) : fmt(p.yuan)}`).join('＋');
    const what = t.fact?.label ?? t.metric;
    const message =
      complete
        ? `各部分之和与合计不符：${names}＝${fmt(sumShown)}，而${what}为${t.fact && !isCount && t.fact.unit === unit ? show(t.fact) : fmt(t.yuan)}。`
        : `部分大于整体：${names}${present.length > 1 ? `＝${fmt(sumShown)}` : ''}，超过${what}${fmt(shown(t))}。`;
    const loc = t.fact?.loc ?? null;
    flags.push(makeFlag('SUM_MISMATCH', message, loc ? { ...loc } : null, t.fact?.excerpt ?? null, { expected: fmt(sumShown), found: fmt(shown(t)) }));
  }
  return flags;
}

/** Whether the text section of an income total (a fact read from the text) states a nonzero figure of another
 *  income kind than the metrics given: a 财政专户 or 上年结转/结余 amount of the total's role and year whose metric
 *  is none of them (财政专户管理资金收入, 上年结转结余) — kinds a 收入总计 holds and a 本年收入合计 does not. Only for
 *  income totals. */
function otherKinds(doc: ExtractedDocument, t: Fact | undefined, metrics: string[]): boolean {
  if (!t || t.from !== 'text' || !/收入/u.test(t.label) || /支出/u.test(t.label)) return false;
  return doc.facts.some(
    (f) =>
      f !== t &&
      f.from === 'text' &&
      isLevel(f) &&
      (f.section ?? null) === (t.section ?? null) &&
      f.role === t.role &&
      f.year === t.year &&
      (f.yuan ?? 0) > 0 &&
      !(f.metric && metrics.includes(f.metric)) &&
      /专户|结转|结余/u.test(fold(f.label)) &&
      !/支出|下年|年末|年终/u.test(f.label),
  );
}

/** Two or more parts whose printed figures exceed their whole beyond the slack of every figure's rounding:
 *  a SUM_MISMATCH on the whole (`listed` says the parts as the message names them, `wholeName` the whole: its label by
 *  default). Also class-changes.ts's 类 against its 项. */
export function partsOverWhole(t: Fact, parts: Fact[], listed: string, min = 2, wholeName?: string): Flag | null {
  if (parts.length < min) return null;
  const [whole, ...figs] = figsOfSum(t, parts);
  if (!whole || figs.some((x) => !x)) return null;
  const sum = figs.reduce((a, x) => a + x!.v, 0n);
  const slack = whole.h + figs.reduce((a, x) => a + x!.h, 0n);
  if (sum - whole.v < slack) return null;
  const total = shownAmount(sum, parts, t.unit);
  return flagOn(t, 'SUM_MISMATCH', `部分大于整体：${listed}${parts.length > 1 ? `＝${total}` : ''}，超过${wholeName ?? (t.label || '合计')}${show(t)}。`, `不超过${show(t)}`, total);
}
