// Session 8, scans: a thin glyph at a line's end that the PP-OCR detector set apart (the 一 of
// 一般公共预算财政拨款基本支出决算表 on a noisy 150 dpi scan) is read with its line (src/ingest/ocr/widen.ts).
// Without it the title read `般公共预算…` and the table was reported missing (a false MISSING_TABLE error).
import { afterAll, describe, expect, it } from 'vitest';
import { scanPages } from '../scripts/make-scan.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { closeOcrEngines } from '../src/ingest/ocr/index.js';
import { inkBeyond, widenToInk, type LineCut, type Pixels } from '../src/ingest/ocr/widen.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

/** A white RGBA page; `ink(x0, y0, x1, y1, v)` paints a rectangle (exclusive ends) grey level v. */
function page(width: number, height: number) {
  const px: Pixels = { data: new Uint8ClampedArray(width * height * 4).fill(255), width, height };
  const ink = (x0: number, y0: number, x1: number, y1: number, v = 0) => {
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = 4 * (y * width + x);
        px.data[i] = px.data[i + 1] = px.data[i + 2] = v;
      }
  };
  return { px, ink };
}

/** The box's pixels cut out (as the library cuts an upright box). */
function cut(px: Pixels, x0: number, y0: number, x1: number, y1: number): LineCut {
  const width = x1 - x0;
  const height = y1 - y0;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) data.set(px.data.subarray(4 * ((y0 + y) * px.width + x0), 4 * ((y0 + y) * px.width + x1)), 4 * y * width);
  return {
    image: { data, width, height },
    box: [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
    ],
  };
}

/** A title line on the band 100..130: four 20-pixel glyphs from x 200 to 290, its box with the detector's
 *  margin of paper (x 190..300). */
function titlePage() {
  const p = page(600, 240);
  for (let k = 0; k < 4; k++) p.ink(200 + 25 * k, 104, 220 + 25 * k, 126);
  return p;
}

const same = (px: Pixels) => px;

describe('a thin glyph the detector set apart is read with its line', () => {
  it('widens the box over a flat grey stroke a letter-space left of the line (the 一 of 一般…)', () => {
    const { px, ink } = titlePage();
    ink(158, 114, 178, 116, 140); // 一: 20 x 2 pixels, grey (a stroke thinner than a pixel at 150 dpi)
    const [line] = widenToInk([cut(px, 190, 100, 300, 130)], px, same);
    const xs = line!.box.map((p) => p[0]!);
    // Over the stroke (x 158) with a margin of paper, not further: 30 px high, margin 9.
    expect(Math.min(...xs)).toBe(149);
    expect(Math.max(...xs)).toBe(300);
    expect(line!.image.width).toBe(300 - 149);
    // The stroke is in the widened image: its row 15, column 9.
    const i = 4 * (15 * line!.image.width + 9);
    expect(line!.image.data[i]).toBe(140);
  });

  it('takes in the flat box the detector cut around the stroke alone (read alone, a 一 is `1`)', () => {
    const { px, ink } = titlePage();
    ink(158, 114, 178, 116);
    const lines = widenToInk([cut(px, 190, 100, 300, 130), cut(px, 150, 108, 186, 122)], px, same);
    expect(lines).toHaveLength(1);
    expect(Math.min(...lines[0]!.box.map((p) => p[0]!))).toBe(149);
  });

  it('leaves the box as it is beside a table rule, a taller neighbour, specks, a far cell or another line', () => {
    const band = { top: 100, bottom: 130 };
    const at = (paint: (ink: ReturnType<typeof page>['ink']) => void, blocked = (_x: number) => false) => {
      const { px, ink } = titlePage();
      paint(ink);
      return inkBeyond(px, 190, -1, band, 170, blocked);
    };
    expect(at((ink) => ink(158, 114, 178, 116))).toBe(41); // the stroke itself: widened to x 149
    expect(at((ink) => ink(175, 80, 177, 160))).toBe(0); // a vertical rule through the band
    expect(at((ink) => ink(150, 90, 170, 126))).toBe(0); // a glyph of the line above reaching into the band
    expect(at((ink) => [150, 160, 170, 180].forEach((x, k) => ink(x, 105 + 5 * k, x + 1, 106 + 5 * k)))).toBe(0); // specks
    expect(at((ink) => ink(100, 110, 140, 120))).toBe(0); // a cell's figure 2 heights away
    expect(at((ink) => ink(158, 114, 178, 116), (x) => x < 185)).toBe(0); // inside another line's box
    expect(at((ink) => ink(20, 114, 178, 116))).toBe(0); // a rule along the band, running on
  });
});

afterAll(closeOcrEngines);

describe('a generated noisy 150 dpi scan of a real 公开06 title (PP-OCR)', () => {
  // putuo czj 2024 page 16, its top quarter, speckled (seed 2): the detector leaves the 一 apart there
  // (measured without the widening: `般公共预算财政拨款基本支出决算表`, 0.998 confidence).
  it('reads 一般公共预算财政拨款基本支出决算表 and finds the table', { timeout: 120_000 }, async () => {
    const pdf = await scanPages(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'), { pages: [16], dpi: 150, noise: 0.004, seed: 2, crop: [0.05, 0, 0.7, 0] });
    const doc = await ingest(new Uint8Array(pdf), { ocr: 'auto', ocrEngine: 'paddle' });
    const lines = doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.text] : []));
    expect(lines).toContain('一般公共预算财政拨款基本支出决算表');
    const ex = extract(segment(doc));
    expect(ex.tables.map((t) => [t.kind, t.title])).toContainEqual(['公开06表', '一般公共预算财政拨款基本支出决算表']);
  });
});
