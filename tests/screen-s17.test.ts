// Session 17 (the renwu2 screen: 2026 部门预算 of 北京, 深圳, 福州, 杭州, 泉州 and the national 国家信访局): layouts
// and wordings that drew false errors and warnings. Synthetic pages and lines reproducing each; exact outcomes.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { processDocument } from '../src/pipeline.js';
import type { CheckedDocument } from '../src/model.js';
import { brief, docFrom, checkLines as run } from './check-helpers.js';

const html = (body: string) =>
  new TextEncoder().encode(`<html><head><title>某局2026年部门预算</title></head><body><div><h1>某局2026年部门预算</h1>${body}</div></body></html>`);
const table = (title: string, head: string, rows: string[][]) =>
  `<p>${title}</p><p>单位：万元</p><table border="1"><thead>${head}</thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
const flagsOf = async (bytes: Uint8Array, codes: string[]) =>
  (await processDocument(bytes, { ocr: 'off' })).flags.filter((f) => codes.includes(f.code)).map((f) => `${f.code} ${f.severity} ${f.loc?.table ?? ''}/${f.loc?.row ?? ''}/${f.loc?.col ?? ''} ${f.expected} ${f.found}`);
const show = (d: CheckedDocument, code: string) => d.flags.filter((f) => f.code === code).map((f) => [f.severity, f.loc?.line, f.expected, f.found]);

describe('a 三公 table whose 公务用车 小计 is left blank, its parts filled (北京 预算09)', () => {
  const head =
    '<tr><th rowspan="2">“三公”经费财政拨款预算总额</th><th rowspan="2">因公出国（境）费用</th><th rowspan="2">公务接待费</th><th colspan="3">公务用车购置及运行维护费</th></tr>' +
    '<tr><th>小计</th><th>公务用车购置费</th><th>公务用车运行维护费</th></tr>';
  const page = (total: string) => html(table('财政拨款“三公”经费支出表', head, [[total, '17.10', '0.15', '', '18.69', '4.83']]));
  it('the total is the four filled items (40.77 = 17.10 + 0.15 + 18.69 + 4.83): no flag', async () => {
    expect(await flagsOf(page('40.77'), ['SUM_MISMATCH'])).toEqual([]);
  }, 30_000);
  it('a total that is not is still flagged, against the parts', async () => {
    expect(await flagsOf(page('41.77'), ['SUM_MISMATCH'])).toEqual(['SUM_MISMATCH error t1/2/0 40.77 41.77']);
  }, 30_000);
});

describe('a 财政拨款收支总表 whose 上年结转 rows and 总计 go on in a table of their own (深圳 预算 表6 over two pages)', () => {
  const head = '<tr><th colspan="2">收入</th><th colspan="2">支出</th></tr><tr><th>项目</th><th>2026年预算数</th><th>项目</th><th>2026年预算数</th></tr>';
  const first = (expense: string) =>
    table('财政拨款收支总表', head, [
      ['财政拨款', '100.00', '一、社会保障和就业支出', '40.00'],
      ['1.一般公共预算拨款', '100.00', '二、住房保障支出', expense],
      ['本年收入合计', '100.00', '本年支出合计', (40 + Number(expense)).toFixed(2)],
    ]);
  const rest = table('财政拨款收支总表', head, [
    ['上年结余、结转', '11.00', '结转下年', '0.00'],
    ['1.一般公共预算拨款结余、结转', '11.00', '', ''],
    ['收入总计', '111.00', '支出总计', '111.00'],
  ]);
  it('本年收入合计 100.00 and 本年支出合计 111.00 need not be equal: no flag', async () => {
    expect(await flagsOf(html(first('71.00') + rest), ['SUM_MISMATCH'])).toEqual([]);
  }, 30_000);
  it('with no table going on they must be: flagged', async () => {
    expect((await flagsOf(html(first('71.00')), ['SUM_MISMATCH'])).length).toBe(1);
  }, 30_000);
});

describe('blank slots (BLANK_VALUE)', () => {
  const codes = (lines: string[]) => {
    const doc = docFrom(lines, [], {});
    doc.document.kind = null;
    return brief(check(doc).flags, ['BLANK_VALUE']);
  };
  it('a slot word right after its figure has it (国家信访局 2026: 预算数3,623.98为万元); an empty slot is still flagged', () => {
    expect(codes(['2026年预算数 3,623.98 为万元，比2025年执行减少21,519.26万元。', '2026年预算数3,623.98为万元。'])).toEqual([]);
    expect(codes(['2026年预算数为万元，比2025年执行减少21,519.26万元。'])).toEqual(['1 BLANK_VALUE']);
  });
  it('in a 绩效 table’s cells only a copula marks a slot (海外触达人次, a wrapped 个（台、套、件 / 1 / 、辆）)', async () => {
    const head = '<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>度量单位</th></tr>';
    const rows = [
      ['产出指标', '数量指标', '海外触达人次', '≥300', '人次'],
      ['产出指标', '数量指标', '动物模型建立', '＝', '个（台、套、件1、辆）'],
      ['产出指标', '数量指标', '年度支出为万元', '＝', '万元'],
    ];
    expect(await flagsOf(html(table('项目支出绩效目标表', head, rows)), ['BLANK_VALUE'])).toEqual(['BLANK_VALUE error t1/3/2 数字 空白']);
  }, 30_000);
});

describe('a later year-end that sets a target is its deadline (北京 2026 预算 绩效目标: 截至2026年底，投资完成比例 ≥80%)', () => {
  const codes = (lines: string[]) => brief(check(docFrom(lines, [], { year: 2026, kind: '预算' })).flags, ['YEAR_MISMATCH']);
  it('is not flagged; a state dated at the budget year’s end still is', () => {
    expect(codes(['指标3：截至2026年底，投资完成比例    ≥80%', '指标4：截至2026年12月31日，项目初步验收率=100%'])).toEqual([]);
    expect(codes(['截至2026年12月31日，本部门共有车辆2辆。'])).toEqual(['1 YEAR_MISMATCH']);
  });
});

describe('a change opening the sentence after a 其中 list is the list total’s (福州 2026 单位预算)', () => {
  const text = (rate: string) => [
    '某某支队2026年度单位预算',
    '一、预算收支总体情况',
    `相应安排支出预算 10344.71 万元，其中：基本支出 8974.01 万元、项目支出 1370.70 万元。比上年减少 32.61 万元，下降 ${rate}%，主要原因是基本支出减少 29.53 万元、项目支出减少 3.08 万元。`,
  ];
  it('its rate the total’s (32.61 of 10377.32 = 0.31%): no flag, though the last item gives 2.32%', async () => {
    expect(show(await run(text('0.31')), 'PERCENT_MISMATCH')).toEqual([]);
  });
  // (session 18: the change opening the sentence after the list is read as the total's — 10344.71 — so the flag names
  // the total's rate, 0.31%, not the last item's 2.32%)
  it('a rate neither the total’s nor the item’s: flagged, against the total', async () => {
    expect(show(await run(text('0.51')), 'PERCENT_MISMATCH')).toEqual([['error', 3, '0.31%', '0.51%']]);
  });
});

describe('a 收入预算 that holds its 上年结转结余 is the 收入总计 (杭州/泉州 2026 预算)', () => {
  const head = '<tr><th colspan="2">收入</th><th colspan="2">支出</th></tr><tr><th>项目</th><th>预算数</th><th>项目</th><th>预算数</th></tr>';
  const tbl = table('收支总表', head, [
    ['一、一般公共预算拨款收入', '90.00', '一、一般公共服务支出', '101.00'],
    ['二、其他收入', '10.00', '', ''],
    ['本年收入合计', '100.00', '本年支出合计', '101.00'],
    ['上年结转结余', '1.00', '结转下年', '0.00'],
    ['收入合计', '101.00', '支出合计', '101.00'],
  ]);
  const text = (total: string, carry: string) =>
    `<h2>一、收入预算情况说明</h2><p>2026年收入预算${total}万元，其中：一般公共预算拨款收入90.00万元、其他收入10.00万元、上年结转结余${carry}万元。</p>`;
  it('本年收入合计 100.00 + 上年结转结余 1.00 = 101.00: no conflict', async () => {
    expect(await flagsOf(html(text('101.00', '1.00') + tbl), ['VALUE_CONFLICT'])).toEqual([]);
  }, 30_000);
  it('a figure that is neither: the warning stays', async () => {
    expect((await flagsOf(html(text('103.00', '1.00') + tbl), ['VALUE_CONFLICT'])).length).toBeGreaterThan(0);
  }, 30_000);
});

describe('a reason after a zero change contradicts nothing (泉州 2026 预算: 比上年增加0.00万元，增长0.00%，与上年持平。主要原因是: 厉行节约)', () => {
  const codes = (lines: string[]) => {
    const doc = docFrom(lines, [], {});
    doc.document.kind = null;
    return brief(check(doc).flags, ['DIRECTION_CONFLICT']);
  };
  it('is not flagged; a real increase explained by savings still is', () => {
    expect(codes(['2026年预算安排10.92万元，比上年增加0.00万元，增长0.00%，与上年持平。主要原因是：厉行节俭节约，严格控制公务接待支出。'])).toEqual([]);
    expect(codes(['2026年预算安排10.92万元，比上年增加0.00万元，增长0%。主要原因是：厉行节俭节约，严格控制公务接待支出。'])).toEqual([]);
    expect(codes(['2026年预算安排10.92万元，比上年增加1.00万元，增长10.08%。主要原因是：厉行节俭节约，严格控制公务接待支出。'])).toEqual(['1 DIRECTION_CONFLICT']);
  });
});

describe('leftovers of the first renwu screen (MALFORMED_VALUE, BLANK_VALUE)', () => {
  const codes = (lines: string[]) => {
    const doc = docFrom(lines, [], {});
    doc.document.kind = null;
    return brief(check(doc).flags, ['MALFORMED_VALUE', 'BLANK_VALUE']);
  };
  it('a version number (决策系统 2.0) and an index named by its letters (CMI值达到1.05) are no amounts', () => {
    expect(codes(['充分运用防汛排涝决策系统 2.0，融合多源监测', '三级公立医院病例组合指数（CMI值）达到1.05；医疗费用不合理增长得到控制'])).toEqual([]);
    expect(codes(['住房保障支出（类）445.69，占15.12%', '支出决算为4.19。', '产值达到1.05；'])).toEqual(['1 MALFORMED_VALUE', '2 MALFORMED_VALUE', '3 MALFORMED_VALUE']);
    // (session 18, 西南大学 2021 预算 with 万元 dropped: an amount closing a bracket lacks its unit as much as one closing a clause)
    expect(codes(['我校2021年支出预算490,808.40万元（本年支出预算415,808.40），其中：教育支出398,593.09万元'])).toEqual(['1 MALFORMED_VALUE']);
    expect(codes(['我校2021年支出预算490,808.40万元（本年支出预算415,808.40万元），其中：教育支出398,593.09万元', '（版本2.0）上线'])).toEqual([]);
  });
  it('a unit opening a tall cell’s wrapped line goes on from the cell above it, the row’s figures between', () => {
    // (西安 民政 2021 明细: the figure ends the cell's line above)
    expect(codes(['彩票销售服务    为保障销售厅正常运营，房租一年82.84', '105    1,073,200.00', '场所房租、保安费用    万元，聘请6名保安。'])).toEqual([]);
    // (广州 水务 2026 绩效目标: the figure, then the row of figures)
    expect(codes(['广州市河湖治理与水生    成碳减排评估方法1', '30.00    30.00    30.00    0.00', '态修复碳减排评估研究    套，厘清治理全过程的碳减排变化情况'])).toEqual([]);
    // (a word wrapped: …2 万 / 元，)
    expect(codes(['国际交流与    局机关参会较 2021 年增加 2 万', '2021    42    0    0    42    0', '合作    元，中国海外人才交流大会参会减少 4 万元。'])).toEqual([]);
    // a slot ending the cell above is a blank; so is a blank with no cell above
    expect(codes(['公务用车    本年支出决算为', '12    0.00', '运行费    万元，完成预算的0%。'])).toEqual(['3 BLANK_VALUE']);
    expect(codes(['成本控制率    100    支出决算为    万元，完成预算的0%；'])).toEqual(['1 BLANK_VALUE']);
    // a justified prose line above (one gap) is no table row: the wrapped blank is flagged (江苏 省委办公厅 2019 p7, blanked)
    expect(codes(['（1）一般公共预算收入预算    27664.22万元，与上年相比增', '加    万元，增长13.11%。'])).toEqual(['2 BLANK_VALUE']);
    // nor a clause before the unit on its line (西南大学 2021 p9, blanked: prose spread over gaps)
    expect(codes(['入预算    390,140.45    万元，使用非财政拨款结余    18,953.73', '万元，上年结转    万元；本年支出预算415,808.40'])).toEqual(['2 BLANK_VALUE']);
  });
});
