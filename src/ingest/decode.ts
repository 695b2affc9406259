// Text files in whatever encoding scraped files come in: UTF-8 (with or without BOM), UTF-16 with BOM, or
// GB18030 (of which GBK and GB2312 are subsets: what government sites mostly serve).
//
// A damaged byte must not cost the whole report: the text is decoded with replacement characters (U+FFFD)
// where bytes cannot be decoded, the lines that hold one get a DAMAGED_TEXT flag (damagedLineFlags), and only
// a text that is mostly undecodable is refused (UNREADABLE_TEXT). Which encoding: the one that leaves fewer
// undecodable characters, UTF-8 on a tie; a UTF-8 text with a few damaged bytes among many valid
// multi-byte characters stays UTF-8 even when its bytes happen to be valid GB18030 (mojibake).
import { JuesuanError } from '../errors.js';
import type { Block, Flag } from '../model.js';

const REPLACEMENT = '\ufffd';
/** Refused when more than this share of its non-blank characters cannot be decoded. */
export const MOSTLY_UNDECODABLE = 0.5;

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
  /** Characters that could not be decoded (now U+FFFD), beyond any the file itself holds. */
  replaced: number;
}

const count = (s: string, ch: string) => {
  let n = 0;
  for (let i = s.indexOf(ch); i >= 0; i = s.indexOf(ch, i + 1)) n++;
  return n;
};
const nonBlank = (s: string) => s.length - (s.match(/\s/g)?.length ?? 0);
/** U+FFFD written in the file itself (UTF-8 EF BF BD): not damage. */
const literalReplacements = (b: Uint8Array) => {
  let n = 0;
  for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xef && b[i + 1] === 0xbf && b[i + 2] === 0xbd) n++;
  return n;
};

export function decodeText(bytes: Uint8Array): Decoded {
  const b = bytes;
  let d: Decoded;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) d = utf8(b.subarray(3));
  else if (b[0] === 0xff && b[1] === 0xfe) d = lossy('utf-16le', b.subarray(2), 0);
  else if (b[0] === 0xfe && b[1] === 0xff) d = lossy('utf-16be', b.subarray(2), 0);
  else {
    const u = utf8(b);
    if (u.replaced === 0) d = u;
    else {
      const g = lossy('gb18030', b, 0);
      // Valid multi-byte UTF-8 characters far outnumbering the damaged ones: UTF-8 with damage.
      const multibyte = [...u.text].filter((c) => c.charCodeAt(0) >= 0x80 && c !== REPLACEMENT).length;
      d = g.replaced < u.replaced && multibyte < u.replaced * 10 ? g : u;
    }
  }
  if (d.replaced > 0 && d.replaced > nonBlank(d.text) * MOSTLY_UNDECODABLE) {
    throw new JuesuanError('UNREADABLE_TEXT', 'the text is mostly undecodable as UTF-8, UTF-16 or GB18030');
  }
  return d;
}

const utf8 = (b: Uint8Array) => lossy('utf-8', b, literalReplacements(b));

function lossy(encoding: Decoded['encoding'], b: Uint8Array, literal: number): Decoded {
  const text = new TextDecoder(encoding).decode(b);
  return { text, encoding, replaced: Math.max(0, count(text, REPLACEMENT) - literal) };
}

/** One DAMAGED_TEXT flag (warning) per line of `blocks` that holds an undecodable character. */
export function damagedLineFlags(blocks: Block[]): Flag[] {
  const flags: Flag[] = [];
  const lineFlag = (raw: string, loc: Flag['loc']) => {
    const at = raw.indexOf(REPLACEMENT);
    if (at < 0 || !loc) return;
    flags.push({
      code: 'DAMAGED_TEXT',
      severity: 'warning',
      message: '文本损坏：此行有无法解码的字节（显示为�），其中的文字和数字可能不完整，请核对原件。',
      loc: { ...loc, start: at, end: raw.lastIndexOf(REPLACEMENT) + 1 },
      excerpt: raw,
      expected: null,
      found: REPLACEMENT,
    });
  };
  for (const b of blocks) {
    if (b.kind === 'line') lineFlag(b.line.raw, b.line.loc);
    else if (b.kind === 'table') for (const row of b.table.rows) for (const c of row) lineFlag(c.raw, c.loc);
  }
  return flags;
}
