// The parts of a change against the change: their sum (SUM_MISMATCH) and their directions (DIRECTION_CONFLICT).
import { flatWords } from './prose-levels.js';
import type { Fact, Flag } from '../model.js';
import { bracketDepth } from '../brackets.js';
import { checksConfig } from './config.js';
import { loadPattern } from '../patterns.js';
import { makeFlag, placeOf } from './flag.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { reasonRules } from './text-rules.js';
import { lineKey } from './lines.js';
import { decimalsOf, formatAmount, isAmount, lastDigitYuan, yuanOf } from './numbers.js';
import { type Ctx, currentOf, figsTogether, lastDigitAmong, flagOn, show, isChangeAmount, isLevel, rateOf, sameSentence, fold, textBetween, readingOrder } from './prose-figures.js';

/** The parts of a change add up to the change: where one paragraph states the change of a total and
 *  the changes of all its parts (a `complete` rule of patterns/checks.yaml `sums`: 三公 = 因公出国 + 公务用车
 *  + 公务接待), the signed part changes (减少 negative) must sum to the total's, within the printed
 *  intervals (± half a unit of each figure's last digit). Flagged on the total's change. */
export function changeSums(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  for (const list of ctx.byLine.values()) {
    const changes = list.filter((f) => isChangeAmount(f) && f.metric && f.direction && !ctx.suspect.has(f.id));
    for (const rule of checksConfig().sums.filter((r) => r.complete)) {
      for (const t of changes.filter((f) => rule.total.includes(f.metric!))) {
        const parts = rule.parts.map((m) => changes.filter((f) => f.metric === m && f.unit === t.unit));
        if (parts.some((p) => p.length > 1)) continue;
        const ps = parts.flatMap((p) => p);
        // Some parts unstated: only where the year's levels show them empty (unlisted below).
        const unlisted = ps.length < rule.parts.length;
        if (unlisted && (ps.length < 2 || !levelsComplete(ctx, currentOf(list, t), t, ps.map((f) => f.metric!)))) continue;
        const signed = (f: Fact) => (f.direction === 'decrease' ? -1 : f.direction === 'flat' ? 0 : 1) * (yuanOf(f) ?? NaN);
        const total = signed(t);
        const sum = ps.reduce((a, f) => a + signed(f), 0);
        if (!Number.isFinite(total) || !Number.isFinite(sum)) continue;
        const slack = [t, ...ps].reduce((a, f) => a + lastDigitAmong(f, [t, ...ps]) / 2, 0);
        if (Math.abs(total - sum) < slack || total === sum) continue;
        const fmt = (y: number) => `${y < 0 ? '减少' : '增加'}${formatAmount(Math.abs(y), t.unit, decimalsOf(t.text))}`;
        const names = ps.map((f) => `${f.label || f.metric}${f.direction === 'decrease' ? '减少' : f.direction === 'flat' ? '持平' : '增加'}${show(f)}`).join('，');
        const msg = `各部分的变动之和与总变动不符：${names}，合计${fmt(sum)}，而${t.label || t.metric}${fmt(total)}`;
        if (!unlisted) flags.push(flagOn(t, 'SUM_MISMATCH', `${msg}。`, fmt(sum), fmt(total)));
        // The unlisted parts are empty this year: each could only have fallen (to 0 from last year's figure), so the
        // listed parts' changes add up to the total's or more. Less is impossible (an error); more is possible only
        // where the unlisted parts held that much last year (a warning).
        else if (sum < total) flags.push(flagOn(t, 'SUM_MISMATCH', `${msg}（未列出的部分本年为0，只可能减少）。`, fmt(sum), fmt(total)));
        else {
          const f = flagOn(t, 'SUM_MISMATCH', `${msg}，除非未列出的部分（本年为0）上年合计${formatAmount(sum - total, t.unit, decimalsOf(t.text))}。`, fmt(sum), fmt(total));
          flags.push({ ...f, severity: 'warning' });
        }
      }
    }
  }
  return [...flags, ...fundSplits(ctx)];
}

/** Whether the document's own levels of the year show a total made of the given parts only (收入总计477,447.73 = 财政拨款
 *  279,818.00 + 事业收入144,017.87 + 其他收入53,611.86: the other parts of its rule are empty this year): the level the
 *  change's own sentence states (`own`) and the summary's figure of each part, of the change's year, add up within the
 *  printed intervals, and no other part of the total is stated with an amount other than 0. The level must be the
 *  sentence's own: a 收入总计 that holds 年初结转和结余 shares its metric with the 本年收入合计 the summary gives, and
 *  its change holds the carry-over's, which no listed part does. */
function levelsComplete(ctx: Ctx, own: Fact | undefined, t: Fact, parts: string[]): boolean {
  if (!own || own.unit !== t.unit) return false;
  const year = ctx.doc.document.year;
  if (year === null || (t.year !== null && t.year !== year)) return false;
  const level = (m: string) => {
    const e = ctx.doc.summary[m];
    const f = e ? ctx.doc.facts.find((g) => g.id === e.factId) : undefined;
    if (!f || !isLevel(f) || (f.year !== null && f.year !== year)) return null;
    return figOf(f.text, f.unit);
  };
  const total = figOf(own.text, own.unit);
  const figs = parts.map(level);
  if (!total || figs.some((x) => !x)) return false;
  if (!sumFits(total, figs as Fig[])) return false;
  // (a stated figure of another part of the total that is not 0 contradicts the reading)
  const others = checksConfig().sums.find((r) => r.complete && r.total.includes(t.metric!))?.parts.filter((m) => !parts.includes(m)) ?? [];
  return others.every((m) => {
    const e = ctx.doc.summary[m];
    return !e || e.value === 0;
  });
}

/** The parts of a fund's change (rv9 M11: `一般公共预算财政拨款支出减少63.14万元…其中：基本支出增加20.00万元，项目支出减少
 *  73.14万元`, or the same parts given as the reason, 一是…二是…): within one fiscal fund a 决算's spending is 基本支出 +
 *  项目支出 (patterns/checks.yaml `fundSplit`), so where a paragraph states the change of the fund's total and, after it,
 *  one change of each part under the same fund, the signed part changes add up to the total's change within the
 *  printed intervals. Flagged on the total's change (SUM_MISMATCH). */
export function fundSplits(ctx: Ctx): Flag[] {
  const cfg = loadPattern<{ fundSplit?: { kinds: string[]; totals: string[]; parts: string[][] } }>('checks.yaml').fundSplit;
  if (!cfg || !cfg.kinds.includes(ctx.doc.document.kind ?? '')) return [];
  const flags: Flag[] = [];
  const signed = (f: Fact) => (f.direction === 'decrease' ? -1 : 1) * (yuanOf(f) ?? NaN);
  for (const list of ctx.byLine.values()) {
    const changes = list.filter((f) => isChangeAmount(f) && f.metric && (f.direction === 'increase' || f.direction === 'decrease') && !ctx.suspect.has(f.id));
    for (const t of changes) {
      if (!cfg.totals.includes(t.metric!) || !t.about?.fund) continue;
      const after = changes.slice(changes.indexOf(t) + 1);
      const ps = cfg.parts.map((names) => after.filter((f) => names.includes(f.metric!) && f.about?.fund === t.about?.fund && f.unit === t.unit));
      if (ps.some((p) => p.length !== 1)) continue;
      const parts = ps.map((p) => p[0]!);
      const total = signed(t);
      const sum = parts.reduce((a, f) => a + signed(f), 0);
      if (!Number.isFinite(total) || !Number.isFinite(sum)) continue;
      const slack = [t, ...parts].reduce((a, f) => a + lastDigitAmong(f, [t, ...parts]) / 2, 0);
      if (Math.abs(total - sum) < slack || total === sum) continue;
      const fmt = (y: number) => `${y < 0 ? '减少' : '增加'}${formatAmount(Math.abs(y), t.unit, decimalsOf(t.text))}`;
      const names = parts.map((f) => `${f.label || f.metric}${f.direction === 'decrease' ? '减少' : '增加'}${show(f)}`).join('，');
      flags.push(flagOn(t, 'SUM_MISMATCH', `各部分的变动之和与总变动不符：${names}，合计${fmt(sum)}，而${t.label || t.metric}${fmt(total)}。`, fmt(sum), fmt(total)));
    }
  }
  return flags;
}

/** A change broken down into the changes of its parts (“…与上年全年预算数相比增加2,898.54万元。其中：1.教育支出
 *  比上年增加3,805.13万元…3.科学技术支出比上年减少1,985.18万元…”): the signed parts add up to the total.
 *  Whether a list is complete is not known, so a sum that does not fit is no evidence by itself: a word
 *  (增加↔减少) is flagged only when turning that one word makes the total fit and breaks no sum that fits
 *  as printed. The parts are the changes that follow the total (after its 其中, in its section; else in
 *  its paragraph), any run of two or more of them; an item stated unchanged (“因公出国（境）费0万元，比2023年
 *  预算持平”) is a part, and a total, of change 0. Sums that share figures are read together: where the
 *  三公 total, its 公务用车 line and that line's own 购置费/运行费 are stated, the one word that contradicts
 *  both its parent and its children is the one flagged. */
export function breakdownDirections(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const order = readingOrder(ctx);
  const flat = flatWords();
  type Item = { f: Fact; v: number };
  const usable = (f: Fact) => isChangeAmount(f) && (f.direction === 'increase' || f.direction === 'decrease') && yuanOf(f) !== null && !ctx.suspect.has(f.id);
  // An unchanged item: a level amount whose clause goes on to say it is the same as last year's.
  const unchanged = (f: Fact, i: number) => {
    if (!isLevel(f) || !flat) return false;
    const next = order[i + 1];
    const line = ctx.text.lines.get(lineKey(f.loc));
    if (!line || f.loc.end === undefined) return false;
    const upTo = next && lineKey(next.loc) === lineKey(f.loc) ? next.loc.start ?? undefined : undefined;
    let after = line.raw.slice(f.loc.end, upTo);
    // (a clause wrapped to the next line of its paragraph: “公务用车运行费21.56万元，” / “比2024年预算持平”)
    const at = ctx.text.position.get(lineKey(f.loc));
    const nl = upTo === undefined && at !== undefined ? ctx.text.order[at + 1] : undefined;
    if (nl && ctx.text.paragraph.get(lineKey(nl.loc)) === ctx.text.paragraph.get(lineKey(f.loc))) after += next && lineKey(next.loc) === lineKey(nl.loc) ? nl.raw.slice(0, next.loc.start) : nl.raw;
    // (the next sentence may open with the comparison of this figure: “公务接待费1.35万元。比2024年预算持平”)
    return new RegExp(`^[，,。]?(?:比|与|较)[^，,。；;]{0,16}(?:${flat})`, 'u').test(fold(after));
  };
  // A reason's amount whose direction word comes before the words it qualifies (“主要原因是基本支出增加人员工资、
  // 住房公积金、提租补贴等3397.18万元、项目经费支出安排减少1134.33万元…”): read as a change of that direction, as
  // a part only (never a total): the one direction word of its clause — from the figure before it, or its
  // sentence's start, to it — in a sentence that gives a reason.
  const r = reasonRules();
  const reasonChange = (f: Fact, i: number): number | null => {
    if (!r || !isAmount(f) || f.role === 'change' || f.kind !== 'amount' || yuanOf(f) === null || i === 0) return null;
    const lead = sentenceLead(ctx, f);
    if (lead === null || !new RegExp(r.opens.source, 'u').test(lead)) return null;
    const prev = order[i - 1]!;
    const gap = sameSentence(ctx.text, prev, f, /。/u) ? textBetween(ctx.text, prev, f) : lead;
    if (gap === null) return null;
    const clause = gap.slice(Math.max(gap.lastIndexOf('，'), gap.lastIndexOf(','), gap.lastIndexOf('；'), gap.lastIndexOf(';'), gap.lastIndexOf('。')) + 1);
    const up = [...clause.matchAll(r.up)].length;
    const down = [...clause.matchAll(r.down)].length;
    if ((up > 0) === (down > 0) || (r.inverse && r.inverse.test(clause))) return null;
    return (up ? 1 : -1) * yuanOf(f)!;
  };
  // the level a change is of: the nearest amount before it in its sentence that is no change
  const levelOf = (i: number): Fact | undefined => {
    for (let k = i - 1; k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) {
      const g = order[k]!;
      // (the prior year's figure stated before the change — 比2024年预算（450.00万元）增加50.00万元 — is its base, not its level)
      if (g.kind === 'percent' || g.role === 'change' || g.role === 'prior_year') continue;
      return isLevel(g) && g.unit === order[i]!.unit && g.yuan !== undefined ? g : undefined;
    }
    return undefined;
  };
  const blockMarker = /^\s*(?:[（(]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、．.])/u;
  const inferred = new Set<Fact>();
  const items: (Item | null)[] = order.map((f, i) => {
    // A change inside brackets its sentence opened (`公务用车购置及运行维护费74.1万元（购置费0万元，比上年减少18万元；运行维护费
    // 74.1万元，比上年增加57.2万元。）比上年增加39.2万元`) details the item before the brackets: it is neither a total nor a part
    // of the list around it. Read as items, such a breakdown and its total cancel when the total is flipped, and a zero
    // change before them read as their total explained that flip (广州 2026 预算 三公 paragraphs: false DIRECTION_CONFLICT).
    if (inBrackets(ctx, f)) return null;
    // A change against another year than the last (“比上年决算数增加38.97万元…；比2019年(疫情前)决算数减少24.87万元”,
    // 广东省财政厅 2023 三公) is another comparison: neither the total of the year-on-year changes around it nor one of them.
    if (otherBaseYear(ctx, f)) return null;
    if (usable(f)) return { f, v: (f.direction === 'decrease' ? -1 : 1) * yuanOf(f)! };
    if (unchanged(f, i)) return { f, v: 0 };
    const v = reasonChange(f, i);
    if (v === null) return null;
    inferred.add(f);
    return { f, v };
  });
  const half = (f: Fact) => lastDigitYuan(f) / 2;
  // The same level, within the printed intervals: a total restated rounded (27664.22万元 … 2.77亿元) is the total.
  const sameLevel = (a: Fact | undefined, b: Fact) => !!a && a.yuan !== undefined && b.yuan !== undefined && (a.yuan === b.yuan || Math.abs(a.yuan - b.yuan) < half(a) + half(b));
  interface Eq {
    t: Item;
    runs: Item[][];
    /** Items whose flip makes some run fit (when no run fits as printed). */
    flips: Set<Fact>;
    ok: boolean;
    complete: boolean;
  }
  const eqs: Eq[] = [];
  items.forEach((t, i) => {
    if (!t || inferred.has(t.f)) return;
    // (a count or a rate stated in the reason — 新增1辆公务用车 — is not where the list opens: its 其中 is
    // looked for up to the next amount)
    const next = order.slice(i + 1).find((f) => f.kind === 'amount');
    if (!next) return;
    const between = textBetween(ctx.text, t.f, next);
    if (between === null) return;
    // The parts follow the total's 其中, or stay within its paragraph (…增加150万元，增长19.74%。主要原因是
    // 援藏经费预算增加100万元、扶贫经费预算增加50万元).
    const para = ctx.text.paragraph.get(lineKey(t.f.loc));
    // A 其中 that opens a new sentence lists the parts of that sentence's one change; a sentence of several
    // changes (the reasons for a change: “主要原因是基本支出增加1447.63万元、项目支出减少200万元、单位预留机动经费
    // 增加3075.14万元。其中：（一）…”) has no one total, and its last figure is a part, not the list's total —
    // unless it is the sentence's first change (“…增长6.69%。主要原因是基本支出增加1408.29万元、项目支出安排增加
    // 400万元。其中：” belongs to the sentence's first change).
    const afterStop = /。[^。]*其中/u.test(between);
    const inSentence = (k: number) => k >= 0 && sameSentence(ctx.text, order[k]!, t.f, /。/u);
    let lead = true;
    for (let k = i - 1; afterStop && inSentence(k); k--) if (items[k] && items[k]!.v !== 0) lead = false;
    const listed = between.includes('其中') && (!afterStop || lead || soleChangeOfSentence(ctx, order, i));
    const parts: Item[] = [];
    const tLevel = levelOf(i);
    // A 其中 of blocks that each restate the whole (“其中：（一）收入预算总计20849.45万元。包括：… （二）支出预算总计
    // 20849.45万元。包括：…”) gives two breakdowns of one total, income side and spending side: the parts are
    // those of the first block; the second opens another breakdown.
    let wholes = 0;
    let lastPart: Fact | null = null;
    for (let j = i + 1; j < Math.min(order.length, i + 30); j++) {
      const f = order[j]!;
      if ((f.section ?? null) !== (t.f.section ?? null)) break;
      if (!listed && ctx.text.paragraph.get(lineKey(f.loc)) !== para) break;
      if (tLevel && isLevel(f) && sameLevel(f, tLevel) && blockMarker.test(ctx.text.lines.get(lineKey(f.loc))?.raw.slice(0, f.loc.start ?? 0) ?? '') && ++wholes > 1) break;
      const it = items[j];
      // A change of a figure equal to the total's own (“（一）收入预算总计27664.22万元…一般公共预算收入预算27664.22万元，
      // 与上年相比增加3205.79万元”) is the total restated under another name, not one of its parts.
      // (one of the funds a source is made of may be all of it, the others 0: that is a part)
      const fundPart = !!it?.f.about?.fund && (fundParts()[t.f.about?.fund ?? ''] ?? []).includes(it.f.about.fund);
      // The reason given for a part (“公务接待费预算5.13万元，比2021年减少5.31万元，主要原因是…研究院预算减少2.44万元，社科院
      // 减少1.79万元…；公务用车…”) breaks that part down, not the total: its changes, up to the end of the part's clause
      // (；or 。after the reason), are no parts of the list (西安 科技创新局 2022 三公: false DIRECTION_CONFLICT).
      if (it && lastPart && reasonOfPart(ctx, lastPart, it.f)) continue;
      if (it && it.f.unit === t.f.unit && (fundPart || !(tLevel && sameLevel(levelOf(j), tLevel)))) {
        parts.push(it);
        lastPart = it.f;
      }
      if (parts.length >= 10) break;
    }
    if (parts.length < 2 || parts.every((p) => p.v === 0)) return;
    const runs = parts.map((_, n) => parts.slice(0, n + 1)).filter((r) => r.length >= 2);
    // A list known to be complete: a source's change broken down by the funds that make it up (财政拨款 =
    // 一般公共预算 + 政府性基金 + 国有资本经营, patterns/identities.yaml claims.fundParts), each stated once.
    const funds = fundParts()[t.f.about?.fund ?? ''];
    const firsts = funds ? parts.slice(0, funds.length).map((x) => x.f.about?.fund) : [];
    const complete = !!funds && firsts.length === funds.length && funds.every((f) => firsts.filter((x) => x === f).length === 1);
    eqs.push({ t, runs: complete ? [parts.slice(0, funds!.length)] : runs, flips: new Set(), ok: false, complete });
  });
  const fits = (total: number, sum: number, t: Item, run: Item[]) => total === sum || Math.abs(total - sum) < [t, ...run].reduce((a, x) => a + half(x.f), 0);
  const sumOf = (run: Item[]) => run.reduce((a, x) => a + x.v, 0);
  for (const e of eqs) {
    e.ok = e.runs.some((r) => fits(e.t.v, sumOf(r), e.t, r));
    if (e.ok) continue;
    for (const r of e.runs) {
      const sum = sumOf(r);
      if (e.t.v !== 0 && fits(-e.t.v, sum, e.t, r)) e.flips.add(e.t.f);
      // (a reason's amount read as a change is evidence, never the word flagged: its word is not beside it)
      for (const x of r) if (x.v !== 0 && !inferred.has(x.f) && fits(e.t.v, sum - 2 * x.v, e.t, r)) e.flips.add(x.f);
    }
  }
  // Would flipping `f` break a sum that fits as printed?
  const breaks = (f: Fact, e: Eq) =>
    !e.runs.some((r) => {
      const tv = e.t.f === f ? -e.t.v : e.t.v;
      const sum = r.reduce((a, x) => a + (x.f === f ? -x.v : x.v), 0);
      return fits(tv, sum, e.t, r);
    });
  const memberSets = new Map(eqs.map((e) => [e, new Set([e.t.f, ...e.runs[e.runs.length - 1]!.map((x) => x.f)])]));
  const members = (e: Eq) => memberSets.get(e)!;
  // the sums each figure takes part in
  const eqsOf = new Map<Fact, Eq[]>();
  for (const e of eqs) for (const f of members(e)) eqsOf.set(f, [...(eqsOf.get(f) ?? []), e]);
  // A change whose unit is lost (“与上年相比增加 / 1408.29，增长8.96%”) is a member of unknown amount: no
  // breakdown that spans its line is evidence about a word.
  // (read with the start of the next line of its paragraph: a unit wrapped to it is not lost)
  const bareChange = /(?:增加|减少|增长|下降)了?\d[\d,]*(?:\.\d+)?(?=[，。；;、]|$)/gu;
  const paraOf = (i: number) => ctx.text.paragraph.get(lineKey(ctx.text.order[i]!.loc));
  const unknown = ctx.text.order.flatMap((l, i) => {
    const next = i + 1 < ctx.text.order.length && paraOf(i + 1) === paraOf(i) ? ctx.text.order[i + 1]!.text : '';
    // (a change of this line: one at the end of the next line may have its unit on the line after that)
    return [...(l.text + next).matchAll(bareChange)].some((m) => m.index! < l.text.length) ? [i] : [];
  });
  const spans = (e: Eq) => {
    const at = (f: Fact) => ctx.text.position.get(lineKey(f.loc)) ?? -1;
    const last = e.runs[e.runs.length - 1]!;
    const lo = at(e.t.f);
    const hi = Math.max(lo, ...last.map((x) => at(x.f)));
    return unknown.some((i) => i >= lo && i <= hi);
  };
  const flagged = new Set<Fact>();
  for (const e of eqs) {
    if (e.ok || (!e.flips.size && !e.complete) || spans(e)) continue;
    let cand = [...e.flips];
    const others = new Set([...members(e)].flatMap((f) => eqsOf.get(f) ?? []));
    for (const o of others) {
      if (o === e) continue;
      if (o.ok) cand = cand.filter((f) => !members(o).has(f) || !breaks(f, o));
      // (a failing sum that no one word explains is no breakdown at all — a reason's last amount followed
      // by the section's 其中 list, 江苏高院 2017 p19 — and no evidence against a word)
      else if (o.flips.size || o.complete) cand = cand.filter((f) => o.flips.has(f));
    }
    if (cand.length !== 1 && e.complete && !flagged.has(e.t.f)) {
      // No one word explains it: the amounts themselves disagree.
      flagged.add(e.t.f);
      const t = e.t.f;
      const r = e.runs[0]!;
      const fmt = (y: number) => `${y < 0 ? '减少' : y > 0 ? '增加' : '持平'}${y ? formatAmount(Math.abs(y), t.unit, decimalsOf(t.text)) : ''}`;
      const names = r.map((x) => `${x.f.label || x.f.about?.fund}${fmt(x.v)}`).join('，');
      flags.push(flagOn(t, 'SUM_MISMATCH', `各资金来源的变动之和与总变动不符：${names}，合计${fmt(sumOf(r))}，而${t.label || '合计'}${fmt(e.t.v)}。`, fmt(sumOf(r)), fmt(e.t.v)));
      continue;
    }
    if (cand.length !== 1 || flagged.has(cand[0]!)) continue;
    const f = cand[0]!;
    flagged.add(f);
    const t = e.t.f;
    const word = f.direction === 'decrease' ? '减少' : '增加';
    const other = f.direction === 'decrease' ? '增加' : '减少';
    const tw = e.t.v === 0 ? '持平' : `${t.direction === 'decrease' ? '减少' : '增加'}${show(t)}`;
    const what = f === t ? `总变动与各部分变动之和方向相反` : `各部分变动之和与总变动不符，唯有此项为${other}才相符`;
    flags.push(flagOn(f, 'DIRECTION_CONFLICT', `变动方向与分项之和不符：${what}（${t.label || '合计'}${tw}）；此处写${word}${show(f)}。`, `${other}${show(f)}`, `${word}${show(f)}`));
  }
  return flags;
}

/** Whether f stands in the reason given for the change `part` (a reason opens between them — patterns/identities.yaml
 *  claims.reasons.opens — and no clause ends after it: no ；/。 between the reason's opening and f). */
function reasonOfPart(ctx: Ctx, part: Fact, f: Fact): boolean {
  const r = reasonRules();
  const between = textBetween(ctx.text, part, f);
  if (!r || between === null) return false;
  const opens = [...between.matchAll(new RegExp(r.opens.source, 'gu'))];
  if (!opens.length) return false;
  const last = opens[opens.length - 1]!;
  return !/[；;。]/u.test(between.slice(last.index + last[0].length));
}

/** Whether f stands inside brackets opened earlier in its sentence and not closed before it. */
function inBrackets(ctx: Ctx, f: Fact): boolean {
  const lead = sentenceLead(ctx, f);
  return lead !== null && bracketDepth(lead) > 0;
}

/** Whether f's clause compares with a year named by number other than the year before the document's
 *  (比2019年…减少24.87万元 in a 2023 report): a change against an older base. */
function otherBaseYear(ctx: Ctx, f: Fact): boolean {
  const lead = sentenceLead(ctx, f);
  const year = ctx.doc.document.year;
  if (lead === null || year === null) return false;
  const clause = lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf(','), lead.lastIndexOf('；'), lead.lastIndexOf(';')) + 1);
  const m = /(?:比|较|与|同)(\d{4})年/u.exec(clause);
  return !!m && Number(m[1]) !== year - 1 && Number(m[1]) !== year;
}

/** The folded text of f's sentence before f (back to the last 。, at most a few lines); null when unknown. */
function sentenceLead(ctx: Ctx, f: Fact): string | null {
  const at = ctx.text.position.get(lineKey(f.loc));
  if (at === undefined) return null;
  let lead = ctx.text.order[at]!.raw.slice(0, f.loc.start ?? 0);
  for (let k = at - 1; k >= Math.max(0, at - 4) && !lead.includes('。'); k--) lead = ctx.text.order[k]!.raw + lead;
  return fold(lead.slice(lead.lastIndexOf('。') + 1));
}

/** Whether order[i], a change, is the one change of its sentence (back to the last 。), and that
 *  sentence gives no reason (patterns/identities.yaml claims.reasons.opens): the change of a figure, not
 *  one of the changes that explain another. */
function soleChangeOfSentence(ctx: Ctx, order: Fact[], i: number): boolean {
  const t = order[i]!;
  for (let k = i - 1; k >= 0 && sameSentence(ctx.text, order[k]!, order[k + 1]!, /。/u); k--) if (isChangeAmount(order[k]!)) return false;
  const opens = reasonRules()?.opens;
  if (!opens) return true;
  const lead = sentenceLead(ctx, t);
  return lead === null || !new RegExp(opens.source, 'u').test(lead);
}

/** The funds a source is made of (patterns/identities.yaml claims.fundParts). */
function fundParts(): Record<string, string[]> {
  return loadPattern<{ claims?: { fundParts?: Record<string, string[]> } }>('identities.yaml').claims?.fundParts ?? {};
}

/** A change stated as the net of the reasons listed before it (patterns/identities.yaml claims.net:
 *  “…会议费预算支出1469.73万元，比上年预算增加164.48万元，主要原因…压减10%，…专项经费增加200万元，增减相抵后
 *  增加164.48万元”) restates the first change of its paragraph, the change the reasons explain: the two
 *  signed amounts must agree within their printed intervals. The same amount turned around is a
 *  DIRECTION_CONFLICT, another amount a VALUE_CONFLICT; flagged on the net, naming the first. */
export function netChanges(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const words = loadPattern<{ claims?: { net?: string } }>('identities.yaml').claims?.net;
  if (!words) return flags;
  const re = new RegExp(words, 'u');
  for (const list of ctx.byLine.values()) {
    const changes = list.filter((f) => isChangeAmount(f) && (f.direction === 'increase' || f.direction === 'decrease') && !ctx.suspect.has(f.id));
    const first = changes[0];
    // The change the reasons explain is the change of the figure stated right before it (…预算支出1469.73万元，
    // 比上年预算增加164.48万元); one whose own rate says the other direction is the direction rule's.
    // A paragraph that opens with the change (“与上年相比减少710.87万元，…增减相抵后与上年相比减少710.87万元”: its
    // figure ends the sentence before) is about that change too.
    if (!first || (list.indexOf(first) > 0 && !isLevel(list[list.indexOf(first) - 1]!))) continue;
    const own = rateOf(list, first);
    if (own?.direction && own.direction !== 'flat' && own.direction !== first.direction) continue;
    for (const c of changes.slice(1)) {
      const prev = list[list.indexOf(c) - 1];
      const lead = prev ? textBetween(ctx.text, prev, c) : null;
      if (!re.test(fold(c.label)) && !(lead !== null && re.test(lead.slice(Math.max(lead.lastIndexOf('，'), lead.lastIndexOf('；'), lead.lastIndexOf('。')) + 1)))) continue;
      if (c.unit !== first.unit) continue;
      const [a, b] = figsTogether([first, c]);
      if (!a || !b) continue;
      const sign = (f: Fact, x: Fig): Fig => (f.direction === 'decrease' ? { v: -x.v, h: x.h } : x);
      if (sumFits(sign(first, a), [sign(c, b)])) continue;
      const word = (f: Fact) => (f.direction === 'decrease' ? '减少' : '增加');
      const where = placeOf(first.loc);
      if (sumFits(a, [b]))
        flags.push(flagOn(c, 'DIRECTION_CONFLICT', `增减相抵后的变动与本段所述变动方向相反：此处${word(c)}${show(c)}，而${where}为${word(first)}${show(first)}。`, `${word(first)}${show(c)}`, `${word(c)}${show(c)}`));
      else flags.push(makeFlag('VALUE_CONFLICT', `增减相抵后的变动与本段所述变动不一致：此处${word(c)}${show(c)}，而${where}为${word(first)}${show(first)}。`, { ...c.loc }, c.excerpt, { severity: 'error', expected: `${word(first)}${show(first)}`, found: `${word(c)}${show(c)}` }));
    }
  }
  return flags;
}
