// report.html: the flags of a batch for people who would rather look than read JSON. One file, no
// external resources, no script; every piece of document text is HTML-escaped (it is untrusted).
import { FLAG_CODES, type DocumentMeta, type Flag, type FlagCode } from '../model.js';

export interface ReportDoc {
  path: string;
  document: DocumentMeta;
  flags: Flag[];
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
  const place = l.page !== undefined ? `第${l.page}页第${l.line}行` : l.paragraph !== undefined ? `第${l.paragraph}段第${l.line}行` : `第${l.line}行`;
  return l.table !== undefined && l.row !== undefined ? `${place}（表格第${l.row + 1}行第${(l.col ?? 0) + 1}列）` : place;
}

/** The excerpt, escaped, with the offending part in <mark>: the found value, or the blank gap. */
function highlight(flag: Flag): string {
  const ex = flag.excerpt ?? '';
  if (!ex) return '<span class="none">（无摘录）</span>';
  let at = -1;
  let len = 0;
  if (flag.code === 'BLANK_VALUE') {
    // the gap before a unit or a date part, else the longest gap
    const m = /[\s\u3000_]+(?=万元|亿元|千元|元|人次|名|个|辆|台|套|家|次|%|年)/u.exec(ex) ?? /[\s\u3000_]{2,}/u.exec(ex);
    if (m) [at, len] = [m.index, m[0].length];
  } else if (flag.found !== null && flag.found !== '') {
    const f = String(flag.found);
    at = ex.indexOf(f);
    len = f.length;
  }
  if (at < 0) return `<mark>${escapeHtml(ex)}</mark>`;
  const mid = ex.slice(at, at + len);
  const shown = flag.code === 'BLANK_VALUE' ? mid.replace(/[\s\u3000_]/gu, '␣') : mid;
  return `${escapeHtml(ex.slice(0, at))}<mark>${escapeHtml(shown)}</mark>${escapeHtml(ex.slice(at + len))}`;
}

function flagItem(flag: Flag): string {
  const nums =
    flag.expected !== null || flag.found !== null
      ? `<div class="nums">应为：<b>${escapeHtml(String(flag.expected ?? '—'))}</b>　实为：<b>${escapeHtml(String(flag.found ?? '—'))}</b></div>`
      : '';
  return `<li class="flag ${flag.severity}"><span class="sev">${SEVERITY_NAMES[flag.severity]}</span> <span class="loc">${escapeHtml(where(flag))}</span>
<div class="msg">${escapeHtml(flag.message)}</div>${nums}
<blockquote class="excerpt">${highlight(flag)}</blockquote></li>`;
}

function docSection(doc: ReportDoc, i: number): string {
  const groups = FLAG_CODES.map((code) => [code, doc.flags.filter((f) => f.code === code)] as const).filter(([, fs]) => fs.length);
  const title = doc.document.title ?? doc.path;
  const body = groups.length
    ? groups
        .map(
          ([code, fs]) =>
            `<section class="code"><h3>${CODE_NAMES[code]} <code>${code}</code> <span class="n">${fs.length}</span></h3><ul>${fs.map(flagItem).join('\n')}</ul></section>`,
        )
        .join('\n')
    : '<p class="clean">未发现问题。</p>';
  return `<article id="doc-${i}"><h2>${escapeHtml(title)}</h2>
<p class="meta">文件：<code>${escapeHtml(doc.path)}</code>　单位：${escapeHtml(doc.document.unit ?? '—')}　年度：${doc.document.year ?? '—'}　类型：${escapeHtml(doc.document.kind ?? '—')}</p>
${body}</article>`;
}

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
.clean{color:#2e7d32}.meta{color:#555;font-size:.9em}code{font-family:monospace}
`;

/** A file that could not be read (errors.jsonl): listed too, so the report accounts for every input. */
export interface ReportError {
  path: string;
  code: string;
  message: string;
}

export function renderReport(docs: ReportDoc[], unreadable: ReportError[] = []): string {
  const order = docs
    .map((d, i) => ({ d, i, e: count(d.flags, 'error'), w: count(d.flags, 'warning'), n: count(d.flags, 'info') }))
    .sort((a, b) => b.e - a.e || b.w - a.w || a.d.path.localeCompare(b.d.path));
  const total = (s: Flag['severity']) => docs.reduce((t, d) => t + count(d.flags, s), 0);
  const rows = order
    .map(
      (o) =>
        `<tr><td><a href="#doc-${o.i}">${escapeHtml(o.d.document.title ?? o.d.path)}</a><br><code>${escapeHtml(o.d.path)}</code></td><td>${escapeHtml(o.d.document.unit ?? '—')}</td><td class="num">${o.d.document.year ?? '—'}</td><td class="num">${o.e}</td><td class="num">${o.w}</td><td class="num">${o.n}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>juesuan 检查报告</title><style>${STYLE}</style></head>
<body><h1>juesuan 检查报告</h1>
<p>共 ${docs.length} 份文件；错误 ${total('error')} 条，警告 ${total('warning')} 条，提示 ${total('info')} 条。按错误数从多到少排列。${unreadable.length ? `另有 ${unreadable.length} 个文件无法处理（见文末）。` : ''}</p>
<table id="overview"><thead><tr><th>文件</th><th>单位</th><th>年度</th><th>错误</th><th>警告</th><th>提示</th></tr></thead>
<tbody>${rows}</tbody></table>
${order.map((o) => docSection(o.d, o.i)).join('\n')}
${unreadableSection(unreadable)}
</body></html>
`;
}

function unreadableSection(errors: ReportError[]): string {
  if (!errors.length) return '';
  const rows = errors.map((e) => `<tr><td><code>${escapeHtml(e.path)}</code></td><td><code>${escapeHtml(e.code)}</code></td><td>${escapeHtml(e.message)}</td></tr>`).join('\n');
  return `<section id="unreadable"><h2>无法处理的文件（${errors.length}）</h2>
<table><thead><tr><th>文件</th><th>代码</th><th>原因</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
