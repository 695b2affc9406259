// Cell agreement between the standard tables of two readings of one document (a PDF and its page-text
// dump): every non-blank value cell is keyed by its table kind (and occurrence), the 科目 code and row
// label left of it, and its column header; a dump cell is `same`, `differs` (another value under the
// same key, or a value where the PDF has none) or missing.
import type { TableRecord } from '../src/model.js';

const STANDARD = /^(公开|预算)\d/u;
const AMOUNT = /^[-−]?\(?\d[\d,]*(\.\d+)?\)?%?$|^[-—–]$/;
const fold = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/[（）()“”"]/g, '');
/** A column is named by its header's leaf (the PDF's header band may add its parents: 收入/决算数). */
const colKey = (h: string) => fold(h.split('/').pop() ?? '').replace(/[^\p{Script=Han}]/gu, '');

export function cellMap(tables: TableRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const t of tables) {
    if (!STANDARD.test(t.kind) || !t.rows.length) continue;
    const n = (seen.get(t.kind) ?? 0) + 1;
    seen.set(t.kind, n);
    for (const row of t.rows) {
      row.forEach((v, c) => {
        const text = fold(v);
        if (!text || !AMOUNT.test(text) || /^\d{2,7}$/.test(text)) return;
        // A 科目编码 column holds codes, not values (20720799 run together from two codes).
        if (/编码|代码/.test(t.header[c] ?? '')) return;
        // A bare integer before the row's label is a (misprinted) code piece: 7 | 11 | 02 | 事业单位医疗.
        if (/^\d$/.test(text) && row.slice(0, c).every((x) => /^\d{0,7}$/.test(fold(x))) && row.slice(c + 1).some((x) => /\p{Script=Han}/u.test(x))) return;
        // The row label: the nearest text cell to the left, with the code pieces before it.
        let l = c - 1;
        while (l >= 0 && (AMOUNT.test(fold(row[l]!)) || !fold(row[l]!))) l--;
        let code = '';
        let label = '';
        if (l >= 0) {
          label = fold(row[l]!);
          if (/^\d{2,7}$/.test(label)) {
            code = label;
            label = '';
          }
          for (let k = l - 1; k >= 0 && /^(\d{1,7})?$/.test(fold(row[k]!)); k--) code = fold(row[k]!) + code;
        }
        let key = `${t.kind}#${n}|${code}|${label}|${colKey(t.header[c] ?? '')}`;
        for (let dup = 2; out.has(key); dup++) key = key.replace(/\|~\d+$/, '') + `|~${dup}`;
        out.set(key, text);
      });
    }
  }
  return out;
}

export interface Agreement {
  pdfCells: number;
  same: number;
  differs: { key: string; pdf: string | null; dump: string }[];
  /** The PDF's cells the dump does not give (key → value). */
  missing: [string, string][];
}

export function agreement(pdf: TableRecord[], dump: TableRecord[]): Agreement {
  const a = cellMap(pdf);
  const b = cellMap(dump);
  let same = 0;
  const differs: Agreement['differs'] = [];
  for (const [k, v] of b) {
    const want = a.get(k);
    if (want === v) same++;
    else if (want !== undefined || !k.includes('|~')) {
      // A value the PDF does not have under this key: a misplaced cell, unless the key itself is not
      // the PDF's (a row or header named differently — then it is only missing).
      if (want !== undefined || rowKnown(a, k)) differs.push({ key: k, pdf: want ?? null, dump: v });
    }
  }
  const missing = [...a].filter(([k, v]) => b.get(k) !== v);
  return { pdfCells: a.size, same, differs, missing };
}

/** Does the PDF have the row and the column of this key (so a value there would be one of its cells)? */
function rowKnown(a: Map<string, string>, key: string): boolean {
  const [table, code, label, col] = key.split('|');
  let row = false;
  let column = false;
  for (const k of a.keys()) {
    const [t, c, l, h] = k.split('|');
    if (t !== table) continue;
    if (c === code && l === label) row = true;
    if (h === col) column = true;
  }
  return row && column;
}
