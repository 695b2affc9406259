// Check: the watchdog's flags (issue 4). Each rule reads the extracted document and returns flags; the
// flags are appended to those of earlier stages, without flagging the same thing twice.
import type { CheckedDocument, ExtractedDocument, Flag } from '../model.js';
import { arithmeticChecks } from './arithmetic.js';
import { indexText, lineKey, textUnits, type TextUnit } from './lines.js';
import { Paragraph, paragraphsOf, tableRows } from './paragraphs.js';
import { detectTemplate, type TemplateInfo } from './family.js';
import { missingSections, tableChecks } from './structure.js';
import { blankValues, directionConflicts, malformedStatements, malformedValues, placeholderRow, proseDates, templateText, yearMismatch } from './text-rules.js';

export function check(doc: ExtractedDocument): CheckedDocument {
  const units = textUnits(doc);
  const tpl = detectTemplate(doc, units);
  const document = { ...doc.document, template: tpl.family?.key ?? null, tablesElsewhere: tpl.tablesElsewhere };
  return { ...doc, document, flags: dedupe([...doc.flags, ...checkFlags(doc, units, tpl)]) };
}

/** The flags of this stage only. */
export function checkFlags(doc: ExtractedDocument, units: TextUnit[] = textUnits(doc), tpl: TemplateInfo = detectTemplate(doc, units)): Flag[] {
  const { year, kind } = doc.document;
  const textFlags: Flag[] = [];
  // Within one number or one line: blanks, placeholder rows, malformed numbers, titles.
  for (const u of units) textFlags.push(...blankValues(u), ...placeholderRow(u), ...malformedValues(u), ...yearMismatch(u, year, kind));
  // Phrases: read on paragraphs (a phrase wrapped over a line or page break is still seen); a table
  // cell is a paragraph of its own, and only template text and direction are read there.
  // A table row printed as text is read for words only, not for statements.
  for (const p of paragraphsOf(units)) {
    textFlags.push(...templateText(p), ...directionConflicts(p));
    if (!tableRows.has(p)) textFlags.push(...malformedStatements(p), ...proseDates(p, year, kind));
  }
  for (const u of units) {
    if (!u.cell) continue;
    const p = new Paragraph([{ line: u.line, block: u.block }]);
    textFlags.push(...templateText(p), ...directionConflicts(p));
  }
  // In reading order (line rules and paragraph rules interleaved), the earlier rule first on one spot.
  const order = new Map(units.map((u, i) => [lineKey(u.line.loc) + (u.line.loc.table ?? ''), i]));
  const at = (f: Flag) => (f.loc ? (order.get(lineKey(f.loc) + (f.loc.table ?? '')) ?? 0) : 0);
  const flags = textFlags.map((f, i) => ({ f, i })).sort((a, b) => at(a.f) - at(b.f) || a.i - b.i).map((x) => x.f);
  const text = indexText(units);
  flags.push(...missingSections(doc, units, tpl), ...tableChecks(doc, units, tpl), ...arithmeticChecks(doc, text));
  return flags.filter((f) => !(isPlaceholder(f) && doc.flags.some((g) => g.loc && f.loc && lineKey(g.loc) === lineKey(f.loc))));
}

/** A placeholder row (……) another stage already flagged (the indicator tables) is not flagged again. */
const isPlaceholder = (f: Flag) => f.code === 'TEMPLATE_TEXT' && f.severity === 'info';

/** Two flags are one when they have the same code and place: the same line (or cell) and overlapping
 *  spans, or no span on one of them (another stage flagged the whole cell). The first one wins. */
export function dedupe(flags: Flag[]): Flag[] {
  const out: Flag[] = [];
  // Only flags of one code on one line can be at the same spot: compared within those, not with every
  // flag kept so far (a long report has thousands).
  const kept = new Map<string, Flag[]>();
  for (const f of flags) {
    const k = `${f.code}\u0000${f.loc ? lineKey(f.loc) : '-'}`;
    const same = kept.get(k);
    if (same?.some((g) => sameSpot(f, g))) continue;
    if (same) same.push(f);
    else kept.set(k, [f]);
    out.push(f);
  }
  return out;
}

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
