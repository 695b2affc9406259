// Session 16 (renwu 预算 screen): narrative figures read as parts of the wrong whole. Figures made up; layouts as
// printed by the 2026 预算 of Xi'an, Shenzhen, Suzhou, Huzhou, Beijing and Guangzhou (src/check/sums.ts,
// src/ingest/normalize.ts).
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { ingest } from '../src/ingest/index.js';
import type { CheckedDocument } from '../src/model.js';
import { normalize } from '../src/ingest/normalize.js';
import { checkLines as run } from './check-helpers.js';

const codes = /SUM_MISMATCH|UNIT_SUSPECT/u;
const show = (d: CheckedDocument) => d.flags.filter((f) => codes.test(f.code)).map((f) => [f.code, f.severity, f.loc?.line, f.message]);
const head = ['西安市某某局2026年部门预算', '第二部分 部门预算情况说明'];

describe('an income and an expenditure are not one list', () => {
  it('收入…其中：…；支出…其中：… — the 支出 is no item of the 收入', async () => {
    const d = await run([...head, '五、收支预算总体情况说明', '本部门当年预算收入9,216.51万元，其中：一般公共预算拨款9,216.51万元，较上年增加208.95万元，增长2.32%，增长的主要原因是：人员经费收入增加；本部门当年预算支出9,216.51万元，其中：一般公共预算拨款9,216.51万元，较上年增加208.95万元，增长2.32%。']);
    expect(show(d)).toEqual([]);
  });
  it('a real excess inside the 收入 list is still flagged', async () => {
    const d = await run([...head, '五、收支预算总体情况说明', '本部门当年预算收入9,216.51万元，其中：一般公共预算拨款9,000.00万元，其他收入300.00万元；本部门当年预算支出9,216.51万元。']);
    expect(show(d).map((f) => f.slice(0, 3))).toEqual([['SUM_MISMATCH', 'error', 4]]);
  });
});

describe('a reason clause opens no list', () => {
  it('…下降的主要原因是：…；next sibling item — not a part of the item before', async () => {
    const d = await run([...head, '十、“三公”经费情况说明', '本部门当年“三公”经费预算支出10.10万元，较上年减少1.90万元。其中：因公出国（境）经费0.00万元；公务接待费1.00万元，较上年减少1.00万元，下降50.00%，下降的主要原因是：压减公务接待费支出；公务用车运行维护费9.10万元，较上年减少0.90万元；公务用车购置费0.00万元。']);
    expect(show(d)).toEqual([]);
  });
  it('…用于X，包括Y；next item — the purpose’s 包括 lists no figures of the item', async () => {
    const d = await run([...head, '三、项目支出', '信访专项486.39万元，主要包括：信访工作经费216.40万元；综合业务培训经费20.00万元，主要用于信访综合业务培训支出，包括信访干部业务培训；信访备用金85.00万元；信访政务运行管理83.09万元。']);
    expect(show(d)).toEqual([]);
  });
  it('a figure of a reason sentence is not the whole of the 其中 after it', async () => {
    const d = await run([...head, '五、财政拨款支出预算情况说明', '本局2026年财政拨款预算支出92,596.24万元。与上年相比，财政拨款支出增加28,997.47万元，增长45.59%。主要原因是新增转拨项目退圩还湖工程31000万元。', '其中：', '（一）社会保障和就业支出（类）138.80万元。', '（二）卫生健康支出（类）66.59万元。', '（三）农林水支出（类）92,390.85万元。']);
    expect(show(d)).toEqual([]);
  });
});

describe('a numbered breakdown is of the total it is numbered under', () => {
  it('1.按功能分类，包括…。2.按用途分类，包括… — the second list is not the last 类’s', async () => {
    const d = await run([...head, '（三）支出预算情况说明', '2026年支出预算6256.31万元，比上年执行数增加268.28万元，增长4.5%。', '1.按支出功能分类，包括社会保障和就业支出6039.81万元、卫生健康支出71.42万元、住房保障支出145.08万元。', '2.按支出用途分类，包括人员支出1487.48万元，占23.8%；日常公用支出116.93万元，占1.9%；项目支出4651.90万元，占74.4%。']);
    expect(show(d)).toEqual([]);
  });
});

describe('a 收入预算 that holds 上年结转结余', () => {
  const beijing = (carry: string) => [
    '北京市某某局2026年部门预算',
    '二、收入预算情况说明',
    '2026年度收入预算9626.78万元，比2025年年初预算数9000.00万元增加626.78万元，增长6.96%。',
    '（一）本年财政拨款收入9616.34万元',
    '1.一般公共预算拨款收入9616.34万元。',
    '（二）本年其他资金收入0万元',
    '5.事业收入0万元。',
    '6.上级补助收入0万元。',
    '7.附属单位上缴收入0万元。',
    '8.事业单位经营收入0万元。',
    '9.其他收入0万元。',
    ...(carry ? [`（三）上年结转结余${carry}万元`] : []),
  ];
  it('the 本年 items with a 上年结转结余 beside them: no complete-sum verdict', async () => {
    expect(show(await run(beijing('10.44')))).toEqual([]);
  });
  it('with no 上年结转结余 stated, the items must still make the 收入', async () => {
    expect(show(await run(beijing(''))).map((f) => f.slice(0, 2))).toEqual([['SUM_MISMATCH', 'error']]);
  });
});

describe('a letter-spaced line (justified text)', () => {
  it('reads its spaced digits as one number', () => {
    expect(normalize('2 0 2 6 年 本 部 门 收 入 预 算 1 2 1 , 3 9 3 . 5 2 万 元 ， 比 上 年 增 加').text).toBe('2026年本部门收入预算121,393.52万元，比上年增加');
  });
  it('keeps a row of one-digit cells apart', () => {
    expect(normalize('1 2 3 4 5 6 7 8 9 1 0 1 1').text).toBe('1 2 3 4 5 6 7 8 9 1 0 1 1');
    expect(normalize('合计 1 2 3 4').text).toBe('合计1 2 3 4');
  });
  it('no UNIT_SUSPECT from a spaced total', async () => {
    const d = await run(['广州市某某局2026年部门预算', '一、部门预算收支增减变化情况', '2 0 2 6 年 本 部 门 收 入 预 算 1 2 1 , 3 9 3 . 5 2 万 元 ， 比 上 年 增 加', '10,410.58万元，增长9.4%，主要原因是增加了活动配套资金收入预算。']);
    expect(show(d)).toEqual([]);
  });
});
