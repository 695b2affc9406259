// Narrative figures restated in other words (issue 11, rule 1; session 11): 人员支出 / 公用支出 / 日常公用经费 name
// the 基本支出 table's 人员经费 / 公用经费, on a real 预算 layout (普陀区政府办公室 2025, its 预算06 prints both
// columns: 人员经费 22,473,997.81元, 公用经费 2,132,777.54元), with a sentence added to its narrative.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { Flag, IngestedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const run = (doc: IngestedDocument) => check(extract(segment(doc)));
const basic = (flags: Flag[]) => flags.filter((f) => f.code === 'VALUE_CONFLICT' && f.message.includes('预算06')).map((f) => [f.severity, f.loc?.page, f.loc?.line, f.expected, f.found]);
const sangong = (flags: Flag[]) => flags.filter((f) => f.code === 'VALUE_CONFLICT' && f.message.includes('公务接待费')).map((f) => [f.severity, f.loc?.page, f.loc?.line, f.expected, f.found, f.message.slice(0, 10)]);
const AT = '科目1,202.95万元，主要用于行政单位的基本支出。';

/** The document with `more` added after the first line holding AT, and `was` → `now` on the first line holding `was`. */
function add(doc: IngestedDocument, more: string, was = AT, now = was): IngestedDocument {
  const edits: [string, string][] = [[AT, AT + more], [was, now]];
  let blocks = doc.blocks;
  for (const [from, to] of edits) {
    if (from === to && from !== AT) continue;
    let done = false;
    blocks = blocks.map((b) => {
      if (done || b.kind !== 'line' || !b.line.raw.includes(from)) return b;
      done = true;
      return { kind: 'line' as const, line: makeLine(b.line.raw.replace(from, to), b.line.loc, b.line.hint) };
    });
    expect(done).toBe(true);
  }
  return { ...doc, blocks, flags: doc.flags.slice() };
}

describe('人员支出 / 公用支出 / 日常公用经费 against the 基本支出 table’s 人员经费 / 公用经费', () => {
  it('accepts the table’s figures, flags one cent off, and leaves the 机关运行经费’s 日常公用经费 alone', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_zfb_2025_dept_yusuan.pdf'), { ocr: 'off' });
    expect(basic(run(add(doc, '基本支出中人员支出2,247.40万元，日常公用经费213.28万元。')).flags)).toEqual([]);
    expect(basic(run(add(doc, '基本支出中人员支出2,247.41万元，日常公用经费213.29万元。')).flags)).toEqual([
      ['warning', 6, 9, '22,473,997.81元', '2,247.41万元'],
      ['warning', 6, 9, '2,132,777.54元', '213.29万元'],
    ]);
    expect(basic(run(add(doc, '人员支出、公用支出分别为2,247.40万元、213.29万元。')).flags)).toEqual([['warning', 6, 9, '2,132,777.54元', '213.29万元']]);
    // (the words of another quantity: 机关日常公用经费 is the administrative units' only)
    expect(basic(run(add(doc, '机关日常公用经费213.29万元。')).flags)).toEqual([]);
  }, 120_000);
});

describe('a 三公 item stated twice (overview and its paragraph) against each other and the 三公 table (28.50)', () => {
  it('flags the copy its table contradicts, never the copy that agrees with the table', async () => {
    const doc = await ingest(corpus('GovBudgetChecker__putuo_zfb_2025_dept_yusuan.pdf'), { ocr: 'off' });
    // the earlier copy wrong: only it (the later copy 28.50 is the table's figure)
    expect(sangong(run(add(doc, '其中公务接待费28.60万元。')).flags)).toEqual([['warning', 6, 9, '28.50万元', '28.60万元', '正文数字与表格不一致']]);
    // the later copy wrong
    expect(sangong(run(add(doc, '其中公务接待费28.50万元。', '公务接待费28.50万元，与', '公务接待费28.60万元，与')).flags)).toEqual([['warning', 21, 7, '28.50万元', '28.60万元', '正文数字与表格不一致']]);
    // both wrong, each its own way: each against the table
    expect(sangong(run(add(doc, '其中公务接待费28.70万元。', '公务接待费28.50万元，与', '公务接待费28.60万元，与')).flags)).toEqual([
      ['warning', 6, 9, '28.50万元', '28.70万元', '正文数字与表格不一致'],
      ['warning', 21, 7, '28.50万元', '28.60万元', '正文数字与表格不一致'],
    ]);
  }, 120_000);
});
