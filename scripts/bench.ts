// `npm run bench`: the batch benchmark, then the other stages' benchmarks if present (scripts/bench-speed.ts,
// scripts/bench-long.ts, scripts/bench-pdf.ts, scripts/bench-ocr.ts).
//
// The batch benchmark runs the built CLI (`juesuan extract`) over the shared corpus (corpus/real + seed) and
// reports docs/s, pages/s and the peak RSS of the whole process tree (the main process, whose RSS includes
// its worker threads, and any child processes), then the wall-time ratio to `pdftotext -layout` over the same
// PDFs at the same concurrency, in the same run (poppler-utils and poppler-data must be installed).
//
//   npm run bench -- [--concurrency N] [--repeat N] [--batch-only] [dir ...]
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { timePdftotext } from './pdftotext-timed.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string', default: '2' },
    repeat: { type: 'string', default: '1' },
    'batch-only': { type: 'boolean', default: false },
  },
});
const concurrency = Number(values.concurrency);
const repeat = Math.max(1, Number(values.repeat));
const dirs = positionals.length ? positionals : [join(shared, 'corpus', 'real'), join(shared, 'seed')];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
    .sort();
}

function isPdf(path: string): boolean {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(1024);
  const n = readSync(fd, head, 0, 1024, 0);
  closeSync(fd);
  return head.subarray(0, n).toString('latin1').includes('%PDF-');
}

/** Sum of VmRSS (kB) of the processes below `root` (not `root` itself), from /proc. */
function descendantsRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let sum = 0;
  const stack = [...(children.get(root) ?? [])];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

const vmRssKb = (pid: number) => {
  try {
    return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

interface CliRun {
  wallMs: number;
  /** Peak RSS of the process tree in MB: the main process's exact peak (getrusage, all threads) plus the
   *  sampled peak of its child processes, or the sampled tree total if that is higher. */
  peakRssMb: number;
  /** CPU seconds (user + system) of the CLI process, all threads. */
  cpuS: number;
  documents: number;
  pages: number;
  failed: number;
}

// Writes the CLI process's own peak RSS (kB) and CPU time (µs), both over all its threads, as it exits.
const RSS_HOOK =
  'data:text/javascript,' +
  encodeURIComponent(
    `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const c = process.cpuUsage(); writeFileSync(process.env.JUESUAN_BENCH_RSS_FILE, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuUs: c.user + c.system })); });`,
  );

async function runCli(inputs: string[], extra: string[]): Promise<CliRun> {
  const out = mkdtempSync(join(tmpdir(), 'juesuan-bench-'));
  const rssFile = join(out, '.bench-rss');
  const started = performance.now();
  const child = spawn('node', ['--import', RSS_HOOK, join(repo, 'dist', 'cli.js'), 'extract', ...inputs, '--out', out, '--concurrency', String(concurrency), '--quiet', ...extra], {
    stdio: ['ignore', 'ignore', 'ignore'], // the errors are counted from errors.jsonl
    env: { ...process.env, JUESUAN_BENCH_RSS_FILE: rssFile },
  });
  let treePeak = 0;
  let childPeak = 0;
  const sample = () => {
    if (!child.pid) return;
    const kids = descendantsRssKb(child.pid);
    childPeak = Math.max(childPeak, kids);
    treePeak = Math.max(treePeak, vmRssKb(child.pid) + kids);
  };
  const timer = setInterval(sample, 100);
  await new Promise((r) => child.on('exit', r));
  const wallMs = performance.now() - started;
  clearInterval(timer);
  const { maxRssKb: mainPeak, cpuUs } = JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuUs: number };
  const docs = readFileSync(join(out, 'documents.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: { pages: number } });
  const failed = readFileSync(join(out, 'errors.jsonl'), 'utf8').split('\n').filter(Boolean).length;
  rmSync(out, { recursive: true, force: true });
  return { wallMs, peakRssMb: Math.max(mainPeak + childPeak, treePeak) / 1024, cpuS: cpuUs / 1e6, documents: docs.length, pages: docs.reduce((s, d) => s + d.source.pages, 0), failed };
}

const best = <T extends { wallMs: number }>(runs: T[]) => runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

async function batchBench() {
  execFileSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
  const files = dirs.flatMap(walk);
  const pdfs = files.filter(isPdf);
  const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
  console.log(`batch bench: ${files.length} files (${pdfs.length} PDFs) in ${dirs.join(', ')}; --concurrency ${concurrency}; best of ${repeat}`);

  const full: CliRun[] = [];
  const pdfOnly: CliRun[] = [];
  const poppler: { wallMs: number; cpuS: number }[] = [];
  for (let i = 0; i < repeat; i++) {
    full.push(await runCli(dirs, []));
    pdfOnly.push(await runCli(pdfs, ['--ocr', 'off']));
    if (hasPoppler) poppler.push(await timePdftotext(pdfs, concurrency));
  }
  const f = best(full);
  const p = best(pdfOnly);
  const pop = poppler.length ? best(poppler) : { wallMs: NaN, cpuS: NaN };
  const popplerMs = pop.wallMs;
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(`full run (default options): ${f.documents} documents (${f.failed} errors), ${f.pages} pages in ${s(f.wallMs)} s: ${(f.documents / (f.wallMs / 1000)).toFixed(2)} docs/s, ${(f.pages / (f.wallMs / 1000)).toFixed(1)} pages/s, peak RSS ${f.peakRssMb.toFixed(0)} MB, ${f.cpuS.toFixed(1)} CPU s`);
  console.log(`PDFs only, --ocr off:       ${p.documents} documents (${p.failed} errors), ${p.pages} pages in ${s(p.wallMs)} s: ${(p.pages / (p.wallMs / 1000)).toFixed(1)} pages/s, peak RSS ${p.peakRssMb.toFixed(0)} MB, ${p.cpuS.toFixed(1)} CPU s`);
  if (hasPoppler) {
    console.log(`pdftotext -layout, same ${pdfs.length} PDFs, ${concurrency} at a time: ${s(popplerMs)} s, ${pop.cpuS.toFixed(1)} CPU s`);
    console.log(`wall-time ratio to pdftotext: ${(p.wallMs / popplerMs).toFixed(1)}x (PDFs, --ocr off), ${(f.wallMs / popplerMs).toFixed(1)}x (full run, default options)`);
    // On a shared machine the wall time swings with the load; CPU time much less.
    console.log(`CPU-time ratio to pdftotext: ${(p.cpuS / pop.cpuS).toFixed(1)}x (PDFs, --ocr off); load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } else console.log('pdftotext not found (apt-get install poppler-utils poppler-data): no ratio');
  console.log(
    'BENCH ' +
      JSON.stringify({
        concurrency,
        full: { ...f, docsPerSec: f.documents / (f.wallMs / 1000), pagesPerSec: f.pages / (f.wallMs / 1000) },
        pdfOcrOff: { ...p, pagesPerSec: p.pages / (p.wallMs / 1000) },
        pdftotextMs: popplerMs,
        pdftotextCpuS: pop.cpuS,
        loadavg: loadavg(),
        ratioPdf: p.wallMs / popplerMs,
        ratioFull: f.wallMs / popplerMs,
      }),
  );
}

await batchBench();
if (!values['batch-only']) {
  for (const script of ['bench-speed.ts', 'bench-long.ts', 'bench-pdf.ts', 'bench-ocr.ts']) {
    const path = join(repo, 'scripts', script);
    if (!existsSync(path)) continue;
    console.log(`\n--- ${script} ---`);
    spawnSync('npx', ['tsx', path], { cwd: repo, stdio: 'inherit' });
  }
}
