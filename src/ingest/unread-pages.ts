// Pages the reader got no text from while other pages have text: a page-text dump's empty pages (the pages a
// scraper could not extract, scanned ones), or a PDF's pages without a text layer that OCR did not read. What the
// template requires may stand there, so a missing table or section is not proven missing, and a table may go on
// there. A lone empty first page (an image cover) or last page (a back cover) is no such gap.

/** 1-based numbers of the pages without text, given which pages have text; none when no page has text. */
export function unreadPages(hasText: boolean[]): number[] {
  if (!hasText.some(Boolean)) return [];
  const out = hasText.flatMap((t, i) => (t ? [] : [i + 1]));
  const n = hasText.length;
  const lone = (p: number) => !out.includes(p === 1 ? 2 : n - 1);
  return out.filter((p) => !((p === 1 || p === n) && n > 1 && lone(p)));
}
