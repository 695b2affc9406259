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
/** Document order: by sheet (in `sheets`' order: a workbook's sheets as the record meets them), then page or
 *  paragraph, line and start; flags about the whole document first. */
export function compareFlags(a: Flag, b: Flag, sheets: readonly string[] = []): number {
  const la = a.loc;
  const lb = b.loc;
  if (!la || !lb) return (la ? 1 : 0) - (lb ? 1 : 0) || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  const sheet = (s: string | undefined) => (s === undefined ? -1 : sheets.indexOf(s) < 0 ? sheets.length : sheets.indexOf(s));
  return (
    sheet(la.sheet) - sheet(lb.sheet) ||
    (la.sheet !== lb.sheet ? (la.sheet ?? '').localeCompare(lb.sheet ?? '') : 0) ||
    (la.page ?? la.paragraph ?? 0) - (lb.page ?? lb.paragraph ?? 0) ||
    la.line - lb.line ||
    (la.start ?? 0) - (lb.start ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
  );
}

export const sortFlags = (flags: readonly Flag[], sheets: readonly string[] = []): Flag[] => [...flags].sort((a, b) => compareFlags(a, b, sheets));

/** A workbook record's sheets in the order its tables and facts meet them (empty for other formats). */
export const sheetOrder = (r: { tables: readonly { loc: { sheet?: string } }[]; facts: readonly { loc: { sheet?: string } }[] }): string[] => [
  ...new Set([...r.tables, ...r.facts].flatMap((x) => (x.loc.sheet === undefined ? [] : [x.loc.sheet]))),
];
