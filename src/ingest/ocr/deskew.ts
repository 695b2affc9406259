// A page scanned or photographed a little askew (0.5–2°): its text lines slope, and across a wide table a
// row drifts by more than the row pitch (1.5° over a 1,200-pixel table: 31 pixels, rows 27 apart), so
// lines and cells are grouped with the wrong neighbours (a column of 科目 codes read as one cell, a
// figure given to the row below: false SUM_MISMATCH errors). The engine's boxes follow the text's slope;
// the page's skew is their median slope, and every box is turned back about the page's centre before
// lines and tables are built.
import type { OcrBox } from './types.js';

/** Below this the skew is left alone (the readers tolerate it: measured at 0.5° on real tables). */
const MIN_DEGREES = 0.25;
/** A skew estimate needs this many long boxes (long: at least four times as wide as high). */
const MIN_BOXES = 5;

/** The page's skew in radians (positive: lines descend to the right), or 0 when too few boxes tell. */
export function pageSkew(boxes: OcrBox[]): number {
  const slopes = boxes
    .filter((b) => b.slope !== undefined && b.box.x1 - b.box.x0 >= 4 * (b.box.y1 - b.box.y0))
    .map((b) => b.slope!)
    .sort((a, b) => a - b);
  if (slopes.length < MIN_BOXES) return 0;
  const angle = Math.atan(slopes[Math.floor(slopes.length / 2)]!);
  return Math.abs(angle) < (MIN_DEGREES * Math.PI) / 180 || Math.abs(angle) > Math.PI / 12 ? 0 : angle;
}

/** The boxes turned by -angle about (cx, cy): each box's centre turned, its own width and height
 *  recovered from the upright rectangle that held it askew, its glyphs kept at their share of it. */
export function deskew(boxes: OcrBox[], angle: number, cx: number, cy: number): OcrBox[] {
  if (!angle) return boxes;
  const c = Math.cos(angle);
  const s = Math.abs(Math.sin(angle));
  const sin = Math.sin(angle);
  return boxes.map((b) => {
    const W = b.box.x1 - b.box.x0;
    const H = b.box.y1 - b.box.y0;
    const det = c * c - s * s;
    const w = Math.max(W * 0.5, Math.min(W, (W * c - H * s) / det));
    const h = Math.max(H * 0.5, Math.min(H, (H * c - W * s) / det));
    const mx = (b.box.x0 + b.box.x1) / 2 - cx;
    const my = (b.box.y0 + b.box.y1) / 2 - cy;
    const nx = cx + mx * c + my * sin;
    const ny = cy - mx * sin + my * c;
    const box = { x0: nx - w / 2, y0: ny - h / 2, x1: nx + w / 2, y1: ny + h / 2 };
    const glyphs = b.glyphs.map((g) => ({ ...g, x: box.x0 + (W ? ((g.x - b.box.x0) / W) * w : 0) }));
    return { ...b, box, glyphs };
  });
}
