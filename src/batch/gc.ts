// A full garbage collection when the heap has grown well past what was live at the last one (issue 15,
// memory flat in pages). V8 lets garbage build up to several times the live heap before it collects (in
// the main thread, whose heap limit is large, up to 4×; in a worker with a 1 GB limit ~1.6×), and that
// garbage is held as RSS: after check a 1,000-page document's worker heap holds 75-95 MB for 37 MB live,
// and the end of the run streams a 1,000-page record's rows through the main thread's heap. Collected at
// a few points (before the evidence's crops, between a record's tables), the peak is what is live plus
// what one step makes. Cheap to call: it collects only once the heap has grown past both a floor and 1.5×
// what the last collection left, so a long batch does not collect at every document.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const FLOOR = 48 * 1024 * 1024;
let fullGc: (() => void) | null | undefined;
let live = 0;

/** V8's `gc` without --expose-gc on the command line: the flag set for a moment, a new context's `gc`
 *  taken, the flag unset (a context another thread makes meanwhile only gets a `gc` function too). */
function gcFunction(): (() => void) | null {
  if (fullGc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      fullGc = runInNewContext('gc') as () => void;
    } catch {
      fullGc = null;
    } finally {
      setFlagsFromString('--no-expose-gc');
    }
  }
  return fullGc;
}

/** Collect (true: collected) when the heap has grown past the floor and 1.5× what the last collection left; `atLeastFloor`:
 *  past the floor alone (a moment known to come before a large native allocation, the evidence's crops). */
export function collectGarbage(atLeastFloor = false): boolean {
  if (getHeapStatistics().used_heap_size < Math.max(FLOOR, atLeastFloor ? 0 : 1.5 * live)) return false;
  const gc = gcFunction();
  if (!gc) return false;
  gc();
  live = getHeapStatistics().used_heap_size;
  return true;
}
