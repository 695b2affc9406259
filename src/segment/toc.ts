// The table of contents lists the headings again (often with page numbers): its lines are not headings.
import type { Block, Line } from '../model.js';
import { isTocTitle, matchHeading } from './headings.js';

const LEADER = /[.．·…。\-—_\s]*\d{1,3}$/u;
/** How many contents lines in a row may be unreadable (OCR) without ending the contents. */
const MAX_GARBLED = 1;

function tocEntry(b: Block): { hasLeader: boolean; h: ReturnType<typeof matchHeading>; stripped: Line } | null {
  if (b.kind !== 'line') return null;
  const hasLeader = LEADER.test(b.line.text) && /\D\d{1,3}$/u.test(b.line.text);
  const stripped = { ...b.line, text: b.line.text.replace(LEADER, '') };
  return { hasLeader, h: matchHeading(stripped), stripped };
}

/** Indices of the blocks that form the table of contents. The region after 目录 counts as a TOC only
 *  if a heading listed in it appears again later; otherwise the document simply goes on after the
 *  word 目录 (as when the TOC was lost in conversion). */
export function findToc(blocks: Block[]): Set<number> {
  const toc = new Set<number>();
  const start = blocks.findIndex((b) => b.kind === 'line' && isTocTitle(b.line));
  if (start < 0) return toc;
  toc.add(start);
  const region: { i: number; key: string }[] = [];
  let garbled = 0;
  let i = start + 1;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'line') break;
    const entry = tocEntry(b);
    if (!entry) break;
    const { hasLeader, h, stripped } = entry;
    // A heading wrapped onto a second short line ("…决算情况" / "说明") stays in the region.
    const wrapped = !h && !hasLeader && region.length > 0 && b.line.text.length <= 8 && !/\d/.test(b.line.text);
    // One contents line garbled by OCR (its number or leader misread) between two good entries: a
    // short line, no sentence, the next line a contents entry again.
    const next = blocks[i + 1];
    const misread =
      !h && !hasLeader && !wrapped && region.length > 0 && garbled < MAX_GARBLED && b.line.text.length <= 40 && !/[。；;]/u.test(b.line.text) &&
      next?.kind === 'line' && (() => { const e = tocEntry(next); return !!e && (e.h !== null || e.hasLeader); })();
    if (!h && !hasLeader && !wrapped && !misread) break;
    if (wrapped) continue;
    if (misread) {
      garbled++;
      region.push({ i, key: '' });
      continue;
    }
    if (h && region.some((r) => r.key === h.marker + h.title)) break; // the body starts again
    region.push({ i, key: h ? h.marker + h.title : stripped.text });
  }
  const later = new Set<string>();
  for (let j = i; j < blocks.length; j++) {
    const b = blocks[j]!;
    if (b.kind !== 'line') continue;
    const h = matchHeading(b.line);
    if (h) later.add(h.marker + h.title);
  }
  if (region.some((r) => later.has(r.key))) for (const r of region) toc.add(r.i);
  return toc;
}
