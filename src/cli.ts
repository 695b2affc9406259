#!/usr/bin/env node
// The command line: extract (records + batch files), check (the watchdog view), merge (shard folders), schema.
// First: V8's tiering for many short documents (src/tiering.ts), before any other module is evaluated.
import './tiering.js';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createWriteStream, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_MAX_MEMORY_MB,
  DEFAULT_TIMEOUT_S,
  mergeOutputs,
  resolveShard,
  runBatch,
  SHARD_COUNT_ENV,
  UsageError,
  type BatchOptions,
  type BatchResult,
} from './batch/index.js';
import { createProgress, type Progress } from './batch/progress.js';
import { VERSION } from './version.js';
import { CHECK_HELP, EXTRACT_HELP, MAIN_HELP } from './cli-help.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};
const positiveNumber = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number > 0');
  return n;
};

interface CommonOptions {
  /** The output folder, once the command has decided it (check and `extract --json -` use a temporary one). */
  out: string;
  concurrency: number;
  timeout: number;
  maxMemoryMb: number;
  shard?: string;
  shardCount?: number;
  force?: boolean;
  ocr: 'auto' | 'off' | 'force';
  ocrEngine: 'paddle' | 'tesseract' | 'both';
  quiet?: boolean;
}

/** `--out` as each command uses it: its default (if any) is decided by the command and said in its help. */
function withCommon(cmd: Command, outHelp: string): Command {
  return cmd
    .addOption(new Option('--out <dir>', outHelp))
    .addOption(
      new Option('--concurrency <n>', 'documents processed at once, one worker thread each').argParser(positiveInt).default(availableParallelism(), `the number of CPU cores, ${availableParallelism()}`),
    )
    .option('--timeout <seconds>', 'give up on a document after this long (its worker is terminated; error TIMEOUT)', positiveNumber, DEFAULT_TIMEOUT_S)
    .option('--max-memory-mb <mb>', 'heap limit of each worker; a document that needs more gets error OUT_OF_MEMORY', positiveInt, DEFAULT_MAX_MEMORY_MB)
    .option('--shard <i/n>', 'process only shard i of n (i from 0), split by content hash; default: from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID when set')
    .option('--shard-count <n>', `the number of shards beside JOB_COMPLETION_INDEX (or set ${SHARD_COUNT_ENV})`, positiveInt)
    .option('--force', 'redo documents whose record in the output folder is up to date (default: skip them)')
    .addOption(new Option('--ocr <mode>', 'OCR pages without a usable text layer').choices(['auto', 'off', 'force']).default('auto'))
    .addOption(new Option('--ocr-engine <engine>', 'OCR engine; both cross-checks every number').choices(['paddle', 'tesseract', 'both']).default('paddle'))
    .option('--quiet', 'print only errors');
}

/** Ctrl-C once: take no new documents, finish the running ones — unless one is in OCR (minutes per long
 *  scan): then abandon them at once (the OCR stops after the page in hand; a rerun redoes them). Twice (or
 *  SIGTERM): abandon them too. Either way the batch files are written for what is done, and the exit code
 *  is 130 (143 for SIGTERM). Each step says what it is doing. */
function interruptHandling(progress: Progress) {
  const stop = new AbortController();
  const abort = new AbortController();
  let exitCode: number | undefined;
  let count = 0;
  const onSigint = () => {
    exitCode ??= 130;
    count++;
    const inOcr = progress.inOcr();
    if (count === 1 && inOcr.length) {
      const what = inOcr.map((o) => `${o.path} at page ${o.done}/${o.total}`).join(', ');
      progress.log(`juesuan: interrupted: stopping the OCR of ${what} after the page in hand (a rerun into the same folder redoes it); writing the batch files`);
      count = 2;
      stop.abort();
      abort.abort();
    } else if (count === 1) {
      progress.log('juesuan: interrupted: finishing the documents in progress (Ctrl-C again to abandon them)');
      stop.abort();
    } else if (count === 2) {
      progress.log('juesuan: abandoning the documents in progress; writing the batch files');
      abort.abort();
    } else process.exit(exitCode);
  };
  const onSigterm = () => {
    exitCode ??= 143;
    stop.abort();
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return {
    stopSignal: stop.signal,
    abortSignal: abort.signal,
    exitCode: () => exitCode,
    dispose() {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    },
  };
}

async function runWithProgress(inputs: string[], opts: CommonOptions, extra: Partial<BatchOptions> = {}): Promise<{ res: BatchResult; signalExit?: number; seconds: number }> {
  const shard = resolveShard(opts.shard, opts.shardCount);
  const { onResult, ...rest } = extra;
  const progress = createProgress({ quiet: opts.quiet });
  const interrupt = interruptHandling(progress);
  const started = Date.now();
  try {
    const res = await runBatch(inputs, {
      out: opts.out,
      concurrency: opts.concurrency,
      timeoutMs: opts.timeout * 1000,
      maxMemoryMb: opts.maxMemoryMb,
      shard,
      force: opts.force,
      ocr: opts.ocr,
      ocrEngine: opts.ocrEngine,
      stopSignal: interrupt.stopSignal,
      abortSignal: interrupt.abortSignal,
      onWait: (m) => progress.log(`juesuan: ${m}`),
      onPlan: (p) => progress.plan(p),
      onOcrPage: (p) => progress.ocrPage(p),
      onResult: (o) => {
        progress.result(o);
        onResult?.(o);
      },
      ...rest,
    });
    return { res, signalExit: interrupt.exitCode(), seconds: (Date.now() - started) / 1000 };
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

function summaryLine(res: BatchResult, out: string, seconds: number): string {
  const parts = [`${res.processed} extracted`, `${res.failed} failed`, `${res.skipped} skipped (up to date)`];
  if (res.otherShards) parts.push(`${res.otherShards} left to other shards`);
  const speed = res.processed ? `, ${res.pages} pages, ${(res.pages / Math.max(seconds, 1e-3)).toFixed(1)} pages/s` : '';
  const stopped = res.interrupted ? ' (interrupted: rerun the same command to finish)' : '';
  return `juesuan: ${parts.join(', ')} → ${out} (${seconds.toFixed(1)} s${speed})${stopped}`;
}

/** `extract --json FILE`: each document's record as one line, in the order they finish (skipped ones too). */
function recordLines(dest: string, out: string) {
  const stream: NodeJS.WritableStream = dest === '-' ? process.stdout : createWriteStream(dest);
  let chain = Promise.resolve();
  let failure: unknown;
  return {
    onResult(o: { status: string; name?: string }) {
      if (o.status === 'failed' || o.name === undefined) return;
      const file = join(out, `${o.name}.json`);
      chain = chain.then(async () => {
        const line = JSON.stringify(JSON.parse(await readFile(file, 'utf8'))) + '\n';
        if (!stream.write(line)) await new Promise<void>((r) => stream.once('drain', () => r()));
      }).catch((err: unknown) => {
        failure ??= err;
      });
    },
    async close() {
      await chain;
      if (stream !== process.stdout) await new Promise<void>((res, rej) => stream.once('error', rej).end(() => res()));
      if (failure) throw failure;
    },
  };
}

export function buildProgram(): Command {
  const program = new Command('juesuan')
    .description('Structured, validated records from Chinese government final-accounts (决算) and budget (预算) disclosures')
    .version(VERSION)
    .showHelpAfterError('(run juesuan --help, or juesuan <command> --help, for usage)')
    .addHelpText('after', MAIN_HELP)
    .exitOverride();

  withCommon(program.command('extract').argument('<inputs...>', 'files, directories or globs').description('write one <name>.json per document and the batch files'), 'output folder (default: output/; with --json -, none)')
    .option('--json <file>', 'also write the records as JSON Lines, one document per line, to FILE; - for stdout (then no folder is written unless --out is given)')
    .option('--strict', 'exit 1 when any input could not be processed (default: exit 0 once every input has its record or its line in errors.jsonl, so that a scheduler counts the run as done)')
    .addHelpText('after', EXTRACT_HELP)
    .action(async (inputs: string[], opts: Omit<CommonOptions, 'out'> & { out?: string; json?: string; strict?: boolean }) => {
      // `--json -` is for pipes: records on stdout, nothing left on disk unless --out says where.
      const keepOutput = opts.out !== undefined || opts.json !== '-';
      const out = opts.out ?? (keepOutput ? 'output' : await tempOut('juesuan-extract-'));
      const records = opts.json === undefined ? null : recordLines(opts.json, out);
      try {
        const { res, signalExit, seconds } = await runWithProgress(inputs, { ...opts, out }, records ? { onResult: records.onResult } : {});
        await records?.close();
        if (!opts.quiet) process.stderr.write(summaryLine(res, keepOutput ? out : '-', seconds) + '\n');
        process.exitCode = signalExit ?? (opts.strict && res.errors.length ? 1 : 0);
      } finally {
        if (!keepOutput) await rm(out, { recursive: true, force: true });
      }
    });

  withCommon(program.command('check').argument('<inputs...>', 'files, directories or globs').description("print each document's flags, one per line, in document order"), 'also write the records, batch files and report.html here (default: no files)')
    .option('--json', 'print flags as JSON Lines')
    .addHelpText('after', CHECK_HELP)
    .action(async (inputs: string[], opts: Omit<CommonOptions, 'out'> & { out?: string; json?: boolean }) => {
      // A watchdog's check leaves no files behind (nor overwrites an extract's) unless --out is given.
      const keepOutput = opts.out !== undefined;
      const out = opts.out ?? (await tempOut('juesuan-check-'));
      const { res, signalExit } = await runWithProgress(inputs, { ...opts, out, quiet: true }, { keepRecords: true }).finally(() =>
        keepOutput ? undefined : rm(out, { recursive: true, force: true }),
      );
      const { formatFlagLine, sheetOrder, sortFlags } = await import('./write/flag-line.js');
      let errors = 0;
      for (const r of res.records) {
        for (const f of sortFlags(r.flags, sheetOrder(r))) {
          if (f.severity === 'error') errors++;
          process.stdout.write(opts.json ? JSON.stringify({ path: r.source.path, ...f }) + '\n' : formatFlagLine(r.source.path, f) + '\n');
        }
      }
      if (!opts.quiet && !opts.json) {
        const all = res.records.reduce((s, r) => s + r.flags.length, 0);
        const warnings = res.records.reduce((s, r) => s + r.flags.filter((f) => f.severity === 'warning').length, 0);
        process.stdout.write(`${res.records.length} documents, ${all} flags (${errors} errors, ${warnings} warnings), ${res.errors.length} unreadable\n`);
      }
      process.exitCode = signalExit ?? (res.errors.length ? 2 : errors ? 1 : 0);
    });

  program
    .command('merge')
    .argument('<folders...>', 'the output folders of the shards (every shard of one corpus)')
    .requiredOption('--out <dir>', 'the merged output folder (new, or a previous merge)')
    .option('--quiet', 'print only errors')
    .description('merge shard output folders into one, exactly as a single run would have written it')
    .action(async (folders: string[], opts: { out: string; quiet?: boolean }) => {
      const res = await mergeOutputs(folders, opts.out);
      if (!opts.quiet)
        process.stderr.write(`juesuan: merged ${res.folders} folders: ${res.documents} documents, ${res.recorded} records, ${res.errors.length} errors → ${opts.out}\n`);
      process.exitCode = 0;
    });

  program
    .command('schema')
    .description('print the JSON Schema of one document record')
    .action(async () => {
      // zod and the record schema load only for this command (start-up of extract, issue 15).
      const { recordJsonSchema } = await import('./schema.js');
      process.stdout.write(JSON.stringify(recordJsonSchema(), null, 2) + '\n');
    });
  return program;
}

/** Temporary output folders (check, extract --json -): removed even when the process exits early. */
const tempDirs = new Set<string>();
async function tempOut(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}
process.on('exit', () => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});

async function main() {
  // A reader that goes away (`| head`) ends the run quietly, as for any Unix filter.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(process.argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (e.code?.startsWith('commander.')) {
      // help and version exit 0; usage errors 2 (commander already printed the message)
      process.exitCode = e.exitCode === 0 ? 0 : 2;
      return;
    }
    if (err instanceof UsageError) process.stderr.write(`juesuan: ${err.message}\n`);
    else process.stderr.write(`juesuan: ${(e.message ?? String(err)).split('\n')[0]}\n`);
    process.exitCode = 2;
  }
}

await main();
