// Hand-built documents for the check tests: lines of text and the facts an extractor would give.
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { CheckedDocument, DocKind, ExtractedDocument, Fact, FactKind, Line, Role, Direction } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const SCALE: Record<string, number> = { 亿元: 8, 万元: 4, 千元: 3, 元: 0 };

export interface FactSpec {
  line: number;
  /** The number as printed; `text + unit` is located in the line's raw text (the `nth` occurrence, default 0). */
  text: string;
  unit: string;
  role: Role;
  metric?: string | null;
  label?: string;
  direction?: Direction;
  nth?: number;
  section?: string | null;
}

export function docFrom(rawLines: string[], specs: FactSpec[] = [], opts: { year?: number; kind?: DocKind; summary?: Record<string, string> } = {}): ExtractedDocument {
  const lines: Line[] = rawLines.map((raw, i) => makeLine(raw, { page: 1, line: i + 1 }));
  const facts: Fact[] = specs.map((s, i) => {
    const line = lines[s.line - 1]!;
    let at = -1;
    const needle = line.raw.includes(s.text + s.unit) ? s.text + s.unit : s.text;
    for (let k = 0; k <= (s.nth ?? 0); k++) at = line.raw.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${s.text}" not on line ${s.line}`);
    const value = Number(s.text.replace(/,/g, ''));
    const kind: FactKind = s.unit === '%' ? 'percent' : SCALE[s.unit] !== undefined ? 'amount' : 'count';
    const f: Fact = {
      id: `f${i + 1}`,
      label: s.label ?? '',
      metric: s.metric ?? null,
      kind,
      value,
      text: s.text,
      unit: s.unit,
      year: opts.year ?? 2023,
      role: s.role,
      loc: { page: 1, line: s.line, start: at, end: at + s.text.length + s.unit.length },
      excerpt: line.raw,
      section: s.section ?? null,
      from: 'text',
    };
    if (kind === 'amount') f.yuan = exactYuan(s.text, SCALE[s.unit]!);
    if (s.direction) f.direction = s.direction;
    return f;
  });
  const summary: ExtractedDocument['summary'] = {};
  for (const [metric, id] of Object.entries(opts.summary ?? {})) {
    const f = facts.find((g) => g.id === id)!;
    summary[metric] = { value: f.value, unit: f.unit, factId: f.id, ...(f.yuan !== undefined ? { yuan: f.yuan } : {}) };
  }
  return {
    source: { path: 'test.txt', sha256: '', format: 'txt', pages: 1, ocrPages: [] },
    blocks: lines.map((line) => ({ kind: 'line' as const, line })),
    flags: [],
    document: { title: null, unit: null, year: opts.year ?? 2023, kind: opts.kind ?? '决算' },
    outline: [],
    sectionOf: lines.map(() => null),
    headingBlocks: new Set(),
    tocBlocks: new Set(),
    facts,
    tables: [],
    indicators: [],
    projects: [],
    summary,
  };
}

function exactYuan(printed: string, scale: number): number {
  const [int, frac = ''] = printed.replace(/,/g, '').split('.');
  const digits = (frac + '0'.repeat(scale)).slice(0, scale);
  return Number(int) * 10 ** scale + Number(digits || '0');
}

/** Flags as `line CODE` strings, for compact exact assertions. */
export const brief = (flags: { code: string; loc: { line: number } | null }[], codes?: string[]) =>
  flags.filter((f) => !codes || codes.includes(f.code)).map((f) => `${f.loc?.line ?? '-'} ${f.code}`);

/** A text document (its lines) run through the whole pipeline, OCR off. */
export async function runLines(lines: string[]): Promise<import('../src/model.js').CheckedDocument> {
  const [{ check }, { extract }, { ingest }, { segment }] = await Promise.all([import('../src/check/index.js'), import('../src/extract/index.js'), import('../src/ingest/index.js'), import('../src/segment/index.js')]);
  return check(extract(segment(await ingest(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' }))));
}

/** Lines of text through the whole pipeline (OCR off): what most check tests run their excerpts through. */
export const checkLines = async (lines: string[]): Promise<CheckedDocument> =>
  check(extract(segment(await ingest(new TextEncoder().encode(lines.join('\n')), { ocr: 'off' }))));
