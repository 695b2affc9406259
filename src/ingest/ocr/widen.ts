// A detected text line widened over a thin glyph at either end that the detector set apart.
//
// PP-OCR's detector marks text as a probability map; the library cuts each blob of it into a line box and
// drops blobs whose short side is under 3 pixels. A glyph made of one thin stroke — the 一 that opens
// 一般公共预算…, a 1 — standing a letter-space from the rest of a line on a noisy or low-resolution scan can
// form a blob of its own that thin: it is dropped, and the line is read without it (`般公共预算财政拨款基本支出
// 决算表`, read with 0.998 confidence: a table title no longer recognised). The page's pixels still hold it.
// Beside each line's box, within the line's band, we look for ink that is a glyph of this line: in the
// band's middle rows (not a rule running along the band's edge), absent from the rows just above and below
// the band (not a table's vertical rule, not a taller neighbour), more than a speck, within about one
// character of the line's own ink, in no other line's box, and followed by blank paper. The line's box and
// image are widened over it; the recogniser then reads the whole line.

export interface Pixels {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** A line as the library cuts it: the image of its box (de-rotated), and the box's corners in page pixels,
 *  top-left, top-right, bottom-right, bottom-left. */
export interface LineCut<I extends Pixels = Pixels> {
  image: I;
  box: number[][];
}

const luma = (px: Pixels, x: number, y: number) => {
  const i = 4 * (y * px.width + x);
  return (px.data[i]! * 299 + px.data[i + 1]! * 587 + px.data[i + 2]! * 114) / 1000;
};

/** The grey level under which a pixel is ink, from a line's box: a third of the way from paper to ink, so
 *  that a stroke thinner than a pixel, printed grey, still counts. Null when the box shows no contrast. */
function inkThreshold(img: Pixels): number | null {
  const values: number[] = [];
  const step = Math.max(1, Math.floor((img.width * img.height) / 4000));
  for (let i = 0; i < img.width * img.height; i += step) values.push(luma(img, i % img.width, Math.floor(i / img.width)));
  values.sort((a, b) => a - b);
  const ink = values[Math.floor(values.length * 0.02)]!;
  const paper = values[Math.floor(values.length * 0.8)]!;
  return paper - ink < 60 ? null : paper - 0.35 * (paper - ink);
}

interface Band {
  top: number;
  bottom: number; // exclusive
}

interface Blob {
  near: number; // its x nearest the line
  far: number; // its x farthest from the line
  glyph: boolean; // big enough to be a glyph, not a speck
  inBand: boolean; // within the band's rows
  runsOn: boolean; // reaches the searched region's far end
}

/** How far (pixels, ≥ 0) to move a box's edge outwards over a glyph of its line, or 0. `edge` is the box's
 *  x on that side, `dir` -1 for the left side and +1 for the right; `blocked` tells whether a column
 *  belongs to another line's box. */
export function inkBeyond(px: Pixels, edge: number, dir: -1 | 1, band: Band, threshold: number, blocked: (x: number) => boolean): number {
  const h = band.bottom - band.top;
  if (h < 8) return 0;
  const dark = (x: number, y: number) => x >= 0 && y >= 0 && x < px.width && y < px.height && luma(px, x, y) < threshold;
  // The line's own outermost ink, inside the box (the box has a margin of paper around the text).
  const midTop = band.top + Math.round(0.15 * h);
  const midBottom = band.bottom - Math.round(0.15 * h);
  const column = (x: number) => {
    let n = 0;
    for (let y = midTop; y < midBottom; y++) if (dark(x, y)) n++;
    return n;
  };
  let own = edge;
  for (let x = edge, k = 0; k < 2 * h && x >= 0 && x < px.width; x -= dir, k++) {
    if (column(x) >= 2) {
      own = x;
      break;
    }
  }
  // The blobs of ink in the region beside it: the band and three rows beyond it, up to 3 heights out.
  const reach = 3 * h;
  const x0 = dir < 0 ? Math.max(0, own - reach) : own + 1;
  const x1 = dir < 0 ? own - 1 : Math.min(px.width - 1, own + reach);
  const y0 = Math.max(0, band.top - 3);
  const y1 = Math.min(px.height - 1, band.bottom + 2);
  if (x1 < x0) return 0;
  const w = x1 - x0 + 1;
  const seen = new Uint8Array(w * (y1 - y0 + 1));
  const blobs: Blob[] = [];
  for (let sy = y0; sy <= y1; sy++)
    for (let sx = x0; sx <= x1; sx++) {
      if (seen[(sy - y0) * w + sx - x0] || !dark(sx, sy)) continue;
      let n = 0;
      let bx0 = sx, bx1 = sx, by0 = sy, by1 = sy;
      const stack = [sx, sy];
      seen[(sy - y0) * w + sx - x0] = 1;
      while (stack.length) {
        const y = stack.pop()!;
        const x = stack.pop()!;
        n++;
        if (x < bx0) bx0 = x;
        if (x > bx1) bx1 = x;
        if (y < by0) by0 = y;
        if (y > by1) by1 = y;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) {
            const nx = x + dx;
            const ny = y + dy;
            if (nx < x0 || nx > x1 || ny < y0 || ny > y1 || seen[(ny - y0) * w + nx - x0] || !dark(nx, ny)) continue;
            seen[(ny - y0) * w + nx - x0] = 1;
            stack.push(nx, ny);
          }
      }
      const glyph = n >= Math.max(5, 0.25 * h) && Math.max(bx1 - bx0, by1 - by0) + 1 >= 0.3 * h;
      const near = dir < 0 ? bx1 : bx0;
      const far = dir < 0 ? bx0 : bx1;
      const atEnd = dir < 0 ? bx0 === x0 && x0 > 0 : bx1 === x1 && x1 < px.width - 1;
      blobs.push({ near, far, glyph, inBand: by0 >= band.top && by1 < band.bottom, runsOn: atEnd });
    }
  // From the line's ink outwards, glyph by glyph while the gap stays within about a character.
  const maxGap = 1.2 * h;
  const glyphs = blobs.filter((b) => b.glyph).sort((a, b) => (a.near - b.near) * dir);
  let frontier = own;
  for (const b of glyphs) {
    if ((b.near - frontier) * dir > maxGap) break;
    // Something that is no glyph of this line (a rule, a taller neighbour), or ink that runs on: stop.
    if (!b.inBand || b.runsOn) return 0;
    if ((b.far - frontier) * dir > 0) frontier = b.far;
  }
  if ((frontier - edge) * dir <= 0) return 0;
  for (let x = edge + dir; (x - frontier) * dir <= 0; x += dir) if (blocked(x)) return 0;
  const target = Math.max(0, Math.min(px.width - 1, frontier + dir * Math.round(0.3 * h)));
  return Math.max(0, (target - edge) * dir);
}

/** A strip of `full` (columns x0..x1-1, rows y0..y0+height-1, clamped) as RGBA pixels. */
function strip(full: Pixels, x0: number, x1: number, y0: number, height: number): Pixels {
  const width = x1 - x0;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(full.height - 1, Math.max(0, y0 + y));
    for (let x = 0; x < width; x++) {
      const s = 4 * (sy * full.width + x0 + x);
      const d = 4 * (y * width + x);
      data[d] = full.data[s]!;
      data[d + 1] = full.data[s + 1]!;
      data[d + 2] = full.data[s + 2]!;
      data[d + 3] = 255;
    }
  }
  return { data, width, height };
}

/** Three images side by side (all the height of the middle one). */
function joinWide(parts: Pixels[]): Pixels {
  const height = parts[1]!.height;
  const width = parts.reduce((s, p) => s + p.width, 0);
  const data = new Uint8ClampedArray(width * height * 4);
  let at = 0;
  for (const p of parts) {
    for (let y = 0; y < height; y++) data.set(p.data.subarray(4 * y * p.width, 4 * (y + 1) * p.width), 4 * (y * width + at));
    at += p.width;
  }
  return { data, width, height };
}

/** Each line widened over a thin glyph beside it (see above); lines without one are returned as they are.
 *  A box the detector did cut around such a glyph alone (a stroke flatter than the line, in its band) is
 *  taken into the line and dropped: read alone, a 一 comes out as `1`. `make` turns pixels into the
 *  caller's image type. */
export function widenToInk<I extends Pixels>(lines: LineCut<I>[], full: Pixels, make: (px: Pixels) => I): LineCut<I>[] {
  const rects = lines.map((l) => {
    const xs = l.box.map((p) => p[0]!);
    const ys = l.box.map((p) => p[1]!);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  });
  // A flat stroke's box inside a line's band: no line of its own.
  const flatIn = (r: (typeof rects)[number], top: number, h: number) => r.y0 >= top - 3 && r.y1 <= top + h + 3 && r.y1 - r.y0 <= 0.6 * h && r.x1 - r.x0 <= 2 * h;
  const absorbed = new Set<number>();
  const out = lines.map((l, i) => {
    const img = l.image;
    // Horizontal lines only (the library turns tall crops upright).
    if (img.width < img.height || l.box.length !== 4) return l;
    const threshold = inkThreshold(img);
    if (threshold === null) return l;
    const [tl, tr, br, bl] = l.box as [number[], number[], number[], number[]];
    const h = img.height;
    const blockedBy = (x: number, top: number) => {
      const bottom = top + h;
      return rects.some((r, j) => j !== i && x >= r.x0 && x <= r.x1 && Math.min(bottom, r.y1) - Math.max(top, r.y0) > 0.3 * Math.min(h, r.y1 - r.y0) && !flatIn(r, top, h));
    };
    const leftEdge = Math.round(Math.min(tl[0]!, bl[0]!));
    const rightEdge = Math.round(Math.max(tr[0]!, br[0]!));
    const leftTop = Math.round(tl[1]!);
    const rightTop = Math.round(tr[1]!);
    const left = inkBeyond(full, leftEdge, -1, { top: leftTop, bottom: leftTop + h }, threshold, (x) => blockedBy(x, leftTop));
    const right = inkBeyond(full, rightEdge, 1, { top: rightTop, bottom: rightTop + h }, threshold, (x) => blockedBy(x, rightTop));
    if (!left && !right) return l;
    rects.forEach((r, j) => {
      if (j === i) return;
      if (left && r.x0 >= leftEdge - left && r.x1 <= leftEdge + h && flatIn(r, leftTop, h)) absorbed.add(j);
      if (right && r.x1 <= rightEdge + right && r.x0 >= rightEdge - h && flatIn(r, rightTop, h)) absorbed.add(j);
    });
    const parts = [strip(full, leftEdge - left, leftEdge, leftTop, h), img, strip(full, rightEdge + 1, rightEdge + 1 + right, rightTop, h)];
    const box = [
      [tl[0]! - left, tl[1]!],
      [tr[0]! + right, tr[1]!],
      [br[0]! + right, br[1]!],
      [bl[0]! - left, bl[1]!],
    ];
    return { image: make(joinWide(parts)), box };
  });
  return out.filter((_, j) => !absorbed.has(j));
}
