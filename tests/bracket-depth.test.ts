import { describe, expect, it } from 'vitest';
import { bracketDepth } from '../src/brackets.js';

describe('bracketDepth: brackets still open at the end of a text', () => {
  it('counts full-width and ASCII brackets alike', () => {
    expect(bracketDepth('公务用车购置及运行费12.00万元（其中：购置费')).toBe(1);
    expect(bracketDepth('一般公共服务支出（类）(款')).toBe(1);
    expect(bracketDepth('（一）收入支出决算总体情况')).toBe(0);
  });
  it('sees a figure inside a bracket whose words hold a closed bracket of their own', () => {
    expect(bracketDepth('（其中：办公费（含印刷费）')).toBe(1);
  });
  it('ignores a closing bracket with none open (a wrapped line starting with ）)', () => {
    expect(bracketDepth('）的支出（')).toBe(1);
    expect(bracketDepth('）的支出')).toBe(0);
  });
});
