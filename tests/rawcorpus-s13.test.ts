// Session 13, rawcorpus: false errors that pdftotext -raw dumps of corpus PDFs got and the PDFs did not. A figure
// whose place (row, column, or whether it is prose at all) was guessed supports no error. Synthetic raw-dump pages
// modelled on the 江苏 预算 / 西南大学 / 上海 templates, invented figures.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline.js';

const flagsOf = async (pages: string[][], code: string) =>
  (await processDocument(new TextEncoder().encode(pages.map((p) => p.join('\n')).join('\n\f') + '\n'), { ocr: 'off' })).flags
    .filter((f) => f.code === code && f.severity === 'error')
    .map((f) => `${f.loc?.page}:${f.loc?.line} ${f.found}`);

describe('a -raw dump’s table rows printed as lines are not prose', () => {
  // (公开表一 收支预算总表 printed in reading order: a row's cells apart by one space, labels numbered 一、 1.)
  const page = (prose: string) => [
    '江苏省某某单位2019年部门预算',
    '公开表一',
    '部门： 单位：万元',
    '功能科目名称 金额 项目名称 金额',
    '一、财政拨款 6,210.45 一、一般公共服务支出 4,100.20 一、基本支出 3,300.15',
    '1.一般公共预算 6,210.45 二、外交支出 二、项目支出 2,010.30',
    '2.政府性基金预算 三、国防支出 三、单位预留机动经费 900.00',
    '二、财政专户管理资金 四、公共安全支出',
    '三、其他资金 五、教育支出',
    '当年收入小计 6,210.45 6,210.45',
    prose,
  ];
  it('rows with thousands commas and ordinals, and a row of one figure under them: no 数值缺少单位', async () => {
    expect(await flagsOf([page('本部门2019年收入预算6,210.45万元。')], 'MALFORMED_VALUE')).toEqual([]);
  }, 30_000);
  it('a figure without its unit in the prose below is still flagged', async () => {
    expect(await flagsOf([page('本部门2019年收入预算为6,210.45，比上年增加。')], 'MALFORMED_VALUE')).toEqual(['1:11 6,210.45']);
  }, 30_000);
});
