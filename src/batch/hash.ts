// Content hashes of the inputs, read as streams so that a big file never sits in memory whole.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { JuesuanError, NOT_A_FILE_MESSAGE } from '../errors.js';
import PQueue from 'p-queue';

/** Opened without blocking and checked to be a regular file before a byte is read: a FIFO put in the
 *  place of a file after the inputs were listed is NOT_A_FILE, not a run that waits for ever. */
export async function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  const fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await fh.stat()).isFile()) throw new JuesuanError('NOT_A_FILE', NOT_A_FILE_MESSAGE);
    const h = createHash('sha256');
    let size = 0;
    for await (const chunk of fh.createReadStream({ autoClose: false }) as AsyncIterable<Buffer>) {
      h.update(chunk);
      size += chunk.length;
    }
    return { sha256: h.digest('hex'), size };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

export const sha256Text = (s: string) => createHash('sha256').update(s).digest('hex');

/** Hash many files, a few at a time; a file that cannot be read gets its error instead. */
export type Hashed = { sha256: string; size: number } | { error: unknown };

export async function hashAll(paths: string[], concurrency = 8): Promise<Hashed[]> {
  const queue = new PQueue({ concurrency });
  return Promise.all(
    paths.map((p) =>
      queue.add(async () => {
        try {
          return await sha256File(p);
        } catch (error) {
          return { error };
        }
      }),
    ),
  ) as Promise<Hashed[]>;
}
