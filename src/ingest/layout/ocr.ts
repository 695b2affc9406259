// Standard tables on scanned pages. The OCR lines (src/ingest/ocr/lines.ts) keep the boxes' geometry
// as spacing: two spaces where boxes stand a cell apart, so a table row reads like a pdftotext -layout
// line and goes through the same row reader. What the OCR doubted stays doubted: a cell over a span
// the engines marked uncertain is uncertain (no figure is taken from it); a number whose thousands
// commas were read as points (477.447.73) is repaired only where its shape leaves one reading, and
// the cell says so.
import type { Cell, Line, SourceTable } from '../../model.js';
import { normalize } from '../normalize.js';
import { layoutOf } from '../ocr/lines.js';
import type { PrintedTables } from './index.js';
import { readPrintedTables } from './rows.js';

/** 477.447.73 → 477,447.73: every point but the last before a group of three digits, the last before
 *  two decimals. Any other shape (47.74.73, 4774.47.73) has more than one reading. */
export function repairPoints(text: string): string | null {
  if (!/^\d{1,3}(\.\d{3})+\.\d{2}$/.test(text)) return null;
  const parts = text.split('.');
  const dec = parts.pop()!;
  return `${parts.join(',')}.${dec}`;
}

/** A point read as a colon or semicolon between digits. */
const MISREAD_POINT = /(?<=\d)[:：;；](?=\d)/g;

/** A line's mean confidence above which a repaired number's single reading is trusted. */
const HIGH = 0.9;

export function ocrPageTables(lines: Line[]): PrintedTables<Line> {
  // Read as pdftotext -layout prints the page (each cell at its place's column, src/ingest/ocr/lines.ts);
  // the cells' offsets are then taken back to the line's own text.
  // A figure whose point the OCR read as a colon (213:28) is read as a figure, so that it does not stand
  // as a row label before its row's other figures (which the reader would then drop as garbled); its cell
  // keeps the text as read and is doubted (markDoubts). The swap keeps every offset.
  const src = lines.map((line) => ({ raw: (layoutOf.get(line)?.text ?? line.raw).replace(MISREAD_POINT, '.'), page: line.loc.page ?? 0, line: line.loc.line, of: line }));
  const out: PrintedTables<Line> = { startingAt: new Map(), consumed: new Set() };
  const byKey = new Map(src.map((s) => [`${s.page}:${s.line}`, s.of]));
  for (const { table, lines: taken } of readPrintedTables(src, true)) {
    if (!taken.length) continue;
    offsetsBack(table, byKey);
    markDoubts(table, byKey);
    out.startingAt.set(taken[0]!.of, table);
    for (const l of taken) out.consumed.add(l.of);
  }
  return out;
}

function offsetsBack(table: SourceTable, byKey: Map<string, Line>): void {
  for (const row of table.rows) {
    for (const cell of row) {
      const laid = layoutOf.get(byKey.get(`${cell.loc.page}:${cell.loc.line}`) ?? {});
      if (!laid || cell.loc.start === undefined || cell.loc.end === undefined) continue;
      const { start, end } = cell.loc;
      cell.loc.start = laid.back[start] ?? start;
      cell.loc.end = (laid.back[Math.max(start, end - 1)] ?? end - 1) + 1;
    }
  }
}

function markDoubts(table: SourceTable, byKey: Map<string, Line>): void {
  for (const row of table.rows.slice(table.headerRows ?? 0)) {
    for (const cell of row) {
      if (!cell.text) continue;
      const line = byKey.get(`${cell.loc.page}:${cell.loc.line}`);
      if (!line?.ocr) continue;
      const { engine, confidence } = line.ocr;
      const info: NonNullable<Cell['ocr']> = { engine, confidence };
      // The cell's span in the raw line; a cell joined from several lines is checked over each.
      const spans = cell.loc.start !== undefined && cell.loc.end !== undefined ? [{ start: cell.loc.start, end: cell.loc.end }] : null;
      const doubts = (line.ocr.uncertain ?? []).filter((u) => {
        const s = line.map[u.start] ?? 0;
        const e = (line.map[Math.max(u.start, u.end - 1)] ?? 0) + 1;
        return spans ? spans.some((c) => s < c.end && e > c.start) : true;
      });
      // (a colon read as a point to place the cell: the cell holds what was read, and no figure)
      const printed = spans ? line.raw.slice(spans[0]!.start, spans[0]!.end) : '';
      if (/\d[:：;；]\d/.test(printed)) {
        cell.text = normalize(printed).text;
        cell.uncertain = 'ocr';
        cell.ocr = doubts.length ? { ...info, uncertain: doubts } : info;
        continue;
      }
      const repaired = repairPoints(cell.text);
      if (repaired) {
        info.repaired = { from: cell.text, to: repaired };
        cell.text = normalize(repaired).text;
      }
      // A repaired number is doubted only for what else the engines doubted in it: every reading of it
      // must repair to the same figure, on a line read with high confidence (one engine gives the
      // same single reading for a malformed and for a low-confidence number).
      const same = (r: string) => (repairPoints(r) ?? r.replace(/,/g, '')) === repaired || r.replace(/,/g, '') === repaired?.replace(/,/g, '');
      const rest = doubts.filter((u) => !(repaired && confidence >= HIGH && u.readings.every(same)));
      if (rest.length) {
        info.uncertain = rest;
        cell.uncertain = 'ocr';
      }
      cell.ocr = info;
    }
  }
}
