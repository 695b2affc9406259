// Render one PDF page to PNG with pdf.js on @napi-rs/canvas (pdf.js's own Node canvas factory); PDFium's
// renderer (src/ingest/pdf/pdfium.ts) hands its pixels to pngOf.
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

/** About an A4 page at 170 dpi: caps memory per page (the PP-OCR detector holds several float copies
 *  of the image) whatever size the page claims to be. */
export const MAX_PIXELS = 4_000_000;
/** Canvas side limit, against absurd aspect ratios. */
const MAX_SIDE = 8000;

export interface RenderedPage {
  png: Buffer;
  /** Pixels per page point actually used (lower than dpi/72 when the page was capped). */
  scale: number;
  width: number;
  height: number;
  /** Image pixel → PDF user space (points, y up), whatever the page's rotation and origin. */
  toPdf(x: number, y: number): [number, number];
}

interface CanvasAndContext {
  canvas: { toBuffer(mime: 'image/png'): Buffer } | null;
  context: unknown;
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(cc: CanvasAndContext): void;
}

export function renderScale(widthPt: number, heightPt: number, dpi: number, maxPixels = MAX_PIXELS): number {
  let scale = dpi / 72;
  const px = widthPt * heightPt * scale * scale;
  if (px > maxPixels) scale *= Math.sqrt(maxPixels / px);
  const side = Math.max(widthPt, heightPt) * scale;
  if (side > MAX_SIDE) scale *= MAX_SIDE / side;
  return scale;
}

export async function renderPage(pdf: PDFDocumentProxy, pageNo: number, dpi: number, maxPixels = MAX_PIXELS): Promise<RenderedPage> {
  const page = await pdf.getPage(pageNo);
  try {
    const base = page.getViewport({ scale: 1 });
    const scale = renderScale(base.width, base.height, dpi, maxPixels);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const factory = (pdf as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const cc = factory.create(width, height);
    try {
      // A scan's background may be transparent: paint white, the OCR models expect ink on paper.
      await page.render({ canvas: cc.canvas as never, canvasContext: cc.context as never, viewport, background: 'white' }).promise;
      const toPdf = (x: number, y: number) => viewport.convertToPdfPoint(x, y) as [number, number];
      return { png: cc.canvas!.toBuffer('image/png'), scale, width, height, toPdf };
    } finally {
      factory.destroy(cc);
    }
  } finally {
    // Drop the decoded page image now: a 500-page scan must not keep them all.
    page.cleanup();
  }
}

/** RGBA pixels → PNG (@napi-rs/canvas's encoder, off the JavaScript thread). */
export async function pngOf(rgba: Uint8ClampedArray, width: number, height: number): Promise<Buffer> {
  const { createCanvas, ImageData } = await import('@napi-rs/canvas');
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').putImageData(new ImageData(rgba, width, height), 0, 0);
  const png = await canvas.encode('png');
  // Free the native surface now, not when the GC (which does not see its size) gets to it.
  canvas.width = canvas.height = 1;
  return png;
}
