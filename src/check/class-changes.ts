// A 类 broken down into its 项, each with its change (issue 11, rule 3: the parts of a change add up to the
// change): “（二）社会保障和就业支出（类）” / “1．…（项）支出248.77万元，与上年相比减少1751.62万元…” / “2．…（项）支出
// 743.39万元，与上年相比增加743.39万元…”, the 类's own figure and change stated elsewhere (“社会保障和就业（类）支出
// 1289.52万元…与上年相比减少710.87万元”). Whether a list of 项 is complete is not said; where the items'
// figures add up to the 类's figure (at the printed precision), every 项 with a figure this year is listed,
// but one that fell to 0 may be left out with its change (江苏委办公厅 2018: the 一般公共服务 项 add up to
// 20153.75, their changes to 147.20 more than the 类's — the 财政专户 funds that went). So a sum that does
// not fit is no evidence by itself: a word (增加↔减少) is flagged (a warning) only when turning that one word,
// and no other, makes the changes add up to the 类's exactly (at the printed precision).
import { levelRolesFor } from './prose-figures.js';
import type { ExtractedDocument, Fact, Flag, Loc } from '../model.js';
import { makeFlag, placeOf } from './flag.js';
import { figOf, sumFits, type Fig } from './identities.js';
import { lineKey, type TextIndex } from './lines.js';
import { partsOverWhole } from './sums.js';
import { isAmount } from './numbers.js';

const fold = (s: string) => s.replace(/[\s“”"'‘’]/gu, '');
/** A line that is only a 类's name under its list marker: （二）社会保障和就业支出（类）. */
const CLASS_LINE = /^[（(]?[一二三四五六七八九十]{1,3}[)）、．.]\s*(?<name>[\u4e00-\u9fff、]{2,20}?)\s*[（(]\s*\d{0,3}\s*类\s*[)）]\s*$/u;
/** A line opening with a 类 under its list marker, whatever follows it on the line. */
const CLASS_OPENS = /^\s*[（(]?[一二三四五六七八九十]{1,3}[)）、．.]\s*[\u4e00-\u9fff、]{2,20}?\s*[（(]\s*\d{0,3}\s*类\s*[)）]/u;
const className = (s: string) => fold(s).replace(/^\d{1,2}[．.、]/u, '').replace(/[（(]\d{0,3}类[)）]/gu, '').replace(/支出/gu, '');
// (a label cut at its bracket — “项）支出” of “…离退 / 休（项）支出248.77万元” — still names a 项)
const isItem = (f: Fact) => /[（(]\s*\d{0,3}\s*项|^项\s*[)）]/u.test(f.label);

export function classChanges(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const levelRoles = levelRolesFor(doc.document.kind);
  const isLevel = (f: Fact) => levelRoles.includes(f.role) && isAmount(f) && f.kind === 'amount';
  const isChange = (f: Fact) => f.role === 'change' && isAmount(f) && (f.direction === 'increase' || f.direction === 'decrease');
  const pos = (f: Fact) => text.position.get(lineKey(f.loc)) ?? -1;
  const order = doc.facts
    .filter((f) => f.from === 'text' && text.position.has(lineKey(f.loc)))
    .sort((a, b) => pos(a) - pos(b) || (a.loc.start ?? 0) - (b.loc.start ?? 0));
  const para = (f: Fact) => text.paragraph.get(lineKey(f.loc));
  // a level's change: the first amount after it, a change, in its paragraph or opening the next (“…主要用于
  // 离退休人员支出。” / “与上年相比减少710.87万元”: a comparison with no subject of its own)
  const changeOf = (i: number): Fact | undefined => {
    const f = order[i]!;
    for (let k = i + 1; k < order.length && pos(order[k]!) - pos(f) <= 3 && (para(order[k]!) === para(f) || para(order[k]!) === (para(f) ?? -2) + 1); k++) {
      const g = order[k]!;
      if (isChange(g)) return g.unit === f.unit ? g : undefined;
      if (isAmount(g)) return undefined;
    }
    return undefined;
  };
  const flags: Flag[] = [];
  const lines = text.order;
  // 类 lines the outline took for headings (short lines) and tables are not among the body lines, but they
  // end a list too (a table read out of wrapped prose holds the next 类's line)
  const classHeads = doc.blocks.flatMap((b, i) => (b.kind === 'line' ? (doc.headingBlocks.has(i) && CLASS_OPENS.test(b.line.text) ? [b.line.loc] : []) : b.table.rows.flat().slice(0, 1).map((c) => c.loc)));
  const cmp = (a: Loc, b: Loc) => (a.page ?? 0) - (b.page ?? 0) || a.line - b.line;
  const headBetween = (from: Loc, to: Loc) => classHeads.some((h) => cmp(h, from) > 0 && cmp(to, h) > 0);
  for (let li = 0; li < lines.length; li++) {
    const m = CLASS_LINE.exec(lines[li]!.text);
    if (!m) continue;
    const name = className(m.groups!.name!);
    // the items: the 项 figures (and their changes) up to the next 类 line, in the same section
    const start = order.findIndex((f) => pos(f) > li);
    if (start < 0) continue;
    const section = order[start]!.section ?? null;
    const listed: { level: Fact; change: Fact | undefined }[] = [];
    for (let k = start; k < order.length; k++) {
      const f = order[k]!;
      if ((f.section ?? null) !== section) break;
      // (the next 类's line, also where its first 项 goes on after it: “（二）社会保障和就业支出（类）行政事业单位离退休（款）
      // 未归口管理的行政单位离退休（项）支出1,509.72万元”)
      if (lines.slice(li + 1, pos(f) + 1).some((l) => CLASS_LINE.test(l.text) || CLASS_OPENS.test(l.text)) || headBetween(lines[li]!.loc, f.loc)) break;
      if (!isLevel(f) || !isItem(f)) continue;
      listed.push({ level: f, change: changeOf(k) });
    }
    if (listed.length < 2) continue;
    const unit = listed[0]!.level.unit;
    if (listed.some((x) => x.level.unit !== unit || x.level.year !== listed[0]!.level.year || x.level.role !== listed[0]!.level.role)) continue;
    // the 类's own figure stated elsewhere (“2.社会保障和就业（类）支出858.51万元，主要用于…”, in the overview of
    // every source): its 项 listed under the 类's line cannot add up to more (a part of a fund within a whole
    // of that fund or of every source)
    const named = order.flatMap((f, i) => (isLevel(f) && f.unit === unit && f.year === listed[0]!.level.year && f.role === listed[0]!.level.role && className(f.label) === name && pos(f) !== li ? [{ level: f, change: changeOf(i) }] : []));
    const over = partsOver(named.map((x) => x.level), listed.map((x) => x.level), m.groups!.name!);
    if (over) {
      flags.push(over);
      continue;
    }
    if (listed.some((x) => !x.change)) continue;
    const items = listed as { level: Fact; change: Fact }[];
    // the 类's own figure, stated once elsewhere with its change
    const wholes = named.filter((x) => !!x.change) as { level: Fact; change: Fact }[];
    if (wholes.length !== 1) continue;
    const w = wholes[0]!;
    const signed = (c: Fact, x: Fig): Fig => (c.direction === 'decrease' ? { v: -x.v, h: x.h } : x);
    const wl = figOf(w.level.text, unit);
    const wc = figOf(w.change.text, unit);
    const ls = items.map((x) => figOf(x.level.text, unit));
    const cs = items.map((x) => figOf(x.change.text, unit));
    if (!wl || !wc || ls.some((x) => !x) || cs.some((x) => !x)) continue;
    // complete: the items' figures add up to the 类's
    if (!sumFits(wl, ls as Fig[])) continue;
    const parts = items.map((x, i) => signed(x.change, cs[i]!));
    const total = signed(w.change, wc);
    if (sumFits(total, parts)) continue;
    const flip = (p: Fig): Fig => ({ v: -p.v, h: p.h });
    const cands = items.filter((_, i) => sumFits(total, parts.map((p, j) => (j === i ? flip(p) : p))));
    if (cands.length !== 1) continue;
    const f = cands[0]!.change;
    const word = f.direction === 'decrease' ? '减少' : '增加';
    const other = f.direction === 'decrease' ? '增加' : '减少';
    const where = placeOf(w.change.loc);
    const tw = `${w.change.direction === 'decrease' ? '减少' : '增加'}${w.change.text}${w.change.unit}`;
    flags.push(
      makeFlag('DIRECTION_CONFLICT', `变动方向与分项之和不符：所列各项之和等于${m.groups!.name}（类）的${w.level.text}${w.level.unit}，各项变动之和却与其变动（${where}：${tw}）不符，唯有此项为${other}才相符；此处写${word}${f.text}${f.unit}。`, { ...f.loc }, f.excerpt, {
        // (a warning: the list is not said to be complete, and a 项 that fell to 0 left out with its change
        // can, by chance, be twice one listed change — then turning that word fits too)
        severity: 'warning',
        expected: `${other}${f.text}${f.unit}`,
        found: `${word}${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

/** Whether the parts' fund lies within the whole's: a whole of no named fund (every source) holds any part;
 *  财政拨款 holds its funds; a named fund only itself. */
function fundWithin(part: Fact, whole: Fact): boolean {
  const w = whole.about?.fund;
  const p = part.about?.fund;
  if (!w) return true;
  if (w === p) return true;
  return w === 'fiscal' && !!p && p !== 'fiscal';
}

/** The 项 under a 类's line adding up to more than the 类's own figure stated elsewhere (every statement of it,
 *  where they agree): sums.ts partsOverWhole on the 类's figure, naming the parts; only the parts' fund is this rule's. */
function partsOver(wholes: Fact[], parts: Fact[], name: string): Flag | null {
  if (!wholes.length || wholes.some((w) => wholes[0]!.yuan !== w.yuan) || parts.some((p) => wholes.some((w) => !fundWithin(p, w)))) return null;
  return partsOverWhole(wholes[wholes.length - 1]!, parts, `${name}（类）下所列各项（${placeOf(parts[0]!.loc)}起）${parts.map((p) => `${p.text}${p.unit}`).join('＋')}`, 1, '该类的');
}

/** A 类's change stated twice with two amounts (江苏 预算: the overview's `按功能分类，…住房保障支出增加466.32万元` and the
 *  收支总表 part's `3.住房保障（类）支出1,093.52万元…与上年相比增加466.32万元`): one statement of one figure, so the
 *  amounts agree at the printed precision. Only a 类 (its （类） mark, or a bare `…支出` whose name another statement
 *  marks as a 类), of the same fund (none, or the same one), year and direction. A warning on the later statement,
 *  naming the other: which one is wrong is not known. */
export function restatedClassChanges(doc: ExtractedDocument): Flag[] {
  const changes = doc.facts.filter((f) => f.from === 'text' && f.role === 'change' && isAmount(f) && (f.direction === 'increase' || f.direction === 'decrease'));
  const levelOf = (label: string) => [...fold(label).matchAll(/[（(]\d{0,3}(类|款|项)[)）]/gu)].map((m) => m[1]);
  const classes = new Set(doc.facts.filter((f) => f.from === 'text').flatMap((f) => (levelOf(f.label).join() === '类' ? [className(f.label)] : [])));
  const nameOf = (f: Fact): string | null => {
    const marks = levelOf(f.label);
    if (marks.join() === '类') return className(f.label);
    if (marks.length || !/支出$/u.test(fold(f.label))) return null;
    const n = className(f.label);
    return classes.has(n) ? n : null;
  };
  const groups = new Map<string, Fact[]>();
  for (const f of changes) {
    const n = nameOf(f);
    if (!n || n.length < 2) continue;
    const k = `${n}|${f.year}|${f.about?.fund ?? ''}|${f.unit}|${f.direction}`;
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const flags: Flag[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const figs = list.map((f) => figOf(f.text, f.unit));
    if (figs.some((x) => !x)) continue;
    // the statements that agree with the first, and those that do not
    const odd = list.filter((_, i) => !sumFits(figs[0]!, [figs[i]!]));
    if (!odd.length) continue;
    const agree = list.filter((f) => !odd.includes(f));
    // (two values, one of them stated more often: flag the others; one each: flag the later)
    const [bad, good] = odd.length < agree.length ? [odd, agree] : agree.length < odd.length ? [agree, odd] : [[list[list.length - 1]!], list.slice(0, -1)];
    if (new Set(good.map((f) => f.yuan)).size !== 1) continue;
    const g = good[0]!;
    const word = g.direction === 'decrease' ? '减少' : '增加';
    for (const f of bad)
      flags.push(
        makeFlag('VALUE_CONFLICT', `同一变动前后不一致：此处${f.label}${word}${f.text}${f.unit}，${placeOf(g.loc)}同一类的变动为${word}${g.text}${g.unit}。`, { ...f.loc }, f.excerpt, {
          severity: 'warning',
          expected: `${word}${g.text}${g.unit}`,
          found: `${word}${f.text}${f.unit}`,
        }),
      );
  }
  return flags;
}
