// `npm run fuzz`: N mutated and hostile inputs, made from the seed renditions and the shared corpus by a
// seeded generator into a temporary folder (never committed), run through the built CLI as ONE batch.
// Fails (exit 1) on any INTERNAL error, any sign of an uncaught exception or unhandled rejection, any hang
// (a TIMEOUT, or the batch not finishing), an input with neither a record nor an error line, or a peak RSS
// of the CLI process over the bound.
//
// Usage: npx tsx scripts/fuzz.ts [--n 1000] [--seed 1] [--concurrency 2] [--rss-mb 2048] [--timeout 120]
//                                 [--ocr off] [--keep] [--light]
// Mutations: byte flips, truncations, zeroed runs, inserted junk, a duplicated chunk, a PDF with a
// 20,000-inch page, a DOCX with a damaged or missing entry, a DOCX zip bomb (one 200 MB entry), a long text
// report (thousands of pages), one very long line, UTF-8 text with flipped bytes, GB18030 text.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { mulberry32 } from './prng.js';
import { shared } from './shared-dir.js';

const repo = resolve(fileURLToPath(import.meta.url), '..', '..');

export interface FuzzOptions {
  n: number;
  seed: number;
  concurrency: number;
  rssMb: number;
  timeoutS: number;
  ocr: 'off' | 'auto';
  keep: boolean;
  /** Leave out the slow specials (the long report, the zip bomb): for a quick run in the test suite. */
  light?: boolean;
  log?: (s: string) => void;
}

export interface FuzzResult {
  inputs: number;
  records: number;
  errors: Record<string, number>;
  internal: string[];
  hangs: string[];
  uncaught: string[];
  unaccounted: number;
  peakRssMb: number;
  seconds: number;
  exitCode: number | null;
  failures: string[];
}


interface Source {
  name: string;
  bytes: Buffer;
  kind: 'pdf' | 'docx' | 'txt' | 'other';
}

function sources(): Source[] {
  const out: Source[] = [];
  const kindOf = (f: string): Source['kind'] => (f.endsWith('.pdf') ? 'pdf' : f.endsWith('.docx') ? 'docx' : f.endsWith('.txt') ? 'txt' : 'other');
  const seedDir = join(shared, 'seed');
  for (const f of readdirSync(seedDir).sort()) {
    if (f.endsWith('-scanned.pdf') || f.endsWith('.md')) continue; // OCR of a 14-page scan: minutes, not a fuzz input
    out.push({ name: f, bytes: readFileSync(join(seedDir, f)), kind: kindOf(f) });
  }
  const corpusDir = join(shared, 'corpus', 'real');
  if (existsSync(corpusDir)) {
    for (const f of readdirSync(corpusDir).sort()) {
      const bytes = readFileSync(join(corpusDir, f));
      if (bytes.length > 1_500_000) continue; // keep a big N affordable
      out.push({ name: f, bytes, kind: kindOf(f) });
    }
  }
  return out;
}

type Mutation = (src: Source, r: () => number) => Promise<{ bytes: Buffer; ext: string }> | { bytes: Buffer; ext: string };
const ext = (s: Source) => (s.kind === 'other' ? s.name.slice(s.name.lastIndexOf('.') + 1) : s.kind);
const int = (r: () => number, n: number) => Math.floor(r() * n);

const byteMutations: Record<string, Mutation> = {
  flip(s, r) {
    const b = Buffer.from(s.bytes);
    for (let k = 1 + int(r, 8); k > 0; k--) {
      const at = int(r, b.length);
      b[at] = b[at]! ^ (1 << int(r, 8));
    }
    return { bytes: b, ext: ext(s) };
  },
  truncate(s, r) {
    return { bytes: s.bytes.subarray(0, int(r, s.bytes.length)), ext: ext(s) };
  },
  zero(s, r) {
    const b = Buffer.from(s.bytes);
    const start = int(r, b.length);
    b.fill(0, start, Math.min(b.length, start + 1 + int(r, b.length / 2)));
    return { bytes: b, ext: ext(s) };
  },
  insert(s, r) {
    const at = int(r, s.bytes.length);
    const junk = Buffer.alloc(1 + int(r, 4096));
    for (let i = 0; i < junk.length; i++) junk[i] = int(r, 256);
    return { bytes: Buffer.concat([s.bytes.subarray(0, at), junk, s.bytes.subarray(at)]), ext: ext(s) };
  },
  duplicate(s, r) {
    const a = int(r, s.bytes.length);
    const len = int(r, Math.min(65536, s.bytes.length - a));
    const at = int(r, s.bytes.length);
    return { bytes: Buffer.concat([s.bytes.subarray(0, at), s.bytes.subarray(a, a + len), s.bytes.subarray(at)]), ext: ext(s) };
  },
};

const special: Record<string, Mutation> = {
  hugePage(s) {
    // 20,000 inches = 1,440,000 points.
    const t = s.bytes.toString('latin1').replace(/\/MediaBox\s*\[[^\]]*\]/g, '/MediaBox[0 0 1440000 1440000]');
    return { bytes: Buffer.from(t, 'latin1'), ext: 'pdf' };
  },
  async docxEntry(s, r) {
    const zip = await JSZip.loadAsync(s.bytes);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    const victim = names.find((n) => n === 'word/document.xml' && r() < 0.6) ?? names[int(r, names.length)]!;
    if (r() < 0.3) zip.remove(victim);
    else {
      const text = await zip.file(victim)!.async('string');
      zip.file(victim, text.slice(0, int(r, text.length)) + (r() < 0.5 ? '<w:p><w:r><w:t>&bogus;' : ''));
    }
    return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), ext: 'docx' };
  },
  async zipBomb(s) {
    const zip = await JSZip.loadAsync(s.bytes);
    const text = await zip.file('word/document.xml')!.async('string');
    const filler = '<w:p><w:r><w:t>' + '零'.repeat(1000) + '</w:t></w:r></w:p>';
    const body = text.replace('<w:body>', '<w:body>' + filler.repeat(Math.ceil((200 << 20) / Buffer.byteLength(filler))));
    zip.file('word/document.xml', body);
    return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }), ext: 'docx' };
  },
  longReport(s, r) {
    const lines = s.bytes.toString('utf8').split('\n');
    const pages: string[] = [];
    for (let i = 0; i < 1000 + int(r, 2000); i++) pages.push(lines.slice((i * 40) % lines.length, ((i * 40) % lines.length) + 40).join('\n'));
    return { bytes: Buffer.from(pages.join('\f')), ext: 'txt' };
  },
  longLine(s) {
    return { bytes: Buffer.from(s.bytes.toString('utf8').replace(/\r?\n/g, '').slice(0, 200_000)), ext: 'txt' };
  },
  gb18030(s) {
    // Node has no GB encoder: keep the ASCII, turn every CJK character into a valid two-byte GBK pair.
    const out: number[] = [];
    for (const ch of s.bytes.toString('utf8')) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else out.push(0xb0 + (c % 0x27), 0xa1 + (c % 0x5e));
    }
    return { bytes: Buffer.from(out), ext: 'txt' };
  },
};

async function generate(dir: string, o: FuzzOptions): Promise<number> {
  const r = mulberry32(o.seed);
  const all = sources();
  const byKind = (k: Source['kind']) => all.filter((s) => s.kind === k);
  const pick = <T>(xs: T[]) => xs[int(r, xs.length)]!;
  const txt = byKind('txt');
  const docx = byKind('docx');
  const pdf = byKind('pdf');
  let made = 0;
  const put = async (name: string, m: { bytes: Buffer; ext: string }) => {
    await writeFile(join(dir, `${String(made).padStart(5, '0')}-${name}.${m.ext}`), m.bytes);
    made++;
  };
  // The hostile specials once each (when there is room), then byte mutations of any source.
  const specials: [string, Source[]][] = [
    ['hugePage', pdf.slice(0, 1)],
    ['docxEntry', docx],
    ['zipBomb', docx.slice(0, 1)],
    ['longReport', txt.slice(0, 1)],
    ['longLine', txt.slice(0, 1)],
    ['gb18030', txt.slice(0, 1)],
  ];
  const heavy = new Set(['zipBomb', 'longReport']);
  for (const [name, srcs] of specials) if (srcs.length && made < o.n && !(o.light && heavy.has(name))) await put(name, await special[name]!(srcs[0]!, r));
  const kinds = Object.keys(byteMutations);
  while (made < o.n) {
    const roll = r();
    // DOCX entries are damaged often: a byte flip rarely gets past the ZIP CRC.
    if (roll < 0.1 && docx.length) await put('docxEntry', await special.docxEntry!(pick(docx), r));
    else {
      const m = pick(kinds);
      await put(m, await byteMutations[m]!(pick(all), r));
    }
  }
  return made;
}

/** Peak resident set of a process (VmHWM), polled: the last value read before it exits. */
function watchRss(pid: number): { stop: () => number } {
  let peak = 0;
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) / 1024);
    } catch {
      /* gone */
    }
  };
  const t = setInterval(read, 200);
  return {
    stop: () => {
      clearInterval(t);
      return peak;
    },
  };
}

export async function fuzz(o: FuzzOptions): Promise<FuzzResult> {
  const log = o.log ?? (() => undefined);
  const root = await mkdtemp(join(tmpdir(), 'juesuan-fuzz-'));
  const inputs = join(root, 'inputs');
  const out = join(root, 'out');
  await mkdir(inputs);
  try {
    const n = await generate(inputs, o);
    log(`fuzz: ${n} inputs (seed ${o.seed}) in ${inputs}; running one batch at --concurrency ${o.concurrency}`);
    const started = Date.now();
    const cli = join(repo, 'dist', 'cli.js');
    const args = [cli, 'extract', inputs, '--out', out, '--concurrency', String(o.concurrency), '--timeout', String(o.timeoutS), '--ocr', o.ocr, '--quiet'];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const rss = watchRss(child.pid!);
    let stderr = '';
    child.stdout.on('data', (d) => (stderr += d));
    child.stderr.on('data', (d) => (stderr += d));
    // The whole batch may take its share of per-document limits, and no more.
    const limitMs = Math.ceil(n / o.concurrency) * o.timeoutS * 1000 + 120_000;
    let hung = false;
    const killer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, limitMs);
    const exitCode = await new Promise<number | null>((res) => child.on('close', (code) => res(code)));
    clearTimeout(killer);
    const peakRssMb = Math.round(rss.stop());
    const seconds = (Date.now() - started) / 1000;

    const errorLines = existsSync(join(out, 'errors.jsonl'))
      ? (await readFile(join(out, 'errors.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { path: string; code: string; message: string })
      : [];
    const records = existsSync(join(out, 'documents.jsonl')) ? (await readFile(join(out, 'documents.jsonl'), 'utf8')).split('\n').filter(Boolean).length : 0;
    const errors: Record<string, number> = {};
    for (const e of errorLines) errors[e.code] = (errors[e.code] ?? 0) + 1;
    const internal = errorLines.filter((e) => e.code === 'INTERNAL').map((e) => `${e.path}: ${e.message}`);
    const hangs = errorLines.filter((e) => e.code === 'TIMEOUT').map((e) => e.path);
    if (hung) hangs.push(`the batch did not finish within ${limitMs / 1000} s`);
    const uncaught = stderr.split('\n').filter((l) => /unhandled|uncaught|ERR_UNHANDLED|FATAL ERROR|Aborted|Segmentation/i.test(l));
    const unaccounted = n - records - errorLines.length;
    const failures: string[] = [];
    if (internal.length) failures.push(`${internal.length} INTERNAL`);
    if (uncaught.length) failures.push(`${uncaught.length} uncaught`);
    if (hangs.length) failures.push(`${hangs.length} hangs`);
    if (unaccounted !== 0) failures.push(`${unaccounted} inputs with neither a record nor an error line`);
    if (peakRssMb > o.rssMb) failures.push(`peak RSS ${peakRssMb} MB > ${o.rssMb} MB`);
    if (exitCode !== 0) failures.push(`the CLI exited ${exitCode}`);
    return { inputs: n, records, errors, internal, hangs, uncaught, unaccounted, peakRssMb, seconds, exitCode, failures };
  } finally {
    if (!o.keep) await rm(root, { recursive: true, force: true });
    else log(`fuzz: kept ${root}`);
  }
}

function parseArgs(argv: string[]): FuzzOptions {
  const o: FuzzOptions = { n: 1000, seed: 1, concurrency: 2, rssMb: 2048, timeoutS: 120, ocr: 'off', keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = () => argv[++i]!;
    if (a === '--n') o.n = Number(v());
    else if (a === '--seed') o.seed = Number(v());
    else if (a === '--concurrency') o.concurrency = Number(v());
    else if (a === '--rss-mb') o.rssMb = Number(v());
    else if (a === '--timeout') o.timeoutS = Number(v());
    else if (a === '--ocr') o.ocr = v() as FuzzOptions['ocr'];
    else if (a === '--keep') o.keep = true;
    else if (a === '--light') o.light = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const o = parseArgs(process.argv.slice(2));
  const r = await fuzz({ ...o, log: (s) => console.log(s) });
  const codes = Object.entries(r.errors).sort().map(([c, k]) => `${c} ${k}`).join(', ') || 'none';
  console.log(`fuzz: ${r.inputs} inputs → ${r.records} records, errors: ${codes}; ${r.internal.length} INTERNAL, ${r.uncaught.length} uncaught, ${r.hangs.length} hangs; peak RSS ${r.peakRssMb} MB; ${r.seconds.toFixed(0)} s`);
  for (const l of [...r.internal, ...r.uncaught, ...r.hangs].slice(0, 20)) console.log(`  ${l}`);
  if (r.failures.length) {
    console.log(`fuzz: FAILED: ${r.failures.join('; ')}`);
    process.exitCode = 1;
  } else console.log('fuzz: passed');
}
