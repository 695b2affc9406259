// Indicator tables (绩效目标表, 绩效自评表) printed as page text: a `pdftotext -layout` dump (cells apart
// by runs of spaces, columns at roughly fixed character positions) or a single-space dump. The output is
// the grid the PDF's ruled reader gives (src/ingest/pdf/indicators.ts), so extract reads it unchanged:
// the form rows above the indicator header (项目名称, 主管部门, 资金 …, as label/value cells), the header
// row (一级指标 | 二级指标 | 三级指标 | 指标值 …) and one row per indicator with its level names.
//
// Structure, not phrases: the header band gives the columns (its words are patterns/indicators.yaml's
// column names, possibly wrapped over lines: 一级/指标); a row is the line that holds the table's key value
// (the value column filled most often) or a placeholder (……); the text of a cell wrapped over lines
// joins its row while the piece above it fills its column (a wrapped line runs to the column's width);
// level names merged over rows are set on the rows their cell covers, whether the layout puts a name on
// its group's first row (top-aligned) or in its middle (centred: the group is found that centres it).
// A header word is never a value. Where a row's names cannot be placed, the table is left to the lines.
import type { Cell, SourceTable } from '../../model.js';
import { loadPattern } from '../../patterns.js';
import { normalize } from '../normalize.js';
import { isIndicatorTitle, matchTitle } from '../pdf/titles.js';
import { displayColumns } from '../../display-columns.js';
import type { SourceLine } from './pagetext.js';

type Role = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'note' | 'comparator' | 'unit';
const NAME_ROLES: Role[] = ['level1', 'level2', 'level3'];
const ORDER: Role[] = ['level1', 'level2', 'level3', 'comparator', 'target', 'unit', 'actual', 'weight', 'score', 'note'];

interface Lex {
  role: Map<string, Role>;
  level: { level1: Set<string>; level2: Set<string> };
  placeholders: Set<string>;
  /** Labels of project fields (value: the following cells) and of fund/budget cells (value: one cell). */
  field: Set<string>;
  single: Set<string>;
  /** Known level-2 name → the level-1 names it may stand under. */
  parent: Map<string, Set<string>>;
}

let lexCache: Lex | null = null;
function lex(): Lex {
  if (lexCache) return lexCache;
  const raw = loadPattern<{
    columns: Record<Role, string[]>;
    level1_names: string[];
    level2_names: string[];
    placeholders: string[];
    project_fields: Record<string, string[]>;
    fund_fields: Record<string, string[]>;
    budget_columns: Record<string, string[]>;
    level2_parents?: Record<string, string[]>;
  }>('indicators.yaml');
  const parent = new Map<string, Set<string>>();
  for (const [p, kids] of Object.entries(raw.level2_parents ?? {})) for (const k of kids) parent.set(fold(k), (parent.get(fold(k)) ?? new Set()).add(fold(p)));
  const role = new Map<string, Role>();
  for (const [r, names] of Object.entries(raw.columns)) for (const n of names) role.set(fold(n), r as Role);
  return (lexCache = {
    role,
    level: { level1: new Set(raw.level1_names.map(fold)), level2: new Set(raw.level2_names.map(fold)) },
    placeholders: new Set(raw.placeholders),
    field: new Set(Object.values(raw.project_fields).flat().map(fold)),
    single: new Set([...Object.values(raw.fund_fields).flat(), ...Object.values(raw.budget_columns).flat()].map(fold)),
    parent,
  });
}

/** As extract folds cell text: spaces, markers like （A） (B/A) （万元）, a trailing colon. */
export function fold(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(](?:[A-Za-z][A-Za-z/×*+\-]*|万元|元|%|％|\d+)[)）]/g, '')
    .replace(/[：:]$/, '');
}

const isPlaceholder = (t: string) => lex().placeholders.has(t.trim());
const HAN = /\p{Script=Han}/u;
const FIGURE = /^[-−]?\d[\d,]*(\.\d+)?[%‰]?$/;
const NUMBERISH = /^[≥≤<>=]?[-−]?\d[\d,.]*\s*(%|‰|[\p{Script=Han}]{0,4})$/u;

interface Tok {
  text: string;
  raw: string;
  start: number;
  end: number;
  /** Display columns (fixed-width dumps); null where the text keeps no columns. */
  x0: number | null;
  x1: number | null;
  /** Width in display columns (or characters), to tell a wrapped line (one that fills its column). */
  w: number;
}

interface TLine<L> {
  src: L;
  toks: Tok[];
  /** Index among the non-blank lines. */
  k: number;
  /** Blank lines right before it on its page. */
  gap: number;
}

/** Cells of a line: runs apart by 2+ spaces; within a run one space parts two Chinese words (two cells
 *  printed tight: 项目支出成本控制 会议费控制率), never a figure from its unit (2023 年完成). A single-space
 *  dump is cut at every space, and a number between two names is put back to the name before it. */
function tokenize(raw: string, fixed: boolean): Tok[] {
  const col = displayColumns(raw);
  const width = (s: number, e: number) => col[e]! - col[s]!;
  const out: Tok[] = [];
  const push = (s: number, e: number) => {
    const r = raw.slice(s, e);
    out.push({ text: normalize(r).text, raw: r, start: s, end: e, x0: fixed ? col[s]! : null, x1: fixed ? col[e]! : null, w: width(s, e) });
  };
  const runs = fixed ? raw.matchAll(/\S+(?:[ \u00a0]\S+)*/g) : raw.matchAll(/\S+/g);
  for (const m of runs) {
    let from = m.index;
    for (const sp of m[0].matchAll(/[ \u00a0]/g)) {
      const at = m.index + sp.index;
      const a = raw[at - 1]!;
      const b = raw[at + 1]!;
      // Two figures: 15.875 15.875.
      const before = /\S+$/.exec(raw.slice(from, at))?.[0] ?? '';
      const after = /^\S+/.exec(raw.slice(at + 1))?.[0] ?? '';
      if (FIGURE.test(before) && FIGURE.test(after)) {
        push(from, at);
        from = at + 1;
        continue;
      }
      if (HAN.test(a) || /[”）)]/.test(a)) {
        if (HAN.test(b) || /[“（(]/.test(b) || /^(\d[\d,]*\.\d+|\d+)%?(?=\s|$)/.test(raw.slice(at + 1)) && /^\d[\d,]*\.\d+%?(\s|$)|^\d+%(\s|$)/.test(raw.slice(at + 1))) {
          push(from, at);
          from = at + 1;
        }
      }
    }
    push(from, m.index + m[0].length);
  }
  if (fixed) return out;
  // Single spaces: 2023 年完成 (a number and its unit word), 核心业务产出 1 (a number ending a name).
  const merged: Tok[] = [];
  out.forEach((t, i) => {
    const prev = merged[merged.length - 1];
    const next = out[i + 1];
    const num = /^\d+$/.test(t.text);
    if (prev && /^\d+$/.test(prev.text) && /^[年月日个项次人]/u.test(t.text) && NUMBERISH.test(prev.text + t.text) && i < out.length - 1) {
      Object.assign(prev, { text: prev.text + t.text, raw: raw.slice(prev.start, t.end), end: t.end, w: prev.w + t.w + 1 });
      return;
    }
    if (prev && num && HAN.test(prev.text) && next && HAN.test(next.text) && !NUMBERISH.test(next.text) && !/^[年月日个项次人]/u.test(next.text)) {
      Object.assign(prev, { text: prev.text + t.text, raw: raw.slice(prev.start, t.end), end: t.end, w: prev.w + t.w + 1 });
      return;
    }
    merged.push({ ...t });
  });
  return merged;
}

interface Column {
  role: Role;
  label: Tok[];
  /** Display-column anchor of the column's cells (fixed-width), from the header or the body. */
  at: number | null;
}

export interface IndicatorTextTable<L> {
  table: SourceTable;
  lines: L[];
}

/** Every indicator table printed in the page text: its grid and the source lines it took. */
export function readIndicatorTables<L extends SourceLine>(lines: L[], fixed: boolean): IndicatorTextTable<L>[] {
  const text: TLine<L>[] = [];
  let gap = 0;
  let page = -1;
  for (const src of lines) {
    if (src.page !== page) (gap = 0), (page = src.page);
    if (!src.raw.trim()) {
      gap++;
      continue;
    }
    text.push({ src, toks: tokenize(src.raw, fixed), k: text.length, gap });
    gap = 0;
  }
  const out: { table: SourceTable; taken: L[] }[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (i < from || headerTokens(text[i]!).length < 2) continue;
    const band = headerBand(text, i);
    if (!band) continue;
    const start = tableStart(text, band.first, from);
    const read = readTable(text, start, band, fixed);
    if (!read) continue;
    out.push(read);
    from = read.end;
    i = read.end - 1;
  }
  return out.map(({ table, taken }) => ({ table, lines: taken }));
}

/** Tokens of a line that name a column (一级指标, 指标值), or a piece of one (一级, 指标). */
function headerTokens(l: TLine<SourceLine>): Tok[] {
  return l.toks.filter((t) => lex().role.has(fold(t.text)));
}

const isMarker = (t: Tok) => /^[（(][^（）()]{0,8}[)）]$/.test(t.text);
const PIECES = ['指标', '值', '名称', '标', '指', '效', '绩'];

interface Band {
  first: number;
  last: number;
  columns: Column[];
}

/** The header band around line i: lines of column names and their wrapped pieces. */
function headerBand(text: TLine<SourceLine>[], i: number): Band | null {
  const headerish = (l: TLine<SourceLine> | undefined) =>
    !!l && l.toks.length > 0 && l.toks.every((t) => lex().role.has(fold(t.text)) || isMarker(t) || PIECES.includes(t.text) || /^[\p{Script=Han}]$/u.test(t.text) || /^分值|^得分/.test(t.text));
  let first = i;
  let last = i;
  // Upwards only lines with a column word: a lone character above is the form's (年/度/…/标 spelled down).
  while (first > 0 && first > i - 2 && headerish(text[first - 1]) && !isTitleLine(text[first - 1]!) && text[first - 1]!.toks.some((t) => t.text.length > 1)) first--;
  while (last < text.length - 1 && last < i + 2 && headerish(text[last + 1])) last++;
  // Column words of the band, pieces stacked on one another joined (一级 / 指标, 实际完成值 / （B）).
  const stacks: { toks: Tok[]; x0: number; x1: number; order: number }[] = [];
  for (let k = first; k <= last; k++) {
    for (const t of text[k]!.toks) {
      if (/^[\p{Script=Han}]$/u.test(t.text) && !lex().role.has(t.text)) continue; // 绩/效/指/标 spelled down the edge
      const s = t.x0 === null ? undefined : stacks.map((s) => ({ s, o: Math.min(s.x1, t.x1!) - Math.max(s.x0, t.x0!) })).filter((c) => c.o > 0).sort((a, b) => b.o - a.o)[0]?.s;
      if (s) {
        s.toks.push(t);
        s.x0 = Math.min(s.x0, t.x0!);
        s.x1 = Math.max(s.x1, t.x1!);
      } else stacks.push({ toks: [t], x0: t.x0 ?? 0, x1: t.x1 ?? 0, order: k * 1000 + text[k]!.toks.indexOf(t) });
    }
  }
  if (text[first]!.toks[0]?.x0 !== null) stacks.sort((a, b) => a.x0 - b.x0);
  // Without positions, columns stand in the template's order.
  else stacks.sort((a, b) => ORDER.indexOf(lex().role.get(fold(a.toks.map((t) => t.text).join(''))) ?? 'note') - ORDER.indexOf(lex().role.get(fold(b.toks.map((t) => t.text).join(''))) ?? 'note'));
  const columns: Column[] = [];
  for (const s of stacks) {
    const label = s.toks.map((t) => t.text).join('');
    const role = lex().role.get(fold(label));
    if (!role) continue;
    columns.push({ role, label: s.toks, at: s.toks[0]!.x0 === null ? null : (s.x0 + s.x1) / 2 });
  }
  // A 绩效指标 (level3 word) left of the level columns frames them: not a column (as extract reads it).
  const lastLevel = Math.max(columns.findIndex((c) => c.role === 'level2'), columns.findIndex((c) => c.role === 'level1'));
  const cols = columns.filter((c, j) => !(c.role === 'level3' && j < lastLevel));
  const roles = cols.map((c) => c.role);
  if (!roles.includes('level3') || !(roles.includes('target') || roles.includes('actual')) || !(roles.includes('level1') || roles.includes('level2'))) return null;
  if (new Set(roles).size !== roles.length) return null;
  return { first, last, columns: cols };
}

const HEADING = /^\s*(（[一二三四五六七八九十百]+）|[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;
const isTitleLine = (l: TLine<SourceLine>) => {
  const t = l.src.raw.trim();
  return t.length <= 60 && (isIndicatorTitle(t) || matchTitle(t) !== null);
};

/** Where the table starts: the line after its title, when the title is a few form lines above. */
function tableStart(text: TLine<SourceLine>[], bandFirst: number, floor: number): number {
  for (let k = bandFirst - 1; k >= floor && k >= bandFirst - 40; k--) {
    const l = text[k]!;
    if (isTitleLine(l)) return k + 1;
    if (HEADING.test(l.src.raw)) break;
  }
  return bandFirst;
}

// ---------------------------------------------------------------------------------------------------

interface Piece {
  tok: Tok;
  line: TLine<SourceLine>;
}

interface BodyRow {
  /** The line holding the row's key value (or placeholder). */
  anchor: TLine<SourceLine>;
  cells: Map<number, Piece[]>;
  top: number;
  bottom: number;
}

function readTable<L extends SourceLine>(
  text: TLine<L>[],
  start: number,
  band: Band,
  fixed: boolean,
): { table: SourceTable; taken: L[]; end: number } | null {
  const cols = band.columns;
  // Body lines: to the next title, heading, note or line outside the columns.
  const body: TLine<L>[] = [];
  let end = band.last + 1;
  for (; end < text.length; end++) {
    const l = text[end]!;
    const t = l.src.raw.trim();
    if (isTitleLine(l) || HEADING.test(l.src.raw) || /^(备注|注|说明)\s*[:：]/.test(t) || (end > band.last + 1 && l.gap >= 3)) break;
    if (headerTokens(l).length >= 2 && headerBand(text, end)) break;
    if (l.toks.some((x) => lex().field.has(fold(x.text)))) break;
    if (t.length > 40 && /[。；]$/.test(t) && l.toks.length === 1) break;
    // 绩/效/指/标 spelled down the left edge frames the rows.
    const own = l.toks.filter((x) => !(fixed && x.x0! <= 2 && /^[\p{Script=Han}]$/u.test(x.text)));
    if (own.length) body.push({ ...l, toks: own });
  }
  if (!body.length) return null;

  const assigned = body.map((l) => assign(l, cols, body, fixed));
  if (assigned.some((a) => a === null)) return null;
  const placed = assigned as Map<number, Tok[]>[];
  // The key value column: the value column filled on most lines.
  const valueCols = cols.flatMap((c, j) => (NAME_ROLES.includes(c.role) ? [] : [j]));
  const key = valueCols.sort((a, b) => count(placed, b) - count(placed, a))[0]!;
  const rows: BodyRow[] = [];
  const pending = new Map<number, Piece[]>();
  const open = new Map<number, BodyRow>();
  const levelPieces: { col: number; piece: Piece; lineIndex: number }[] = [];
  const widest = new Map<number, number>();
  placed.forEach((m) => m.forEach((toks, j) => widest.set(j, Math.max(widest.get(j) ?? 0, ...toks.map((t) => t.w)))));
  const full = (j: number, t: Tok) => t.w >= (widest.get(j) ?? 0) - 3 && (widest.get(j) ?? 0) >= 8;
  const levelCol = (j: number) => cols[j]!.role === 'level1' || cols[j]!.role === 'level2';

  body.forEach((l, n) => {
    const m = placed[n]!;
    const isRow = m.has(key) || [...m.values()].some((toks) => toks.some((t) => isPlaceholder(t.text)));
    const line = l as unknown as TLine<SourceLine>;
    if (isRow) {
      const row: BodyRow = { anchor: line, cells: new Map(), top: n, bottom: n };
      // A piece above a row that fills its own cell joins it only if it fills its column (a wrapped
      // line); else it is a level name standing beside the rows (群众满意度 / 指标).
      for (const [j, toks] of pending) {
        if (levelCol(j) || !m.has(j) || cols[j]!.role !== 'level3') continue;
        const keep = toks.filter((p) => full(j, p.tok));
        const moved = toks.filter((p) => !full(j, p.tok));
        const to = cols.findIndex((c) => c.role === 'level2') >= 0 ? cols.findIndex((c) => c.role === 'level2') : cols.findIndex((c) => c.role === 'level1');
        if (to >= 0) for (const p of moved) levelPieces.push({ col: to, piece: p, lineIndex: body.findIndex((b) => b.src === p.line.src) });
        if (keep.length) pending.set(j, keep);
        else pending.delete(j);
      }
      for (const [j, toks] of pending) {
        if (levelCol(j)) continue;
        row.cells.set(j, [...toks]);
        row.top = Math.min(row.top, ...toks.map((t) => body.findIndex((b) => b.src === t.line.src)));
      }
      for (const j of [...pending.keys()]) if (!levelCol(j)) pending.delete(j);
      rows.push(row);
      for (const [j, toks] of m) {
        if (levelCol(j) && !toks.some((t) => isPlaceholder(t.text)) && !(m.size === 1 && toks.length === 1 && false)) {
          for (const tok of toks) levelPieces.push({ col: j, piece: { tok, line }, lineIndex: n });
          continue;
        }
        row.cells.set(j, [...(row.cells.get(j) ?? []), ...toks.map((tok) => ({ tok, line }))]);
      }
      for (const j of cols.keys()) if (!levelCol(j)) open.set(j, row);
      return;
    }
    for (const [j, toks] of m) {
      for (const tok of toks) {
        if (levelCol(j)) {
          levelPieces.push({ col: j, piece: { tok, line }, lineIndex: n });
          continue;
        }
        // A piece continues the open row's cell while that cell's last piece fills its column.
        const row = open.get(j);
        const lastPiece = row?.cells.get(j)?.at(-1);
        if (row && !pending.has(j) && lastPiece && full(j, lastPiece.tok)) {
          row.cells.get(j)!.push({ tok, line });
          row.bottom = n;
          continue;
        }
        pending.set(j, [...(pending.get(j) ?? []), { tok, line }]);
        open.delete(j);
      }
    }
  });
  // Pieces left after the last row are not the table's (a footer block: 偏差大或 / 目标未完成 …).
  const lastRow = rows.at(-1);
  if (!lastRow) return null;
  const lastLine = Math.max(...rows.map((r) => r.bottom));
  for (let k = levelPieces.length - 1; k >= 0; k--) if (levelPieces[k]!.lineIndex > lastLine) levelPieces.splice(k, 1);
  // A level-2 piece that completes the level-1 name beside it (管理 / 效率) is that name's wrap.
  const l1 = cols.findIndex((c) => c.role === 'level1');
  if (l1 >= 0) {
    const sorted = [...levelPieces].sort((a, b) => a.lineIndex - b.lineIndex);
    let prev: (typeof sorted)[number] | null = null;
    for (const p of sorted) {
      if (p.col === l1) prev = p;
      else if (prev && p.lineIndex - prev.lineIndex <= 2 && !lex().level.level1.has(fold(prev.piece.tok.text)) && lex().level.level1.has(fold(prev.piece.tok.text + p.piece.tok.text))) {
        p.col = l1;
        prev = null;
      }
    }
  }

  // Level names: pieces stacked on adjacent lines are one name; each name covers the rows of its cell.
  const names = new Map<number, Map<number, { text: Piece[] }>>();
  for (const j of cols.keys()) {
    if (!levelCol(j)) continue;
    const own = levelPieces.filter((p) => p.col === j).sort((a, b) => a.lineIndex - b.lineIndex);
    const runs: { pieces: typeof own }[] = [];
    for (const p of own) {
      const run = runs.at(-1);
      const prev = run?.pieces.at(-1);
      const rowLine = (i: number) => rows.some((r) => r.anchor === (body[i] as unknown as TLine<SourceLine>));
      if (run && prev && p.lineIndex - prev.lineIndex <= 2 && joins(cols[j]!.role, run.pieces.map((x) => x.piece.tok.text).join(''), p.piece.tok.text, rowLine(prev.lineIndex) && rowLine(p.lineIndex), !!(prev && full(j, prev.piece.tok)))) {
        run.pieces.push(p);
        continue;
      }
      runs.push({ pieces: [p] });
    }
    const spans: { pieces: Piece[]; top: number; bottom: number; placeholder?: boolean }[] = runs.map((r) => ({ pieces: r.pieces.map((x) => x.piece), top: r.pieces[0]!.lineIndex, bottom: r.pieces.at(-1)!.lineIndex }));
    // A template row (nothing but ……) is a cell of its own: it bounds the merged cells around it.
    rows.forEach((r) => {
      const all = [...r.cells.values()].flat();
      if (all.length && all.every((p) => isPlaceholder(p.tok.text))) spans.push({ pieces: all, top: body.indexOf(r.anchor as unknown as TLine<L>), bottom: body.indexOf(r.anchor as unknown as TLine<L>), placeholder: true });
    });
    spans.sort((a, b) => a.top - b.top);
    const starts = groupStarts(spans, rows, body);
    if (!starts) return null;
    const at = new Map<number, { text: Piece[] }>();
    starts.forEach((r, s) => !spans[s]!.placeholder && at.set(r, { text: spans[s]!.pieces }));
    names.set(j, at);
  }

  // The grid: form rows, the header row, the indicator rows.
  const table: SourceTable = { id: '', rows: [], loc: { page: text[start]!.src.page, line: text[start]!.src.line } };
  const width = cols.length;
  const formRows = readForm(text.slice(start, band.first) as unknown as TLine<SourceLine>[], fixed);
  const grid = Math.max(width, ...formRows.map((r) => r.length));
  for (const r of formRows) table.rows.push([...r, ...Array.from({ length: grid - r.length }, () => blank(text[start]! as unknown as TLine<SourceLine>))]);
  const lead = (l: TLine<SourceLine>) => Array.from({ length: grid - width }, () => blank(l));
  const headLine = text[band.first]! as unknown as TLine<SourceLine>;
  table.rows.push([...lead(headLine), ...cols.map((c) => cellOf(c.label.map((tok) => ({ tok, line: text.find((l) => l.toks.includes(tok))! as unknown as TLine<SourceLine> }))))]);
  let current = new Map<number, Cell>();
  rows.forEach((row, r) => {
    const cells: Cell[] = cols.map((_, j) => {
      if (levelCol(j)) {
        const own = row.cells.get(j);
        if (own?.length) return cellOf(own); // a placeholder (……) in a level column
        const name = names.get(j)?.get(r);
        if (name) {
          const c = cellOf(name.text);
          current.set(j, c);
          return c;
        }
        const above = current.get(j);
        return above ? { ...above, spanned: true } : blank(row.anchor);
      }
      const pieces = row.cells.get(j);
      return pieces?.length ? cellOf(pieces) : blank(row.anchor);
    });
    // A new level1 name closes the level2 cell above it.
    for (const j of cols.keys()) if (cols[j]!.role === 'level1' && names.get(j)?.get(r)) for (const k of cols.keys()) if (cols[k]!.role === 'level2' && !names.get(k)?.get(r)) current.delete(k);
    table.rows.push([...lead(row.anchor), ...cells]);
  });
  current = new Map();
  if (!plausible(table.rows.slice(table.rows.length - rows.length).map((r) => r.slice(grid - width)), cols)) return null;
  const lastTaken = text.indexOf(body[lastLine]!.src === text[body[lastLine]!.k]!.src ? text[body[lastLine]!.k]! : text[end - 1]!);
  const taken = text.slice(start, lastTaken + 1).map((l) => l.src);
  return { table, taken, end: lastTaken + 1 };
}

/** A reading to trust: no template level-2 name under a level-1 name it does not belong to, level names
 *  of the template's shape, a 分值/得分 cell a number. */
function plausible(rows: Cell[][], cols: Column[]): boolean {
  const at = (r: Role) => cols.findIndex((c) => c.role === r);
  const [l1, l2] = [at('level1'), at('level2')];
  for (const row of rows) {
    const a = l1 >= 0 ? fold(row[l1]!.text) : '';
    const b = l2 >= 0 ? fold(row[l2]!.text) : '';
    const parents = lex().parent.get(b);
    if (a && parents && lex().level.level1.has(a) && !parents.has(a)) return false;
    for (const j of cols.keys()) if ((cols[j]!.role === 'weight' || cols[j]!.role === 'score') && row[j]!.text && !isPlaceholder(row[j]!.text) && !/^\d+(\.\d+)?$/.test(row[j]!.text)) return false;
  }
  for (const [j, known] of [[l1, lex().level.level1], [l2, lex().level.level2]] as const) {
    if (j < 0) continue;
    const names = [...new Set(rows.map((r) => fold(r[j]!.text)).filter((t) => t && !isPlaceholder(t)))];
    // Where the names are the template's, another is one only in its shape (群众满意度指标), never a
    // fragment (费占比, 服务对象满意度指).
    const hits = names.filter((t) => known.has(t)).length;
    if (names.length && hits * 2 > names.length && names.some((t) => !known.has(t) && !/指标$/.test(t))) return false;
  }
  return true;
}

const count = (placed: Map<number, Tok[]>[], j: number) => placed.filter((m) => m.has(j)).length;

/** Whether a level-name piece continues the name above it: together a known name (运行 / 成本), or
 *  the upper piece fills its column, or one of the two stands beside no row of its own (经济效益 / 指标). */
function joins(role: Role, above: string, piece: string, bothOnRows: boolean, aboveFull: boolean): boolean {
  if (isPlaceholder(piece) || isPlaceholder(above)) return false;
  const known = role === 'level1' ? lex().level.level1 : lex().level.level2;
  if (known.has(fold(above + piece))) return true;
  if (known.has(fold(above)) || known.has(fold(piece))) return false;
  return !bothOnRows;
}

/** The first row each level name covers. Top-aligned cells: the row the name stands on. Centred cells:
 *  the rows are cut into consecutive groups, one per name, each centred on its name (least total
 *  distance); rows before the first group on a page continue the group above the page break. */
function groupStarts(names: { top: number; bottom: number; placeholder?: boolean }[], rows: BodyRow[], body: TLine<SourceLine>[]): number[] | null {
  if (!names.length) return [];
  // Top-aligned: the first row holds a name, and each name stands in (or just above) the first row of
  // its group. Centred cells put the first name mid-group, below the first row, and may put a name
  // between two rows.
  const rowAt = (lineIndex: number) => rows.findIndex((r) => r.top <= lineIndex && lineIndex <= r.bottom);
  // A name standing between rows (on a line of no row) can only be centred.
  const between = names.some((n) => rowAt(n.top) < 0 && rowAt(n.bottom) < 0);
  if (!between && (rowAt(names[0]!.top) === 0 || rowAt(names[0]!.bottom) === 0)) {
    const starts = names.map((n) => rows.findIndex((r) => r.bottom >= n.top));
    return starts.every((r, i) => r >= 0 && (i === 0 || r > starts[i - 1]! || (r === starts[i - 1] && (names[i]!.placeholder || names[i - 1]!.placeholder)))) ? starts : null;
  }
  // Centred: dynamic programming over cut points, per page.
  const pageOf = (i: number) => body[i]!.src.page;
  const result: number[] = [];
  let nameFrom = 0;
  const pages = [...new Set(rows.map((r) => pageOf(r.anchor.k >= 0 ? body.indexOf(r.anchor) : 0)))];
  for (const page of pages) {
    const rIdx = rows.flatMap((r, i) => (pageOf(body.indexOf(r.anchor)) === page ? [i] : []));
    const ns: number[] = [];
    while (nameFrom < names.length && pageOf(names[nameFrom]!.top) === page) ns.push(nameFrom++);
    if (!ns.length) continue;
    const n = rIdx.length;
    const m = ns.length;
    const first = page === pageOf(body.indexOf(rows[0]!.anchor));
    const lineOf = (i: number) => body[i]!.src.line;
    // A name broken by the page end is centred by its part on this page.
    const centre = (s: number) => (lineOf(names[s]!.top) + lineOf(pageOf(names[s]!.bottom) === pageOf(names[s]!.top) ? names[s]!.bottom : names[s]!.top)) / 2;
    const span = (a: number, b: number) => [lineOf(rows[rIdx[a]!]!.top), lineOf(rows[rIdx[b]!]!.bottom)] as const;
    // solve(g, e): names g.. placed on rows e..n-1, least cost. Run twice, ties broken towards early and
    // towards late cuts: where the two differ, the rows could belong to either name, and none is given.
    const INF = 1e9;
    const tiling = (late: boolean): number[] | null => {
      const memo = new Map<string, { cost: number; cut: number }>();
      const solve = (g: number, e: number): number => {
        if (g === m) return e === n ? 0 : INF;
        const keyS = `${g}:${e}`;
        const hit = memo.get(keyS);
        if (hit) return hit.cost;
        let best = { cost: INF, cut: -1 };
        for (let b = e; b < n; b++) {
          const [t, bo] = span(e, b);
          const c = centre(ns[g]!);
          if (c < t - 1.5 || c > bo + 1.5) continue;
          const cost = Math.abs((t + bo) / 2 - c) + solve(g + 1, b + 1);
          if (cost < best.cost - 1e-9 || (late && Math.abs(cost - best.cost) < 1e-9)) best = { cost, cut: b + 1 };
        }
        memo.set(keyS, best);
        return best.cost;
      };
      let bestStart = -1;
      let bestCost = INF;
      for (let s = 0; s <= (first ? 0 : n - 1); s++) {
        const c = solve(0, s);
        if (c < bestCost - 1e-9 || (late && Math.abs(c - bestCost) < 1e-9)) (bestCost = c), (bestStart = s);
      }
      if (bestCost >= INF) return null;
      const out: number[] = [];
      for (let g = 0, e = bestStart; g < m; g++) {
        out.push(rIdx[e]!);
        e = memo.get(`${g}:${e}`)!.cut;
      }
      return out;
    };
    const early = tiling(false);
    const late = tiling(true);
    if (!early || !late || early.join() !== late.join()) return null;
    result.push(...early);
  }
  return result.length === names.length ? result : null;
}

/** Tokens of one body line placed in the columns, in order (a line keeps no empty cells). */
function assign<L extends SourceLine>(l: TLine<L>, cols: Column[], body: TLine<L>[], fixed: boolean): Map<number, Tok[]> | null {
  const anchors = fixed ? columnAnchors(cols, body, l.src.page) : null;
  // pdftotext shifts a line's cells against the page's columns by several characters: the line is tried
  // at the shifts that put its last cell under a value column or its first under a name column.
  const shifts = new Set([0]);
  const toks = l.toks;
  if (anchors && toks.length >= 2) {
    cols.forEach((c, j) => {
      if (!NAME_ROLES.includes(c.role)) shifts.add(anchors[j]!.x1 - toks.at(-1)!.x1!);
      else shifts.add(anchors[j]!.x0 - toks[0]!.x0!);
    });
  }
  let best: { cost: number; map: Map<number, Tok[]> } | null = null;
  for (const d of shifts) {
    const r = placeLine(toks, cols, anchors, d);
    if (r && (!best || r.cost + Math.abs(d) / 16 < best.cost - 1e-9)) best = { cost: r.cost + Math.abs(d) / 16, map: r.map };
  }
  return best?.map ?? null;
}

function placeLine(toks: Tok[], cols: Column[], anchors: { x0: number; x1: number }[] | null, shift: number): { cost: number; map: Map<number, Tok[]> } | null {
  const n = toks.length;
  const m = cols.length;
  // An anchor-less page: order and kind only.
  const cost = (t: Tok, j: number) => {
    const role = cols[j]!.role;
    let c = 0;
    // A row ends in its values: the last cell of a line of several is rarely a name, and a name is
    // rarely a short word (规范, 健全 are values).
    const last = t === toks[n - 1] && n >= 2;
    if (last && NAME_ROLES.includes(role) && !isPlaceholder(t.text)) c += 1.5;
    if (role === 'level3' && t.text.length <= 3 && !isPlaceholder(t.text) && !NUMBERISH.test(t.text)) c += 1;
    if (anchors) {
      const a = anchors[j]!;
      const x0 = t.x0! + shift;
      const x1 = t.x1! + shift;
      // Names are set from the left of their cell; values may be centred or set right.
      c += (NAME_ROLES.includes(role) ? Math.abs(x0 - a.x0) : Math.min(Math.abs(x0 - a.x0), Math.abs(x1 - a.x1), Math.abs((x0 + x1) / 2 - (a.x0 + a.x1) / 2))) / 4;
    }
    const f = fold(t.text);
    const name = NAME_ROLES.includes(role);
    // …… marks an unfilled template row: it stands where the indicator's name would.
    if (isPlaceholder(t.text)) return c + (n === 1 && role !== 'level3' ? 0.5 : !name ? 2 : 0);
    if (!name && !NUMBERISH.test(t.text) && HAN.test(t.text)) c += n === 1 ? 1.5 : 0.5;
    if (name && NUMBERISH.test(t.text)) c += role === 'level3' ? (/^[≥≤<>=]?[-−]?\d[\d,.]*%?$/.test(t.text) ? 3 : 1) : 4;
    if (!name && HAN.test(t.text) && t.text.length > 8) c += 6;
    if (role === 'level1') c += lex().level.level1.has(f) ? -3 : lex().level.level2.has(f) ? 3 : 1;
    if (role === 'level2') c += lex().level.level2.has(f) ? -3 : lex().level.level1.has(f) ? 2 : 0.5;
    if (role === 'level3' && (lex().level.level1.has(f) || lex().level.level2.has(f))) c += 2;
    return c;
  };
  // dp[i][j]: tokens 0..i-1 placed in columns 0..j-1 (several tokens may share a column: a penalty).
  const INF = 1e9;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const from: [number, number][][] = Array.from({ length: n + 1 }, () => new Array(m + 1));
  dp[0]![0] = 0;
  for (let i = 0; i <= n; i++)
    for (let j = 0; j < m; j++) {
      const here = dp[i]![j]!;
      if (here >= INF) continue;
      // column j left empty: between two cells of the line (a merged level cell aside) or after its last
      // cell (a value column the row leaves blank) it costs a little, the table's last column more (it is
      // filled on nearly every row); before the first, nothing.
      const skip = i === 0 || n === 1 ? 0 : i === n ? (NAME_ROLES.includes(cols[j]!.role) ? 0.5 : j === m - 1 && !isPlaceholder(toks[n - 1]!.text) ? 2 : 1) : 1.5;
      if (here + skip < dp[i]![j + 1]!) (dp[i]![j + 1] = here + skip), (from[i]![j + 1] = [i, j]);
      // tokens i..k-1 in column j
      for (let k = i + 1; k <= n && k <= i + 3; k++) {
        let c = here + (k - i - 1) * 2;
        for (let t = i; t < k; t++) c += cost(toks[t]!, j);
        if (c < dp[k]![j + 1]!) (dp[k]![j + 1] = c), (from[k]![j + 1] = [i, j]);
      }
    }
  if (dp[n]![m]! >= INF) return null;
  const out = new Map<number, Tok[]>();
  for (let i = n, j = m; j > 0; ) {
    const [pi, pj] = from[i]![j]!;
    if (pi < i) out.set(pj, toks.slice(pi, i));
    i = pi;
    j = pj;
  }
  return { cost: dp[n]![m]!, map: out };
}

const anchorCache = new WeakMap<Column[], Map<number, { x0: number; x1: number }[] | null>>();

/** Where each column's cells stand on a page: from the lines that fill every column (pdftotext's
 *  positions drift against the header), else the header's own place. */
function columnAnchors(cols: Column[], body: TLine<SourceLine>[], page: number): { x0: number; x1: number }[] | null {
  let byPage = anchorCache.get(cols);
  if (!byPage) anchorCache.set(cols, (byPage = new Map()));
  const hit = byPage.get(page);
  if (hit) return hit;
  const fullRows = body.filter((l) => l.src.page === page && l.toks.length === cols.length);
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  // pdftotext places a page's columns afresh (and not where the header stands): without a line that
  // fills every column on the page, positions say nothing.
  const out = fullRows.length ? cols.map((_, j) => ({ x0: median(fullRows.map((l) => l.toks[j]!.x0!)), x1: median(fullRows.map((l) => l.toks[j]!.x1!)) })) : null;
  byPage.set(page, out);
  return out;
}

// ---------------------------------------------------------------------------------------------------

/** The form above the indicator header as label/value rows: a project field's value is the cells up to
 *  the next label (教育部 105 → 教育部105); a label wrapped around its value's line (主管部门及代 / 码) is
 *  put back on that line; a label spelled down the left edge (年/度/总/体/目/标) takes the text beside it. */
function readForm(lines: TLine<SourceLine>[], fixed: boolean): Cell[][] {
  const rows: { at: number; row: Cell[] }[] = [];
  const used = new Set<number>();
  const inserts = new Map<number, Piece[]>();
  lines.forEach((l, k) => {
    const below = lines[k + 2];
    const mid = lines[k + 1];
    if (l.toks.length !== 1 || !below || !mid || below.toks.length !== 1 || mid.toks.length < 2) return;
    const [a, b] = [l.toks[0]!, below.toks[0]!];
    if (NUMBERISH.test(a.text) || !HAN.test(a.text + b.text)) return;
    // Stacked in one column (fixed width), or (single spaces) together a label the form knows.
    if (fixed ? Math.min(a.x1!, b.x1!) <= Math.max(a.x0!, b.x0!) : !lex().field.has(fold(a.text + b.text))) return;
    inserts.set(k + 1, [{ tok: a, line: l }, { tok: b, line: below }]);
    used.add(k).add(k + 2);
  });
  // A label spelled down the left edge: one character per line, the text beside it its value.
  const edge = lines.map((l, k) => (fixed && !used.has(k) && l.toks[0] && /^[\p{Script=Han}]$/u.test(l.toks[0].text) && l.toks[0].x0! <= 2 ? l.toks[0] : null));
  let edgeLines = edge.flatMap((t, k) => (t ? [k] : []));
  // The label is the longest run from the top that names a field (年度总体目标, not 年度总体目标绩).
  for (let n = edgeLines.length; n >= 2; n--) {
    const label = edgeLines.slice(0, n).map((k) => edge[k]!.text).join('');
    if (lex().field.has(fold(label)) || /目标$/.test(label)) {
      edgeLines = edgeLines.slice(0, n);
      break;
    }
  }
  if (edgeLines.length >= 2) {
    const label = edgeLines.map((k) => edge[k]!.text).join('');
    if (lex().field.has(fold(label)) || /目标$/.test(label)) {
      // The text block: from the line after the last label line above it to the next label line (or the
      // indicator header).
      let a = edgeLines[0]!;
      while (a > 0 && !used.has(a - 1) && !lineHasLabel(lines[a - 1]!) && !NUMBERISH.test(lines[a - 1]!.toks.at(-1)?.text ?? '')) a--;
      let b = edgeLines.at(-1)!;
      while (b < lines.length - 1 && !lineHasLabel(lines[b + 1]!)) b++;
      const value: Piece[] = [];
      for (let k = a; k <= b; k++) for (const tok of lines[k]!.toks) if (tok !== edge[k]) value.push({ tok, line: lines[k]! });
      const labelPieces = edgeLines.map((k) => ({ tok: edge[k]!, line: lines[k]! }));
      for (let k = a; k <= b; k++) used.add(k);
      rows.push({ at: a, row: [cellOf(labelPieces), cellOf(value)] });
    }
  }
  const ordered: { at: number; row: Cell[] }[] = [...rows];
  lines.forEach((l, k) => {
    if (used.has(k)) return;
    const pieces: Piece[] = l.toks.map((tok) => ({ tok, line: l }));
    const ins = inserts.get(k);
    const cells: Piece[][] = [];
    let insAt = ins ? (fixed ? pieces.findIndex((p) => p.tok.x0! > ins[0]!.tok.x0!) : pieces.length - 1) : -1;
    if (ins && insAt < 0) insAt = pieces.length;
    let mode: 'field' | 'single' | null = null;
    pieces.forEach((p, n) => {
      if (n === insAt) {
        cells.push(ins!);
        mode = 'field';
      }
      const f = fold(p.tok.text);
      if (lex().field.has(f) || lex().single.has(f)) {
        cells.push([p]);
        mode = lex().field.has(f) ? 'field' : 'single';
        return;
      }
      if (mode === 'field' && cells.length && !isLabelCell(cells.at(-1)!)) {
        cells.at(-1)!.push(p);
        return;
      }
      cells.push([p]);
      if (mode === 'single') mode = null;
    });
    if (ins && insAt === pieces.length) cells.push(ins);
    ordered.push({ at: k, row: cells.map(cellOf) });
  });
  return ordered.sort((x, y) => x.at - y.at).map((x) => x.row);
}

const isLabelCell = (p: Piece[]) => {
  const f = fold(p.map((x) => x.tok.text).join(''));
  return lex().field.has(f) || lex().single.has(f);
};
const lineHasLabel = (l: TLine<SourceLine>) => l.toks.some((t) => lex().field.has(fold(t.text)) || lex().single.has(fold(t.text)));

function cellOf(pieces: Piece[]): Cell {
  const first = pieces[0]!;
  const l = first.line.src;
  return {
    text: pieces.map((p) => p.tok.text).join(''),
    raw: pieces.map((p) => p.tok.raw).join(pieces.every((p) => p.line === first.line) ? ' ' : '\n'),
    loc: { page: l.page, line: l.line, start: first.tok.start, end: first.tok.end },
  };
}

const blank = (l: TLine<SourceLine>): Cell => ({ text: '', raw: '', loc: { page: l.src.page, line: l.src.line } });
