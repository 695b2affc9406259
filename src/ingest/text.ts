// Plain text in whatever encoding scraped files come in. Pages are split on form feeds; a
// TAB-led block (one cell per line, rows separated by blank lines) is a table exported from Word.
// Page text dumps (pdftotext -layout, pdfplumber) print standard tables as lines of cells: those are
// read by the table reader over positioned tokens (src/ingest/layout).
import { JuesuanError } from '../errors.js';
import type { Block, Cell, Line, SourceTable } from '../model.js';
import { pageTextTables } from './layout/index.js';
import { damagedLineFlags, decodeText } from './decode.js';
import { makeLine } from './normalize.js';
import type { Backend } from './types.js';
import { numberTables } from './number-tables.js';
import { jsonShape, pageDump, pageMarked } from './page-dump.js';
import { pageNumberOf } from './pdf/furniture.js';
import { completesTitle } from './pdf/tables.js';
import { splitTitlesJoined } from './split-titles.js';
import { unreadPages } from './unread-pages.js';

interface RawLine {
  raw: string;
  page: number;
  line: number;
}

const isCellLine = (s: string) => s.startsWith('\t');

export const ingestText: Backend = async (bytes) => {
  const { text } = decodeText(bytes);
  const dump = pageDump(text);
  // JSON that holds no page records is no report text (CONTRACT: a file that cannot be processed is one
  // line in errors.jsonl): refused rather than read as lines of keys and escaped text.
  const shape = dump ? null : jsonShape(text);
  if (shape) throw new JuesuanError('UNSUPPORTED_FORMAT', `a JSON file with no page records (${shape}): a page-text dump is read as an array of pages, each a string or {"page": 1, "text": "…"}`);
  let pages = dump ?? pageMarked(text) ?? text.split('\f');
  let printedOrder: RawLine[] = [];
  pages.forEach((pageText, p) => {
    pageText.split(/\r\n|\r|\n/).forEach((raw, i) => printedOrder.push({ raw, page: p + 1, line: i + 1 }));
  });
  // Pages run on without form feeds (`pdftotext -nopgbrk`): each page ends at its printed page number, so
  // that tables, running heads and page-scoped readings end where the page does, as in the PDF.
  if (pages.length === 1) {
    const flowed = flowPages(printedOrder);
    if (flowed) {
      printedOrder = flowed;
      pages = Array.from({ length: flowed[flowed.length - 1]!.page }, () => '');
    }
  }
  const all = splitTitlesJoined(tailsInPlace(printedOrder));
  const blocks: Block[] = [];
  let tableCount = 0;
  const folios = pageNumberLines(all, pages.length);
  const printed = pageTextTables(all.filter((l) => !isCellLine(l.raw) && !folios.has(l)));
  let i = 0;
  while (i < all.length) {
    const cur = all[i]!;
    if (folios.has(cur)) {
      i++;
      continue;
    }
    if (isCellLine(cur.raw)) {
      const end = tableEnd(all, i);
      blocks.push({ kind: 'table', table: readTable(all.slice(i, end), `t${++tableCount}`) });
      i = end;
      continue;
    }
    const table = printed.startingAt.get(cur);
    if (table) blocks.push({ kind: 'table', table });
    // A table title wrapped onto a short next line (…培训费支出预 / 算表) is one line, as the PDF reader
    // joins it: the table's caption is the whole title.
    const next = all[i + 1];
    if (!table && next && next.page === cur.page && !printed.consumed.has(cur) && !printed.consumed.has(next) && !printed.startingAt.has(next) && !isCellLine(next.raw) && completesTitle(cur.raw.trim(), next.raw.trim())) {
      blocks.push({ kind: 'line', line: makeLine(cur.raw.trimEnd() + next.raw.trim(), { page: cur.page, line: cur.line }) });
      i += 2;
      continue;
    }
    if (cur.raw.trim() !== '' && !printed.consumed.has(cur)) blocks.push({ kind: 'line', line: makeLine(cur.raw, { page: cur.page, line: cur.line }) });
    i++;
  }
  if (!blocks.length) throw new JuesuanError('NO_TEXT', 'the file holds no text');
  if (printed.startingAt.size) numberTables(blocks);
  const withText = new Set(printedOrder.filter((l) => l.raw.trim() !== '').map((l) => l.page));
  const unread = unreadPages(Array.from({ length: pages.length }, (_, p) => withText.has(p + 1)));
  return { pages: pages.length, ocrPages: [], blocks, flags: damagedLineFlags(blocks), ...(unread.length ? { unreadPages: unread } : {}) };
};

/** A line's last figure printed on the line above it (`pdftotext -layout` puts the wrapped tail of a paragraph's
 *  line, `15.16%；` or `603.14万元，占20.51%；`, a line higher when it is set lower than the text beside it): a
 *  short line opening with a figure and ending a clause, then (blank lines aside) a line of prose cut mid-word
 *  (ending in a Chinese character: 占, 项目支出), and no figure opening the line after that one; the line above
 *  the tail ends a clause or is a heading (else the tail ends that line: `…服务预算` / `270.00万元。`). The tail
 *  goes after the line it completes, as the raw order has it, and the blank lines its raised print left above
 *  it go where the sentence above runs on (；). */
const TAIL = /^\s*[-−]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|元|亿元)[^\n]{0,16}[；;。，,]\s*$/;
function tailsInPlace(lines: RawLine[]): RawLine[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (!TAIL.test(t.raw) || t.raw.trim().length > 24) continue;
    let j = i + 1;
    while (j < out.length && j - i <= 2 && out[j]!.raw.trim() === '') j++;
    const target = out[j];
    if (!target || target.page !== t.page || !/\p{Script=Han}\s*$/u.test(target.raw) || !/[，：；]/.test(target.raw)) continue;
    let k = j + 1;
    while (k < out.length && out[k]!.raw.trim() === '') k++;
    if (out[k] && /^\s*[-−]?\d/.test(out[k]!.raw)) continue;
    // The line above ends a clause (a tail right after a line cut mid-clause, `…服务预算` / `270.00万元。`,
    // is where it belongs); the blank lines between, where that line's sentence runs on (；), go.
    let b = i;
    while (b > 0 && out[b - 1]!.raw.trim() === '') b--;
    const above = out[b - 1];
    if (above && above.page === t.page && !/[。；;！？!?]\s*$/u.test(above.raw) && !(b < i && /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u.test(above.raw))) continue;
    const gap = above && above.page === t.page && /[；;]\s*$/u.test(above.raw) ? i - b : 0;
    out.splice(j + 1, 0, t);
    out.splice(i, 1);
    out.splice(i - gap, gap);
    i = j - gap;
  }
  return out;
}

/** Page numbers printed at a page's top or bottom edge (its first or last non-blank line; pages apart by
 *  form feeds). A framed number (─ 7 ─, - 7 -, 第7页) is one there; a bare number only where it keeps
 *  step with the pages (its number minus its page is that of another page's edge number), since a bare
 *  number could be a figure. Lines inside a page are never dropped, whatever they look like. */
function pageNumberLines(all: RawLine[], pageCount: number): Set<RawLine> {
  if (pageCount < 2) return flowPageNumbers(all);
  const found: { line: RawLine; offset: number; bare: boolean }[] = [];
  const byPage = new Map<number, RawLine[]>();
  for (const l of all) if (l.raw.trim() && !isCellLine(l.raw)) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  for (const [page, lines] of byPage) {
    for (const line of new Set([lines[0]!, lines[lines.length - 1]!])) {
      const num = pageNumberOf(line.raw);
      if (num && lines.length > 1) found.push({ line, offset: num.n - page, bare: num.bare });
    }
  }
  const offsets = new Map<number, number>();
  for (const f of found) offsets.set(f.offset, (offsets.get(f.offset) ?? 0) + 1);
  return new Set(found.filter((f) => !f.bare || offsets.get(f.offset)! >= 2).map((f) => f.line));
}

/** Page numbers of a text whose pages run on without form feeds (`pdftotext -nopgbrk`): a bare number of
 *  up to three digits, indented (centred), alone on its line after a blank line, where such numbers keep
 *  step with one another (the one before is one less, or the one after one more) and at least three do, or
 *  one set apart by two blank lines above a line of running prose at the margin (a sentence cut by the page
 *  foot). A 科目 code printed alone stands at the left margin and does not count up by one. */
function flowPageNumbers(all: RawLine[]): Set<RawLine> {
  const found: { line: RawLine; n: number; prose: boolean }[] = [];
  all.forEach((l, i) => {
    const m = /^[ \t\u3000]{4,}(\d{1,3})\s*$/.exec(l.raw);
    // (set apart by two blank lines above and running prose on below: the foot of a page of prose)
    const prose = i > 1 && all[i - 2]!.raw.trim() === '' && /[，。；]/.test(all[i + 1]?.raw ?? '') && !/^\s/.test(all[i + 1]!.raw);
    if (m && i > 0 && all[i - 1]!.raw.trim() === '') found.push({ line: l, n: Number(m[1]), prose });
  });
  const keep = found.filter((f, k) => found[k - 1]?.n === f.n - 1 || found[k + 1]?.n === f.n + 1);
  return new Set([...(keep.length >= 3 ? keep : []), ...found.filter((f) => f.prose)].map((f) => f.line));
}

/** The lines of a text without form feeds cut into pages after its page numbers (flowPageNumbers' bare ones,
 *  and framed ones — ─ 7 ─, - 7 -, 第7页 — alone on their line, each greater than the one before), where at
 *  least three are found; else null. Lines are numbered again within their page. */
export function flowPages(lines: RawLine[]): RawLine[] | null {
  const feet = flowPageNumbers(lines);
  let last = -Infinity;
  for (const l of lines) {
    const num = pageNumberOf(l.raw);
    if (!num || num.bare || num.n <= last) continue;
    feet.add(l);
    last = num.n;
  }
  // (no page numbers: a table's number alone on a line, 表3, restated at the top of each of its pages — 深圳 口岸办
  // 2026 预算, whose pages print no number: each such line opens a page, so that a table ends with its page, as in
  // the PDF; where at least three are found and some number is restated)
  const heads = feet.size >= 3 ? [] : lines.filter((l) => /^[ \t\u3000]*表\s*\d{1,2}\s*$/u.test(l.raw));
  const restated = heads.some((h, k) => heads.findIndex((o) => o.raw.replace(/\s/gu, '') === h.raw.replace(/\s/gu, '')) !== k);
  const opens = new Set(heads.length >= 3 && restated ? heads : []);
  if (feet.size < 3 && !opens.size) return null;
  if (feet.size < 3) feet.clear();
  let page = 1;
  let line = 0;
  const out = lines.map((l) => {
    if (opens.has(l) && line > 0) {
      page++;
      line = 0;
    }
    const r = { ...l, page, line: ++line };
    if (feet.has(l)) {
      page++;
      line = 0;
    }
    return r;
  });
  // (nothing after the last page number: no empty page)
  while (out.length && out[out.length - 1]!.page === page && page > 1 && out.filter((l) => l.page === page).every((l) => l.raw.trim() === '')) {
    for (const l of out) if (l.page === page) l.page = page - 1;
    page--;
  }
  return out;
}

/** A table runs while lines are cells, blank row separators, or a wrapped cell's continuation
 *  (a non-TAB line right after a cell line and followed by a cell line). */
function tableEnd(all: RawLine[], start: number): number {
  let i = start;
  while (i < all.length) {
    const s = all[i]!.raw;
    if (isCellLine(s)) {
      i++;
      continue;
    }
    if (s.trim() === '') {
      // A blank line continues the table only if more cells follow.
      let j = i;
      while (j < all.length && all[j]!.raw.trim() === '') j++;
      if (j < all.length && isCellLine(all[j]!.raw)) {
        i = j;
        continue;
      }
      break;
    }
    // Wrapped cell text: a few short lines after a cell, followed by a cell or a row separator.
    if (isCellLine(all[i - 1]?.raw ?? '')) {
      let j = i;
      while (j < all.length && j - i < 4 && !isCellLine(all[j]!.raw) && all[j]!.raw.trim() !== '' && all[j]!.raw.length <= 40) j++;
      const after = all[j]?.raw;
      if (j > i && after !== undefined && (isCellLine(after) || after.trim() === '')) {
        i = j;
        continue;
      }
    }
    break;
  }
  return i;
}

function readTable(lines: RawLine[], id: string): SourceTable {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  lines.forEach((l, k) => {
    if (l.raw.trim() === '' && !isCellLine(l.raw)) {
      if (row.length) rows.push(row);
      row = [];
      return;
    }
    if (isCellLine(l.raw)) {
      const cellRaw = l.raw.slice(1);
      const line: Line = makeLine(cellRaw, { page: l.page, line: l.line, start: 1, end: l.raw.length });
      row.push({ text: line.text, raw: cellRaw, loc: { page: l.page, line: l.line, table: id, row: rows.length, col: row.length } });
    } else if (row.length) {
      // continuation of the previous cell
      const last = row[row.length - 1]!;
      last.raw += '\n' + l.raw;
      last.text += makeLine(l.raw, { page: l.page, line: l.line }).text;
    }
    if (k === lines.length - 1 && row.length) rows.push(row);
  });
  const first = lines[0]!;
  return { id, rows, loc: { page: first.page, line: first.line, table: id } };
}
