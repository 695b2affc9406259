// A ruled indicator table drawn the way other producers do it: title in the table's first row,
// some rules as hairline fills instead of strokes, a level cell merged over two rows. The PDF is
// generated here (non-embedded STSong-Light, like the seed's nonembedded-font.pdf), so the test needs
// no file.
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../src/extract/indicators.js';
import { ingest } from '../src/ingest/index.js';
import type { SourceTable } from '../src/model.js';
import { segment } from '../src/segment/index.js';

const hex = (s: string) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
const text = (x: number, y: number, s: string, size = 10) => `BT /F1 ${size} Tf ${x} ${y} Td <${hex(s)}> Tj ET`;
const stroke = (x0: number, y0: number, x1: number, y1: number) => `0.5 w ${x0} ${y0} m ${x1} ${y1} l S`;
const hairline = (x: number, y: number, w: number, h: number) => `${x} ${y} ${w} ${h} re f`;

/** A one-page PDF with the given content stream. */
function pdf(content: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

// Columns at x 50 | 150 | 250 | 370 | 470; rows 760 (top) 740 720 700 680 660 (bottom).
const CONTENT = [
  text(50, 790, '附件2'),
  hairline(50, 759.75, 420, 0.5), // top rule, filled
  stroke(50, 740, 470, 740),
  stroke(50, 720, 470, 720),
  stroke(150, 700, 470, 700), // not across column 1: 产出指标 spans two rows
  stroke(50, 680, 470, 680),
  hairline(50, 659.75, 420, 0.5), // bottom rule, filled
  stroke(50, 660, 50, 760),
  hairline(469.75, 660, 0.5, 100), // right rule, filled
  ...[150, 250, 370].map((x) => stroke(x, 660, x, 740)), // no inner rules in the title row
  text(120, 746, '2024年度项目支出绩效目标表'),
  ...['一级指标', '二级指标', '三级指标', '指标值'].map((t, k) => text([54, 154, 254, 374][k]!, 726, t)),
  ...['产出指标', '数量指标', '培训人次', '≥200人次'].map((t, k) => text([54, 154, 254, 374][k]!, 706, t)),
  ...['质量指标', '合格率', '98%'].map((t, k) => text([154, 254, 374][k]!, 686, t)),
  ...['效益指标', '社会效益指标', '群众满意度', '≥90%'].map((t, k) => text([54, 154, 254, 374][k]!, 666, t)),
  text(50, 630, '注：以上为测试表。'),
].join('\n');

describe('a ruled indicator table with its title in the first row', () => {
  it('is one grid with merges copied, header rows counted after the title row', async () => {
    const doc = await ingest(pdf(CONTENT), { ocr: 'off' });
    const tables = doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : [])) as SourceTable[];
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    const show = t.rows.map((r) => r.map((c) => (c.spanned ? `^${c.text}` : c.text)));
    expect(show).toEqual([
      ['2024年度项目支出绩效目标表', '^2024年度项目支出绩效目标表', '^2024年度项目支出绩效目标表', '^2024年度项目支出绩效目标表'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['^产出指标', '质量指标', '合格率', '98%'],
      ['效益指标', '社会效益指标', '群众满意度', '≥90%'],
    ]);
    expect(t.headerRows).toBe(2);
    expect(t.rows[3]![2]!.loc).toEqual({ page: 1, line: 5, table: 't1', row: 3, col: 2 });
    // The lines around the table stay lines.
    const lines = doc.blocks.flatMap((b) => (b.kind === 'line' ? [b.line.text] : []));
    expect(lines).toEqual(['附件2', '注：以上为测试表。']);
  });

  it('is read as a 项目支出绩效目标表 with the merged level filled down', async () => {
    const r = extractIndicators(segment(await ingest(pdf(CONTENT), { ocr: 'off' })));
    expect(r.tableKinds).toEqual({ t1: '项目支出绩效目标表' });
    expect(r.indicators.map((i) => [i.level1, i.level2, i.level3, i.target])).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥200人次'],
      ['产出指标', '质量指标', '合格率', '98%'],
      ['效益指标', '社会效益指标', '群众满意度', '≥90%'],
    ]);
  });

  it('without rulings the same text stays lines (no grid is invented)', async () => {
    const bare = CONTENT.split('\n').filter((op) => op.startsWith('BT')).join('\n');
    const doc = await ingest(pdf(bare), { ocr: 'off' });
    expect(doc.blocks.filter((b) => b.kind === 'table')).toEqual([]);
  });
});
