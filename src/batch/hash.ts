// Content hashes of the inputs, read as streams so that a big file never sits in memory whole.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import PQueue from 'p-queue';

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => h.update(chunk))
      .on('end', () => resolve(h.digest('hex')));
  });
}

export const sha256Text = (s: string) => createHash('sha256').update(s).digest('hex');

/** Hash many files, a few at a time; a file that cannot be read gets its error instead. */
export async function hashAll(paths: string[], concurrency = 8): Promise<({ sha256: string } | { error: unknown })[]> {
  const queue = new PQueue({ concurrency });
  return Promise.all(
    paths.map((p) =>
      queue.add(async () => {
        try {
          return { sha256: await sha256File(p) };
        } catch (error) {
          return { error };
        }
      }),
    ),
  ) as Promise<({ sha256: string } | { error: unknown })[]>;
}
