// The hand-read annotations of the shared corpus (tests/annotations/*.yaml): their shape, how they are read,
// and when a flag counts as catching an annotated defect. Shared by tests/corpus-defects.test.ts and
// scripts/eval-defects.ts, so that the test and the evaluation judge a defect the same way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { CheckedDocument, Flag } from '../src/model.js';

export interface Defect {
  code: Flag['code'];
  page: number | null;
  line?: number;
  excerpt: string;
  what: string;
  todo?: string;
}
export interface Annotation {
  source: string;
  defects?: Defect[];
  errors?: Record<string, number>;
  falseErrors?: { code: string; page: number; line: number }[];
}

const dir = fileURLToPath(new URL('../tests/annotations/', import.meta.url));

/** The annotations of shared corpus documents that list their defects, by file name. */
export function corpusAnnotations(): { file: string; a: Annotation }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ file: f, a: parse(readFileSync(join(dir, f), 'utf8')) as Annotation }))
    .filter(({ a }) => a.source.startsWith('shared:corpus/') && a.defects !== undefined);
}

/** A flag of the defect's code at its place (±1 line: a wrapped statement or a table row's parent). */
export const flagsFor = (doc: CheckedDocument, d: Defect) =>
  doc.flags.filter((f) => f.code === d.code && (d.page === null ? f.loc === null : f.loc?.page === d.page && (d.line === undefined || Math.abs(f.loc.line - d.line) <= 1)));
