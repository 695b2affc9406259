// OCR post-processing, number checks, the `both` cross-check (with stand-in engines), page size caps
// and abort: no model is run here.
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanGlyphs } from '../src/ingest/ocr/clean.js';
import { closeOcrEngines, ocrPages, setEngine } from '../src/ingest/ocr/index.js';
import { buildLines } from '../src/ingest/ocr/lines.js';
import { malformed, numberTokens, sameNumber } from '../src/ingest/ocr/numbers.js';
import { makeLine } from '../src/ingest/normalize.js';
import { MAX_PIXELS, renderScale } from '../src/ingest/ocr/render.js';
import { recognitionWidth } from '../src/ingest/ocr/paddle.js';
import { percentArtifacts } from '../src/ingest/ocr/tesseract.js';
import type { Glyph, OcrBox, OcrEngine } from '../src/ingest/ocr/types.js';
import { seed } from './paths.js';

const glyphs = (s: string, x0 = 0, w = 10): Glyph[] => [...s].map((ch, i) => ({ ch, confidence: 0.99, x: x0 + (i + 0.5) * w }));
const clean = (s: string) => cleanGlyphs(glyphs(s));
const textOf = (g: Glyph[]) => g.map((x) => x.ch).join('');
/** A box of evenly spaced 10-unit characters on the band y0..y0+12. */
const box = (text: string, x0: number, y0: number, confidence = 0.99): OcrBox => ({
  text,
  confidence,
  box: { x0, y0, x1: x0 + 10 * [...text].length, y1: y0 + 12 },
  glyphs: glyphs(text, x0).map((g) => ({ ...g, confidence })),
});

describe('post-OCR clean-up', () => {
  it('repairs look-alikes only strictly inside a number', () => {
    expect(textOf(clean('收入9O.5万元'))).toBe('收入90.5万元');
    expect(textOf(clean('支出1l3.2万元'))).toBe('支出113.2万元');
    expect(textOf(clean('收入84。25万元'))).toBe('收入84.25万元');
  });

  it('does not guess where a repair could make a plausible wrong number, but marks it', () => {
    const a = clean('收入1OO万元');
    expect(textOf(a)).toBe('收入1OO万元');
    expect(a.filter((g) => g.ch === 'O').map((g) => g.confidence)).toEqual([0, 0]);
    const b = clean('共3。2、依照');
    expect(textOf(b)).toBe('共3。2、依照');
    expect(b[2]!.confidence).toBe(0);
    expect(textOf(clean('人数13。2023年度'))).toBe('人数13。2023年度');
  });

  it('drops spaces between Chinese characters and inside numbers, keeps cell gaps and thousands separators', () => {
    expect(textOf(clean('一 般 公 共 预 算 2023 年'))).toBe('一般公共预算2023年');
    expect(textOf(clean('合计93 .93万元'))).toBe('合计93.93万元');
    expect(textOf(clean('合计  1,234.50'))).toBe('合计  1,234.50');
  });

  it('sets punctuation next to Chinese text full-width', () => {
    expect(textOf(clean('图1:收入(一)其中;'))).toBe('图1：收入（一）其中；');
    expect(textOf(clean('ratio 1:2'))).toBe('ratio 1:2');
  });

  it("takes tesseract's split % sign apart: the digit after it dropped, a 9 before it doubted", () => {
    const g = percentArtifacts(glyphs('219%6，'));
    expect(textOf(g)).toBe('219%，');
    expect(g.map((x) => x.confidence)).toEqual([0.99, 0.99, 0, 0.99, 0.99]);
  });
});

describe('numbers on OCR lines', () => {
  it('finds the values, not the enumeration markers', () => {
    const raw = '（1）收入93.93万元，2.68万元';
    const ocr = { confidence: [...raw].map(() => 0.99), x: [...raw].map((_, i) => i * 10) };
    expect(numberTokens(makeLine(raw, { page: 1, line: 1 }), ocr).map((t) => t.text)).toEqual(['93.93', '2.68']);
    const wrapped = '2.68万元。';
    expect(numberTokens(makeLine(wrapped, { page: 1, line: 2 }), { confidence: [...wrapped].map(() => 1), x: [...wrapped].map(() => 0) }).map((t) => t.text)).toEqual(['2.68']);
  });

  it('compares two readings by value; only known misreadings of % and table rules are forgiven', () => {
    expect(sameNumber('1,234.50', '1234.50')).toBe(true);
    expect(sameNumber('93.93', '98.93')).toBe(false);
    expect(sameNumber('21', '219', true)).toBe(true);
    expect(sameNumber('21', '219', false)).toBe(false);
    expect(sameNumber('0', '0|')).toBe(true);
  });

  it('calls malformed what no document prints', () => {
    expect(['93,93', '096', '1OO', '84。25', '1.2.3'].map(malformed)).toEqual([true, true, true, true, true]);
    expect(['1,234.50', '0.5', '2023', '0'].map(malformed)).toEqual([false, false, false, false]);
  });
});

describe('lines from boxes', () => {
  it('groups by vertical overlap, orders by x, marks wide gaps as cell boundaries', () => {
    const lines = buildLines([box('93.93', 200, 101), box('收入合计', 0, 100), box('支出', 0, 130), box('。', 40, 104)]);
    expect(lines.map((l) => l.raw)).toEqual(['收入合计。  93.93', '支出']);
    expect(lines[0]!.x.length).toBe(lines[0]!.raw.length);
  });
});

describe('recogniser input width (PP-OCR, 48 px high)', () => {
  it('keeps a short line its shape and squeezes a long one to 0.65 of its width, never below 320 px', () => {
    // A lone "0" of a table cell, 12 x 23 px: 25 px wide at 48 high, as before.
    expect(recognitionWidth(12, 23)).toBe(25);
    // 153 x 23 px: 319 px at 48 high, not over 320: unchanged.
    expect(recognitionWidth(153, 23)).toBe(319);
    // A 40-character line, 1,066 x 23 px: 2,225 px at 48 high, read at 1,446.
    expect(recognitionWidth(1066, 23)).toBe(1446);
    // Just past 320: squeezed to 320, not below.
    expect(recognitionWidth(200, 23)).toBe(320);
  });
});

describe('page rendering', () => {
  it('caps the pixel count and the side of a huge page', () => {
    const a4 = renderScale(595, 842, 150);
    expect(a4).toBeCloseTo(150 / 72);
    const huge = renderScale(14400, 14400, 150);
    expect(14400 * huge * 14400 * huge).toBeLessThanOrEqual(MAX_PIXELS + 1);
    const strip = renderScale(14400, 100, 150);
    expect(14400 * strip).toBeLessThanOrEqual(8000 + 1e-6);
  });
});

/** A stand-in engine: returns fixed boxes in pixels at 72 dpi (1 px = 1 pt), whatever the image. */
class StubEngine implements OcrEngine {
  readonly dpi = 72;
  readonly lowConfidence = 0.8;
  calls = 0;
  constructor(
    readonly name: string,
    private readonly boxes: OcrBox[],
    private readonly onCall?: () => void,
  ) {}
  async recognize(): Promise<OcrBox[]> {
    this.calls++;
    this.onCall?.();
    return this.boxes;
  }
  async close(): Promise<void> {}
}

describe('both engines', () => {
  let pdf: PDFDocumentProxy;
  beforeAll(async () => {
    const data = new Uint8Array(await readFile(seed('000_37d039dcb8ad6afc-scanned.pdf')));
    pdf = (await getDocument({ data, isEvalSupported: false, verbosity: 0 }).promise) as unknown as PDFDocumentProxy;
  });
  afterAll(async () => {
    await closeOcrEngines();
    await pdf.destroy();
  });

  it('flags a number the engines read differently, with both readings, and trusts the ones they agree on', async () => {
    setEngine('paddle', new StubEngine('paddle', [box('收入合计93.93万元，增长21%', 50, 100), box('支出合计84.25万元', 50, 130), box('人数13名', 50, 160)]));
    // tesseract: 98.93 for 93.93, its usual 219% for 21%, nothing at all where paddle read 13.
    setEngine('tesseract', new StubEngine('tesseract', [box('收入合计', 50, 101), box('98.93', 90, 101), box('万元，增长', 140, 101), box('219%', 190, 101), box('支出合计84.25万元', 50, 131), box('人数', 50, 161), box('名', 90, 161)]));
    const [r] = await ocrPages(pdf, [1], { ocr: 'force', ocrEngine: 'both' });
    const [first, second, third] = r!.lines;
    expect(first!.text).toBe('收入合计93.93万元，增长21%');
    expect(first!.ocr).toEqual({ engine: 'paddle', confidence: 0.99, uncertain: [{ start: 4, end: 9, readings: ['93.93', '98.93'] }] });
    expect(second!.ocr!.uncertain).toBeUndefined();
    // The first engine's boxes also come as pdf.js-style items in PDF space (y up from the bottom).
    const top = (await pdf.getPage(1)).view[3]!;
    const item = r!.items[0]!;
    expect(item.str).toBe('收入合计93.93万元，增长21%');
    expect(item.transform.map((v) => Math.round(v * 100) / 100)).toEqual([12, 0, 0, 12, 50, Math.round((top - 112) * 100) / 100]);
    expect(item.width).toBeCloseTo(170); // 17 characters of 10
    expect(third!.ocr!.uncertain).toEqual([{ start: 2, end: 4, readings: ['13', ''] }]);
    expect(r!.flags).toEqual([
      {
        code: 'OCR_UNCERTAIN',
        severity: 'warning',
        message: '第1页第1行的数字两个识别引擎读数不一致：paddle读作“93.93”，tesseract读作“98.93”，请核对原件',
        loc: { page: 1, line: 1, start: 4, end: 9 },
        excerpt: '收入合计93.93万元，增长21%',
        expected: '93.93',
        found: '98.93',
      },
      {
        code: 'OCR_UNCERTAIN',
        severity: 'warning',
        message: '第1页第3行的数字两个识别引擎读数不一致：paddle读作“13”，tesseract读作“（未读出）”，请核对原件',
        loc: { page: 1, line: 3, start: 2, end: 4 },
        excerpt: '人数13名',
        expected: '13',
        found: null,
      },
    ]);
  });

  it('single engine: a low-confidence number is flagged with its reading', async () => {
    setEngine('paddle', new StubEngine('paddle', [box('收入合计93.93万元', 50, 100, 0.55)]));
    const [r] = await ocrPages(pdf, [1], { ocr: 'force', ocrEngine: 'paddle' });
    expect(r!.lines[0]!.ocr).toEqual({ engine: 'paddle', confidence: 0.55, uncertain: [{ start: 4, end: 9, readings: ['93.93'] }] });
    expect(r!.flags.map((f) => [f.message, f.found])).toEqual([['第1页第1行的数字“93.93”识别把握不足，请核对原件', '93.93']]);
  });

  it('stops on abort: queued pages are not recognised', async () => {
    const ctl = new AbortController();
    const stub = new StubEngine('paddle', [box('无', 50, 100)], () => ctl.abort(new Error('time limit')));
    setEngine('paddle', stub);
    await expect(ocrPages(pdf, [1, 2, 3, 4, 5, 6], { ocr: 'force', ocrEngine: 'paddle', signal: ctl.signal })).rejects.toThrow('time limit');
    expect(stub.calls).toBeLessThanOrEqual(2);
    await expect(ocrPages(pdf, [1], { ocr: 'force', ocrEngine: 'paddle', signal: ctl.signal })).rejects.toThrow('time limit');
  });
});
