// The JSON record of one document: the single source of truth. `juesuan schema` prints the JSON Schema
// generated from it, and every record written is validated against it.
import { z } from 'zod';
import { FLAG_CODES } from './model.js';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

/** The contract's canonical metrics, in the contract's order (dataset.csv columns). */
export const CANONICAL_METRICS = [
  'total_income',
  'fiscal_appropriation_income',
  'general_budget_appropriation_income',
  'gov_fund_appropriation_income',
  'state_capital_appropriation_income',
  'superior_subsidy_income',
  'business_income',
  'operating_income',
  'affiliated_remittance_income',
  'other_income',
  'total_expenditure',
  'basic_expenditure',
  'project_expenditure',
  'fiscal_appropriation_expenditure',
  'general_budget_appropriation_expenditure',
  'general_budget_initial_budget',
  'general_budget_basic_expenditure',
  'personnel_expenses',
  'public_expenses',
  'three_public_total',
  'overseas_travel',
  'official_vehicles',
  'official_reception',
  'agency_operating_expenses',
  'gov_procurement_total',
  'vehicles_count',
  'staff_authorized',
  'staff_funded',
  'staff_active',
  'staff_retired',
] as const;


export const LocSchema = z
  .object({
    page: z.number().int().positive().optional().describe('1-based page (PDF, text); absent for DOCX'),
    paragraph: z.number().int().positive().optional().describe('1-based paragraph (DOCX only)'),
    sheet: z.string().optional().describe('worksheet name (spreadsheets only)'),
    cell: z.string().optional().describe('A1 address of the cell (spreadsheets only)'),
    line: z.number().int().positive().describe('1-based line within the page (or within the paragraph for DOCX)'),
    start: z.number().int().nonnegative().optional().describe('UTF-16 offset of the item in the original line text'),
    end: z.number().int().nonnegative().optional(),
    table: z.string().optional().describe('id of the table the item sits in'),
    row: z.number().int().nonnegative().optional(),
    col: z.number().int().nonnegative().optional(),
  })
  .strict();

const OcrSchema = z
  .object({
    engine: z.string(),
    confidence: z.number(),
    uncertain: z.array(z.object({ start: z.number().int(), end: z.number().int(), readings: z.array(z.string()) })).optional(),
  })
  .strict();

export interface OutlineRecord {
  id: string;
  level: number;
  marker: string;
  title: string;
  section: string | null;
  loc: z.infer<typeof LocSchema>;
  children: OutlineRecord[];
}

export const OutlineNodeSchema: z.ZodType<OutlineRecord> = z.lazy(() =>
  z
    .object({
      id: z.string(),
      level: z.number().int().min(1).max(9),
      marker: z.string().describe('the numbering as printed (第三部分, 一、, （一）…); empty for a heading recovered from its title'),
      title: z.string(),
      section: z.string().nullable().describe('canonical section key of the national template, or null'),
      loc: LocSchema,
      children: z.array(OutlineNodeSchema),
    })
    .strict(),
);

export const FactSubjectSchema = z
  .object({
    table: z.string().optional().describe('table kind the figure is a cell of or restates'),
    tableId: z.string().optional(),
    row: z.number().int().optional(),
    col: z.number().int().optional(),
    code: z.string().optional().describe('功能分类 (3/5/7 digits) or 经济分类 code'),
    codeKind: z.enum(['function', 'economic']).optional(),
    name: z.string().optional().describe('科目名称 or row label, folded'),
    column: z.string().optional().describe('canonical column meaning (patterns/columns.yaml)'),
    fund: z.string().optional().describe('fiscal | general_budget | gov_fund | state_capital'),
    scope: z.literal('item').optional().describe('one item’s figure (a unit’s, a 科目’s) in a list stated item by item: not the document’s, so no metric'),
  })
  .strict();

export const FactSchema = z
  .object({
    id: z.string(),
    label: z.string().describe('the metric phrase as written'),
    metric: z.string().nullable().describe('canonical metric key, or null'),
    kind: z.enum(['amount', 'percent', 'count']),
    value: z.number(),
    text: z.string().describe('the number as printed'),
    unit: z.string(),
    yuan: z.number().int().optional().describe('amounts only: integer 元, exact'),
    year: z.number().int().nullable(),
    role: z.enum(['actual', 'budget', 'prior_year', 'change', 'share', 'completion', 'other']),
    direction: z.enum(['increase', 'decrease', 'flat']).optional(),
    loc: LocSchema,
    excerpt: z.string(),
    section: z.string().nullable().optional().describe('canonical section key the fact sits in (its heading’s, else the nearest enclosing one’s)'),
    from: z.enum(['text', 'table']),
    ocr: OcrSchema.optional(),
    about: FactSubjectSchema.optional().describe('what the figure is about, in the tables’ keys (the ledger the checks reconcile)'),
  })
  .strict();

export const SummaryEntrySchema = z
  .object({
    value: z.number(),
    unit: z.string(),
    yuan: z.number().int().optional(),
    factId: z.string(),
  })
  .strict();

export const TableSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string().describe('公开01表 … 公开09表, a 预算 table kind, 绩效目标表, 项目自评表, or other'),
    unit: z.string().nullable(),
    loc: LocSchema,
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
    empty: z.boolean().nullable().describe('true: printed empty or explained as empty; false: it has rows; null: its title was found but its content could not be read as a table'),
    note: z.string().nullable().describe('the explanation printed with an empty table (本单位无…)'),
    unplaced: z
      .array(z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]))
      .optional()
      .describe('body cells [row, col] whose figure belongs to the row but whose column the reader could not be sure of'),
  })
  .strict();

export const IndicatorSchema = z
  .object({
    table: z.string(),
    level1: z.string().nullable(),
    level2: z.string().nullable(),
    level3: z.string(),
    target: z.string().nullable(),
    actual: z.string().nullable(),
    score: z.string().nullable().optional(),
    loc: LocSchema,
  })
  .strict();

export const FlagSchema = z
  .object({
    code: z.enum(FLAG_CODES),
    severity: z.enum(['error', 'warning', 'info']),
    message: z.string(),
    loc: LocSchema.nullable(),
    excerpt: z.string().nullable(),
    expected: z.union([z.string(), z.number()]).nullable(),
    found: z.union([z.string(), z.number()]).nullable(),
  })
  .strict();

export const DocumentRecordSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z
      .object({
        path: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(['pdf', 'docx', 'txt', 'html', 'xlsx', 'xls', 'doc']),
        pages: z.number().int().nonnegative(),
        ocrPages: z.array(z.number().int().positive()),
        unreadPages: z.array(z.number().int().positive()).optional(),
      })
      .strict(),
    document: z
      .object({
        title: z.string().nullable(),
        unit: z.string().nullable(),
        year: z.number().int().nullable(),
        kind: z.enum(['决算', '预算']).nullable(),
        unitKey: z
          .string()
          .nullable()
          .describe('the unit’s name normalised (patterns/units.yaml): equal for one unit’s reports across years and kinds, e.g. 上海市普陀区财政局 and 普陀区财政局 give 普陀区财政局'),
        template: z
          .string()
          .nullable()
          .optional()
          .describe('template family (patterns/required.yaml families): national-juesuan, university-juesuan, provincial-yusuan, university-yusuan; null when the kind is unknown'),
        tablesElsewhere: z.boolean().optional().describe('the report says its tables are published in a separate file (公开表附后, 附件：…公开表)'),
      })
      .strict(),
    outline: z.array(OutlineNodeSchema),
    facts: z.array(FactSchema),
    summary: z.record(z.string(), SummaryEntrySchema),
    tables: z.array(TableSchema),
    indicators: z.array(IndicatorSchema),
    projects: z.array(z.record(z.string(), z.unknown())).describe('项目自评表 header fields, verbatim'),
    flags: z.array(FlagSchema),
  })
  .strict();

export type DocumentRecord = z.infer<typeof DocumentRecordSchema>;

export function recordJsonSchema(): unknown {
  return z.toJSONSchema(DocumentRecordSchema, { target: 'draft-2020-12' });
}
