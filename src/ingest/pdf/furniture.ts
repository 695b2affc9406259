// Running headers, footers and page numbers: repeated on many pages in the top or bottom margin.
import { lineText, type PageLine } from './layout.js';

const PAGE_NUMBER = /^(?:[-—–－·•\s]*\d{1,4}[-—–－·•\s]*|第\s*\d+\s*页(?:\s*[,，/共]\s*共?\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s*\d+(\s*of\s*\d+)?)$/i;
const MARGIN = 0.1;

const shape = (l: PageLine) => lineText(l).replace(/\s+/g, '').replace(/\d+/g, '#');

/** Which lines (by page index, line index) are page furniture. `heights[p]` is page p's height in points. */
export function furniture(pages: PageLine[][], heights: number[]): Set<string> {
  const drop = new Set<string>();
  const inMargin = (l: PageLine, p: number) => {
    const h = heights[p] ?? 842;
    return l.y > h * (1 - MARGIN) || l.y < h * MARGIN;
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
  return drop;
}
