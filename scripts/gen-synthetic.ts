// Synthetic 部门决算 reports with known, injected defects and known clean traps, plus the answer key.
// Each report is internally consistent (every total, share, growth and completion rate is right) until
// a defect is injected; the clean traps (spaces before a unit, rounding within tolerance, 0 of 0,
// a legitimate change in 元, a large decrease with a fitting rate) must never be flagged.
//
//   npx tsx scripts/gen-synthetic.ts [outDir] [count] [seed]   → <outDir>/<name>.txt, .docx, key.json
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { FlagCode } from '../src/model.js';
import { mulberry32, type Rand } from './prng.js';

/** One expected flag: its code and a piece of text that the flag's excerpt (or, for a flag without a
 *  place, its `expected`) contains. */
export interface KeyEntry {
  code: FlagCode;
  anchor: string;
}

export interface SyntheticDoc {
  name: string;
  lines: string[];
  key: KeyEntry[];
  /** Descriptions of the clean traps the report contains (nothing may be flagged for them). */
  traps: string[];
}


const UNITS = ['城关区教育局', '东湖区总工会', '青山县农业农村局', '西城区文化馆', '南岸区民政局', '北辰区卫生健康委员会', '江夏区妇女联合会', '临川县司法局'];
/** Amounts are kept as integer hundredths of 万元 (= 100 元), printed with two decimals, with thousands
 *  separators in some reports. */
let commas = false;
const w = (h: number) => {
  const s = (h / 100).toFixed(2);
  return commas ? s.replace(/\B(?=(\d{3})+(?!\d))(?=.*\.)/g, ',') : s;
};
/** Percentages as whole numbers, or with two decimals in some reports. */
let pctDecimals = 0;
const pct = (num: number, den: number) => Number(((num / den) * 100).toFixed(pctDecimals));
const P = (n: number) => n.toFixed(pctDecimals);
/** Some reports come from a PDF text layer that puts a space between Chinese and digits (2023 年度). */
let spaced = false;
const sp = (s: string) => (spaced ? s.replace(/([\u4e00-\u9fff])(?=\d)/gu, '$1 ').replace(/(\d)(?=[\u4e00-\u9fff])/gu, '$1 ') : s);

type Defect =
  | 'BLANK_VALUE'
  | 'BLANK_COUNT'
  | 'BLANK_DATE'
  | 'TEMPLATE_TEXT'
  | 'TEMPLATE_XX'
  | 'MISSING_SECTION'
  | 'MISSING_TABLE'
  | 'EMPTY_TABLE_UNEXPLAINED'
  | 'SUM_MISMATCH'
  | 'GROWTH_WRONG'
  | 'SHARE_WRONG'
  | 'COMPLETION_WRONG'
  | 'VALUE_CONFLICT'
  | 'DIRECTION_CONFLICT'
  | 'UNIT_SUSPECT'
  | 'YEAR_MISMATCH'
  | 'MALFORMED_VALUE';

const ALL_DEFECTS: Defect[] = [
  'BLANK_VALUE',
  'BLANK_COUNT',
  'BLANK_DATE',
  'TEMPLATE_TEXT',
  'TEMPLATE_XX',
  'MISSING_SECTION',
  'MISSING_TABLE',
  'EMPTY_TABLE_UNEXPLAINED',
  'SUM_MISMATCH',
  'GROWTH_WRONG',
  'SHARE_WRONG',
  'COMPLETION_WRONG',
  'VALUE_CONFLICT',
  'DIRECTION_CONFLICT',
  'UNIT_SUSPECT',
  'YEAR_MISMATCH',
  'MALFORMED_VALUE',
];

export function generateOne(index: number, seed: number): SyntheticDoc {
  const r = mulberry32(seed * 7919 + index);
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: T[]) => xs[int(0, xs.length - 1)]!;
  const year = int(2019, 2024);
  const unit = pick(UNITS);
  commas = r() < 0.5;
  pctDecimals = r() < 0.3 ? 2 : 0;
  spaced = r() < 0.3;
  const growthWord = pick(['增长', '上升']);
  const since = pick([`与${year - 1}年度相比，`, '比上年', '较上年']);
  // Three defects per report, distinct.
  const pool = [...ALL_DEFECTS];
  const defects = new Set<Defect>();
  while (defects.size < 3) defects.add(pool.splice(int(0, pool.length - 1), 1)[0]!);
  const has = (d: Defect) => defects.has(d);
  const key: KeyEntry[] = [];
  const traps: string[] = [];

  // Consistent figures (hundredths of 万元).
  const fiscal = int(5000, 1500000);
  const other = int(0, Math.floor(fiscal / 6));
  const total = fiscal + other;
  const incChange = int(Math.floor(total / 50), Math.floor(total / 4));
  const expChange = int(Math.floor(total / 50), Math.floor(total / 4));
  const basic = Math.floor(total * (0.75 + r() * 0.2));
  const project = total - basic;
  const gbBasic = Math.min(basic, Math.floor(fiscal * (0.7 + r() * 0.2)));
  const personnel = Math.floor(gbBasic * (0.8 + r() * 0.15));
  const publicExp = gbBasic - personnel - 1; // one hundredth short: a rounding the checks must tolerate
  const initial = Math.floor(fiscal * (1 + r() * 0.15));
  const agency = publicExp;
  // SUM_MISMATCH: 人员经费 stated too high, in the table and the text alike (so it is not a conflict).
  const personnelShown = defects.has('SUM_MISMATCH') ? personnel + int(200, 2000) : personnel;
  const agencyDecrease = int(Math.floor(agency / 10), Math.floor(agency / 3));
  const reception = int(0, 300);
  const vehicles = int(0, 500);
  const threePublic = reception + vehicles;
  const staffActive = int(3, 60);
  const staffRetired = int(0, 30);

  const L: string[] = [];
  const push = (s: string) => L.push(s.startsWith('\t') ? s : sp(s));
  const addKey = (code: FlagCode, anchor: string) => key.push({ code, anchor: sp(anchor) });

  push(`${unit}${year}年度部门决算`);
  push('');
  push(`第一部分 ${unit}概况`);
  push('一、部门主要职责');
  push(`${unit}负责本系统的业务管理、监督检查和公共服务等工作。`);
  push('二、机构设置情况');
  push(`从决算单位构成看，${unit}部门决算由本级决算组成。编制人数${staffActive}名，在职人数${staffActive}名，离退休人数 ${staffRetired}名。`);
  traps.push('离退休人数 N名: a space before a number');

  push(`第二部分 ${unit}${year}年度部门决算表`);
  const tables: [string, string, [string, string][] | 'empty'][] = [
    ['公开01表', '收入支出决算总表', [['本年收入合计', w(total)], ['本年支出合计', w(total)]]],
    ['公开02表', '收入决算表', [['合计', w(total)]]],
    ['公开03表', '支出决算表', [['合计', w(total)]]],
    ['公开04表', '财政拨款收入支出决算总表', [['一般公共预算财政拨款', w(fiscal)]]],
    ['公开05表', '一般公共预算财政拨款支出决算表', [['合计', w(fiscal)]]],
    ['公开06表', '一般公共预算财政拨款基本支出决算表', [['人员经费合计', w(personnelShown)], ['公用经费合计', w(publicExp)]]],
    ['公开07表', '财政拨款“三公”经费支出决算表', threePublic ? [['合计', w(threePublic)]] : 'empty'],
    ['公开08表', '政府性基金预算财政拨款收入支出决算表', 'empty'],
    ['公开09表', '国有资本经营预算财政拨款支出决算表', 'empty'],
  ];
  const missingTable = has('MISSING_TABLE') ? int(0, 5) : -1;
  const unexplained = has('EMPTY_TABLE_UNEXPLAINED') ? int(6, 8) : -1;
  tables.forEach(([, title, rows], i) => {
    if (i === missingTable) {
      key.push({ code: 'MISSING_TABLE', anchor: title });
      return;
    }
    push(title);
    if (rows === 'empty' || i === unexplained) {
      if (i === unexplained) {
        key.push({ code: 'EMPTY_TABLE_UNEXPLAINED', anchor: title });
        return;
      }
      push(`本单位无${title.replace(/决算表$/, '')}，故本表为空表。`);
      return;
    }
    push('单位：万元');
    push('\t项目');
    push('\t决算数');
    for (const [label, value] of rows) {
      push('');
      push(`\t${label}`);
      push(`\t${value}`);
    }
    push(''); // a table ends at a blank line followed by text
  });

  push(`第三部分 ${unit}${year}年度部门决算情况说明`);
  push('一、收入支出决算总体情况说明');
  push(`${year}年度收入总计${w(total)}万元，支出总计${w(total)}万元。`);
  push('二、收入决算情况说明');
  const incPct = pct(incChange, total - incChange);
  const off = pick([-9, -6, 5, 7, 11]);
  const growthWrong = has('GROWTH_WRONG') ? (incPct + off > 0 ? incPct + off : incPct + 7) : incPct;
  push(`${year}年度收入合计${w(total)}万元，${since}收入合计增加${w(incChange)}万元，${growthWord}${P(growthWrong)}%。`);
  if (has('GROWTH_WRONG')) addKey('PERCENT_MISMATCH', `${growthWord}${P(growthWrong)}%`);
  traps.push(`与${year - 1}年度相比: a prior year in prose, not a title`);
  const fiscalShare = pct(fiscal, total);
  const shareWrong = has('SHARE_WRONG') ? (fiscalShare > 90 ? fiscalShare - pick([4, 8]) : fiscalShare + pick([-8, -4, 3, 6])) : fiscalShare;
  push(`其中：财政拨款收入${w(fiscal)}万元，占本年收入${P(shareWrong)}%；其他收入${w(other)}万元，占本年收入${P(pct(other, total))}%。`);
  if (has('SHARE_WRONG')) addKey('PERCENT_MISMATCH', `占本年收入${P(shareWrong)}%`);
  traps.push('shares rounded to whole percent');

  push(`其他收入增加的主要原因是人均定额增加${int(5, 20) * 100}元。`);
  traps.push('人均定额增加N元: a change in 元 of a per-head rate, not of a 万元 figure');

  push('三、支出决算情况说明');
  const expPct = pct(expChange, total - expChange);
  if (has('UNIT_SUSPECT')) {
    push(`${year}年度支出合计${w(total)}万元，${since}支出合计增加${w(expChange)}元，${growthWord}${P(expPct)}%。`);
    addKey('UNIT_SUSPECT', `增加${w(expChange)}元`);
  } else {
    push(`${year}年度支出合计${w(total)}万元，${since}支出合计增加${w(expChange)}万元，${growthWord}${P(expPct)}%。`);
  }
  push(`其中：基本支出${w(basic)}万元，占本年支出${P(pct(basic, total))}%；项目支出${w(project)}万元，占本年支出${P(pct(project, total))}%。`);

  const meeting = int(100, 2000);
  const meetingCut = Math.floor(meeting * (1.2 + r() * 0.8));
  push(`会议费支出${w(meeting)}万元，比上年减少${w(meetingCut)}万元，下降${P(pct(meetingCut, meeting + meetingCut))}%。`);
  traps.push('a decrease larger than the figure, with a rate that fits it');

  push('四、财政拨款收入支出决算总体情况说明');
  push(`${year}年度财政拨款收入${w(fiscal)}万元，财政拨款支出${w(fiscal)}万元。`);
  if (has('VALUE_CONFLICT')) {
    const wrong = fiscal + int(100, 900);
    push(`${year}年度财政拨款收入为${w(wrong)}万元，主要用于保障机构正常运转。`);
    addKey('VALUE_CONFLICT', `${w(wrong)}万元`);
  }

  push('五、一般公共预算财政拨款支出决算情况说明');
  const completion = pct(fiscal, initial);
  const completionWrong = has('COMPLETION_WRONG') ? completion + pick([-7, -3, 4, 9]) : completion;
  if (has('BLANK_VALUE')) {
    push(`${year}年度一般公共预算财政拨款支出年初预算为${w(initial)}    万元，支出决算为      万元，完成年初预算的${P(completionWrong)}%。`);
    addKey('BLANK_VALUE', '支出决算为      万元');
  } else {
    push(`${year}年度一般公共预算财政拨款支出年初预算为${w(initial)}    万元，支出决算为${w(fiscal)}万元，完成年初预算的${P(completionWrong)}%。`);
    if (has('COMPLETION_WRONG')) addKey('PERCENT_MISMATCH', `完成年初预算的${P(completionWrong)}%`);
  }
  traps.push('N    万元: spaces between a number and its unit');

  push('六、一般公共预算财政拨款基本支出决算情况说明');
  push(`${year}年度一般公共预算财政拨款基本支出${w(gbBasic)}万元，其中：人员经费${w(personnelShown)}万元，主要包括基本工资、津贴补贴等；公用经费${w(publicExp)}万元，主要包括办公费、差旅费等。`);
  if (has('SUM_MISMATCH')) addKey('SUM_MISMATCH', `基本支出${w(gbBasic)}万元`);
  traps.push('personnel + public one hundredth short of the total: rounding');

  push('七、政府性基金预算财政拨款收入支出决算情况说明');
  push('本单位当年无政府性基金预算财政拨款收入支出。');
  push('八、国有资本经营预算财政拨款支出决算情况说明');
  push('本单位当年无国有资本经营预算财政拨款支出。');

  push('九、财政拨款“三公”经费支出决算情况说明');
  push(`${year}年度“三公”经费财政拨款支出决算为${w(threePublic)}万元。`);
  push(`1.因公出国(境)费预算为0万元，支出决算为0万元，完成预算的0%。`);
  traps.push('完成预算的0% of a budget of 0');
  push(`2.公务接待费支出${w(reception)}万元，公务用车购置及运行费支出${w(vehicles)}万元。`);
  if (has('BLANK_COUNT')) {
    push(`${year}年共接待国内来访团组${int(1, 9)}个，      人次。`);
    addKey('BLANK_VALUE', '      人次');
  } else {
    push(`${year}年共接待国内来访团组${int(1, 9)}个，${int(10, 90)}人次。`);
  }

  if (!has('MISSING_SECTION')) {
    push('十、机关运行经费支出说明');
    const decPct = pct(agencyDecrease, agency + agencyDecrease);
    if (has('DIRECTION_CONFLICT')) {
      push(`${unit}${year}年度机关运行经费支出${w(agency)}万元，比上年减少${w(agencyDecrease)}万元，上升${P(decPct)}%。`);
      addKey('DIRECTION_CONFLICT', `减少${w(agencyDecrease)}万元，上升${P(decPct)}%`);
    } else {
      push(`${unit}${year}年度机关运行经费支出${w(agency)}万元，比上年减少${w(agencyDecrease)}万元，下降${P(decPct)}%。`);
    }
  } else {
    key.push({ code: 'MISSING_SECTION', anchor: '机关运行经费' });
  }

  push('十一、政府采购支出说明');
  push(`本部门${year}年度政府采购支出总额0万元，授予中小企业合同金额0万元，占政府采购支出总额的0%。`);
  push('十二、国有资产占用情况说明');
  push(`截至${year}年12月31日，部门共有车辆0辆；单位价值100万元以上设备0台（套）。`);
  traps.push('100万元以上: a threshold');
  push('十三、预算绩效情况说明');
  push(`根据预算绩效管理要求，本部门对${year}年度项目支出开展了绩效自评，评价情况良好，但还存在    基层工作发展不平衡等问题。`);
  traps.push('spaces in prose');
  if (has('TEMPLATE_TEXT')) {
    push('（请对部门整体支出绩效评价情况进行综述，并附自评表）。');
    addKey('TEMPLATE_TEXT', '请对部门整体支出绩效评价情况进行综述');
  }
  if (has('TEMPLATE_XX')) {
    push('本部门绩效评价结果已反馈XX科室，并督促整改。');
    addKey('TEMPLATE_TEXT', 'XX');
  }
  push('第四部分 名词解释');
  push('一、财政拨款收入：指单位从同级财政部门取得的财政预算资金。');
  push('第五部分 附件');
  const attachYear = has('YEAR_MISMATCH') ? year - 1 : year;
  push(`一、${attachYear}年度${unit}整体绩效评价报告`);
  if (has('YEAR_MISMATCH')) addKey('YEAR_MISMATCH', `${attachYear}年度${unit}整体绩效评价报告`);
  push(`${unit}${year}年度整体支出绩效自评得分为${int(85, 99)}分，预算执行率${has('MALFORMED_VALUE') ? '100&' : '100%'}。`);
  if (has('MALFORMED_VALUE')) addKey('MALFORMED_VALUE', '100&');
  if (has('BLANK_DATE')) {
    push(`单位名称：${unit}        填报日期：    年  月  日`);
    addKey('BLANK_VALUE', '填报日期：    年  月  日');
  } else {
    push(`单位名称：${unit}        填报日期：${year + 1}年5月20日`);
  }
  return { name: `syn-${String(index).padStart(3, '0')}`, lines: L, key, traps };
}

const xmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The TAB-led cell lines of a table starting at line i (one cell a line, rows apart by blank lines, as in
 *  the text rendition): its rows and the index of its last line. */
export function tabRows(lines: string[], i: number): { rows: string[][]; last: number } {
  const rows: string[][] = [[]];
  while (i < lines.length && (lines[i]!.startsWith('\t') || (lines[i] === '' && lines[i + 1]?.startsWith('\t')))) {
    if (lines[i] === '') rows.push([]);
    else rows[rows.length - 1]!.push(lines[i]!.slice(1));
    i++;
  }
  return { rows, last: i - 1 };
}

/** A minimal Word document: one paragraph per line (spaces preserved), TAB-led cell lines as a table
 *  (one column per cell of a row, rows separated by blank lines, as in the text rendition). */
export async function toDocx(lines: string[]): Promise<Uint8Array> {
  const body: string[] = [];
  const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(s)}</w:t></w:r></w:p>`;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('\t')) {
      if (lines[i]!.trim()) body.push(para(lines[i]!));
      continue;
    }
    const { rows, last } = tabRows(lines, i);
    i = last;
    const tr = rows.map((cells) => `<w:tr>${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${para(c)}</w:tc>`).join('')}</w:tr>`).join('');
    body.push(`<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${tr}</w:tbl>`);
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'uint8array' });
}

export function generate(count: number, seed: number): SyntheticDoc[] {
  return Array.from({ length: count }, (_, i) => generateOne(i, seed));
}

export async function writeSynthetic(outDir: string, count: number, seed: number): Promise<SyntheticDoc[]> {
  mkdirSync(outDir, { recursive: true });
  const docs = generate(count, seed);
  for (const d of docs) {
    writeFileSync(join(outDir, `${d.name}.txt`), d.lines.join('\n') + '\n');
    writeFileSync(join(outDir, `${d.name}.docx`), await toDocx(d.lines));
  }
  writeFileSync(join(outDir, 'key.json'), JSON.stringify(docs.map((d) => ({ name: d.name, key: d.key, traps: d.traps })), null, 1));
  return docs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out = 'output/synthetic', count = '40', seed = '1'] = process.argv.slice(2);
  const docs = await writeSynthetic(out, Number(count), Number(seed));
  console.log(`${docs.length} reports (.txt and .docx) and key.json written to ${out}`);
}
