// The table of contents lists the headings again (often with page numbers): its lines are not headings.
import type { Block } from '../model.js';
import { isTocTitle, matchHeading } from './headings.js';

const LEADER = /[.．·…\-—_\s]*\d{1,3}$/u;

/** Indices of the blocks that form the table of contents. The region after 目录 counts as a TOC only
 *  if a heading listed in it appears again later; otherwise the document simply goes on after the
 *  word 目录 (as when the TOC was lost in conversion). */
export function findToc(blocks: Block[]): Set<number> {
  const toc = new Set<number>();
  const start = blocks.findIndex((b) => b.kind === 'line' && isTocTitle(b.line));
  if (start < 0) return toc;
  toc.add(start);
  const region: { i: number; key: string }[] = [];
  let i = start + 1;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'line') break;
    const hasLeader = LEADER.test(b.line.text) && /\D\d{1,3}$/u.test(b.line.text);
    const stripped = { ...b.line, text: b.line.text.replace(LEADER, '') };
    const h = matchHeading(stripped);
    // A heading wrapped onto a second short line ("…决算情况" / "说明") stays in the region.
    const wrapped = !h && !hasLeader && region.length > 0 && b.line.text.length <= 8 && !/\d/.test(b.line.text);
    if (!h && !hasLeader && !wrapped) break;
    if (wrapped) continue;
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
