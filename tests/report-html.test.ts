import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flag } from '../src/model.js';
import { formatFlagLine, formatLoc, sortFlags } from '../src/write/flag-line.js';
import { escapeHtml, highlight, renderReport, type ReportDoc } from '../src/write/report-html.js';

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

// Debian's chromium (CI installs it: .ci/run); elsewhere the browser tests say so and are skipped.
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('report-html.test.ts: no Chromium at /usr/bin/chromium (apt-get install chromium): browser tests skipped');

const JPEG = (() => {
  const c = createCanvas(60, 20);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 60, 20);
  ctx.strokeStyle = '#d00';
  ctx.strokeRect(10, 5, 40, 10);
  return `data:image/jpeg;base64,${c.toBuffer('image/jpeg').toString('base64')}`;
})();

// The evil document with two blank gaps of the same width: the flag is on the second (loc), which no guess finds.
const twoGaps = '支出决算为    万元，完成预算的    %；';
const withMarks: ReportDoc[] = [
  { ...docs[0]!, summary: { total_income: { value: 93.93, unit: '万元', factId: 'f1' }, three_public_total: { value: 1.2, unit: '万元', factId: 'f2' } }, record: 'clean.json' },
  {
    ...docs[1]!,
    document: { ...docs[1]!.document, kind: '预算' },
    flags: [...docs[1]!.flags, flag('BLANK_VALUE', 'error', 104, twoGaps, { loc: { page: 2, line: 104, start: 30, end: 34 } })],
    marks: [[0, 10], [5, 9], [16, 19], null, null, [17, 21]],
    // A page crop for one flag; a crop that is not an embedded JPEG is never shown.
    crops: [null, null, JPEG, 'https://example.invalid/x.jpg', '" onerror="alert(1)', null],
  },
  docs[2]!,
];

describe.skipIf(!CHROMIUM)('report.html in a real browser', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  beforeAll(async () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, renderReport(withMarks));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => !r.url().startsWith('file:') && !r.url().startsWith('data:') && errors.push(`request ${r.url()}`));
    await page.goto(`file://${file}`);
  }, 120_000);
  afterAll(() => browser?.close());
  const visible = (sel: string) => page.locator(sel).evaluateAll((els) => els.filter((e) => (e as unknown as { checkVisibility(): boolean }).checkVisibility()).length);

  it('shows untrusted text as text: no script of the documents runs, no element is injected, nothing is fetched', async () => {
    expect(await page.title()).toBe('juesuan 检查报告');
    expect(await page.evaluate('document.body.getAttribute("data-pwned")')).toBeNull();
    expect(await page.locator('article img:not(figure.crop img)').count()).toBe(0);
    expect(await page.locator('article script').count()).toBe(0);
    expect(await page.locator('#doc-1 h2').textContent()).toBe(`乙单位${EVIL}`);
    expect(errors).toEqual([]);
  });

  it('marks exactly loc.start..end, here the second of two equal gaps', async () => {
    const marks = await page.locator('#doc-1 blockquote.excerpt').evaluateAll((qs) => qs.map((q) => q.innerHTML));
    expect(marks).toContain('支出决算为    万元，完成预算的<mark>␣␣␣␣</mark>%；');
    expect(marks).toContain('支出决算为<mark>␣␣␣␣</mark>万元，完成预算的0%；');
    expect(marks).toContain('收入合计增加19.08万元，上升<mark>16%</mark>。');
    // Span unknown: the whole excerpt, never a guess.
    expect(marks).toContain('<mark>财政拨款收入增加9.72万元，上升20%。</mark>');
  });

  it('shows the page crop beside its flag, embedded, and no other image', async () => {
    const imgs = page.locator('article img');
    expect(await imgs.count()).toBe(1);
    const li = page.locator('#doc-1 li.flag', { has: page.locator('img') });
    expect(await li.locator('.loc').textContent()).toBe('第2页第38行');
    expect(await imgs.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth)).toBe(60);
    expect(await imgs.getAttribute('alt')).toBe('原文第2页第38行');
  });

  it('filters by severity, code and document, and folds the code groups', async () => {
    expect(await visible('li.flag')).toBe(8);
    expect(await page.locator('#shown').textContent()).toBe('显示 8 条');
    await page.locator('input[name=severity][value=info]').uncheck();
    expect(await visible('li.flag')).toBe(7);
    expect(await page.locator('#shown').textContent()).toBe('显示 7 条');
    expect(await visible('li.flag.info')).toBe(0);
    await page.locator('select[name=code]').selectOption('BLANK_VALUE');
    expect(await visible('li.flag')).toBe(2);
    expect(await visible('li.flag[data-code=BLANK_VALUE]')).toBe(2);
    expect(await visible('article')).toBe(1); // the documents without such a flag are hidden
    await page.locator('select[name=code]').selectOption('');
    await page.locator('select[name=doc]').selectOption('2');
    expect(await visible('article')).toBe(1);
    expect(await visible('#doc-2 li.flag')).toBe(2);
    await page.locator('select[name=doc]').selectOption('');
    await page.locator('input[name=severity][value=info]').check();
    await page.locator('#fold').click();
    expect(await visible('li.flag')).toBe(0);
    expect(await visible('details.code > summary')).toBe(5);
    await page.locator('#doc-1 details[data-code=PERCENT_MISMATCH] > summary').click();
    expect(await visible('li.flag')).toBe(2);
    await page.locator('#unfold').click();
    expect(await visible('li.flag')).toBe(8);
  });

  it('gives an overview: 决算/预算, the headline figures and a link to each document and its record', async () => {
    const rows = await page.locator('#overview tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(1, 7).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['乙单位', '2023', '预算', '—', '—', '—'],
      ['—', '—', '—', '—', '—', '—'],
      ['甲单位', '2023', '决算', '93.93万元', '—', '1.2万元'],
    ]);
    await page.locator('#overview a[href="#doc-2"]').click();
    expect(page.url()).toMatch(/#doc-2$/);
    expect(await page.locator('#doc-0 a[href="clean.json"]').textContent()).toBe('记录 JSON');
  });
});

describe('report.html as text', () => {
  const html = renderReport(docs);

  it('sorts the overview by number of errors and groups each document\'s flags by code', () => {
    const overview = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    const order = [...overview.matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(order).toEqual(['b/evil&lt;x&gt;.txt', 'c/one.txt', 'a/clean.txt']);
    const evil = html.slice(html.indexOf('id="doc-1"'), html.indexOf('id="doc-2"'));
    const codes = [...evil.matchAll(/<h3>[^<]*<code>(\w+)<\/code> <span class="n">(\d+)<\/span>/g)].map((m) => `${m[1]}×${m[2]}`);
    expect(codes).toEqual(['BLANK_VALUE×1', 'TEMPLATE_TEXT×2', 'PERCENT_MISMATCH×2']);
    expect(evil).toContain('第2页第103行');
  });

  it('is self-contained: no external resources, and only its own script may run', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<link /);
    expect([...html.matchAll(/<script/g)].length).toBe(1);
    expect(html).toMatch(/content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/]+=*'"/);
  });

  it('marks the whole excerpt where the span is unknown, and shows blanks as ␣', () => {
    const f = flag('BLANK_VALUE', 'error', 1, '单位名称：某局             填报日期：    年  月  日');
    expect(highlight(f, [25, 29])).toBe('单位名称：某局             填报日期：<mark>␣␣␣␣</mark>年  月  日');
    expect(highlight(f, null)).toBe('<mark>单位名称：某局             填报日期：    年  月  日</mark>');
    expect(highlight(f, [40, 99])).toBe('<mark>单位名称：某局             填报日期：    年  月  日</mark>');
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
