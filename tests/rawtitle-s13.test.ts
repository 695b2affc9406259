// Session 13, rawtitle: a table title that `pdftotext -raw` cut in two, the part heading printed on the same
// band coming out between the pieces (`收入支出决算总` / `第二部分 …部门决算表` / `表`; reviewer s13: an unseen
// 决算's raw dump lost its 收支总表 — a false MISSING_TABLE, and its rows read as prose, 6 false MALFORMED_VALUE).
// Synthetic raw-style dumps with invented figures.
import { describe, expect, it } from 'vitest';
import { ingest } from '../src/ingest/index.js';
import { splitTitlesJoined } from '../src/ingest/split-titles.js';
import { processDocument } from '../src/pipeline.js';

const enc = (s: string) => new TextEncoder().encode(s);
const at = (raw: string[]) => raw.map((r, i) => ({ raw: r, page: 1, line: i + 1 }));
const shape = (ls: { raw: string; line: number }[]) => ls.map((l) => `${l.line}:${l.raw}`);

const HEADING = '第二部分 某市某区某某局 2024 年度部门决算表';
/** Page 1 narrative, page 2 the 收支总表 as a raw dump prints it: the title's pieces around the part heading. */
const report = (titleLines: string[]) =>
  [
    '某市某区某某局2024年度部门决算',
    '第一部分 部门概况',
    '一、主要职能',
    '本单位负责某某工作。',
    '\f' + titleLines.join('\n'),
    '单位：万元',
    '收入 支出',
    '项目 决算数 项目 决算数',
    '一、一般公共预算财政拨款收入 1,234.50 一、一般公共服务支出 1,000.00',
    '二、其他收入 5.50 二、教育支出 240.00',
    '本年收入合计 1,240.00 本年支出合计 1,240.00',
    '年初结转和结余 10.00 年末结转和结余 10.00',
    '总计 1,250.00 总计 1,250.00',
  ].join('\n') + '\n';

describe('a title cut by a heading line in a raw dump is one title again', () => {
  it('joins the pieces at the first piece’s place, the heading line before it', () => {
    expect(shape(splitTitlesJoined(at(['收入支出决算总', HEADING, '表', '单位：万元'])))).toEqual([`2:${HEADING}`, '1:收入支出决算总表', '4:单位：万元']);
  });

  it('leaves lines alone where the short line completes no title, or the middle line is a label, a sentence, a row or a title', () => {
    const alone = (raw: string[]) => expect(shape(splitTitlesJoined(at(raw)))).toEqual(shape(at(raw)));
    alone(['收入支出决算总', HEADING, '说明']); // no title when joined
    alone(['收入支出决算总', '单位：万元', '表']); // a label: its place is under the title
    alone(['收入支出决算总', '本表反映本年收支情况。', '表']); // a sentence
    alone(['收入支出决算总', '一、其他收入 5.50', '表']); // a table row
    alone(['收入支出决算总', '财政拨款收入支出决算总表', '表']); // a title of its own
    alone(['收入支出决算总表', HEADING, '表']); // already a title
  });

  it('the dump gives the table its title: read as a table, no false MISSING_TABLE for it, no figure read as prose', async () => {
    const doc = await ingest(enc(report(['收入支出决算总', HEADING, '表'])), { ocr: 'off' });
    const page2 = doc.blocks.filter((b) => (b.kind === 'line' ? b.line.loc.page : b.table.loc.page) === 2);
    expect(page2.slice(0, 3).map((b) => (b.kind === 'line' ? `${b.line.loc.line}:${b.line.text}` : `table@${b.table.loc.line}`))).toEqual([
      '2:第二部分某市某区某某局2024年度部门决算表',
      '1:收入支出决算总表',
      '4:单位：万元',
    ]);
    expect(page2.filter((b) => b.kind === 'table')).toHaveLength(1);

    const flags = (await processDocument(enc(report(['收入支出决算总', HEADING, '表'])), { ocr: 'off' })).flags;
    expect(flags.filter((f) => f.code === 'MALFORMED_VALUE')).toEqual([]);
    // (an excerpt: the other required tables are missing indeed)
    expect(flags.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(Array(7).fill('MISSING_TABLE'));
    expect(flags.filter((f) => f.code === 'MISSING_TABLE').map((f) => f.expected)).not.toContain('收入支出决算总表');
    // the same as the title printed whole under its heading
    const whole = (await processDocument(enc(report([HEADING, '收入支出决算总表'])), { ocr: 'off' })).flags;
    const codes = (fs: typeof flags) => fs.map((f) => `${f.code} ${f.severity} ${f.expected}`).sort();
    expect(codes(flags)).toEqual(codes(whole));
  }, 30_000);
});
