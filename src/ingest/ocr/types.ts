// What every OCR engine returns, whatever its library: boxes of text with per-character confidence
// and position, so lines can be rebuilt and numbers compared across engines.

/** An axis-aligned rectangle in page points (1/72 inch), origin at the top-left of the rendered page. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One recognised character: `x` is its horizontal centre in the same units as the box. */
export interface Glyph {
  ch: string;
  confidence: number;
  x: number;
}

/** A run of text the engine found (a detected text box for PP-OCR, a word for tesseract). */
export interface OcrBox {
  text: string;
  /** 0..1, the engine's mean confidence for the box. */
  confidence: number;
  box: Rect;
  /** One entry per character of `text`, when the engine reports them. */
  glyphs: Glyph[];
  /** The text's slope in the image (dy/dx, y down), when the engine's box follows it (PP-OCR's do). */
  slope?: number;
}

export interface OcrEngine {
  readonly name: 'paddle' | 'tesseract' | string;
  /** Render resolution this engine reads best at (measured: scripts/bench-ocr.ts). */
  readonly dpi: number;
  /** Below this a character's confidence makes the number it belongs to uncertain. */
  readonly lowConfidence: number;
  /** Boxes in image pixels of the given PNG. An engine that reads a page in several steps stops between
   *  them once `signal` is aborted (Ctrl-C stops a page in about a second, not after the page). */
  recognize(png: Buffer, signal?: AbortSignal): Promise<OcrBox[]>;
  close(): Promise<void>;
}

/** A recognised box as a pdf.js-style text item (PDF user space, points, y up; `transform[4..5]` the
 *  box's bottom-left), so a PDF backend can lay OCR pages out with the same code as text pages. */
export interface OcrTextItem {
  str: string;
  transform: [number, number, number, number, number, number];
  width: number;
  height: number;
  confidence: number;
}
