// The check command prints a document's flags in document order; a workbook's flags go sheet by sheet in the order
// the record meets its sheets (not interleaved by row number, nor by the sheets' names).
import { describe, expect, it } from 'vitest';
import type { Flag } from '../src/model.js';
import { sheetOrder, sortFlags } from '../src/write/flag-line.js';

const flag = (sheet: string | undefined, line: number, severity: Flag['severity'] = 'error'): Flag => ({
  code: 'SUM_MISMATCH',
  severity,
  message: `${sheet ?? '-'}:${line}`,
  loc: sheet === undefined ? { page: 1, line } : { sheet, line },
  excerpt: '',
  expected: null,
  found: null,
});

describe('flags of a workbook in document order', () => {
  it('sorts by the sheets in the record’s order, then by row', () => {
    const flags = [flag('预算02', 3), flag('预算01', 9), flag('预算02', 1), flag('预算01', 2)];
    expect(sortFlags(flags, ['预算01', '预算02']).map((f) => f.message)).toEqual(['预算01:2', '预算01:9', '预算02:1', '预算02:3']);
    // (the record meets 预算02 first: its flags come first, whatever the names' order)
    expect(sortFlags(flags, ['预算02', '预算01']).map((f) => f.message)).toEqual(['预算02:1', '预算02:3', '预算01:2', '预算01:9']);
  });

  it('reads the sheets’ order from the record’s tables, then its facts', () => {
    const r = { tables: [{ loc: { sheet: 'B' } }, { loc: { sheet: 'A' } }], facts: [{ loc: { sheet: 'A' } }, { loc: { sheet: 'C' } }, { loc: {} }] };
    expect(sheetOrder(r)).toEqual(['B', 'A', 'C']);
  });

  it('keeps a page document’s order: whole-document flags first, then page and line', () => {
    const whole: Flag = { code: 'MISSING_TABLE', severity: 'error', message: 'whole', loc: null, excerpt: '', expected: null, found: null };
    expect(sortFlags([flag(undefined, 5), whole, flag(undefined, 2)]).map((f) => f.message)).toEqual(['whole', '-:2', '-:5']);
  });
});
