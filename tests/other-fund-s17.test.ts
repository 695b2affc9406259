// Session 17: a 其中 that opens its sentence belongs to the sentence before (重庆 2026 部门预算, 三、财政拨款情况说明:
// “2026年一般公共预算财政拨款收入12,672.73万元，一般公共预算财政拨款支出12,672.73万元，比2025年增加552.5万元。其中：
// 基本支出5,445.39万元…”): its 基本支出 is the fund's, not the document's — before, the summary conflict set it against
// the all-funds 支出总表's 5,838.39 (14 false warnings on 7 重庆 reports).
import { describe, expect, it } from 'vitest';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const basic = (d: CheckedDocument) => d.facts.filter((f) => f.from === 'text' && f.label === '基本支出').map((f) => [f.value, f.metric, f.about?.fund]);

const doc = (before: string) => [
  '重庆市某某局2026年部门预算',
  '一、收支预算总体情况',
  '2026年收入预算14,770.62万元，支出预算14,770.62万元。',
  '三、财政拨款情况说明',
  before,
  '其中：基本支出5,445.39万元，主要用于保障在职人员工资福利；项目支出7,227.34万元，主要用于气象现代化建设。',
];

describe('a 其中 that opens its sentence', () => {
  it('takes the fund of the sentence before, every level figure of which names it', async () => {
    const d = await run(doc('2026年一般公共预算财政拨款收入12,672.73万元，一般公共预算财政拨款支出12,672.73万元，比2025年增加552.5万元。'));
    expect(basic(d)).toEqual([[5445.39, 'general_budget_basic_expenditure', 'general_budget']]);
    expect(d.summary.basic_expenditure).toBeUndefined();
  });

  it('takes no fund of the sentence before where it names two (the section’s 财政拨款 stays)', async () => {
    const d = await run(doc('2026年一般公共预算财政拨款支出12,672.73万元，政府性基金预算财政拨款支出579.89万元。'));
    expect(basic(d)).toEqual([[5445.39, 'basic_expenditure', 'fiscal']]);
  });
});
