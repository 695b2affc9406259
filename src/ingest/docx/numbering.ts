// Word's automatic numbering ("一、", "（二）", "1.") is not in the text: it comes from numbering.xml
// and mammoth drops it. Headings of 决算 reports carry their structure in exactly these markers, so
// we compute each numbered paragraph's label the way Word displays it.
import { attr, elements, val } from './xml.js';

interface Level {
  start: number;
  format: string;
  text: string;
  suffix: string;
  legal: boolean;
  style?: string;
}
interface Num {
  abstractId: string;
  starts: Map<number, number>;
}
interface StyleNum {
  basedOn?: string;
  numId?: string;
  ilvl?: number;
}

export interface Numbering {
  abstracts: Map<string, Map<number, Level>>;
  nums: Map<string, Num>;
  styles: Map<string, StyleNum>;
}

export function readNumbering(numberingXml: string, stylesXml: string): Numbering {
  const styles = new Map<string, StyleNum>();
  for (const s of elements(stylesXml, 'w:style')) {
    const id = attr(s.tag.attrs, 'w:styleId');
    if (!id) continue;
    const numPr = [...elements(s.inner, 'w:numPr')][0]?.inner;
    const ilvl = numPr !== undefined ? val(numPr, 'w:ilvl') : undefined;
    styles.set(id, { basedOn: val(s.inner, 'w:basedOn'), numId: numPr !== undefined ? val(numPr, 'w:numId') : undefined, ilvl: ilvl !== undefined ? Number(ilvl) : undefined });
  }
  const abstracts = new Map<string, Map<number, Level>>();
  const links = new Map<string, string>();
  for (const a of elements(numberingXml, 'w:abstractNum')) {
    const id = attr(a.tag.attrs, 'w:abstractNumId') ?? '';
    const levels = new Map<number, Level>();
    for (const l of elements(a.inner, 'w:lvl')) {
      levels.set(Number(attr(l.tag.attrs, 'w:ilvl') ?? 0), {
        start: Number(val(l.inner, 'w:start') ?? 1),
        format: val(l.inner, 'w:numFmt') ?? 'decimal',
        text: val(l.inner, 'w:lvlText') ?? '',
        suffix: val(l.inner, 'w:suff') ?? 'tab',
        legal: /<w:isLgl(?:\s|\/|>)/.test(l.inner) && val(l.inner, 'w:isLgl') !== '0',
        style: val(l.inner, 'w:pStyle'),
      });
    }
    abstracts.set(id, levels);
    const link = val(a.inner, 'w:numStyleLink');
    if (link) links.set(id, link);
  }
  const nums = new Map<string, Num>();
  for (const n of elements(numberingXml, 'w:num')) {
    const starts = new Map<number, number>();
    for (const o of elements(n.inner, 'w:lvlOverride')) {
      const s = val(o.inner, 'w:startOverride');
      if (s !== undefined) starts.set(Number(attr(o.tag.attrs, 'w:ilvl') ?? 0), Number(s));
    }
    nums.set(attr(n.tag.attrs, 'w:numId') ?? '', { abstractId: val(n.inner, 'w:abstractNumId') ?? '', starts });
  }
  // An abstract numbering that only links to a numbering style takes that style's levels.
  for (const [id, style] of links) {
    const numId = styles.get(style)?.numId;
    const target = numId ? nums.get(numId)?.abstractId : undefined;
    const levels = target ? abstracts.get(target) : undefined;
    if (levels && levels.size) abstracts.set(id, levels);
  }
  return { abstracts, nums, styles };
}

/** Counts numbered paragraphs in document order and renders their labels. */
export class Numberer {
  private counters = new Map<string, (number | undefined)[]>();
  private seen = new Set<string>();
  constructor(private readonly n: Numbering) {}

  /** The label of a paragraph with direct numPr (numId/ilvl) and style, or null when unnumbered. */
  label(direct: { numId?: string; ilvl?: number }, styleId?: string): string | null {
    const fromStyle = this.styleNum(styleId);
    const numId = direct.numId ?? fromStyle?.numId;
    if (!numId || numId === '0') return null;
    const num = this.n.nums.get(numId);
    const levels = num && this.n.abstracts.get(num.abstractId);
    if (!num || !levels) return null;
    let ilvl = direct.ilvl ?? fromStyle?.ilvl;
    if (ilvl === undefined) ilvl = [...levels].find(([, l]) => l.style && l.style === styleId)?.[0] ?? 0;
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet' || level.format === 'none') return null;

    const key = num.starts.size ? `num:${numId}` : `abs:${num.abstractId}`;
    if (num.starts.size && !this.seen.has(numId)) {
      this.seen.add(numId);
      this.counters.delete(key);
    }
    const startOf = (k: number) => num.starts.get(k) ?? levels.get(k)?.start ?? 1;
    const c = this.counters.get(key) ?? [];
    for (let k = 0; k < ilvl; k++) c[k] ??= startOf(k);
    c[ilvl] = c[ilvl] === undefined ? startOf(ilvl) : c[ilvl]! + 1;
    c.length = ilvl + 1;
    this.counters.set(key, c);
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const fmt = level.legal ? 'decimal' : levels.get(k)?.format ?? 'decimal';
      return formatNumber(c[k] ?? startOf(k), fmt);
    });
    return label + (level.suffix === 'nothing' ? '' : level.suffix === 'space' ? ' ' : '\t');
  }

  /** numId and ilvl from the style or the nearest style it is based on that sets each. */
  private styleNum(styleId?: string): StyleNum | undefined {
    const out: StyleNum = {};
    for (let id = styleId, depth = 0; id && depth < 10; depth++) {
      const s = this.n.styles.get(id);
      if (!s) break;
      out.numId ??= s.numId;
      out.ilvl ??= s.ilvl;
      id = s.basedOn;
    }
    return out.numId !== undefined ? out : undefined;
  }
}

const CN = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

function chinese(n: number, digits: string, ten: string, hundred: string): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h ? digits[h]! + hundred : '';
  if (t) out += (t === 1 && !h ? '' : digits[t]!) + ten;
  else if (h && u) out += digits[0]!;
  if (u) out += digits[u]!;
  return out;
}

/** Word's letters run a…z, then aa…zz, aaa…: the letter repeats. */
const alpha = (n: number) => (n > 0 ? String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1) : String(n));

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) for (; n >= v; n -= v) out += s;
  return out;
}

const fromList = (n: number, list: string) => [...list][n - 1] ?? String(n);

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return fromList(n, '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳');
    case 'decimalEnclosedParen':
      return fromList(n, '⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇');
    case 'decimalEnclosedFullstop':
      return fromList(n, '⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛');
    case 'upperLetter':
      return alpha(n);
    case 'lowerLetter':
      return alpha(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'japaneseCounting':
    case 'ideographLegalTraditional':
      return format === 'ideographLegalTraditional' ? chinese(n, CN_LEGAL, '拾', '佰') : chinese(n, CN, '十', '百');
    case 'chineseLegalSimplified':
      return chinese(n, CN_LEGAL, '拾', '佰');
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).replace(/\d/g, (d) => CN[Number(d)]!);
    case 'ideographTraditional':
      return fromList(n, '甲乙丙丁戊己庚辛壬癸');
    case 'ideographZodiac':
      return fromList(n, '子丑寅卯辰巳午未申酉戌亥');
    default:
      return String(n);
  }
}
