// Post-OCR clean-up of one line's characters (all its boxes, gaps included). Only unambiguous repairs:
// a letter that cannot stand inside a number becomes the digit it looks like only when digits stand
// on both sides of it; a confusable at a number's edge is not guessed at but marked (confidence 0), so
// the number is reported as uncertain rather than read as a plausible wrong value.
import type { Glyph } from './types.js';

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’]/;
const DIGIT = /[0-9]/;
/** Letters that look like a digit and never stand between two digits. */
const LETTER_LOOKALIKE: Record<string, string> = { O: '0', o: '0', D: '0', l: '1', I: '1', '|': '1' };
/** ASCII punctuation that Chinese text sets full-width (tesseract often reads it half-width). */
const FULLWIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '?': '？', '!': '！' };

const isCjk = (ch: string | undefined) => ch !== undefined && CJK.test(ch);
const isDigit = (ch: string | undefined) => ch !== undefined && DIGIT.test(ch);
const isSpace = (ch: string) => /\s/.test(ch);

/** Fold full-width digits/letters to ASCII so the rules below see one alphabet. */
function foldWidth(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xfee0);
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0);
  return ch;
}

export function cleanGlyphs(input: Glyph[]): Glyph[] {
  const g = input.flatMap((x) => [...x.ch].map((ch) => ({ ...x, ch: foldWidth(ch) })));
  // 1. Look-alike letters strictly inside a number: 9O.5 → 90.5, 1l3 → 113.
  for (let i = 1; i < g.length - 1; i++) {
    if (LETTER_LOOKALIKE[g[i]!.ch] === undefined) continue;
    let j = i;
    while (j < g.length && LETTER_LOOKALIKE[g[j]!.ch] !== undefined) j++;
    // Inside: a digit (or a decimal point after one) on the left, a digit (or a point before one) on the right.
    const left = isDigit(g[i - 1]!.ch) || (g[i - 1]!.ch === '.' && isDigit(g[i - 2]?.ch));
    const right = isDigit(g[j]?.ch) || (g[j]?.ch === '.' && isDigit(g[j + 1]?.ch));
    if (left && right) for (let k = i; k < j; k++) g[k] = { ...g[k]!, ch: LETTER_LOOKALIKE[g[k]!.ch]! };
    i = j - 1;
  }
  // 1b. 。 between digits is a decimal point only where it reads as one (84。25万元); "…共3。2、" or
  // "13。2023年" are two sentences: not rewritten, but marked so the number is not trusted.
  for (let i = 1; i < g.length - 1; i++) {
    if (g[i]!.ch !== '。' || !isDigit(g[i - 1]!.ch) || !isDigit(g[i + 1]!.ch)) continue;
    let j = i + 1;
    while (isDigit(g[j]?.ch)) j++;
    const decimals = j - i - 1;
    const after = g[j]?.ch ?? '';
    if (decimals <= 2 && !/[、.．。年月日号]/.test(after)) g[i] = { ...g[i]!, ch: '.' };
    else g[i] = { ...g[i]!, confidence: 0 };
  }
  // 1c. A line opening with a one- or two-digit number, 。 and a Chinese character (4。法院（款）…) opens a
  // list item: the point of its marker (4．) read as a full stop. Left as 。 the paragraph before runs on
  // into it and the marker reads as a figure without its unit (…安排减少4。).
  const first = g.findIndex((x) => !isSpace(x.ch));
  if (first >= 0) {
    let j = first;
    while (isDigit(g[j]?.ch)) j++;
    if (j - first >= 1 && j - first <= 2 && g[j]?.ch === '。' && isCjk(g[j + 1]?.ch) && g[j + 1]!.ch !== '。') g[j] = { ...g[j]!, ch: '．' };
  }
  // 2. A letter touching a number at its edge (1OO万, l2.5, j0) is not guessed at: marked.
  for (let i = 0; i < g.length; i++) {
    if (!/[A-Za-z|]/.test(g[i]!.ch)) continue;
    let j = i;
    while (j < g.length && /[A-Za-z|]/.test(g[j]!.ch)) j++;
    if (isDigit(g[i - 1]?.ch) || isDigit(g[j]?.ch)) for (let k = i; k < j; k++) g[k] = { ...g[k]!, confidence: 0 };
    i = j - 1;
  }
  // 3. Spaces: a run of two or more is a cell boundary (kept as two); a single space survives only
  // between Latin words or numbers, never next to a Chinese character or inside a number.
  const out: Glyph[] = [];
  for (let i = 0; i < g.length; i++) {
    const x = g[i]!;
    if (!isSpace(x.ch)) {
      out.push(x);
      continue;
    }
    let j = i;
    while (j < g.length && isSpace(g[j]!.ch)) j++;
    const run = j - i;
    const prev = out[out.length - 1]?.ch;
    const next = g[j]?.ch;
    i = j - 1;
    if (prev === undefined || next === undefined) continue;
    if (run >= 2) {
      out.push({ ...x, ch: ' ' }, { ...x, ch: ' ' });
      continue;
    }
    if (isCjk(prev) || isCjk(next)) continue;
    // "84. 25" or "93 .93": a space inside a number is a misreading of the layout.
    if ((isDigit(prev) && /[.,]/.test(next)) || (/[.,]/.test(prev) && isDigit(next))) continue;
    out.push({ ...x, ch: ' ' });
  }
  // 4. Half-width punctuation next to Chinese text becomes full-width (as the documents print it).
  for (let i = 0; i < out.length; i++) {
    const fw = FULLWIDTH[out[i]!.ch];
    if (fw === undefined) continue;
    const prev = out[i - 1]?.ch;
    const next = out[i + 1]?.ch;
    if (out[i]!.ch === ',' && isDigit(prev) && isDigit(next)) continue; // thousands separator
    if (isCjk(prev) || isCjk(next)) out[i] = { ...out[i]!, ch: fw };
  }
  return out;
}
