// The speed figures of issue 15, from one run on the same files (run by `npm run bench`, or alone:
// `npx tsx scripts/bench-speed.ts [--repeat N] [--skip-batch] [--skip-startup] [--skip-memory] [--pdfjs] [--memory-pdfjs] [--baseline DIST/cli.js]`).
// Needs poppler-utils and qpdf.
//
// - PDFs of the shared corpus and seed, `juesuan extract --ocr off` with PDFium and with pdf.js, and
//   `pdftotext -layout` on the same PDFs, interleaved, at concurrency 1 and 2: wall and CPU ratios to
//   pdftotext, pages/s, peak RSS of the process and per worker. The machine is shared: read the ratios
//   measured in the same round, not the absolute times.
// - CLI start-up: a one-page PDF, end to end.
// - Memory against page count: one page of the seed copied into 20-, 100- and 1,000-page PDFs (qpdf, in a
//   temporary folder), peak RSS of one worker on each.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { timePdftotext } from './pdftotext-timed.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');
const { values } = parseArgs({
  options: {
    repeat: { type: 'string', default: '1' },
    'skip-memory': { type: 'boolean', default: false },
    'memory-pdfjs': { type: 'boolean', default: false },
    pdfjs: { type: 'boolean', default: false },
    'skip-batch': { type: 'boolean', default: false },
    'skip-startup': { type: 'boolean', default: false },
    // Another build's CLI (a copy of an earlier dist/ inside a checkout, so that it finds node_modules and
    // patterns/), run interleaved with this one: its ratios from the same rounds, under the same load.
    baseline: { type: 'string' },
  },
});
const repeat = Math.max(1, Number(values.repeat));
const cli = join(repo, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });

const isPdf = (path: string) => {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(1024);
  const n = readSync(fd, head, 0, 1024, 0);
  closeSync(fd);
  return head.subarray(0, n).toString('latin1').includes('%PDF-');
};
const pdfs = [join(shared, 'corpus', 'real'), join(shared, 'seed')]
  .flatMap((d) => readdirSync(d).map((n) => join(d, n)))
  .filter((p) => !p.includes('scanned') && isPdf(p))
  .sort();

// At exit: the process's peak RSS (worker threads included) and CPU time; sampled every 20 ms: the main
// thread's own peak V8 heap (used), which the batch files and the report cost it.
const HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; let heap = 0; setInterval(() => { heap = Math.max(heap, process.memoryUsage().heapUsed); }, 20).unref(); process.on('exit', () => { const c = process.cpuUsage(); writeFileSync(process.env.JUESUAN_BENCH_RSS_FILE, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuUs: c.user + c.system, mainHeapKb: Math.max(heap, process.memoryUsage().heapUsed) / 1024 })); });`,
  );

interface Run {
  wallMs: number;
  cpuS: number;
  peakMb: number;
  /** The main thread's peak V8 heap in use. */
  mainHeapMb: number;
  pages: number;
  failed: number;
}

async function juesuan(inputs: string[], engine: 'pdfium' | 'pdfjs' | 'baseline', concurrency: number): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-speed-'));
  const rssFile = join(out, '.rss');
  const t0 = performance.now();
  const child = spawn('node', ['--import', HOOK, engine === 'baseline' ? resolve(values.baseline!) : cli, 'extract', ...inputs, '--out', out, '--concurrency', String(concurrency), '--ocr', 'off', '--quiet'], {
    stdio: 'ignore',
    env: { ...process.env, JUESUAN_BENCH_RSS_FILE: rssFile, JUESUAN_PDF_ENGINE: engine === 'baseline' ? 'pdfium' : engine },
  });
  await new Promise((r) => child.on('exit', r));
  const wallMs = performance.now() - t0;
  const { maxRssKb, cpuUs, mainHeapKb } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuUs: number; mainHeapKb: number };
  const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: { pages: number } });
  const failed = readFileSync(join(out, 'errors.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  rmSync(out, { recursive: true, force: true });
  return { wallMs, cpuS: cpuUs / 1e6, peakMb: maxRssKb / 1024, mainHeapMb: mainHeapKb / 1024, pages: docs.reduce((s, d) => s + d.source.pages, 0), failed };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f1 = (x: number) => x.toFixed(1);
const result: Record<string, unknown> = {};
const batchEngines: ('pdfium' | 'pdfjs' | 'baseline')[] = [...(values.baseline ? (['baseline'] as const) : []), 'pdfium', ...(values.pdfjs ? (['pdfjs'] as const) : [])];

console.log(`speed bench: ${pdfs.length} PDFs (corpus/real + seed, no scans), ${repeat} round(s), interleaved; load average ${loadavg().map(f1).join(' ')}`);
for (const concurrency of values['skip-batch'] ? [] : [1, 2]) {
  const rows: Record<string, { wall: number[]; cpu: number[]; runs: Run[] }> = Object.fromEntries(batchEngines.map((e) => [e, { wall: [], cpu: [], runs: [] }]));
  for (let i = 0; i < repeat; i++) {
    const pop = await timePdftotext(pdfs, concurrency);
    for (const engine of batchEngines) {
      const r = await juesuan(pdfs, engine, concurrency);
      rows[engine]!.wall.push(r.wallMs / pop.wallMs);
      rows[engine]!.cpu.push(r.cpuS / pop.cpuS);
      rows[engine]!.runs.push(r);
    }
  }
  for (const engine of batchEngines) {
    const row = rows[engine]!;
    const r = row.runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));
    const line = { wallRatio: median(row.wall), cpuRatio: median(row.cpu), pagesPerSec: r.pages / (r.wallMs / 1000), peakRssMb: r.peakMb, peakRssPerWorkerMb: r.peakMb / concurrency, pages: r.pages, failed: r.failed };
    result[`${engine}@${concurrency}`] = line;
    console.log(
      `concurrency ${concurrency}, ${engine.padEnd(8)}: wall ${f1(line.wallRatio)}x pdftotext, CPU ${f1(line.cpuRatio)}x, ${f1(line.pagesPerSec)} pages/s (${r.pages} pages, ${r.failed} errors), peak RSS ${r.peakMb.toFixed(0)} MB (${line.peakRssPerWorkerMb.toFixed(0)} MB per worker)`,
    );
  }
}

// Start-up: one page, end to end (process start, module graph, engine init, patterns, one page), interleaved.
const onePage = join(shared, 'seed', 'nonembedded-font.pdf');
const startup: Record<string, number[]> = { baseline: [], pdfium: [], pdfjs: [], pdftotext: [] };
for (let i = 0; i < (values['skip-startup'] ? 0 : 5); i++) {
  for (const engine of batchEngines) startup[engine]!.push((await juesuan([onePage], engine, 1)).wallMs);
  startup.pdftotext!.push((await timePdftotext([onePage], 1)).wallMs);
}
for (const [k, ms] of Object.entries(startup)) if (ms.length) result[`startup-${k}`] = median(ms);
if (!values['skip-startup']) console.log(
  `CLI start-up on a one-page PDF, median of 5: PDFium ${median(startup.pdfium!).toFixed(0)} ms${startup.pdfjs!.length ? `, pdf.js ${median(startup.pdfjs!).toFixed(0)} ms` : ''}${startup.baseline!.length ? `, baseline ${median(startup.baseline!).toFixed(0)} ms` : ''} (pdftotext ${median(startup.pdftotext!).toFixed(0)} ms)`,
);

if (!values['skip-memory']) {
  const dir = mkdtempSync(join(tmpdir(), 'juesuan-speed-pages-'));
  try {
    const seedPdf = join(shared, 'seed', '000_37d039dcb8ad6afc.pdf');
    // With --baseline, that build runs too, interleaved (each file: the baseline, then this build), and
    // with --repeat N the rounds are repeated: RSS peaks vary by ±10 MB from run to run with GC timing.
    const engines: ('baseline' | 'pdfium' | 'pdfjs')[] = [...(values.baseline ? (['baseline'] as const) : []), 'pdfium', ...(values['memory-pdfjs'] ? (['pdfjs'] as const) : [])];
    const peaks: Record<string, number[]> = {};
    const sizes = [20, 100, 1000];
    for (const n of sizes) {
      const file = join(dir, `${n}.pdf`);
      // The seed's cover (its title makes the file a report), then page 3 (prose and figures) n - 1 times.
      // qpdf shares the page's fonts between the copies, as a real long report does (pdfunite copies them
      // for every page: 380 MB for 1,000 pages).
      const r = spawnSync('qpdf', ['--empty', '--pages', seedPdf, ['1', ...Array.from({ length: n - 1 }, () => '3')].join(','), '--', file]);
      if (r.status !== 0) throw new Error(`qpdf failed (apt-get install qpdf): ${r.stderr ?? r.error}`);
    }
    for (let round = 0; round < repeat; round++) {
      for (const n of sizes) {
        for (const engine of engines) {
          const run = await juesuan([join(dir, `${n}.pdf`)], engine, 1);
          const key = round ? `memory-${engine}-${n}-round${round + 1}` : `memory-${engine}-${n}`;
          result[key] = run.peakMb;
          result[`${key}-main-heap`] = run.mainHeapMb;
          (peaks[`${engine}, round ${round + 1}`] ??= []).push(run.peakMb);
          console.log(
            `${String(n).padStart(4)} pages, ${engine.padEnd(8)}: peak RSS ${run.peakMb.toFixed(0)} MB (main thread's heap ${run.mainHeapMb.toFixed(0)} MB), ${(run.wallMs / 1000).toFixed(1)} s, CPU ${run.cpuS.toFixed(2)} s, ${f1(run.pages / (run.wallMs / 1000))} pages/s${run.failed ? `, ${run.failed} errors` : ''}`,
          );
        }
      }
    }
    // Issue 15's target: under 400 MB, and the 1,000-page peak within ±20% of the 20-page one.
    for (const [engine, p] of Object.entries(peaks)) {
      if (p.length === 3) console.log(`memory, ${engine}: 1,000 pages / 20 pages = ${(p[2]! / p[0]!).toFixed(2)}x (target ≤ 1.20x, < 400 MB)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log('SPEED ' + JSON.stringify({ ...result, loadavg: loadavg() }));
