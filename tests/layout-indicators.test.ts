// Indicator tables printed as page text (issue 12): the seed's two indicator tables from its
// `pdftotext -layout` dump and its single-space dump give the PDF's grid reading: the same indicators
// (level names, names, values), project fields and flags; a header word is never a value.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractIndicators, type IndicatorExtraction } from '../src/extract/indicators.js';
import { extract } from '../src/index.js';
import { ingest } from '../src/ingest/index.js';
import { readIndicatorTables } from '../src/ingest/layout/indicators.js';
import { segment } from '../src/segment/index.js';
import { hasPdftotext, makeRendition } from '../scripts/make-renditions.js';
import { seed } from './paths.js';
import { PROJECT_ROWS } from './seed-indicators.js';

const SEED_PDF = seed('000_37d039dcb8ad6afc.pdf');
const read = async (file: string) => extractIndicators(segment(await ingest(file, { ocr: 'off' })));
const rows = (r: IndicatorExtraction) => r.indicators.map((i) => [i.table, i.level1, i.level2, i.level3, i.target, i.actual]);
const flags = (r: IndicatorExtraction) => r.flags.map((f) => [f.code, f.severity, f.message, f.excerpt?.replace(/\s+/g, '')]);

describe.skipIf(!hasPdftotext())('the seed’s indicator tables from its page-text dumps', () => {
  let pdf: IndicatorExtraction;
  const dumps: Record<string, IndicatorExtraction> = {};
  beforeAll(async () => {
    const r = makeRendition(SEED_PDF);
    pdf = await read(SEED_PDF);
    dumps.layout = await read(r.layout);
    dumps.spaced = await read(r.spaced);
  });

  it.each(['layout', 'spaced'])('%s: two tables, the PDF’s 41 indicators, every cell equal', (name) => {
    const d = dumps[name]!;
    expect(d.tableIds).toEqual(['t1', 't2']);
    expect(d.tableKinds).toEqual({ t1: '部门整体绩效目标表', t2: '项目支出绩效自评表' });
    expect(rows(d)).toEqual(rows(pdf));
    expect(rows(d)).toHaveLength(41);
    expect(d.indicators.filter((i) => i.table === 't2').map((i) => [i.level1, i.level2, i.level3, i.target, i.actual])).toEqual(PROJECT_ROWS);
  });

  it.each(['layout', 'spaced'])('%s: the PDF’s project fields (实施单位 from its label wrapped around the row) and flags', (name) => {
    const d = dumps[name]!;
    expect(d.projects).toEqual(pdf.projects);
    expect(d.projects[0]).toMatchObject({ 项目名称: '工会综合专项经费', 主管部门: '鄂城区政府', 实施单位: '鄂城区总工会', 执行率: '100%' });
    expect(flags(d)).toEqual(flags(pdf));
  });

  it('gives cells their place in the dump', () => {
    const loc = (d: IndicatorExtraction) => d.indicators.find((i) => i.level3 === '政府采购执行率')!.loc;
    expect(loc(dumps.layout!)).toMatchObject({ page: 12, line: 38, table: 't1' });
    expect(loc(dumps.spaced!)).toMatchObject({ page: 12, table: 't1' });
    const wrapped = dumps.layout!.indicators.find((i) => i.level3.startsWith('为女职工'))!;
    expect(wrapped.loc).toMatchObject({ page: 13, line: 40, table: 't2' });
  });

  it('marks the two tables with their kinds in the record, as the PDF does', async () => {
    const r = makeRendition(SEED_PDF);
    for (const f of [r.layout, r.spaced]) {
      const record = await extract(f, { ocr: 'off' });
      expect(record.tables.filter((t) => !t.kind.startsWith('公开')).map((t) => t.kind)).toEqual(['绩效目标表', '项目自评表']);
      expect(record.indicators).toHaveLength(41);
    }
  });
});

describe('the page-text indicator reader', () => {
  const lines = (text: string) => text.split('\n').map((raw, i) => ({ raw, page: 1, line: i + 1 }));
  // Cells at display columns, as pdftotext lays them out (a Chinese character is two columns wide).
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const at = (...cells: [number, string][]) => cells.reduce((line, [col, text]) => line + ' '.repeat(Math.max(line ? 1 : 0, col - width(line))) + text, '');

  it('sets a centred level name on the rows its cell covers, and takes a wrapped name whole', () => {
    // Names centred in their merged cells (a Word table): 产出指标 covers three rows (lines 3–6, the third
    // wrapped), 数量指标 two: each stands mid-group, below its first row.
    const text = [
      at([10, '项目支出绩效目标表']),
      at([0, '一级指标'], [12, '二级指标'], [24, '三级指标'], [52, '指标值']),
      at([24, '培训人次'], [52, '200人次']),
      at([12, '数量指标'], [24, '覆盖街道数'], [52, '10个']),
      at([0, '产出指标'], [24, '为困难企业职工发放慰问物'], [52, '100份']),
      at([12, '质量指标'], [24, '资']),
      at([0, '效益指标'], [12, '社会效益指标'], [24, '群众知晓率'], [52, '90%']),
    ].join('\n');
    const [t] = readIndicatorTables(lines(text), true);
    expect(t!.table.rows.map((r) => r.map((c) => (c.spanned ? `^${c.text}` : c.text)))).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '200人次'],
      ['^产出指标', '^数量指标', '覆盖街道数', '10个'],
      ['^产出指标', '质量指标', '为困难企业职工发放慰问物资', '100份'],
      ['效益指标', '社会效益指标', '群众知晓率', '90%'],
    ]);
    expect(t!.lines.map((l) => l.line)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('never takes a header word for a name or a value', () => {
    const text = [
      at([10, '项目支出绩效目标表']),
      at([0, '绩'], [5, '一级'], [52, '分值']),
      at([0, '效'], [5, '指标'], [16, '二级指标'], [26, '三级指标'], [40, '指标值'], [52, '（90）']),
      at([0, '指']),
      at([0, '标'], [5, '产出指标'], [16, '数量指标'], [26, '奖助学生人次'], [40, '2000人次'], [52, '20']),
    ].join('\n');
    const [t] = readIndicatorTables(lines(text), true);
    const cells = t!.table.rows.slice(1).flat().map((c) => c.text);
    expect(cells).toEqual(['产出指标', '数量指标', '奖助学生人次', '2000人次', '20']);
    expect(t!.table.rows[0]!.map((c) => c.text)).toEqual(['一级指标', '二级指标', '三级指标', '指标值', '分值（90）']);
  });
});

describe.skipIf(!hasPdftotext())('the 西南大学 2023 预算 dumps (24 project tables, names centred in merged cells)', () => {
  it('give no indicator row the PDF does not give: a reading that breaks the template is left unread', async () => {
    const pdfFile = seed('../corpus/real/VIOLET50411__chongqing_swu_2023_dept_yusuan.pdf');
    const key = (i: IndicatorExtraction['indicators'][number]) => [i.level1, i.level2, i.level3, i.target, i.actual].join('|');
    const pdf = await read(pdfFile);
    const pdfRows = new Set(pdf.indicators.map(key));
    const r = makeRendition(pdfFile);
    // Two tables come whole from the -layout dump: their project fields and every row as the PDF has them.
    const layout = await read(r.layout);
    const whole = layout.projects.filter((p) => layout.tableIds.includes(String(p.table)));
    expect(whole.map((p) => p['项目名称'])).toEqual(['236-中央高校改善基本办学条件专项-基础设施改造项目（中学）', '236教育政策和法制工作专项']);
    for (const p of whole) {
      const twin = pdf.projects.find((q) => q['项目名称'] === p['项目名称'])!;
      expect({ ...p, table: null }).toEqual({ ...twin, table: null });
      const rowsOf = (d: IndicatorExtraction, t: unknown) => d.indicators.filter((i) => i.table === t).map(key);
      expect(rowsOf(layout, p.table)).toEqual(rowsOf(pdf, twin.table));
    }
    for (const f of [r.layout, r.spaced]) {
      const d = await read(f);
      expect(d.indicators.filter((i) => !pdfRows.has(key(i))).map(key)).toEqual([]);
      const header = /^(绩效指标|一级指标|二级指标|三级指标|指标值|分值)/;
      for (const i of d.indicators) for (const v of [i.level1, i.level2, i.level3, i.target]) expect(v ?? '').not.toMatch(header);
    }
  }, 120_000);
});
