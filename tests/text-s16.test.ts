// Session 16 (text rules on the renwu 2026 部门预算 screen): layouts of 长沙, 广州/深圳, 西安 and 深圳 that drew
// false BLANK_VALUE, MALFORMED_VALUE, MISSING_TABLE and MISSING_SECTION errors. Synthetic lines reproducing them.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import type { OutlineNode } from '../src/model.js';
import { brief, docFrom } from './check-helpers.js';

const TEXT_CODES = ['BLANK_VALUE', 'TEMPLATE_TEXT', 'MALFORMED_VALUE', 'DIRECTION_CONFLICT', 'YEAR_MISMATCH'];
const codes = (lines: string[]) => {
  const doc = docFrom(lines, [], {});
  doc.document.kind = null;
  return brief(check(doc).flags, TEXT_CODES);
};

describe('a unit that is a cell of its own in a table row printed as text is no blank (长沙 2026 预算 绩效目标表, 度量单位 column)', () => {
  it('is not flagged between two cells, with its per-unit tail (万元/年, 元/台)', () => {
    expect(
      codes([
        '成本控制率    100    成本控制在总预算内    %    ≤    20',
        '1    开展督导专项检查行动次数    完成目标得满分，否则不得分    次    ≥    1',
        '503.28    支出控制在物业服务合同金额以内    万元    ≤    5',
        '固定电话费标准    58.8    固定电话费标准为58.8万元/年    万元/年    ≤    4',
        '95    公共设施正常运转    %    定量    6',
        '警务通通讯租赁费    212.51    租赁费用    284    按期据实结算    元/台    ≤    10',
        // the last cell of a row of three (西安 2026 预算, a 政府采购 table printed as text)
        '新时代文明    A02010104台式计算    台',
        // a word, not a slot (累计人次(人次), a 绩效指标 cell)
        '参与培训的中心工作人员累计人次(人次)',
      ]),
    ).toEqual([]);
  });
  it('the unit ending the line under a table title is the table’s unit (湖州 2026: 507-湖州市卫生健康委员会    万元)', () => {
    expect(codes(['市级部门项目支出绩效表', '507-湖州市卫生健康委员会          万元'])).toEqual([]);
    expect(codes(['本年度项目支出情况如下：', '507-湖州市卫生健康委员会          万元'])).toEqual(['2 BLANK_VALUE']);
  });
  it('a blank in prose, its clause going on after the unit, is still flagged; so is a lone unit ending a line', () => {
    expect(codes(['成本控制率    100    支出决算为    万元，完成预算的0%；', '公务接待    次', '支出决算共计万元。'])).toEqual(['1 BLANK_VALUE', '2 BLANK_VALUE', '3 BLANK_VALUE']);
  });
});

describe('a nil rate needs no % (广州/深圳 2026 预算: 安全事故发生率为0；)', () => {
  it('is not flagged; a rate with a figure, and a zero after a choice left in, still are', () => {
    expect(codes(['（三）安全责任事故发生率为0；（四）群众满意度达到90%。', '邮寄差错率为0。'])).toEqual([]);
    expect(codes(['本年度预算执行率为98.20。'])).toEqual(['1 MALFORMED_VALUE']);
    expect(codes(['事故发生率为0.5；'])).toEqual(['1 MALFORMED_VALUE']);
  });
});

describe('the 预算 tables and sections of other templates (patterns/required.yaml)', () => {
  const node = (id: string, section: string, line: number): OutlineNode => ({ id, level: 1, marker: '', title: section, section, loc: { page: 1, line }, children: [] });
  const SECTIONS = ['overview', 'duties', 'explanation', 'agency_operating', 'procurement', 'state_assets', 'performance', 'glossary'];
  const run = (lines: string[]) => {
    const doc = docFrom(lines, [], { kind: '预算', year: 2026 });
    doc.outline = SECTIONS.map((s, i) => node(`h${i}`, s, i + 1));
    return check(doc)
      .flags.filter((f) => /^MISSING_/.test(f.code))
      .map((f) => `${f.code} ${f.expected}`);
  };
  // (each title followed by a row of figures: a table printed as text)
  const titled = (titles: string[]) => titles.flatMap((t) => [t, '单位：元', '合计    28,384,234.71    18,119,247.51']);

  it('西安 部门综合预算: its titles name the nine tables', () => {
    const lines = [
      '二、机构设置',
      ...titled([
        '部门综合预算收支总表',
        '部门综合预算收入总表',
        '部门综合预算支出总表',
        '部门综合预算财政拨款收支总表',
        '部门综合预算一般公共预算支出明细表（按支出功能分类科目）',
        '部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）',
        '部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表',
        '部门综合预算政府性基金收支表',
        '国有资本经营预算支出表',
      ]),
    ];
    expect(run(lines)).toEqual([]);
  });
  it('深圳: 二、机构编制 is the structure section, its 基本支出总表 the 基本支出 table', () => {
    const lines = [
      '二、机构编制',
      // (its 收支总表, 收入总表, 支出总表 and 三公 table are read as tables of their kinds: here their names)
      ...titled(['部门收支总表', '部门收入总表', '部门支出总表', '基本支出总表', '项目支出总表', '财政拨款收支总表', '一般公共预算支出表（按功能分类）', '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表']),
    ];
    expect(run(lines)).toEqual([]);
    // without them, both are missing
    expect(run(lines.filter((l) => l !== '二、机构编制' && l !== '基本支出总表'))).toEqual(['MISSING_SECTION 机构设置或预算单位构成', 'MISSING_TABLE 一般公共预算基本支出表']);
  });

  it('北京: tables said to be an attachment on a line that wraps mid-word (附件：…年度部门预 / 算报表) are no error', () => {
    const flags = (lines: string[]) => {
      const doc = docFrom(lines, [], { kind: '预算', year: 2026 });
      doc.outline = SECTIONS.map((s, i) => node(`h${i}`, s, i + 1));
      return check(doc)
        .flags.filter((f) => f.code === 'MISSING_TABLE')
        .map((f) => f.severity);
    };
    expect(flags(['二、机构设置', '附件：北京市人力资源和社会保障局 2026 年度部门预', '算报表'])).toEqual(['info']);
    expect(flags(['二、机构设置', '第二部分 2026 年度部门预算报表'])).toEqual(['error']);
  });
});

describe('绩效指标 values that are no malformed numbers (西安/烟台 2026 预算)', async () => {
  const { isMalformed } = await import('../src/extract/indicators/values.js');
  it('a range with its unit, a date or a span of dates, a figure per something, k㎡, dimensions, several values of one row', () => {
    const ok = ['1-12月', '300-400人浮动', '=600-1000万元/年', '12/15/2022', '2022.1.1-2023.12.30', '≤500/人·天', '≥189.36k㎡', '≥50＊50', '≥98%；≥95%', '≥95%；≥95%；100%'];
    expect(ok.filter((t) => isMalformed(t))).toEqual([]);
  });
  it('still: a doubled %, a & for %, several decimal points, a month 13, a bad value among several', () => {
    const bad = ['≥100%%', '100&', '1.2.3', '2022.13.1', '100%；98%%'];
    expect(bad.filter((t) => isMalformed(t))).toEqual(bad);
  });
});
