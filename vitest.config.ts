import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // OCR and PDF tests load models and big documents; 2-core CI machines are slow.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
