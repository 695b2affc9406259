// Content hashes of the inputs, read as streams so that a big file never sits in memory whole.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import PQueue from 'p-queue';

export function sha256File(path: string): Promise<{ sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    let size = 0;
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => {
        h.update(chunk);
        size += chunk.length;
      })
      .on('end', () => resolve({ sha256: h.digest('hex'), size }));
  });
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
