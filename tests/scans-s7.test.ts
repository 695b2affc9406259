// Scanned renditions of real layouts (issue 11 rule 7, issue 15): what OCR misreads on a scan must not
// become an error flag. Stand-in engines return the boxes a real engine gave on such pages (figures
// changed); the pages are generated image-only PDFs (scripts/make-scan.ts), so no model runs here.
import { afterAll, describe, expect, it } from 'vitest';
import { imagePdf, type PageImage } from '../scripts/make-scan.js';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { closeOcrEngines, setEngine } from '../src/ingest/ocr/index.js';
import { dropPageNumbers, buildLines } from '../src/ingest/ocr/lines.js';
import type { Glyph, OcrBox, OcrEngine } from '../src/ingest/ocr/types.js';
import { segment } from '../src/segment/index.js';
import { deflateSync } from 'node:zlib';

const glyphs = (s: string, x0: number, confidence: number, w = 10): Glyph[] => [...s].map((ch, i) => ({ ch, confidence, x: x0 + (i + 0.5) * w }));
/** A box of evenly spaced 10-unit characters on the band y0..y0+12 (pixels = points at 72 dpi). */
const box = (text: string, x0: number, y0: number, confidence = 0.99): OcrBox => ({
  text,
  confidence,
  box: { x0, y0, x1: x0 + 10 * [...text].length, y1: y0 + 12 },
  glyphs: glyphs(text, x0, confidence),
});

/** A white page with one black bar (ink, so `auto` OCRs it), `height` points high at 72 dpi: pages
 *  of different heights tell the stand-in engine which page it is given. */
function page(height: number): PageImage {
  const width = 595;
  const rowBytes = Math.ceil(width / 8);
  const bits = Buffer.alloc(rowBytes * height, 0xff);
  for (let y = 50; y < 60; y++) bits.fill(0, y * rowBytes + 10, y * rowBytes + 20);
  return { data: deflateSync(bits), kind: 'bits', pxWidth: width, pxHeight: height, widthPt: width, heightPt: height };
}

/** A stand-in engine: the boxes of the page whose image is that many pixels high. */
class PagedEngine implements OcrEngine {
  readonly dpi = 72;
  readonly lowConfidence = 0.8;
  constructor(
    readonly name: string,
    private readonly byHeight: Map<number, OcrBox[]>,
  ) {}
  async recognize(png: Buffer): Promise<OcrBox[]> {
    return this.byHeight.get(png.readUInt32BE(20)) ?? [];
  }
  async close(): Promise<void> {}
}

async function run(pages: OcrBox[][]) {
  const heights = pages.map((_, i) => 842 - i);
  setEngine('paddle', new PagedEngine('paddle', new Map(heights.map((h, i) => [h, pages[i]!]))));
  const pdf = imagePdf(heights.map(page));
  return check(extract(segment(await ingest(new Uint8Array(pdf), { ocr: 'auto', ocrEngine: 'paddle' }))));
}

afterAll(closeOcrEngines);

describe('page numbers on scanned pages', () => {
  it('drops a number alone in the top or bottom margin, however OCR read its dashes', () => {
    const lines = buildLines([box('正文第一行', 50, 100), box('171', 290, 800, 0.65), box('18-', 290, 810), box('- 10 -', 280, 20), box('合计 171', 50, 700)]);
    expect(dropPageNumbers(lines, 842).map((l) => l.raw)).toEqual(['正文第一行', '合计171']);
    // Mid-page, a number alone on its line is not furniture.
    expect(dropPageNumbers(buildLines([box('171', 290, 400)]), 842).map((l) => l.raw)).toEqual(['171']);
  });

  it('a paragraph running over the page break is read whole: ─ 7 ─ read as 171 does not cut it', async () => {
    // Real layout (江苏 预算说明): the template's 增加（减少） left in, its 0 on the next page.
    const doc = await run([
      [
        box('江苏省某某厅2019年度部门预算情况说明', 50, 60),
        box('一、收支预算总体情况说明', 50, 100),
        box('（2）政府性基金收入预算0万元，与上年相比增加（减少）', 50, 130),
        box('0万元，增长（减少）0%。主要原因是本部门无此项收入。', 50, 150),
        box('4。上年结转资金预算数为0万元。与上年相比增加（减少）', 50, 170),
        box('171', 290, 790, 0.646),
      ],
      [box('0万元，增长（减少）0%。主要原因是本部门无此项收入。', 50, 60), box('18-', 290, 790, 0.68)],
    ]);
    const template = doc.flags.filter((f) => f.code === 'TEMPLATE_TEXT');
    expect(template.map((f) => f.severity)).toEqual(['info', 'info', 'info', 'info']);
    expect(doc.flags.filter((f) => f.code === 'OCR_UNCERTAIN')).toEqual([]);
  });
});

/** A table row: [text, x0] boxes on one band; a figure's x0 is where it ends minus its width. */
const row = (y: number, ...cells: [string, number][]) => cells.map(([t, x]) => box(t, x, y));
const right = (t: string, x1: number): [string, number] => [t, x1 - 10 * t.length];

describe('cells on scanned tables', () => {
  it('a figure and the next column\'s label the detector set apart are two cells, however close', async () => {
    // Real layout (上海 收入支出决算总表, 150 dpi scan): 年初结转和结余's figure 15 px from 年末结转和结余.
    const doc = await run([
      [
        box('某某局2024年度部门决算表', 200, 40),
        box('收入支出决算总表', 230, 60),
        box('单位：万元', 480, 80),
        ...row(100, ['项目', 100], ['决算数', 210], ['项目', 380], ['决算数', 500]),
        ...row(120, ['一、一般公共预算财政拨款收入', 20], right('5000.00', 262), ['一、一般公共服务支出', 268]),
        ...row(140, ['二、政府性基金预算财政拨款收入', 20], ['二、外交支出', 268]),
        ...row(160, ['八、其他收入', 20], ['八、社会保障和就业支出', 268], right('2020.00', 560)),
        ...row(180, ['九、卫生健康支出', 268], right('3000.00', 560)),
        ...row(200, ['本年收入合计', 60], right('5000.00', 262), ['本年支出合计', 300], right('5020.00', 560)),
        ...row(220, ['使用非财政拨款结余', 20], ['结余分配', 268]),
        ...row(240, ['年初结转和结余', 20], right('100.00', 262), ['年末结转和结余', 268], right('80.00', 560)),
        ...row(260, ['总计', 100], right('5100.00', 262), ['总计', 380], right('5100.00', 560)),
      ],
    ]);
    const table = doc.tables.find((t) => t.kind === '公开01表');
    expect(table?.rows.at(-2)).toEqual(['年初结转和结余', '100.00', '年末结转和结余', '80.00']);
    expect(doc.flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('rows that print one half of a two-halves table', () => {
  it('a row with only its right half is read as the right half (the page position, not the text order)', async () => {
    // Real layout (上海 收入支出决算总表, 200 dpi scan): 九、卫生健康支出 and its figure with nothing on the 收入 side.
    const doc = await run([
      [
        box('某某局2024年度部门决算表', 200, 40),
        box('收入支出决算总表', 230, 60),
        box('单位：万元', 480, 80),
        ...row(100, ['项目', 100], ['决算数', 210], ['项目', 380], ['决算数', 500]),
        ...row(120, ['一、一般公共预算财政拨款收入', 20], right('2000.00', 262), ['一、一般公共服务支出', 300], right('1500.00', 560)),
        ...row(140, ['二、政府性基金预算财政拨款收入', 20], ['二、外交支出', 300]),
        ...row(160, ['八、其他收入', 20], right('6.00', 262), ['八、社会保障和就业支出', 300], right('300.00', 560)),
        ...row(180, ['九、卫生健康支出', 300], right('50.00', 560)),
        ...row(200, ['十九、住房保障支出', 300], right('150.00', 560)),
        ...row(220, ['本年收入合计', 60], right('2006.00', 262), ['本年支出合计', 330], right('2000.00', 560)),
        ...row(240, ['使用非财政拨款结余', 20], ['结余分配', 300]),
        ...row(260, ['年初结转和结余', 20], ['年末结转和结余', 300], right('6.00', 560)),
        ...row(280, ['总计', 100], right('2006.00', 262), ['总计', 380], right('2006.00', 560)),
      ],
    ]);
    const table = doc.tables.find((t) => t.kind === '公开01表');
    expect(table?.rows.find((r) => r.includes('九、卫生健康支出'))).toEqual(['', '', '九、卫生健康支出', '50.00']);
    expect(doc.flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('numbers OCR misread', () => {
  it('a decimal point read as a colon (754:75) is doubted, and gives no figure', async () => {
    // Real reading (150 dpi scan of a 上海 决算, a table row and a narrative line).
    const doc = await run([
      [
        box('（一）一般公共预算财政拨款支出决算总体情况', 50, 100),
        box('2024年度一般公共预算财政拨款支出754:75万元，比2023年度增加12.50万元。', 50, 120),
      ],
    ]);
    expect(doc.facts.filter((f) => f.from === 'text').map((f) => f.text)).not.toContain('75');
    expect(doc.facts.filter((f) => f.from === 'text').map((f) => f.text)).toContain('12.50');
    expect(doc.flags.filter((f) => f.code === 'OCR_UNCERTAIN').map((f) => f.found)).toEqual(['754:75']);
  });

  it('a thousands comma read as a semicolon (2;355.65) is doubted, and gives no figure', async () => {
    // Real reading (江苏 预算 支出总表, a 1-bit 200 dpi scan): 社会保障和就业支出 2,355.65.
    const doc = await run([[box('一般公共预算支出中社会保障和就业支出2;355.65万元，比上年增加12.50万元。', 50, 120)]]);
    expect(doc.facts.filter((f) => f.from === 'text').map((f) => f.text)).not.toContain('355.65');
    expect(doc.flags.filter((f) => f.code === 'OCR_UNCERTAIN').map((f) => f.found)).toEqual(['2;355.65']);
  });
});

describe('tables over a page break on a scan', () => {
  it('a table going on over the page break is one table, as on text pages', async () => {
    // Real layout (普陀 收入支出决算总表, 200 dpi scan): 本年收入合计 ≠ 本年支出合计 on the first page, the
    // balances that reconcile them (年初结转和结余, 年末结转和结余, 总计) at the top of the next.
    const doc = await run([
      [
        box('某某局2024年度部门决算表', 200, 40),
        box('收入支出决算总表', 230, 60),
        box('单位：万元', 480, 80),
        ...row(100, ['项目', 100], ['决算数', 210], ['项目', 380], ['决算数', 500]),
        ...row(120, ['一、一般公共预算财政拨款收入', 20], right('2000.00', 262), ['一、一般公共服务支出', 300], right('1500.00', 560)),
        ...row(140, ['八、其他收入', 20], right('6.00', 262), ['八、社会保障和就业支出', 300], right('500.00', 560)),
        ...row(160, ['本年收入合计', 60], right('2006.00', 262), ['本年支出合计', 330], right('2000.00', 560)),
      ],
      [
        ...row(60, ['使用非财政拨款结余', 20], ['结余分配', 300]),
        ...row(80, ['年初结转和结余', 20], right('49.00', 262), ['年末结转和结余', 300], right('55.00', 560)),
        ...row(100, ['总计', 100], right('2055.00', 262), ['总计', 380], right('2055.00', 560)),
        box('第三部分 某某局2024年度部门决算情况说明', 50, 200),
      ],
    ]);
    const table = doc.tables.find((t) => t.kind === '公开01表');
    expect(table?.rows.at(-1)).toEqual(['总计', '2055.00', '总计', '2055.00']);
    expect(doc.flags.filter((f) => f.severity === 'error' && f.code === 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('科目 codes printed in pieces on a scan', () => {
  it('two digits with a leading zero standing alone are a code piece, not a malformed number', async () => {
    // Real layout (普陀 支出决算表, 200 dpi scan): 208 05 06 in three cells; tesseract's 09 for 0% in prose stays doubted.
    const doc = await run([[...row(100, ['208', 20], ['05', 60], ['06', 90], ['机关事业单位基本养老保险缴费支出', 120], right('12.00', 560)), box('占09，主要用于', 20, 140)]]);
    expect(doc.flags.filter((f) => f.code === 'OCR_UNCERTAIN').map((f) => f.found)).toEqual(['09']);
  });
});
