// Every output file is written to a temporary name in the same folder and renamed into place, so an
// interrupted run never leaves a half-written file under the real name.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TMP_MARK = '.juesuan-tmp-';

/** The temporary name `path` is written under before its rename (swept by sweepTemporaryFiles). */
export const tempName = (path: string) => join(dirname(path), `${TMP_MARK}${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}`);

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempName(path);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** A file written piece by piece (too big to build in memory), appearing under its name only on commit. */
export interface AtomicWriter {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Characters gathered before a write to the file: few enough that the pieces and their joined text stay in
 *  V8's young generation (a 1,000-page record is 12 million characters: at a million a write, the pieces
 *  waiting in `pending` outlived two scavenges and were promoted, growing the worker's old generation by
 *  ~25 MB of garbage while the record was written; issue 15), many enough that a write is not a system call
 *  per piece. 32K characters of JSON (two-byte strings: 64 KB) stays under V8's large-object size. */
const FLUSH_AT = 1 << 15;

export async function openAtomic(path: string): Promise<AtomicWriter> {
  const tmp = tempName(path);
  const fh = await open(tmp, 'w');
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!pending.length) return;
    const text = pending.join('');
    pending = [];
    size = 0;
    await fh.write(text);
  };
  return {
    async write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_AT) await flush();
    },
    async commit() {
      await flush();
      await fh.close();
      await rename(tmp, path);
    },
    async abort() {
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
    },
  };
}

/** Remove temporary files a killed run (SIGKILL, power loss) may have left in `dir`. */
export async function sweepTemporaryFiles(dir: string): Promise<number> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(TMP_MARK));
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
  return stale.length;
}
