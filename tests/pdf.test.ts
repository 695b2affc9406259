import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JuesuanError } from '../src/errors.js';
import { ingest } from '../src/ingest/index.js';
import type { IngestedDocument, Line } from '../src/model.js';
import { corpus, seed, shared } from './paths.js';

const lines = (doc: IngestedDocument): Line[] => doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
const errorOf = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as JuesuanError);

describe('PDF text layer', () => {
  it('reads the seed PDF with page/line provenance and the text of the .txt', async () => {
    const doc = await ingest(seed('000_37d039dcb8ad6afc.pdf'), { ocr: 'off' });
    expect(doc.source.format).toBe('pdf');
    expect(doc.source.pages).toBe(14);
    expect(doc.source.ocrPages).toEqual([]);
    const all = lines(doc);
    expect(all[0]!.text).toBe('鄂城区总工会2023年度部门决算');
    expect(all[0]!.loc).toEqual({ page: 1, line: 1 });
    const income = all.find((l) => l.text.startsWith('2023年度收入合计93.93万元'))!;
    expect(income.loc).toEqual({ page: 2, line: 7 }); // 第三部分 heading wrapped over two lines is one line
    expect(income.text).toBe('2023年度收入合计93.93万元，与2022年度相比，收入合计增加19.08万元，上升16%。其中：');
    // Every text line of the PDF is a piece of the original text (modulo wrapping and spaces).
    const txt = readFileSync(seed('000_37d039dcb8ad6afc.txt'), 'utf8').replace(/\s+/g, '');
    const missing = all.filter((l) => l.loc.page! < 12 && !txt.includes(l.text));
    expect(missing.length).toBeLessThan(all.filter((l) => l.loc.page! < 12).length * 0.05);
    // Headings are bigger than body text.
    const part = all.find((l) => l.text.startsWith('第三部分'))!;
    expect(part.hint?.fontSize).toBeGreaterThan(income.hint!.fontSize!);
    // Line numbers are 1..n within each page.
    const byPage = new Map<number, number[]>();
    for (const l of all) byPage.set(l.loc.page!, [...(byPage.get(l.loc.page!) ?? []), l.loc.line]);
    for (const nums of byPage.values()) expect(nums).toEqual(nums.map((_, i) => i + 1));
  });

  it('reads a PDF whose Chinese font is not embedded (needs the cMaps)', async () => {
    const doc = await ingest(seed('nonembedded-font.pdf'), { ocr: 'off' });
    expect(lines(doc).map((l) => l.text)).toEqual(['鄂城区总工会2023年度部门决算', '2023年度收入合计93.93万元，财政拨款收入84.25万元，占本年收入90', '机关运行经费支出77.88万元。']);
  });

  it('rejects truncated and fake PDFs with one clear sentence', async () => {
    const bytes = new Uint8Array(readFileSync(seed('000_37d039dcb8ad6afc.pdf'))).subarray(0, 2048);
    const truncated = await errorOf(ingest(bytes, { ocr: 'off' }));
    expect(truncated).toBeInstanceOf(JuesuanError);
    expect(truncated!.code).toBe('CORRUPT_PDF');
    expect(truncated!.message).toBe('the PDF is damaged or truncated and cannot be read');
    const fake = await errorOf(ingest(new TextEncoder().encode('%PDF-1.4 garbage'), { ocr: 'off' }));
    expect(fake!.code).toBe('CORRUPT_PDF');
    expect(fake!.message).toBe('the PDF is damaged or truncated and cannot be read');
  });

  it('says NO_TEXT for a scanned PDF when OCR is off', async () => {
    const err = await errorOf(ingest(seed('000_37d039dcb8ad6afc-scanned.pdf'), { ocr: 'off' }));
    expect(err!.code).toBe('NO_TEXT');
    expect(err!.message).toBe('no text layer on any page; run with --ocr auto to read scanned pages');
  });

  it('drops running page numbers', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf'), { ocr: 'off' });
    expect(lines(doc).filter((l) => /^[-—\s]*\d{1,3}[-—\s]*$/.test(l.text))).toEqual([]);
  });
});

describe('every corpus PDF gives a document or a clean error', () => {
  const dir = `${shared}/corpus/real`;
  const pdfs = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
  it.each(pdfs)('%s', async (name) => {
    const result = await ingest(corpus(name), { ocr: 'off' }).then(
      (d) => d.blocks.length,
      (e: unknown) => (e instanceof JuesuanError ? e.code : e),
    );
    expect(typeof result === 'number' ? result > 0 : ['NO_TEXT', 'CORRUPT_PDF', 'ENCRYPTED_PDF'].includes(result as string)).toBe(true);
  });
});
