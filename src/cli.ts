#!/usr/bin/env node
// The command line: extract (records + batch files), check (the watchdog view), schema.
import { Command, InvalidArgumentError, Option } from 'commander';
import { cpus } from 'node:os';
import { runBatch } from './batch/index.js';
import { recordJsonSchema } from './schema.js';
import { VERSION } from './version.js';
import type { DocumentRecord } from './schema.js';
import type { ErrorLine } from './write/batch-files.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

interface CommonOptions {
  out: string;
  concurrency: number;
  ocr: 'auto' | 'off' | 'force';
  ocrEngine: 'paddle' | 'tesseract' | 'both';
  quiet?: boolean;
}

function withCommon(cmd: Command): Command {
  return cmd
    .option('--out <dir>', 'output folder', 'output')
    .option('--concurrency <n>', 'documents processed at once', positiveInt, cpus().length)
    .addOption(new Option('--ocr <mode>', 'OCR pages without a usable text layer').choices(['auto', 'off', 'force']).default('auto'))
    .addOption(new Option('--ocr-engine <engine>', 'OCR engine; both cross-checks every number').choices(['paddle', 'tesseract', 'both']).default('paddle'))
    .option('--quiet', 'print only errors');
}

const errLine = (e: ErrorLine) => `juesuan: ${e.path}: ${e.message} (${e.code})`;

function progressPrinter(quiet: boolean | undefined) {
  return (r: { path: string; record?: DocumentRecord; error?: ErrorLine }) => {
    if (r.error) process.stderr.write(errLine(r.error) + '\n');
    else if (!quiet && r.record) {
      const errors = r.record.flags.filter((f) => f.severity === 'error').length;
      process.stderr.write(`ok ${r.path}: ${r.record.facts.length} facts, ${r.record.flags.length} flags (${errors} errors)\n`);
    }
  };
}

function flagLine(path: string, f: DocumentRecord['flags'][number]): string {
  const where = f.loc ? `${f.loc.page ?? (f.loc.paragraph !== undefined ? `¶${f.loc.paragraph}` : '')}:${f.loc.line}` : ':';
  return `${path}:${where} ${f.code} ${f.message}`;
}

export function buildProgram(): Command {
  const program = new Command('juesuan')
    .description('Structured, validated records from Chinese government final-accounts (决算) and budget (预算) disclosures')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();

  withCommon(program.command('extract').argument('<inputs...>', 'files, directories or globs').description('write one <name>.json per document and the batch files'))
    .action(async (inputs: string[], opts: CommonOptions) => {
      const res = await runBatch(inputs, { ...opts, onResult: progressPrinter(opts.quiet) });
      if (!opts.quiet) process.stderr.write(`${res.records.length} documents extracted, ${res.errors.length} failed → ${opts.out}\n`);
      process.exitCode = res.errors.length ? 1 : 0;
    });

  withCommon(program.command('check').argument('<inputs...>', 'files, directories or globs').description("print each document's flags, one per line"))
    .option('--json', 'print flags as JSON Lines')
    .action(async (inputs: string[], opts: CommonOptions & { json?: boolean }) => {
      const res = await runBatch(inputs, { ...opts, onResult: (r) => r.error && process.stderr.write(errLine(r.error) + '\n') });
      let errors = 0;
      for (const r of res.records) {
        for (const f of r.flags) {
          if (f.severity === 'error') errors++;
          process.stdout.write(opts.json ? JSON.stringify({ path: r.source.path, ...f }) + '\n' : flagLine(r.source.path, f) + '\n');
        }
      }
      if (!opts.quiet && !opts.json) {
        const all = res.records.reduce((s, r) => s + r.flags.length, 0);
        process.stdout.write(`${res.records.length} documents, ${all} flags, ${errors} errors, ${res.errors.length} unreadable\n`);
      }
      process.exitCode = res.errors.length ? 2 : errors ? 1 : 0;
    });

  program
    .command('schema')
    .description('print the JSON Schema of one document record')
    .action(() => {
      process.stdout.write(JSON.stringify(recordJsonSchema(), null, 2) + '\n');
    });
  return program;
}

async function main() {
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
    process.stderr.write(`juesuan: ${(e.message ?? String(err)).split('\n')[0]}\n`);
    process.exitCode = 2;
  }
}

await main();
