// Claims on real layouts (issue 11): a real corpus document, one line edited as a writer's slip would
// edit it, checked end to end; the flag must be raised at that line, and nothing else new.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { makeLine } from '../src/ingest/normalize.js';
import type { CheckedDocument, Flag, IngestedDocument } from '../src/model.js';
import { segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

const run = (doc: IngestedDocument): CheckedDocument => check(extract(segment(doc)));
const cache = new Map<string, Promise<{ doc: IngestedDocument; base: CheckedDocument }>>();
const clean = (name: string) => {
  if (!cache.has(name)) cache.set(name, ingest(corpus(name), { ocr: 'off' }).then((doc) => ({ doc, base: run(doc) })));
  return cache.get(name)!;
};
const key = (f: Flag) => `${f.code}|${f.severity}|${f.loc?.page}:${f.loc?.line}|${f.message}`;

/** The flags the edit adds: `was` replaced by `now` on line `line` of page `page`. */
async function edited(name: string, page: number, line: number, was: string, now: string): Promise<Flag[]> {
  const { doc, base } = await clean(name);
  const i = doc.blocks.findIndex((b) => b.kind === 'line' && b.line.loc.page === page && b.line.loc.line === line);
  const b = doc.blocks[i];
  if (!b || b.kind !== 'line' || !b.line.raw.includes(was)) throw new Error(`“${was}” not on ${page}:${line}`);
  const blocks = doc.blocks.slice();
  blocks[i] = { kind: 'line', line: makeLine(b.line.raw.replace(was, now), b.line.loc, b.line.hint) };
  const after = run({ ...doc, blocks, flags: doc.flags.slice() });
  const before = new Set(base.flags.map(key));
  return after.flags.filter((f) => !before.has(key(f)));
}
const brief = (fs: Flag[]) => fs.map((f) => [f.code, f.severity, f.loc?.page, f.loc?.line, f.found]);

describe('an amount without its unit, on real layouts', () => {
  it('is seen when its digits look like a year and a month that is none (与上年相比增 / 加 2025.97，增长 55.35 %)', async () => {
    const fs = await edited('ae86jack__jiangsu_jianchayuan_2019_dept_yusuan.pdf', 26, 3, '2025.97    万元', '2025.97');
    expect(brief(fs)).toEqual([['MALFORMED_VALUE', 'error', 26, 3, '2025.97']]);
  }, 60_000);
  it('is seen after 为 when it reads like the year 2000 (支出决算为 2000.00。, 文旅局 page text p30)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt', 30, 5, '2000.00 万元', '2000.00');
    expect(brief(fs)).toEqual([['MALFORMED_VALUE', 'error', 30, 5, '2000.00']]);
  }, 60_000);
  it('is seen after a line justified by spreading its characters (江 苏 省 政 协 … 预 算 / 5,598.17，其中：)', async () => {
    const fs = await edited('ae86jack__jiangsu_zhengxie_2018_dept_yusuan.pdf', 12, 14, '5,598.17万元', '5,598.17');
    expect(brief(fs)).toEqual([['MALFORMED_VALUE', 'error', 12, 14, '5,598.17']]);
  }, 60_000);
  it('is seen after a line that sets its year apart by a blank\'s width (江苏省高级人民法院    2017    年一般公共预算财政拨款支出预算 / 28849.38，与上年相比…, 江苏高院 2017 p23)', async () => {
    const fs = await edited('ae86jack__jiangsu_gaoyuan_2017_dept_yusuan.pdf', 23, 17, '28849.38万元', '28849.38');
    expect(brief(fs)).toEqual([['MALFORMED_VALUE', 'error', 23, 17, '28849.38']]);
  }, 60_000);
});

describe('a change and its rate pointing opposite ways', () => {
  it('is seen with 了 before the rate (本年比上年增加161.96万元，下 / 降了4.39%, 江苏省高院 2017 p24)', async () => {
    const fs = await edited('ae86jack__jiangsu_gaoyuan_2017_dept_yusuan.pdf', 24, 19, '减少', '增加');
    expect(brief(fs)).toEqual([['DIRECTION_CONFLICT', 'error', 24, 19, '下降4.39%']]);
  }, 60_000);
});

describe('the parts of a change add up to the change', () => {
  it('reads the reason that opens the next line as part of the statement (…增长6.69%。 / 主要原因是基本支出减少1408.29万元、项目支出安排增加400万元, 江苏高院 2017 p19)', async () => {
    const fs = await edited('ae86jack__jiangsu_gaoyuan_2017_dept_yusuan.pdf', 19, 8, '增加1408.29', '减少1408.29');
    expect(brief(fs)).toEqual([['DIRECTION_CONFLICT', 'error', 19, 8, '减少1408.29万元']]);
  }, 60_000);
});

describe('a change or a comparison against its reason (warning)', () => {
  it('flags a change whose one-item reason points the other way (…比上年预算减少16万元，主要原因是 / 新的政协委员培训班次数增加, 江苏政协 2018 p14)', async () => {
    const fs = await edited('ae86jack__jiangsu_zhengxie_2018_dept_yusuan.pdf', 14, 19, '增加', '减少');
    expect(brief(fs)).toEqual([['DIRECTION_CONFLICT', 'warning', 14, 19, '减少']]);
    expect(fs[0]!.message).toBe('变动方向与所述原因不符：此处写“减少”，所述原因却是“增加”（新的政协委员培训班次数增加）。');
  }, 60_000);
  it('flags a comparison claim whose reason is the opposite comparison (决算数小于预算数的主要原因：人员经费支出数大于预算数, 社工部 2024 p18)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf', 18, 11, '支出数小于', '支出数大于');
    expect(brief(fs)).toEqual([['DIRECTION_CONFLICT', 'warning', 18, 11, '决算数小于预算数']]);
  }, 60_000);
  it('leaves a reason of several items alone (决算数小于预算数的主要原因：年中…调增产业扶持资金；…调整至…, 文旅局 2025 p26), and flags the one clean statement whose reason contradicts it (万里街道 2024 p6)', async () => {
    const { base } = await clean('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt');
    expect(base.flags.filter((f) => f.message.startsWith('变动方向与所述原因不符'))).toEqual([]);
    const w = await clean('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf');
    expect(brief(w.base.flags.filter((f) => f.message.startsWith('变动方向与所述原因不符')))).toEqual([['DIRECTION_CONFLICT', 'warning', 6, 18, '减少']]);
  }, 60_000);
});

describe('reasons whose words say nothing about the direction of the amount', () => {
  // 万里街道 2024 p6:10 …比2023年预算执行数减少57.14%。主要原因是：项目调整。 — each reason below is consistent
  // in meaning with 减少 though it carries an up word (the reviewer's synthetic variants)
  for (const reason of ['上年专项普查工作量增加', '上年一次性增加的活动经费本年不再安排', '优化支出结构，提高资金使用效率', '部分新增项目未实施', '2023年增加了一次性普查经费']) {
    it(`leaves 减少57.14%。主要原因是：${reason} alone`, async () => {
      const fs = await edited('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf', 6, 10, '项目调整', reason);
      expect(brief(fs)).toEqual([]);
    }, 60_000);
  }
  it('still flags a reason that says the amount went the other way (…减少57.14%。主要原因是：专项普查活动经费增加)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf', 6, 10, '项目调整', '专项普查活动经费增加');
    expect(brief(fs)).toEqual([['DIRECTION_CONFLICT', 'warning', 6, 10, '减少']]);
  }, 60_000);
});

describe('the same projects at successive stages of performance management (warning)', () => {
  it('flags the one stage whose amount differs (…绩效自评的2024年度项目4个，涉及预算金额598.48万元, 普陀区财政局 2024 p23)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_czj_2024_dept_juesuan_good.pdf', 23, 29, '598.42', '598.48');
    expect(brief(fs)).toEqual([['VALUE_CONFLICT', 'warning', 23, 29, '598.48万元']]);
    expect(fs[0]!.message).toBe('同一批项目的金额前后不一：本段3处所述项目数相同，涉及金额应相同；此处为598.48万元，其余各处为598.42万元。');
  }, 60_000);
  it('reads the clauses on a page-text dump too (文旅局 2025 p30: 绩效跟踪评价的2025年度项目43个)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_wenlv_2025_dept_juesuan_pagetext.txt', 30, 18, '12339.45', '11094.30');
    expect(brief(fs)).toEqual([['VALUE_CONFLICT', 'warning', 30, 18, '11094.30万元']]);
  }, 60_000);
});

describe('project counts that are no stage of the chain', () => {
  // 万里街道 2024 p32:19 涉及项目预算资金5634.81万元。 followed by parts or selections with equal counts
  for (const [what, tail] of [
    ['parts by fund', '，其中一般公共预算项目3个，涉及资金120.00万元；政府性基金项目3个，涉及资金30.00万元。'],
    ['parts by unit', '。其中：机关本级项目25个，涉及资金3000.00万元；下属事业单位项目25个，涉及资金2634.81万元。'],
    ['selections', '；开展重点绩效评价的项目5个，涉及资金800.00万元；开展事前绩效评估的项目5个，涉及资金300.00万元。'],
  ] as const) {
    it(`are not compared (${what})`, async () => {
      const fs = await edited('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf', 32, 19, '5634.81万元。', `5634.81万元${tail}`);
      expect(brief(fs)).toEqual([]);
    }, 60_000);
  }
  it('while two stages of the chain are (…编报绩效目标的项目50个，涉及…5634.81万元；绩效跟踪的项目50个，涉及项目预算资金5643.81万元)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_wanli_jiedao_2024_yusuan.pdf', 32, 19, '5634.81万元。', '5634.81万元；绩效跟踪的项目50个，涉及项目预算资金5643.81万元。');
    expect(brief(fs)).toEqual([['VALUE_CONFLICT', 'warning', 32, 19, '5643.81万元']]);
  }, 60_000);
});

describe('a net change against parts of unknown amount that all point one way (warning)', () => {
  it('flags 增减相抵后增加164.48万元 when every part listed is a decrease (统一压减10%，…专项经费减少200万元, 江苏省人大 2019 p16)', async () => {
    const fs = await edited('ae86jack__jiangsu_renda_2019_dept_yusuan.pdf', 16, 14, '增加200', '减少200');
    expect(brief(fs)).toEqual([['SUM_MISMATCH', 'warning', 16, 14, '增加164.48万元']]);
    expect(fs[0]!.expected).toBe('不高于减少200.00万元');
  }, 60_000);
  it('leaves a net alone when the unknown part could make up the difference (…外事经费专项增加200万元，信息化建设经费专项减少55万元，增减相抵后…增加125.62万元, p11: the 压减10% is of unknown amount)', async () => {
    const fs = await edited('ae86jack__jiangsu_renda_2019_dept_yusuan.pdf', 11, 2, '增加55', '减少55');
    expect(brief(fs)).toEqual([]);
  }, 60_000);
});

describe('reasons that move against what they explain by nature', () => {
  it('a reason about what is left over is no evidence (社工部 2024 p18 edited: 决算数小于预算数的主要原因：项目结余增加)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_shgzb_2024_dept_juesuan_bad.pdf', 18, 11, '人员经费支出数小于预算数', '项目结余增加');
    expect(brief(fs)).toEqual([]);
  }, 60_000);
});

describe('the changes of two sides that balance', () => {
  it('differ where a 预算 states 财政拨款收入 and 财政拨款支出 with one amount (财政拨款收入9628.22万元，比…增加891.37万元 against 财政拨款支出预算9628.22万元…增加793.14万元, 普陀司法局 2026 p8)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf', 8, 2, '增加793.14', '增加891.37');
    expect(brief(fs)).toEqual([['VALUE_CONFLICT', 'warning', 8, 2, '增加891.37万元']]);
  }, 60_000);
  it('is flagged on the side fewer other changes of that amount agree with (the 支出 edited, its 一般公共预算拨款支出 line agreeing with the 收入)', async () => {
    const fs = await edited('GovBudgetChecker__putuo_sfj_2026_dept_yusuan.pdf', 8, 4, '增加793.14', '增加691.37');
    expect(brief(fs).filter((f) => f[0] === 'VALUE_CONFLICT')).toEqual([['VALUE_CONFLICT', 'warning', 8, 4, '增加691.37万元']]);
  }, 60_000);
});
