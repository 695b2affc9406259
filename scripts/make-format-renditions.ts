// Renditions of the seed in the formats scrapers bring home, made from the seed text (whose tables are
// TAB-celled: one cell per line, rows separated by blank lines):
//  - an HTML page in GBK: the narrative as <p>, the tables as <table> with rowspan/colspan, inside typical
//    site furniture (header, navigation, breadcrumbs, a sidebar and the whole page laid out in a table,
//    an info line with a visitor counter, share/print links, related links, a footer with a counter);
//  - a workbook of the seed's tables as government systems export it (one sheet per table, a title row
//    merged across, the merges of the grid), as .xlsx and BIFF8 .xls;
//  - crafted files that must get a clean error: a page nested a million deep, a page with a 100 MB attribute,
//    a zip bomb .xlsx, a sheet that claims the whole grid, a sheet 300 columns wide, a truncated .xls.
// Nothing here needs a system package: tests call these functions. `npx tsx scripts/make-format-renditions.ts DIR`
// writes them to DIR (with the seed and make-broken's tiny DOCX as .doc too when LibreOffice's soffice is
// on the PATH; tests/fixtures/tiny.doc, 11 KB, was made so).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, crc32 } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { tinyDocx } from './make-broken.js';

/** One table of the seed text: its rows of cells, as the text gives them (rows may be ragged). */
export interface SeedTable {
  /** The text lines just before the table (its title, 单位名称 …), up to the previous blank line. */
  before: string[];
  rows: string[][];
}

export interface SeedParts {
  /** The text in order: a string is a line, a number is the index of a table. */
  flow: (string | number)[];
  tables: SeedTable[];
}

/** The seed text split into lines and TAB-celled tables, the way src/ingest/text.ts reads them. */
export function splitSeed(text: string): SeedParts {
  const lines = text.split(/\r\n|\r|\n/);
  const flow: (string | number)[] = [];
  const tables: SeedTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.startsWith('\t')) {
      flow.push(lines[i]!);
      i++;
      continue;
    }
    const rows: string[][] = [];
    let row: string[] = [];
    let cont = false;
    while (i < lines.length) {
      const s = lines[i]!;
      const wasCell = cont;
      cont = false;
      if (s.startsWith('\t')) {
        row.push(s.slice(1));
        cont = true;
      } else if (s.trim() === '') {
        let j = i;
        while (j < lines.length && lines[j]!.trim() === '' && !lines[j]!.startsWith('\t')) j++;
        if (row.length) rows.push(row);
        row = [];
        if (!(j < lines.length && lines[j]!.startsWith('\t'))) break;
        i = j;
        continue;
      } else if (row.length && wasCell && s.length <= 40) {
        row[row.length - 1] += '\n' + s; // a wrapped cell's next line
        cont = true;
      } else break;
      i++;
    }
    if (row.length) rows.push(row);
    const before: string[] = [];
    for (let k = flow.length - 1; k >= 0 && typeof flow[k] === 'string' && (flow[k] as string).trim() !== ''; k--) before.unshift(flow[k] as string);
    flow.push(tables.length);
    tables.push({ before, rows });
  }
  return { flow, tables };
}

/** Where a grid cell comes from: the seed's row/col of the cell it shows, and whether it is a merged copy. */
interface Span {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
}

/** Merges a government form would have: a short row's last cell spans to the table's width; a label in
 *  the first column spans down over the empty first cells below it. */
export function spansOf(rows: string[][]): { width: number; spans: Span[] } {
  const width = Math.max(...rows.map((r) => r.length));
  const spans: Span[] = [];
  const covered = new Set<string>();
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (covered.has(`${r}:${c}`)) return;
      const colSpan = c === row.length - 1 ? width - c : 1;
      let rowSpan = 1;
      if (c === 0 && cell.trim() !== '') while (r + rowSpan < rows.length && rows[r + rowSpan]!.length > 1 && rows[r + rowSpan]![0]!.trim() === '') rowSpan++;
      for (let dr = 1; dr < rowSpan; dr++) covered.add(`${r + dr}:0`);
      spans.push({ r, c, rowSpan, colSpan });
    });
  });
  return { width, spans };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A table as a site's editor exports it from Word. A first row of one cell (the table's title) stands
 *  above the table as a paragraph, as in the seed's DOCX. */
function htmlTable(t0: SeedTable): string {
  const titled = t0.rows[0]!.length === 1;
  const t = titled ? { ...t0, rows: t0.rows.slice(1) } : t0;
  const caption = titled ? `<p style="text-align:center"><strong>${esc(t0.rows[0]![0]!)}</strong></p>\n` : '';
  const { spans } = spansOf(t.rows);
  const trs = t.rows.map((_, r) => {
    const tds = spans
      .filter((s) => s.r === r)
      .map((s) => {
        const a = (s.rowSpan > 1 ? ` rowspan="${s.rowSpan}"` : '') + (s.colSpan > 1 ? ` colspan="${s.colSpan}"` : '');
        const text = t.rows[r]![s.c]!.split('\n').map(esc).join('<br>');
        return `<td${a} valign="middle"><p style="text-align:center"><span style="font-size:10.5pt">${text || '&nbsp;'}</span></p></td>`;
      });
    return `  <tr>${tds.join('')}</tr>`;
  });
  return `${caption}<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse">\n<tbody>\n${trs.join('\n')}\n</tbody></table>`;
}

/** GBK bytes for a string (the decoder's table inverted; Node has no GBK encoder). */
export function encodeGbk(s: string): Buffer {
  const dec = new TextDecoder('gbk');
  const map = new Map<string, number>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, (lead << 8) | trail);
    }
  }
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const g = map.get(ch);
      if (g === undefined) out.push(...Buffer.from(`&#${code};`, 'latin1'));
      else out.push(g >> 8, g & 0xff);
    }
  }
  return Buffer.from(out);
}

const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进鄂城', '专题专栏'].map((s, i) => `<li><a href="/col/${i}/index.html">${s}</a></li>`).join('');
const related = ['鄂城区总工会2022年度部门决算', '鄂城区总工会2024年度部门预算', '关于公开2023年度部门决算的通知'].map((s, i) => `<li><a href="/art/2024/${i}.html">${s}</a><span>2024-09-0${i + 1}</span></li>`).join('');

/** The seed as a GBK web page: the title in an <h1>, the rest as paragraphs and tables, site furniture around. */
export function seedHtml(seedText: string): Buffer {
  const { flow, tables } = splitSeed(seedText);
  const first = flow.findIndex((x) => typeof x === 'string' && x.trim() !== '');
  const title = (flow[first] as string).trim();
  const body = flow
    .slice(first + 1)
    .map((x) => (typeof x === 'number' ? htmlTable(tables[x]!) : x.trim() === '' ? '' : `<p style="text-indent:2em">${esc(x)}</p>`))
    .filter(Boolean)
    .join('\n');
  const page = `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>${esc(title)}_鄂城区人民政府</title>
<link rel="stylesheet" href="/css/style.css" />
<script type="text/javascript">var _hmt = _hmt || []; function doZoom(s) { document.getElementById('zoom').style.fontSize = s + 'px'; }</script>
</head>
<body>
<div class="top"><div class="logo"><img src="/images/logo.png" alt="鄂城区人民政府" />鄂城区人民政府门户网站</div>
<div class="search"><form action="/search"><input type="text" name="q" /><input type="submit" value="搜索" /></form></div></div>
<div class="menu"><ul>${nav}</ul></div>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="layout">
<tr>
<td width="220" valign="top" class="left">
  <div class="lm">财政预决算</div>
  <ul><li><a href="/col/11/">部门预算</a></li><li><a href="/col/12/">部门决算</a></li><li><a href="/col/13/">“三公”经费</a></li></ul>
</td>
<td width="780" valign="top" class="right">
  <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/1/">政务公开</a> &gt; <a href="/col/12/">部门决算</a></div>
  <div class="article">
    <h1 class="title">${esc(title)}</h1>
    <div class="info">发布时间：2024-09-10 10:32　来源：鄂城区总工会　浏览次数：<span id="hits">1362</span>　字号：[<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>]</div>
    <div class="content" id="zoom">
${body}
    </div>
    <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
    <div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
    <div class="related"><h3>相关文章</h3><ul>${related}</ul></div>
  </div>
</td>
</tr>
</table>
<div class="foot">
  <p><a href="/about">关于我们</a> | <a href="/map">网站地图</a> | <a href="/contact">联系我们</a></p>
  <p>主办单位：鄂城区人民政府办公室　地址：鄂州市鄂城区滨湖南路1号　联系电话：0711-3222222</p>
  <p>网站标识码：4207040001　<a href="https://beian.miit.gov.cn">鄂ICP备05001234号</a>　您是本站第<span class="counter">1234567</span>位访客</p>
</div>
</body>
</html>
`;
  return encodeGbk(page);
}

/** A landing page: a short notice and the report as an attachment. */
export function landingHtml(): Buffer {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>鄂城区总工会2023年度部门决算公开</title></head><body>
<nav><a href="/">首页</a> <a href="/gk/">政务公开</a></nav>
<div class="main"><h1>鄂城区总工会2023年度部门决算公开</h1>
<p>根据《预算法》有关规定，现将鄂城区总工会2023年度部门决算予以公开。</p>
<p>附件：<a href="/uploads/2024/09/鄂城区总工会2023年度部门决算.pdf">鄂城区总工会2023年度部门决算.pdf</a></p></div>
<div class="foot">版权所有：鄂城区人民政府</div></body></html>`;
  return Buffer.from(page, 'utf8');
}

/** The seed's tables as a workbook: one sheet per table, a title row merged across, then the grid with
 *  the merges of a government form (see spansOf). A table whose first row is a single cell (its title)
 *  takes that as the title row; otherwise the text lines before it are the title rows. */
export function seedWorkbook(seedText: string, names = ['绩效目标表', '项目自评表']): XLSX.WorkBook {
  const { tables } = splitSeed(seedText);
  const wb = XLSX.utils.book_new();
  tables.forEach((t, i) => {
    const titleInTable = t.rows[0]!.length === 1;
    const titles = titleInTable ? [t.rows[0]![0]!] : t.before.map((s) => s.trim());
    const rows = titleInTable ? t.rows.slice(1) : t.rows;
    const { width, spans } = spansOf(rows);
    const aoa: (string | number | null)[][] = titles.map((s) => [s, ...Array(width - 1).fill(null)]);
    const merges: XLSX.Range[] = titles.map((_, r) => ({ s: { r, c: 0 }, e: { r, c: width - 1 } }));
    const top = titles.length;
    rows.forEach((row) => aoa.push([...row.map((s) => (s === '' ? null : s)), ...Array(width - row.length).fill(null)]));
    for (const s of spans) if (s.rowSpan > 1 || s.colSpan > 1) merges.push({ s: { r: top + s.r, c: s.c }, e: { r: top + s.r + s.rowSpan - 1, c: s.c + s.colSpan - 1 } });
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    // Figures as numbers with a two-decimal format where the text prints two decimals (89.65).
    rows.forEach((row, r) =>
      row.forEach((s, c) => {
        if (!/^\d+\.\d{2}$/.test(s)) return;
        ws[XLSX.utils.encode_cell({ r: top + r, c })] = { t: 'n', v: Number(s), z: '0.00' };
      }),
    );
    ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, names[i] ?? `表${i + 1}`);
  });
  return wb;
}

/** A whole report as a workbook, in document order: each run of prose a sheet of one line per row
 *  (说明1, 说明2 …), each TAB-celled table a sheet of its own whose title rows are the lines just above the
 *  table in the text (title, 单位：万元), the grid's merges as in spansOf. */
export function reportWorkbook(text: string): XLSX.WorkBook {
  const { flow, tables } = splitSeed(text);
  const wb = XLSX.utils.book_new();
  let prose: string[] = [];
  let n = 0;
  const flushProse = () => {
    const lines = prose.filter((l) => l.trim() !== '');
    if (lines.length) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(lines.map((l) => [l])), `说明${++n}`);
    prose = [];
  };
  for (const x of flow) {
    if (typeof x === 'string') {
      prose.push(x);
      continue;
    }
    const t = tables[x]!;
    prose.splice(prose.length - t.before.length);
    flushProse();
    const { width, spans } = spansOf(t.rows);
    const titles = t.before.map((s) => s.trim());
    const aoa: (string | null)[][] = titles.map((s) => [s, ...Array(width - 1).fill(null)]);
    const merges: XLSX.Range[] = titles.map((_, r) => ({ s: { r, c: 0 }, e: { r, c: width - 1 } }));
    t.rows.forEach((row) => aoa.push([...row.map((s) => (s === '' ? null : s)), ...Array(width - row.length).fill(null)]));
    for (const s of spans) if (s.rowSpan > 1 || s.colSpan > 1) merges.push({ s: { r: titles.length + s.r, c: s.c }, e: { r: titles.length + s.r + s.rowSpan - 1, c: s.c + s.colSpan - 1 } });
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    if (width > 1) ws['!merges'] = merges;
    XLSX.utils.book_append_sheet(wb, ws, (titles[0] ?? `表${x + 1}`).replace(/[\\/?*[\]:]/g, '').slice(0, 31));
  }
  flushProse();
  return wb;
}

export const writeBook = (wb: XLSX.WorkBook, bookType: 'xlsx' | 'biff8'): Buffer => XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;

/** A ZIP with the given entries, deflated. */
export function deflatedZip(entries: Record<string, Buffer | string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const packed = deflateRawSync(data);
    const fname = Buffer.from(name, 'utf8');
    const head = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const o = central ? 2 : 0;
      if (central) b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, 4 + o);
      b.writeUInt16LE(8, 8 + o);
      b.writeUInt32LE(crc32(data), 14 + o);
      b.writeUInt32LE(packed.length, 18 + o);
      b.writeUInt32LE(data.length, 22 + o);
      b.writeUInt16LE(fname.length, 26 + o);
      if (central) b.writeUInt32LE(offset, 42);
      return b;
    };
    centrals.push(head(true), fname);
    const local = Buffer.concat([head(false), fname, packed]);
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(locals.length, 8);
  end.writeUInt16LE(locals.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WB = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WB_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** A hand-made .xlsx with one sheet whose XML is given (and optional padding inside the sheet part). */
export function craftedXlsx(sheetXml: string | Buffer): Buffer {
  return deflatedZip({ '[Content_Types].xml': CT, '_rels/.rels': RELS, 'xl/workbook.xml': WB, 'xl/_rels/workbook.xml.rels': WB_RELS, 'xl/worksheets/sheet1.xml': sheetXml });
}

const SHEET = (dim: string, cells: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dim}"/><sheetData>${cells}</sheetData></worksheet>`;
const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

/** Crafted inputs and the error each must give. */
export function craftedFiles(seedText: string): Record<string, Buffer> {
  const xls = writeBook(seedWorkbook(seedText), 'biff8');
  // A sheet part of 64 MB of blanks: it deflates to ~64 KB.
  const bomb = Buffer.concat([Buffer.from(SHEET('A1', cell('A1', 'x')).replace('<sheetData>', '<sheetData>'), 'utf8'), Buffer.alloc(64 << 20, 0x20)]);
  return {
    'deep.html': Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${'<div>'.repeat(1_000_000)}部门决算${'</div>'.repeat(1_000_000)}</body></html>`),
    'huge-attribute.html': Buffer.concat([Buffer.from('<!DOCTYPE html><html><body><div title="'), Buffer.alloc(100 << 20, 0x61), Buffer.from('">部门决算</div></body></html>')]),
    'bomb.xlsx': craftedXlsx(bomb),
    'whole-grid.xlsx': craftedXlsx(SHEET('A1:XFD1048576', `<row r="1">${cell('A1', '收入')}${cell('B1', '支出')}</row><row r="2">${cell('A2', '1')}${cell('B2', '2')}</row>`)),
    'wide.xlsx': craftedXlsx(SHEET('A1:KN1', `<row r="1">${cell('A1', '项目')}${cell('KN1', '300')}</row>`)),
    'truncated.xls': xls.subarray(0, Math.floor(xls.length * 0.6)),
    'garbled.xls': Buffer.concat([xls.subarray(0, 2048), Buffer.alloc(xls.length - 2048, 0xff)]),
  };
}

/** A DOCX saved as .doc by LibreOffice, when soffice is installed (null otherwise). */
export function docxToDoc(docxPath: string, dir: string): string | null {
  const name = basename(docxPath).replace(/\.docx$/i, '');
  try {
    copyFileSync(docxPath, join(dir, `${name}.docx`));
    execFileSync('soffice', ['--headless', '--convert-to', 'doc', '--outdir', dir, join(dir, `${name}.docx`)], { stdio: 'ignore', timeout: 120_000 });
    return join(dir, `${name}.doc`);
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = resolve(process.argv[2] ?? 'renditions');
  mkdirSync(out, { recursive: true });
  const seedDir = resolve(process.argv[3] ?? '../shared/seed');
  const text = readFileSync(join(seedDir, '000_37d039dcb8ad6afc.txt'), 'utf8');
  writeFileSync(join(out, 'seed.html'), seedHtml(text));
  writeFileSync(join(out, 'landing.html'), landingHtml());
  const wb = seedWorkbook(text);
  writeFileSync(join(out, 'seed-tables.xlsx'), writeBook(wb, 'xlsx'));
  writeFileSync(join(out, 'seed-tables.xls'), writeBook(wb, 'biff8'));
  for (const [name, bytes] of Object.entries(craftedFiles(text))) writeFileSync(join(out, name), bytes);
  // tests/fixtures/tiny.doc is tiny.doc from here: make-broken's tiny DOCX (merges, a soft break, checkboxes) as .doc.
  writeFileSync(join(out, 'tiny.docx'), tinyDocx());
  const docs = [docxToDoc(join(seedDir, '000_37d039dcb8ad6afc.docx'), out), docxToDoc(join(out, 'tiny.docx'), out)];
  console.log(docs.every(Boolean) ? 'wrote 000_37d039dcb8ad6afc.doc and tiny.doc too' : 'no soffice: no .doc files');
}
