import { describe, expect, it } from 'vitest';
import { furniture } from '../src/ingest/pdf/furniture.js';
import type { PageLine } from '../src/ingest/pdf/layout.js';

const line = (page: number, y: number, text: string): PageLine => ({ page, y, size: 10, segs: [{ text, x0: 290, x1: 300, y, size: 10 }] });

describe('page furniture', () => {
  it('finds page numbers in the bottom margin of a page box that does not start at 0', () => {
    // MediaBox [0 100 595 942]: the bottom margin is y 100–184, not 0–84.
    const pages = [1, 2].map((p) => [line(p, 800, `正文第${p}页的内容。`), line(p, 110, String(p))]);
    const box = { bottom: 100, top: 942 };
    expect([...furniture(pages, [box, box])].sort()).toEqual(['0:1', '1:1']);
  });

  it('takes a page number framed by box-drawing dashes (─ 7 ─) in the margin for furniture, on any page count', () => {
    const pages = [line(1, 800, '正文。'), line(1, 40, '─ 7 ─'), line(1, 30, '─ 7 ─ 合计')].map((l) => [l]).flat();
    expect([...furniture([pages], [{ bottom: 0, top: 842 }])]).toEqual(['0:1']);
  });

  it('takes a page number set just above the margin line for furniture where it runs with the page index on three pages', () => {
    // Landscape pages (595 high: the margin is the lowest 59.5 points), numbered 12, 13, 14 on pages 14–16 at y 62:
    // read as table cells they made a column of their own.
    const box = { bottom: 0, top: 595 };
    const pages = [12, 13, 14].map((n) => [line(n + 2, 500, '205    教育支出    1,000.00'), line(n + 2, 62, String(n))]);
    expect([...furniture(pages, [box, box, box])].sort()).toEqual(['0:1', '1:1', '2:1']);
  });

  it('keeps a lone number above the margin that does not run with the page index (a figure, not a page number)', () => {
    const box = { bottom: 0, top: 595 };
    const pages = [12, 40, 14].map((n) => [line(1, 500, '205    教育支出    1,000.00'), line(1, 62, String(n))]);
    expect([...furniture(pages, [box, box, box])].sort()).toEqual([]);
  });
});
