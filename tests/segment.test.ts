import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import type { OutlineNode } from '../src/model.js';
import { flattenOutline, segment } from '../src/segment/index.js';
import { SEED_TXT, corpus, sample } from './paths.js';

const outlineOf = async (path: string, maxLevel = 9) =>
  flattenOutline(segment(await ingest(path)).outline)
    .filter((n) => n.level <= maxLevel)
    .map((n: OutlineNode) => [n.level, n.marker, n.title, n.section, n.loc.line] as const);

describe('segment: the seed', () => {
  it('reads title, unit, year and kind', async () => {
    const doc = segment(await ingest(SEED_TXT));
    expect(doc.document).toEqual({ title: '鄂城区总工会2023年度部门决算', unit: '鄂城区总工会', year: 2023, kind: '决算' });
  });

  it('has every part and numbered heading down to level 3 at the right level', async () => {
    const outline = await outlineOf(SEED_TXT, 3);
    expect(outline.slice(0, 30)).toEqual([
      [1, '第一部分', '鄂城区总工会概况', 'overview', 5],
      [2, '一、', '部门主要职责', 'duties', 6],
      [2, '二、', '机构设置情况', 'structure', 12],
      [1, '第二部分', '鄂城区总工会2023年度部门决算表', 'tables', 16],
      [2, '五、', '一般公共预算财政拨款支出决算表', null, 20],
      [1, '第三部分', '鄂城区总工会2023年度部门决算情况说明', 'explanation', 29],
      [2, '一、', '收入支出决算总体情况说明', 'income_expenditure_overview', 30],
      [2, '', '收入决算情况说明', 'income', 36],
      [2, '三、', '支出决算情况说明', 'expenditure', 41],
      [2, '四、', '财政拨款收入支出决算总体情况说明', 'fiscal_overview', 45],
      [2, '五、', '一般公共预算财政拨款支出决算情况说明', 'general_budget_expenditure', 53],
      [3, '（一）', '一般公共预算财政拨款支出决算总体情况', 'general_budget_overall', 54],
      [3, '（二）', '一般公共预算财政拨款支出决算结构情况', 'general_budget_structure', 58],
      [3, '（三）', '一般公共预算财政拨款支出决算具体情况', 'general_budget_detail', 66],
      [2, '六、', '一般公共预算财政拨款基本支出决算情况说明', 'general_budget_basic', 77],
      [2, '七、', '政府性基金预算财政拨款收入支出决算情况说明', 'gov_fund', 84],
      [2, '八、', '国有资本经营预算财政拨款支出决算情况说明', 'state_capital', 88],
      [2, '九、', '财政拨款“三公”经费支出决算情况说明', 'three_public', 93],
      [3, '（一）', '“三公”经费财政拨款支出决算总体情况说明', 'three_public_overall', 94],
      [3, '（二）', '“三公”经费财政拨款支出决算具体情况说明', 'three_public_detail', 98],
      [2, '十、', '机关运行经费支出说明', 'agency_operating', 113],
      [2, '十一、', '政府采购支出说明', 'procurement', 117],
      [2, '十二、', '国有资产占用情况说明', 'state_assets', 121],
      [2, '十三、', '预算绩效情况说明', 'performance', 125],
      [3, '(一)', '预算绩效管理工作开展情况', 'performance', 127],
      [2, '十四、', '专项支出、转移支付支出情况说明', 'special_transfer', 140],
      [1, '第四部分', '其他需要说明的情况', 'other_matters', 144],
      [1, '第五部分', '名词解释', 'glossary', 148],
      [1, '第六部分', '附件', 'attachments', 188],
      [2, '一、', '2022年度鄂城区总工会整体绩效评价报告', null, 190],
    ]);
  });

  it('does not take 名词解释 entries, 职责 list items or amounts in numbered list items for headings', async () => {
    const titles = (await outlineOf(SEED_TXT)).map((n) => n[2]);
    expect(titles).not.toContain('一般公共预算财政拨款收入：指省级财政一般公共预算当年拨付的资金');
    expect(titles.some((t) => t.startsWith('遵循党的路线'))).toBe(false);
    expect(titles.some((t) => t.includes('一般公共服务支出（类）'))).toBe(false);
    expect(titles).not.toContain('分');
  });
});

describe('segment: samples', () => {
  it('skips a table of contents whose headings appear again in the body', async () => {
    const path = sample('青山街道办事处2024年度部门决算.txt');
    const doc = segment(await ingest(path));
    expect([...doc.tocBlocks]).toEqual([1, 2, 3, 4, 5]);
    expect((await outlineOf(path, 1)).map((n) => [n[1], n[4]])).toEqual([
      ['第一部分', 9],
      ['第二部分', 16],
      ['第三部分', 29],
      ['第四部分', 57],
    ]);
  });

  it('reads a GB18030 file with (一) and 1、 numbering', async () => {
    const path = sample('石门县教育局2022年度单位决算.txt');
    const doc = segment(await ingest(path));
    expect(doc.document).toEqual({ title: '石门县教育局2022年度单位决算', unit: '石门县教育局', year: 2022, kind: '决算' });
    expect(await outlineOf(path)).toEqual([
      [1, '第一部分', '单位概况', 'overview', 3],
      [2, '一、', '单位职责', 'duties', 4],
      [2, '二、', '机构设置', 'structure', 7],
      [1, '第二部分', '2022年度单位决算情况说明', 'explanation', 10],
      [2, '一、', '收入支出决算总体情况说明', 'income_expenditure_overview', 11],
      [2, '二、', '一般公共预算财政拨款支出决算情况说明', 'general_budget_expenditure', 13],
      [3, '(一)', '总体情况', 'general_budget_overall', 14],
      [3, '(二)', '结构情况', 'general_budget_structure', 16],
      [2, '三、', '“三公”经费支出决算情况说明', 'three_public', 19],
      [2, '四、', '部门整体支出绩效目标表', null, 21],
      [1, '第三部分', '名词解释', 'glossary', 45],
    ]);
  });

  it('reads a 预算 report with a BOM and full-width digits', async () => {
    const path = sample('河西区卫生健康委员会2025年部门预算.txt');
    const doc = segment(await ingest(path));
    expect(doc.document).toEqual({ title: '河西区卫生健康委员会2025年部门预算', unit: '河西区卫生健康委员会', year: 2025, kind: '预算' });
    const outline = await outlineOf(path);
    expect(outline.map((n) => [n[0], n[1], n[3]])).toEqual([
      [1, '第一部分', 'overview'],
      [2, '一、', 'duties'],
      [2, '二、', 'structure'],
      [1, '第二部分', 'tables'],
      [1, '第三部分', 'explanation'],
      [2, '一、', 'income_expenditure_overview'],
      [2, '二、', 'three_public'],
      [2, '三、', 'agency_operating'],
      [3, '（一）', null],
      [4, '1、', 'procurement'],
      [4, '2、', 'state_assets'],
    ]);
  });
});

describe('segment: a real page-text dump (上海市普陀区文化和旅游局 2025)', () => {
  const path = corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt');

  it('reads a title printed over three lines, skips the TOC and table rows, recovers the unnumbered tables part', async () => {
    const doc = segment(await ingest(path));
    expect(doc.document).toEqual({ title: '上海市普陀区文化和旅游局2025年度部门决算', unit: '上海市普陀区文化和旅游局', year: 2025, kind: '决算' });
    const outline = await outlineOf(path, 2);
    expect(outline.map((n) => [n[0], n[1], n[3]])).toEqual([
      [1, '第一部分', 'overview'],
      [2, '一、', 'duties'],
      [2, '二、', 'structure'],
      [1, '', 'tables'],
      [1, '第三部分', 'explanation'],
      [2, '一、', 'income_expenditure_overview'],
      [2, '二、', 'income'],
      [2, '三、', 'expenditure'],
      [2, '四、', 'fiscal_overview'],
      [2, '五、', 'general_budget_expenditure'],
      [2, '六、', 'general_budget_basic'],
      [2, '七、', 'three_public'],
      [2, '八、', 'gov_fund'],
      [2, '九、', 'state_capital'],
      [2, '十、', 'performance'],
      [2, '十一、', 'other_important'],
      [1, '第四部分', 'glossary'],
    ]);
  });
});

describe('segment: document meta on real PDFs', () => {
  it.each([
    // the unit named on its own line wins over a collective title (上海市普陀区2026年区级部门预算)
    ['GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf', { title: '上海市普陀区2026年区级部门预算', unit: '上海市普陀区司法局', year: 2026, kind: '预算' }],
    ['tianbaoxitong__shanghai_czj_2025_shiji_unit_yusuan.pdf', { title: '上海市2025年市级单位预算', unit: '上海市财政局', year: 2025, kind: '预算' }],
    // a cover title over two lines
    ['GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf', { title: '中共上海市普陀区委社会工作部2024年度部门决算', unit: '中共上海市普陀区委社会工作部', year: 2024, kind: '决算' }],
    // 单位：万元 is the money unit, not the unit's name
    ['ae86jack__jiangsu_renda_2019_dept_yusuan_tables.pdf', { title: null, unit: null, year: null, kind: '预算' }],
    ['GovBudgetChecker__template_fujian2_dept_juesuan_template.pdf', { title: '上海市XX局2024年度部门决算', unit: '上海市XX局', year: 2024, kind: '决算' }],
  ])('%s', async (name, meta) => {
    expect(segment(await ingest(corpus(name), { ocr: 'off' })).document).toEqual(meta);
  });
});
