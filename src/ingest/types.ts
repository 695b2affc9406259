import type { Block, Flag } from '../model.js';

export type OcrMode = 'auto' | 'off' | 'force';
export type OcrEngineName = 'paddle' | 'tesseract' | 'both';

export interface IngestOptions {
  ocr: OcrMode;
  ocrEngine: OcrEngineName;
  /** Which engine reads PDF text layers and rules: PDFium (default) or pdf.js; `JUESUAN_PDF_ENGINE` sets it too. */
  pdfEngine?: 'pdfium' | 'pdfjs';
  /** Abort long work (the batch runner's per-document timeout). */
  signal?: AbortSignal;
  /** Told after each OCR'd page: pages done and pages to OCR in this document (progress, ETA). */
  onOcrPage?: (done: number, total: number) => void;
}

export const defaultIngestOptions: IngestOptions = { ocr: 'auto', ocrEngine: 'paddle' };

/** One backend per input format, all emitting the same blocks: nothing after ingest knows the format. */
export interface BackendResult {
  pages: number;
  ocrPages: number[];
  blocks: Block[];
  flags: Flag[];
  /** Pictures inside the report's own content that hold no text here (a web page's <img>s): a page that
   *  prints its tables as pictures has no table text to read. */
  pictures?: number;
  /** Pages without text among pages with text (src/ingest/unread-pages.ts). */
  unreadPages?: number[];
}

export type Backend = (bytes: Uint8Array, options: IngestOptions) => Promise<BackendResult>;

/** Set by the batch runner in each worker: how many threads one document may use (OCR pages in
 *  parallel), so that workers × threads stays within the cores. */
export const THREADS_ENV = 'JUESUAN_THREADS_PER_DOCUMENT';
