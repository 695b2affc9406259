// Session 20 recall audit (/work/notes/recall-s20.tsv: 36 unseen 2026 预算 of 烟台, 湖州, 长春, 珠海, 上海 and the
// national 信访局): misses that a structural rule closes. Names and figures are made up; layouts are the real ones.
import { describe, expect, it } from 'vitest';
import { checkLines } from './check-helpers.js';
import { linesOf } from '../src/ingest/pdf/layout.js';
import { at } from './layout-text.js';

const of = (d: Awaited<ReturnType<typeof checkLines>>, code: string) => d.flags.filter((f) => f.code === code).map((f) => `${f.severity} ${f.message}`);

describe('a 经济分类 table with one code printed for two items (长春 信访局 2026 预算06: 30208 取暖费 and 30208 物业管理费)', () => {
  // 301's items add up to 920.96 against its 911.21; 302 holds the doubled code.
  const table = (w301: string) => [
    '某某局2026年部门预算',
    '',
    at(['一般公共预算基本支出表（预算表6）', 30, '<']),
    at(['预算单位：某某局', 0, '<'], ['单位：万元', 80, '<']),
    at(['科目编码', 0, '<'], ['科目名称', 16, '<'], ['合计', 44, '<'], ['人员经费', 56, '<'], ['公用经费', 70, '<']),
    at(['合计', 16, '<'], ['1142.30', 50, '>'], ['920.96', 64, '>'], ['221.34', 78, '>']),
    at(['301', 0, '<'], ['工资福利支出', 16, '<'], [w301, 50, '>'], [w301, 64, '>']),
    at(['30101', 0, '<'], ['基本工资', 16, '<'], ['600.00', 50, '>'], ['600.00', 64, '>']),
    at(['30102', 0, '<'], ['津贴补贴', 16, '<'], ['300.00', 50, '>'], ['300.00', 64, '>']),
    at(['30199', 0, '<'], ['其他工资福利支出', 16, '<'], ['20.96', 50, '>'], ['20.96', 64, '>']),
    at(['302', 0, '<'], ['商品和服务支出', 16, '<'], ['221.34', 50, '>'], ['221.34', 78, '>']),
    at(['30201', 0, '<'], ['办公费', 16, '<'], ['100.00', 50, '>'], ['100.00', 78, '>']),
    at(['30208', 0, '<'], ['取暖费', 16, '<'], ['60.00', 50, '>'], ['60.00', 78, '>']),
    at(['30208', 0, '<'], ['物业管理费', 16, '<'], ['50.00', 50, '>'], ['50.00', 78, '>']),
    '',
  ];

  it('checks the 类 whose items are printed once (301) and leaves the one holding the doubled code (302)', async () => {
    const d = await checkLines(table('911.21'));
    expect(of(d, 'SUM_MISMATCH')).toEqual([
      'error 预算06一般公共预算基本支出表第1页301工资福利支出的“合计”为911.21万元，与其3个下级科目之和920.96万元不符。',
    ]);
  });

  it('is silent where 301 adds up (302, with the doubled code, gets no verdict though its items add up to 210.00, not 221.34)', async () => {
    expect(of(await checkLines(table('920.96')), 'SUM_MISMATCH')).toEqual([]);
  });
});

describe('an editor’s note left in the published text (烟台 住建/水利 2026 预算)', () => {
  it('is TEMPLATE_TEXT', async () => {
    const d = await checkLines(['某某局2026年部门预算', '2026年收入预算1,200.00万元（注：上年1,100.00万元，公开时请删除注释），比上年增加100.00万元。']);
    expect(of(d, 'TEMPLATE_TEXT')).toEqual(['error 编辑时的批注（“……公开时请删除”）残留在公开文本中，应删除或替换为实际内容。']);
  });

  it('leaves a sentence about deleting records alone', async () => {
    const d = await checkLines(['某某局2026年部门预算', '（三）按规定删除过期信息，信息公开时请注意保密。']);
    expect(of(d, 'TEMPLATE_TEXT')).toEqual([]);
  });
});

describe('a figure and the next column’s numbered item drawn as one PDF text item (上海 审计局 2026 预算01)', () => {
  const line = (str: string) => linesOf([{ str: '一、财政拨款收入', x0: 90.4, x1: 176.9, y: 336.6, size: 10.8 }, { str, x0: 229.1, x1: 395.0, y: 336.6, size: 10.8 }], 7)[0]!.segs.map((s) => s.text);

  it('is two cells: the 收入 half’s figure and the 支出 half’s item', () => {
    expect(line('195,774,300 一、一般公共服务支出')).toEqual(['一、财政拨款收入', '195,774,300', '一、一般公共服务支出']);
  });

  it('is one cell where the figure is no table amount or no numbered item follows (prose)', () => {
    expect(line('2026 年一般公共服务支出')).toEqual(['一、财政拨款收入', '2026 年一般公共服务支出']);
    expect(line('195,774,300 元')).toEqual(['一、财政拨款收入', '195,774,300 元']);
  });
});

describe('a figure glued to the next column’s numbered item in a single-spaced page dump (GovBudgetChecker fixture, 城管执法局 2026 预算)', () => {
  const page = [
    '2026年部门财务收支预算总表',
    '编制部门：某某局 单位：元',
    '本年收入 本年支出',
    '项目 预算数 项目 预算数',
    '一、财政拨款收入 47,483,458一、社会保障和就业支出 6,397,096',
    '1. 一般公共预算 47,483,458二、卫生健康支出 1,439,040',
    '2. 政府性基金预算 三、城乡社区支出 33,775,592',
    '3. 国有资本经营预算 四、住房保障支出 5,871,730',
    '二、事业收入',
    '三、事业单位经营收入',
    '四、其他收入',
    '收入总计 47,483,458 支出总计 47,483,458',
  ].join('\n');

  it('reads the figure in the 收入 half and the item in the 支出 half: the halves add up, no SUM_MISMATCH', async () => {
    const d = await checkLines([JSON.stringify([page])]);
    const t = d.tables.find((x) => x.kind === '预算01收支总表')!;
    expect(t.rows.find((r) => r.includes('一、财政拨款收入'))).toEqual(['一、财政拨款收入', '47,483,458', '一、社会保障和就业支出', '6,397,096']);
    expect(of(d, 'SUM_MISMATCH')).toEqual([]);
  });
});
