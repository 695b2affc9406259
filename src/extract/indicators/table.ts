// One indicator table: header row(s), then indicator rows with their level names filled down
// (merged or wrapped level cells), values as printed, and flags for blank and malformed values.
import type { Cell, Flag, Indicator, SourceTable } from '../../model.js';
import { fold, isBlank, isPlaceholder, lexicon, type Role } from './lexicon.js';
import { cellsByRole, logicalRow, mergeHeaderContinuation, readHeader, rowExcerpt, type Header } from './rows.js';
import { isMalformed } from './values.js';

export interface TableRead {
  indicators: Indicator[];
  flags: Flag[];
  /** Logical rows that are neither header nor indicator rows (project fields, budget block). */
  otherRows: Cell[][];
  /** The 得分 cell of a 总分 row below the indicators (its 分值 cell comes first, so the project
   *  reader's "next cell" rule would take the wrong one). */
  totalScore?: Cell;
  /** Whether an indicator header was found at all. */
  hasHeader: boolean;
  hasActual: boolean;
}

type Level = 'level1' | 'level2';
interface LevelState {
  text: string;
  members: Indicator[];
}

const VALUE_ROLES = ['target', 'actual', 'score'] as const;

/** Where reading stopped: a table continued on the next page picks up from here. */
export interface Carry {
  header: Header;
  levels: Record<Level, LevelState | null>;
}

export function readIndicatorTable(table: SourceTable, kind: string, carry?: Carry): TableRead & { carry: Carry | null } {
  const out: TableRead = { indicators: [], flags: [], otherRows: [], hasHeader: false, hasActual: false };
  let header: Header | null = carry?.header ?? null;
  let justHeader = false;
  const levels: Record<Level, LevelState | null> = carry ? { ...carry.levels } : { level1: null, level2: null };

  /** Join `text` to the level1 name above when together they make a known name (运行 / 成本). */
  const joinsLevel1 = (text: string) => {
    const cur = levels.level1;
    const names = lexicon().levelNames.level1;
    if (!cur || names.has(fold(text)) || !names.has(fold(cur.text + text))) return false;
    cur.text += text;
    for (const ind of cur.members) ind.level1 = cur.text;
    return true;
  };

  /** A header word, or the text of a cell of this table's own header band (分值（90）, 绩效指标绩效指标). */
  const inHeader = (c: Cell | undefined) => isHeaderWord(c) || (!!c && c.text !== '' && !!header?.labels.includes(fold(c.text)));

  const setLevel = (level: Level, cell: Cell | undefined, rowIsOnlyLevels: boolean) => {
    if (!cell || cell.spanned || cell.text === '' || isPlaceholder(cell.text) || inHeader(cell)) return;
    const names = lexicon().levelNames[level];
    const cur = levels[level];
    const text = cell.text;
    // In layouts that lose empty cells (PDF lines) a wrapped level1 word can land in level2's place.
    if (level === 'level2' && !names.has(fold(text)) && joinsLevel1(text)) return;
    const wrapped = cur && !names.has(fold(text)) && (rowIsOnlyLevels || names.has(fold(cur.text + text)));
    if (cur && wrapped) {
      cur.text += text;
      for (const ind of cur.members) ind[level] = cur.text;
      return;
    }
    levels[level] = { text, members: [] };
    if (level === 'level1') levels.level2 = null;
  };

  for (const gridRow of table.rows) {
    const row = logicalRow(gridRow);
    const h = readHeader(row);
    if (h) {
      header = h;
      justHeader = true;
      levels.level1 = levels.level2 = null;
      out.hasHeader = true;
      out.hasActual ||= h.roles.includes('actual');
      continue;
    }
    if (!header) {
      out.otherRows.push(row);
      continue;
    }
    if (justHeader && mergeHeaderContinuation(header, row)) continue;
    justHeader = false;
    if (row.every((c) => c.text === '')) continue;
    const by = cellsByRole(header, row);
    const l3 = by.level3;
    // Too short to reach the level3 column, or a footer line (总分, 偏差原因…) in its place.
    const label = row.find((c) => c.text !== '' && !c.spanned);
    const footer = label && lexicon().projectField.get(fold(label.text));
    if (footer === '自评得分' && by.score && by.score !== label) {
      out.totalScore = by.score;
      continue;
    }
    if (!l3 || footer || lexicon().projectField.has(fold(l3.text))) {
      const own = row.filter((c) => c.text !== '' && !c.spanned);
      if (own.length === 1 && !footer && joinsLevel1(own[0]!.text)) continue; // 履职 / 效能
      out.otherRows.push(row);
      continue;
    }
    // A header word (绩效指标, 三级指标, 指标值) in a name or value column is the header band's text
    // reaching into the body (a vertical or page-repeated header cell), never a name or a value.
    if ([l3, by.target, by.actual].some(inHeader)) {
      out.otherRows.push(row);
      continue;
    }
    const values = VALUE_ROLES.map((r) => by[r]).filter((c): c is Cell => !!c);
    // A row with nothing but level text continues the level cells above (履职 / 效能); a template
    // row (……) does not.
    const onlyLevels = l3.text === '' && values.every((c) => c.text === '');
    setLevel('level1', by.level1, onlyLevels);
    setLevel('level2', by.level2, onlyLevels);
    if (isBlank(l3.text)) {
      const placeholder = [by.level1, by.level2, l3, ...values].find((c) => c && !c.spanned && isPlaceholder(c.text));
      if (placeholder) out.flags.push(placeholderRowFlag(kind, placeholder, row));
      continue;
    }
    const ind: Indicator = {
      table: table.id,
      level1: levels.level1?.text ?? null,
      level2: levels.level2?.text ?? null,
      level3: l3.text,
      target: withUnit(valueOf(by.target), by.comparator, by.unit),
      actual: withUnit(valueOf(by.actual), undefined, by.unit),
      loc: l3.loc,
    };
    if (by.score) ind.score = valueOf(by.score);
    levels.level1?.members.push(ind);
    levels.level2?.members.push(ind);
    out.indicators.push(ind);
    for (const role of ['target', 'actual'] as const) {
      const c = by[role];
      if (c && isBlank(c.text)) out.flags.push(blankFlag(ind, c, headerLabel(header, role), row));
    }
    for (const role of VALUE_ROLES) {
      const c = by[role];
      if (c && isMalformed(c.text)) out.flags.push(malformedFlag(ind, c, headerLabel(header, role), row));
    }
  }
  return { ...out, carry: header ? { header, levels } : null };
}

/** The text of a column header (三级指标, 指标值, 绩效指标 …), wherever it stands. */
const isHeaderWord = (c: Cell | undefined) => !!c && c.text !== '' && lexicon().role.has(fold(c.text));

const valueOf = (c: Cell | undefined) => (c && !isBlank(c.text) ? c.text : null);

/** A bare number with the layout's separate comparator (≥) and unit (%, 人次) cells put back. */
function withUnit(value: string | null, comparator: Cell | undefined, unit: Cell | undefined): string | null {
  if (value === null || !/^-?\d+(\.\d+)?$/.test(value)) return value;
  const op = comparator && /^[≥≤<>＜＞]$/.test(comparator.text) ? comparator.text : '';
  return op + value + (unit && !isBlank(unit.text) ? unit.text : '');
}

const headerLabel = (h: Header, role: Role) => h.labels[h.roles.indexOf(role)] ?? role;

function blankFlag(ind: Indicator, cell: Cell, column: string, row: Cell[]): Flag {
  return {
    code: 'BLANK_VALUE',
    severity: 'warning',
    message: `绩效指标“${ind.level3}”的${column}未填写`,
    loc: cell.loc,
    excerpt: rowExcerpt(row),
    expected: null,
    found: cell.text === '' ? null : cell.text,
  };
}

function malformedFlag(ind: Indicator, cell: Cell, column: string, row: Cell[]): Flag {
  return {
    code: 'MALFORMED_VALUE',
    severity: 'error',
    message: `绩效指标“${ind.level3}”的${column}“${cell.text}”不是规范的数值或百分比`,
    loc: cell.loc,
    excerpt: rowExcerpt(row),
    expected: null,
    found: cell.raw.trim(),
  };
}

function placeholderRowFlag(kind: string, cell: Cell, row: Cell[]): Flag {
  return {
    code: 'BLANK_VALUE',
    severity: 'warning',
    message: `${kind}中留有未填写的指标行（${cell.text}）`,
    loc: cell.loc,
    excerpt: rowExcerpt(row),
    expected: null,
    found: cell.text,
  };
}
