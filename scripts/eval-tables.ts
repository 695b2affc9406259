// npm run eval (tables): the standard tables read from page text against those read from the PDF. For
// the seed and every corpus PDF, its `pdftotext -layout` dump and its single-space dump (made by
// scripts/make-renditions.ts) are read like any text file; each dump's value cells are compared with
// the PDF's (scripts/table-agreement.ts). A cell marked uncertain counts as not given.
//   tsx scripts/eval-tables.ts [--differ] [--missing] [--only=NAME]   (--differ lists every cell that differs,
//   --missing every PDF cell the dump does not give; --only reads the documents whose file name has NAME)
import { basename } from 'node:path';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { extractTables } from '../src/extract/tables.js';
import type { TableRecord } from '../src/model.js';
import { hasPdftotext, makeRendition, sourcePdfs } from './make-renditions.js';
import { agreement, type Agreement } from './table-agreement.js';

/** The standard tables of one file, cells the reader doubted blanked out. */
export async function readTables(file: string): Promise<TableRecord[]> {
  const doc = segment(await ingest(file, { ocr: 'off' }));
  const tables = extractTables(doc).tables;
  for (const b of doc.blocks) {
    if (b.kind !== 'table') continue;
    const rec = tables.find((t) => t.id === b.table.id);
    if (!rec) continue;
    const skip = b.table.headerRows ?? 0;
    b.table.rows.slice(skip).forEach((row, r) => row.forEach((c, k) => c.uncertain && rec.rows[r] && (rec.rows[r]![k] = '')));
  }
  return tables;
}

export async function documentAgreement(pdf: string): Promise<{ layout: Agreement; spaced: Agreement }> {
  const r = makeRendition(pdf);
  const fromPdf = await readTables(pdf);
  return { layout: agreement(fromPdf, await readTables(r.layout)), spaced: agreement(fromPdf, await readTables(r.spaced)) };
}

const pct = (n: number, d: number) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);

export async function main(): Promise<void> {
  console.log('Standard-table cells from page text (pdftotext -layout | single-space dump) against the PDF\n');
  if (!hasPdftotext()) {
    console.log('(pdftotext not installed: skipped)');
    return;
  }
  const listDiffers = process.argv.includes('--differ');
  const listMissing = process.argv.includes('--missing');
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  const tot = { pdf: 0, layout: 0, spaced: 0, dl: 0, ds: 0 };
  console.log(['document', 'pdf cells', 'layout same', 'differs', 'spaced same', 'differs'].join('\t'));
  for (const pdf of sourcePdfs()) {
    if (only && !basename(pdf).includes(only)) continue;
    const { layout, spaced } = await documentAgreement(pdf);
    tot.pdf += layout.pdfCells;
    tot.layout += layout.same;
    tot.spaced += spaced.same;
    tot.dl += layout.differs.length;
    tot.ds += spaced.differs.length;
    console.log([basename(pdf, '.pdf').slice(0, 48), layout.pdfCells, `${layout.same} (${pct(layout.same, layout.pdfCells)})`, layout.differs.length, `${spaced.same} (${pct(spaced.same, spaced.pdfCells)})`, spaced.differs.length].join('\t'));
    if (listDiffers) for (const [name, a] of [['layout', layout], ['spaced', spaced]] as const) for (const d of a.differs) console.log(`    ${name} ${d.key}: pdf ${d.pdf ?? '(none)'} dump ${d.dump}`);
    if (listMissing) for (const [name, a] of [['layout', layout], ['spaced', spaced]] as const) for (const [k, v] of a.missing) console.log(`    ${name} missing ${k}: ${v}`);
  }
  console.log(['TOTAL', tot.pdf, `${tot.layout} (${pct(tot.layout, tot.pdf)})`, tot.dl, `${tot.spaced} (${pct(tot.spaced, tot.pdf)})`, tot.ds].join('\t'));
}

if (process.argv[1]?.endsWith("eval-tables.ts")) await main();
