// The check stage's settings, read from patterns/checks.yaml, template-text.yaml and required.yaml.
import type { DocKind, FlagCode, Severity } from '../model.js';
import { loadPattern } from '../patterns.js';

export interface UnitRule {
  unit: string;
  notBefore?: string;
}

export interface SumRule {
  total: string[];
  parts: string[];
  complete: boolean;
}

export interface ChecksConfig {
  severities: Record<FlagCode, Severity>;
  tolerances: { percentHalfUnit: number; amountUnits: number; minPercentPoints: number };
  blank: { minGap: number; units: UnitRule[]; slot?: { before: string; cell?: string; units: string[] }; listSlot?: { before: string; units: string[] }; wrappedTail?: { minGap: number; maxDensity: number; reach: number }; cellWrap?: { minGap: number }; unitCell?: { minGap: number }; exemptBefore: string; date: string; dateMinGap: number; dateText: string };
  malformed: { pattern: string; what: string }[];
  direction: { up: string; down: string; gap: number };
  year: { titleLike: string; allowOffsets: Record<DocKind, number[]>; allowWhen: Record<string, string>; allowWhenKind?: Partial<Record<DocKind, Record<string, string>>> };
  sums: SumRule[];
  shareBases: { phrase: string; metric: string }[];
  /** The most distinct year totals of one base the tables may print for a share to be tried against each (share-bases.ts). */
  shareTableTotals?: number;
  /** Malformed statements read on paragraphs (text-rules.ts malformedStatements). */
  statements: { code: FlagCode; pattern: string; message: string; expected?: string; severity?: Severity }[];
  /** After a figure: the rest of a list of figures that closes on one unit (4125.49，4143.91万元): no statement flags its figures. */
  listUnit?: string;
  /** The words that open a list of a whole's parts (prose-figures.ts opensList). */
  listOpeners: string;
  proseDate: { pattern: string; allowOffsets: Record<DocKind, number[]>; target?: string };
  ocr: { thousandsAsPoint: string };
  /** Template families whose prose 收入总计 / 支出总计 are the year's own totals, not the balancing 总计 row. */
  balanceNotIn?: string[];
  /** Table text among body lines (paragraphs.ts): the line naming a table's unit, and the unit a figure in prose has after it. */
  tableText: { unitLine: string; unitAfter: string; unitInline: string };
  valueConflict: { metrics: string[]; roles: string[]; skipSections: string[]; sameLabel: boolean; sectionTotals?: Record<string, string[]> };
}

export interface TemplateConfig {
  phrases: { pattern: string; what: string; severity?: Severity }[];
  placeholders: { pattern: string; what: string; severity?: Severity };
}

export interface RequiredSet {
  /** `or`: other sections whose presence stands for this one (a template that explains it inside another). */
  sections: { key: string; what: string; names?: string[]; or?: string[]; severity?: Severity; table?: string }[];
  /** `or` holds only in a report with at most `atMost` of `sections` as headings (explanations merged). */
  merged?: { sections: string[]; atMost: number };
  tables: { kind: string; what: string; names: string[]; severity?: Severity }[];
}

export type RequiredConfig = Record<DocKind, RequiredSet> & {
  emptyExplanations: string[];
  emptySubjects?: string[];
  minSectionsFound: number;
  /** A file that is the 说明 alone: its title (regex) and the words of a heading that announces a table part. */
  explanationOnly?: { title: string; tablePart: string };
};

/** Canonical sections of patterns/sections.yaml (the segmenter's), for finding a section by its names. */
export const sectionNames = () => {
  const s = loadPattern<{ sections: { key: string; names: string[] }[] }>('sections.yaml');
  return new Map(s.sections.map((x) => [x.key, x.names]));
};

/** Canonical metrics of patterns/metrics.yaml and the phrases that name them. */
export const metricNames = () => {
  const m = loadPattern<{ metrics: { key: string; names: string[] }[] }>('metrics.yaml');
  return new Map(m.metrics.map((x) => [x.key, x.names]));
};

export const checksConfig = () => loadPattern<ChecksConfig>('checks.yaml');
export const templateConfig = () => loadPattern<TemplateConfig>('template-text.yaml');
export const requiredConfig = () => loadPattern<RequiredConfig>('required.yaml');

export const severityOf = (code: FlagCode): Severity => checksConfig().severities[code] ?? 'warning';
