// OCR of PDF pages without a usable text layer (issue 7). Placeholder: no engine yet.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Flag, Line } from '../../model.js';
import type { IngestOptions } from '../types.js';

export interface OcrPageResult {
  page: number;
  lines: Line[];
  flags: Flag[];
}

/** Render and recognise the given 1-based pages; lines carry `loc.page`/`loc.line` and `ocr`. */
export async function ocrPages(_pdf: PDFDocumentProxy, _pages: number[], _options: IngestOptions): Promise<OcrPageResult[]> {
  return [];
}
