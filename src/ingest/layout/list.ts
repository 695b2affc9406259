// A list table printed as page text (政府采购预算表): rows are a tree of text columns — 合计, its
// groups (货物/工程/服务), their items (专项名称 | 经济科目), theirs (采购物品名称 | 采购组织形式) — and a
// figure column; each row's figure is the sum of its children's. A row's place in the tree comes from
// that arithmetic alone (one parse of the figures, every leaf at the same depth, or the table is not
// read this way); its cells fill the columns of its depth, right-aligned (a cell left blank is one
// merged with the row above). A cell wrapped over lines prints around its row's figure line
// (vertically centred: as many lines above it as below); those lines join the row where that is the one
// reading with the fewest lines left over, which stay rows of text alone. Where the text keeps
// columns (pdftotext -layout) the pieces of one cell stand over each other; with single spaces a row
// whose cells cannot be told apart keeps its text as one uncertain cell: no silent value.
import type { Cell, SourceTable } from '../../model.js';
import { normalize } from '../normalize.js';
import { displayColumns } from '../../display-columns.js';
import { cellsOf, type SourceLine } from './pagetext.js';

const FIGURE = /^[-−]?\d[\d,]*(\.\d+)?$/;
const FIRST = /^(合计|总计)$/;

interface Piece {
  text: string;
  /** Display columns (fixed width), else the piece's order on its line. */
  x0: number;
  x1: number;
  start: number;
  end: number;
  line: SourceLine;
  /** Single characters joined into this piece (spread across its cell). */
  spread?: number;
}

interface Printed {
  line: SourceLine;
  text: Piece[];
  figures: Piece[];
}

export interface ListSpec {
  values: string[][];
  labels?: string[];
}

/** Pieces of one line: cells apart by 2+ spaces (fixed) or words apart by single spaces. */
function piecesOf(l: SourceLine, fixed: boolean): Printed {
  const col = displayColumns(l.raw);
  const runs = fixed ? cellsOf(l.raw) : [...l.raw.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
  const out: Piece[] = [];
  for (const r of runs) {
    // A figure after a label within a run (行政运行 1,511.89) is a cell of its own.
    const words = [...r.text.matchAll(/\S+/g)];
    let from = 0;
    words.forEach((w, k) => {
      if (!FIGURE.test(w[0])) return;
      if (k > from) out.push(piece(l, col, r.start + words[from]!.index, r.start + words[k - 1]!.index + words[k - 1]![0].length));
      out.push(piece(l, col, r.start + w.index, r.start + w.index + w[0].length));
      from = k + 1;
    });
    if (from < words.length) out.push(piece(l, col, r.start + words[from]!.index, r.end));
  }
  if (!fixed) out.forEach((p, k) => ((p.x0 = k), (p.x1 = k)));
  const figures = out.filter((p) => FIGURE.test(p.text));
  // Characters spread across a cell (合    计): one piece.
  let text: Piece[] = [];
  for (const p of out.filter((p) => !FIGURE.test(p.text))) {
    const prev = text[text.length - 1];
    if (prev && /^\p{Script=Han}+$/u.test(prev.text) && /^\p{Script=Han}$/u.test(p.text) && [...prev.text].length === 1 + (prev.spread ?? 0) && /^\p{Script=Han}$/u.test(prev.text.slice(-1))) {
      text[text.length - 1] = { ...prev, text: prev.text + p.text, end: p.end, x1: p.x1, spread: (prev.spread ?? 0) + 1 };
    } else text.push(p);
  }
  if (!fixed) text = joinWords(text);
  return { line: l, text, figures };
}

function piece(l: SourceLine, col: number[], start: number, end: number): Piece {
  return { text: l.raw.slice(start, end), x0: col[start]!, x1: col[end]!, start, end, line: l };
}

/** (single spaces) Words that are not a cell alone: a Latin or digit fragment (PC 服务器, 货物 A) joins
 *  its neighbour, a word inside an open bracket (打印设备（20 万以上）) the word before. */
function joinWords(ws: Piece[]): Piece[] {
  const out: Piece[] = [];
  const open = (s: string) => (s.match(/[（(]/g)?.length ?? 0) > (s.match(/[）)]/g)?.length ?? 0);
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k]!;
    const prev = out[out.length - 1];
    const latin = /^[A-Za-z0-9]+$/.test(w.text);
    if (prev && (open(prev.text) || latin || /^[A-Za-z0-9]+$/.test(prev.text))) {
      out[out.length - 1] = { ...prev, text: `${prev.text} ${w.text}`, end: w.end, x1: w.x1 };
      continue;
    }
    out.push(w);
  }
  return out;
}

const cents = (s: string): number | null => {
  const m = /^(-?)([\d,]+)(?:\.(\d{1,2}))?$/.exec(s.replace(/[−]/g, '-'));
  return m ? (m[1] ? -1 : 1) * (Number(m[2]!.replace(/,/g, '')) * 100 + Number((m[3] ?? '').padEnd(2, '0') || 0)) : null;
};

/** Depths of the rows after the total (1…D), every leaf at depth D, each parent the sum of its children:
 *  the parses found (up to two), for the smallest D that has one. */
function depthsOf(v: number[]): number[] | null {
  for (let D = 1; D <= 4; D++) {
    const found: number[][] = [];
    const depth = new Array<number>(v.length).fill(0);
    let steps = 0;
    const seq = (i: number, d: number, rem: number, parts: number, done: (j: number) => void): void => {
      if (found.length > 1 || ++steps > 200000 || rem < -parts - 1) return;
      if (parts > 0 && Math.abs(rem) <= parts) done(i);
      if (i >= v.length) return;
      depth[i] = d;
      if (d === D) seq(i + 1, d, rem - v[i]!, parts + 1, done);
      else seq(i + 1, d + 1, v[i]!, 0, (j) => seq(j, d, rem - v[i]!, parts + 1, done));
    };
    seq(1, 1, v[0]!, 0, (j) => {
      if (j === v.length) found.push([...depth]);
    });
    if (steps > 200000) return null;
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return null;
  }
  return null;
}

/** Standard list table from its body lines (header band first); null where the lines are not one. */
export function listTable(lines: SourceLine[], fixed: boolean, spec: ListSpec, cellOf: (text: string, raw: string, src: SourceLine, p: Piece | null, row: number, col: number) => Cell): SourceTable | null {
  const printed = lines.map((l) => piecesOf(l, fixed));
  const first = printed.findIndex((p) => p.figures.length > 0 || (p.text[0] && FIRST.test(normalize(p.text[0].text).text.replace(/\s/g, ''))));
  if (first < 0) return null;
  const header = printed.slice(0, first);
  const squash = (l: SourceLine) => normalize(l.raw).text.replace(/\s/g, '');
  const band = new Set(header.map((p) => squash(p.line)));
  const body = printed.slice(first).filter((p) => p.figures.length || !band.has(squash(p.line)));
  const anchors = body.filter((p) => p.figures.length);
  const nv = anchors[0]?.figures.length ?? 0;
  if (!nv || anchors.some((a) => a.figures.length !== nv) || body.some((p) => p.figures.length && p.text.some((t) => t.x0 > p.figures[0]!.x0))) return null;
  const head = anchors[0]!;
  if (!head.text.length || !FIRST.test(normalize(head.text.map((t) => t.text).join('')).text.replace(/\s/g, '')) || body[0] !== head) return null;
  const v = anchors.map((a) => cents(a.figures[0]!.text));
  if (v.some((x) => x === null || x < 0)) return null;
  const depth = depthsOf(v as number[]);
  if (!depth) return null;

  // (fixed width) A run with a single space inside is two cells where the part after it is, elsewhere
  // in the table, a cell of its own (台式计算机（20万以下） 分散自行组织).
  if (fixed) {
    const whole = new Set(body.flatMap((p) => p.text.filter((t) => !/\s/.test(t.text)).map((t) => t.text)));
    for (const p of body) {
      p.text = p.text.flatMap((t) => {
        const m = /^(.*\S)\s+(\S+)$/.exec(t.text);
        if (!m || !whole.has(m[2]!)) return [t];
        const at = t.start + t.text.length - m[2]!.length;
        return [piece(t.line, displayColumns(t.line.raw), t.start, t.start + m[1]!.length), piece(t.line, displayColumns(t.line.raw), at, t.end)];
      });
    }
  }

  // Lines without figures between two figure lines: the upper row's tails, lines left alone, the
  // lower row's heads.
  const gaps: Printed[][] = anchors.map(() => []);
  const after: Printed[] = [];
  {
    let k = -1;
    for (const p of body) {
      if (p.figures.length) k++;
      else if (k + 1 < anchors.length) gaps[k + 1]!.push(p);
      else after.push(p);
    }
  }
  gaps.push(after);
  // Columns per depth: the most cells a row of that depth prints on its figure line.
  const D = Math.max(...depth);
  // (A figure line with no text: the line above it, its cells' first lines.)
  const printedCells = (i: number) => anchors[i]!.text.length || (gaps[i]!.at(-1)?.text.length ?? 0);
  const ncols = Array.from({ length: D + 1 }, (_, d) => Math.max(0, ...anchors.map((_, i) => i).filter((i) => depth[i] === d).map(printedCells)));
  ncols[0] = 0;
  if (ncols.slice(1).some((n) => n === 0)) return null;
  const blockStart = ncols.map((_, d) => ncols.slice(1, Math.max(1, d)).reduce((a, b) => a + b, 0));
  const nt = ncols.reduce((a, b) => a + b, 0);

  // Where each cell text stands in the rows of its depth printed whole on their own line.
  const placeOf = new Map<number, Map<string, Set<number>>>();
  anchors.forEach((a, i) => {
    if (gaps[i]!.length || gaps[i + 1]!.length || a.text.length !== ncols[depth[i]!]) return;
    const m = placeOf.get(depth[i]!) ?? new Map<string, Set<number>>();
    placeOf.set(depth[i]!, m);
    a.text.forEach((t, k) => m.set(t.text, (m.get(t.text) ?? new Set()).add(k)));
  });
  /** A row's cells from its line and the lines joined to it; null where they do not make one row. */
  type Built = { cells: { text: string; pieces: Piece[] }[]; sure: boolean } | null;
  const build = (i: number, heads: Printed[], tails: Printed[]): Built => {
    const a = anchors[i]!;
    const nc = Math.max(ncols[depth[i]!]!, 1);
    if (!heads.length && !tails.length) return a.text.length <= nc || depth[i] === 0 ? { cells: a.text.map((t) => ({ text: t.text, pieces: [t] })), sure: true } : null;
    // Centred: as many lines above the figure line as below it.
    if (heads.length !== tails.length) return null;
    if (fixed) {
      if ([...heads, ...tails].some((p) => p.line.page !== a.line.page)) return null;
      type Cluster = { x0: number; x1: number; pieces: Piece[]; own: boolean; up: boolean; down: boolean };
      const clusters: Cluster[] = [];
      const put = (t: Piece, kind: 'own' | 'up' | 'down') => {
        // Left-aligned pieces of a cell start together; a short centred one lies within the cell.
        // (pdftotext lays each line out on its own: a cell's pieces can start a few columns apart.)
        const byStart = [...clusters].sort((p, q) => Math.abs(p.x0 - t.x0) - Math.abs(q.x0 - t.x0));
        const d0 = byStart[0] ? Math.abs(byStart[0].x0 - t.x0) : Infinity;
        const d1 = byStart[1] ? Math.abs(byStart[1].x0 - t.x0) : Infinity;
        const near = d0 <= 3 || (d0 <= 6 && d1 - d0 > 4) ? byStart[0] : undefined;
        const c = near ?? clusters.find((c) => t.x0 >= c.x0 && t.x1 <= c.x1 + 1);
        if (c) {
          c.pieces.push(t);
          c.x0 = Math.min(c.x0, t.x0);
          c.x1 = Math.max(c.x1, t.x1);
          c[kind] = true;
        } else clusters.push({ x0: t.x0, x1: t.x1, pieces: [t], own: kind === 'own', up: kind === 'up', down: kind === 'down' });
      };
      a.text.forEach((t) => put(t, 'own'));
      heads.forEach((p) => p.text.forEach((t) => put(t, 'up')));
      tails.forEach((p) => p.text.forEach((t) => put(t, 'down')));
      if (clusters.some((c) => !c.own && !(c.up && c.down)) || clusters.length > nc) return null;
      clusters.sort((p, q) => p.x0 - q.x0);
      return { cells: clusters.map((c) => ({ text: c.pieces.sort((p, q) => p.line.line - q.line.line || p.x0 - q.x0).map((t) => t.text).join(''), pieces: c.pieces })), sure: true };
    }
    const around = [...heads, ...tails];
    const g = around[0]!.text.length;
    if (!g) return null;
    // Lines around of different word counts (a cell with a space inside: 江苏省第十三届 人代会): the
    // row's text is one uncertain cell, where its figure line prints a cell of its own.
    if (around.some((p) => p.text.length !== g)) {
      if (!a.text.length || a.text.length > nc || around.some((p) => p.text.length > nc)) return null;
      const all = [...heads, a, ...tails].flatMap((p) => p.text);
      return { cells: [{ text: all.map((t) => t.text).join(''), pieces: all }], sure: false };
    }
    if (!a.text.length) {
      if (g > nc) return null;
      return { cells: Array.from({ length: g }, (_, c) => ({ text: around.map((p) => p.text[c]!.text).join(''), pieces: around.map((p) => p.text[c]!) })), sure: true };
    }
    // Pieces over two or more lines each side may be more of the figure line's own cells (a cell of
    // five lines printed across it); fewer must make cells of their own.
    if (a.text.length + g > nc && (heads.length < 2 || a.text.length > nc || g > nc)) return null;
    // The cells' order is not printed, unless the figure line's one cell is, in rows of its depth
    // printed whole on one line, a cell of one place only (分散自行组织 last): the lines around it make
    // the other cell.
    const at = a.text.length === 1 && g === 1 && nc === 2 && heads.length === 1 ? placeOf.get(depth[i]!)?.get(a.text[0]!.text) : undefined;
    if (at?.size === 1) {
      const around2 = [...heads, ...tails].flatMap((p) => p.text);
      const other = { text: around2.map((t) => t.text).join(''), pieces: around2 };
      const own = { text: a.text[0]!.text, pieces: [a.text[0]!] };
      return { cells: at.has(1) ? [other, own] : [own, other], sure: true };
    }
    // Else the row's text as one cell, uncertain.
    const all = [...heads, a, ...tails].flatMap((p) => p.text);
    return { cells: [{ text: all.map((t) => t.text).join(''), pieces: all }], sure: false };
  };

  // The fewest lines left alone over all gaps; the reading must be the only one with that many.
  const m = anchors.length;
  type State = { cost: number; ways: number; from: number; split: [number, number] };
  let prev = new Map<number, State>([[gaps[0]!.length, { cost: 0, ways: 1, from: -1, split: [0, 0] }]]);
  // Heads of the first row: all lines before it, or none (they stay alone).
  prev.set(0, { cost: gaps[0]!.length, ways: 1, from: -1, split: [0, gaps[0]!.length] });
  const trail: Map<number, State>[] = [prev];
  const builds = new Map<string, Built>();
  const built = (i: number, h: number, t: number): Built => {
    const key = `${i}:${h}:${t}`;
    if (!builds.has(key)) builds.set(key, build(i, gaps[i]!.slice(gaps[i]!.length - h), gaps[i + 1]!.slice(0, t)));
    return builds.get(key)!;
  };
  for (let i = 0; i < m; i++) {
    const gap = gaps[i + 1]!;
    const k = gap.length;
    const next = new Map<number, State>();
    for (const [h, st] of prev) {
      for (let s1 = 0; s1 <= k; s1++) {
        if (!built(i, h, s1)) continue;
        for (let s2 = s1; s2 <= (i + 1 < m ? k : s1); s2++) {
          const heads = i + 1 < m ? k - s2 : 0;
          const cost = st.cost + (i + 1 < m ? s2 - s1 : k - s1);
          const cur = next.get(heads);
          if (!cur || cost < cur.cost) next.set(heads, { cost, ways: st.ways, from: h, split: [s1, s2] });
          else if (cost === cur.cost) cur.ways += st.ways;
        }
      }
    }
    if (!next.size) {
          return null;
    }
    trail.push(next);
    prev = next;
  }
  const end = [...prev.values()].sort((p, q) => p.cost - q.cost);
  if (end[0]!.ways !== 1 || (end[1] && end[1].cost === end[0]!.cost)) return null;
  // Walk back: each row's heads and tails.
  const heads = new Array<number>(m).fill(0);
  const tails = new Array<number>(m).fill(0);
  let h = [...prev.entries()].find(([, s]) => s === end[0])![0];
  for (let i = m - 1; i >= 0; i--) {
    const st = trail[i + 1]!.get(h)!;
    tails[i] = st.split[0];
    h = st.from;
    heads[i] = h;
  }

  // The table: text columns by depth, then the figure columns.
  const names = spec.values.find((vs) => vs.length === nv) ?? null;
  const labels = spec.labels?.length === nt ? spec.labels : null;
  const src0 = anchors[0]!.line;
  const headRow: Cell[] = [...Array.from({ length: nt }, (_, c) => labels?.[c] ?? ''), ...Array.from({ length: nv }, (_, c) => names?.[c] ?? '')].map((t, c) => cellOf(t, t, src0, null, 0, c));
  const rows: Cell[][] = [headRow];
  const blank = (src: SourceLine, r: number) => Array.from({ length: nt + nv }, (_, c) => cellOf('', '', src, null, r, c));
  const textRow = (p: Printed) => {
    const r = rows.length;
    const row = blank(p.line, r);
    row[0] = cellOf(p.text.map((t) => t.text).join(''), p.text.map((t) => t.text).join(''), p.line, null, r, 0);
    row[0]!.uncertain = 'column';
    rows.push(row);
  };
  // A line left alone is a piece of a cell of the row above or below it: neither row's text is whole.
  const aloneAt = (i: number) => (i === 0 ? gaps[0]!.slice(0, gaps[0]!.length - heads[0]!) : i === m ? gaps[m]!.slice(tails[m - 1]!) : gaps[i]!.slice(tails[i - 1]!, gaps[i]!.length - heads[i]!));
  for (let i = 0; i < m; i++) {
    aloneAt(i).forEach(textRow);
    const partial = aloneAt(i).length > 0 || aloneAt(i + 1).length > 0;
    const a = anchors[i]!;
    const b = built(i, heads[i]!, tails[i]!)!;
    const r = rows.length;
    const row = blank(a.line, r);
    const d = depth[i]!;
    const from = d === 0 ? 0 : blockStart[d]! + ncols[d]! - b.cells.length;
    b.cells.forEach((c, j) => {
      const one = c.pieces.length === 1 ? c.pieces[0]! : null;
      const cell = cellOf(c.text, c.text, one?.line ?? a.line, one, r, from + j);
      if (!b.sure || partial) cell.uncertain = 'column';
      row[from + j] = cell;
    });
    a.figures.forEach((f, j) => (row[nt + j] = cellOf(f.text, f.text, a.line, f, r, nt + j)));
    rows.push(row);
  }
  aloneAt(m).forEach(textRow);
  return { id: 't0', rows, headerRows: 1, loc: { page: lines[0]!.page, line: lines[0]!.line } };
}
