// The seed PDF's indicator tables (pages 12–14) come out as grids from their rulings, and read like
// the DOCX tables: same indicators, project fields and flags.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractIndicators, type IndicatorExtraction } from '../src/extract/indicators.js';
import { extract } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import type { IngestedDocument, SourceTable } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { seed } from './paths.js';
import { PROJECT_ROWS } from './seed-indicators.js';

const SEED = (ext: string) => seed(`000_37d039dcb8ad6afc.${ext}`);
const tablesOf = (doc: IngestedDocument): SourceTable[] => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const levels = (r: IndicatorExtraction) => r.indicators.map((i) => [i.table, i.level1, i.level2, i.level3, i.target, i.actual]);

describe('indicator tables of the seed PDF', () => {
  let doc: IngestedDocument;
  let pdf: IndicatorExtraction;
  let docx: IndicatorExtraction;
  beforeAll(async () => {
    doc = await ingest(SEED('pdf'), { ocr: 'off' });
    pdf = extractIndicators(segment(doc));
    docx = extractIndicators(segment(await ingest(SEED('docx'))));
  });

  it('grids both tables from their rulings, continued across page breaks', () => {
    const [t1, t2] = tablesOf(doc);
    expect(tablesOf(doc)).toHaveLength(2);
    expect([t1!.id, t1!.rows.length, t1!.rows[0]!.length, t1!.loc]).toEqual(['t1', 43, 5, { page: 12, line: 12, table: 't1' }]);
    expect([t2!.id, t2!.rows.length, t2!.rows[0]!.length, t2!.loc]).toEqual(['t2', 24, 6, { page: 13, line: 22, table: 't2' }]);
    for (const t of [t1!, t2!]) for (const row of t.rows) expect(row).toHaveLength(t.rows[0]!.length);
    // Cells carry page/line/table/row/col; a cell of the page-13 part of t1 says page 13.
    expect(t1!.rows[18]![3]).toEqual({ text: '政府采购执行率', raw: '政府采购执行率', loc: { page: 12, line: 30, table: 't1', row: 18, col: 3 } });
    expect(t1!.rows[41]!.map((c) => c.text)).toEqual(['', '满意度', '服务对象满意度', '职工满意度', '100%']);
    expect(t1!.rows[41]![3]!.loc.page).toBe(13);
    // Text wrapped inside a cell is one cell; a merged cell is copied into the slots it covers, marked spanned.
    expect(t2!.rows[1]!.map((c) => (c.spanned ? `^${c.text}` : c.text))).toEqual(['主管部门', '鄂城区政府', '项目实施单位', '鄂城区总工会', '^鄂城区总工会', '^鄂城区总工会']);
    expect(t2!.rows[9]![3]!.text).toBe('为女职工身体健康进行一系列检查，为各级劳模发放“三金”');
    expect(t2!.rows[8]!.map((c) => (c.spanned ? `^${c.text}` : c.text))).toEqual(['一级指标', '二级指标', '三级指标', '年初目标值（A）', '实际完成值（B）', '^实际完成值（B）']);
    // The header sits under a form here, so the grid does not claim leading header rows.
    expect([t1!.headerRows, t2!.headerRows]).toEqual([undefined, undefined]);
  });

  it('gives the same indicators as the DOCX, and no wrong extra row', () => {
    expect(pdf.tableIds).toEqual(['t1', 't2']);
    expect(pdf.tableKinds).toEqual({ t1: '部门整体绩效目标表', t2: '项目支出绩效自评表' });
    expect(pdf.indicators).toHaveLength(41);
    expect(levels(pdf)).toEqual(levels(docx));
    expect(pdf.indicators.filter((i) => i.table === 't1')).toHaveLength(34);
    expect(pdf.indicators.map((i) => i.level3)).not.toContain('联系部门满意度');
    expect(pdf.indicators.filter((i) => i.table === 't2').map((i) => [i.level1, i.level2, i.level3, i.target, i.actual])).toEqual(PROJECT_ROWS);
    expect(pdf.indicators.find((i) => i.level3 === '政府采购执行率')!.loc).toEqual({ page: 12, line: 30, table: 't1', row: 18, col: 3 });
  });

  it('gives the DOCX project fields, 实施单位 included, and the same flags', () => {
    expect(pdf.projects).toEqual(docx.projects);
    expect(pdf.projects[0]).toMatchObject({ 项目名称: '工会综合专项经费', 主管部门: '鄂城区政府', 实施单位: '鄂城区总工会', 预算数: '15.875', 执行数: '15.875', 执行率: '100%' });
    expect(pdf.flags.map((f) => [f.code, f.message, f.excerpt])).toEqual(docx.flags.map((f) => [f.code, f.message, f.excerpt]));
    expect(pdf.flags.find((f) => f.code === 'MALFORMED_VALUE')!.loc).toEqual({ page: 12, line: 30, table: 't1', row: 18, col: 4 });
  });

  it('marks the two tables with their kinds in the record', async () => {
    const record = await extract(SEED('pdf'), { ocr: 'off' });
    expect(record.tables.filter((t) => !t.kind.startsWith('公开')).map((t) => t.kind)).toEqual(['绩效目标表', '项目自评表']);
    expect(record.indicators).toHaveLength(41);
  });
});
