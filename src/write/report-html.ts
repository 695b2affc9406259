// report.html: the flags of a batch for people who would rather look than read JSON. One file, no
// external resources; every piece of document text is HTML-escaped (it is untrusted). One inline script
// (allowed by its hash in the page's Content-Security-Policy, nothing else may run) filters the flags by
// severity, code and document and folds the code groups; without it the page shows everything.
import { createHash } from 'node:crypto';
import { FLAG_CODES, type DocumentMeta, type Flag, type FlagCode, type SummaryEntry } from '../model.js';

export interface ReportDoc {
  path: string;
  document: DocumentMeta;
  flags: Flag[];
  /** The record's summary: the overview shows 总收入, 总支出 and 三公经费 from it. */
  summary?: Record<string, SummaryEntry>;
  /** The record's file name beside report.html, linked from the overview. */
  record?: string;
  /** Per flag (same order): the flagged span `loc.start..end` as offsets into its excerpt, when known
   *  (src/write/evidence.ts). Without it the whole excerpt is marked. */
  marks?: ([number, number] | null)[];
  /** Per flag (same order): a JPEG data: URL of the page around it with the flagged figure boxed (PDF and
   *  scanned inputs, up to 20 per document), when there is one. */
  crops?: (string | null)[];
}

const CODE_NAMES: Record<FlagCode, string> = {
  BLANK_VALUE: '数值空缺',
  TEMPLATE_TEXT: '模板文字残留',
  MISSING_SECTION: '缺少部分',
  MISSING_TABLE: '缺少表格',
  EMPTY_TABLE_UNEXPLAINED: '空表未说明',
  SUM_MISMATCH: '合计不符',
  PERCENT_MISMATCH: '百分比不符',
  VALUE_CONFLICT: '数据前后不一致',
  DIRECTION_CONFLICT: '增减方向矛盾',
  UNIT_SUSPECT: '单位可疑',
  YEAR_MISMATCH: '年份错误',
  MALFORMED_VALUE: '数值格式错误',
  OCR_UNCERTAIN: '识别存疑',
  PRIOR_YEAR_MISMATCH: '上年数与上年报告不符',
  BUDGET_MISMATCH: '年初预算与预算报告不符',
  DAMAGED_TEXT: '文本损坏',
};

const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const count = (flags: Flag[], severity: Flag['severity']) => flags.filter((f) => f.severity === severity).length;

function where(flag: Flag): string {
  const l = flag.loc;
  if (!l) return '全文';
  if (l.sheet !== undefined) return `工作表“${l.sheet}”${l.cell ? `${l.cell}单元格` : `第${l.line}行`}`;
  const place = l.page !== undefined ? `第${l.page}页第${l.line}行` : l.paragraph !== undefined ? `第${l.paragraph}段第${l.line}行` : `第${l.line}行`;
  return l.table !== undefined && l.row !== undefined ? `${place}（表格第${l.row + 1}行第${(l.col ?? 0) + 1}列）` : place;
}

/** The excerpt, escaped, with exactly the flagged span (`loc.start..end`, as offsets into the excerpt) in
 *  <mark>; blanks in it shown as ␣. Where the span is not known the whole excerpt is marked: a guess would
 *  point at the wrong place. */
export function highlight(flag: Flag, mark: [number, number] | null | undefined): string {
  const ex = flag.excerpt ?? '';
  if (!ex) return '<span class="none">（无摘录）</span>';
  if (!mark || mark[0] < 0 || mark[1] > ex.length || mark[1] < mark[0]) return `<mark>${escapeHtml(ex)}</mark>`;
  const [at, end] = mark;
  const mid = ex.slice(at, end).replace(/[\s\u3000_]/gu, (c) => (c === '_' ? c : '␣'));
  return `${escapeHtml(ex.slice(0, at))}<mark>${escapeHtml(mid || '␣')}</mark>${escapeHtml(ex.slice(end))}`;
}

/** A crop is shown only as an image embedded in the page: a data: URL of a JPEG, nothing else. */
const cropImage = (flag: Flag, crop: string | null | undefined) =>
  crop && /^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/.test(crop)
    ? `<figure class="crop"><img src="${crop}" alt="${escapeHtml(`原文${where(flag)}`)}" loading="lazy"></figure>`
    : '';

function flagItem(flag: Flag, mark: [number, number] | null | undefined, crop?: string | null): string {
  const nums =
    flag.expected !== null || flag.found !== null
      ? `<div class="nums">应为：<b>${escapeHtml(String(flag.expected ?? '—'))}</b>　实为：<b>${escapeHtml(String(flag.found ?? '—'))}</b></div>`
      : '';
  return `<li class="flag ${flag.severity}" data-severity="${flag.severity}" data-code="${flag.code}"><span class="sev">${SEVERITY_NAMES[flag.severity]}</span> <span class="loc">${escapeHtml(where(flag))}</span>
<div class="msg">${escapeHtml(flag.message)}</div>${nums}
<blockquote class="excerpt">${highlight(flag, mark)}</blockquote>${cropImage(flag, crop)}</li>`;
}

/** The section of document `i` (its index among the report's documents, which the overview links to). */
export function reportSection(doc: ReportDoc, i: number): string {
  const indexed = doc.flags.map((f, k) => ({ f, mark: doc.marks?.[k] ?? null, crop: doc.crops?.[k] ?? null }));
  const groups = FLAG_CODES.map((code) => [code, indexed.filter((x) => x.f.code === code)] as const).filter(([, fs]) => fs.length);
  const title = doc.document.title ?? doc.path;
  const body = groups.length
    ? groups
        .map(
          ([code, fs]) =>
            `<details class="code" data-code="${code}" open><summary><h3>${CODE_NAMES[code]} <code>${code}</code> <span class="n">${fs.length}</span></h3></summary><ul>${fs.map((x) => flagItem(x.f, x.mark, x.crop)).join('\n')}</ul></details>`,
        )
        .join('\n')
    : '<p class="clean">未发现问题。</p>';
  return `<article id="doc-${i}" data-doc="${i}"><h2>${escapeHtml(title)}</h2>
<p class="meta">文件：<code>${escapeHtml(doc.path)}</code>${doc.record ? `（<a href="${escapeHtml(encodeURI(doc.record))}">记录 JSON</a>）` : ''}　单位：${escapeHtml(doc.document.unit ?? '—')}　年度：${doc.document.year ?? '—'}　类型：${escapeHtml(doc.document.kind ?? '—')}</p>
${body}</article>`;
}

/** A summary figure as printed in the overview: the value with its unit, or — where the document has none. */
function figure(doc: ReportDoc, key: string): string {
  const e = doc.summary?.[key];
  return e ? `${escapeHtml(String(e.value))}${escapeHtml(e.unit)}` : '—';
}

/** The filter bar: severities, codes and documents present in the batch. */
function filters(entries: ReportEntry[], order: number[]): string {
  const codes = FLAG_CODES.filter((c) => entries.some((e) => e.codes.has(c)));
  const sev = (['error', 'warning', 'info'] as const)
    .map((s) => `<label><input type="checkbox" name="severity" value="${s}" checked> ${SEVERITY_NAMES[s]}</label>`)
    .join(' ');
  const codeOptions = codes.map((c) => `<option value="${c}">${CODE_NAMES[c]} ${c}</option>`).join('');
  const docOptions = order.map((i) => `<option value="${i}">${escapeHtml(entries[i]!.document.title ?? entries[i]!.path)}</option>`).join('');
  return `<form id="filters" class="filters" hidden>
<span>级别：${sev}</span>
<label>问题类型：<select name="code"><option value="">全部</option>${codeOptions}</select></label>
<label>文件：<select name="doc"><option value="">全部</option>${docOptions}</select></label>
<button type="button" id="fold">全部折叠</button> <button type="button" id="unfold">全部展开</button>
<span id="shown"></span></form>`;
}

const SCRIPT = `(() => {
  const form = document.getElementById('filters');
  form.hidden = false;
  const apply = () => {
    const sev = new Set([...form.querySelectorAll('input[name=severity]:checked')].map((i) => i.value));
    const code = form.elements.code.value;
    const doc = form.elements.doc.value;
    let shown = 0;
    for (const a of document.querySelectorAll('article[data-doc]')) {
      let n = 0;
      for (const d of a.querySelectorAll('details.code')) {
        let k = 0;
        for (const li of d.querySelectorAll('li.flag')) {
          const on = sev.has(li.dataset.severity) && (!code || li.dataset.code === code);
          li.hidden = !on;
          if (on) k++;
        }
        d.hidden = k === 0;
        n += k;
      }
      a.hidden = (doc !== '' && a.dataset.doc !== doc) || (n === 0 && (code !== '' || sev.size < 3));
      if (!a.hidden) shown += n;
    }
    document.getElementById('shown').textContent = '显示 ' + shown + ' 条';
  };
  form.addEventListener('change', apply);
  document.getElementById('fold').addEventListener('click', () => document.querySelectorAll('details.code').forEach((d) => (d.open = false)));
  document.getElementById('unfold').addEventListener('click', () => document.querySelectorAll('details.code').forEach((d) => (d.open = true)));
  apply();
})();`;
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222;line-height:1.5}
h1{font-size:1.6em}h2{border-bottom:2px solid #ccc;padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em;margin:1em 0 .3em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}
td.num{text-align:right;font-variant-numeric:tabular-nums}
ul{list-style:none;padding-left:0}li.flag{border-left:4px solid #999;padding:.3em .8em;margin:.5em 0;background:#fafafa}
li.error{border-color:#c62828}li.warning{border-color:#ef8f00}li.info{border-color:#1565c0}
.sev{font-weight:bold}.error .sev{color:#c62828}.warning .sev{color:#b26a00}.info .sev{color:#1565c0}
.loc{color:#555}.msg{margin:.2em 0}.nums{color:#333;font-size:.95em}
blockquote.excerpt{margin:.3em 0;padding:.3em .6em;background:#fff;border:1px dashed #bbb;white-space:pre-wrap;word-break:break-all}
mark{background:#ffe066;padding:0 .1em}.n{background:#eee;border-radius:1em;padding:0 .5em;font-size:.85em}
details.code>summary{cursor:pointer;list-style:revert}details.code>summary h3{display:inline}
.filters{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc;padding:.5em 0;z-index:1}.filters label{margin-right:.8em}
[hidden]{display:none!important}
figure.crop{margin:.3em 0}figure.crop img{max-width:100%;border:1px solid #bbb}
.clean{color:#2e7d32}.meta{color:#555;font-size:.9em}code{font-family:monospace}
`;

/** A file that could not be read (errors.jsonl): listed too, so the report accounts for every input. */
export interface ReportError {
  path: string;
  code: string;
  message: string;
}

/** What the overview and the filter bar need of a document; its section (reportSection) is rendered on its
 *  own, so that a batch's report is written without every document's flags and crops in memory at once. */
export interface ReportEntry {
  path: string;
  document: DocumentMeta;
  errors: number;
  warnings: number;
  infos: number;
  /** The overview's 总收入, 总支出 and 三公经费 cells. */
  figures: [string, string, string];
  codes: Set<FlagCode>;
}

export function reportEntry(doc: ReportDoc): ReportEntry {
  return {
    path: doc.path,
    document: doc.document,
    errors: count(doc.flags, 'error'),
    warnings: count(doc.flags, 'warning'),
    infos: count(doc.flags, 'info'),
    figures: [figure(doc, 'total_income'), figure(doc, 'total_expenditure'), figure(doc, 'three_public_total')],
    codes: new Set(doc.flags.map((f) => f.code)),
  };
}

/** The order the documents are shown in: most errors first, then most warnings, then by path. */
export const reportOrder = (entries: ReportEntry[]): number[] =>
  entries
    .map((e, i) => i)
    .sort((a, b) => entries[b]!.errors - entries[a]!.errors || entries[b]!.warnings - entries[a]!.warnings || entries[a]!.path.localeCompare(entries[b]!.path));

/** The report up to the documents' sections: the overview and the filter bar. The sections follow in
 *  `order`, joined by a line break, then reportTail. */
export function reportHead(entries: ReportEntry[], order: number[], unreadable: number): string {
  const total = (k: 'errors' | 'warnings' | 'infos') => entries.reduce((t, e) => t + e[k], 0);
  const rows = order
    .map((i) => {
      const e = entries[i]!;
      return `<tr><td><a href="#doc-${i}">${escapeHtml(e.document.title ?? e.path)}</a><br><code>${escapeHtml(e.path)}</code></td><td>${escapeHtml(e.document.unit ?? '—')}</td><td class="num">${e.document.year ?? '—'}</td><td>${escapeHtml(e.document.kind ?? '—')}</td><td class="num">${e.figures[0]}</td><td class="num">${e.figures[1]}</td><td class="num">${e.figures[2]}</td><td class="num">${e.errors}</td><td class="num">${e.warnings}</td><td class="num">${e.infos}</td></tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>juesuan 检查报告</title><style>${STYLE}</style></head>
<body><h1>juesuan 检查报告</h1>
<p>共 ${entries.length} 份文件；错误 ${total('errors')} 条，警告 ${total('warnings')} 条，提示 ${total('infos')} 条。按错误数从多到少排列。${unreadable ? `另有 ${unreadable} 个文件无法处理（见文末）。` : ''}</p>
<table id="overview"><thead><tr><th>文件</th><th>单位</th><th>年度</th><th>类型</th><th>总收入</th><th>总支出</th><th>三公经费</th><th>错误</th><th>警告</th><th>提示</th></tr></thead>
<tbody>${rows}</tbody></table>
${filters(entries, order)}
`;
}

/** The report after the documents' sections. */
export const reportTail = (unreadable: ReportError[]): string => `
${unreadableSection(unreadable)}
<script>${SCRIPT}</script>
</body></html>
`;

export function renderReport(docs: ReportDoc[], unreadable: ReportError[] = []): string {
  const entries = docs.map(reportEntry);
  const order = reportOrder(entries);
  return reportHead(entries, order, unreadable.length) + order.map((i) => reportSection(docs[i]!, i)).join('\n') + reportTail(unreadable);
}

function unreadableSection(errors: ReportError[]): string {
  if (!errors.length) return '';
  const rows = errors.map((e) => `<tr><td><code>${escapeHtml(e.path)}</code></td><td><code>${escapeHtml(e.code)}</code></td><td>${escapeHtml(e.message)}</td></tr>`).join('\n');
  return `<section id="unreadable"><h2>无法处理的文件（${errors.length}）</h2>
<table><thead><tr><th>文件</th><th>代码</th><th>原因</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
