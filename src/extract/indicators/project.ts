// Project header fields of a 项目自评表 / 项目绩效目标表 (项目名称, 主管部门, 项目类别 ☑ …) and its
// budget block (预算数 / 执行数 / 执行率), as printed; 执行率 is checked against the amounts.
import type { Cell, Flag } from '../../model.js';
import { checksOf } from './checks.js';
import { fold, isBlank, lexicon } from './lexicon.js';
import { rowExcerpt } from './rows.js';
import { parseAmount, rateMismatch } from './values.js';

export type Project = Record<string, unknown>;
interface RateCells {
  budget?: Cell;
  executed?: Cell;
  rate?: Cell;
  row: Cell[];
}

export function readProjects(tableId: string, kind: string, rows: Cell[][], totalScore?: Cell): { projects: Project[]; flags: Flag[] } {
  const lex = lexicon();
  const projects: Project[] = [];
  let cur: Project | null = null;
  const fresh = (): Project => {
    const p: Project = { table: tableId, kind };
    projects.push(p);
    return p;
  };
  const set = (key: string, value: unknown) => {
    if (!cur || key in cur) cur = fresh();
    cur[key] = value;
  };
  const rateCells = new Map<Project, RateCells>();

  let budgetHeader: (string | null)[] | null = null;
  for (const row of rows) {
    const budgetKeys = row.map((c) => lex.budgetColumn.get(fold(c.text)) ?? null);
    if (budgetKeys.filter(Boolean).length >= 2) {
      budgetHeader = budgetKeys;
      continue;
    }
    if (budgetHeader && readBudgetRow(budgetHeader, row)) {
      // The first row with amounts (年度资金总额) belongs to the project read so far.
      const project = cur ?? (cur = fresh());
      const header = budgetHeader;
      const offset = row.length - header.length;
      const cells: RateCells = { row };
      row.forEach((c, j) => {
        const key = header[j - offset];
        if (!key || key in project) return;
        project[key] = isBlank(c.text) ? null : c.text;
        if (key === '预算数') cells.budget = c;
        if (key === '执行数') cells.executed = c;
        if (key === '执行率') cells.rate = c;
      });
      rateCells.set(project, cells);
      budgetHeader = null;
      continue;
    }
    if (!(cur && BUDGET_KEYS.some((k) => k in cur!)) && readFundRow(row, set, () => cur)) continue;
    for (let j = 0; j < row.length; j++) {
      const key = lex.projectField.get(fold(row[j]!.text));
      if (!key) continue;
      const valueCell = row[j + 1];
      if (valueCell && lex.projectField.has(fold(valueCell.text))) continue;
      // The label carried down from the row above (a cell broken across a page): the value goes on.
      if (row[j]!.spanned && cur && key in cur) {
        const before = cur[key];
        if (valueCell && !valueCell.spanned && !isBlank(valueCell.text)) cur[key] = typeof before === 'string' ? before + valueCell.text : fieldValue(valueCell);
        j++;
        continue;
      }
      set(key, valueCell ? fieldValue(valueCell) : null);
      j++;
    }
  }

  if (totalScore && !isBlank(totalScore.text)) (cur ?? fresh())['自评得分'] = totalScore.text;

  const flags: Flag[] = [];
  for (const [project, { budget, executed, rate, row }] of rateCells) {
    if (!budget || !executed || !rate) continue;
    const mismatch = rateMismatch(budget.text, executed.text, rate.text);
    if (!mismatch) continue;
    const { expected, severity } = mismatch;
    const name = typeof project['项目名称'] === 'string' ? `项目“${project['项目名称']}”的` : '';
    flags.push({
      code: 'PERCENT_MISMATCH',
      severity,
      message: `${name}执行率${rate.text}与执行数${executed.text}÷预算数${budget.text}算得的${expected}不符${severity === 'warning' ? '（按所印数字的精度，两数在末位半个单位内取值时可相符）' : ''}`,
      loc: rate.loc,
      excerpt: rowExcerpt(row),
      expected,
      found: rate.text,
    });
  }
  return { projects, flags };
}

const BUDGET_KEYS = ['预算数', '执行数', '年初预算数'];
const UNIT_IN_LABEL = /[（(](万元|元)[)）]/u;

/** A funding row of a 绩效目标表 (年度资金总额：| 2112.76): its amount, and the unit its block's label
 *  gives (项目资金（万元）). A label whose next cell is not an amount gives nothing. */
function readFundRow(row: Cell[], set: (key: string, value: unknown) => void, current: () => Project | null): boolean {
  let read = false;
  for (let j = 0; j + 1 < row.length; j++) {
    const key = lexicon().fundField.get(fold(row[j]!.text));
    const value = row[j + 1]!;
    if (!key || parseAmount(value.text) === null) continue;
    set(key, value.text);
    read = true;
    j++;
  }
  const unit = read ? row.map((c) => UNIT_IN_LABEL.exec(c.text)?.[1]).find(Boolean) : undefined;
  const project = current();
  if (unit && project && !('资金单位' in project)) project['资金单位'] = unit;
  return read;
}

/** A row of the budget block holds at least one amount under 预算数 or 执行数. */
function readBudgetRow(header: (string | null)[], row: Cell[]): boolean {
  const offset = row.length - header.length;
  return row.some((c, j) => {
    const key = header[j - offset];
    return (key === '预算数' || key === '执行数' || key === '年初预算数') && parseAmount(c.text) !== null;
  });
}

/** A field's value: the checked option(s) of a checkbox cell, else the cell text; null when blank,
 *  or when the cell lists numbered options (1、… 2、… 3、…) whose boxes cannot be read (an OCR page reads
 *  □ as 口 and may lose ☑): the list is not the value, and which option is ticked is unknown. */
function fieldValue(cell: Cell): string | null {
  const checks = checksOf(cell);
  if (checks) {
    const on = checks.filter((c) => c.checked).map((c) => c.label);
    return on.length ? on.join('、') : null;
  }
  if (isOptionList(cell.text)) return null;
  return isBlank(cell.text) ? null : cell.text;
}

/** "1、部门预算项目2、市直专项口3、市对下转移支付项目口": two or more short numbered options, no sentence. */
function isOptionList(text: string): boolean {
  if (/[，。；,;：:]/u.test(text)) return false;
  const options = text.split(/(?<![\d.])[1-9]、(?=\p{Script=Han})/u).slice(1);
  return options.length >= 2 && options.every((o) => o.length <= 15);
}
