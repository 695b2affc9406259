// Whether text is left inside a bracket: one answer for headings wrapped over lines, lists opened inside a
// bracket and figures inside a bracketed aside.

/** How many brackets (（ or () are still open at the end of s; a closing one with none open is ignored. */
export function bracketDepth(s: string): number {
  let depth = 0;
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth++;
    else if ((ch === '）' || ch === ')') && depth > 0) depth--;
  }
  return depth;
}
