// One flag as one line of `juesuan check` output: `file:page:line severity CODE message`, in document order.
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
  return `${path}:${formatLoc(flag.loc)} ${flag.severity} ${flag.code} ${oneLine(flag.message)}`;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Document order: flags about the whole document first (no place), then by page (or paragraph), line and
 *  column; at one place errors before warnings; otherwise as the checks emitted them (a stable sort). */
export function compareFlags(a: Flag, b: Flag): number {
  const la = a.loc;
  const lb = b.loc;
  if (!la || !lb) return (la ? 1 : 0) - (lb ? 1 : 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return (
    (la.page ?? la.paragraph ?? 0) - (lb.page ?? lb.paragraph ?? 0) ||
    la.line - lb.line ||
    (la.start ?? 0) - (lb.start ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

export const sortFlags = (flags: readonly Flag[]): Flag[] => [...flags].sort(compareFlags);
