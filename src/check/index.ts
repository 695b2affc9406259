// Check: the watchdog's flags (issue 4). Each rule reads the extracted document and returns flags; the
// flags are appended to those of earlier stages, without flagging the same thing twice.
import type { CheckedDocument, ExtractedDocument, Flag } from '../model.js';
import { arithmeticChecks } from './arithmetic.js';
import { indexText, lineKey, textUnits } from './lines.js';
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
  flags.push(...missingSections(doc, units), ...tableChecks(doc, units), ...arithmeticChecks(doc, indexText(units)));
  return flags;
}

/** Two flags are one when they have the same code and place: the same line (or cell) and overlapping
 *  spans, or no span on one of them (another stage flagged the whole cell). The first one wins. */
export function dedupe(flags: Flag[]): Flag[] {
  const out: Flag[] = [];
  for (const f of flags) {
    if (out.some((g) => sameSpot(f, g))) continue;
    out.push(f);
  }
  return out;
}

function sameSpot(a: Flag, b: Flag): boolean {
  if (a.code !== b.code) return false;
  if (!a.loc || !b.loc) return !a.loc && !b.loc && a.message === b.message;
  if (lineKey(a.loc) !== lineKey(b.loc)) return false;
  if (a.loc.table !== undefined && b.loc.table !== undefined && (a.loc.row !== b.loc.row || a.loc.col !== b.loc.col)) return false;
  if (a.loc.start === undefined || b.loc.start === undefined) return true;
  const ae = a.loc.end ?? a.loc.start + 1;
  const be = b.loc.end ?? b.loc.start + 1;
  return a.loc.start < be && b.loc.start < ae;
}
