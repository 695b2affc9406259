// Rows as a reader sees them, whatever the format: DOCX/PDF grids repeat a merged cell in every
// grid slot it covers (copies marked `spanned`), the text form simply leaves merged cells out so
// rows differ in length. A "logical row" drops horizontal copies; columns are then matched to the
// header from the right, since what merges and goes missing is the label columns on the left.
import type { Cell } from '../../model.js';
import { fold, lexicon, type Role } from './lexicon.js';

export function logicalRow(row: Cell[]): Cell[] {
  return row.filter((c, j) => !(c.spanned && j > 0 && row[j - 1]!.text === c.text));
}

export interface Header {
  /** Folded header text per logical cell. */
  labels: string[];
  roles: (Role | null)[];
}

/** The row as an indicator header, or null: it needs a level3 column and a target or actual column. */
export function readHeader(row: Cell[]): Header | null {
  const labels = row.map((c) => fold(c.text));
  const roles = labels.map((l) => lexicon().role.get(l) ?? null);
  groupLabels(roles);
  if (!roles.includes('level3') || !(roles.includes('target') || roles.includes('actual'))) return null;
  return { labels, roles };
}

/** Levels run left to right (一级 | 二级 | 三级 | 指标值). A level3 name left of the level1 or level2
 *  column, or left of another level3 name (a 绩效指标 cell spelled down the table's left edge, framing
 *  the level columns), labels the group of columns, not a column of its own: its cells would be the
 *  label again, never a name. */
function groupLabels(roles: (Role | null)[]): void {
  const lastLevel = Math.max(roles.indexOf('level1'), roles.indexOf('level2'));
  roles.forEach((r, j) => {
    if (r === 'level3' && j < lastLevel) roles[j] = null;
  });
  // Two level-3 names (绩效指标 … 三级指标): the names are the column next to the values.
  const firstValue = roles.findIndex((r) => r === 'target' || r === 'actual');
  const level3 = roles.flatMap((r, j) => (r === 'level3' && (firstValue < 0 || j < firstValue) ? [j] : []));
  for (const j of level3.slice(0, -1)) roles[j] = null;
}

/** A header cell wrapped onto the next row (一级 / 指标): merge it into `h` and say so. */
export function mergeHeaderContinuation(h: Header, row: Cell[]): boolean {
  const offset = row.length - h.labels.length;
  const parts = row.map((c, j) => ({ c, k: j - offset })).filter(({ c }) => !c.spanned && c.text !== '');
  if (!parts.length) return false;
  const merged = parts.map(({ c, k }) => ({ k, label: fold((h.labels[k] ?? '') + c.text) }));
  if (!merged.every(({ k, label }) => k >= 0 && lexicon().role.has(label))) return false;
  for (const { k, label } of merged) {
    h.labels[k] = label;
    h.roles[k] = lexicon().role.get(label)!;
  }
  groupLabels(h.roles);
  return true;
}

/** The row's cell for each role, matched to the header from the right. */
export function cellsByRole(h: Header, row: Cell[]): Partial<Record<Role, Cell>> {
  const offset = row.length - h.labels.length;
  const out: Partial<Record<Role, Cell>> = {};
  row.forEach((c, j) => {
    const role = h.roles[j - offset];
    if (role && !out[role]) out[role] = c;
  });
  return out;
}

/** The row's source text, verbatim, for excerpts: its own (not copied) non-empty cells. */
export function rowExcerpt(row: Cell[]): string {
  return row
    .filter((c) => !c.spanned && c.raw.trim() !== '')
    .map((c) => c.raw.trim())
    .join(' ');
}
