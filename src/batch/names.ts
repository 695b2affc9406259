// Output names: `<basename>.json`, unless two inputs share a base name; then each gets a short content hash.
import { basename, extname } from 'node:path';

export function baseName(path: string): string {
  const b = basename(path);
  const ext = extname(b);
  return (ext ? b.slice(0, -ext.length) : b) || b;
}

export function outputNames(files: string[]): (sha8: string, path: string) => string {
  const counts = new Map<string, number>();
  for (const f of files) counts.set(baseName(f), (counts.get(baseName(f)) ?? 0) + 1);
  return (sha8, path) => {
    const b = baseName(path);
    return (counts.get(b) ?? 0) > 1 ? `${b}-${sha8}` : b;
  };
}
