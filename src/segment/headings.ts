// Which lines are headings, at which level: numbering style first, then the template's own titles for
// headings whose number was lost in conversion.
import { loadPattern } from '../patterns.js';
import type { Line } from '../model.js';
import { foldTitle, recoverableLevel } from './sections.js';

interface HeadingPatterns {
  levels: { level: number; marker: string }[];
  maxTitleLength: Record<string, number>;
  minTitleLength: number;
  notHeading: string[];
  flatSections: string[];
  childTitles: Record<string, string>;
  tocTitles: string[];
}

export interface HeadingMatch {
  level: number;
  marker: string;
  title: string;
}

let compiled: { levels: { level: number; re: RegExp }[]; not: RegExp[]; p: HeadingPatterns } | null = null;

function patterns() {
  if (!compiled) {
    const p = loadPattern<HeadingPatterns>('headings.yaml');
    compiled = {
      p,
      levels: p.levels.map((l) => ({ level: l.level, re: new RegExp(`^(${l.marker})(.*)$`, 'u') })),
      not: p.notHeading.map((s) => new RegExp(s, 'u')),
    };
  }
  return compiled;
}

export const flatSections = () => new Set(patterns().p.flatSections);
export const isTocTitle = (line: Line) => patterns().p.tocTitles.some((t) => line.text.endsWith(t));

/** Patterns a heading's title must match below certain sections (patterns/headings.yaml childTitles). */
export const childTitleRules = (): Map<string, RegExp> =>
  new Map(Object.entries(patterns().p.childTitles ?? {}).map(([k, v]) => [k, new RegExp(v, 'u')]));

/** The heading a line is, or null. Trailing 。/：/. are not part of the title. */
export function matchHeading(line: Line): HeadingMatch | null {
  const { levels, not, p } = patterns();
  const text = line.text;
  for (const { level, re } of levels) {
    const m = re.exec(text);
    if (!m) continue;
    const marker = m[1]!;
    const title = m[2]!.replace(/[。：:.，,；;]+$/u, '');
    if (title.length < p.minTitleLength) return null;
    if (title.length > (p.maxTitleLength[level] ?? 40)) return null;
    if (not.some((re) => re.test(title))) return null;
    return { level, marker, title };
  }
  // A template title standing alone, its number lost ("收入决算情况说明").
  const bare = text.replace(/[。：:]+$/u, '');
  const level = recoverableLevel(foldTitle(bare)) ?? (line.hint?.heading && bare.length <= 40 ? line.hint.heading : null);
  return level ? { level, marker: '', title: bare } : null;
}
