// Check: the watchdog's flags (issue 4). Each rule reads the extracted document and returns flags; the
// flags are appended to those of earlier stages, without flagging the same thing twice.
import type { CheckedDocument, ExtractedDocument, Fact, Flag } from '../model.js';
import { arithmeticChecks } from './arithmetic.js';
import { indexText, lineKey, textUnits, type TextUnit } from './lines.js';
import { Paragraph, paragraphsOf, tableRows } from './paragraphs.js';
import { detectTemplate, type TemplateInfo } from './family.js';
import { scrambledTables } from './identities.js';
import { projectLists } from './project-lists.js';
import { projectStages } from './project-stages.js';
import { buildSummary } from '../extract/summary.js';
import { missingSections, tableChecks, unprovenOnUnreadPages } from './structure.js';
import { type PageGaps, blankValues, cutYear, directionConflicts, malformedStatements, malformedValues, placeholderRow, proseDates, reasonDirections, templateText, yearMismatch } from './text-rules.js';

export function check(doc: ExtractedDocument): CheckedDocument {
  const units = textUnits(doc);
  const tpl = detectTemplate(doc, units);
  const document = { ...doc.document, template: tpl.family?.key ?? null, tablesElsewhere: tpl.tablesElsewhere };
  const flags = checkFlags(doc, units, tpl);
  const { summary, earlier } = withoutScrambled(doc, scrambledTables(doc));
  return { ...doc, document, summary, flags: withoutUnitSlips(dedupe([...earlier, ...flags])) };
}

/** A figure whose unit is flagged wrong (UNIT_SUSPECT: the text prints a table's very digits under another unit)
 *  differs from its table cell for that reason alone: no VALUE_CONFLICT on it too. */
function withoutUnitSlips(flags: Flag[]): Flag[] {
  const slips = new Set(flags.filter((f) => f.code === 'UNIT_SUSPECT' && f.loc).map((f) => `${lineKey(f.loc!)}|${f.found}`));
  if (!slips.size) return flags;
  return flags.filter((f) => f.code !== 'VALUE_CONFLICT' || !f.loc || !slips.has(`${lineKey(f.loc)}|${f.found}`));
}

/** A table whose figures are out of line with their 科目 (one SUM_MISMATCH on the table) gives no summary
 *  value: the summary's rules are applied again to that metric without the table's figures (the
 *  narrative's statement, or another table, or nothing: absent, never the doubted figure), and the
 *  summary's warnings that preferred the table's figure (`以表格数为准`) go; the table's flag lists
 *  every disagreement. */
function withoutScrambled(doc: ExtractedDocument, tables: Set<string>): { summary: ExtractedDocument['summary']; earlier: Flag[] } {
  if (!tables.size) return { summary: doc.summary, earlier: doc.flags };
  const tableOf = (f: Fact) => (f.from === 'table' ? (f.about?.tableId ?? f.loc.table) : undefined);
  const doubted = (f: Fact) => tables.has(tableOf(f) ?? '');
  const byId = new Map(doc.facts.map((f) => [f.id, f]));
  const summary = { ...doc.summary };
  const dropped: Fact[] = [];
  const again: Flag[] = [];
  for (const [metric, e] of Object.entries(doc.summary)) {
    const f = byId.get(e.factId);
    if (!f || !doubted(f)) continue;
    dropped.push(f);
    const redone = buildSummary(doc.facts.filter((g) => g.metric === metric && !doubted(g)), doc.document.year, doc.document.kind);
    if (redone.summary[metric]) summary[metric] = redone.summary[metric];
    else delete summary[metric];
    again.push(...redone.flags);
  }
  const textAt = (g: Flag, metric: string | null) => doc.facts.some((t) => t.from === 'text' && t.metric === metric && t.loc.line === g.loc?.line && t.loc.page === g.loc?.page && t.loc.paragraph === g.loc?.paragraph);
  const preferred = (g: Flag) => g.code === 'VALUE_CONFLICT' && dropped.some((f) => g.expected === `${f.text}${f.unit}` && textAt(g, f.metric));
  return { summary, earlier: [...doc.flags.filter((g) => !preferred(g)), ...again] };
}

/** Whether the document is a single-spaced dump: over 20 lines of text outside tables, none with a run of two
 *  spaces between characters. */
export function singleSpacedText(units: TextUnit[]): boolean {
  let lines = 0;
  for (const u of units) {
    if (u.cell || u.line.raw.trim() === '') continue;
    lines++;
    if (/\S[ \u3000\u00a0]{2,}\S/u.test(u.line.raw)) return false;
  }
  return lines > 20;
}

/** For blankValues, per line: the last line of text of the page before, where the line opens its page under no
 *  more than two lines (a running head; page numbers — 12, - 12 -, 第12页 — are no text); and `singleSpaced`. */
export function pageGaps(units: TextUnit[], singleSpaced: boolean): (u: TextUnit, i: number) => PageGaps {
  const folio = (raw: string) => /^[\s\-—─–_]*(?:第\s*)?\d{1,3}(?:\s*页)?[\s\-—─–_]*$/u.test(raw);
  return (u, i) => {
    const page = u.line.loc.page;
    let k = i - 1;
    let above = 0;
    while (k >= 0 && units[k]!.line.loc.page === page) {
      if (units[k]!.line.raw.trim() !== '') above++;
      k--;
    }
    if (u.cell || page === undefined || above > 2 || k < 0) return { singleSpaced };
    while (k >= 0 && (units[k]!.line.raw.trim() === '' || folio(units[k]!.line.raw))) k--;
    const prev = units[k];
    return { singleSpaced, ...(prev && !prev.cell && prev.line.loc.page === page - 1 ? { prevTail: prev.line } : {}) };
  };
}

/** The flags of this stage only. */
export function checkFlags(doc: ExtractedDocument, units: TextUnit[] = textUnits(doc), tpl: TemplateInfo = detectTemplate(doc, units)): Flag[] {
  const { year, kind } = doc.document;
  const textFlags: Flag[] = [];
  // Within one number or one line: blanks, placeholder rows, malformed numbers, titles.
  // (the lines above a line, nearest first, for a unit that is a wrapped cell's tail: blankValues)
  const aboveOf = (i: number) => {
    const u = units[i]!;
    const out = [];
    for (let j = i - 1; j >= Math.max(0, i - 3) && !u.cell; j--) {
      const p = units[j]!;
      if (p.cell || p.line.loc.page !== u.line.loc.page) break;
      out.push(p.line);
    }
    return out;
  };
  const single = singleSpacedText(units);
  const gaps = pageGaps(units, single);
  units.forEach((u, i) => textFlags.push(...blankValues(u, aboveOf(i), gaps(u, i)), ...placeholderRow(u), ...malformedValues(u), ...yearMismatch(u, year, kind, aboveOf(i)[0])));
  // (the contents is no text to read for figures, but its entries are titles: a year cut short there is one)
  if (year !== null) doc.blocks.forEach((b, i) => b.kind === 'line' && doc.tocBlocks.has(i) && textFlags.push(...cutYear(b.line, year)));
  // Phrases: read on paragraphs (a phrase wrapped over a line or page break is still seen); a table
  // cell is a paragraph of its own, and only template text and direction are read there.
  // A table row printed as text is read for words only, not for statements.
  // (a reason against its statement is a warning: after the figures' rules, so that where they judged the
  // same words their verdict is the one kept)
  const reasons: Flag[] = [];
  const paragraphs = paragraphsOf(units);
  reasons.push(...projectLists(paragraphs.filter((p) => !tableRows.has(p))));
  for (const p of paragraphs) {
    textFlags.push(...templateText(p), ...directionConflicts(p));
    if (tableRows.has(p)) continue;
    textFlags.push(...malformedStatements(p, single), ...proseDates(p, year, kind));
    reasons.push(...reasonDirections(p), ...projectStages(p));
  }
  for (const u of units) {
    if (!u.cell && !u.heading) continue;
    const p = new Paragraph([{ line: u.line, block: u.block }]);
    // (a heading is read for leftovers of the template only: `第二部分 上海市XX局2024年度部门决算表`)
    textFlags.push(...templateText(p), ...(u.cell ? directionConflicts(p) : []));
  }
  // In reading order (line rules and paragraph rules interleaved), the earlier rule first on one spot.
  const order = new Map(units.map((u, i) => [lineKey(u.line.loc) + (u.line.loc.table ?? ''), i]));
  const at = (f: Flag) => (f.loc ? (order.get(lineKey(f.loc) + (f.loc.table ?? '')) ?? 0) : 0);
  const flags = textFlags.map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map((x) => x.f);
  const text = indexText(units);
  flags.push(...unprovenOnUnreadPages(doc, [...missingSections(doc, units, tpl), ...tableChecks(doc, units, tpl)]), ...arithmeticChecks(doc, text, tpl.family?.key ?? null), ...reasons);
  return flags.filter((f) => !(isPlaceholder(f) && doc.flags.some((g) => g.loc && f.loc && lineKey(g.loc) === lineKey(f.loc))));
}

/** A placeholder row (……) another stage already flagged (the indicator tables) is not flagged again. */
const isPlaceholder = (f: Flag) => f.code === 'TEMPLATE_TEXT' && f.severity === 'info';

/** Two flags are one when they have the same code and place: the same line (or cell) and overlapping
 *  spans, or no span on one of them (another stage flagged the whole cell). The first one wins, unless a
 *  later one is more severe: a rule that is certain (a total restated against the one row it names: error)
 *  is not hidden by a looser rule's warning at the same spot; the more severe flag takes the first one's place. */
export function dedupe(flags: Flag[]): Flag[] {
  const out: Flag[] = [];
  // Only flags of one code on one line can be at the same spot: compared within those, not with every
  // flag kept so far (a long report has thousands). Each kept flag remembers its index in `out`.
  const kept = new Map<string, { flag: Flag; at: number }[]>();
  for (const f of flags) {
    const k = `${f.code}\u0000${f.loc ? lineKey(f.loc) : '-'}`;
    const same = kept.get(k);
    const earlier = same?.find((g) => sameSpot(f, g.flag));
    if (earlier) {
      if (RANK[f.severity] > RANK[earlier.flag.severity]) {
        out[earlier.at] = f;
        earlier.flag = f;
      }
      continue;
    }
    const entry = { flag: f, at: out.length };
    if (same) same.push(entry);
    else kept.set(k, [entry]);
    out.push(f);
  }
  return out;
}

const RANK: Record<Flag['severity'], number> = { info: 0, warning: 1, error: 2 };

/** Flags about a named part (a table, a section) are the same only when they name the same part. */
const PART_CODES = new Set<Flag['code']>(['MISSING_SECTION', 'MISSING_TABLE']);

function sameSpot(a: Flag, b: Flag): boolean {
  if (a.code !== b.code) return false;
  if (PART_CODES.has(a.code) && a.expected !== b.expected) return false;
  if (!a.loc || !b.loc) return !a.loc && !b.loc && a.message === b.message;
  if (lineKey(a.loc) !== lineKey(b.loc)) return false;
  if (a.loc.table !== undefined && b.loc.table !== undefined && (a.loc.row !== b.loc.row || a.loc.col !== b.loc.col)) return false;
  if (a.loc.start === undefined || b.loc.start === undefined) return true;
  const ae = a.loc.end ?? a.loc.start + 1;
  const be = b.loc.end ?? b.loc.start + 1;
  return a.loc.start < be && b.loc.start < ae;
}
