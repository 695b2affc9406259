// V8's optimising compiler (TurboFan), tuned for the CLI's runs: a batch is many short documents, each a
// few thousand function calls deep, and with V8's default interrupt budget (66 KB of bytecode executed
// before a function is considered for optimisation) hundreds of lukewarm functions were compiled by
// TurboFan on background threads, ~1.5 of the ~7 CPU s of `extract` over the 19 corpus PDFs. At 8× the
// budget only the really hot functions are compiled: the same run takes ~5.3 CPU s, the 1,000-page file
// is as fast as before (its hot loops still reach the optimiser). V8 flags are per process, so this holds
// for the worker threads too; it is set before the workers start and before the CLI loads its modules
// (this module is the CLI's first import). A library user's process is left alone; an
// `--interrupt-budget` given to node itself wins.
import { setFlagsFromString } from 'node:v8';

export const INTERRUPT_BUDGET = 8 * 67584;

// The flag exists up to V8 11 (Node 20); V8 12+ (Node 22, 24) tiers up by invocation counts instead and
// rejects it on stderr, so there the defaults stay (not measured with other settings).
const hasBudget = Number(process.versions.v8.split('.')[0]) < 12;
const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => a.startsWith('--interrupt-budget'));
if (hasBudget && !given) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
