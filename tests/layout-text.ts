// Fixed-width page text for tests: lines as `pdftotext -layout` prints them, each piece placed at a display
// column (CJK and full-width characters count two).
import { displayColumns } from '../src/display-columns.js';

/** A printed line: each text starting (`<`) or ending (`>`) at a display column (CJK characters count two). */
export const at = (...parts: [string, number, '<' | '>'][]): string => {
  let out = '';
  for (const [text, col, side] of parts) {
    const start = side === '<' ? col : col - displayColumns(text)[text.length]!;
    out = out.padEnd(Math.max(displayColumns(out)[out.length]! === start ? out.length : out.length + start - displayColumns(out)[out.length]!, out.length + (out ? 1 : 0)));
    out += text;
  }
  return out;
};
