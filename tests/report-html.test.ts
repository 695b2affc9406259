import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Flag } from '../src/model.js';
import { formatFlagLine, formatLoc, sortFlags } from '../src/write/flag-line.js';
import { escapeHtml, renderReport, type ReportDoc } from '../src/write/report-html.js';

const flag = (code: Flag['code'], severity: Flag['severity'], line: number, excerpt: string, extra: Partial<Flag> = {}): Flag => ({
  code,
  severity,
  message: `${code} 的说明`,
  loc: { page: 2, line },
  excerpt,
  expected: null,
  found: null,
  ...extra,
});

const EVIL = '<script>document.body.setAttribute("data-pwned","1")</script><img src=x onerror="document.title=\'pwned\'">';
const docs: ReportDoc[] = [
  { path: 'a/clean.txt', document: { title: '甲单位2023年度部门决算', unit: '甲单位', year: 2023, kind: '决算' }, flags: [] },
  {
    path: 'b/evil<x>.txt',
    document: { title: `乙单位${EVIL}`, unit: '乙单位', year: 2023, kind: '决算' },
    flags: [
      flag('TEMPLATE_TEXT', 'error', 12, `（请对……进行综述）${EVIL}`),
      flag('BLANK_VALUE', 'error', 103, '支出决算为    万元，完成预算的0%；', { expected: '数字', found: '空白' }),
      flag('PERCENT_MISMATCH', 'error', 38, '收入合计增加19.08万元，上升16%。', { expected: '25%', found: '16%' }),
      flag('PERCENT_MISMATCH', 'error', 46, '财政拨款收入增加9.72万元，上升20%。', { expected: '13%', found: '20%' }),
      flag('TEMPLATE_TEXT', 'info', 340, '……'),
    ],
  },
  {
    path: 'c/one.txt',
    document: { title: null, unit: null, year: null, kind: null },
    flags: [flag('YEAR_MISMATCH', 'error', 5, '一、2022年度整体绩效评价报告', { expected: 2023, found: 2022 }), flag('VALUE_CONFLICT', 'warning', 9, 'x')],
  },
];

const dir = mkdtempSync(join(tmpdir(), 'juesuan-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The DOM after load, as headless Chromium serialises it. */
function dumpDom(html: string): string {
  const file = join(dir, 'report.html');
  writeFileSync(file, html);
  return execFileSync(
    '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${file}`],
    { encoding: 'utf8', timeout: 90_000, stdio: ['ignore', 'pipe', 'ignore'] },
  );
}

describe('report.html in a real browser', () => {
  const html = renderReport(docs);
  const dom = dumpDom(html);

  it('shows untrusted text as text: no script runs, no element is injected', () => {
    expect(dom).toMatch(/<body>/);
    expect(dom).not.toMatch(/<body[^>]*data-pwned/);
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/<img/i);
    expect(dom).toContain('&lt;script&gt;document.body.setAttribute("data-pwned","1")&lt;/script&gt;');
    expect(dom).toContain('<title>juesuan 检查报告</title>');
    expect(dom).toContain('<code>b/evil&lt;x&gt;.txt</code>');
  });

  it('sorts the overview by number of errors and groups each document\'s flags by code', () => {
    const overview = dom.slice(dom.indexOf('<tbody>'), dom.indexOf('</tbody>'));
    const order = [...overview.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(order).toEqual(['b/evil&lt;x&gt;.txt', 'c/one.txt', 'a/clean.txt']);
    const evil = dom.slice(dom.indexOf('id="doc-1"'), dom.indexOf('id="doc-2"'));
    const codes = [...evil.matchAll(/<h3>[^<]*<code>(\w+)<\/code> <span class="n">(\d+)<\/span>/g)].map((m) => `${m[1]}×${m[2]}`);
    expect(codes).toEqual(['BLANK_VALUE×1', 'TEMPLATE_TEXT×2', 'PERCENT_MISMATCH×2']);
    expect(evil).toContain('第2页第103行');
  });

  it('highlights the offending part of the excerpt', () => {
    expect(dom).toContain('支出决算为<mark>␣␣␣␣</mark>万元');
    expect(dom).toContain('上升<mark>16%</mark>。');
    expect(renderReport([{ ...docs[1]!, flags: [flag('BLANK_VALUE', 'error', 1, '单位名称：某局             填报日期：    年  月  日')] }])).toContain(
      '单位名称：某局             填报日期：<mark>␣␣␣␣</mark>年  月  日',
    );
  });

  it('is self-contained: no external resources', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link /);
  });
});

describe('flag lines and escaping', () => {
  it('formats file:page:line severity CODE message, and ¶ for DOCX paragraphs', () => {
    expect(formatFlagLine('seed.txt', flag('BLANK_VALUE', 'error', 103, 'x'))).toBe('seed.txt:2:103 error BLANK_VALUE BLANK_VALUE 的说明');
    const docx = { ...flag('MISSING_TABLE', 'error', 1, 'x'), loc: { paragraph: 12, line: 1 }, message: '缺少\n表格' };
    expect(formatFlagLine('a.docx', docx)).toBe('a.docx:¶12:1 error MISSING_TABLE 缺少 表格');
    expect(formatFlagLine('a.txt', { ...docx, loc: null })).toBe('a.txt:-:- error MISSING_TABLE 缺少 表格');
  });

  it('sorts flags by place: whole-document flags first, then page, line, column; errors first at one place', () => {
    const at = (code: Flag['code'], severity: Flag['severity'], page: number, line: number, start?: number): Flag => ({
      ...flag(code, severity, line, 'x'),
      loc: { page, line, ...(start !== undefined ? { start, end: start + 1 } : {}) },
    });
    const flags = [
      at('PERCENT_MISMATCH', 'error', 3, 2),
      at('VALUE_CONFLICT', 'warning', 2, 10, 5),
      { ...flag('MISSING_TABLE', 'error', 1, 'x'), loc: null },
      at('BLANK_VALUE', 'error', 2, 10, 5),
      at('BLANK_VALUE', 'error', 2, 10, 1),
      at('TEMPLATE_TEXT', 'info', 2, 9),
      { ...flag('MISSING_SECTION', 'warning', 1, 'x'), loc: null },
    ];
    expect(sortFlags(flags).map((f) => `${formatLoc(f.loc)}@${f.loc?.start ?? '-'} ${f.severity} ${f.code}`)).toEqual([
      '-:-@- error MISSING_TABLE',
      '-:-@- warning MISSING_SECTION',
      '2:9@- info TEMPLATE_TEXT',
      '2:10@1 error BLANK_VALUE',
      '2:10@5 error BLANK_VALUE',
      '2:10@5 warning VALUE_CONFLICT',
      '3:2@- error PERCENT_MISMATCH',
    ]);
  });

  it('escapes every HTML special character', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('report.html: files that could not be read', () => {
  it('lists them at the end, escaped, and counts them in the summary', () => {
    const html = renderReport(docs.slice(0, 1), [{ path: 'd/<bad>.pdf', code: 'CORRUPT_PDF', message: 'the PDF is damaged <here>' }]);
    expect(html).toContain('另有 1 个文件无法处理（见文末）。');
    expect(html).toContain('<tr><td><code>d/&lt;bad&gt;.pdf</code></td><td><code>CORRUPT_PDF</code></td><td>the PDF is damaged &lt;here&gt;</td></tr>');
    expect(renderReport(docs.slice(0, 1))).not.toContain('id="unreadable"');
  });
});
