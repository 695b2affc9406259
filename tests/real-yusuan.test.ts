// Real 预算 documents whose PDF grids merge or shift cells: every summary figure must be the document's
// own (hand-read off the PDF; see tests/annotations/), or absent — never a neighbouring cell's.
import { describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const cache = new Map<string, Promise<ExtractedDocument>>();
const run = (name: string) => {
  if (!cache.has(name)) cache.set(name, ingest(corpus(name), { ocr: 'off' }).then((d) => extract(segment(d))));
  return cache.get(name)!;
};
const yuan = (doc: ExtractedDocument, metric: string) => doc.summary[metric]?.yuan;
/** Absent, or this figure at the precision printed (a better PDF grid may bring the table's 元 figure in
 *  later; the text gives it rounded to 0.01万元). */
const absentOr = (doc: ExtractedDocument, metric: string, want: number) => {
  const e = doc.summary[metric];
  if (!e) return;
  const text = doc.facts.find((f) => f.id === e.factId)!.text;
  const step = e.unit === '万元' ? 10 ** (4 - (text.split('.')[1]?.length ?? 0)) : 1;
  expect(Math.abs(e.yuan! - want)).toBeLessThanOrEqual(step / 2);
};
const tableFacts = (doc: ExtractedDocument, metric: string) => doc.facts.filter((f) => f.from === 'table' && f.metric === metric);
/** Every table fact of the metric (none while the PDF grid merges the cells) holds this figure. */
const tableOnly = (doc: ExtractedDocument, metric: string, want: number) => expect(tableFacts(doc, metric).filter((f) => f.yuan !== want)).toEqual([]);

describe('上海市普陀区司法局 2026 部门预算', () => {
  const doc = () => run('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf');

  it('takes 财政拨款收入 from its own half of the 收支总表, not the 支出 figure beside it', async () => {
    const d = await doc();
    expect(yuan(d, 'fiscal_appropriation_income')).toBe(96282213); // was 87,267,272.44 (公共安全支出)
    expect(d.facts.some((f) => f.metric && f.yuan === 87267272)).toBe(false);
  });

  it('reads the 三公 table only where its figures add up: no merged 合计+因公出国 cell as 因公出国', async () => {
    const d = await doc();
    expect(yuan(d, 'overseas_travel')).toBe(0); // was 10.81万元 (the 合计 run into 因公出国's 0)
    expect(yuan(d, 'official_vehicles')).toBe(99800); // was 0 (the 购置费 column)
    expect(yuan(d, 'three_public_total')).toBe(108100);
    expect(yuan(d, 'official_reception')).toBe(8300);
    expect(yuan(d, 'agency_operating_expenses')).toBe(2178300);
    tableOnly(d, 'overseas_travel', 0);
    tableOnly(d, 'official_vehicles', 99800);
  });

  it('takes 人员经费/公用经费 from the 经济分类 table, and sees no conflict in a figure rounded to 万元', async () => {
    const d = await doc();
    expect(yuan(d, 'personnel_expenses')).toBe(23563342);
    expect(yuan(d, 'public_expenses')).toBe(2178324);
    expect(d.flags.filter((f) => f.code === 'VALUE_CONFLICT')).toEqual([]); // 9628.22万元 = 96,282,213.44元
    // The text's 收入预算/支出预算 (after the unit's name, and opening the next sentence) are the totals.
    const text = (m: string) => d.facts.filter((f) => f.from === 'text' && f.metric === m && f.role === 'budget').map((f) => f.text);
    expect(text('total_income')).toEqual(['9628.22']);
    expect(text('total_expenditure')).toEqual(['9628.22']);
  });
});

describe('上海市普陀区司法局 2026 单位预算', () => {
  it('does not take the 购置费 column as 公务用车购置及运行费', async () => {
    const d = await run('GovBudgetChecker__putuo_sfj_2026_unit_yusuan.pdf');
    expect(yuan(d, 'official_vehicles')).toBe(99800); // was 0
    expect(yuan(d, 'overseas_travel')).toBe(0);
    expect(yuan(d, 'official_reception')).toBe(7300);
    expect(yuan(d, 'agency_operating_expenses')).toBe(1845900);
    tableOnly(d, 'official_vehicles', 99800);
  });
});

describe('上海市普陀区人民政府办公室 2025 部门预算', () => {
  it('never pairs 一、财政拨款收入 with the 一般公共服务支出 figure of the other half', async () => {
    const d = await run('GovBudgetChecker__putuo_zfb_2025_dept_yusuan.pdf');
    // was 82,096,797.42 (the other half's figure); now 9,101.68万元 of the text, or the table's own 91,016,775.35
    expect([91016800, 91016775]).toContain(yuan(d, 'fiscal_appropriation_income'));
    absentOr(d, 'total_income', 91016775);
    expect(yuan(d, 'overseas_travel')).toBe(8390000);
    expect(yuan(d, 'three_public_total')).toBe(8675000);
  });
});

describe('上海市普陀区社会福利院 2024 单位预算', () => {
  it('does not read the merged 合计+因公出国 cell as 因公出国(境)费', async () => {
    const d = await run('tianbaoxitong__putuo_fuliyuan_2024_unit_yusuan.pdf');
    expect(yuan(d, 'overseas_travel')).toBe(0); // was 6.4万元 (the 合计)
    expect(yuan(d, 'official_vehicles')).toBe(64000);
    expect(yuan(d, 'three_public_total')).toBe(64000);
    tableOnly(d, 'overseas_travel', 0);
  });
});

describe('上海市普陀区万里街道 2024 预算', () => {
  it('gives the 公务用车 小计, and no metric to the 购置费 column under the group header', async () => {
    const d = await run('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf');
    expect(yuan(d, 'official_vehicles')).toBe(465600);
    expect(tableFacts(d, 'official_vehicles').map((f) => f.yuan)).toEqual([465600]); // the 25万元 购置费 was official_vehicles too
    expect(yuan(d, 'three_public_total')).toBe(479100);
    expect(yuan(d, 'agency_operating_expenses')).toBe(4431800);
  });

  it('reads the 收支总表 halves past the header band left in the body, and the enumerated 1.一般公共预算资金 row', async () => {
    const d = await run('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf');
    const t1 = (m: string) => d.facts.filter((f) => f.loc.table === 't1' && f.metric === m).map((f) => f.yuan);
    expect(t1('fiscal_appropriation_income')).toEqual([156211123]);
    expect(t1('general_budget_appropriation_income')).toEqual([156211123]);
    expect(t1('total_expenditure')).toEqual([156211123]);
  });
});

describe('江苏 三公、会议费、培训费 tables: 合计 is not the 三公 total', () => {
  it('高级人民法院 2017: the “三公” 小计 670.12, not the 合计 2,599.37', async () => {
    const d = await run('ae86jack__jiangsu_gaoyuan_2017_dept_yusuan.pdf');
    expect(yuan(d, 'three_public_total')).toBe(6701200);
    expect(yuan(d, 'official_vehicles')).toBe(3044000);
    expect(yuan(d, 'overseas_travel')).toBe(1800000);
    expect(yuan(d, 'official_reception')).toBe(1857200);
    // "…一般公共预算财政拨款基本\f支出预算 17123.19 万元": a sentence broken by the page is not a bare 支出预算.
    expect(d.facts.filter((f) => f.metric === 'total_expenditure' && f.yuan === 171231900)).toEqual([]);
  });

  it('人民检察院 2019: not the 合计 1276.7', async () => {
    const d = await run('ae86jack__jiangsu_jianchayuan_2019_dept_yusuan.pdf');
    absentOr(d, 'three_public_total', 4182600);
    expect(d.facts.some((f) => f.metric === 'three_public_total' && f.yuan === 12767000)).toBe(false);
  });
});

describe('江苏省政协办公厅 2018 部门预算', () => {
  it('does not count another unit’s staff as the department’s 在职人数', async () => {
    const d = await run('ae86jack__jiangsu_zhengxie_2018_dept_yusuan.pdf');
    // 另外，本部门预算还包括江苏省联谊俱乐部8名在职人员 …
    expect(d.summary.staff_active).toBeUndefined();
    expect(yuan(d, 'personnel_expenses')).toBe(44823200);
  });
});

describe('西南大学 2023 部门预算 (教育部 收入预算表 / 支出预算表)', () => {
  const doc = () => run('VIOLET50411__chongqing_swu_2023_dept_yusuan.pdf');
  it('reads 收入预算表 and 支出预算表 as the 收入 and 支出 tables, every 科目 row whole', async () => {
    const d = await doc();
    const t02 = d.tables.find((t) => t.kind === '预算02收入总表')!;
    const t03 = d.tables.find((t) => t.kind === '预算03支出总表')!;
    expect(t02.header.slice(2)).toEqual(['收入合计', '上年结转', '财政拨款收入', '事业收入/金额', '事业收入/其中：教育收费', '其他收入', '使用非财政拨款结余']);
    expect(t02.rows.find((r) => r[0] === '2050204')).toEqual(['2050204', '高中教育', '27,109.72', '1,213.02', '16,600.08', '1,130.00', '950.00', '8,166.62', '']);
    // The unit's own code (105236) in the 科目 column leaves it a code column: wrapped names stay with their code.
    expect(t03.rows.find((r) => r[0] === '105236')).toEqual(['105236', '西南大学', '468,779.07', '376,019.88', '92,759.19', '', '', '']);
    expect(t03.rows.find((r) => r[0] === '2080505')).toEqual(['2080505', '机关事业单位基本养老保险缴费支出', '9,860.64', '9,860.64', '', '', '', '']);
    expect(t03.rows).toHaveLength(27);
  }, 60_000);

  it('gives the 收入预算表 收入合计 (which counts 上年结转 and 结余) no 本年收入 metric', async () => {
    const d = await doc();
    expect(tableFacts(d, 'total_income').map((f) => f.text)).toEqual(['403,484.64']);
    expect(yuan(d, 'total_income')).toBe(4034846400);
  }, 60_000);
});
