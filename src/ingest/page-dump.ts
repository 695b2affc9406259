// Page-text dumps saved as JSON by scrapers and PDF tools (pdfplumber, PyMuPDF scripts): an array of pages,
// each a string or an object with the page's text (`[{"page": 1, "text": "…"}, …]`), or an object holding such
// an array (`{"pages": […]}`). Read as the text backend's pages, so that a dump reads like the same text
// with form feeds. Anything else that parses as JSON is not a dump: it stays plain text.

const TEXT_KEYS = ['text', 'content', 'page_text', 'pageText', 'page_content'];
const PAGE_KEYS = ['page', 'page_number', 'pageNumber', 'page_no', 'pageNo', 'index'];
const LIST_KEYS = ['pages', 'data', 'page_data', 'pageData'];

type Entry = { n: number | null; text: string };

function entryOf(x: unknown): Entry | null {
  if (typeof x === 'string') return { n: null, text: x };
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const o = x as Record<string, unknown>;
  const key = TEXT_KEYS.find((k) => typeof o[k] === 'string');
  if (!key) return null;
  const pk = PAGE_KEYS.find((k) => Number.isInteger(o[k]));
  return { n: pk ? (o[pk] as number) : null, text: o[key] as string };
}

/** The pages of a JSON page dump, in order (a page number the dump skips is an empty page, so that
 *  locations keep the dump's numbering), or null when the text is not one. */
export function pageDump(text: string): string[] | null {
  const t = text.trimStart();
  if (!t.startsWith('[') && !t.startsWith('{')) return null;
  let data: unknown;
  try {
    data = JSON.parse(t);
  } catch {
    return null;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const o = data as Record<string, unknown>;
    data = LIST_KEYS.map((k) => o[k]).find(Array.isArray);
  }
  if (!Array.isArray(data) || !data.length) return null;
  const entries = data.map(entryOf);
  if (entries.some((e) => !e)) return null;
  const list = entries as Entry[];
  const numbered = list.every((e) => e.n !== null) && list.every((e, i) => i === 0 || e.n! > list[i - 1]!.n!) && list[0]!.n! >= 0 && list[list.length - 1]!.n! <= list.length * 4 + 10;
  if (!numbered) return list.map((e) => e.text);
  // (0-based numbering counts from 0; the dump's page 1 is the first page either way)
  const base = list[0]!.n === 0 ? 0 : 1;
  const pages: string[] = [];
  for (const e of list) {
    while (pages.length < e.n! - base) pages.push('');
    pages.push(e.text);
  }
  return pages;
}

/** A line a scraper writes where a page begins, in place of a form feed: `--- 第3页 ---`, `=== Page 3 ===`,
 *  `【第3页】`, `-- 3 of 20 --` (pdf.js), `<<<page 3>>>`. Decorated, so that a page's own printed folio (第 3 页
 *  alone on its line) is never one. */
const MARKER = /^\s*(?:[-=—─*#_~<]{2,}\s*(?:第\s*(\d{1,4})\s*页|page\s*(\d{1,4})|(\d{1,4})\s*(?:of|\/)\s*\d{1,4})\s*[-=—─*#_~>]{2,}|[【[]\s*(?:第\s*(\d{1,4})\s*页|page\s*(\d{1,4}))\s*[】\]])\s*$/i;

/** The pages of a text whose pages are apart by marker lines (no form feeds), or null where it has no such
 *  markers or they do not count the pages one by one. A marker begins its page and is not part of it; text
 *  before the first marker is the page before it. */
export function pageMarked(text: string): string[] | null {
  if (text.includes('\f')) return null;
  const lines = text.split(/(?<=\n)/);
  const at: { i: number; n: number }[] = [];
  lines.forEach((l, i) => {
    const m = MARKER.exec(l.replace(/\r?\n$/, ''));
    const n = m ? Number(m.slice(1).find((x) => x !== undefined)) : NaN;
    if (m && n > 0) at.push({ i, n });
  });
  if (!at.length || at.some((a, k) => k > 0 && a.n !== at[k - 1]!.n + 1)) return null;
  const before = lines.slice(0, at[0]!.i).join('');
  // Text before the first marker is its page's predecessor; a dump that marks its first page has none.
  const pages: string[] = [];
  const first = at[0]!.n;
  if (before.trim() || first > 1) {
    for (let p = 1; p < first - 1; p++) pages.push('');
    pages.push(before);
  }
  at.forEach((a, k) => pages.push(lines.slice(a.i + 1, at[k + 1]?.i ?? lines.length).join('')));
  return pages;
}
