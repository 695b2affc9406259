// The seed as text, DOCX and text-layer PDF must give the same document: outline, summary, indicators.
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import type { DocumentRecord } from '../src/schema.js';
import { SEED_TXT, seed } from './paths.js';

type Outline = DocumentRecord['outline'];
const flat = (o: Outline): Outline => o.flatMap((n) => [n, ...flat(n.children)]);
const outlineKeys = (r: DocumentRecord) => flat(r.outline).map((n) => `${n.level}|${n.marker}|${n.title}|${n.section}`);
const summaryOf = (r: DocumentRecord) => Object.fromEntries(Object.entries(r.summary).map(([k, v]) => [k, v.yuan ?? v.value]));

describe('seed renditions', () => {
  const records: Record<string, DocumentRecord> = {};
  beforeAll(async () => {
    records.txt = await extract(SEED_TXT);
    records.docx = await extract(seed('000_37d039dcb8ad6afc.docx'));
    records.pdf = await extract(seed('000_37d039dcb8ad6afc.pdf'), { ocr: 'off' });
  });

  it.each(['docx', 'pdf'])('%s gives the text file’s outline and summary', (fmt) => {
    const r = records[fmt]!;
    expect(r.document).toEqual(records.txt!.document);
    expect(outlineKeys(r)).toEqual(outlineKeys(records.txt!));
    expect(summaryOf(r)).toEqual(summaryOf(records.txt!));
    expect(Object.keys(summaryOf(r)).length).toBe(29);
  });

  it.each(['txt', 'docx'])('%s marks the two indicator tables with their kinds', (fmt) => {
    const kinds = records[fmt]!.tables.filter((t) => !t.kind.startsWith('公开')).map((t) => t.kind);
    expect(kinds).toEqual(['绩效目标表', '项目自评表']);
  });

  it('gives DOCX locations as paragraphs, PDF locations as pages', () => {
    const fact = (r: DocumentRecord) => r.facts.find((f) => f.metric === 'total_income' && f.from === 'text')!;
    expect(fact(records.docx!).loc.page).toBeUndefined();
    expect(fact(records.docx!).loc.paragraph).toBeGreaterThan(0);
    expect(fact(records.pdf!).loc.page).toBe(2);
    expect(fact(records.txt!).loc).toMatchObject({ page: 1, line: 32 });
    expect(fact(records.txt!).section).toBe('income_expenditure_overview');
  });
});
