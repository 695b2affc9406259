// Map a heading's title to a canonical section of the national template (patterns/sections.yaml).
import { loadPattern } from '../patterns.js';

interface SectionDef {
  key: string;
  level: number;
  parent?: string;
  names: string[];
  recover?: string[];
  recoverPattern?: string;
}

const defs = () => loadPattern<{ sections: SectionDef[] }>('sections.yaml').sections;

/** Quotes, brackets and spaces vary between reports but not in meaning. */
export const foldTitle = (s: string) => s.replace(/[“”"'‘’「」『』\s]/gu, '');

const recoverRes = new Map<string, RegExp>();
const recoverRe = (p: string) => recoverRes.get(p) ?? recoverRes.set(p, new RegExp(p, 'u')).get(p)!;

export function recoverableLevel(folded: string): number | null {
  for (const d of defs()) {
    if (d.recover?.includes(folded)) return d.level;
    if (d.recoverPattern && recoverRe(d.recoverPattern).test(folded)) return d.level;
  }
  return null;
}

/** The canonical key for a heading, given the keys of its ancestors (nearest last). Level-1 sections
 *  match only level-1 headings; a section with a parent matches only below that parent; the longest
 *  matching name wins, and on a tie the section at the heading's own level. */
export function sectionFor(title: string, level: number, ancestors: (string | null)[]): string | null {
  const folded = foldTitle(title);
  let best: { key: string; score: number } | null = null;
  for (const d of defs()) {
    if ((d.level === 1) !== (level === 1)) continue;
    if (d.parent && !ancestors.includes(d.parent)) continue;
    for (const n of d.names) {
      const score = n.length * 2 + (d.level === level ? 1 : 0);
      if (folded.includes(n) && (!best || score > best.score)) best = { key: d.key, score };
    }
  }
  return best?.key ?? null;
}
