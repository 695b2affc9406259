// Domain knowledge lives in patterns/*.yaml so that a domain expert can edit it without touching code.
// The build parses them once into dist/patterns.json (scripts/build-patterns.mjs); a file is read from there
// while its YAML still has the content it was compiled from, and parsed from YAML otherwise (an edit, or
// running from src/).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** The YAML parser, loaded only when a file must be parsed. */
const yaml = () => require('yaml') as typeof import('yaml');

const root = new URL('../patterns/', import.meta.url);
const cache = new Map<string, unknown>();
let compiled: Record<string, { sha1: string; value: unknown }> | null = null;

function compiledPatterns(): Record<string, { sha1: string; value: unknown }> {
  if (!compiled) {
    try {
      compiled = JSON.parse(readFileSync(new URL('./patterns.json', import.meta.url), 'utf8')) as typeof compiled;
    } catch {
      compiled = {};
    }
  }
  return compiled!;
}

/** Load and cache patterns/<name> (YAML, or plain text for `.txt`). */
export function loadPattern<T>(name: string): T {
  if (!cache.has(name)) {
    const text = readFileSync(new URL(name, root), 'utf8');
    if (name.endsWith('.txt')) cache.set(name, text);
    else {
      const c = compiledPatterns()[name];
      cache.set(name, c && c.sha1 === createHash('sha1').update(text).digest('hex') ? c.value : yaml().parse(text));
    }
  }
  return cache.get(name) as T;
}

export const patternsDir = root;
