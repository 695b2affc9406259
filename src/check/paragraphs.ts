// The body text as the text rules read it: paragraphs, not lines. A PDF wraps a sentence over lines (and
// over a page break), so a phrase such as 下降（增 / 长） or 占 / 76.23； is only seen on the lines joined.
// A match in a paragraph's text maps back to the line it starts on (loc) and to the verbatim text (excerpt).
import type { Flag, FlagCode, Line } from '../model.js';
import { Paragraph, runsOn } from '../extract/facts/paragraph.js';
import { checksConfig } from './config.js';
import { makeFlag, type FlagExtras } from './flag.js';
import { REASON_OPENS, type TextUnit } from './lines.js';

export { Paragraph };

/** Paragraphs that are a table row printed as text: only the rules about words (template text, fused
 *  directions) read them, not those about statements. */
export const tableRows = new WeakSet<Paragraph>();

/** A body line printed as a table row (bare numbers, cells set apart by wide gaps): not prose. A line
 *  justified by spreading its characters (江 苏 省 政 协 办 公 厅    2018    年 度 财 政 拨 款 基 本 支 出 预 算,
 *  most of its words one character) is prose however wide its gaps: only its bare numbers could make it
 *  a row. */
const tableRow = (line: Line) => {
  if (clausePunctuation(line)) return false;
  // A year typed into a template's blank (江苏省高级人民法院    2017    年一般公共预算财政拨款支出预算) is set
  // apart by the blank's width, not by a column: it is read as joined to its 年.
  const raw = line.raw.trim().replace(/\s+((?:19|20)\d{2})\s+(?=年)/gu, '$1');
  const words = raw.split(/\s+/);
  if (words.filter((w) => /^-?[\d,]+(?:\.\d+)?%?$/.test(w)).length >= 2) return true;
  const spread = words.filter((w) => /^[\u3400-\u9fff]$/u.test(w)).length * 2 >= words.length && words.length >= 6;
  return !spread && /\S(?: {3,}|\t)\S/.test(raw);
};

/** Punctuation of a clause on a line, read word by word (words apart by spaces, as page text prints
 *  cells): a thousands comma inside a figure (18,330.37) and the ordinal opening a cell's label (一、财政拨款,
 *  1、) are a table's print, not a clause's — also where the OCR lost the ordinal or read it as a comma
 *  (、一般公共预算, ，、基本支出: no clause opens with 、). */
const clausePunctuation = (line: Line) =>
  line.raw
    .trim()
    .split(/\s+/)
    .some((w) => /[，。；、：,;:]/u.test(w.replace(/(?<=\d),(?=\d{3}(?!\d))/gu, '').replace(/^(?:[一二三四五六七八九十]+|\d{1,2})[、.．]|^[，,]?、/u, '')));

/** A figure set apart as a cell: a word that is an amount as tables print it (decimals or thousands
 *  commas: not a year, not a count), not followed by its unit (18,330.37 万元 is prose). */
const cellFigure = (line: Line, next: Line | undefined) => {
  const words = line.raw.trim().split(/\s+/);
  return words.some((w, i) => {
    if (!/^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^-?\d+\.\d+$/u.test(w)) return false;
    const after = i + 1 < words.length ? words[i + 1]! : (next?.text ?? '');
    return !unitAfter().test(after);
  });
};
let unitAfterRe: RegExp | null = null;
const unitAfter = () => (unitAfterRe ??= new RegExp(`^(?:${checksConfig().tableText.unitAfter})`, 'u'));
let unitLineRe: RegExp | null = null;
/** The line that names a table's unit (单位：万元, 部门：… 单位：元): the rows of a table follow it. */
const unitLine = (line: Line) => (unitLineRe ??= new RegExp(checksConfig().tableText.unitLine, 'u')).test(line.text);

/** A line that is only its page's number (28 on page 28, - 28 -, 第28页). */
const folio = (line: Line) => {
  const m = /^\s*(?:第\s*)?[-—─]?\s*(\d{1,3})\s*[-—─]?\s*(?:页)?\s*$/u.exec(line.raw);
  return !!m && Number(m[1]) === line.loc.page;
};

/** Body lines grouped into paragraphs: a line that does not end its sentence runs on into the next body
 *  line (across a page break too), never across a heading, a table, the table of contents or a table row
 *  printed as text. */
export function paragraphsOf(units: TextUnit[]): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { line: Line; block: number }[] = [];
  const rowLines = new Set<Line>();
  // (the block of a page number skipped inside the paragraph: the next line still runs on from it)
  let through = -1;
  const flush = () => {
    if (cur.length) out.push(new Paragraph(cur));
    cur = [];
  };
  // A run of table text: from a unit line (单位：万元) or a row, while lines bear no clause punctuation. A
  // line in it that sets a figure apart as a cell is a row too (a -raw dump prints a row's cells in
  // reading order, one figure among its labels: 2.政府性基金预算 三、国防支出 三、单位预留机动经费 2,557.89).
  let run = -2;
  units.forEach((u, i) => {
    if (u.cell || u.heading) run = -2;
    else if (unitLine(u.line)) run = u.block;
    else if (tableRow(u.line) || (run === u.block - 1 && !clausePunctuation(u.line) && cellFigure(u.line, units[i + 1]?.line))) {
      run = u.block;
      rowLines.add(u.line);
    } else if (run === u.block - 1 && !clausePunctuation(u.line)) run = u.block;
    else run = -2;
  });
  for (const u of units) {
    if (u.cell || u.heading || rowLines.has(u.line)) {
      flush();
      if (!u.cell && !u.heading) {
        const row = new Paragraph([{ line: u.line, block: u.block }]);
        tableRows.add(row);
        out.push(row);
      }
      continue;
    }
    const last = cur[cur.length - 1];
    // A page's own number inside a paragraph (a plain dump prints the folio where the page's text flow puts
    // it: …增加（减少） 0 / 28 / 万元… on page 28) is furniture between two lines of the sentence: skipped.
    if (last && folio(u.line)) {
      through = u.block;
      continue;
    }
    if (last && Math.max(last.block, through) !== u.block - 1) flush();
    // A sentence's end ends the paragraph, unless the next line opens with the reason for what it stated
    // (…比上年预算增加16万元。 / 主要原因是…): the reason belongs to that statement (as lines.ts reads it).
    else if (last && !runsOn(last.line) && !(REASON_OPENS.test(u.line.text) && /[。；;]$/u.test(last.line.text))) flush();
    cur.push({ line: u.line, block: u.block });
  }
  flush();
  return out;
}

/** Whether text[s, e) of the paragraph overlaps a span the OCR marked uncertain. */
export function uncertainAt(p: Paragraph, s: number, e: number): boolean {
  return p.parts.some((part) => (part.line.ocr?.uncertain ?? []).some((u) => part.offset + u.start < e && part.offset + u.end > s));
}

const CLAUSE_END = /[。；;！？!?]/u;

/** A flag on text[s, e) of a paragraph: `loc` on the line the match starts on (its end cut at that line's
 *  end when the match runs on), `excerpt` the verbatim clause around it (lines joined by a line break). */
export function flagInParagraph(code: FlagCode, p: Paragraph, s: number, e: number, message: string, extras: FlagExtras = {}): Flag {
  const part = p.partAt(s);
  const start = p.rawOffset(part, s);
  const lineEnd = part.offset + part.line.text.length;
  const end = e <= lineEnd ? (part.line.map[e - 1 - part.offset] ?? part.line.raw.length - 1) + 1 : part.line.raw.length;
  let cs = s;
  while (cs > 0 && !CLAUSE_END.test(p.text[cs - 1]!)) cs--;
  let ce = e;
  while (ce < p.text.length && !CLAUSE_END.test(p.text[ce]!)) ce++;
  if (ce < p.text.length) ce++;
  if (ce - cs > 120) {
    cs = Math.max(cs, s - 40);
    ce = Math.min(ce, Math.max(e + 40, cs + 60));
  }
  const base = part.line.loc.start ?? 0;
  return makeFlag(code, message, { ...part.line.loc, start: start + base, end: end + base }, p.raw(cs, ce) || p.raw(s, e), extras);
}
