// PDFium (the default PDF text layer) against pdf.js (issue 15): the same lines, tables and rules where the
// two agree, and PDFium's reading pinned where they differ.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../src/errors.js';
import { extract } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { openSource } from '../src/ingest/pdf/pdfium.js';
import type { IngestedDocument } from '../src/model.js';
import { corpus, seed } from './paths.js';

const texts = (doc: IngestedDocument) => doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.raw] : []));

describe('PDF engines', () => {
  it('PDFium gives the seed the same record as pdf.js: facts with their excerpts, tables, outline, flags', async () => {
    // The lines themselves may differ in layout spacing only: pdf.js ends an item at some space glyphs
    // (which layout then shows as a cell gap, "第一部分    鄂城区总工会概况") and PDFium keeps one space.
    const file = seed('000_37d039dcb8ad6afc.pdf');
    const [a, b] = [await extract(file, { ocr: 'off', pdfEngine: 'pdfium' }), await extract(file, { ocr: 'off', pdfEngine: 'pdfjs' })];
    expect(a.facts.length).toBe(200);
    expect(a.facts).toEqual(b.facts);
    expect(a.tables).toEqual(b.tables);
    expect(a.outline).toEqual(b.outline);
    expect(a.flags).toEqual(b.flags);
    expect(a.summary).toEqual(b.summary);
    expect(a.indicators).toEqual(b.indicators);
  }, 60_000);

  it('is the default, and the engine can be chosen', async () => {
    const bytes = new Uint8Array(readFileSync(seed('nonembedded-font.pdf')));
    for (const [engine, expected] of [[undefined, 'pdfium'], ['pdfium', 'pdfium'], ['pdfjs', 'pdfjs']] as const) {
      const source = await openSource(bytes, engine);
      expect(source.engine).toBe(expected);
      expect(source.numPages).toBe(1);
      await source.destroy();
    }
  });

  it('drops a glyph printed past the right edge of the page, as pdf.js does (90% → 90: the % starts at x 596 of 595)', async () => {
    const doc = await ingest(seed('nonembedded-font.pdf'), { ocr: 'off', pdfEngine: 'pdfium' });
    expect(texts(doc)).toEqual(['鄂城区总工会2023年度部门决算', '2023年度收入合计93.93万元，财政拨款收入84.25万元，占本年收入90', '机关运行经费支出77.88万元。']);
  });

  it('a file PDFium cannot open gets pdf.js’s verdict, word for word', async () => {
    const err = await openSource(new TextEncoder().encode('%PDF-1.4 garbage')).then(
      () => null,
      (e: unknown) => e as JuesuanError,
    );
    expect(err).toBeInstanceOf(JuesuanError);
    expect(err!.code).toBe('CORRUPT_PDF');
    expect(err!.message).toBe('the PDF is damaged or truncated and cannot be read');
  });

  it('keeps a space glyph the PDF prints before % (pdf.js loses it where the font changes): 增长10.15 %', async () => {
    // Page 25 of the 检察院 预算 draws "10.15", a space glyph and "%"; pdftotext reads "增长10.15 %" too.
    const file = corpus('ae86jack__jiangsu_jianchayuan_2019_dept_yusuan.pdf');
    const pdfium = texts(await ingest(file, { ocr: 'off', pdfEngine: 'pdfium' })).filter((t) => t.includes('增长10.15'));
    expect(pdfium).toEqual(['增加2228.78    万元，增长10.15 %。主要原因是人员工资福利增', '24,169.74万元，与上年相比增加2228.78万元，增长10.15%。']);
    const pdfjs = texts(await ingest(file, { ocr: 'off', pdfEngine: 'pdfjs' })).filter((t) => t.includes('增长10.15'));
    expect(pdfjs).toEqual(['增加2228.78    万元，增长10.15%。主要原因是人员工资福利增', '24,169.74万元，与上年相比增加2228.78万元，增长10.15%。']);
  }, 60_000);
});
