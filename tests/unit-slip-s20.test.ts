// Session 20 (renwu 2026 预算, 长春 信访局 p17: `2026年预算支出1682.76元` where its 收支总表 prints 1682.76万元): a
// narrative figure that prints the table's very digits under another unit is a wrong unit (UNIT_SUSPECT, error),
// not a different figure (no VALUE_CONFLICT beside it). Names and figures made up; the layout is the real one.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { at } from './layout-text.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
const of = (d: Awaited<ReturnType<typeof run>>, codes: string[]) => d.flags.filter((f) => codes.includes(f.code)).map((f) => `${f.code} ${f.severity} ${f.message}`);

const report = (stated: string) =>
  [
    '某某局2026年部门预算',
    '',
    at(['收支总表（预算表1）', 30, '<']),
    at(['预算单位：某某局', 0, '<'], ['单位：万元', 80, '<']),
    at(['收入', 10, '<'], ['支出', 55, '<']),
    at(['项目', 4, '<'], ['本年预算', 28, '<'], ['项目', 48, '<'], ['本年预算', 80, '<']),
    at(['一、一般公共预算拨款收入', 0, '<'], ['2468.13', 38, '>'], ['一、一般公共服务支出', 46, '<'], ['2000.00', 90, '>']),
    at(['二、政府性基金预算拨款收入', 0, '<'], ['二、社会保障和就业支出', 46, '<'], ['468.13', 90, '>']),
    at(['本年收入合计', 4, '<'], ['2468.13', 38, '>'], ['本年支出合计', 50, '<'], ['2468.13', 90, '>']),
    at(['收入总计', 4, '<'], ['2468.13', 38, '>'], ['支出总计', 50, '<'], ['2468.13', 90, '>']),
    '',
    '2026年部门预算情况说明',
    '一、收支总表情况说明',
    `2026年预算收入2468.13万元。2026年预算支出${stated}，其中基本支出预算2000.00万元，项目支出预算468.13万元。`,
    '',
  ].join('\n');

describe('a narrative figure printed under another unit than its table cell', () => {
  it('is UNIT_SUSPECT (error), with no VALUE_CONFLICT beside it', async () => {
    const d = await run(report('2468.13元'));
    expect(of(d, ['UNIT_SUSPECT', 'VALUE_CONFLICT'])).toEqual([
      'UNIT_SUSPECT error 单位有误：支出合计正文写2468.13元（第1页第14行），表格中同一数字为2468.13万元（第1页表t1第4行），应为“2468.13万元”。',
    ]);
  });

  it('is a VALUE_CONFLICT, not a unit slip, where the digits differ', async () => {
    const d = await run(report('2460.13元'));
    expect(of(d, ['UNIT_SUSPECT'])).toEqual([]);
    expect(of(d, ['VALUE_CONFLICT']).length).toBeGreaterThan(0);
  });

  it('says nothing where the unit and figure agree', async () => {
    expect(of(await run(report('2468.13万元')), ['UNIT_SUSPECT', 'VALUE_CONFLICT'])).toEqual([]);
  });
});
