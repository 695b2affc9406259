// Spreadsheets (.xlsx and BIFF8 .xls) through SheetJS (the maintained 0.20 build, @e965/xlsx: the
// registry's `xlsx` 0.18.5 has published advisories for crafted files). Each visible sheet is read as a
// government export lays it out: title rows above the grid (the table's title, 编制单位/单位：元) become
// lines, the grid becomes one SourceTable with merges filled out, notes below it become lines again.
// Cells give the text as the cell shows it (the number format decides the printed precision; a
// formula cell shows its cached value). `loc` is the sheet and the A1 address; `line` is the row.
import * as XLSX from '@e965/xlsx';
import { JuesuanError } from '../../errors.js';
import type { Block, Cell, Loc, SourceTable } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { Backend } from '../types.js';
import { checkZipSizes } from './zip.js';

/** Past these a workbook is not a disclosure but a data dump or a crafted file. */
export const SHEET_LIMITS = { bytes: 64 << 20, unzipped: 256 << 20, rows: 20_000, cols: 256, cells: 1_000_000 };

const CORRUPT = 'the spreadsheet is damaged or truncated and cannot be opened';

export const ingestSheet: Backend = async (bytes) => {
  if (bytes.length > SHEET_LIMITS.bytes) throw new JuesuanError('CORRUPT_SPREADSHEET', `the spreadsheet is larger than ${SHEET_LIMITS.bytes >> 20} MB`);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) checkZipSizes(bytes, SHEET_LIMITS.unzipped);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
      sheetRows: SHEET_LIMITS.rows + 1,
      WTF: false,
    });
  } catch {
    throw new JuesuanError('CORRUPT_SPREADSHEET', CORRUPT);
  }
  if (!wb?.SheetNames?.length) throw new JuesuanError('CORRUPT_SPREADSHEET', CORRUPT);
  const blocks: Block[] = [];
  let tables = 0;
  const budget = { cells: 0 };
  wb.SheetNames.forEach((name, i) => {
    if (wb.Workbook?.Sheets?.[i]?.Hidden) return;
    const ws = wb.Sheets[name];
    if (!ws) return;
    const grid = readGrid(ws, name, budget);
    blocks.push(...sheetBlocks(grid, name, () => `t${++tables}`));
  });
  if (!blocks.length) throw new JuesuanError('NO_TEXT', 'the spreadsheet holds no text');
  return { pages: 0, ocrPages: [], blocks, flags: [] };
};

interface GCell {
  raw: string;
  /** Top-left of the merged area this cell belongs to (itself when not merged). */
  r0: number;
  c0: number;
  /** Width of the merged area. */
  span: number;
}

interface Grid {
  rows: (GCell | null)[][];
  width: number;
}

const addr = (r: number, c: number) => XLSX.utils.encode_cell({ r, c });

/** The cell as Excel shows it: the formatted text (`w`), else the value. */
function shown(c: XLSX.CellObject | undefined): string {
  if (!c || c.t === 'z') return '';
  if (typeof c.w === 'string') return c.w;
  if (c.v === undefined || c.v === null) return '';
  if (c.t === 'n' && typeof c.v === 'number') {
    try {
      return XLSX.SSF.format(typeof c.z === 'string' ? c.z : 'General', c.v);
    } catch {
      return String(c.v);
    }
  }
  return String(c.v);
}

/** The sheet's used area (from the cells that hold text, not its declared dimension) with merges
 *  filled out. */
function readGrid(ws: XLSX.WorkSheet, name: string, budget: { cells: number }): Grid {
  const data = ((ws as XLSX.DenseWorkSheet)['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  let height = 0;
  let width = 0;
  const text: string[][] = [];
  const rowCount = Math.min(data.length, SHEET_LIMITS.rows + 1);
  for (let r = 0; r < rowCount; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const s = shown(row[c]);
      if (s.trim() === '') continue;
      if (c >= SHEET_LIMITS.cols) throw new JuesuanError('CORRUPT_SPREADSHEET', `sheet “${name}” uses more than ${SHEET_LIMITS.cols} columns: not a disclosure`);
      (text[r] ??= [])[c] = s;
      height = Math.max(height, r + 1);
      width = Math.max(width, c + 1);
    }
  }
  if (height > SHEET_LIMITS.rows) throw new JuesuanError('CORRUPT_SPREADSHEET', `sheet “${name}” has more than ${SHEET_LIMITS.rows} rows: not a disclosure`);
  budget.cells += height * width;
  if (budget.cells > SHEET_LIMITS.cells) throw new JuesuanError('CORRUPT_SPREADSHEET', `the workbook holds more than ${SHEET_LIMITS.cells} cells: not a disclosure`);
  const rows: (GCell | null)[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, c) => {
      const raw = text[r]?.[c];
      return raw === undefined ? null : { raw, r0: r, c0: c, span: 1 };
    }),
  );
  for (const m of ws['!merges'] ?? []) {
    const { s, e } = m;
    if (s.r >= height || s.c >= width) continue;
    const top = rows[s.r]![s.c];
    if (!top) continue;
    top.span = Math.min(e.c, width - 1) - s.c + 1;
    for (let r = s.r; r <= Math.min(e.r, height - 1); r++) {
      for (let c = s.c; c <= Math.min(e.c, width - 1); c++) {
        if (r !== s.r || c !== s.c) rows[r]![c] = { raw: top.raw, r0: s.r, c0: s.c, span: top.span };
      }
    }
  }
  return { rows, width };
}

/** The distinct cells of a row (a merged area counts once) that hold text. */
function distinct(row: (GCell | null)[]): GCell[] {
  const seen = new Set<string>();
  const out: GCell[] = [];
  for (const c of row) {
    if (!c) continue;
    const k = `${c.r0}:${c.c0}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  }
  return out;
}

/** A row above the grid: one piece of text (a title), or two pieces (编制单位：…  单位：元)
 *  that either leave blank columns between them or do not line up with the row below, where the rows
 *  of a header nest: an upper header cell starts where a lower one does. */
function isLeadRow(row: (GCell | null)[], width: number, below: (GCell | null)[] | undefined): boolean {
  const cells = distinct(row);
  if (cells.length <= 1) return true;
  if (cells.length > 2) return false;
  if (row.filter(Boolean).length < width) return true;
  if (!below) return false;
  const starts = new Set(distinct(below).map((c) => c.c0));
  return cells.some((c) => !starts.has(c.c0));
}

/** A row below the grid: one piece of text spread over the whole width, or a long sentence
 *  (注：…, 本单位无…). A body row with only its label (合计 over the code columns) stays in the table. */
function isTailRow(row: (GCell | null)[], width: number): boolean {
  const cells = distinct(row);
  if (cells.length === 0) return true;
  if (cells.length > 1) return false;
  const c = cells[0]!;
  return (c.span >= width && width > 1) || c.raw.trim().length > 30;
}

function lineBlocks(raw: string, loc: Loc): Block[] {
  return raw
    .split(/\r\n|\r|\n/)
    .filter((s) => s.trim() !== '')
    .map((s) => ({ kind: 'line', line: makeLine(s, { ...loc }) }));
}

function rowLines(row: (GCell | null)[], r: number, name: string): Block[] {
  return distinct(row).flatMap((c) => lineBlocks(c.raw, { sheet: name, cell: addr(c.r0, c.c0), line: c.r0 + 1 }));
}

function sheetBlocks(grid: Grid, name: string, nextId: () => string): Block[] {
  const { rows, width } = grid;
  const nonEmpty = rows.map((row, r) => (row.some(Boolean) ? r : -1)).filter((r) => r >= 0);
  const gridRows = nonEmpty.filter((r) => distinct(rows[r]!).length >= 2);
  // Fewer than two rows of two cells: a sheet of prose (说明, 封面, 目录), read as lines.
  if (gridRows.length < 2) return nonEmpty.flatMap((r) => rowLines(rows[r]!, r, name));
  let start = nonEmpty[0]!;
  const below = (r: number) => rows.slice(r + 1).find((row) => row.some(Boolean));
  while (start < rows.length && (!rows[start]!.some(Boolean) || isLeadRow(rows[start]!, width, below(start)))) start++;
  let end = rows.length;
  while (end > start + 1 && isTailRow(rows[end - 1]!, width)) end--;
  const blocks: Block[] = [];
  for (let r = 0; r < start; r++) blocks.push(...rowLines(rows[r]!, r, name));
  // No title row: the sheet's name stands for the title.
  if (!blocks.length && name.trim()) blocks.push({ kind: 'line', line: makeLine(name.trim(), { sheet: name, line: start + 1 }) });
  const id = nextId();
  const tableRows: Cell[][] = [];
  for (let r = start; r < end; r++) {
    const row = rows[r]!;
    if (!row.some(Boolean)) continue; // an empty spacer row is no row of the table
    const tr = tableRows.length;
    tableRows.push(
      row.map((g, c) => {
        const loc: Loc = { sheet: name, cell: addr(r, c), line: r + 1, table: id, row: tr, col: c };
        if (!g) return { text: '', raw: '', loc };
        const raw = g.raw.trim();
        const cell: Cell = { text: makeLine(raw, loc).text, raw, loc };
        if (g.r0 !== r || g.c0 !== c) cell.spanned = true;
        return cell;
      }),
    );
  }
  const table: SourceTable = { id, rows: tableRows, loc: { sheet: name, cell: addr(start, 0), line: start + 1, table: id } };
  blocks.push({ kind: 'table', table });
  for (let r = end; r < rows.length; r++) blocks.push(...rowLines(rows[r]!, r, name));
  return blocks;
}
