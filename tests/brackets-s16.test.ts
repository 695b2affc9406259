// Session 16 (renwu 预算 screen): a part's own breakdown in brackets is no part of the list around it
// (src/check/change-parts.ts breakdownDirections). Figures as printed by a 广州 2026 预算's 三公 paragraph.
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/index.js';
import type { CheckedDocument } from '../src/model.js';
import { checkLines as run } from './check-helpers.js';

const directions = (d: CheckedDocument) => d.flags.filter((f) => f.code === 'DIRECTION_CONFLICT').map((f) => [f.severity, f.loc?.line, f.found]);
const head = ['广州市某某局2026年部门预算', '第三部分 2026年部门预算情况说明', '二、“三公”经费安排情况'];
const para = (carChange: string) => [
  `2026年本部门财政拨款安排“三公”经费226.86万元，比上年减少489.77万元，下降68.3%，主要原因是公务用车已移交统一管理。其中：因公出国（境）费215.6万元，比上年增加0万元，增长0%，主要原因是与上年持平，无增减变化；公务用车购置及运行维护费0万元（公务用车购置费0万元，比上年减少70万元；公务用车运行维护费0万元，比上年减少318.88万元。）比上年${carChange}388.88万元，下降100%，主要原因是公务用车已移交；公务接待费11.26万元，比上年减少100.89万元，下降90%，主要原因是减少了接待职能。`,
];

describe('a breakdown in brackets (公务用车购置及运行维护费 … （购置费…；运行维护费…）比上年增加39.2万元)', () => {
  it('is no part of the 三公 list: no DIRECTION_CONFLICT where every change adds up', async () => {
    expect(directions(await run([...head, ...para('减少')]))).toEqual([]);
  });
  it('a wrong direction outside the brackets is still flagged, on that change', async () => {
    // (one flag on the line)
    expect(directions(await run([...head, ...para('增加')])).map((f) => f.slice(0, 2))).toEqual([['error', 4]]);
  });
});
