// The rules of patterns/facts.yaml, compiled once.
import { loadPattern } from '../../patterns.js';
import type { Direction, FactKind, Role } from '../../model.js';

interface RoleRuleData {
  role: Role;
  pattern: string;
  direction?: Direction;
  kinds?: FactKind[];
  initial?: boolean;
}

interface FactsYaml {
  units: { amount: { unit: string; scale: number }[]; percent: string[]; count: string[] };
  thresholdAfter: string[];
  skipAfterNumber: string[];
  skipBeforeNumber: string[];
  sentenceEnd: string;
  labelStops: string;
  joinedWords?: string[];
  roles: RoleRuleData[];
  comparisonStart: string;
  labelPrefixes: string[];
  labelSuffixes: string[];
  enumeration: string;
  entitySuffixes: string[];
  respectivelyCue: string;
  listSeparators: string;
  initialBudgetMetric: Record<string, string>;
  labelRestartAfter: string[];
  labelRemarks: string;
  subunitWords: string[];
  purposeCues: string;
  verbFirstNot: { subjectEnds: string; objectHas: string };
  maxDecimals: number;
  tableRowNumbers: number;
  budgetInfix: string;
}

export interface UnitRule {
  unit: string;
  kind: FactKind;
  scale?: number;
}

export interface RoleRule extends RoleRuleData {
  /** The cue at the end of a segment. */
  re: RegExp;
  /** The cue as a whole string. */
  whole: RegExp;
}

export interface Rules {
  units: UnitRule[];
  thresholdAfter: string[];
  skipAfterNumber: string[];
  skipBeforeNumber: string[];
  sentenceEnd: RegExp;
  labelStop: RegExp;
  /** Words whose 、 is not a stop (收、支). */
  joinedWords: string[];
  roles: RoleRule[];
  comparisonStart: RegExp;
  labelPrefixes: string[];
  labelSuffixes: string[];
  enumeration: RegExp;
  entitySuffixes: string[];
  respectively: RegExp;
  listSeparators: RegExp;
  initialBudgetMetric: Record<string, string>;
  labelRestartAfter: string[];
  labelRemarks: RegExp;
  subunitWords: string[];
  purpose: RegExp;
  verbFirstNot: { subjectEnds: RegExp; objectHas: RegExp };
  maxDecimals: number;
  tableRowNumbers: number;
  budgetInfix: RegExp;
}

let compiled: Rules | null = null;

const byLengthDesc = (a: string, b: string) => b.length - a.length;

export function rules(): Rules {
  if (compiled) return compiled;
  const y = loadPattern<FactsYaml>('facts.yaml');
  const units: UnitRule[] = [
    ...y.units.amount.map((u) => ({ unit: u.unit, kind: 'amount' as const, scale: u.scale })),
    ...y.units.percent.map((u) => ({ unit: u, kind: 'percent' as const })),
    ...y.units.count.map((u) => ({ unit: u, kind: 'count' as const })),
  ].sort((a, b) => b.unit.length - a.unit.length);
  compiled = {
    units,
    thresholdAfter: y.thresholdAfter,
    skipAfterNumber: y.skipAfterNumber,
    skipBeforeNumber: [...y.skipBeforeNumber].sort(byLengthDesc),
    sentenceEnd: new RegExp(y.sentenceEnd),
    labelStop: new RegExp(y.labelStops),
    joinedWords: y.joinedWords ?? [],
    roles: y.roles.map((r) => ({ ...r, re: new RegExp(`(?:${r.pattern})$`), whole: new RegExp(`^(?:${r.pattern})$`) })),
    comparisonStart: new RegExp(y.comparisonStart),
    labelPrefixes: [...y.labelPrefixes].sort(byLengthDesc),
    labelSuffixes: [...y.labelSuffixes].sort(byLengthDesc),
    enumeration: new RegExp(y.enumeration),
    entitySuffixes: y.entitySuffixes,
    respectively: new RegExp(y.respectivelyCue),
    listSeparators: new RegExp(y.listSeparators),
    initialBudgetMetric: y.initialBudgetMetric ?? {},
    labelRestartAfter: y.labelRestartAfter,
    labelRemarks: new RegExp(y.labelRemarks, 'g'),
    subunitWords: y.subunitWords,
    purpose: new RegExp(y.purposeCues),
    verbFirstNot: { subjectEnds: new RegExp(y.verbFirstNot.subjectEnds, 'u'), objectHas: new RegExp(y.verbFirstNot.objectHas, 'u') },
    maxDecimals: y.maxDecimals,
    tableRowNumbers: y.tableRowNumbers,
    budgetInfix: new RegExp(y.budgetInfix),
  };
  return compiled;
}
