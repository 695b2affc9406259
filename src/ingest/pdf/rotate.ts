// Pages with a /Rotate: the text layer and the rules come in user space, where a page turned by 90° for
// display has its rows running up the page and its columns across it (a landscape table printed on a
// portrait page). Everything after the text layer reads a page as it is displayed, so the page's text runs
// and rules are turned into the displayed frame first (x right, y up, origin at the displayed bottom left).
import type { Glyph } from './layout.js';
import type { Rulings } from './rulings.js';

/** The page's /Rotate as 0, 90, 180 or 270 (clockwise, as displayed). */
export const quarterTurns = (rotate: number | undefined): number => (((Math.round((rotate ?? 0) / 90) % 4) + 4) % 4) * 90;

/** The displayed box of a page whose visible box (user space) is `view`. */
export function displayedView(view: number[], rotate: number): number[] {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = view;
  return rotate === 90 || rotate === 270 ? [0, 0, y1 - y0, x1 - x0] : rotate === 180 ? [0, 0, x1 - x0, y1 - y0] : view;
}

/** Text runs in the displayed frame. A run's x0..x1 is its origin and its advance along the text direction:
 *  text upright on the displayed page runs along the turned axis, so its length carries over. */
export function displayedGlyphs(glyphs: Glyph[], view: number[], rotate: number): Glyph[] {
  if (!rotate) return glyphs;
  const [vx0 = 0, vy0 = 0, vx1 = 612, vy1 = 792] = view;
  return glyphs.map((g) => {
    const len = g.x1 - g.x0;
    const [x, y] = rotate === 90 ? [g.y - vy0, vx1 - g.x0] : rotate === 270 ? [vy1 - g.y, g.x0 - vx0] : [vx1 - g.x0, vy1 - g.y];
    return { ...g, x0: x, x1: x + len, y };
  });
}

/** Rules in the displayed frame: under a quarter turn horizontal rules become vertical ones and back. */
export function displayedRulings(r: Rulings, view: number[], rotate: number): Rulings {
  if (!rotate) return r;
  const [vx0 = 0, vy0 = 0, vx1 = 612, vy1 = 792] = view;
  if (rotate === 180)
    return {
      h: r.h.map((h) => ({ y: vy1 - h.y, x0: vx1 - h.x1, x1: vx1 - h.x0 })),
      v: r.v.map((v) => ({ x: vx1 - v.x, y0: vy1 - v.y1, y1: vy1 - v.y0 })),
    };
  if (rotate === 90)
    return {
      h: r.v.map((v) => ({ y: vx1 - v.x, x0: v.y0 - vy0, x1: v.y1 - vy0 })),
      v: r.h.map((h) => ({ x: h.y - vy0, y0: vx1 - h.x1, y1: vx1 - h.x0 })),
    };
  return {
    h: r.v.map((v) => ({ y: v.x - vx0, x0: vy1 - v.y1, x1: vy1 - v.y0 })),
    v: r.h.map((h) => ({ x: vy1 - h.y, y0: h.x0 - vx0, y1: h.x1 - vx0 })),
  };
}
