// Session 17, required parts (MISSING_SECTION / MISSING_TABLE / EMPTY_TABLE_UNEXPLAINED) on the renwu screens'
// layouts: synthetic reports and lines reproducing them.
import { describe, expect, it } from 'vitest';
import { familyReport, type Family } from '../scripts/gen-variants-families.js';
import { processDocument } from '../src/pipeline.js';
import { completesTitle } from '../src/ingest/pdf/tables.js';
import { dropOverprints } from '../src/ingest/pdf/layout.js';
import { families, tableOfTitle } from '../src/check/family.js';

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
const codes = async (lines: string[], re = /EMPTY_TABLE_UNEXPLAINED|MISSING_TABLE|MISSING_SECTION/) =>
  (await run(lines)).flags.filter((f) => re.test(f.code)).map((f) => `${f.code} ${f.severity} ${f.message}`);

/** The family's report with the empty 政府性基金 table's note taken out, and `extra` lines put before its 名词解释
 *  (`list` lines: at the head of its tables part). */
function emptyFundReport(family: Family, fund: string, extra: string[] = [], list: string[] = []): string[] {
  const lines = familyReport(family, (tables) => {
    const t = tables.find((x) => x.title === fund)!;
    delete t.emptyNote;
  });
  const at = lines.findIndex((l) => l.startsWith('第四部分 名词解释'));
  const part = lines.findIndex((l) => l.startsWith('第二部分'));
  return [...lines.slice(0, part + 1), ...list, ...lines.slice(part + 1, at), ...extra, ...lines.slice(at)];
}

describe('an empty table explained elsewhere in the document', () => {
  const fund = '政府性基金预算支出表';
  const flagged = ['EMPTY_TABLE_UNEXPLAINED warning “表8 政府性基金预算支出表”是空表，却没有说明原因（如“本单位无……，故本表为空表”）。'];
  it('with no note anywhere it stays a warning', async () => {
    expect(await codes(emptyFundReport('guangdong-ys', fund))).toEqual(flagged);
  }, 30_000);
  it('a sentence naming its fund beside a negation explains it (本部门无当年政府性基金预算收支，并已公开空表)', async () => {
    expect(await codes(emptyFundReport('guangdong-ys', fund, ['七、政府性基金预算支出情况说明', '本部门无当年政府性基金预算收支，并已公开空表。']))).toEqual([]);
  }, 30_000);
  it('a sentence about a change (与上年相比无变化) does not', async () => {
    expect(await codes(emptyFundReport('guangdong-ys', fund, ['七、政府性基金预算支出情况说明', '政府性基金预算支出与上年相比无变化。']))).toEqual(flagged);
  }, 30_000);
  it('a row of the list of tables naming it with 不涉及 explains it; a row saying 否 does not', async () => {
    const list = (row: string) => ['序号    内容    是否空表    表格为空的理由', '表7    一般公共预算“三公”经费支出表    否', row, '表9    国有资本经营预算支出表    是    本部门不涉及故公开空表'];
    expect(await codes(emptyFundReport('guangdong-ys', fund, [], list('表8    政府性基金预算支出表    是    不涉及')))).toEqual([]);
    expect(await codes(emptyFundReport('guangdong-ys', fund, [], list('表8    政府性基金预算支出表    否    无')))).toEqual(flagged);
  }, 30_000);
  it('a sentence that only says the unit had none of the fund (本单位本年度无政府性基金预算财政拨款支出) says nothing of the table', async () => {
    expect(await codes(emptyFundReport('jiedao-js', '政府性基金预算财政拨款收入支出决算表'))).toEqual([
      'EMPTY_TABLE_UNEXPLAINED warning “附表8 政府性基金预算财政拨款收入支出决算表”是空表，却没有说明原因（如“本单位无……，故本表为空表”）。',
    ]);
    expect(await codes(emptyFundReport('guangdong-ys', fund, ['七、政府性基金预算支出情况说明', '本部门无政府性基金预算拨款安排的支出。']))).toEqual(flagged);
  }, 30_000);
});

describe('titles wrapped or drawn twice', () => {
  it('a title wrapped after a joining word, or before a bracketed qualifier, is completed by the next line', () => {
    expect(completesTitle('2021年部门综合预算一般公共预算拨款“三公”经费及', '会议费、培训费支出预算表（不含上年结转）')).toBe(true);
    expect(completesTitle('2022年部门综合预算一般公共预算拨款“三公”经费、', '会议费、培训费表（不含上年结转）')).toBe(true);
    // (a long line after a title that does not end on a joining word is not its tail)
    expect(completesTitle('2022年部门综合预算一般公共预算拨款“三公”经费', '会议费、培训费支出预算表（不含上年结转）')).toBe(false);
  });
  it('a title cut inside its bracketed qualifier still names its table', () => {
    const all = families().flatMap((f) => f.tables);
    expect(tableOfTitle('2021年部门综合预算一般公共预算基本支出明细表（按支出功', all)?.kind).toBe('预算06一般公共预算基本支出表');
  });
  it('a text run drawn again at its own place is read once', () => {
    const g = (str: string, x0: number, y: number) => ({ str, x0, x1: x0 + 11 * str.length, y, size: 11 });
    const runs = [g('表2', 12.1, 540.86), g('部门收入总表', 300, 518), g('表2', 12.24, 540.84), g('部门收入总表', 300, 518), g('表2', 60, 540.86)];
    expect(dropOverprints(runs).map((r) => `${r.str}@${r.x0}`)).toEqual(['表2@12.1', '部门收入总表@300', '表2@60']);
  });
});

describe('a list of the tables with a 是否空表 column', () => {
  it('its rows are no empty tables of their own', async () => {
    const lines = familyReport('guangdong-ys');
    const at = lines.findIndex((l) => l.startsWith('第二部分'));
    const list = ['序号    内容    是否空表    表格为空的理由', '表1    部门收支总体情况表    否', '表2    部门收入总体情况表    否', '表3    部门支出总体情况表    否'];
    expect(await codes([...lines.slice(0, at + 1), ...list, ...lines.slice(at + 1)])).toEqual([]);
  }, 30_000);
});

describe('what the document says about itself', () => {
  it('an eight-table 决算 (no 国有资本经营 table) missing the 国有资本 explanation too: both warnings; its 财政拨款收入支出总表说明 is the 财政拨款 overview', async () => {
    const lines = familyReport('jiedao-js', (tables) => {
      const at = tables.findIndex((t) => t.title.startsWith('国有资本经营'));
      tables.splice(at, 1);
    })
      .filter((l) => !l.includes('国有资本经营预算支出决算情况说明') && !l.includes('无国有资本经营'))
      .map((l) => l.replace('四、财政拨款收入支出决算总体情况说明', '四、财政拨款收入支出总表说明'));
    expect(await codes(lines)).toEqual([
      'MISSING_SECTION warning 缺少模板要求的部分：“国有资本经营预算财政拨款支出决算情况说明”。',
      'MISSING_TABLE warning 缺少必须公开的国有资本经营预算财政拨款支出决算表（公开09表）。',
    ]);
  }, 30_000);
});

// ------------------------------------------------------------------ a header band of many lines
import { docFrom } from './check-helpers.js';
import { tableChecks } from '../src/check/structure.js';
import { textUnits } from '../src/check/lines.js';

describe('a table whose grid is only its header band, its rows lines of figures far below', () => {
  /** 西安 2022 三公 table: title, a grid of four header cells at line 3, fourteen lines of header words, then rows
   *  of figures the extractor did not take into the grid (`rowsBelow`: whether they are printed). */
  const doc = (rowsBelow: boolean) => {
    const lines = ['表13', '2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表（不含上年结转）'];
    const words = Array.from({ length: 14 }, (_, i) => ['公务用车购置及运行维护费', '小计（境）费公务接待费', '购置运行费'][i % 3]!);
    const figures = rowsBelow ? ['1    合计    38000.00    10000.00    0.00    28000.00', '2    271    西安市某局    38000.00    10000.00    0.00    28000.00'] : [];
    const d = docFrom([...lines, 'GRID', ...words, ...figures], [], { kind: '预算', year: 2022 });
    const loc = { page: 1, line: 3, table: 't7' };
    const cell = (raw: string, col: number) => ({ text: raw, raw, loc: { ...loc, row: 0, col } });
    d.blocks[2] = { kind: 'table', table: { id: 't7', rows: [[cell('2021年一般公共预算拨款安排的“三公”经费预算', 0), cell('2022年一般公共预算拨款安排的“三公”经费预算', 1)]], loc } };
    d.tables = [{ id: 't7', title: lines[1]!, kind: '预算07三公经费表', unit: '元', loc, header: ['2021年一般公共预算拨款安排的“三公”经费预算', '2022年一般公共预算拨款安排的“三公”经费预算'], rows: [], empty: true, note: null }];
    return d;
  };
  const empties = (rowsBelow: boolean) => {
    const d = doc(rowsBelow);
    return tableChecks(d, textUnits(d), { family: null, tablesElsewhere: false }).map((f) => `${f.code} ${f.loc?.line}`);
  };
  it('rows of figures anywhere on its page below the band: not empty; none: an empty table', () => {
    expect(empties(true)).toEqual([]);
    expect(empties(false)).toEqual(['EMPTY_TABLE_UNEXPLAINED 3']);
  });
});
