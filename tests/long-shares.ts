// A generated long section for the share check (issue 15): many lists of parts with their shares, named
// bases stated again and again, lists with no total whose shares make 100%, some shares wrong. The flags
// are pinned (tests/check-arithmetic.test.ts) from the check as it was before it was made linear.
import type { ExtractedDocument } from '../src/model.js';
import { docFrom, type FactSpec } from './check-helpers.js';

export function longShareDoc(blocks: number): ExtractedDocument {
  const lines: string[] = [];
  const specs: FactSpec[] = [];
  const section = 'general_budget';
  for (let i = 0; i < blocks; i++) {
    const a = 100 + i;
    const b = 50 + (i % 7);
    const c = 30 + (i % 5);
    const tot = a + b + c;
    const pct = (x: number) => ((100 * x) / tot).toFixed(2);
    const pa = pct(a);
    const pb = i % 9 === 4 ? (Number(pct(b)) + 3).toFixed(2) : pct(b);
    const pc = pct(c);
    // a total, then its parts with shares that name no base
    lines.push(`2023年度支出合计${tot}万元，主要用于以下方面：`);
    specs.push({ line: lines.length, text: String(tot), unit: '万元', role: 'actual', metric: 'total_expenditure', label: '支出合计', section });
    lines.push(`一般公共服务支出${a}万元，占${pa}%；社会保障和就业支出${b}万元，占${pb}%；卫生健康支出${c}万元，占${pc}%。`);
    specs.push(
      { line: lines.length, text: String(a), unit: '万元', role: 'actual', label: '一般公共服务支出', section },
      { line: lines.length, text: pa, unit: '%', role: 'share', label: '一般公共服务支出', section },
      { line: lines.length, text: String(b), unit: '万元', role: 'actual', label: '社会保障和就业支出', section },
      { line: lines.length, text: pb, unit: '%', role: 'share', label: '社会保障和就业支出', section },
      { line: lines.length, text: String(c), unit: '万元', role: 'actual', label: '卫生健康支出', section },
      { line: lines.length, text: pc, unit: '%', role: 'share', label: '卫生健康支出', section },
    );
    // a part with a share of a named base (占支出合计)
    const pn = i % 13 === 6 ? (Number(pa) - 4).toFixed(2) : pa;
    lines.push(`其中基本支出${a}万元，占支出合计的${pn}%。`);
    specs.push(
      { line: lines.length, text: String(a), unit: '万元', role: 'actual', label: '基本支出', section },
      { line: lines.length, text: pn, unit: '%', role: 'share', label: '基本支出', section },
    );
    // parts whose shares make 100% with no total stated
    const x = 10 + (i % 3);
    const y = 20 + (i % 4);
    const z = 30;
    const s = x + y + z;
    const sx = ((100 * x) / s).toFixed(2);
    const sy = ((100 * y) / s).toFixed(2);
    const sz = (100 - Number(sx) - Number(sy) + (i % 10 === 7 ? 6 : 0)).toFixed(2);
    lines.push(`因公出国（境）费${x}万元，占${sx}%；公务用车购置及运行费${y}万元，占${sy}%；公务接待费${z}万元，占${sz}%。`);
    specs.push(
      { line: lines.length, text: String(x), unit: '万元', role: 'actual', label: '因公出国（境）费', section },
      { line: lines.length, text: sx, unit: '%', role: 'share', label: '因公出国（境）费', section },
      { line: lines.length, text: String(y), unit: '万元', role: 'actual', label: '公务用车购置及运行费', section },
      { line: lines.length, text: sy, unit: '%', role: 'share', label: '公务用车购置及运行费', section },
      { line: lines.length, text: String(z), unit: '万元', role: 'actual', label: '公务接待费', section },
      { line: lines.length, text: sz, unit: '%', role: 'share', label: '公务接待费', section },
    );
  }
  return docFrom(lines, specs);
}
