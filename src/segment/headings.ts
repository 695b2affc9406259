// Which lines are headings, at which level: numbering style first, then the template's own titles for
// headings whose number was lost in conversion.
import { loadPattern } from '../patterns.js';
import { bracketDepth } from '../brackets.js';
import type { Block, Line } from '../model.js';
import { tableDefForTitle } from '../table-titles.js';
import { foldTitle, recoverableLevel } from './sections.js';

interface HeadingPatterns {
  levels: { level: number; marker: string }[];
  maxTitleLength: Record<string, number>;
  minTitleLength: number;
  notHeading: string[];
  flatSections: string[];
  childTitles: Record<string, string>;
  tocTitles: string[];
  wrap: { minFirstLine: number; maxSecondLine: number; fullShare: number; maxWrapWidth: number };
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

/** A numbered heading too long for its line, wrapped onto a short next line ("第三部分 …决算情况" /
 *  "说明", "（十）…房屋修缮项目" / "（小学）"), or its number alone on a line: the heading with the joined
 *  title and how many lines it took, or null. The first line must run to the margin and be unpunctuated,
 *  the next short, one piece, on the same page, at the same size, and neither a heading nor a sentence;
 *  the joined title must still be a heading. A bracket left open goes on to the line that closes it. */
export function wrappedHeading(line: Line, following: Block[], wrapWidth: number): { heading: HeadingMatch; lines: number } | null {
  const { p } = patterns();
  const nextLine = (prev: Line, k: number): Line | null => {
    const b = following[k];
    if (!b || b.kind !== 'line') return null;
    const l = b.line;
    // The next line of the page (a dump may put a blank line between).
    return prev.loc.page !== undefined && l.loc.page === prev.loc.page && l.loc.line <= prev.loc.line + 2 && l.text.length > 0 ? l : null;
  };
  const rest = nextLine(line, 0);
  if (!rest) return null;
  const t = rest.text;
  // A number on a line of its own, its title on the next: "（一）" / "“三公”经费…情况说明。".
  if (MARKER_ONLY().test(line.text)) {
    const joined = matchHeading({ ...line, text: line.text + t });
    return joined && joined.marker === line.text ? { heading: joined, lines: 1 } : null;
  }
  const h = matchHeading(line);
  if (!h || !h.marker || /[。：:；;，,、.．]$/u.test(line.text)) return null;
  // Lines wrap only where the source is laid out in lines (a page, a dump); a text file of paragraphs
  // has nothing to join. A wrapped first line runs (nearly) to the margin, unless a bracket is left open.
  const open = bracketDepth(line.text) > 0;
  if (wrapWidth > p.wrap.maxWrapWidth || (!open && line.text.length < Math.max(p.wrap.minFirstLine, p.wrap.fullShare * wrapWidth))) return null;
  let text = line.text;
  let lines = 0;
  for (let prev: Line = line, cur: Line | null = rest; cur && lines < 3; prev = cur, cur = nextLine(cur, lines)) {
    if (!continues(cur, prev, p.wrap.maxSecondLine)) break;
    text += cur.text;
    lines++;
    if (bracketDepth(text) <= 0) break;
  }
  if (!lines || (bracketDepth(line.text) > 0 && bracketDepth(text) > 0)) return null;
  const joined = matchHeading({ ...line, text });
  return joined && joined.level === h.level ? { heading: joined, lines } : null;
}

/** A short line that can be the rest of a heading: no sentence, no figures, one piece, same size. */
function continues(l: Line, prev: Line, maxLength: number): boolean {
  const t = l.text;
  if (t.length > maxLength || tableDefForTitle(t)) return false;
  if (/[。：:；;，,\d]/u.test(t.replace(/^[）)]+$/u, '')) || /\S\s{2,}\S/u.test(l.raw.trim())) return false;
  const a = prev.hint?.fontSize;
  const b = l.hint?.fontSize;
  if (a !== undefined && b !== undefined && Math.abs(a - b) > 0.5) return false;
  return !matchHeading(l) && !patterns().levels.some(({ re }) => re.test(t));
}

let markerOnly: RegExp | null = null;
/** A line that is only a heading number with its own punctuation (一、 （一） 第一部分 1. （1）). */
const MARKER_ONLY = () =>
  (markerOnly ??= new RegExp(`^(?:${patterns().p.levels.map((l) => l.marker).join('|')})$`, 'u'));

/** How wide the document's lines run: the 90th percentile of its line lengths (characters). */
export function wrapWidthOf(lines: Line[]): number {
  const lengths = lines.map((l) => l.text.length).filter((n) => n > 10).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length * 0.9)]! : Infinity;
}
