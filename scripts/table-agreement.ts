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
  // Keys met more than once are keyed again with their row's other text cells (below).
  const first = cellKeys(tables, new Set());
  const met = new Map<string, number>();
  for (const k of first.keys()) {
    const base = k.replace(/\|~\d+$/, '');
    met.set(base, (met.get(base) ?? 0) + 1);
  }
  return cellKeys(tables, new Set([...met].filter(([, n]) => n > 1).map(([k]) => k)));
}

function cellKeys(tables: TableRecord[], repeated: Set<string>): Map<string, string> {
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
        // A label met more than once (分散自行组织 under several items) is told apart by the row's other
        // text cells left of it (台式计算机（20万以下）), then by its order: a dump that leaves one such
        // row unread does not shift the others' keys where their rows say more.
        if (repeated.has(key)) {
          const context = row.slice(0, Math.max(l, 0)).map(fold).filter((x) => x && !AMOUNT.test(x)).join('/');
          if (context) key = `${t.kind}#${n}|${code}|${label}@${context}|${colKey(t.header[c] ?? '')}`;
        }
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
  // Cells under one key met several times (the same row label again) are compared as ordered lists:
  // the dump's, where right, are the PDF's in the same order with some left out (a row the dump left
  // unread must not shift the rest onto their neighbours' values).
  const groups = (m: Map<string, string>) => {
    const g = new Map<string, [string, string][]>();
    for (const [k, v] of m) {
      const base = k.replace(/\|~\d+$/, '');
      g.set(base, [...(g.get(base) ?? []), [k, v]]);
    }
    return g;
  };
  const ga = groups(a);
  let same = 0;
  const differs: Agreement['differs'] = [];
  const matched = new Set<string>();
  for (const [base, ds] of groups(b)) {
    const ps = ga.get(base) ?? [];
    const pairs = lcs(
      ps.map((x) => x[1]),
      ds.map((x) => x[1]),
    );
    same += pairs.length;
    const gotD = new Set(pairs.map(([, j]) => j));
    for (const [i] of pairs) matched.add(ps[i]![0]);
    ds.forEach(([k, v], j) => {
      if (gotD.has(j)) return;
      // A value the PDF does not have under this key: a misplaced cell, unless the key itself is not
      // the PDF's (a row or header named differently — then it is only missing).
      if (ps.length) differs.push({ key: k, pdf: a.get(k) ?? ps[Math.min(j, ps.length - 1)]![1], dump: v });
      else if (!k.includes('|~') && rowKnown(a, k)) differs.push({ key: k, pdf: null, dump: v });
    });
  }
  const missing = [...a].filter(([k]) => !matched.has(k));
  return { pdfCells: a.size, same, differs, missing };
}

/** Index pairs of a longest common subsequence of two lists. */
function lcs(x: string[], y: string[]): [number, number][] {
  const n = x.length;
  const m = y.length;
  const t = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) t[i]![j] = x[i] === y[j] ? t[i + 1]![j + 1]! + 1 : Math.max(t[i + 1]![j]!, t[i]![j + 1]!);
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (x[i] === y[j]) out.push([i++, j++]);
    else if (t[i + 1]![j]! >= t[i]![j + 1]!) i++;
    else j++;
  }
  return out;
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
