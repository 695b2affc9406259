// Session 10, templates: fund columns are funds, not roles; the template families gen-variants makes.
import { describe, expect, it } from 'vitest';
import { layoutText, makeVariant } from '../scripts/gen-variants.js';
import { processDocument } from '../src/pipeline.js';

const run = (lines: string[]) => processDocument(new TextEncoder().encode(lines.join('\n') + '\n'), { ocr: 'off' });
const renditions: [string, (lines: string[]) => string[]][] = [
  ['text', (lines) => lines],
  ['-layout dump', layoutText],
];

describe.each(renditions)('公开04/预算04: a fund column’s header names a fund, not the figure’s role (%s)', (_name, render) => {
  /** role|column|row name|value of every cell of the 财政拨款收支总表 under a fund column. */
  const fundCells = async (layout: 'zhanjiang' | 'yusuan') => {
    const doc = await run(render(makeVariant(layout, 'none').lines));
    const t = doc.tables.find((x) => /^(?:公开04|预算04)/.test(x.kind));
    expect(t).toBeDefined();
    return doc.facts
      .filter((f) => f.loc.table === t!.id && ['general_budget', 'gov_fund', 'state_capital'].includes(f.about?.column ?? ''))
      .map((f) => `${f.role}|${f.about!.column}|${f.about!.name}|${f.text}`);
  };

  it('决算: 一般公共预算财政拨款 / 政府性基金预算财政拨款 columns hold the year’s actual figures', async () => {
    const cells = await fundCells('zhanjiang');
    expect(cells).toContain('actual|general_budget|一般公共服务支出|400.05');
    expect(cells).toContain('actual|general_budget|本年支出合计|443.15');
    expect(cells).toContain('actual|gov_fund|本年支出合计|0.00');
    expect(cells.filter((c) => !c.startsWith('actual|'))).toEqual([]);
  }, 30_000);

  it('预算: the same columns hold the budget', async () => {
    const cells = await fundCells('yusuan');
    expect(cells).toContain('budget|general_budget|本年支出合计|443.15');
    expect(cells.filter((c) => !c.startsWith('budget|'))).toEqual([]);
  }, 30_000);
});
