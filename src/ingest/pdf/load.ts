// Open a PDF with pdf.js (legacy build: the modern one needs browser globals on Node 20).
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { JuesuanError } from '../../errors.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = import('pdfjs-dist/types/src/display/api.js').PDFDocumentProxy;

let pdfjs: Promise<PdfJs> | null = null;
export const loadPdfJs = (): Promise<PdfJs> => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** cMaps and standard fonts from the installed package: without them a non-embedded Chinese font
 *  (STSong-Light, 宋体 by name only) yields no text at all. Resolved, never relative: npx and bundlers
 *  move the working directory. */
function assetDirs(): { cMapUrl: string; standardFontDataUrl: string; wasmUrl: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  // On Node pdf.js reads these with fs.readFile(base + name): a plain path with a trailing slash, not a file: URL.
  const dir = (sub: string) => join(pkg, sub) + sep;
  return { cMapUrl: dir('cmaps'), standardFontDataUrl: dir('standard_fonts'), wasmUrl: dir('wasm') };
}

export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const lib = await loadPdfJs();
  // pdf.js takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const data = new Uint8Array(bytes);
  const task = lib.getDocument({
    data,
    ...assetDirs(),
    cMapPacked: true,
    verbosity: 0, // errors only: pdf.js must not print warnings
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => {});
    throw mapPdfError(err);
  }
}

export function mapPdfError(err: unknown): JuesuanError {
  if (err instanceof JuesuanError) return err;
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'PasswordException') return new JuesuanError('ENCRYPTED_PDF', 'the PDF is password-protected; remove the password and try again');
  return new JuesuanError('CORRUPT_PDF', 'the PDF is damaged or truncated and cannot be read');
}
