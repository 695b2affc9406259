import { defineConfig } from 'vitest/config';
import { hasShared, shared, testsNeedingShared } from './tests/paths.js';

// The tests that read ../shared (seed report, real corpus) are left out, with one line, where it is absent.
const needShared = hasShared ? [] : testsNeedingShared();
if (needShared.length)
  console.warn(`juesuan tests: no shared test material at ${shared} (see README, "Tests"): skipping ${needShared.length} test files that need it: ${needShared.map((f) => f.replace(/^tests\//, '')).join(', ')}`);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...needShared],
    // OCR and PDF tests load models and big documents; 2-core CI machines are slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
