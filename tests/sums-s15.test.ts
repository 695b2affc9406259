// Session 15: a list closed by its 合计 (src/check/sums.ts partsWithinTotal). The 上海 预算 project pages
// write `年度项目总预算X万元，其中A…，B…，合计X万元`: the 合计 is the items' sum, not one more item (a false
// 部分大于整体 counted it: 2820.00 over 1410.00), and the items must add up to it. Figures made up.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const show = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'SUM_MISMATCH').map((f) => [f.code, f.severity, f.loc?.line, f.expected, f.found, f.message]);

const doc = (last: string) => [
  '上海市普陀区某某委员会2026年部门预算',
  '某某专项经费情况说明',
  '六、年度预算安排',
  `2026年度项目总预算1410.00万元，其中支持品牌集聚340.00万元，支持示范地标120.00万元，支持消费提升800.00万元，支持数字化创新70.00万元，支持综合服务能力提升${last}万元，合计1410.00万元。`,
];

describe('a list closed by 合计', () => {
  it('the items adding up to their 合计: no flag (the 合计 is no part)', async () => {
    expect(show(await run(doc('80.00')))).toEqual([]);
  });
  it('an item changed: the items no longer make their 合计', async () => {
    expect(show(await run(doc('96.13')))).toEqual([
      ['SUM_MISMATCH', 'error', 4, '1426.13万元', '1410.00万元', '各部分之和与合计不符：支持品牌集聚340.00万元＋支持示范地标120.00万元＋支持消费提升800.00万元＋支持数字化创新70.00万元＋支持综合服务能力提升96.13万元＝1426.13万元，而合计为1410.00万元。'],
    ]);
  });
});

describe('万 written for 万元 (src/extract/facts/scan.ts bareWan)', () => {
  const wan = (last: string) => doc(last).map((l) => l.replace(/(\d)万元/gu, '$1万'));
  it('reads the figures of a money paragraph that writes 万 for 万元', async () => {
    expect(show(await run(wan('80.00')))).toEqual([]);
    expect(show(await run(wan('96.13'))).map((f) => f.slice(0, 5))).toEqual([['SUM_MISMATCH', 'error', 4, '1426.13万元', '1410.00万元']]);
  });
  it('an item read as a change (its name ends in 增长) leaves the closing 合计 without a verdict', async () => {
    const lines = wan('80.00');
    lines[3] = lines[3]!.replace('支持示范地标120.00万', '支持商销稳增长120.00万').replace('合计1410.00万', '合计1400.00万');
    expect(show(await run(lines))).toEqual([]);
  });
  it('not a count: 1.2万人次, nor a bare 万 in a paragraph about no money', async () => {
    const d = await run(['上海市普陀区某某委员会2026年部门预算', '一、部门概况', '全年服务群众1.2万人次，覆盖人口12.35万，其中户籍人口8.10万，外来人口3.20万。']);
    expect(d.facts.filter((f) => f.kind === 'amount').map((f) => f.text)).toEqual([]);
  });
  it('not a whole number before a bare 万, even in a paragraph about money (惠及群众3万 counts people)', async () => {
    const d = await run(['上海市普陀区某某委员会2026年部门预算', '一、部门概况', '安排项目资金200.00万元，惠及群众3万，服务企业1.5万。']);
    expect(d.facts.filter((f) => f.kind === 'amount').map((f) => f.text)).toEqual(['200.00']);
  });
});
