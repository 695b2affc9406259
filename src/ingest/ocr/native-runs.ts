// Native model runs (onnxruntime-node) in flight on this thread. Terminating a thread during one aborts the whole
// process, so the batch pool asks the worker for this count and waits for none to be left before it terminates a
// worker past its time (src/batch/pool.ts). A module of its own: the worker reads it without loading the OCR.
let runs = 0;
export const nativeRunsInFlight = () => runs;
export async function countedRun<T>(run: () => Promise<T>): Promise<T> {
  runs++;
  try {
    return await run();
  } finally {
    runs--;
  }
}
