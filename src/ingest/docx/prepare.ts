// Put back into word/document.xml what mammoth would lose, before mammoth reads it:
// - automatic numbering labels ("一、", "（二）") as literal text at the start of their paragraphs;
// - w:gridBefore / w:gridAfter (rows that start or end with skipped grid columns) as empty cells,
//   so that the cells of such rows stay in their columns.
// Files that need neither are passed through untouched.
import JSZip from 'jszip';
import { Numberer, readNumbering } from './numbering.js';
import { attr, closingEnd, elements, escapeXml, tags, val, type Tag } from './xml.js';

const DOCUMENT = 'word/document.xml';

export interface Prepared {
  bytes: Uint8Array;
  /** Outline level (1-based) of paragraph styles that set one (w:outlineLvl, here or in a base style):
   *  custom heading styles ("一级标题") carry their level only there. */
  styleLevels: Map<string, number>;
}

export async function prepareDocx(bytes: Uint8Array): Promise<Prepared> {
  const zip = await JSZip.loadAsync(bytes);
  const doc = await zip.file(DOCUMENT)?.async('string');
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const styleLevels = readStyleLevels(stylesXml);
  if (!doc) return { bytes, styleLevels };
  const numberingXml = (await zip.file('word/numbering.xml')?.async('string')) ?? '';
  const numbered = numberingXml.includes('<w:abstractNum') && (doc.includes('<w:numPr') || stylesXml.includes('<w:numPr'));
  const gridded = /<w:grid(?:Before|After)\b/.test(doc);
  if (!numbered && !gridded) return { bytes, styleLevels };
  let out = doc;
  if (numbered) out = addNumberingLabels(out, new Numberer(readNumbering(numberingXml, stylesXml)));
  if (gridded) out = padSkippedGridColumns(out);
  zip.file(DOCUMENT, out);
  return { bytes: await zip.generateAsync({ type: 'uint8array' }), styleLevels };
}

function readStyleLevels(stylesXml: string): Map<string, number> {
  const own = new Map<string, { level?: number; basedOn?: string }>();
  for (const s of elements(stylesXml, 'w:style')) {
    const id = attr(s.tag.attrs, 'w:styleId');
    const level = val(s.inner, 'w:outlineLvl');
    if (id) own.set(id, { level: level !== undefined ? Number(level) : undefined, basedOn: val(s.inner, 'w:basedOn') });
  }
  const out = new Map<string, number>();
  for (const id of own.keys()) {
    let level: number | undefined;
    for (let cur: string | undefined = id, depth = 0; cur && depth < 10 && level === undefined; depth++) {
      level = own.get(cur)?.level;
      cur = own.get(cur)?.basedOn;
    }
    // outlineLvl 9 is "body text"
    if (level !== undefined && level >= 0 && level < 9) out.set(id, level + 1);
  }
  return out;
}

function applyInserts(xml: string, inserts: { at: number; text: string }[]): string {
  let out = '';
  let last = 0;
  for (const { at, text } of inserts.sort((a, b) => a.at - b.at)) {
    out += xml.slice(last, at) + text;
    last = at;
  }
  return out + xml.slice(last);
}

/** The pPr at the start of a paragraph (its tracked-change history removed) and where it ends. */
function paragraphProps(xml: string, pTagEnd: number): { props: string; end: number } {
  const first = tags(xml, pTagEnd).next().value;
  if (!first || first.name !== 'w:pPr' || first.close) return { props: '', end: pTagEnd };
  const end = closingEnd(xml, first);
  return { props: xml.slice(first.start, end).replace(/<w:pPrChange\b[\s\S]*?<\/w:pPrChange>/g, ''), end };
}

function addNumberingLabels(xml: string, numberer: Numberer): string {
  const inserts: { at: number; text: string }[] = [];
  for (const t of tags(xml)) {
    if (t.name !== 'w:p' || t.close || t.selfClosing) continue;
    const { props, end } = paragraphProps(xml, t.end);
    const numPr = /<w:numPr\b[\s\S]*?<\/w:numPr>/.exec(props)?.[0] ?? '';
    const ilvl = numPr ? val(numPr, 'w:ilvl') : undefined;
    const label = numberer.label({ numId: numPr ? val(numPr, 'w:numId') : undefined, ilvl: ilvl !== undefined ? Number(ilvl) : undefined }, val(props, 'w:pStyle'));
    if (!label) continue;
    const tab = label.endsWith('\t');
    const text = escapeXml(tab ? label.slice(0, -1) : label);
    inserts.push({ at: end, text: `<w:r><w:t xml:space="preserve">${text}</w:t>${tab ? '<w:tab/>' : ''}</w:r>` });
  }
  return applyInserts(xml, inserts);
}

function padSkippedGridColumns(xml: string): string {
  const inserts: { at: number; text: string }[] = [];
  const cell = (n: number) => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr><w:p/></w:tc>`;
  let row: Tag | undefined;
  for (const t of tags(xml)) {
    if (t.name === 'w:tr' && !t.close) row = t;
    if (t.name !== 'w:trPr' || t.close || t.selfClosing) continue;
    const end = closingEnd(xml, t);
    const props = xml.slice(t.start, end);
    const before = Number(val(props, 'w:gridBefore') ?? 0);
    const after = Number(val(props, 'w:gridAfter') ?? 0);
    if (before > 0) inserts.push({ at: end, text: cell(before) });
    // trPr is the first child of its row, so the row is the last one opened
    if (after > 0 && row) inserts.push({ at: closingEnd(xml, row) - '</w:tr>'.length, text: cell(after) });
  }
  return applyInserts(xml, inserts);
}
