import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { generate, generateOne, toDocx } from '../scripts/gen-synthetic.js';
import { evaluate } from '../scripts/eval-flags.js';

describe('synthetic generator', () => {
  it('is deterministic for a seed and injects three distinct defects per report, each with a key entry', () => {
    const a = generate(5, 7);
    const b = generate(5, 7);
    expect(a).toEqual(b);
    for (const d of a) expect(d.key.length).toBeGreaterThanOrEqual(3);
    expect(generateOne(0, 7).lines).not.toEqual(generateOne(0, 8).lines);
  });

  it('writes a DOCX that Word readers open: paragraphs and the TAB-led tables as real tables', async () => {
    const d = generateOne(3, 1);
    const docx = await toDocx(d.lines);
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx) })).value;
    expect(html).toContain(`<p>${d.lines[0]}</p>`);
    expect(html.match(/<table>/g)?.length).toBeGreaterThanOrEqual(5);
    expect(html).toContain('<td><p>本年收入合计</p></td>');
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx) })).value;
    // the blanks are kept verbatim (xml:space="preserve")
    const blankLine = d.lines.find((l) => /\s{4}/.test(l))!;
    expect(text).toContain(blankLine.trim());
  });
});

describe('flags on the synthetic set (text and DOCX)', () => {
  it('reaches precision ≥ 0.95 and recall ≥ 0.9 on every code the set exercises', async () => {
    const r = await evaluate(20, 3, ['txt', 'docx']);
    const codes = [...r.byCode.keys()].sort();
    expect(codes.length).toBeGreaterThanOrEqual(10);
    const tp = [...r.byCode.values()].reduce((s, c) => s + c.tp, 0);
    const fp = [...r.byCode.values()].reduce((s, c) => s + c.fp, 0);
    const fn = [...r.byCode.values()].reduce((s, c) => s + c.fn, 0);
    expect(r.falsePositives).toEqual([]);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.9);
    expect(r.skipped.size).toBe(0);
  });
});
