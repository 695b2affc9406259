// `npm run build` step, after tsc: the batch worker (dist/batch/worker.js and the pipeline it imports) bundled
// by esbuild into dist/worker.bundle.js, so that each worker thread loads a few files instead of ~170 modules
// (our ~75 and zod's ~95): on a one-page PDF the CLI's CPU goes from ~0.68 to ~0.56 s. The bundle sits in
// dist/ itself because src/patterns.ts and src/version.ts find patterns/, dist/patterns.json and
// package.json from their own URL. Every dependency but zod stays a package import (native and wasm
// modules, and the format readers that are imported only when a document needs them); code imported with
// `await import()` stays in chunks of its own (worker-chunk-*.js), loaded as before only when needed.
// src/batch/pool.ts runs the bundle when it is there, else dist/batch/worker.js.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const dist = new URL('../dist/', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.optionalDependencies ?? {})].filter((d) => d !== 'zod');
// Chunks of an earlier build (their names carry a content hash).
for (const f of readdirSync(dist)) if (/^worker-chunk-.*\.js$|^worker\.bundle\.js$/.test(f)) rmSync(new URL(f, dist));
await build({
  entryPoints: { 'worker.bundle': new URL('batch/worker.js', dist).pathname },
  outdir: new URL('.', dist).pathname,
  chunkNames: 'worker-chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  logLevel: 'warning',
});
