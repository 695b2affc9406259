// Session 18 (renwu screen, false errors left): each on a small synthetic text (names and figures made up after the
// real layouts: 西安 科技创新局 2022, 重庆 宣传部 2026, 深圳 口岸 2026, 西安 医保 2026, 广州 生态环境 2026, 无锡 人社
// 2026), run through the whole pipeline; outcomes pinned exactly, with a control that the rule still bites.
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { runLines as run } from './check-helpers.js';

const shown = (d: CheckedDocument, codes: string[]) => d.flags.filter((f) => codes.includes(f.code)).map((f) => `${f.code} ${f.severity} @${f.loc?.line} ${f.message}`);

describe('the reason given for a part breaks that part down, not the list’s total (西安 科技创新局 2022 三公)', () => {
  const lines = (total: string) => [
    '某某市某某局2022年部门预算',
    '六、“三公”经费支出情况说明',
    `2022年本部门当年一般公共预算“三公”经费预算支出12.63万元，比2021年${total}0.69万元，`,
    '其中：2022年因公出国预算0万元，与2021年持平，主要是2022年因公出国经费由市',
    '财政统筹预算；2022年公务接待费预算5.13万元，比2021年减少5.31万元，减',
    '幅50.86%，主要原因是2022年某某研究院预算减少2.44万元，某某院减少1.79万元，',
    '某某中心减少1.09万元；2022年公务用车购置和运行维护费预算7.5万元，其中：公务用车购置费',
    '预算0元，与2021年持平；公务用车运行维护费预算7.5万元，比2021年增加6万元，增幅400%；',
    '主要原因是系统技术原因。',
  ];
  it('no DIRECTION_CONFLICT on the reason’s amounts', async () => {
    expect(shown(await run(lines('增加')), ['DIRECTION_CONFLICT', 'SUM_MISMATCH'])).toEqual([]);
  }, 30_000);
  it('the total turned round is still caught: 0 − 5.31 + 0 + 6 = +0.69', async () => {
    expect(shown(await run(lines('减少')), ['DIRECTION_CONFLICT', 'SUM_MISMATCH'])).toEqual([
      'DIRECTION_CONFLICT error @3 变动方向与分项之和不符：总变动与各部分变动之和方向相反（一般公共预算“三公”经费支出减少0.69万元）；此处写减少0.69万元。',
    ]);
  }, 30_000);
});

describe('a 主要原因 column split by one table row goes on after the row (西安 科技创新局 2022 p31)', () => {
  it('the figure that opens the line after the row is the change the line before began', async () => {
    const d = await run([
      '某某市某某局2022年部门预算',
      '五、一般公共预算基本支出情况说明',
      '某某研究院购置办公设备减少20万元，局机关增加',
      '(6)资本性支出（310）      15.4       20       -4.6',
      '5.40万元，某某院增加10万元。',
    ]);
    expect(d.facts.filter((f) => f.text === '5.40').map((f) => `${f.role} ${f.direction}`)).toEqual(['change increase']);
    expect(shown(d, ['UNIT_SUSPECT', 'DIRECTION_CONFLICT'])).toEqual([]);
  }, 30_000);
});

describe('a change after a list that 包括 opens in the sentence after its whole’s is the whole’s (重庆 宣传部 2026)', () => {
  const lines = (whole: string) => [
    '某某市某某部2026年部门预算',
    '二、部门收支总体情况',
    `（二）支出预算：2026年年初预算数${whole}万元。按支出功能分类，包括一般公共服务支`,
    '出22,022.92万元，教育支出9.30万元，文化旅游体育与传媒支出19527.61万元，社会保障和就',
    '业支出2,164.46万元，卫生健康支出610.90万元，资源勘探工业信息等支出371.13万元，住房保',
    '障支出662.86万元。比2025年增加2,734.52万元，主要是基本支出增加659.75万元，项目支出',
    '增加2,074.77万元。',
  ];
  it('no UNIT_SUSPECT against the list’s last item', async () => {
    expect(shown(await run(lines('45,369.18')), ['UNIT_SUSPECT'])).toEqual([]);
  }, 30_000);
  it('a whole smaller than the change is no such reading', async () => {
    expect(shown(await run(lines('2,369.18')), ['UNIT_SUSPECT'])).toEqual(['UNIT_SUSPECT error @6 数值或单位可疑：增加额2,734.52万元大于本年数662.86万元，上年数将为负数。']);
  }, 30_000);
});

describe('a listed part of a stated whole is not the 科目 row of its name where the row is larger than the whole (深圳 口岸 2026)', () => {
  const lines = (whole: string) => [
    '某某市某某办公室2026年部门预算',
    '四、项目支出情况',
    `5.综合管理${whole}万元,主要包括：国家免除费用项目管理费21.60万元，用于审计服务；行政运行85.04万元，用于年度档案整理工作；宣传报道23.18万元，用于宣传。`,
    '部门收支总表',
    '单位：万元',
    '收入                         预算数        支出                         预算数',
    '一、一般公共预算拨款        3,405.34      行政运行                     3,053.34',
    '                                          事业运行                       352.00',
    '本年收入合计                3,405.34      本年支出合计                 3,405.34',
  ];
  it('no VALUE_CONFLICT', async () => {
    expect(shown(await run(lines('367.65')), ['VALUE_CONFLICT'])).toEqual([]);
  }, 30_000);
  it('a whole that holds the row: the warning stays', async () => {
    expect(shown(await run(lines('3,367.65')), ['VALUE_CONFLICT'])).toEqual(['VALUE_CONFLICT warning @3 正文数字与表格不一致：此处写85.04万元，预算01收支总表第1页“行政运行”行为3,053.34万元。']);
  }, 30_000);
});

describe('template choices and titles', () => {
  it('the choice left in the reason of a zero change just stated is info, as the zero’s own; of a change that is not, an error (西安 医保 2026)', async () => {
    const d = await run([
      '某某市某某局2026年部门预算',
      '三、“三公”经费情况',
      '因公出国（境）经费0万元，较上年增加（减少）0万元（0%），增加（减少）的主要原因是无变化。',
      '公务接待费3万元，较上年增加（减少）1万元，增加（减少）的主要原因是接待增加。',
    ]);
    expect(d.flags.filter((f) => f.code === 'TEMPLATE_TEXT').map((f) => `${f.severity} @${f.loc?.line}`)).toEqual(['info @3', 'info @3', 'error @4', 'error @4']);
  }, 30_000);
  it('a line going on inside the 《》 the line above left open is no title; a line of its own is (广州 生态环境 2026)', async () => {
    const d = await run([
      '某某市某某局2026年部门预算',
      '项目绩效目标',
      '通过开展生态工业园区年度自评估，形成《某某开发区',
      '2024年生态文明建设示范区（生态工业园区）建设评价',
      '报告》；通过对各省级以上产业园区环境管理状况进行评估。',
      '2024年生态文明建设示范区建设评价',
    ]);
    expect(shown(d, ['YEAR_MISMATCH'])).toEqual(['YEAR_MISMATCH error @6 标题年份错误：本报告为2026年度，标题却写“2024年”。']);
  }, 30_000);
});

describe('合计 against its 类: added up from the lowest 科目 (无锡 人社 2026 预算06)', () => {
  const lines = (tot: string) => [
    '某某市某某局2026年部门预算',
    '一般公共预算基本支出表',
    '单位：万元',
    '科目编码      科目名称                  合计          人员经费        公用经费',
    `              合计                   ${tot}       2,000.03      100.02`,
    '301           工资福利支出           2,000.00       2,000.00',
    '30101         基本工资                 400.01         400.01',
    '30102         津贴补贴                 400.01         400.01',
    '30103         奖金                     300.00         300.00',
    '30107         绩效工资                 300.00         300.00',
    '30108         机关事业单位基本养老保险缴费   300.00         300.00',
    '30113         住房公积金               300.00         300.00',
    '302           商品和服务支出           100.02                      100.02',
    '30201         办公费                    50.01                       50.01',
    '30202         印刷费                    50.01                       50.01',
    '303           对个人和家庭的补助         0.01           0.01',
    '30302         退休费                     0.01           0.01',
  ];
  it('a 合计 that is the sum of the lowest rows (2,100.05) two cents above its 类 (2,100.03): no flag', async () => {
    expect(shown(await run(lines('2,100.05')), ['SUM_MISMATCH'])).toEqual([]);
  }, 30_000);
  it('a 合计 that is neither: flagged', async () => {
    expect(shown(await run(lines('2,100.15')), ['SUM_MISMATCH'])).toEqual(['SUM_MISMATCH error @5 预算06一般公共预算基本支出表第1页“合计”行的“合计”为2100.15万元，而人员经费＋公用经费＝2100.05万元。']);
  }, 30_000);
});
