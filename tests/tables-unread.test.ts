// A table whose title is found but whose rows arrive as plain lines of figures is not "empty": that
// would be a wrong claim about the document. Its `empty` is null (unknown).
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { SEED_TXT, corpus } from './paths.js';

describe('tables[].empty', () => {
  it('is false for tables printed as lines of figures in a page dump, now read as tables (issue 12)', async () => {
    const r = await extract(corpus('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt'));
    const byKind = Object.fromEntries(r.tables.map((t) => [t.kind, t.empty]));
    expect(byKind['公开01表']).toBe(false);
    expect(byKind['公开07表']).toBe(false);
    expect(r.flags.filter((f) => f.code === 'EMPTY_TABLE_UNEXPLAINED')).toEqual([]);
  });

  it('is true for a title with nothing under it, and for one explained as empty', async () => {
    const r = await extract(SEED_TXT);
    const t = (kind: string) => r.tables.find((x) => x.kind === kind)!;
    expect([t('公开01表').empty, t('公开01表').note]).toEqual([true, null]);
    expect([t('公开08表').empty, t('公开08表').note]).toEqual([true, '本单位无政府性基金预算财政拨款收入支出。']);
  });
});
