// Session 11, templates: indicator values with Latin/symbol units, university column roles, family parts.
import { describe, expect, it } from 'vitest';
import { isMalformed } from '../src/extract/indicators/values.js';

describe('indicator values with a unit', () => {
  it('accepts a number with a Latin or symbol unit (绩效指标 of a university 预算: ≥3940KVA, ≥10153.1㎡)', () => {
    for (const v of ['≥3940KVA', '≥10153.1㎡', '50m²', '≥1,200人次', '20kW/h', '≤5MB/s']) expect([v, isMalformed(v)]).toEqual([v, false]);
  });
  it('still rejects a stray sign, a doubled symbol or a broken number', () => {
    for (const v of ['100&', '98%%', '9.8.5', '≥12,34万元', '30KVA%']) expect([v, isMalformed(v)]).toEqual([v, true]);
  });
});
