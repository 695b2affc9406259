import type { SourceTable } from '../../model.js';
import type { NumberedLine } from './index.js';

export interface FoundTables {
  startingAt: Map<NumberedLine, SourceTable>;
  consumed: Set<NumberedLine>;
}

export function findTables(_lines: NumberedLine[]): FoundTables {
  return { startingAt: new Map(), consumed: new Set() };
}
