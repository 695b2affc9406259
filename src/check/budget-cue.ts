import type { Fact } from '../model.js';
import { lineKey, type TextIndex } from './lines.js';

/** Which budget a figure or a completion rate names by the words right before it: 年初预算 (initial),
 *  调整预算/全年预算/调整后预算 (adjusted), or just 预算 (plain). A report that states both budgets
 *  (“年初预算为100.00万元，调整预算为120.00万元，支出决算为110.00万元，完成调整预算的91.67%”) compares each
 *  claim and rate with the budget it names. */
export type BudgetCue = 'initial' | 'adjusted' | 'plain';

export function cueOfWords(words: string): BudgetCue {
  return /年初预算/u.test(words) ? 'initial' : /(?:调整后?|全年)预算/u.test(words) ? 'adjusted' : 'plain';
}

/** The cue of a fact: its line's words from the last stop before it up to the figure. */
export function budgetCue(text: TextIndex, f: Fact): BudgetCue {
  const raw = text.lines.get(lineKey(f.loc))?.raw;
  if (raw === undefined || f.loc.start === undefined || f.loc.start === null) return 'plain';
  const head = raw.slice(0, f.loc.start);
  const stop = Math.max(...['，', '。', '；', ',', ';', '：', ':'].map((s) => head.lastIndexOf(s)));
  return cueOfWords(head.slice(stop + 1));
}

/** Of the budgets before a figure, the one a named cue asks for; for a plain cue the nearest, unless
 *  budgets of two names stand there (which one “预算” means is then unknown: nothing). */
export function namedBudget(text: TextIndex, budgets: Fact[], cue: BudgetCue): Fact | undefined {
  const cues = budgets.map((b) => budgetCue(text, b));
  if (cue !== 'plain') {
    for (let i = budgets.length - 1; i >= 0; i--) if (cues[i] === cue) return budgets[i];
    // Named, but no budget of that name is printed: a lone budget is the year's budget whatever its name
    // (“年初预算为52.00万元…决算数大于全年预算数”); of two or more, which one is unknown.
    return budgets.length === 1 ? budgets[0] : undefined;
  }
  return new Set(cues.filter((c) => c !== 'plain')).size > 1 ? undefined : budgets[budgets.length - 1];
}
