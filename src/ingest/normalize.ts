// Normalise a line of source text for matching while keeping a map back to the verbatim text.
// What breaks matching in these documents: full-width digits and ％, ideographic and non-breaking
// spaces, and spaces that layout tools put between Chinese characters and digits ("2023 年度").
import type { Line, Loc } from '../model.js';

const FULLWIDTH: Record<string, string> = { '％': '%', '＋': '+', '－': '-', '．': '.', '，': ',' };
const WORD = /[A-Za-z]/;

function fold(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 0x30); // ０-９
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return String.fromCharCode(c - 0xfee0); // Ａ-ｚ
  return FULLWIDTH[ch] ?? ch;
}

const isSpace = (ch: string) => /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/.test(ch);

/** `text` keeps one space only between two Latin words or two numbers; every other run of whitespace goes, since
 *  in Chinese text it is layout, not meaning. A full-width comma is folded only between digits
 *  (a thousands separator), never in prose. */
/** Digits grouped by thin spaces (GB/T 15835's 千分空: 2\u2009940.05), or by plain spaces right before a unit
 *  (2 940.05万元): one number. A plain space elsewhere may part two table cells (2 940.05), so only where every
 *  group after the first has three digits and a unit follows. */
const GROUPED = /(?<![\d.,])\d{1,3}(?:[\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d)|(?<![\d.,])\d{1,3}(?: \d{3})+(?:\.\d+)?(?= ?(?:万元|亿元|千元|元|%|％))/g;

/** A letter-spaced number (a justified line spreads its characters: 1 7 4,1 7 7.8 5万元, 2 0 2 6年): single digits,
 *  each parted from the next by one space or a separator, at least three of them, a unit or a date word right
 *  after. Cells of a table row are numbers of several digits, or are not followed by a unit. */
const SPACED = /(?<![\d.,] ?)\d(?:(?: ?[.,] ?| )\d){2,}(?= ?(?:万 ?元|亿 ?元|千 ?元|元|%|％|年|月|日))/g;

/** Offsets of the spaces inside grouped or letter-spaced numbers (above), which the text drops. */
function groupSpaces(raw: string): Set<number> | null {
  if (!/\d[ \u2009\u202f]\d{3}|\d(?: ?[.,] ?| )\d(?: ?[.,] ?| )\d/.test(raw)) return null;
  const out = new Set<number>();
  for (const re of [GROUPED, SPACED]) for (const m of raw.matchAll(re)) for (let k = 0; k < m[0].length; k++) if (/[ \u2009\u202f]/.test(m[0][k]!)) out.add(m.index + k);
  return out.size ? out : null;
}

/** A letter-spaced line — justified text whose every character the layout set apart by one space
 *  (`2 0 2 6 年 本 部 门 收 入 预 算 1 2 1 , 3 9 3 . 5 2 万 元 ， 比 上 年 增 加`): all its spaces are layout, between
 *  digits too (else `121,393.52万元` read as `2万元`). Only a line of single characters, at least eight of them Chinese
 *  (a row of one-digit table cells, `1 2 3 4`, has none). */
function letterSpaced(raw: string): boolean {
  const toks = raw.trim().split(' ');
  return toks.length >= 12 && toks.every((t) => [...t].length === 1) && toks.filter((t) => /\p{Script=Han}/u.test(t)).length >= 8;
}

export function normalize(raw: string): { text: string; map: number[] } {
  const grouped = groupSpaces(raw);
  const spaced = letterSpaced(raw);
  // Built in pieces, with the last character kept aside: reading the end of a string being appended to
  // flattens it every time, which made a long line cost its length squared.
  const pieces: string[] = [];
  let last = '';
  const map: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i]!;
    if (isSpace(ch)) {
      let j = i;
      while (j < raw.length && isSpace(raw[j]!)) j++;
      const prev = last;
      const next = raw[j];
      // Between two digits a space separates two numbers (table cells, "2023 93.93"): gluing them
      // would make one wrong number.
      if (prev && next && !spaced && !grouped?.has(i) && ((WORD.test(prev) && WORD.test(next)) || (/\d/.test(prev) && /[0-9０-９]/.test(next)))) {
        pieces.push(' ');
        last = ' ';
        map.push(i);
      }
      i = j;
      continue;
    }
    let out = fold(ch);
    if (ch === '，' && !(/\d/.test(last) && /[0-9０-９]/.test(raw[i + 1] ?? ''))) out = ch;
    if (ch === '．' && !/\d/.test(last)) out = ch;
    pieces.push(out);
    last = out;
    map.push(i);
    i++;
  }
  map.push(raw.length);
  const text = pieces.join('');
  // Trim: leading/trailing whitespace was already dropped by the loop above.
  return { text, map };
}

export function makeLine(raw: string, loc: Loc, hint?: Line['hint']): Line {
  const { text, map } = normalize(raw);
  const line: Line = { text, raw, map, loc };
  if (hint) line.hint = hint;
  return line;
}

/** The verbatim source span behind text[start, end). */
export function rawSpan(line: Pick<Line, 'raw' | 'map'>, start: number, end: number): { start: number; end: number; text: string } {
  const s = line.map[start] ?? line.raw.length;
  const e = end > start ? (line.map[end - 1] ?? line.raw.length - 1) + 1 : s;
  return { start: s, end: e, text: line.raw.slice(s, e) };
}

