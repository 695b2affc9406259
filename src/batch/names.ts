// Output names: `<basename>.json`, unless two inputs share a base name; then each gets a short content hash,
// and inputs that also share their content (the same file in two folders) a counter: `<b>-<sha8>-2`. The
// names depend only on the whole input list and its hashes, so every shard of a corpus agrees on them.
import { basename, extname } from 'node:path';

export function baseName(path: string): string {
  const b = basename(path);
  const ext = extname(b);
  return (ext ? b.slice(0, -ext.length) : b) || b;
}

/** One name per input (in the same order); null for an input that could not be hashed. */
export function outputNames(inputs: { path: string; sha256: string | null }[]): (string | null)[] {
  const counts = new Map<string, number>();
  for (const { path } of inputs) counts.set(baseName(path), (counts.get(baseName(path)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return inputs.map(({ path, sha256 }) => {
    if (!sha256) return null;
    const b = baseName(path);
    if ((counts.get(b) ?? 0) < 2) return b;
    const name = `${b}-${sha256.slice(0, 8)}`;
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name}-${n}`;
  });
}
