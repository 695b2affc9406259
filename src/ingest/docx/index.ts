// DOCX through mammoth: its document tree (via `transformDocument`) gives paragraphs with style
// names, soft breaks, checkboxes and tables with row/col spans, so no HTML needs parsing.
// What mammoth drops (automatic numbering, skipped grid columns) is put back first (prepare.ts).
// DOCX has no pages: every body paragraph (and every table) takes the next paragraph number.
import mammoth from 'mammoth';
import { JuesuanError } from '../../errors.js';
import type { Block, Line } from '../../model.js';
import { makeLine } from '../normalize.js';
import type { Backend } from '../types.js';
import { runsOf, textOf, type MElement, type MParagraph, type MTable } from './elements.js';
import { prepareDocx } from './prepare.js';
import { readTable } from './table.js';

export const ingestDocx: Backend = async (bytes) => {
  // A file JSZip cannot open is left to mammoth, which then fails the same way.
  const prepared = await prepareDocx(bytes).catch(() => ({ bytes, styleLevels: new Map<string, number>() }));
  const body = await readBody(prepared.bytes);
  const blocks: Block[] = [];
  let paragraph = 0;
  let tables = 0;
  for (const el of body) {
    if (el.type === 'table') {
      blocks.push({ kind: 'table', table: readTable(el as MTable, `t${++tables}`, ++paragraph) });
    } else if (el.type === 'paragraph') {
      paragraph++;
      for (const line of paragraphLines(el as MParagraph, paragraph, prepared.styleLevels)) blocks.push({ kind: 'line', line });
    }
  }
  if (!blocks.length) throw new JuesuanError('NO_TEXT', 'the DOCX file holds no text');
  return { pages: 0, ocrPages: [], blocks, flags: [] };
};

/** mammoth's top-level elements in document order. Its messages are style-map warnings only
 *  (unknown LibreOffice/WPS style names): they say nothing about the content, so they are dropped. */
async function readBody(bytes: Uint8Array): Promise<MElement[]> {
  let body: MElement[] | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        transformDocument: (doc: MElement) => {
          body = doc.children ?? [];
          return { ...doc, children: [] };
        },
      },
    );
  } catch {
    throw new JuesuanError('CORRUPT_DOCX', 'the DOCX file is damaged or truncated and cannot be opened');
  }
  if (!body) throw new JuesuanError('CORRUPT_DOCX', 'the DOCX file is damaged or truncated and cannot be opened');
  return body;
}

function paragraphLines(p: MParagraph, paragraph: number, styleLevels: Map<string, number>): Line[] {
  const hint = hintOf(p, styleLevels);
  const out: Line[] = [];
  textOf(p)
    .split('\n')
    .forEach((raw, i) => {
      if (raw.trim() !== '') out.push(makeLine(raw, { paragraph, line: i + 1 }, hint));
    });
  return out;
}

const HEADING = /^(?:heading|标题)\s*(\d)$/i;
const CN_HEADING = /^([一二三四五六七八九])级标题$/;

/** Heading level from the style: its outline level, else its name (Heading 2, 标题 2, 二级标题). */
function headingLevel(p: MParagraph, styleLevels: Map<string, number>): number | undefined {
  const byOutline = p.styleId ? styleLevels.get(p.styleId) : undefined;
  if (byOutline) return byOutline;
  const name = (p.styleName ?? '').trim();
  const digit = HEADING.exec(name)?.[1];
  if (digit) return Number(digit);
  const cn = CN_HEADING.exec(name)?.[1];
  return cn ? '一二三四五六七八九'.indexOf(cn) + 1 : undefined;
}

function hintOf(p: MParagraph, styleLevels: Map<string, number>): Line['hint'] | undefined {
  const hint: NonNullable<Line['hint']> = {};
  const level = headingLevel(p, styleLevels);
  if (level) hint.heading = level;
  const runs = runsOf(p).filter((r) => textOf(r).trim() !== '');
  if (runs.length && runs.every((r) => r.isBold)) hint.bold = true;
  const sizes = new Set(runs.map((r) => r.fontSize));
  const size = sizes.size === 1 ? [...sizes][0] : null;
  if (size) hint.fontSize = size;
  return Object.keys(hint).length ? hint : undefined;
}
