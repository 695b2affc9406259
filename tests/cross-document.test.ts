// Checks across documents (issue 14): a synthetic pair of one unit's 决算 for two consecutive years (and
// that year's 预算), made by scripts/gen-year-pair.ts from the seed's wording, the earlier report naming
// the unit in full and the later in short. One changed prior-year figure gets exactly one
// PRIOR_YEAR_MISMATCH, with both places; a changed 年初预算 exactly one BUDGET_MISMATCH; and the links
// survive sharding: `merge` gives what one run gives.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeYearPair, type Changed } from '../scripts/gen-year-pair.js';
import { CROSS_DOCUMENT_CODES, crossCheck, currentCells, digest, needsCells } from '../src/check/cross-document.js';
import { extract, mergeOutputs, runBatch } from '../src/index.js';
import { tmp } from './batch-fixtures.js';

async function pair(changed: Changed) {
  const paths = writeYearPair(await tmp(), changed);
  const records = { early: await extract(paths.early), late: await extract(paths.late), budget: await extract(paths.budget) };
  const digests = (['early', 'late', 'budget'] as const).map((k) => digest(records[k], k));
  // As the batch does: the table cells of just the reports a later report's 上年数 cells point at.
  const cells = new Map([...needsCells(digests)].map((name) => [name, currentCells(records[name as keyof typeof records])]));
  expect([...cells.keys()]).toEqual(['early']);
  return { paths, records, ...crossCheck(digests, cells) };
}

describe('cross-document checks', () => {
  it('a changed prior-year figure gets exactly one PRIOR_YEAR_MISMATCH, with both places', async () => {
    const { paths, records, flags, links } = await pair('expenditure');
    expect(records.early.document.unitKey).toBe(records.late.document.unitKey);
    expect([...flags.keys()]).toEqual(['late']);
    expect(flags.get('late')).toEqual([
      {
        code: 'PRIOR_YEAR_MISMATCH',
        severity: 'warning',
        message: `2023年报告称支出合计93.93万元、比上年增加12.14万元，即2022年支出合计为81.79万元；而2022年报告（${paths.early} 第1页第37行）为79.79万元。`,
        loc: records.late.facts.find((f) => f.metric === 'total_expenditure' && f.role === 'change' && f.unit === '万元')!.loc,
        excerpt: '2023年度支出合计93.93万元，与2022年度相比，支出合计增加12.14万元，增长14.84%。',
        expected: `79.79万元（${paths.early} 第1页第37行）`,
        found: '81.79万元',
      },
    ]);
    expect(links.map((l) => [l.relation, l.from.name, l.to.name, l.compared, l.mismatches])).toEqual([
      ['prior_year', 'late', 'early', 11, 1],
      ['budget', 'late', 'budget', 1, 0],
    ]);
  });

  it('a consistent pair gets no flag', async () => {
    const { flags, links } = await pair(null);
    expect(flags.size).toBe(0);
    // Six narrative figures and the five rows of the 上年决算数 column; the 预算's one figure.
    expect(links.map((l) => l.compared)).toEqual([11, 1]);
  });

  it('a changed 上年决算数 cell gets exactly one PRIOR_YEAR_MISMATCH, against the earlier table’s cell', async () => {
    const { paths, flags } = await pair('tableCell');
    expect(flags.get('late')?.map((f) => [f.code, f.message, f.loc?.line, f.expected, f.found])).toEqual([
      [
        'PRIOR_YEAR_MISMATCH',
        `2023年报告公开05表“2012901 行政运行”的上年数为70.00万元；而2022年报告（${paths.early} 第1页第28行）为68.00万元。`,
        27,
        `68.00万元（${paths.early} 第1页第28行）`,
        '70.00万元',
      ],
    ]);
  });

  it('a 年初预算 that is not the 预算’s figure gets exactly one BUDGET_MISMATCH', async () => {
    const { paths, flags } = await pair('initialBudget');
    expect(flags.get('late')?.map((f) => [f.code, f.message, f.expected, f.found])).toEqual([
      ['BUDGET_MISMATCH', `决算所列一般公共预算财政拨款支出年初预算88.86万元，与同年预算（${paths.budget} 第1页第3行）的一般公共预算财政拨款支出86.86万元不符。`, `86.86万元（${paths.budget} 第1页第3行）`, '88.86万元'],
    ]);
  });

  it('pairs nothing it is unsure of: two reports of one unit and year, or another unit', async () => {
    const { records } = await pair('expenditure');
    const twice = crossCheck([digest(records.early, 'a'), digest(records.late, 'b'), digest(records.late, 'c')]);
    expect(twice.links).toEqual([]);
    const other = { ...records.early, document: { ...records.early.document, unitKey: '普陀区另一局' } };
    expect(crossCheck([digest(other, 'a'), digest(records.late, 'b')]).links).toEqual([]);
  });

  it('writes the flag into the batch files and links.csv, and merge keeps it across shards', async () => {
    const paths = writeYearPair(await tmp(), 'expenditure');
    const inputs = [paths.early, paths.late, paths.budget];
    const whole = await tmp();
    await runBatch(inputs, { out: whole, concurrency: 1 });
    const flagsCsv = await readFile(join(whole, 'flags.csv'), 'utf8');
    expect(flagsCsv.match(/PRIOR_YEAR_MISMATCH/g)?.length).toBe(1);
    const record = JSON.parse(await readFile(join(whole, 'late.json'), 'utf8'));
    expect(record.flags.filter((f: { code: string }) => CROSS_DOCUMENT_CODES.includes(f.code as never)).length).toBe(1);
    const links = await readFile(join(whole, 'links.csv'), 'utf8');
    expect(links.trimEnd().split('\r\n').length).toBe(3);

    // Each shard alone may hold one report of the pair; the merged folder holds the link again.
    const shards = [await tmp(), await tmp()];
    for (const [i, s] of shards.entries()) await runBatch(inputs, { out: s, concurrency: 1, shard: { index: i, count: 2, from: '--shard' } });
    // (The generated reports fall in different shards: neither shard alone sees the pair.)
    for (const s of shards) expect(await readFile(join(s, 'flags.csv'), 'utf8')).not.toContain('PRIOR_YEAR_MISMATCH');
    const merged = await tmp();
    await mergeOutputs(shards, merged);
    for (const f of ['flags.csv', 'links.csv', 'documents.jsonl', 'dataset.csv', 'late.json']) expect(await readFile(join(merged, f), 'utf8'), f).toBe(await readFile(join(whole, f), 'utf8'));
    // A second finish (a rerun) neither adds the flag twice nor loses it.
    await runBatch(inputs, { out: whole, concurrency: 1 });
    expect((await readFile(join(whole, 'flags.csv'), 'utf8')).match(/PRIOR_YEAR_MISMATCH/g)?.length).toBe(1);
  });
});
