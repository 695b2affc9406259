// Legacy Word (.doc, and .wps files that are Word binaries) through word-extractor, which reads the
// piece table of the OLE2 WordDocument stream. It gives the body as text: paragraphs end in "\n", a
// table cell ends in TAB and a table row in TAB + "\n". Merged cells are not marked in this text (a
// vertically merged continuation is an empty cell), so rows keep the cells Word stores, in order.
// Like DOCX, the file has no pages: each paragraph (and each table) takes the next paragraph number,
// and a table cell's `line` is its 1-based row.
import WordExtractor from 'word-extractor';
import { JuesuanError } from '../../errors.js';
import type { Block, Cell, Loc, SourceTable } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { Backend } from '../types.js';

import { unsupportedMessage } from '../sniff.js';

const isRow = (s: string) => s.endsWith('\t');

export const ingestDoc: Backend = async (bytes) => {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // filterUnicode: false keeps curly quotes and dashes as written (excerpts are verbatim).
    body = (doc.getBody as (options?: { filterUnicode?: boolean }) => string).call(doc, { filterUnicode: false });
  } catch {
    // Damaged, encrypted, or a Kingsoft format that is no Word binary: today's advice stands.
    throw new JuesuanError('UNSUPPORTED_FORMAT', unsupportedMessage('doc'));
  }
  const paras = body.split('\n');
  const blocks: Block[] = [];
  let paragraph = 0;
  let tables = 0;
  let i = 0;
  while (i < paras.length) {
    if (!isRow(paras[i]!)) {
      paragraph++;
      const raw = paras[i]!;
      if (raw.trim() !== '') blocks.push({ kind: 'line', line: makeLine(raw, { paragraph, line: 1 }) });
      i++;
      continue;
    }
    // A table: rows ending in TAB; up to four short lines (a wrapped label: 偏差大或 / 目标未完成) without
    // one, followed by a row, are the earlier paragraphs of that row's first cell. A title between two
    // tables is longer than that and ends the table.
    const rows: string[] = [];
    while (i < paras.length) {
      if (isRow(paras[i]!)) {
        rows.push(paras[i]!);
        i++;
        continue;
      }
      let j = i;
      while (j < paras.length && j - i < 4 && !isRow(paras[j]!) && paras[j]!.trim() !== '' && paras[j]!.trim().length <= 12) j++;
      if (j === i || j >= paras.length || !isRow(paras[j]!)) break;
      rows.push(paras.slice(i, j + 1).join('\n'));
      i = j + 1;
    }
    blocks.push({ kind: 'table', table: readTable(rows, `t${++tables}`, ++paragraph) });
  }
  if (!blocks.length) throw new JuesuanError('NO_TEXT', 'the Word file holds no text');
  return { pages: 0, ocrPages: [], blocks, flags: [] };
};

function readTable(rows: string[], id: string, paragraph: number): SourceTable {
  const cells: Cell[][] = rows.map((row, r) =>
    row
      .slice(0, -1)
      .split('\t')
      .map((s, c) => {
        const raw = s.trim();
        const loc: Loc = { paragraph, line: r + 1, table: id, row: r, col: c };
        return { text: makeLine(raw, loc).text, raw, loc };
      }),
  );
  return { id, rows: cells, loc: { paragraph, line: 1, table: id } };
}
