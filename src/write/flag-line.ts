// One flag as one line of `juesuan check` output: `file:page:line CODE message`.
import type { Flag, Loc } from '../model.js';

/** Page (or ¶paragraph for DOCX) and line of a loc, `-` where unknown; a spreadsheet's sheet!cell. */
export function formatLoc(loc: Loc | null): string {
  if (!loc) return '-:-';
  if (loc.sheet !== undefined) return `${loc.sheet}!${loc.cell ?? `A${loc.line}`}`;
  const where = loc.page !== undefined ? String(loc.page) : loc.paragraph !== undefined ? `¶${loc.paragraph}` : '-';
  return `${where}:${loc.line}`;
}

const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, ' ');

export function formatFlagLine(path: string, flag: Flag): string {
  return `${path}:${formatLoc(flag.loc)} ${flag.code} ${oneLine(flag.message)}`;
}
