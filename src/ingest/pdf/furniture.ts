// Running headers, footers and page numbers: repeated on many pages in the top or bottom margin.
import { lineText, type PageLine } from './layout.js';

/** Dashes, rules and dots that decorate a page number (- 7 -, — 7 —, ─ 7 ─, ━ 7 ━, · 7 ·). */
const DASH = '\\-—–－‒―−﹣﹘·•‧∙─━┄┅┈┉╌╍═～~';
const PAGE_NUMBER = new RegExp(`^(?:[${DASH}\\s]*\\d{1,4}[${DASH}\\s]*|第\\s*\\d+\\s*页(?:\\s*[,，/共]\\s*共?\\s*\\d+\\s*页)?|\\d+\\s*\\/\\s*\\d+|page\\s*\\d+(\\s*of\\s*\\d+)?)$`, 'i');

const FRAMED = new RegExp(`^[${DASH}]+\\s*\\d+\\s*[${DASH}]+$`);

/** The number a page-number line prints, and whether it is bare: without dashes on both sides, 第…页 or
 *  n/m around it, a number (7, -7) could as well be a figure, so a caller wants more evidence to drop it. */
export function pageNumberOf(text: string): { n: number; bare: boolean } | null {
  const t = text.trim();
  if (!t || !PAGE_NUMBER.test(t)) return null;
  const n = Number(/\d+/.exec(t)![0]);
  return { n, bare: !(FRAMED.test(t) || /[页/a-z]/i.test(t)) };
}
const MARGIN = 0.1;

const shape = (l: PageLine) => lineText(l).replace(/\s+/g, '').replace(/\d+/g, '#');

/** Which lines (by page index, line index) are page furniture. `boxes[p]` is page p's vertical extent
 *  in points: a page box need not start at 0. */
export function furniture(pages: PageLine[][], boxes: { bottom: number; top: number }[]): Set<string> {
  const drop = new Set<string>();
  const inMargin = (l: PageLine, p: number) => {
    const { bottom, top } = boxes[p] ?? { bottom: 0, top: 842 };
    const margin = (top - bottom) * MARGIN;
    return l.y > top - margin || l.y < bottom + margin;
  };
  const seen = new Map<string, number>();
  pages.forEach((lines, p) => {
    const shapes = new Set(lines.filter((l) => inMargin(l, p)).map(shape));
    for (const s of shapes) seen.set(s, (seen.get(s) ?? 0) + 1);
  });
  const repeated = (s: string) => pages.length >= 3 && (seen.get(s) ?? 0) >= Math.max(3, pages.length * 0.4);
  pages.forEach((lines, p) => {
    lines.forEach((l, i) => {
      if (!inMargin(l, p)) return;
      const text = lineText(l).trim();
      if (PAGE_NUMBER.test(text) || (text.length <= 60 && repeated(shape(l)))) drop.add(`${p}:${i}`);
    });
  });
  // A page number set just inside the margin line (a landscape page's footer, 10% of its short side from the
  // edge): the page's lowest or highest line, a number that runs with the page index as on at least two other
  // pages (printed number − page index the same).
  // (each page's edge lines that print a number, with that number less the page index)
  const edges = pages.map((lines, p) => {
    const ys = lines.map((l) => l.y);
    const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
    return lines.flatMap((l, i) => {
      const pn = l.y === lo || l.y === hi ? pageNumberOf(lineText(l)) : null;
      return pn ? [{ i, offset: pn.n - p }] : [];
    });
  });
  const offsets = new Map<number, number>();
  for (const nums of edges) for (const o of new Set(nums.map((x) => x.offset))) offsets.set(o, (offsets.get(o) ?? 0) + 1);
  edges.forEach((nums, p) => {
    for (const { i, offset } of nums) if ((offsets.get(offset) ?? 0) >= 3) drop.add(`${p}:${i}`);
  });
  return drop;
}
