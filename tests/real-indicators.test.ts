// A real 项目绩效目标表 set: 西南大学 2023 年度部门预算 (Word-made PDF, 五、项目绩效目标表, one ruled table
// per project). The level-1 column is framed on the left by a 绩效指标 cell spelled down the page (绩/效/指/
// 标): a header word, never a level-3 name. Rows and header fields below were read off the pages
// (pdftotext -layout and the page images).
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import type { ExtractedDocument } from '../src/model.js';
import { flattenOutline, segment } from '../src/segment/index.js';
import { corpus } from './paths.js';

// (项目名称, indicator rows, 年度资金总额 万元), in the order of the document (24 tables, pp. 16–40).
const PROJECTS: [string, number, string][] = [
  ['236中央高校教育教学改革专项', 19, '2112.76'],
  ['236中央高校管理改革等绩效拨款', 6, '1111.98'],
  ['236中央高校捐赠配比专项', 6, '1041.00'],
  ['236中央高校基本科研业务费专项', 14, '4878.00'],
  ['236中央高校建设世界一流大学（学科）和特色发展引导专项', 18, '8060.00'],
  ['236-中央高校改善基本办学条件专项-设备资料购置项目', 15, '8306.85'],
  ['236-中央高校改善基本办学条件专项-房屋修缮项目', 19, '2426.00'],
  ['236-中央高校改善基本办学条件专项-基础设施改造项目（小学）', 9, '150.00'],
  ['236-中央高校改善基本办学条件专项-设备资料购置项目（小学）', 10, '210.00'],
  ['236-中央高校改善基本办学条件专项-房屋修缮项目（小学）', 9, '195.00'],
  ['236-中央高校改善基本办学条件专项-基础设施改造项目（中学）', 10, '425.20'],
  ['236-中央高校改善基本办学条件专项-设备资料购置项目（中学）', 10, '689.68'],
  ['236高层次人才计划专项经费', 6, '60.00'],
  ['236教育政策和法制工作专项', 6, '5.00'],
  ['236高校思想政治工作专项经费', 19, '62.00'],
  ['236教育振兴乡村专项', 5, '5.00'],
  ['236民族教育专项', 8, '65.00'],
  ['236基础教育管理专项经费', 5, '7.00'],
  ['236教师工作专项', 8, '244.78'],
  ['236出国留学经费（项目）', 5, '3.59'],
  ['236“童语同音计划”-幼儿普通话教育项目', 6, '109.50'],
  ['236语言文字应用与语言文化传承推广专项', 6, '64.50'],
  ['236语言文字信息管理与语保工程专项', 8, '0.18'],
  ['236教育管理与改革专项', 6, '10.00'],
];

const row = (d: ExtractedDocument, level3: string) =>
  d.indicators.filter((i) => i.level3 === level3).map((i) => [i.level1, i.level2, i.level3, i.target, i.actual]);

describe('西南大学 2023 部门预算: 五、项目绩效目标表', () => {
  let d: ExtractedDocument;
  beforeAll(async () => {
    d = extract(segment(await ingest(corpus('VIOLET50411__chongqing_swu_2023_dept_yusuan.pdf'), { ocr: 'off' })));
  });

  it('reads every project table with its name, funding and indicator row count', () => {
    expect(d.projects.map((p) => p['项目名称'])).toEqual(PROJECTS.map((p) => p[0]));
    expect(d.projects.map((p) => p['年度资金总额'])).toEqual(PROJECTS.map((p) => p[2]));
    expect(d.projects.map((p) => d.indicators.filter((i) => i.table === p['table']).length)).toEqual(PROJECTS.map((p) => p[1]));
    expect(d.indicators.length).toBe(233);
  });

  it('never gives a header word as a name or a value', () => {
    const header = /^(绩效指标|一级指标|二级指标|三级指标|指标值|分值)/;
    for (const i of d.indicators) for (const v of [i.level1, i.level2, i.level3, i.target]) expect(v ?? '').not.toMatch(header);
    expect(d.indicators.every((i) => i.level1 && i.level2 && i.target)).toBe(true);
  });

  it('gives the header fields of a project, its funding split and unit', () => {
    const { table, 年度目标: goal, ...fields } = d.projects[0]!;
    expect(fields).toEqual({
      kind: '项目支出绩效目标表',
      项目名称: '236中央高校教育教学改革专项',
      主管部门: '教育部105',
      实施单位: '西南大学本级',
      年度资金总额: '2112.76',
      资金单位: '万元',
      财政拨款: '2112.00',
      上年结转: '0.76',
      其他资金: '0',
    });
    expect(goal).toMatch(/^1\.持续推进“四新”建设.*至少有1个全英文本科或硕士专业通过评审。$/);
    expect(d.projects[18]).toMatchObject({ 实施单位: '西南大学本级', 财政拨款: '221.00', 上年结转: '23.78', 其他资金: '0' });
  });

  it('keeps a 年度目标 broken across a page as one text of its project', () => {
    const p = d.projects.find((x) => x['项目名称'] === '236高校思想政治工作专项经费')!;
    expect(p['年度目标']).toMatch(/^1\.深入学习习近平.*3\.及时凝练“贯通式”心理育人典型经验和做法，总结推广.*融入人才培养全过程，$/);
  });

  it('reads level names from merged cells, wrapped names joined, across page breaks', () => {
    // p.17: wrapped level-3 names; 经济效益指标 one row, 社会效益指标 six.
    expect(row(d, '设备的使用年限有效延长')).toEqual([['效益指标', '经济效益指标', '设备的使用年限有效延长', '6年', null]]);
    expect(row(d, '为国家经济增长提供人才支撑')).toEqual([['效益指标', '社会效益指标', '为国家经济增长提供人才支撑', '显著', null]]);
    expect(row(d, '教学项目及论文等获省市级以上奖励数量')).toEqual([['产出指标', '质量指标', '教学项目及论文等获省市级以上奖励数量', '15项', null]]);
    // p.23: the first row of the page continues 成本指标 / 经济成本指标 from p.22 (its level cells left blank).
    expect(row(d, '图书资料采购折扣率')).toEqual([['成本指标', '经济成本指标', '图书资料采购折扣率', '28%', null]]);
    expect(row(d, '指标1：更新设备数量')).toEqual([['产出指标', '数量指标', '指标1：更新设备数量', '5000台/件', null]]);
    // p.24
    expect(row(d, '项目论证调研及方案设计')).toEqual([['产出指标', '时效指标', '项目论证调研及方案设计', '2022年1月-6月', null]]);
    expect(row(d, '修缮房屋的建筑面积')).toEqual([
      ['产出指标', '数量指标', '修缮房屋的建筑面积', '36377.3平方米', null],
      ['产出指标', '数量指标', '修缮房屋的建筑面积', '3000平方米', null], // p.27: its title at the foot of p.26
    ]);
    // p.39: title split over pp.38/39, wrapped name, a value wrapped in its cell.
    expect(row(d, '创造普通话和方言和谐共生环境')).toEqual([['效益指标', '社会效益指标', '创造普通话和方言和谐共生环境', '显著', null]]);
    expect(row(d, '项目完成时间')).toEqual([
      ['产出指标', '时效指标', '项目完成时间', '2023年12月30日内', null], // p.30
      ['产出指标', '时效指标', '项目完成时间', '2023年12月30日以内', null],
    ]);
    // p.36 (the 绩效指标 frame cell holds the level columns): real names.
    expect(row(d, '对培训学员的跟踪指导')).toEqual([
      ['效益指标', '社会效益指标', '对培训学员的跟踪指导', '持续指导', null],
      ['效益指标', '社会效益指标', '对培训学员的跟踪指导', '持续指导', null],
    ]);
  });

  it('gives each project heading whole where the page wrapped it, and no heading run into the next', () => {
    const titles = flattenOutline(d.outline).map((n) => n.marker + n.title);
    expect(titles).toContain('（十一）236-中央高校改善基本办学条件专项-基础设施改造项目（中学）');
    expect(titles).toContain('（十二）236-中央高校改善基本办学条件专项-设备资料购置项目（中学）');
    expect(titles.filter((t) => t.startsWith('（') && t.includes('236')).length).toBe(24);
    // 支出科目 / 1.教育支出: a big heading's next line that carries its own number is not its wrap.
    expect(titles).toContain('（二）支出科目');
    expect(titles).toContain('1.教育支出');
  });
});
