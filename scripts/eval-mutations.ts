// Mutation evaluation on real layouts: each real corpus document (and the seed) is ingested once, then
// realistic defects are injected one at a time into its lines and table cells (a changed figure or cell,
// a swapped direction, a dropped % or unit, a blanked amount, a wrong year, a template choice left in,
// contradictory words fused), and segment → extract → check runs on the mutated document. Scored per rule
// family:
//   recall    — the injected defect is flagged with one of the family's codes at its place (its line, or the
//               line before, where a wrapped statement starts; for a figure, also a new flag that names it)
//   precision — of the new flags (those the clean document does not have), the share that are the injected
//               defect (a new flag elsewhere, or of a code the family does not expect, is a false one)
//   witnessed — for a changed figure or cell: whether the clean document holds evidence against the new
//               value at all (scripts/witness.ts, an oracle that reads only the printed figures); the recall
//               over witnessed mutations is printed beside the raw one, with the oracle's coincidence rate
// A flag is new when the clean document has none of that code, place and words (see `attribute`).
// Sites where the clean document already has a flag are not mutated. Seeded RNG: deterministic.
//
//   npx tsx scripts/eval-mutations.ts [--per-op N] [--seed S] [--doc SUBSTRING] [--misses] [--fps]
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine, normalize } from '../src/ingest/normalize.js';
import type { Block, CheckedDocument, Flag, FlagCode, IngestedDocument, Line, Loc } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { mulberry32 } from './prng.js';
import { shared } from './shared-dir.js';
import { type Held, Oracle, type Relation } from './witness.js';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Rule families: the operators that inject their defects, the codes that count as catching them, and
 *  which half of issue 11 owns them. */
export const FAMILIES: Record<string, { codes: FlagCode[]; owner: 'text' | 'figures' }> = {
  malformed: { codes: ['MALFORMED_VALUE'], owner: 'text' },
  blank: { codes: ['BLANK_VALUE'], owner: 'text' },
  template: { codes: ['TEMPLATE_TEXT'], owner: 'text' },
  direction: { codes: ['DIRECTION_CONFLICT'], owner: 'text' },
  year: { codes: ['YEAR_MISMATCH'], owner: 'text' },
  scan: { codes: ['OCR_UNCERTAIN'], owner: 'text' },
  comparison: { codes: ['DIRECTION_CONFLICT', 'VALUE_CONFLICT', 'PERCENT_MISMATCH', 'SUM_MISMATCH'], owner: 'figures' },
  narrative_figure: { codes: ['VALUE_CONFLICT', 'SUM_MISMATCH', 'PERCENT_MISMATCH', 'UNIT_SUSPECT', 'DIRECTION_CONFLICT'], owner: 'figures' },
  table_cell: { codes: ['SUM_MISMATCH', 'VALUE_CONFLICT', 'PERCENT_MISMATCH'], owner: 'figures' },
};

export interface Mutation {
  op: string;
  family: keyof typeof FAMILIES;
  block: number;
  /** For a table cell. */
  row?: number;
  col?: number;
  /** The new raw text of the line or cell. */
  raw: string;
  /** The line comes from OCR (the scan operator): Line.ocr is set. */
  ocr?: boolean;
  loc: Loc;
  /** What was injected, for the report and for matching a figure's flag. */
  was: string;
  now: string;
}


const PROSE = /[，。；、]/u;
const lineKey = (l: Loc) => `${l.page ?? ''}/${l.paragraph ?? ''}/${l.line}`;

/** A plausible other figure at the same precision: one digit changed (not the leading one, so the
 *  magnitude stays), or a few percent up or down. */
function otherFigure(text: string, r: () => number): string | null {
  const plain = text.replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(plain)) return null;
  const dec = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const digits = plain.replace('.', '');
  if (digits.replace(/^0+/, '').length < 2) return null;
  let out: string;
  if (r() < 0.5) {
    const positions = [...digits].map((_, i) => i).filter((i) => i > 0 || digits.length === 1);
    const p = positions[Math.floor(r() * positions.length)]!;
    const d = Number(digits[p]);
    const nd = (d + 1 + Math.floor(r() * 8)) % 10;
    const nd2 = p === 0 && nd === 0 ? 1 : nd;
    const changed = digits.slice(0, p) + nd2 + digits.slice(p + 1);
    out = dec ? `${changed.slice(0, changed.length - dec)}.${changed.slice(changed.length - dec)}` : changed;
  } else {
    const v = Number(plain) * (r() < 0.5 ? 1 - (0.03 + r() * 0.2) : 1 + (0.03 + r() * 0.2));
    out = v.toFixed(dec);
  }
  out = out.replace(/^0+(?=\d)/, '');
  if (out === plain || Number(out) === 0) return null;
  // keep thousands separators when the original had them
  if (text.includes(',')) {
    const [i, f] = out.split('.');
    out = i!.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? `.${f}` : '');
  }
  return out;
}

interface Site {
  op: string;
  family: keyof typeof FAMILIES;
  make: (r: () => number) => Omit<Mutation, 'op' | 'family'> | null;
}

const SWAP: Record<string, string> = { 增加: '减少', 减少: '增加', 增长: '下降', 下降: '增长', 上升: '下降', 大于: '小于', 小于: '大于' };
const CHOICE: Record<string, string> = { 增加: '增加（减少）', 减少: '减少（增加）', 增长: '增长（下降）', 下降: '下降（增长）', 上升: '上升（下降）', 大于: '大于（小于）', 小于: '小于（大于）' };
const FUSE: Record<string, string> = { 增加: '减增加', 减少: '增减少', 增长: '下降增长', 下降: '增长下降', 大于: '大小于', 小于: '小大于' };

/** The text lines right before and after a line the clean document flags with an error (one wrapped statement). */
export function besideErrors(doc: IngestedDocument, flags: Flag[]): Set<string> {
  const keys = doc.blocks.map((b) => (b.kind === 'table' ? null : lineKey(b.line.loc)));
  const erred = new Set(flags.filter((f) => f.severity === 'error' && f.loc && f.loc.table === undefined).map((f) => lineKey(f.loc!)));
  const out = new Set<string>();
  keys.forEach((k, i) => {
    if (k === null || !erred.has(k)) return;
    for (const j of [i - 1, i + 1]) if (keys[j]) out.add(keys[j]!);
  });
  return out;
}

/** Every place in the document a defect of each kind could be injected. */
export function sites(doc: IngestedDocument, headings: Set<number>, toc: Set<number>, year: number | null, kind: string | null, flagged: Set<string>, wholeTables = new Set<string>(), besideError = new Set<string>()): Site[] {
  const out: Site[] = [];
  const lineSite = (op: string, family: keyof typeof FAMILIES, i: number, line: Line, re: RegExp, edit: (m: RegExpExecArray, r: () => number) => { raw: string; was: string; now: string; at: number } | null) => {
    for (const m of line.raw.matchAll(new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g'))) {
      const mm = m as RegExpExecArray;
      out.push({
        op,
        family,
        make: (r) => {
          const e = edit(mm, r);
          if (!e) return null;
          return { block: i, raw: e.raw, loc: { ...line.loc, start: e.at, end: e.at + e.now.length }, was: e.was, now: e.now };
        },
      });
    }
  };
  doc.blocks.forEach((b, i) => {
    if (toc.has(i)) return;
    if (b.kind === 'table') {
      if (wholeTables.has(b.table.id)) return;
      b.table.rows.forEach((row, ri) =>
        row.forEach((cell, ci) => {
          if (cell.spanned || flagged.has(lineKey(cell.loc) + `#${ri}/${ci}`) || !/^\s*\d[\d,]*\.\d{2}\s*$/.test(cell.raw)) return;
          const label = row.map((c) => c.raw).join('');
          out.push({
            op: /合计|总计/.test(label) ? 'break_sum' : 'change_cell',
            family: 'table_cell',
            make: (r) => {
              const now = otherFigure(cell.raw.trim(), r);
              if (!now) return null;
              return { block: i, row: ri, col: ci, raw: now, loc: cell.loc, was: cell.raw.trim(), now };
            },
          });
        }),
      );
      return;
    }
    const line = b.line;
    if (flagged.has(lineKey(line.loc))) return;
    const isHeading = headings.has(i);
    const prose = PROSE.test(line.text) && !isHeading;
    // A table row printed as text (page-text dumps): its figures are cells.
    const textRow = !PROSE.test(line.text) && (line.raw.match(/\d[\d,]*\.\d{2}/g) ?? []).length >= 2;
    if (textRow) {
      lineSite('change_cell', 'table_cell', i, line, /(?<![\d.,])\d[\d,]*\.\d{2}(?![\d.])/, (m, r) => {
        const now = otherFigure(m[0], r);
        return now ? { raw: line.raw.slice(0, m.index) + now + line.raw.slice(m.index + m[0].length), was: m[0], now, at: m.index } : null;
      });
    }
    // a scan: the line read by OCR, a thousands comma read as a point (477,447.73 → 477.447.73)
    for (const m of line.raw.matchAll(/(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.])/g)) {
      out.push({
        op: 'ocr_thousands',
        family: 'scan',
        make: () => {
          const now = m[0].replace(/,/g, '.');
          return { block: i, raw: line.raw.slice(0, m.index) + now + line.raw.slice(m.index + m[0].length), loc: { ...line.loc, start: m.index, end: m.index + now.length }, was: m[0], now, ocr: true };
        },
      });
    }
    if (prose) {
      // a rate without its %
      lineSite('drop_percent', 'malformed', i, line, /(?<![\d.])(\d+(?:\.\d+)?)(\s*)[%％]/, (m) => ({ raw: line.raw.slice(0, m.index) + m[1] + m[2] + line.raw.slice(m.index + m[0].length), was: m[0], now: m[1]!, at: m.index }));
      // an amount without its unit
      lineSite('drop_unit', 'malformed', i, line, /(?<![\d.])(\d[\d,]*\.\d{1,2})(\s*)(万元|亿元)/, (m) => ({ raw: line.raw.slice(0, m.index) + m[1] + line.raw.slice(m.index + m[0].length), was: m[0], now: m[1]!, at: m.index }));
      // a blanked amount
      lineSite('blank_amount', 'blank', i, line, /(?<![\d.,])(\d[\d,]*(?:\.\d+)?)(\s*)(万元|元)/, (m) => ({ raw: line.raw.slice(0, m.index) + '    ' + m[2] + line.raw.slice(m.index + m[1]!.length + m[2]!.length), was: m[1]!, now: '    ', at: m.index }));
      // a changed narrative figure
      lineSite('change_figure', 'narrative_figure', i, line, /(?<![\d.,])(\d[\d,]*\.\d{2})(?=\s*万元)/, (m, r) => {
        const now = otherFigure(m[1]!, r);
        return now ? { raw: line.raw.slice(0, m.index) + now + line.raw.slice(m.index + m[1]!.length), was: m[1]!, now, at: m.index } : null;
      });
      // direction words: swapped where a rate follows the amount (the clause contradicts itself), swapped
      // alone (the comparison with the figures is wrong), a template choice left in, two words fused
      lineSite('swap_direction_rate', 'direction', i, line, /(增加|减少)(\s*\d[\d,]*(?:\.\d+)?\s*万元[，,]?\s*(?:同比)?)(增长|下降|上升)(\s*\d+(?:\.\d+)?\s*[%％])/, (m) => ({
        raw: line.raw.slice(0, m.index) + SWAP[m[1]!] + line.raw.slice(m.index + m[1]!.length),
        was: m[1]!,
        now: SWAP[m[1]!]!,
        at: m.index,
      }));
      // (not on a line beside one the clean document flags: a statement wrapped there may already be wrong, and
      // swapping its word can make it right — no defect injected)
      if (!besideError.has(lineKey(line.loc))) lineSite('swap_comparison', 'comparison', i, line, /(大于|小于)(?=\s*(?:年初)?预算)|(增加|减少)(?=\s*\d[\d,]*(?:\.\d+)?\s*万元(?![，,]?\s*(?:同比)?(?:增长|下降|上升)))/, (m) => {
        const w = m[0];
        return { raw: line.raw.slice(0, m.index) + SWAP[w] + line.raw.slice(m.index + w.length), was: w, now: SWAP[w]!, at: m.index };
      });
      lineSite('choice_marker', 'template', i, line, /增加|减少|增长|下降|上升|大于|小于/, (m) => ({ raw: line.raw.slice(0, m.index) + CHOICE[m[0]] + line.raw.slice(m.index + m[0].length), was: m[0], now: CHOICE[m[0]]!, at: m.index }));
      lineSite('fused_words', 'direction', i, line, /增加|减少|增长|下降|大于|小于/, (m) => ({ raw: line.raw.slice(0, m.index) + FUSE[m[0]] + line.raw.slice(m.index + m[0].length), was: m[0], now: FUSE[m[0]]!, at: m.index }));
      // a prose date of the wrong year (last year's text kept)
      if (year !== null && kind !== null) {
        const want = kind === '决算' ? year : year - 1;
        lineSite('date_year', 'year', i, line, new RegExp(`(截至|截止)\\s*${want}(?=\\s*年)`), (m) => {
          const at = m.index + m[0].indexOf(String(want));
          return { raw: line.raw.slice(0, at) + (want - 1) + line.raw.slice(at + 4), was: String(want), now: String(want - 1), at };
        });
      }
    }
    // a heading with the wrong year (决算: last year's template not updated)
    if (isHeading && year !== null && kind === '决算' && line.raw.includes(`${year}`)) {
      lineSite('title_year', 'year', i, line, new RegExp(`${year}(?=\\s*年)`), (m) => ({ raw: line.raw.slice(0, m.index) + (year - 1) + line.raw.slice(m.index + 4), was: String(year), now: String(year - 1), at: m.index }));
    }
  });
  return out;
}

/** The document with one mutation applied (only the mutated block is copied). */
export function apply(doc: IngestedDocument, m: Mutation): IngestedDocument {
  const blocks = doc.blocks.slice();
  const b = blocks[m.block]!;
  if (b.kind === 'line') {
    const line = makeLine(m.raw, b.line.loc, b.line.hint);
    if (b.line.ocr) line.ocr = b.line.ocr;
    if (m.ocr) line.ocr = { engine: 'simulated', confidence: 0.9 };
    blocks[m.block] = { kind: 'line', line };
  } else {
    const rows = b.table.rows.map((row, ri) => (ri === m.row ? row.map((c, ci) => (ci === m.col ? { ...c, raw: m.raw, text: normalize(m.raw).text } : c)) : row));
    blocks[m.block] = { kind: 'table', table: { ...b.table, rows } } as Block;
  }
  return { ...doc, blocks, flags: doc.flags.slice() };
}

const run = (doc: IngestedDocument): CheckedDocument => check(extract(segment(doc)));
/** Where a flag stands: its code and place (a flag about the whole document: its message). */
const placeKey = (f: Flag) => `${f.code}|${f.loc ? lineKey(f.loc) : '-'}|${f.loc?.table ?? ''}/${f.loc?.row ?? ''}/${f.loc?.col ?? ''}|${f.loc ? '' : f.message}`;
const NUMBER = /\d[\d,]*(?:\.\d+)?/g;
const text = (f: Flag) => `${f.message}|${f.expected ?? ''}|${f.found ?? ''}`;

/** The flags of `after` that `before` does not have: what the flag says, not only where, so that a
 *  mutation flagged at a place the clean document already flags (with that code) is seen. A flag of the
 *  clean document that is there again saying the same thing is not new, even where its figures changed
 *  with the mutation (a message quoting the changed figure, a sum the figure enters): it said so before.
 *  `updated` lists those whose figures changed otherwise than by quoting the mutated figure (`was` → `now`).
 *  Session 7 and before keyed flags on code and place only (`newFlagsByPlace`). */
export function newFlags(before: Flag[], after: Flag[], m?: { was: string; now: string }): Flag[] {
  return attribute(before, after, m).fresh;
}

export function attribute(before: Flag[], after: Flag[], m?: { was: string; now: string }): { fresh: Flag[]; updated: Flag[] } {
  const left = before.slice();
  const take = (i: number) => left.splice(i, 1);
  const rest: Flag[] = [];
  for (const f of after) {
    const i = left.findIndex((g) => placeKey(g) === placeKey(f) && text(g) === text(f));
    if (i >= 0) take(i);
    else rest.push(f);
  }
  const fresh: Flag[] = [];
  const updated: Flag[] = [];
  const quoted = (s: string) => (m ? s.split(m.was).join(m.now).split(m.was.replace(/,/g, '')).join(m.now.replace(/,/g, '')) : s);
  const masked = (s: string) => s.replace(NUMBER, '#');
  for (const f of rest) {
    const q = left.findIndex((g) => placeKey(g) === placeKey(f) && quoted(text(g)) === text(f));
    if (q >= 0) {
      take(q);
      continue;
    }
    // the same words, some of the same figures: the clean document's finding with figures updated
    const u = left.findIndex((g) => placeKey(g) === placeKey(f) && masked(text(g)) === masked(text(f)) && sharesFigure(text(g), text(f)));
    if (u >= 0) {
      take(u);
      updated.push(f);
      continue;
    }
    fresh.push(f);
  }
  return { fresh, updated };
}

/** Whether two messages of the same words keep some figure in the same position (a finding about the same
 *  figures, some of them changed), rather than quoting other figures altogether (a new finding). */
function sharesFigure(a: string, b: string): boolean {
  const x = a.match(NUMBER) ?? [];
  const y = b.match(NUMBER) ?? [];
  return x.some((v, i) => v === y[i] && /[1-9]/.test(v) && v.replace(/\D/g, '').length >= 3);
}

/** Session 7's attribution (by code and place only), kept to count the verdicts the new one changes. */
export function newFlagsByPlace(before: Flag[], after: Flag[]): Flag[] {
  const count = new Map<string, number>();
  for (const f of before) count.set(placeKey(f), (count.get(placeKey(f)) ?? 0) + 1);
  const out: Flag[] = [];
  for (const f of after) {
    const k = placeKey(f);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else out.push(f);
  }
  return out;
}

/** Whether a flag is about the mutation: on its line or the line before (a wrapped statement is flagged
 *  where it starts), on its cell's row, or — for a figure — naming the new figure. A figure is also seen
 *  through what it adds up to: a changed cell is caught by a sum in its table (its parent row's), a changed
 *  narrative figure by a share or sum stated within three lines of it. */
function about(f: Flag, m: Mutation): boolean {
  const figure = FAMILIES[m.family]!.owner === 'figures';
  // A table continued over pages is one table (one id): a sum it breaks may be flagged on another page.
  if (figure && m.row !== undefined && f.loc?.table !== undefined && f.loc.table === m.loc.table && f.code === 'SUM_MISMATCH') return true;
  if (f.loc && f.loc.page === m.loc.page && f.loc.paragraph === m.loc.paragraph) {
    if (m.row !== undefined && f.loc.table !== undefined) return f.loc.table === m.loc.table && (f.loc.row === m.row || (figure && f.code === 'SUM_MISMATCH'));
    if (f.loc.line === m.loc.line || f.loc.line === m.loc.line - 1) return true;
    if (figure && Math.abs(f.loc.line - m.loc.line) <= 3) return true;
  }
  if (figure && /\d/.test(m.now)) {
    // The new figure as printed, or converted between 万元 and 元 (a narrative 10476.37万元 named by the
    // flag as its table's 104763700.00元).
    const n = m.now.replace(/,/g, '');
    // (Only figures of four digits or more: a short one converted could turn up by chance.)
    const forms = [n, ...(/^\d+(\.\d+)?$/.test(n) && n.replace('.', '').replace(/^0+/, '').length >= 4 ? [shift(n, 4), shift(n, -4)] : [])];
    return [f.found, f.expected, f.excerpt, f.message].some((x) => x !== null && forms.some((v) => String(x).replace(/,/g, '').includes(v)));
  }
  return false;
}

/** A decimal figure times 10^k, as digits (trailing zeros of the fraction and a bare point dropped). */
function shift(n: string, k: number): string {
  const [int, frac = ''] = n.split('.');
  const digits = int! + frac;
  let point = int!.length + k;
  const padded = point > digits.length ? digits.padEnd(point, '0') : point < 1 ? '0'.repeat(1 - point) + digits : digits;
  if (point < 1) point = 1;
  const whole = padded.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = padded.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

export interface Outcome {
  doc: string;
  m: Mutation;
  caught: boolean;
  falseFlags: Flag[];
  /** Caught under session 7's attribution (flags keyed on code and place only). */
  caughtByPlace: boolean;
  /** A flag of the clean document at a place about the mutation, of the family's codes, whose figures
   *  changed with it (not counted as a catch: it said the same before). */
  updated: Flag[];
  /** For a figure mutation (change_figure, change_cell, break_sum): the relations of the clean document
   *  that the original value meets and the new one does not (empty: unwitnessed); null where the oracle
   *  could not find the figure among the printed numbers. Absent for other operators. */
  witness?: Held[] | null;
  /** For a figure mutation: random values of the figure's magnitude and decimals put at its place, and how
   *  many of them meet some relation (by chance), per relation. */
  chance?: { trials: number; any: number; by: Partial<Record<Relation, number>> };
}

/** The operators whose mutations the witness oracle judges. */
export const FIGURE_OPS = new Set(['change_figure', 'change_cell', 'break_sum']);
const CHANCE_TRIALS = 5;

/** A random figure printed like `was`: as many integer digits (the first not 0) and decimals. */
function randomLike(was: string, r: () => number): string {
  const plain = was.replace(/,/g, '');
  const [int, frac = ''] = plain.split('.');
  const digit = () => String(Math.floor(r() * 10));
  let i = int!.length > 1 || int !== '0' ? String(1 + Math.floor(r() * 9)) : '0';
  for (let k = 1; k < int!.length; k++) i += digit();
  let f = '';
  for (let k = 0; k < frac.length; k++) f += digit();
  return f ? `${i}.${f}` : i;
}

export async function evaluateMutations(files: string[], perOp: number, seed: number, log = false): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const file of files) {
    const name = file.split('/').pop()!;
    let ingested: IngestedDocument;
    let base: CheckedDocument;
    try {
      ingested = await ingest(file, { ocr: 'off' });
      base = run(ingested);
      // What the pipeline refuses (NOT_A_REPORT: no title, sections or tables of a report) is not scored.
      const sections = new Set(base.outline.flatMap(function walk(n): string[] { return [...(n.section ? [n.section] : []), ...n.children.flatMap(walk)]; }));
      if (!base.document.title && sections.size < 2 && !base.tables.some((t) => /^(公开|预算)\d/u.test(t.kind))) throw new Error('not a report');
    } catch (e) {
      if (log) console.log(`  (${name}: not evaluated: ${String(e).slice(0, 80)})`);
      continue;
    }
    const flagged = new Set<string>();
    for (const f of base.flags) if (f.loc) flagged.add(lineKey(f.loc) + (f.loc.table !== undefined ? `#${f.loc.row}/${f.loc.col}` : ''));
    const baseFamilies = new Map<string, Set<string>>();
    for (const f of base.flags) if (f.loc && f.severity === 'error') baseFamilies.set(lineKey(f.loc), (baseFamilies.get(lineKey(f.loc)) ?? new Set()).add(familyOfCode(f.code)));
    // A table the clean document flags as a whole (one flag for a table whose 科目 sums mostly fail, its
    // failing places listed in `expected`): every cell of it is already flagged.
    const wholeTables = new Set(base.flags.filter((f) => f.loc?.table !== undefined && f.code === 'SUM_MISMATCH' && /^\d+:\d+ .*；/.test(String(f.expected ?? ''))).map((f) => f.loc!.table!));
    const all = sites(ingested, base.headingBlocks, base.tocBlocks, base.document.year, base.document.kind, flagged, wholeTables, besideErrors(ingested, base.flags));
    const r = mulberry32(seed ^ hash(name));
    // the oracle and its own random draws (never the mutation's: what is injected stays as it was)
    const oracle = new Oracle(ingested, base.headingBlocks, base.tocBlocks);
    const rc = mulberry32((seed ^ hash(name) ^ 0x5eed5eed) >>> 0);
    const byOp = new Map<string, Site[]>();
    for (const s of all) byOp.set(s.op, [...(byOp.get(s.op) ?? []), s]);
    for (const [op, list] of [...byOp.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const chosen = shuffle(list, r).slice(0, perOp);
      for (const s of chosen) {
        const made = s.make(r);
        if (!made) continue;
        const m: Mutation = { op, family: s.family, ...made };
        const after = run(apply(ingested, m));
        const { fresh, updated } = attribute(base.flags, after.flags, m);
        const codes = FAMILIES[m.family]!.codes;
        const hits = fresh.filter((f) => codes.includes(f.code) && about(f, m));
        const caughtByPlace = newFlagsByPlace(base.flags, after.flags).some((f) => codes.includes(f.code) && about(f, m));
        let witness: Held[] | null | undefined;
        let chance: Outcome['chance'];
        if (FIGURE_OPS.has(op)) {
          const place = m.row !== undefined ? { block: m.block, row: m.row, col: m.col } : { block: m.block, start: m.loc.start };
          witness = oracle.knows(place) ? oracle.witness(place, m.was, m.now) : null;
          if (witness) {
            chance = { trials: 0, any: 0, by: {} };
            for (let k = 0; k < CHANCE_TRIALS; k++) {
              const held = oracle.holding(place, randomLike(m.was, rc));
              chance.trials++;
              if (held.length) chance.any++;
              for (const rel of new Set(held.map((h) => h.relation))) chance.by[rel] = (chance.by[rel] ?? 0) + 1;
            }
          }
        }
        // other new flags about the mutation are consequences of the same defect (a changed total also
        // breaks a share), not false alarms
        // (on a scan, a thousands comma read as a point must never be called malformed)
        // (the clean document's own defect, flagged at the same line by a rule of the same family, that now
        // shows under another code — a 项 stated twice read as a PERCENT_MISMATCH once its opening figure is
        // blanked — is that defect again, not a false alarm)
        const knownDefect = (f: Flag) => !!f.loc && baseFamilies.get(lineKey(f.loc))?.has(familyOfCode(f.code)) === true;
        const falseFlags = fresh.filter((f) => !hits.includes(f) && !knownDefect(f) && (!about(f, m) || (m.family === 'scan' && f.code === 'MALFORMED_VALUE')));
        outcomes.push({ doc: name, m, caught: hits.length > 0, falseFlags, caughtByPlace, updated: updated.filter((f) => codes.includes(f.code) && about(f, m)), ...(witness !== undefined ? { witness } : {}), ...(chance ? { chance } : {}) });
      }
    }
  }
  return outcomes;
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return h >>> 0;
}

function shuffle<T>(xs: T[], r: () => number): T[] {
  const a = xs.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** The corpus documents the evaluation runs on: every readable report in corpus/real, and the seed. */
export function corpusFiles(): string[] {
  const real = join(shared, 'corpus', 'real');
  const files = readdirSync(real)
    .filter((f) => /\.(pdf|txt|json)$/.test(f))
    .sort()
    .map((f) => join(real, f));
  return [join(shared, 'seed', '000_37d039dcb8ad6afc.txt'), ...files];
}

export function report(outcomes: Outcome[], opts: { misses?: boolean; fps?: boolean } = {}): string {
  const out: string[] = [];
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
  out.push(`Mutation evaluation: ${outcomes.length} injected defects over ${new Set(outcomes.map((o) => o.doc)).size} documents`);
  out.push('');
  // witnessed: a figure mutation the clean document holds evidence against (scripts/witness.ts); the
  // recall over those is what the checks could reach at all. The raw recall stays beside it.
  const witnessed = (o: Outcome) => !!o.witness && o.witness.length > 0;
  out.push('family            owner    injected  caught  recall   new-false  precision  witnessed  w-caught  w-recall  unwitnessed');
  const fams = Object.keys(FAMILIES);
  for (const fam of fams) {
    const os = outcomes.filter((o) => o.m.family === fam);
    const caught = os.filter((o) => o.caught).length;
    // false flags, charged to the family whose rule raised them
    const fp = outcomes.flatMap((o) => o.falseFlags).filter((f) => familyOfCode(f.code) === fam).length;
    const judged = os.filter((o) => o.witness !== undefined);
    const w = judged.filter(witnessed);
    const wcol = judged.length ? `  ${String(w.length).padStart(9)}  ${String(w.filter((o) => o.caught).length).padStart(8)}  ${pct(w.filter((o) => o.caught).length, w.length).padStart(8)}  ${String(judged.length - w.length).padStart(11)}` : '';
    out.push(`${fam.padEnd(18)}${FAMILIES[fam]!.owner.padEnd(9)}${String(os.length).padStart(8)}${String(caught).padStart(8)}  ${pct(caught, os.length).padStart(6)}  ${String(fp).padStart(9)}  ${pct(caught, caught + fp).padStart(9)}${wcol}`);
  }
  // The oracle measured: how often a random figure of the same magnitude and decimals, put at a mutated
  // figure's place, meets some relation of the clean document by chance.
  const judged = outcomes.filter((o) => o.witness !== undefined);
  if (judged.length) {
    out.push('');
    out.push('witness oracle (scripts/witness.ts; figure mutations only):');
    const rels: Relation[] = ['equality', 'sum', 'difference', 'rate'];
    for (const fam of fams) {
      const os = judged.filter((o) => o.m.family === fam);
      if (!os.length) continue;
      const w = os.filter(witnessed);
      const by = rels.map((rel) => `${rel} ${w.filter((o) => o.witness![0]!.relation === rel).length}`).join(', ');
      const unplaced = os.filter((o) => o.witness === null).length;
      const ch = os.flatMap((o) => (o.chance ? [o.chance] : []));
      const trials = ch.reduce((a, c) => a + c.trials, 0);
      const any = ch.reduce((a, c) => a + c.any, 0);
      const chBy = rels.map((rel) => `${rel} ${pct(ch.reduce((a, c) => a + (c.by[rel] ?? 0), 0), trials)}`).join(', ');
      out.push(`  ${fam}: witnessed ${w.length}/${os.length} (first relation: ${by})${unplaced ? `; ${unplaced} not found among the printed numbers (unwitnessed)` : ''}`);
      out.push(`  ${fam}: coincidence ${pct(any, trials)} of ${trials} random figures meet some relation (${chBy})`);
      // what the checks caught and the oracle did not witness: evidence the oracle does not know of
      out.push(`  ${fam}: caught but unwitnessed ${os.filter((o) => o.caught && !witnessed(o)).length}`);
    }
  }
  out.push('');
  out.push('by operator:');
  for (const op of [...new Set(outcomes.map((o) => o.m.op))].sort()) {
    const os = outcomes.filter((o) => o.m.op === op);
    const w = os.filter(witnessed);
    out.push(`  ${op.padEnd(22)}${String(os.length).padStart(5)} injected, ${pct(os.filter((o) => o.caught).length, os.length)} caught${FIGURE_OPS.has(op) ? `; ${w.length} witnessed, ${pct(w.filter((o) => o.caught).length, w.length)} caught` : ''}`);
  }
  out.push('');
  out.push('false flags (new flags not about the injected defect), by code:');
  const fc = new Map<string, number>();
  for (const f of outcomes.flatMap((o) => o.falseFlags)) fc.set(`${f.code} (${f.severity})`, (fc.get(`${f.code} (${f.severity})`) ?? 0) + 1);
  for (const [k, v] of [...fc.entries()].sort()) out.push(`  ${k}: ${v}`);
  if (!fc.size) out.push('  none');
  out.push('');
  out.push('per document: injected / caught / false flags');
  for (const d of [...new Set(outcomes.map((o) => o.doc))]) {
    const os = outcomes.filter((o) => o.doc === d);
    out.push(`  ${d.slice(0, 60).padEnd(62)}${String(os.length).padStart(4)} ${String(os.filter((o) => o.caught).length).padStart(4)} ${String(os.reduce((n, o) => n + o.falseFlags.length, 0)).padStart(4)}`);
  }
  // Verdicts session 7's attribution (flags keyed on code and place only) gave otherwise.
  const changed = outcomes.filter((o) => o.caught !== o.caughtByPlace);
  out.push('');
  out.push(`flag attribution: ${changed.length} verdicts differ from keying flags on code and place only (${changed.filter((o) => o.caught).length} now caught, ${changed.filter((o) => !o.caught).length} now missed)`);
  if (opts.misses) for (const o of changed) out.push(`  ${o.caught ? 'now caught' : 'now missed'}: ${o.doc}:${o.m.loc.page}:${o.m.loc.line} ${o.m.op} ${o.m.was} → ${o.m.now}`);
  const witnessNote = (o: Outcome) => {
    if (o.witness === undefined) return '';
    if (o.witness === null) return ' [unwitnessed: not found]';
    if (!o.witness.length) return ' [unwitnessed]';
    const h = o.witness[0]!;
    return ` [${h.relation}: ${h.detail}]`;
  };
  if (opts.misses) {
    out.push('', 'missed:');
    for (const o of outcomes.filter((x) => !x.caught)) out.push(`  ${o.doc}:${o.m.loc.page}:${o.m.loc.line} ${o.m.op} ${o.m.was} → ${o.m.now}${witnessNote(o)}${o.updated.length ? ` [an existing flag there changed its figures: ${o.updated[0]!.message.slice(0, 60)}]` : ''} | ${o.m.raw.slice(0, 90)}`);
  }
  if (opts.misses && judged.some((o) => o.caught && !witnessed(o))) {
    out.push('', 'caught, unwitnessed (the oracle knows no relation the checks used):');
    for (const o of judged.filter((x) => x.caught && !witnessed(x))) out.push(`  ${o.doc}:${o.m.loc.page}:${o.m.loc.line} ${o.m.op} ${o.m.was} → ${o.m.now} | ${o.m.raw.slice(0, 90)}`);
  }
  if (opts.fps) {
    out.push('', 'false flags:');
    for (const o of outcomes) for (const f of o.falseFlags) out.push(`  ${o.doc}:${f.loc?.page}:${f.loc?.line} ${f.code} after ${o.m.op} ${o.m.was} → ${o.m.now} at ${o.m.loc.page}:${o.m.loc.line} | ${f.message.slice(0, 80)}`);
  }
  return out.join('\n');
}

/** The family a false flag is charged to: the one whose rule raised it. */
const CHARGED: Partial<Record<FlagCode, string>> = {
  BLANK_VALUE: 'blank',
  TEMPLATE_TEXT: 'template',
  MALFORMED_VALUE: 'malformed',
  DIRECTION_CONFLICT: 'direction',
  YEAR_MISMATCH: 'year',
  OCR_UNCERTAIN: 'scan',
  SUM_MISMATCH: 'table_cell',
  PERCENT_MISMATCH: 'narrative_figure',
  VALUE_CONFLICT: 'narrative_figure',
  UNIT_SUSPECT: 'narrative_figure',
};
const familyOfCode = (code: FlagCode): string => CHARGED[code] ?? 'other';

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const only = args.includes('--doc') ? args[args.indexOf('--doc') + 1]! : null;
  // --dir DIR: another folder of real reports (a held-out set never used to write rules) instead of the corpus.
  const dir = args.includes('--dir') ? args[args.indexOf('--dir') + 1]! : null;
  const pool = dir ? readdirSync(dir).filter((f) => /\.(pdf|txt|json)$/.test(f)).sort().map((f) => join(dir, f)) : corpusFiles();
  const files = pool.filter((f) => !only || f.includes(only));
  const outcomes = await evaluateMutations(files, opt('--per-op', 4), opt('--seed', 11), true);
  console.log(report(outcomes, { misses: args.includes('--misses'), fps: args.includes('--fps') }));
}
