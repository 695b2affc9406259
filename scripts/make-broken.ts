// Small broken or odd input files for tests, generated on the fly (nothing binary is committed):
// legacy Office files (OLE header), a ZIP that is not a DOCX, truncated and gutted DOCX files,
// an empty file, a tiny well-formed DOCX with merges, soft breaks and checkboxes, and one with
// automatic numbering and rows that skip grid columns.
// Usage: npx tsx scripts/make-broken.ts <dir>   (tests call makeBroken(dir) directly)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound-file header followed by the UTF-16 name of the stream that tells the kinds apart. */
function ole(stream: string): Buffer {
  const head = Buffer.alloc(512);
  Buffer.from(OLE).copy(head);
  return Buffer.concat([head, Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);
}

/** A ZIP archive with stored (uncompressed) entries. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content, 'utf8');
    const fname = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fname.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fname.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fname, data);
    centrals.push(central, fname);
    offset += local.length + fname.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;
const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="WPSOffice"><w:name w:val="WPS Office正文"/></w:style>
</w:styles>`;

const p = (text: string, style?: string) =>
  `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const sdtCheck = (checked: boolean) =>
  `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>${checked ? '☒' : '☐'}</w:t></w:r></w:sdtContent></w:sdt>`;

/** A tiny DOCX: a heading, a paragraph with a soft line break, an empty paragraph, and a 3×4 table
 *  with a vertical merge (column 0), a horizontal merge (row 0) and w14 checkboxes (row 2). */
export function tinyDocxXml(): string {
  const rows = [
    `<w:tr>${tc(p('项目名称'), '<w:vMerge w:val="restart"/>')}${tc(p('测试项目'), '<w:gridSpan w:val="3"/>')}</w:tr>`,
    `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('预算数'))}${tc(p('执行数'))}${tc(p('执行率'))}</w:tr>`,
    `<w:tr>${tc(p('项目类别'))}${tc(`<w:p>${sdtCheck(true)}<w:r><w:t>部门预算项目</w:t></w:r>${sdtCheck(false)}<w:r><w:t>市直专项</w:t></w:r></w:p>`, '<w:gridSpan w:val="3"/>')}</w:tr>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:w14="${W14}"><w:body>
${p('第一部分 概况', 'Heading1')}
<w:p><w:pPr><w:pStyle w:val="WPSOffice"/></w:pPr><w:r><w:t>第一行</w:t><w:br/><w:t>第二行 2023 年</w:t></w:r></w:p>
<w:p/>
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>
${p('一、结尾', 'Heading2')}
</w:body></w:document>`;
}

export function tinyDocx(): Buffer {
  return zip({
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': RELS,
    'word/_rels/document.xml.rels': DOC_RELS,
    'word/styles.xml': STYLES,
    'word/document.xml': tinyDocxXml(),
  });
}

const NUMBERING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="${W}">
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1部分"/><w:suff w:val="space"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%2、"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%3）"/><w:suff w:val="nothing"/></w:lvl>
<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%4."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>`;
const NUMBERED_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="正文标题"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="a6"><w:name w:val="小标题"/><w:basedOn w:val="a5"/></w:style>
<w:style w:type="paragraph" w:styleId="a7"><w:name w:val="三级标题"/></w:style>
<w:style w:type="paragraph" w:styleId="a8"><w:name w:val="正文"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
</w:styles>`;
const numPr = (ilvl: number, numId = 1) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const np = (text: string, pPr: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** Automatic numbering (第一部分 / 一、 / （一） / 1.) from numbering.xml, via styles and direct
 *  numPr, a bullet list, and a table whose rows skip grid columns (w:gridBefore / w:gridAfter). */
export function numberedDocxXml(): string {
  const trPr = (props: string) => `<w:trPr>${props}</w:trPr>`;
  const rows = [
    `<w:tr>${tc(p('科目'))}${tc(p('金额'))}${tc(p('备注'))}</w:tr>`,
    `<w:tr>${trPr('<w:gridBefore w:val="1"/>')}${tc(p('10.5'))}${tc(p('甲'))}</w:tr>`,
    `<w:tr>${trPr('<w:gridAfter w:val="2"/>')}${tc(p('合计'))}</w:tr>`,
  ];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}"><w:body>
${np('概况', '<w:pStyle w:val="Heading1"/>')}
${np('部门职责', '<w:pStyle w:val="Heading2"/>')}
${np('主要职能', numPr(2))}
${np('第一项', numPr(3))}
${np('第二项', numPr(3))}
${np('要点', numPr(0, 2))}
${np('机构设置', '<w:pStyle w:val="Heading2"/>')}
${np('不编号', '<w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr>')}
${np('决算表', '<w:pStyle w:val="Heading1"/>')}
${np('收入', '<w:pStyle w:val="Heading2"/>')}
<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>
${np('大纲二级', '<w:pStyle w:val="a5"/>')}
${np('继承大纲级别', '<w:pStyle w:val="a6"/>')}
${np('按名称三级', '<w:pStyle w:val="a7"/>')}
${np('正文段落', '<w:pStyle w:val="a8"/>')}
</w:body></w:document>`;
}

export function numberedDocx(): Buffer {
  return zip({
    '[Content_Types].xml': CONTENT_TYPES.replace(
      '</Types>',
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>\n</Types>',
    ),
    '_rels/.rels': RELS,
    'word/_rels/document.xml.rels': DOC_RELS.replace(
      '</Relationships>',
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>\n</Relationships>',
    ),
    'word/styles.xml': NUMBERED_STYLES,
    'word/numbering.xml': NUMBERING,
    'word/document.xml': numberedDocxXml(),
  });
}

export const brokenFiles = {
  'legacy.doc': () => ole('WordDocument'),
  'kingsoft.wps': () => ole('WordDocument'),
  'sheet.xls': () => ole('Workbook'),
  'sheet.xlsx': () => zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>', 'xl/sharedStrings.xml': '<t>see word/document.xml</t>' }),
  'archive.zip': () => zip({ 'readme.txt': 'not a document' }),
  'truncated.docx': () => { const d = tinyDocx(); return d.subarray(0, Math.floor(d.length * 0.6)); },
  'no-document.docx': () => zip({ '[Content_Types].xml': CONTENT_TYPES, 'word/styles.xml': STYLES }),
  'empty.docx': () => Buffer.alloc(0),
  'tiny.docx': tinyDocx,
  'numbered.docx': numberedDocx,
  // a big part before the first word/ entry: the format is still told from the central directory
  'late-word.docx': () =>
    zip({
      '[Content_Types].xml': CONTENT_TYPES,
      '_rels/.rels': RELS,
      'docProps/thumbnail.jpeg': 'x'.repeat(1_200_000),
      'word/_rels/document.xml.rels': DOC_RELS,
      'word/styles.xml': STYLES,
      'word/document.xml': tinyDocxXml(),
    }),
} satisfies Record<string, () => Buffer>;

export type BrokenName = keyof typeof brokenFiles;

/** Write every file into `dir`; returns name → path. */
export function makeBroken(dir: string): Record<BrokenName, string> {
  mkdirSync(dir, { recursive: true });
  const out = {} as Record<BrokenName, string>;
  for (const [name, make] of Object.entries(brokenFiles) as [BrokenName, () => Buffer][]) {
    const path = join(dir, name);
    writeFileSync(path, make());
    out[name] = path;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const dir = process.argv[2] ?? 'broken';
  for (const [name, path] of Object.entries(makeBroken(dir))) console.log(`${name}\t${path}`);
}
