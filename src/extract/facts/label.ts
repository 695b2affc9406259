// Labels: the metric phrase a number belongs to, cleaned of years, enumeration and filler, and the
// canonical metric it names.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { patternsDir } from '../../patterns.js';
import { foldLabel, metricAfterYear, metricDef, metricDefs, metricForLabel, metricNames } from '../metrics.js';
import { rules } from './rules.js';

const require = createRequire(import.meta.url);
let jieba: Jieba | null = null;

/** jieba with the default dictionary plus the budget terms of patterns/userdict.txt. */
export function segmenter(): Jieba {
  if (!jieba) {
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    jieba = Jieba.withDict(dict);
    jieba.loadDict(readFileSync(new URL('userdict.txt', patternsDir)));
  }
  return jieba;
}

const YEAR = /(?:截至|截止)?20\d\d年(?:度|\d{1,2}月(?:\d{1,2}日)?)?/g;

/** Strip year mentions, enumeration markers and filler words from both ends. */
export function cleanLabel(s: string): string {
  const r = rules();
  let t = s.replace(YEAR, '').replace(r.labelRemarks, '');
  for (const w of r.labelRestartAfter) {
    const at = t.lastIndexOf(w);
    if (at >= 0 && at + w.length < t.length) t = t.slice(at + w.length);
  }
  // The code pieces of 科目 markers (公共安全支出（204类）…（01项）) are not numbers of another statement.
  // A 科目 code in brackets right after its name (工资福利支出（301）, 一般公共服务支出（201）) is the name's code,
  // not a number of another statement.
  t = t.replace(/([\u4e00-\u9fff）)])\s*[（(]\s*\d{3}(?:\d{2}){0,2}\s*[）)]/gu, '$1');
  t = afterLastNumber(t.replace(r.enumeration, '').replace(/([（(]\s*)\d{2,3}(\s*(?:类|款|项)\s*[）)])/g, '$1$2'));
  let prev = '';
  while (prev !== t) {
    prev = t;
    t = t.replace(r.enumeration, '');
    t = t.replace(/^[，,：:、。；\s]+|[，,：:、。；\s]+$/g, '');
    for (const p of r.labelPrefixes) if (t.startsWith(p) && t.length > p.length) t = t.slice(p.length);
    for (const p of r.labelSuffixes) if (t.endsWith(p)) t = t.slice(0, -p.length);
    if (t.endsWith('的')) t = t.slice(0, -1);
  }
  return t;
}

/** A label never holds a number: what precedes one belongs to another statement
 *  ("国内公务接待支出0.40万（含外宾接待支出" → "含外宾接待支出"). */
function afterLastNumber(t: string): string {
  // A list ordinal is no number of another statement: a heading joined to the item under it
  // (“（一）一般公共服务支出（类）” / “1.政协事务（款）行政运行（项）5,223.22万元”) labels the item by what follows it.
  const ord = /(?<![\d.．])\d{1,2}[.．、](?=[^\d.．、])([^\d]*)$/u.exec(t);
  if (ord && /[\u4e00-\u9fff]/u.test(ord[1]!)) return ord[1]!;
  const d = t.search(/\d[^\d]*$/);
  if (d < 0) return t;
  const rest = t.slice(d + 1);
  const open = Math.max(rest.lastIndexOf('（'), rest.lastIndexOf('('));
  return open >= 0 ? rest.slice(open + 1) : rest.replace(/^[^\u4e00-\u9fff]*(?:万|千|亿)?/, '');
}

/** Cumulative end offsets of jieba tokens: where a phrase may be cut. */
function cuts(s: string): Set<number> {
  const set = new Set<number>([0]);
  let pos = 0;
  for (const w of segmenter().cut(s, false)) set.add((pos += w.length));
  return set;
}

/** The canonical metric a (clean) label names: exactly, or as its tail after the reporting entity's
 *  name or a 的-phrase ("区总工会编制人数", "开支财政拨款的公务用车保有量"), cut at a word boundary. */
export function resolveMetric(label: string): string | null {
  const exact = metricForLabel(label, 'text');
  if (exact) return exact;
  const folded = foldLabel(label);
  const r = rules();
  for (const [name, key] of metricNames('text')) {
    if (folded.length <= name.length || !folded.endsWith(name)) continue;
    const head = folded.slice(0, folded.length - name.length);
    if (r.subunitWords.some((w) => head.includes(w))) continue;
    // "…的公务用车保有量" names the count; "…的项目支出" is too loose for an amount.
    const viaDe = head.endsWith('的') && (metricDef(key)?.kind === 'count' || (metricDef(key)?.impliedBy ?? []).some((q) => head.endsWith(`${foldLabel(q)}的`)));
    const entity = viaDe || r.entitySuffixes.some((e) => head.endsWith(e));
    if (entity && cuts(folded).has(head.length)) return key;
  }
  return null;
}

/** The metric a bare phrase of `afterYear` (收入, 支出) names right after the reporting entity's name
 *  ("上海市普陀区司法局收入"), cut at a word boundary; never after a fund's or a sub-unit's name. */
export function afterEntity(label: string): string | null {
  const folded = foldLabel(label);
  const r = rules();
  for (const phrase of metricDefs().flatMap((d) => d.afterYear ?? [])) {
    if (folded.length <= phrase.length || !folded.endsWith(phrase)) continue;
    const head = folded.slice(0, folded.length - phrase.length);
    if (r.subunitWords.some((w) => head.includes(w)) || /预算|基金|资金|拨款/.test(head)) continue;
    if (r.entitySuffixes.some((e) => head.endsWith(e)) && cuts(folded).has(head.length)) return metricAfterYear(phrase);
  }
  return null;
}

/** The leading noun phrase of `s` ("先进集体和个人" → "先进集体", "职工报名" → "职工"), or ''. */
export function leadingNouns(s: string): string {
  let out = '';
  for (const t of segmenter().tag(s, false)) {
    if (!/^(n|l|j|nz|vn)/.test(t.tag)) break;
    out += t.word;
  }
  return out;
}
