// Scoring OCR against a text layer (tests and scripts/bench-ocr.ts): character error rate over the
// text with all whitespace removed, and the share of the reference's numbers read exactly.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { normalize } from '../normalize.js';

/** Levenshtein distance, two rows. */
export function editDistance(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  let prev = Array.from({ length: B.length + 1 }, (_, j) => j);
  for (let i = 1; i <= A.length; i++) {
    const cur = [i];
    for (let j = 1; j <= B.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (A[i - 1] === B[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[B.length]!;
}

/** Both sides normalised as the pipeline does (normalize.ts), whitespace dropped, and full-width
 *  punctuation folded (NFKC): documents mix （一） and (一), and neither reading is an error. */
export const comparable = (s: string) => normalize(s).text.normalize('NFKC').replace(/\s+/g, '');

export function cer(ocr: string, truth: string): number {
  const t = comparable(truth);
  return t.length ? editDistance(comparable(ocr), t) / t.length : 0;
}

/** The values a misread would corrupt: decimals, percentages and numbers of 3+ digits (years,
 *  codes); single digits in prose are left out, they are too easy to match by chance. */
export function numbersIn(s: string): string[] {
  return comparable(s).match(/\d+(?:,\d{3})*\.\d+%?|\d+%|\d{3,}/g) ?? [];
}

/** Share of `truth`'s numbers found in `ocr` (as a multiset). */
export function numbersRead(ocr: string, truth: string): { read: number; total: number; missed: string[] } {
  const pool = new Map<string, number>();
  for (const n of numbersIn(ocr)) pool.set(n, (pool.get(n) ?? 0) + 1);
  const missed: string[] = [];
  const want = numbersIn(truth);
  for (const n of want) {
    const k = pool.get(n) ?? 0;
    if (k > 0) pool.set(n, k - 1);
    else missed.push(n);
  }
  return { read: want.length - missed.length, total: want.length, missed };
}

/** The page's text layer in content order, one string (the truth for a scan of the same page). */
export async function textLayer(pdf: PDFDocumentProxy, pageNo: number): Promise<string> {
  const page = await pdf.getPage(pageNo);
  const content = await page.getTextContent();
  return content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join('');
}
