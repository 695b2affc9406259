// The build's compiled patterns (dist/patterns.json, scripts/build-patterns.mjs) are the YAML files' own
// values, keyed by the content they came from; loadPattern gives the same value either way.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPattern } from '../src/patterns.js';

const root = new URL('../patterns/', import.meta.url);

describe('compiled patterns', () => {
  it('hold every YAML file of patterns/ with its value and the hash of its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'juesuan-patterns-'));
    const file = join(dir, 'patterns.json');
    execFileSync('node', [new URL('../scripts/build-patterns.mjs', import.meta.url).pathname, file]);
    const compiled = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { sha1: string; value: unknown }>;
    rmSync(dir, { recursive: true, force: true });
    const names = readdirSync(root).filter((n) => n.endsWith('.yaml')).sort();
    expect(Object.keys(compiled).sort()).toEqual(names);
    for (const name of names) {
      const text = readFileSync(new URL(name, root), 'utf8');
      expect(compiled[name]!.sha1, name).toBe(createHash('sha1').update(text).digest('hex'));
      expect(compiled[name]!.value, name).toEqual(parse(text));
      expect(loadPattern(name), name).toEqual(parse(text));
    }
  });
});
