// Scanned documents made of OCR lines (no engine run): a title page as text, then page 2 read as OCR lines
// through the OCR row reader, each line marking the spans the test says the engines doubted.
import { ocrPageTables } from '../src/ingest/layout/ocr.js';
import { makeLine } from '../src/ingest/normalize.js';
import { numberTables } from '../src/ingest/number-tables.js';
import type { Block, IngestedDocument, Line } from '../src/model.js';

/** One OCR line of page 2; `uncertain` are the substrings the engines doubted. */
export const ocrLine = (raw: string, line: number, uncertain: string[] = []): Line => {
  const l = makeLine(raw, { page: 2, line });
  l.ocr = { engine: 'paddle', confidence: 0.95 };
  if (uncertain.length) l.ocr.uncertain = uncertain.map((u) => ({ start: l.text.indexOf(u), end: l.text.indexOf(u) + u.length, readings: [u] }));
  return l;
};

/** A two-page scan: `title` on page 1 as text, `rows` as page 2's OCR lines (each doubted where it holds one
 *  of `doubted`), tables read as the OCR backend reads them. */
export function scannedDoc(title: string, rows: string[], doubted: string[] = []): IngestedDocument {
  const ocr = rows.map((r, i) => ocrLine(r, i + 1, doubted.filter((d) => r.includes(d))));
  const printed = ocrPageTables(ocr);
  const blocks: Block[] = [{ kind: 'line', line: makeLine(title, { page: 1, line: 1 }) }];
  for (const line of ocr) {
    const table = printed.startingAt.get(line);
    if (table) blocks.push({ kind: 'table', table });
    if (!printed.consumed.has(line)) blocks.push({ kind: 'line', line });
  }
  numberTables(blocks);
  return { source: { path: 'scan.pdf', sha256: '0', format: 'pdf', pages: 2, ocrPages: [2] }, blocks, flags: [] };
}
