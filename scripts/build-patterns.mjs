// `npm run build` step: patterns/*.yaml parsed once at build time into dist/patterns.json, so that a worker
// reads JSON instead of running the YAML parser (about a second of CPU per worker under load). Each entry
// keeps the SHA-1 of the YAML it came from: src/patterns.ts uses an entry only while the file still has that
// content, so a domain expert's edit to patterns/ takes effect without a rebuild.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';

const root = new URL('../patterns/', import.meta.url);
const out = {};
for (const name of readdirSync(root).filter((n) => n.endsWith('.yaml')).sort()) {
  const text = readFileSync(new URL(name, root), 'utf8');
  const value = parse(text);
  // Only what JSON carries unchanged (no dates, no non-finite numbers): anything else stays YAML.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(value)), value)) continue;
  out[name] = { sha1: createHash('sha1').update(text).digest('hex'), value };
}
// `node scripts/build-patterns.mjs [out.json]` (tests compile to a file of their own)
writeFileSync(process.argv[2] ?? new URL('../dist/patterns.json', import.meta.url), JSON.stringify(out));
