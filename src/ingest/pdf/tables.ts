// Standard tables as grids. A table starts at a known title followed by its unit line (单位：万元) or a
// header band, and runs (across page breaks) until the next title, a note (注：/说明：), an
// empty-table statement, a part heading or prose. Columns come from the data (amounts are aligned in
// their column) plus header cells that have no data under them (a blank column is still a column);
// rows from anchors: the 功能/经济分类 code, else the row label; wrapped labels and vertically centred
// amounts join the nearest anchor.
import type { Cell, SourceTable } from '../../model.js';
import { normalize } from '../normalize.js';
import type { NumberedLine } from './index.js';
import { lineText, type Segment } from './layout.js';
import { isIndicatorTitle, matchTitle, type Layout, type TitleDef } from './titles.js';

export interface FoundTables {
  startingAt: Map<NumberedLine, SourceTable>;
  consumed: Set<NumberedLine>;
  /** Where each grid's columns and first data line lie, for naming the columns from rulings. */
  geometry?: Map<SourceTable, Geometry>;
}

export interface Geometry {
  page: number;
  /** Column extents, one per grid column. */
  columns: { x0: number; x1: number; empty: boolean }[];
  /** Baseline of the first data line (the header band is above it). */
  dataY: number;
  /** Name columns without the table-wide top cell (三公: 合计 | 小计 stay as printed under “三公”经费). */
  dropTop: boolean;
}

const UNIT = /单位\s*[:：]/;
// A note (注：…), also where the text layer lost its 注 and the line starts with the colon.
const NOTE = /^\s*(注|说明|备注)?\s*[:：]|本表(为空表|无数据|为空)|^\s*本(单位|部门)(当年)?(无|没有)/;
const PART = /^\s*第[一二三四五六七八九十]+部分/;
/** A table's number printed by its title (公开05表, 公开表三, 表3, 附表2-1): never a row. */
const CAPTION = /^\s*(公开\s*\d{1,2}\s*表|公开\s*表\s*[一二三四五六七八九十]+|附?表\s*(\d{1,2}(-\d{1,2})?|[一二三四五六七八九十]+))\s*$/;
const AMOUNT = /^[-−]?\(?\d{1,3}(,\d{3})*(\.\d+)?\)?%?$|^[-−]?\d+(\.\d+)?%?$|^[-—–]$/;
const DECIMAL = /^[-−]?\d[\d,]*\.\d+$/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
const TWO_DIGIT = /^\d{2}$/;
const HEADER_WORD = /^(类|款|项|项目|科目编码|科目名称|功能分类科目编码|经济分类科目编码|预算数|决算数|栏次|行次|金额)$/;
const ROW_START = /^([一二三四五六七八九十]+、|\d+[.、]|合计|总计|本年|年初|年末|使用|结余|收入总计|支出总计|人员经费|公用经费|其中)/;

interface Placed {
  seg: Segment;
  line: NumberedLine;
  page: number;
}

export function findTables(lines: NumberedLine[]): FoundTables {
  const out: FoundTables = { startingAt: new Map(), consumed: new Set(), geometry: new Map() };
  let count = 0;
  let i = 0;
  let last = null as { def: TitleDef; region: NumberedLine[]; id: string; end: number } | null;
  while (i < lines.length) {
    const title = lines[i]!;
    const def = title.segs.length <= 3 ? matchTitle(lineText(title)) : null;
    if (!def) {
      i++;
      continue;
    }
    let start = -1;
    for (let k = i + 1; k <= i + 3 && k < lines.length; k++) {
      const t = lineText(lines[k]!);
      if (matchTitle(t) || NOTE.test(t) || PART.test(t)) break;
      if (UNIT.test(t)) {
        start = k + 1;
        break;
      }
    }
    // No unit line: the header band right under the title (a table that prints no 单位 line, its band
    // perhaps opening with a spanning cell or two: 事业收入 | 其他收入 above 科目编码 | 本年收入合计 | …).
    const next = lines[i + 1];
    if (start < 0 && next && next.page === title.page && (next.segs.length >= 3 || headerBandFollows(lines, i))) start = i + 1;
    if (start < 0) {
      i++;
      continue;
    }
    const end = regionEnd(lines, start);
    let region = lines.slice(start, end);
    // The same title again at the top of the next page, right where the table before stopped: the table
    // goes on under a repeated title (and header). One table, read as one.
    const prev = last;
    const goesOn = !!prev && prev.end === i && prev.def === def && prev.region.length > 0 && title.page === prev.region[prev.region.length - 1]!.page + 1;
    if (goesOn) {
      for (const l of lines.slice(i, start)) out.consumed.add(l);
      region = [...prev!.region, ...region];
    }
    if (region.length) {
      const id: string = goesOn ? prev!.id : `t${++count}`;
      const built = buildGrid(region, def.layout, id);
      const table = built?.table;
      if (goesOn) {
        const before = out.startingAt.get(region[0]!);
        if (before) out.geometry!.delete(before);
        out.startingAt.delete(region[0]!);
      }
      if (built?.geometry) out.geometry!.set(built.table, built.geometry);
      if (table) {
        out.startingAt.set(region[0]!, table);
        for (const l of region) out.consumed.add(l);
      }
      last = { def, region, id, end };
    }
    i = Math.max(end, i + 1);
  }
  return out;
}

/** Whether a short line completes the table title the line above began (…“三公”经费、会议费、培训费支出预 /
 *  算表; …拨款“三公”经费、 / 会议费、培训费表（不含上年结转）): together they name a standard table that neither names alone (a tail that is a title by itself,
 *  支出预算表, names another, shorter one). */
export function completesTitle(first: string, second: string): boolean {
  const tail = second.replace(/\s/g, '');
  // (the length without a bracketed qualifier after the title: 会议费、培训费表（不含上年结转）, 西安 2022 预算)
  const bare = tail.replace(/[（(][^（()）]*[）)]$/u, '');
  // A line ending on a joining word (…“三公”经费及 / 会议费、培训费支出预算表) cannot end a title: a longer tail.
  const most = /[及和与、]$/u.test(first.trim()) ? 16 : 8;
  if (!bare || bare.length > most || /\d/.test(bare) || matchTitle(first)) return false;
  const joined = matchTitle(first.trimEnd() + tail);
  return joined !== null && joined !== matchTitle(tail);
}

/** Does a header band follow title i on its page: within its next three lines, before any title, note or
 *  prose (a sentence's punctuation), a line of three or more cells? */
function headerBandFollows(lines: NumberedLine[], i: number): boolean {
  const title = lines[i]!;
  for (let k = i + 1; k <= i + 3 && k < lines.length; k++) {
    const l = lines[k]!;
    const t = lineText(l);
    if (l.page !== title.page || matchTitle(t) || NOTE.test(t) || PART.test(t) || /[，。；]/.test(t)) return false;
    if (l.segs.length >= 3) return true;
  }
  return false;
}

function regionEnd(lines: NumberedLine[], start: number): number {
  // Table text has one size; a much bigger line is the next part's heading (其他相关情况说明).
  const sizes = lines.slice(start, start + 5).map((l) => l.size).sort((a, b) => a - b);
  const tableSize = sizes[Math.floor(sizes.length / 2)] ?? 12;
  let k = start;
  for (; k < lines.length; k++) {
    const l = lines[k]!;
    const t = lineText(l);
    // (A table's own 合计 label can be set bigger: it is a row, never a heading.)
    if (k > start && l.size >= tableSize * 1.3 && l.segs.length === 1 && !/\d/.test(t) && !/^(?:合计|总计)$/.test(t.replace(/\s/g, ''))) break;
    if (k > start && l.segs.length <= 3 && (matchTitle(t) || isIndicatorTitle(t))) break;
    if (NOTE.test(t) || PART.test(t) || CAPTION.test(t)) break;
    // Prose: one long segment reading as a sentence.
    if (l.segs.length === 1 && normalize(t).text.length >= 30 && /[，。；]/.test(t)) break;
  }
  return k;
}

interface Column {
  x0: number;
  x1: number;
  header: string[];
  parents: string[];
  kind: 'code' | 'label' | 'value' | 'empty';
}

const overlap = (a: { x0: number; x1: number }, b: { x0: number; x1: number }) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
/** Order in the flow: page, then top to bottom (PDF y grows upwards). */
const before = (a: Placed, b: Placed) => a.page - b.page || b.seg.y - a.seg.y;

/** One segment can hold two cells where the PDF wrote them as one text item with no cell rule between
 *  (“96,282,213.44 一、公共安全支出”: the left half's figure and the right half's label). A figure with
 *  decimals followed by text is such a pair — in a table a label precedes its figures, never follows
 *  one in the same cell. Positions are estimated from the text (Chinese full width, the rest half). */
export function splitFigureLabel(seg: Segment): Segment[] {
  const m = /^([-−]?\d[\d,]*\.\d{1,4})\s*((?:[一二三四五六七八九十]+、|\d+[.、．]\s*)?\p{Script=Han}.*)$/u.exec(seg.text);
  if (!m || !/^[-−]?\d{1,3}(,\d{3})*\.\d+$|^[-−]?\d+\.\d+$/.test(m[1]!)) return [seg];
  const chars = [...seg.text];
  const em = chars.map((c) => (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.5));
  const scale = (seg.x1 - seg.x0) / (em.reduce((a, b) => a + b, 0) || 1);
  const cut = [...m[1]!].length;
  const restAt = chars.length - [...m[2]!].length;
  const xAt = (k: number) => seg.x0 + em.slice(0, k).reduce((a, b) => a + b, 0) * scale;
  const figure: Segment = { ...seg, text: m[1]!, x1: xAt(cut) };
  const label: Segment = { ...seg, text: m[2]!, x0: xAt(restAt) };
  if (seg.start !== undefined && seg.end !== undefined) {
    figure.end = seg.start + m[1]!.length;
    label.start = seg.end - m[2]!.length;
  }
  return [figure, label];
}

/** A total's characters spread across its cell (合      计), each its own text item: one segment, so the
 *  first character does not open a column of its own. */
function spreadTotals(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (let k = 0; k < segs.length; k++) {
    const a = segs[k]!;
    const b = segs[k + 1];
    if (b && /^[合总小]$/.test(a.text.trim()) && b.text.trim() === '计' && b.x0 - a.x1 <= 4 * Math.max(a.size, b.size)) {
      out.push({ ...a, text: a.text.trim() + '计', x1: b.x1, ...(b.end !== undefined ? { end: b.end } : {}) });
      k++;
    } else out.push(a);
  }
  return out;
}

/** Whether every word of a line stands over a figure of the first line of figures below it: a header cell
 *  (合计 | 项目支出 over their columns, 上海 财务收支预算总表 2025: 基本支出 spans 人员经费 | 公用经费 on the line
 *  under), never a row's label, which stands in a label column. */
function overFigures(line: NumberedLine, values: NumberedLine | undefined): boolean {
  if (!values || values.page !== line.page) return false;
  const figures = values.segs.filter((s) => DECIMAL.test(s.text.replace(/\s/g, '')));
  return figures.length > 0 && line.segs.every((w) => figures.some((f) => Math.min(w.x1, f.x1) - Math.max(w.x0, f.x0) > 0));
}

function buildGrid(region: NumberedLine[], layout: Layout, id: string): { table: SourceTable; geometry: Geometry | null } | null {
  const placed: Placed[] = region.flatMap((line) => spreadTotals(line.segs.flatMap(splitFigureLabel)).map((seg) => ({ seg, line, page: line.page })));
  if (!placed.length) return null;
  const isAmount = (p: Placed) => AMOUNT.test(p.seg.text.replace(/\s/g, ''));

  // Header band: everything above the first line that carries data, plus header words that sit on
  // the data's first line (a tall 合计 row can share its y with 类/款/项).
  const textsOf = (l: NumberedLine) => l.segs.map((s) => s.text.replace(/\s/g, ''));
  const hasValues = (l: NumberedLine) => textsOf(l).some((t) => DECIMAL.test(t) || CODE.test(t));
  const firstData = region.findIndex((l, k) => {
    const texts = textsOf(l);
    if (layout === 'single') return texts.some((t) => AMOUNT.test(t) && t !== '-');
    if (hasValues(l)) return true;
    const words = texts.filter((t) => !AMOUNT.test(t));
    const rowStart = words.length >= 1 && words.length <= 2 && words.every((w) => ROW_START.test(w) || !HEADER_WORD.test(w)) && words.some((w) => ROW_START.test(w));
    // 本年收入 can be a header cell: not data while header words (科目名称, 类 款 项) still follow.
    const until = region.findIndex((m, j) => j > k && hasValues(m));
    const headerBelow = region.slice(k + 1, until < 0 ? undefined : until).some((m) => textsOf(m).some((t) => HEADER_WORD.test(t)));
    // (a figure wrapped in its cell prints its first piece above its row's line: 350,034.4 / 2 — the line of
    // the row's figures is the next one with figures)
    const lone = until >= 0 && textsOf(region[until]!).length === 1;
    const next = lone ? region.findIndex((m, j) => j > until && hasValues(m)) : -1;
    const res = rowStart && !headerBelow && !overFigures(l, until < 0 ? undefined : region[until]) && !(next >= 0 && overFigures(l, region[next]));
    return res;
  });
  const headerLines = new Set(firstData < 0 ? region.filter((l) => l.page === region[0]!.page) : region.slice(0, firstData));
  const firstPage = region[0]!.page;
  const header: Placed[] = [];
  const data: Placed[] = [];
  const headerTexts = new Set<string>();
  for (const p of placed) {
    const t = p.seg.text.replace(/\s/g, '');
    if (headerLines.has(p.line) || (p.page === firstPage && HEADER_WORD.test(t) && !header.length && false)) header.push(p);
    else data.push(p);
  }
  for (const h of header) headerTexts.add(h.seg.text.replace(/\s/g, ''));
  // Header words on the data's first lines (e.g. 类 款 项 beside the 合计 amounts) belong to the header.
  // Only up to the first line of amounts: lower down a lone 款 is the end of a wrapped row label.
  const valueYs = data.filter((p) => p.page === firstPage && (isAmount(p) || CODE.test(p.seg.text.trim()))).map((p) => p.seg.y);
  const firstValueY = valueYs.length ? Math.max(...valueYs) : -Infinity;
  const topData = data.filter((p) => p.page === firstPage && p.seg.y >= firstValueY - p.seg.size * 1.2);
  for (const p of [...topData]) {
    const t = p.seg.text.replace(/\s/g, '');
    if (/^(类|款|项)$/.test(t)) {
      header.push(p);
      data.splice(data.indexOf(p), 1);
    }
  }
  // A header repeated at the top of a continuation page is not data: a line every cell of which is a
  // header cell (总计 too, which could start a row), and header cells above the page's first figures.
  const repeated = new Set(region.filter((l) => l.page !== firstPage && l.segs.length >= 2 && textsOf(l).every((t) => headerTexts.has(t))));
  for (const p of [...data]) if (repeated.has(p.line)) data.splice(data.indexOf(p), 1);
  for (const p of [...data]) {
    if (p.page !== firstPage && !isAmount(p) && headerTexts.has(p.seg.text.replace(/\s/g, '')) && !ROW_START.test(p.seg.text)) {
      const pageData = data.filter((q) => q.page === p.page && (isAmount(q) || CODE.test(q.seg.text)));
      if (!pageData.length || pageData.every((q) => q.seg.y < p.seg.y)) data.splice(data.indexOf(p), 1);
    }
  }

  const columns = (layout === 'single' && singleColumns(header)) || makeColumns(header, data);
  if (!columns.length) return null;
  const colOf = (p: Placed) => {
    let best = -1;
    let bestOv = -Infinity;
    columns.forEach((c, k) => {
      const ov = overlap(c, p.seg);
      if (ov > bestOv) {
        bestOv = ov;
        best = k;
      }
    });
    return best;
  };
  const cellsByCol = new Map<number, Placed[]>();
  for (const p of data) {
    const k = colOf(p);
    cellsByCol.set(k, [...(cellsByCol.get(k) ?? []), p]);
  }
  columns.forEach((c, k) => {
    const items = cellsByCol.get(k) ?? [];
    const texts = items.map((p) => p.seg.text.replace(/\s/g, ''));
    if (!texts.length) c.kind = 'empty';
    else if (texts.every((t) => CODE.test(t) || TWO_DIGIT.test(t))) c.kind = 'code';
    // A unit's own code among the 科目 codes (105236 西南大学 above 205 教育支出) leaves the column a code one.
    else if (texts.every((t) => /^\d{2,9}$/.test(t)) && texts.filter((t) => !CODE.test(t) && !TWO_DIGIT.test(t)).length <= Math.max(1, texts.length / 10)) c.kind = 'code';
    else if (texts.filter((t) => AMOUNT.test(t)).length >= texts.length / 2) c.kind = 'value';
    else c.kind = 'label';
  });
  // Pieces of one label cell on one baseline (characters spread across the cell, 合    计) are one label.
  columns.forEach((c, k) => {
    if (c.kind !== 'label') return;
    const items = cellsByCol.get(k)!;
    const joined: Placed[] = [];
    for (const p of [...items].sort((a, b) => before(a, b) || a.seg.x0 - b.seg.x0)) {
      const prev = joined[joined.length - 1];
      if (prev && prev.line === p.line && !AMOUNT.test(p.seg.text.replace(/\s/g, '')) && !AMOUNT.test(prev.seg.text.replace(/\s/g, ''))) {
        joined[joined.length - 1] = { ...prev, seg: { ...prev.seg, text: prev.seg.text + p.seg.text, x1: Math.max(prev.seg.x1, p.seg.x1), end: p.seg.end ?? prev.seg.end } };
      } else joined.push(p);
    }
    cellsByCol.set(k, joined);
  });
  // Code columns that really hold amounts (a column of integers right of a label) are values.
  columns.forEach((c, k) => {
    if (c.kind === 'code' && columns.slice(0, k).some((p) => p.kind === 'label') && !columns.slice(k + 1).some((n) => n.kind === 'label')) c.kind = 'value';
  });

  // Groups: [codes…, label, values…] — two groups side by side is the two-halves layout.
  const groups: number[][] = [];
  columns.forEach((c, k) => {
    const cur = groups[groups.length - 1];
    const curHasLabel = cur?.some((j) => columns[j]!.kind === 'label');
    const curHasValue = cur?.some((j) => columns[j]!.kind === 'value');
    const startsNew = !cur || ((c.kind === 'label' || c.kind === 'code') && curHasLabel && curHasValue);
    if (startsNew) groups.push([k]);
    else cur!.push(k);
  });

  const rowsPerGroup = groups.map((g) => groupRows(g, columns, cellsByCol));
  const merged = mergeGroupRows(rowsPerGroup);

  const headerRow: Cell[] = columns.map((c, k) => {
    const text = [...c.parents, c.header.join('')].filter(Boolean).join('/');
    const src = header.find((h) => overlap(columns[k]!, h.seg) > 0) ?? header[0] ?? data[0]!;
    return { text: normalize(text).text, raw: text, loc: { page: src.page, line: src.line.line, table: id, row: 0, col: k } };
  });
  const rows: Cell[][] = [headerRow];
  for (const r of merged) {
    const rowIdx = rows.length;
    rows.push(
      columns.map((_, k) => {
        const items = (r.cells.get(k) ?? []).sort(before);
        const raw = items.map((p) => p.seg.text).join(columns[k]!.kind === 'label' ? '' : ' ');
        const at = items[0] ?? r.anchor;
        const loc: Cell['loc'] = { page: at.page, line: at.line.line, table: id, row: rowIdx, col: k };
        // Offsets into the raw line where the producer knows them and the cell is on one line.
        if (items.length && items.every((p) => p.line === at.line && p.seg.start !== undefined)) {
          loc.start = Math.min(...items.map((p) => p.seg.start!));
          loc.end = Math.max(...items.map((p) => p.seg.end!));
        }
        const cell: Cell = { text: normalize(raw).text, raw, loc };
        const ocr = items.find((p) => p.seg.ocr)?.seg.ocr;
        if (ocr) cell.ocr = ocr;
        return cell;
      }),
    );
  }
  joinWrappedFigures(rows);
  const first = region[0]!;
  const table: SourceTable = { id, rows, headerRows: 1, loc: { page: first.page, line: first.line, table: id } };
  const dataLine = region[firstData];
  const geometry = dataLine && dataLine.page === firstPage ? { page: firstPage, columns: columns.map((c) => ({ x0: c.x0, x1: c.x1, empty: c.kind === 'empty' })), dataY: dataLine.y, dropTop: layout === 'single' } : null;
  return { table, geometry };
}

/** A figure its cell wraps (576,171.1 / 1 under it, 杭州 2026 预算03: 576,171.11): a row with nothing but one or two
 *  digits, under a figure of the same column that lacks as many of the two decimals the table's other figures print,
 *  is the rest of that figure. Read alone, the figure would be wrong in its last digit. */
export function joinWrappedFigures(rows: Cell[][]): void {
  const twoDecimals = rows.slice(1).some((r) => r.some((c) => /^-?[\d,]*\d\.\d{2}$/u.test(c.text)));
  if (!twoDecimals) return;
  for (let i = rows.length - 1; i >= 2; i--) {
    const filled = rows[i]!.map((c, k) => (c.text ? k : -1)).filter((k) => k >= 0);
    if (filled.length !== 1) continue;
    const k = filled[0]!;
    const frag = rows[i]![k]!.text;
    const above = rows[i - 1]![k];
    if (!above || !/^\d{1,2}$/u.test(frag)) continue;
    const decimals = /\.(\d*)$/u.exec(above.text)?.[1];
    if (!/^-?[\d,]*\d\.\d*$/u.test(above.text) || decimals === undefined || decimals.length + frag.length !== 2) continue;
    rows[i - 1]![k] = { ...above, text: above.text + frag, raw: above.raw + frag };
    delete rows[i - 1]![k]!.loc.start;
    delete rows[i - 1]![k]!.loc.end;
    rows.splice(i, 1);
  }
  // (the same two pieces in one cell, where the figure's first piece stood above its row's line and was
  // grouped with it: 350,034.4 2, 杭州 2026 预算05's 项目支出 合计 — 350,034.42)
  for (const r of rows.slice(1))
    r.forEach((c, k) => {
      const m = /^(-?[\d,]*\d\.(\d*)) (\d{1,2})$/u.exec(c.text);
      if (!m || m[2]!.length + m[3]!.length !== 2) return;
      r[k] = { ...c, text: m[1]! + m[3]!, raw: c.raw.replace(/\s+/gu, '') };
      delete r[k]!.loc.start;
      delete r[k]!.loc.end;
    });
  rows.forEach((r, i) => r.forEach((c) => (c.loc.row = i)));
}

/** A single row of amounts under a multi-level header (三公): the bottom header line gives the columns
 *  (预算数 | 决算数 pairs), each pair named by the header cell nearest its centre. */
function singleColumns(header: Placed[]): Column[] | null {
  if (!header.length) return null;
  const bottomY = Math.min(...header.map((h) => h.seg.y));
  const leaves = header.filter((h) => Math.abs(h.seg.y - bottomY) <= h.seg.size * 0.35).sort((a, b) => a.seg.x0 - b.seg.x0);
  if (leaves.length < 4 || leaves.length % 2) return null;
  const upper = header.filter((h) => !leaves.includes(h));
  const centre = (a: { x0: number; x1: number }) => (a.x0 + a.x1) / 2;
  const cols: Column[] = [];
  for (let k = 0; k < leaves.length; k += 2) {
    const pair = { x0: leaves[k]!.seg.x0, x1: leaves[k + 1]!.seg.x1 };
    // Nearest by centre; on a tie the lower (more specific) cell.
    const name = [...upper].sort((a, b) => Math.abs(centre(a.seg) - centre(pair)) - Math.abs(centre(b.seg) - centre(pair)) || a.seg.y - b.seg.y)[0];
    for (const leaf of [leaves[k]!, leaves[k + 1]!]) {
      cols.push({ x0: leaf.seg.x0, x1: leaf.seg.x1, header: [leaf.seg.text.replace(/\s/g, '')], parents: name ? [name.seg.text.replace(/\s/g, '')] : [], kind: 'value' });
    }
  }
  // Widen to the midpoints so every amount falls in one column.
  cols.forEach((c, k) => {
    const prev = cols[k - 1];
    const next = cols[k + 1];
    if (prev) c.x0 = (prev.x1 + c.x0) / 2;
    if (next) c.x1 = (c.x1 + next.x0) / 2;
  });
  cols[0]!.x0 -= 1000;
  cols[cols.length - 1]!.x1 += 1000;
  return cols;
}

/** Column extents: clusters of data cells that overlap in x, plus header leaves with no data under them. */
function makeColumns(header: Placed[], data: Placed[]): Column[] {
  const cols: Column[] = [];
  for (const p of [...data].sort((a, b) => a.seg.x0 - b.seg.x0)) {
    const hit = cols.find((c) => overlap(c, p.seg) > 1);
    if (hit) {
      hit.x0 = Math.min(hit.x0, p.seg.x0);
      hit.x1 = Math.max(hit.x1, p.seg.x1);
    } else cols.push({ x0: p.seg.x0, x1: p.seg.x1, header: [], parents: [], kind: 'value' });
  }
  // Clusters that grew into each other merge.
  cols.sort((a, b) => a.x0 - b.x0);
  for (let k = 1; k < cols.length; k++) {
    const a = cols[k - 1]!;
    const b = cols[k]!;
    if (overlap(a, b) > 1) {
      a.x1 = Math.max(a.x1, b.x1);
      cols.splice(k--, 1);
    }
  }
  // Parents: a header cell spanning two or more separate cells below it (本年支出 over 小计/基本/项目).
  const hs = [...header].sort(before);
  const isParent = (h: Placed) => {
    const below = hs.filter((o) => o !== h && o.page === h.page && o.seg.y < h.seg.y - 1 && overlap(o.seg, h.seg) > 1);
    return below.some((a) => below.some((b) => a !== b && overlap(a.seg, b.seg) <= 0));
  };
  const parents = hs.filter(isParent);
  const leaves = hs.filter((h) => !parents.includes(h));
  const orphans: Placed[] = [];
  for (const h of leaves) {
    const over = cols.filter((c) => overlap(c, h.seg) > 1);
    if (over.length === 1) over[0]!.header.push(h.seg.text.replace(/\s/g, ''));
    else if (over.length >= 2) parents.push(h);
    else orphans.push(h);
  }
  // Header leaves with no data under them: blank columns.
  const blank: Column[] = [];
  for (const h of orphans) {
    // A header centred over a wider cell can miss its data by a little: take the nearest data column.
    const near = cols.find((c) => !c.header.length && overlap(c, h.seg) > -h.seg.size);
    if (near) {
      near.header.push(h.seg.text.replace(/\s/g, ''));
      continue;
    }
    const hit = blank.find((c) => overlap(c, h.seg) > 1);
    if (hit) {
      hit.x0 = Math.min(hit.x0, h.seg.x0);
      hit.x1 = Math.max(hit.x1, h.seg.x1);
      hit.header.push(h.seg.text.replace(/\s/g, ''));
    } else blank.push({ x0: h.seg.x0, x1: h.seg.x1, header: [h.seg.text.replace(/\s/g, '')], parents: [], kind: 'empty' });
  }
  const all = [...cols, ...blank].sort((a, b) => a.x0 - b.x0);
  for (const p of parents.sort(before)) {
    for (const c of all) if (overlap(c, p.seg) > 1) c.parents.push(p.seg.text.replace(/\s/g, ''));
  }
  return all;
}

interface Row {
  anchor: Placed;
  top: number;
  bottom: number;
  page: number;
  cells: Map<number, Placed[]>;
}

function groupRows(group: number[], columns: Column[], cellsByCol: Map<number, Placed[]>): Row[] {
  const codeCols = group.filter((k) => columns[k]!.kind === 'code');
  const labelCols = group.filter((k) => columns[k]!.kind === 'label');
  const valueCols = group.filter((k) => columns[k]!.kind === 'value' || columns[k]!.kind === 'empty');
  const rows: Row[] = [];
  const add = (p: Placed, k: number, row: Row) => {
    row.cells.set(k, [...(row.cells.get(k) ?? []), p]);
    row.top = Math.max(row.top, p.seg.y);
    row.bottom = Math.min(row.bottom, p.seg.y);
  };
  const newRow = (p: Placed, k: number): Row => {
    const row: Row = { anchor: p, top: p.seg.y, bottom: p.seg.y, page: p.page, cells: new Map() };
    add(p, k, row);
    rows.push(row);
    return row;
  };
  const near = (p: Placed, tol: number) => {
    let best: Row | null = null;
    let dist = Infinity;
    for (const r of rows) {
      if (r.page !== p.page) continue;
      const d = p.seg.y > r.top ? p.seg.y - r.top : p.seg.y < r.bottom ? r.bottom - p.seg.y : 0;
      const dAnchor = Math.abs(p.seg.y - r.anchor.seg.y);
      if (d <= tol && (d < dist || (d === dist && best && dAnchor < Math.abs(p.seg.y - best.anchor.seg.y)))) {
        best = r;
        dist = d;
      }
    }
    return best;
  };
  const items = (cols: number[]) => cols.flatMap((k) => (cellsByCol.get(k) ?? []).map((p) => ({ p, k }))).sort((a, b) => before(a.p, b.p));

  if (codeCols.length) {
    // Anchors: the 类 codes; 款/项 pieces join the 类 code on their baseline or, when the layout
    // centres them differently, the nearest one.
    for (const { p, k } of items(codeCols.slice(0, 1))) newRow(p, k);
    for (const { p, k } of items(codeCols.slice(1))) {
      const same = rows.find((r) => r.page === p.page && Math.abs(r.anchor.seg.y - p.seg.y) <= p.seg.size * 0.35);
      const r = same ?? near(p, p.seg.size * 0.8);
      if (r && !r.cells.has(k)) add(p, k, r);
      else newRow(p, k);
    }
    const codeRows = new Set(rows);
    const wrappedLabelRow = (p: Placed, k: number): Row | null => {
      const t = normalize(p.seg.text).text;
      if (ROW_START.test(t) || t.length > 8) return null;
      const above = rows.filter((r) => r.page === p.page && r.bottom > p.seg.y && r.bottom - p.seg.y <= p.seg.size * 1.6);
      const r = above.sort((a, b) => a.bottom - b.bottom)[0];
      const last = r?.cells.get(k)?.at(-1);
      return r && last && last.seg.x1 >= columns[k]!.x1 - p.seg.size * 1.5 ? r : null;
    };
    // A label that fills its column just above a code row is the first line of that row's label
    // (机关事业单位 / 基本养老保险 / 缴费支出, centred on the code).
    const labelHeadRow = (p: Placed, k: number): Row | null => {
      if (ROW_START.test(normalize(p.seg.text).text) || p.seg.x1 < columns[k]!.x1 - p.seg.size * 1.5) return null;
      const below = [...codeRows].filter((r) => r.page === p.page && r.anchor.seg.y < p.seg.y && p.seg.y - r.anchor.seg.y <= p.seg.size * 1.6);
      return below.sort((a, b) => b.anchor.seg.y - a.anchor.seg.y)[0] ?? null;
    };
    for (const { p, k } of items(labelCols)) {
      let best: Row | null = null;
      for (const r of codeRows) {
        // (within the smaller line's size: a 合计 printed larger than the rows is not the code row's below it)
        const tol = Math.min(p.seg.size, r.anchor.seg.size) * 0.8;
        if (r.page !== p.page || Math.abs(r.anchor.seg.y - p.seg.y) > tol) continue;
        if (!best || Math.abs(r.anchor.seg.y - p.seg.y) < Math.abs(best.anchor.seg.y - p.seg.y)) best = r;
      }
      // A second label cell on the code's own row is a wrap of the first; a far one is its own row (合计),
      // unless it is a short tail under a label that filled its column (…养老保险缴 / 费).
      if (best) add(p, k, best);
      else if ((best = wrappedLabelRow(p, k) ?? labelHeadRow(p, k))) add(p, k, best);
      else newRow(p, k);
    }
  } else {
    let last: Row | null = null;
    // A label with a figure on its own baseline, under a row whose figure stands on its first line, is a row
    // of its own, not the wrap of that row's label (物业管理服务 centred beside 部门集中采购 430.00 and
    // 分散自行组织 40.00: two rows).
    const figures = items(valueCols);
    const figureBeside = (q: Placed) => figures.some(({ p: v }) => v.page === q.page && Math.abs(v.seg.y - q.seg.y) <= q.seg.size * 0.35);
    for (const { p, k } of items(labelCols)) {
      const t = normalize(p.seg.text).text;
      const ownRow = last && last.cells.has(k) && figureBeside(p) && figureBeside(last.anchor);
      // A label whose last line stopped short of its first (车辆及其他运输机械租赁 / 服务) has ended: the next
      // line in its column is the next row's (会议服务), not more of it.
      const mine = last?.cells.get(k);
      const ended = !!mine && mine.length >= 2 && mine[mine.length - 1]!.seg.x1 < mine[0]!.seg.x1 - p.seg.size * 1.5;
      const wrap = last && !ownRow && !ended && last.page === p.page && !ROW_START.test(t) && t.length <= 8 && last.bottom - p.seg.y <= p.seg.size * 1.6;
      // A label of another label column on the row's own baseline is that row's (交通运行费 | 公务用车运行维护费).
      const beside = last && last.page === p.page && !last.cells.has(k) && Math.abs(last.anchor.seg.y - p.seg.y) <= p.seg.size * 0.35;
      if ((wrap || beside) && last) add(p, k, last);
      else last = newRow(p, k);
    }
  }
  for (const { p, k } of items(valueCols)) {
    const r = near(p, p.seg.size * 0.8);
    if (r) add(p, k, r);
    else newRow(p, k);
  }
  return adoptCentredLabels(
    rows.sort((a, b) => a.page - b.page || b.anchor.seg.y - a.anchor.seg.y),
    new Set(valueCols),
  );
}

/** A tall cell whose label wraps over several lines, with its figure centred on the cell (网络、电子检务、实 /
 *  验室、机要通道、档 / 112.00 / 案数字化系统运行 / 维护费): the figure lands on a row of its own, with no
 *  label, between rows of label lines with no figure. Column by column, the lines nearest above and below
 *  it are its cell's, as many above as below and as far above as below (the cell is centred on its
 *  figure); downwards the cell ends at a line that stops short of its first. */
function adoptCentredLabels(rows: Row[], valueCols: Set<number>): Row[] {
  const hasValue = (r: Row) => [...r.cells.keys()].some((k) => valueCols.has(k));
  const labelOnly = (r: Row) => !hasValue(r) && r.cells.size > 0;
  rows.forEach((v, i) => {
    if (!hasValue(v) || [...v.cells.keys()].some((k) => !valueCols.has(k))) return;
    const y = v.anchor.seg.y;
    const size = v.anchor.seg.size;
    const run = (step: 1 | -1) => {
      const out: Row[] = [];
      for (let j = i + step; j >= 0 && j < rows.length; j += step) {
        const r = rows[j]!;
        if (r.page !== v.page || !labelOnly(r)) break;
        out.push(r);
      }
      return out;
    };
    const up = run(-1);
    const down = run(1);
    const cols = new Set([...up, ...down].flatMap((r) => [...r.cells.keys()]));
    const taken: { r: Row; k: number }[] = [];
    for (const k of cols) {
      const one = (r: Row) => (r.cells.get(k)?.length === 1 ? r.cells.get(k)![0]! : null);
      const above: Row[] = [];
      for (const r of up) {
        if (!one(r)) break;
        above.push(r);
      }
      const under: Row[] = [];
      for (const r of down) {
        const p = one(r);
        if (!p) break;
        under.push(r);
        if (p.seg.x1 < one(under[0]!)!.seg.x1 - size * 1.5) break;
      }
      const n = Math.min(above.length, under.length);
      const centred = (j: number) => Math.abs(one(above[j]!)!.seg.y - y - (y - one(under[j]!)!.seg.y)) <= size * 0.5;
      for (let j = 0; j < n && centred(j); j++) taken.push({ r: above[j]!, k }, { r: under[j]!, k });
    }
    for (const { r, k } of taken) {
      v.cells.set(k, [...(v.cells.get(k) ?? []), ...r.cells.get(k)!]);
      r.cells.delete(k);
      v.top = Math.max(v.top, r.top);
      v.bottom = Math.min(v.bottom, r.bottom);
    }
  });
  return rows.filter((r) => r.cells.size > 0);
}

/** Side-by-side halves: pair rows that share a baseline; the rest stand alone. */
function mergeGroupRows(groups: Row[][]): Row[] {
  if (groups.length === 1) return groups[0]!;
  const all = groups.flat().sort((a, b) => a.page - b.page || b.anchor.seg.y - a.anchor.seg.y);
  const out: Row[] = [];
  const groupOf = new Map<Row, number>();
  groups.forEach((g, i) => g.forEach((r) => groupOf.set(r, i)));
  for (const r of all) {
    const mate = out.find(
      (o) =>
        o.page === r.page &&
        Math.abs(o.anchor.seg.y - r.anchor.seg.y) <= r.anchor.seg.size * 0.5 &&
        ![...o.cells.keys()].some((k) => r.cells.has(k)) &&
        !((o as Row & { groups?: Set<number> }).groups?.has(groupOf.get(r)!)),
    ) as (Row & { groups?: Set<number> }) | undefined;
    if (mate) {
      for (const [k, v] of r.cells) mate.cells.set(k, v);
      mate.groups!.add(groupOf.get(r)!);
    } else out.push(Object.assign({ ...r, cells: new Map(r.cells) }, { groups: new Set([groupOf.get(r)!]) }));
  }
  return out;
}
