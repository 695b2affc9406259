// A PDF whose pages carry /Rotate 90 (the Jiangsu 人大 2019 tables-only companion: landscape tables drawn
// on portrait pages). Its text runs and rules come in user space, where rows run up the page: read as they
// are displayed, its eleven standard tables are grids like any other PDF's, and it gives at least every
// cell its page-text dumps give.
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { DocumentRecord } from '../src/schema.js';
import { displayedGlyphs, displayedRulings, displayedView } from '../src/ingest/pdf/rotate.js';
import { documentAgreement } from '../scripts/eval-tables.js';
import { hasPdftotext } from '../scripts/make-renditions.js';
import { corpus } from './paths.js';

const TABLES = corpus('ae86jack__jiangsu_renda_2019_dept_yusuan_tables.pdf');

describe('turning a rotated page into its displayed frame', () => {
  const view = [0, 0, 842, 1191];
  it('puts rows top to bottom and columns left to right under a quarter turn', () => {
    // Rows at user x 141 and 158, columns at user y 44 and 771 (a page turned 90° clockwise for display).
    const g = (str: string, x: number, y: number) => ({ str, x0: x, x1: x + 40, y, size: 10 });
    const out = displayedGlyphs([g('一、财政拨款', 141, 44), g('9,312.90', 141, 771), g('1.一般公共预算', 158, 44)], view, 90);
    expect(out.map((o) => [o.str, o.x0, o.x1, o.y])).toEqual([
      ['一、财政拨款', 44, 84, 701],
      ['9,312.90', 771, 811, 701],
      ['1.一般公共预算', 44, 84, 684],
    ]);
    expect(displayedView(view, 90)).toEqual([0, 0, 1191, 842]);
    expect(displayedView(view, 180)).toEqual(view);
  });

  it('turns horizontal rules into vertical ones and back', () => {
    const r = displayedRulings({ h: [{ y: 100, x0: 10, x1: 20 }], v: [{ x: 50, y0: 30, y1: 60 }] }, view, 90);
    expect(r).toEqual({ h: [{ y: 792, x0: 30, x1: 60 }], v: [{ x: 100, y0: 822, y1: 832 }] });
    const back = displayedRulings({ h: [{ y: 100, x0: 10, x1: 20 }], v: [{ x: 50, y0: 30, y1: 60 }] }, view, 270);
    expect(back).toEqual({ h: [{ y: 50, x0: 1131, x1: 1161 }], v: [{ x: 1091, y0: 10, y1: 20 }] });
  });
});

describe('the Jiangsu 人大 2019 tables-only PDF (pages rotated 90°)', () => {
  let r: DocumentRecord;
  beforeAll(async () => {
    r = await extract(TABLES, { ocr: 'off' });
  });
  const table = (kind: string, n = 0) => r.tables.filter((t) => t.kind === kind)[n]!;
  const rowOf = (kind: string, first: string, n = 0) => table(kind, n).rows.find((x) => x[0] === first || x[1] === first);

  it('reads every standard table as a grid, none left empty for want of a grid', () => {
    expect(r.tables.map((t) => [t.kind, t.empty])).toEqual([
      ['预算01收支总表', false],
      ['预算02收入总表', false],
      ['预算03支出总表', false],
      ['预算04财政拨款收支总表', false],
      ['预算05一般公共预算支出表', false],
      ['预算06一般公共预算基本支出表', false],
      ['预算05一般公共预算支出表', false],
      ['预算06一般公共预算基本支出表', false],
      ['预算07三公经费表', false],
      ['预算08政府性基金表', true],
      ['预算11机关运行经费表', false],
      ['预算10政府采购表', false],
    ]);
  });

  it('gives exact cells: both halves of the 收支总表, 科目 rows, the 三公 row, the 政府采购 tree', () => {
    expect(table('预算01收支总表').rows[0]).toEqual(['一、财政拨款', '18,330.37', '一、一般公共服务支出', '13,907.78', '一、基本支出', '9,312.90']);
    expect(rowOf('预算01收支总表', '收入合计')).toEqual(['收入合计', '18,330.37', '', '支出合计', '', '18,330.37']);
    expect(rowOf('预算05一般公共预算支出表', '2010101')).toEqual(['2010101', '行政运行', '7,448.20']);
    expect(rowOf('预算06一般公共预算基本支出表', '30309')).toEqual(['30309', '奖励金', '0.79']);
    expect(table('预算07三公经费表').rows[0]).toEqual(['2,600.71', '767.60', '199.25', '183.60', '', '183.60', '384.75', '1,469.73', '363.38']);
    expect(rowOf('预算11机关运行经费表', '合计')).toEqual(['', '合计', '1,642.08']);
    expect(rowOf('预算10政府采购表', '合计')).toEqual(['合计', '', '', '', '', '2,416.43']);
    expect(table('预算10政府采购表').rows.at(-1)).toEqual(['', '', '', '物业管理服务', '分散自行组织', '410.40']);
  });

  it('raises no error flag (the annotation pins none)', () => {
    expect(r.flags.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.skipIf(!hasPdftotext())('gives every cell its two page-text dumps give, and more', async () => {
    const a = await documentAgreement(TABLES);
    expect([a.layout.pdfCells, a.layout.same, a.layout.differs.length, a.spaced.same, a.spaced.differs.length]).toEqual([163, 161, 0, 154, 0]);
  });
});
