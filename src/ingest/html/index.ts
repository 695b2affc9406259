// An HTML page (a 部门决算 published as a web page) through parse5. The page's own content is found by
// structure, not by any site's class names: landmarks that are never content are dropped (nav, aside,
// forms, scripts, role=navigation/banner/contentinfo, hidden elements, a page-level header/footer);
// the content container is the element that holds nearly all of the page's non-link text; of what stands
// before it, only the page's title block (the line that repeats the <title>, else the nearest h1–h3) is
// kept; and inside,
// blocks that are mostly link text (breadcrumbs, share and print links, 上一篇/下一篇) are dropped.
// Paragraphs, block elements and <br> make lines; a data <table> becomes a SourceTable with rowspan and
// colspan filled out (a table that only lays out the page is read as blocks). `loc.line` is the line
// within the page's content (a table takes one line); cells add table/row/col.
import { defaultTreeAdapter, parse, type DefaultTreeAdapterMap } from 'parse5';
import { JuesuanError } from '../../errors.js';
import type { Block, Cell, Loc, SourceTable } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { Backend } from '../types.js';
import { decodeHtml } from './decode.js';
import { attr, children, depth, elements, isElement, isText, type Element, type Node } from './dom.js';

/** A page past these is not a disclosure but a crafted file (a 100 MB attribute, 10 000 nested divs). */
export const HTML_LIMITS = { bytes: 32 << 20, depth: 400, tableCells: 200_000 };

const BLOCK = new Set(
  'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre section summary table tbody thead tfoot tr td th ul legend option'.split(' '),
);
/** Never content, wherever they stand. */
const DROP = new Set('head script style noscript template iframe object embed svg math nav aside form select button input textarea canvas audio video map'.split(' '));
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'toolbar']);
const HEADINGS = new Set(['h1', 'h2', 'h3']);
/** A link to a document file: what a landing page offers instead of the report itself. */
const ATTACHMENT = /\.(pdf|docx?|wps|xlsx?|et|zip|rar|7z|ofd)(?:$|[?#])/i;

function dropped(el: Element, inArticle: boolean): boolean {
  if (DROP.has(el.tagName)) return true;
  // A page's header/footer is furniture; an article's header holds its title.
  if ((el.tagName === 'header' || el.tagName === 'footer') && !inArticle) return true;
  const role = attr(el, 'role')?.toLowerCase();
  if (role && DROP_ROLES.has(role)) return true;
  if (attr(el, 'hidden') !== undefined || attr(el, 'aria-hidden') === 'true') return true;
  const style = (attr(el, 'style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

const chars = (s: string) => s.replace(/\s+/g, '').length;
const collapse = (s: string) => s.replace(/[\t\n\r\f ]+/g, ' ');

interface Stats {
  text: number;
  link: number;
}

/** A data table holds no other table and has at least two rows and two columns; anything else lays out the page. */
function isDataTable(t: Element): boolean {
  const rows = tableRows(t);
  if (rows.length < 2) return false;
  if (!rows.some((r) => cellsOf(r).length >= 2)) return false;
  return elements(t, 'table').length === 1;
}

function tableRows(t: Element): Element[] {
  const rows: Element[] = [];
  for (const k of children(t)) {
    if (!isElement(k)) continue;
    if (k.tagName === 'tr') rows.push(k);
    else if (k.tagName === 'thead' || k.tagName === 'tbody' || k.tagName === 'tfoot') for (const r of children(k)) if (isElement(r) && r.tagName === 'tr') rows.push(r);
  }
  return rows;
}

const cellsOf = (tr: Element) => children(tr).filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'));

/** Walk order with content flags: every kept element, parent before child. */
interface Walk {
  order: Element[];
  parent: Map<Element, Element | null>;
  stats: Map<Element, Stats>;
}

function walk(body: Element): Walk {
  const order: Element[] = [];
  const parent = new Map<Element, Element | null>();
  const own = new Map<Element, Stats>();
  const stack: [Element, Element | null, boolean, boolean][] = [[body, null, false, false]];
  while (stack.length) {
    const [el, par, inArticle, inLink] = stack.pop()!;
    order.push(el);
    parent.set(el, par);
    const s: Stats = { text: 0, link: 0 };
    own.set(el, s);
    const art = inArticle || el.tagName === 'article' || el.tagName === 'main' || attr(el, 'role') === 'main';
    const link = inLink || (el.tagName === 'a' && attr(el, 'href') !== undefined);
    const kids = children(el);
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!;
      if (isText(k)) {
        const n = chars(k.value);
        if (link) s.link += n;
        else s.text += n;
      } else if (isElement(k) && !dropped(k, art)) stack.push([k, el, art, link]);
    }
  }
  // Sum bottom-up: children come after their parent in `order`.
  const stats = new Map<Element, Stats>();
  for (const el of order) stats.set(el, { ...own.get(el)! });
  for (let i = order.length - 1; i > 0; i--) {
    const el = order[i]!;
    const p = parent.get(el);
    if (!p) continue;
    const a = stats.get(p)!;
    const b = stats.get(el)!;
    a.text += b.text;
    a.link += b.link;
  }
  return { order, parent, stats };
}

/** The content container: a main/article landmark that holds most of the text, else the element
 *  reached by going down from <body> while one child holds nearly all of the non-link text. */
function container(body: Element, w: Walk): Element {
  const total = w.stats.get(body)!.text;
  const landmark = w.order.find((el) => (el.tagName === 'main' || el.tagName === 'article' || attr(el, 'role') === 'main') && w.stats.get(el)!.text >= total * 0.5);
  let c = landmark ?? body;
  for (;;) {
    const here = w.stats.get(c)!.text;
    const next = children(c).find((k): k is Element => isElement(k) && w.stats.has(k) && w.stats.get(k)!.text >= here * 0.85);
    // Never into a data table: the paragraphs around it (its title, 单位：万元, notes) belong to the content.
    if (!next || here === 0 || (next.tagName === 'table' && isDataTable(next))) break;
    c = next;
  }
  return c;
}

type Item = { kind: 'line'; raw: string; link: number; chars: number; el: Element } | { kind: 'table'; el: Element };

/** Lines and data tables in document order under root (dropped landmarks skipped). */
function items(root: Element, w: Walk, out: Item[], within: Map<Element, [number, number]>): void {
  let buf = '';
  let link = 0;
  let blockEl: Element = root;
  const flush = () => {
    const raw = buf.trim();
    if (raw.replace(/[\s\u00a0\u3000]/g, '') !== '') out.push({ kind: 'line', raw, link, chars: chars(raw), el: blockEl });
    buf = '';
    link = 0;
  };
  type Frame = { node: Node; inLink: boolean; pre: boolean; block: Element } | { end: Element };
  const stack: Frame[] = [{ node: root, inLink: false, pre: false, block: root }];
  while (stack.length) {
    const f = stack.pop()!;
    if ('end' in f) {
      if (BLOCK.has(f.end.tagName)) flush();
      const range = within.get(f.end);
      if (range) range[1] = out.length;
      continue;
    }
    const n = f.node;
    if (isText(n)) {
      const t = f.pre ? n.value : collapse(n.value);
      if (f.pre && t.includes('\n')) {
        const parts = t.split('\n');
        parts.forEach((p, i) => {
          if (i > 0) flush();
          buf += p;
        });
      } else buf += t;
      if (f.inLink) link += chars(t);
      blockEl = f.block;
      continue;
    }
    if (!isElement(n) || !w.stats.has(n)) continue;
    if (n.tagName === 'br') {
      flush();
      continue;
    }
    const isBlock = BLOCK.has(n.tagName);
    if (isBlock) flush();
    const range = within.get(n);
    if (range) range[0] = out.length;
    if (n.tagName === 'table' && isDataTable(n)) {
      for (const cap of children(n)) if (isElement(cap) && cap.tagName === 'caption') out.push({ kind: 'line', raw: cellText(cap), link: 0, chars: chars(cellText(cap)), el: cap });
      out.push({ kind: 'table', el: n });
      if (range) range[1] = out.length;
      continue;
    }
    stack.push({ end: n });
    const kids = children(n);
    const inLink = f.inLink || (n.tagName === 'a' && attr(n, 'href') !== undefined);
    const pre = f.pre || n.tagName === 'pre';
    const block = isBlock ? n : f.block;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, inLink, pre, block });
  }
  flush();
}

/** A cell's (or caption's) text: its lines joined by "\n", whitespace collapsed within a line. */
function cellText(el: Element): string {
  const lines: string[] = [];
  let buf = '';
  const stack: (Node | { end: Element })[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if ('end' in n) {
      if (BLOCK.has(n.end.tagName) && buf.trim()) (lines.push(buf.trim()), (buf = ''));
      continue;
    }
    if (isText(n)) buf += collapse(n.value);
    else if (isElement(n) && !DROP.has(n.tagName)) {
      if (n.tagName === 'br') {
        if (buf.trim()) lines.push(buf.trim());
        buf = '';
        continue;
      }
      if (BLOCK.has(n.tagName) && buf.trim()) (lines.push(buf.trim()), (buf = ''));
      stack.push({ end: n });
      const kids = children(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  if (buf.trim()) lines.push(buf.trim());
  return lines.join('\n');
}

function readTable(t: Element, id: string, line: number): SourceTable {
  const trs = tableRows(t);
  const grid: (Cell | undefined)[][] = trs.map(() => []);
  let headerRows = 0;
  let headerDone = false;
  let cells = 0;
  trs.forEach((tr, r) => {
    const tds = cellsOf(tr);
    const inHead = (tr.parentNode as Element | null)?.tagName === 'thead';
    if (!headerDone && tds.length && (inHead || tds.every((c) => c.tagName === 'th'))) headerRows = r + 1;
    else headerDone = true;
    let c = 0;
    for (const td of tds) {
      while (grid[r]![c]) c++;
      const raw = cellText(td);
      const loc: Loc = { line, table: id, row: r, col: c };
      const cell: Cell = { text: makeLine(raw, loc).text, raw, loc };
      const rs = Number.parseInt(attr(td, 'rowspan') ?? '1', 10);
      const rowSpan = rs === 0 ? trs.length - r : Math.max(1, Math.min(Number.isFinite(rs) ? rs : 1, trs.length - r));
      const cs = Number.parseInt(attr(td, 'colspan') ?? '1', 10);
      const colSpan = Math.max(1, Math.min(Number.isFinite(cs) ? cs : 1, 1000));
      cells += rowSpan * colSpan;
      if (cells > HTML_LIMITS.tableCells) throw new JuesuanError('CORRUPT_HTML', `a table of the page spans more than ${HTML_LIMITS.tableCells} cells: not a disclosure`);
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (dr === 0 && dc === 0) grid[r]![c] = cell;
          else grid[r + dr]![c + dc] = { ...cell, spanned: true, loc: { ...loc, row: r + dr, col: c + dc } };
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  const rows: Cell[][] = grid.map((g, r) => Array.from({ length: width }, (_, c) => g[c] ?? { text: '', raw: '', loc: { line, table: id, row: r, col: c } }));
  const table: SourceTable = { id, rows, loc: { line, table: id } };
  if (headerRows > 0 && headerRows < rows.length) table.headerRows = headerRows;
  return table;
}

/** The pictures in the content (<img> with a source), not an icon nor a link: one declared smaller than
 *  100 px either way (a bullet, a print button) is no table, nor is a linked one (a logo, a banner). */
function contentPictures(root: Element): number {
  const small = (v: string | undefined) => v !== undefined && /^\d+(px)?$/.test(v.trim()) && parseInt(v, 10) < 100;
  const inLinks = new Set(elements(root, 'a').flatMap((a) => elements(a, 'img')));
  return elements(root, 'img').filter((img) => (attr(img, 'src') ?? '').trim() && !small(attr(img, 'width')) && !small(attr(img, 'height')) && !inLinks.has(img)).length;
}

/** Attachment links on the page: what a landing page offers instead of the report. */
function attachments(root: Element, w: Walk): string[] {
  const out: string[] = [];
  for (const a of elements(root, 'a')) {
    const href = attr(a, 'href') ?? '';
    if (!ATTACHMENT.test(href) || !w.stats.has(a)) continue;
    const text = cellText(a).replace(/\s+/g, ' ').trim();
    let name = text;
    if (!ATTACHMENT.test(name)) {
      const file = href.split(/[?#]/)[0]!.split('/').pop() ?? href;
      let decoded = file;
      try {
        decoded = decodeURIComponent(file);
      } catch {
        /* keep it encoded */
      }
      name = text ? `${text} (${decoded})` : decoded;
    }
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

const TOO_DEEP = `the page nests elements more than ${HTML_LIMITS.depth} deep: not a disclosure`;

/** parse5 with a tree adapter that stops the parse as soon as an element lands deeper than the limit:
 *  a page of a million nested <div>s is refused at the 401st, not after a minute of parsing. */
function parseLimited(text: string): DefaultTreeAdapterMap['document'] {
  const depthOf = new WeakMap<object, number>();
  const place = (parent: object, node: object) => {
    const d = (depthOf.get(parent) ?? 0) + 1;
    if (d > HTML_LIMITS.depth) throw new JuesuanError('CORRUPT_HTML', TOO_DEEP);
    depthOf.set(node, d);
  };
  const treeAdapter: typeof defaultTreeAdapter = {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      place(parent, node);
      defaultTreeAdapter.appendChild(parent, node);
    },
    insertBefore(parent, node, ref) {
      place(parent, node);
      defaultTreeAdapter.insertBefore(parent, node, ref);
    },
  };
  return parse(text, { treeAdapter });
}

export const ingestHtml: Backend = async (bytes) => {
  if (bytes.length > HTML_LIMITS.bytes) throw new JuesuanError('CORRUPT_HTML', `the page is larger than ${HTML_LIMITS.bytes >> 20} MB: not a disclosure`);
  const { text } = decodeHtml(bytes);
  const doc = parseLimited(text);
  if (depth(doc) > HTML_LIMITS.depth) throw new JuesuanError('CORRUPT_HTML', TOO_DEEP);
  const body = elements(doc, 'body')[0];
  if (!body) throw new JuesuanError('NO_TEXT', 'the page holds no text');
  const w = walk(body);
  const c = container(body, w);
  // The region the content may start in: up to three levels above the container, below <body>.
  let region = c;
  for (let k = 0; k < 3; k++) {
    const p = w.parent.get(region);
    if (!p || p === body) break;
    region = p;
  }
  const all: Item[] = [];
  const within = new Map<Element, [number, number]>([
    [c, [0, 0]],
    [region, [0, 0]],
  ]);
  items(body, w, all, within);
  const [cStart, cEnd] = within.get(c)!;
  const [rStart] = within.get(region)!;
  // The page's title block: the heading before the content that repeats the <title>, else the nearest h1–h3.
  const title = collapse(elements(doc, 'title')[0] ? cellText(elements(doc, 'title')[0]!) : '').replace(/\s+/g, '');
  const before = all.slice(rStart, cStart);
  const byTitle = before.findLastIndex((it) => it.kind === 'line' && it.chars >= 4 && title.includes(it.raw.replace(/\s+/g, '')) && it.link * 2 < it.chars);
  const byHeading = before.findLastIndex((it) => it.kind === 'line' && HEADINGS.has(it.el.tagName) && it.link * 2 < it.chars);
  // A container that starts with its own title (an <article> with its <h1>) needs nothing from before it.
  const first = all[cStart];
  const titled = first?.kind === 'line' && (HEADINGS.has(first.el.tagName) || (first.chars >= 4 && title.includes(first.raw.replace(/\s+/g, ''))));
  const head = titled ? -1 : byTitle >= 0 ? byTitle : byHeading;
  // Between the title and the content stand the page's info line (发布时间, 来源, a visitor counter, 字号):
  // only the title itself is kept.
  const kept = [...(head >= 0 ? [all[rStart + head]!] : []), ...all.slice(cStart, cEnd)].filter((it) => it.kind === 'table' || it.link * 2 <= it.chars);

  const blocks: Block[] = [];
  let line = 0;
  let tables = 0;
  for (const it of kept) {
    line++;
    if (it.kind === 'line') blocks.push({ kind: 'line', line: makeLine(it.raw, { line }) });
    else blocks.push({ kind: 'table', table: readTable(it.el, `t${++tables}`, line) });
  }
  const prose = kept.reduce((n, it) => n + (it.kind === 'line' ? it.chars - it.link : 0), 0);
  if (!tables && prose < 300) {
    // Only the content's own links: a sidebar's 下载中心 is no attachment of this page.
    const files = attachments(region, w);
    if (files.length) {
      throw new JuesuanError(
        'NOT_A_REPORT',
        `a web page that only links to its report: attachment ${files.map((f) => `“${f}”`).join(', ')}; download the attachment and pass it instead`,
      );
    }
  }
  if (!blocks.length) throw new JuesuanError('NO_TEXT', 'the page holds no text');
  // (the content container is the element with nearly all the text: the pictures may stand beside it)
  const pictures = contentPictures(region);
  return { pages: 0, ocrPages: [], blocks, flags: [], ...(pictures ? { pictures } : {}) };
};
