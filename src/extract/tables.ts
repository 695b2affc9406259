// Standard tables (公开01–09表 and the 预算 set): classify source tables, read their values (issue 5).
// Works on any format's tables (PDF grids, DOCX tables, TAB tables in text files) and on standard-table
// titles printed without a grid (an empty table, often with its 本单位无… explanation).
import type { Block, Cell, DocKind, Fact, Flag, Line, Role, SegmentedDocument, SourceTable, TableRecord } from '../model.js';
import { cellSubject, codeKind, columnKey } from './ledger.js';
import { loadPattern } from '../patterns.js';
import { metricForLabel } from './metrics.js';
import { parseAmount, toYuan } from './tables/amount.js';
import { columnMetrics } from './tables/columns.js';
import { catalogue, foldText, indicatorKind, isEmptyNote, isTotalLabel, tableForTitle, type TableDef } from './tables/defs.js';

export interface TableExtraction {
  tables: TableRecord[];
  /** Facts read from table cells (from: 'table'), with canonical metrics where the row/column is one. */
  facts: Fact[];
  flags: Flag[];
}

const UNIT = /(?:金额)?单位\s*[:：]\s*(万元|千元|亿元|元)/;
const CODE = /^\d{3}(\d{2}){0,2}$/;
/** A 科目 code printed in its name's cell (2040401行政运行, 30217公务接待费): the code, then the name. Only
 *  a code of a known 科目 class (patterns/columns.yaml prefixes), so 100万元以上 is no code. */
const FUSED = /^(\d{3}(?:\d{2}){0,2})\s*(?=[\u4e00-\u9fff])/u;
const fusedCode = (text: string): { code: string; name: string } | null => {
  const m = FUSED.exec(text);
  return m && codeKind(m[1]!) ? { code: m[1]!, name: text.slice(m[0].length) } : null;
};

interface Context {
  doc: SegmentedDocument;
  facts: Fact[];
  flags: Flag[];
}

export function extractTables(doc: SegmentedDocument): TableExtraction {
  const ctx: Context = { doc, facts: [], flags: [] };
  const tables: TableRecord[] = [];
  const gridKinds = new Set<string>();
  const pending: { rec: TableRecord; at: number }[] = [];
  const { joined, continuations } = continuedTables(doc.blocks);
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'table') {
      if (continuations.has(i)) return;
      const rec = readTable(ctx, joined.get(i) ?? b.table, i);
      if (rec.kind !== 'other') gridKinds.add(rec.kind);
      tables.push(rec);
      return;
    }
    if (doc.tocBlocks.has(i) || !isTitleLine(b.line) || quotesTitle(b.line.raw)) return;
    const found = tableForTitle(b.line.text);
    if (!found || tableFollows(doc.blocks, i)) return;
    const def = ofDocKind(found, b.line.raw, doc.document.kind);
    pending.push({ rec: gridless(doc, def, b.line, i), at: i });
  });
  // A title without a grid counts only when the document gives that table nowhere else; of several such
  // titles of one kind (a 目录 line the segmenter did not take for one, then the table's own title), the
  // one with its explanation or its figures under it, else the last.
  const chosen = new Map<string, TableRecord>();
  for (const { rec } of pending) {
    const had = chosen.get(rec.kind);
    if (!had || !(had.note || had.empty !== true)) chosen.set(rec.kind, rec);
  }
  for (const rec of chosen.values()) if (!gridKinds.has(rec.kind) && !tables.some((t) => t.kind === rec.kind && !t.rows.length)) tables.push(rec);
  tables.sort((a, b) => (a.loc.page ?? 0) - (b.loc.page ?? 0) || (a.loc.paragraph ?? 0) - (b.loc.paragraph ?? 0) || a.loc.line - b.loc.line);
  return { tables, facts: ctx.facts, flags: ctx.flags };
}

const isTitleLine = (l: Line) => l.text.length <= 70;

/** A title that says the table goes on from the page before: 一般公共预算财政拨款支出决算表（续表）, 支出决算表（续）. */
const CONTINUED = /(?:[(（]续表?[)）]|续表)$/u;

/** Tables continued over a page: the next table of the same kind and as many columns, under a 续 title
 *  (its title + （续表）/（续）), or under the title printed again on the next page where only one of the
 *  two parts has the total row (合计 over the first part's rows, or at the foot of the second's). Their
 *  rows are the previous table's, after it, the header band printed again left out. */
function continuedTables(blocks: Block[]): { joined: Map<number, SourceTable>; continuations: Set<number> } {
  const joined = new Map<number, SourceTable>();
  const continuations = new Set<number>();
  let prev: { i: number; kind: string; width: number; total: boolean; lastPage: number | undefined } | null = null;
  const body = (t: SourceTable) => t.rows.slice(headerRows(t));
  const hasTotal = (t: SourceTable) => body(t).some((r) => r.some((c) => isTotalLabel(c.text)));
  blocks.forEach((b, i) => {
    if (b.kind !== 'table') return;
    const cap = caption(blocks, i);
    const width = Math.max(0, ...b.table.rows.map((r) => r.length));
    const total = hasTotal(b.table);
    // Where a part starts and ends: the next page's running head (公开表3, printed above the next title or at
    // the top right) may be read into this part as a last row — of one cell (left out of `rows`), or of words
    // beside other cells (so the end is the last row with a figure).
    const rows = body(b.table).filter((r) => r.filter((c) => c.text.trim()).length > 1);
    const firstPage = rows[0]?.find((c) => c.text)?.loc.page;
    const lastFigured = rows.findLast((r) => r.some((c) => parseAmount(c.text))) ?? rows[rows.length - 1];
    const lastPage = lastFigured?.find((c) => c.text)?.loc.page;
    const same = prev && cap.def && cap.def.kind === prev.kind && width === prev.width;
    const xu = !!cap.title && CONTINUED.test(foldText(cap.title));
    const nextPage = prev?.lastPage !== undefined && firstPage === prev.lastPage + 1 && total !== prev.total;
    if (prev && same && (xu || nextPage)) {
      const base = joined.get(prev.i) ?? (blocks[prev.i] as { kind: 'table'; table: SourceTable }).table;
      joined.set(prev.i, { ...base, rows: [...base.rows, ...b.table.rows.slice(headerRows(b.table))] });
      continuations.add(i);
      prev = { ...prev, total: prev.total || total, lastPage };
      return;
    }
    prev = cap.def ? { i, kind: cap.def.kind, width, total, lastPage } : null;
  });
  return { joined, continuations };
}

/** A line that quotes a table's name and goes on after the closing quote (…财政拨款基本支出预算表”中实际发生
 *  经济分类…, its opening quote on the line before) mentions the table in prose: it is not its title. */
const quotesTitle = (raw: string) => /表\s*[”」]\s*[\u4e00-\u9fff]{2}/u.test(raw);

/** Does a table block follow title i within its caption (unit line, a subtitle)? */
function tableFollows(blocks: Block[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table') return true;
    if (tableForTitle(b.line.text) || b.line.text.length > 40) return false;
  }
  return false;
}

function gridless(doc: SegmentedDocument, def: TableDef, line: Line, i: number): TableRecord {
  const next = doc.blocks[i + 1];
  const note = next?.kind === 'line' && isEmptyNote(next.line.text) ? next.line.raw.trim() : null;
  // Lines of figures under the title are a table we could not read, not an empty one.
  const empty = note || !figuresFollow(doc.blocks, i) ? true : null;
  return { id: `g${i}`, title: line.raw.trim(), kind: def.kind, unit: null, loc: { ...line.loc }, header: [], rows: [], empty, note };
}

/** Do lines with decimal figures (not sentences) follow title i, before the next table title? */
function figuresFollow(blocks: Block[], i: number): boolean {
  for (let k = i + 1; k <= i + 12 && k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.kind === 'table' || tableForTitle(b.line.text)) return false;
    if (/\d[\d,]*\.\d+/.test(b.line.text) && !/[。；]/.test(b.line.text)) return true;
  }
  return false;
}

/** Title and unit: the caption lines just before the table. */
function caption(blocks: Block[], i: number, docKind: DocKind | null = null): { title: string | null; def: TableDef | null; unit: string | null } {
  let title: string | null = null;
  let def: TableDef | null = null;
  let unit: string | null = null;
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const b = blocks[k]!;
    if (b.kind === 'table') break;
    unit ??= UNIT.exec(b.line.text)?.[1] ?? null;
    const d = tableForTitle(b.line.text);
    if (d) {
      title = b.line.raw.trim();
      def = ofDocKind(d, title, docKind);
      break;
    }
    // (the title of a table the catalogue does not know — 10.项目支出表 after 09.国有资本经营预算支出表 and its
    // 本单位无… note — is this grid's: the known title above it is the empty table's before it)
    if (unknownTitle(b.line.text)) {
      title = b.line.raw.trim();
      break;
    }
  }
  return { title, def, unit };
}

/** A line that is a table's title by its shape (a name ending with 表 after an optional number: 表10, 附表3,
 *  10., 十、) but names no table of the catalogue. Not a number label alone (公开05表, 部门预算01表), not a
 *  continuation (续表). */
function unknownTitle(text: string): boolean {
  const t = foldText(text)
    .replace(/^(?:附?表\d+(?:-\d+)?[:：、.．]?|\d+[、.．]|[一二三四五六七八九十]+、)/u, '')
    .replace(/^20\d\d年度?/u, '');
  return /^[\u4e00-\u9fff()、]{4,38}表$/u.test(t) && !/续/u.test(t) && !tableForTitle(text);
}

/** The table of a title in a report of the other kind, where the title does not say its own kind: a 预算 set
 *  prints 一般公共预算财政拨款支出表 (a 决算 title less 决算) for its 预算05, a 决算 may print 收支总表 for its
 *  公开01 (patterns/tables.yaml `counterpart`). A title that says its kind (决算 in a 预算 report: the year
 *  before's table beside the budget) keeps its table; a fund's name (一般公共预算) says no kind. */
function ofDocKind(def: TableDef, title: string, docKind: DocKind | null): TableDef {
  if (!docKind || def.doc === docKind || !def.counterpart) return def;
  if (withoutFundNames(foldText(title)).includes(def.doc)) return def;
  return catalogue().tables.find((t) => t.kind === def.counterpart) ?? def;
}

function note(blocks: Block[], i: number): string | null {
  for (let k = i + 1; k <= i + 2 && k < blocks.length; k++) {
    const b = blocks[k]!;
    // (the next table's title ends this one's notes: its 本单位无… explains the next table)
    if (b.kind !== 'line' || tableForTitle(b.line.text)) return null;
    if (isEmptyNote(b.line.text)) return b.line.raw.trim();
  }
  return null;
}

/** Header rows: as the format says, else the leading rows without any amount (DOCX/TAB tables). */
function headerRows(t: SourceTable): number {
  if (t.headerRows !== undefined) return t.headerRows;
  let n = 0;
  while (n < Math.min(4, t.rows.length - 1) && !t.rows[n]!.some((c) => parseAmount(c.text) && !CODE.test(c.text))) n++;
  return n;
}

const fundNamesOf = new WeakMap<object, string[]>();
/** A header part with every fund name (patterns/columns.yaml `funds`, longest first) taken out. */
function withoutFundNames(part: string): string {
  const c = loadPattern<{ funds: { names: string[] }[] }>('columns.yaml');
  let fundNames = fundNamesOf.get(c);
  if (!fundNames) fundNamesOf.set(c, (fundNames = c.funds.flatMap((f) => f.names.map(foldText)).sort((a, b) => b.length - a.length)));
  let s = part;
  for (const n of fundNames) s = s.split(n).join('');
  return s;
}

/** A header cell that only says which figure the columns under it hold (预算数 | 决算数 over the items). */
const ROLE_GROUP = /^(?:(?:年初|全年|调整)?预算数?|决算数?)$/;

const headerOf = (t: SourceTable): string[] => {
  const n = headerRows(t);
  const width = Math.max(0, ...t.rows.map((r) => r.length));
  // A header row of role words alone over rows of items (预算数 | | | 决算数 | | over 合计 | 因公出国 …, a
  // merged cell printed once with blanks after it): each role word covers the blank cells to its right.
  const band = t.rows.slice(0, n).map((r, i) => {
    const xs = Array.from({ length: width }, (_, c) => r[c]?.text ?? '');
    const filled = xs.filter((x) => x.trim());
    if (i === n - 1 || filled.length < 2 || !filled.every((x) => ROLE_GROUP.test(foldText(x)))) return xs;
    let last = '';
    return xs.map((x) => (x.trim() ? (last = x) : last));
  });
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (const r of band) {
      const x = r[c] ?? '';
      if (x && parts[parts.length - 1] !== x) parts.push(x);
    }
    return parts.join('/');
  });
};

function readTable(ctx: Context, t: SourceTable, i: number): TableRecord {
  const { blocks } = ctx.doc;
  const cap = caption(blocks, i, ctx.doc.document.kind);
  const header = headerOf(t);
  const body = t.rows.slice(headerRows(t));
  const rows = body.map((r) => r.map((c) => c.text));
  // Indicator tables often carry their title in the first cell (Word tables).
  const firstCells = t.rows.slice(0, 2).flatMap((r) => r.map((c) => c.text)).join('|');
  const ind = indicatorKind(`${cap.title ?? ''}|${firstCells}`, [...header, ...t.rows.slice(0, 8).flatMap((r) => r.map((c) => c.text))]);
  const kind = ind ?? cap.def?.kind ?? 'other';
  // A figure among the header cells (合计 | 0 read into the header band of a table with no other row; a
  // 0 or a figure with decimals, never a 栏次 number) is a figure the table prints: it is not empty.
  const headerFigure = header.some((h) => h.split('/').some((x) => /^(?:0|[\d,]+\.\d+)$/.test(x)));
  // (A cell holding several figures — narrow columns the reader could not split: 5.48 0.00 4.62 — holds
  // figures too: the table is unread, not empty.)
  const hasAmount = headerFigure || body.some((r) => r.some((c) => (parseAmount(c.text) !== null && !CODE.test(c.text)) || /^(?:-?[\d,]*\d\.\d+\s+)+-?[\d,]*\d\.\d+$/.test(c.text.trim())));
  const rec: TableRecord = {
    id: t.id,
    title: cap.title ?? '',
    kind,
    unit: cap.unit,
    loc: { ...t.loc },
    header,
    rows,
    empty: !hasAmount,
    note: note(blocks, i),
  };
  // (a figure whose column the reader could not tell: in the row, under no column — src/table-cells.ts)
  const unplaced = body.flatMap((r, row) => r.flatMap((c, col) => (c.uncertain === 'column' ? [[row, col] as [number, number]] : [])));
  if (unplaced.length) rec.unplaced = unplaced;
  if (!ind && cap.def) tableFacts(ctx, t, i, cap.def, cap.unit, header, rec);
  return rec;
}

// ---------------------------------------------------------------- facts

interface ColumnInfo {
  value: boolean;
  /** A 行次/栏次 column: row numbers, neither amounts nor labels. */
  serial?: boolean;
  metric: string | null;
  role: Role;
  /** A rate column (增减率（%）, 增长%, 占比): its cells are percentages printed without their %, no amounts. */
  rate?: boolean;
}

function columnInfo(def: TableDef, header: string[], body: Cell[][], docRole: Role): ColumnInfo[] {
  // Only the catalogue's column meanings: the same header (项目支出) means different totals in different tables.
  const metrics = columnMetrics(def, header);
  return header.map((h, c) => {
    const cells = body.map((r) => r[c]?.text ?? '').filter(Boolean);
    const parts = h.split('/').map(foldText);
    const leaf = parts[parts.length - 1] ?? '';
    // A 科目编码 column (类 | 款 | 项 pieces: 01, 99) holds codes, not amounts.
    const codeColumn = /编码|代码/.test(h) || /^(?:类|款|项)$/.test(leaf);
    // (A one-row table of items — 三公 — has no 科目 codes: its 237 is an amount.)
    const serial = !codeColumn && serialColumn(h, body, c);
    const value = codeColumn || serial ? false : cells.length === 0 ? !/科目|项目|名称|编码|^类|^款|^项/.test(h) : cells.filter((x) => parseAmount(x) && (def.layout === 'single' || !CODE.test(x))).length >= cells.length / 2;
    // (else the nearest role word above it: 预算数/合计, 决算数/公务接待费)
    const above = parts.slice(0, -1).reverse().find((x) => ROLE_GROUP.test(x));
    // A fund's name is a fund, not a role (一般公共预算财政拨款 / 政府性基金预算 hold 预算 as part of the fund's
    // name): the role is read from what is left of the leaf once the fund names are taken out.
    const roleLeaf = withoutFundNames(leaf);
    const role: Role = /预算数|年初预算|预算/.test(roleLeaf) ? 'budget' : /决算数|实际/.test(roleLeaf) ? 'actual' : above ? (/预算/.test(above) ? 'budget' : 'actual') : docRole;
    // (the header holds the % its cells leave out: 增减率（%）over 4.17)
    const rate = /率|[%％]|占比|比重/.test(leaf);
    return { value, serial, metric: metrics[c] ?? null, role, ...(rate ? { rate } : {}) };
  });
}

/** A 行次 column (湖北's 公开01: 项目 | 行次 | 金额, a 栏次 row under the header): headed 行次/栏次, or its
 *  cells small whole numbers rising down the rows beside a column of amounts with decimals. Never amounts. */
function serialColumn(header: string, body: Cell[][], c: number): boolean {
  if (/行次|栏次/.test(header)) return true;
  // (the 栏次 row, which numbers the columns, aside)
  const nums = body.filter((r) => !r.some((x) => x.text === '栏次')).map((r) => r[c]?.text ?? '').filter(Boolean);
  if (nums.length < 3 || !nums.every((x) => /^\d{1,3}$/.test(x))) return false;
  if (!nums.every((x, i) => i === 0 || Number(x) > Number(nums[i - 1]))) return false;
  // an amount column with decimals beside it (to its right, before the next label)
  const next = body.map((r) => r[c + 1]?.text ?? '').filter(Boolean);
  return next.length >= 3 && next.filter((x) => /^-?[\d,]+\.\d{1,2}$/.test(x)).length >= next.length / 2;
}

function tableFacts(ctx: Context, t: SourceTable, i: number, def: TableDef, unit: string | null, header: string[], rec: TableRecord) {
  const body = t.rows.slice(headerRows(t));
  const docRole: Role = def.role === 'budget' ? 'budget' : 'actual';
  const cols = columnInfo(def, header, body, docRole);
  // A 合计 beside funds carried in from before the year (上年结转, 使用非财政拨款结余) is not the year's total.
  const carry = new Set(catalogue().carryColumns ?? []);
  if (def.layout === 'columns' && header.some((h, k) => cols[k]!.value && carry.has(columnKey(h) ?? ''))) {
    header.forEach((h, k) => {
      if (columnKey(h) === 'total') cols[k]!.metric = null;
    });
  }
  const section = ctx.doc.sectionOf[i] ?? null;
  const rowMetrics: Record<string, string> = Object.fromEntries(Object.entries(def.rows ?? {}).map(([k, v]) => [foldText(k), v]));
  const labelCols = labelColumns(body, cols);
  const precise = precision(body, cols);
  const afterTotal = new Set<number>(); // halves (by label column) past their total row
  // The last 科目 code read, by the column of its 类 piece (a 款/项 printed alone is that code's child).
  const lastCode = new Map<number, string>();
  body.forEach((row, r) => {
    const excerpt = row.map((c) => c.raw.replace(/\s+/g, ' ').trim()).filter(Boolean).join(' ');
    const hasCode = row.some((c, k) => !cols[k]!.value && (CODE.test(c.text) || fusedCode(c.text)));
    const rowFacts: Fact[] = [];
    let label = '';
    let labelCol = -1;
    // 科目 code pieces (类 | 款 | 项, or one code) of the current half: reset where labels follow values.
    let pieces: string[] = [];
    let firstPieceCol = -1;
    let afterValue = false;
    row.forEach((cell, k) => {
      const info = cols[k]!;
      if (!info.value) {
        if (afterValue) {
          pieces = [];
          label = '';
          afterValue = false;
        }
        if (/^\d{2,7}$/.test(cell.text)) {
          // A 款 or 项 printed alone under its own 款/项 column (201 | | then | 03 | then | | 01): the code is
          // the one of the rows above it, to that level, with this piece (20103, 2010301).
          const level = /^\d{2}$/.test(cell.text) && !pieces.length ? foldText(header[k] ?? '').split('/').pop() : undefined;
          const above = level === '款' ? lastCode.get(k - 1) : level === '项' ? lastCode.get(k - 2) : undefined;
          const parent = above && (level === '款' ? above.slice(0, 3) : above.length >= 5 ? above.slice(0, 5) : null);
          const rebuilt = parent && (level === '款' || above!.length >= 5);
          if (!pieces.length) firstPieceCol = rebuilt ? (level === '款' ? k - 1 : k - 2) : k;
          pieces.push(rebuilt ? parent + cell.text : cell.text);
          const joined = pieces.join('');
          if (CODE.test(joined)) lastCode.set(firstPieceCol, joined);
        }
        // The 款 (项) piece printed in the name's cell after its 类 (款) in the code cell (301 | 01基本工资,
        // 301 | 99其他工资福利支出): the row's code is the pieces joined.
        const piece = pieces.length && /^(?:\d{3}|\d{5})$/.test(pieces.join('')) ? /^(\d{2})\s*(?=[\u4e00-\u9fff])/u.exec(cell.text) : null;
        if (piece && codeKind(pieces.join('') + piece[1]!)) {
          pieces.push(piece[1]!);
          label = cell.text.slice(piece[0].length);
          labelCol = k;
          return;
        }
        const fused = pieces.length ? null : fusedCode(cell.text);
        if (fused) {
          pieces.push(fused.code);
          label = fused.name;
          labelCol = k;
          return;
        }
        if (cell.text && !info.serial && !CODE.test(cell.text) && !/^\d{2}$/.test(cell.text)) {
          label = cell.text;
          labelCol = k;
        }
        return;
      }
      afterValue = true;
      if (cell.uncertain) return; // an uncertain OCR reading or column (issue 12): no figure from it
      if (info.rate) return; // a rate, not an amount: no 万元 figure, no sum of it
      const amt = parseAmount(cell.text);
      if (!amt || !precise(amt.text, k)) return;
      let metric: string | null = null;
      const firstValueOfHalf = k > 0 && !cols[k - 1]!.value;
      if (def.layout === 'halves') {
        // The label must be this half's: no other half's label column lies between it and the value
        // (a PDF grid that shifted the right half's figures under the left half's rows).
        const ownLabel = labelCol >= 0 && !labelCols.some((c) => c > labelCol && c < k);
        if (firstValueOfHalf && !hasCode && label && ownLabel) {
          const f = foldText(label).replace(/^(?:\d+|[一二三四五六七八九十]+)[.、．]/, '').replace(/^其中[:：]/, '');
          // Rows below the half's total row are carry-overs (年初结转和结余 → 一般公共预算财政拨款 21.63).
          metric = afterTotal.has(labelCol) ? null : (rowMetrics[f] ?? (def.rowsOnly ? null : metricForLabel(label.replace(/^\s*其中\s*[:：]\s*/, ''))));
        }
      } else if (def.layout === 'single') metric = info.metric;
      else if (isTotalLabel(label) && !hasCode) metric = info.metric;
      const colName = header[k] ?? '';
      const fact: Fact = {
        id: '',
        label: def.layout === 'single' ? colName : def.layout === 'halves' ? label || colName : [label, colName].filter(Boolean).join(' '),
        metric,
        kind: 'amount',
        value: amt.value,
        text: amt.text,
        unit: unit ?? '',
        ...(toYuan(amt.text, unit) !== undefined ? { yuan: toYuan(amt.text, unit)! } : {}),
        year: ctx.doc.document.year,
        role: info.role,
        loc: { ...cell.loc },
        excerpt,
        section,
        from: 'table',
        about: cellSubject(def.kind, rec.id, r, k, colName, codeOf(pieces), label, rec.title || def.name),
      };
      const ownKey = ownColumnKey(def, header, k);
      if (ownKey) fact.about!.column = ownKey;
      rowFacts.push(fact);
    });
    if (def.check) checkParts(def.check, row, cols, rowFacts);
    // Object.assign, not `{ ...f, id }`: one hidden class for all facts, not one each (V8 on Node 20; src/extract/facts.ts).
    for (const f of rowFacts) ctx.facts.push(Object.assign({}, f, { id: `tf${ctx.facts.length + 1}` }));
    if (def.layout === 'halves') {
      // Rows below a half's total (年初结转 … sub-rows) are not the year's income/expenditure.
      row.forEach((cell, k) => {
        if (!cols[k]!.value && isTotalLabel(cell.text)) afterTotal.add(k);
        if (!cols[k]!.value && /^本年(收入|支出)合计$/.test(foldText(cell.text))) afterTotal.add(k);
      });
    }
  });
}

/** A table's own key for column `k` (TableDef.columnKeys): only where every value column left of it is a
 *  total (合计 | 小计 | 因公出国 …: a subtotal of the items to its right), not where items stand before it
 *  (合计 | 因公出国 | 小计 | 购置费: the 小计 of a group whose header was lost). */
function ownColumnKey(def: TableDef, header: string[], k: number): string | undefined {
  const own = def.columnKeys?.[foldText(header[k] ?? '')];
  if (!own) return undefined;
  for (let c = 0; c < k; c++) {
    const key = columnKey(header[c] ?? '');
    if (key !== undefined && key !== 'total') return undefined;
  }
  return own;
}

/** The 科目 code of a row's code pieces (204 | 06 | 01 → 2040601), or null where they are not one. */
function codeOf(pieces: string[]): string | null {
  if (!pieces.length) return null;
  const code = pieces.join('');
  return CODE.test(code) && pieces[0]!.length >= 3 ? code : null;
}

/** Columns that hold row labels (text with Chinese characters) in some data row: from the first row
 *  with an amount on (a header band left in the body, 本年收入 | 本年支出, does not count). */
function labelColumns(body: Cell[][], cols: ColumnInfo[]): number[] {
  const first = body.findIndex((r) => r.some((c, k) => cols[k]?.value && parseAmount(c.text)));
  const data = first < 0 ? [] : body.slice(first);
  return cols.map((c, k) => (!c.value && data.some((r) => /[\u4e00-\u9fff]/.test(r[k]?.text ?? '')) ? k : -1)).filter((k) => k >= 0);
}

/** A cell with more decimals than the table prints, or a leading zero ("10.810", "06.4"), is two
 *  cells run together by the PDF grid: not a value. A column that prints its amounts with decimals prints
 *  a bare integer only as a 科目 code (piece) that a grid or a page-text row put there (30203 beside
 *  30103 奖金 in a two-halves 公开06 row; 7 11 02 事业单位医疗): not a value either. */
function precision(body: Cell[][], cols: ColumnInfo[]): (text: string, col: number) => boolean {
  const decimals = (x: string) => x.split('.')[1]?.length ?? 0;
  const amountsOf = (k: number) => body.map((r) => (cols[k]?.value ? parseAmount(r[k]?.text ?? '')?.text : undefined)).filter((x): x is string => !!x);
  const all = cols.flatMap((_, k) => amountsOf(k));
  const fine = all.filter((x) => decimals(x) > 0 && decimals(x) <= 2).length;
  const finer = all.filter((x) => decimals(x) > 2).length;
  const decimalCols = cols.map((_, k) => {
    const xs = amountsOf(k);
    return xs.filter((x) => decimals(x) > 0).length > xs.filter((x) => decimals(x) === 0).length;
  });
  return (x, col) => !/^-?0\d/.test(x) && !(decimalCols[col] && /^[1-9]\d{0,6}$/.test(x)) && (decimals(x) <= 2 || finer > fine);
}

/** A total and its parts in one row (三公 合计 = 因公出国 + 公务用车 + 公务接待), per role: the row's metrics
 *  stand only where the parts add up to the total; a blank part cell counts 0. Where the total column
 *  holds more (合计 with 会议费 and 培训费), a 小计 column that equals the parts' sum is the total. Where
 *  the parts cannot be checked (a column missing, a merged cell), the row gives none of these metrics. */
function checkParts(check: NonNullable<TableDef['check']>, row: Cell[], cols: ColumnInfo[], facts: Fact[]) {
  const names = [check.total, ...check.parts];
  for (const role of new Set(cols.map((c) => c.role))) {
    const here = facts.filter((f) => f.role === role);
    const byMetric = (m: string) => here.filter((f) => f.metric === m);
    const cents = (f: Fact) => Math.round(f.value * 100);
    const partCols = check.parts.map((m) => cols.map((c, k) => (c.metric === m && c.role === role ? k : -1)).filter((k) => k >= 0));
    const totals = byMetric(check.total);
    const parts = check.parts.map(byMetric);
    // Each part: one figure, or none where its (single) column's cell is blank.
    const ok = partCols.every((ks, j) => ks.length === 1 && parts[j]!.length <= 1 && (parts[j]!.length === 1 || !row[ks[0]!]?.text));
    const sum = ok ? parts.reduce((s, p) => s + (p[0] ? cents(p[0]) : 0), 0) : NaN;
    const tol = check.parts.length;
    let total = totals.length === 1 && Math.abs(cents(totals[0]!) - sum) <= tol ? totals[0]! : null;
    if (!total && ok) {
      const sub = here.find((f) => !f.metric && foldText(f.label.split('/').pop() ?? '') === check.subtotal && Math.abs(cents(f) - sum) <= tol);
      if (sub) {
        for (const f of totals) f.metric = null;
        sub.metric = check.total;
        total = sub;
      }
    }
    if (!total) for (const f of here) if (f.metric && names.includes(f.metric)) f.metric = null;
  }
}
