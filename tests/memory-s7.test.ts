// Memory flat in pages (issue 15), session 7: garbage collected between the stages and while the record is
// written, the record written before the evidence, and the crops made on the lines they read alone. What
// the outputs must not change is checked on the seed; the peaks themselves are measured by
// scripts/bench-speed.ts (README, memory against pages).
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, constants as perf } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../src/batch/gc.js';
import { hashing } from '../src/batch/rows.js';
import { processDocument } from '../src/pipeline.js';
import { openAtomic, type AtomicWriter } from '../src/write/atomic.js';
import { buildEvidence, buildEvidenceWithCrops, cropLines, cropsOf } from '../src/write/evidence.js';
import { SEED_TXT, seed } from './paths.js';

describe('a hashing writer', () => {
  it('calls its tick once per MiB written, and passes every piece on', async () => {
    const seen: string[] = [];
    const sink: AtomicWriter = { write: async (t) => void seen.push(t), commit: async () => undefined, abort: async () => undefined };
    let ticks = 0;
    const w = hashing(sink, () => ticks++);
    const piece = '字'.repeat(100_000); // 300,000 bytes of UTF-8
    for (let i = 0; i < 12; i++) await w.write(piece); // 3.6 MB
    expect(ticks).toBe(3);
    expect(w.digest().bytes).toBe(3_600_000);
    expect(seen).toHaveLength(12);
    // Without a tick, as before.
    const plain = hashing(sink);
    await plain.write('abc');
    expect(plain.digest()).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
  });
});

describe('an atomic writer', () => {
  it('writes to its file every 32K characters, not every million (the pieces waiting die young)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'juesuan-mem7-'));
    const w = await openAtomic(join(dir, 'out.json'));
    const piece = '{"预算":1234.567},'; // 16 characters, 20 bytes of UTF-8
    for (let i = 0; i < 6000; i++) await w.write(piece); // 96,000 characters
    const [temp] = (await readdir(dir)).filter((n) => n.startsWith('.juesuan-tmp-out.json'));
    // Two writes of 2,048 pieces (32,768 characters) are on disk before the commit; the rest waits.
    expect((await stat(join(dir, temp!))).size).toBe(2 * 2048 * 20);
    await w.commit();
    expect(await readFile(join(dir, 'out.json'), 'utf8')).toBe(piece.repeat(6000));
  });
});

describe('processDocument', () => {
  it('runs `between` after ingest and after extract, and the record is the same', async () => {
    let calls = 0;
    const withHook = await processDocument(SEED_TXT, { ocr: 'off' }, () => calls++);
    expect(calls).toBe(2);
    const without = await processDocument(SEED_TXT, { ocr: 'off' });
    expect(JSON.stringify(withHook)).toBe(JSON.stringify(without));
  });
});

describe('collectGarbage', () => {
  it('past the floor, collects when asked to at least there, even below 1.5× what the last left', async () => {
    const majors: number[] = [];
    const obs = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === perf.NODE_PERFORMANCE_GC_MAJOR) majors.push(e.startTime);
    });
    obs.observe({ entryTypes: ['gc'] });
    // ~64 MB live in the V8 heap (arrays of doubles; a typed array's bytes lie outside it): past the 48 MB floor.
    const live = Array.from({ length: 64 }, (_, i) => new Array<number>(128 * 1024).fill(i + 0.5));
    const settle = () => new Promise((r) => setTimeout(r, 50));
    expect(collectGarbage()).toBe(true);
    await settle();
    // (its own decision, not the GCs observed: V8 may start one of its own at any moment)
    expect(collectGarbage()).toBe(false); // nothing grew: skipped
    const before = majors.length;
    expect(collectGarbage(true)).toBe(true);
    await settle();
    expect(majors.length).toBeGreaterThan(before);
    obs.disconnect();
    expect(live.length).toBe(64);
  });
});

describe('the crops on the lines they read', () => {
  it('are the same from the flagged lines alone as from every block', async () => {
    const path = seed('000_37d039dcb8ad6afc.pdf');
    const doc = await processDocument(path, { ocr: 'off' });
    const bytes = new Uint8Array(await readFile(path));
    const whole = await buildEvidenceWithCrops(doc, bytes);
    const kept = cropLines(doc);
    const lines = doc.blocks.filter((b) => b.kind === 'line');
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(lines.length / 5);
    const marks = buildEvidence(doc);
    const crops = await cropsOf({ ...doc, blocks: kept }, bytes);
    expect(crops?.filter(Boolean).length).toBeGreaterThan(0);
    expect(JSON.stringify({ ...marks, crops })).toBe(JSON.stringify(whole));
    // Not a PDF (or no bytes): no crops, as before.
    expect(await cropsOf(doc, null)).toBeUndefined();
  });
});
