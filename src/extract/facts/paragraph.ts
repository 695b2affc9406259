// A paragraph: consecutive body lines joined where a sentence runs on past the line break (PDF text
// wraps mid-sentence, even between a number and its unit: "9800.36 万\n元"). Offsets into the joined
// text map back to (line, raw offset) for loc and excerpt.
import type { Line } from '../../model.js';

export interface Part {
  line: Line;
  /** The block index of the line in the document (for sectionOf). */
  block: number;
  /** Where the line's text starts in the paragraph's text. */
  offset: number;
}

export class Paragraph {
  readonly text: string;
  readonly parts: Part[];
  /** sectionOf of each part's block, when the document has one. */
  sections?: (string | null)[];
  /** The paragraph opens a sentence: the body line just before it ended one (not a heading, a table
   *  or a page break in mid-sentence). */
  opensSentence = false;

  constructor(lines: { line: Line; block: number }[]) {
    let offset = 0;
    this.parts = lines.map(({ line, block }) => {
      const p = { line, block, offset };
      offset += line.text.length;
      return p;
    });
    this.text = lines.map((l) => l.line.text).join('');
  }

  /** The part holding text offset `o` (an offset at a line end belongs to that line). */
  partAt(o: number): Part {
    let found = this.parts[0]!;
    for (const p of this.parts) if (p.offset <= o && (p.offset < o || p.line.text.length > 0)) found = p;
    return found;
  }

  /** Raw offset in its line of text offset `o` of the part. */
  rawOffset(p: Part, o: number): number {
    return p.line.map[o - p.offset] ?? p.line.raw.length;
  }

  /** The verbatim source of text[s, e), lines joined by a line break. */
  raw(s: number, e: number): string {
    const out: string[] = [];
    for (const p of this.parts) {
      const ps = Math.max(s, p.offset);
      const pe = Math.min(e, p.offset + p.line.text.length);
      if (pe <= ps) continue;
      const rs = this.rawOffset(p, ps);
      const re = pe >= p.offset + p.line.text.length ? p.line.raw.length : this.rawOffset(p, pe);
      out.push(p.line.raw.slice(rs, re).trim());
    }
    return out.join('\n');
  }
}

/** A line runs on into the next unless it ends a sentence or a lead-in (。；：！？). */
export const runsOn = (line: Line) => !/[。；;：:！？!?]$/.test(line.text);
