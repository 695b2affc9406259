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
  const at = head.findIndex((l) => l.text.length <= p.titleMaxLength && end.test(l.text));
  let title: string | null = null;
  if (at >= 0) {
    title = head[at]!.text;
    // A title broken over lines: "2024年度" + "上海市普陀区财政局部门决算", or
    // "上海市普陀区" + "文化和旅游局" + "2025年度部门决算".
    // "中共上海市普陀区委" + "社会工作部2024年度部门决算".
    const prev = head[at - 1]?.text;
    const notPrefix = new RegExp(p.titlePrefixNot, 'u');
    if (!YEAR.test(title) && prev && YEAR.test(prev) && prev.length <= 12) title = prev + title;
    else {
      let k = at - 1;
      while (k >= 0 && k >= at - 3 && head[k]!.text.length <= 20 && /^[\u4e00-\u9fff（）()·A-Za-z×]+$/u.test(head[k]!.text) && !notPrefix.test(head[k]!.text)) k--;
      title = head.slice(k + 1, at).map((l) => l.text).join('') + title;
    }
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

function yearOf(s: string | null): number | null {
  const m = s ? YEAR.exec(s) : null;
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
