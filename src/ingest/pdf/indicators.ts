// Indicator tables (绩效目标表, 绩效自评表) in the PDF: the ruled table right under an indicator
// title, followed onto the next pages while it runs to the page bottom and the next page starts
// with a frame of the same width. Only pages with such a title have their drawing read.
import type { SourceTable } from '../../model.js';
import { loadPattern } from '../../patterns.js';
import type { NumberedLine } from './index.js';
import { lineText, type Glyph } from './layout.js';
import { frames, ruledGrid, type Frame, type RuledPage } from './ruled.js';
import type { Rulings } from './rulings.js';
import { isIndicatorTitle } from './titles.js';
import type { FoundTables } from './tables.js';

/** At most this many body lines between a title and its table (a unit line, 单位名称/填报日期). */
const TITLE_GAP_LINES = 3;
const SAME_EDGE = 4;

export async function indicatorTables(rulingsOf: (page: number) => Promise<Rulings>, lines: NumberedLine[][], glyphs: Glyph[][]): Promise<FoundTables> {
  const out: FoundTables = { startingAt: new Map(), consumed: new Set() };
  const cache = new Map<number, { page: RuledPage; frames: Frame[] }>();
  const pageAt = async (p: number) => {
    let hit = cache.get(p);
    if (!hit) {
      const rulings = await rulingsOf(p);
      const page: RuledPage = { page: p, rulings, glyphs: glyphs[p - 1] ?? [], lines: lines[p - 1] ?? [] };
      hit = { page, frames: frames(p, rulings) };
      cache.set(p, hit);
    }
    return hit;
  };
  const used = new Set<Frame>();
  let count = 0;
  for (const title of lines.flat()) {
    if (title.segs.length > 3 || out.consumed.has(title) || !isIndicatorTitle(lineText(title))) continue;
    let { page, frames: onPage } = await pageAt(title.page);
    // The frame under the title, or the one whose first (title) row holds it.
    let start = onPage.find(
      (f) => !used.has(f) && ((f.top < title.y && page.lines.filter((l) => l.y < title.y && l.y > f.top + 1).length <= TITLE_GAP_LINES) || within(title, f)),
    );
    // A title at the foot of a page whose table starts the next one (a few title lines may follow it
    // on either side of the break: 绩效目标表, (2023年度)).
    if (!start && title.page < lines.length && !onPage.some((f) => f.top < title.y)) {
      const below = page.lines.filter((l) => l.y < title.y).length;
      const next = await pageAt(title.page + 1);
      const f = next.frames[0];
      const above = f ? next.page.lines.filter((l) => l.y > f.top + 1).length : Infinity;
      if (f && !used.has(f) && below + above <= TITLE_GAP_LINES) ({ page, frames: onPage } = next), (start = f);
    }
    if (!start) continue;
    const chain = [{ frame: start, page }];
    for (let last = chain[0]!; runsToBottom(last.frame, last.page) && last.page.page < lines.length; ) {
      const next = await pageAt(last.page.page + 1);
      const f = next.frames[0];
      if (!f || used.has(f) || !startsPage(f, next.page) || Math.abs(f.left - last.frame.left) > SAME_EDGE || Math.abs(f.right - last.frame.right) > SAME_EDGE) break;
      last = { frame: f, page: next.page };
      chain.push(last);
    }
    const table = ruledGrid(chain, `r${++count}`);
    if (!table) continue;
    const inside = chain.flatMap(({ frame, page: p }) => p.lines.filter((l) => within(l, frame)));
    if (!inside.length) continue;
    for (const c of chain) used.add(c.frame);
    const headerRows = headerBand(table);
    if (headerRows) table.headerRows = headerRows;
    out.startingAt.set(inside[0]!, table);
    for (const l of inside) out.consumed.add(l);
  }
  return out;
}

const within = (l: NumberedLine, f: Frame) =>
  l.y <= f.top + 1 && l.y >= f.bottom - 1 && l.segs.every((s) => (s.x0 + s.x1) / 2 >= f.left - 1 && (s.x0 + s.x1) / 2 <= f.right + 1);

/** Nothing but page furniture below the frame. */
const runsToBottom = (f: Frame, p: RuledPage) => !p.lines.some((l) => l.y < f.bottom - 1);
/** Nothing but page furniture above the frame. */
const startsPage = (f: Frame, p: RuledPage) => !p.lines.some((l) => l.y > f.top + 1);

let columnNames: Set<string> | null = null;

/** Rows that make the indicator column header, when they are the table's first rows (一级指标 | 二级指标
 *  | 三级指标 | 指标值, possibly wrapped onto a second row, possibly under a title row); 0 when it sits under a form
 *  (项目名称, 预算执行情况), which the indicator reader finds by its names. */
function headerBand(table: SourceTable): number {
  columnNames ??= new Set(Object.values(loadPattern<{ columns: Record<string, string[]> }>('indicators.yaml').columns).flat().map(fold));
  const names = columnNames;
  const isHeader = (k: number) => (table.rows[k] ?? []).filter((c) => !c.spanned && names.has(fold(c.text))).length >= 3;
  // A title row (one cell across the table) may come first.
  const first = table.rows[0] ?? [];
  const at = isHeader(0) ? 0 : first.length > 1 && first.slice(1).every((c) => c.spanned) && isHeader(1) ? 1 : -1;
  if (at < 0) return 0;
  const next = table.rows[at + 1] ?? [];
  const wrap = next.some((c) => !c.spanned && c.text) && next.every((c, j) => c.spanned || !c.text || names.has(fold((table.rows[at]![j]?.text ?? '') + c.text)));
  return at + (wrap ? 2 : 1);
}

const fold = (t: string) => t.replace(/\s+/g, '').replace(/[（(][A-Za-z/×*+\-]*[)）]/g, '');
