// Standard tables printed as page text, read row by row. A row is its 科目 code pieces, its label and
// its figures in order; a table's value columns come from its template (patterns/layouts.yaml) or
// from its fullest rows. A row with all its figures fills the columns in order; one with fewer is
// placed by the printed positions where the text keeps them (pdftotext -layout), else only what the
// count and the template's arithmetic (the first column is the total) make certain, the rest marked
// uncertain: no silent value.
import type { Cell, SourceTable } from '../../model.js';
import { loadPattern } from '../../patterns.js';
import { normalize } from '../normalize.js';
import { completesTitle } from '../pdf/tables.js';
import { isIndicatorTitle, matchTitle, type TitleDef } from '../pdf/titles.js';
import { listTable } from './list.js';
import { displayColumns } from '../../display-columns.js';
import { figureThenItem } from '../fused-cells.js';
import { cellsOf, THIN_WORD, unthin, type SourceLine } from './pagetext.js';

interface Template {
  kind: string;
  values?: string[];
  /** Other value-column lists the same table kind is printed with (provincial variants). */
  variants?: string[][];
  total?: boolean;
  left?: string[];
  right?: string[];
  /** (halves) other value-column lists of the right half, used where the band prints every name. */
  rightVariants?: string[][];
  /** Columns that are sums of others (by name): a row short of figures is placed where every sum
   *  holds; a figure whose column is the same in every such placement is sure. */
  sums?: Sum[];
  /** The total row's columns are lines of a two-halves table's left half (收入决算表 合计 = 收支总表's
   *  income lines): column name → the labels (ordinal dropped) whose figures add up to it. */
  totalRow?: { from: string; row?: string[]; lines: Record<string, string[]> };
  /** The total row's columns are at least these lines of a two-halves table's right half (a part of
   *  the spending: 财政拨款 基本支出 ≤ all funds' 基本支出): column name → the labels (ordinal dropped). */
  atLeast?: { from: string; lines: Record<string, string[]> };
  /** A row is figures alone, no label (the 三公 table's one row). */
  unlabelled?: boolean;
  /** A list table (政府采购): text columns in a tree, placed by the figures' sums (./list.ts); the
   *  names of its text columns, used where the header band prints them all. */
  list?: boolean;
  labels?: string[];
  /** Tables this one is a part of, row by row (same 科目 code): each of its figures is at most the
   *  other's in the same column (the first value columns, the totals, pair; others by name or `columns`). */
  within?: { kind: string; columns?: Record<string, string> }[];
}

let templates: Map<string, Template> | null = null;
const templateOf = (kind: string) =>
  (templates ??= new Map(loadPattern<{ tables: Template[] }>('layouts.yaml').tables.map((t) => [t.kind, t]))).get(kind) ?? null;

const UNIT = /单位\s*[:：]/;
/** A table's own unit line (单位：元), not the compiler's (编制单位：…). */
const OWN_UNIT = /(?<!编制)单位\s*[:：]/;
// A note (注：…), also where the text layer lost its 注 and the line starts with the colon.
const NOTE = /^\s*(注|说明|备注)?\s*[:：]|本表(为空表|无数据|为空)|^\s*本(单位|部门)(当年)?(无|没有)/;
const PART = /^\s*第[一二三四五六七八九十]+部分/;
/** A table's number printed by its title (公开05表, 公开表三, 表3, 附表2-1, 表2-1-1): never a row. */
const CAPTION = /^\s*(公开\s*\d{1,2}\s*表|公开\s*表\s*[一二三四五六七八九十]+|附?表\s*(\d{1,2}(-\d{1,2}){0,2}|[一二三四五六七八九十]+))\s*$/;
// A negative may be printed in brackets, half or full width (the accounting convention: (10.00), （3.23%）).
const AMOUNT = /^[-−]?\d[\d,]*(\.\d+)?$|^[-—–]$|^\d{1,3}(\.\d{3})+\.\d{2}$|^[(（]\d[\d,]*\.\d+[)）]$/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
const PERCENT = /^[-−]?\d[\d,]*(\.\d+)?%$|^[(（]\d[\d,]*(\.\d+)?%[)）]$/;
const PIECE = /^\d{2}$/;
/** A title that says the table goes on from the page before: 支出决算表（续）, …决算表（续表）, …续表. */
const CONTINUED = /(?:[(（]续表?[)）]|续表)$/u;
const FOOTER = /^\s*([-—–]\s*\d{1,3}\s*[-—–]|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d{1,3})\s*$/;
/** A text-only line that opens the body (the header band is above it). */
const FIRST_ROW = /^([一二三四五六七八九十]+、|\d+[.、])|^(合计|总计)$/;
const ROW_START = /^([一二三四五六七八九十]+、|\d+[.、]|合计|总计|本年|年初|年末|使用|结余|收入总计|支出总计|人员经费|公用经费|其中)/;

interface Token {
  text: string;
  start: number;
  end: number;
  /** Display column of the token's end (figures) or start (text); null where the text keeps no columns. */
  x: number | null;
  /** The line it stands on, where not its row's (a tall row's figures printed a line higher). */
  src?: SourceLine;
  /** A figure whose half no arithmetic decided (it stays uncertain). */
  doubt?: boolean;
  /** Characters spaced out over a cell (分散对齐), or one such character alone: a piece of a label. */
  spaced?: boolean;
  /** The figure as printed, where its text drops the thin spaces between its digit groups. */
  printed?: string;
}

/** total = Σ parts − Σ less (年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出合计, as 本年支出合计 =
 *  年初结转和结余 + 本年收入 − 年末结转和结余). */
interface Sum {
  total: string;
  parts: string[];
  less?: string[];
}

interface Group {
  label: Token[];
  values: Token[];
  /** (two halves) the half's own 科目 code (经济分类: 301 工资福利支出 | 302 商品和服务支出). */
  codes?: Token[];
}

interface Row {
  src: SourceLine;
  codes: Token[];
  groups: Group[];
  /** Lines whose text was joined into this row's label. */
  extra: SourceLine[];
  /** (two halves) each half's group where the reader already knows it. */
  sides?: { left?: Group; right?: Group };
}

export interface PrintedTable<L> {
  table: SourceTable;
  lines: L[];
}

function tokens(l: SourceLine, fixed: boolean): Token[] {
  const col = displayColumns(l.raw);
  const cells = (fixed ? cellsOf(l.raw) : [...l.raw.matchAll(THIN_WORD)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }))).flatMap((c) => {
    // A code printed against its label (310资本性支出): two cells.
    const m = /^(\d{3}|\d{5}|\d{7})(?=\p{Script=Han})/u.exec(c.text);
    if (m) return [{ text: m[1]!, start: c.start, end: c.start + m[1]!.length }, { text: c.text.slice(m[1]!.length), start: c.start + m[1]!.length, end: c.end }];
    // A figure fused with the next column's numbered item (47,483,458一、社会保障和就业支出): two cells.
    const f = figureThenItem(c.text);
    if (!f) return [c];
    const at = c.start + f.figure.length + f.gap.length;
    return [{ text: f.figure, start: c.start, end: c.start + f.figure.length }, { text: f.item, start: at, end: c.end }];
  });
  // Within a fixed-width cell, single spaces still part a figure from a label (行政运行 1,511.89).
  const out: Token[] = [];
  for (const c of cells) {
    const parts = [...c.text.matchAll(THIN_WORD)];
    let textFrom = -1;
    const flush = (upTo: number) => {
      if (textFrom < 0) return;
      const s = c.start + parts[textFrom]!.index;
      const last = parts[upTo - 1]!;
      const e = c.start + last.index + last[0].length;
      out.push({ text: l.raw.slice(s, e), start: s, end: e, x: fixed ? col[s]! : null });
      textFrom = -1;
    };
    parts.forEach((p, k) => {
      // (a figure's digit groups apart by thin spaces: read as one figure, printed as it stands)
      const w = unthin(p[0]);
      if (AMOUNT.test(w) || CODE.test(w)) {
        flush(k);
        const s = c.start + p.index;
        const e = s + p[0].length;
        out.push({ text: w, start: s, end: e, x: fixed ? col[e]! : null, ...(w !== p[0] ? { printed: p[0] } : {}) });
      } else if (textFrom < 0) textFrom = k;
    });
    flush(parts.length);
  }
  // Characters spaced out across a cell (分散对齐: 收    入    总   计): one label.
  const merged: Token[] = [];
  let spread = false;
  for (const t of out) {
    const prev = merged[merged.length - 1];
    const single = /^\p{Script=Han}$/u.test(t.text);
    if (prev && single && (spread || /^\p{Script=Han}$/u.test(prev.text)) && col[t.start]! - col[prev.end]! <= 8) {
      merged[merged.length - 1] = { text: prev.text + t.text, start: prev.start, end: t.end, x: prev.x, spaced: true };
      spread = true;
      continue;
    }
    spread = false;
    merged.push(single ? { ...t, spaced: true } : t);
  }
  return merged;
}

const isAmount = (t: Token) => AMOUNT.test(t.text);

/** Split a line's tokens into code pieces and label/figure groups. */
function parseRow(l: SourceLine, toks: Token[], halves: boolean, fixed: boolean, decimals = false): Row {
  const codes: Token[] = [];
  let k = 0;
  // The code column's header words (类 款 项, spaced out) printed on the total row's line (类 款 项 合计
  // 2,946.25 …): no part of its label.
  if (toks.length > 2 && /^类款项$/.test(toks[0]!.text) && toks[0]!.spaced && /\p{Script=Han}/u.test(toks[1]!.text) && !isAmount(toks[1]!)) toks = toks.slice(1);
  if (toks[0] && CODE.test(toks[0].text)) {
    codes.push(toks[k++]!);
    while (codes.length < 3 && toks[k] && PIECE.test(toks[k]!.text) && toks.length > k + 1) codes.push(toks[k++]!);
  } else {
    // Bare integers before the label are its 科目 code pieces, however misprinted (7 11 02 事业单位医疗),
    // never figures: figures follow a row's label.
    let j = 0;
    while (j < 3 && toks[j] && /^\d{1,7}$/.test(toks[j]!.text)) j++;
    if (j > 0 && toks[j] && /\p{Script=Han}/u.test(toks[j]!.text) && !isAmount(toks[j]!)) for (; k < j; k++) codes.push(toks[k]!);
  }
  const groups: Group[] = [];
  for (; k < toks.length; k++) {
    const t = toks[k]!;
    let g = groups[groups.length - 1];
    // (two halves) a code after the left half's figures opens the right half: 30101 基本工资 14.12 30201 办公费 3.78
    // Also after a left half with no figure, where the code is of the left code's class and level (30103 奖金
    // 30203 咨询费: 30203 is no amount of 奖金 but the right half's code).
    const sameClass = !!codes[0] && codes[0].text.length === t.text.length && codes[0].text.slice(0, 2) === t.text.slice(0, 2);
    const opensRight = !g || g.values.length || (g.label.length && sameClass && /\p{Script=Han}/u.test(toks[k + 1]?.text ?? ''));
    if (halves && CODE.test(t.text) && toks[k + 1] && !isAmount(toks[k + 1]!) && opensRight) {
      groups.push({ label: [], values: [], codes: [t] });
      continue;
    }
    // (two halves) a code in pieces after the left half's label opens the right half: 303 04 抚恤金 302 24 被装购置费.
    // Also where a half's label is wrapped off the line, above and below it (a dump cut at single spaces):
    // after the left half's figure alone (301 08 229.67 302 07 邮电费 3.48), or before the right half's figure
    // (301 12 其他社会保障缴费 7.17 302 12 0.00, its label on the lines around): a 3-digit code of the left
    // code's class in pieces after a figure with decimals opens the right half.
    const afterFig = !!g && g.values.length > 0 && g.values.every((v) => /\.\d+$/.test(v.text)) && !!codes[0] && codes[0].text[0] === t.text[0];
    // The same with the right half's code whole: `30113 住房公积金 431.39 30212 13.24` (因公出国（境）费用 wrapped
    // onto the lines around): a code of the left code's class and length, then one figure with decimals ending the line.
    // Also after a left half printed without its figure (30310 个人农业生产补贴 30231 81.11), where the table prints
    // its figures with decimals.
    const bareLeft = !!g && decimals && g.label.length > 0 && !g.values.length && !!codes[0] && codes[0].text[0] === t.text[0];
    if (halves && (afterFig || bareLeft) && CODE.test(t.text) && t.text.length === codes[0]!.text.length && k === toks.length - 2 && /\.\d+$/.test(toks[k + 1]!.text)) {
      groups.push({ label: [], values: [], codes: [t] });
      continue;
    }
    if (halves && g && (g.label.length || afterFig) && /^\d{3}$/.test(t.text)) {
      let j = k + 1;
      while (j < k + 3 && toks[j] && PIECE.test(toks[j]!.text)) j++;
      const after = toks[j];
      const unlabelled = afterFig && j === k + 2 && j === toks.length - 1 && !!after && /\.\d+$/.test(after.text);
      if (j > k + 1 && after && ((/\p{Script=Han}/u.test(after.text) && !isAmount(after)) || unlabelled)) {
        const text = toks.slice(k, j).map((x) => x.text).join('');
        groups.push({ label: [], values: [], codes: [{ ...t, text, end: toks[j - 1]!.end }] });
        k = j - 1;
        continue;
      }
    }
    // (two halves, coded) The right half's code last on the line, after the left half's figures, its label
    // and figure printed on the next line (30109 职业年金缴费 225.12 30207 / 邮电费 8.05): a code of the left
    // code's class, not a figure (the figures carry decimals); it opens the right half.
    // Also after a left half printed without its figure (blank cells left blank: 30111 公务员医疗补助缴费 30209 /
    // 物业管理费 82.20), where the table prints its figures with decimals.
    if (halves && k === toks.length - 1 && g && (g.values.length ? g.values.every((v) => /\.\d+$/.test(v.text)) : decimals && g.label.length > 0) && !!codes[0] && codes[0].text.slice(0, 2) === t.text.slice(0, 2) && CODE.test(t.text)) {
      groups.push({ label: [], values: [], codes: [t] });
      continue;
    }
    // (a columns table) a rate cell (增减率 4.17%) after a row's figures is one of its figures, not its label
    if (isAmount(t) || (!halves && PERCENT.test(t.text) && g?.values.length)) {
      if (!g) groups.push((g = { label: [], values: [] }));
      g.values.push(t);
      continue;
    }
    // A new label: after figures, or (two halves) a second whole label beside the first.
    const second = halves && g && !g.values.length && g.label.length && (fixed || (t.text.length >= 4 && g.label.map((x) => x.text).join('').length >= 4));
    if (!g || g.values.length || second) groups.push((g = { label: [], values: [] }));
    g.label.push(t);
  }
  if (halves && codes.length) {
    if (!groups[0] || groups[0].codes) groups.unshift({ label: [], values: [], codes });
    else groups[0].codes = codes;
    return { src: l, codes: [], groups, extra: [] };
  }
  return { src: l, codes, groups, extra: [] };
}

const labelText = (g: Group | undefined) => (g ? g.label.map((t) => t.text).join('') : '');

/** Standard tables in page text: where each starts and the source lines each took. */
export function readPrintedTables<L extends SourceLine>(lines: L[], fixed: boolean): PrintedTable<L>[] {
  const out: PrintedTable<L>[] = [];
  const read: Read[] = [];
  let i = 0;
  let lastEnd = 0;
  while (i < lines.length) {
    const t = lines[i]!.raw.trim();
    let def = t.length <= 60 && (!fixed || cellsOf(t).length <= 3) ? matchTitle(t) : null;
    // A title wrapped onto a short next line (…培训费支出预 / 算表): the two lines are the title, as the
    // PDF reader joins them (completesTitle).
    let titleEnd = i;
    const tail = lines[i + 1]?.raw.trim() ?? '';
    if (!def && t.length <= 60 && (!fixed || cellsOf(t).length <= 3) && cellsOf(tail).length === 1 && completesTitle(t, tail)) {
      def = matchTitle(t + tail.replace(/\s/g, ''));
      titleEnd = i + 1;
    }
    if (!def) {
      i++;
      continue;
    }
    const title = normalize(titleEnd > i ? t + tail : t).text.replace(/\s/g, '');
    // (a -raw dump can print a table's first page as the PDF wrote it: 单位：元, the rows, then the title and its
    // header band: those rows are this table's)
    const lead = leadRows(lines, i, lastEnd);
    i = titleEnd;
    let start = i + 1;
    let unit: string | null = lead ? unitOf(lead.unit.raw) : null;
    // The unit line within the next three printed lines (blank lines and the table's number aside).
    for (let k = i + 1, seen = 0; !lead && seen < 3 && k < lines.length; k++) {
      const s = lines[k]!.raw;
      if (!s.trim() || CAPTION.test(s)) continue;
      seen++;
      if (matchTitle(s.trim()) || NOTE.test(s) || PART.test(s)) break;
      if (UNIT.test(s)) {
        start = k + 1;
        unit = unitOf(s);
        break;
      }
    }
    const end = regionEnd(lines, start);
    const region = lines.slice(start, end);
    // A title saying the table goes on (支出决算表（续）) right after that table: its columns, where this
    // part prints no header band of its own.
    const last = read[read.length - 1];
    const names = last?.table.rows[0]?.slice(2).map((c) => c.text);
    const inherit = !last?.halves && last?.kind === def.kind && CONTINUED.test(title) && names?.every((x) => x) ? names : null;
    // (the rows before the title go after the header band the title's page prints under it)
    const band = lead ? region.filter((l) => l.page === lines[i]!.page) : [];
    const body = lead ? [...band, ...lead.rows, ...region.slice(band.length)] : region;
    const table = buildTable(body, def, fixed && keepsColumns(body), inherit);
    if (table) {
      // (a table read with the rows before its title still stands under its title, where the extractor
      // names it: it starts at the first line after the title — the next late table's unit line, where the title
      // ends its page)
      const after = lines.slice(start, end);
      const next = lines[titleEnd + 1];
      const opening = after.length ? after : next && OWN_UNIT.test(next.raw) ? [next] : [];
      out.push({ table, lines: lead ? [...opening, ...lead.rows] : after });
      read.push({ table, kind: def.kind, unit, halves: def.layout === 'halves' });
    }
    i = Math.max(end, i + 1);
    lastEnd = i;
  }
  const columns = read.filter((t) => !t.halves);
  placeTotals(read);
  placeAtLeast(read);
  for (let pass = 0; pass < 2; pass++) {
    // A row placed by one table can place its pair in another, and its children.
    placeAcross(columns);
    for (const t of columns) placeByParents(t.table);
    for (const t of columns) placeByKids(t.table);
  }
  return out;
}

/** Does this table keep its columns in the text? Not where fewer than a quarter of its lines with
 *  digits part two cells by a run of spaces: it is printed with one space between cells (a pdfplumber
 *  page dump, whatever its other pages keep), and a token's character offset says nothing of its column. */
function keepsColumns(region: SourceLine[]): boolean {
  const wide = (l: SourceLine) => /\S {2,}\S/.test(l.raw.trim());
  const digits = region.filter((l) => /\d/.test(l.raw));
  return digits.length ? digits.filter(wide).length * 4 >= digits.length : region.some(wide);
}

// ------------------------------------------------------------------ across tables

interface Read {
  table: SourceTable;
  kind: string;
  unit: string | null;
  halves: boolean;
}

/** A row's figures in order, each with its column and whether that column is sure; null where the row
 *  holds a cell that is not one figure (two run together, a dash, an OCR doubt). */
function figuresOf(row: Cell[]): { cell: Cell; col: number; sure: boolean; v: number }[] | null {
  const out: { cell: Cell; col: number; sure: boolean; v: number }[] = [];
  for (let c = 2; c < row.length; c++) {
    const cell = row[c]!;
    if (!cell.text) continue;
    const v = cents(cell.text);
    if (v === null || v < 0 || cell.uncertain === 'ocr') return null;
    out.push({ cell, col: c - 2, sure: !cell.uncertain, v });
  }
  return out;
}

/** Rows of a columns table by their 科目 code, the total row as 合计 (only keys met once). */
function byCode(t: SourceTable): Map<string, Cell[]> {
  const seen = new Map<string, Cell[] | null>();
  for (const row of t.rows.slice(t.headerRows ?? 1)) {
    // The total row (合计, no code) pairs with the other table's.
    const code = CODE.test(row[0]?.text ?? '') ? row[0]!.text : !row[0]?.text && /^(合计|总计)$/.test(row[1]?.text.replace(/\s/g, '') ?? '') ? '合计' : '';
    if (!code) continue;
    seen.set(code, seen.has(code) ? null : row);
  }
  return new Map([...seen].filter((e): e is [string, Cell[]] => e[1] !== null));
}

/** Where a row's figures are not all sure: keep the placements (figures in order, the sure ones where
 *  they are) that `ok` allows; where exactly one is left, the row is placed by it. */
function resolve(row: Cell[], n: number, ok: (at: number[]) => boolean): void {
  const found = optionsOf(row, n, ok, 2);
  if (found?.length === 1) applyCols(row, found[0]!.cols);
}

/** A row's placements (figures in order, the sure ones where they are) that `ok` allows, up to `max`;
 *  null where the row is placed already or holds a cell that is not one figure. */
function optionsOf(row: Cell[], n: number, ok: (at: number[]) => boolean, max = Infinity): { cols: number[]; at: number[] }[] | null {
  const figs = figuresOf(row);
  if (!figs || !figs.length || figs.every((f) => f.sure) || figs.length > n) return null;
  const found: { cols: number[]; at: number[] }[] = [];
  const walk = (j: number, from: number, cols: number[]) => {
    if (found.length >= max) return;
    if (j === figs.length) {
      const at = new Array<number>(n).fill(0);
      cols.forEach((c, m) => (at[c] = figs[m]!.v));
      if (ok(at)) found.push({ cols: [...cols], at });
      return;
    }
    for (let c = from; c <= n - (figs.length - j); c++) {
      if (figs[j]!.sure && c !== figs[j]!.col) continue;
      walk(j + 1, c + 1, [...cols, c]);
    }
  };
  walk(0, 0, []);
  return found;
}

/** Put a row's figures in these columns, for sure (or only those `sure` says; the rest stay in doubt). */
function applyCols(row: Cell[], cols: number[], sure?: boolean[]): void {
  const figs = figuresOf(row)!;
  const r = row[0]!.loc.row;
  const src = row[0]!;
  for (let c = 2; c < row.length; c++) row[c] = { text: '', raw: '', loc: { ...src.loc, row: r, col: c, start: undefined, end: undefined } };
  for (const [m, f] of figs.entries()) {
    const cell = { ...f.cell, loc: { ...f.cell.loc, col: cols[m]! + 2 } };
    if (!sure || sure[m]) delete cell.uncertain;
    else cell.uncertain = 'column';
    row[cols[m]! + 2] = cell;
  }
  for (const c of row) {
    if (c.loc.start === undefined) delete c.loc.start;
    if (c.loc.end === undefined) delete c.loc.end;
  }
}

/** Figures on a line with neither code nor label (a tall row pdftotext printed over two lines): the
 *  rows around them may lack their figures, so none of them says what is blank. */
const scattered = (t: SourceTable): boolean => t.rows.slice(t.headerRows ?? 1).some((r) => !r[0]?.text && !r[1]?.text && r.slice(2).some((c) => c.text));

/** A row of a 科目 tree holds figures only in the columns its parent's sure row fills (figures ≥ 0:
 *  a blank or 0 sum has every part 0), and its children's figures add up to the parent's column by
 *  column: a child is placed where one placement of the whole family is left. The total row is the
 *  parent of the 类 rows. */
function placeByParents(t: SourceTable): void {
  if (scattered(t)) return;
  const rows = byCode(t);
  const n = t.rows[0]!.length - 2;
  const keys = [...rows.keys()].sort((a, b) => (a === '合计' ? -1 : b === '合计' ? 1 : a.length - b.length));
  for (const key of keys) {
    const pf = figuresOf(rows.get(key)!);
    // (A 0.00 in doubt is 0 in whichever column it stands: the parent's columns are known.)
    if (!pf || !pf.length || !pf.every((f) => f.sure || f.v === 0)) continue;
    const own = new Array<number>(n).fill(0);
    for (const f of pf) own[f.col] = f.v;
    const kids = keys.filter((c) => c !== '合计' && (key === '合计' ? c.length === 3 : c.length === key.length + 2 && c.startsWith(key)));
    if (!kids.length) continue;
    const fits = (at: number[]) => at.every((v, c) => v === 0 || own[c] !== 0);
    const tol = kids.length * slack([key, ...kids].map((c) => rows.get(c)!));
    const opts = kids.map((c) => {
      const row = rows.get(c)!;
      const o = optionsOf(row, n, fits);
      if (o) return o;
      const figs = figuresOf(row);
      if (!figs) return null;
      const at = new Array<number>(n).fill(0);
      for (const f of figs) at[f.col] = f.v;
      return [{ cols: figs.map((f) => f.col), at }];
    });
    if (opts.some((o) => !o || !o.length) || opts.reduce((p, o) => p * o!.length, 1) > 20000) continue;
    const seen = kids.map(() => new Set<number>());
    const pick: number[] = [];
    const walk = (i: number) => {
      if (i === kids.length) {
        const sum = new Array<number>(n).fill(0);
        pick.forEach((o, j) => opts[j]![o]!.at.forEach((v, c) => (sum[c]! += v)));
        if (sum.every((v, c) => Math.abs(v - own[c]!) <= tol)) pick.forEach((o, j) => seen[j]!.add(o));
        return;
      }
      for (let o = 0; o < opts[i]!.length; o++) {
        pick[i] = o;
        walk(i + 1);
      }
    };
    walk(0);
    kids.forEach((c, j) => {
      const row = rows.get(c)!;
      const figs = figuresOf(row);
      if (!seen[j]!.size || !figs?.some((f) => !f.sure)) return;
      // A figure is placed where every placement left puts it (a 0.00 that could stand in any column its
      // parent leaves blank does not keep the row's other figures unplaced).
      const left = [...seen[j]!].map((o) => opts[j]![o]!.cols);
      const sure = figs.map((_, m) => left.every((cols) => cols[m] === left[0]![m]));
      if (sure.every((x) => x)) applyCols(row, left[0]!);
      else if (sure.some((x, m) => x && !figs[m]!.sure)) applyCols(row, left[0]!, sure);
    });
  }
}

/** Rounding of a sum, per part, in hundredths: a whole unit where every figure of the rows is printed whole
 *  (a table in 元 rounds each figure to the 元), else a hundredth. */
function slack(rows: Cell[][]): number {
  const figs = rows.flatMap((r) => r.slice(2).map((c) => c.text).filter((x) => /\d/.test(x)));
  return figs.length && figs.every((x) => !x.includes('.')) ? 100 : 1;
}

/** A parent row of a 科目 tree whose figures are not all placed, where every child's are: its columns
 *  are the sums of its children's, column by column (类 = Σ 款, 合计 = Σ 类). The parent is placed where
 *  exactly one placement of its figures (in order) gives those sums; else it stays as it is. Deepest
 *  parents first, so that a placed 款 can place its 类. */
function placeByKids(t: SourceTable): void {
  if (scattered(t)) return;
  const rows = byCode(t);
  const n = t.rows[0]!.length - 2;
  const keys = [...rows.keys()].sort((a, b) => (a === '合计' ? 1 : b === '合计' ? -1 : b.length - a.length));
  for (const key of keys) {
    const kids = keys.filter((c) => c !== '合计' && (key === '合计' ? c.length === 3 : c.length === key.length + 2 && c.startsWith(key)));
    if (!kids.length) continue;
    const sum = new Array<number>(n).fill(0);
    let placed = true;
    for (const c of kids) {
      const figs = figuresOf(rows.get(c)!);
      if (!figs || !figs.every((f) => f.sure)) placed = false;
      else for (const f of figs) sum[f.col]! += f.v;
    }
    const tol = kids.length * slack([key, ...kids].map((c) => rows.get(c)!));
    if (placed) resolve(rows.get(key)!, n, (at) => at.every((v, c) => Math.abs(v - sum[c]!) <= tol));
  }
}

/** The total row of a table placed by the lines of another's left half (templateOf(kind).totalRow). */
function placeTotals(read: Read[]): void {
  for (const t of read) {
    const spec = templateOf(t.kind)?.totalRow;
    const from = spec && read.find((x) => x.kind === spec.from && x.halves);
    if (!spec || !from || t.unit !== from.unit || !t.unit) continue;
    const lines = leftLines(from.table);
    if (!lines) continue;
    if (!t.halves) {
      if (scattered(t.table)) continue;
      const names = t.table.rows[0]!.slice(2).map((c) => c.text);
      const want = wanted(spec.lines, names, lines);
      const total = byCode(t.table).get('合计');
      if (total && want.length) resolve(total, names.length, (at) => want.every(([c, v]) => Math.abs(at[c]! - v) <= 1));
      continue;
    }
    // Its own right half (财政拨款收支总表: 支出总计 by fund = 收入总计 by fund), and the rows above that
    // total only in the columns it fills.
    const head = t.table.rows[0]!;
    if (head[0]?.text !== '项目' || head[2]?.text !== '项目' || !spec.row) continue;
    const names = head.slice(3).map((c) => c.text);
    const view = (r: Cell[]): Cell[] => [r[0]!, r[2]!, ...r.slice(3)];
    const back = (r: Cell[], v: Cell[]) => v.slice(2).forEach((c, k) => (r[3 + k] = { ...c, loc: { ...c.loc, col: 3 + k } }));
    const body = t.table.rows.slice(t.table.headerRows ?? 1);
    const totalRow = body.find((r) => spec.row!.includes(bare(r[2]?.text ?? '')));
    if (!totalRow) continue;
    const want = wanted(spec.lines, names, lines);
    const tv = view(totalRow);
    resolve(tv, names.length, (at) => want.length > 0 && want.every(([c, v]) => Math.abs(at[c]! - v) <= 1));
    back(totalRow, tv);
    const tf = figuresOf(tv);
    if (!tf || !tf.length || !tf.every((f) => f.sure)) continue;
    const filled = new Set(tf.filter((f) => f.v !== 0).map((f) => f.col));
    for (const r of body) {
      if (r === totalRow || body.indexOf(r) > body.indexOf(totalRow)) continue;
      const v = view(r);
      resolve(v, names.length, (at) => at.every((x, c) => x === 0 || filled.has(c)));
      back(r, v);
    }
  }
}

/** The total row (合计, or a table's one row) placed where its columns are at least the lines of
 *  another table's right half (templateOf(kind).atLeast): one placement left, the row is placed. */
function placeAtLeast(read: Read[]): void {
  for (const t of read) {
    const spec = templateOf(t.kind)?.atLeast;
    const from = spec && read.find((x) => x.kind === spec.from && x.halves);
    // (A table of one row of figures alone is not scattered: it has no other row.)
    if (!spec || !from || t.halves || t.unit !== from.unit || !t.unit || (scattered(t.table) && t.table.rows.length > 2)) continue;
    const head = from.table.rows[0]!;
    if (head.length !== 4 || head[0]?.text !== '项目' || head[2]?.text !== '项目') continue;
    const lines = new Map<string, number | null>();
    for (const r of from.table.rows.slice(from.table.headerRows ?? 1)) {
      const label = bare(r[2]?.text ?? '');
      if (label && !lines.has(label)) lines.set(label, r[3]?.uncertain ? null : r[3]?.text ? cents(r[3].text) : 0);
    }
    const names = t.table.rows[0]!.slice(2).map((c) => c.text);
    const want = wanted(spec.lines, names, lines);
    const body = t.table.rows.slice(t.table.headerRows ?? 1);
    const total = byCode(t.table).get('合计') ?? (body.length === 1 ? body[0] : undefined);
    if (total && want.length) resolve(total, names.length, (at) => want.every(([c, v]) => at[c]! >= v - 1));
  }
}

const bare = (x: string) => normalize(x).text.replace(/\s/g, '').replace(/^([一二三四五六七八九十]+、|\d+[、.．])/, '').replace(/[（）()]/g, '');

/** A two-halves table's left lines (项目 | one figure column): label (ordinal dropped) → figure, null
 *  where not sure; null where the left half is not one figure column. */
function leftLines(t: SourceTable): Map<string, number | null> | null {
  const head = t.rows[0]!;
  if (head[0]?.text !== '项目' || head[2]?.text !== '项目') return null;
  const lines = new Map<string, number | null>();
  for (const r of t.rows.slice(t.headerRows ?? 1)) {
    const label = bare(r[0]?.text ?? '');
    if (!label || lines.has(label)) continue;
    lines.set(label, r[1]?.uncertain ? null : r[1]?.text ? cents(r[1].text) : 0);
  }
  return lines;
}

/** Column → the figure it must hold: the sum of its lines (a line `A|B` is the first of A, B printed). */
function wanted(spec: Record<string, string[]>, names: string[], lines: Map<string, number | null>): [number, number][] {
  const want: [number, number][] = [];
  for (const [name, labels] of Object.entries(spec)) {
    const c = names.indexOf(name);
    const vs = labels.map((l) => l.split('|').map((x) => lines.get(bare(x))).find((v) => v !== undefined));
    if (c >= 0 && vs.every((v) => v !== undefined && v !== null)) want.push([c, vs.reduce((a: number, v) => a + v!, 0)]);
  }
  return want;
}

/** A part table's figures are at most the whole's, column by column and row by row (一般公共预算
 *  支出 ⊆ 支出总表): where one of the two rows is placed for sure, that bound leaves the other's
 *  figures one placement or several. Tables in other units are not compared. */
function placeAcross(read: Read[]): void {
  for (const part of read) {
    for (const w of templateOf(part.kind)?.within ?? []) {
      const whole = read.find((t) => t.kind === w.kind);
      if (!whole || !part.unit || part.unit !== whole.unit || scattered(part.table) || scattered(whole.table)) continue;
      const names = (t: SourceTable) => t.rows[0]!.slice(2).map((c) => c.text);
      const pn = names(part.table);
      const wn = names(whole.table);
      if (!pn.every((x) => x) || !wn.every((x) => x)) continue;
      // Part column → whole column: as `columns` pairs them, else the totals and the rest by name.
      const map = pn.map((name, c) => (w.columns ? (w.columns[name] ? wn.indexOf(w.columns[name]) : -1) : c === 0 ? 0 : wn.indexOf(name)));
      if (map.every((m) => m < 0)) continue;
      const wholeRows = byCode(whole.table);
      for (const [code, pr] of byCode(part.table)) {
        const wr = wholeRows.get(code);
        if (!wr) continue;
        const pf = figuresOf(pr);
        const wf = figuresOf(wr);
        if (!pf || !wf) continue;
        const values = (figs: typeof pf, n: number) => {
          const at = new Array<number>(n).fill(0);
          for (const f of figs) at[f.col] = f.v;
          return at;
        };
        if (wf.every((f) => f.sure) && !pf.every((f) => f.sure)) {
          const bound = values(wf, wn.length);
          resolve(pr, pn.length, (at) => at.every((v, c) => map[c]! < 0 || v <= bound[map[c]!]!));
        } else if (pf.every((f) => f.sure) && !wf.every((f) => f.sure)) {
          const least = values(pf, pn.length);
          resolve(wr, wn.length, (at) => least.every((v, c) => map[c]! < 0 || at[map[c]!]! >= v));
        }
      }
    }
  }
}

/** A table title the patterns may not know: one short run of text ending in 表, a 单位 line within
 *  the next two lines (西南大学收入预算表 / 单位：万元). */
function titled(lines: SourceLine[], k: number): boolean {
  const t = lines[k]!.raw.trim();
  if (t.length > 40 || cellsOf(t).length !== 1 || !/\p{Script=Han}表$/u.test(t) || /[，。；：:]/.test(t)) return false;
  const next = lines.slice(k + 1).filter((l) => l.raw.trim()).slice(0, 2);
  return next.some((l) => UNIT.test(l.raw));
}

const unitOf = (s: string) => /(?<!编制)单位\s*[:：]\s*((?:人民币)?[千百万亿]*元)/.exec(normalize(s).text)?.[1] ?? null;

/** A title printed after its table's rows (a -raw dump of a PDF that writes a page's rows first): on the
 *  title's page, a unit line (单位：元) above it, rows with figures between, none after it on the page and no
 *  unit line under it — the rows from the unit line on are this table's. (after: where the previous table
 *  ended; lines before it are that table's.) */
function leadRows<L extends SourceLine>(lines: L[], at: number, after: number): { unit: L; rows: L[] } | null {
  const page = lines[at]!.page;
  let u = at - 1;
  for (; u >= after && lines[u]!.page === page; u--) {
    const t = lines[u]!.raw.trim();
    if (OWN_UNIT.test(t)) break;
    if (t.length <= 60 && matchTitle(t)) return null;
  }
  if (u < after || lines[u]!.page !== page || !OWN_UNIT.test(lines[u]!.raw)) return null;
  const rows = lines.slice(u + 1, at);
  const figures = (l: SourceLine) => tokens(l, false).some((x) => isAmount(x) && /\d/.test(x.text) && !CODE.test(x.text));
  if (!rows.some(figures)) return null;
  for (let k = at + 1; k < lines.length && lines[k]!.page === page; k++) if (OWN_UNIT.test(lines[k]!.raw) || figures(lines[k]!)) return null;
  return { unit: lines[u]!, rows };
}

/** A unit line that opens rows whose title follows them on its page (leadRows): another table begins. */
function opensLateTable(lines: SourceLine[], k: number): boolean {
  if (!OWN_UNIT.test(lines[k]!.raw)) return false;
  for (let m = k + 1; m < lines.length && lines[m]!.page === lines[k]!.page; m++) {
    const t = lines[m]!.raw.trim();
    if (OWN_UNIT.test(t)) return false;
    if (t.length <= 60 && matchTitle(t)) return leadRows(lines, m, k) !== null;
  }
  return false;
}

function regionEnd(lines: SourceLine[], start: number): number {
  let k = start;
  for (; k < lines.length; k++) {
    const raw = lines[k]!.raw;
    const t = raw.trim();
    if (!t) continue;
    if (opensLateTable(lines, k)) break;
    if (k > start && t.length <= 60 && (matchTitle(t) || isIndicatorTitle(t) || titled(lines, k) || completesTitle(t, lines[k + 1]?.raw.trim() ?? ''))) break;
    // (the first line too, when it is another table's title alone on its line: the table before it is empty)
    if (k === start && t.length <= 60 && cellsOf(t).length === 1 && matchTitle(t)) break;
    if (NOTE.test(raw) || PART.test(raw) || CAPTION.test(raw)) break;
    const n = normalize(t).text;
    // Prose: a sentence, not a row (table labels carry no ，。；).
    if (n.length >= 25 && /[，。；]/.test(n)) break;
    if (/^[（(]?[一二三四五六七八九十]+[、）)].{0,30}(情况|说明)/.test(n) && !/\d\.\d/.test(n)) break;
    // A heading of notes (其他相关情况说明) alone on its line.
    if (n.length <= 20 && /说明$/.test(n) && cellsOf(t).length === 1) break;
  }
  return k;
}

/** The band's line that numbers the columns (栏次 1 2 3; 栏次 1 栏次 2 3 4; 1 2 … 12 under a 三公 table's band): no
 *  row of figures (its 1 | 2 | 3 read as 合计 | 基本支出 | 项目支出 fails the sum). Its numbers are 1, 2, 3, … in
 *  order, at least three, beside nothing but 栏次/行次. */
function columnNumbers(raw: string): boolean {
  const words = raw.replace(/[栏行]\s*次/g, ' ').trim().split(/\s+/);
  return words.length >= 3 && words.every((w, k) => w === String(k + 1));
}

function buildTable(region: SourceLine[], def: TitleDef, fixed: boolean, inherit: string[] | null = null): SourceTable | null {
  // A table the template prints in columns, printed here in two halves: its header band names the code and
  // name columns twice (经济分类 left | right: 科目编码 科目名称 预算数 科目编码 科目名称 预算数).
  const halves = def.layout === 'halves' || region.slice(0, 6).some((l) => /科目编码.*科目名称.*科目编码.*科目名称/.test(l.raw.replace(/\s/g, '')) && !/\d\.\d/.test(l.raw));
  const header: SourceLine[] = [];
  const all: Row[] = [];
  // A bare number alone on its line is a page number only at the page's foot: above other lines of
  // its page it is a 科目 code printed alone (302 / 40 税金及附加费用).
  const lastOfPage = new Map<number, SourceLine>();
  for (const l of region) if (l.raw.trim()) lastOfPage.set(l.page, l);
  const kept = region.filter((l) => {
    const raw = l.raw.trim();
    const footer = FOOTER.test(raw) && !(/^\d{2,3}$/.test(raw) && halves && fixed && lastOfPage.get(l.page) !== l);
    return raw && !footer && !/^[类款项\s]+$/.test(raw) && !columnNumbers(raw);
  });
  const tpl0 = templateOf(def.kind);
  if (tpl0?.list) {
    const lead = kept.slice(0, 6);
    const band = lead.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
    const words = bandWords(lead);
    const values = [...(tpl0.values ? [tpl0.values] : []), ...(tpl0.variants ?? [])].filter((v) => v.every((n) => printed(n, band, words)));
    const labels = tpl0.labels?.every((n) => printed(n, band, words)) ? tpl0.labels : undefined;
    const listed = listTable(kept, fixed, { values, labels }, (text, raw, src, p, row, col) => {
      const c = cell(text, src, p ? { text: p.text, start: p.start, end: p.end, x: null, src: p.line } : null, row, col);
      if (!p) c.raw = raw;
      return c;
    });
    if (listed) return listed;
  }
  // (two halves, single spaces, coded) Tall rows whose figures stand on lines of their own.
  if (halves && !fixed) {
    // Here too a bare code above other lines of its page is a code, not a page number (302 / 40 税金及附加费用).
    const tall = tallSpacedHalves(
      region.filter((l) => {
        const raw = l.raw.trim();
        return raw && !(FOOTER.test(raw) && !(/^\d{2,3}$/.test(raw) && lastOfPage.get(l.page) !== l)) && !/^[类款项\s]+$/.test(raw);
      }),
    );
    if (tall) return halvesTable(tall.rows, tall.header, def, fixed);
  }
  // (two halves, fixed width, coded) Tall rows printed as blocks of lines between blank lines.
  const blocks = new Map<SourceLine, { row: Row; lines: Set<SourceLine> }>();
  const cuts = halves && fixed ? rightCodeColumn(kept) : new Map<number, number>();
  // Lines of a tall row's block not read as one (no column cut on its page, two rows run together):
  // line by line its pieces fall into the wrong cells, so its codes and figures stay uncertain.
  const unread = new Set<SourceLine>();
  if (cuts.size) {
    let block: SourceLine[] = [];
    const flush = () => {
      const cut = block[0] && block.every((l) => l.page === block[0]!.page) ? cuts.get(block[0].page) : undefined;
      const row = block.length >= 2 && cut !== undefined ? tallBlock(block, cut) : null;
      if (row) blocks.set(block[0]!, { row, lines: new Set(block) });
      // (A block whose every line below its header band is a row of its own, a code or a figure with its
      // label, is no tall row: a page printed without blank lines between its rows.)
      else if (block.length >= 2 && block.slice(block.findIndex((l) => !fragment(l))).some(fragment)) for (const l of block) unread.add(l);
      block = [];
    };
    for (const l of region) {
      if (!l.raw.trim()) flush();
      else if (kept.includes(l)) block.push(l);
    }
    flush();
  }
  // A band that heads a 行次 column (项目 | 行次 | 金额, 佛山 2026 财政拨款收支总表) over a table whose every other
  // figure carries decimals: its row numbers (1, 2, … 39, one or two digits, no leading 0 — never a 科目 code
  // piece, 01) are no figures of the row (else they stand in the first figure column: 28 as a 合计).
  const bandText = kept.slice(0, 6).map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  const rowNumber = (t: Token) => /^[1-9]\d?$/.test(t.text);
  const numbered = /行次/.test(bandText) && (() => {
    const figs = kept.flatMap((l) => tokens(l, fixed).filter((t) => isAmount(t) && !rowNumber(t) && /\d/.test(t.text)));
    return figs.length >= 3 && figs.every((t) => /\.\d{1,2}$/.test(t.text));
  })();
  const tokensOf = (l: SourceLine) => (numbered ? tokens(l, fixed).filter((t) => !rowNumber(t)) : tokens(l, fixed));
  // The table prints its figures with decimals (万元 to 2 places): an integer there is a code, not a figure.
  const amounts = kept.flatMap((l) => tokensOf(l).filter(isAmount));
  const decimals = amounts.filter((t) => t.text.includes('.')).length >= 3 && amounts.filter((t) => !t.text.includes('.') && !CODE.test(t.text) && /\d/.test(t.text)).length * 10 <= amounts.filter((t) => t.text.includes('.')).length;
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i]!;
    const blk = blocks.get(l);
    if (blk) {
      all.push(blk.row);
      while (i + 1 < kept.length && blk.lines.has(kept[i + 1]!)) i++;
      continue;
    }
    const toks = tokensOf(l);
    const sandwich = fixed ? centred(l, kept[i + 1], kept[i + 2], tokensOf) : null;
    if (sandwich) {
      const row = parseRow(l, sandwich, halves, fixed, decimals);
      row.extra.push(kept[i + 1]!, kept[i + 2]!);
      all.push(row);
      i += 2;
      continue;
    }
    const below = halves && fixed && !numbered && i + 1 < kept.length ? tallHalves(l, kept[i + 1]!, kept.slice(0, i).some((x) => tokens(x, fixed).some(isAmount)) ? kept[i - 1] : undefined) : null;
    if (below) {
      const row = parseRow(kept[i + 1]!, below, halves, fixed, decimals);
      row.extra.push(l);
      all.push(row);
      i++;
      continue;
    }
    all.push(parseRow(l, toks, halves, fixed, decimals));
  }
  // The header band ends at the first row with figures or a row-opening label; a label line just above
  // a coded row printed without its label is that row's (文化旅游体育与传媒 / 207 17,127.62 …).
  // (A bare 合计 beside other words is a column name of the band: 合计 … 项目支出.)
  let first = all.findIndex((r) => hasFigures(r) || (r.groups.length > 0 && FIRST_ROW.test(labelText(r.groups[0])) && !(/^(合计|总计)$/.test(labelText(r.groups[0])) && r.groups.length > 1)));
  if (first < 0) first = all.length;
  if (first > 0 && first < all.length && isCodedRow(all[first]!) && unlabelled(all[first]!) && !hasFigures(all[first - 1]!) && all[first - 1]!.groups.length === 1) first--;
  header.push(...all.slice(0, first).map((r) => r.src));
  // The header band printed again where the table goes on over a page is not rows.
  const squash = (l: SourceLine) => normalize(l.raw).text.replace(/\s/g, '');
  const band = new Set(header.map(squash));
  const parsed = all.slice(first).filter((r) => hasFigures(r) || !band.has(squash(r.src)));
  // Each page's header band (printed again over a continued page), for the columns' positions there.
  const bands = new Map<number, SourceLine[]>();
  if (header.length) bands.set(header[0]!.page, header);
  for (const r of all.slice(first)) if (!hasFigures(r) && band.has(squash(r.src)) && r.src.page !== header[0]?.page) bands.set(r.src.page, [...(bands.get(r.src.page) ?? []), r.src]);
  let rows: Row[] = [];
  // The group a wrapped label's head went into: its tail goes there too.
  let wrapped: Group | null = null;
  // (fixed width) Where a label ends (display column), and the rightmost end of any row's label: the label
  // column's right edge.
  const labelEnd = (g: Group, r: Row) => {
    const t = g.label[g.label.length - 1]!;
    const src = t.src ?? r.src;
    return t.x === null ? -1 : displayColumns(src.raw)[t.end]!;
  };
  const labelEdge = fixed ? Math.max(-1, ...parsed.filter(hasFigures).map((r) => (lastLabelled(r) ? labelEnd(lastLabelled(r)!, r) : -1))) : -1;
  for (let i = 0; i < parsed.length; i++) {
    const row = parsed[i]!;
    const prev = rows[rows.length - 1];
    const next = parsed[i + 1];
    // A code alone on its line: the next row's, when that row has none (30299 / 其他商品和服务支出 0.20).
    if (isCodeOnly(row) && next && !rowCode(next)) {
      if (halves) next.groups[0] = { ...next.groups[0]!, codes: row.codes.length ? row.codes : row.groups[0]!.codes! };
      else next.codes = row.codes;
      next.extra.push(row.src);
      continue;
    }
    // (two halves) A row's last group a bare code (the right half's, its label and figure a line lower:
    // 30109 职业年金缴费 225.12 30207 / 邮电费 8.05): the next line's one labelled group, no code of its own,
    // standing nearer the code than the row's first label (fixed width), is that code's label and figure.
    const bareCode = halves && prev ? prev.groups[prev.groups.length - 1] : undefined;
    if (bareCode && prev!.groups.length >= 2 && bareCode.codes?.length && !bareCode.label.length && !bareCode.values.length && !rowCode(row) && row.groups.length === 1 && row.groups[0]!.label.length) {
      const g = row.groups[0]!;
      // (a code's x is its end column; a label's its start)
      const cx = bareCode.codes[0]!.x === null ? null : bareCode.codes[0]!.x - bareCode.codes[0]!.text.length;
      const lx = g.label[0]!.x;
      // Nearer the code than the row's first label (pdftotext drifts the code right by the left label's width).
      const fx = prev!.groups[0]!.label[0]?.x ?? null;
      if (!fixed || (cx !== null && lx !== null && (Math.abs(lx - cx) <= 4 || (fx !== null && Math.abs(lx - cx) * 2 < Math.abs(lx - fx))))) {
        bareCode.label.push(...g.label);
        bareCode.values.push(...g.values.map((v) => ({ ...v, src: row.src })));
        prev!.extra.push(row.src);
        continue;
      }
    }
    // (a columns table) A coded row's label wrapped with its figures on the second line (2080505 机关事业单位基本 /
    // 养老保险缴费支出 100.00 100.00): the uncoded line's label is the tail, its figures the coded row's.
    const headOnly = !halves && prev && prev.codes.length && prev.groups.length === 1 && prev.groups[0]!.label.length && !prev.groups[0]!.values.length ? prev.groups[0]! : null;
    if (headOnly && !row.codes.length && row.groups.length === 1 && row.groups[0]!.label.length && row.groups[0]!.values.length && row.src.page === prev!.src.page) {
      const g = row.groups[0]!;
      const text = labelText(g);
      const x = g.label[0]!.x;
      const hx = headOnly.label[0]!.x;
      if (text.length <= 12 && !ROW_START.test(text) && (!fixed || (x !== null && hx !== null && Math.abs(x - hx) <= 2))) {
        headOnly.label.push(...g.label.map((t) => ({ ...t, src: row.src })));
        headOnly.values = g.values.map((v) => ({ ...v, src: row.src }));
        prev!.extra.push(row.src);
        continue;
      }
    }
    if (!hasFigures(row) && row.groups.length === 1) {
      const text = labelText(row.groups[0]);
      const part = row.groups[0]!.label;
      // A label printed below its figures (a tall 合计 row, centred): the figures-only row above takes it.
      if (!halves && !templateOf(def.kind)?.unlabelled && prev && !prev.codes.length && prev.groups.length === 1 && !prev.groups[0]!.label.length) {
        prev.groups[0]!.label.push(...part);
        prev.extra.push(row.src);
        continue;
      }
      // A coded group printed without its label: this line is its label (pdftotext puts it below).
      const bare = prev && !ROW_START.test(text) ? unlabelled(prev) : null;
      if (bare && (!next || !unlabelled(next) || !isCodedRow(next))) {
        bare.label.unshift(...part);
        prev!.extra.push(row.src);
        wrapped = bare;
        continue;
      }
      // The tail of a label whose head went above its code row (其他文化旅游体育 / 2079999 … / 与传媒支出).
      if (wrapped && prev && prev.groups.includes(wrapped) && !ROW_START.test(text) && text.length <= 12) {
        wrapped.label.push(...part);
        prev.extra.push(row.src);
        wrapped = null;
        continue;
      }
      // (fixed width) The tail of a label that filled its column (…基本养老保 / 险缴费支出, the figures on the
      // label's first line): the row above prints its label as far right as any label of the table ends, this
      // line starts where that label starts, and the next row prints a label of its own.
      const above = prev && !halves && fixed && !prev.extra.length && hasFigures(prev) ? lastLabelled(prev) : null;
      if (above && part[0]!.x !== null && Math.abs(part[0]!.x - above.label[0]!.x!) <= 2 && labelEnd(above, prev!) >= labelEdge - 1 && text.length <= 12 && !ROW_START.test(text) && !(next && unlabelled(next))) {
        above.label.push(...part);
        prev!.extra.push(row.src);
        continue;
      }
      // The head of the next row's label: the next row is coded and its label is missing or goes on below.
      const after = parsed[i + 2];
      if (next && isCodedRow(next) && !ROW_START.test(text) && (unlabelled(next) || (after && !hasFigures(after) && after.groups.length === 1 && !ROW_START.test(labelText(after.groups[0]))))) {
        const g = unlabelled(next) ?? firstCoded(next)!;
        g.label.unshift(...part);
        next.extra.push(row.src);
        wrapped = g;
        continue;
      }
      // The tail of a wrapped label (…养老保险缴费 / 支出).
      let tailOf = wrapped && prev && (prev.groups.includes(wrapped) || prev.extra.length) ? wrapped : prev ? lastLabelled(prev) : null;
      // (two halves, fixed width) The tail goes to the half whose label starts where it starts (一、一般公共预算 /
      // 资金 under it, the right half's label beside): none there, it is no tail of this row.
      if (halves && fixed && prev && part[0]!.x !== null && prev.groups.some((g) => g.label.length)) {
        const x = part[0]!.x;
        tailOf = prev.groups.find((g) => g.label[0]?.x != null && Math.abs(g.label[0].x - x) <= 2) ?? null;
      }
      // (Not over a page break: a row's label ends at its page's foot.)
      if (tailOf && prev && text.length <= 12 && !ROW_START.test(text) && row.src.page === prev.src.page) {
        tailOf.label.push(...part);
        prev.extra.push(row.src);
        wrapped = null;
        continue;
      }
    }
    // A head just joined to this row keeps its tail coming (…体育 / 2079999 … / 与传媒支出).
    if (!(wrapped && row.groups.includes(wrapped))) wrapped = null;
    rows.push(row);
  }
  if (!rows.some((r) => r.groups.some((g) => g.values.length))) return null;
  const tpl = templateOf(def.kind);
  if (!halves && tpl?.total) rows = joinFloating(rows, fixed, tpl.values?.length ?? null);
  const table = halves ? halvesTable(rows, header, def, fixed) : columnsTable(rows, header, def, fixed, inherit, bands);
  // (two halves, single spaces) A line of figures alone is a tall row's, printed off its labels (2,940.05
  // 2,940.05 / 本年收入合计 本年支出合计 2,940.05): which cells of the row below lack them, the text cannot
  // say, so no figure of the two rows is placed for sure (table.rows[0] is the header).
  if (halves && !fixed)
    rows.forEach((r, k) => {
      if (r.codes.length || !r.groups.length || r.groups.some((g) => g.label.length || g.codes?.length)) return;
      for (const near of [k + 1, k + 2]) for (const c of table.rows[near] ?? []) if (c.text && AMOUNT.test(c.text.replace(/,/g, ''))) c.uncertain = 'column';
    });
  // Rows scattered over lines (a PDF whose tall cells pdftotext printed line by line, out of order):
  // when many figures have no label of their own, no figure of the table is placed for sure.
  if (unread.size)
    rows.forEach((r, k) => {
      if (![r.src, ...r.extra].some((l) => unread.has(l))) return;
      for (const c of table.rows[k + 1] ?? []) if (c.text && /^[-−]?[\d,.]+$/.test(c.text)) c.uncertain = 'column';
    });
  const valued = rows.filter((r) => r.groups.some((g) => g.values.length));
  const orphans = valued.filter((r) => r.groups.some((g) => g.values.length && !g.label.length && !(r.codes.length && r.groups[0] === g && labelText(g))));
  if (orphans.length > valued.length * 0.25 && !templateOf(def.kind)?.unlabelled && rows.length > 1) for (const row of table.rows.slice(1)) for (const c of row) if (c.text && AMOUNT.test(c.text.replace(/,/g, ''))) c.uncertain = 'column';
  return table;
}

/** (fixed width) A row whose label wraps over two lines, its figures printed between them (pdftotext
 *  centres the one-line figure cells of a two-line row: 四、文化旅游体育与传媒 / 200,000 200,000 / 支出):
 *  the head line is labels alone, the middle line figures alone, the tail one short label standing where
 *  a head label starts and opening no row. The three lines' tokens as one row, the tail joined to its head;
 *  null where the lines are not so. */
/** A line that is a piece of a row, not a row: no label, or a label with neither code nor figure. */
function fragment(l: SourceLine): boolean {
  const toks = tokens(l, true);
  const label = toks.some((t) => /\p{Script=Han}/u.test(t.text) && !isAmount(t) && !CODE.test(t.text));
  return !label || !toks.some((t) => isAmount(t) || CODE.test(t.text));
}

function centred(head: SourceLine, mid: SourceLine | undefined, tail: SourceLine | undefined, toks: (l: SourceLine) => Token[] = (l) => tokens(l, true)): Token[] | null {
  if (!mid || !tail || mid.page !== head.page || tail.page !== head.page || mid.line - head.line > 2 || tail.line - mid.line > 2) return null;
  const h = toks(head);
  const m = toks(mid);
  const t = toks(tail);
  if (!h.length || h.some((x) => isAmount(x) || CODE.test(x.text)) || !m.length || !m.every(isAmount) || t.length !== 1) return null;
  const tt = t[0]!;
  const tx = displayColumns(tail.raw)[tt.start]!;
  if (isAmount(tt) || /\d/.test(tt.text) || tt.text.length > 8 || ROW_START.test(tt.text)) return null;
  const hx = displayColumns(head.raw);
  const at = h.findIndex((x) => Math.abs(hx[x.start]! - tx) <= 1);
  // The figures stand right of the head they go with: they start right of where it starts and end right
  // of its tail (on a narrow page a figure may stand under the head's last characters).
  const tailEnd = displayColumns(tail.raw)[tt.end]!;
  if (at < 0 || !m.every((x) => x.x! - x.text.length > hx[h[at]!.start]! && x.x! > tailEnd)) return null;
  const joined = h.map((x, k) => (k === at ? { ...x, text: x.text + tt.text } : x));
  return [...joined, ...m.map((x) => ({ ...x, src: mid }))].sort((a, b) => a.x! - b.x!);
}

/** (two halves, fixed width) A line of figures alone just above a line whose label has no figure, each
 *  figure standing clear of that line's figures (a tall row: pdftotext prints the one-line figure cell of
 *  a row whose label wraps a line higher): the two lines' tokens as one row, in column order. Null
 *  where the figures are not that row's: the line above them is a label without figures (they may be
 *  its), a figure stands over a cell of the line below, or no figure lands just after a bare label. */
function tallHalves(upLine: SourceLine, below: SourceLine, above: SourceLine | undefined): Token[] | null {
  const span = (t: Token, raw: string) => {
    const col = displayColumns(raw);
    return [col[t.start]!, col[t.end]!] as const;
  };
  const up = tokens(upLine, true);
  if (!up.length || !up.every(isAmount)) return null;
  const down = tokens(below, true);
  if (!down.length || down.every(isAmount)) return null;
  const a = above ? tokens(above, true) : [];
  const aboveBare = above && !a.some(isAmount) ? a.filter((t) => /\p{Script=Han}/u.test(t.text)).map((t) => span(t, above.raw)) : [];
  const us = up.map((t) => span(t, upLine.raw));
  const ds = down.map((t) => span(t, below.raw));
  // No figure over a figure (a label's printed width is loose: CJK runs overflow their cell).
  if (us.some(([a, b]) => ds.some(([c, d], k) => isAmount(down[k]!) && a < d + 1 && c < b + 1))) return null;
  const merged = [...up.map((t, k) => ({ t: { ...t, src: upLine }, s: us[k]![0], up: true })), ...down.map((t, k) => ({ t, s: ds[k]![0], up: false }))].sort((a, b) => a.s - b.s);
  const bareLabel = merged.some((m, k) => {
    const prev = merged[k - 1];
    if (!m.up || !prev || prev.up || isAmount(prev.t)) return false;
    const next = down[down.indexOf(prev.t) + 1];
    if (next && isAmount(next)) return false;
    // A label above, alone, in this figure's half: the figure may be that label's, printed below it.
    const from = ds[down.indexOf(prev.t)]![0];
    return !aboveBare.some(([c]) => c >= from - 4 && c < m.s);
  });
  return bareLabel ? merged.map((m) => m.t) : null;
}

const LONG_CODE = /^\d{3}(\d{2}){0,2}$/;

/** (two halves, fixed width) The column where the right half's 科目 codes start, page by page: the
 *  usual start of a line's second code (301 … 302 …); none on a page where fewer than three lines print
 *  codes in both halves. */
function rightCodeColumn(lines: SourceLine[]): Map<number, number> {
  const at = new Map<number, number[]>();
  for (const l of lines) {
    const toks = tokens(l, true);
    if (!toks[0] || !/^\d{3}$/.test(toks[0].text)) continue;
    const second = toks.slice(1).find((t) => /^\d{3}$/.test(t.text));
    if (second) at.set(l.page, [...(at.get(l.page) ?? []), displayColumns(l.raw)[second.start]!]);
  }
  const out = new Map<number, number>();
  for (const [page, xs] of at) if (xs.length >= 3) out.set(page, [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
  return out;
}

/** (two halves, fixed width) A tall row printed as a block between blank lines: each half's code pieces
 *  (301 / 01 → 30101), label pieces and figure wherever pdftotext put them in the block, a token's half
 *  by its column. Null unless every half holds at most one code (in pieces, the first of three digits),
 *  one figure (with decimals) and nothing else, and some half a code. */
function tallBlock(block: SourceLine[], cut: number): Row | null {
  const halves: { codes: Token[]; label: Token[]; values: Token[] }[] = [
    { codes: [], label: [], values: [] },
    { codes: [], label: [], values: [] },
  ];
  for (const l of block) {
    const col = displayColumns(l.raw);
    for (const t of tokens(l, true)) {
      const h = halves[col[t.start]! >= cut - 2 ? 1 : 0]!;
      const tok = { ...t, src: l };
      if (/^\d{2,7}$/.test(t.text)) h.codes.push(tok);
      else if (/^[-−]?\d[\d,]*\.\d+$/.test(t.text)) h.values.push(tok);
      else if (/\p{Script=Han}/u.test(t.text) && !/\d/.test(t.text)) h.label.push(tok);
      else return null;
    }
  }
  const groups: Group[] = [];
  for (const h of halves) {
    if (!h.codes.length && !h.label.length && !h.values.length) continue;
    if (h.values.length > 1 || h.codes.length > 3 || !h.label.length) return null;
    if (h.codes.length) {
      const [head, ...pieces] = h.codes;
      if (!/^\d{3}$/.test(head!.text) || pieces.some((p) => !PIECE.test(p.text))) return null;
      const text = h.codes.map((t) => t.text).join('');
      if (!LONG_CODE.test(text)) return null;
      groups.push({ codes: [{ ...head!, text, end: head!.start + 3 }], label: h.label, values: h.values });
    } else groups.push({ label: h.label, values: h.values });
  }
  if (!groups.some((g) => g.codes)) return null;
  // Coded halves: a half labelled without a code beside a coded one is a total row (人员经费合计) run
  // into the block, not this row's; so is a row-opening label after the first.
  if (groups.some((g) => !g.codes) || groups.some((g) => g.label.slice(1).some((t) => ROW_START.test(t.text)))) return null;
  const src = groups[0]!.codes?.[0]?.src ?? groups[0]!.label[0]!.src!;
  return { src, codes: [], groups, extra: block.filter((l) => l !== src) };
}

const hasFigures = (r: Row) => r.codes.length > 0 || r.groups.some((g) => g.values.length || g.codes?.length);
const rowCode = (r: Row) => r.codes.length > 0 || r.groups.some((g) => g.codes?.length);
const isCodedRow = rowCode;
const isCodeOnly = (r: Row) =>
  (r.codes.length > 0 && !r.groups.length) || (r.groups.length === 1 && !!r.groups[0]!.codes?.length && !r.groups[0]!.label.length && !r.groups[0]!.values.length);
/** The coded group of a row that has no label (its label printed on other lines). */
function unlabelled(r: Row): Group | null {
  if (r.codes.length && !labelText(r.groups[0])) return r.groups[0] ?? (r.groups[0] = { label: [], values: [] });
  return r.groups.find((g) => g.codes?.length && !g.label.length) ?? null;
}
const firstCoded = (r: Row): Group | null => (r.codes.length ? (r.groups[0] ?? null) : (r.groups.find((g) => g.codes?.length) ?? null));
const lastLabelled = (r: Row): Group | null => [...r.groups].reverse().find((g) => g.label.length) ?? null;

// ------------------------------------------------------------------ cells

function cell(printedText: string, src: SourceLine, t: Token | null, row: number, col: number): Cell {
  const raw = t ? (t.printed ?? t.text) : printedText;
  const at = t?.src ?? src;
  const loc: Cell['loc'] = { page: at.page, line: at.line, row, col };
  if (t) {
    loc.start = t.start;
    loc.end = t.end;
  }
  // A negative in brackets, half or full width ((10.00), （3.23%）), reads as -10.00, -3.23% (raw keeps the print).
  const text = normalize(raw).text.replace(/^[(（](\d[\d,]*\.\d+%?)[)）]$/, '-$1');
  return { text, raw, loc };
}

function labelCell(g: Group | undefined, row: Row, r: number, c: number): Cell {
  const toks = g?.label ?? [];
  if (!toks.length) return cell('', row.src, null, r, c);
  const first = toks[0]!;
  const onLine = toks.every((t) => row.src.raw.slice(t.start, t.end) === t.text);
  const raw = toks.map((t) => t.text).join('');
  const out = cell(raw, row.src, null, r, c);
  out.raw = raw;
  if (onLine && toks.length === 1) {
    out.loc.start = first.start;
    out.loc.end = first.end;
  }
  return out;
}

/** Place a group's figures into `n` value columns. Returns, per figure, its column and whether sure. */
function place(values: Token[], n: number, total: boolean, anchors: number[] | null): { col: number; sure: boolean }[] {
  const k = values.length;
  if (k === n) return values.map((_, j) => ({ col: j, sure: true }));
  if (k > n) return values.map((_, j) => ({ col: Math.min(j, n - 1), sure: false }));
  // Total first: a row that prints any figure prints its total, so its first figure is the total
  // wherever pdftotext pushed it; the rest go by position, never for sure.
  if (total && anchors && anchors.length === n && values.every((v) => v.x !== null)) {
    let from = 1;
    return values.map((v, j) => {
      if (j === 0) return { col: 0, sure: true };
      let best = from;
      for (let c = from; c <= n - (k - j); c++) if (Math.abs(anchors[c]! - v.x!) < Math.abs(anchors[best]! - v.x!)) best = c;
      from = best + 1;
      return { col: best, sure: false };
    });
  }
  if (anchors && anchors.length === n && values.every((v) => v.x !== null)) {
    // Nearest anchor, in order; sure where the figure stands within half a column of it.
    const spacing = Math.min(...anchors.slice(1).map((a, j) => a - anchors[j]!), Infinity);
    let from = 0;
    const res = values.map((v, j) => {
      let best = from;
      for (let c = from; c <= n - (k - j); c++) if (Math.abs(anchors[c]! - v.x!) < Math.abs(anchors[best]! - v.x!)) best = c;
      from = best + 1;
      // pdftotext drifts a figure right by its label's length: a position is a guess, never proof,
      // except for the first figure of a total-first row.
      return { col: best, sure: total && j === 0 && best === 0 && Math.abs(anchors[best]! - v.x!) <= spacing / 2 };
    });
    return res;
  }
  // Only the count: the first figure is the total; a single figure is the total alone.
  return values.map((_, j) => ({ col: j, sure: total && j === 0 }));
}

/** Where the text keeps columns: each value column's usual end, from the rows that fill all columns. */
function anchorsOf(groups: Group[], n: number): number[] | null {
  const full = groups.filter((g) => g.values.length === n && g.values.every((v) => v.x !== null));
  if (!full.length) return null;
  return Array.from({ length: n }, (_, c) => {
    const xs = full.map((g) => g.values[c]!.x!).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  });
}

/** Does the header band print this column name: whole, its two halves on two lines, or wrapped over
 *  several lines, each line's piece a whole word of the band (附属单 / 位上 / 缴收入, 本年收入合 / 计)? */
function printed(printedName: string, band: string, bandWords: ReadonlySet<string> = new Set()): boolean {
  // Brackets of either width and quotes are the same name (因公出国（境）费, “三公”经费).
  const fold = (x: string) => x.replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '');
  const name = fold(normalize(printedName).text.replace(/\s/g, ''));
  const header = fold(band);
  const words = new Set([...bandWords].map(fold).filter((w) => w !== ''));
  if (header.includes(name)) return true;
  for (let h = 2; h <= name.length - 2; h++) if (header.includes(name.slice(0, h)) && header.includes(name.slice(h))) return true;
  // Wrapped: the name is a run of the band's words, at most one piece per header line (≤ 4).
  const split = (rest: string, pieces: number): boolean =>
    rest === '' || (pieces < 4 && [...words].some((w) => rest.startsWith(w) && split(rest.slice(w.length), pieces + 1)));
  return split(name, 0);
}

/** The header band's words (runs apart by spaces), for names wrapped over its lines. */
const bandWords = (header: SourceLine[]): Set<string> =>
  new Set(header.flatMap((l) => l.raw.split(/[\s\u3000]+/).map((w) => normalize(w).text)).filter((w) => w !== ''));

/** Value column names: the template's, where the header band prints every one of them; else none
 *  (a header band's words in page text are not in column order: naming by them misnames figures). */
function columnNames(tpl: Template | null, header: SourceLine[], most: number): string[] | null {
  const band = header.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  const words = bandWords(header);
  const lists = [...(tpl?.values ? [tpl.values] : []), ...(tpl?.variants ?? [])];
  // The longest list the band prints in full (a shorter one may be part of it).
  // A name may carry its group header (公务用车购置及运行费/小计): each part printed.
  // A band that splits a group into parts under a 小计 (基本支出: 小计 | 人员支出 | 日常公用支出) prints more
  // columns than a list that names no 小计: that list would name the group's parts as the next columns
  // (烟台 发改 2026 预算05, a page whose rows print three of six figures: 合计 | 小计 | 人员支出 read as
  // 合计 | 基本支出 | 项目支出).
  const parts = printed('小计', band, words);
  return lists.filter((v) => v.length >= most && v.every((name) => name.split('/').every((part) => printed(part, band, words))) && rolesInOrder(v, header) && (!parts || v.some((name) => name.includes('小计')))).sort((a, b) => b.length - a.length)[0] ?? null;
}

const ROLE_WORD = /^(?:预算数|决算数)$/;

/** A list whose names carry a role (合计/预算数, 预算数/合计) names the band's columns only where a line of
 *  the band prints the role words alone, in the list's order (a run of one role counted once): 预算数 决算数
 *  per item, or 预算数 决算数 over the items. A band's item words in page text are not in column order, its
 *  one line of role words is. */
function rolesInOrder(list: string[], header: SourceLine[]): boolean {
  const roles = list.map((name) => name.split('/').find((part) => ROLE_WORD.test(part)) ?? null);
  if (roles.every((r) => r === null)) return true;
  if (roles.some((r) => r === null)) return false;
  const want = (roles as string[]).filter((r, k) => k === 0 || r !== roles[k - 1]);
  return header.some((l) => {
    const ws = l.raw.trim().split(/[\s\u3000]+/).map((w) => normalize(w).text);
    return ws.length === want.length && ws.every((w, k) => w === want[k]);
  });
}

/** Each of the band's names is one of the list's (its parts printed in it: 公务用车购置及运行费/小计), in the
 *  list's order. */
function withinList(band: string[], list: string[]): boolean {
  const fold = (x: string) => normalize(x).text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '');
  let k = 0;
  for (const b of band) {
    while (k < list.length && !(fold(list[k]!) === fold(b) || list[k]!.split('/').every((part) => fold(b).includes(fold(part))))) k++;
    if (k++ >= list.length) return false;
  }
  return true;
}

/** A tall row printed over lines: its part figures on a line of figures alone just above the line of
 *  its code, label and total (pdftotext centres a one-line cell of a two-line row higher). The figures
 *  join the row below only where its total then equals the sum of its parts and did not before, the
 *  row above has figures of its own, and (fixed width) no figure of one line stands over one of the other;
 *  in order of their columns, else (single spaces) after the total, before the row's own parts. */
function joinFloating(rows: Row[], fixed: boolean, n: number | null): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const next = rows[i + 1];
    const prev = out[out.length - 1];
    const floating = !r.codes.length && r.groups.length === 1 && !r.groups[0]!.label.length && r.groups[0]!.values.length > 0;
    const g = next && (next.codes.length || next.groups.some((x) => x.label.length)) ? next.groups.find((x) => x.values.length) : undefined;
    if (!floating || !next || !g || next.groups.filter((x) => x.values.length).length !== 1 || (prev && !hasFigures(prev))) {
      out.push(r);
      continue;
    }
    const up = r.groups[0]!.values;
    const own = g.values;
    // (single spaces) the parts printed higher come before the row's own parts: an order only the
    // sums and the 科目 tree can confirm, as they place every part of such a row.
    const joined = fixed ? [...own, ...up].sort((a, b) => a.x! - b.x!) : [own[0]!, ...up, ...own.slice(1)];
    const sums = (v: Token[]) => {
      const c = v.map((t) => cents(t.text));
      if (v.length < 2 || c.some((x) => x === null || x < 0)) return false;
      const cs = c as number[];
      return Math.abs(cs[0]! - cs.slice(1).reduce((a, x) => a + x, 0)) <= v.length - 2;
    };
    const apart = !fixed || up.every((u) => own.every((o) => Math.abs(u.x! - o.x!) >= 3));
    if (!joined || joined[0] !== own[0] || (n !== null && joined.length > n) || !apart || !sums(joined) || sums(own)) {
      out.push(r);
      continue;
    }
    g.values = joined.map((t) => (up.includes(t) ? { ...t, src: r.src } : t));
    next.extra.push(r.src);
  }
  return out;
}

/** Rows whose 科目 code is a 类 and one more piece standing in the 项 column, not the 款 column (221 _ 01 住房公积金:
 *  an OCR lost the 款 piece between them): their code is not 22101, and which 款 it was is not printed there. The
 *  columns are where the pieces of the table's rows printed in full (类 款 项) stand; only where the text keeps
 *  positions. */
function lostPiece(rows: Row[]): Set<Row> {
  const full = rows.filter((r) => r.codes.length === 3 && r.codes.every((t) => t.x !== null));
  const out = new Set<Row>();
  if (full.length < 2) return out;
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const kuan = mid(full.map((r) => r.codes[1]!.x!));
  const xiang = mid(full.map((r) => r.codes[2]!.x!));
  if (xiang - kuan < 2) return out;
  for (const r of rows) {
    const [lei, piece] = r.codes;
    if (r.codes.length !== 2 || !/^\d{3}$/.test(lei!.text) || piece!.x === null) continue;
    if (Math.abs(piece!.x - xiang) < Math.abs(piece!.x - kuan)) out.add(r);
  }
  return out;
}

function columnsTable(rows: Row[], header: SourceLine[], def: TitleDef, fixed: boolean, inherit: string[] | null = null, bands = new Map<number, SourceLine[]>()): SourceTable {
  const tpl = templateOf(def.kind);
  // A continuation printed without its header band: the columns of the table it continues.
  const inherited = (most: number) => (inherit && inherit.length >= most && !header.length ? inherit : null);
  // Figures before a row's label (a code pdftotext broke into pieces: 7 11 02 事业单位医疗) are not the
  // row's figures: the row is garbled, its figures doubtful, and it does not count the columns.
  const garbled = (r: Row) => r.groups.length > 1 && !r.groups[0]!.label.length && r.groups[0]!.values.length > 0;
  const valuesOf = (r: Row) => (garbled(r) ? r.groups.slice(1) : r.groups).flatMap((g) => g.values);
  const most = Math.max(1, ...rows.filter((r) => !garbled(r)).map((r) => valuesOf(r).length));
  // (single spaces) The band's last words printed on the total row's line: the band's, not the row's label.
  const peeled = fixed ? null : bandOnTotalRow(rows[0], tpl);
  if (peeled) {
    rows[0]!.groups[1]!.label = [];
    header = [...header, peeled.line];
  }
  // One figure column: named as the header band names it (金额, 决算数, 预算数) where no template fits.
  const band = header.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  let lone = most === 1 ? ['金额', '决算数', '预算数'].filter((w) => band.includes(w)) : [];
  // Else the band's one word beside the code and name columns' (科目编码 科目名称 机关运行经费支出).
  if (most === 1 && !lone.length) {
    const own = header.flatMap((l) => l.raw.trim().split(/[\s\u3000]+/)).map((w) => normalize(w).text).filter((w) => w && !/科目|编码|名称|^项目$|^[类款项]$|分类/.test(w));
    if (own.length === 1 && /\p{Script=Han}/u.test(own[0]!) && !AMOUNT.test(own[0]!)) lone = own;
  }
  // (fixed width) The band's own words standing over the figures' columns name them (the document's own
  // words, and only the printed columns that hold figures); the template's list where the band reads no
  // names, or where each name the band reads is the list's, in its order (the list then names the same
  // columns, and those printed blank throughout: one key for the kind).
  const fromList = columnNames(tpl, header, most);
  // (a name the template gives a text column, 采购组织形式, over a figure: the band is misread)
  const textName = (w: string) => (tpl?.labels ?? []).some((l) => w.includes(l) || l.includes(w));
  const read = lone.length === 1 || !fixed ? null : bandNames(header, rows.filter((r) => !garbled(r)), valuesOf, most);
  // (nor a label column's name, 功能分类科目名称, over a figure: 上海 公安 2026 收入预算总表, the names one column off)
  const fromBand = read?.some((w) => textName(w) || /科目名称|科目编码|名称$|编码$|代码$/u.test(normalize(w).text)) ? null : read;
  const same = !!fromList && !!fromBand && withinList(fromBand, fromList);
  const listed = (fromBand && !same ? null : fromList) ?? (lone.length === 1 ? lone : null);
  const banded = listed ? null : fromBand;
  const names = listed ?? banded ?? inherited(most);
  const n = names?.length ?? most;
  const anchors = fixed ? anchorsOf(rows.map((r) => ({ label: [], values: valuesOf(r) })), n) : null;
  // No template: total-first where the figures say so (every full row's first figure the sum of the rest).
  // (names read off the band, not the template's: the template's total-first need not hold either)
  const total = tpl && !banded ? !!tpl.total : totalFirst(rows.filter((r) => !garbled(r)).map(valuesOf), n);
  const first = rows[0]!.src;
  const head: Cell[] = ['科目编码', '科目名称', ...Array.from({ length: n }, (_, c) => names?.[c] ?? '')].map((h, c) => cell(h, first, null, 0, c));
  // (fixed width) Rows placed by where their figures stand under the names of their page's header band.
  // Rows whose columns are known without positions: every column filled, or placed by the 科目 tree.
  const tree = total ? solveByTree(rows, valuesOf, n) : new Map<Row, { col: number; sure: boolean }[]>();
  const known = new Map<Row, number[]>();
  for (const r of rows) {
    const v = valuesOf(r);
    const t = tree.get(r);
    if (v.length === n) known.set(r, v.map((_, j) => j));
    else if (t?.every((p) => p.sure)) known.set(r, t.map((p) => p.col));
  }
  const under = fixed && names ? bandPlaces(rows.filter((r) => !garbled(r)), valuesOf, names, bands, total, known) : new Map<Row, number[]>();
  const solved = total && under.size ? solveByTree(rows, valuesOf, n, under) : tree;
  const lost = lostPiece(rows);
  const peelCols = peeled && names ? peeledColumns(peeled, names) : null;
  const body: Cell[][] = rows.map((r, k) => {
    const rowIdx = k + 1;
    // Pieces that make no 科目 code (7 11 02) stay apart as printed: no code is read into them; nor do a 类
    // and a 项 whose 款 between them was lost (lostPiece).
    const joined = r.codes.map((t) => t.text).join('');
    const code = CODE.test(joined) && r.codes[0]!.text.length >= 3 && !lost.has(r) ? joined : r.codes.map((t) => t.text).join(' ');
    const codeCell = cell(code, r.src, null, rowIdx, 0);
    if (r.codes.length === 1) Object.assign(codeCell.loc, { start: r.codes[0]!.start, end: r.codes[0]!.end });
    const label = labelCell({ label: r.groups.flatMap((g) => g.label), values: [] }, r, rowIdx, 1);
    const vals = valuesOf(r);
    const cells: Cell[] = Array.from({ length: n }, (_, c) => cell('', r.src, null, rowIdx, c + 2));
    // Figures alone on a line (their label is elsewhere): their columns are a guess.
    // (A table of one row has no other row its figures could be: 江苏's 支出总表 is one line of figures.)
    const alone = !r.codes.length && !r.groups.some((g) => g.label.length) && !tpl?.unlabelled && rows.length > 1;
    const known = solved.get(r) ?? (k === 0 && peelCols ? peelCols.map((col) => ({ col, sure: true })) : undefined);
    const doubtful = alone || garbled(r) || lost.has(r);
    const summed = !known && !doubtful && names ? bySums(vals, names, tpl?.sums ?? []) : null;
    const geo = doubtful ? undefined : under.get(r);
    // (where the 科目 tree and the band disagree, neither is sure)
    const clash = !!known && !!geo && known.some((p, j) => p.sure && p.col !== geo[j]);
    const placed = clash ? known!.map((p) => ({ ...p, sure: false })) : (known ?? (geo && geo.map((col) => ({ col, sure: true }))) ?? summed ?? place(vals, n, total && !doubtful, anchors).map((p) => (doubtful ? { ...p, sure: false } : p)));
    placed.forEach((p, j) => {
      const c = cell(vals[j]!.text, r.src, vals[j]!, rowIdx, p.col + 2);
      if (!p.sure) c.uncertain = 'column';
      const at = cells[p.col]!;
      if (at.text) {
        at.raw += ' ' + c.raw;
        at.text = normalize(at.raw).text;
        at.uncertain = 'column';
      } else cells[p.col] = c;
    });
    return [codeCell, label, ...cells];
  });
  return { id: 't0', rows: [head, ...body], headerRows: 1, loc: { page: first.page, line: first.line } };
}

/** (single spaces) The total row printed on one line with the band's last words (合计 0 2002.80 合计 基本支出
 *  项目支出 0: a pdfplumber dump of 上海's 政府性基金 table puts the 本年支出 sub-header on the total row's
 *  line, and loses the figures under it): two or more words after the row's first figures, each a part of
 *  one of the template's column names. */
function bandOnTotalRow(r: Row | undefined, tpl: Template | null): { line: SourceLine; words: string[]; before: number; after: number } | null {
  if (!r || !tpl || r.codes.length || r.groups.length !== 2) return null;
  const [a, b] = r.groups as [Group, Group];
  if (!/^(合计|总计)$/.test(labelText(a)) || !a.values.length || b.label.length < 2) return null;
  const parts = [...(tpl.values ?? []), ...(tpl.variants ?? []).flat()].flatMap((n) => n.split('/')).map(foldName);
  const words = b.label.map((t) => foldName(t.text));
  if (!words.every((w) => w && !AMOUNT.test(w) && parts.some((p) => p.includes(w)))) return null;
  return { line: { ...r.src, raw: b.label.map((t) => t.text).join(' ') }, words, before: a.values.length, after: b.values.length };
}

const foldName = (x: string) => normalize(x).text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '');

/** The columns of a total row whose band words stood among its figures: the words name columns in order
 *  (合计 → 本年支出合计, 基本支出, 项目支出), the figures before them fill exactly the columns left of those,
 *  the figures after exactly the columns right of them; else null. */
function peeledColumns(p: { words: string[]; before: number; after: number }, names: string[]): number[] | null {
  const at: number[] = [];
  let k = 0;
  for (const w of p.words) {
    while (k < names.length && !names[k]!.split('/').map(foldName).some((part) => part.includes(w))) k++;
    if (k >= names.length) return null;
    at.push(k++);
  }
  const lo = at[0]!;
  const hi = at[at.length - 1]!;
  if (at.some((c, j) => j > 0 && c !== at[j - 1]! + 1) || p.before !== lo || p.after !== names.length - 1 - hi) return null;
  return [...Array.from({ length: lo }, (_, c) => c), ...Array.from({ length: p.after }, (_, c) => hi + 1 + c)];
}

/** A figure token's display columns [start, end) on its line. */
function spanOf(t: Token, r: Row): [number, number] {
  const col = displayColumns((t.src ?? r.src).raw);
  return [col[t.start]!, col[t.end]!];
}

/** (fixed width, no template) Value column names read off the header band by position: the band's words
 *  right of every figure, words on several lines standing over one another joined top to bottom (本年支出合 /
 *  计), one name per printed column. The rows that fill all `most` columns put each column's figures under
 *  one printed name, in order, and no figure of any row stands under another name alone (a printed column
 *  left blank throughout, 上级补助收入, has no column). Null where the band is not so (a name spanning two
 *  columns, a figure under two names or none). */
function bandNames(header: SourceLine[], rows: Row[], valuesOf: (r: Row) => Token[], most: number): string[] | null {
  // Two names of two or more characters each may stand a single space apart (项目支出 上缴上级支出).
  return bandNamesOf(header, rows, valuesOf, most, true) ?? bandNamesOf(header, rows, valuesOf, most, false);
}

function bandNamesOf(header: SourceLine[], rows: Row[], valuesOf: (r: Row) => Token[], most: number, split: boolean): string[] | null {
  const figs = rows.flatMap((r) => valuesOf(r).map((t) => spanOf(t, r)));
  if (!figs.length || !header.length) return null;
  const left = Math.min(...figs.map((f) => f[0]));
  // The band's words over the figures (the code and name columns' words end left of every figure).
  const words = header.flatMap((l, li) => {
    const col = displayColumns(l.raw);
    const runs = cellsOf(l.raw).flatMap((c) => {
      const parts = [...c.text.matchAll(/\S+/g)];
      if (!split || parts.length < 2 || parts.some((p) => [...p[0]].length < 2)) return [c];
      return parts.map((p) => ({ text: p[0], start: c.start + p.index, end: c.start + p.index + p[0].length }));
    });
    return runs
      .map((c) => ({ text: normalize(c.text).text.replace(/\s/g, ''), x0: col[c.start]!, x1: col[c.end]!, li }))
      .filter((w) => w.x1 > left && w.text && !AMOUNT.test(w.text));
  });
  if (!words.length || words.some((w) => !/\p{Script=Han}/u.test(w.text))) return null;
  // Words standing over one another are one column's name.
  const over = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => a.x0 < b.x1 && b.x0 < a.x1;
  const cols: { x0: number; x1: number; words: typeof words }[] = [];
  for (const w of [...words].sort((a, b) => a.x0 - b.x0)) {
    const hit = cols.filter((c) => c.words.some((v) => over(v, w)));
    if (hit.length > 1) return null;
    const c = hit[0];
    if (!c) cols.push({ x0: w.x0, x1: w.x1, words: [w] });
    else {
      if (c.words.some((v) => v.li === w.li)) return null;
      c.words.push(w);
      c.x0 = Math.min(c.x0, w.x0);
      c.x1 = Math.max(c.x1, w.x1);
    }
  }
  cols.sort((a, b) => a.x0 - b.x0);
  for (let k = 1; k < cols.length; k++) if (over(cols[k - 1]!, cols[k]!)) return null;
  // The printed column a figure stands under: the one it overlaps (only one), else none.
  const under = (f: [number, number]) => {
    const hit = cols.map((c, k) => (over(c, { x0: f[0], x1: f[1] }) ? k : -1)).filter((k) => k >= 0);
    return hit.length === 1 ? hit[0]! : hit.length ? -2 : -1;
  };
  // A label running into the first printed column pushes its row's figures right (pdftotext): such a row
  // says nothing of the columns.
  const edge = cols[0]!.x0;
  const drifted = (r: Row) => r.groups.some((g) => g.label.some((t) => t.x !== null && displayColumns((t.src ?? r.src).raw)[t.end]! > edge));
  const kept = rows.filter((r) => !drifted(r));
  const full = kept.filter((r) => valuesOf(r).length === most);
  if (full.length < Math.min(2, kept.length)) return null;
  let used: number[] | null = null;
  for (const r of full) {
    const at = valuesOf(r).map((t) => under(spanOf(t, r)));
    if (at.some((k) => k < 0) || at.some((k, j) => j > 0 && k <= at[j - 1]!)) return null;
    if (used && at.some((k, j) => k !== used![j])) return null;
    used = at;
  }
  if (!used) return null;
  // A figure of a shorter row under a printed column none of the full rows fills: the table has more columns.
  for (const r of kept) for (const t of valuesOf(r)) if (!used.includes(under(spanOf(t, r))) && under(spanOf(t, r)) >= 0) return null;
  return used.map((k) => cols[k]!.words.sort((a, b) => a.li - b.li).map((w) => w.text).join(''));
}

/** Display intervals of the value columns in a page's header band: each name printed whole on one line, or
 *  wrapped over lines one under another (本年收入 / 合计), right of every figure's start `left`; null where a
 *  name is not printed so, printed twice, or the names do not stand apart left to right in their order. */
function nameSpans(band: SourceLine[], names: string[], left: number): [number, number][] | null {
  const fold = (x: string) => normalize(x).text.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/[“”"]/g, '');
  const lines = band.map((l) => {
    const col = displayColumns(l.raw);
    return cellsOf(l.raw)
      .flatMap((c) => {
        const parts = [...c.text.matchAll(/\S+/g)];
        return parts.length > 1 && parts.every((p) => [...p[0]].length >= 2) ? parts.map((p) => ({ text: p[0], start: c.start + p.index, end: c.start + p.index + p[0].length })) : [c];
      })
      .map((c) => ({ text: fold(c.text), x0: col[c.start]!, x1: col[c.end]! }))
      .filter((w) => w.x1 > left && w.text);
  });
  const spans: [number, number][] = [];
  for (const name of names.map(fold)) {
    if (!name || name.includes('/')) return null;
    const found: [number, number][] = [];
    const walk = (li: number, rest: string, x0: number, x1: number, started: boolean) => {
      if (rest === '') return void found.push([x0, x1]);
      for (let k = li; k < lines.length; k++)
        for (const w of lines[k]!) if (rest.startsWith(w.text) && (!started || (w.x0 < x1 && x0 < w.x1))) walk(k + 1, rest.slice(w.text.length), started ? Math.min(x0, w.x0) : w.x0, started ? Math.max(x1, w.x1) : w.x1, true);
    };
    walk(0, name, 0, 0, false);
    if (found.length !== 1) return null;
    spans.push(found[0]!);
  }
  return spans.every((sp, c) => c === 0 || sp[0] >= spans[c - 1]![1]) ? spans : null;
}

/** (fixed width) Rows whose figures stand each under one name of their page's header band, in order: their
 *  columns. pdftotext places a band's names loosely (a name may stand over its neighbour's figures), so a
 *  page's band places rows only where at least two rows of two or more figures whose columns are known
 *  otherwise (`known`: every column filled, or the 科目 tree) stand under the names of their columns, and
 *  none stands elsewhere. Not a row whose label runs into the first column (pdftotext pushes its figures
 *  right), nor, in a total-first table, one whose first figure is not under the first name. */
function bandPlaces(rows: Row[], valuesOf: (r: Row) => Token[], names: string[], bands: Map<number, SourceLine[]>, total: boolean, known: Map<Row, number[]>): Map<Row, number[]> {
  const out = new Map<Row, number[]>();
  for (const [page, band] of bands) {
    const on = rows.filter((r) => r.src.page === page && valuesOf(r).length > 0);
    const figs = on.flatMap((r) => valuesOf(r).map((t) => spanOf(t, r)));
    if (!figs.length) continue;
    const spans = nameSpans(band, names, Math.min(...figs.map((f) => f[0])));
    if (!spans) continue;
    const placed = new Map<Row, number[]>();
    let agree = 0;
    let clash = 0;
    for (const r of on) {
      const vals = valuesOf(r);
      const cols = vals.map((t) => {
        const [a, b] = spanOf(t, r);
        const hit = spans.map((sp, c) => (a < sp[1] && sp[0] < b ? c : -1)).filter((c) => c >= 0);
        return hit.length === 1 ? hit[0]! : -1;
      });
      const ok = cols.every((c, j) => c >= 0 && (j === 0 || c > cols[j - 1]!)) && (!total || cols[0] === 0);
      const pushed = r.groups.some((g) => g.label.some((t) => t.x !== null && displayColumns((t.src ?? r.src).raw)[t.end]! > spans[0]![0]));
      if (pushed) continue;
      const own = known.get(r);
      if (own && vals.length >= 2) {
        if (ok && own.every((c, j) => c === cols[j])) agree++;
        else clash++;
      } else if (ok && !own) placed.set(r, cols);
    }
    if (agree >= 2 && !clash) for (const [r, cols] of placed) out.set(r, cols);
  }
  return out;
}

/** (no template) Is the first of a row's figures its total? Where at least two rows fill all `n` (≥ 3)
 *  columns, every such row's first figure is the sum of the others (to a cent each), and some row has two
 *  parts that are not 0. */
function totalFirst(values: Token[][], n: number): boolean {
  if (n < 3) return false;
  const full = values.filter((v) => v.length === n).map((v) => v.map((t) => cents(t.text)));
  if (full.length < 2 || full.some((v) => v.some((x) => x === null))) return false;
  const sums = (full as number[][]).every((v) => Math.abs(v[0]! - v.slice(1).reduce((a, x) => a + x, 0)) <= n - 2);
  return sums && (full as number[][]).some((v) => v.slice(1).filter((x) => x !== 0).length >= 2);
}

/** A row with fewer figures than columns, placed by the template's sums (a blank is 0): the figures
 *  keep their order; one whose column is the same in every placement where all sums hold is sure, the
 *  rest are put where the first such placement has them, unsure. Null where no placement holds. */
function bySums(values: Token[], names: string[], sums: Sum[]): { col: number; sure: boolean }[] | null {
  const n = names.length;
  const k = values.length;
  const idx = sums
    .map((s) => ({ total: names.indexOf(s.total), parts: s.parts.map((p) => names.indexOf(p)), less: (s.less ?? []).map((p) => names.indexOf(p)) }))
    .filter((s) => s.total >= 0 && s.parts.every((p) => p >= 0) && s.less.every((p) => p >= 0));
  const v = values.map((t) => cents(t.text));
  if (!idx.length || k === 0 || k >= n || n - k > Math.max(3, Math.floor(n / 3)) || v.some((x) => x === null || x < 0)) return null;
  const valid: number[][] = [];
  const walk = (j: number, from: number, cols: number[]) => {
    if (j === k) {
      const at = new Array<number>(n).fill(0);
      cols.forEach((c, m) => (at[c] = v[m]!));
      if (idx.every((s) => Math.abs(at[s.total]! - s.parts.reduce((a, p) => a + at[p]!, 0) + s.less.reduce((a, p) => a + at[p]!, 0)) <= s.parts.length + s.less.length)) valid.push([...cols]);
      return;
    }
    for (let c = from; c <= n - (k - j); c++) walk(j + 1, c + 1, [...cols, c]);
  };
  walk(0, 0, []);
  if (!valid.length) return null;
  return values.map((_, j) => ({ col: valid[0]![j]!, sure: valid.every((o) => o[j] === valid[0]![j]) }));
}

/** Integer hundredths of a printed amount (null for a dash or a figure with more decimals). */
function cents(text: string): number | null {
  const m = /^(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(text.replace(/[−]/g, '-').replace(/^[(（](.*)[)）]$/, '-$1'));
  if (!m) return null;
  return (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0));
}

/** Which columns a row's figures sit in, where only the 科目 tree can say: a parent's part columns
 *  equal the sums of its children's (类 = Σ 款, 款 = Σ 项, 合计 = Σ 类). A row with its first figure the
 *  total and fewer parts than part columns has several placements; each parent and its children are
 *  tried together, and a row is placed where exactly one placement of the group adds up. */
function solveByTree(rows: Row[], valuesOf: (r: Row) => Token[], n: number, known = new Map<Row, number[]>()): Map<Row, { col: number; sure: boolean }[]> {
  const vals = new Map(rows.map((r) => [r, valuesOf(r).map((t) => cents(t.text))]));
  const combos = (k: number, from: number): number[][] => {
    if (k === 0) return [[]];
    const out: number[][] = [];
    for (let c = from; c <= n - k; c++) for (const rest of combos(k - 1, c + 1)) out.push([c, ...rest]);
    return out;
  };
  const opts = new Map<Row, number[][]>();
  const doubted = new Set<Row>();
  for (const r of rows) {
    const v = vals.get(r)!;
    if (!v.length || v.length > n || v.some((x) => x === null) || !r.codes.length && !/^(合计|总计)$/.test(labelText({ label: r.groups.flatMap((g) => g.label), values: [] }))) continue;
    opts.set(r, v.length === n ? [v.map((_, j) => j)] : known.has(r) ? [known.get(r)!] : combos(v.length - 1, 1).map((c) => [0, ...c]));
  }
  const codeOf = (r: Row) => r.codes.map((t) => t.text).join('');
  const byCode = new Map<string, Row>();
  for (const r of opts.keys()) if (codeOf(r)) byCode.set(codeOf(r), r);
  const totalRow = [...opts.keys()].find((r) => !codeOf(r));
  const families = new Map<Row, Row[]>();
  for (const r of opts.keys()) {
    const code = codeOf(r);
    if (!code) continue;
    const parent = code.length === 3 ? totalRow : byCode.get(code.slice(0, -2));
    if (parent) families.set(parent, [...(families.get(parent) ?? []), r]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [parent, kids] of families) {
      const group = [parent, ...kids];
      if (group.every((r) => opts.get(r)!.length === 1)) continue;
      // A column the placed parent leaves blank or 0 holds nothing in any child where no figure is
      // negative (a sum of figures ≥ 0 that is 0 has every one 0).
      if (opts.get(parent)!.length === 1 && group.every((r) => vals.get(r)!.every((x) => x! >= 0))) {
        const own = new Array<number>(n).fill(0);
        opts.get(parent)![0]!.forEach((col, m) => (own[col] = vals.get(parent)![m]!));
        for (const r of kids) {
          const keep = opts.get(r)!.filter((o) => o.every((col, m) => own[col] !== 0 || vals.get(r)![m] === 0));
          if (keep.length && keep.length < opts.get(r)!.length) {
            opts.set(r, keep);
            changed = true;
          }
        }
        if (group.every((r) => opts.get(r)!.length === 1)) continue;
      }
      const seen = group.map(() => new Set<number>());
      let valid = 0;
      // (a table printed in whole units rounds each figure to the unit)
      const tol = kids.length * (group.every((r) => valuesOf(r).every((t) => !t.text.includes('.'))) ? 100 : 1);
      const big = group.reduce((p, r) => p * opts.get(r)!.length, 1) > 20000;
      if (big) {
        // Too many placements to try one by one: where no figure is negative, a pruned search (below).
        if (!group.every((r) => vals.get(r)!.every((x) => x! >= 0))) continue;
        const found = familyFits(opts.get(parent)!, vals.get(parent)! as number[], kids.map((r) => opts.get(r)!), kids.map((r) => vals.get(r)! as number[]), n, tol);
        if (!found) continue;
        valid = found.valid;
        found.seen.forEach((s, g) => s.forEach((o) => seen[g]!.add(o)));
      }
      const pick: number[] = [];
      const walk = (i: number) => {
        if (i === group.length) {
          const sum = new Array<number>(n).fill(0);
          kids.forEach((r, j) => opts.get(r)![pick[j + 1]!]!.forEach((col, m) => (sum[col]! += vals.get(r)![m]!)));
          const own = new Array<number>(n).fill(0);
          opts.get(parent)![pick[0]!]!.forEach((col, m) => (own[col] = vals.get(parent)![m]!));
          if (own.every((x, c) => Math.abs(x - sum[c]!) <= tol)) {
            valid++;
            pick.forEach((o, g) => seen[g]!.add(o));
          }
          return;
        }
        for (let o = 0; o < opts.get(group[i]!)!.length; o++) {
          pick[i] = o;
          walk(i + 1);
        }
      };
      if (!big) walk(0);
      if (!valid) {
        // Placements given by positions (`known`) that leave the family no sum: positions are wrong here.
        for (const r of group)
          if (known.has(r) && !doubted.has(r)) {
            doubted.add(r);
            opts.set(r, combos(vals.get(r)!.length - 1, 1).map((c) => [0, ...c]));
            changed = true;
          }
        continue;
      }
      group.forEach((r, g) => {
        const keep = opts.get(r)!.filter((_, o) => seen[g]!.has(o));
        if (keep.length < opts.get(r)!.length) {
          opts.set(r, keep);
          changed = true;
        }
      });
    }
  }
  // A figure is placed where every placement left of its row puts it (a 0.00 that could stand in any
  // blank column does not keep the row's other figures unplaced).
  const out = new Map<Row, { col: number; sure: boolean }[]>();
  for (const [r, o] of opts) {
    if (vals.get(r)!.length >= n || o.length === 0) continue;
    const placed = o[0]!.map((col, m) => ({ col, sure: o.every((x) => x[m] === col) }));
    if (placed.some((p, m) => p.sure && m > 0)) out.set(r, placed);
  }
  return out;
}

/** A 科目 family's placements that add up, where there are too many to try one by one (figures ≥ 0): per
 *  placement of the parent, the children's placements summed column by column, a branch dropped once a
 *  column runs past the parent's (a column the parent leaves 0 takes no child's figure but a 0); placements
 *  of a child giving the same columns are tried once. Which placements of each (parent first) belong to a
 *  family that adds up, and how many such families; null where the search runs too long. */
function familyFits(parentOpts: number[][], parentVals: number[], kidOpts: number[][][], kidVals: number[][], n: number, tol: number): { seen: Set<number>[]; valid: number } | null {
  const seen = [parentOpts, ...kidOpts].map(() => new Set<number>());
  let valid = 0;
  let budget = 300000;
  const vector = (cols: number[], v: number[]) => {
    const at = new Array<number>(n).fill(0);
    cols.forEach((c, m) => (at[c] = v[m]!));
    return at;
  };
  for (let p = 0; p < parentOpts.length; p++) {
    const own = vector(parentOpts[p]!, parentVals);
    // Each child's distinct column vectors that fit under the parent, with the placements giving them.
    const kids = kidOpts.map((opts, j) => {
      const byKey = new Map<string, { at: number[]; opts: number[] }>();
      opts.forEach((cols, o) => {
        const at = vector(cols, kidVals[j]!);
        if (at.some((x, c) => x > own[c]! + tol)) return;
        const key = at.join(',');
        byKey.get(key)?.opts.push(o) ?? byKey.set(key, { at, opts: [o] });
      });
      return [...byKey.values()];
    });
    if (kids.some((k) => !k.length)) continue;
    const order = kids.map((_, j) => j).sort((a, b) => kids[a]!.length - kids[b]!.length);
    const pick: number[] = new Array(kids.length);
    const walk = (i: number, sum: number[]): boolean => {
      if (--budget < 0) return false;
      if (i === order.length) {
        if (own.every((x, c) => Math.abs(x - sum[c]!) <= tol)) {
          valid++;
          seen[0]!.add(p);
          pick.forEach((k, j) => kids[j]![k]!.opts.forEach((o) => seen[j + 1]!.add(o)));
        }
        return true;
      }
      const j = order[i]!;
      for (let k = 0; k < kids[j]!.length; k++) {
        const next = sum.map((x, c) => x + kids[j]![k]!.at[c]!);
        if (next.some((x, c) => x > own[c]! + tol)) continue;
        pick[j] = k;
        if (!walk(i + 1, next)) return false;
      }
      return true;
    };
    if (!walk(0, new Array<number>(n).fill(0))) return null;
  }
  return { seen, valid };
}

const RIGHT = /支出|结余分配|年末结转/;

/** The number of a label's ordinal (一、 → 1, 二十一、 → 21), else null. */
function ordinalOf(label: string): number | null {
  const m = /^([一二三四五六七八九十]{1,3})、/.exec(label);
  if (!m) return null;
  const d = (c: string | undefined) => (c ? '一二三四五六七八九'.indexOf(c) + 1 : 0);
  if (!m[1]!.includes('十')) return m[1]!.length === 1 ? d(m[1]) : null;
  const [a, b] = m[1]!.split('十');
  return (a ? d(a) : 1) * 10 + d(b || undefined);
}

/** (two halves, fixed width) A label spaced out over its cell (分散对齐: `收     入         总    计`) that the
 *  reader cut into two labels where one gap is wider: a label-only group of spaced-out characters followed
 *  by a label that opens with spaced-out characters, both starting in the same half's label span of their
 *  page (the left half: before its figures; the right half: after the left half's figures, before its own),
 *  is one label; by the columns, not by the words. True where a row changed. */
function joinSpacedLabels(rows: Row[]): boolean {
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  // Per page (pdftotext lays out each page on its own): the left figures' first and last column, the
  // right labels' first column and the right figures' first column, from rows of exactly two halves.
  const seen = new Map<number, number[][]>();
  for (const r of rows) {
    const [l, rt] = r.groups;
    const lv = l?.values[0];
    const rv = rt?.values[0];
    if (r.sides || r.groups.length !== 2 || !lv || !rv || lv.x === null || rv.x === null || rt!.label[0]?.x == null) continue;
    seen.set(r.src.page, [...(seen.get(r.src.page) ?? []), [lv.x - lv.text.length, lv.x, rt!.label[0]!.x, rv.x - rv.text.length]]);
  }
  const geometry = new Map<number, number[]>();
  for (const [page, xs] of seen) {
    const g = [0, 1, 2, 3].map((k) => med(xs.map((x) => x[k]!)));
    if (g[1]! < g[2]! && g[2]! < g[3]!) geometry.set(page, g);
  }
  const span = (g: number[], x: number | null) => (x === null ? -1 : x < g[0]! ? 0 : x > g[1]! && x < g[3]! ? 1 : -1);
  let changed = false;
  for (const r of rows) {
    if (r.sides) continue;
    for (let k = 0; k + 1 < r.groups.length; k++) {
      const a = r.groups[k]!;
      const b = r.groups[k + 1]!;
      if (a.values.length || a.codes?.length || b.codes?.length || !a.label.length || !b.label.length) continue;
      if (!a.label.every((t) => t.spaced) || !b.label[0]!.spaced) continue;
      const at = geometry.get(r.src.page);
      const s = at ? span(at, a.label[0]!.x) : -1;
      if (s < 0 || s !== span(at!, b.label[0]!.x)) continue;
      b.label = [...a.label, ...b.label];
      r.groups.splice(k, 1);
      k--;
      changed = true;
    }
  }
  return changed;
}

function halvesTable(rows: Row[], _header: SourceLine[], def: TitleDef, fixed: boolean): SourceTable {
  const three = threeBlocks(rows, _header, fixed);
  if (three) return three;
  const tpl = templateOf(def.kind);
  // Which half each group is: the first of two is left. A lone one (the other half has run out, or its
  // cell is blank) stands where its half's codes, labels or figures stand where the text keeps columns;
  // else it continues the half the lone row above went to (a half that ran out stays out), else the
  // half whose last code is just below its own, else what it says.
  type Kind = 'code' | 'label' | 'value';
  const refOf = (g: Group): [Kind, number | null] | null =>
    g.codes?.length ? ['code', g.codes[0]!.x] : g.label.length ? ['label', g.label[0]!.x] : g.values.length ? ['value', g.values[0]!.x] : null;
  const med = (v: number[] | undefined) => (v?.length ? [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]! : null);
  // Where each half's codes, labels and figures stand, from the rows that print both halves.
  const columnsOf = () => {
    const xs = { left: new Map<Kind, number[]>(), right: new Map<Kind, number[]>() };
    for (const r of rows) {
      if (r.groups.length < 2) continue;
      for (const [side, g] of [['left', r.groups[0]!], ['right', r.groups[1]!]] as const) {
        const v = g.values[0];
        for (const [kind, x] of [
          ['code', g.codes?.[0]?.x],
          ['label', g.label[0]?.x],
          ['value', v?.x],
        ] as const) if (x != null) xs[side].set(kind, [...(xs[side].get(kind) ?? []), x]);
      }
    }
    return xs;
  };
  let xs = columnsOf();
  if (fixed && joinSpacedLabels(rows)) xs = columnsOf();
  const vote = (kind: Kind, x: number | null | undefined): boolean | null => {
    if (x == null) return null;
    const l = med(xs.left.get(kind));
    const r = med(xs.right.get(kind));
    if (l === null || r === null || r - l < 8) return null;
    // Clear of the midway line by a quarter of the halves' distance.
    const d = x - (l + r) / 2;
    return Math.abs(d) >= (r - l) / 4 ? d > 0 : null;
  };
  // Per page (pdftotext lays out each page on its own): the first column of the left half's figures.
  const leftFigures = new Map<number, number>();
  if (fixed) {
    const starts = new Map<number, number[]>();
    for (const r of rows) {
      const v = r.groups.length >= 2 ? r.groups[0]!.values[0] : undefined;
      if (v?.x != null && r.groups[0]!.label.length) starts.set(r.src.page, [...(starts.get(r.src.page) ?? []), v.x - v.text.length]);
    }
    for (const [pg, v] of starts) leftFigures.set(pg, med(v)!);
  }
  const byPlace = (g: Group, page: number | null = null): boolean | null => {
    const ref = refOf(g);
    if (!fixed || !ref || ref[1] === null) return null;
    const own = vote(ref[0], ref[1]);
    if (own !== null) return own;
    // A label that starts where the left half's figures start, or right of them, on its page is no left
    // label (the left half's labels stand before its figures).
    const lx = g.label[0]?.x;
    const from = page === null ? undefined : leftFigures.get(page);
    if (lx != null && from !== undefined && lx >= from) return true;
    // Its first token stands between the halves (a long right-half label starting left of the right
    // label column on a narrow page): its other tokens say, where they agree (its figure under the
    // right half's figures).
    const others = [vote('code', g.codes?.[0]?.x), vote('label', g.label[0]?.x), vote('value', g.values[0]?.x)].filter((v): v is boolean => v !== null);
    return others.length && others.every((v) => v === others[0]) ? others[0]! : null;
  };
  // Coded halves (经济分类): a lone group continues the half whose last code is just below its own.
  const codeNum = (g: Group | undefined) => (g?.codes?.length ? Number(g.codes.map((t) => t.text).join('').padEnd(7, '0')) : null);
  let lastL: number | null = null;
  let lastR: number | null = null;
  let loneSide: boolean | null = null;
  const lastOrd = { left: 0, right: 0 };
  // (more figures than a left line ever prints are the right half's)
  const leftMost = Math.max(1, ...rows.filter((r) => r.groups.length >= 2).map((r) => r.groups[0]!.values.length));
  let lastSides: { left?: Group; right?: Group } | undefined;
  const sides = rows.map((r, k) => (lastSides = sideOf(r, k)));
  function sideOf(r: Row, k: number): { left?: Group; right?: Group } {
    if (r.sides) return r.sides;
    if (r.groups.length >= 2) {
      const right = r.groups.slice(1).reduce((a, g) => ({ label: [...a.label, ...g.label], values: [...a.values, ...g.values], codes: a.codes ?? g.codes }));
      lastL = codeNum(r.groups[0]) ?? lastL;
      lastR = codeNum(right) ?? lastR;
      lastOrd.left = ordinalOf(labelText(r.groups[0])) ?? lastOrd.left;
      lastOrd.right = ordinalOf(labelText(r.groups[1])) ?? lastOrd.right;
      loneSide = null;
      return { left: r.groups[0], right };
    }
    const g = r.groups[0];
    if (!g) return { left: undefined, right: undefined };
    // (no columns kept) Figures alone on a line right after a 支出 label
    // printed without figures (wrapped over lines: 二、社会保障和就业支 / 出 / 100.00 100.00): that label's.
    const before = k > 0 ? rows[k - 1] : undefined;
    const open = before && before.groups.length === 1 ? lastSides?.right : undefined;
    // (No more than a left line prints: the label's still, as the reading order has it, but doubtful.)
    // (Not where the next line is a tall row printed off its figures: 2,940.05 2,940.05 / 本年收入合计 本年支出合计
    // 2,940.05 — its labels short of figures.)
    const after = rows[k + 1];
    const tall = !!after && after.groups.length >= 2 && after.groups.some((x) => x.label.length && !x.values.length);
    if (!fixed && !tall && r.groups.length === 1 && !g.label.length && !g.codes?.length && !r.codes.length && open && open.label.length && !open.values.length && !lastSides?.left) {
      open.values = g.values.map((v) => ({ ...v, src: r.src, doubt: g.values.length <= leftMost || undefined }));
      before!.extra.push(r.src);
      return { left: undefined, right: undefined };
    }
    // (fixed width) A line of figures alone standing under both halves' figure columns (a row whose labels
    // are blank): each figure to the half it stands in, where every one of them says which.
    if (fixed && r.groups.length === 1 && !g.label.length && !g.codes?.length && !r.codes.length && g.values.length >= 2) {
      // (a figure starting right of where the right half's labels start is the right half's)
      const rightLabels = med(xs.right.get('label'));
      const votes = g.values.map((v) => vote('value', v.x) ?? (rightLabels !== null && v.x! - displayColumns(v.text)[v.text.length]! > rightLabels ? true : null));
      const cut = votes.indexOf(true);
      if (votes.every((v) => v !== null) && cut > 0 && votes.slice(cut).every((v) => v)) return { left: { label: [], values: g.values.slice(0, cut) }, right: { label: [], values: g.values.slice(cut) } };
    }
    // (fixed width) A left label whose figures all stand under the right half's figures: the right half's
    // figures of a row whose right label wrapped onto the lines around (二、社会保障和就业支 / 出), printed on
    // the left label's line; the left row has no figure there.
    // Also after the left row's own figure (一、一般公共预算财政拨款 500.00 … 400.00 400.00).
    if (fixed && !g.codes?.length && !r.codes.length && g.label.length && g.values.length && vote('label', g.label[0]!.x) === false) {
      const votes = g.values.map((v) => vote('value', v.x));
      const cut = votes.indexOf(true);
      if (cut >= 0 && cut <= leftMost && votes.slice(0, cut).every((v) => v === false) && votes.slice(cut).every((v) => v === true)) {
        lastOrd.left = ordinalOf(labelText(g)) ?? lastOrd.left;
        loneSide = null;
        return { left: { label: g.label, values: g.values.slice(0, cut) }, right: { label: [], values: g.values.slice(cut) } };
      }
    }
    const code = codeNum(g);
    let right = byPlace(g, r.src.page);
    if (right === null && loneSide !== null && code !== null) right = loneSide;
    if (right === null && code !== null && (lastL !== null || lastR !== null)) {
      const gap = (last: number | null) => (last !== null && last < code ? code - last : Infinity);
      right = gap(lastR) < gap(lastL);
    }
    // (single spaces) An item numbered to continue either half's list (三、 under two lists ending in 二、),
    // with a figure, no more than a left line prints, and no word of spending, could be either half's: it stands in both, its figures uncertain in both, so
    // that neither half's sum is checked without it.
    const n = ordinalOf(labelText(g));
    if (right === null && !fixed && code === null && n !== null && n > 1 && lastOrd.left === n - 1 && lastOrd.right === n - 1 && g.values.length > 0 && g.values.length <= leftMost && !RIGHT.test(labelText(g))) {
      const doubtful: Group = { ...g, values: g.values.map((v) => ({ ...v, doubt: true })) };
      lastOrd.left = lastOrd.right = n;
      loneSide = null;
      return { left: doubtful, right: doubtful };
    }
    // Figures alone on a line (no label, no code) that neither their place nor the rows around say the half
    // of (a tall cell's figure printed a line below its label, halfway between the halves): the left half's
    // by default, but doubtful, so that no sum rests on where they were put.
    if (right === null && !g.label.length && !g.codes?.length && !r.codes.length) {
      loneSide = null;
      return { left: { ...g, values: g.values.map((v) => ({ ...v, doubt: true })) }, right: undefined };
    }
    right ??= RIGHT.test(labelText(g));
    if (n !== null) lastOrd[right ? 'right' : 'left'] = n;
    if (right) lastR = code ?? lastR;
    else lastL = code ?? lastL;
    if (code !== null) loneSide = right;
    return right ? { left: undefined, right: g } : { left: g, right: undefined };
  }
  const coded = rows.some((r) => r.groups.some((g) => g.codes?.length));
  const most = (pick: 'left' | 'right') => Math.max(0, ...sides.map((s) => s[pick]?.values.length ?? 0));
  // A half's template counts where the header band prints it (beyond a bare 合计).
  const band = _header.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  const words = bandWords(_header);
  const fits = (t: string[] | undefined, k: number) => !!t && t.length >= k && (t.length === 1 || t.some((v) => v !== '合计' && printed(v, band, words)));
  const variant = (tpl?.rightVariants ?? [])
    .filter((v) => v.length >= most('right') && v.every((name) => name.split('/').every((part) => printed(part, band, words))))
    .sort((a, b) => b.length - a.length)[0];
  const rightList = variant ?? tpl?.right;
  const nl = fits(tpl?.left, most('left')) ? tpl!.left!.length : Math.max(1, most('left'));
  const nr = variant ? variant.length : fits(tpl?.right, most('right')) ? tpl!.right!.length : Math.max(1, most('right'));
  // A half's single figure column is named as the header band names it (决算数, 预算数, 金额).
  const single = ['决算数', '预算数', '金额'].find((w) => band.includes(w));
  const names = (n: number, t: string[] | undefined) => (n === 1 && single ? [single] : t?.length === n ? t : null);
  const leftNames = names(nl, tpl?.left);
  const rightNames = names(nr, rightList);
  const anchorsL = fixed ? anchorsOf(sides.flatMap((s) => (s.left ? [s.left] : [])), nl) : null;
  const anchorsR = fixed ? anchorsOf(sides.flatMap((s) => (s.right ? [s.right] : [])), nr) : null;
  const first = rows[0]!.src;
  const lead = coded ? ['科目编码', '科目名称'] : ['项目'];
  const w = lead.length;
  const heads = [...lead, ...Array.from({ length: nl }, (_, c) => leftNames?.[c] ?? ''), ...lead, ...Array.from({ length: nr }, (_, c) => rightNames?.[c] ?? '')];
  const head = heads.map((h, c) => cell(h, first, null, 0, c));
  const half = (g: Group | undefined, r: Row, rowIdx: number, from: number, n: number, anchors: number[] | null): Cell[] => {
    const codeCell = cell(g?.codes?.map((t) => t.text).join('') ?? '', r.src, g?.codes?.length === 1 ? g.codes[0]! : null, rowIdx, from);
    const cells: Cell[] = [...(coded ? [codeCell] : []), labelCell(g, r, rowIdx, from + w - 1), ...Array.from({ length: n }, (_, c) => cell('', r.src, null, rowIdx, from + w + c))];
    if (!g) return cells;
    place(g.values, n, n > 1, anchors).forEach((p, j) => {
      const c = cell(g.values[j]!.text, r.src, g.values[j]!, rowIdx, from + w + p.col);
      if (!p.sure || g.values[j]!.doubt) c.uncertain = 'column';
      cells[w + p.col] = c;
    });
    return cells;
  };
  const body = rows.map((r, k) => [...half(sides[k]!.left, r, k + 1, 0, nl, anchorsL), ...half(sides[k]!.right, r, k + 1, w + nl, nr, anchorsR)]);
  return { id: 't0', rows: [head, ...body], headerRows: 1, loc: { page: first.page, line: first.line } };
}


/** (fixed width) A 收支总表 printed in three blocks of a label and a figure (江苏: 收入 | 支出 by 功能分类 |
 *  支出 by 支出用途), not two halves: rows that print three labelled groups give each block's label and
 *  figure columns; a label goes to the block whose label column it stands nearest, a figure to the block
 *  it starts in (never before its label's block), uncertain where its end stands nearer another block's
 *  figures. A total merged over two blocks (当年支出小计 over 功能分类 and
 *  支出用途) keeps its label and figure where they stand. Null where the table is not so printed: fewer
 *  than two such rows, a coded group, a block with more than one figure, or two groups in one block. */
function threeBlocks(rows: Row[], header: SourceLine[], fixed: boolean): SourceTable | null {
  if (rows.some((r) => r.sides || r.codes.length || r.groups.length > 3 || r.groups.some((g) => g.codes?.length || g.values.length > 1))) return null;
  const full = rows.filter((r) => r.groups.length === 3 && r.groups.every((g) => g.label.length && (!fixed || g.label[0]!.x !== null)));
  if (full.length < 2) return null;
  if (!fixed) return threeBlocksSpaced(rows, full, header);
  const med = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
  const labelX = [0, 1, 2].map((b) => med(full.map((r) => r.groups[b]!.label[0]!.x!)));
  const valueXs = [0, 1, 2].map((b) => rows.flatMap((r) => (r.groups.length === 3 && r.groups[b]!.values[0]?.x != null ? [r.groups[b]!.values[0]!.x!] : [])));
  if (labelX[1]! - labelX[0]! < 8 || labelX[2]! - labelX[1]! < 8) return null;
  // A block's figures stand between its label and the next block's label: they end right of the one and
  // start left of the other (on a narrow page a figure may end a space before the next label).
  const valueX = valueXs.map((xs, b) => (xs.length ? med(xs) : null));
  const startX = [0, 1, 2].map((b) => {
    const xs = rows.flatMap((r) => {
      const v = r.groups.length === 3 ? r.groups[b]!.values[0] : undefined;
      return v?.x != null ? [v.x - v.text.length] : [];
    });
    return xs.length ? med(xs) : null;
  });
  if (valueX.some((x, b) => x !== null && (x <= labelX[b]! || (b < 2 && startX[b]! > labelX[b + 1]! + 2)))) return null;
  const nearest = (x: number, at: (number | null)[], from: number) => {
    let best = -1;
    at.forEach((a, b) => {
      if (a !== null && b >= from && (best < 0 || Math.abs(a - x) < Math.abs(at[best]! - x))) best = b;
    });
    return best;
  };
  const band = header.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  const name = ['预算数', '决算数', '金额'].find((w) => band.includes(w)) ?? '';
  const first = rows[0]!.src;
  const head = ['项目', name, '项目', name, '项目', name].map((h, c) => cell(h, first, null, 0, c));
  const body: Cell[][] = [];
  for (const [k, r] of rows.entries()) {
    const rowIdx = k + 1;
    const out: Cell[] = Array.from({ length: 6 }, (_, c) => cell('', r.src, null, rowIdx, c));
    const usedL = new Set<number>();
    const usedV = new Set<number>();
    let from = 0;
    for (const g of r.groups) {
      if (g.label.length) {
        const x = g.label[0]!.x;
        if (x === null) return null;
        const b = nearest(x, labelX, from);
        if (b < 0 || usedL.has(b)) return null;
        usedL.add(b);
        out[b * 2] = labelCell(g, r, rowIdx, b * 2);
        from = b;
      }
      for (const v of g.values) {
        if (v.x === null) return null;
        // Its block: where it starts between a block's label column and the next's; sure where its end is
        // also nearest that block's figures (pdftotext drifts a figure by its label's width).
        const start = v.x - v.text.length;
        const b = Math.max(from, labelX.filter((x) => x < start).length - 1);
        if (b < 0 || usedV.has(b)) return null;
        usedV.add(b);
        const c = cell(v.text, r.src, v, rowIdx, b * 2 + 1);
        if (nearest(v.x, valueX.map((x, j) => x ?? labelX[j]! + 16), from) !== b) c.uncertain = 'column';
        out[b * 2 + 1] = c;
        from = b;
      }
    }
    body.push(out);
  }
  return { id: 't0', rows: [head, ...body], headerRows: 1, loc: { page: first.page, line: first.line } };
}

/** (single spaces) The three blocks where the text keeps no columns: a row of three groups fills them in
 *  order; another row's group goes to the one block whose list its ordinal continues (三、 after 二、), its
 *  figure with it; any other group could be any block's: its label goes to the middle block, its figure
 *  stays uncertain (no verdict from it). */
function threeBlocksSpaced(rows: Row[], full: Row[], header: SourceLine[]): SourceTable {
  const band = header.map((l) => normalize(l.raw).text.replace(/\s/g, '')).join('');
  const name = ['预算数', '决算数', '金额'].find((w) => band.includes(w)) ?? '';
  const first = rows[0]!.src;
  const head = ['项目', name, '项目', name, '项目', name].map((h, c) => cell(h, first, null, 0, c));
  const last = [0, 0, 0];
  const ordinal = (g: Group) => ordinalOf(labelText(g));
  const body = rows.map((r, k) => {
    const rowIdx = k + 1;
    const out: Cell[] = Array.from({ length: 6 }, (_, c) => cell('', r.src, null, rowIdx, c));
    const sure = full.includes(r);
    let from = 0;
    for (const [j, g] of r.groups.entries()) {
      const n = ordinal(g);
      let b = sure ? j : -1;
      let placed = sure;
      if (b < 0 && n !== null) {
        const fit = [0, 1, 2].filter((x) => x >= from && last[x] === n - 1);
        if (fit.length === 1) [b, placed] = [fit[0]!, true];
      }
      // A totals row (当年收入小计 X 当年支出小计 Y): the income total first, then the spending total, one
      // cell over both spending blocks (its label under 功能分类, its figure under 支出用途), as the PDF gives it.
      const totals = !sure && r.groups.length === 2 && r.groups.every((x) => /(小计|合计|总计)$/.test(labelText(x)) && x.values.length === 1);
      if (totals) [b, placed] = [j, true];
      if (b < 0) b = Math.max(from, Math.min(2, j === 0 && r.groups.length > 1 ? 0 : 1));
      if (n !== null) last[b] = n;
      out[b * 2] = labelCell(g, r, rowIdx, b * 2);
      const v = g.values[0];
      if (v) {
        if (totals && j === 1) b = 2;
        const c = cell(v.text, r.src, v, rowIdx, b * 2 + 1);
        if (!placed) c.uncertain = 'column';
        out[b * 2 + 1] = c;
      }
      from = b + 1;
    }
    return out;
  });
  return { id: 't0', rows: [head, ...body], headerRows: 1, loc: { page: first.page, line: first.line } };
}

/** (two halves, single spaces, coded) A 基本支出 table whose tall rows print a row pair's figures on
 *  lines of their own above its code line (301 01 302), its labels and the right half's code piece
 *  below (基本工资 01 办公费). A line of two figures is left then right; a lone figure could be either
 *  half's. The lone figures are placed only by the one assignment to left/right under which every
 *  sum of the 经济分类 tree holds at printed precision (each 3-digit code = Σ its 5-digit codes, a
 *  blank counting 0; each half's 合计 = Σ its 3-digit codes); where none or several fit, they stay
 *  uncertain. Null where the table is not printed so. */
function tallSpacedHalves(lines: SourceLine[]): { header: SourceLine[]; rows: Row[] } | null {
  const C3 = /^\d{3}$/;
  const P2 = /^\d{2}$/;
  const isFig = (t: Token) => AMOUNT.test(t.text) && !P2.test(t.text);
  const han = (t: Token) => !/^[-−—–\d,.]+$/.test(t.text);
  const toks = lines.map((l) => tokens(l, false).map((t) => ({ ...t, src: l })));
  const isCodeLine = (ts: Token[]) => !!ts[0] && C3.test(ts[0].text);
  const figLine = (ts: Token[]) => ts.length > 0 && ts.length <= 2 && ts.every(isFig);
  const first = toks.findIndex(isCodeLine);
  if (first < 0) return null;
  // The figure lines just above the first code line belong to the body.
  let start = first;
  while (start > 0 && figLine(toks[start - 1]!)) start--;
  interface Half { code: Token[]; label: Token[]; onCode: boolean }
  interface Unit { src: SourceLine; extra: SourceLine[]; halves: (Half | null)[]; figs: Token[][]; fixedFigs: (Token | null)[]; total: boolean }
  const units: Unit[] = [];
  let figs: Token[][] = [];
  let pendingExtra: SourceLine[] = [];
  let cur: Unit | null = null;
  const newHalf = (): Half => ({ code: [], label: [], onCode: false });
  for (let i = start; i < toks.length; i++) {
    const ts = toks[i]!;
    const l = lines[i]!;
    if (!ts.length) continue;
    // Figures never stand just above a label line: a line of 3-digit numbers there is a code line (303 302).
    const next = toks.slice(i + 1).find((x) => x.length);
    if (figLine(ts) && !(isCodeLine(ts) && next?.some(han))) {
      figs.push(ts);
      pendingExtra.push(l);
      cur = null;
      continue;
    }
    if (isCodeLine(ts)) {
      const u: Unit = { src: l, extra: pendingExtra, halves: [], figs, fixedFigs: [null, null], total: false };
      figs = [];
      pendingExtra = [];
      let h = newHalf();
      u.halves.push(h);
      let side = 0;
      for (const t of ts) {
        if (C3.test(t.text) && (h.code.length === 0 || h.label.length || (h.code.length && side === 0 && t !== ts[0]))) {
          if (h.code.length) {
            if (side === 1) return null;
            side = 1;
            h = newHalf();
            u.halves.push(h);
          }
          h.code.push(t);
        } else if (P2.test(t.text) && h.code.length === 1 && !h.label.length) h.code.push(t);
        else if (isFig(t)) {
          if (u.fixedFigs[side]) return null;
          u.fixedFigs[side] = t;
        } else if (han(t)) {
          h.label.push(t);
          h.onCode = true;
        } else return null;
      }
      units.push(u);
      cur = u;
      continue;
    }
    // A label line: of the unit just opened, else (after figures) a total row (人员经费合计 公用经费合计).
    if (!cur) {
      if (!figs.length || !ts.every(han) || ts.length > 2) return null;
      const u: Unit = { src: l, extra: pendingExtra, halves: ts.map((t) => ({ code: [], label: [t], onCode: true })), figs, fixedFigs: [null, null], total: true };
      figs = [];
      pendingExtra = [];
      units.push(u);
      cur = u;
      continue;
    }
    cur.extra.push(l);
    if (cur.total) return null;
    const pair = cur.halves.length === 2;
    const piece = ts.findIndex((t) => P2.test(t.text));
    if (!ts.every((t) => han(t) || P2.test(t.text))) return null;
    if (!pair) {
      const h = cur.halves[0]!;
      for (const t of ts) if (P2.test(t.text) && h.code.length === 1) h.code.push(t);
      else if (han(t)) h.label.push(t);
      else return null;
      continue;
    }
    const [L, R] = cur.halves as [Half, Half];
    if (piece >= 0) {
      if (R.code.length !== 1 || ts.slice(piece + 1).some((t) => !han(t))) return null;
      L.label.push(...ts.slice(0, piece));
      R.code.push(ts[piece]!);
      R.label.push(...ts.slice(piece + 1));
    } else if (ts.length >= 2 && !L.label.length && !R.label.length) {
      L.label.push(ts[0]!);
      R.label.push(...ts.slice(1));
    } else if (ts.length === 1 && L.onCode !== R.onCode) (L.onCode ? L : R).label.push(ts[0]!);
    else if (ts.length === 1 && !L.label.length) L.label.push(ts[0]!);
    else if (ts.length === 1 && !R.label.length) R.label.push(ts[0]!);
    else return null;
  }
  if (figs.length || units.length < 4 || !units.some((u) => u.halves.length === 2)) return null;
  // Which half a lone-coded unit is: the half that printed its 3-digit code before, else the half
  // whose last code is just below its own.
  const codeOf = (h: Half | null) => (h?.code.length ? h.code.map((t) => t.text).join('') : '');
  const seen: [Set<string>, Set<string>] = [new Set(), new Set()];
  const last: [number, number] = [-1, -1];
  // A lone unit below a lone unit continues its half (the other half has run out).
  let loneSide = -1;
  const sides: (Half | null)[][] = units.map((u) => {
    if (u.total) return u.halves.length === 2 ? u.halves : [u.halves[0]!, null];
    if (u.halves.length === 2) {
      loneSide = -1;
      u.halves.forEach((h, s) => {
        seen[s]!.add(codeOf(h).slice(0, 3));
        last[s] = Number(codeOf(h).padEnd(5, '0'));
      });
      return u.halves;
    }
    const code = codeOf(u.halves[0]!);
    const n = Number(code.padEnd(5, '0'));
    let s = seen[1].has(code.slice(0, 3)) ? 1 : seen[0].has(code.slice(0, 3)) ? 0 : loneSide;
    if (s < 0) {
      const gap = (x: number) => (x >= 0 && x < n ? n - x : Infinity);
      s = gap(last[1]) < gap(last[0]) ? 1 : 0;
    }
    last[s] = n;
    loneSide = s;
    seen[s]!.add(code.slice(0, 3));
    return s === 1 ? [null, u.halves[0]!] : [u.halves[0]!, null];
  });
  // Figures: code-line ones and two-figure lines are sure; lone ones are the unknowns.
  const given: (Token | null)[][] = units.map(() => [null, null]);
  const unknown: { unit: number; opts: [Token | null, Token | null][] }[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k]!;
    const has = [!!sides[k]![0], !!sides[k]![1]];
    u.fixedFigs.forEach((t, s) => t && (given[k]![s] = t));
    const lone: Token[] = [];
    for (const f of u.figs) {
      if (f.length === 2) {
        if (given[k]![0] || given[k]![1] || !has[0] || !has[1]) return null;
        given[k] = [f[0]!, f[1]!];
      } else lone.push(f[0]!);
    }
    if (!lone.length) continue;
    const free = [0, 1].filter((s) => has[s] && !given[k]![s]);
    if (lone.length > free.length) return null;
    if (free.length === 1) {
      given[k]![free[0]!] = lone[0]!;
      continue;
    }
    unknown.push({ unit: k, opts: lone.length === 2 ? [[lone[0]!, lone[1]!], [lone[1]!, lone[0]!]] : [[lone[0]!, null], [null, lone[0]!]] });
  }
  if (unknown.length > 20) return null;
  const centsOf = (t: Token | null) => (t && /\d/.test(t.text) ? cents(t.text) : 0);
  // The checks: per half, each 3-digit code's row against its 5-digit rows, and the total row against
  // the 3-digit rows; each as [row of the sum, rows of its parts].
  const checks: { s: number; total: number; parts: number[] }[] = [];
  for (const s of [0, 1]) {
    const coded = units.map((_, k) => k).filter((k) => !units[k]!.total && sides[k]![s]);
    const parents = coded.filter((k) => codeOf(sides[k]![s]!).length === 3);
    for (const p of parents) {
      const c = codeOf(sides[p]![s]!);
      const kids = coded.filter((k) => codeOf(sides[k]![s]!).length === 5 && codeOf(sides[k]![s]!).startsWith(c));
      if (kids.length) checks.push({ s, total: p, parts: kids });
    }
    const tot = units.findIndex((u, k) => u.total && sides[k]![s]);
    if (tot >= 0 && parents.length) checks.push({ s, total: tot, parts: parents });
  }
  const fits = (fig: (Token | null)[][]): boolean =>
    checks.every(({ s, total, parts }) => {
      const vals = [total, ...parts].map((k) => centsOf(fig[k]![s]!));
      if (vals.some((v) => v === null)) return false;
      const sum = parts.reduce((a, _, j) => a + vals[j + 1]!, 0);
      return Math.abs(vals[0]! - sum) <= 0.5 * (parts.length + 1);
    });
  let found: number | null = null;
  let count = 0;
  if (unknown.length && checks.length) {
    for (let m = 0; m < 1 << unknown.length && count < 2; m++) {
      const fig = given.map((g) => [...g]);
      unknown.forEach((x, j) => {
        const o = x.opts[(m >> j) & 1]!;
        if (o[0]) fig[x.unit]![0] = o[0];
        if (o[1]) fig[x.unit]![1] = o[1];
      });
      if (fits(fig)) {
        count++;
        found = m;
      }
    }
  }
  const doubt = new Set<Token>();
  unknown.forEach((x, j) => {
    const o = count === 1 ? x.opts[(found! >> j) & 1]! : x.opts[0]!;
    if (o[0]) given[x.unit]![0] = o[0];
    if (o[1]) given[x.unit]![1] = o[1];
    if (count !== 1) for (const t of o) if (t) doubt.add(t);
  });
  // Pieces joined over lines keep the first line's span (their loc is that line).
  const join = (ts: Token[]): Token[] =>
    ts.length ? [{ ...ts[0]!, text: ts.map((t) => t.text).join(''), end: ts.every((t) => t.src === ts[0]!.src) ? ts[ts.length - 1]!.end : ts[0]!.end }] : [];
  const rows: Row[] = units.map((u, k) => {
    const groups: (Group | undefined)[] = sides[k]!.map((h, s) =>
      h ? { label: join(h.label), values: given[k]![s] ? [{ ...given[k]![s]!, doubt: doubt.has(given[k]![s]!) }] : [], codes: join(h.code) } : undefined,
    );
    const extra = [...u.extra, ...u.figs.map((f) => f[0]!.src!)].filter((l, j, a) => l !== u.src && a.indexOf(l) === j);
    return { src: u.src, codes: [], groups: groups.filter((g): g is Group => !!g), extra, sides: { left: groups[0], right: groups[1] } };
  });
  return { header: lines.slice(0, start), rows };
}
