// Malformed statements read on paragraphs (patterns/checks.yaml `statements`, `proseDate`), OCR doubt,
// and template families (patterns/required.yaml `families`).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import type { DocKind, Flag } from '../src/model.js';
import { brief, docFrom } from './check-helpers.js';

const TEXT_CODES = ['BLANK_VALUE', 'TEMPLATE_TEXT', 'MALFORMED_VALUE', 'DIRECTION_CONFLICT', 'YEAR_MISMATCH', 'OCR_UNCERTAIN'];
const flagsOf = (lines: string[], opts: { year?: number; kind?: DocKind } = {}): Flag[] => {
  const doc = docFrom(lines, [], opts);
  if (!opts.kind) doc.document.kind = null;
  return check(doc).flags.filter((f) => TEXT_CODES.includes(f.code));
};
const codes = (lines: string[], opts: { year?: number; kind?: DocKind } = {}) => brief(flagsOf(lines, opts));

describe('malformed statements', () => {
  it('flags a rate without its % and an amount without its unit, at the figure', () => {
    const flags = flagsOf(['人员经费占 76.23；公用经费占23.77%。', '一般公共预算财政拨款支出决算为4.19。', '住房保障支出（类）445.69，占15.12%；完成年初预算的98.20。', '2025年当年预算执行数为133.84，2026年预算安排157.23万元。']);
    expect(brief(flags)).toEqual(['1 MALFORMED_VALUE', '2 MALFORMED_VALUE', '3 MALFORMED_VALUE', '3 MALFORMED_VALUE', '4 MALFORMED_VALUE']);
    expect(flags[0]).toMatchObject({ loc: { page: 1, line: 1, start: 6, end: 11 }, found: '76.23', excerpt: '人员经费占 76.23；', message: '数值缺少单位：“76.23”后没有“%”或“万元”等单位。' });
    expect(flags[1]).toMatchObject({ found: '4.19', expected: '4.19万元', excerpt: '一般公共预算财政拨款支出决算为4.19。' });
  });

  it('sees a statement wrapped over two lines, and flags it on the line it starts on', () => {
    const flags = flagsOf(['本年支出合计 93.93 万元，其中基本支出占', '76.23，项目支出占23.77%。']);
    expect(brief(flags)).toEqual(['2 MALFORMED_VALUE']);
    const wrapped = flagsOf(['与上年相比增加（减', '少）12.50万元。']);
    expect(brief(wrapped)).toEqual(['1 TEMPLATE_TEXT']);
    expect(wrapped[0]).toMatchObject({ loc: { line: 1, start: 5, end: 9 }, found: '增加（减\n少）', excerpt: '与上年相比增加（减\n少）12.50万元。' });
  });

  it('joins a paragraph across a page break, and flags it on the page it starts on', () => {
    const doc = docFrom(['其中基本支出占', '76.23；项目支出占23.77%。'], [], { year: 2023 });
    doc.document.kind = null;
    const second = doc.blocks[1]!;
    if (second.kind === 'line') second.line.loc = { page: 2, line: 1 };
    const flags = check(doc).flags.filter((f) => TEXT_CODES.includes(f.code));
    expect(flags.map((f) => [f.code, f.loc?.page, f.loc?.line, f.loc?.start, f.loc?.end])).toEqual([['MALFORMED_VALUE', 2, 1, 0, 5]]);
    expect(flags[0]!.excerpt).toBe('其中基本支出占\n76.23；');
  });

  it('flags a figure without its unit at the end of a list item, where the next item opens', () => {
    const flags = flagsOf(['（一）人员经费3,512.40万元', '1、工资福利支出（类）1,608.22', '（1）基本工资（款）支出562.30万元。']);
    expect(flags.map((f) => [f.code, f.loc?.line, f.found])).toEqual([['MALFORMED_VALUE', 2, '1,608.22']]);
    expect(flagsOf(['由我局申请400.04以上基本建设项目，', '审计金额为3000.00及以下的项目。']).map((f) => [f.code, f.found])).toEqual([
      ['MALFORMED_VALUE', '400.04'],
      ['MALFORMED_VALUE', '3000.00'],
    ]);
    expect(codes(['由我局申请400.04万元以上基本建设项目，审计金额为3000.00万元及以下的项目。'])).toEqual([]);
    expect(codes(['（一）人员经费3,512.40万元', '1、工资福利支出（类）1,608.22万元', '（1）基本工资（款）支出562.30万元。', '一般公共服务支出 0.76 （10）'])).toEqual([]);
  });

  it('reads a list of figures closing on one unit as each carrying it (收、支总计各为A，B万元: a 四川 单位决算)', () => {
    expect(codes(['2022年度收、支总计各为4125.49，4143.91万元。与2021年相比，收、支总计各减少1267.86、2570.97万元，各下降23.51%、38.28%。'])).toEqual([]);
    // (a page that folds the full-width comma: 各是4125.49,4143.91万元 — dyrmt.com's copy of the same report)
    expect(codes(['2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元。'])).toEqual([]);
    // a list that closes on no unit still lacks it, and so does a figure whose clause goes on in words
    expect(flagsOf(['收、支总计各为4125.49，4143.91。本年支出决算为4.19，占15.12%。']).map((f) => [f.code, f.found])).toEqual([
      ['MALFORMED_VALUE', '4125.49'],
      ['MALFORMED_VALUE', '4.19'],
    ]);
  });

  it('flags an amount without its unit opening a paragraph under its heading (a dump sets the filled-in figure apart)', () => {
    const doc = docFrom(['（一）收入预算总计', '16,430.20。包括：一般公共预算收入16,430.20万元。', '1.10、工作职责', '2023.12。'], []);
    doc.document.kind = null;
    doc.headingBlocks = new Set([0]);
    const flags = check(doc).flags.filter((f) => TEXT_CODES.includes(f.code));
    expect(flags.map((f) => [f.code, f.loc?.line, f.found])).toEqual([['MALFORMED_VALUE', 2, '16,430.20']]);
  });

  it('flags fused contradictory words and a template choice left in', () => {
    expect(codes(['比上年减增加3.5万元。', '决算数大小于预算数。', '支出决算比上年下降（增长）12%。', '决算数大于/小于预算数的主要原因：业务调整。'])).toEqual([
      '1 DIRECTION_CONFLICT',
      '2 DIRECTION_CONFLICT',
      '3 TEMPLATE_TEXT',
      '4 TEMPLATE_TEXT',
    ]);
    // before a zero change the leftover misstates nothing
    expect(flagsOf(['政府性基金收入预算0万元，与上年相比增加（减少）0万元。']).map((f) => f.severity)).toEqual(['info']);
  });

  it('reads 降低/提高 as choices too (增长（降低） 0 %), and a page number printed inside the sentence as furniture', () => {
    expect(flagsOf(['国有资本经营预算收入为0万元，与上年相比增长（降低）0%。']).map((f) => [f.code, f.severity])).toEqual([['TEMPLATE_TEXT', 'info']]);
    expect(flagsOf(['支出预算较上年提高（降低）3.5%。']).map((f) => [f.code, f.severity])).toEqual([['TEMPLATE_TEXT', 'error']]);
    expect(flagsOf(['收入为0万元，与上年相比增长（降低）0', '本部门无此项预算收支。']).map((f) => [f.code, f.severity])).toEqual([['TEMPLATE_TEXT', 'info']]);
    expect(flagsOf(['收入与上年相比增长（降低）0.5%。']).map((f) => [f.code, f.severity])).toEqual([['TEMPLATE_TEXT', 'error']]);
    // the figure after a choice left in still needs its unit
    expect(flagsOf(['与上年相比增加（减少）0万元，增长（减少） 0 。主要原因是本部门无此项支出。']).map((f) => [f.code, f.severity, f.found])).toEqual([
      ['MALFORMED_VALUE', 'error', '0'],
      ['TEMPLATE_TEXT', 'info', '增加（减少）'],
      ['TEMPLATE_TEXT', 'info', '增长（减少）'],
    ]);
    // a plain dump prints the page's number (1, on page 1) where its text flow puts it: between 0 and 万元
    const flags = flagsOf(['政府性基金支出预算支出0万元。与上年相比增加（减少） 0', '1', '万元，增长（减少）0%。']);
    expect(flags.map((f) => [f.code, f.severity, f.loc?.line])).toEqual([
      ['TEMPLATE_TEXT', 'info', 1],
      ['TEMPLATE_TEXT', 'info', 3],
    ]);
  });

  it('leaves well-formed statements alone', () => {
    expect(
      codes([
        '收入预算总计 10,150.48 万元，与上年相比增加 1,003.69 万元，增长 10.97%。',
        '项目自评得分为95.5，等级为优。',
        '项目综合得分95.5，评价等级为优。',
        '比上年下降0.5个百分点，增长2.5倍。',
        '主要是由以下因素增减相抵，综合影响。',
        '编制人数为13，实有人数12。',
        '一般公共服务支出 100.00 200.00 300.00',
        '项目实施期限为2023.12，已完成。',
        '按调整系数1.2，核定定额。',
        '项目    增加/减少    金额',
      ]),
    ).toEqual([]);
  });
});

describe('a table run into the text (a dump that joined an HTML table\'s cells)', () => {
  it('its figures are cells under the table\'s unit, to the clause\'s end; prose after it is read again', () => {
    const line =
      '一、收支预算总表2026年度收支预算总表单位：万元收入支出项目预算数项目预算数一、一般公共预算拨款收入665.35　一、一般公共服务支出576.81　二、政府性基金预算拨款收入收入合计665.35　支出合计665.35 二、收入预算总表 ' +
      '第三部分 情况说明 按照综合预算的原则，部门所有收入和支出均纳入部门预算管理。基本支出占 76.23；';
    expect(codes([line])).toEqual(['1 MALFORMED_VALUE']);
    expect(flagsOf([line])[0]).toMatchObject({ found: '76.23' });
    // the same figures with no unit declared before them are statements without their unit
    expect(flagsOf(['一、一般公共预算拨款收入665.35　一、一般公共服务支出576.81　二、政府性基金预算拨款收入']).map((f) => `${f.code} ${f.found}`)).toEqual(['MALFORMED_VALUE 665.35', 'MALFORMED_VALUE 576.81']);
    // 编制单位：… is no unit declaration
    expect(codes(['编制单位：某某局合计为4.19，一、工资福利支出'])).toEqual(['1 MALFORMED_VALUE']);
  });

  it('not a unit declared in a sentence, nor a title line\'s unit the prose after it runs on from', () => {
    const declared = flagsOf(['2023年度收入、支出决算总计1234.56万元（单位：万元，下同），其中基本支出占76.23，项目支出占23.77%。']);
    expect(declared.map((f) => `${f.code} ${f.found}`)).toEqual(['MALFORMED_VALUE 76.23']);
    // (a title and its unit on one line, the table an image: the paragraph runs on into the prose)
    const titled = flagsOf(['收入支出决算总表          单位：万元', '2023年度收入总计1000.00，比上年增长10，主要原因是人员增加。']);
    expect(titled.map((f) => `${f.loc?.line} ${f.code} ${f.found}`)).toEqual(['2 MALFORMED_VALUE 10', '2 MALFORMED_VALUE 1000.00']);
  });
});

describe('an item of a list of amounts with its figure left out', () => {
  it('is a blank when the item before it has its figure; not a magnitude word, nor a unit a word follows', () => {
    const flags = flagsOf(['一、2023年年初结转结余28.78万元，本年收入169.92万元，用事业基金弥补收支差额万元，本年支出120.46万元，结余分配万元，年末结转结余78.24万元。']);
    expect(flags.map((f) => `${f.code} ${f.severity} ${f.loc?.start}`)).toEqual(['BLANK_VALUE error 45', 'BLANK_VALUE error 65']);
    // no figure before it in the list: nothing to go by
    expect(codes(['政府性基金预算财政拨款年初结转结余万元，本年收入万元。'])).toEqual([]);
    expect(codes(['本年收入169.92万元，其中单项万元以上的项目3个。', '项目支出120.46万元，超过百万元的项目2个，', '结余20.00万元，累计数十万元，'])).toEqual([]);
    // a figure in full-width digits, a placeholder, digits an OCR read as letters, a numeral in capitals, 每万元,
    // a unit label: no empty slot (XX is the placeholder's TEMPLATE_TEXT only)
    const filled = ['本年收入169.92万元，本年支出１２０．４６万元。', '本年收入169.92万元，本年支出XX万元。', '本年收入169.92万元，本年支出＊＊万元。', '本年收入169.92万元，本年支出O.OO万元。',
      '本年收入169.92万元，本年支出壹佰万元。', '本年收入169.92万元，每万元GDP能耗下降。', '本年收入169.92万元，以下金额单位为人民币万元。', '本年收入9800.00万元，首次超过亿元。'];
    expect(codes(filled)).toEqual(['2 TEMPLATE_TEXT']);
  });
});

describe('a reason announced and not given', () => {
  it('is a blank', () => {
    const flags = flagsOf(['（二）公务用车购置及运行费9.98万元，与2025年预算数持平，主要原因是。其中：公务用车购置费0万元。']);
    expect(brief(flags)).toEqual(['1 BLANK_VALUE']);
    expect(flags[0]).toMatchObject({ found: '主要原因是', severity: 'error' });
    expect(codes(['主要原因是：业务量增加。', '减少的主要原因是人员减少。'])).toEqual([]);
  });
});

describe('prose dates', () => {
  it('a 决算 report states its own year-end, a 预算 report the year before', () => {
    expect(codes(['截至2023年12月31日，本部门共有车辆2辆。'], { year: 2024, kind: '决算' })).toEqual(['1 YEAR_MISMATCH']);
    expect(flagsOf(['截至2023年12月31日，本部门共有车辆2辆。'], { year: 2024, kind: '决算' })[0]).toMatchObject({ expected: 2024, found: 2023, loc: { start: 2, end: 6 } });
    expect(codes(['截至2024年12月31日，本部门共有车辆2辆。'], { year: 2024, kind: '决算' })).toEqual([]);
    expect(codes(['截至2023年8月31日，本部门共有车辆2辆。'], { year: 2024, kind: '预算' })).toEqual([]);
    expect(codes(['截至2022年12月31日，本部门共有车辆2辆。'], { year: 2024, kind: '预算' })).toEqual(['1 YEAR_MISMATCH']);
    // a later date that is not a year-end: when the report was written
    expect(codes(['截至2025年6月，已完成整改。'], { year: 2024, kind: '决算' })).toEqual([]);
  });
});

describe('scans', () => {
  it('a thousands comma read as a point is OCR_UNCERTAIN, and no rule fires on an uncertain span', () => {
    const doc = docFrom(['合计 477.447.73万元', '基本支出占 76.23；'], [], { year: 2024 });
    doc.document.kind = null;
    const [a, b] = doc.blocks.map((x) => (x.kind === 'line' ? x.line : null));
    a!.ocr = { engine: 'paddle', confidence: 0.9 };
    b!.ocr = { engine: 'paddle', confidence: 0.9, uncertain: [{ start: 5, end: 10, readings: ['76.23', '76.23%'] }] };
    const flags = check(doc).flags.filter((f) => TEXT_CODES.includes(f.code));
    expect(brief(flags)).toEqual(['1 OCR_UNCERTAIN']);
    expect(flags[0]).toMatchObject({ found: '477.447.73', expected: '477,447.73', severity: 'warning' });
    // the same line from a text layer is a malformed number
    expect(codes(['合计 477.447.73万元'])).toEqual(['1 MALFORMED_VALUE']);
  });
});

describe('template families', () => {
  const titled = (lines: string[], title: string, kind: DocKind) => {
    const doc = docFrom(lines, [], { year: 2023, kind });
    doc.document.title = title;
    doc.document.unit = title.replace(/\d{4}.*$/u, '');
    return check(doc);
  };
  const tableFlags = (d: ReturnType<typeof check>) => d.flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => `${f.severity} ${f.expected}`);

  it('a university 预算 with its four tables is the university family: nothing missing', () => {
    const d = titled(['西南大学收支预算总表', '一、财政拨款 230,876.38 一、教育支出 434,334.99', '西南大学收入预算表', '合计 100.00 200.00', '西南大学支出预算表', '合计 100.00 200.00', '西南大学财政拨款支出预算表', '合计 100.00 200.00'], '西南大学2023年度部门预算', '预算');
    expect(d.document.template).toBe('university-yusuan');
    expect(tableFlags(d)).toEqual([]);
  });

  it('the same tables under a department title are the provincial family, with its tables missing', () => {
    const d = titled(['收支预算总表', '一、财政拨款 230,876.38 一、教育支出 434,334.99'], '某某局2023年度部门预算', '预算');
    expect(d.document.template).toBe('provincial-yusuan');
    expect(tableFlags(d)).toContain('error 部门收入总表');
  });

  it('a report whose tables are attached elsewhere gets MISSING_TABLE as info', () => {
    const d = titled(['第二部分 2023年度部门预算表', '2023年度部门预算公开表附后。'], '某某局2023年度部门预算', '预算');
    expect(d.document).toMatchObject({ template: 'provincial-yusuan', tablesElsewhere: true });
    expect(tableFlags(d).map((f) => f.split(' ')[0])).toEqual(['info']);
    const plain = titled(['第二部分 2023年度部门预算表'], '某某局2023年度部门预算', '预算');
    expect(plain.document.tablesElsewhere).toBe(false);
    expect(tableFlags(plain).map((f) => f.split(' ')[0])).toEqual(['error']);
  });

  it('a 决算 whose tables are linked one spreadsheet a table (a 决算批复 notice) gets MISSING_TABLE as info', () => {
    const notice = ['关于批复2023年度部门决算的通知', '一、2023年年初结转结余1.00万元，本年收入2.00万元，本年支出3.00万元。',
      '某中心2023年收支决算总表.xls某中心2023年支出决算批复表.xls 附件下载'];
    const d = titled(notice, '某中心2023年度决算公开', '决算');
    expect(d.document.tablesElsewhere).toBe(true);
    expect(tableFlags(d).map((f) => f.split(' ')[0])).toEqual(['info']);
    // a spreadsheet that is not a 预算/决算 table (绩效目标表.xls) says nothing of where the tables are
    const other = titled([...notice.slice(0, 2), '某中心2023年绩效目标表.xls'], '某中心2023年度决算公开', '决算');
    expect(other.document.tablesElsewhere).toBe(false);
    expect(tableFlags(other).map((f) => f.split(' ')[0])).toEqual(['error']);
    // nor does a 预算 绩效 table's spreadsheet
    const perf = titled([...notice.slice(0, 2), '某中心2023年部门预算项目绩效目标表.xls'], '某中心2023年度决算公开', '决算');
    expect(perf.document.tablesElsewhere).toBe(false);
    expect(tableFlags(perf).map((f) => f.split(' ')[0])).toEqual(['error']);
  });

  it('a 福建 部门预算 set (…预算拨款支出预算表, 一般公共预算基本支出经济分类情况表) has its nine tables', () => {
    const titles = ['收支预算总表', '收入预算总表', '支出预算总表', '财政拨款收支预算总表', '一般公共预算拨款支出预算表', '政府性基金预算拨款支出预算表',
      '国有资本经营预算拨款支出预算表', '一般公共预算支出经济分类情况表', '一般公共预算基本支出经济分类情况表', '一般公共预算“三公”经费支出预算表'];
    const d = titled(titles.flatMap((t, i) => [`${'一二三四五六七八九十'[i]}、${t}`, '单位：万元', '合计 1.00 1.00']), '某某局2026年度部门预算', '预算');
    expect(d.document.template).toBe('provincial-yusuan');
    expect(tableFlags(d)).toEqual([]);
  });

  it('tables run into one line (titles straight before their 单位：万元) are printed; a table named in a sentence is not', () => {
    const names = ['部门收支总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表', '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表'];
    const line = names.map((t, i) => `${'一二三四五六七八九'[i]}、${t}2026年度${t}单位：万元项目预算数合计1.00　`).join('') + '第三部分 情况说明';
    const d = titled([line], '某某局2026年度部门预算', '预算');
    expect(d.document.template).toBe('provincial-yusuan');
    expect(tableFlags(d)).toEqual([]);
    // only eight of them printed, the ninth named in a sentence
    const eight = names.slice(0, 8).map((t) => `${t}单位：万元合计1.00　`).join('') + '详见国有资本经营预算支出表。';
    expect(tableFlags(titled([eight], '某某局2026年度部门预算', '预算'))).toEqual(['warning 国有资本经营预算支出表']);
  });

  it('no family without a kind', () => {
    const doc = docFrom(['随便一行'], [], {});
    doc.document.kind = null;
    expect(check(doc).document.template).toBeNull();
  });
});

