import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { hasShared, shared, testsNeedingShared } from './tests/paths.js';

// The tests that read ../shared (seed report, real corpus) are left out, with one line, where it is absent.
const needShared = hasShared ? [] : testsNeedingShared();
if (needShared.length)
  console.warn(`juesuan tests: no shared test material at ${shared} (see README, "Tests"): skipping ${needShared.length} test files that need it: ${needShared.map((f) => f.replace(/^tests\//, '')).join(', ')}`);

// The real-corpus regression files: the check and table-reading logic measured on every corpus document, its
// page-text dumps and the OCR of the whole scanned seed. Pure computation on what ingest gives, so one Node
// version says what another would; CI runs them on Node 20 and leaves them out of its Node 22 and 24 runs
// (JUESUAN_TESTS=portability), where every ingest format, native module, worker, CLI and batch test still runs.
const corpusRegression = [
  'tests/layout-tables.test.ts',
  'tests/layout-agreement.test.ts',
  'tests/identities-tables.test.ts',
  'tests/restate-real.test.ts',
  'tests/claims-real.test.ts',
  'tests/corpus-defects.test.ts',
  'tests/ledger-real.test.ts',
  'tests/real-yusuan.test.ts',
];
const portability = process.env.JUESUAN_TESTS === 'portability';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...needShared, ...(portability ? corpusRegression : [])],
    // OCR and PDF tests load models and big documents; 2-core CI machines are slow. Vitest's default leaves
    // a core idle (n − 1 workers): on 2 cores that is one worker, and much of the suite waits on child processes.
    maxWorkers: Math.max(availableParallelism(), 2),
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
