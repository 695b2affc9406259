// Where tests find the repo and the shared test material: `../shared` beside the checkout (the seed report
// and the real corpus; see README, "Tests"). Without it, the test files that use it are not run: the
// vitest config excludes them (testsNeedingShared) and says so in one line, instead of failing on a path.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** `../shared` beside the checkout, whether or not it is there. */
export const shared = resolve(repo, '..', 'shared');
export const hasShared = existsSync(join(shared, 'seed'));
export const seed = (name: string) => join(shared, 'seed', name);
export const corpus = (name: string) => join(shared, 'corpus', 'real', name);
export const SEED_TXT = seed('000_37d039dcb8ad6afc.txt');
export const sample = (name: string) => join(repo, 'samples', name);
export const CLI = join(repo, 'dist', 'cli.js');

/** The helpers above that point into ../shared. */
const SHARED_NAMES = new Set(['shared', 'seed', 'corpus', 'SEED_TXT']);

/** Test files (relative to the repo) that use ../shared through this module, directly or through a helper
 *  in tests/. A file that imports `hasShared` skips its own shared tests and is not listed. */
export function testsNeedingShared(testsDir = join(repo, 'tests')): string[] {
  const memo = new Map<string, boolean>();
  const needs = (file: string, seen: Set<string>): boolean => {
    if (memo.has(file)) return memo.get(file)!;
    if (seen.has(file) || !existsSync(file)) return false;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    let result = false;
    for (const m of src.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'(\.\.?\/[^']+)'/g)) {
      const names = m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/)[0]!.replace(/^type\s+/, ''));
      const target = resolve(dirname(file), m[2]!.replace(/\.js$/, '.ts'));
      if (target === join(testsDir, 'paths.ts')) {
        if (names.includes('hasShared')) return false;
        if (names.some((n) => SHARED_NAMES.has(n))) result = true;
      } else if (target.startsWith(testsDir) && needs(target, seen)) result = true;
    }
    memo.set(file, result);
    return result;
  };
  return readdirTests(testsDir).filter((f) => needs(join(testsDir, f), new Set())).map((f) => `tests/${f}`);
}

function readdirTests(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort();
}
