// Sharding: n machines split one corpus with no coordination. Every machine sees the same inputs and keeps
// the documents whose content hash falls in its share, so the split is stable however the files are named,
// listed or moved.
import { UsageError } from './usage-error.js';

export interface Shard {
  /** 0-based: 0 ≤ index < count. */
  index: number;
  count: number;
  /** Where it came from, for the progress line: `--shard`, `JOB_COMPLETION_INDEX`, `SLURM_ARRAY_TASK_ID`. */
  from: string;
}

/** The env var that gives the shard count beside a Kubernetes Indexed Job's JOB_COMPLETION_INDEX. */
export const SHARD_COUNT_ENV = 'JUESUAN_SHARD_COUNT';

const usage = (msg: string) => new UsageError(msg);

function wholeNumber(v: string | undefined, what: string, min: number): number {
  const n = Number(v);
  if (v === undefined || v.trim() === '' || !Number.isInteger(n) || n < min) throw usage(`${what} must be a whole number ≥ ${min} (got ${JSON.stringify(v ?? '')})`);
  return n;
}

function checked(index: number, count: number, from: string): Shard {
  if (index >= count) throw usage(`shard index ${index} is out of range for ${count} shards (${from}; indexes run from 0 to ${count - 1})`);
  return { index, count, from };
}

/** `--shard i/n`, i counted from 0. */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw usage(`--shard takes i/n with i counted from 0, e.g. --shard 0/4 (got ${JSON.stringify(spec)})`);
  return checked(Number(m[1]), wholeNumber(m[2], '--shard n', 1), '--shard');
}

/**
 * The shard to run: `--shard` if given, else a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with the count
 * from `--shard-count` or JUESUAN_SHARD_COUNT), else a Slurm job array (SLURM_ARRAY_TASK_ID counted from
 * SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT tasks). null: no sharding.
 */
export function resolveShard(flag: string | undefined, countFlag: number | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
  if (flag !== undefined) return parseShard(flag);
  const k8s = env.JOB_COMPLETION_INDEX;
  if (k8s !== undefined && k8s !== '') {
    const countText = countFlag !== undefined ? String(countFlag) : env[SHARD_COUNT_ENV];
    if (countText === undefined || countText === '')
      throw usage(`JOB_COMPLETION_INDEX is set but the shard count is not: pass --shard-count N or set ${SHARD_COUNT_ENV} to the Job's completions (or --shard 0/1 to process everything)`);
    return checked(wholeNumber(k8s, 'JOB_COMPLETION_INDEX', 0), wholeNumber(countText, 'the shard count', 1), 'JOB_COMPLETION_INDEX');
  }
  const slurm = env.SLURM_ARRAY_TASK_ID;
  if (slurm !== undefined && slurm !== '') {
    const step = env.SLURM_ARRAY_TASK_STEP;
    if (step !== undefined && step !== '' && step !== '1') throw usage(`a Slurm array with a step (SLURM_ARRAY_TASK_STEP=${step}) cannot be split by index: use --array=0-N or pass --shard i/n`);
    const min = env.SLURM_ARRAY_TASK_MIN ? wholeNumber(env.SLURM_ARRAY_TASK_MIN, 'SLURM_ARRAY_TASK_MIN', 0) : 0;
    const id = wholeNumber(slurm, 'SLURM_ARRAY_TASK_ID', 0);
    const count = countFlag ?? wholeNumber(env.SLURM_ARRAY_TASK_COUNT, 'SLURM_ARRAY_TASK_COUNT', 1);
    return checked(id - min, count, 'SLURM_ARRAY_TASK_ID');
  }
  return null;
}

/** Which shard a document belongs to: its sha256 (hex) as a number, modulo the shard count. */
export function shardOf(sha256: string, count: number): number {
  return Number.parseInt(sha256.slice(0, 12), 16) % count;
}
