// Ruled tables (indicator tables: 绩效目标表, 绩效自评表) as grids. Their cells are drawn, so the
// rulings give rows, columns and merges exactly, whatever the text wraps: a grid line is every
// distinct rule position, and two neighbouring slots are one cell where no rule separates them.
// A merged cell's text goes in its top-left slot and is copied, marked `spanned`, into the others
// (as DOCX grids do: readers drop horizontal copies and skip vertical ones). A table that runs to
// the bottom of a page and goes on at the top of the next is one grid.
import type { Cell, SourceTable } from '../../model.js';
import { normalize } from '../normalize.js';
import type { NumberedLine } from './index.js';
import { linesOf, type Glyph } from './layout.js';
import type { HRule, Rulings, VRule } from './rulings.js';

/** Rules closer than this (points) are the same line. */
const TOL = 2;

export interface RuledPage {
  page: number;
  rulings: Rulings;
  glyphs: Glyph[];
  /** The page's body lines (page furniture removed), top to bottom. */
  lines: NumberedLine[];
}

/** One ruled table: a connected set of rules on one page. */
export interface Frame {
  page: number;
  h: HRule[];
  v: VRule[];
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Connected groups of rules (a rule touching another joins its group) with at least two of each. */
export function frames(page: number, r: Rulings): Frame[] {
  const h = mergeH(r.h);
  const v = mergeV(r.v);
  const parent = [...h, ...v].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x >= a.x0 - TOL && b.x <= a.x1 + TOL && a.y >= b.y0 - TOL && a.y <= b.y1 + TOL) parent[find(i)] = find(h.length + j);
    }),
  );
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  h.forEach((a, i) => groups.set(find(i), { h: [...(groups.get(find(i))?.h ?? []), a], v: groups.get(find(i))?.v ?? [] }));
  v.forEach((b, j) => {
    const g = groups.get(find(h.length + j)) ?? { h: [], v: [] };
    g.v.push(b);
    groups.set(find(h.length + j), g);
  });
  return [...groups.values()]
    .filter((g) => g.h.length >= 2 && g.v.length >= 2)
    .map((g) => ({
      page,
      h: g.h,
      v: g.v,
      top: Math.max(...g.h.map((a) => a.y), ...g.v.map((b) => b.y1)),
      bottom: Math.min(...g.h.map((a) => a.y), ...g.v.map((b) => b.y0)),
      left: Math.min(...g.v.map((b) => b.x), ...g.h.map((a) => a.x0)),
      right: Math.max(...g.v.map((b) => b.x), ...g.h.map((a) => a.x1)),
    }))
    .sort((a, b) => b.top - a.top);
}

function mergeH(rules: HRule[]): HRule[] {
  const out: HRule[] = [];
  for (const r of [...rules].sort((a, b) => a.y - b.y || a.x0 - b.x0)) {
    const hit = out.find((o) => Math.abs(o.y - r.y) <= TOL && r.x0 <= o.x1 + TOL && r.x1 >= o.x0 - TOL);
    if (hit) {
      hit.x0 = Math.min(hit.x0, r.x0);
      hit.x1 = Math.max(hit.x1, r.x1);
    } else out.push({ ...r });
  }
  return out;
}

function mergeV(rules: VRule[]): VRule[] {
  const out: VRule[] = [];
  for (const r of [...rules].sort((a, b) => a.x - b.x || a.y0 - b.y0)) {
    const hit = out.find((o) => Math.abs(o.x - r.x) <= TOL && r.y0 <= o.y1 + TOL && r.y1 >= o.y0 - TOL);
    if (hit) {
      hit.y0 = Math.min(hit.y0, r.y0);
      hit.y1 = Math.max(hit.y1, r.y1);
    } else out.push({ ...r });
  }
  return out;
}

/** Distinct positions, TOL apart, ascending. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last !== undefined && v - last <= TOL) continue;
    out.push(v);
  }
  return out;
}

/** A frame placed in the stacked coordinates of a multi-page table: y + dy. */
interface Piece {
  frame: Frame;
  dy: number;
  page: RuledPage;
}

/** The grid of frames that continue each other across pages (first frame first). */
export function ruledGrid(parts: { frame: Frame; page: RuledPage }[], id: string): SourceTable | null {
  return ruledLayout(parts, id)?.table ?? null;
}

/** The grid with its rule positions: `xs` ascending, `ys` descending (stacked coordinates). */
export function ruledLayout(parts: { frame: Frame; page: RuledPage }[], id: string): { table: SourceTable; xs: number[]; ys: number[] } | null {
  const pieces: Piece[] = [];
  for (const { frame, page } of parts) {
    const prev = pieces[pieces.length - 1];
    // Stack the next page's frame under the previous one: its top rule lands on the bottom rule.
    const dy = prev ? prev.frame.bottom + prev.dy - frame.top : 0;
    pieces.push({ frame, dy, page });
  }
  const h = pieces.flatMap((p) => p.frame.h.map((r) => ({ ...r, y: r.y + p.dy })));
  const v = pieces.flatMap((p) => p.frame.v.map((r) => ({ ...r, y0: r.y0 + p.dy, y1: r.y1 + p.dy })));
  const ys = positions(h.map((r) => r.y)).reverse();
  const xs = positions(v.map((r) => r.x));
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  if (nRows < 1 || nCols < 1) return null;

  const midY = (r: number) => (ys[r]! + ys[r + 1]!) / 2;
  const midX = (c: number) => (xs[c]! + xs[c + 1]!) / 2;
  /** A rule at column line c (1..nCols-1) through row r. */
  const splitsRow = (c: number, r: number) => v.some((b) => Math.abs(b.x - xs[c]!) <= TOL && b.y0 - TOL <= midY(r) && b.y1 + TOL >= midY(r));
  /** A rule at row line r (1..nRows-1) across column c. */
  const splitsCol = (r: number, c: number) => h.some((a) => Math.abs(a.y - ys[r]!) <= TOL && a.x0 - TOL <= midX(c) && a.x1 + TOL >= midX(c));

  // Merged cells: slots joined where no rule separates them; the root is the top-left slot.
  const slot = (r: number, c: number) => r * nCols + c;
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  for (let r = 0; r < nRows; r++)
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols && !splitsRow(c + 1, r)) union(slot(r, c), slot(r, c + 1));
      if (r + 1 < nRows && !splitsCol(r + 1, c)) union(slot(r, c), slot(r + 1, c));
    }

  // Text: each glyph (split where it crosses a column rule) goes to the cell under its centre.
  const glyphsOf = new Map<number, { g: Glyph; piece: Piece }[]>();
  for (const piece of pieces) {
    const f = piece.frame;
    for (const g of piece.page.glyphs) {
      const cy = g.y + g.size * 0.35;
      if (cy > f.top + TOL || cy < f.bottom - TOL || g.x1 < f.left - TOL || g.x0 > f.right + TOL) continue;
      const vy = cy + piece.dy;
      const r = ys.findIndex((y, k) => k < nRows && vy <= y + TOL && vy > ys[k + 1]! - TOL / 2);
      if (r < 0) continue;
      for (const part of splitAtRules(g, xs, (c) => splitsRow(c, r))) {
        const cx = (part.x0 + part.x1) / 2;
        let c = xs.findIndex((x, k) => k < nCols && cx >= x && cx < xs[k + 1]!);
        if (c < 0) c = cx < xs[0]! ? 0 : nCols - 1;
        const root = find(slot(r, c));
        glyphsOf.set(root, [...(glyphsOf.get(root) ?? []), { g: part, piece }]);
      }
    }
  }

  const pieceAt = (vy: number) => pieces.find((p) => vy <= p.frame.top + p.dy + TOL && vy >= p.frame.bottom + p.dy - TOL) ?? pieces[0]!;
  const rootCells = new Map<number, Cell>();
  const rows: Cell[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < nCols; c++) {
      const root = find(slot(r, c));
      const loc = { table: id, row: r, col: c };
      if (root !== slot(r, c)) {
        const src = rootCells.get(root)!;
        const piece = pieceAt(midY(r));
        row.push({ text: src.text, raw: src.raw, spanned: true, loc: { page: piece.page.page, line: nearestLine(piece.page.lines, midY(r) - piece.dy), ...loc } });
        continue;
      }
      const items = glyphsOf.get(root) ?? [];
      const raw = cellText(items.map((i) => i.g));
      const top = items.reduce<(typeof items)[number] | undefined>((b, i) => (!b || i.g.y + i.piece.dy > b.g.y + b.piece.dy ? i : b), undefined);
      const piece = top?.piece ?? pieceAt(midY(r));
      const y = top ? top.g.y : midY(r) - piece.dy;
      const cell: Cell = { text: normalize(raw).text, raw, loc: { page: piece.page.page, line: nearestLine(piece.page.lines, y), ...loc } };
      rootCells.set(root, cell);
      row.push(cell);
    }
    rows.push(row);
  }
  const first = pieces[0]!;
  return { table: { id, rows, loc: { page: first.page.page, line: rows[0]?.[0]?.loc.line ?? 1, table: id } }, xs, ys };
}

/** A glyph whose text runs over a column rule is cut there, in proportion to its width. */
function splitAtRules(g: Glyph, xs: number[], ruled: (c: number) => boolean): Glyph[] {
  const cuts = xs.map((x, c) => ({ x, c })).filter(({ x, c }) => c > 0 && c < xs.length - 1 && x > g.x0 + TOL && x < g.x1 - TOL && ruled(c));
  if (!cuts.length || g.str.length < 2) return [g];
  const chars = [...g.str];
  const per = (g.x1 - g.x0) / chars.length;
  const out: Glyph[] = [];
  let from = 0;
  for (const { x } of [...cuts, { x: g.x1 + 1, c: -1 }]) {
    const to = Math.min(chars.length, Math.round((x - g.x0) / per));
    if (to > from) out.push({ ...g, str: chars.slice(from, to).join(''), x0: g.x0 + from * per, x1: g.x0 + to * per });
    from = Math.max(from, to);
  }
  return out;
}

/** A cell's lines top to bottom, joined as wrapped text (no break inside a Chinese phrase). */
function cellText(glyphs: Glyph[]): string {
  if (!glyphs.length) return '';
  const lines = linesOf(glyphs, 0).map((l) => l.segs.map((s) => s.text).join(' '));
  return lines.reduce((acc, t) => acc + (/[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(t) ? ' ' : '') + t, '');
}

/** The body line at (or nearest to) baseline y. */
function nearestLine(lines: NumberedLine[], y: number): number {
  let best = lines[0];
  for (const l of lines) if (Math.abs(l.y - y) < Math.abs((best?.y ?? Infinity) - y)) best = l;
  return best?.line ?? 1;
}
