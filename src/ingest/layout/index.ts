// Standard tables wherever they are printed. pdf.js text items are read by the grid reader over
// positioned segments (src/ingest/pdf/tables.ts); page text (pdftotext -layout, pdfplumber dumps) by
// the row reader here (./rows.ts), which places a row's figures by their printed columns where the
// text keeps them (fixed width) and else by the count and order a row of that standard table has.
import type { SourceTable } from '../../model.js';
import { isFixedWidth, type SourceLine } from './pagetext.js';
import { readIndicatorTables } from './indicators.js';
import { readPrintedTables } from './rows.js';

export type { SourceLine } from './pagetext.js';

export interface PrintedTables<L> {
  startingAt: Map<L, SourceTable>;
  consumed: Set<L>;
}

/** Standard tables printed as page text: where each starts and which source lines it took. */
export function pageTextTables<L extends SourceLine>(lines: L[]): PrintedTables<L> {
  const out: PrintedTables<L> = { startingAt: new Map(), consumed: new Set() };
  const fixed = isFixedWidth(lines);
  for (const { table, lines: taken } of readPrintedTables(lines, fixed)) {
    if (!taken.length) continue;
    out.startingAt.set(taken[0]!, table);
    for (const l of taken) out.consumed.add(l);
  }
  // Indicator tables (绩效目标表, 自评表) in what the standard tables left (./indicators.ts).
  for (const { table, lines: taken } of readIndicatorTables(lines.filter((l) => !out.consumed.has(l)), fixed)) {
    if (!taken.length) continue;
    out.startingAt.set(taken[0]!, table);
    for (const l of taken) out.consumed.add(l);
  }
  return out;
}
