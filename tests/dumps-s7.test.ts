// Page-text dumps of real reports (issue 11: the same report gives the same verdicts in any rendition):
// layouts `pdftotext -layout` prints for 江苏 and 上海 预算/决算 tables, rebuilt as small synthetic pages with
// other figures, and the renditions scrapers hand over (page markers, JSON pages).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { pageMarked } from '../src/ingest/page-dump.js';
import { segment } from '../src/segment/index.js';
import { renditionsOf } from '../scripts/make-renditions.js';

const enc = (s: string) => new TextEncoder().encode(s);
const run = async (text: string) => check(extract(segment(await ingest(enc(text), { ocr: 'off' }))));
// Errors of the tables read (a one-table page misses the report's other tables: MISSING_TABLE aside).
const errors = (doc: Awaited<ReturnType<typeof run>>) => doc.flags.filter((f) => f.severity === 'error' && f.code !== 'MISSING_TABLE').map((f) => `${f.code} ${f.message}`);
const table = (doc: Awaited<ReturnType<typeof run>>, kind: string) => doc.tables.find((t) => t.kind === kind);

// 江苏 收支预算总表: 收入 | 支出 by 功能分类 | 支出 by 支出用途, three blocks of a label and a figure; the
// 支出 小计 stands under 功能分类 with its one figure at the far right (one cell over both 支出 blocks).
const threeBlocks = (project: string) =>
  [
    '公开01表',
    '',
    '                               收支预算总表',
    '部门：某某办公厅                                                                     单位：万元',
    '            收入                                            支出',
    '                                        功能分类                            支出用途',
    '    项目名称           金额',
    '                                功能科目名称            金额               项目名称          金额',
    '一、财政拨款           1,200.00   一、一般公共服务支出         1,000.00       一、基本支出          700.00',
    ' 1.一般公共预算        1,200.00   二、外交支出                            二、项目支出          ' + project,
    ' 2.政府性基金预算                   三、国防支出                            三、单位预留机动经费      100.00',
    '二、财政专户管理资金                   四、公共安全支出',
    '三、其他资金                        五、社会保障和就业支出         200.00',
    '                             六、其他支出',
    '   当年收入小计        1,200.00                     当年支出小计                          1,200.00',
    '   上年结转资金                                      结转下年资金',
    '    收入合计         1,200.00                      支出合计                           1,200.00',
  ].join('\n');

describe('pdftotext -layout: a 收支总表 in three blocks', () => {
  it('reads each block’s label and figure (no false sum of 功能分类 and 支出用途 run together)', async () => {
    const doc = await run(threeBlocks('400.00'));
    const t = table(doc, '预算01收支总表')!;
    expect(t.rows[0]).toEqual(['一、财政拨款', '1,200.00', '一、一般公共服务支出', '1,000.00', '一、基本支出', '700.00']);
    expect(t.rows[1]).toEqual(['1.一般公共预算', '1,200.00', '二、外交支出', '', '二、项目支出', '400.00']);
    expect(t.rows.find((r) => r[2] === '当年支出小计')).toEqual(['当年收入小计', '1,200.00', '当年支出小计', '', '', '1,200.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('still catches a 支出用途 item that breaks its 小计', async () => {
    const doc = await run(threeBlocks('500.00'));
    const sums = doc.flags.filter((f) => f.code === 'SUM_MISMATCH' && f.severity === 'error');
    expect(sums).toHaveLength(1);
    expect(sums[0]!.message).toContain('“当年支出小计”应为“一、基本支出”、“二、项目支出”、“三、单位预留机动经费”之和1300.00万元');
  });

  it('leaves a figure that drifted between two blocks without a column (no verdict from it)', async () => {
    // A tall row: 三、单位预留机 / 动经费 over two lines, its figure on the line between, pushed left.
    const text = threeBlocks('400.00').replace(
      ' 2.政府性基金预算                   三、国防支出                            三、单位预留机动经费      100.00',
      ' 2.政府性基金预                                           三、单位预留机\n                           三、国防支出                                         100.00\n算                                                       动经费',
    );
    const doc = await run(text);
    const t = table(doc, '预算01收支总表')!;
    expect(t.rows.find((r) => r[2] === '三、国防支出')).toEqual(['', '', '三、国防支出', '', '', '100.00']);
    expect(errors(doc)).toEqual([]);
  });
});

describe('pdftotext -layout: a 基本支出 table whose right half prints its label a line lower', () => {
  // 30109 … 225.12 30207 / 邮电费 8.05: the right half's code ends the line, its label and figure below.
  const page = (post: string) =>
    [
      '                一般公共预算财政拨款基本支出决算表',
      '                                                  单位：万元',
      '经济分类                              经济分类',
      '            科目名称       决算数                      科目名称      决算数',
      '科目编码                              科目编码',
      '301     工资福利支出          300.00   302     商品和服务支出         60.00',
      '30101    基本工资            200.00   30201    办公费             10.00',
      '30102    津贴补贴            100.00   30202    印刷费              5.00',
      '30103    奖金                0.00   30207',
      '                                     邮电费                    ' + post,
      '30110    职工基本医疗保险缴费    0.00     30211',
      '                                     差旅费                    25.00',
    ].join('\n');

  it('joins the code with the label and figure below it', async () => {
    const doc = await run(page('20.00'));
    const t = table(doc, '公开06表')!;
    expect(t.rows.find((r) => r[3] === '30207')).toEqual(['30103', '奖金', '0.00', '30207', '邮电费', '20.00']);
    expect(t.rows.find((r) => r[3] === '30211')).toEqual(['30110', '职工基本医疗保险缴费', '0.00', '30211', '差旅费', '25.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('and so checks 302 against all its items', async () => {
    const doc = await run(page('30.00'));
    const sums = doc.flags.filter((f) => f.code === 'SUM_MISMATCH');
    expect(sums.map((f) => f.message)).toEqual([expect.stringContaining('302商品和服务支出的“决算数”为60.00万元，与其4个下级科目之和70.00万元不符')]);
  });
});

describe('pdftotext -layout: a label wrapped over two lines, its figures centred between them', () => {
  const page = [
    '                       2023年部门财政拨款收支预算总表',
    '编制部门：某街道办事处                                                                  单位：元',
    '',
    '         财政拨款收入                                             财政拨款支出',
    '',
    '    项目            预算数               项目           合计          一般公共预算         政府性基金预算 国有资本经营预算',
    '',
    '一、一般公共预算资金        1,500,000 一、一般公共服务支出        1,000,000       1,000,000',
    '',
    '二、政府性基金                         二、公共安全支出        300,000         300,000',
    '                                三、文化旅游体育与传媒',
    '                                                  200,000         200,000',
    '                                支出',
    '',
    '   收入总计           1,500,000      支出总计       1,500,000     1,500,000',
  ].join('\n');

  it('reads one row: the label whole, its figures', async () => {
    const doc = await run(page);
    const t = table(doc, '预算04财政拨款收支总表')!;
    expect(t.rows.find((r) => r[2] === '三、文化旅游体育与传媒支出')).toEqual(['', '', '三、文化旅游体育与传媒支出', '200,000', '200,000', '', '']);
    expect(errors(doc)).toEqual([]);
  });
});

describe('pdftotext -layout: a table title wrapped onto a short line', () => {
  const page = (tail: string) =>
    [
      '十、一般公共预算机关运行经费支出预算表',
      '部门：         某某单位                                    单位：万元',
      '科目编码                  科目名称                        金额',
      '30201                     办公费                          12.00',
      '',
      '十一、一般公共预算“三公”经费、会议费、培训费支出预',
      tail,
      '部门：         某某单位                                                       单位：万元',
      '                                “三公”经费',
      '',
      '                                公务用车购置及运行维护费',
      '                     因公出                                     公务',
      ' 合计                                                                  会议费        培训费',
      '            小计       国（境）                公务用        公务用车     接待',
      '                      费         小计       车购置        运行维护      费',
      '                                         费           费',
      ' 1,000.00   500.00    100.00    300.00    50.00      250.00 100.00   200.00      300.00',
    ].join('\n');

  it('reads the table under its whole title (no MISSING_TABLE for it)', async () => {
    const doc = await run(page('算表'));
    const t = table(doc, '预算07三公经费表')!;
    expect(t.rows[0]!.filter((x) => x)).toEqual(['1,000.00', '500.00', '100.00', '300.00', '50.00', '250.00', '100.00', '200.00', '300.00']);
    expect(doc.flags.filter((f) => f.code === 'MISSING_TABLE' && /三公/.test(f.message))).toEqual([]);
    // The table before ends at the wrapped title.
    expect(table(doc, '预算06机关运行经费表')?.rows.length ?? 1).toBe(1);
  });
});

describe('renditions: page markers and JSON pages read as form feeds', () => {
  it('splits a dump at `--- 第N页 ---` lines (and only where they count the pages)', () => {
    expect(pageMarked('a\n--- 第2页 ---\nb\n--- 第3页 ---\nc\n')).toEqual(['a\n', 'b\n', 'c\n']);
    expect(pageMarked('=== Page 1 ===\na\n=== Page 2 ===\nb')).toEqual(['a\n', 'b']);
    expect(pageMarked('-- 1 of 2 --\na\n-- 2 of 2 --\nb')).toEqual(['a\n', 'b']);
    expect(pageMarked('a\n--- 第2页 ---\nb\n--- 第5页 ---\nc')).toBeNull();
    // A printed folio is not a marker.
    expect(pageMarked('a\n第 2 页\nb')).toBeNull();
    expect(pageMarked('a\f--- 第2页 ---\nb')).toBeNull();
  });

  it('gives every rendition the same pages and lines as the form-feed text', async () => {
    const layout = '标题一\n第一页正文\n\f第二页正文，收入100.00万元。\n\f第三页\n\f';
    const r = renditionsOf(layout, 'raw text');
    expect(JSON.parse(r.json)).toEqual([
      { page: 1, text: '标题一\n第一页正文\n' },
      { page: 2, text: '第二页正文，收入100.00万元。\n' },
      { page: 3, text: '第三页\n' },
    ]);
    expect(r.marked).toBe('标题一\n第一页正文\n--- 第2页 ---\n第二页正文，收入100.00万元。\n--- 第3页 ---\n第三页\n');
    expect(r.nopgbrk).not.toContain('\f');
    const where = async (text: string) =>
      (await ingest(enc(text))).blocks.flatMap((b) => (b.kind === 'line' ? [`${b.line.loc.page}:${b.line.loc.line} ${b.line.text}`] : []));
    const want = await where(layout);
    expect(want).toEqual(['1:1 标题一', '1:2 第一页正文', '2:1 第二页正文，收入100.00万元。', '3:1 第三页']);
    expect(await where(r.marked)).toEqual(want);
    expect(await where(r.json)).toEqual(want);
  });
});

describe('single-space dumps (pdfplumber, text copied out of a viewer): no verdict from what cannot be placed', () => {
  // The -layout pages above with each run of spaces made one space.
  const spaced = (text: string) => text.split('\n').map((l) => l.trim().replace(/\s+/g, ' ')).join('\n');

  it('a 收支总表 in three blocks: rows of three groups fill them; no false sum from the others', async () => {
    const doc = await run(spaced(threeBlocks('400.00')));
    const t = table(doc, '预算01收支总表')!;
    expect(t.rows[0]).toEqual(['一、财政拨款', '1,200.00', '一、一般公共服务支出', '1,000.00', '一、基本支出', '700.00']);
    expect(errors(doc)).toEqual([]);
  });

  it('an item that could continue either half’s list stands in both, its figure in neither', async () => {
    const page = [
      '财政拨款收支预算总表',
      '部门： 某某办公厅 单位：万元',
      '收入 支出',
      '项目名称 金额 项目名称 金额',
      '一、一般公共预算 1,300.00 一、基本支出 700.00',
      '二、政府性基金预算 二、项目支出 500.00',
      '三、单位预留机动经费 100.00',
      '收入合计 1,300.00 支出合计 1,300.00',
    ].join('\n');
    const doc = await run(page);
    const t = table(doc, '预算04财政拨款收支总表')!;
    expect(t.rows.find((r) => r[0] === '三、单位预留机动经费')).toEqual(['三、单位预留机动经费', '100.00', '三、单位预留机动经费', '100.00']);
    expect(doc.facts.filter((f) => f.from === 'table' && f.text === '100.00')).toEqual([]);
    expect(errors(doc)).toEqual([]);
  });

  it('a label alone that could continue either half’s list is not made an item of both (its figures printed apart)', async () => {
    const page = [
      '2023年部门财政拨款收支预算总表',
      '编制部门：某街道办事处 单位：元',
      '财政拨款收入 财政拨款支出',
      '项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算',
      '一、一般公共预算资金 1,900,000 一、一般公共服务支出 1,000,000 1,000,000',
      '二、政府性基金 二、公共安全支出 300,000 300,000',
      '三、国有资本经营预算 三、科学技术支出 100,000 100,000',
      '四、文化旅游体育与传媒',
      '100,000 100,000',
      '支出',
      '五、社会保障和就业支出 400,000 400,000',
      '收入总计 1,900,000 支出总计 1,900,000 1,900,000',
    ].join('\n');
    expect(errors(await run(page))).toEqual([]);
  });

  it('a tall row’s figures printed on a line of their own: the rows around them give no verdict', async () => {
    // 本年收入合计's figure floated onto the line above, with the spending total's: 2,400.00 2,400.00.
    const page = [
      '财政拨款收入支出决算总表',
      '单位：万元',
      '收入 支出',
      '项目 决算数 项目 决算数',
      '一、一般公共预算财政拨款 2,400.00 一、一般公共服务支出 2,400.00',
      '2,400.00 2,400.00',
      '本年收入合计 本年支出合计 2,400.00',
      '年初财政拨款结转和结余 20.00 年末财政拨款结转和结余 20.00',
      '总计 2,420.00 总计 2,420.00',
    ].join('\n');
    const doc = await run(page);
    expect(errors(doc)).toEqual([]);
  });

  it('a 科目 tree: a blank beside a figure whose column is not known is no 0 (identities.ts)', async () => {
    // Each 项 prints its total and one part: 基本支出 or 项目支出, neither the text nor the sums can say
    // which (either way round adds up); their blanks are not 0s.
    const page = [
      '部门支出总表',
      '单位：元',
      '功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出',
      '212 城乡社区支出 3,000,000 1,500,000 1,500,000',
      '212 01 城乡社区管理事务 3,000,000 1,500,000 1,500,000',
      '212 01 01 行政运行 1,500,000 1,500,000',
      '212 01 02 一般行政管理事务 1,500,000 1,500,000',
      '合计 3,000,000 1,500,000 1,500,000',
    ].join('\n');
    const doc = await run(page);
    expect(doc.flags.filter((f) => f.code === 'SUM_MISMATCH')).toEqual([]);
  });
});
