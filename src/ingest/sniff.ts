// The format comes from the bytes, not the file name: scraped files are often misnamed.
import type { Format } from '../model.js';

export type Sniffed = Format | 'zip' | 'rtf' | 'image' | 'ole' | 'encrypted' | 'binary' | 'empty';

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((v, i) => b[i] === v);

/** Entry names from the ZIP headers in `b`: local file headers (found in the first MB even of a
 *  truncated archive) or central-directory records (at the end). The names, not the contents, tell
 *  a DOCX from an XLSX (an XLSX may well mention "word/" in its text). */
function zipEntryNames(b: Uint8Array, kind: 'local' | 'central'): string[] {
  const [sig, lenAt, nameAt] = kind === 'local' ? ['PK\x03\x04', 26, 30] : ['PK\x01\x02', 28, 46];
  const names: string[] = [];
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let i = buf.indexOf(sig, 0, 'latin1'); i >= 0 && i + nameAt <= buf.length; i = buf.indexOf(sig, i + 4, 'latin1')) {
    const len = buf.readUInt16LE(i + lenAt);
    names.push(buf.toString('latin1', i + nameAt, Math.min(buf.length, i + nameAt + len)));
  }
  return names;
}

/** Stream and storage names in an OLE2 compound file's directory. Directory entries are 128 bytes and
 *  always 128-aligned (sectors are 512 or 4096 bytes, after a header of one sector): an entry is a
 *  UTF-16LE name, its byte length (with the NUL) at +64 and its type (1 storage, 2 stream, 5 root) at +66. */
function oleStreamNames(b: Uint8Array): Set<string> {
  const names = new Set<string>();
  const buf = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let at = 512; at + 128 <= buf.length; at += 128) {
    const len = buf.readUInt16LE(at + 64);
    const type = buf[at + 66];
    if (len < 4 || len > 64 || len % 2 || (type !== 1 && type !== 2 && type !== 5) || buf.readUInt16LE(at + len - 2) !== 0) continue;
    const name = buf.toString('utf16le', at, at + len - 2);
    if (/^[\x01-\x06]?[\x20-\x7e]+$/.test(name)) names.add(name.replace(/^[\x01-\x06]/, ''));
  }
  return names;
}

/** Markup at the start of the file (after a BOM, whitespace, an XML declaration or comments). */
function looksLikeHtml(b: Uint8Array): boolean {
  let head: string;
  if (startsWith(b, [0xff, 0xfe])) head = Buffer.from(b.subarray(2, 2050)).toString('utf16le');
  else if (startsWith(b, [0xfe, 0xff])) head = Buffer.from(b.subarray(2, 2050)).swap16().toString('utf16le');
  else head = Buffer.from(b.subarray(0, 2048)).toString('latin1').replace(/^\xef\xbb\xbf/, '');
  head = head.replace(/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*/, '');
  if (/^<(!doctype\s+html|html|head|meta|title|body)[\s>/]/i.test(head)) return true;
  // A page saved as a fragment (the article's markup only): a block tag first and a closing tag soon after.
  return /^<(div|p|table|center|font|span|h[1-6]|style|script|link|base)[\s>/]/i.test(head) && /<\/(div|p|table|td|span|h[1-6]|font|center)>/i.test(head);
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  // %PDF may follow a little junk (some servers prepend a BOM or whitespace).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const names = [...zipEntryNames(bytes.subarray(0, 1 << 20), 'local'), ...zipEntryNames(bytes.subarray(Math.max(0, bytes.length - (1 << 20))), 'central')];
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    // An Office package cut off before its parts (a truncated download): the DOCX reader says it is damaged.
    if (names.includes('[Content_Types].xml') && !names.some((n) => n.startsWith('ppt/'))) return 'docx';
    return 'zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE2 compound file: its directory's stream names tell Word from Excel (and from the rest).
    const names = oleStreamNames(bytes);
    if (names.has('WordDocument')) return 'doc';
    if (names.has('Workbook') || names.has('Book')) return 'xls';
    if (names.has('EncryptedPackage')) return 'encrypted';
    if (names.size) return 'ole';
    // No directory found (a truncated file): the stream names may still be in the bytes.
    const all = Buffer.from(bytes).toString('latin1');
    if (/W\0o\0r\0k\0b\0o\0o\0k/.test(all) && !/W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t/.test(all)) return 'xls';
    return 'doc';
  }
  if (head.startsWith('{\\rtf')) return 'rtf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || head.startsWith('GIF8') || startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image';
  if (looksLikeHtml(bytes)) return 'html';
  // UTF-16 with BOM, UTF-8, or a legacy Chinese encoding: a text file has no NUL bytes outside UTF-16.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return 'txt';
  const sample = bytes.subarray(0, 65536);
  let nul = 0;
  let ctrl = 0;
  for (const b of sample) {
    if (b === 0) nul++;
    else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) ctrl++;
  }
  if (nul > 0 || ctrl > sample.length / 50) return 'binary';
  return 'txt';
}

const ADVICE: Record<string, string> = {
  doc: 'legacy Word (.doc) and WPS (.wps) files that are not Word binaries, or are damaged or encrypted, cannot be read: convert the file to .docx or PDF (e.g. `soffice --headless --convert-to docx FILE`)',
  ole: 'an OLE2 compound file that is neither a Word (.doc/.wps) nor an Excel (.xls/.et) file (PowerPoint?): export the report as PDF or DOCX',
  encrypted: 'an encrypted (password-protected) Office file: save it without a password, or export it as PDF',
  zip: 'a ZIP archive that is not a DOCX: unpack it and pass the documents inside',
  rtf: 'RTF is not supported: convert it to .docx or PDF',
  image: 'a bare image is not supported: wrap it in a PDF (e.g. `img2pdf`) so that OCR can read it',
  binary: 'not a PDF, Word, Excel, HTML or text file',
};

export function unsupportedMessage(kind: Sniffed): string {
  return ADVICE[kind] ?? `unsupported format (${kind})`;
}
