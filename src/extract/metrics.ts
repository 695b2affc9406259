// The metric lexicon (patterns/metrics.yaml): which canonical metric a phrase names.
import { loadPattern } from '../patterns.js';

export interface MetricDef {
  key: string;
  kind: 'amount' | 'count';
  names: string[];
}

export const metricDefs = (): MetricDef[] => loadPattern<{ metrics: MetricDef[] }>('metrics.yaml').metrics;

/** Fold what varies between reports but not in meaning: quotes, brackets, spaces, the 和 of 社会保障和就业. */
export function foldLabel(label: string): string {
  return label
    .replace(/[“”"'‘’「」『』\s]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/^[一二三四五六七八九十]+、/, '');
}

let byName: Map<string, string> | null = null;

/** The canonical metric a label names exactly (after folding), or null. */
export function metricForLabel(label: string): string | null {
  if (!byName) {
    byName = new Map();
    for (const m of metricDefs()) for (const n of m.names) byName.set(foldLabel(n), m.key);
  }
  return byName.get(foldLabel(label)) ?? null;
}
