// An HTML page's encoding: the BOM; else UTF-8 if the bytes are valid UTF-8; else the page's own
// <meta charset> / http-equiv declaration (read by parsing the page's start with parse5 as Latin-1, which
// keeps every ASCII tag intact: Big5, Shift_JIS …); else GB18030, of which GBK and GB2312 are subsets.
import { parse } from 'parse5';
import { JuesuanError } from '../../errors.js';
import { attr, elements } from './dom.js';

function declared(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  for (const meta of elements(parse(head), 'meta')) {
    const charset = attr(meta, 'charset');
    if (charset) return charset.trim().toLowerCase();
    if (attr(meta, 'http-equiv')?.toLowerCase() === 'content-type') {
      const content = attr(meta, 'content') ?? '';
      const at = content.toLowerCase().indexOf('charset=');
      if (at >= 0) return content.slice(at + 8).split(/[;\s"']/)[0]!.trim().toLowerCase();
    }
  }
  return null;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b.subarray(3)), encoding: 'utf-8' };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b.subarray(2)), encoding: 'utf-16le' };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b.subarray(2)), encoding: 'utf-16be' };
  let label = declared(bytes);
  // GB2312 pages use GBK characters all the time; GB18030 decodes both.
  if (label && /^(gb2312|gbk|gb_2312-80|x-gbk|cp936|gb18030)$/.test(label)) label = 'gb18030';
  if (label) {
    try {
      new TextDecoder(label);
    } catch {
      label = null; // an unknown label: sniff instead
    }
  }
  // Bytes that are valid UTF-8 are UTF-8 whatever the page declares (GBK text is practically never valid
  // UTF-8, while pages re-encoded to UTF-8 often keep their old gb2312 <meta>); otherwise the declared
  // charset if the bytes are valid in it (sites also declare UTF-8 over GBK bytes), else GB18030.
  for (const l of ['utf-8', label, 'gb18030']) {
    if (!l) continue;
    const text = tryDecode(l, bytes);
    if (text !== null) return { text, encoding: l };
  }
  // Invalid everywhere: decode leniently with the best guess rather than refuse a page over a stray byte.
  const l = label ?? 'gb18030';
  const text = new TextDecoder(l).decode(bytes);
  if (!text.trim()) throw new JuesuanError('UNREADABLE_TEXT', 'the page is neither UTF-8 nor GB18030');
  return { text, encoding: l };
}
