// Expand the command line's files, directories (walked recursively) and globs into a sorted file list.
// Only regular files are documents: a FIFO, a character device (/dev/zero) or a socket is NOT_A_FILE before
// anything opens it (opening a FIFO waits for a writer, reading /dev/zero never ends). Symbolic links are
// followed, in folders too, with a guard against loops; the same file reached twice (named twice, or through
// a link) is one document, under the first of its paths in sort order.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { NOT_A_FILE_MESSAGE } from '../errors.js';
import type { ErrorLine } from '../write/batch-files.js';

export interface Expanded {
  files: string[];
  errors: ErrorLine[];
}

/** What a path is, following links; null when it does not exist (or is a broken link). */
const statOf = (p: string): Promise<Stats | null> => stat(p).catch(() => null);

interface Walk {
  files: string[];
  errors: ErrorLine[];
  /** Real paths of the folders walked: a link back up the tree is not followed again. */
  seen: Set<string>;
  outside: (p: string) => boolean;
}

async function walk(dir: string, w: Walk): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) {
    w.errors.push({ path: dir, code: 'NOT_FOUND', message: 'the folder cannot be read (permission denied?)' });
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue; // hidden files and our own temporary files
    const p = join(dir, e.name);
    if (!w.outside(p)) continue;
    const st = e.isSymbolicLink() ? await statOf(p) : e;
    if (!st) w.errors.push({ path: p, code: 'NOT_FOUND', message: 'a symbolic link to nothing' });
    else if (st.isDirectory()) await walkOnce(p, w);
    else if (st.isFile()) w.files.push(p);
    else w.errors.push({ path: p, code: 'NOT_A_FILE', message: NOT_A_FILE_MESSAGE });
  }
}

async function walkOnce(dir: string, w: Walk): Promise<void> {
  const real = await realpath(dir).catch(() => resolve(dir));
  if (w.seen.has(real)) return;
  w.seen.add(real);
  await walk(dir, w);
}

export async function expandInputs(inputs: string[], exclude: string[] = []): Promise<Expanded> {
  const files: string[] = [];
  const errors: ErrorLine[] = [];
  // The output folder may sit inside an input folder (`extract . --out output`): never read it back.
  const outside = (f: string) => !exclude.some((x) => resolve(f) === resolve(x) || resolve(f).startsWith(resolve(x) + sep));
  for (const input of inputs) {
    const st = await statOf(input);
    if (st?.isDirectory()) {
      const w: Walk = { files: [], errors: [], seen: new Set(), outside };
      await walkOnce(input, w);
      if (!w.files.length && !w.errors.length) errors.push({ path: input, code: 'NO_DOCUMENTS', message: 'the directory holds no documents' });
      files.push(...w.files);
      errors.push(...w.errors);
    } else if (st?.isFile()) {
      files.push(input);
    } else if (st) {
      errors.push({ path: input, code: 'NOT_A_FILE', message: NOT_A_FILE_MESSAGE });
    } else if (isDynamicPattern(input)) {
      const found = await glob(input, { onlyFiles: true, dot: false });
      if (!found.length) errors.push({ path: input, code: 'NO_DOCUMENTS', message: 'the pattern matches no files' });
      for (const f of found) {
        if ((await statOf(f))?.isFile()) files.push(f);
        else errors.push({ path: f, code: 'NOT_A_FILE', message: NOT_A_FILE_MESSAGE });
      }
    } else {
      errors.push({ path: input, code: 'NOT_FOUND', message: 'no such file or directory' });
    }
  }
  return { files: await oncePerFile(files), errors: dedupeErrors(errors) };
}

/** Sorted, each file once: two paths to one file (by its real path) keep the first in sort order. */
async function oncePerFile(files: string[]): Promise<string[]> {
  const byFile = new Map<string, string>();
  for (const f of [...new Set(files)].sort()) {
    const real = await realpath(f).catch(() => resolve(f));
    if (!byFile.has(real)) byFile.set(real, f);
  }
  return [...byFile.values()].sort();
}

function dedupeErrors(errors: ErrorLine[]): ErrorLine[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.path) && !!seen.add(e.path));
}
