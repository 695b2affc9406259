// Template families (patterns/required.yaml `families`): the national nine-table 部门决算, the 教育部
// university templates, the provinces' 预算 sets. What a report must contain depends on its family, which
// is read from its structure: which family's tables it has (extracted, or as title lines), and for the
// university templates a title or unit naming a university. A report that says its tables are published
// in a separate file (公开表附后, 附件：…公开表) is marked so: a missing table there is not an error.
import type { DocKind, ExtractedDocument, Severity } from '../model.js';
import { loadPattern } from '../patterns.js';
import { qualifiedTitle, tableDefForTitle } from '../table-titles.js';
import type { RequiredSet } from './config.js';
import type { TextUnit } from './lines.js';

export interface FamilyTable {
  kind: string;
  what: string;
  names: string[];
  /** The extractor's table kinds that count as this table. */
  kinds?: string[];
  severity?: Severity;
}

export interface Family {
  key: string;
  kind: DocKind;
  what: string;
  title?: string;
  sections: RequiredSet['sections'];
  merged?: RequiredSet['merged'];
  tables: FamilyTable[];
}

interface FamilyYaml {
  key: string;
  kind: DocKind;
  what: string;
  set?: DocKind;
  title?: string;
  sections?: RequiredSet['sections'];
  tables?: FamilyTable[];
}

type RequiredYaml = Record<DocKind, RequiredSet> & { families: FamilyYaml[]; tablesElsewhere: string[]; tablesElsewhereSeverity: Severity };

let cache: { families: Family[]; elsewhere: RegExp[]; elsewhereSeverity: Severity } | null = null;
function config() {
  if (cache) return cache;
  const y = loadPattern<RequiredYaml>('required.yaml');
  const families = y.families.map((f): Family => {
    const set = f.set ? y[f.set] : null;
    return { key: f.key, kind: f.kind, what: f.what, ...(f.title ? { title: f.title } : {}), sections: f.sections ?? set?.sections ?? [], ...(set?.merged && !f.sections ? { merged: set.merged } : {}), tables: f.tables ?? set?.tables ?? [] };
  });
  cache = { families, elsewhere: y.tablesElsewhere.map((p) => new RegExp(p, 'u')), elsewhereSeverity: y.tablesElsewhereSeverity };
  return cache;
}

export const families = () => config().families;
export const tablesElsewhereSeverity = () => config().elsewhereSeverity;

// (、 and ， dropped: a title prints “三公”经费及会议费、培训费 where the names say 三公经费及会议费培训费)
const fold = (s: string) => s.replace(/[“”"'‘’「」『』\s、，,]/gu, '');
const NUMBERING = /^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|表\d+)/u;

// A table's names folded once (tableOfTitle runs for every body line, for every family's table).
const folded = new WeakMap<FamilyTable, string[]>();
const foldedNames = (t: FamilyTable) => folded.get(t) ?? (folded.set(t, t.names.map(fold)), folded.get(t)!);

/** The table of `tables` a short line (or a table's title) names: the one whose name is its longest ending. */
export function tableOfTitle(text: string, tables: FamilyTable[]): FamilyTable | null {
  if (text.length > 50) return null;
  // (a bracketed qualifier after the name, closed or cut off where the title wrapped: …基本支出明细表（按支出功)
  const title = fold(text.replace(NUMBERING, '')).replace(/[（(][^（()）]*[）)]?$/u, '');
  let best: { t: FamilyTable; len: number } | null = null;
  for (const t of tables) {
    for (const n of foldedNames(t)) {
      // (not where a word in front makes it another table: 收入支出决算表 does not name the 支出决算表)
      if (title.endsWith(n) && (!best || n.length > best.len) && ![t.kind, ...(t.kinds ?? [])].some((k) => qualifiedTitle(k, title, n))) best = { t, len: n.length };
    }
  }
  return best?.t ?? null;
}

/** Whether the family's table `t` is in the document: an extracted table of its kind or titled by it,
 *  or a body line that is its title. */
export function tablePresent(doc: ExtractedDocument, units: TextUnit[], family: Family, t: FamilyTable): boolean {
  if (doc.tables.some((x) => x.kind === t.kind || (t.kinds ?? []).includes(x.kind) || tableOfTitle(x.title, family.tables) === t)) return true;
  return titledTables(units, family).has(t);
}

// The family's tables that some body line is the title of, per document's units: read once, not once per table.
const titled = new WeakMap<TextUnit[], Map<Family, Set<FamilyTable>>>();
function titledTables(units: TextUnit[], family: Family): Set<FamilyTable> {
  let byFamily = titled.get(units);
  if (!byFamily) titled.set(units, (byFamily = new Map()));
  let set = byFamily.get(family);
  if (!set) {
    set = new Set(inlineTitledTables(units, family));
    for (const u of units) {
      if (u.cell) continue;
      const t = tableOfTitle(u.line.text, family.tables);
      if (t) set.add(t);
    }
    byFamily.set(family, set);
  }
  return set;
}

// A table's unit declaration (单位：万元; checks.yaml tableText.unitInline) right after its title inside a line
// (a dump that ran an HTML table into the text: …一、收支预算总表2026年度收支预算总表单位：万元收入支出项目…).
let unitInlineRe: RegExp | null = null;
const unitInline = () => (unitInlineRe ??= new RegExp(loadPattern<{ tableText: { unitInline: string } }>('checks.yaml').tableText.unitInline, 'gu'));

/** The family's tables printed inside a line: a title that runs straight into its unit declaration, the
 *  table's cells after it. The title is the words before the declaration, back to the last figure, space or
 *  punctuation (2026年度收支预算总表 after …预算总表2026…). Only a title a unit declaration follows: a table
 *  named in a sentence (详见部门收支总表) is not one printed. */
export function inlineTitledTables(units: TextUnit[], family: Family): Set<FamilyTable> {
  const set = new Set<FamilyTable>();
  for (const u of units) {
    if (u.cell) continue;
    const text = u.line.text;
    for (const m of text.matchAll(unitInline())) {
      const before = text.slice(Math.max(0, m.index - 50), m.index);
      const title = /[^\d\s，。；：:,.;、（）()]*$/u.exec(before)![0];
      if (title.length < 4) continue;
      const t = tableOfTitle(title, family.tables);
      if (t) set.add(t);
    }
  }
  return set;
}

/** A line listing attachments that names a standard table (附件：1.部门收支总体情况表 2.…): the tables are
 *  published as that attachment. */
function attachmentOfTables(text: string): boolean {
  const m = /^\s*附件\s*\d*\s*[：:]\s*(.+)$/u.exec(text);
  return !!m && m[1]!.split(/\s+|(?:^|\s)?\d+[.、．]/u).some((p) => p.length >= 4 && !!tableDefForTitle(p));
}

export interface TemplateInfo {
  family: Family | null;
  tablesElsewhere: boolean;
}

/** The report's template family (null when its kind is unknown) and whether it says its tables are elsewhere. */
export function detectTemplate(doc: ExtractedDocument, units: TextUnit[]): TemplateInfo {
  const body = units.filter((u) => !u.cell);
  const elsewhere = config().elsewhere;
  // (a line and the line it wraps onto, on one page: 附件：北京市…局 2026 年度部门预 / 算报表, 北京 2026 预算)
  const wrapped = (u: TextUnit, i: number) => {
    const next = body[i + 1];
    return next && !next.heading && next.line.loc.page === u.line.loc.page ? u.line.text + next.line.text : null;
  };
  const says = (text: string | null) => text !== null && elsewhere.some((re) => re.test(text));
  const tablesElsewhere = body.some((u, i) => says(u.line.text) || attachmentOfTables(u.line.text) || (!says(u.line.text) && says(wrapped(u, i))));
  const kind = doc.document.kind;
  if (kind === null) return { family: null, tablesElsewhere };
  const named = `${doc.document.title ?? ''} ${doc.document.unit ?? ''}`;
  let best: { f: Family; share: number } | null = null;
  for (const f of families()) {
    if (f.kind !== kind) continue;
    if (f.title && !new RegExp(f.title, 'u').test(named)) continue;
    const found = f.tables.filter((t) => tablePresent(doc, units, f, t)).length;
    const share = f.tables.length ? found / f.tables.length : 0;
    if (!best || share > best.share) best = { f, share };
  }
  return { family: best?.f ?? null, tablesElsewhere };
}
