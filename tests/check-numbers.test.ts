import { describe, expect, it } from 'vitest';
import { formatAmount } from '../src/check/numbers.js';

describe('formatAmount (the expected figure a flag prints)', () => {
  it('rounds half away from zero in integers, not through a float', () => {
    expect(formatAmount(10050, '万元', 2)).toBe('1.01万元'); // toFixed gave 1.00万元
    expect(formatAmount(939300, '万元', 2)).toBe('93.93万元');
    expect(formatAmount(-125000, '万元', 1)).toBe('-12.5万元');
    expect(formatAmount(26, '元', 2)).toBe('26.00元');
    expect(formatAmount(4999, '万元', 0)).toBe('0万元');
  });
});
