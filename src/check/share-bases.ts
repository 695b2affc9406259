// The other totals a share may be of, tried before a share is called wrong. A report states more than one total
// under the words a share names loosely (占总支出的: 支出总计 with the carry-over, or 本年支出合计 without) — in the
// share's own sentence, or as a table's total row: a share that fits any of them at its printed precision is right.
import type { Fact } from '../model.js';
import { checksConfig } from './config.js';
import { yuanOf } from './numbers.js';
import { type Ctx, fold, isLevel, readingOrder, textBetween } from './prose-figures.js';

const SENTENCE_END = /[。！？!?]/u;

export interface OtherBases {
  /** The amounts stated in `part`'s sentence before it, larger than it, not themselves `listed` with a share (“我校支出预算490.00万元（本年支出预算410.00万元），
   *  其中：教育支出398.00万元，占总支出的81.22%”: either total). */
  sentence(part: Fact, listed: Set<Fact>): Fact[];
  /** The table rows of the year whose label names `base` (支出总计 as well as 本年支出合计, for 占总支出), larger than
   *  `part`; none where the tables print more such totals than `shareTableTotals` (a report of many units: no one
   *  share's base among them). */
  named(base: string, part: Fact): Fact[];
}

export function otherBases(ctx: Ctx, baseMetric: (phrase: string) => string | undefined): OtherBases {
  let order: Fact[] | undefined;
  let at: Map<Fact, number> | undefined;
  const byBase = new Map<string, Fact[]>();
  const year = ctx.doc.document.year;
  const ofYear = (g: Fact) => isLevel(g) && (g.year === null || year === null || g.year === year);
  const larger = (g: Fact, part: Fact) => (yuanOf(g) ?? 0) > (yuanOf(part) ?? Infinity);
  return {
    sentence(part, listed) {
      order ??= readingOrder(ctx);
      at ??= new Map(order.map((f, i) => [f, i]));
      const i = at.get(part);
      const out: Fact[] = [];
      if (i === undefined) return out;
      for (let k = i - 1; k >= 0; k--) {
        const gap = textBetween(ctx.text, order[k]!, order[k + 1]!);
        if (gap === null || SENTENCE_END.test(gap)) break;
        const g = order[k]!;
        if (ofYear(g) && larger(g, part) && !listed.has(g)) out.push(g);
      }
      return out;
    },
    named(base, part) {
      let list = byBase.get(base);
      if (!list) {
        list = ctx.doc.facts.filter((g) => g.from === 'table' && ofYear(g) && g.label && baseMetric(fold(g.label)) === base);
        if (new Set(list.map(yuanOf)).size > (checksConfig().shareTableTotals ?? 0)) list = [];
        byBase.set(base, list);
      }
      return list.filter((g) => larger(g, part));
    },
  };
}
