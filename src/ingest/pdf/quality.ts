// Is a page's text layer usable? Scans have no text; broken fonts give private-use glyphs, `(cid:NN)`
// runs or Latin-1 mojibake (宋体 declared WinAnsi: 北斗星 → ±±¶·ÐÇ) instead of Chinese.
import type { PageLine } from './layout.js';

export type PageTextQuality = 'ok' | 'empty' | 'garbled';

const PUA = /[\ue000-\uf8ff]/g;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN1 = /[\u00c0-\u00ff\u00a1-\u00bf]/g;
const REPLACEMENT = /\ufffd/g;

export function pageQuality(lines: PageLine[]): PageTextQuality {
  const text = lines.map((l) => l.segs.map((s) => s.text).join('')).join('').replace(/\s+/g, '');
  if (text.length === 0) return 'empty';
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  const n = text.length;
  if (/\(cid:\d+\)/.test(text)) return 'garbled';
  if ((count(PUA) + count(REPLACEMENT)) / n > 0.1) return 'garbled';
  const cjk = count(CJK);
  const latin1 = count(LATIN1);
  // Mojibake: many accented Latin-1 letters and almost no Chinese.
  if (n >= 10 && latin1 / n > 0.2 && cjk / n < 0.1) return 'garbled';
  // A page of these reports with a real layer is mostly Chinese; a long page with next to none is suspect,
  // unless it is plainly numbers (a table continuation page).
  const letters = n - count(/[0-9.,%\-()（）、:：\/]/g);
  if (letters >= 40 && cjk / letters < 0.05 && latin1 + count(PUA) > letters * 0.1) return 'garbled';
  return 'ok';
}
