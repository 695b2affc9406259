// Standard tables from page-text dumps against the PDF they came from (issue 12): per corpus PDF, the
// value cells its `pdftotext -layout` dump and its single-space dump give that its PDF gives (pinned
// floors: a drop fails), none that differs, and the exact cells of the cases fixed one by one.
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { TableRecord } from '../src/model.js';
import { documentAgreement, readTables } from '../scripts/eval-tables.js';
import { hasPdftotext, makeRendition, sourcePdfs } from '../scripts/make-renditions.js';
import { corpus } from './paths.js';

/** Value cells the dumps give equal to the PDF's (layout, spaced) out of the PDF's. */
const FLOOR: Record<string, [pdf: number, layout: number, spaced: number]> = {
  GovBudgetChecker__putuo_czj_2024_dept_juesuan_good: [195, 103, 103],
  GovBudgetChecker__putuo_sfj_2026_dept_yusuan: [361, 348, 348],
  GovBudgetChecker__putuo_sfj_2026_unit_yusuan: [391, 371, 371],
  GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad: [205, 157, 157],
  GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan: [874, 857, 857],
  GovBudgetChecker__putuo_zfb_2025_dept_yusuan: [221, 191, 191],
  VIOLET50411__chongqing_swu_2023_dept_yusuan: [76, 76, 76],
  ae86jack__jiangsu_gaoyuan_2017_dept_yusuan: [198, 112, 112],
  ae86jack__jiangsu_jianchayuan_2019_dept_yusuan: [181, 92, 92],
  tianbaoxitong__putuo_fuliyuan_2024_unit_yusuan: [185, 128, 128],
  tianbaoxitong__shanghai_czj_2025_shiji_unit_yusuan: [263, 211, 211],
};

/** The only cells that differ: the sfj PDF runs 96,282,213.44 into the next label, the dumps print 0.00. */
const KNOWN_DIFFERS = new Set(['GovBudgetChecker__putuo_sfj_2026_dept_yusuan']);

const table = (ts: TableRecord[], kind: string) => ts.find((t) => t.kind === kind)!;
const row = (t: TableRecord, first: string) => t.rows.find((r) => r[0] === first || r[1] === first);

describe.skipIf(!hasPdftotext())('page-text tables against the PDF, per corpus document', () => {
  it('keeps each document’s cell agreement and gives no cell that differs', async () => {
    const got: Record<string, [number, number, number]> = {};
    for (const pdf of sourcePdfs()) {
      const name = basename(pdf, '.pdf');
      if (!(name in FLOOR)) continue;
      const a = await documentAgreement(pdf);
      got[name] = [a.layout.pdfCells, a.layout.same, a.spaced.same];
      if (!KNOWN_DIFFERS.has(name)) expect([name, a.layout.differs, a.spaced.differs]).toEqual([name, [], []]);
    }
    for (const [name, [pdf, layout, spaced]] of Object.entries(FLOOR)) {
      expect([name, got[name]![0]]).toEqual([name, pdf]);
      expect(got[name]![1], `${name} layout`).toBeGreaterThanOrEqual(layout);
      expect(got[name]![2], `${name} spaced`).toBeGreaterThanOrEqual(spaced);
    }
  }, 240_000);

  it('names columns whose header is wrapped over several lines (附属单/位上/缴收入)', async () => {
    const r = makeRendition(corpus('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const t02 = table(await readTables(f), '公开02表');
      expect(t02.header).toEqual(['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
      expect(row(t02, '合计')!.slice(2, 3)).toEqual(['2,946.25']);
    }
  });

  it('keeps a two-halves table’s 310 资本性支出 block in the 公用经费 half (shgzb 公开06)', async () => {
    const r = makeRendition(corpus('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const t06 = table(await readTables(f), '公开06表');
      const right = (code: string) => t06.rows.find((x) => x[3] === code);
      expect(right('30299')).toEqual(['', '', '', '30299', '其他商品和服务支出', '0.20']);
      expect(right('310')).toEqual(['', '', '', '310', '资本性支出', '0.00']);
      expect(right('31007')).toEqual(['', '', '', '31007', '信息网络及软件购置更新', '0.00']);
      expect(right('31099')).toEqual(['', '', '', '31099', '其他资本性支出', '0.00']);
      expect(t06.rows.filter((x) => /^310/.test(x[0]!))).toEqual([]);
    }
  });

  it('reads a misprinted code (7 11 02) as code pieces, not figures, and keeps the row’s total', async () => {
    const r = makeRendition(corpus('tianbaoxitong__putuo_fuliyuan_2024_unit_yusuan.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const t03 = table(await readTables(f), '预算03支出总表');
      expect(t03.header).toEqual(['科目编码', '科目名称', '合计', '基本支出', '项目支出']);
      expect(row(t03, '事业单位医疗')).toEqual(['7 11 02', '事业单位医疗', '503,724', '', '']);
    }
  });

  it('ends 预算01 at an unknown title over a 单位 line (swu 收入预算表): no false MISSING_TABLE', async () => {
    const r = makeRendition(corpus('VIOLET50411__chongqing_swu_2023_dept_yusuan.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const rec = await extract(f, { ocr: 'off' });
      expect(rec.flags.filter((x) => x.code === 'MISSING_TABLE')).toEqual([]);
      const t01 = table(rec.tables, '预算01收支总表');
      expect(t01.rows.at(-1)).toEqual(['收入总计', '557,259.13', '支出总计', '557,259.13']);
    }
  });

  it('reads the 三公 table’s one row of figures by its template (sfj 预算07)', async () => {
    const r = makeRendition(corpus('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const t07 = table(await readTables(f), '预算07三公经费表');
      expect(t07.rows).toEqual([['', '', '10.81', '0', '0.83', '9.98', '0', '9.98', '217.83']]);
      expect(t07.header.slice(2)).toEqual(['合计', '因公出国(境)费', '公务接待费', '公务用车购置及运行费/小计', '公务用车购置及运行费/购置费', '公务用车购置及运行费/运行费', '机关运行经费预算数']);
    }
  });

  it('places children’s figures where their parent’s are, past a repeated header band (shiji 预算06)', async () => {
    const r = makeRendition(corpus('tianbaoxitong__shanghai_czj_2025_shiji_unit_yusuan.pdf'));
    for (const f of [r.layout, r.spaced]) {
      const rec = await extract(f, { ocr: 'off' });
      const t06 = table(rec.tables, '预算06一般公共预算基本支出表');
      expect(row(t06, '30202')).toEqual(['30202', '印刷费', '50,000', '', '50,000']);
      expect(row(t06, '30205')).toEqual(['30205', '水费', '400,000', '', '400,000']);
      expect(row(t06, '30231')).toEqual(['30231', '公务用车运行维护费', '322,000', '', '322,000']);
      expect(t06.rows.filter((x) => x.join('').includes('科目名称'))).toEqual([]);
      expect(rec.flags.filter((x) => x.severity === 'error')).toEqual([]);
    }
  });
});
