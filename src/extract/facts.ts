// Narrative facts: every amount, percentage and count in the body text, with its meaning and
// provenance (issue 3). Tables are read elsewhere (tables.ts); headings and the TOC are skipped.
//
// Per line: find number+unit tokens (facts/scan.ts); for each, the "segment" is the text between the
// previous stop (，。；：、 or the previous number) and the number. A role cue at the end of the
// segment (patterns/facts.yaml `roles`: 占…→share, 完成预算的→completion, 增加/减少→change, 年初预算为→budget …)
// gives the role; what precedes the cue (and any comparison 比上年/与2022年度相比) is the label. An
// empty label inherits the line's current subject: the last labelled fact or metric phrase on the
// same line ("收入合计增加19.08万元，上升16%" → the 16% is total_income's change rate). Subjects never
// cross lines, so a number without a phrase of its own on its line gets no metric.
import type { Fact, FactKind, Flag, Line, Role, SegmentedDocument } from '../model.js';
import { asItem } from './item-metrics.js';
import { metricAfterYear, metricDef } from './metrics.js';
import { safeYuan, toValue } from './facts/decimal.js';
import { afterEntity, cleanLabel, leadingNouns, resolveMetric } from './facts/label.js';
import { rules } from './facts/rules.js';
import { scanNumbers, type NumberToken } from './facts/scan.js';
import { signDirection, signedSegment } from './facts/signed.js';
import { Paragraph, runsOn } from './facts/paragraph.js';

/** The figure a list of its parts follows (…40,000.70万元,主要包括：…), and whether a part has been read since. */
interface ListHead {
  head: Subject;
  partsAfter: boolean;
  /** The list's paragraph opens with an enumeration marker (2.口岸管理业务…): the item's body runs on to the next marker. */
  enumerated: boolean;
}

interface Subject {
  label: string;
  metric: string | null;
  kind: FactKind | null;
  unit: string | null;
  /** The role cue a paragraph ended with before a colon (…5312.11万元，上年:), for the figure that opens the next. */
  cue?: string;
}

interface Parsed {
  label: string;
  metric: string | null;
  /** The label came from the number's own segment (not inherited from the subject). */
  own: boolean;
  /** The role cue named the initial budget (年初预算). */
  initial: boolean;
  role: Role;
  direction?: Fact['direction'];
  year: number | null;
}

/** A label that is only the prior year's name. */
const priorLabel = /^(?:较|比|与|同比)?(?:上年度?|上一年度|去年)(?:预算数?|决算数?|执行数)?$/u;
/** A label opened by the prior year's word (上年一般公共服务支出（类）); not a balance carried from it (上年结转, 上年末). */
const priorOpens = /^(?:上年度?|上一年度|去年)(?![结末])/u;

/** Where the sentence that holds position `at` ends (the 。 after it, or the text's end). */
const sentenceEndAfter = (text: string, at: number) => {
  const k = text.indexOf('。', at);
  return k < 0 ? text.length : k;
};

/** A 科目 item's name (住房保障支出类科目, 社会保障和就业支出（类）, …（款）): its 其中 list splits that item, not the document. */
const classItem = /(?:[（(][类款项][）)]|[类款项]科目|支出类)$/u;
/** The document metrics a 科目 item's 其中 list may name for its own split (其中：基本支出19816.81元，项目支出0元). */
const itemSplit = new Set(['basic_expenditure', 'project_expenditure', 'personnel_expenses', 'public_expenses']);

/** An item's figure and its sentence's end; the facts of the 其中 list after it that name a document metric. */
interface Split {
  end: number;
  until: number;
  /** The item is a 科目 by its marker (住房保障支出类科目, …（款）). */
  marked: boolean;
  /** Its 其中 already read: the paragraph before ended with it (…150384元，其中： / 基本支出150384元…). */
  opened?: boolean;
  parts: Omit<Fact, 'id'>[];
}

/** A label that is only a year word or a comparison word. */
const bareLabel = /^(?:(?:较|比|与|同比)(?:上年度?|上一年度|去年)?|上年度?|上一年度|去年)(?:预算数?|决算数?|执行数)?$/u;

export function extractFacts(doc: SegmentedDocument): { facts: Fact[]; flags: Flag[] } {
  const facts: Fact[] = [];
  const docYear = doc.document.year;
  let carried: Subject | null = null;
  let last: Subject | null = null;
  const comparisonOpens = new RegExp(`^\\s*(?:${rules().comparisonStart.source})`, 'u');
  const opensWithComparison = (para: Paragraph) => comparisonOpens.test(para.text);
  const splits: Split[] = [];
  const pushed = new Map<Omit<Fact, 'id'>, Fact>();
  let open: Split | null = null;
  let list: (ListHead & { open: boolean }) | null = null;
  for (const para of paragraphs(doc)) {
    // A paragraph that opens with the comparison of the figure the one before it ended on (“…社会保障和就业（类）
    // 支出1374.63万元，主要用于…的支出。” / “与上年相比增加85.11万元，增长6.60%。”: a line that ends its sentence
    // ends its paragraph) states that figure's change: it goes on with the subject of the paragraph before.
    if (!carried && last && para.opensSentence && opensWithComparison(para)) carried = last;
    // (a list goes on into the next paragraph where its last part ended in ；, or through the body of its enumerated
    // item — “3.上级转移支付项目…主要包括：…工作。” / “免除查验…工作。较2025年年初预算增加3,567.18万元” — up to the next marker)
    if (list && !list.open && !(list.enumerated && !rules().enumeration.test(para.text.trimStart()))) list = null;
    const got = paragraphFacts(para, docYear, carried, open, list);
    open = got.open;
    list = got.list;
    last = got.last?.kind === 'amount' ? got.last : null;
    const parts = new Set(got.splits.flatMap((x) => x.parts));
    for (const f of got.facts) {
      // A budget report's own figures are budgets, whether or not the sentence says 预算.
      if (doc.document.kind === '预算' && f.role === 'actual' && f.kind === 'amount') f.role = 'budget';
      // …but a budget of the year before (“2023年预算数为290.00万元”, “上年预算48.00万元”, “比2024年预算280.00万元增加”) is
      // the base its change is measured from, not the report's own figure.
      if (doc.document.kind === '预算' && f.role === 'budget' && f.kind === 'amount' && docYear !== null && f.year === docYear - 1) f.role = 'prior_year';
      // Object.assign, not `{ ...f, id }`: V8 (Node 20) gives every object spread-then-extended a hidden class of
      // its own (~0.4 KB each, 21,000 facts on a 1,000-page file).
      const fact = Object.assign({}, f, { id: `f${facts.length + 1}` });
      if (parts.has(f)) pushed.set(f, fact);
      facts.push(fact);
    }
    for (const split of got.splits) if (!splits.includes(split)) splits.push(split);
    carried = got.trailing;
  }
  itemSplits(splits.map((split) => ({ split, facts: split.parts.flatMap((f) => pushed.get(f) ?? []) })));
  return { facts, flags: [] };
}

/** The 其中 list of an item (“机构运行1100910.5元，其中：基本支出1100910.5元，项目支出0元。” / “住房保障支出类科目19816.81元，其中：
 *  基本支出19816.81元，项目支出0元。”, 广西 预算s) splits that item, not the document: its 基本支出/项目支出/人员经费/公用经费 keep
 *  their words but name no document metric. The item is a 科目 by its marker, or one of a section's list of items each
 *  split into 基本支出 and 项目支出 (two or more): a figure named by no metric and split so once may be the document's
 *  own total under words the lexicon lacks (总支出X万元，其中：基本支出…), and keeps its parts'. */
function itemSplits(splits: { split: Split; facts: Fact[] }[]): void {
  const both = (fs: Fact[]) => fs.some((f) => f.metric === 'basic_expenditure') && fs.some((f) => f.metric === 'project_expenditure');
  const perSection = new Map<string, number>();
  for (const { split, facts } of splits) if (!split.marked && both(facts)) perSection.set(facts[0]!.section ?? '', (perSection.get(facts[0]!.section ?? '') ?? 0) + 1);
  for (const { split, facts } of splits) {
    if (!facts.length) continue;
    if (split.marked || (both(facts) && (perSection.get(facts[0]!.section ?? '') ?? 0) >= 2)) for (const f of facts) asItem(f);
  }
}

/** Body lines grouped into paragraphs: a line that does not end its sentence runs on into the next
 *  body line (never across a heading, the TOC or a table). */
function paragraphs(doc: SegmentedDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: { line: Line; block: number }[] = [];
  let afterSentence = false; // the last body line ended a sentence, with nothing else since
  const flush = () => {
    if (cur.length) {
      const p = new Paragraph(cur);
      p.opensSentence = afterSentence;
      out.push(p);
    }
    cur = [];
  };
  // A line whose last word is a figure and whose unit opens the next line (“省检察院    2017    年度财政拨款基本支出预算
  // 12308.48” / “万元，其中：”) is prose wrapped before its unit, not a table row set out in cells.
  const unitWrapped = (i: number) => {
    const b = doc.blocks[i];
    const next = doc.blocks[i + 1];
    return b?.kind === 'line' && next?.kind === 'line' && !doc.headingBlocks.has(i + 1) && /[\u4e00-\u9fff]\s+-?[\d,]+\.\d+\s*$/u.test(b.line.raw) && /^\s*(?:万元|亿元|元)\s*[，,。；;：:]/u.test(next.line.raw);
  };
  // A table row between a line that runs on and a line that opens with a figure and its unit (a 主要原因 column beside
  // the table's rows, split by one of them: “…减少20万元，局机关增加” / “(6)资本性支出（310）  15.4  20  -4.6” /
  // “5.40万元，社科院增加10万元。”, 西安 科技创新局 2022) interrupts the sentence, which goes on after it: the row is
  // left out and the paragraph goes on. A figure with its unit opens no sentence of its own.
  const splitByRow = (i: number) => {
    const last = cur[cur.length - 1];
    const next = doc.blocks[i + 1];
    return !!last && runsOn(last.line) && next?.kind === 'line' && !doc.headingBlocks.has(i + 1) && !doc.tocBlocks.has(i + 1) && !tableRow(next.line) && /^\s*[\d,]+(?:\.\d+)?\s*(?:万元|亿元|元)/u.test(next.line.raw);
  };
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'line' && !doc.headingBlocks.has(i) && !doc.tocBlocks.has(i) && tableRow(block.line) && !unitWrapped(i) && splitByRow(i)) return;
    if (block.kind !== 'line' || doc.headingBlocks.has(i) || doc.tocBlocks.has(i) || (tableRow(block.line) && !unitWrapped(i))) {
      flush();
      afterSentence = false;
      return;
    }
    cur.push({ line: block.line, block: i });
    if (!runsOn(block.line)) {
      flush();
      afterSentence = rules().sentenceEnd.test(block.line.text.slice(-1));
    }
  });
  flush();
  for (const p of out) p.sections = p.parts.map((x) => doc.sectionOf[x.block] ?? null);
  return out;
}

/** A table row printed as text, without prose punctuation: several bare numbers ("人农业生产补贴
 *  184.90 30310 …") or cells set apart by wide gaps ("预算执行    预算执行率    98%"). Its numbers
 *  are cells, not statements. */
function tableRow(line: Line): boolean {
  if (/[，。；、：,;:]/.test(line.text)) return false;
  const words = line.raw.trim().split(/\s+/);
  const bare = words.filter((w) => /^-?[\d,]+(?:\.\d+)?$/.test(w));
  // A justified line set out character by character (“江 苏 省 政 协 办 公 厅    2018    年 度 财 政 拨 款 基 本 支 出 预 算”)
  // is prose whose gaps are the justification's, not a row's cells.
  const single = words.filter((w) => /^[\u4e00-\u9fff]$/u.test(w)).length;
  if (single >= 6 && single * 5 >= words.length * 3 && bare.length < rules().tableRowNumbers) return false;
  // (the gap a PDF leaves after a list number — “2.    人大事务（款）…（项）支出2464.02万” — sets no cells apart)
  // (nor does the gap a PDF leaves around a year in prose — “省检察院    2017    年度一般公共预算财政拨款基本支出”:
  // a year with the 年 it opens is a word of the sentence, not a cell, at the line's start too: “2019    年本部门…”)
  const rest = line.raw
    .trim()
    .replace(/^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s+(?=\D)/u, '')
    .replace(/(^|[\u4e00-\u9fff])\s*((?:19|20)\d\d)\s+(?=年)/gu, '$1$2');
  return bare.length >= rules().tableRowNumbers || /\S(?: {3,}|\t)\S/.test(rest);
}

/** Facts of lines read as one paragraph (ids are set by the caller). */
export function lineFacts(lines: Line[], docYear: number | null): Omit<Fact, 'id'>[] {
  return paragraphFacts(new Paragraph(lines.map((line, block) => ({ line, block }))), docYear, null).facts;
}

/** Facts of a paragraph, and the subject its number-less tail names (a budget line such as
 *  "23、住房保障支出（类）…（项）。" whose figures follow in the next paragraph of wrapped PDF text). */
function paragraphFacts(
  para: Paragraph,
  docYear: number | null,
  carried: Subject | null,
  openItem: Split | null = null,
  openList: ListHead | null = null,
): { facts: Omit<Fact, 'id'>[]; trailing: Subject | null; last: Subject | null; splits: Split[]; open: Split | null; list: (ListHead & { open: boolean }) | null } {
  const text = para.text;
  const tokens = scanNumbers(text).filter((t) => !uncertain(para, t));
  const r = rules();
  const overrides = respectivelyLabels(text, tokens);
  const out: Omit<Fact, 'id'>[] = [];
  let subject: Subject | null = carried;
  let cursor = 0;
  let priorUntil = -1;
  // (a 科目 item's figure and the end of its sentence: the 其中 list after it is the item's split)
  let item: Split | null = openItem ? Object.assign(openItem, { end: 0, until: sentenceEndAfter(text, 0), opened: true }) : null;
  const splits: Split[] = item ? [item] : [];
  // The figure a list of its parts follows (“2.口岸管理业务40,000.70万元,主要包括：口岸管养工作38,297.20万元，用于…；…”,
  // 深圳 预算's 项目支出 items; “机关运行经费预算安排1487.80万元，其中办公费618.69万元，…”; “年初预算数45,369.18万元。按支出
  // 功能分类，包括…”): a sentence after the list that opens with its comparison and names nothing (“。较2025年年初预算增加
  // 569.63万元，增幅1.4%。”) states the change of the whole, not of the list's last part.
  // (a list whose parts end in ；, each a paragraph of its own where a line ends with one, goes on into the next)
  let listHead: Subject | null = openList?.head ?? null;
  let partsAfter = openList?.partsAfter ?? false;
  let listEnumerated = openList?.enumerated ?? false;
  const comparisonOpens = new RegExp(`^\\s*(?:${r.comparisonStart.source})`, 'u');
  const takePieces = (pieces: { text: string; start: number }[]) => {
    let set = false;
    for (const p of pieces) {
      if (inPurpose(text, p.start)) continue;
      const s = subjectFromPiece(p.text);
      if (s) {
        subject = s;
        set = true;
      }
    }
    return set;
  };
  tokens.forEach((tok, k) => {
    // Pieces of text before this number; all but the last are number-less sub-clauses.
    const pieces = splitStops(text.slice(cursor, tok.start), cursor);
    let segment = pieces.pop() ?? { text: '', start: tok.start };
    // (a cue the paragraph before ended with, for a figure that opens this one: “上年:” / “5421.24万元，…”)
    if (k === 0 && carried?.cue && !segment.text.trim() && !pieces.length) segment = { text: carried.cue, start: tok.start };
    // A number right after a colon is stated by the words before it (“…（项）”43.83万元，上年:25.77万元”,
    // “预算数：120万元”): the cue and label are the clause the colon closes, not the empty text after it.
    if (!segment.text.trim() && pieces.length && /[:：]/.test(text[segment.start - 1] ?? '')) segment = pieces.pop()!;
    // A signed figure is kept only where it states a change (facts/signed.ts); else it gives no fact, as before.
    if (tok.negative) {
      const seg = signedSegment(segment.text, tok.kind);
      if (seg === null) return;
      segment = { text: seg, start: segment.start };
    }
    takePieces(pieces);
    cursor = tok.unitEnd;

    // The clause the segment ends, back over a list of nouns joined by 、 (基本支出增加人员工资、住房公积金、提租补贴等).
    let clause = segment.text;
    for (let q = pieces.length - 1, at = segment.start; q >= 0 && text[at - 1] === '、'; at = pieces[q]!.start, q--) clause = `${pieces[q]!.text}、${clause}`;
    const wholeChange = listHead && partsAfter && comparisonOpens.test(segment.text) && r.sentenceEnd.test(text.slice(0, segment.start).trimEnd().slice(-1));
    if (wholeChange) subject = listHead;
    const parsed = parseSegment(segment.text, tok, subject, docYear, text.slice(0, tok.start), para.opensSentence, clause);
    const ov = overrides.get(k);
    if (ov !== undefined) {
      parsed.label = ov.label;
      parsed.metric = ov.metric;
      if (ov.role) Object.assign(parsed, { role: ov.role, initial: ov.initial });
    }
    if (parsed.role === 'change' && !signDirection(parsed, tok.negative === true)) return;
    // A count's noun often follows it: "30个先进集体", "28名职工报名".
    if (tok.kind === 'count' && !parsed.metric && ov === undefined) {
      const after = text.slice(tok.unitEnd).split(r.labelStop)[0] ?? '';
      const noun = /^[\u4e00-\u9fff]/.test(after) ? leadingNouns(after.split(/\d/)[0] ?? '') : '';
      if (noun.length >= 2) {
        // The noun names the metric only when nothing before the number names whose it is:
        // "还包括江苏省联谊俱乐部8名在职人员" counts another unit's staff.
        const named = parsed.own;
        parsed.label = noun;
        parsed.metric = named ? null : resolveMetric(noun);
        parsed.own = true;
      }
    }
    if (!parsed.label) {
      // Nothing before the number names it: the words right after it, if any ("16名选手…").
      const after = text.slice(tok.unitEnd).split(r.labelStop)[0] ?? '';
      parsed.label = /^[\u4e00-\u9fff]/.test(after) ? after.slice(0, 12) : '';
    }
    // A list the prior year's word opens (上年一般公共服务支出（类）90.00万元，社会保障和就业支出（类）45.00万元。): each
    // item of its sentence is last year's figure, not only the first (an item naming a year of its own ends it).
    if (tok.kind === 'amount' && parsed.role === 'actual' && parsed.own && docYear !== null) {
      const opens = priorOpens.exec(parsed.label);
      if (opens && parsed.label.length > opens[0].length + 1) {
        parsed.label = parsed.label.slice(opens[0].length);
        parsed.metric = resolveMetric(parsed.label);
        priorUntil = sentenceEndAfter(text, tok.unitEnd);
      } else if (tok.start >= priorUntil || /本年|当年|今年|20\d\d/u.test(segment.text)) priorUntil = -1;
      if (tok.start < priorUntil) Object.assign(parsed, { role: 'prior_year', year: docYear - 1 });
    }
    // A 科目 item's 其中 list (“住房保障支出类科目19816.81元，其中：基本支出19816.81元，项目支出0元。”, a 广西 预算): its 基本支出
    // and 项目支出 are the item's, not the document's — named, but no document metric.
    // (kept as splits, decided over the document: extractFacts)
    const splitPart = item && tok.start < item.until && parsed.metric && itemSplit.has(parsed.metric) && (item.opened || /其中/u.test(text.slice(item.end, tok.start))) ? item : null;
    if (tok.kind === 'amount' && parsed.own && !splitPart && (classItem.test(parsed.label.replace(/\s/gu, '')) || (!parsed.metric && parsed.label.length >= 2 && (parsed.role === 'actual' || parsed.role === 'budget')))) {
      item = { end: tok.unitEnd, until: sentenceEndAfter(text, tok.unitEnd), marked: classItem.test(parsed.label.replace(/\s/gu, '')), parts: [] };
      splits.push(item);
    }
    if (parsed.own && parsed.label && ov === undefined) subject = { label: parsed.label, metric: parsed.metric, kind: tok.kind, unit: tok.unit };
    if (tok.kind === 'amount' && (parsed.role === 'budget' || parsed.role === 'actual') && parsed.label) {
      if (listHead) partsAfter ||= parsed.own;
      else if (/^[，,。]?(?:按[^，,。；]{1,12}分类[，,]?)?(?:主要|具体)?(?:包括|其中)[:：]?/u.test(text.slice(tok.unitEnd))) {
        // (a whole named only by the words it inherits is the whole too; one named by nothing — “（二）支出预算：” a heading,
        // then “2026年年初预算数45,369.18万元。按支出功能分类，包括…” — is not read as one: its change would be no one's)
        listHead = { label: parsed.label, metric: parsed.metric, kind: tok.kind, unit: tok.unit };
        listEnumerated = r.enumeration.test(text.trimStart());
      }
    }
    if (parsed.metric) parsed.metric = fitMetric(parsed.metric, tok.kind, parsed.initial);
    if (tok.threshold) parsed.role = 'other';

    const part = para.partAt(tok.start);
    const line = part.line;
    const partEnd = part.offset + line.text.length;
    const startRaw = para.rawOffset(part, tok.start);
    const endRaw = tok.unitEnd <= partEnd ? para.rawOffset(part, tok.unitEnd - 1) + 1 : line.raw.length;
    const fact: Omit<Fact, 'id'> = {
      label: parsed.label,
      metric: parsed.metric,
      kind: tok.kind,
      value: toValue(tok.text),
      text: tok.text,
      unit: tok.unit,
      year: parsed.year,
      role: parsed.role,
      loc: Object.assign({}, line.loc, { start: startRaw, end: endRaw }),
      excerpt: excerptFor(para, tok),
      section: para.sections?.[para.parts.indexOf(part)] ?? null,
      from: 'text',
    };
    if (tok.kind === 'amount') {
      // An amount past the exact integer range cannot be right in these reports: no fact.
      const yuan = safeYuan(tok.text, tok.scale ?? 0);
      if (yuan === null) return;
      fact.yuan = yuan;
    }
    if (parsed.direction) fact.direction = parsed.direction;
    if (line.ocr) fact.ocr = line.ocr;
    if (splitPart) splitPart.parts.push(fact);
    out.push(fact);
  });
  const tail = splitStops(text.slice(cursor), cursor);
  let trailing: Subject | null = takePieces(tail) ? subject : null;
  // A paragraph that ends in a role cue and a colon (a line “…5312.11万元，上年:” whose figure wrapped to the
  // next line, which a colon does not run on into): the cue and the subject go to the next paragraph's first figure.
  const cue = /[:：]\s*$/.test(text) && tail.length >= 2 ? tail[tail.length - 2]!.text : '';
  // (with no subject to go with it — its figure lost its unit, so the clause named nothing: “…（项）”2211.52，上年:” — the
  // cue still states the role of the figure that opens the next paragraph: a figure without a unit shifts no role)
  if (cue && r.roles.some((x) => x.whole.test(cue))) trailing = { ...(trailing ?? subject ?? { label: '', metric: null, kind: null, unit: null }), cue };
  // (an item whose 其中 ends the paragraph: its list opens the next one)
  const open = item && /其中[:：]?$/u.test(text.trimEnd()) && item.until >= text.length ? item : null;
  const list = listHead ? { head: listHead, partsAfter, enumerated: listEnumerated, open: /[；;]$/u.test(text.trimEnd()) } : null;
  return { facts: out, trailing, last: subject, splits: splits.filter((x) => x.parts.length), open, list };
}

/** Whether position `at` lies in a sentence that states a purpose (主要用于：…). */
function inPurpose(text: string, at: number): boolean {
  const r = rules();
  let s = at;
  while (s > 0 && !r.sentenceEnd.test(text[s - 1]!)) s--;
  return r.purpose.test(text.slice(s, at + 1));
}

function uncertain(para: Paragraph, t: NumberToken): boolean {
  // A figure that touches an undecodable character (U+FFFD, a DAMAGED_TEXT line) may have lost a digit.
  if (para.text.slice(Math.max(0, t.start - 1), t.unitEnd + 1).includes('\ufffd')) return true;
  return para.parts.some((p) =>
    (p.line.ocr?.uncertain ?? []).some((u) => p.offset + u.start < t.unitEnd && p.offset + u.end > t.start),
  );
}

function splitStops(s: string, offset: number): { text: string; start: number }[] {
  const r = rules();
  const out: { text: string; start: number }[] = [];
  let from = 0;
  // (the 、 of a joined word — 收、支 — stops nothing)
  const joined = (i: number) => s[i] === '、' && r.joinedWords.some((w) => { const k = w.indexOf('、'); return s.slice(i - k, i - k + w.length) === w; });
  // (nor does a stop inside a short aside: 比2022年（上一年度，下同）预算增加…)
  let aside = -1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '（' || s[i] === '(') {
      const close = s.slice(i + 1, i + 21).search(/[）)（(]/u);
      if (close >= 0 && /[）)]/u.test(s[i + 1 + close]!)) aside = i + 1 + close;
    }
    if (i < aside) continue;
    if (r.labelStop.test(s[i]!) && !joined(i)) {
      out.push({ text: s.slice(from, i), start: offset + from });
      from = i + 1;
    }
  }
  out.push({ text: s.slice(from), start: offset + from });
  return out;
}

/** A number-less sub-clause sets the subject when it names a metric or a budget line (…（项）). */
function subjectFromPiece(piece: string): Subject | null {
  let label = cleanLabel(piece);
  if (!label || rules().comparisonStart.test(piece)) return null;
  let metric = resolveMetric(label);
  // (a subject told with its direction before the comparison that states its change: “项目支出增加，比上年增加702.15万元”)
  const told = /^(.{2,}?)(?:增加|减少|增长|下降)$/u.exec(label);
  if (!metric && told && resolveMetric(told[1]!)) {
    label = told[1]!;
    metric = resolveMetric(label);
  }
  if (metric || /[（(][类款项][）)]$/.test(label)) return { label, metric, kind: null, unit: null };
  return null;
}

function parseSegment(
  seg: string,
  tok: NumberToken,
  subject: Subject | null,
  docYear: number | null,
  lineBefore: string,
  opensSentence = false,
  clause = seg,
): Parsed {
  const r = rules();
  // A number inside a remark in brackets is stated by the remark (“与2016年度相比（2016年度部门支出预算安排为
  // 8,648.07万元），增加498.72万元”: the 2016 figure, not the sentence's 2017 one): the words after the
  // bracket left open before it are its segment.
  const open = unclosedBracket(seg);
  if (open > 0 && cleanLabel(seg.slice(open))) seg = seg.slice(open);
  let role: Role = 'actual';
  let direction: Fact['direction'];
  let initial = false;
  let head = seg;
  let matched = false;
  for (const rule of r.roles) {
    if (rule.kinds && !rule.kinds.includes(tok.kind)) continue;
    const m = rule.re.exec(seg);
    if (!m) continue;
    matched = true;
    role = rule.role;
    direction = rule.direction;
    initial = rule.initial === true;
    head = seg.slice(0, m.index);
    // The regex takes the longest cue (支出决算为); a shorter one may leave a label that names a
    // metric ("“三公”经费财政拨款支出" + 决算为).
    for (let j = m.index + 1; j < seg.length; j++) {
      if (rule.whole.test(seg.slice(j)) && resolveMetric(cleanLabel(seg.slice(0, j)))) {
        head = seg.slice(0, j);
        break;
      }
    }
    break;
  }
  // A change told verb first, its object between the verb and the figure (“基本支出增加人员经费1408.29万元”,
  // “…增加人员工资、住房公积金、提租补贴等3397.18万元”): the change of the subject before the verb.
  const verb = !matched && tok.kind === 'amount' ? verbFirst(clause) : null;
  if (verb) {
    role = 'change';
    direction = verb.direction;
    head = verb.subject;
  }
  let compared = false;
  if (role === 'change') {
    const c = r.comparisonStart.exec(head);
    if (c) {
      head = head.slice(0, c.index);
      compared = true;
    }
  }
  let label = cleanLabel(head);
  // “上年预算数50.00万元”, “较2024年预算数50.00万元”: a year word or a comparison word names no subject; the
  // figure is the sentence's subject's (a budget report's prior budget), so it inherits it below.
  // A bracket left open or closed by a figure in brackets (“比2024年预算（450.00万元）增加”) is no part of a name.
  // (a figure opening a bracket right after another — “0.95万元（9,500.00元）” — restates that one: its label stays “（”)
  label = label.replace(/^[）)]+/u, '');
  if (/[^（(][（(]+$/u.test(label)) label = label.replace(/[（(]+$/u, '');
  const priorWord = priorLabel.test(label);
  if (bareLabel.test(label)) label = '';
  // "政府采购预算总额", "收入预算": the budget of the phrase without 预算.
  const infix = r.budgetInfix.exec(label);
  if (infix && role === 'actual' && tok.kind === 'amount') {
    label = label.slice(0, infix.index) + label.slice(infix.index + infix[0].length);
    role = 'budget';
  }
  let metric = label ? resolveMetric(label) : null;
  if (!metric && label && afterYearRe(label).test(head)) metric = metricAfterYear(label);
  // A bare 收入/支出 also names the total where it opens the sentence ("。支出预算9628.22万元，其中：")
  // or follows the reporting entity's name ("2026年，上海市普陀区司法局收入预算9628.22万元").
  if (!metric && label && atSentenceStart(lineBefore, seg, opensSentence)) metric = metricAfterYear(label);
  if (!metric && label) metric = afterEntity(label);
  const own = label !== '';
  if (!own && subject && inherits(subject, tok)) {
    label = subject.label;
    metric = subject.metric;
  }

  // The year a statement is about: a year named in the segment (not the comparison base), else the
  // first year named earlier on the line, else the report's.
  const segYear = yearIn(compared || role === 'change' ? '' : head) ?? null;
  // (not a year inside a finished reason clause before it: “…主要原因是…部分2025年公务用车购置资金来源为政府性基金；公务用车运行
  // 维护费支出424.80万元” — 杭州 交通 2026 — is this year's figure, not 2025's)
  const lineYear = yearIn(lineBefore.replace(/(?:与|比|较)20\d\d年度?(?:相比|决算数?)?/g, '').replace(/(?:主要)?原因[^。；;]*[。；;]/gu, ''));
  let year = segYear ?? lineYear ?? docYear;
  if (role === 'change' || role === 'share' || role === 'completion') year = lineYear ?? docYear;
  if (role === 'actual' && docYear !== null && segYear === docYear - 1) role = 'prior_year';
  if (role === 'prior_year' && segYear === null) year = docYear !== null ? docYear - 1 : null;
  if (priorWord && role === 'budget' && docYear !== null) year = docYear - 1;
  // The base of a comparison named with its year (“…19,828.57万元比2025年初预算数20,292.85万元减少”, where the 年 of the
  // year is the 年 of 年初; “较2024年决算数48.00万元”): the figure is that year's, the base the subject's figure is
  // measured from — never the statement's own value, unless the statement is about that same year (a 决算's “比2025年
  // 初预算数” in the 2025 report is its own initial budget). Where the statement's year is not known (a report whose
  // title lost its 年), a base named with a year is still a base.
  const base = tok.kind === 'amount' && (role === 'budget' || role === 'actual' || role === 'prior_year') ? /^(?:比|较|与|同比)(20\d\d)(?=年|$)/u.exec(head.replace(/\s/gu, '')) : null;
  if (base) {
    const baseYear = Number(base[1]);
    const statementYear = lineYear ?? docYear;
    year = baseYear;
    if (statementYear === null || baseYear < statementYear) role = 'prior_year';
  }
  // “较上年决算数（48.00万元）增加”: the base of the comparison, last year's figure
  if (priorWord && role === 'actual' && docYear !== null) {
    role = 'prior_year';
    year = docYear - 1;
  }
  const p: Parsed = { label, metric, own, initial, role, year };
  if (direction) p.direction = direction;
  return p;
}

/** A clause “subject 增加/减少 object” ending at a figure: the subject (a reason's lead-in — 主要原因是 — cut off)
 *  and the direction, when the subject names something (two characters or more, not a comparison or a
 *  purpose) and the object is words, not a figure's own cue. */
function verbFirst(clause: string): { subject: string; direction: 'increase' | 'decrease' } | null {
  const m = /(增加|减少)/u.exec(clause);
  if (!m) return null;
  const r = rules();
  const subject = clause.slice(0, m.index).replace(/^.*?(?:原因|因素)(?:主要)?(?:是|为|有)?/u, '');
  const object = clause.slice(m.index + m[0].length);
  if (!/^[\u4e00-\u9fff]{2}/u.test(object) || /^(?:了|为|至|到|额|值|幅)/u.test(object)) return null;
  if (cleanLabel(subject).length < 2 || r.comparisonStart.test(subject) || r.purpose.test(subject)) return null;
  if (r.verbFirstNot.subjectEnds.test(subject) || r.verbFirstNot.objectHas.test(object)) return null;
  return { subject, direction: m[1] === '增加' ? 'increase' : 'decrease' };
}

/** Where the text after the last bracket left open in `s` begins (-1 when every bracket is closed). */
function unclosedBracket(s: string): number {
  const opens: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '（' || c === '(') opens.push(i + 1);
    else if ((c === '）' || c === ')') && opens.length) opens.pop();
  }
  return opens.length ? opens[opens.length - 1]! : -1;
}

/** Whether the segment opens its sentence: a sentence end right before it in the paragraph, or the
 *  paragraph's start where the paragraph itself opens a sentence. */
function atSentenceStart(before: string, seg: string, opensSentence: boolean): boolean {
  if (!before.endsWith(seg)) return false;
  const prev = before.slice(0, before.length - seg.length).trimEnd();
  return prev === '' ? opensSentence : rules().sentenceEnd.test(prev[prev.length - 1]!);
}

/** Percentages and changes inherit any subject; an amount only an amount's, a count only a count of the same unit. */
function inherits(s: Subject, tok: NumberToken): boolean {
  if (tok.kind === 'percent' || s.kind === null) return true;
  if (tok.kind === 'amount') return s.kind === 'amount';
  return s.kind === 'count' && s.unit === tok.unit;
}

function yearIn(s: string): number | null {
  const m = /(20\d\d)年/.exec(s);
  return m ? Number(m[1]) : null;
}

/** A metric of kind count cannot hold an amount and vice versa; the initial budget of a metric may be
 *  a metric of its own. */
function fitMetric(metric: string, kind: FactKind, initial: boolean): string | null {
  const def = metricDef(metric);
  if (!def) return null;
  if (kind !== 'percent' && kind !== def.kind) return null;
  return initial && kind === 'amount' ? (rules().initialBudgetMetric[metric] ?? metric) : metric;
}

/** Compiled once (issue 15: no regex built per line). */
let listEnd: RegExp | null = null;
const afterYear = new Map<string, RegExp>();
function afterYearRe(label: string): RegExp {
  let re = afterYear.get(label);
  if (!re) {
    if (afterYear.size > 5000) afterYear.clear(); // a worker reads many documents: bounded
    afterYear.set(label, (re = new RegExp(`20\\d\\d年度?${escapeRegExp(label)}(?:预算)?$`)));
  }
  return re;
}

/** 分别为 lists: "人员经费和公用经费分别为76.19万元、3.78万元" gives the i-th number the i-th name.
 *  When the counts differ, the numbers get no label or metric rather than a guessed one. */
function respectivelyLabels(text: string, tokens: NumberToken[]): Map<number, { label: string; metric: string | null; role?: Role; initial?: boolean }> {
  const r = rules();
  const out = new Map<number, { label: string; metric: string | null; role?: Role; initial?: boolean }>();
  const re = new RegExp(r.respectively.source, 'g');
  for (const m of text.matchAll(re)) {
    const cueEnd = m.index + m[0].length;
    let from = m.index;
    // Back to the clause start; 、 separates the names of the list, so it does not stop the walk.
    while (from > 0 && !(text[from - 1] !== '、' && r.labelStop.test(text[from - 1]!)) && !r.sentenceEnd.test(text[from - 1]!)) from--;
    const names = text
      .slice(from, m.index)
      .split(r.listSeparators)
      .map((s) => cleanLabel(s))
      .filter(Boolean);
    let stop = text.slice(cueEnd).search((listEnd ??= new RegExp(`${r.sentenceEnd.source}|${r.respectively.source}`)));
    stop = stop < 0 ? text.length : cueEnd + stop;
    // The numbers of the list: those after the cue, up to the first that is not followed by 、 or 和.
    const idx = tokens.map((t, k) => ({ t, k })).filter(({ t }) => t.start >= cueEnd && t.start < stop);
    const list: number[] = [];
    for (const { t, k } of idx) {
      list.push(k);
      if (!/^[、和及]/.test(text.slice(t.unitEnd))) break;
    }
    // (names that are roles of one subject — 年初预算数和决算数分别为A和B — give each number its role)
    const words = text.slice(from, m.index).split(r.listSeparators).map((s) => s.trim());
    const roles = words.length === list.length ? words.map((w) => r.roles.find((x) => x.whole.test(w) && (!x.kinds || x.kinds.includes('amount')))) : [];
    list.forEach((k, i) => {
      const name = names.length === list.length ? names[i]! : '';
      const role = roles.length && roles.every(Boolean) && tokens[k]!.kind === 'amount' ? roles[i] : undefined;
      out.set(k, { label: name || m[0], metric: name ? resolveMetric(name) : null, ...(role ? { role: role.role, initial: role.initial === true } : {}) });
    });
  }
  return out;
}

/** The sentence the number sits in, verbatim from the raw lines; a long sentence is cut to the clause. */
function excerptFor(para: Paragraph, tok: NumberToken): string {
  const r = rules();
  const text = para.text;
  let s = tok.start;
  while (s > 0 && !r.sentenceEnd.test(text[s - 1]!)) s--;
  let e = tok.unitEnd;
  while (e < text.length && !r.sentenceEnd.test(text[e]!)) e++;
  if (e < text.length) e++;
  if (e - s > 150) {
    s = tok.start;
    while (s > 0 && !r.labelStop.test(text[s - 1]!)) s--;
    e = tok.unitEnd;
    while (e < text.length && !r.labelStop.test(text[e]!)) e++;
  }
  return para.raw(s, e);
}

/** A label is document text: escape it before building a pattern from it. */
function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

