// Checks across the documents of one batch (issue 14), run when every record exists: at the end of a run
// and of `juesuan merge`, so that the links survive sharding.
// - Two consecutive years of one unit (same unit key, same scope 部门/单位, same kind): the figures the
//   later report gives for the earlier year — a 上年数, or 与上年相比增加/减少 X with its base — against the
//   earlier report's own figure for that year → PRIOR_YEAR_MISMATCH.
// - The 预算 and the 决算 of one unit and year: the 决算's 年初预算 against the 预算's figure → BUDGET_MISMATCH.
// A pair is made only where it is unambiguous (exactly one document on each side); a comparison only where
// both figures are amounts in 元 and the later report's wording names the earlier year as its base. The
// allowed gap is half a unit of the last printed digit of each figure involved (each was rounded once).
import { amountScale, lastDigitYuan } from '../amount.js';
import type { Flag, FlagCode, Loc } from '../model.js';
import { loadPattern } from '../patterns.js';
import type { DocumentRecord } from '../schema.js';
import { unitKey } from '../unit-key.js';
import { tableCells } from '../table-cells.js';
import { severityOf } from './config.js';

type Fact = DocumentRecord['facts'][number];

/** A figure with where it stands. */
interface Figure {
  metric: string;
  yuan: number;
  text: string;
  unit: string;
  loc: Loc;
  excerpt: string;
  direction?: string;
}

/** What the cross-document checks need of one record: small, so that a whole batch of them fits in memory. */
export interface Digest {
  /** The output base name (`<name>.json`). */
  name: string;
  path: string;
  sha256: string;
  unitKey: string | null;
  scope: '部门' | '单位' | null;
  year: number | null;
  kind: '决算' | '预算' | null;
  /** The document's own figure for its year, per canonical metric (its summary). */
  own: Record<string, Figure>;
  /** 与上年相比增加/减少 X (amounts whose wording names the previous year as the base). */
  changes: Figure[];
  /** Figures given for the previous year (上年数). */
  prior: Figure[];
  /** A 决算's 年初预算 figures. */
  initialBudget: Figure[];
  /** Standard-table cells of a 上年数 column, by table kind and row (科目编码, else 科目名称). */
  priorCells: TableFigure[];
}

/** A figure of a standard-table cell and the row it belongs to. */
export interface TableFigure extends Figure {
  /** `<table kind>|<科目编码 or 科目名称>` */
  key: string;
  label: string;
}

/** The figures of each standard-table row for the report's own year (not its 上年数 columns), by key:
 *  what a later report's 上年数 cells are checked against. */
export type CurrentCells = Map<string, TableFigure[]>;

export interface Link {
  relation: 'prior_year' | 'budget';
  /** The later report (prior_year) or the 决算 (budget): the one whose figures were checked. */
  from: Digest;
  to: Digest;
  compared: number;
  mismatches: number;
}

const figure = (f: Fact): Figure | null =>
  f.kind === 'amount' && f.metric && f.yuan !== undefined && amountScale(f.unit) !== undefined
    ? { metric: f.metric, yuan: f.yuan, text: f.text, unit: f.unit, loc: f.loc, excerpt: f.excerpt, ...(f.direction ? { direction: f.direction } : {}) }
    : null;

const scopeOf = (title: string | null): Digest['scope'] => {
  const t = (title ?? '').replace(/\s/g, '');
  if (/部门(?:决算|预算)/.test(t)) return '部门';
  if (/单位(?:决算|预算)/.test(t)) return '单位';
  return null;
};

const squash = (s: string) => s.replace(/\s/g, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the clause compare the figure with the previous year (比上年/比2023年度/与上年相比 … X), and not with
 *  a budget (a 决算's 比年初预算) or an outturn (a 预算's 比上年执行数)? */
function namesPreviousYear(f: Fact, year: number, kind: Digest['kind']): boolean {
  const text = squash(f.excerpt);
  const base = `(?:上年|上一年|去年|${year - 1}年)度?`;
  const re = new RegExp(`(?:(?:比|较)${base}([^。；]{0,30}?)|与${base}([^。；]{0,10}?)(?:相比|比较)([^。；]{0,40}?))(?:增加|减少|增长|下降|降低|减)了?${escape(squash(f.text))}`);
  const m = re.exec(text);
  if (!m) return false;
  const between = (m[1] ?? '') + (m[2] ?? '') + (m[3] ?? '');
  return kind === '决算' ? !/预算/.test(between.replace(/一般公共预算/g, '')) : !/执行|决算|实际/.test(between);
}

export function digest(r: DocumentRecord, name: string): Digest {
  const d = r.document as DocumentRecord['document'] & { unitKey?: string | null };
  const byId = new Map(r.facts.map((f) => [f.id, f]));
  const own: Record<string, Figure> = {};
  for (const [m, s] of Object.entries(r.summary)) {
    const f = byId.get(s.factId);
    const fig = f && figure(f);
    if (fig && fig.metric === m) own[m] = fig;
  }
  const year = d.year;
  const changes: Figure[] = [];
  const prior: Figure[] = [];
  const initialBudget: Figure[] = [];
  for (const f of r.facts) {
    const fig = figure(f);
    if (!fig) continue;
    if (year !== null && f.role === 'change' && (f.year === year || f.year === null) && (f.direction === 'increase' || f.direction === 'decrease') && namesPreviousYear(f, year, d.kind)) changes.push(fig);
    else if (year !== null && f.role === 'prior_year' && (f.year === year - 1 || f.year === null)) prior.push(fig);
    else if (d.kind === '决算' && f.role === 'budget' && (f.metric === 'general_budget_initial_budget' || /年初预算/.test(f.label))) initialBudget.push(fig);
  }
  const priorCells = year === null ? [] : cellFigures(r).filter((c) => c.prior).map((c) => c.figure);
  return { name, path: r.source.path, sha256: r.source.sha256, unitKey: d.unitKey ?? unitKey(d.unit), scope: scopeOf(d.title), year, kind: d.kind, own, changes, prior, initialBudget, priorCells };
}

/** A header that says its column holds the previous year's figures (上年数, 上年决算数, 2022年上年预算); not
 *  上年结转, a carry-over into this year. */
const PRIOR_HEADER = /^(?:\d{4}年度?)?上(?:一)?年度?(?:决算|预算|执行)?数?$/;

/** The amount cells of a record's standard tables that belong to a row key, each said to be of a 上年数
 *  column or not (the ledger's column key, else the header). */
function cellFigures(r: DocumentRecord): { prior: boolean; figure: TableFigure }[] {
  const out: { prior: boolean; figure: TableFigure }[] = [];
  for (const c of tableCells(r)) {
    const f = c.fact;
    const label = c.subject.code ?? c.subject.name;
    if (!f || f.yuan === undefined || amountScale(f.unit) === undefined || !label) continue;
    const prior = c.subject.column === 'prior_year' || f.role === 'prior_year' || c.columnHeader.split('/').some((h) => PRIOR_HEADER.test(h.replace(/\s/g, '')));
    const key = `${c.table.kind}|${label}`;
    out.push({ prior, figure: { metric: f.metric ?? '', yuan: f.yuan, text: f.text, unit: f.unit, loc: f.loc, excerpt: f.excerpt, key, label: [c.subject.code, c.subject.name].filter(Boolean).join(' ') } });
  }
  return out;
}

/** The record's current-year table figures by row key (for pairing with a later report's 上年数 cells). */
export function currentCells(r: DocumentRecord): CurrentCells {
  const m: CurrentCells = new Map();
  for (const { prior, figure } of cellFigures(r)) if (!prior) m.set(figure.key, [...(m.get(figure.key) ?? []), figure]);
  return m;
}

let names: Map<string, string> | null = null;
const metricName = (m: string) => (names ??= new Map(loadPattern<{ metrics: { key: string; names: string[] }[] }>('metrics.yaml').metrics.map((x) => [x.key, x.names[0] ?? x.key]))).get(m) ?? m;

/** An integer 元 amount in `unit` with `decimals` places, rounded half away from zero (exact). */
function inUnit(yuan: number, unit: string, decimals: number): string {
  const shift = (amountScale(unit) ?? 0) - decimals;
  const neg = yuan < 0;
  let v = BigInt(Math.abs(yuan));
  if (shift > 0) {
    const d = 10n ** BigInt(shift);
    v = (v + d / 2n) / d;
  } else v *= 10n ** BigInt(-shift);
  const s = v.toString().padStart(decimals + 1, '0');
  const out = decimals ? `${s.slice(0, -decimals)}.${s.slice(-decimals)}` : s;
  return (neg ? '-' : '') + out;
}
const decimalsOf = (f: Figure) => /\.(\d+)/.exec(f.text)?.[1]?.length ?? 0;
const where = (d: Digest, f: Figure) => `${d.path}${f.loc.page !== undefined ? ` 第${f.loc.page}页` : f.loc.paragraph !== undefined ? ` 第${f.loc.paragraph}段` : ''}第${f.loc.line}行`;

function flag(code: FlagCode, message: string, at: Figure, expected: string, found: string): Flag {
  return { code, severity: severityOf(code), message, loc: at.loc, excerpt: at.excerpt, expected, found };
}

/** Later report `l` against the earlier report `e` of the same unit, kind and scope. */
function priorYear(l: Digest, e: Digest, eCells: CurrentCells | undefined): { flags: Flag[]; compared: number } {
  const flags: Flag[] = [];
  let compared = 0;
  const check = (at: Figure, implied: number, tolerance: number, said: string) => {
    const theirs = e.own[at.metric];
    if (!theirs) return;
    compared++;
    if (Math.abs(implied - theirs.yuan) * 2 <= tolerance) return;
    const dec = decimalsOf(at);
    const found = `${inUnit(implied, at.unit, dec)}${at.unit}`;
    flags.push(
      flag(
        'PRIOR_YEAR_MISMATCH',
        `${l.year}年报告${said}，即${e.year}年${metricName(at.metric)}为${found}；而${e.year}年报告（${where(e, theirs)}）为${theirs.text}${theirs.unit}。`,
        at,
        `${theirs.text}${theirs.unit}（${where(e, theirs)}）`,
        found,
      ),
    );
  };
  for (const c of l.changes) {
    const now = l.own[c.metric];
    const theirs = e.own[c.metric];
    if (!now || !theirs) continue;
    const implied = now.yuan - (c.direction === 'increase' ? c.yuan : -c.yuan);
    const word = c.direction === 'increase' ? '增加' : '减少';
    check(c, implied, lastDigitYuan(now) + lastDigitYuan(c) + lastDigitYuan(theirs), `称${metricName(c.metric)}${now.text}${now.unit}、比上年${word}${c.text}${c.unit}`);
  }
  for (const p of l.prior) {
    const theirs = e.own[p.metric];
    if (!theirs) continue;
    check(p, p.yuan, lastDigitYuan(p) + lastDigitYuan(theirs), `所列上年${metricName(p.metric)}为${p.text}${p.unit}`);
  }
  // 上年数 cells against the earlier report's cell of the same table and row: only where each side has
  // exactly one such cell (a row printed twice, or several columns of figures, leave it unsure).
  const later = new Map<string, TableFigure[]>();
  for (const c of l.priorCells) later.set(c.key, [...(later.get(c.key) ?? []), c]);
  for (const [key, cells] of later) {
    const theirs = eCells?.get(key);
    if (cells.length !== 1 || theirs?.length !== 1) continue;
    const [p, t] = [cells[0]!, theirs[0]!];
    compared++;
    if (Math.abs(p.yuan - t.yuan) * 2 <= lastDigitYuan(p) + lastDigitYuan(t)) continue;
    const table = key.split('|')[0];
    flags.push(
      flag(
        'PRIOR_YEAR_MISMATCH',
        `${l.year}年报告${table}“${p.label}”的上年数为${p.text}${p.unit}；而${e.year}年报告（${where(e, t)}）为${t.text}${t.unit}。`,
        p,
        `${t.text}${t.unit}（${where(e, t)}）`,
        `${p.text}${p.unit}`,
      ),
    );
  }
  return { flags, compared };
}

/** The 决算 `j`'s 年初预算 against the 预算 `b` of the same unit and year. */
function budgetLink(j: Digest, b: Digest): { flags: Flag[]; compared: number } {
  const flags: Flag[] = [];
  let compared = 0;
  for (const f of j.initialBudget) {
    const m = f.metric === 'general_budget_initial_budget' ? 'general_budget_appropriation_expenditure' : f.metric;
    const theirs = b.own[m];
    if (!theirs) continue;
    compared++;
    if (Math.abs(f.yuan - theirs.yuan) * 2 <= lastDigitYuan(f) + lastDigitYuan(theirs)) continue;
    flags.push(
      flag(
        'BUDGET_MISMATCH',
        `决算所列${metricName(f.metric)}${f.text}${f.unit}，与同年预算（${where(b, theirs)}）的${metricName(m)}${theirs.text}${theirs.unit}不符。`,
        f,
        `${theirs.text}${theirs.unit}（${where(b, theirs)}）`,
        `${f.text}${f.unit}`,
      ),
    );
  }
  return { flags, compared };
}

/** The earlier reports whose table cells the check needs (their later report has 上年数 cells). */
export function needsCells(docs: Digest[]): Set<string> {
  const need = new Set<string>();
  for (const [l, e] of pairs(docs)) if (l.priorCells.length) need.add(e.name);
  return need;
}

/** (later, earlier) report pairs of the batch. */
function pairs(docs: Digest[]): [Digest, Digest][] {
  const one = grouping(docs);
  const out: [Digest, Digest][] = [];
  for (const d of docs) {
    if (!d.unitKey || d.year === null || !d.kind || one(d.unitKey, d.scope, d.kind, d.year) !== d) continue;
    const earlier = one(d.unitKey, d.scope, d.kind, d.year - 1);
    if (earlier) out.push([d, earlier]);
  }
  return out;
}

function grouping(docs: Digest[]) {
  const groups = new Map<string, Digest[]>();
  for (const d of docs) {
    if (!d.unitKey || d.year === null || !d.kind) continue;
    const k = `${d.unitKey}|${d.scope ?? ''}|${d.kind}|${d.year}`;
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  // Only one document of a unit, scope, kind and year can be paired: two would leave it unsure which.
  return (unit: string, scope: string | null, kind: string, year: number) => {
    const g = groups.get(`${unit}|${scope ?? ''}|${kind}|${year}`);
    return g?.length === 1 ? g[0]! : null;
  };
}

/** The batch's links and the flags they give, per document name. `cells`: the current-year table cells of
 *  the documents `needsCells` names, by name. */
export function crossCheck(docs: Digest[], cells: Map<string, CurrentCells> = new Map()): { flags: Map<string, Flag[]>; links: Link[] } {
  const one = grouping(docs);
  const flags = new Map<string, Flag[]>();
  const links: Link[] = [];
  const add = (relation: Link['relation'], from: Digest, to: Digest, r: { flags: Flag[]; compared: number }) => {
    links.push({ relation, from, to, compared: r.compared, mismatches: r.flags.length });
    if (r.flags.length) flags.set(from.name, [...(flags.get(from.name) ?? []), ...r.flags]);
  };
  for (const d of docs) {
    if (!d.unitKey || d.year === null || !d.kind || one(d.unitKey, d.scope, d.kind, d.year) !== d) continue;
    const earlier = one(d.unitKey, d.scope, d.kind, d.year - 1);
    if (earlier) add('prior_year', d, earlier, priorYear(d, earlier, cells.get(earlier.name)));
    if (d.kind === '决算') {
      const budget = one(d.unitKey, d.scope, '预算', d.year);
      if (budget) add('budget', d, budget, budgetLink(d, budget));
    }
  }
  return { flags, links };
}

/** The codes only this batch-level step gives: a record's own check never does. */
export const CROSS_DOCUMENT_CODES: readonly FlagCode[] = ['PRIOR_YEAR_MISMATCH', 'BUDGET_MISMATCH'];
