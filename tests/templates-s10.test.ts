// Session 10, templates: fund columns are funds, not roles; the template families gen-variants makes.
import { describe, expect, it } from 'vitest';
import { layoutText, makeVariant } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
const renditions: [string, (lines: string[]) => string[]][] = [
  ['text', (lines) => lines],
  ['-layout dump', layoutText],
];

describe.each(renditions)('公开04/预算04: a fund column’s header names a fund, not the figure’s role (%s)', (_name, render) => {
  /** role|column|row name|value of every cell of the 财政拨款收支总表 under a fund column. */
  const fundCells = async (layout: 'zhanjiang' | 'yusuan') => {
    const doc = await run(render(makeVariant(layout, 'none').lines));
    const t = doc.tables.find((x) => /^(?:公开04|预算04)/.test(x.kind));
    expect(t).toBeDefined();
    return doc.facts
      .filter((f) => f.loc.table === t!.id && ['general_budget', 'gov_fund', 'state_capital'].includes(f.about?.column ?? ''))
      .map((f) => `${f.role}|${f.about!.column}|${f.about!.name}|${f.text}`);
  };

  it('决算: 一般公共预算财政拨款 / 政府性基金预算财政拨款 columns hold the year’s actual figures', async () => {
    const cells = await fundCells('zhanjiang');
    expect(cells).toContain('actual|general_budget|一般公共服务支出|400.05');
    expect(cells).toContain('actual|general_budget|本年支出合计|443.15');
    expect(cells).toContain('actual|gov_fund|本年支出合计|0.00');
    expect(cells.filter((c) => !c.startsWith('actual|'))).toEqual([]);
  }, 30_000);

  it('预算: the same columns hold the budget', async () => {
    const cells = await fundCells('yusuan');
    expect(cells).toContain('budget|general_budget|本年支出合计|443.15');
    expect(cells.filter((c) => !c.startsWith('budget|'))).toEqual([]);
  }, 30_000);
});

// ------------------------------------------------------------------ other template families
import { FAMILIES, familyReport, withoutTable, withCell, type Family } from '../scripts/gen-variants-families.js';

const notInfo = async (lines: string[]) => (await run(lines)).flags.filter((f) => f.severity !== 'info').map((f) => `${f.code} ${f.severity} ${f.message}`);

describe.each(renditions)('families gen-variants did not make: clean reports raise nothing (%s)', (_name, render) => {
  it.each(FAMILIES)('%s', async (family) => {
    expect(await notInfo(render(familyReport(family)))).toEqual([]);
  }, 30_000);
});

describe('预算 sets in other provinces’ words: each table is its 预算 kind', () => {
  const kinds = async (family: Family) => (await run(familyReport(family))).tables.map((t) => t.kind);
  it('广东 (表N …总体情况表/…支出表), 北京 (附表N 一般公共预算财政拨款…表, a 决算 title less 决算), 湖南 (NN.项目支出表 after an empty table)', async () => {
    const nine = ['预算01收支总表', '预算02收入总表', '预算03支出总表', '预算04财政拨款收支总表', '预算05一般公共预算支出表', '预算06一般公共预算基本支出表', '预算07三公经费表', '预算08政府性基金表', '预算09国有资本经营表'];
    expect(await kinds('guangdong-ys')).toEqual([...nine, '预算项目支出表', '预算10政府采购表', '绩效目标表']);
    expect((await kinds('beijing-ys')).sort()).toEqual([...nine, '预算项目支出表', '预算10政府采购表', '绩效目标表'].sort());
    expect(await kinds('hunan-ys')).toEqual([...nine, '预算项目支出表']);
  }, 30_000);
});

describe('a required table taken out is MISSING_TABLE, and only that', () => {
  const cases: [Family, string, string][] = [
    ['guangdong-ys', '部门收支总体情况表', 'MISSING_TABLE error 缺少必须公开的部门收支总表（预算01收支总表）。'],
    ['guangdong-ys', '一般公共预算“三公”经费支出表', 'MISSING_TABLE error 缺少必须公开的一般公共预算“三公”经费支出表（预算07三公经费表）。'],
    ['beijing-ys', '一般公共预算财政拨款支出表', 'MISSING_TABLE error 缺少必须公开的一般公共预算支出表（预算05一般公共预算支出表）。'],
    ['beijing-ys', '政府性基金预算财政拨款支出表', 'MISSING_TABLE error 缺少必须公开的政府性基金预算支出表（预算08政府性基金表）。'],
    ['hunan-ys', '国有资本经营预算支出表', 'MISSING_TABLE warning 缺少必须公开的国有资本经营预算支出表（预算09国有资本经营表）。'],
    ['jiedao-js', '财政拨款收入支出决算总表', 'MISSING_TABLE error 缺少必须公开的财政拨款收入支出决算总表（公开04表）。'],
    ['xiangzhen-js', '部门收支决算总表', 'MISSING_TABLE error 缺少必须公开的收入支出决算总表（公开01表）。'],
    ['university-ys', '财政拨款支出预算表', 'MISSING_TABLE error 缺少必须公开的财政拨款支出预算表（高校04财政拨款支出预算表）。'],
  ];
  it.each(cases)('%s without %s', async (family, title, flag) => {
    expect(await notInfo(withoutTable(family, title))).toEqual([flag]);
  }, 30_000);
  it('a table the set need not print (项目支出表, 政府采购预算表) taken out raises nothing', async () => {
    expect(await notInfo(withoutTable('guangdong-ys', '项目支出表'))).toEqual([]);
    expect(await notInfo(withoutTable('beijing-ys', '政府采购预算明细表'))).toEqual([]);
  }, 30_000);
});

describe('a bare figure in a comparison’s slot lacks its % or unit, whatever the verb', () => {
  const malformed = async (sentence: string) => {
    const lines = familyReport('jiedao-js');
    const at = lines.findIndex((l) => l.startsWith('第三部分'));
    const doc = await run([...lines.slice(0, at + 1), sentence, ...lines.slice(at + 1)]);
    return doc.flags.filter((f) => f.code === 'MALFORMED_VALUE').map((f) => `${f.severity} ${f.found} ${f.message}`);
  };
  it('较年初完成92， (a completion verb no word list names) is flagged once; its twins with % or a count’s unit are not', async () => {
    expect(await malformed('项目支出较年初完成92，部分项目未开展。')).toEqual(['error 92 数值缺少单位：“92”后没有“%”或“万元”等单位。']);
    expect(await malformed('公用经费比上年压减3，主要是厉行节约。')).toEqual(['error 3 数值缺少单位：“3”后没有“%”或“万元”等单位。']);
    // (a change word and the comparison slot name the same figure: one flag)
    expect(await malformed('本年支出比上年增长10，主要是人员增加。')).toEqual(['error 10 数值缺少单位：“10”后没有“%”或“万元”等单位。']);
    expect(await malformed('项目支出较年初完成92%，部分项目未开展。')).toEqual([]);
    expect(await malformed('车辆比上年增加1辆，主要是更新。')).toEqual([]);
    expect(await malformed('支出较2023年增加，主要是人员增加。')).toEqual([]);
    // (a word holding 比 compares nothing: a ratio is unitless)
    expect(await malformed('本单位流动比率为1.2，比较年初完成92，均在合理区间。')).toEqual([]);
  }, 30_000);
});

describe.each(renditions)('review s10 F2: a rate column whose % is only in its header (%s)', (_name, render) => {
  /** hunan-ys with 预算05 printed with 上年预算数 | … | 增减额 | 增减率（%）: each 项 10.00 up on the year before. */
  const withRates = (rateHeader: string) =>
    familyReport('hunan-ys', (tables) => {
      const t = tables.find((x) => x.title === '一般公共预算支出表')!;
      const [head, ...body] = t.rows!;
      const leaves = body.filter((r) => String(r[0]).length === 7);
      const rows = body.map((r) => {
        const prior = (r[2] as number) - 1000 * leaves.filter((x) => String(x[0]).startsWith(String(r[0]))).length;
        const change = (r[2] as number) - prior;
        return [r[0]!, r[1]!, prior, ...r.slice(2), change, Math.round((change / prior) * 10000)];
      });
      t.rows = [[head![0]!, head![1]!, '上年预算数', ...head!.slice(2), '增减额', rateHeader], ...rows];
    });
  it('增减率（%） / 增长% cells are rates, never summed over the 科目 tree as amounts', async () => {
    expect(await notInfo(render(withRates('增减率（%）')))).toEqual([]);
    expect(await notInfo(render(withRates('增长%')))).toEqual([]);
    const doc = await run(render(withRates('增减率（%）')));
    const t5 = doc.tables.find((t) => t.kind === '预算05一般公共预算支出表')!;
    const rateCol = t5.header.findIndex((h) => h.includes('增减率'));
    expect(rateCol).toBeGreaterThan(0);
    expect(doc.facts.filter((f) => f.loc.table === t5.id && f.about?.col === rateCol)).toEqual([]);
    // the 增减额 column is still an amount column whose tree adds up (a changed cell is caught)
    expect(doc.facts.filter((f) => f.loc.table === t5.id && f.about?.name === '行政运行').map((f) => f.text)).toContain('10.00');
  }, 30_000);
});

describe.each(renditions)('预算 sets: the 项目支出表 is checked against the 支出总表 (%s)', (_name, render) => {
  it('its 合计 above the 支出总表’s 项目支出 is an error; the clean set raises nothing', async () => {
    expect(await notInfo(render(withCell('guangdong-ys', '项目支出表', 1, 1)))).toEqual([
      'SUM_MISMATCH error 表间数据不一致（项目支出表的合计不超过部门支出总表的项目支出合计）：预算项目支出表第1页“合计”的“合计”111.60万元，超过预算03支出总表第1页“合计”的“项目支出”102.60万元。',
    ]);
    expect(await notInfo(render(familyReport('beijing-ys')))).toEqual([]);
  }, 30_000);
});

describe('review s10 F5: a page-text dump printing one table cell a line', () => {
  /** The report with each table cell on a line of its own (PyMuPDF get_text() prints cells so). */
  const oneCellALine = (lines: string[]) => lines.flatMap((l, i) => (l.startsWith('\t') ? [l.slice(1)] : l === '' && lines[i + 1]?.startsWith('\t') ? [] : [l]));
  it('its lone figures are no rows of the table: no row-identity warning for each', async () => {
    expect(await notInfo(oneCellALine(familyReport('jiedao-js')))).toEqual([]);
  }, 30_000);
});

describe('a report whose tables are published elsewhere, in other words', () => {
  const missing = async (sentence: string) => {
    const lines = familyReport('guangdong-ys', (t) => t.splice(0, t.length));
    const at = lines.findIndex((l) => l.startsWith('第二部分'));
    const doc = await run([...lines.slice(0, at + 1), ...(sentence ? [sentence] : []), ...lines.slice(at + 1)]);
    return [...new Set(doc.flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => f.severity))];
  };
  it('表格附后, 表格见附件, an attachment list naming the tables: MISSING_TABLE is info; without: error', async () => {
    expect(await missing('（预算公开表格附后）')).toEqual(['info']);
    expect(await missing('相关表格见附件2。')).toEqual(['info']);
    expect(await missing('附件：1.部门收支总体情况表 2.部门收入总体情况表')).toEqual(['info']);
    expect(await missing('附件：1.项目绩效自评报告')).toEqual(['error']);
    expect(await missing('')).toEqual(['error']);
  }, 30_000);
});

describe('a 决算 whose table titles do not say 决算', () => {
  it('部门收支总表 … 一般公共预算财政拨款“三公”经费支出表 in a 决算 are its 公开01–09', async () => {
    const titles = ['部门收支总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算财政拨款支出表', '一般公共预算财政拨款基本支出表', '一般公共预算财政拨款“三公”经费支出表', '政府性基金预算财政拨款支出表', '国有资本经营预算财政拨款支出表'];
    const doc = await run(familyReport('xiangzhen-js', (t) => t.forEach((x, i) => (x.title = titles[i] ?? x.title))));
    expect(doc.tables.map((t) => t.kind)).toEqual(['公开01表', '公开02表', '公开03表', '公开04表', '公开05表', '公开06表', '公开07表', '公开08表', '公开09表']);
    expect(doc.flags.filter((f) => f.severity !== 'info')).toEqual([]);
  }, 30_000);
});

describe('review s10 F8: a 名词解释 item that defines a pair of words', () => {
  const choices = async (line: string) => {
    const lines = familyReport('jiedao-js');
    const doc = await run([...lines, line]);
    return doc.flags.filter((f) => f.code === 'TEMPLATE_TEXT').map((f) => `${f.severity} ${f.found}`);
  };
  it('增（减）额、增长（下降）率：指… is a term, not a choice left in; the same pair in a statement still is', async () => {
    expect(await choices('2.增（减）额、增长（下降）率：指本年数与上年数相比的增加（减少）额及其比率。')).toEqual([]);
    expect(await choices('本年支出比上年增加（减少）5.00万元，主要是人员变动。')).toEqual(['error 增加（减少）']);
  }, 30_000);
});

describe('类 | 款 | 项 printed as their own digits (201 | | , then | 03 | , then | | 01)', () => {
  const report = (figure: string) => {
    const lines = familyReport('jiedao-js', (tables) => {
      const t = tables.find((x) => x.title === '一般公共预算财政拨款支出决算表')!;
      t.rows = t.rows!.map((r, i) => {
        if (i === 0) return ['类', '款', '项', ...r.slice(1)];
        const c = String(r[0]);
        return [c.length === 3 ? c : '', c.length === 5 ? c.slice(3) : '', c.length === 7 ? c.slice(5) : '', ...r.slice(1)];
      });
    });
    const at = lines.findIndex((l) => l.startsWith('六、'));
    return [...lines.slice(0, at), `一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）行政运行（项）支出${figure}万元，主要用于机构运转。`, ...lines.slice(at)];
  };
  it('each row’s code is rebuilt from the rows above, so a 项 statement is compared with its row', async () => {
    const doc = await run(report('312.45'));
    const t5 = doc.tables.find((t) => t.kind === '公开05表')!;
    expect([...new Set(doc.facts.filter((f) => f.loc.table === t5.id).map((f) => f.about?.code).filter(Boolean))]).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080505', '221', '22102', '2210201']);
    expect(doc.flags.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(await notInfo(report('315.00'))).toEqual(['VALUE_CONFLICT error 正文数字与表格不一致：此处写315.00万元，公开05表第1页“行政运行”行“合计”栏为312.45万元。']);
  }, 30_000);
});
