// Check: the watchdog's flags (issue 4). Each rule reads the extracted document and returns flags; the
// flags are appended to those of earlier stages, without flagging the same thing twice.
import type { CheckedDocument, ExtractedDocument, Flag, Line } from '../model.js';
import { arithmeticChecks } from './arithmetic.js';
import { indexText, lineKey, textUnits, type TextIndex } from './lines.js';
import { missingSections, tableChecks } from './structure.js';
import { blankValues, directionConflicts, malformedValues, templateText, yearMismatch } from './text-rules.js';

export function check(doc: ExtractedDocument): CheckedDocument {
  return { ...doc, flags: dedupe([...doc.flags, ...checkFlags(doc)]) };
}

/** The flags of this stage only. */
export function checkFlags(doc: ExtractedDocument): Flag[] {
  const units = textUnits(doc);
  const flags: Flag[] = [];
  for (const u of units) {
    flags.push(...blankValues(u), ...templateText(u), ...malformedValues(u), ...directionConflicts(u), ...yearMismatch(u, doc.document.year, doc.document.kind));
  }
  const text = indexText(units);
  flags.push(...wrappedDirectionConflicts(text));
  flags.push(...missingSections(doc, units), ...tableChecks(doc, units), ...arithmeticChecks(doc, text));
  return flags.filter((f) => !(isPlaceholder(f) && doc.flags.some((g) => g.loc && f.loc && lineKey(g.loc) === lineKey(f.loc))));
}

/** A placeholder row (……) another stage already flagged (the indicator tables) is not flagged again. */
const isPlaceholder = (f: Flag) => f.code === 'TEMPLATE_TEXT' && f.severity === 'info';

/** 减少1089万元，上 / 升15% wrapped over two lines of one paragraph: matched on the two lines joined,
 *  flagged on the first line (matches within one line are found line by line). */
function wrappedDirectionConflicts(text: TextIndex): Flag[] {
  const flags: Flag[] = [];
  for (let i = 0; i + 1 < text.order.length; i++) {
    const a = text.order[i]!;
    const b = text.order[i + 1]!;
    if (text.paragraph.get(lineKey(a.loc)) !== text.paragraph.get(lineKey(b.loc))) continue;
    const joined: Line = { text: a.text + b.text, raw: a.raw + b.raw, map: [...a.map.slice(0, -1), ...b.map.map((m) => m + a.raw.length)], loc: a.loc };
    for (const f of directionConflicts({ line: joined })) {
      const start = f.loc?.start ?? 0;
      if (start >= a.raw.length || (f.loc?.end ?? 0) <= a.raw.length) continue;
      flags.push({ ...f, loc: { ...a.loc, start, end: a.raw.length } });
    }
  }
  return flags;
}

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
