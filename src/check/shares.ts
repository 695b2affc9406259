// Shares (占…的X%) against their part and the base they name or the list they belong to (PERCENT_MISMATCH).
import type { Fact, Flag, Line } from '../model.js';
import { checksConfig } from './config.js';
import { makeFlag } from './flag.js';
import { lineKey } from './lines.js';
import { decimalsOf, formatAmount, formatPercent, halfUnit, isAmount, lastDigitYuan, percentFits, yuanOf } from './numbers.js';
import { type Ctx, flagOn, show, before, sameSubject, isLevel, isRate, ratioRange, namedBase, isBefore, nearestAllBefore, isBound, textBetween, fold, paragraphText } from './prose-figures.js';
import { metricForLabel } from '../extract/metrics.js';
import { ledgerShares } from './ledger-shares.js';
import { otherBases } from './share-bases.js';

/** A figure with decimals or thousands the OCR doubted (gives no fact): like one that cannot be read, a member of
 *  its paragraph's list is unknown, and a share would be paired with the figure before it. */
const doubtedAmount = (line: Line | undefined) => (line?.ocr?.uncertain ?? []).some((u) => /\d[.,:：;]\d/u.test(line!.text.slice(u.start, u.end)));

export function shares(ctx: Ctx): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const textFacts = ctx.doc.facts.filter((f) => f.from === 'text');
  const pairs: Pair[] = [];
  // A list with a figure that cannot be read (477.447.73: a thousands comma read as a point) has an unknown
  // member: neither the shares stated in its paragraph nor the sum of its parts are evidence.
  const unreadable = new RegExp(checksConfig().ocr.thousandsAsPoint, 'u');
  const badPara = new Set<number>();
  // (an amount left blank before its unit — “使用    万元” — is such a member too)
  const blank = /[^\d\s,.，]\s{2,}(?:万元|亿元|元)/u;
  // (and a share whose % is lost — “其他支出109.50万元，占0.02；” — a member whose share is unknown)
  // (or an amount whose unit is lost — “财政拨款收入230,876.38，占41.43%” — whose share would be paired with
  // the figure before it)
  const bare = /占(?:比|比重|比例)?(?:为|是)?\d+(?:\.\d+)?(?=[，。；;、）)]|$)|\d\.\d{1,2}[，,]?占/u;
  for (const [k, p] of ctx.text.paragraph) {
    const line = ctx.text.lines.get(k);
    const raw = line?.raw ?? '';
    // (the bare figure may end one line and its 占 open the next: “基本支出 4281.16，” / “占 48.30%”)
    const i = ctx.text.position.get(k);
    const next = i === undefined ? undefined : ctx.text.order[i + 1];
    const wrap = next && ctx.text.paragraph.get(lineKey(next.loc)) === p ? next.text.slice(0, 12) : '';
    if (unreadable.test(raw) || blank.test(raw) || bare.test((line?.text ?? '') + wrap) || doubtedAmount(line)) badPara.add(p);
  }
  for (const list of ctx.byLine.values()) {
    const paired = respectively(ctx, list);
    for (const q of paired) if (!badPara.has(ctx.text.paragraph.get(lineKey(q.share.loc)) ?? -1)) pairs.push(q);
    for (const s of list.filter((f) => isRate(f) && f.role === 'share')) {
      if (paired.some((q) => q.share === s)) continue;
      if (badPara.has(ctx.text.paragraph.get(lineKey(s.loc)) ?? -1)) continue;
      // (past the figure's own change and its rate: “机关运行经费支出50.00万元，比上年增加2.00万元，增长4.17%，占…的12.50%”)
      const near = before(list, s, (g) => isAmount(g) && g.role !== 'change' && sameSubject(g, s), (g) => isRate(g) && g.role !== 'change');
      const part = near ?? namedPart(ctx, list, s);
      if (!part || isBound(ctx.text, part)) continue;
      // (a share naming its own part past other shares is checked only over a figure stated with the words of its base:
      // 收入总计 is no 收入合计, whatever a metric's names take together)
      if (!near) {
        const phrase = basePhrase(ctx, part, s);
        if (phrase) pairs.push({ part, share: s, base: undefined, phrase, named: true });
        continue;
      }
      // (a share of last year's figure — 基本支出400.00万元，占78.43%（上年为380.00万元，占79.17%）— is of last year's total: not known here)
      if (part.role === 'prior_year' || (part.year !== null && ctx.doc.document.year !== null && part.year < ctx.doc.document.year)) continue;
      const named = namedBase(ctx, part, s);
      const phrase = named === undefined ? basePhrase(ctx, part, s) : undefined;
      const base = phrase === undefined ? named : phrase === '' ? null : baseMetric(phrase);
      // (a bare 占 in a list its sentence opens with the base's name — 基本支出中，人员经费350.00万元，占87.50%；… — is of that base,
      // and of nothing else: checked only where the name resolves)
      const opener = base === null ? openerBase(ctx, part) : undefined;
      if (opener) {
        pairs.push({ part, share: s, base: baseMetric(opener), phrase: opener, named: true });
        continue;
      }
      pairs.push({ part, share: s, base, ...(phrase ? { phrase } : {}) });
    }
  }
  // Per section and metric, the level facts in text order, and each pair group's answers, computed once:
  // looking them up per share made a long report cost its number of shares times its number of facts.
  const levels = new Map<string, Fact[]>();
  for (const g of textFacts) {
    if (!isLevel(g)) continue;
    const k = `${g.section ?? ''}\u0000${g.metric ?? ''}`;
    const list = levels.get(k);
    if (list) list.push(g);
    else levels.set(k, [g]);
  }
  const groups = pairGroups(pairs.filter((q) => !q.named));
  const badAt = [...ctx.text.paragraph].filter(([, q]) => badPara.has(q)).map(([k]) => ctx.text.position.get(k) ?? -1).filter((x) => x >= 0);
  const spansBad = (q: Pair) => {
    const at = (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit).map((o) => ctx.text.position.get(lineKey(o.share.loc)) ?? -1);
    const lo = Math.min(...at);
    const hi = Math.max(...at);
    return badAt.some((x) => x >= lo && x <= hi);
  };
  const paraOf = (q: Pair) => ctx.text.paragraph.get(lineKey(q.share.loc)) ?? `${lineKey(q.share.loc)}`;
  const listOf = (q: Pair) => (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit && paraOf(o) === paraOf(q));
  // The run of the group's shares, in reading order, that holds `q` and whose printed shares add up to
  // exactly 100% (a list printed one item a line, each line its own paragraph), the shortest; or undefined.
  const wholeRun = (q: Pair): Pair[] | undefined => {
    const g = (groups.get(groupKey(q)) ?? []).filter((o) => o.part.unit === q.part.unit).sort((a, b) => (isBefore(a.share, b.share) ? -1 : 1));
    const at = g.indexOf(q);
    const dec = Math.max(0, ...g.map((o) => decimalsOf(o.share.text)));
    const pts = g.map((o) => Math.round(o.share.value * 10 ** dec));
    let best: Pair[] | undefined;
    for (let i = 0; i <= at; i++) {
      let sum = 0;
      for (let j = i; j < g.length; j++) {
        sum += pts[j]!;
        if (j >= at && sum === 100 * 10 ** dec && j > i && (!best || j - i + 1 < best.length)) best = g.slice(i, j + 1);
        if (sum > 100 * 10 ** dec) break;
      }
    }
    return best;
  };
  // (amounts the document prints for its year, in tables and text: the bases a list's shares may be of)
  const printedLevels = ctx.doc.facts.filter((g) => isLevel(g) && (yuanOf(g) ?? 0) > 0);
  const bySection = bySectionAmount(textFacts);
  const byLabel = new Map<string, Fact[]>();
  for (const g of textFacts) if (isLevel(g) && g.year === ctx.doc.document.year && g.label && !isBound(ctx.text, g)) byLabel.set(fold(g.label), [...(byLabel.get(fold(g.label)) ?? []), g]);
  const groupBaseOf = memo((p: Pair) => groupKey(p), (p: Pair) => groupBase(bySection, groups.get(groupKey(p))!, p));
  const wholeOf = memo((p: Pair) => `${groupKey(p)}\u0000${p.part.unit}`, (p: Pair) => groupWhole(groups.get(groupKey(p)) ?? [], p, half, minPts));
  const listHead = (p: Pair): Fact | undefined => nearestHead(ctx, p.part) ?? firstHead(p);
  const firstHead = (p: Pair): Fact | undefined => {
    const first = listOf(p).reduce((a, q) => (isBefore(q.part, a) ? q.part : a), p.part);
    const q = ctx.text.paragraph.get(lineKey(first.loc));
    const list = ctx.byLine.get(q === undefined ? `line:${lineKey(first.loc)}` : `para:${q}`) ?? [];
    let g = list[list.indexOf(first) - 1];
    // (the head's own share may stand before its 其中: “财政拨款支出500.00万元，占本年支出合计的98.04%，其中：…”)
    const own = g && isRate(g) && g.role === 'share' ? g : undefined;
    if (own) g = list[list.indexOf(own) - 1];
    if (!g || !isLevel(g) || g.unit !== first.unit || listOf(p).some((o) => o.part === g) || (own && !sameSubject(g, own))) return undefined;
    const gap = textBetween(ctx.text, own ?? g, first);
    return gap !== null && /^[，,。]?其中[：:，,]?[^。；;，,]*$/u.test(gap) ? g : undefined;
  };
  const more = otherBases(ctx, baseMetric);
  const listed = new Set(pairs.map((q) => q.part));
  const paraWhole = memo((p: Pair) => `${paraOf(p)}\u0000${p.part.unit}`, (p: Pair) => groupWhole(pairs.filter((q) => paraOf(q) === paraOf(p)), p, half, minPts));
  const alsoBases = (p: Pair): Fact[] => {
    const whole = spansBad(p) ? undefined : paraWhole(p);
    const sum = whole ? [{ ...p.part, id: `${p.part.id}-whole`, label: '各项合计', yuan: whole.yuan, value: Number(whole.text), text: whole.text }] : [];
    return [...more.sentence(p.part, listed), ...(typeof p.base === 'string' ? more.named(p.base, p.part) : []), ...sum];
  };
  for (const p of pairs) {
    // Candidate bases, the likeliest first. A named base (占本年收入) may be stated more than once or
    // carry a metric the extractor gave loosely: the share is wrong only if it fits none of them.
    const candidates: Fact[] = [];
    const grouped = p.named ? undefined : groupBaseOf(p);
    if (p.base) {
      candidates.push(...nearestAllBefore(levels.get(`${p.part.section ?? ''}\u0000${p.base}`) ?? [], p.part, () => true));
      const e = ctx.doc.summary[p.base];
      const sf = e ? ctx.doc.facts.find((f) => f.id === e.factId) : undefined;
      if (sf) candidates.push(sf);
      if (grouped) candidates.push(grouped);
      // (a base stated only in another section — 机关运行经费…占一般公共预算财政拨款基本支出的12.50%, the 基本支出 stated in its
      // own section — any statement of it for the year)
      if (!candidates.length) candidates.push(...textFacts.filter((g) => isLevel(g) && g.metric === p.base && g.year === ctx.doc.document.year && !isBound(ctx.text, g)));
    } else if (p.base === null && grouped) {
      candidates.push(grouped);
    }
    // (a list whose total is stated right before it — “本年收入合计95,000.00万元，其中：…占63.16%” — has that total
    // as its base, whatever its parts add up to)
    // (a base named in other words — 占基本支出的 — that is the list's stated total's name)
    const head = !p.named && (p.base === null || p.phrase) ? listHead(p) : undefined;
    if (head && (p.base === null || (p.phrase && fold(head.label).endsWith(p.phrase)))) candidates.push(head);
    // (a base named by words no metric knows — 占授予中小企业合同金额的, 占一般公共预算财政拨款基本支出的 — that are the
    // label of a figure of the year stated in the text, before the share or in another section: any of them)
    if (p.base === undefined && p.phrase) candidates.push(...(byLabel.get(fold(p.phrase)) ?? []).filter((g) => g.unit === p.part.unit || isAmount(g)));
    // (a list one of whose lines lost a share's % or an amount's unit has a member of unknown share: its
    // parts are no whole — “其他资金80万元，占0.6” among lines of their own)
    const whole = p.named || spansBad(p) ? undefined : partsAsWhole(wholeOf, p);
    if (whole) candidates.push(whole);
    const usable = candidates.filter((b) => b !== p.part && (yuanOf(b) ?? 0) > 0);
    const py = yuanOf(p.part);
    if (!usable.length || py === null) continue;
    const fitsOne = (b: Fact) => {
      const [lo, hi] = ratioRange(p.part, py, b, yuanOf(b)!);
      return percentFits(p.share, lo, hi, half, minPts);
    };
    if (usable.some(fitsOne)) continue;
    // (no share is wrong that another total reproduces: one its sentence states, one named by its base's words — a
    // table's 支出总计 beside its 本年支出合计 — or the sum of all the parts its paragraph lists with their shares)
    const others = alsoBases(p).filter((b) => b !== p.part && !usable.some((u) => yuanOf(u) === yuanOf(b)));
    if (others.some(fitsOne)) continue;
    // The shares of one list (its paragraph, its base) printed to add up to exactly 100%: the residue of
    // rounding may be put on one share (63.75/25.38/10.87 for 63.74/25.38/10.877), one unit of its last
    // digit past its own rounding.
    const run = wholeRun(p);
    if (run && plugged(run, p, usable, py)) continue;
    const para = listOf(p);
    const list = para.length >= 2 ? para : (run ?? para);
    const base = usable[0]!;
    const expected = formatPercent(py / yuanOf(base)!, p.share.text);
    // Every share of the list fits one other amount the document prints (江苏 预算: 因公出国 222.5 占“三公”经费的
    // 8.75%, 公务用车 7.22%, 公务接待 16.81% — all of the table's 合计 2,542.60 with 会议费 and 培训费, not of the
    // 三公 833.60 they name): the figures agree; the base's name does not. A warning, naming that amount.
    const other = list.length >= 2 ? commonBase(list, printedLevels, usable) : undefined;
    if (other) {
      const where = other.from === 'table' ? `${other.about?.table ?? '表格'}${other.loc.page !== undefined ? `第${other.loc.page}页` : ''}` : `第${other.loc.page ?? other.loc.paragraph ?? '?'}页`;
      flags.push(
        makeFlag('PERCENT_MISMATCH', `占比的基数与所称不符：${show(p.part)}÷${base.label || '合计'}${show(base)}约为${expected}，文中写${p.share.text}%；本段各项占比均与${where}的${show(other)}相符，所称基数疑有误。`, { ...p.share.loc }, p.share.excerpt, {
          severity: 'warning',
          expected,
          found: `${p.share.text}%`,
        }),
      );
      continue;
    }
    // A base that is the sum of the list's own items names them: the reader sees what was added.
    const items = base.id.endsWith('-whole') ? `（${(groups.get(groupKey(p)) ?? []).filter((q) => q.part.unit === p.part.unit).map((q) => q.part.text).join('＋')}）` : '';
    // (the other totals tried, named: the reader sees the share fits none of the bases its words may mean)
    const tried = [...new Map(others.map((b) => [yuanOf(b), b])).values()].slice(0, 3);
    const also = tried.length ? `；按${tried.map((b) => `${b.label || '合计'}${show(b)}计约为${formatPercent(py / yuanOf(b)!, p.share.text)}`).join('、')}，也不相符` : '';
    flags.push(flagOn(p.share, 'PERCENT_MISMATCH', `占比与金额不符：${show(p.part)}÷${base.label || '合计'}${show(base)}${items}约为${expected}，文中写${p.share.text}%${also}。`, expected, `${p.share.text}%`));
  }
  // (a share whose part and whole are only in the tables)
  return [...flags, ...ledgerShares(ctx, baseMetric)];
}

/** Whether share `p` of `list` is off only by the rounding residue put on it: the list's printed shares add
 *  up to exactly 100 (at the most decimals any of them prints), every other share fits its part over one
 *  of the `bases` as printed, and `p` — what is left of 100 — is within one unit of its last digit, past
 *  its own rounding, of its part over one of them (63.75 beside 25.38 and 10.87 for 63.7397). */
function plugged(list: Pair[], p: Pair, bases: Fact[], py: number): boolean {
  if (list.length < 2 || !list.includes(p)) return false;
  const dec = Math.max(...list.map((q) => decimalsOf(q.share.text)));
  const scaled = list.reduce((s, q) => s + Math.round(q.share.value * 10 ** dec), 0);
  if (scaled !== 100 * 10 ** dec) return false;
  const { percentHalfUnit: half, minPercentPoints: minPts } = checksConfig().tolerances;
  const fitsAs = (q: Pair, b: Fact) => {
    const y = yuanOf(q.part);
    if (y === null) return false;
    const [lo, hi] = ratioRange(q.part, y, b, yuanOf(b)!);
    return percentFits(q.share, lo, hi, half, minPts);
  };
  const unit = 2 * halfUnit(p.share.text);
  return bases.some((b) => {
    if (!list.every((q) => q === p || fitsAs(q, b))) return false;
    const [lo, hi] = ratioRange(p.part, py, b, yuanOf(b)!);
    return p.share.value + 1.5 * unit + 1e-9 >= lo * 100 && p.share.value - 1.5 * unit - 1e-9 <= hi * 100;
  });
}

/** The one amount among `printed` (not one of `named`, the bases the shares name) that every share of the
 *  list fits as its base, at the printed precision: the intersection of the bases each part and share
 *  allow. undefined when the shares allow no common base or none is printed. */
function commonBase(list: Pair[], printed: Fact[], named: Fact[]): Fact | undefined {
  let lo = 0;
  let hi = Infinity;
  for (const q of list) {
    const y = yuanOf(q.part);
    if (y === null || q.share.value <= 0) return undefined;
    const ha = lastDigitYuan(q.part) / 2;
    const h = halfUnit(q.share.text);
    // a share printed rounded or cut off: its true value in [s − h, s + 2h]
    const sLo = Math.max(1e-9, q.share.value - h) / 100;
    const sHi = (q.share.value + 2 * h) / 100;
    lo = Math.max(lo, (y - ha) / sHi);
    hi = Math.min(hi, (y + ha) / sLo);
  }
  if (!(lo <= hi)) return undefined;
  const namedY = new Set(named.map((b) => yuanOf(b)));
  const fits = printed.filter((g) => {
    const y = yuanOf(g)!;
    const hg = lastDigitYuan(g) / 2;
    return y + hg >= lo && y - hg <= hi && !namedY.has(y) && !list.some((q) => q.part === g);
  });
  const values = new Set(fits.map((g) => yuanOf(g)));
  return values.size === 1 ? fits[0] : undefined;
}

type Pair = { part: Fact; share: Fact; base: string | null | undefined; phrase?: string; named?: boolean };

/** Shares stated respectively (“基本支出和项目支出分别为2,336.91万元和603.14万元，分别占79.49%和20.51%” / “…分别为A、B，分别占本年
 *  支出的x%、y%”): the run of amounts right before 分别占 and the run of rates after it, joined only by 、/和/及/与, paired in
 *  order where the two runs are as long. The base is the phrase after 占 (none: the list's head or parts). */
function respectively(ctx: Ctx, list: Fact[]): Pair[] {
  const out: Pair[] = [];
  const joiner = /^[、和及与,，]$/u;
  list.forEach((s, i) => {
    if (!isRate(s) || i === 0) return;
    const gap = textBetween(ctx.text, list[i - 1]!, s);
    const m = gap === null ? null : /^[，,]分别占([^，,。；;、]*)$/u.exec(gap);
    if (!m || !isAmount(list[i - 1]!)) return;
    const rates = [s];
    for (let k = i + 1; k < list.length && isRate(list[k]!); k++) {
      const g = textBetween(ctx.text, list[k - 1]!, list[k]!);
      if (g === null || !joiner.test(g)) break;
      rates.push(list[k]!);
    }
    const parts: Fact[] = [list[i - 1]!];
    for (let k = i - 2; k >= 0 && isAmount(list[k]!) && list[k]!.kind === 'amount'; k--) {
      const g = textBetween(ctx.text, list[k]!, list[k + 1]!);
      if (g === null || !joiner.test(g)) break;
      parts.unshift(list[k]!);
    }
    if (parts.length < 2 || parts.length !== rates.length || parts.some((p) => p.role === 'change' || p.unit !== parts[0]!.unit)) return;
    const phrase = m[1]!.replace(/的$/u, '').replace(/(?:比重|比例|比)$/u, '').replace(/的$/u, '');
    const base = phrase ? baseMetric(phrase) : null;
    parts.forEach((part, n) => out.push({ part, share: rates[n]!, base, ...(phrase ? { phrase } : {}) }));
  });
  return out;
}

/** The base a share names in words no `shareBases` entry knows (占总支出的 / 所占比重为 / 占比 / 占基本支出的): ''
 *  where it names none (占比, 所占比重为: the list's head or its parts are the base), else the phrase, folded. */
function basePhrase(ctx: Ctx, part: Fact, share: Fact): string | undefined {
  const between = textBetween(ctx.text, part, share);
  if (between === null) return undefined;
  const m = /占([^，,。；;]*)$/u.exec(between);
  if (!m) return undefined;
  return m[1]!.replace(/(?:为|是|达到?)$/u, '').replace(/的$/u, '').replace(/(?:比重|比例|比)$/u, '').replace(/的$/u, '');
}

/** The metric a base phrase names: a metric's own name (patterns/metrics.yaml: 基本支出, 人员经费…), or, with the
 *  words that only say “the whole” taken out (总/合计/总计/总额/全部/本年/当年/年度/决算: 支出总额, 全部支出, 决算总支出),
 *  a `shareBases` phrase. undefined when it names none we know (no check). */
export function baseMetric(phrase: string): string | undefined {
  // (a 预算's base is named with its role word after it — 占基本支出预算81.25%, 占项目支出预算2.56%: the budget of 基本支出)
  phrase = phrase.replace(/(?<=\p{Script=Han}{2})预算数?$/u, '');
  const own = metricForLabel(phrase, 'text');
  if (own) return own;
  const bare = phrase.replace(/合计|总计|总额|全部|本年|当年|全年|年度|决算|总/gu, '');
  if (!bare) return undefined;
  // (项目支出总额 → 项目支出: a metric's own name once the whole-words are out)
  return checksConfig().shareBases.find((b) => new RegExp(`^(?:${b.phrase})$`, 'u').test(bare))?.metric ?? metricForLabel(bare, 'text') ?? undefined;
}

const baseKey = (b: string | null | undefined) => (b === undefined ? 'u' : b === null ? 'n' : `m${b}`);

/** The pairs that share a named base (or the lack of one) and a section. */
const groupKey = (q: Pair) => `${baseKey(q.base)}\u0000${q.part.section ?? ''}`;

function pairGroups(pairs: Pair[]): Map<string, Pair[]> {
  const groups = new Map<string, Pair[]>();
  for (const q of pairs) {
    const list = groups.get(groupKey(q));
    if (list) list.push(q);
    else groups.set(groupKey(q), [q]);
  }
  return groups;
}

function memo<A, R>(key: (a: A) => string, f: (a: A) => R): (a: A) => R {
  const cache = new Map<string, R>();
  return (a) => {
    const k = key(a);
    if (!cache.has(k)) cache.set(k, f(a));
    return cache.get(k)!;
  };
}

/** When the shares of a list add up to 100%, the list's parts are the whole ("因公出国180万元，占“三公”
 *  经费的26.86%；公务用车304.4万元，占45.43%；公务接待185.72万元，占27.71%" with no total stated):
 *  their sum stands in as a candidate base. The sum depends only on the group and the part's unit, so
 *  `wholeOf` computes it once per (group, unit): per share it made a long list quadratic. */
function partsAsWhole(wholeOf: (p: Pair) => { yuan: number; text: string } | undefined, p: Pair): Fact | undefined {
  const w = wholeOf(p);
  if (!w) return undefined;
  return { ...p.part, id: `${p.part.id}-whole`, label: '各项合计', yuan: w.yuan, value: Number(w.text), text: w.text };
}

function groupWhole(sameGroup: Pair[], p: Pair, half: number, minPts: number): { yuan: number; text: string } | undefined {
  const group = sameGroup.filter((q) => q.part.unit === p.part.unit);
  if (group.length < 2) return undefined;
  const total = group.reduce((s, q) => s + q.share.value, 0);
  const slack = group.reduce((s, q) => s + halfUnit(q.share.text) * (half / 0.5) * 2, 0) + minPts;
  if (Math.abs(total - 100) > slack) return undefined;
  const yuan = group.reduce((s, q) => s + (yuanOf(q.part) ?? 0), 0);
  const decimals = Math.max(...group.map((q) => decimalsOf(q.part.text)));
  const text = formatAmount(yuan, p.part.unit, decimals).replace(/[^\d.]/g, '');
  return { yuan, text };
}

/** A share that names no base (1.一般公共服务支出82.16万元，占99%): the base is the amount stated before
 *  the list that the list's parts add up to: the nearest level fact before the list, in its section, not
 *  one of its parts, within the tolerance of their sum. `bySection`: each section's level facts sorted by
 *  amount (bySectionAmount), so that a long report does not scan every fact for every list. */
function groupBase(bySection: Map<string, { y: number; f: Fact }[]>, group: Pair[], p: Pair): Fact | undefined {
  const first = group.reduce((a, q) => (isBefore(q.part, a) ? q.part : a), p.part);
  const sum = group.reduce((s, q) => s + (yuanOf(q.part) ?? 0), 0);
  const tol = Math.max(...group.map((q) => lastDigitYuan(q.part))) * Math.max(1, Math.ceil(group.length / 2));
  const parts = new Set(group.map((q) => q.part));
  const list = bySection.get(first.section ?? '') ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.y < sum - tol) lo = mid + 1;
    else hi = mid;
  }
  let best: Fact | undefined;
  for (let i = lo; i < list.length && list[i]!.y <= sum + tol; i++) {
    const g = list[i]!.f;
    if (parts.has(g) || !isBefore(g, first)) continue;
    if (!best || isBefore(best, g)) best = g;
  }
  return best;
}

/** Each section's level facts by amount (a fact without one counts as -1, as it always did). */
function bySectionAmount(facts: Fact[]): Map<string, { y: number; f: Fact }[]> {
  const m = new Map<string, { y: number; f: Fact }[]>();
  for (const f of facts) {
    if (!isLevel(f)) continue;
    const k = f.section ?? '';
    const e = { y: yuanOf(f) ?? -1, f };
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  }
  for (const list of m.values()) list.sort((a, b) => a.y - b.y);
  return m;
}

/** The part a share names in its own clause (“…财政拨款收入1,150.00万元，占本年收入的95.83%；…。财政拨款收入占收入总计的92.00%”:
 *  the words before 占 are the share's label, no figure between): the nearest figure of the paragraph before it with that
 *  label, past the other shares stated in between. */
function namedPart(ctx: Ctx, list: Fact[], s: Fact): Fact | undefined {
  const i = list.indexOf(s);
  const prev = list[i - 1];
  if (!prev || !s.label) return undefined;
  const gap = textBetween(ctx.text, prev, s);
  if (gap === null || !new RegExp(`[。；;，,]${escapeRe(fold(s.label))}占[^，,。；;]*$`, 'u').test(gap)) return undefined;
  return before(list, s, (g) => isAmount(g) && isLevel(g) && fold(g.label) === fold(s.label) && sameSubject(g, s));
}

const escapeRe = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The base a list's sentence names as it opens (“基本支出中，人员经费…，占87.50%；公用经费…”, “在事业收入中，…”, “其中基本支出中的人员经费…”,
 *  “财政拨款支出按功能分类：…”):
 *  the words before 中 at the start of the clause that opens the sentence holding the part, or undefined. */
function openerBase(ctx: Ctx, part: Fact): string | undefined {
  const sentence = paragraphText(ctx.text, part, 'before', 3).split(/[。！？!?]/u).pop() ?? '';
  const m = /^(?:[^，,；;：:]*?[，,：:])?(?:其中)?在?([^，,。；;：:、\d]{2,20}?)(?:中(?:[，,]|的)|按[^，,。；;：:\d]{1,8}分类?[：:，,])/u.exec(sentence);
  const name = m?.[1]?.replace(/^(?:其中|其)/u, '');
  return name && name.length >= 2 ? name : undefined;
}

/** The head of the 其中 list a part belongs to, the nearest before it in its sentence (a paragraph may hold two lists:
 *  “…支出510.00万元，其中：基本支出…；项目支出…。财政拨款支出500.00万元，占本年支出合计的98.04%，其中：一般公共服务支出…”): a
 *  figure, maybe with its own share after it, then 其中. undefined where none stands before the part in its sentence. */
function nearestHead(ctx: Ctx, part: Fact): Fact | undefined {
  const q = ctx.text.paragraph.get(lineKey(part.loc));
  const list = ctx.byLine.get(q === undefined ? `line:${lineKey(part.loc)}` : `para:${q}`) ?? [];
  for (let k = list.indexOf(part) - 1; k >= 0; k--) {
    const g = list[k]!;
    const next = list[k + 1]!;
    const gap = textBetween(ctx.text, g, next);
    if (gap === null || /。/u.test(gap)) return undefined;
    if (!/^[，,。]?其中[：:，,]?/u.test(gap)) continue;
    const own = isRate(g) && g.role === 'share' ? g : undefined;
    const h = own ? list[k - 1] : g;
    if (!h || !isLevel(h) || h.unit !== part.unit || (own && !sameSubject(h, own))) return undefined;
    return h;
  }
  return undefined;
}
