// Page-text dumps saved as JSON by scrapers and PDF tools (pdfplumber, PyMuPDF scripts): an array of pages,
// each a string, an object with the page's text (`[{"page": 1, "text": "…"}, …]`) or with its lines
// (`{"page": 1, "lines": ["…", "…"]}`), found at the top or held anywhere in the JSON (`{"pages": […]}`,
// `{"result": […]}`, `{"meta": …, "data": {"pages": […]}}`); also JSON Lines (one page record a line). Read
// as the text backend's pages, so that a dump reads like the same text with form feeds. JSON with no page
// records is refused (jsonShape): read as text, its keys, quotes and escaped newlines would be lines and figures.

import { JuesuanError } from '../errors.js';

const TEXT_KEYS = ['text', 'content', 'page_text', 'pageText', 'page_content'];
const PAGE_KEYS = ['page', 'page_number', 'pageNumber', 'page_no', 'pageNo', 'page_num', 'pageNum', 'index'];

type Entry = { n: number | null; text: string };

const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string');

function entryOf(x: unknown): Entry | null {
  if (typeof x === 'string') return { n: null, text: x };
  if (!x || typeof x !== 'object' || Array.isArray(x)) return null;
  const o = x as Record<string, unknown>;
  const pk = PAGE_KEYS.find((k) => Number.isInteger(o[k]));
  const n = pk ? (o[pk] as number) : null;
  const key = TEXT_KEYS.find((k) => typeof o[k] === 'string');
  if (key) return { n, text: o[key] as string };
  // Else the record's one field of text: a string, or the page's lines (an array of strings).
  const fields = Object.entries(o).filter(([k, v]) => !PAGE_KEYS.includes(k) && (typeof v === 'string' || strings(v)));
  if (fields.length !== 1 && !(fields.length > 1 && fields.filter(([, v]) => strings(v)).length === 1)) return null;
  const v = fields.length === 1 ? fields[0]![1] : fields.find(([, f]) => strings(f))![1];
  return { n, text: Array.isArray(v) ? (v as string[]).join('\n') : (v as string) };
}

/** The page records of parsed JSON: the array itself, else the first array of page records held in its
 *  objects (breadth first, a few levels down), or null. */
function recordsIn(data: unknown): Entry[] | null {
  let level: [string | null, unknown][] = [[null, data]];
  for (let depth = 0; depth < 4 && level.length; depth++) {
    const next: [string | null, unknown][] = [];
    for (const [key, v] of level) {
      if (Array.isArray(v)) {
        if (!v.length) continue;
        // (records that each hold a list of pages of their own are documents, not pages: `{"materials": [{"doc_id":
        // …, "page_texts": […]}, …]}` — one is read as the document it holds; several are refused, never run together
        // as the pages of one report)
        const ownPages = (x: unknown) => x && typeof x === 'object' && !Array.isArray(x) && Object.entries(x).find(([k, f]) => PAGE_LIST.test(k) && strings(f));
        if (v.every(ownPages)) {
          if (v.length > 1) {
            const inner = (ownPages(v[0]) as [string, unknown])[0];
            throw new JuesuanError('UNSUPPORTED_FORMAT', `a JSON file holding ${v.length} documents, each with its own pages (${key ?? 'the top array'}[0].${inner}): give each document a file of its own`);
          }
          next.push([key, v[0]]);
          continue;
        }
        const entries = v.map(entryOf);
        // (an array of objects, every one a page record: not a list of strings of another kind at depth — unless
        // its key names it the pages' texts: `{"page_count": 31, "page_texts": ["…", …], "page_tables": […]}`)
        if (entries.every((e) => e) && (depth === 0 || v.some((x) => typeof x === 'object') || (key !== null && PAGE_LIST.test(key)))) return entries as Entry[];
      } else if (v && typeof v === 'object') next.push(...Object.entries(v as Record<string, unknown>).filter(([, x]) => x && typeof x === 'object'));
    }
    level = next;
  }
  return null;
}

/** A key that names a list of the pages' texts. */
const PAGE_LIST = /^(?:pages|page_?texts|pageTexts|page_?contents)$/iu;

function parse(t: string): unknown {
  try {
    return JSON.parse(t);
  } catch {
    // JSON Lines: every non-blank line a JSON object.
    const lines = t.split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('{'))) return undefined;
    try {
      return lines.map((l) => JSON.parse(l) as unknown);
    } catch {
      return undefined;
    }
  }
}

/** The pages of a JSON page dump, in order (a page number the dump skips is an empty page, so that
 *  locations keep the dump's numbering), or null when the text is not one. */
export function pageDump(text: string): string[] | null {
  const t = text.trimStart();
  if (!t.startsWith('[') && !t.startsWith('{')) return null;
  const data = parse(t);
  if (data === undefined) return null;
  const list = recordsIn(data);
  if (!list) return null;
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

/** What a JSON text with no page records holds, for a one-line refusal (`an object with keys name, year`),
 *  or null when the text is not JSON or is a page dump. */
export function jsonShape(text: string): string | null {
  const t = text.trimStart();
  if (!t.startsWith('[') && !t.startsWith('{')) return null;
  const data = parse(t);
  if (data === undefined || recordsIn(data)) return null;
  if (Array.isArray(data)) return data.length ? `an array of ${data.length} items that are not pages` : 'an empty array';
  if (data && typeof data === 'object') {
    const keys = Object.keys(data);
    return keys.length ? `an object with keys ${keys.slice(0, 6).join(', ')}${keys.length > 6 ? ', …' : ''}` : 'an empty object';
  }
  return 'a bare value';
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
