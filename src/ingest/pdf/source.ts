// Where the PDF backend gets a page's text items and drawn rules from: PDFium (src/ingest/pdf/pdfium.ts, the
// default) or pdf.js (this file). Both give the same things in the same units (PDF points, user space),
// so nothing after this point knows which engine read the page.
import { loadPdfJs, openPdf, type PdfDocument } from './load.js';
import { toGlyphs, type Glyph, type RawItem } from './layout.js';
import { pageRulings, type Rulings } from './rulings.js';
import { renderPage, type RenderedPage } from '../ocr/render.js';

export interface SourcePage {
  /** The page's visible box (crop ∩ media), [x0, y0, x1, y1]. */
  view: number[];
  /** The page's /Rotate (degrees clockwise as displayed); text runs and rules are in user space. */
  rotate?: number;
  /** Text runs in content order, blank ones dropped. */
  glyphs: Glyph[];
  /** Whether the page paints images or paths (a scan or a drawing worth OCR). */
  hasInk(): Promise<boolean>;
  /** The page's rules, read while the page is open (engines that parse a page once for everything). */
  rulings?(): Rulings;
  release(): void;
}

export interface PageRaster extends Omit<RenderedPage, 'png'> {
  cut(left: number, top: number, width: number, height: number): Uint8ClampedArray;
  release(): void;
}

export interface PdfSource {
  engine: 'pdfium' | 'pdfjs';
  numPages: number;
  page(p: number): Promise<SourcePage>;
  /** Rules of a page, read on demand (memoised by the caller). */
  rulings(p: number): Promise<Rulings>;
  /** The pdf.js document (the fallback reader; scripts that render with pdf.js). */
  pdfjs(): Promise<PdfDocument>;
  /** Page `p` rendered to PNG at `dpi` (capped at `maxPixels`), white background: the report's crops. OCR
   *  renders with pdf.js (pdfjs()): PDFium's downsampling of a 1-bit scan left six of the scanned seed's
   *  numbers under the confidence bar (OCR_UNCERTAIN), pdf.js's reads them all as before. */
  render(p: number, dpi: number, maxPixels?: number): Promise<RenderedPage>;
  /** The same page, for cutting crops from without a PNG (and without rendering the rest of the page):
   *  its size in pixels at `dpi`, the pixel → PDF map, and `cut` (RGBA pixels of a rectangle of it, rendered
   *  alone: the whole page's pixels there, but for the anti-aliasing of a few rules and glyphs); only where
   *  the engine can (PDFium). `release` when done. */
  raster?(p: number, dpi: number, maxPixels?: number): Promise<PageRaster>;
  destroy(): Promise<void>;
}

export async function pdfjsSource(bytes: Uint8Array): Promise<PdfSource> {
  const pdf = await openPdf(bytes);
  return {
    engine: 'pdfjs',
    numPages: pdf.numPages,
    async page(p) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
      return {
        view: page.view,
        rotate: page.rotate,
        glyphs: toGlyphs(content.items as RawItem[]),
        hasInk: () => hasInk(page),
        release: () => page.cleanup(),
      };
    },
    rulings: (p) => pageRulings(pdf, p),
    pdfjs: async () => pdf,
    render: (p, dpi, maxPixels) => renderPage(pdf, p, dpi, maxPixels),
    destroy: () => pdf.destroy().catch(() => {}),
  };
}

/** A page with no text but with images or painted paths is a scan (or a drawing) worth OCR. */
async function hasInk(page: Awaited<ReturnType<PdfDocument['getPage']>>): Promise<boolean> {
  const { OPS } = await loadPdfJs();
  const ink = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke]);
  const ops = await page.getOperatorList();
  return ops.fnArray.some((fn) => ink.has(fn));
}
