// Narrative figures against the table rows they name by their label alone (issue 11, rule 1): “社会保障和就业
// 支出14,616.30万元” in a list of the 支出预算 restates the row 社会保障和就业支出 of a table — the 收支总表's
// 支出 side, a function-class table. A figure whose resolved 科目 code is known is compared by
// identities.ts (restatements); this covers the rest: a figure of the document's year whose label,
// folded, is exactly the name of table rows. It conflicts when it fits no amount cell of those rows (any
// column, any table of a compatible fund), at the printed precision: a row printed in several tables
// and columns (合计, 基本支出 …) gives several candidates, and the figure needs to fit only one.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { foldName, fundIn } from '../extract/ledger.js';
import { loadPattern } from '../patterns.js';
import { canonicalSections } from '../outline.js';
import { foldTableText } from '../table-titles.js';
import { makeFlag } from './flag.js';
import { figOf, restates, sumFits, type Fig } from './identities.js';
import { decimalsOf, formatAmount } from './numbers.js';
import type { TextIndex } from './lines.js';
import { opensList, sameSentence, textBetween } from './prose-figures.js';

const FUNDS = new Set(['general_budget', 'gov_fund', 'state_capital']);

/** A narrative label as a row name: quotes, 类/款/项 markers and a leading year or ordinal dropped. */
function labelName(label: string): string {
  const bare = label
    .replace(/[“”"‘’]/g, '')
    .replace(/[（(]\s*\d{0,3}\s*(?:类|款|项)\s*[）)]/g, '')
    .replace(/^\s*\d{4}\s*年度?/, '')
    // (主要用于以下方面：用于一般公共服务支出2,106.66万元: the purpose word before a row's name)
    .replace(/^\s*(?:主要)?用于/u, '')
    // (用于一般公共服务方面的支出: the 类 named with 方面 before its 支出)
    .replace(/方面的?(?=支出\s*$)/u, '');
  return foldName(bare);
}

/** Whether a cell of fund `cell` may be what a figure of fund `mine` restates: a figure that names no fund
 *  restates the all-sources tables (no fund); 财政拨款 covers the three funds; a fund covers itself. */
function compatible(mine: string | undefined, cell: string | undefined): boolean {
  if (!mine) return !cell;
  if (mine === 'fiscal') return cell === 'fiscal' || (cell !== undefined && FUNDS.has(cell));
  return cell === mine;
}

/** The cells a figure without a metric restates through the column lexicon (patterns/columns.yaml): a label
 *  that is one header of a column (预留机动经费, a header of `reserve`) names the rows printed under its other
 *  headers (单位预留机动经费 of the 收支总表) and the column's total: its cell on a table's total row, or on a
 *  table of one unnamed row (the 支出总表 that prints 合计/基本支出/项目支出/单位预留机动经费 once). */
function columnTotals(doc: ExtractedDocument, name: string, byName: Map<string, Fact[]>, f: Fact): Fact[] {
  // (a fund's name is a column header too, but a figure named by a fund alone may be its income or its
  // expenditure, which differ by the carry-overs: only columns that name a kind of expenditure)
  // (nor a figure of one item stated with a document metric's words: 公用经费 of one 科目 is no column's total)
  if (f.metric || f.about?.scope === 'item' || fundIn(name)) return [];
  const cols = loadPattern<{ columns: { key: string; headers: string[] }[] }>('columns.yaml').columns;
  const col = cols.find((c) => c.headers.some((h) => foldName(h) === name));
  if (!col || col.key === 'total') return [];
  const totals = new Set(['合计', '总计']);
  const synonyms = col.headers.map((h) => foldName(h)).filter((h) => h !== name);
  const rows = synonyms.flatMap((h) => byName.get(h) ?? []);
  const inColumn = doc.facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.about?.column === col.key && !g.about.code && (!g.about.name || totals.has(g.about.name)));
  return [...rows, ...inColumn];
}

/** The whole a narrative figure is listed as a part of: the nearest level amount before it, within a few lines, with a
 *  其中/包括 between the two and no sentence end (“5.综合管理367.65万元,主要包括：…行政运行85.04万元”). */
function listWhole(doc: ExtractedDocument, text: TextIndex, f: Fact): Fact | undefined {
  const before = doc.facts.filter((g) => g.from === 'text' && g.kind === 'amount' && g !== f && g.loc.page === f.loc.page && g.role !== 'change' && g.role !== 'prior_year');
  for (let k = before.length - 1; k >= 0; k--) {
    const g = before[k]!;
    const gap = textBetween(text, g, f);
    if (gap === null) continue;
    if (/。/u.test(gap)) continue;
    if (opensList(gap)) return g;
  }
  return undefined;
}

export function restatementsByName(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const byName = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'table' || f.kind !== 'amount' || !f.about?.name || f.about.name.length < 3) continue;
    byName.set(f.about.name, [...(byName.get(f.about.name) ?? []), f]);
  }
  const named = doc.facts.filter((f) => f.from === 'text' && f.kind === 'amount' && f.role === level && !f.about?.code && year !== null && f.year === year);
  for (const f of named) {
    const name = labelName(f.label);
    // (never a column of the year before or of the change: 上年预算数, 增减额)
    const cells = [...(byName.get(name) ?? []), ...columnTotals(doc, name, byName, f)].filter((g) => g.role === f.role && (g.year === null || g.year === year) && !['prior_year', 'change'].includes(g.about?.column ?? '') && compatible(f.about?.fund, g.about?.fund));
    if (!cells.length) continue;
    const mine = figOf(f.text, f.unit);
    if (!mine) continue;
    const figs = cells.map((g) => ({ g, fig: figOf(g.text, g.unit) }));
    // A cell that cannot be read as money makes the row uncertain: no verdict.
    if (figs.some((x) => !x.fig)) continue;
    if (figs.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) continue;
    // A part of a whole the text states is no more than that whole: rows past it are another item of the same name
    // (“5.综合管理367.65万元,主要包括：…行政运行85.04万元”, a project's own line, against the 科目 行政运行 3,053.34万元 of
    // the 收支总表, 深圳 口岸 2026).
    const whole = listWhole(doc, text, f);
    const wfig = whole ? figOf(whole.text, whole.unit) : null;
    // (a cell of 0 — the row's column of another fund — is no reading of a figure that is not)
    const nonzero = figs.filter((x) => x.fig!.v + x.fig!.h > 0n && x.fig!.v !== 0n);
    if (wfig && mine.v !== 0n && nonzero.length && nonzero.every((x) => x.fig!.v - x.fig!.h > wfig.v + wfig.h)) continue;
    const cell = figs[0]!.g;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    const other = sameNameFits(named, f, name, figs);
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '表格'}${page}“${cell.about?.name ?? name}”行为${cells.map((g) => `${g.text}${g.unit}`).filter((x, i, a) => a.indexOf(x) === i).join('、')}${other ? `，正文另处（第${other.loc.page ?? '?'}页）写${other.text}${other.unit}，与表格相符` : ''}。`, { ...f.loc }, f.excerpt, {
        // (a row named by its label alone may not be the row meant — a warning — unless the text itself
        // restates the row elsewhere under the same label, of the same fund: then the row is the one meant
        // and the two statements contradict each other, the table siding with the other one)
        severity: other ? 'error' : 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

/** Another statement of the text under the same label and fund whose figure restates one of the row's cells. */
function sameNameFits(named: Fact[], f: Fact, name: string, figs: { g: Fact; fig: Fig | null }[]): Fact | undefined {
  return named.find((g) => {
    if (g === f || g.about?.fund !== f.about?.fund || labelName(g.label) !== name) return false;
    const theirs = figOf(g.text, g.unit);
    return !!theirs && figs.some((x) => restates(theirs, g.unit, x.fig!, x.g.unit));
  });
}

// ---------------------------------------------------------------- the document's totals

/** The all-sources 收支总表 rows a bare 收入 / 支出 / 收支 total of the narrative may restate: 收入 (or 支出)
 *  with no word saying which is the year's income (本年收入合计) or the grand total with the carry-overs
 *  (收入总计); 本年收入 only the former; 收入总计 only the latter; 收支总预算 / 收、支总计 the grand total of
 *  either side (the two are equal). */
const TOTALS = new Set(['total_income', 'total_expenditure']);
const GRAND = /^(本年)?(收入|支出|收[、,，]?支)(合计|总计|总额|总)?$/u;
function grandRows(m: RegExpExecArray): string[][] {
  const [, thisYear, side, total] = m;
  // (the year's total goes by several names: 本年收入合计, 收入合计, or 当年收入小计 above the carry-overs where
  // the grand total is the 收入合计 — either may be meant, so both are candidates)
  const year = (x: string) => [`本年${x}合计`, `${x}合计`, `当年${x}合计`, `当年${x}小计`, `本年${x}小计`];
  if (side!.startsWith('收') && side!.endsWith('支')) return thisYear || (total && total !== '总' && total !== '总计' && total !== '总额') ? [] : [['收入总计', '支出总计']];
  const x = side!;
  if (thisYear) return total === '总计' ? [] : [year(x)];
  if (total === '总计') return [[`${x}总计`]];
  if (total === '合计') return [year(x)];
  if (total) return [];
  return [year(x), [`${x}总计`]];
}

interface FactRules {
  entitySuffixes: string[];
}

/** The words before a total that name the reporting entity, or nothing (“江苏省政协办公厅”, “本单位”, “我校”):
 *  an entity's name (patterns/facts.yaml entitySuffixes), or a first-person one (我/本 and one character). */
export function entityHead(head: string): boolean {
  if (!head) return true;
  if (/^[我本][\u4e00-\u9fff]$/u.test(head)) return true;
  return loadPattern<FactRules>('facts.yaml').entitySuffixes.some((e) => head.endsWith(e));
}

/** Whether the reporting entity's name (or no name, 本单位, 我局) is what the words before a total open with:
 *  the document's unit where it is known (another entity's name there is a sub-unit's), else any entity's. */
export function ownEntity(head: string, unit: string | null): boolean {
  if (!head) return true;
  if (firstPerson(head)) return true;
  if (unit && (foldTableText(unit).endsWith(head) || head.endsWith(foldTableText(unit)) || shortName(head, foldTableText(unit)))) return true;
  return !unit && entityHead(head);
}

/** Whether `head` names the reporting entity in the first person (本院, 我局, 本街道, 本中心 — 我/本 and one to three
 *  characters), whatever its name: never a time or a level (本年, 本级: patterns/grand-totals.yaml firstPerson.not). */
function firstPerson(head: string): boolean {
  const m = /^[我本]([\u4e00-\u9fff]{1,3})$/u.exec(head);
  if (!m) return false;
  const not = loadPattern<{ firstPerson?: { not: string[] } }>('grand-totals.yaml').firstPerson?.not ?? [];
  return !not.some((w) => m[1]!.startsWith(w));
}

/** Whether `head` is the unit's name shortened (省某某院 of 江苏省人民某某院, 省某某办公厅 of 江苏省某某委员会办公厅):
 *  three characters or more, the unit's characters in order with some left out, ending as the unit ends
 *  (a sub-unit's name — 省某某院培训中心 — ends otherwise). */
export function shortName(head: string, unit: string): boolean {
  if (head.length < 3 || head.length >= unit.length || head[head.length - 1] !== unit[unit.length - 1]) return false;
  let at = 0;
  for (const ch of head) {
    at = unit.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Narrative totals of the whole document against the 收支总表 (issue 11, rule 1): “我校2023年支出预算557,259.13
 *  万元”, “我校2023年收支总预算557,259.13万元” restate a 收入/支出 total row of the all-sources 收支总表 (a row
 *  of a table that names no fund). The words say which rows they may mean (GRAND); the figure conflicts
 *  when it fits none of them at the printed precision. Figures the metric lexicon names are compared by
 *  metric (identities.ts); this covers the totals it leaves unnamed. */
export function restatedTotals(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const rows = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'table' || f.kind !== 'amount' || f.about?.fund || f.about?.code || !f.about?.name) continue;
    if (f.role !== level || (f.year !== null && f.year !== year)) continue;
    rows.set(f.about.name, [...(rows.get(f.about.name) ?? []), f]);
  }
  if (!rows.size || year === null) return flags;
  // (a total the lexicon names is compared by metric where a table cell carries that metric; where none
  // does — a 收支总表 whose 支出合计 sits below a 当年支出小计 — it is compared here)
  const byMetric = new Set(doc.facts.filter((g) => g.from === 'table' && g.metric).map((g) => `${g.metric}|${g.role}`));
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || f.about?.code || f.about?.fund) continue;
    if (f.metric && (!TOTALS.has(f.metric) || byMetric.has(`${f.metric}|${f.role}`))) continue;
    const label = foldName(f.label.replace(/预算|决算/gu, ''));
    if (fundIn(label)) continue;
    let found: { m: RegExpExecArray; head: string } | undefined;
    for (let i = 0; i < label.length && !found; i++) {
      const m = GRAND.exec(label.slice(i));
      if (m && entityHead(label.slice(0, i))) found = { m, head: label.slice(0, i) };
    }
    if (!found) continue;
    // the rows the words may mean, in groups of names one row goes by: each must be printed (else the one
    // the figure restates may be the row that is missing)
    const groups = grandRows(found.m);
    if (!groups.length || !groups.every((g) => g.some((n) => rows.has(n)))) continue;
    const cells = groups.flat().flatMap((n) => rows.get(n) ?? []);
    const mine = figOf(f.text, f.unit);
    const figs = cells.map((g) => ({ g, fig: figOf(g.text, g.unit) }));
    if (!mine || figs.some((x) => !x.fig)) continue;
    if (figs.some((x) => restates(mine, f.unit, x.fig!, x.g.unit))) continue;
    const cell = figs[figs.length - 1]!.g;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    const printed = figs.map((x) => `“${x.g.about!.name}”${x.g.text}${x.g.unit}`).filter((x, i, a) => a.indexOf(x) === i).join('、');
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '收支总表'}${page}${printed}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- a column's one total

interface ColumnsLexicon {
  columns: { key: string; headers: string[] }[];
  funds: { key: string; names: string[] }[];
  restatedColumns?: string[];
  basicShares?: BasicShares;
}
const lexicon = () => loadPattern<ColumnsLexicon>('columns.yaml');
const TOTAL_NAMES = new Set(['合计', '总计']);

/** The words a label may wear around an item it restates and still be about the reporting entity's item:
 *  a year, a fund (一般公共预算拨款), 安排的, 预算/决算, and a trailing 支出 (…安排的会议费预算支出). */
const FILLER = /\d{4}年度?|年度|本年|安排的?|财政拨款|拨款|预算|决算|的/gu;

/** The column key (among `keys`) whose header is the label's item, with what comes before it naming the
 *  reporting entity or a fund only (江苏省人大常委会办公厅一般公共预算拨款安排的会议费支出 → meeting;
 *  用于培训费 → none: a purpose, not the item). */
function itemColumn(label: string, keys: string[], unit: string | null): string | undefined {
  const lx = lexicon();
  let t = foldName(label.replace(/[“”"‘’]/gu, ''));
  t = t.replace(/(?:支出|预算数|预算|决算数|决算|总额|合计)+$/u, '');
  let best: { key: string; len: number } | undefined;
  for (const c of lx.columns) {
    if (!keys.includes(c.key)) continue;
    for (const h of c.headers) {
      const fh = foldName(h);
      if (t.endsWith(fh) && (!best || fh.length > best.len)) best = { key: c.key, len: fh.length };
    }
  }
  if (!best) return undefined;
  let head = t.slice(0, t.length - best.len);
  for (const f of lx.funds) for (const n of [...f.names].sort((a, b) => b.length - a.length)) head = head.split(foldName(n)).join('');
  // (“江苏省人大常委会办公厅部门2018年度…安排的培训费”: the entity's name and 部门, the whole of it)
  head = head.replace(FILLER, '').replace(/(?<=.)(?:部门|本级)$/u, '');
  return ownEntity(head, unit) ? best.key : undefined;
}

/** A cell on its table's total row: no 科目 code, and a total's name or none (the one row of a 三公 table). */
const onTotalRow = (g: Fact) => !g.about?.code && (!g.about?.name || TOTAL_NAMES.has(g.about.name));

/** Narrative figures against a column's one total (issue 11, rule 1): “…一般公共预算拨款安排的会议费预算支出
 *  1305.25万元” restates the 会议费 column of the 三公/会议费/培训费 table, “一般公共预算机关运行经费支出1579.38万元”
 *  the 合计 of the 机关运行经费 column; the columns are listed in patterns/columns.yaml `restatedColumns`. The
 *  figure is compared with every cell of that column on a total row (they must agree among themselves)
 *  and with every row named like the column (30215 会议费 of the 机关运行经费表): it conflicts (a warning)
 *  when it fits none, at the printed precision. A figure of another fund (政府性基金), or one whose metric
 *  a table cell carries (compared by metric in identities.ts), is left alone. */
export function restatedColumns(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  const keys = lexicon().restatedColumns ?? [];
  if (year === null || !keys.length) return flags;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const cells = doc.facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.about?.tableId && (g.year === null || g.year === year));
  const metricCells = new Set(cells.filter((g) => g.metric).map((g) => `${g.metric}|${g.role}`));
  const headers = new Map(lexicon().columns.map((c) => [c.key, new Set(c.headers.map((h) => foldName(h)))]));
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || f.about?.code) continue;
    if (f.about?.fund && !['fiscal', 'general_budget'].includes(f.about.fund)) continue;
    if (f.metric && metricCells.has(`${f.metric}|${f.role}`)) continue;
    const key = itemColumn(f.label, keys, doc.document.unit);
    if (!key) continue;
    const totals = cells.filter((g) => g.role === f.role && g.about!.column === key && onTotalRow(g));
    if (!totals.length) continue;
    const named = cells.filter((g) => g.role === f.role && !!g.about!.name && headers.get(key)!.has(g.about!.name));
    const mine = figOf(f.text, f.unit);
    const tf = totals.map((g) => figOf(g.text, g.unit));
    const nf = named.map((g) => figOf(g.text, g.unit));
    if (!mine || tf.some((x) => !x) || nf.some((x) => !x)) continue;
    if (!tf.every((x) => sumFits(x!, [tf[0]!]))) continue;
    const all = [...totals, ...named];
    const figs = [...tf, ...nf];
    if (all.some((g, i) => restates(mine, f.unit, figs[i]!, g.unit))) continue;
    const cell = totals[0]!;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    const col = (cell.label.split(' ').pop() ?? '').split('/').pop() ?? '';
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '表格'}${page}${col ? `“${col}”栏` : ''}为${cell.text}${cell.unit}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- 人员经费 and 公用经费 of the 基本支出

interface BasicShares {
  tables: string[];
  personnelClasses: string[];
  metrics: { personnel: string; public: string; basic: string };
  otherNames?: { personnel: string[]; public: string[] };
  otherHeads?: string[];
  notInSections?: string[];
}

/** Narrative 人员经费 / 公用经费 against the 基本支出 table (issue 11, rule 1): “（一）人员经费9710.42万元 …
 *  （二）公用经费2598.06万元” restate the table's 人员经费 / 公用经费 column where it prints one (its total
 *  row), else the sums of its 经济分类 类 rows (patterns/columns.yaml `basicShares`: 人员经费 the classes
 *  listed, 301 工资福利支出 and 303 对个人和家庭的补助; 公用经费 every other 类 of the table), taken only from
 *  a table whose 类 rows add up to its 合计, at the printed precision. A figure fits when it matches one
 *  table of its fund (or of any, when no table is of its fund); else a warning. */
export function restatedBasicShares(doc: ExtractedDocument, text: TextIndex): Flag[] {
  const flags: Flag[] = [];
  const spec = lexicon().basicShares;
  const year = doc.document.year;
  if (!spec || year === null) return flags;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const cells = doc.facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.about?.tableId && g.role === level && (g.year === null || g.year === year));
  const metricCells = new Set(cells.filter((g) => g.metric).map((g) => g.metric));
  const sectionKey = canonicalSections(doc.outline);
  const heads = (spec.otherHeads ?? []).map((h) => foldName(h));
  // (人员支出 / 公用支出 … with no metric: the share its words name, outside the sections about other quantities)
  const otherShare = (f: Fact): 'personnel' | 'public' | undefined => {
    if (f.metric || !spec.otherNames || spec.notInSections?.includes(sectionKey.get(f.section ?? '') ?? '')) return undefined;
    const label = foldName(f.label);
    // (a list that goes on to the 项目支出 — 按支出用途分类，人员支出…；日常公用支出…；项目支出…, 杭州/湖州 2026 预算 — divides
    // the whole expenditure of every source, not the 基本支出 of the tables below)
    const whole = () => doc.facts.some((g) => g !== f && g.from === 'text' && /项目支出$/u.test(foldName(g.label)) && (sameSentence(text, f, g, /。/u) || sameSentence(text, g, f, /。/u)));
    for (const share of ['personnel', 'public'] as const) if (spec.otherNames[share].some((n) => heads.some((h) => label === h + foldName(n)))) return whole() ? undefined : share;
    return undefined;
  };
  const byTable = new Map<string, Fact[]>();
  for (const g of cells) if (spec.tables.includes(g.about!.table ?? '')) byTable.set(g.about!.tableId!, [...(byTable.get(g.about!.tableId!) ?? []), g]);
  // Per table and share: the figure it gives, as the interval sum of its printed parts.
  type Given = { fund: string | undefined; parts: Fig[]; unit: string; cell: Fact };
  const given: Record<'personnel' | 'public' | 'basic', Given[]> = { personnel: [], public: [], basic: [] };
  for (const facts of byTable.values()) {
    const fund = facts.find((g) => g.about!.fund)?.about!.fund;
    for (const share of ['personnel', 'public'] as const) {
      const col = facts.filter((g) => g.about!.column === share && onTotalRow(g));
      if (col.length === 1) {
        const x = figOf(col[0]!.text, col[0]!.unit);
        if (x) given[share].push({ fund, parts: [x], unit: col[0]!.unit, cell: col[0]! });
      }
    }
    // (a table of one amount column, or its 基本支出 column)
    const key = facts.some((g) => g.about!.column === 'basic') ? 'basic' : 'total';
    const inCol = facts.filter((g) => g.about!.column === key);
    const total = inCol.filter((g) => onTotalRow(g) && g.about!.name);
    const whole = total.length === 1 ? figOf(total[0]!.text, total[0]!.unit) : null;
    if (whole) given.basic.push({ fund, parts: [whole], unit: total[0]!.unit, cell: total[0]! });
    if (facts.some((g) => g.about!.column === 'personnel' || g.about!.column === 'public')) continue;
    const classes = inCol.filter((g) => g.about!.codeKind === 'economic' && g.about!.code?.length === 3);
    if (total.length !== 1 || !classes.length) continue;
    const tf = figOf(total[0]!.text, total[0]!.unit);
    const cf = classes.map((g) => figOf(g.text, g.unit));
    if (!tf || cf.some((x) => !x) || !sumFits(tf, cf as Fig[])) continue;
    const isPersonnel = (g: Fact) => spec.personnelClasses.includes(g.about!.code!);
    const pick = (want: boolean) => classes.flatMap((g, i) => (isPersonnel(g) === want ? [cf[i]!] : []));
    const unit = total[0]!.unit;
    given.personnel.push({ fund, parts: pick(true), unit, cell: total[0]! });
    given.public.push({ fund, parts: pick(false), unit, cell: total[0]! });
  }
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || f.about?.code) continue;
    // (the 基本支出 of a fund: its metric, or a 基本支出 whose sentence names the fund — 财政拨款基本支出预算…)
    const fundBasic = f.metric === spec.metrics.basic || (!f.metric && f.about?.column === 'basic' && !!f.about.fund);
    const share = f.metric === spec.metrics.personnel ? 'personnel' : f.metric === spec.metrics.public ? 'public' : fundBasic ? 'basic' : otherShare(f);
    if (!share || (f.metric && metricCells.has(f.metric))) continue;
    const fund = f.about?.fund ?? (share === 'basic' ? 'general_budget' : undefined);
    if (fund && !['fiscal', 'general_budget'].includes(fund)) continue;
    const mine = figOf(f.text, f.unit);
    const own = given[share].filter((x) => x.fund === fund);
    // (a fund's 基本支出 only against a table of that fund: 财政拨款 may hold 政府性基金 basic spending)
    const cands = own.length || share === 'basic' ? own : given[share];
    if (!mine || !cands.length) continue;
    const sum = (x: Given): Fig => ({ v: x.parts.reduce((s, p) => s + p.v, 0n), h: x.parts.reduce((s, p) => s + p.h, 0n) });
    if (cands.some((x) => sumFits(mine, x.parts.length ? x.parts : [{ v: 0n, h: 0n }]) || restates(mine, f.unit, sum(x), x.unit))) continue;
    const c = cands[0]!;
    const page = c.cell.loc.page !== undefined ? `第${c.cell.loc.page}页` : '';
    const shown = formatAmount(Number(sum(c).v) / 1e5, c.unit, decimalsOf(c.cell.text));
    const how =
      share === 'basic' ? `“${c.cell.about!.name}”为${c.cell.text}${c.cell.unit}` : c.cell.about!.column === share ? `“${share === 'personnel' ? '人员经费' : '公用经费'}”栏合计为${c.cell.text}${c.cell.unit}` : `按经济分类各类合计${share === 'personnel' ? '人员经费' : '公用经费'}为${shown}`;
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${c.cell.about?.table ?? '基本支出表'}${page}${how}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: share === 'basic' || c.cell.about!.column === share ? `${c.cell.text}${c.cell.unit}` : shown,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- the 财政拨款 totals

/** Narrative 财政拨款 totals against the 财政拨款收支总表 (issue 11, rule 1): “支出预算18,976.76万元，其中：财政
 *  拨款支出预算18,976.76万元” restates the 支出 side's total of the 财政拨款 table (patterns/grand-totals.yaml
 *  `fiscalSides`): its year row, or in a 预算 also its 总计. The figure conflicts (a warning) when it fits none
 *  of the rows printed, at the printed precision; nothing is said where no table cell is of the 财政拨款
 *  column of those rows, or where a table cell carries the metric (compared by metric in identities.ts). */
export function restatedFiscalTotals(doc: ExtractedDocument): Flag[] {
  // (and each fund's own total, restatedFundTotals: run from here, the one place the checks call the 财政拨款 totals)
  const flags: Flag[] = restatedFundTotals(doc);
  const year = doc.document.year;
  const p = loadPattern<{ tables: { fiscal: string[] }; fiscalSides?: Record<string, { year: string[]; grand: string[] }> }>('grand-totals.yaml');
  if (year === null || !p.fiscalSides) return flags;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const cells = doc.facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.role === level && (g.year === null || g.year === year));
  const metricCells = new Set(cells.filter((g) => g.metric).map((g) => g.metric));
  const fiscal = cells.filter((g) => p.tables.fiscal.includes(g.about?.table ?? '') && g.about?.fund === 'fiscal' && !g.about.code && g.about.name);
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || !f.metric || f.about?.code) continue;
    const side = p.fiscalSides[f.metric];
    if (!side || metricCells.has(f.metric)) continue;
    const yearRows = fiscal.filter((g) => side.year.includes(g.about!.name!));
    const grandRows = level === 'budget' ? fiscal.filter((g) => side.grand.includes(g.about!.name!)) : [];
    if (!yearRows.length && (level === 'actual' || !grandRows.length)) continue;
    const all = [...yearRows, ...grandRows];
    const mine = figOf(f.text, f.unit);
    const figs = all.map((g) => figOf(g.text, g.unit));
    if (!mine || figs.some((x) => !x)) continue;
    if (all.some((g, i) => restates(mine, f.unit, figs[i]!, g.unit))) continue;
    const cell = all[0]!;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    const printed = all.map((g) => `“${g.about!.name}”${g.text}${g.unit}`).filter((x, i, a) => a.indexOf(x) === i).join('、');
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '财政拨款收支总表'}${page}${printed}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

// ---------------------------------------------------------------- a fund's own totals

interface FundCells {
  table: string[];
  row: 'total' | string[];
  column?: string[];
}

/** The side a label names as a fund's own total (政府性基金预算财政拨款支出 → expenditure), or undefined: the
 *  label is the fund's name and 收入/支出 (合计, 总额, 预算/决算 after it), with only the reporting entity, a
 *  year and 预算/决算/财政拨款 words before it. */
function fundSide(label: string, fund: string, unit: string | null): 'income' | 'expenditure' | undefined {
  let t = foldName(label.replace(/[“”"‘’]/gu, '')).replace(/(?:预算数|决算数|预算|决算|合计|总额|总计)+$/u, '');
  const side = /(收入|支出)$/u.exec(t);
  if (!side) return undefined;
  t = t.slice(0, side.index);
  const names = (lexicon().funds.find((f) => f.key === fund)?.names ?? []).map((n) => foldName(n)).sort((a, b) => b.length - a.length);
  const name = names.find((n) => t.endsWith(n));
  if (!name) return undefined;
  const head = t.slice(0, t.length - name.length).replace(FILLER, '').replace(/(?<=.)(?:部门|本级)$/u, '');
  if (!ownEntity(head, unit)) return undefined;
  return side[1] === '收入' ? 'income' : 'expenditure';
}

/** Narrative totals of one fund against its tables (issue 11, rule 1: “政府性基金 135.00 in the text, 105.00 in its
 *  table”): “政府性基金预算财政拨款支出85.00万元” restates the 本年支出 of the 合计 row of that fund's table (公开08)
 *  and the fund's column of the 本年支出合计 row of the 财政拨款收支总表 (公开04); its 收入 the 本年收入 and the
 *  fund's income row (patterns/grand-totals.yaml `fundSides`). A warning when the figure fits none of the cells
 *  printed, at the printed precision. The cells are taken by table, row and column whatever role the table's
 *  header gave them (a 公开04 fund column headed 一般公共预算财政拨款 reads as a budget). */
export function restatedFundTotals(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  const sides = loadPattern<{ fundSides?: Record<string, Record<string, FundCells[]>> }>('grand-totals.yaml').fundSides;
  if (year === null || !sides) return flags;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const totals = new Set(loadPattern<{ totalRows: string[] }>('tables.yaml').totalRows.map((x) => foldName(x)));
  const cells = doc.facts.filter((g) => g.from === 'table' && g.kind === 'amount' && g.about?.tableId && (g.year === null || g.year === year));
  const metricCells = new Set(cells.filter((g) => g.metric && g.role === level).map((g) => g.metric));
  const onTotal = (g: Fact) => !g.about!.code && !!g.about!.name && totals.has(foldName(g.about!.name));
  // (a named row below its table's total row in the same column is a carry-over's line: 年初结转和结余 / 二、政府性基金…)
  const belowTotal = (g: Fact) => cells.some((h) => h.about!.tableId === g.about!.tableId && h.about!.col === g.about!.col && h.about!.row! < g.about!.row! && onTotal(h));
  const pick = (spec: FundCells) =>
    cells.filter((g) => {
      const a = g.about!;
      if (!spec.table.includes(a.table ?? '')) return false;
      if (spec.column && !spec.column.includes(a.column ?? '')) return false;
      if (spec.row === 'total') return onTotal(g);
      return !a.code && !!a.name && spec.row.some((n) => foldName(n) === foldName(a.name!)) && (totals.has(foldName(a.name)) || !belowTotal(g));
    });
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || f.about?.code) continue;
    const fund = f.about?.fund;
    if (!fund || !sides[fund] || (f.metric && metricCells.has(f.metric))) continue;
    const side = fundSide(f.label, fund, doc.document.unit);
    const specs = side ? sides[fund]![side] : undefined;
    if (!specs) continue;
    const all = specs.flatMap(pick);
    const mine = figOf(f.text, f.unit);
    const figs = all.map((g) => figOf(g.text, g.unit));
    if (!all.length || !mine || figs.some((x) => !x)) continue;
    if (all.some((g, i) => restates(mine, f.unit, figs[i]!, g.unit))) continue;
    const cell = all[0]!;
    const header = (g: Fact) => ((doc.tables.find((t) => t.id === g.about!.tableId)?.header[g.about!.col ?? -1] ?? '').split('/').pop() ?? '').trim();
    const where = (g: Fact) => `${g.about?.table ?? ''}${g.loc.page !== undefined ? `第${g.loc.page}页` : ''}“${g.about!.name}”行${header(g) ? `“${header(g)}”栏` : ''}为${g.text}${g.unit}`;
    const printed = all.map(where).filter((x, i, a) => a.indexOf(x) === i).join('，');
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${printed}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}
