// A share whose part and whole are both only in the tables (“基本支出占总支出的80.00%”, “财政拨款收入占本年收入的95.00%”: no
// figure in its clause): the part's and the whole's cells in the ledger, each of one value wherever printed, give the rate
// by interval arithmetic (PERCENT_MISMATCH). Skipped (no flag) when either is not one cell value, when the words name no
// metric, or when the part's fund (its words', else its section's) is not the cells' fund: 基本支出 in the 一般公共预算财政拨款
// section is that fund's, not the 支出决算表's.
import type { ExtractedDocument, Fact, Flag, OutlineNode } from '../model.js';
import { fundIn } from '../extract/ledger.js';
import { metricForLabel } from '../extract/metrics.js';
import { checksConfig } from './config.js';
import { placeOf } from './flag.js';
import { formatPercent, isAmount, percentFits, yuanOf } from './numbers.js';
import { type Ctx, flagOn, show, isLevel, isRate, ratioRange, paragraphText } from './prose-figures.js';

/** “X占Y的” right before the share, no figure in the clause: X and Y. */
const CLAUSE = /(?:^|[。；;，,：:])(?:其中[：:，,]?)?([^，,。；;：:\d%％]{2,20})占([^，,。；;：:\d%％]{2,20}?)(?:的)?(?:比重|比例|比)?(?:为|是|达到?)?$/u;

function sectionFunds(outline: OutlineNode[]): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const walk = (ns: OutlineNode[], inherited: string | undefined) => {
    for (const n of ns) {
      const f = fundIn(n.title) ?? inherited;
      out.set(n.id, f);
      walk(n.children, f);
    }
  };
  walk(outline, undefined);
  return out;
}

/** The one value the tables print for a metric this year, of a fund (none: the all-funds tables), or undefined. */
function cellOf(doc: ExtractedDocument, metric: string, fund: string | undefined): Fact | undefined {
  const cells = doc.facts.filter((g) => g.from === 'table' && g.metric === metric && isAmount(g) && isLevel(g) && g.year === doc.document.year && yuanOf(g) !== null);
  if (!cells.length || cells.some((g) => yuanOf(g) !== yuanOf(cells[0]!) || g.about?.fund !== fund)) return undefined;
  return cells[0];
}

export function ledgerShares(ctx: Ctx, baseMetric: (phrase: string) => string | undefined): Flag[] {
  const flags: Flag[] = [];
  const half = checksConfig().tolerances.percentHalfUnit;
  const minPts = checksConfig().tolerances.minPercentPoints;
  const funds = sectionFunds(ctx.doc.outline);
  for (const list of ctx.byLine.values()) {
    list.forEach((s) => {
      if (!isRate(s) || s.role !== 'share') return;
      const m = CLAUSE.exec(paragraphText(ctx.text, s, 'before', 1));
      if (!m) return;
      // (no figure in the clause: the words before 占 reach back to a stop)
      const partWords = m[1]!.replace(/^(?:其中|本年度?|当年|年度)/u, '');
      const part = metricForLabel(partWords, 'text');
      const whole = baseMetric(m[2]!);
      if (!part || !whole || part === whole) return;
      const fund = fundIn(partWords) ?? (s.section ? funds.get(s.section) : undefined);
      const p = cellOf(ctx.doc, part, fund);
      const w = cellOf(ctx.doc, whole, fundIn(m[2]!) ?? (fundIn(partWords) ? undefined : fund));
      const py = p ? yuanOf(p) : null;
      const wy = w ? yuanOf(w) : null;
      if (!p || !w || py === null || wy === null || wy <= 0 || p.unit !== w.unit) return;
      const [lo, hi] = ratioRange(p, py, w, wy);
      if (percentFits(s, lo, hi, half, minPts)) return;
      const expected = formatPercent(py / wy, s.text);
      const at = (f: Fact) => `${f.about?.table ?? '表'}${placeOf(f.loc)}`;
      flags.push(flagOn(s, 'PERCENT_MISMATCH', `占比与表中金额不符：${partWords}${show(p)}（${at(p)}）÷${m[2]}${show(w)}（${at(w)}）约为${expected}，文中写${s.text}%。`, expected, `${s.text}%`));
    });
  }
  return flags;
}
