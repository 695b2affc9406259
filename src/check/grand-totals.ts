// The grand total a report's explanation opens with (issue 11, rule 1): “上海市普陀区财政局2024年度收入支出总计
// 2995.39万元” restates the 总计 row of the 收支总表, “…财政拨款收入支出总计2961.68万元” that of the 财政拨款收支总表.
// The row is printed on both sides of its table and the two are equal (the template's balance), so the
// figure has one value to match, at the printed precision. Which tables, rows and words: patterns/grand-totals.yaml.
import type { ExtractedDocument, Fact, Flag } from '../model.js';
import { foldName, fundIn } from '../extract/ledger.js';
import { foldTableText as fold } from '../table-titles.js';
import { loadPattern } from '../patterns.js';
import { makeFlag } from './flag.js';
import { figOf, restates, sumFits, type Fig } from './identities.js';
import { ownEntity } from './restate-names.js';

interface GrandTotals {
  tables: { all: string[]; fiscal: string[] };
  rows: string[];
  rowsWithoutTotal?: string[];
  label: string;
  sideLabel?: string;
  namedSide?: string;
  yearRows?: string[];
}

/** The 总计 cells of the one table of `kinds` (none when the family prints no such table or several). */
function grandCells(doc: ExtractedDocument, kinds: string[], fiscal: boolean, rows: Set<string>, level: Fact['role']): Fact[] {
  const year = doc.document.year;
  const cells = doc.facts.filter(
    (g) =>
      g.from === 'table' &&
      g.kind === 'amount' &&
      g.role === level &&
      (g.year === null || g.year === year) &&
      !g.about?.code &&
      kinds.includes(g.about?.table ?? '') &&
      rows.has(foldName(g.about?.name ?? '')) &&
      // (the 财政拨款 table's 总计 row also prints each fund's column: only the all-funds cells)
      (fiscal ? g.about?.fund === 'fiscal' : !g.about?.fund),
  );
  const tables = new Set(cells.map((g) => g.about?.tableId));
  return tables.size === 1 ? cells : [];
}

export function grandTotals(doc: ExtractedDocument): Flag[] {
  const flags: Flag[] = [];
  const year = doc.document.year;
  if (year === null) return flags;
  const p = loadPattern<GrandTotals>('grand-totals.yaml');
  const words = new RegExp(p.label, 'u');
  const rows = new Set(p.rows.map(foldName));
  // (any 总计 row, whatever its name: 收入总计, 支出总计 … and the ones the words list)
  const allRows = new Set([...rows, ...doc.facts.flatMap((g) => (g.from === 'table' && g.about?.name?.endsWith('总计') ? [g.about.name] : []))]);
  const level: Fact['role'] = doc.document.kind === '预算' ? 'budget' : 'actual';
  for (const f of doc.facts) {
    if (f.from !== 'text' || f.kind !== 'amount' || f.role !== level || f.year !== year || f.about?.code) continue;
    const label = fold(f.label).replace(/\d{4}年度?/gu, '');
    const m = words.exec(label);
    if (!m) {
      const side = sideTotal(doc, p, f, label, level);
      if (side) flags.push(side);
      continue;
    }
    let head = label.slice(0, m.index);
    const fund = fundIn(head);
    // (财政拨款 alone names the 财政拨款收支总表; a single fund's total is a column of it, not its row)
    if (fund && fund !== 'fiscal') continue;
    if (fund) head = head.replace(/财政拨款$/u, '');
    if (fundIn(head) || !ownEntity(head, doc.document.unit)) continue;
    // (a table that prints no 总计 row has no carry-overs apart: its 合计 row is the grand total — 江苏 预算04)
    let cells = grandCells(doc, fund ? p.tables.fiscal : p.tables.all, !!fund, rows, level);
    if (!cells.length && p.rowsWithoutTotal && !grandCells(doc, fund ? p.tables.fiscal : p.tables.all, !!fund, allRows, level).length) cells = grandCells(doc, fund ? p.tables.fiscal : p.tables.all, !!fund, new Set(p.rowsWithoutTotal.map(foldName)), level);
    const figs = cells.map((g) => figOf(g.text, g.unit));
    const mine = figOf(f.text, f.unit);
    if (!mine || !figs.length || figs.some((x) => !x)) continue;
    const sure = figs as Fig[];
    // The table's own sides must agree first; where they do not, the table's check says so.
    if (!sure.every((x) => sumFits(x, [sure[0]!]))) continue;
    // (a 万元 figure may cut off a 元 table's total rather than round it: restates, as the other restatements)
    const cell = cells[0]!;
    if (restates(mine, f.unit, sure[0]!, cell.unit)) continue;
    const page = cell.loc.page !== undefined ? `第${cell.loc.page}页` : '';
    flags.push(
      makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${cell.about?.table ?? '收支总表'}${page}“${cell.about?.name ?? '总计'}”行为${cell.text}${cell.unit}。`, { ...f.loc }, f.excerpt, {
        severity: 'error',
        expected: `${cell.text}${cell.unit}`,
        found: `${f.text}${f.unit}`,
      }),
    );
  }
  return flags;
}

/** A side's total in other words (总收入, 预算规模, 收入、支出预算均为…: grand-totals.yaml sideLabel), or the plain side
 *  word right after the entity's name (某局收入、支出分别为…: namedSide), with no metric of its own: it must fit the
 *  all-sources table's 总计 or one of its year rows, at the printed precision — which of them the words do not say. */
function sideTotal(doc: ExtractedDocument, p: GrandTotals, f: Fact, label: string, level: Fact['role']): Flag | null {
  if (f.metric || !p.sideLabel || !p.yearRows) return null;
  const m = new RegExp(p.sideLabel, 'u').exec(label) ?? (p.namedSide ? new RegExp(p.namedSide, 'u').exec(label) : null);
  if (!m) return null;
  const head = label.slice(0, m.index);
  const named = !new RegExp(p.sideLabel, 'u').test(label);
  // (the plain side word only after the entity's own name: 事业收入, 本年收入 are other rows)
  if (fundIn(head) || !ownEntity(head, doc.document.unit) || (named && (!head || /^[我本]/u.test(head)))) return null;
  const totals = grandCells(doc, p.tables.all, false, new Set(p.rows.map(foldName)), level);
  const years = grandCells(doc, p.tables.all, false, new Set(p.yearRows.map(foldName)), level);
  const cells = [...totals, ...years];
  const mine = figOf(f.text, f.unit);
  if (!mine || !totals.length || cells.some((g) => !figOf(g.text, g.unit))) return null;
  if (cells.some((g) => restates(mine, f.unit, figOf(g.text, g.unit)!, g.unit))) return null;
  const show = (g: Fact) => `${g.loc.page !== undefined ? `第${g.loc.page}页` : ''}“${g.about?.name ?? '总计'}”行为${g.text}${g.unit}`;
  const near = totals[0]!;
  return makeFlag('VALUE_CONFLICT', `正文数字与表格不一致：此处写${f.text}${f.unit}，${near.about?.table ?? '收支总表'}${[...new Map(cells.map((g) => [show(g), g])).keys()].join('、')}。`, { ...f.loc }, f.excerpt, {
    severity: 'error',
    expected: `${near.text}${near.unit}`,
    found: `${f.text}${f.unit}`,
  });
}
