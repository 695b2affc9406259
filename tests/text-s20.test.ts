// Session 20, GovBudgetChecker's fixtures read as unseen material: its golden 生态环境局 2025 决算 (A-001: a year cut
// short in the contents; A-002: a decrease and 持平 said of one comparison) and its 文旅局 2026 预算 (增加持平).
import { describe, expect, it } from 'vitest';
import { checkLines } from './check-helpers.js';

const of = async (lines: string[], codes: string[]) => (await checkLines(lines)).flags.filter((f) => codes.includes(f.code)).map((f) => `${f.loc?.line} ${f.code} ${f.severity} ${f.message}`);

describe('a year with its last digit left out', () => {
  const toc = ['上海市某某局2025年度部门决算', '目 录', '第一部分 上海市某某局概况', '第二部分 上海市某某局 2025 年度部门决算表', '第三部分 上海市某某局 202 年度部门决算情况说明', '第一部分 上海市某某局概况'];

  it('is YEAR_MISMATCH in an entry of the contents', async () => {
    expect(await of(toc, ['YEAR_MISMATCH'])).toEqual(['5 YEAR_MISMATCH error 标题年份不完整：本报告为2025年度，标题却写“202年”。']);
  });

  it('is BLANK_VALUE in prose', async () => {
    expect(await of(['某某局2025年度部门决算', '本单位202 年度收入合计100.00万元。'], ['BLANK_VALUE'])).toEqual(['2 BLANK_VALUE error 年份不完整：“年”前只有三位数字，缺了一位。']);
  });

  it('is nothing in a full year or a figure before 年', async () => {
    expect(await of(['某某局2025年度部门决算', '本单位2025年度收入合计100.00万元，较2024 年增加20.00万元。', '已使用3.202年。', '按200年一遇防洪标准建设。', '达到100年一遇标准。'], ['BLANK_VALUE', 'YEAR_MISMATCH'])).toEqual([]);
  });
});

describe('one comparison said two ways', () => {
  it('is DIRECTION_CONFLICT: a decrease, then 持平 with the year, in the clause after it', async () => {
    expect(await of(['某某局2025年度部门决算', '2025年度公务接待费支出决算减少为0.00 万元，与2024年持平。'], ['DIRECTION_CONFLICT'])).toEqual([
      '2 DIRECTION_CONFLICT error 增减方向矛盾：前面说增加或减少，紧接着又说与上年持平。',
    ]);
  });

  it('is DIRECTION_CONFLICT: 增加持平 fused', async () => {
    expect(await of(['某某局2026年部门预算', '2026年机关运行经费预算与2025年预算增加持平。'], ['DIRECTION_CONFLICT'])).toEqual(['2 DIRECTION_CONFLICT error 增减方向矛盾：相反的词连在一起，无法判断是增还是减。']);
  });

  it('is nothing for 基本持平 after a small change, or a change against the budget beside 持平 against last year', async () => {
    expect(await of(['某某局2025年度部门决算', '基本支出增加0.50万元，与上年基本持平。', '项目支出比年初预算减少5.00万元，与上年持平。'], ['DIRECTION_CONFLICT'])).toEqual([]);
  });
});

describe('a zero change beside 持平 (泉州 2026 预算)', () => {
  it('is no conflict', async () => {
    expect(await of(['某某局2026年部门预算', '机关运行经费比上年增加0.00万元，增长0.00%，与上年持平。'], ['DIRECTION_CONFLICT'])).toEqual([]);
  });
});
