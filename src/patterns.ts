// Domain knowledge lives in patterns/*.yaml so that a domain expert can edit it without touching code.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const root = new URL('../patterns/', import.meta.url);
const cache = new Map<string, unknown>();

/** Load and cache patterns/<name> (YAML, or plain text for `.txt`). */
export function loadPattern<T>(name: string): T {
  if (!cache.has(name)) {
    const text = readFileSync(new URL(name, root), 'utf8');
    cache.set(name, name.endsWith('.txt') ? text : parse(text));
  }
  return cache.get(name) as T;
}

export const patternsDir = root;
