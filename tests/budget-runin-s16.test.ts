// Session 16 (unseen 预算 reports): run-in section headings; tables published as pictures on a web page.
import { describe, expect, it } from 'vitest';
import { processDocument } from '../src/pipeline.js';

// A 预算情况说明 in the 重庆 layout (synthetic, the layout of 重庆市交通委员会2018年部门预算情况说明): the parts of
// 四、其他重要事项的情况说明 are numbered paragraphs whose heading runs into the text (1.机关运行经费情况。2018年…).
const report = (other: string[]) => [
  '重庆市某某局2018年部门预算情况说明',
  '一、单位基本情况',
  '（一）职能职责。',
  '1、负责全市某某工作的统筹规划和组织实施，拟订有关政策并监督执行。',
  '（二）单位构成。',
  '纳入重庆市某某局部门预算的单位包括局机关本级及下属2个事业单位。',
  '二、部门预算情况说明',
  '2018年一般公共预算财政拨款收入1200.50万元，一般公共预算财政拨款支出1200.50万元，比2017年增加100.50万元。其中：基本支出800.20万元，项目支出400.30万元。',
  '三、“三公”经费情况说明',
  '2018年“三公”经费预算30.00万元，比2017年减少2.00万元。其中：因公出国（境）费用10.00万元，公务接待费5.00万元，公务用车运行维护费15.00万元，公务用车购置费0万元。',
  '四、其他重要事项的情况说明',
  ...other,
  '五、专业性名词解释',
  '（一）财政拨款收入：指本年度从本级财政部门取得的财政拨款。',
];
const sections = async (ls: string[]) =>
  (await processDocument(new TextEncoder().encode(ls.join('\n') + '\n'), { ocr: 'off' })).flags.filter((f) => f.code === 'MISSING_SECTION').map((f) => `${f.severity} ${f.expected}`);

describe('a run-in heading names its section (重庆 预算情况说明 layout)', () => {
  it('1.机关运行经费情况。… / 2.政府采购情况。… / 3.绩效目标设置情况。… are the sections', async () => {
    const other = [
      '1.机关运行经费情况。2018年一般公共预算财政拨款运行经费60.12万元，比上年增加5.00万元，主要用于办公费、印刷费。',
      '2.政府采购情况。所属各预算单位政府采购预算总额20.00万元，其中：政府采购货物预算20.00万元。',
      '3.绩效目标设置情况。2018年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款400.30万元。',
    ];
    expect(await sections(report(other))).toEqual(['warning 国有资产占用情况说明']);
  }, 30_000);

  it('a numbered paragraph whose first phrase states a figure is no heading: the section is still missing', async () => {
    const other = [
      '1.运行经费60.12万元，比上年增加5.00万元，主要用于机关运行经费情况的保障。',
      '2.政府采购预算总额20.00万元：其中政府采购货物预算15.00万元，政府采购服务预算5.00万元，政府采购工程预算0万元。',
      '3.绩效目标设置情况。2018年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款400.30万元。',
    ];
    expect(await sections(report(other))).toEqual(['error 机关运行经费情况说明', 'error 政府采购情况说明', 'warning 国有资产占用情况说明']);
  }, 30_000);
});

// The same report as a web page that prints its nine tables as pictures after the text (重庆 layout).
describe('a web page whose tables are pictures', () => {
  const page = (pictures: string) =>
    new TextEncoder().encode(
      `<!DOCTYPE html><html><head><title>重庆市某某局</title></head><body><div class="top"><a href="/"><img src="/logo.png" width="300" height="80"></a></div>` +
        `<div class="newsDetail"><h2>重庆市某某局2018年部门预算情况说明</h2><div class="contenttext">更新时间：2018-03-06</div><div><p><span>` +
        report([
          '1.机关运行经费情况。2018年一般公共预算财政拨款运行经费60.12万元，比上年增加5.00万元，主要用于办公费、印刷费。',
          '2.政府采购情况。所属各预算单位政府采购预算总额20.00万元，其中：政府采购货物预算20.00万元。',
          '3.绩效目标设置情况。2018年项目支出均实行了绩效目标管理，涉及一般公共预算当年财政拨款400.30万元。',
        ])
          .slice(1)
          .join('<br>') +
        `</span></p>${pictures}</div></div><div class="footer">版权所有</div></body></html>`,
    );
  const tableFlags = async (pictures: string) =>
    (await processDocument(page(pictures), { ocr: 'off' })).flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => `${f.severity} ${f.message}`);
  const nine = '预算01收支总表、预算02收入总表、预算03支出总表、预算04财政拨款收支总表、预算05一般公共预算支出表、预算06一般公共预算基本支出表、预算07三公经费表、预算08政府性基金表、预算09国有资本经营表';
  const names = '部门收支总表、部门收入总表、部门支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算支出表、国有资本经营预算支出表';

  it('pictures in the content: the tables are there as pictures, an info to check them by eye', async () => {
    const imgs = [1, 2, 3].map((i) => `<p style="text-align:center"><img width="750" height="843" src="/resource/${i}.gif"></p>`).join('');
    expect(await tableFlags(imgs)).toEqual([`info 文中没有任何一张必须公开的预算表（${names}），正文中有3张图片，表格可能以图片形式发布，请对照图片核对。`]);
    const doc = await processDocument(page(imgs), { ocr: 'off' });
    expect(doc.flags.find((f) => f.code === 'MISSING_TABLE')?.expected).toBe(nine);
  }, 30_000);

  it('no picture in the content (a linked logo, a small icon do not count): the tables are missing', async () => {
    expect(await tableFlags('<p><img src="/print.png" width="16" height="16"> 打印</p>')).toEqual([`error 文中没有任何一张必须公开的预算表（${names}），可能另附文件公开，请核对。`]);
  }, 30_000);
});
