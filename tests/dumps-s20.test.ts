// Session 20 (GovBudgetChecker's page-text fixtures, read as unseen material): a dump whose scanned pages are
// empty strings, and a JSON file that holds several documents. Texts made up; shapes as in the fixtures.
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { unreadPages } from '../src/ingest/unread-pages.js';
import { tableCells } from '../src/table-cells.js';
import { checkLines } from './check-helpers.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('pages without text among pages with text (unreadPages)', () => {
  it('are the empty pages, a lone empty cover or back page left out', () => {
    expect(unreadPages([false, true, true, false])).toEqual([]);
    expect(unreadPages([false, true, false, true, false])).toEqual([3]);
    expect(unreadPages([true, true, false, false, false])).toEqual([3, 4, 5]);
    expect(unreadPages([false, false, true])).toEqual([1, 2]);
    expect(unreadPages([false, false])).toEqual([]);
  });
});

describe('a 决算 page dump whose later pages are empty strings (scanned pages, GovBudgetChecker scan_sim_mixed)', () => {
  const pages = [
    '某某单位2025年度部门决算',
    '目录\n第一部分 单位概况\n第二部分 2025年度部门决算表\n第三部分 2025年度部门决算情况说明',
    '第一部分 单位概况\n一、主要职能\n负责本单位职能范围内的工作。\n二、部门决算单位构成\n本部门决算由本级决算组成。',
    '',
    '',
    '',
  ];

  it('records the empty pages as unread', async () => {
    const doc = await ingest(enc(JSON.stringify({ page_count: 6, page_texts: pages })), { ocr: 'off' });
    expect(doc.source.unreadPages).toEqual([4, 5, 6]);
  });

  it('gives no MISSING_TABLE error: the tables may stand on the unread pages (info, saying so)', async () => {
    const d = await checkLines([JSON.stringify({ page_count: 6, page_texts: pages })]);
    const missing = d.flags.filter((f) => f.code === 'MISSING_TABLE' || f.code === 'MISSING_SECTION');
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(missing.every((f) => f.message.includes('（第4–6页没有可读的文字，可能在其中，请对照原件核对）'))).toBe(true);
  });

  it('still flags the missing tables as errors where every page has text', async () => {
    const d = await checkLines([JSON.stringify({ page_count: 3, page_texts: pages.slice(0, 3) })]);
    expect(d.flags.filter((f) => f.code === 'MISSING_TABLE' && f.severity === 'error').length).toBeGreaterThan(0);
  });
});

describe('a JSON file holding documents, each with its own pages (GovBudgetChecker perf_phase fixture)', () => {
  const material = (id: string, title: string) => ({ doc_id: id, label: id, source_pdf: `${id}.pdf`, page_count: 1, frozen_pages: [1], page_texts: [title] });

  it('is refused with one line where it holds several: they are never read as the pages of one report', async () => {
    await expect(ingest(enc(JSON.stringify({ materials: [material('a', '甲局2026年部门预算'), material('b', '乙局2026年部门预算')] })))).rejects.toThrow(
      'a JSON file holding 2 documents, each with its own pages (materials[0].page_texts): give each document a file of its own',
    );
  });

  it('is read as the document it holds where it holds one', async () => {
    const doc = await ingest(enc(JSON.stringify({ materials: [material('a', '甲局2026年部门预算')] })), { ocr: 'off' });
    expect(doc.blocks.map((b) => (b.kind === 'line' ? b.line.raw : ''))).toEqual(['甲局2026年部门预算']);
  });
});

describe('a 三公 row of a single-spaced dump with fewer figures than columns (GovBudgetChecker cross_san_gong, 宜川 2025 公开07)', () => {
  const page = [
    '财政拨款“三公”经费支出决算表',
    '单位：万元',
    '财政拨款“三公”经费',
    '公务用车购置及运行维护费',
    '因公出国',
    '合计 公务用车 公务用车 公务接待费',
    '（境）费 小计',
    '购置费 运行维护费',
    '预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数 预算数 决算数',
    '31.47 19.86 30.67 19.56 30.67 19.56 0.80 0.30',
  ].join('\n');

  it('gives the pair that could be 购置费 or 运行维护费 no column: in table_cells it is the row’s, not 购置费’s', async () => {
    const d = await checkLines([JSON.stringify(['某某单位2025年度部门决算', page])]);
    const t = d.tables.find((x) => x.kind === '公开07表')!;
    expect(t.unplaced).toEqual([
      [0, 8],
      [0, 9],
    ]);
    const cells = tableCells(d as never).filter((c) => c.table.kind === '公开07表');
    expect(cells.map((c) => `${c.valueText} ${c.subject.column ?? '-'} ${c.columnHeader || '-'}`)).toEqual([
      '31.47 total 合计/预算数',
      '19.86 total 合计/决算数',
      '30.67 vehicles 公务用车购置及运行维护费/小计/预算数',
      '19.56 vehicles 公务用车购置及运行维护费/小计/决算数',
      '30.67 - -',
      '19.56 - -',
      '0.80 reception 公务接待费/预算数',
      '0.30 reception 公务接待费/决算数',
    ]);
  });
});
