// Which numbers on an OCR line can be trusted. A number is uncertain when a character in it has low
// confidence, when a look-alike letter touches it, when its thousands separators are malformed, or
// (with two engines) when the second engine read something else at the same place on the page.
import type { Flag, Line, OcrInfo } from '../../model.js';
import type { OcrLine } from './lines.js';

export type Uncertain = NonNullable<OcrInfo['uncertain']>[number];

/** A number as printed, with the letters and stray 。 touching it that clean.ts refused to guess at,
 *  and a colon or semicolon between its digits (754:75, 2;355.65: a decimal point or a thousands comma
 *  the recogniser read as one). */
const NUMBER = /[A-Za-z|]*\d(?:[\d.,:：;；A-Za-z|。]*[\dA-Za-z|])?/g;

/** Two digits with a leading zero standing alone (a space or the line's edge on both sides): a piece
 *  of a 科目 code printed in pieces (208 05 06), as such codes print, not a malformed number. */
export function codePiece(line: Line, t: { start: number; end: number }): boolean {
  if (!/^0\d$/.test(line.text.slice(t.start, t.end))) return false;
  // On the printed line: normalisation drops the space between a code and its label.
  const s = line.map[t.start] ?? 0;
  const e = (line.map[t.end - 1] ?? s) + 1;
  return (s === 0 || line.raw[s - 1] === ' ') && (e === line.raw.length || line.raw[e] === ' ');
}

export interface NumberToken {
  /** Offsets in `line.text`. */
  start: number;
  end: number;
  text: string;
  /** Lowest character confidence. */
  confidence: number;
  /** Horizontal extent on the page (points), from the characters' centres. */
  x0: number;
  x1: number;
}

/** An enumeration marker at the start of a line — 1、 1. （1） — is structure, not a value. */
const MARKER = /^[（(]?\d{1,2}[）)、.．]/;

export function numberTokens(line: Line, ocr: Pick<OcrLine, 'confidence' | 'x'>): NumberToken[] {
  const out: NumberToken[] = [];
  const marker = MARKER.exec(line.text);
  for (const m of line.text.matchAll(NUMBER)) {
    const start = m.index;
    const end = start + m[0].length;
    if (marker && end < marker[0].length) continue;
    const rawIdx = line.map.slice(start, end);
    const conf = rawIdx.map((i) => ocr.confidence[i] ?? 0);
    const xs = rawIdx.map((i) => ocr.x[i] ?? 0);
    out.push({ start, end, text: m[0], confidence: Math.min(...conf), x0: Math.min(...xs), x1: Math.max(...xs) });
  }
  return out;
}

/** Malformed without any second opinion: look-alike letters or 。 left in, or a comma that is not a
 *  thousands separator (93,93 may be 93.93). */
export function malformed(text: string): boolean {
  if (/[A-Za-z|。]/.test(text)) return true;
  // 754:75 is 754.75 misread, or a ratio or a time (1:2, 10:30): which, a scan cannot tell; 2;355.65
  // is 2,355.65.
  if (/[:：;；]/.test(text)) return true;
  if (text.includes(',') && !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return true;
  // A leading zero (096, 09) is no way to print a number: tesseract's reading of "0%".
  if (/^0\d/.test(text)) return true;
  return (text.match(/\./g) ?? []).length > 1;
}

/** Two readings of the same number agree when their digits and decimal point agree. Before a % sign,
 *  a second reading with an extra 9 or 96 is tesseract's known misreading of the sign itself (9%→996),
 *  not a different number. */
export function sameNumber(a: string, b: string, percentFollows = false): boolean {
  const x = a.replace(/,/g, '');
  // A | at the edge of the second reading is a table rule read as a character.
  const y = b.replace(/,/g, '').replace(/^\|+|\|+$/g, '');
  return x === y || (percentFollows && (y === x + '9' || y === x + '96'));
}

export function uncertainFlag(line: Line, u: Uncertain, engines: string[]): Flag {
  const page = line.loc.page ?? 0;
  const where = `第${page}页第${line.loc.line}行`;
  const raw0 = line.map[u.start] ?? 0;
  const raw1 = (line.map[u.end - 1] ?? raw0) + 1;
  const [a = '', b] = u.readings;
  const message =
    b !== undefined
      ? `${where}的数字两个识别引擎读数不一致：${engines[0]}读作“${a}”，${engines[1]}读作“${b || '（未读出）'}”，请核对原件`
      : `${where}的数字“${a}”识别把握不足，请核对原件`;
  return {
    code: 'OCR_UNCERTAIN',
    severity: 'warning',
    message,
    loc: { page, line: line.loc.line, start: raw0, end: raw1 },
    excerpt: line.raw,
    expected: b !== undefined ? a : null,
    found: b !== undefined ? b || null : a,
  };
}
