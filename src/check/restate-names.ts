// Narrative figures against the table rows they name by their label alone (issue 11, rule 1): “社会保障和就业
// 支出14,616.30万元” in a list of the 支出预算 restates the row 社会保障和就业支出 of a table — the 收支总表's
// 支出 side, a function-class table. A figure whose resolved 科目 code is known is compared by
// identities.ts (restatements); this covers the rest: a figure of the document's year whose label,
// folded, is exactly the name of table rows. It conflicts when it fits no amount cell of those rows (any
// column, any table of a compatible fund), at the printed precision: a row printed in several tables
// and columns (合计, 基本支出 …) gives several candidates, and the figure needs to fit only one.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { foldName } from '../extract/ledger.js';
import { makeFlag } from './flag.js';
import { figOf, sumFits } from './identities.js';

const FUNDS = new Set(['general_budget', 'gov_fund', 'state_capital']);

/** A narrative label as a row name: quotes, 类/款/项 markers and a leading year or ordinal dropped. */
function labelName(label: string): string {
  const bare = label
    .replace(/[“”"‘’]/g, '')
    .replace(/[（(]\s*\d{0,3}\s*(?:类|款|项)\s*[）)]/g, '')
    .replace(/^\s*\d{4}\s*年度?/, '');
  return foldName(bare);
}

/** Whether a cell of fund `cell` may be what a figure of fund `mine` restates: a figure that names no fund
 *  restates the all-sources tables (no fund); 财政拨款 covers the three funds; a fund covers itself. */
function compatible(mine: string | undefined, cell: string | undefined): boolean {
  if (!mine) return !cell;
  if (mine === 'fiscal') return cell === 'fiscal' || (cell !== undefined && FUNDS.has(cell));
  return cell === mine;
}

export function restatementsByName(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  const level = doc.document.kind === '预算' ? 'budget' : 'actual';
  const byName = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'table' || f.kind !== 'amount' || !f.about?.name || f.about.name.length < 3) continue;
    byName.set(f.about.name, [...(byName.get(f.about.name) ?? []), f]);
  }
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.about?.code) continue;
    if (year === null || f.year !== year) continue;
    const name = labelName(f.label);
    const cells = (byName.get(name) ?? []).filter((g) => g.role === f.role && (g.year === null || g.year === year) && compatible(f.about?.fund, g.about?.fund));
    if (!cells.length) continue;
    const mine = figOf(f.text, f.unit);
    if (!mine) continue;
    const figs = cells.map((g) => ({ g, fig: figOf(g.text, g.unit) }));
    // A cell that cannot be read as money makes the row uncertain: no verdict.
    if (figs.some((x) => !x.fig)) continue;
    if (figs.some((x) => sumFits(mine, [x.fig!]))) continue;
    const cell = figs[0]!.g;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '表格'}${page}“${name}”行为${cells.map((g) => `${g.text}${g.unit}`).filter((x, i, a) => a.indexOf(x) === i).join('、')}。`, { ...f.loc }, f.excerpt, {
        severity: 'warning',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}
