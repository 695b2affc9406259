// A table title cut in two by a line printed on the same band. `pdftotext -raw` writes text in the order
// the PDF drew it, so a part heading set beside the title can come out between the title's pieces:
// `收入支出决算总` / `第二部分 …部门决算表` / `表`. Unless the pieces are one line again, the table has no
// title (its rows read as prose). Done on the dump's lines before any table is read.
import { completesTitle } from './pdf/tables.js';
import { matchTitle } from './pdf/titles.js';

interface PageLine {
  raw: string;
  page: number;
  line: number;
}

/** A line that can stand between a title's pieces: a heading or running header, not table content (no
 *  decimal figure, no cells apart by wide spaces), no sentence or label (no clause punctuation, no
 *  colon: 单位：万元 belongs under the title), and no table title or title piece of its own. */
function interrupts(mid: string, tail: string): boolean {
  const t = mid.trim();
  if (!t || mid.startsWith('\t') || t.length > 60) return false;
  if (/\d[.．]\d|\S\s{2,}\S|[。；;，,：:]/u.test(t)) return false;
  return !matchTitle(t) && !completesTitle(t, tail);
}

/** The lines with each title rejoined: a line that is no title, another line on the same page, then a
 *  short line that completes the first into a title (completesTitle) become the middle line, then the
 *  title (at its first piece's place). The middle line goes first: it shares the title's band (raw wrote
 *  it where the PDF drew it), and a heading between a table's title and its rows would end the table. */
export function splitTitlesJoined<L extends PageLine>(lines: L[]): L[] {
  const out: L[] = [];
  for (let i = 0; i < lines.length; i++) {
    const [cur, mid, tail] = [lines[i]!, lines[i + 1], lines[i + 2]];
    const samePage = mid && tail && mid.page === cur.page && tail.page === cur.page;
    if (samePage && !cur.raw.startsWith('\t') && !tail.raw.startsWith('\t') && interrupts(mid.raw, tail.raw.trim()) && completesTitle(cur.raw.trim(), tail.raw.trim())) {
      out.push(mid, { ...cur, raw: cur.raw.trimEnd() + tail.raw.trim() });
      i += 2;
      continue;
    }
    out.push(cur);
  }
  return out;
}
