// Session 13, rawcorpus: false errors that pdftotext -raw dumps of corpus PDFs got and the PDFs did not. A figure
// whose place (row, column, or whether it is prose at all) was guessed supports no error. Synthetic raw-dump pages
// modelled on the 江苏 预算 / 西南大学 / 上海 templates, invented figures.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline.js';

const flagsOf = async (pages: string[][], code: string, severity = 'error') =>
  (await processDocument(new TextEncoder().encode(pages.map((p) => p.join('\n')).join('\n\f') + '\n'), { ocr: 'off' })).flags
    .filter((f) => f.code === code && f.severity === severity)
    .map((f) => `${f.loc?.page}:${f.loc?.line} ${f.found}`);

describe('a -raw dump’s table rows printed as lines are not prose', () => {
  // (公开表一 收支预算总表 printed in reading order: a row's cells apart by one space, labels numbered 一、 1.)
  const page = (prose: string) => [
    '江苏省某某单位2019年部门预算',
    '公开表一',
    '部门： 单位：万元',
    '功能科目名称 金额 项目名称 金额',
    '一、财政拨款 6,210.45 一、一般公共服务支出 4,100.20 一、基本支出 3,300.15',
    '1.一般公共预算 6,210.45 二、外交支出 二、项目支出 2,010.30',
    '2.政府性基金预算 三、国防支出 三、单位预留机动经费 900.00',
    '二、财政专户管理资金 四、公共安全支出',
    '三、其他资金 五、教育支出',
    '当年收入小计 6,210.45 6,210.45',
    prose,
  ];
  it('rows with thousands commas and ordinals, and a row of one figure under them: no 数值缺少单位', async () => {
    expect(await flagsOf([page('本部门2019年收入预算6,210.45万元。')], 'MALFORMED_VALUE')).toEqual([]);
  }, 30_000);
  it('a figure without its unit in the prose below is still flagged', async () => {
    expect(await flagsOf([page('本部门2019年收入预算为6,210.45，比上年增加。')], 'MALFORMED_VALUE')).toEqual(['1:11 6,210.45']);
  }, 30_000);
});

describe('收支总表: a figure the raw reader could not place, above the total, leaves the items’ sum without a verdict', () => {
  // (the item 三、 wraps: its name 单位预留机动经费 and figure print on the next line, where no column can be told)
  const page = (reserve: string) => [
    '第二部分 某某单位 2017 年度部门预算表',
    '一、2017 年度某某单位部门收支预算总表',
    '单位：万元',
    '收入 支出',
    '项目名称 金额',
    '功能分类 支出用途',
    '功能科目名称 金额 项目名称 金额',
    '一、财政拨款 5,400.00 一、一般公共服务支出 一、基本支出 3,100.00',
    '1.一般公共预算 5,400.00 二、外交支出 二、项目支出 2,000.00',
    '2.政府性基金预算 三、国防支出 三、',
    `单位预留机动经费 ${reserve}`,
    '二、',
    '财政专户管理资金 四、公共安全支出 4,000.00',
    '三、其他资金 五、教育支出',
    '六、科学技术支出',
    '八、社会保障和就业支出 600.00',
    '十八、住房保障支出 800.00',
    '十九、粮油物资储备支出',
    '当年收入小计 5,400.00 当年支出小计 5,400.00',
    '上年结转资金 结转下年资金',
    '收入合计 5,400.00 支出合计 5,400.00',
  ];
  it('the unplaced 300.00 closes 5,400.00 − (3,100.00 + 2,000.00): no SUM_MISMATCH', async () => {
    expect(await flagsOf([page('300.00')], 'SUM_MISMATCH')).toEqual([]);
  }, 30_000);
  it('an unplaced figure that closes no gap leaves the error', async () => {
    expect(await flagsOf([page('250.00')], 'SUM_MISMATCH')).toEqual(['1:19 5400.00']);
  }, 30_000);
});

describe('收入预算表 合计 = Σ 类: roots the raw reader could not read whole give no verdict', () => {
  // (a 西南大学-style raw page: 208's code, name and figures wrapped over four lines; 221's four figures for seven
  // columns could not be placed, so its 使用非财政拨款结余 is blank in the grid though 50.00 may stand there)
  const head = ['某某大学2023年部门预算', '8', '某某大学收入预算表', '单位：万元', '科目', '编码', '科目名称 收入合计 上年结转', '财政拨款', '收入', '事业收入', '其他收', '入', '使用非财', '政拨款结', '余', '金额', '其中：教', '育收费'];
  const wrapped = ['208', '社会保障和就业', '支出', '100.00 80.00 20.00', '20805', '行政事业单位', '养老支出', '100.00 80.00 20.00'];
  const housing = ['221 住房保障支出 200.00 50.00 100.00 50.00', '22102 住房改革支出 200.00 50.00 100.00 50.00', '2210201 住房公积金 200.00 50.00 100.00 50.00'];
  const page = (total: string, first = true, k208 = true) => [...head, total, ...(first ? ['205 教育支出 1,500.00 250.00 500.00 400.00 200.00 100.00 250.00'] : []), '20502 普通教育 1,500.00 250.00 500.00 400.00 200.00 100.00 250.00', '2050205 高等教育 1,500.00 250.00 500.00 400.00 200.00 100.00 250.00', ...(k208 ? wrapped : []), ...housing];
  it('an unplaced figure of a root closes the 合计’s gap: no SUM_MISMATCH', async () => {
    expect(await flagsOf([page('合计 1,800.00 380.00 620.00 400.00 200.00 100.00 300.00')], 'SUM_MISMATCH')).toEqual([]);
  }, 30_000);
  it('one it cannot close is still an error', async () => {
    expect(await flagsOf([page('合计 1,810.00 380.00 620.00 400.00 200.00 100.00 310.00')], 'SUM_MISMATCH')).toEqual(['1:19 310.00']);
  }, 30_000);
  it('top 科目 of two levels (20502 beside 221: the 类 205 not read) are not the table’s first level: no verdict', async () => {
    expect(await flagsOf([page('合计 1,800.00 380.00 620.00 400.00 200.00 100.00 300.00', false, false)], 'SUM_MISMATCH')).toEqual([]);
  }, 30_000);
});

describe('a -raw dump that prints a table’s first page rows before its title (单位：元, rows, title, header band)', () => {
  const first = ['2025年某某局单位预算', '一、某某局2025年单位预算编制说明', '本单位2025年预算如下。', '单位：元', '类 款 项', '201 一般公共服务支出 5,000,000 3,000,000 2,000,000', '201 06 财政事务 5,000,000 3,000,000 2,000,000', '201 06 01 行政运行 3,000,000 3,000,000', '201 06 02 一般行政管理事务 2,000,000 2,000,000', '208 社会保障和就业支出 1,000,000 1,000,000', '208 05 行政事业单位养老支出 1,000,000 1,000,000', '208 05 05 机关事业单位基本养老保险缴费支出 1,000,000 1,000,000', '2025年预算单位一般公共预算支出功能分类预算表', '项目 一般公共预算支出', '功能分类科目编码', '功能分类科目名称 合计 基本支出 项目支出', '编制单位：某某局'];
  const next = (total: string) => ['类 款 项', '项目 一般公共预算支出', '功能分类科目编码', '功能分类科目名称 合计 基本支出 项目支出', '221 住房保障支出 600,000 600,000', '221 02 住房改革支出 600,000 600,000', '221 02 01 住房公积金 600,000 600,000', total, '合计'];
  it('the rows above the title are the table’s: 合计 = Σ 类 holds, no SUM_MISMATCH', async () => {
    expect(await flagsOf([first, next('6,600,000 4,600,000 2,000,000')], 'SUM_MISMATCH')).toEqual([]);
  }, 30_000);
  it('a 合计 that is not the sum of the whole table’s 类 is still an error', async () => {
    expect(await flagsOf([first, next('6,700,000 4,700,000 2,000,000')], 'SUM_MISMATCH')).toEqual(['2:8 6700000']);
  }, 30_000);
});

describe('placing a row’s figures: only the row relations of the table’s own columns', () => {
  // (江苏 支出预算总表: 合计 | 基本支出 | 项目支出 | 单位预留机动经费 | 结转下年资金 — 合计 = 人员经费 + 公用经费 + 项目支出
  // is no relation of it; one row of four figures for five columns)
  const page = (row: string) => ['江苏省某某单位2019年部门预算', '三、2019 年度某某单位部门支出预算总表', '单位：万元', '合计 基本支出 项目支出 单位预留机动经费 结转下年资金', row];
  it('figures that add up in some placement: no warning', async () => {
    expect(await flagsOf([page('6,210.45 3,300.15 2,010.30 900.00')], 'SUM_MISMATCH', 'warning')).toEqual([]);
  }, 30_000);
  it('figures that add up in none: still the warning', async () => {
    expect(await flagsOf([page('6,210.45 3,300.15 2,010.30 800.00')], 'SUM_MISMATCH', 'warning')).toEqual(['1:5 6,210.45 3,300.15 2,010.30 800.00']);
  }, 30_000);
});

describe('同一科目前后不一致 names the 科目 from its own words where no table row gives its name', () => {
  // (a plain dump whose 功能分类 table was not read: the 科目's name comes from 购房补贴（03项）, not 本科目)
  const messages = async (open: string) =>
    (await processDocument(new TextEncoder().encode(['某某区某某局2026年部门预算', '一、部门预算编制说明', `13、住房保障支出（221类）住房改革支出（02款）购房补贴（03项）${open}万元。主要用于：发放购房补贴。2025年当年预算执行数为`, '120.00万元，2026年预算安排150.00万元，比2025年预算执行数增加33.33%。主要原因是：支出增加。'].join('\n') + '\n'), { ocr: 'off' })).flags
      .filter((f) => f.code === 'VALUE_CONFLICT')
      .map((f) => f.message);
  it('the item’s name, as the PDF (whose table names it) gives it', async () => {
    expect(await messages('160.00')).toEqual(['同一科目前后不一致：本段开头“购房补贴”为160.00万元，此处2026年为150.00万元（文中变动率33.33%与开头数相符）。']);
  }, 30_000);
});
