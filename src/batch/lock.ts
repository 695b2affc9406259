// One run at a time per output folder. Two runs into one folder would both do all the work and remove each
// other's temporary files (`rename … ENOENT`, exit 2). A run holds `.juesuan/lock` (its pid, host and start
// time) from before it touches the folder until its batch files are written; a second run waits for it and
// then finds the documents up to date. A lock whose run is gone is taken over: on this host when its pid no
// longer exists (kill -9), from another host (a shared volume) when it has not been refreshed for
// STALE_AFTER_MS (the holder touches it every REFRESH_MS).
import { hostname } from 'node:os';
import { constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { access, link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

export interface LockHolder {
  pid: number;
  host: string;
  started: string;
}

export const REFRESH_MS = 10_000;
export const STALE_AFTER_MS = 60_000;
const POLL_MS = 250;

export const lockFile = (out: string) => join(out, '.juesuan', 'lock');

export const describeHolder = (h: LockHolder | null, out: string) =>
  h ? `another juesuan run (pid ${h.pid} on ${h.host}, started ${h.started}) is writing to ${out}` : `another juesuan run is writing to ${out}`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

async function isStale(file: string, h: LockHolder | null): Promise<boolean> {
  if (h && h.host === hostname()) return h.pid !== process.pid && !alive(h.pid);
  // Another host, or a lock being written this instant: only its age tells.
  const st = await stat(file).catch(() => null);
  return !!st && Date.now() - st.mtimeMs > STALE_AFTER_MS;
}

/** mkdir -p, but on a read-only or forbidden folder it says so: Node's recursive mkdir reports ENOENT there,
 *  about a folder that exists. */
async function mkdirHonest(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    let at = dir;
    while (!(await stat(at).catch(() => null)) && dirname(at) !== at) at = dirname(at);
    await access(at, constants.W_OK); // throws EROFS / EACCES when that is the reason
    throw err;
  }
}

export interface Lock {
  release(): Promise<void>;
}

/** Take the folder's lock, waiting while a live run holds it (`onWait` is told once who). */
export async function lockOutput(out: string, onWait?: (message: string) => void, signal?: AbortSignal): Promise<Lock> {
  await mkdirHonest(join(out, '.juesuan'));
  const file = lockFile(out);
  const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  let told = false;
  for (;;) {
    // Written aside, then linked into place: the lock never exists without its holder (a run killed
    // between creating and writing it would leave an empty lock that only its age could clear).
    const pending = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await writeFile(pending, JSON.stringify(me) + '\n', { flag: 'wx' });
      await link(pending, file);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(pending, { force: true });
    }
    const holder = await readHolder(file);
    if (await isStale(file, holder)) {
      // Move it aside first: of two runs taking over at once, only one moves it.
      const aside = `${file}.stale-${randomBytes(4).toString('hex')}`;
      await rename(file, aside).catch(() => undefined);
      await rm(aside, { force: true });
      continue;
    }
    if (!told) onWait?.(`${describeHolder(holder, out)}: waiting for it to finish`);
    told = true;
    if (signal?.aborted) throw signal.reason ?? new Error('interrupted');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const refresh = setInterval(() => void utimes(file, new Date(), new Date()).catch(() => undefined), REFRESH_MS);
  refresh.unref();
  return {
    async release() {
      clearInterval(refresh);
      // Only our own lock: never one a later run took over.
      const h = await readHolder(file);
      if (h && h.pid === me.pid && h.host === me.host && h.started === me.started) await rm(file, { force: true });
    },
  };
}
