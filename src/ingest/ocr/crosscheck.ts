// `both`: the second engine's lines are matched to the first's by position on the page (same band,
// overlapping x), and every number is compared with what the second engine read there.
import type { Line } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { OcrLine } from './lines.js';
import { codePiece, malformed, numberTokens, sameNumber, type Uncertain } from './numbers.js';

export interface ReadLine {
  line: Line;
  ocr: OcrLine;
}

function sameBand(a: OcrLine, b: OcrLine): boolean {
  const ov = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
  return ov >= 0.5 * Math.min(a.box.y1 - a.box.y0, b.box.y1 - b.box.y0);
}

/** What the second engine read between x0 and x1 on these lines: its numbers there, or else any
 *  characters (so the flag can show that it read, say, letters). */
function readingAt(lines: ReadLine[], x0: number, x1: number): string {
  const nums = lines.flatMap((r) => numberTokens(r.line, r.ocr).filter((t) => t.x0 <= x1 && t.x1 >= x0));
  if (nums.length) return nums.map((t) => t.text).join(' ');
  return lines
    .flatMap((r) => [...r.ocr.raw].filter((ch, i) => ch.trim() && r.ocr.x[i]! >= x0 && r.ocr.x[i]! <= x1))
    .join('');
}

export function crossCheck(primary: ReadLine, secondary: ReadLine[]): Uncertain[] {
  const band = secondary.filter((s) => sameBand(primary.ocr, s.ocr));
  const h = primary.ocr.box.y1 - primary.ocr.box.y0;
  // Character centres are estimates (PP-OCR's come from CTC time steps): allow half a line height.
  const tol = Math.max(2, 0.5 * h);
  const out: Uncertain[] = [];
  for (const t of numberTokens(primary.line, primary.ocr)) {
    const other = readingAt(band, t.x0 - tol, t.x1 + tol);
    const percent = primary.line.text[t.end] === '%';
    if ((malformed(t.text) && !codePiece(primary.line, t)) || !sameNumber(t.text, other, percent)) out.push({ start: t.start, end: t.end, readings: [t.text, other] });
  }
  return out;
}

/** A leading 1 right after a Chinese character is trusted only above this confidence. The last vertical
 *  stroke of a character squeezed against a figure (加|8.57) is what the recogniser most often takes for
 *  a 1 of its own: on a 1-bit scan turned 2° it read 增加8.57% as 增加18.57% with the 1 at 0.81, above
 *  the engine's bar, and the false rate made a false PERCENT_MISMATCH error. A lone 1 is left alone:
 *  on a faded scan 聘请1名 had its 1 at 0.8–0.9, read right. */
const STROKE_ONE = 0.9;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Single engine: a number is uncertain when malformed or read with low confidence. */
export function selfCheck(r: ReadLine, lowConfidence: number): Uncertain[] {
  const strokeOne = (t: { start: number; text: string }) => {
    // A lone 1 (聘请1名) is a number of its own, not a stroke before one: trusted as read.
    if (t.text[0] !== '1' || t.text.length < 2) return false;
    const at = r.line.map[t.start] ?? 0;
    return at > 0 && HAN.test(r.line.raw[at - 1] ?? '') && (r.ocr.confidence[at] ?? 1) < STROKE_ONE;
  };
  return numberTokens(r.line, r.ocr)
    .filter((t) => (malformed(t.text) && !codePiece(r.line, t)) || t.confidence < lowConfidence || strokeOne(t))
    .map((t) => ({ start: t.start, end: t.end, readings: [t.text] }));
}

export function toReadLines(lines: OcrLine[], page: number, engine: string): ReadLine[] {
  return lines.map((ocr, i) => {
    const line = makeLine(ocr.raw, { page, line: i + 1 });
    line.ocr = { engine, confidence: round(ocr.meanConfidence) };
    return { line, ocr };
  });
}

export const round = (x: number) => Math.round(x * 1000) / 1000;
