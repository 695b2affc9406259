// Open a PDF with pdf.js (legacy build: the modern one needs browser globals on Node 20).
//
// pdf.js parses in its "worker". On Node it has no Web Worker and by default runs that code on the caller's
// own thread, where a damaged PDF can leave promises rejected that nobody ever handles: pdf.js's
// Catalog.getPageDict prefetches every top-level /Kids entry, and when the first page's XRef entry is bad it
// drops those prefetches (Catalog.cleanup, XRef recovery) still rejected. Node then kills the caller (a
// library user's process) or the batch worker (the next document fails as INTERNAL). So the parser runs on
// a thread of its own, shared by every document of this thread and spoken to over a MessagePort per
// document, as in a browser: a stray rejection there is pdf.js's own business and is dropped; anything
// thrown there (an out-of-memory included) still reaches this thread as before. Its console output goes
// to stderr, never into a `--json` stdout.
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, resourceLimits } from 'node:worker_threads';
import { JuesuanError } from '../../errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = import('pdfjs-dist/types/src/display/api.js').PDFDocumentProxy;

let pdfjs: Promise<PdfJs> | null = null;
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const pkgDir = () => dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/** cMaps and standard fonts from the installed package: without them a non-embedded Chinese font
 *  (STSong-Light, 宋体 by name only) yields no text at all. Resolved, never relative: npx and bundlers
 *  move the working directory. */
function assetDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const pkg = pkgDir();
  // On Node pdf.js reads these with fs.readFile(base + name): a plain path with a trailing slash, not a file: URL.
  const dir = (sub: string) => join(pkg, sub) + sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
}

// The parser thread: each message is a MessagePort for one document's pdf.js worker side.
const THREAD_CODE = `
const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads'); // CommonJS or ESM (--input-type)
// Rejections pdf.js leaves unhandled on damaged files (see load.ts): nothing waits for them.
process.on('unhandledRejection', () => {});
// pdf.js's WebAssembly decoders print with console.log: keep stdout for the program's own output.
console.log = console.info = console.debug = console.error.bind(console);
import(workerData.workerUrl).then(({ WorkerMessageHandler }) => {
  parentPort.on('message', (port) => WorkerMessageHandler.initializeFromPort(port));
});
`;

let thread: Worker | null = null;

function parserThread(): Worker {
  if (thread) return thread;
  const workerUrl = pathToFileURL(join(pkgDir(), 'legacy', 'build', 'pdf.worker.mjs')).href;
  const t = new Worker(THREAD_CODE, {
    eval: true,
    workerData: { workerUrl },
    // The same heap limit as this thread (a batch worker's --max-memory-mb), so a PDF that needs more
    // still ends as OUT_OF_MEMORY.
    resourceLimits: { maxOldGenerationSizeMb: resourceLimits.maxOldGenerationSizeMb },
  });
  t.unref(); // an open document's port keeps the process alive, the idle thread does not
  t.once('exit', () => {
    if (thread === t) thread = null;
  });
  thread = t;
  return t;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfJs();
  const { port1, port2 } = new MessageChannel();
  parserThread().postMessage(port2, [port2]);
  const worker = new lib.PDFWorker({ port: port1 as never, verbosity: 0 });
  const release = () => {
    worker.destroy();
    port1.close();
  };
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = lib.getDocument({
    data,
    worker,
    ...assetDirs(),
    cMapPacked: true,
    verbosity: 0, // errors only: pdf.js must not print warnings
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  let doc: PdfDocument;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    release();
    throw mapPdfError(err);
  }
  // The document owns its port: destroying it closes the port too.
  const destroy = doc.destroy.bind(doc);
  doc.destroy = () => destroy().finally(release);
  return doc;
}

export function mapPdfError(err: unknown): JuesuanError {
  if (err instanceof JuesuanError) return err;
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new JuesuanError('ENCRYPTED_PDF', 'the PDF is password-protected; remove the password and try again');
  return new JuesuanError('CORRUPT_PDF', 'the PDF is damaged or truncated and cannot be read');
}
