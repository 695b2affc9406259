// The data that flows through the pipeline: ingest → segment → extract → check → write.
// Each stage takes the previous stage's document and returns a richer one; flags travel with the
// document (like mammoth's Result{value, messages}) instead of being thrown or logged.

export type Format = 'pdf' | 'docx' | 'txt' | 'html' | 'xlsx' | 'xls' | 'doc';
export type Severity = 'error' | 'warning' | 'info';
/** The contract's flag codes, in the contract's order (also the order report.html lists them in); the last
 *  two come from the batch-level checks across documents (src/check/cross-document.ts). */
export const FLAG_CODES = [
  'BLANK_VALUE',
  'TEMPLATE_TEXT',
  'MISSING_SECTION',
  'MISSING_TABLE',
  'EMPTY_TABLE_UNEXPLAINED',
  'SUM_MISMATCH',
  'PERCENT_MISMATCH',
  'VALUE_CONFLICT',
  'DIRECTION_CONFLICT',
  'UNIT_SUSPECT',
  'YEAR_MISMATCH',
  'MALFORMED_VALUE',
  'OCR_UNCERTAIN',
  'PRIOR_YEAR_MISMATCH',
  'BUDGET_MISMATCH',
  'DAMAGED_TEXT',
] as const;
export type FlagCode = (typeof FLAG_CODES)[number];

/** Where something stands in the source. `line` is 1-based within the page (PDF, text) or within the
 *  paragraph (DOCX, which has no pages and gives `paragraph` instead of `page`). `start`/`end` are
 *  UTF-16 offsets into the original (raw) text of that line. Table cells add `row`/`col` (0-based).
 *  A spreadsheet gives `sheet` (its name) and `cell` (A1 address) instead of `page`; there `line` is
 *  the sheet's 1-based row. An HTML page gives `line` within the document; a legacy Word file (.doc), like
 *  DOCX, gives `paragraph` and `line`. */
export interface Loc {
  page?: number;
  paragraph?: number;
  sheet?: string;
  cell?: string;
  line: number;
  start?: number;
  end?: number;
  table?: string;
  row?: number;
  col?: number;
}

export interface Flag {
  code: FlagCode;
  severity: Severity;
  message: string;
  loc: Loc | null;
  excerpt: string | null;
  expected: string | number | null;
  found: string | number | null;
}

/** What an OCR engine said about a line or a number: kept so facts from scanned pages can carry it. */
export interface OcrInfo {
  engine: string;
  confidence: number;
  /** Spans of `Line.text` (e.g. numbers) the engines read differently or with low confidence:
   *  facts must not be taken from them silently. */
  uncertain?: { start: number; end: number; readings: string[] }[];
}

/** One line of source text. `text` is normalised for matching (full-width digits and ％ folded, odd
 *  spaces removed); `raw` is verbatim; `map[i]` is the offset in `raw` of `text[i]` (length text.length+1),
 *  so any match in `text` maps back to `raw` for `loc` and `excerpt`. */
export interface Line {
  text: string;
  raw: string;
  map: number[];
  loc: Loc;
  /** Layout hints from the format, when it has them (DOCX heading styles, PDF font size). */
  hint?: { heading?: number; fontSize?: number; bold?: boolean };
  ocr?: OcrInfo;
  /** Where the line sits on its page (PDF and OCR lines): PDF user space in points, y up. Used only to
   *  crop the page for report.html's evidence; not part of the record. */
  box?: { x0: number; y0: number; x1: number; y1: number };
}

export interface Cell {
  text: string;
  raw: string;
  loc: Loc;
  /** True where the cell's text was filled in from a merged (row/col-spanning) neighbour. */
  spanned?: boolean;
  /** Checkbox options found in the cell (☑ 是 / □ 否). */
  checks?: { label: string; checked: boolean }[];
  /** From a scanned page: the engine, its confidence, and the spans of `text` it was unsure of
   *  (`uncertain`) or repaired (`repaired`: 477.447.73 read as 477,447.73). */
  ocr?: OcrInfo & { repaired?: { from: string; to: string } };
  /** The cell's value is not known for sure (an uncertain OCR reading; a page-text row whose figures
   *  could sit in more than one column): extract takes no figure from it. */
  uncertain?: 'ocr' | 'column';
}

/** A table as the format gave it: a rectangular grid, merges already filled out. */
export interface SourceTable {
  id: string;
  rows: Cell[][];
  loc: Loc;
  /** How many leading rows are header rows, when the format says (PDF header band, DOCX tblHeader). */
  headerRows?: number;
}

export type Block = { kind: 'line'; line: Line } | { kind: 'table'; table: SourceTable };

export interface Source {
  path: string;
  sha256: string;
  format: Format;
  pages: number;
  ocrPages: number[];
  /** Pages no text was got from while others have text (a dump's empty pages, a PDF's scanned pages not OCR'd):
   *  absent when there are none. */
  unreadPages?: number[];
}

/** What ingest hands on: the document's text and tables in reading order, whatever the format. */
export interface IngestedDocument {
  source: Source;
  blocks: Block[];
  flags: Flag[];
  /** Pictures in the report's content that could not be read (a web page's <img>s); not in the record. */
  pictures?: number;
}

export type DocKind = '决算' | '预算';

export interface DocumentMeta {
  title: string | null;
  unit: string | null;
  year: number | null;
  kind: DocKind | null;
  /** Template family (patterns/required.yaml `families`), set by the check stage from the report's
   *  structure: which tables it has, and its title. Null when the kind is unknown. */
  template?: string | null;
  /** The report says its tables are published in a separate file (公开表附后, 附件：…公开表). */
  tablesElsewhere?: boolean;
}

export interface OutlineNode {
  id: string;
  level: number;
  marker: string;
  title: string;
  section: string | null;
  loc: Loc;
  children: OutlineNode[];
}

/** What segment hands on: the document plus its outline; `sectionOf[i]` is the innermost outline node
 *  id that block i belongs to (null before the first heading), `headingBlocks` the blocks that are
 *  headings (not body text), `tocBlocks` the table of contents. */
export interface SegmentedDocument extends IngestedDocument {
  document: DocumentMeta;
  outline: OutlineNode[];
  sectionOf: (string | null)[];
  headingBlocks: Set<number>;
  tocBlocks: Set<number>;
}

export type FactKind = 'amount' | 'percent' | 'count';
export type Role = 'actual' | 'budget' | 'prior_year' | 'change' | 'share' | 'completion' | 'other';
export type Direction = 'increase' | 'decrease' | 'flat';

export interface Fact {
  id: string;
  label: string;
  metric: string | null;
  kind: FactKind;
  /** As printed, in `unit`. */
  value: number;
  /** The number exactly as printed (after normalisation), e.g. "2,940.05". */
  text: string;
  unit: string;
  /** Integer 元, for amounts only; computed from the printed decimal string, never via floating point. */
  yuan?: number;
  year: number | null;
  role: Role;
  direction?: Direction;
  loc: Loc;
  excerpt: string;
  /** Which outline section the fact sits in. */
  section?: string | null;
  from: 'text' | 'table';
  ocr?: OcrInfo;
  /** What the figure is about, resolved to the keys the tables use (the ledger of issue 11): a table cell
   *  gets its table, 科目 code/name and column meaning; a narrative figure gets the same keys where its
   *  wording names them. Checks reconcile figures through these keys; table_cells.csv is written from them. */
  about?: FactSubject;
}

/** The keys a figure is reconciled by. Every field is optional: only what is known is set. */
export interface FactSubject {
  /** Table kind (公开05表, 预算02表 …) the figure is a cell of, or the narrative figure restates. */
  table?: string;
  /** Table id (TableRecord.id) and the cell's row/col within its body, for table cells. */
  tableId?: string;
  row?: number;
  col?: number;
  /** 功能分类 code (3/5/7 digits, 类/款/项) or 经济分类 code (301, 30217). */
  code?: string;
  codeKind?: 'function' | 'economic';
  /** 科目名称 or row label, folded (no spaces, full-width folded). */
  name?: string;
  /** Canonical column meaning (patterns/columns.yaml): total, basic, project, budget, actual, prior_year, … */
  column?: string;
  /** Fund the figure belongs to: fiscal (财政拨款, all funds), general_budget, gov_fund, state_capital. */
  fund?: string;
  /** The figure is one item's (a unit's, a 科目's) in a list the prose states item by item, named with a document
   *  metric's words: not the document's figure, so it has no metric and is compared with no document total. */
  scope?: 'item';
}

export interface TableRecord {
  id: string;
  title: string;
  kind: string;
  unit: string | null;
  loc: Loc;
  header: string[];
  rows: string[][];
  /** true: printed empty (or explained as such); false: it has rows; null: its title was found but
   *  its content could not be read (lines of figures follow it, not a grid). */
  empty: boolean | null;
  note: string | null;
  /** Body cells [row, col] whose figure the reader put in a column it could not be sure of (a page-text row with
   *  fewer figures than columns that more than one placement fits): the figure is the row's, its column is not
   *  known. Absent when there are none. */
  unplaced?: [number, number][];
}

export interface Indicator {
  table: string;
  level1: string | null;
  level2: string | null;
  level3: string;
  target: string | null;
  actual: string | null;
  score?: string | null;
  loc: Loc;
}

export interface SummaryEntry {
  value: number;
  unit: string;
  yuan?: number;
  factId: string;
}

/** What extract hands on. */
export interface ExtractedDocument extends SegmentedDocument {
  facts: Fact[];
  tables: TableRecord[];
  indicators: Indicator[];
  projects: Record<string, unknown>[];
  summary: Record<string, SummaryEntry>;
}

/** What check hands on: the same document, flags complete. */
export type CheckedDocument = ExtractedDocument;
