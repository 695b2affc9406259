// Title, unit, report year and kind (决算 / 预算), read from the first lines of the document.
import type { DocKind, DocumentMeta, Line } from '../model.js';
import { loadPattern } from '../patterns.js';

interface MetaPatterns {
  titleWindow: number;
  titleMaxLength: number;
  titleEnd: string;
  kinds: DocKind[];
  unitStrip: string[];
  unitLabel: string;
  collectiveTitle: string;
  titlePrefixNot: string;
}

const YEAR = /(20\d{2})\s*年/u;

export function readMeta(lines: Line[]): DocumentMeta {
  const p = loadPattern<MetaPatterns>('meta.yaml');
  const head = lines.slice(0, p.titleWindow);
  const end = new RegExp(p.titleEnd, 'u');
  let at = head.findIndex((l) => l.text.length <= p.titleMaxLength && end.test(l.text));
  // (a title whose last characters wrapped onto a line of their own: `2026 年深圳市公安局（本级）部门预` / `算`, a
  // page-text dump of 深圳 公安 2026's cover — the PDF reads the cover's one line)
  let tail = '';
  if (at < 0) {
    at = head.findIndex((l, k) => {
      const next = head[k + 1]?.text ?? '';
      return next.length > 0 && next.length <= 3 && /^[\u4e00-\u9fff]+$/u.test(next) && (l.text + next).length <= p.titleMaxLength && !end.test(l.text) && end.test(l.text + next);
    });
    if (at >= 0) tail = head[at + 1]!.text;
  }
  let title: string | null = null;
  if (at >= 0) {
    title = head[at]!.text + tail;
    // A title broken over lines: "2024年度" + "上海市普陀区财政局部门决算", or
    // "上海市普陀区" + "文化和旅游局" + "2025年度部门决算".
    // "中共上海市普陀区委" + "社会工作部2024年度部门决算".
    // "江苏省政协办公厅2018年度" + "部门预算公开"; "上海市普陀区财政局2025" + "年度部门决算": the year may
    // sit on a line above, or be broken from its 年度; a document has one year in its title.
    const notPrefix = new RegExp(p.titlePrefixNot, 'u');
    let yearSeen = YEAR.test(title);
    let k = at - 1;
    for (; k >= 0 && k >= at - 3; k--) {
      const t = head[k]!.text;
      const year = /20\d{2}(?:\s*年度?)?$/u.exec(t);
      if (t.length > (year ? 24 : 20) || notPrefix.test(t)) break;
      // (or opening it: `2026 年深圳市人民政府口岸办公室` / `部门预算`, a page-text cover)
      const lead = year ? null : /^20\d{2}\s*年度?/u.exec(t);
      if (lead && yearSeen) break;
      if (lead) yearSeen = true;
      const words = year ? t.slice(0, year.index) : lead ? t.slice(lead[0].length) : t;
      if ((year && yearSeen) || !/^[\u4e00-\u9fff（）()·A-Za-z×]*$/u.test(words) || (!year && words === '')) break;
      if (year && !year[0].includes('年') && !/^年/u.test(k === at - 1 ? title : '')) break;
      if (year) yearSeen = true;
    }
    title = head.slice(k + 1, at).map((l) => l.text).join('') + title;
    title = title.replace(/(目录|目次)$/u, '');
  }
  const kind = title ? (p.kinds.find((k) => title!.includes(k)) ?? null) : mostFrequentKind(lines, p.kinds);
  const year = yearOf(title) ?? mostFrequentYear(lines);
  let unit: string | null = null;
  const label = new RegExp(p.unitLabel, 'u');
  const named = head.map((l) => label.exec(l.text)?.[1]).find((u) => u !== undefined);
  if (named) unit = named;
  else if (title && !new RegExp(p.collectiveTitle, 'u').test(title)) {
    unit = p.unitStrip.reduce((s, re) => s.replace(new RegExp(re, 'u'), ''), title).trim() || null;
  }
  return { title, unit, year, kind };
}

/** A title's year; printed without its 年 right before the report's name too (北京 国资委 2026:
 *  “…委员会 / 2026 部门预算情况的说明”). */
const TITLE_YEAR = /(20\d{2})\s*(?:年|(?=(?:部门|单位)?(?:决算|预算)))/u;
function yearOf(s: string | null): number | null {
  const m = s ? (YEAR.exec(s) ?? TITLE_YEAR.exec(s)) : null;
  return m ? Number(m[1]) : null;
}

function mostFrequentYear(lines: Line[]): number | null {
  const counts = new Map<number, number>();
  for (const l of lines) for (const m of l.text.matchAll(/(20\d{2})年度/gu)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function mostFrequentKind(lines: Line[], kinds: DocKind[]): DocKind | null {
  const n = (k: string) => lines.reduce((s, l) => s + l.text.split(k).length - 1, 0);
  const [a, b] = kinds.map(n);
  if (!a && !b) return null;
  return (a ?? 0) >= (b ?? 0) ? kinds[0]! : kinds[1]!;
}
