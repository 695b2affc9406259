// The metric lexicon (patterns/metrics.yaml): which canonical metric a phrase names.
import { loadPattern } from '../patterns.js';

export interface MetricDef {
  key: string;
  kind: 'amount' | 'count';
  /** The fact role the summary takes for this metric (default 'actual'). */
  role?: 'actual' | 'budget';
  names: string[];
  /** Phrases that name the metric only right after the year in prose. */
  afterYear?: string[];
  /** Names valid only as table row labels (ambiguous in prose). */
  tableOnly?: string[];
  /** Qualifiers the metric's definition carries: “<qualifier>的<name>” still names it. */
  impliedBy?: string[];
}

export type LabelContext = 'table' | 'text';

export const metricDefs = (): MetricDef[] => loadPattern<{ metrics: MetricDef[] }>('metrics.yaml').metrics;

export function metricDef(key: string): MetricDef | undefined {
  return metricDefs().find((m) => m.key === key);
}

/** Fold what varies between reports but not in meaning: quotes, brackets, spaces, the 和 of 社会保障和就业. */
export function foldLabel(label: string): string {
  return label
    .replace(/[“”"'‘’「」『』\s]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/社会保障和就业/g, '社会保障就业');
}

const byName: Record<LabelContext, Map<string, string> | null> = { table: null, text: null };

function index(context: LabelContext): Map<string, string> {
  let m = byName[context];
  if (!m) {
    m = new Map();
    for (const d of metricDefs()) {
      for (const n of d.names) m.set(foldLabel(n), d.key);
      if (context === 'table') for (const n of d.tableOnly ?? []) m.set(foldLabel(n), d.key);
    }
    byName[context] = m;
  }
  return m;
}

/** The canonical metric a label names exactly (after folding), or null. `context` 'text' leaves out
 *  names that are only unambiguous as table row labels. */
export function metricForLabel(label: string, context: LabelContext = 'table'): string | null {
  return index(context).get(foldLabel(label)) ?? null;
}

const sortedNames: Record<LabelContext, [string, string][] | null> = { table: null, text: null };

/** All folded names for a context, longest first (for tail matching). */
export function metricNames(context: LabelContext): [string, string][] {
  // Sorted once per context (called for every figure's label); a copy, as before, for the caller to keep.
  sortedNames[context] ??= [...index(context).entries()].sort((a, b) => b[0].length - a[0].length);
  return [...sortedNames[context]];
}

/** The metric a phrase names when it follows the year directly ("2023年度收入"), or null. */
export function metricAfterYear(phrase: string): string | null {
  return metricDefs().find((d) => d.afterYear?.includes(phrase))?.key ?? null;
}
