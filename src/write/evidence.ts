// What report.html shows beside each flag that the record does not carry: where in its excerpt the flagged
// span (`loc.start..end`, offsets into the source line) sits. Computed while the document's lines are at
// hand (in the worker), kept beside the record in `.juesuan/evidence/<name>.json`, read when the report is
// written. Not part of the record: the record's excerpt and loc stay as the contract says.
import type { Block, CheckedDocument, Flag, Loc } from '../model.js';

/** Per flag of the record, in its order: the flagged span as offsets into the flag's excerpt, or null
 *  (no place, or the excerpt is not found in the source line). */
export interface Evidence {
  marks: ([number, number] | null)[];
}

const key = (l: Loc) => `${l.page ?? ''}/${l.paragraph ?? ''}/${l.line}/${l.table ?? ''}/${l.row ?? ''}/${l.col ?? ''}`;

/** The verbatim text each place (a line, a table cell) holds, with the offset its loc starts at. An excerpt
 *  may run over into the lines before and after (a sentence wrapped on the page, joined with or without a
 *  line break): each line also comes with its neighbours joined both ways. */
function sourceTexts(blocks: Block[]): Map<string, { raw: string; start: number }[]> {
  const map = new Map<string, { raw: string; start: number }[]>();
  const add = (loc: Loc, raw: string, start: number) => {
    const k = key(loc);
    const list = map.get(k) ?? [];
    list.push({ raw, start });
    map.set(k, list);
  };
  const lines = blocks.flatMap((b) => (b.kind === 'line' ? [b.line] : []));
  lines.forEach((line, i) => {
    const own = line.loc.start ?? 0;
    add(line.loc, line.raw, own);
    const prev = lines[i - 1]?.raw;
    const next = lines[i + 1]?.raw;
    for (const sep of ['\n', '']) {
      const before = prev === undefined ? '' : prev + sep;
      add(line.loc, before + line.raw + (next === undefined ? '' : sep + next), own - before.length);
    }
  });
  for (const b of blocks) if (b.kind === 'table') for (const row of b.table.rows) for (const cell of row) add(cell.loc, cell.raw, cell.loc.start ?? 0);
  return map;
}

/** The span `loc.start..end` as offsets into `excerpt`, given the source text it was cut from. */
export function markIn(excerpt: string, raw: string, rawStart: number, loc: Loc): [number, number] | null {
  if (loc.start === undefined || loc.end === undefined) return null;
  const s = loc.start - rawStart;
  const e = loc.end - rawStart;
  if (s < 0 || e < s || e > raw.length || !excerpt) return null;
  for (let at = raw.indexOf(excerpt); at >= 0; at = raw.indexOf(excerpt, at + 1)) {
    if (at <= s && e <= at + excerpt.length) return [s - at, e - at];
  }
  return null;
}

export function markOf(flag: Flag, texts: Map<string, { raw: string; start: number }[]>): [number, number] | null {
  if (!flag.loc || !flag.excerpt) return null;
  for (const t of texts.get(key(flag.loc)) ?? []) {
    const m = markIn(flag.excerpt, t.raw, t.start, flag.loc);
    if (m) return m;
  }
  return null;
}

export function buildEvidence(doc: Pick<CheckedDocument, 'blocks' | 'flags'>): Evidence {
  const texts = sourceTexts(doc.blocks);
  return { marks: doc.flags.map((f) => markOf(f, texts)) };
}
