// Building flags: where (loc), what (verbatim excerpt), why (plain Chinese) and the numbers involved.
import type { Flag, FlagCode, Line, Loc, Severity } from '../model.js';
import { severityOf } from './config.js';

export interface FlagExtras {
  severity?: Severity;
  expected?: string | number | null;
  found?: string | number | null;
}

export function makeFlag(code: FlagCode, message: string, loc: Loc | null, excerpt: string | null, extras: FlagExtras = {}): Flag {
  return {
    code,
    severity: extras.severity ?? severityOf(code),
    message,
    loc,
    excerpt,
    expected: extras.expected ?? null,
    found: extras.found ?? null,
  };
}

/** Where a statement stands, for a message that points back to it: 第N页第M行 (PDF, text), 第P段 (DOCX). */
export const placeOf = (loc: Loc): string => (loc.page !== undefined ? `第${loc.page}页第${loc.line}行` : `第${loc.paragraph ?? '?'}段`);

const CLAUSE_END = /[。；;！？!?]/;
const MAX_EXCERPT = 120;

/** The verbatim span of `raw` around [start, end): the sentence it sits in, cut to a readable length. */
export function clauseAround(raw: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !CLAUSE_END.test(raw[s - 1]!)) s--;
  let e = end;
  while (e < raw.length && !CLAUSE_END.test(raw[e]!)) e++;
  if (e < raw.length) e++; // keep the full stop
  if (e - s > MAX_EXCERPT) {
    s = Math.max(s, start - 40);
    e = Math.min(e, Math.max(end + 40, s + 60));
  }
  return raw.slice(s, e).trim() || raw.slice(start, end);
}

/** Raw offsets of the normalised text span [start, end) of a line. */
export function rawRange(line: Pick<Line, 'raw' | 'map'>, start: number, end: number): { start: number; end: number } {
  const s = line.map[start] ?? line.raw.length;
  const e = end > start ? (line.map[end - 1] ?? line.raw.length - 1) + 1 : s;
  return { start: s, end: e };
}

/** A flag on a span of a line, given in raw offsets. */
export function flagAtRaw(code: FlagCode, line: Pick<Line, 'raw' | 'loc'>, start: number, end: number, message: string, extras: FlagExtras = {}): Flag {
  const loc: Loc = { ...line.loc, start: start + (line.loc.start ?? 0), end: end + (line.loc.start ?? 0) };
  return makeFlag(code, message, loc, clauseAround(line.raw, start, end), extras);
}

/** A flag on a span of a line, given in normalised-text offsets. */
export function flagAtText(code: FlagCode, line: Line, start: number, end: number, message: string, extras: FlagExtras = {}): Flag {
  const r = rawRange(line, start, end);
  return flagAtRaw(code, line, r.start, r.end, message, extras);
}
