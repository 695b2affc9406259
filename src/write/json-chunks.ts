// JSON text in pieces, byte for byte what JSON.stringify(value, null, space) gives whole: a 1,000-page record
// is 12 million characters of JSON (24 MB as a V8 string), built and held only to be written to a file.
// The pieces are the top levels of the value (an object's members, an array's elements), each serialised by
// JSON.stringify itself and indented to its depth; JSON.stringify never puts a raw line break inside a
// string, so indenting its line breaks is exact.
import type { AtomicWriter } from './atomic.js';

/** How many levels are split into pieces; below that an element is one JSON.stringify (a fact, a flag). */
const SPLIT_DEPTH = 2;

const isPlainContainer = (v: unknown): v is object => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** JSON.stringify drops these members of an object, and writes `null` for them in an array. */
const isSkipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * The pieces of JSON.stringify(value, null, space) (`space`: '' for compact, '  ' for the records' indent), in
 * order: their concatenation is that text exactly. Only plain data (what a record holds) is split; anything
 * with a toJSON is handed whole to JSON.stringify.
 */
export function* jsonChunks(value: unknown, space = '', depth = 0, pad = ''): Generator<string> {
  if (depth >= SPLIT_DEPTH || !isPlainContainer(value)) {
    const s = JSON.stringify(value, null, space);
    yield space && pad && s.includes('\n') ? s.replaceAll('\n', '\n' + pad) : s;
    return;
  }
  const inner = pad + space;
  const open = space ? '\n' + inner : '';
  const sep = space ? ',\n' + inner : ',';
  const close = space ? '\n' + pad : '';
  if (Array.isArray(value)) {
    if (!value.length) {
      yield '[]';
      return;
    }
    yield '[' + open;
    for (let i = 0; i < value.length; i++) {
      if (i) yield sep;
      const v = value[i];
      if (isSkipped(v)) yield 'null';
      else yield* jsonChunks(v, space, depth + 1, inner);
    }
    yield close + ']';
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (isSkipped(v)) continue;
    yield (first ? '{' + open : sep) + JSON.stringify(k) + (space ? ': ' : ':');
    first = false;
    yield* jsonChunks(v, space, depth + 1, inner);
  }
  yield first ? '{}' : close + '}';
}

/** Write JSON.stringify(value, null, space) to `w` a piece at a time. */
export async function writeJson(w: AtomicWriter, value: unknown, space = ''): Promise<void> {
  for (const piece of jsonChunks(value, space)) await w.write(piece);
}
