// MISSING_SECTION / MISSING_TABLE / EMPTY_TABLE_UNEXPLAINED: the template's required parts.
import type { ExtractedDocument, Flag, TableRecord } from '../model.js';
import { requiredConfig, sectionNames } from './config.js';
import { families, inlineTitledTables, type FamilyTable, tableOfTitle, tablePresent, tablesElsewhereSeverity, type TemplateInfo } from './family.js';
import { flagAtRaw, makeFlag, type FlagExtras } from './flag.js';
import { flattenOutline as flatOutline } from '../outline.js';
import { lineKey, type TextUnit } from './lines.js';
import { catalogueKinds, foldTableText } from '../table-titles.js';
import { catalogue } from '../extract/tables/defs.js';

const fold = (s: string) => s.replace(/[“”"'‘’「」『』\s]/gu, '');
const NUMBERING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．])/u;
/** A run-in heading's title: a short phrase with no figure, ended by a full stop or a colon. */
const RUN_IN = /^([^。：:，,；;\d]{2,20})[。：:]/u;

export function missingSections(doc: ExtractedDocument, units: TextUnit[], tpl: TemplateInfo): Flag[] {
  // Not recognised as a 决算 or 预算 report: the template's parts cannot be asked of it.
  if (doc.document.kind === null || !tpl.family) return [];
  const set = tpl.family;
  const present = new Set(flatOutline(doc.outline).map((n) => n.section));
  if (doc.tables.some((t) => isStandard(t.kind))) present.add('tables');
  const known = sectionNames();
  // The short body lines, folded once for all the sections looked for.
  let short: string[] | null = null;
  const titlesOf = (key: string) => {
    const s = set.sections.find((x) => x.key === key);
    return [...(s ? [s.what, ...(s.names ?? [])] : []), ...(known.get(key) ?? [])].map(fold);
  };
  // Every section's names, longest first: a name printed inside another section's longer name is not this
  // section's (五、一般公共预算财政拨款支出决算情况说明 holds 财政拨款支出决算情况 too, but is the 一般公共预算
  // section's); one printed beside it is (政府采购支出预算情况说明 is the 政府采购 section's, though 支出预算情况 is longer).
  let allNames: { key: string; name: string }[] | null = null;
  const has = (key: string): boolean => {
    if (present.has(key)) return true;
    // A heading that lost its number, or a page title: a short body line with the section's name.
    const titles = titlesOf(key);
    short ??= units.filter((u) => !u.cell).flatMap((u) => {
      const text = u.line.text;
      if (text.length <= 40) return [fold(text.replace(NUMBERING, ''))];
      // A run-in heading: a numbered paragraph whose first phrase, up to its full stop or colon, is the
      // section's title (1.机关运行经费情况。2018年…; 重庆 prints its 其他重要事项 so). The phrase states no figure.
      const m = NUMBERING.exec(text);
      const runIn = m && RUN_IN.exec(text.slice(m[0].length));
      return runIn ? [fold(runIn[1]!)] : [];
    });
    allNames ??= [...new Set([...known.keys(), ...set.sections.map((x) => x.key)])]
      .flatMap((k) => titlesOf(k).map((name) => ({ key: k, name })))
      .sort((a, b) => b.name.length - a.name.length);
    return short.some((line) =>
      titles.some((t) => {
        const at = line.indexOf(t);
        if (at < 0) return false;
        // (a tie is both sections': 部门主要职能 is the 预算 set's overview and its duties)
        // (an occurrence of n covering [at, at + t.length) starts no earlier than at + t.length − n.length)
        return !allNames!.some((n) => {
          if (n.name.length <= t.length || n.key === key) return false;
          const m = line.indexOf(n.name, Math.max(0, at + t.length - n.name.length));
          return m >= 0 && m <= at;
        });
      }),
    );
  };
  const ownMissing = set.sections.filter((s) => !has(s.key));
  // A template that explains a section inside another (云南 explains income and expenditure without an
  // overview, 陕西 the basic expenditure inside the 财政拨款 overview): the other stands for it.
  // Only in a report that merges them (at most merged.atMost of the one-per-table explanations are its
  // headings): a report that follows the national template must have each.
  const merges = !!set.merged && set.merged.sections.filter((k) => present.has(k)).length <= set.merged.atMost;
  const missing = ownMissing.filter((s) => !(merges && (s.or ?? []).some(has)));
  const found = set.sections.length - ownMissing.length;
  if (found < set.sections.length * requiredConfig().minSectionsFound) return [];
  // The explanation of a table the report does not have either (an older template without it): the
  // table's severity.
  const severityOf = (s: (typeof missing)[number]) => {
    const table = s.table ? set.tables.find((t) => t.kind === s.table) : undefined;
    if (table?.severity && !tablePresent(doc, units, set, table)) return table.severity;
    return s.severity;
  };
  return missing.map((s) => {
    const severity = severityOf(s);
    return makeFlag('MISSING_SECTION', `缺少模板要求的部分：“${s.what}”。`, null, null, { expected: s.what, ...(severity ? { severity } : {}) });
  });
}

// The standard tables: every kind of patterns/tables.yaml (the nine, the 预算 sets, the university
// tables and the provinces' extra tables); not the indicator tables nor `other`.
let standard: Set<string> | null = null;
const isStandard = (kind: string) => (standard ??= catalogueKinds()).has(kind);
const hasNumbers = (u: TextUnit) => /\d/.test(u.line.text);
const UNIT_LINE = /^((金额)?单位|编制(单位|部门))[：:]/u;

export function tableChecks(doc: ExtractedDocument, units: TextUnit[], tpl: TemplateInfo): Flag[] {
  const cfg = requiredConfig();
  const explains = cfg.emptyExplanations.map((p) => new RegExp(p, 'u'));
  const isExplanation = (s: string | null | undefined) => !!s && explains.some((re) => re.test(fold(s)));
  const flags: Flag[] = [];

  const allTables = families().flatMap((f) => f.tables);
  const isTitle = (text: string) => tableOfTitle(text, allTables) !== null;
  // An empty table the document explains elsewhere: a row of a list of its tables that names it and says
  // 不涉及 / 无 (表9 部门综合预算政府性基金收支表 | 是 | 不涉及), or a sentence that says the unit has none of
  // what it lists (本部门无当年政府性基金预算收支，并已公开空表).
  const explainedElsewhere = elsewhereExplanations(units, allTables, isExplanation, cfg.emptySubjects ?? []);
  // Tables the extractor found: an empty one needs an explanation. A table the extractor could not read
  // (its rows follow its title as plain lines of figures, as in a page-text dump) is not empty.
  for (const t of doc.tables) {
    // Only the standard tables: the indicator tables (绩效目标表, 项目自评表) are checked by their own stage.
    if (!isStandard(t.kind)) continue;
    // A row of a list of the tables (表1 | 收入支出决算总表 | 否) read as a table with only a header: its
    // cells name a table; a table's own header never does.
    if (!t.rows.length && t.header.some((c) => isTitle(c))) continue;
    // A title with no grid in a report that says its tables are published elsewhere is the list of them.
    if (tpl.tablesElsewhere && !t.rows.length && !t.header.length) continue;
    // An explanation printed inside the grid (a row 无政府性基金支出, 此表为空 beside the header) explains it too.
    const inGrid = [...t.header, ...t.rows.flat()].some((x) => isExplanation(x));
    if (t.empty !== true || inGrid || isExplanation(t.note) || figuresFollow(units, t, isTitle) || explanationFollows(units, t, isExplanation, isTitle)) continue;
    if (explainedElsewhere(allTables.filter((r) => r.kind === t.kind || (r.kinds ?? []).includes(t.kind) || tableOfTitle(t.title, allTables) === r), t.title)) continue;
    flags.push(emptyTableFlag(t));
  }
  if (!tpl.tablesElsewhere) flags.push(...figuresOfEmptyTables(doc, units, isTitle));

  const family = tpl.family;
  if (doc.document.kind === null || !family) return flags;
  const kind = doc.document.kind;
  const tablesSection = flatOutline(doc.outline).find((n) => n.section === 'tables');
  const tablesHeading = tablesSection && units.find((u) => u.heading && lineKey(u.line.loc) === lineKey(tablesSection.loc));
  // Tables published in a separate file (公开表附后, 附件：…公开表): what is missing here is not an error.
  const elsewhere = tpl.tablesElsewhere ? { severity: tablesElsewhereSeverity() } : {};
  const note = tpl.tablesElsewhere ? '（报告称公开表另附，请在附件中核对）' : '';
  const missingFlag = (message: string, extras: FlagExtras) =>
    tablesHeading ? flagAtRaw('MISSING_TABLE', tablesHeading.line, 0, tablesHeading.line.raw.length, message, extras) : makeFlag('MISSING_TABLE', message, null, null, extras);
  const extracted = (req: (typeof family.tables)[number]) => doc.tables.some((t) => t.kind === req.kind || (req.kinds ?? []).includes(t.kind) || tableOfTitle(t.title, family.tables) === req);
  const titleKinds = units.map((u) => (u.cell ? null : tableOfTitle(u.line.text, family.tables)));
  const absent = family.tables.filter((req) => !tablePresent(doc, units, family, req));
  if (absent.length === family.tables.length) {
    // Not one standard table in the document (often they are published as a separate file): one flag.
    // A web page with pictures in its content prints its tables as pictures (重庆 pages: the 说明 as text,
    // then one picture a table): they are there, only not readable here.
    const pictures = doc.pictures ?? 0;
    // A file that is the 说明 alone (its title says 说明, no table of any kind in it, no heading announcing a table
    // part: 北京 附件1 …部门预算情况说明, the tables 附件2): the tables are another file's.
    const alone = !pictures && explanationOnly(doc, cfg.explanationOnly);
    const where = pictures ? `正文中有${pictures}张图片，表格可能以图片形式发布，请对照图片核对` : alone ? '本文件只是情况说明（标题只称说明，全文没有表格），公开表应另附文件，请在附件中核对' : '可能另附文件公开，请核对';
    const severity = pictures ? { severity: 'info' as const } : alone ? { severity: tablesElsewhereSeverity() } : {};
    flags.push(missingFlag(`文中没有任何一张必须公开的${kind}表（${absent.map((r) => r.what).join('、')}），${where}。`, { expected: absent.map((r) => r.kind).join('、'), ...elsewhere, ...severity }));
    return flags;
  }
  // Tables said to be published elsewhere and none printed here with figures (at most their titles, as a
  // list): one `info` flag for the lot, none per title.
  const printed = (req: (typeof family.tables)[number]) =>
    doc.tables.some((t) => (t.kind === req.kind || (req.kinds ?? []).includes(t.kind) || tableOfTitle(t.title, family.tables) === req) && (t.rows.length > 0 || t.header.length > 0));
  if (tpl.tablesElsewhere && !family.tables.some(printed)) {
    flags.push(missingFlag(`文中没有${kind}表的表格数据（报告称公开表另附：${family.tables.map((r) => r.what).join('、')}），请在附件中核对。`, { expected: family.tables.map((r) => r.kind).join('、'), ...elsewhere }));
    return flags;
  }
  // (a table printed inside a line, its title running into its unit declaration: its cells follow it)
  const inline = inlineTitledTables(units, family);
  for (const req of family.tables) {
    if (extracted(req) || inline.has(req)) continue;
    const at = titleKinds.indexOf(req);
    if (at < 0) {
      flags.push(missingFlag(`缺少必须公开的${req.what}（${req.kind}）。${note}`, { expected: req.what, ...(req.severity ? { severity: req.severity } : {}), ...elsewhere }));
      continue;
    }
    // A title with no table after it: explained (本单位无…) or not.
    const title = units[at]!;
    // The line under a title that only names the unit (单位：万元) or the compiler is part of the title block.
    let n = at + 1;
    while (n < units.length && !units[n]!.cell && UNIT_LINE.test(units[n]!.line.text)) n++;
    const next = units[n];
    const tableFollows = (next && (next.cell || (hasNumbers(next) && !isExplanation(next.line.text) && !next.heading))) || rowsFollow(units, at, isTitle);
    if (tableFollows) continue;
    if (next && isExplanation(next.line.text)) continue;
    if (explainedElsewhere([req, ...allTables.filter((r) => r.kind === req.kind)], title.line.text)) continue;
    flags.push(
      flagAtRaw('EMPTY_TABLE_UNEXPLAINED', title.line, 0, title.line.raw.length, `${req.what}只有表名，没有表格数据，也没有说明原因（如“本单位无……，故本表为空表”）。`, {
        expected: '表格数据或空表说明',
        found: '无数据、无说明',
      }),
    );
  }
  return flags;
}

/** Whether the document is a 说明 alone, its tables another file's: its title ends as `rule.title` says (…情况说明), it
 *  holds no table of any kind, and no heading of its outline (its TOC's entries included) names a table part. A web
 *  page is not a file of a set but the publication itself (its tables are on it, as pictures — 重庆 — or linked as
 *  files, which says where they are): a page with none lacks them. */
function explanationOnly(doc: ExtractedDocument, rule: { title: string; tablePart: string } | undefined): boolean {
  if (!rule || doc.source.format === 'html' || doc.tables.length || !doc.document.title || !new RegExp(rule.title, 'u').test(doc.document.title)) return false;
  const part = new RegExp(rule.tablePart, 'u');
  return !flatOutline(doc.outline).some((n) => n.section === 'tables' || part.test(n.title));
}

/** A cell of a list of the tables that says the table is empty for want of its content (不涉及, 无, 本部门不涉及故公开空表). */
const NONE_CELL = /^(不涉及|未涉及|无|没有|未安排|未发生)/u;
/** A negation in a sentence (not 无变化 / 无增减: a change, not an absence). */
/** A sentence about an empty table: 并已公开空表, 故本表为空, 此表无数据. */
const EMPTY_TABLE_WORDS = /空表|(本|此|该)表|表(为空|无数据|空白)/u;
const NONE_WORDS = /(无|没有|未安排|未发生|不涉及|未涉及)(?!变化|增减|差异|重大|特别|特殊)/gu;

/** Which empty tables the document explains away from the table: `(candidates, title)` → whether a row of a
 *  list of the tables names one of `candidates` with a cell saying it has nothing (not beside a 否: 是否空表
 *  = 否 says the table is not empty), or a sentence of the body that speaks of the table left empty (空表, 本表)
 *  names the table's subject (the first of `subjects` in its title: 政府性基金, 国有资本经营…) beside a negation. */
function elsewhereExplanations(units: TextUnit[], tables: FamilyTable[], isExplanation: (s: string) => boolean, subjects: string[]) {
  const rows = new Map<string, string[]>();
  for (const u of units) {
    const parts = u.cell ? [u.line.text] : u.line.raw.split(/\s{2,}/u).map((p) => p.replace(/\s/gu, '')).filter(Boolean);
    const k = lineKey(u.line.loc);
    const row = rows.get(k);
    if (row) row.push(...parts);
    else rows.set(k, parts);
  }
  const listed = new Set<FamilyTable>();
  for (const parts of rows.values()) {
    if (parts.length < 2 || parts.includes('否')) continue;
    const named = parts.map((p) => tableOfTitle(p, tables));
    const none = parts.some((p, i) => !named[i] && (NONE_CELL.test(p) || isExplanation(p)));
    if (none) for (const t of named) if (t) listed.add(t);
  }
  let clauses: string[] | null = null;
  return (candidates: FamilyTable[], title: string): boolean => {
    if (candidates.some((c) => listed.has(c))) return true;
    const subject = subjects.find((s) => fold(title).includes(s));
    if (!subject) return false;
    clauses ??= byPage(units.filter((u) => !u.cell)).flatMap((text) => text.split(/[。；;！!？?]/u));
    return clauses.some((c) => {
      // (the sentence speaks of the table: a sentence that only says the unit had none of the fund —
      // 本单位当年无政府性基金预算财政拨款收入支出 — explains nothing about a table left empty under its title)
      if (!c.includes(subject) || !EMPTY_TABLE_WORDS.test(c)) return false;
      const at = [...c.matchAll(new RegExp(subject, 'gu'))].map((m) => m.index);
      return [...c.matchAll(NONE_WORDS)].some((m) => at.some((a) => Math.abs(m.index - a) <= 20));
    });
  };
}

/** The body text of each page, its lines joined (a sentence wraps over lines). */
function byPage(units: TextUnit[]): string[] {
  const pages = new Map<string, string>();
  for (const u of units) {
    // (not a row of a table printed as text: 表8    政府性基金预算支出表    否    无 is no sentence)
    if (u.line.raw.trim().split(/\s{2,}/u).length >= 3) continue;
    const k = String(u.line.loc.page ?? u.line.loc.paragraph ?? '');
    // (a heading is a clause of its own: 八、政府性基金预算支出情况说明 / 本单位本年度无…)
    pages.set(k, (pages.get(k) ?? '') + (u.heading ? `。${u.line.text}。` : u.line.text));
  }
  return [...pages.values()];
}

const FIGURE = /\d[\d,，]*\.\d+/gu;

/** Whether rows of figures (a table printed as lines of text, under a header of words) follow the title
 *  line at units[at], on its page, before a heading or another title. */
function rowsFollow(units: TextUnit[], at: number, isTitle: (s: string) => boolean): boolean {
  const title = units[at]!;
  for (const u of units.slice(at + 1, at + 10)) {
    if (u.heading || (!u.cell && isTitle(u.line.text)) || (u.line.loc.page !== undefined && u.line.loc.page !== title.line.loc.page)) return false;
    if (u.cell) return true;
    if ((u.line.text.match(FIGURE) ?? []).length >= 2 && !/[。；]/u.test(u.line.text)) return true;
  }
  return false;
}

/** Whether lines of figures (an unread table) follow the title line of table t (or its grid), before the
 *  next title or the next table's grid. */
function figuresFollow(units: TextUnit[], t: TableRecord, isTitle: (s: string) => boolean): boolean {
  // (from its title line, or, where its place is its grid's first line, from its first cell)
  let at = units.findIndex((u) => !u.cell && lineKey(u.line.loc) === lineKey(t.loc));
  if (at < 0) at = units.findIndex((u) => u.cell && u.line.loc.table === t.id);
  if (at < 0) return false;
  while (units[at + 1]?.cell && units[at + 1]!.line.loc.table === t.id) at++;
  // (within twelve lines, or anywhere on the table's page: a header band of many lines — 西安's 三公 table
  // prints fourteen lines of header words before its rows)
  const page = t.loc.page;
  for (const [i, u] of units.slice(at + 1, at + 41).entries()) {
    if (i >= 12 && (page === undefined || u.line.loc.page !== page)) return false;
    if (u.heading || (u.cell && u.line.loc.table !== t.id) || (!u.cell && isTitle(u.line.text))) return false;
    if ((u.line.text.match(FIGURE) ?? []).length >= 1 && !/[。；]/u.test(u.line.text)) return true;
  }
  return false;
}

/** Whether an explanation (说明：本单位本年度没有……，故本表无数据) follows table t's title within its page. */
function explanationFollows(units: TextUnit[], t: TableRecord, isExplanation: (s: string) => boolean, isTitle: (s: string) => boolean): boolean {
  // From the title line (a table without a grid), or from past the grid's own cells (the grid's place is
  // its first line).
  let at = units.findIndex((u) => lineKey(u.line.loc) === lineKey(t.loc));
  if (at < 0) return false;
  while (units[at + 1]?.cell) at++;
  for (const u of units.slice(at + 1, at + 16)) {
    if (u.heading || isTitle(u.line.text) || (u.line.loc.page !== undefined && u.line.loc.page !== t.loc.page)) return false;
    if (isExplanation(u.line.text)) return true;
  }
  return false;
}

/** A one-row table (layout single: the 三公 table) printed with its header and no figures says every amount of
 *  its columns is nil; a narrative figure of the report's year that one of its columns carries (by the catalogue's
 *  `columns`: 合计 → 三公经费, 公务接待费 → 公务接待费), of that column's role (预算数 → budget, 决算数 → actual), stated
 *  above zero contradicts it (上海市普陀区财政局 2024 决算: the 三公 table blank, the narrative `“三公”经费财政拨款支出
 *  年初预算为 0.95 万元`). Only a table read as a grid with no rows, no lines of figures after its header (an unread
 *  table is not empty), in a report whose tables are not published elsewhere. One flag per metric and role. */
function figuresOfEmptyTables(doc: ExtractedDocument, units: TextUnit[], isTitle: (s: string) => boolean): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  if (year === null) return flags;
  const said = new Set<string>();
  for (const t of doc.tables) {
    const def = catalogue().tables.find((d) => d.kind === t.kind);
    if (!def || def.layout !== 'single' || !def.columns || t.empty !== true) continue;
    // (no cell holds a figure; a grid whose header words were read as rows — a text rendition — names its columns
    // down those rows)
    if (t.rows.some((r) => r.some((c) => FIGURE_CELL.test(c.trim())))) continue;
    if (figuresFollow(units, t, isTitle)) continue;
    // (nor where the next grid, untitled, on the same page, holds figures: the table's own row read apart from its header)
    const next = doc.tables[doc.tables.indexOf(t) + 1];
    if (next && !next.title && next.loc.page === t.loc.page && next.rows.some((r) => r.some((c) => FIGURE_CELL.test(c.trim())))) continue;
    const keys = Object.entries(def.columns).map(([h, m]) => [foldTableText(h), m] as const);
    const cols = new Set<string>();
    const width = Math.max(t.header.length, ...t.rows.map((r) => r.length));
    for (let c = 0; c < width; c++) {
      const path = [t.header[c] ?? '', ...t.rows.map((r) => r[c] ?? '')].flatMap((x) => x.split('/')).map((x) => foldTableText(x)).filter((x) => x);
      if (path.length < 2) continue;
      // the column's item (its first level that names a metric) and its role (the last level: 预算数 / 决算数)
      const metric = path.map((x) => keys.find(([k]) => x.includes(k))?.[1]).find((m) => m);
      if (!metric) continue;
      const leaf = path[path.length - 1]!;
      const role = /预算/u.test(leaf) ? 'budget' : /决算|执行/u.test(leaf) ? 'actual' : def.role;
      cols.add(`${metric}|${role}`);
    }
    for (const f of doc.facts) {
      if (f.from !== 'text' || f.kind !== 'amount' || f.year !== year || !f.metric || f.yuan === undefined || f.yuan <= 0) continue;
      const key = `${f.metric}|${f.role}`;
      if (!cols.has(key) || said.has(key)) continue;
      // (another table that prints the figure — a second 三公 table, filled — answers for it)
      if (doc.facts.some((g) => g.from === 'table' && g.metric === f.metric && g.role === f.role && g.year === year)) continue;
      said.add(key);
      flags.push(
        makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.label ? `${f.label}` : ''}${f.text}${f.unit}，而“${t.title || t.kind}”${placeOf(t)}是空表，该栏没有任何数字。`, f.loc, f.excerpt, {
          severity: 'error',
          expected: '0（空表）',
          found: `${f.text}${f.unit}`,
        }),
      );
    }
  }
  return flags;
}

const FIGURE_CELL = /^-?[\d,]+(?:\.\d+)?$/u;

function placeOf(t: TableRecord): string {
  return t.loc.page !== undefined ? `（第${t.loc.page}页）` : '';
}

function emptyTableFlag(t: TableRecord): Flag {
  return makeFlag('EMPTY_TABLE_UNEXPLAINED', `“${t.title || t.kind}”是空表，却没有说明原因（如“本单位无……，故本表为空表”）。`, t.loc, t.title || null, {
    expected: '空表说明',
    found: '无说明',
  });
}

/** Pages the reader got no text from (a dump's empty pages, scanned pages not OCR'd: `source.unreadPages`) may hold
 *  what the template requires: a table or section not found is not proven missing there — info, saying so (a
 *  GovBudgetChecker dump of a 决算 whose pages 9–41 were scans gave 6 false MISSING_TABLE errors). */
export function unprovenOnUnreadPages(doc: ExtractedDocument, flags: Flag[]): Flag[] {
  const unread = doc.source.unreadPages ?? [];
  if (!unread.length) return flags;
  const pages = spans(unread);
  return flags.map((f) =>
    f.code === 'MISSING_TABLE' || f.code === 'MISSING_SECTION' ? { ...f, severity: 'info' as const, message: `${f.message.replace(/。$/u, '')}（第${pages}页没有可读的文字，可能在其中，请对照原件核对）。` } : f,
  );
}

/** 9, 10, 11, 14 → 9–11、14 */
function spans(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j]! + 1) j++;
    out.push(j > i ? `${pages[i]}–${pages[j]}` : `${pages[i]}`);
    i = j + 1;
  }
  return out.join('、');
}
