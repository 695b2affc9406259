// patterns/indicators.yaml, compiled once: table kinds, column roles, placeholders, value shapes.
import { loadPattern } from '../../patterns.js';

export type Role = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'note' | 'comparator' | 'unit';

interface Raw {
  kinds: { kind: string; titles: string[] }[];
  untitled_kinds: { with_actual: string; without_actual: string };
  columns: Record<Role, string[]>;
  level1_names: string[];
  level2_names: string[];
  placeholders: string[];
  well_formed_numbers: string[];
  project_fields: Record<string, string[]>;
  fund_fields: Record<string, string[]>;
  budget_columns: Record<string, string[]>;
}

export interface Lexicon {
  kinds: { kind: string; titles: RegExp[] }[];
  untitled: Raw['untitled_kinds'];
  role: Map<string, Role>;
  levelNames: { level1: Set<string>; level2: Set<string> };
  placeholders: Set<string>;
  wellFormed: RegExp[];
  projectField: Map<string, string>;
  fundField: Map<string, string>;
  budgetColumn: Map<string, string>;
}

/** What varies between reports but not in meaning: spaces, line breaks, markers like （A） (B/A) （万元）. */
export function fold(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(](?:[A-Za-z][A-Za-z/×*+\-]*|万元|元|%|％)[)）]/g, '')
    .replace(/[：:]$/, '');
}

const invert = (m: Record<string, string[]>) => {
  const out = new Map<string, string>();
  for (const [key, names] of Object.entries(m)) for (const n of names) out.set(fold(n), key);
  return out;
};

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const raw = loadPattern<Raw>('indicators.yaml');
  cached = {
    kinds: raw.kinds.map((k) => ({ kind: k.kind, titles: k.titles.map((t) => new RegExp(t, 'u')) })),
    untitled: raw.untitled_kinds,
    role: invert(raw.columns) as Map<string, Role>,
    levelNames: { level1: new Set(raw.level1_names.map(fold)), level2: new Set(raw.level2_names.map(fold)) },
    placeholders: new Set(raw.placeholders),
    wellFormed: raw.well_formed_numbers.map((r) => new RegExp(r, 'u')),
    projectField: invert(raw.project_fields),
    fundField: invert(raw.fund_fields),
    budgetColumn: invert(raw.budget_columns),
  };
  return cached;
}

export const isBlank = (text: string) => text.trim() === '' || lexicon().placeholders.has(text.trim());
export const isPlaceholder = (text: string) => lexicon().placeholders.has(text.trim());
