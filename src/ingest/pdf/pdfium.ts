// PDFium (compiled to WebAssembly, @embedpdf/pdfium) as the PDF text layer: text runs and drawn rules of a
// page from one parse, several times faster than pdf.js and with a heap that does not grow with the page
// count. Three rules make its runs read like pdf.js's items (so layout, tables and every later stage see the
// same input): font size = the font's size × the character matrix's scale; characters outside the page's
// visible box are dropped; characters are grouped into runs along the text direction (rotated pages).
// When the WebAssembly module cannot load, or PDFium cannot open a file, pdf.js reads it instead: damaged
// and encrypted files get exactly pdf.js's verdict.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Glyph } from './layout.js';
import { openPdf, type PdfDocument } from './load.js';
import { pngOf, renderScale, MAX_PIXELS, type RenderedPage } from '../ocr/render.js';
import { addPath, multiply, type Matrix, type Rulings } from './rulings.js';
import { pdfjsSource, type PdfSource, type SourcePage } from './source.js';

export const PDF_ENGINE_ENV = 'JUESUAN_PDF_ENGINE';

type Fn = (...args: number[]) => number;
interface Heap {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}
interface Pdfium {
  f: Record<string, Fn>;
  heap: Heap;
  malloc(n: number): number;
  free(p: number): void;
  /** 64 bytes of scratch for out-parameters. */
  scratch: number;
}

let module: Promise<Pdfium | null> | null = null;

/** The WebAssembly module, once per process; null when it cannot load here (then pdf.js reads PDFs). */
export function loadPdfium(): Promise<Pdfium | null> {
  return (module ??= (async () => {
    try {
      const { init } = await import('@embedpdf/pdfium');
      const wasmBinary = await readFile(createRequire(import.meta.url).resolve('@embedpdf/pdfium/pdfium.wasm'));
      const m = await init({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) as ArrayBuffer });
      m.PDFiumExt_Init();
      const raw = m.pdfium as unknown as Heap;
      // The WebAssembly exports themselves: the module's `_FPDF…` functions are checking wrappers (an
      // assertion build: rest arguments, two asserts and a lookup per call), several per glyph.
      const exports = m.pdfium.wasmExports as unknown as Record<string, unknown>;
      const f: Record<string, Fn> = {};
      for (const [name, fn] of Object.entries(exports)) if (typeof fn === 'function') f[`_${name}`] = fn as Fn;
      const { malloc, free } = m.pdfium.wasmExports;
      return { f, heap: raw, malloc, free, scratch: malloc(64) };
    } catch {
      return null;
    }
  })());
}

/** After a trap inside PDFium its memory may be inconsistent: pdf.js reads the rest. */
export function disablePdfium(): void {
  module = Promise.resolve(null);
}

/** The engine asked for (option, then environment), PDFium by default. */
export async function openSource(bytes: Uint8Array, engine?: 'pdfium' | 'pdfjs'): Promise<PdfSource> {
  const wanted = engine ?? (process.env[PDF_ENGINE_ENV] === 'pdfjs' ? 'pdfjs' : 'pdfium');
  if (wanted === 'pdfjs') return pdfjsSource(bytes);
  const lib = await loadPdfium();
  return (lib && pdfiumSource(lib, bytes)) ?? pdfjsSource(bytes);
}

function pdfiumSource(lib: Pdfium, bytes: Uint8Array): PdfSource | null {
  const { f } = lib;
  const buf = lib.malloc(Math.max(1, bytes.length));
  lib.heap.HEAPU8.set(bytes, buf);
  const doc = f._FPDF_LoadMemDocument!(buf, bytes.length, 0);
  if (!doc) {
    lib.free(buf);
    return null;
  }
  let closed = false;
  let pdfjs: Promise<PdfDocument> | null = null;
  const close = () => {
    if (closed) return;
    closed = true;
    f._FPDF_CloseDocument!(doc);
    lib.free(buf);
  };
  const withPage = <T>(p: number, read: (page: number) => T, empty: T): T => {
    const page = f._FPDF_LoadPage!(doc, p - 1);
    if (!page) return empty;
    try {
      return read(page);
    } finally {
      f._FPDF_ClosePage!(page);
    }
  };
  const pixels = (p: number, dpi: number, maxPixels: number) => {
    const page = f._FPDF_LoadPage!(doc, p - 1);
    if (!page) throw new Error(`PDFium could not load page ${p}`);
    try {
      return renderPdfiumPage(lib, page, dpi, maxPixels);
    } finally {
      f._FPDF_ClosePage!(page);
    }
  };
  return {
    engine: 'pdfium',
    numPages: f._FPDF_GetPageCount!(doc),
    async page(p): Promise<SourcePage> {
      // Everything is read while the page is open; the page is parsed once.
      const page = f._FPDF_LoadPage!(doc, p - 1);
      if (!page) return { view: [0, 0, 612, 792], glyphs: [], hasInk: async () => false, release: () => {} };
      let open = true;
      const view = pageView(lib, page);
      const glyphs = pageGlyphs(lib, page, view);
      let rules: Rulings | null = null;
      return {
        view,
        rotate: f._FPDFPage_GetRotation!(page) * 90,
        glyphs,
        hasInk: async () => (open ? objectsHaveInk(lib, page) : withPage(p, (pg) => objectsHaveInk(lib, pg), false)),
        rulings: () => (rules ??= open ? pageRulings(lib, page) : withPage(p, (pg) => pageRulings(lib, pg), { h: [], v: [] })),
        release: () => {
          if (open) f._FPDF_ClosePage!(page);
          open = false;
        },
      };
    },
    rulings: async (p) => withPage(p, (pg) => pageRulings(lib, pg), { h: [], v: [] }),
    pdfjs: () => (pdfjs ??= openPdf(bytes)),
    async render(p, dpi, maxPixels = MAX_PIXELS) {
      const raw = pixels(p, dpi, maxPixels);
      return { ...raw, png: await pngOf(raw.rgba, raw.width, raw.height) };
    },
    async raster(p, dpi, maxPixels = MAX_PIXELS) {
      const page = f._FPDF_LoadPage!(doc, p - 1);
      if (!page) throw new Error(`PDFium could not load page ${p}`);
      let open = true;
      const geometry = pageGeometry(lib, page, dpi, maxPixels);
      return {
        ...geometry,
        cut: (left, top, w, h) => {
          if (!open) throw new Error('the page was released');
          return renderRegion(lib, page, geometry, left, top, w, h);
        },
        release: () => {
          if (open) f._FPDF_ClosePage!(page);
          open = false;
        },
      };
    },
    async destroy() {
      try {
        close();
      } catch {
        // a trapped module: nothing more to free
      }
      if (pdfjs) await (await pdfjs.catch(() => null))?.destroy().catch(() => {});
    },
  };
}

/** The visible box, crop ∩ media, as pdf.js's `view`: [x0, y0, x1, y1]. */
function pageView(lib: Pdfium, page: number): number[] {
  const s = lib.scratch;
  if (!lib.f._FPDF_GetPageBoundingBox!(page, s)) return [0, 0, lib.f._FPDF_GetPageWidthF!(page), lib.f._FPDF_GetPageHeightF!(page)];
  const r = lib.heap.HEAPF32.subarray(s >> 2, (s >> 2) + 4); // left, top, right, bottom
  return [Math.min(r[0]!, r[2]!), Math.min(r[1]!, r[3]!), Math.max(r[0]!, r[2]!), Math.max(r[1]!, r[3]!)];
}

/** pdf.js folds these compatibility forms (Kangxi radicals, compatibility ideographs, ligatures) in its text layer. */
const COMPAT = /[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/u;

interface Run {
  str: string;
  x: number;
  y: number;
  dx: number;
  dy: number;
  size: number;
  /** Run length along the text direction. */
  end: number;
  font: number;
  /** Whether `str` ends in a space. */
  space: boolean;
}

/** Text runs as pdf.js's text items: a run breaks where the next character is off the baseline, goes back,
 *  changes font or size, goes back, or leaves a gap wider than 0.6 em; a gap of 0.1 to 0.6 em inside a run
 *  is a space (pdf.js's own thresholds). */
function pageGlyphs(lib: Pdfium, page: number, view: number[]): Glyph[] {
  const { f } = lib;
  const tp = f._FPDFText_LoadPage!(page);
  if (!tp) return [];
  // The per-glyph calls, hoisted: this loop runs once per character of the document.
  const isGenerated = f._FPDFText_IsGenerated!;
  const getUnicode = f._FPDFText_GetUnicode!;
  const getOrigin = f._FPDFText_GetCharOrigin!;
  const getMatrix = f._FPDFText_GetMatrix!;
  const getFontSize = f._FPDFText_GetFontSize!;
  const getLooseBox = f._FPDFText_GetLooseCharBox!;
  const getTextObject = f._FPDFText_GetTextObject!;
  const s = lib.scratch;
  // Out-parameters read through views of the module's memory, taken once (renewed if the memory grew:
  // the old buffer is then detached and the view empty).
  let f64 = lib.heap.HEAPF64;
  let f32 = lib.heap.HEAPF32;
  const o64 = s >> 3;
  const m32 = (s + 16) >> 2;
  const b32 = (s + 40) >> 2;
  const out: Glyph[] = [];
  let run: Run | null = null;
  let lastObj = -1;
  let font = 0;
  const flush = () => {
    if (!run) return;
    let str = run.str;
    if (COMPAT.test(str)) str = str.replace(/[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/gu, (c) => c.normalize('NFKC'));
    if (str.trim() !== '') out.push({ str, x0: run.x, x1: run.x + Math.max(run.end, 0), y: run.y, size: run.size });
    run = null;
  };
  try {
    const n = f._FPDFText_CountChars!(tp);
    const [x0, y0, x1, y1] = view as [number, number, number, number];
    for (let i = 0; i < n; i++) {
      if (isGenerated(tp, i) === 1) continue;
      const u = getUnicode(tp, i) >>> 0;
      if (u < 0x20 || u === 0xfffe || u === 0xffff) continue;
      getOrigin(tp, i, s, s + 8);
      if (f64.length === 0) (f64 = lib.heap.HEAPF64), (f32 = lib.heap.HEAPF32);
      const ox = f64[o64]!;
      const oy = f64[o64 + 1]!;
      // Outside the visible box, as pdf.js decides it (origin past the right edge or off the page vertically).
      if (ox > x1 || oy < y0 || oy > y1) continue;
      getMatrix(tp, i, s + 16);
      const fs = getFontSize(tp, i);
      // The character's extent along the text direction, from its loose box (origin + advance).
      getLooseBox(tp, i, s + 40);
      if (f32.length === 0) (f64 = lib.heap.HEAPF64), (f32 = lib.heap.HEAPF32);
      const ma = f32[m32]!;
      const mb = f32[m32 + 1]!;
      const along = Math.hypot(ma, mb);
      const size = Math.max(fs * Math.max(along, Math.hypot(f32[m32 + 2]!, f32[m32 + 3]!)), 1);
      const dx = along > 0 ? ma / along : 1;
      const dy = along > 0 ? mb / along : 0;
      // pdf.js starts a new item at every font or size change and adds no space there.
      const obj = getTextObject(tp, i);
      if (obj !== lastObj) {
        lastObj = obj;
        font = obj ? f._FPDFTextObj_GetFont!(obj) : 0;
      }
      if (run) {
        const r: Run = run;
        const rx = ox - r.x;
        const ry = oy - r.y;
        const pos = rx * r.dx + ry * r.dy;
        const off = Math.abs(ry * r.dx - rx * r.dy);
        const gap = pos - r.end;
        const sameDir = dx * r.dx + dy * r.dy > 0.99;
        if (!sameDir || font !== r.font || Math.abs(size - r.size) > 0.01 * r.size || off > 0.25 * Math.min(size, r.size) || gap < -0.2 * r.size || gap > 0.6 * r.size) flush();
        // A gap of a tenth to 0.6 of the font size inside one font is a space, as pdf.js reads it.
        else if (gap > 0.102 * r.size && !r.space) {
          r.str += ' ';
          r.space = true;
        }
      }
      // A space glyph is only a gap: the next glyph decides (a space inside the run, or a new run).
      if (isSpace(u)) continue;
      if (!run) run = { str: '', x: ox, y: oy, dx, dy, size, end: 0, font, space: false };
      const r: Run = run;
      r.str += String.fromCodePoint(u);
      r.space = false;
      // The farthest corner of the box along the run's direction.
      const bx0 = f32[b32]! - r.x;
      const by0 = f32[b32 + 1]! - r.y;
      const bx1 = f32[b32 + 2]! - r.x;
      const by1 = f32[b32 + 3]! - r.y;
      const end = Math.max(Math.max(bx0 * r.dx + by0 * r.dy, bx0 * r.dx + by1 * r.dy), Math.max(bx1 * r.dx + by0 * r.dy, bx1 * r.dx + by1 * r.dy));
      r.end = Math.max(r.end, end);
    }
    flush();
  } finally {
    f._FPDFText_ClosePage!(tp);
  }
  return out;
}

/** What String.prototype.trim removes, above the control characters (those are skipped before). */
function isSpace(u: number): boolean {
  return u === 0x20 || u === 0xa0 || u === 0x1680 || (u >= 0x2000 && u <= 0x200a) || u === 0x2028 || u === 0x2029 || u === 0x202f || u === 0x205f || u === 0x3000 || u === 0xfeff;
}

const FPDF_ANNOT = 0x01;
const FPDF_REVERSE_BYTE_ORDER = 0x10;

/** The page as RGBA pixels on white at `dpi` (capped as pdf.js's renderer is, renderScale), annotations
 *  drawn, with the pixel → PDF user space map taken from PDFium itself (crop box origin and /Rotate included). */
function renderPdfiumPage(lib: Pdfium, page: number, dpi: number, maxPixels: number): Omit<RenderedPage, 'png'> & { rgba: Uint8ClampedArray } {
  const geometry = pageGeometry(lib, page, dpi, maxPixels);
  return { ...geometry, rgba: renderRegion(lib, page, geometry, 0, 0, geometry.width, geometry.height) };
}

/** The size in pixels of the page rendered at `dpi` and the pixel → PDF user space map, without rendering. */
function pageGeometry(lib: Pdfium, page: number, dpi: number, maxPixels: number): Omit<RenderedPage, 'png'> {
  const { f } = lib;
  const scale = renderScale(f._FPDF_GetPageWidthF!(page), f._FPDF_GetPageHeightF!(page), dpi, maxPixels);
  const width = Math.max(1, Math.floor(f._FPDF_GetPageWidthF!(page) * scale));
  const height = Math.max(1, Math.floor(f._FPDF_GetPageHeightF!(page) * scale));
  // Device → page is affine: three corners give it exactly.
  const s = lib.scratch;
  const corner = (x: number, y: number): [number, number] => {
    f._FPDF_DeviceToPage!(page, 0, 0, width, height, 0, x, y, s, s + 8);
    return [lib.heap.HEAPF64[s >> 3]!, lib.heap.HEAPF64[(s + 8) >> 3]!];
  };
  const o = corner(0, 0);
  const ax = corner(width, 0);
  const ay = corner(0, height);
  const toPdf = (x: number, y: number): [number, number] => [
    o[0] + (x / width) * (ax[0] - o[0]) + (y / height) * (ay[0] - o[0]),
    o[1] + (x / width) * (ax[1] - o[1]) + (y / height) * (ay[1] - o[1]),
  ];
  return { scale, width, height, toPdf };
}

/** The pixels `left..left+w` × `top..top+h` of the page rendered at the geometry's size, as RGBA: PDFium
 *  renders only what falls in the bitmap (a crop costs its own area, not the page's). */
function renderRegion(lib: Pdfium, page: number, g: { width: number; height: number }, left: number, top: number, w: number, h: number): Uint8ClampedArray {
  const { f } = lib;
  const bmp = f._FPDFBitmap_Create!(w, h, 0);
  if (!bmp) throw new Error('PDFium could not allocate a page bitmap');
  const rgba = new Uint8ClampedArray(w * h * 4);
  try {
    f._FPDFBitmap_FillRect!(bmp, 0, 0, w, h, 0xffffffff);
    // PDFium writes the pixels in RGB order (FPDF_REVERSE_BYTE_ORDER): copied row by row, the fourth byte
    // made opaque, with no per-byte shuffle in JavaScript.
    f._FPDF_RenderPageBitmap!(bmp, page, -left, -top, g.width, g.height, 0, FPDF_ANNOT | FPDF_REVERSE_BYTE_ORDER);
    const ptr = f._FPDFBitmap_GetBuffer!(bmp);
    const stride = f._FPDFBitmap_GetStride!(bmp);
    const heap = lib.heap.HEAPU8;
    if (stride === w * 4) rgba.set(heap.subarray(ptr, ptr + w * h * 4));
    else for (let y = 0; y < h; y++) rgba.set(heap.subarray(ptr + y * stride, ptr + y * stride + w * 4), y * w * 4);
    const px = new Uint32Array(rgba.buffer, rgba.byteOffset, w * h);
    const opaque = new Uint32Array(new Uint8Array([0, 0, 0, 255]).buffer)[0]!;
    for (let i = 0; i < px.length; i++) px[i] = px[i]! | opaque;
  } finally {
    f._FPDFBitmap_Destroy!(bmp);
  }
  return rgba;
}

const OBJ_PATH = 2;
const OBJ_IMAGE = 3;
const OBJ_FORM = 5;
const SEG_LINETO = 0;
const SEG_BEZIERTO = 1;
const SEG_MOVETO = 2;

/** Each page object, with its matrix composed into page space. */
function eachObject(lib: Pdfium, page: number, visit: (obj: number, type: number, ctm: Matrix) => boolean | void): void {
  const { f } = lib;
  const walk = (count: number, get: (k: number) => number, parent: Matrix): boolean => {
    for (let k = 0; k < count; k++) {
      const obj = get(k);
      if (!obj) continue;
      const type = f._FPDFPageObj_GetType!(obj);
      let ctm = parent;
      if (type === OBJ_PATH || type === OBJ_FORM) {
        const s = lib.scratch + 16;
        if (f._FPDFPageObj_GetMatrix!(obj, s)) ctm = multiply(parent, Array.from(lib.heap.HEAPF32.subarray(s >> 2, (s >> 2) + 6)));
      }
      if (visit(obj, type, ctm) === true) return true;
      if (type === OBJ_FORM && walk(f._FPDFFormObj_CountObjects!(obj), (j) => f._FPDFFormObj_GetObject!(obj, j), ctm)) return true;
    }
    return false;
  };
  walk(f._FPDFPage_CountObjects!(page), (k) => f._FPDFPage_GetObject!(page, k), [1, 0, 0, 1, 0, 0]);
}

/** Fill mode and stroke flag of a path object. */
function drawMode(lib: Pdfium, obj: number): { fill: boolean; stroke: boolean } {
  const s = lib.scratch;
  if (!lib.f._FPDFPath_GetDrawMode!(obj, s, s + 4)) return { fill: false, stroke: false };
  return { fill: lib.heap.HEAP32[s >> 2] !== 0, stroke: lib.heap.HEAP32[(s + 4) >> 2] !== 0 };
}

/** A page with no text but with images or painted paths is a scan (or a drawing) worth OCR. */
function objectsHaveInk(lib: Pdfium, page: number): boolean {
  let ink = false;
  eachObject(lib, page, (obj, type) => {
    if (type === OBJ_IMAGE) ink = true;
    else if (type === OBJ_PATH) {
      const m = drawMode(lib, obj);
      ink = m.fill || m.stroke;
    }
    return ink;
  });
  return ink;
}

/** The page's rules from its painted paths, through the same geometry as the pdf.js reader (rulings.ts):
 *  path segments are turned into pdf.js's path codes (moveTo 0, lineTo 1, curve 2, close 4). */
function pageRulings(lib: Pdfium, page: number): Rulings {
  const { f } = lib;
  const out: Rulings = { h: [], v: [] };
  const s = lib.scratch + 48;
  eachObject(lib, page, (obj, type, ctm) => {
    if (type !== OBJ_PATH) return;
    const mode = drawMode(lib, obj);
    if (!mode.fill && !mode.stroke) return;
    const data: number[] = [];
    const n = f._FPDFPath_CountSegments!(obj);
    for (let j = 0; j < n; j++) {
      const seg = f._FPDFPath_GetPathSegment!(obj, j);
      if (!seg || !f._FPDFPathSegment_GetPoint!(seg, s, s + 4)) continue;
      const x = lib.heap.HEAPF32[s >> 2]!;
      const y = lib.heap.HEAPF32[(s + 4) >> 2]!;
      const t = f._FPDFPathSegment_GetType!(seg);
      if (t === SEG_MOVETO) data.push(0, x, y);
      else if (t === SEG_LINETO) data.push(1, x, y);
      else if (t === SEG_BEZIERTO) data.push(2, 0, 0, 0, 0, x, y);
      if (f._FPDFPathSegment_GetClose!(seg)) data.push(4);
    }
    addPath(out, data, ctm, !mode.stroke);
  });
  return out;
}
