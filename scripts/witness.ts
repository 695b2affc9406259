// The witness oracle of the mutation evaluation (scripts/eval-mutations.ts): independent of juesuan's
// checks, it decides from the clean document alone whether the document holds evidence that a changed
// figure is wrong. Only printed numbers are read (ingest's lines and table cells); nothing of
// src/extract or src/check is used, so the checks cannot grade themselves.
//
// A changed figure is *witnessed* when some relation that holds for its original value at printed
// precision fails for the new value. Every printed figure stands for ± half a unit of its last digit
// (and of its unit: 3,169.52万元 is 31,695,150–31,695,250元). Relations:
//   equality   — the same amount printed anywhere else (a line or a table cell; in prose, not in the
//                figure's own sentence, where two equal figures are two things; and none at all where the
//                value is printed twice in its sentence: 23.47万元，上年:23.47万元 — a table's 234,700 may be
//                either; nor within two sentences of it in its paragraph, where equal figures are a
//                政府采购 total and its only part, the amounts reserved for and won by small firms), units normalised
//                (元/万元/亿元; a figure printed without a unit may be 元 or 万元), the finer figure rounded
//                to the coarser one's last digit; values of fewer than 3 significant digits (10.00, 200,
//                0) are never compared (they recur by chance).
//   sum        — prose: within the figure's sentence and the sentences either side (one run of lines, no
//                table or heading between), the figure is the total of 2–3 printed amounts or a part
//                of one with at most 2 others (t = a + b [+ c], a = t + b [+ c]); tables: within the
//                figure's row (2–3 terms), the 科目 tree of its column (a coded row = Σ the rows coded one
//                level below it; 合计/总计 = Σ the 3-digit 类 rows) and, for tables without codes, the
//                2–12 cells directly below or above a total in its column. Slack: the half units of every
//                term.
//   difference — a sum of three figures of one sentence (t = a ± Δ: a change printed with the two
//                levels it compares).
//   rate       — a percent of the figure's sentence (or its table row) equals t/a, a/t, (t−a)/a,
//                (a−t)/a, (t−a)/t, (a−t)/t, t/(t+a), a/(t+a), t/(a−t), a/(t−a) for an amount a of the same
//                sentence or those either side (row), by interval arithmetic over the printed intervals.
// The oracle only says whether the document *could* tell; how often a random figure finds a relation by
// chance is measured by `coincidence` (eval-mutations reports it).
import type { IngestedDocument } from '../src/model.js';

export type Relation = 'equality' | 'sum' | 'difference' | 'rate';

/** One relation that holds for a value at the figure's place: its kind and the printed figures it uses. */
export interface Held {
  relation: Relation;
  /** Identifies the terms (the same relation found for two values has the same id). */
  id: string;
  /** For the report: the other figures and where they stand. */
  detail: string;
}

/** A printed number. `n` is the printed digits as an integer, `d` its decimals; `scales` the possible
 *  元 per unit (1 for 元, 1e4 for 万元, 1e8 for 亿元; both 1 and 1e4 where no unit is printed). */
interface Num {
  n: number;
  d: number;
  text: string;
  scales: number[];
  percent: boolean;
  /** block index; for a cell its row and column; for a line the raw offset. */
  block: number;
  row?: number;
  col?: number;
  start?: number;
  /** sentence id (prose) */
  sentence?: number;
  /** a figure of a table row printed as a line */
  rowLine?: boolean;
  where: string;
}

/** The place of a figure in the clean document (a mutation's site). */
export interface Place {
  block: number;
  row?: number;
  col?: number;
  /** raw offset of the figure in its line */
  start?: number;
}

const FOLD: Record<string, string> = { '０': '0', '１': '1', '２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9', '．': '.', '％': '%' };
const fold = (s: string) => s.replace(/[０-９．％]/g, (c) => FOLD[c]!);
const PROSE = /[，。；、]/u;
const UNIT: Record<string, number> = { 亿元: 1e8, 万元: 1e4, 万: 1e4, 元: 1 };

/** The digits of a printed figure: integer and decimals (commas dropped). Null for a malformed one. */
export function parseFigure(text: string): { n: number; d: number } | null {
  const t = fold(text).replace(/,/g, '').trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const d = t.includes('.') ? t.split('.')[1]!.length : 0;
  return { n: Number(t.replace('.', '')), d };
}

/** Significant digits of the value (leading and trailing zeros dropped): 10.00 → 1, 17.26 → 4. */
export function significant(text: string): number {
  const t = fold(text).replace(/,/g, '');
  const [i, f = ''] = t.split('.');
  return (i! + f.replace(/0+$/, '')).replace(/^0+/, '').replace(/0+$/, '').length || 0;
}

const value = (x: { n: number; d: number }, scale: number) => (x.n / 10 ** x.d) * scale;
const half = (x: { d: number }, scale: number) => (0.5 / 10 ** x.d) * scale;
const EPS = 1e-9;
/** The longest run of cells below or above a total in a column without 科目 codes. */
const RUN = 12;

/** Whether two printed figures are the same amount: the finer rounded to the coarser's last digit. */
function sameAmount(a: { n: number; d: number }, sa: number, b: { n: number; d: number }, sb: number): boolean {
  const ea = Math.round(Math.log10(sa)) - a.d;
  const eb = Math.round(Math.log10(sb)) - b.d;
  if (ea === eb) return a.n === b.n;
  const [fine, coarse, ef, ec] = ea < eb ? [a, b, ea, eb] : [b, a, eb, ea];
  const rounded = Math.floor(fine.n / 10 ** (ec - ef) + 0.5 + EPS);
  return rounded === coarse.n;
}

/** A code-shaped integer (功能分类 201/20101/2010101, 经济分类 301/30101): not an amount. */
const CODE = /^[235]\d{2}(\d{2}){0,2}$/;
const YEAR = /^(19|20)\d{2}$/;
const COUNT_AFTER = /^\s?(年(?!度)|个|人|辆|次|项|月|日|号|平方米|台|件|家|名|天|小时|所|户|套|批|期|类|款|页|条|位|张|份|亩|公里|米|吨|部|座|间|种|季度|届|周)/u;

function lineNums(raw: string, block: number, page: string, line: number): Num[] {
  const s = fold(raw);
  const prose = PROSE.test(s);
  const out: Num[] = [];
  for (const m of s.matchAll(/(?<![\d.,A-Za-z])\d[\d,]*(?:\.\d+)?/g)) {
    let text = m[0];
    if (text.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.split(',')[0]!;
    text = text.replace(/[.,]$/, '');
    const at = m.index;
    const after = s.slice(at + text.length);
    const p = parseFigure(text);
    if (!p) continue;
    const unit = /^\s*(亿元|万元|元|万(?!人|个|平方|亩|户|册|件|份|次|辆))/u.exec(after);
    const pct = /^\s*%/.test(after);
    const base = { ...p, text, block, start: at, where: `${page}:${line}` };
    if (pct) {
      out.push({ ...base, scales: [1], percent: true });
      continue;
    }
    if (unit) {
      out.push({ ...base, scales: [UNIT[unit[1]!]!], percent: false });
      continue;
    }
    if (COUNT_AFTER.test(after) || (p.d === 0 && (YEAR.test(text) || CODE.test(text)))) continue;
    if (/[第至~—-]\s*$/.test(s.slice(0, at))) continue;
    // In prose a figure without a unit is read only if it has decimals or a thousands comma.
    if (prose && p.d === 0 && !text.includes(',')) continue;
    out.push({ ...base, scales: [1, 1e4], percent: false });
  }
  return out;
}

function cellNum(raw: string): { n: number; d: number; text: string; percent: boolean } | null {
  const s = fold(raw).trim();
  const m = /^(\d[\d,]*(?:\.\d+)?)\s*(%?)$/.exec(s);
  if (!m) return null;
  if (m[1]!.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(m[1]!)) return null;
  const p = parseFigure(m[1]!);
  if (!p) return null;
  if (!m[2] && p.d === 0 && !m[1]!.includes(',') && (CODE.test(m[1]!) || YEAR.test(m[1]!))) return null;
  return { ...p, text: m[1]!, percent: !!m[2] };
}

/** The 科目 code of a table row: a leading cell of 3/5/7 digits, or 类/款/项 pieces in separate cells. */
function rowCode(row: { raw: string }[]): string | null {
  const cells = row.map((c) => fold(c.raw).trim());
  for (let i = 0; i < Math.min(3, cells.length); i++) {
    const m = /^([2-5]\d{2}(?:\d{2}){0,2})(?!\d)/.exec(cells[i]!);
    if (m) {
      // 类 | 款 | 项 in three cells: 201 | 01 | 01
      let code = m[1]!;
      if (code.length === 3 && /^\d{2}$/.test(cells[i + 1] ?? '')) {
        code += cells[i + 1];
        if (/^\d{2}$/.test(cells[i + 2] ?? '')) code += cells[i + 2];
      }
      return code;
    }
    if (cells[i] && !/^\s*$/.test(cells[i]!)) break;
  }
  return null;
}

function* subsets<T>(xs: T[], k: number, from = 0, acc: T[] = []): Generator<T[]> {
  if (acc.length === k) {
    yield acc;
    return;
  }
  for (let i = from; i < xs.length; i++) yield* subsets(xs, k, i + 1, [...acc, xs[i]!]);
}

export class Oracle {
  private nums: Num[] = [];
  private cellsByTable = new Map<number, Num[]>();
  private sentences = new Map<number, Num[]>();
  /** sentences of one run of lines, in order, by sentence id → run and position */
  private runPos = new Map<number, { run: number; i: number }>();
  private runs: number[][] = [];
  private codes = new Map<string, string | null>();
  private labels = new Map<string, string>();

  constructor(doc: IngestedDocument, headings: Set<number> = new Set(), toc: Set<number> = new Set()) {
    let sentence = 0;
    let run: number[] = [];
    const endRun = () => {
      if (run.length) this.runs.push(run);
      run = [];
    };
    const fresh = () => {
      sentence++;
      run.push(sentence);
      return sentence;
    };
    let closed = true; // the last sentence ended (a 。, a heading, a table)
    doc.blocks.forEach((b, bi) => {
      if (toc.has(bi)) return;
      if (b.kind === 'table') {
        endRun();
        closed = true;
        const cells: Num[] = [];
        b.table.rows.forEach((row, ri) => {
          this.codes.set(`${bi}/${ri}`, rowCode(row));
          this.labels.set(`${bi}/${ri}`, row.map((c) => c.raw).join(''));
          row.forEach((c, ci) => {
            if (c.spanned) return;
            const p = cellNum(c.raw);
            if (!p) return;
            const n: Num = { ...p, scales: p.percent ? [1] : [1, 1e4], block: bi, row: ri, col: ci, where: `${c.loc.page ?? c.loc.paragraph ?? ''}:${c.loc.line} ${b.table.id}[${ri},${ci}]` };
            cells.push(n);
            this.nums.push(n);
          });
        });
        this.cellsByTable.set(bi, cells);
        return;
      }
      const line = b.line;
      const page = String(line.loc.page ?? line.loc.paragraph ?? '');
      // a table row printed as a line (page text): its figures are a row, not prose
      const isRow = !PROSE.test(line.text) && (line.raw.match(/\d[\d,]*\.\d{2}/g) ?? []).length >= 2;
      const alone = headings.has(bi) || isRow;
      if (alone) {
        endRun();
        closed = true;
      }
      let cur = closed ? fresh() : sentence;
      const ns = lineNums(line.raw, bi, page, line.loc.line);
      const s = fold(line.raw);
      const stops = [...s.matchAll(/。/g)].map((m) => m.index);
      let k = 0;
      for (const n of ns) {
        while (k < stops.length && stops[k]! < n.start!) {
          cur = fresh();
          k++;
        }
        n.sentence = cur;
        if (isRow) n.rowLine = true;
        this.sentences.set(cur, [...(this.sentences.get(cur) ?? []), n]);
        this.nums.push(n);
      }
      closed = k < stops.length && s.trimEnd().endsWith('。');
      if (k < stops.length && !closed) fresh();
      if (alone) {
        endRun();
        closed = true;
      }
    });
    endRun();
    this.runs.forEach((r, ri) => r.forEach((s, i) => this.runPos.set(s, { run: ri, i })));
  }

  private find(p: Place): Num | null {
    return this.nums.find((n) => n.block === p.block && (p.row !== undefined ? n.row === p.row && n.col === p.col : n.start === p.start)) ?? null;
  }

  /** The relations that hold at the place for a value printed as `text` (the figure's own print). */
  holding(p: Place, text: string): Held[] {
    const self = this.find(p);
    const v = parseFigure(text);
    if (!self || !v) return [];
    const t: Num = { ...self, ...v, text };
    const out: Held[] = [];
    const isSelf = (n: Num) => n === self;
    // equality (none where the value is printed twice in the figure's own sentence — 23.47万元，上年:23.47万元
    // — as a restatement elsewhere may be of the other one)
    const twice = !self.rowLine && self.sentence !== undefined && (this.sentences.get(self.sentence) ?? []).some((o) => o !== self && !o.percent && t.scales.some((st) => o.scales.some((so) => sameAmount(t, st, o, so))));
    if (significant(text) >= 3 && !twice) {
      for (const o of this.nums) {
        if (isSelf(o) || o.percent || significant(o.text) < 3) continue;
        // two equal figures of one sentence are two things that happen to be equal (本年 and 上年), not a
        // restatement
        if (!self.rowLine && self.sentence !== undefined && o.sentence === self.sentence) continue;
        // nor are two equal figures of one paragraph within two sentences of each other: a paragraph states
        // each amount once, so they are two things that happen to be equal (a 政府采购 total, its 货物 part,
        // the amount reserved for small firms and the amount they won); a restatement comes elsewhere
        if (this.near(self, o)) continue;
        if (t.scales.some((st) => o.scales.some((so) => sameAmount(t, st, o, so)))) out.push({ relation: 'equality', id: `eq:${o.where}:${o.text}`, detail: `${o.text} at ${o.where}` });
      }
    }
    if (self.row !== undefined) out.push(...this.tableRelations(t, self));
    else if (self.rowLine) out.push(...this.rowRelations(t, (this.sentences.get(self.sentence!) ?? []).filter((n) => n !== self), 'row'));
    else if (self.sentence !== undefined) out.push(...this.proseRelations(t, self));
    // one entry per id
    const seen = new Set<string>();
    return out.filter((h) => (seen.has(h.id) ? false : (seen.add(h.id), true)));
  }

  /** The relations that witness the change `was` → `now`: those holding for the first, not the second. */
  witness(p: Place, was: string, now: string): Held[] {
    const after = new Set(this.holding(p, now).map((h) => h.id));
    return this.holding(p, was).filter((h) => !after.has(h.id));
  }

  /** Two prose figures of one run of lines, less than 3 sentences apart. */
  private near(a: Num, b: Num): boolean {
    if (a.rowLine || b.rowLine || a.sentence === undefined || b.sentence === undefined) return false;
    const pa = this.runPos.get(a.sentence);
    const pb = this.runPos.get(b.sentence);
    return !!pa && !!pb && pa.run === pb.run && Math.abs(pa.i - pb.i) < 3;
  }

  /** Whether the place can be read at all (the figure was found among the printed numbers). */
  knows(p: Place): boolean {
    return this.find(p) !== null;
  }

  private proseRelations(t: Num, self: Num): Held[] {
    const out: Held[] = [];
    const sid = self.sentence!;
    const pos = this.runPos.get(sid);
    const window = pos ? this.runs[pos.run]!.slice(Math.max(0, pos.i - 1), pos.i + 2) : [sid];
    const amounts = (ids: number[]) => ids.flatMap((s) => this.sentences.get(s) ?? []).filter((n) => n !== self && !n.percent && n.scales.length === 1 && n.n > 0);
    const st = t.scales.length === 1 ? t.scales[0]! : null;
    if (st === null) return out;
    const T = { v: value(t, st), h: half(t, st) };
    const win = amounts(window).map((n) => ({ n, v: value(n, n.scales[0]!), h: half(n, n.scales[0]!) }));
    const same = new Set(this.sentences.get(sid) ?? []);
    const label = (terms: typeof win) => (terms.length === 2 && terms.every((x) => same.has(x.n)) ? 'difference' : 'sum');
    // t as a total of 2–3 terms
    for (const k of [2, 3]) {
      for (const S of subsets(win, k)) {
        const sum = S.reduce((a, x) => a + x.v, 0);
        const slack = T.h + S.reduce((a, x) => a + x.h, 0);
        if (Math.abs(T.v - sum) <= slack * (1 + EPS)) out.push({ relation: label(S), id: `sum:=${S.map((x) => x.n.where + x.n.text).join('+')}`, detail: `${t.text} = ${S.map((x) => x.n.text).join(' + ')}` });
      }
    }
    // t as a part: a = t + b [+ c]
    for (const a of win) {
      const others = win.filter((x) => x !== a);
      for (const k of [1, 2]) {
        for (const S of subsets(others, k)) {
          const sum = T.v + S.reduce((acc, x) => acc + x.v, 0);
          const slack = T.h + a.h + S.reduce((acc, x) => acc + x.h, 0);
          if (Math.abs(a.v - sum) <= slack * (1 + EPS)) out.push({ relation: label([a, ...S]), id: `sum:${a.n.where + a.n.text}=${S.map((x) => x.n.where + x.n.text).join('+')}`, detail: `${a.n.text} = ${t.text} + ${S.map((x) => x.n.text).join(' + ')}` });
        }
      }
    }
    // rates of the sentence, against an amount of the sentence or those either side (增加298.17万元，增长
    // 10.44% after the sentence stating this year's figure)
    const pcts = (this.sentences.get(sid) ?? []).filter((n) => n.percent);
    out.push(...rates(T, t.text, win, pcts));
    return out;
  }

  private tableRelations(t: Num, self: Num): Held[] {
    const out: Held[] = [];
    const cells = (this.cellsByTable.get(self.block) ?? []).filter((n) => n !== self && !n.percent && n.n > 0);
    const T = { v: value(t, 1), h: half(t, 1) };
    const term = (n: Num) => ({ n, v: value(n, 1), h: half(n, 1) });
    const id = (xs: Num[]) => xs.map((x) => `${x.row},${x.col}`).join('+');
    out.push(...this.rowRelations(t, (this.cellsByTable.get(self.block) ?? []).filter((n) => n !== self && n.row === self.row), 'row'));
    // the column: the 科目 tree, or 2–3 cells next to a total
    const col = cells.filter((n) => n.col === self.col);
    const code = (n: Num) => this.codes.get(`${n.block}/${n.row}`) ?? null;
    const myCode = this.codes.get(`${self.block}/${self.row}`) ?? null;
    const coded = col.filter((n) => code(n) !== null);
    const isTotal = (n: Num) => /合\s*计|总\s*计/.test(this.labels.get(`${n.block}/${n.row}`) ?? '') && code(n) === null;
    const childrenOf = (c: string) => coded.filter((n) => code(n)!.length === c.length + 2 && code(n)!.startsWith(c));
    const tops = () => coded.filter((n) => code(n)!.length === 3);
    if (myCode !== null || coded.length >= 2) {
      // t as a parent
      if (myCode !== null) {
        const kids = childrenOf(myCode);
        if (kids.length) {
          const S = kids.map(term);
          if (fits(T, S)) out.push({ relation: 'sum', id: `tree:${myCode}=`, detail: `${t.text} = Σ ${kids.length} rows under ${myCode}` });
        }
        // t as a child
        const parentCode = myCode.length > 3 ? myCode.slice(0, -2) : null;
        const parent = parentCode ? coded.find((n) => code(n) === parentCode) : col.find(isTotal);
        if (parent) {
          const sibs = (parentCode ? childrenOf(parentCode) : tops()).filter((n) => n !== self);
          if (fits(term(parent), [T, ...sibs.map(term)])) out.push({ relation: 'sum', id: `tree:${parentCode ?? 'total'}<-${myCode}`, detail: `${parent.text} = ${t.text} + Σ ${sibs.length} rows (${parentCode ?? '合计'})` });
        }
      } else if (isTotal(self)) {
        const S = tops().map(term);
        if (S.length && fits(T, S)) out.push({ relation: 'sum', id: `tree:total=`, detail: `${t.text} = Σ ${S.length} 类 rows` });
      }
    } else {
      // no codes: a total and the 2–12 cells directly below or above it (zeros skipped)
      const ordered = col.concat([self]).sort((a, b) => a.row! - b.row!);
      const at = ordered.indexOf(self);
      for (let k = 2; k <= RUN; k++) {
        for (const S of [ordered.slice(at + 1, at + 1 + k), ordered.slice(Math.max(0, at - k), at)]) {
          if (S.length === k && fits(T, S.map(term))) out.push({ relation: 'sum', id: `col:=${id(S)}`, detail: `${t.text} = ${S.map((x) => x.text).join(' + ')} (column)` });
        }
        for (let j = 0; j < ordered.length; j++) {
          if (j === at) continue;
          const run = j < at ? ordered.slice(j + 1, j + 1 + k) : ordered.slice(j - k, j);
          if (run.length === k && run.includes(self)) {
            const others = run.filter((x) => x !== self);
            if (fits(term(ordered[j]!), [T, ...others.map(term)])) out.push({ relation: 'sum', id: `col:${ordered[j]!.row}=${id(others)}`, detail: `${ordered[j]!.text} = ${t.text} + ${others.map((x) => x.text).join(' + ')} (column)` });
          }
        }
      }
    }
    return out;
  }

  /** Relations within a table row (cells, or the figures of a row printed as a line, all in one unit):
   *  the figure as the total of 2–3 others or a part of one with at most 2 others; a percent of the row
   *  as a rate of the figure against another. */
  private rowRelations(t: Num, others: Num[], tag: string): Held[] {
    const out: Held[] = [];
    const T = { v: value(t, 1), h: half(t, 1) };
    const term = (n: Num) => ({ n, v: value(n, 1), h: half(n, 1) });
    const row = others.filter((n) => !n.percent && n.n > 0).map(term);
    const pos = (n: Num) => (n.row !== undefined ? `${n.row},${n.col}` : `${n.where}@${n.start}`);
    for (const k of [2, 3]) for (const S of subsets(row, k)) if (fits(T, S)) out.push({ relation: 'sum', id: `${tag}:=${S.map((x) => pos(x.n)).join('+')}`, detail: `${t.text} = ${S.map((x) => x.n.text).join(' + ')} (${tag})` });
    for (const a of row)
      for (const k of [1, 2])
        for (const S of subsets(row.filter((x) => x !== a), k))
          if (fits(a, [T, ...S])) out.push({ relation: 'sum', id: `${tag}:${pos(a.n)}=${S.map((x) => pos(x.n)).join('+')}`, detail: `${a.n.text} = ${t.text} + ${S.map((x) => x.n.text).join(' + ')} (${tag})` });
    out.push(...rates(T, t.text, row, others.filter((n) => n.percent)));
    return out;
  }
}

const fits = (total: { v: number; h: number }, parts: { v: number; h: number }[]) => Math.abs(total.v - parts.reduce((a, x) => a + x.v, 0)) <= (total.h + parts.reduce((a, x) => a + x.h, 0)) * (1 + EPS);

/** Rates of the figure against another amount, by interval arithmetic. */
function rates(T: { v: number; h: number }, text: string, amounts: { n: Num; v: number; h: number }[], pcts: Num[]): Held[] {
  const out: Held[] = [];
  const fs: [string, (t: number, a: number) => number][] = [
    ['t/a', (t, a) => t / a],
    ['a/t', (t, a) => a / t],
    ['(t-a)/a', (t, a) => (t - a) / a],
    ['(a-t)/a', (t, a) => (a - t) / a],
    ['(t-a)/t', (t, a) => (t - a) / t],
    ['(a-t)/t', (t, a) => (a - t) / t],
    ['t/(t+a)', (t, a) => t / (t + a)],
    ['a/(t+a)', (t, a) => a / (t + a)],
    ['t/(a-t)', (t, a) => t / (a - t)],
    ['a/(t-a)', (t, a) => a / (t - a)],
  ];
  for (const p of pcts) {
    const pv = value(p, 1) / 100;
    const ph = half(p, 1) / 100;
    if (pv === 0) continue;
    for (const a of amounts) {
      for (const [name, f] of fs) {
        const corners = [f(T.v - T.h, a.v - a.h), f(T.v - T.h, a.v + a.h), f(T.v + T.h, a.v - a.h), f(T.v + T.h, a.v + a.h)];
        if (corners.some((c) => !Number.isFinite(c) || c <= 0)) continue;
        // the denominator must keep its sign over the box (else the function is not monotone there)
        const den = name.includes('(a-t)') && name.startsWith('t') ? [a.v - a.h - T.v - T.h, a.v + a.h - T.v + T.h] : name.includes('(t-a)') && name.startsWith('a') ? [T.v - T.h - a.v - a.h, T.v + T.h - a.v + a.h] : null;
        if (den && den[0]! * den[1]! <= 0) continue;
        const lo = Math.min(...corners);
        const hi = Math.max(...corners);
        if (hi >= pv - ph - EPS && lo <= pv + ph + EPS) out.push({ relation: 'rate', id: `rate:${p.where}${p.text}:${name}:${a.n.where}${a.n.text}`, detail: `${p.text}% = ${name} with t=${text}, a=${a.n.text}` });
      }
    }
  }
  return out;
}
