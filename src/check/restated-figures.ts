// One figure stated twice in prose with different values (VALUE_CONFLICT).
import type { Fact, Flag } from '../model.js';
import { checksConfig, metricNames } from './config.js';
import { placeOf } from './flag.js';
import { canonicalSections } from '../outline.js';
import { figOf, restates, sumFits } from './identities.js';
import { isAmount, yuanOf } from './numbers.js';
import { lineKey } from './lines.js';
import { type Ctx, flagOn, show, levelRolesFor, fold, isBefore, tolOf, readingOrder, sameSentence } from './prose-figures.js';

/** One statement made twice (江苏 预算: “主要原因是基本支出增加…3397.18万元、项目经费支出安排减少1134.33万元、单位预留
 *  机动经费增加1753.34万元” in the overview and again under 财政拨款): where two paragraphs state a run of three or
 *  more figures with the same words, roles, directions, years and units in the same order, and every figure
 *  of the run agrees but one, that one is a conflict (VALUE_CONFLICT). Where three or more copies are printed,
 *  the copies that differ from the majority are flagged; of two, the later. Copies are in different sections
 *  (lists of like items in one section — one per unit — are not one statement); copies under different funds
 *  are compared only as the overview (no fund) and the 财政拨款 part, where the document spends nothing outside
 *  财政拨款. A warning: which copy is wrong is the majority's guess. */
export function restatedRuns(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const sig = (f: Fact) => `${f.role}|${f.direction ?? ''}|${fold(f.label)}|${f.unit}|${f.year ?? ''}`;
  const paras = [...ctx.byLine.values()].map((list) => list.filter((f) => isAmount(f) && f.role !== 'share' && f.role !== 'other' && fold(f.label).length >= 2));
  const at = new Map<string, { p: number; i: number }[]>();
  paras.forEach((seq, p) => {
    for (let i = 0; i + 2 < seq.length; i++) {
      const k = `${sig(seq[i]!)}\u0001${sig(seq[i + 1]!)}\u0001${sig(seq[i + 2]!)}`;
      at.set(k, [...(at.get(k) ?? []), { p, i }]);
    }
  });
  const e = (m: string) => ctx.doc.summary[m]?.yuan;
  const oneFund = e('total_expenditure') !== undefined && e('total_expenditure') === e('fiscal_appropriation_expenditure');
  // aligned copies: each fact's copies (union-find over positions aligned in a run with at most one difference)
  const parent = new Map<Fact, Fact>();
  const root = (f: Fact): Fact => {
    let r = f;
    while (parent.get(r) && parent.get(r) !== r) r = parent.get(r)!;
    return r;
  };
  const join = (a: Fact, b: Fact) => {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(root(a), root(b));
  };
  const same = (a: Fact, b: Fact) => {
    const x = figOf(a.text, a.unit);
    const y = figOf(b.text, b.unit);
    return !!x && !!y && sumFits(x, [y]);
  };
  const seen = new Set<string>();
  const odd = new Set<Fact>();
  for (const list of at.values()) {
    for (let u = 0; u < list.length; u++) {
      for (let v = u + 1; v < list.length; v++) {
        const a = list[u]!;
        const b = list[v]!;
        if (a.p === b.p) continue;
        const A = paras[a.p]!;
        const B = paras[b.p]!;
        let s0 = 0;
        while (a.i - s0 - 1 >= 0 && b.i - s0 - 1 >= 0 && sig(A[a.i - s0 - 1]!) === sig(B[b.i - s0 - 1]!)) s0++;
        const sa = a.i - s0;
        const sb = b.i - s0;
        const key = `${a.p}|${sa}|${b.p}|${sb}`;
        if (seen.has(key)) continue;
        seen.add(key);
        let n = 0;
        while (sa + n < A.length && sb + n < B.length && sig(A[sa + n]!) === sig(B[sb + n]!)) n++;
        if (n < 3) continue;
        const fa = A.slice(sa, sa + n);
        const fb = B.slice(sb, sb + n);
        if (fa.some((f, k) => f === fb[k])) continue;
        // (copies in one section may be lists of like items — one per unit or per year — not one statement)
        if ((fa[0]!.section ?? null) === (fb[0]!.section ?? null)) continue;
        const funds = fa.map((f, k) => new Set([f.about?.fund ?? '', fb[k]!.about?.fund ?? '']));
        if (funds.some((x) => x.size > 1 && !(oneFund && x.has('') && x.has('fiscal') && x.size === 2))) continue;
        const diff = fa.map((f, k) => !same(f, fb[k]!));
        if (diff.filter(Boolean).length > 1) continue;
        fa.forEach((f, k) => {
          join(f, fb[k]!);
          if (diff[k]) odd.add(f).add(fb[k]!);
        });
      }
    }
  }
  const groups = new Map<Fact, Fact[]>();
  for (const f of odd) groups.set(root(f), [...(groups.get(root(f)) ?? []), f]);
  for (const r of groups.keys()) {
    const copies = [...parent.keys()].filter((f) => root(f) === r).sort((x, y) => (isBefore(x, y) ? -1 : 1));
    // the value most copies print (on a tie, the first one's)
    const votes = copies.map((f) => copies.filter((g) => same(f, g)).length);
    const best = Math.max(...votes);
    const major = copies[votes.indexOf(best)]!;
    for (const f of copies) {
      if (same(f, major)) continue;
      const where = placeOf(major.loc);
      const verb = f.role === 'change' ? (f.direction === 'decrease' ? '减少' : f.direction === 'increase' ? '增加' : '') : '';
      flags.push(flagOn(f, 'VALUE_CONFLICT', `同一说明前后不一致：此处${f.label}${verb}${show(f)}，${where}的同一说明（其余各项相同）为${show(major)}。`, show(major), show(f)));
    }
  }
  return flags;
}

export function valueConflicts(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const fundKey = fundKeys(ctx);
  const cfg = checksConfig().valueConflict;
  const skipSections = new Set(cfg.skipSections);
  const sectionKey = canonicalSections(ctx.doc.outline);
  const groups = new Map<string, Fact[]>();
  for (const f of ctx.doc.facts) {
    if (f.from !== 'text' || !f.metric || !cfg.metrics.includes(f.metric) || ctx.suspect.has(f.id)) continue;
    // A 预算's own figures are its budgets (levelRoles), a 决算's are the configured roles.
    const roles = ctx.doc.document.kind === '预算' ? levelRolesFor('预算') : cfg.roles;
    const sec = sectionKey.get(f.section ?? '') ?? '';
    if (!roles.includes(f.role) || (skipSections.has(sec) && !cfg.sectionTotals?.[sec]?.includes(f.metric))) continue;
    // (brackets folded as the lexicon's names are: 因公出国（境）费支出 is 因公出国(境)费支出)
    const label = foldBrackets(fold(f.label).replace(/^(\d{4}年度?)?(本年度?|全年|当年|年度)?/u, ''));
    // Only the metric under one of its own names: 所属事业单位项目支出 is one item's, not the document's.
    if (cfg.sameLabel && !(metricNames().get(f.metric) ?? []).some((n) => foldBrackets(fold(n)) === label)) continue;
    // (of one fund: the 总计 of a 财政拨款 section is not the all-sources one)
    const k = `${f.metric}|${f.role}|${f.direction ?? ''}|${f.year ?? ''}|${f.kind}|${label}|${fundKey(f.about?.fund)}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  // A copy that fits its table cell is not the wrong one: where the first copy does not fit it, the table's own
  // check flags that one (三公 公务接待费 28.60 in the overview, 28.50 in its paragraph and its table).
  const cells = new Map<string, Fact[]>();
  for (const g of ctx.doc.facts) if (g.from === 'table' && g.metric && isAmount(g)) cells.set(`${g.metric}|${g.role}`, [...(cells.get(`${g.metric}|${g.role}`) ?? []), g]);
  const fitsTable = (f: Fact): boolean | undefined => {
    const own = (cells.get(`${f.metric}|${f.role}`) ?? []).filter((g) => (g.year === null || g.year === f.year) && (g.about?.fund ?? '') === (f.about?.fund ?? ''));
    const mine = figOf(f.text, f.unit);
    const figs = own.map((g) => [g, figOf(g.text, g.unit)] as const);
    if (!mine || !figs.length || figs.some(([, x]) => !x)) return undefined;
    return figs.some(([g, x]) => restates(mine, f.unit, x!, g.unit));
  };
  for (const list of groups.values()) {
    list.sort((a, b) => (isBefore(a, b) ? -1 : 1));
    const first = list[0]!;
    const firstFits = fitsTable(first);
    const seen = new Set<number>();
    const fy = valueOf(first);
    seen.add(fy);
    for (const f of list.slice(1)) {
      const v = valueOf(f);
      if ([...seen].some((s) => Math.abs(s - v) <= Math.max(tolOf(first), tolOf(f)))) continue;
      seen.add(v);
      if (firstFits === false && fitsTable(f) === true) continue;
      const where = placeOf(first.loc);
      flags.push(flagOn(f, 'VALUE_CONFLICT', `同一数据前后不一致：${first.label}在${where}为${show(first)}，此处为${show(f)}。`, show(first), show(f)));
    }
  }
  return flags;
}

const foldBrackets = (s: string) => s.replace(/（/gu, '(').replace(/）/gu, ')');

const valueOf = (f: Fact) => (isAmount(f) ? (yuanOf(f) ?? f.value) : f.value);

/** One subject stated in several sections (江苏 预算: the 财政拨款 and the 一般公共预算 sections list the same 款 with the
 *  same figures; 上海 决算: `项目支出增加，比上年增加702.15万元` in the overview of the 财政拨款 and again under 一般公共预算):
 *  a ledger key per subject — its words (or the 科目 code the ledger gave it), role, direction and base of a change, year
 *  and fund — across the document; the copies must be equal at their printed precision. Funds count as one where the
 *  document's totals of both are equal (nothing is spent outside the narrower one: its every item is the wider one's);
 *  else copies under different funds are different quantities. Guards against two quantities with the same words:
 *  words that name two different figures within one section are no key; copies in one section are not compared (lists
 *  of like items, one per unit or project); per-project and attached sections are left out; budgets of a 决算 (年初
 *  and 调整 both read `budget`) and prior-year figures (上年预算 and 上年决算 both `prior_year`) are not keyed; a metric's
 *  level is valueConflicts'. Of two copies the later is flagged, of more the ones the majority does not print. */
export function restatedSubjects(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const fundKey = fundKeys(ctx);
  const cfg = checksConfig().valueConflict;
  const sectionKey = canonicalSections(ctx.doc.outline);
  const skip = new Set(['performance', 'attachments', 'glossary', 'special_transfer']);
  const levels = levelRolesFor(ctx.doc.document.kind);
  const groups = new Map<string, Fact[]>();
  // (the same keys without the fund: a subject's changes and levels under each fund, for crossFunds)
  const changesByFund = new Map<string, Map<string, Fact[]>>();
  const levelsByFund = new Map<string, Map<string, Fact[]>>();
  for (const f of ctx.doc.facts) {
    if (f.from !== 'text' || !isAmount(f) || f.yuan === undefined || ctx.suspect.has(f.id) || f.section == null) continue;
    if (skip.has(sectionKey.get(f.section) ?? '')) continue;
    const change = f.role === 'change' && (f.direction === 'increase' || f.direction === 'decrease');
    if (!change && !levels.includes(f.role)) continue;
    if (!change && f.metric && cfg.metrics.includes(f.metric)) continue;
    const words = foldBrackets(fold(f.label).replace(/^\d{4}年度?/u, ''));
    const subject = f.about?.code ? `code:${f.about.code}` : f.metric ? `m:${f.metric}` : words.length >= 4 && !/\d/u.test(words) ? `w:${words}` : null;
    if (!subject) continue;
    // the base a change is measured from: a budget (比年初预算增加) or last year (较上年增加)
    const lead = (ctx.text.lines.get(lineKey(f.loc))?.raw ?? '').slice(Math.max(0, (f.loc.start ?? 0) - 16), f.loc.start ?? 0);
    const base = change ? (/预算/u.test(lead.slice(lead.search(/[，,。；;]?[^，,。；;]*$/u))) ? 'budget' : 'prior') : '';
    const k = `${subject}|${f.about?.column ?? ''}|${f.role}|${f.direction ?? ''}|${base}|${f.year ?? ''}|${fundKey(f.about?.fund)}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
    const byFund = change ? changesByFund : levelsByFund;
    const kf = change ? `${subject}|${f.about?.column ?? ''}|${f.direction}|${base}|${f.year ?? ''}` : `${subject}|${f.about?.column ?? ''}|${f.year ?? ''}`;
    const m = byFund.get(kf) ?? new Map<string, Fact[]>();
    m.set(fundKey(f.about?.fund), [...(m.get(fundKey(f.about?.fund)) ?? []), f]);
    byFund.set(kf, m);
  }
  const same = (a: Fact, b: Fact) => {
    const x = figOf(a.text, a.unit);
    const y = figOf(b.text, b.unit);
    return !!x && !!y && sumFits(x, [y]);
  };
  // Two copies are one statement only where the text around them says so too: the amounts stated right before and
  // right after each, in its section, are the same figures (公务接待费12万元 before 工会经费 in both lists; 增加598.10万元
  // before 比上年增加702.15万元 in both paragraphs). The same words in a list of another kind (办公费 among 项目支出's
  // economic classes, after other figures) are not corroborated.
  const amounts = readingOrder(ctx).filter((f) => isAmount(f) && f.yuan !== undefined);
  const at = new Map(amounts.map((f, i) => [f, i]));
  // (a neighbour only where nothing stands between the two: an amount left blank or printed without its unit is an
  // item of the list the facts do not show — 邮电费70万元 before （5）物业管理费    万元 and 差旅费 is not 差旅费's neighbour)
  const clear = nothingBetween(ctx);
  const near = (f: Fact, d: number): Fact | 'hidden' | undefined => {
    const g = amounts[(at.get(f) ?? -9) + d];
    if (!g || g.section !== f.section) return undefined;
    return (d < 0 ? clear(g, f) : clear(f, g)) ? g : 'hidden';
  };
  // (both sides where both copies have a neighbour in their section, at least one: 机关运行经费's 会议费 has 维修（护）费100万元
  // before it as 公用经费's does, but not the same figure after it)
  const corroborated = (a: Fact, b: Fact) => {
    const sides = [-1, 1].flatMap((d) => {
      const x = near(a, d);
      const y = near(b, d);
      // (a neighbour hidden by a blank or a figure without its unit corroborates nothing)
      if (x === 'hidden' || y === 'hidden') return [false];
      return x && y ? [x.role === y.role && same(x, y)] : [];
    });
    return sides.length > 0 && sides.every(Boolean);
  };
  // A change stated among the changes of a breakdown and again in its own paragraph of the same section (江苏 预算: “主要原因是
  // 基本支出增加…3397.18万元、项目经费支出安排减少1134.33万元、单位预留机动经费增加1753.34万元”, then “基本支出…增加3397.18万元”,
  // “项目支出…减少1134.33万元”, “单位预留机动经费…增加1753.34万元” in paragraphs of their own): one statement made twice
  // where every other change of the first copy's sentence (two or more) is stated again, with its direction and figure,
  // elsewhere in the section — a list of like items (one per unit) does not repeat another item's figures.
  const isChange = (g: Fact) => g.role === 'change' && (g.direction === 'increase' || g.direction === 'decrease');
  const inSentence = (a: Fact, g: Fact) => (isBefore(g, a) ? sameSentence(ctx.text, g, a) : sameSentence(ctx.text, a, g));
  const echoed = (a: Fact, b: Fact) => {
    if (!isChange(a) || inSentence(a, b) || ctx.text.paragraph.get(lineKey(a.loc)) === ctx.text.paragraph.get(lineKey(b.loc))) return false;
    const mates = amounts.filter((g) => g !== a && g.section === a.section && isChange(g) && inSentence(a, g));
    return mates.length >= 2 && mates.every((g) => amounts.some((h) => h !== g && h !== b && h.section === a.section && isChange(h) && h.direction === g.direction && h.unit === g.unit && same(g, h) && !inSentence(a, h)));
  };
  const echoPair = (f: Fact, g: Fact) => f.section === g.section && (echoed(f, g) || echoed(g, f));
  for (const list of groups.values()) {
    // (one section: only copies a breakdown echoes)
    if (new Set(list.map((f) => f.section)).size < 2 && !(list.length === 2 && echoPair(list[0]!, list[1]!))) continue;
    // words that name two different figures within one section are no key
    if (list.some((f) => list.some((g) => g.section === f.section && !same(f, g) && !echoPair(f, g)))) continue;
    list.sort((a, b) => (isBefore(a, b) ? -1 : 1));
    const votes = list.map((f) => list.filter((g) => same(f, g)).length);
    const best = Math.max(...votes);
    const major = list[votes.indexOf(best)]!;
    if (best * 2 <= list.length && list.length > 2) continue;
    for (const f of list) {
      if (same(f, major) || (list.length === 2 && f === list[0])) continue;
      const ref = list.length === 2 ? list[0]! : major;
      // (copies of one section that only a breakdown's echo ties together: a warning — the breakdown's item may be a
      // part of the subject's change, its reason, under the same words)
      const echo = !corroborated(f, ref) && echoPair(f, ref);
      if (!corroborated(f, ref) && !echo) continue;
      const verb = f.role === 'change' ? (f.direction === 'decrease' ? '减少' : '增加') : '';
      const flag = flagOn(f, 'VALUE_CONFLICT', `同一数据前后不一致：${f.label || ref.label}${verb}在${placeOf(ref.loc)}为${show(ref)}，此处为${show(f)}。`, show(ref), show(f));
      flags.push(echo ? { ...flag, severity: 'warning' } : flag);
    }
  }
  // One subject's change under two nested funds (西南大学 预算: 科学技术支出1,512.90万元 of all sources and 1,512.9万元 of 财政拨款,
  // “科学技术支出增加166.77万元” in each section): where the subject's figure of the year is the same under both (all of it is
  // the narrower fund's this year), its change is the same under both unless last year it had money from outside the
  // narrower fund — a change that differs is a warning (VALUE_CONFLICT) on the later copy. Each fund's copies agree among
  // themselves, its figure of the year is printed once (or the same every time), and the copies are in different sections.
  const wider = (x: string, y: string) => x !== y && (x === '' || (x === 'fiscal' && y !== ''));
  const FUND: Record<string, string> = { fiscal: '财政拨款', general_budget: '一般公共预算拨款', gov_fund: '政府性基金预算拨款', state_capital: '国有资本经营预算拨款' };
  const one = (list: Fact[] | undefined) => (list?.length && list.every((g) => same(g, list[0]!)) ? list[0]! : undefined);
  for (const [kf, byFund] of changesByFund) {
    const lv = levelsByFund.get(kf.replace(/\|(?:increase|decrease)\|(?:budget|prior)\|/u, '|'));
    if (!lv) continue;
    for (const [w, cw] of byFund) {
      for (const [n, cn] of byFund) {
        if (!wider(w, n)) continue;
        const a = one(cw);
        const b = one(cn);
        const la = one(lv.get(w));
        const lb = one(lv.get(n));
        if (!a || !b || !la || !lb || same(a, b) || !same(la, lb) || a.section === b.section) continue;
        const [ref, f] = isBefore(a, b) ? [a, b] : [b, a];
        const verb = f.direction === 'decrease' ? '减少' : '增加';
        const flag = flagOn(f, 'VALUE_CONFLICT', `同一数据前后不一致：${f.label || ref.label}本年${show(lb)}全部为${FUND[n] ?? n}（${placeOf(la.loc)}各项资金合计亦为${show(la)}），其${verb}额在${placeOf(ref.loc)}为${show(ref)}，此处为${show(f)}（除非上年另有${FUND[n] ?? n}以外的资金）。`, show(ref), show(f));
        flags.push({ ...flag, severity: 'warning' });
      }
    }
  }
  return flags;
}

/** Whether nothing stands between two text facts in reading order (a before b): no figure the facts do not hold —
 *  an amount or rate unit with no figure before it (a blank: 支出    万元), a number printed with decimals or thousands
 *  separators but read as no fact (86.41 without its unit), a number with a unit read as no fact. Other facts
 *  (a rate between two amounts) are masked: they are read. A year and month (2023.12) is no figure. */
export function nothingBetween(ctx: Ctx): (a: Fact, b: Fact) => boolean {
  const spans = new Map<string, [number, number][]>();
  for (const f of ctx.doc.facts) {
    if (f.from !== 'text' || f.loc.start === undefined || f.loc.end === undefined) continue;
    const k = lineKey(f.loc);
    const list = spans.get(k);
    if (list) list.push([f.loc.start, f.loc.end]);
    else spans.set(k, [[f.loc.start, f.loc.end]]);
  }
  const masked = new Map<string, string>();
  const maskedLine = (k: string, raw: string) => {
    let m = masked.get(k);
    if (m === undefined) {
      const chars = [...raw.split('')];
      for (const [s, e] of spans.get(k) ?? []) for (let i = s; i < e && i < chars.length; i++) chars[i] = '#';
      m = chars.join('');
      masked.set(k, m);
    }
    return m;
  };
  const STRAY = /(?<![\d#.])(?!(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])(?![\d.]))\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.])|(?<![\d#.,])(?!(?:19|20)\d{2}\.(?:0?[1-9]|1[0-2])(?![\d.]))\d+\.\d+(?![\d.])|\d\s*(?:[万亿]?元|%|％)|(?<![\d#\s])\s*(?:[万亿]元|%|％)/gu;
  // The stray figures of lines ia..ib joined, found once per span (not once per pair of figures on it: that was
  // quadratic on a long line).
  const strayCache = new Map<string, [number, number][]>();
  function strays(ia: number, ib: number): [number, number][] {
    const key = `${ia}:${ib}`;
    let hit = strayCache.get(key);
    if (!hit) {
      let joined = '';
      for (let i = ia; i <= ib; i++) {
        const line = ctx.text.order[i]!;
        joined += maskedLine(lineKey(line.loc), line.raw);
      }
      hit = [...joined.matchAll(STRAY)].map((x): [number, number] => [x.index, x.index + x[0].length]);
      strayCache.set(key, hit);
    }
    return hit;
  }
  return (a, b) => {
    const ia = ctx.text.position.get(lineKey(a.loc));
    const ib = ctx.text.position.get(lineKey(b.loc));
    if (ia === undefined || ib === undefined || a.loc.end === undefined || b.loc.start === undefined || ib < ia) return false;
    // (the lines joined: a unit wrapped to the next line after its figure — `…支出1408.29` / `万元，增长…` — is no blank)
    let length = 0;
    let from = 0;
    let to = 0;
    for (let i = ia; i <= ib; i++) {
      const line = ctx.text.order[i]!;
      if (i === ia) from = length + a.loc.end;
      if (i === ib) to = length + b.loc.start;
      length += line.raw.length;
    }
    for (const [s, e] of strays(ia, ib)) if (s < to && e > from) return false;
    return true;
  };
}

/** A figure's fund as a key: funds count as one where the document's totals of both are equal (general_budget within
 *  fiscal within all sources: nothing is spent outside the narrower one, so its every item is the wider one's). */
function fundKeys(ctx: Ctx): (fund: string | undefined) => string {
  const sum = ctx.doc.summary;
  const equal = (a: string, b: string) => sum[a]?.yuan !== undefined && sum[a]!.yuan === sum[b]?.yuan;
  const agrees = (a: string, b: string) => !sum[a] || !sum[b] || equal(a, b);
  // (general_budget within fiscal within all sources)
  const narrower: [string, string, string, string][] = [
    ['general_budget', 'fiscal', 'general_budget_appropriation', 'fiscal_appropriation'],
    ['fiscal', '', 'fiscal_appropriation', 'total'],
  ];
  return (fund: string | undefined) => {
    let f = fund ?? '';
    // (the expenditure totals where both are stated, else the income totals)
    const coincide = (a: string, b: string) => (sum[`${a}_expenditure`] && sum[`${b}_expenditure`] ? equal(`${a}_expenditure`, `${b}_expenditure`) && agrees(`${a}_income`, `${b}_income`) : equal(`${a}_income`, `${b}_income`));
    for (const [n, w, a, b] of narrower) if (f === n && coincide(a, b)) f = w;
    return f;
  };
}
