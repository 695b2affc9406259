// The mutation evaluation's sites (session 9): a 大于/小于/增加/减少 swap is never injected on a line beside one the
// clean document already flags with an error — the statement may wrap there, and swapping its word can make a wrong
// statement right (a "miss" that is no defect).
import { describe, expect, it } from 'vitest';
import { besideErrors, sites } from '../scripts/eval-mutations.js';
import type { Flag } from '../src/model.js';
import { docFrom } from './check-helpers.js';

const lines = [
  '（一）财政拨款支出决算情况。',
  '2024年度一般公共预算财政拨款支出决算为480.00万元，完成年初预算的96.00%，决算数大于',
  '预算数的主要原因是：人员退休，减少12.00万元。',
  '（二）项目支出决算为60.00万元，决算数小于预算数的主要原因是项目延后。',
];
const flag = (line: number, severity: Flag['severity']): Flag => ({ code: 'DIRECTION_CONFLICT', severity, message: 'x', loc: { page: 1, line }, excerpt: '', expected: null, found: null }) as Flag;
const swapLines = (flags: Flag[]) => {
  const d = docFrom(lines);
  const none = new Set<number>();
  const out = sites(d, none, none, 2024, '决算', new Set(), new Set(), besideErrors(d, flags)).filter((s) => s.op === 'swap_comparison');
  return out.map((s) => s.make(() => 0.5)?.loc.line).sort();
};

describe('swap sites beside a flagged statement', () => {
  it('swaps every claim word of a clean document', () => {
    expect(swapLines([])).toEqual([3, 4]);
  });
  it('skips the line after (and before) a line flagged with an error', () => {
    expect(swapLines([flag(2, 'error')])).toEqual([4]);
  });
  it('keeps the lines beside a warning', () => {
    expect(swapLines([flag(2, 'warning')])).toEqual([3, 4]);
  });
});
