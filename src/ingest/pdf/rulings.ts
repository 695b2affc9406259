// Table rulings of a page: the horizontal and vertical strokes (or hairline fills) that draw cell
// borders, in page points like the text items. Curves and big filled areas are not borders.
import { loadPdfJs, type PdfDocument } from './load.js';

export interface HRule {
  y: number;
  x0: number;
  x1: number;
}
export interface VRule {
  x: number;
  y0: number;
  y1: number;
}
export interface Rulings {
  h: HRule[];
  v: VRule[];
}

export type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
export const multiply = (m: Matrix, n: number[]): Matrix => [
  (n[0] ?? 1) * m[0] + (n[1] ?? 0) * m[2],
  (n[0] ?? 1) * m[1] + (n[1] ?? 0) * m[3],
  (n[2] ?? 0) * m[0] + (n[3] ?? 1) * m[2],
  (n[2] ?? 0) * m[1] + (n[3] ?? 1) * m[3],
  (n[4] ?? 0) * m[0] + (n[5] ?? 0) * m[2] + m[4],
  (n[4] ?? 0) * m[1] + (n[5] ?? 0) * m[3] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** A fill thinner than this (points) is a drawn line, not a shaded area. */
const HAIRLINE = 2.5;
/** Strokes within this of the axis count as straight. */
const SKEW = 0.5;

export async function pageRulings(pdf: PdfDocument, pageNumber: number): Promise<Rulings> {
  const { OPS } = await loadPdfJs();
  const page = await pdf.getPage(pageNumber);
  const ops = await page.getOperatorList();
  const out: Rulings = { h: [], v: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  const strokes = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set<number>([OPS.fill, OPS.eoFill]);
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === OPS.constructPath && args) {
      const op = args[0] as number;
      const data = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
      if (!data || !(strokes.has(op) || fills.has(op))) continue;
      addPath(out, data, ctm, fills.has(op));
    }
  }
  page.cleanup();
  return out;
}

/** pdf.js path data: DrawOPS codes (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4)
 *  each followed by its coordinates. */
export function addPath(out: Rulings, data: ArrayLike<number>, ctm: Matrix, filled: boolean): void {
  const subpaths: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let k = 0; k < data.length; ) {
    const code = data[k++]!;
    if (code === 0) {
      if (cur.length) subpaths.push(cur);
      cur = [apply(ctm, data[k]!, data[k + 1]!)];
      k += 2;
    } else if (code === 1) {
      cur.push(apply(ctm, data[k]!, data[k + 1]!));
      k += 2;
    } else if (code === 2) {
      cur = [];
      k += 6;
    } else if (code === 3) {
      cur = [];
      k += 4;
    } else if (code === 4) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) subpaths.push(cur);
  for (const pts of subpaths) {
    if (filled) {
      // A filled hairline rectangle is one rule along its long side.
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y1 - y0 <= HAIRLINE && x1 - x0 > y1 - y0) out.h.push({ y: (y0 + y1) / 2, x0, x1 });
      else if (x1 - x0 <= HAIRLINE && y1 - y0 > x1 - x0) out.v.push({ x: (x0 + x1) / 2, y0, y1 });
      continue;
    }
    for (let k = 1; k < pts.length; k++) {
      const [ax, ay] = pts[k - 1]!;
      const [bx, by] = pts[k]!;
      if (Math.abs(ay - by) <= SKEW && Math.abs(ax - bx) > SKEW) out.h.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx) });
      else if (Math.abs(ax - bx) <= SKEW && Math.abs(ay - by) > SKEW) out.v.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by) });
    }
  }
}
