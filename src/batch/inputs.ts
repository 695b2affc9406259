// Expand the command line's files, directories (walked recursively) and globs into a sorted file list.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { ErrorLine } from '../write/batch-files.js';

export interface Expanded {
  files: string[];
  errors: ErrorLine[];
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue; // hidden files and our own temporary files
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

export async function expandInputs(inputs: string[], exclude: string[] = []): Promise<Expanded> {
  const files: string[] = [];
  const errors: ErrorLine[] = [];
  for (const input of inputs) {
    const st = await stat(input).catch(() => null);
    if (st?.isDirectory()) {
      // The output folder may sit inside an input folder (`extract . --out output`): never read it back.
      const outside = (f: string) => !exclude.some((x) => resolve(f) === resolve(x) || resolve(f).startsWith(resolve(x) + sep));
      const found = (await walk(input)).filter(outside);
      if (!found.length) errors.push({ path: input, code: 'NO_DOCUMENTS', message: 'the directory holds no documents' });
      files.push(...found);
    } else if (st) {
      files.push(input);
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { onlyFiles: true, dot: false });
      if (!found.length) errors.push({ path: input, code: 'NO_DOCUMENTS', message: 'the pattern matches no files' });
      files.push(...found);
    } else {
      errors.push({ path: input, code: 'NOT_FOUND', message: 'no such file or directory' });
    }
  }
  return { files: [...new Set(files)].sort(), errors };
}
