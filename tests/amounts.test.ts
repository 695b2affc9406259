// Numbers that would come out wrong if read naively give no value at all.
import { describe, expect, it } from 'vitest';
import { lineFacts } from '../src/extract/facts.js';
import { parseAmount, toYuan } from '../src/extract/tables/amount.js';
import { makeLine } from '../src/ingest/normalize.js';

const amounts = (raw: string) =>
  lineFacts([makeLine(raw, { page: 1, line: 1 })], 2023)
    .filter((f) => f.kind === 'amount')
    .map((f) => [f.text, f.unit, f.yuan]);

describe('narrative amounts', () => {
  it('gives no fact for an amount no integer can hold exactly, and does not fail the document', () => {
    expect(amounts('账户余额62220212345678901234元，支出合计93.93万元。')).toEqual([['93.93', '万元', 939300]]);
  });

  it('gives no fact for a number after a misplaced thousands comma', () => {
    expect(amounts('支出合计1,23.45万元。')).toEqual([]);
  });

  it('gives no fact for a signed number rather than drop its sign', () => {
    expect(amounts('比上年减少-5.00万元，收入合计93.93万元。')).toEqual([['93.93', '万元', 939300]]);
  });
});

describe('table cell amounts', () => {
  it('reads a bracketed figure as negative in both value and yuan', () => {
    expect(parseAmount('(12.50)')).toEqual({ value: -12.5, text: '(12.50)' });
    expect(toYuan('(12.50)', '万元')).toBe(-125000);
    expect(toYuan('-12.50', '万元')).toBe(-125000);
    expect(toYuan('2,940.05', '万元')).toBe(29400500);
  });

  it('refuses a lone bracket, and a figure past the exact integer range', () => {
    expect(parseAmount('12.50)')).toBeNull();
    expect(parseAmount('(12.50')).toBeNull();
    expect(toYuan('99999999999.99', '亿元')).toBeUndefined();
  });
});

describe('indicator amounts (执行数/预算数)', () => {
  it('takes thousands separators only in groups of three', async () => {
    const { parseAmount } = await import('../src/extract/indicators/values.js');
    expect(parseAmount('1,234.50')).toBe(1234.5);
    expect(parseAmount('15.875')).toBe(15.875);
    expect(parseAmount('1,2,3')).toBeNull();
  });
});
