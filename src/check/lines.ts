// The document's text as the checks see it: body lines (not the table of contents) and table cells,
// each with the canonical section it sits in.
import type { ExtractedDocument, Fact, Line, Loc } from '../model.js';
import { canonicalSections } from '../outline.js';

export interface TextUnit {
  line: Line;
  /** Canonical section key of the innermost outline node with one (null before the first heading). */
  section: string | null;
  /** Index of the block in doc.blocks. */
  block: number;
  heading: boolean;
  cell: boolean;
  /** (a cell) The text of the next filled cell of its row. */
  next?: string;
}

const SPACE = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]/;

/** A cell's text as a Line (whitespace dropped, full-width digits and ％ folded, offsets kept). */
export function cellLine(raw: string, loc: Loc): Line {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (SPACE.test(ch)) continue;
    const c = ch.codePointAt(0)!;
    text += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xfee0) : ch === '％' ? '%' : ch;
    map.push(i);
  }
  map.push(raw.length);
  return { text, raw, map, loc };
}


export function textUnits(doc: ExtractedDocument): TextUnit[] {
  const sections = canonicalSections(doc.outline);
  const units: TextUnit[] = [];
  doc.blocks.forEach((b, i) => {
    if (doc.tocBlocks.has(i)) return;
    const id = doc.sectionOf[i] ?? null;
    const section = id ? (sections.get(id) ?? null) : null;
    if (b.kind === 'line') {
      units.push({ line: b.line, section, block: i, heading: doc.headingBlocks.has(i), cell: false });
      return;
    }
    for (const row of b.table.rows) {
      row.forEach((cell, k) => {
        if (cell.spanned || !cell.raw.trim()) return;
        const next = row.slice(k + 1).find((c) => c.raw.trim())?.raw;
        units.push({ line: cellLine(cell.raw, cell.loc), section, block: i, heading: false, cell: true, ...(next !== undefined ? { next } : {}) });
      });
    }
  });
  return units;
}

/** Page (or paragraph) and line of a loc, for matching things stated on the same line. */
export const lineKey = (loc: Loc) => `${loc.page ?? ''}/${loc.paragraph ?? ''}/${loc.line}`;

export interface TextIndex {
  /** Body lines by lineKey. */
  lines: Map<string, Line>;
  /** Body lines in reading order, and each line's position in it. */
  order: Line[];
  position: Map<string, number>;
  /** Paragraph number of each body line: wrapped lines of one paragraph (PDF) share it. */
  paragraph: Map<string, number>;
}

const PARAGRAPH_END = /[。；;！？!?：:]$/u;

/** A line that opens with the reason for what the line before stated (…增长6.69%。 / 主要原因是基本支出增加
 *  1408.29万元、项目支出安排增加400万元 / …增加32.44万元。 / 主要是…调增了会议费支出标准): the reason belongs to that statement's paragraph, where the
 *  paragraph's rules (a change and the parts it is made of) read them together. */
export const REASON_OPENS = /^(?:其)?(?:主要)?原因(?:是|为|在于|：|:|主要)|^主要是/u;

/** Index the body lines; a paragraph ends at a heading, a table, a section change or a line that ends
 *  a sentence (a PDF wraps a paragraph over lines that end mid-sentence). */
export function indexText(units: TextUnit[]): TextIndex {
  const idx: TextIndex = { lines: new Map(), order: [], position: new Map(), paragraph: new Map() };
  let para = 0;
  let prev: TextUnit | null = null;
  for (const u of units) {
    if (u.cell) {
      prev = null;
      continue;
    }
    const k = lineKey(u.line.loc);
    const continues = prev && !prev.heading && !u.heading && prev.section === u.section && prev.block === u.block - 1 && (!PARAGRAPH_END.test(prev.line.text) || (REASON_OPENS.test(u.line.text) && /[。；;]$/u.test(prev.line.text)));
    if (!continues) para++;
    idx.lines.set(k, u.line);
    idx.position.set(k, idx.order.length);
    idx.order.push(u.line);
    idx.paragraph.set(k, para);
    prev = u;
  }
  return idx;
}

/** The text's paragraphs: each one's line keys in reading order, and the text facts (those `keep` accepts)
 *  on its lines. */
export function paragraphsOf(doc: ExtractedDocument, text: TextIndex, keep: (f: Fact) => boolean = () => true) {
  const lines = new Map<number, string[]>();
  for (const l of text.order) {
    const k = lineKey(l.loc);
    const p = text.paragraph.get(k)!;
    const list = lines.get(p);
    if (list) list.push(k);
    else lines.set(p, [k]);
  }
  const facts = new Map<number, Fact[]>();
  for (const f of doc.facts) {
    if (f.from !== 'text' || !keep(f)) continue;
    const p = text.paragraph.get(lineKey(f.loc));
    if (p === undefined) continue;
    const list = facts.get(p);
    if (list) list.push(f);
    else facts.set(p, [f]);
  }
  return { lines, facts };
}
