// Test-only hooks, read from the environment by the worker, so that tests can make a real run slow, hang or
// run out of memory without a pathological input. Never set them in production.
//   JUESUAN_TEST_DELAY_MS=N       every document waits N ms before it is processed (to kill a run mid-way)
//   JUESUAN_TEST_HANG=substring   a document whose path contains it spins the CPU forever (the timeout kills it)
//   JUESUAN_TEST_OOM=substring    a document whose path contains it allocates until the worker's heap limit
export async function applyTestHooks(path: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const delay = Number(env.JUESUAN_TEST_DELAY_MS ?? 0);
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  if (env.JUESUAN_TEST_HANG && path.includes(env.JUESUAN_TEST_HANG)) {
    for (;;); // a busy loop: only terminating the thread stops it
  }
  if (env.JUESUAN_TEST_OOM && path.includes(env.JUESUAN_TEST_OOM)) {
    const hog: number[][] = [];
    for (;;) hog.push(Array.from({ length: 1e5 }, (_, i) => i * Math.random()));
  }
}
