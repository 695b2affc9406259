// Where each flag's span sits in its excerpt (for report.html's exact highlight), computed from the lines.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeOutputs, runBatch } from '../src/batch/index.js';
import type { DocumentRecord } from '../src/schema.js';
import { makeScan } from '../scripts/make-scan.js';
import { CROP_BUDGET, markIn, type Evidence } from '../src/write/evidence.js';
import { hasShared, sample, seed } from './paths.js';

describe('markIn', () => {
  const raw = '（一）支出决算为    万元，完成预算的    %；其他';
  it('turns loc.start..end (offsets into the line) into offsets into the excerpt', () => {
    const excerpt = '支出决算为    万元，完成预算的    %；';
    expect(markIn(excerpt, raw, 0, { page: 1, line: 3, start: 20, end: 24 })).toEqual([17, 21]);
    expect(markIn(excerpt, raw, 0, { page: 1, line: 3, start: 8, end: 12 })).toEqual([5, 9]);
    // A line that is a fragment of a longer one: its loc.start is where it begins.
    expect(markIn(excerpt, raw.slice(3), 3, { page: 1, line: 3, start: 20, end: 24 })).toEqual([17, 21]);
  });
  it('gives null when the span is outside the excerpt or unknown', () => {
    expect(markIn('其他', raw, 0, { page: 1, line: 3, start: 20, end: 24 })).toBeNull();
    expect(markIn('支出决算为', raw, 0, { page: 1, line: 3 })).toBeNull();
  });
});

async function marksOf(inputs: string[]): Promise<{ rec: DocumentRecord; ev: Evidence }[]> {
  const out = await mkdtemp(join(tmpdir(), 'juesuan-evidence-'));
  await runBatch(inputs, { out, concurrency: 2 });
  const docs = (await readFile(join(out, 'documents.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as DocumentRecord);
  const run = JSON.parse(await readFile(join(out, '.juesuan', 'run.json'), 'utf8')) as { documents: { path: string; name: string }[] };
  return Promise.all(
    docs.map(async (rec) => {
      const name = run.documents.find((d) => d.path === rec.source.path)!.name;
      return { rec, ev: JSON.parse(await readFile(join(out, '.juesuan', 'evidence', `${name}.json`), 'utf8')) as Evidence };
    }),
  );
}

function expectExact({ rec, ev }: { rec: DocumentRecord; ev: Evidence }) {
  expect(ev.marks.length).toBe(rec.flags.length);
  let marked = 0;
  rec.flags.forEach((f, i) => {
    const m = ev.marks[i];
    if (f.loc?.start === undefined || f.loc.end === undefined || !f.excerpt) return expect(m).toBeNull();
    expect(m, `${f.code} ${f.excerpt}`).not.toBeNull();
    expect(m![1] - m![0]).toBe(f.loc.end - f.loc.start);
    // A blank has no digits in it (its span may take in the unit: `支出决算为 万元` marks ` 万元`).
    if (f.code === 'BLANK_VALUE') expect(f.excerpt.slice(m![0], m![1])).not.toMatch(/\d/);
    marked++;
  });
  return marked;
}

describe('evidence beside each record', () => {
  it('marks every flag with a span in the samples exactly', async () => {
    const docs = await marksOf([sample('')]);
    expect(docs.length).toBe(3);
    const marked = docs.map(expectExact).reduce((a, b) => a + b, 0);
    expect(marked).toBeGreaterThan(0);
  });

  it('survives a merge of shard folders: the merged report highlights as a single run would', async () => {
    const base = await mkdtemp(join(tmpdir(), 'juesuan-evidence-merge-'));
    const [a, b, single, merged] = ['a', 'b', 'single', 'merged'].map((n) => join(base, n));
    await runBatch([sample('')], { out: a!, concurrency: 1, shard: { index: 0, count: 2, from: '--shard' } });
    await runBatch([sample('')], { out: b!, concurrency: 1, shard: { index: 1, count: 2, from: '--shard' } });
    await runBatch([sample('')], { out: single!, concurrency: 1 });
    await mergeOutputs([a!, b!], merged!);
    expect((await readdir(join(merged!, '.juesuan', 'evidence'))).sort()).toEqual((await readdir(join(single!, '.juesuan', 'evidence'))).sort());
    expect(await readFile(join(merged!, 'report.html'), 'utf8')).toBe(await readFile(join(single!, 'report.html'), 'utf8'));
  });

  it.skipIf(!hasShared)('marks the blank values of the seed PDF on their own gap', async () => {
    const [doc] = await marksOf([seed('000_37d039dcb8ad6afc.pdf')]);
    expectExact(doc!);
    const blanks = doc!.rec.flags.map((f, i) => ({ f, m: doc!.ev.marks[i] })).filter((x) => x.f.code === 'BLANK_VALUE' && x.m);
    expect(blanks.map((x) => x.f.excerpt!.slice(...x.m!))).toEqual([' 万元', ' 人次', '年月日']);
    // Page crops: up to the budget, errors first, each a JPEG of the page around the flag.
    const crops = doc!.ev.crops!;
    expect(crops.length).toBe(doc!.rec.flags.length);
    const cropped = crops.map((c, i) => ({ c, f: doc!.rec.flags[i]! })).filter((x) => x.c);
    expect(cropped.length).toBe(CROP_BUDGET);
    expect(cropped.every((x) => x.f.loc?.page !== undefined && /^data:image\/jpeg;base64,\/9j\//.test(x.c!))).toBe(true);
    const errors = doc!.rec.flags.filter((f, i) => f.severity === 'error' && f.loc?.page !== undefined && f.loc.table === undefined && doc!.ev.marks[i]);
    expect(cropped.filter((x) => x.f.severity === 'error').length).toBe(Math.min(CROP_BUDGET, errors.length));
  });

  it.skipIf(!hasShared)('crops a scanned page around each flag OCR found there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'juesuan-evidence-scan-'));
    const scan = join(dir, 'scan.pdf');
    await writeFile(scan, await makeScan(seed('000_37d039dcb8ad6afc-scanned.pdf'), 2, 0.3));
    const [doc] = await marksOf([scan]);
    const placed = doc!.rec.flags.map((f, i) => ({ f, c: doc!.ev.crops![i] })).filter((x) => x.f.loc?.page === 1);
    expect(placed.map((x) => x.f.code).sort()).toEqual(['PERCENT_MISMATCH', 'UNIT_SUSPECT']);
    for (const x of placed) expect(x.c).toMatch(/^data:image\/jpeg;base64,\/9j\//);
  });
});

describe.runIf(hasShared)('crops from PDFium pixels', () => {
  it('are the pixels of the whole page rendered (no PNG encode and decode, no rest of the page): exactly, on the seed', async () => {
    const { openSource } = await import('../src/ingest/pdf/pdfium.js');
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const pdf = await openSource(await readFile(seed('000_37d039dcb8ad6afc.pdf')));
    try {
      expect(pdf.engine).toBe('pdfium');
      const rendered = await pdf.render(3, 110);
      const raster = await pdf.raster!(3, 110);
      try {
        expect([raster.width, raster.height, raster.scale]).toEqual([rendered.width, rendered.height, rendered.scale]);
        expect(raster.toPdf(17, 42)).toEqual(rendered.toPdf(17, 42));
        const canvas = createCanvas(rendered.width, rendered.height);
        canvas.getContext('2d').drawImage(await loadImage(rendered.png), 0, 0);
        const ctx = canvas.getContext('2d');
        const bytes = (a: Uint8ClampedArray) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
        // The whole page, and rectangles of it (text, a corner, the bottom right edge).
        for (const [x, y, w, h] of [[0, 0, rendered.width, rendered.height], [37, 120, 300, 80], [0, 0, 5, 3], [rendered.width - 60, rendered.height - 9, 60, 9]] as const) {
          const cut = raster.cut(x, y, w, h);
          expect(cut.length).toBe(w * h * 4);
          expect(bytes(cut).equals(bytes(ctx.getImageData(x, y, w, h).data))).toBe(true);
        }
      } finally {
        raster.release();
      }
    } finally {
      await pdf.destroy();
    }
  });
});
