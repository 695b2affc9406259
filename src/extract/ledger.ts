// The ledger of figures (issue 11): what each figure is about, resolved to the keys the tables use
// (Fact.about). Table cells get their table, 科目 code/name, canonical column (patterns/columns.yaml)
// and fund; narrative figures get the same keys where their wording names them — a 功能分类 类/款/项
// by name or code, an 经济分类 code, a fund — resolved against the rows the document's own tables
// print. When the wording could mean two rows, nothing is set: a wrong key is worse than none.
import type { Block, Fact, FactSubject, Line, SegmentedDocument, TableRecord } from '../model.js';
import { loadPattern } from '../patterns.js';
import { rules } from './facts/rules.js';
import { foldTableText, isColumnNumber } from '../table-titles.js';

interface ColumnDef {
  key: string;
  headers: string[];
  exact?: boolean;
}
interface ColumnsFile {
  roleParts: string[];
  subtotals: string[];
  groupKeys: string[];
  columns: ColumnDef[];
  funds: { key: string; names: string[] }[];
  economicCodePrefixes: string[];
  functionCodePrefixes: string[];
  inherit?: Record<string, Record<string, string | null>>;
}

const cfg = (): ColumnsFile => loadPattern<ColumnsFile>('columns.yaml');
const fold = (s: string) => foldTableText(s).replace(/[()]/g, (c) => c);

/** The configuration's headers and names, folded once (cellSubject runs for every table cell). */
interface FoldedConfig {
  columns: { key: string; exact?: boolean; headers: string[] }[];
  funds: { key: string; names: string[] }[];
  roles: Set<string>;
  subtotals: Set<string>;
}
const foldedConfigs = new WeakMap<ColumnsFile, FoldedConfig>();
function folded(): FoldedConfig {
  const c = cfg();
  let f = foldedConfigs.get(c);
  if (!f) {
    f = {
      columns: c.columns.map((d) => ({ key: d.key, exact: d.exact, headers: d.headers.map(fold) })),
      funds: c.funds.map((x) => ({ key: x.key, names: x.names.map(fold) })),
      roles: new Set(c.roleParts.map(fold)),
      subtotals: new Set(c.subtotals.map(fold)),
    };
    foldedConfigs.set(c, f);
  }
  return f;
}

/** A 科目 code as printed: 3, 5 or 7 digits (类, 类+款, 类+款+项). */
export const FULL_CODE = /^\d{3}(\d{2}){0,2}$/;

export function codeKind(code: string): FactSubject['codeKind'] | undefined {
  const c = cfg();
  if (c.functionCodePrefixes.some((p) => code.startsWith(p))) return 'function';
  if (c.economicCodePrefixes.some((p) => code.startsWith(p))) return 'economic';
  return undefined;
}

/** The key of one header part, or undefined. */
function partKey(part: string): string | undefined {
  const p = fold(part).replace(/^20\d\d年度?/, '');
  if (!p) return undefined;
  let best: { key: string; len: number } | undefined;
  for (const d of folded().columns) {
    for (const fh of d.headers) {
      const hit = d.exact ? p === fh : p.includes(fh);
      if (hit && (!best || fh.length > best.len)) best = { key: d.key, len: fh.length };
    }
  }
  return best?.key;
}

/** Canonical column key of a header ("本年支出/基本支出" → basic, "支出/一般公共预算财政拨款" →
 *  general_budget, "合计/决算数" → total, "收入/决算数" → actual). */
export function columnKey(header: string): string | undefined {
  const c = cfg();
  const { roles, subtotals } = folded();
  // (a role word fused to the item it heads is a part of its own: 2024年预算数合计 → 预算数 / 合计)
  const parts = header
    .split('/')
    .map(fold)
    .filter((p) => p && !isColumnNumber(p))
    .flatMap((p) => {
      const bare = p.replace(/^20\d\d年度?/u, '');
      const role = [...roles].filter((r) => bare.startsWith(r) && bare.length > r.length && subtotals.has(bare.slice(r.length))).sort((a, b) => b.length - a.length)[0];
      return role ? [role, bare.slice(role.length)] : [p];
    });
  if (!parts.length) return undefined;
  // Role-only parts at the end: the item is above them (合计/预算数 → total); a header that is only a
  // role (收入/决算数: 收入 is a side, not an item) keeps the role's own key.
  const items = [...parts];
  while (items.length > 1 && roles.has(items[items.length - 1]!)) items.pop();
  const leaf = items[items.length - 1]!;
  if (subtotals.has(leaf)) {
    const parent = items.length > 1 ? partKey(items[items.length - 2]!) : undefined;
    return parent && c.groupKeys.includes(parent) ? parent : 'total';
  }
  const k = partKey(leaf);
  if (k) return k;
  if (roles.has(leaf)) return partKey(parts[parts.length - 1]!);
  return undefined;
}

/** The fund a text names (the longest fund name it contains), or undefined. A name negated by 非 names
 *  no fund (使用非财政拨款结余 is the money that is not the appropriation's). */
export function fundIn(text: string): string | undefined {
  const t = fold(text);
  let best: { key: string; len: number } | undefined;
  for (const f of folded().funds) {
    for (const fn of f.names) {
      if (best && fn.length <= best.len) continue;
      for (let at = t.indexOf(fn); at >= 0; at = t.indexOf(fn, at + 1)) {
        if (t[at - 1] === '非') continue;
        best = { key: f.key, len: fn.length };
        break;
      }
    }
  }
  return best?.key;
}

/** The column key whose header a label ends with (一般公共预算财政拨款基本支出 → basic), longest first. */
function keyAtEnd(label: string): string | undefined {
  let best: { key: string; len: number } | undefined;
  for (const d of folded().columns) for (const fh of d.headers) {
    if (label.endsWith(fh) && (!best || fh.length > best.len)) best = { key: d.key, len: fh.length };
  }
  return best?.key;
}

/** Folded 科目名称 / row label: no spaces, brackets folded, no leading ordinal (一、 1. （一）), no
 *  trailing （类）/（款）/（项）; 其它 read as 其他. */
export function foldName(s: string): string {
  return fold(s)
    // (其它 and 其他 are one word: “其它行政事业单位养老支出（项）” is the row 其他行政事业单位养老支出)
    .replace(/其它/gu, '其他')
    .replace(/^(?:\(?[一二三四五六七八九十]+[)、.．]|\(?\d+[)、.．])/, '')
    .replace(/^其中[:：]?/, '')
    .replace(/\((?:类|款|项)\)$/, '');
}

/** The subject of a table cell. */
export function cellSubject(kind: string, tableId: string, row: number, col: number, header: string, code: string | null, label: string, title: string): FactSubject {
  const about: FactSubject = { table: kind, tableId, row, col };
  if (code) {
    about.code = code;
    const ck = codeKind(code);
    if (ck) about.codeKind = ck;
  }
  const name = label ? foldName(label) : '';
  if (name) about.name = name;
  const column = columnKey(header);
  if (column) about.column = column;
  const fund = (column && cfg().funds.some((f) => f.key === column) ? column : undefined) ?? fundIn(header) ?? fundIn(title);
  if (fund) about.fund = fund;
  return about;
}

/** A table with one amount column whose header says only which figure it is (功能科目代码 | 功能科目名称 | 金额,
 *  the 江苏 预算05/06 layout): that column is the table's total, the figure each row's narrative restates. */
function soleAmountColumns(tables: TableRecord[], tableFacts: Fact[]): void {
  const { roles } = folded();
  const byTable = new Map<string, Fact[]>();
  for (const f of tableFacts) if (f.about?.tableId) byTable.set(f.about.tableId, [...(byTable.get(f.about.tableId) ?? []), f]);
  for (const t of tables) {
    const facts = byTable.get(t.id) ?? [];
    const cols = new Set(facts.map((f) => f.about!.col));
    if (cols.size !== 1 || facts.some((f) => f.about!.column)) continue;
    const col = [...cols][0];
    const parts = col === undefined ? [] : (t.header[col] ?? '').split('/').map(fold).filter(Boolean);
    if (parts.length !== 1 || !roles.has(parts[0]!)) continue;
    for (const f of facts) f.about!.column = 'total';
  }
}

/** A column whose header names another year than the document's (2023年预算数 beside 2024年预算数合计 in a 2024 预算)
 *  holds that year's figures: the year before's are the column `prior_year`, any other year's no column a
 *  narrative figure of the document's year restates. */
function otherYearColumns(doc: SegmentedDocument, tables: TableRecord[], tableFacts: Fact[]): void {
  const year = doc.document.year;
  if (year === null) return;
  const byId = new Map(tables.map((t) => [t.id, t]));
  for (const f of tableFacts) {
    const a = f.about;
    const header = a?.tableId !== undefined && a.col !== undefined ? byId.get(a.tableId)?.header[a.col] : undefined;
    const printed = header ? [...header.replace(/\s/gu, '').matchAll(/(?:^|\/)(20\d\d)年/gu)].pop()?.[1] : undefined;
    if (!a || !printed || Number(printed) === year) continue;
    if (Number(printed) === year - 1) a.column = 'prior_year';
    else delete a.column;
  }
}

// ---------------------------------------------------------------- narrative figures

/** A row the document's tables print: its code and folded name. */
interface RowName {
  code: string;
  name: string;
}

/** The clause a figure belongs to: the text of its paragraph before the figure, back to the last
 *  full stop or semicolon (lines of one paragraph joined). */
function clauseBefore(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string {
  let text = lines[idx]!.raw.slice(0, start);
  for (let k = idx - 1; k >= 0 && k >= idx - 3 && !/[。；;]/.test(text); k--) {
    const prev = lines[k]!;
    // A numbered item wrapped onto the figure's line (9.机关事业单位基本养老保险缴费支出（2080505），2023 / 年度决算数为
    // 8,897.19万元) opens the figure's clause, though the line alone reads as a heading.
    if (k === idx - 1 && heading(k) && !heading(idx) && wrappedItem(prev.raw)) {
      text = prev.raw + text;
      break;
    }
    // A heading ends a paragraph whatever its punctuation (a page-text dump moves 占15.16%； above it).
    if (heading(k) || heading(k + 1)) break;
    if (/[。；;]\s*$/.test(prev.raw)) break;
    text = prev.raw + text;
  }
  const cut = Math.max(text.lastIndexOf('。'), text.lastIndexOf('；'), text.lastIndexOf(';'));
  return text.slice(cut + 1);
}

/** A numbered line cut mid-clause: after its name, a comma and more words follow, and no stop ends it. */
const wrappedItem = (raw: string): boolean => /^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])\S.*[，,]\s*[^，,。；;：:\s][^。；;：:]*$/u.test(raw);

/** The figure's sentence up to it (back to the last 。 within three lines, or a heading). */
function sentenceBefore(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string {
  let text = lines[idx]!.raw.slice(0, start);
  for (let k = idx - 1; k >= 0 && k >= idx - 3 && !text.includes('。'); k--) {
    if (heading(k) || heading(k + 1) || /。\s*$/.test(lines[k]!.raw)) break;
    text = lines[k]!.raw + text;
  }
  return text.slice(text.lastIndexOf('。') + 1);
}

/** Whether the words right before a figure, after another figure (or its unit), name the year before (”70.00，上年:, 2024年度预算):
 *  a prior-year word (not 上年结转/结余, this year's money carried in) and a few words, no digit, up to the figure. */
function priorRight(tail: string, year: number): boolean {
  const t = tail.replace(/\s+/gu, '');
  // (the 科目's own figure may be blank — （项）”    万元，上年: — its unit is there)
  return /\d|[万亿千]?元/u.test(t) && new RegExp(`(?:上年度?|上一年度?|去年|${year - 1}年度?)(?!结转|结余)[^\d]{0,6}$`, 'u').test(t);
}

/** The sentence before the figure's own one (within five lines, no heading between), or undefined. */
function previousSentence(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string | undefined {
  let text = lines[idx]!.raw.slice(0, start);
  let top = false; // the text reaches back to a heading or the document's start
  for (let k = idx - 1; ; k--) {
    if (k < 0 || heading(k)) {
      top = true;
      break;
    }
    if (k < idx - 5) break;
    text = lines[k]!.raw + text;
  }
  const end = text.lastIndexOf('。');
  if (end < 0) return undefined;
  const from = text.lastIndexOf('。', end - 1);
  // (its start must be in reach: a sentence the window cuts is not read)
  if (from < 0 && !top) return undefined;
  return text.slice(from + 1, end);
}

/** Where a clause ends: ，；; or a comma not between digits (60,000.00万元 is one figure, no clause break). */
const CLAUSE_BREAK = /[，；;]|,(?!\d)/gu;

/** A 其中 that opens its sentence (…一般公共预算财政拨款支出12,672.73万元，比2025年增加552.5万元。其中：基本支出5,445.39万元, 重庆)
 *  belongs to the sentence before: its fund where every figure of it that is no change names that one fund. */
function previousFund(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string | undefined {
  const prev = previousSentence(lines, idx, start, heading);
  if (!prev) return undefined;
  const funds = new Set<string | undefined>();
  for (const clause of prev.split(CLAUSE_BREAK)) {
    if (!/\d\s*(?:万元|亿元|元)/u.test(clause) || /比|较|增加|减少|增长|下降|持平/u.test(clause)) continue;
    funds.add(fundIn(clause));
  }
  return funds.size === 1 ? [...funds][0] : undefined;
}

/** The fund named before the last 其中 of the figure's sentence, when the figure follows that 其中. */
function inheritedFund(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string | undefined {
  const sentence = sentenceBefore(lines, idx, start, heading);
  const at = sentence.lastIndexOf('其中');
  if (at < 0) return undefined;
  if (!sentence.slice(0, at).replace(/[\s（(]/gu, '')) return previousFund(lines, idx, start, heading);

  // The total the 其中 belongs to: the clause right before it (本年支出合计2940.05万元，其中： — not an
  // earlier clause of the sentence that names 财政拨款收入).
  const before = sentence.slice(0, at).replace(/[，,；;：:\s]+$/, '');
  const cuts = [...before.matchAll(CLAUSE_BREAK)].map((m) => m.index!);
  const total = before.slice(cuts.length ? cuts[cuts.length - 1]! + 1 : 0);
  return fundIn(total);
}

// (a name may hold a bracketed word of its own — 政府办公厅（室）及相关机构事务（款）: a bracket that is no marker
// and holds a few words, no figure, is part of the name)
const CHAIN = /((?:[^（(，,。；：:、]|[（(](?!\s*\d{0,3}\s*(?:类|款|项)\s*[）)])[^（()）\d，,。；：:、]{1,6}[）)]){2,40}?)[（(]\s*(\d{2,3})?\s*(类|款|项)\s*[）)]/g;

/** Whether a text holds an amount with its unit, then a purpose word (patterns/facts.yaml purposeCues). */
function purposeAfterFigure(text: string): boolean {
  const at = text.search(/\d\s*(?:亿元|万元|千元|元)/u);
  return at >= 0 && rules().purpose.test(text.slice(at));
}

/** Where the last 类/款/项 marker of a text ends (0 when there is none). */
function lastChainEnd(text: string): number {
  let end = 0;
  for (const m of text.matchAll(CHAIN)) end = m.index + m[0].length;
  return end;
}

/** 住房保障支出（类）住房改革支出（款）住房公积金（项） → [{类: 住房保障支出}, {款: …}, {项: …}]: the
 *  class path the clause names last (a new 类 drops the 款 and 项 before it, a new 款 the 项). */
function classChain(clause: string): { level: string; name: string; piece?: string }[] {
  const state = new Map<string, { name: string; piece?: string }>();
  for (const m of clause.matchAll(CHAIN)) {
    // (a path may join its levels with dashes or quote them: “一般公共服务支出(类）-市场监督管理事务（款）-…”; the name
    // starts after an ordinal in brackets, whose opening bracket the match leaves out: （2）一般行政管理事务（项） → “2）…”)
    // (and an item's ordinal inside the words matched — 一般公共服务 / 1. 人大事务行政运行（项）, a line of its own
    // over the list — starts its name: the words before it are the list's heading)
    const name = foldName(m[1]!.replace(/^.*?(?:其中|主要用于|用于|包括|为|是)[:：]?/, '').replace(/^.*[^\d.．,，\s]\s*\d{1,2}[.．](?!\d)/u, '').replace(/^[（(]?\d{1,2}[)）]/u, '').replace(/^[\d.,，、．]+(?:万元|元)?/, '').replace(/^[\s“”"‘’'\-－—–]+/u, ''));
    const level = m[3]!;
    if (level === '类') state.clear();
    if (level === '款') state.delete('项');
    state.set(level, { name, ...(m[2] ? { piece: m[2] } : {}) });
  }
  return ['类', '款', '项'].filter((l) => state.has(l)).map((l) => ({ level: l, ...state.get(l)! }));
}

/** Level marks written without brackets, bracketed: a 类/款/项 right after a closing quote (“社会保障和就业”类 →
 *  “社会保障和就业”（类）; never 项目), and a 类 right before 支出 (一般公共服务类支出 → 一般公共服务（类）支出). */
function markLevels(text: string): string {
  return text.replace(/([”"])\s*(类|款|项)(?![目（(）)])/gu, '$1（$2）').replace(/(\p{Script=Han})类(?=支出)/gu, '$1（类）');
}

/** A 科目 path written with dashes instead of markers (“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目):
 *  its pieces are the 类, 款 and 项 in order. Only a quoted path or one followed by 科目 counts, and only
 *  when the rows confirm every level (codeOfChain). */
function pathChain(label: string): { level: string; name: string }[] {
  // (or with slashes, which join nothing but a path's levels: 一般公共服务支出/政府办公厅（室）及相关机构事务/行政运行)
  const slashed = /^[^“”"，。；：:]+$/u.test(label.trim()) && /[/／]/u.test(label) ? label.trim() : undefined;
  const m = /[“"]([^“”"]+)[”"]\s*(?:科目)?$|^([^“”"，。；]+?)\s*科目$/u.exec(label.trim());
  const path = m?.[1] ?? m?.[2] ?? slashed;
  if (!path) return [];
  const pieces = path.split(slashed ? /\s*[/／]\s*/u : /\s*[-－—–]\s*/u).map((x) => foldName(x)).filter(Boolean);
  if (pieces.length < 2 || pieces.length > 3) return [];
  return pieces.map((name, i) => ({ level: ['类', '款', '项'][i]!, name }));
}

/** The code a chain prints with its names (公共安全支出（204类）司法（06款）行政运行（01项） → 2040601), when
 *  every level prints its piece. */
function printedCode(chain: { level: string; piece?: string }[]): string | undefined {
  if (!chain.length || chain.some((c) => !c.piece) || chain[0]!.level !== '类') return undefined;
  const code = chain.map((c) => c.piece).join('');
  return FULL_CODE.test(code) && code.length === LEVEL_LEN[chain[chain.length - 1]!.level] ? code : undefined;
}

const LEVEL_LEN: Record<string, number> = { 类: 3, 款: 5, 项: 7 };

/** Whether a row of names `at` (at code length `len`) is the one a chain names `name`. A 类 is often named
 *  without its 支出 (公共安全（类） is the row 公共安全支出), a row with a 支出 the table leaves off
 *  (未归口管理的行政单位离退休支出（项） is the row 未归口管理的行政单位离退休). */
function namedAs(at: Set<string>, name: string, len: number): boolean {
  if (at.has(name)) return true;
  if (len === 3 && at.has(`${name}支出`)) return true;
  return name.length > 4 && name.endsWith('支出') && at.has(name.slice(0, -2));
}

/** The code of a 类/款/项 chain: the one code whose rows carry the chain's names at their levels.
 *  undefined where no row or more than one fits. */
function codeOfChain(chain: { level: string; name: string }[], rows: RowName[]): string | undefined {
  if (!chain.length) return undefined;
  const deepest = chain[chain.length - 1]!;
  const len = LEVEL_LEN[deepest.level]!;
  const names = new Map<string, Set<string>>();
  for (const r of rows) names.set(r.code, (names.get(r.code) ?? new Set()).add(r.name));
  const fits = [...names.keys()].filter((code) => {
    if (code.length !== len) return false;
    return chain.every((c) => {
      const l = LEVEL_LEN[c.level]!;
      const at = l <= code.length ? names.get(code.slice(0, l)) : undefined;
      return !!at && namedAs(at, c.name, l);
    });
  });
  if (fits.length) return fits.length === 1 ? fits[0] : undefined;
  // No row fits the levels as marked: a report may mark a level wrongly (行政事业单位离退休（类）…缴费支出（项）
  // under the heading 社会保障和就业（类）: the 款 marked 类). The names still fix the row when, in their order,
  // each is the name of a shorter prefix of one code than the next, the last being the code itself at the
  // deepest marker's level; one such code or none.
  const loose = [...names.keys()].filter((code) => {
    if (code.length !== len) return false;
    let from = 0;
    return chain.every((c, i) => {
      const last = i === chain.length - 1;
      for (const l of [3, 5, 7]) {
        if (l <= from || l > code.length || (last && l !== code.length)) continue;
        const at = names.get(code.slice(0, l));
        if (at && namedAs(at, c.name, l)) {
          from = l;
          return true;
        }
      }
      return false;
    });
  });
  if (loose.length) return loose.length === 1 ? loose[0] : undefined;
  // Nor loosely: the deepest level may be printed otherwise than its row — with the names of the levels above
  // it written before it (人大事务行政运行（项）: the 款's name and the 项's, the first perhaps cut short,
  // 政府办公厅行政运行), or shortened (机关事业单位职业年金（项） for the row 机关事业单位职业年金缴费支出) or its characters
  // in another order (一般行政事务管理（项） for 一般行政管理事务) under a
  // level the chain names as its row prints it. Every other level must fit as marked; one such code or none.
  const above = chain.slice(0, -1);
  const printedOtherwise = [...names.keys()].filter((code) => {
    if (code.length !== len) return false;
    const fitsAbove = above.every((c) => {
      const l = LEVEL_LEN[c.level]!;
      const at = l < len ? names.get(code.slice(0, l)) : undefined;
      return !!at && namedAs(at, c.name, l);
    });
    if (!fitsAbove) return false;
    if (joinedAt(code, deepest.name, names)) return true;
    return above.length > 0 && [...names.get(code)!].some((n) => abbreviates(deepest.name, n) || reordered(deepest.name, n));
  });
  return printedOtherwise.length === 1 ? printedOtherwise[0] : undefined;
}

/** Whether `name` is the names of `code`'s levels written one after another, from a level above the code's down
 *  to the code's own (人大事务行政运行 of 2010101: its 款's name and its own; 一般公共服务人大事务行政运行: from the
 *  类), the first of them as its row prints it, without a 类's 支出, or cut short to its first four characters
 *  or more (政府办公厅 of 政府办公厅（室）及相关机构事务). A 支出 the rows leave off may end it. */
function joinedAt(code: string, name: string, names: Map<string, Set<string>>): boolean {
  for (const from of [3, 5]) {
    if (from >= code.length) break;
    const heads = names.get(code.slice(0, from));
    if (!heads) continue;
    // (the names of the levels below `from`, down to the code's own, joined)
    let tails = new Set<string>(['']);
    for (const l of [5, 7]) {
      if (l <= from || l > code.length) continue;
      const at = names.get(code.slice(0, l));
      tails = at ? new Set([...tails].flatMap((p) => [...at].map((n) => p + n))) : new Set();
    }
    for (const tail of tails) {
      for (const n of [name, name.replace(/支出$/u, '')]) {
        if (!tail || n.length <= tail.length || !n.endsWith(tail)) continue;
        const head = n.slice(0, n.length - tail.length);
        if ([...heads].some((h) => h === head || (from === 3 && h === `${head}支出`) || (head.length >= 4 && h.startsWith(head)))) return true;
      }
    }
  }
  return false;
}

/** The one code (a 款 or 项) whose levels' names a label without markers writes one after another (joinedAt), or
 *  undefined: 人大事务行政运行支出 is 2010101 where the tables print 行政运行 under 人大事务 only once. */
function joinedRow(label: string, rows: RowName[]): string | undefined {
  const bare = foldName(label.replace(/[“”"‘’]/gu, ''));
  if (bare.length < 4 || /[（()）]/u.test(bare)) return undefined;
  const names = new Map<string, Set<string>>();
  for (const r of rows) names.set(r.code, (names.get(r.code) ?? new Set()).add(r.name));
  const fits = [...names.keys()].filter((c) => c.length > 3 && joinedAt(c, bare, names));
  return fits.length === 1 ? fits[0] : undefined;
}

/** Whether `a` is `b`'s characters in another order (一般行政事务管理 of 一般行政管理事务, a slip of the pen), four or more. */
function reordered(a: string, b: string): boolean {
  return a.length >= 4 && a.length === b.length && a !== b && [...a].sort().join('') === [...b].sort().join('');
}

/** Whether `short` is `long` shortened: four characters or more, `long`'s first four, then the rest of its
 *  characters in order with some left out (机关事业单位基本养老保险费 of 机关事业单位基本养老保险缴费支出). */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 4 || short.length >= long.length || !long.startsWith(short.slice(0, 4))) return false;
  let at = 0;
  for (const ch of short) {
    at = long.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

/** Codes printed in the clause (2210201, 30217) that the document's tables print as a row. A code is printed as
 *  one: before its row's name (2210201住房公积金), alone in brackets (（2210201）) or after 编码/代码/科目 —
 *  never a group of a figure (3,210.00) or a count (210 人), which a bare run of digits may also be. */
function codesIn(clause: string, rows: RowName[]): string[] {
  const names = new Map<string, string[]>();
  for (const r of rows) names.set(r.code, [...(names.get(r.code) ?? []), foldName(r.name).slice(0, 2)]);
  // The pieces printed in a chain's markers (（204类）) are not codes of their own.
  clause = clause.replace(/[（(]\s*\d{2,3}\s*(?:类|款|项)\s*[）)]/g, '');
  // (an amount's digits are no code: 221.26万元 does not print 221, nor 1,221.26 its 221)
  const codes = new Set<string>();
  for (const m of clause.matchAll(/(?<![\d,，])(\d{3}(?:\d{2}){0,2})(?!\d|[,.．]\d)/g)) {
    const code = m[1]!;
    // (after a point only where the point closes an item's ordinal: 1.2010601行政运行, never 3.210)
    if (/[.．]$/u.test(clause.slice(0, m.index!)) && !/(?:^|[^\d,.，．])\d{1,2}[.．]$/u.test(clause.slice(0, m.index!))) continue;
    const heads = names.get(code);
    if (!heads) continue;
    const before = clause.slice(Math.max(0, m.index! - 4), m.index!);
    const after = clause.slice(m.index! + code.length);
    const named = heads.some((h) => foldName(after.replace(/^[\s“”"‘’'：:]+/, '').slice(0, 12)).startsWith(h));
    const bracketed = /[（(]\s*$/.test(before) && /^\s*[）)]/.test(after);
    const labelled = /(?:编码|代码|科目)[\s：:]*$/.test(before);
    if (named || bracketed || labelled) codes.add(code);
  }
  return [...codes];
}

/** The words a figure's clause opens with, before its first colon (1.“行政运行”项：年初预算为…), or the short
 *  sentence right before the clause (1.一般公共服务支出财政事务行政运行。年初预算为…): a subject of no figure. */
function leadOf(lines: Line[], idx: number, start: number, heading: (k: number) => boolean): string | undefined {
  let text = lines[idx]!.raw.slice(0, start);
  for (let k = idx - 1; k >= 0 && k >= idx - 3; k--) {
    if (heading(k) || heading(k + 1)) break;
    text = lines[k]!.raw + text;
  }
  const cut = Math.max(text.lastIndexOf('。'), text.lastIndexOf('；'), text.lastIndexOf(';'));
  const clause = text.slice(cut + 1);
  // (the words before the clause's last colon, back to the colon before: 其中：1.X：年初预算为… → 1.X)
  const parts = clause.split(/[：:]/u);
  let lead = parts.length > 1 ? parts[parts.length - 2] : undefined;
  if (lead === undefined && cut > 0 && text[cut] === '。' && !clause.slice(0, clause.search(/\d|$/u)).match(/[，,]/u)) {
    const before = text.slice(0, cut);
    lead = before.slice(Math.max(...['。', '；', ';', '：', ':'].map((c) => before.lastIndexOf(c))) + 1);
  }
  // (or a 科目 path the clause opens with after its last colon, before its first comma: 其中：1.一般公共服务支出-…-行政运行，
  // 支出决算为…)
  const last = parts[parts.length - 1]!;
  if (/[，,]/u.test(last)) {
    const first = last.split(/[，,]/u)[0]!;
    if (/\p{Script=Han}\s*[-－—–/／]\s*\p{Script=Han}/u.test(first)) lead = first;
  }
  if (!lead) return undefined;
  lead = lead.replace(/^[\s]*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)\s*/u, '').trim();
  // (a subject holds no figure, and is short)
  // (a 科目 code in brackets after the name — 1.行政运行（2010601） — is no figure)
  return lead.length >= 2 && lead.length <= 60 && !/\d/u.test(lead.replace(/[（(]\s*\d{3,7}\s*[）)]/gu, '')) ? lead : undefined;
}

/** The function row a clause's subject names: `“X”项`/`“X”款`/`“X”类` marks in order (the one row they fit), a
 *  dash path (一般公共服务支出—财政事务—行政运行, every level confirmed), the names of a row's levels written one
 *  after another without marks, or one row's name alone (only where no other row, nor an 经济分类 row, is so
 *  named). undefined where no row or several fit. */
function codeOfLead(lead: string, rows: RowName[], economic: Map<string, Set<string>>): string | undefined {
  // (a code printed with the name — 1.行政运行（2010601） — is that row, where the name is the row's or absent)
  const printed = codesIn(lead, rows);
  if (printed.length) {
    if (printed.length !== 1) return undefined;
    const code = printed[0]!;
    const rest = foldName(lead.replace(/[“”"‘’]/gu, '').replace(/[（(]\s*\d{3,7}\s*[）)]|\d{3,7}/gu, ''));
    const at = new Set(rows.filter((r) => r.code === code).map((r) => r.name));
    return !rest || namedAs(at, rest, code.length) ? code : undefined;
  }
  const quoted = [...lead.matchAll(/[“"]([^“”"]{2,40})[”"]\s*(类|款|项)(?!目)/gu)].map((m) => ({ level: m[2]!, name: foldName(m[1]!) }));
  if (quoted.length) {
    const text = lead.replace(/[“"]([^“”"]{2,40})[”"]\s*(类|款|项)(?!目)/gu, '').replace(/[\s、，,\-－—–]/gu, '');
    return text ? undefined : codeOfChain(quoted, rows);
  }
  const bare = foldName(lead.replace(/[“”"‘’]/gu, ''));
  if (bare.length < 2) return undefined;
  const pieces = lead.replace(/[“”"‘’]/gu, '').split(/\s*(?:[-－—–]+|[/／])\s*/u).map((x) => foldName(x)).filter(Boolean);
  if (pieces.length === 2 || pieces.length === 3) return codeOfChain(pieces.map((name, k) => ({ level: ['类', '款', '项'][k]!, name })), rows);
  const names = new Map<string, Set<string>>();
  for (const r of rows) names.set(r.code, (names.get(r.code) ?? new Set()).add(r.name));
  // (levels written one after another: 类 + 款 (+ 项) names of one code, each as its row prints it)
  const joined = [...names.keys()].filter((c) => c.length > 3 && joinedNames(c, names).has(bare));
  if (joined.length) return joined.length === 1 ? joined[0] : undefined;
  if (economic.has(bare) || economic.has(bare.replace(/支出$/u, ''))) return undefined;
  const alone = [...names].filter(([c, at]) => namedAs(at, bare, c.length)).map(([c]) => c);
  return alone.length === 1 ? alone[0] : undefined;
}

/** Every spelling of a code's level names joined in order (类 + 款 + 项). */
function joinedNames(code: string, names: Map<string, Set<string>>): Set<string> {
  let out = new Set<string>(['']);
  for (const l of [3, 5, 7]) {
    if (l > code.length) break;
    const at = names.get(code.slice(0, l));
    if (!at) return new Set();
    out = new Set([...out].flatMap((p) => [...at].map((n) => p + n)));
  }
  return out;
}

/** The code a figure resolved to `code` by the chain before it restates, given its own words (its label):
 *  `code` where they name no row of the tables or that row itself; else the one function row of that name
 *  on the chain's path (above or below `code`), or nothing (a name of several rows there, of another 类, or
 *  of an 经济分类 row). */
function ownRow(label: string, code: string, rows: RowName[], economic: Map<string, Set<string>>): string | undefined {
  const own = foldName(label.replace(/[“”"‘’]/gu, '').replace(/[（(]\s*\d{0,3}\s*(?:类|款|项)\s*[）)]$/u, ''));
  if (own.length < 2) return code;
  const names = new Map<string, Set<string>>();
  for (const r of rows) names.set(r.code, (names.get(r.code) ?? new Set()).add(r.name));
  const named = [...names].filter(([c, at]) => namedAs(at, own, c.length)).map(([c]) => c);
  if (named.includes(code)) return code;
  if (!named.length && !economic.has(own) && !economic.has(own.replace(/支出$/u, ''))) return code;
  const onPath = named.filter((c) => c.startsWith(code) || code.startsWith(c));
  return onPath.length === 1 ? onPath[0] : undefined;
}

/** Fill `about` on narrative facts: code (by a printed code or a 类/款/项 chain of names), name, fund. */
export function resolveNarrative(doc: SegmentedDocument, facts: Fact[], tables: TableRecord[], tableFacts: Fact[]): void {
  const rows: RowName[] = [];
  const seen = new Set<string>();
  for (const f of tableFacts) {
    const a = f.about;
    if (!a?.code || !a.name || a.codeKind !== 'function') continue;
    const k = `${a.code}|${a.name}`;
    if (!seen.has(k)) rows.push({ code: a.code, name: a.name });
    seen.add(k);
  }
  soleAmountColumns(tables, tableFacts);
  otherYearColumns(doc, tables, tableFacts);
  // 经济分类 rows (301, 30217 公务接待费): a narrative figure whose own label is exactly one row's name.
  const economic = new Map<string, Set<string>>();
  for (const f of tableFacts) {
    const a = f.about;
    if (a?.code && a.name && a.codeKind === 'economic') economic.set(a.name, (economic.get(a.name) ?? new Set()).add(a.code));
  }
  // Lines by page/paragraph in reading order, to read a figure's clause.
  const lineBlocks = doc.blocks.flatMap((b, i) => (b.kind === 'line' ? [{ line: b.line, head: doc.headingBlocks.has(i) }] : []));
  const lines: Line[] = lineBlocks.map((b) => b.line);
  const heading = (k: number) => lineBlocks[k]?.head ?? false;
  const pos = new Map<string, number>();
  lines.forEach((l, i) => pos.set(lineKey(l), i));
  // The fund a section is about: named by its title or an ancestor's (四、一般公共预算财政拨款支出决算情况说明).
  const sectionFund = new Map<string, string | undefined>();
  const walk = (ns: SegmentedDocument['outline'], inherited: string | undefined) => {
    for (const n of ns) {
      const f = fundIn(n.title) ?? inherited;
      sectionFund.set(n.id, f);
      walk(n.children, f);
    }
  };
  walk(doc.outline, undefined);
  // The last figure of a 科目 (by code) and its line, whose 基本支出/项目支出 a 其中 may list next.
  // (only a 科目 stated alone in its sentence, not the last item of a list — 本年支出合计510.00万元，…（类）410.00万元，
  // …（类）100.00万元。其中：基本支出400.00万元: the 其中 is the list's total's)
  const listed = (sentence: string) => {
    const levels = [...sentence.matchAll(CHAIN)].map((m) => m[3]);
    return levels.some((l, k) => levels.indexOf(l) !== k);
  };
  let head: { about: FactSubject; line: number } | undefined;
  for (const f of facts) {
    if (f.from !== 'text' || f.kind !== 'amount') continue;
    const i = pos.get(lineKey(f));
    if (i === undefined || f.loc.start === undefined) continue;
    let clause = clauseBefore(lines, i, f.loc.start, heading);
    let label = f.label;
    // Level marks written without brackets (一般公共服务类支出, “社会保障和就业”类支出) are the marks, where the
    // names before them then fix a row.
    if (!classChain(clause).length && !classChain(label).length) {
      const [mc, ml] = [markLevels(clause), markLevels(label)];
      const marked = classChain(mc).length ? classChain(mc) : classChain(ml);
      if (marked.length && codeOfChain(marked, rows)) [clause, label] = [mc, ml];
    }
    const about: FactSubject = {};
    // The extractor's label carries a subject named before a full stop (…行政运行（项）。年初预算为…).
    let chain = classChain(clause);
    if (!chain.length) chain = classChain(label);
    if (!chain.length) chain = pathChain(label);
    const codes = codesIn(clause, rows);
    let code: string | undefined;
    // (the row the chain names, before the checks below may drop or move it)
    const chainCode = chain.length ? codeOfChain(chain, rows) : undefined;
    if (chain.length) {
      code = chainCode;
      // A printed code must agree with the names, else neither is trusted.
      const printed = printedCode(chain);
      if (code && ((codes.length && !codes.includes(code)) || (printed && printed !== code))) code = undefined;
    } else if (codes.length === 1) code = codes[0];
    // A subject the clause opens with (1.“行政运行”项：…, 1.一般公共服务支出—财政事务—行政运行：…) or the short
    // sentence before it (1.一般公共服务支出财政事务行政运行。年初预算为…): the row it names, where it names one.
    else if (!chain.length && !codes.length && !f.metric) {
      const lead = leadOf(lines, i, f.loc.start, heading);
      const marked = lead ? classChain(lead) : [];
      if (lead) code = marked.length ? codeOfChain(marked, rows) : codeOfLead(lead, rows, economic);
      // (or the figure's own words, no marker in them, are the names of a row's levels written one after another:
      // 人大事务行政运行支出X万元 — the 款's name and the 项's, one code's path)
      if (!code && !lead) code = joinedRow(f.label, rows);
    }
    // A chain cut short by the figure (…（款）机关事业单位基本养老 / 161.62万元 … 保险缴费支出（项）): the words
    // after its last marker begin a deeper row's name, so the figure is not the 款's.
    if (code && chain.length) {
      const src = classChain(clause).length ? clause : label;
      const tail = foldName(src.slice(lastChainEnd(src)).replace(/^[\s“”"]+/, ''));
      if (tail.length >= 2 && rows.some((r) => r.code.length > code!.length && r.code.startsWith(code!) && r.name.startsWith(tail.slice(0, 4)))) code = undefined;
    }
    // The figure's own words may name another row than the chain before it (一般公共服务支出（类）100.00万元，
    // 主要是行政运行70.00万元; …（类）445.69万元，其中：住房公积金187.19万元): it is that row's, or nothing.
    if (code) code = ownRow(f.label, code, rows, economic);
    // A figure after the 科目's own figure and a purpose word (（项）12600.00万元，主要用于浙北医学中心迁建4500.00万元、…, 湖州
    // 2026 预算) is an item of what the money is for, not the row's: where its words name no row (ownRow kept the chain's).
    if (code && chainCode && f.role !== 'change' && code === chainCode && purposeAfterFigure(clause.slice(lastChainEnd(clause)))) code = undefined;
    // A figure in brackets right after another (年初预算为80.00万元（800,023.45元）) restates that figure, in another
    // unit: it names no row of its own (its words are the other figure's, its role unknown).
    if (code && /\d\s*(?:亿元|万元|千元|元)\s*[（(]\s*$/u.test(clause)) code = undefined;
    if (code) {
      about.code = code;
      about.codeKind = 'function';
      const name = rows.find((r) => r.code === code)?.name;
      if (name) about.name = name;
      // A figure right after a prior-year word following the 科目's own figure (（项）”70.00，上年:65.00万元) is last
      // year's, whatever the extractor made of its role where the figure before lost its unit. (A list the sentence
      // opens with 上年 is the extractor's: src/extract/facts.ts priorOpens.)
      const year = doc.document.year;
      if (year !== null && f.year === year && (f.role === 'actual' || f.role === 'budget') && priorRight(clause.slice(lastChainEnd(clause)), year)) {
        f.role = 'prior_year';
        f.year = year - 1;
      }
    }
    // A 其中 item inherits its total's fund (财政拨款支出总计…其中：基本支出 is the appropriation's).
    const inherited = inheritedFund(lines, i, f.loc.start, heading);
    const rule = f.metric ? cfg().inherit?.[f.metric] : undefined;
    if (rule && inherited && !fundIn(f.label) && inherited in rule) {
      f.metric = rule[inherited] ?? null;
      about.fund = inherited;
    }
    if (!about.code) {
      const ec = economic.get(foldName(f.label).replace(/支出$/, '')) ?? economic.get(foldName(f.label));
      if (ec?.size === 1) {
        about.code = [...ec][0]!;
        about.codeKind = 'economic';
        about.name = foldName(f.label).replace(/支出$/, '');
      }
    }
    // The column the wording names: the label's own item (基本支出, 项目支出), else the budget column
    // for a budget figure of a 决算 (年初预算为…).
    const own = keyAtEnd(foldName(f.label));
    const column = own && ['basic', 'project'].includes(own) ? own : f.role === 'budget' && doc.document.kind !== '预算' ? 'budget' : undefined;
    if (column) about.column = column;
    // An 经济分类 item in a sentence about the 基本支出 alone (基本支出2,336.91万元，按经济分类，工资福利支出2,082.85万元，…) is
    // that item of the 基本支出 (the 基本支出 table's row), not of the 项目支出 or of the whole.
    else if (about.codeKind === 'economic') {
      const sentence = sentenceBefore(lines, i, f.loc.start, heading);
      if (sentence.includes('基本支出') && !/项目支出|项目经费/u.test(sentence)) about.column = 'basic';
    }
    const item = column === 'basic' || column === 'project';
    // …（类）支出100.00万元。其中：基本支出70.00万元；项目支出30.00万元: a 其中 opening the next sentence lists the
    // 科目's own items.
    // (or a 其中 in brackets right after the 科目's figure: …支出决算为1,511.89万元（其中：基本支出1,503.52万元…）)
    const sentence = item && head && i - head.line <= 3 ? sentenceBefore(lines, i, f.loc.start, heading) : '';
    if (!about.code && item && head && i - head.line <= 3 && (/^[\s，,：:]*其中/u.test(sentence) || /元\s*[（(]\s*其中[^（()）]*$/u.test(sentence))) {
      about.code = head.about.code;
      about.codeKind = 'function';
      if (head.about.name) about.name = head.about.name;
      if (head.about.fund) about.fund = head.about.fund;
    }
    // A 科目's own 基本支出/项目支出 (一般公共服务支出（类）100.00万元，其中：基本支出70.00万元) is that row's, not
    // the document's: it keeps no document-wide metric.
    if (about.code && about.codeKind === 'function' && item) f.metric = null;
    else if (about.code && about.codeKind === 'function') head = listed(sentenceBefore(lines, i, f.loc.start, heading)) ? undefined : { about, line: i };
    else if (!item) head = undefined;
    const fund = about.fund ?? fundIn(f.label) ?? fundIn(clause) ?? (f.section ? sectionFund.get(f.section) : undefined);
    if (fund) about.fund = fund;
    if (Object.keys(about).length) f.about = about;
  }
}

const lineKey = (l: { loc: { page?: number; paragraph?: number; line: number } }) => `${l.loc.page ?? ''}|${l.loc.paragraph ?? ''}|${l.loc.line}`;
