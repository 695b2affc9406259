// Scanned renditions, generated on the fly (nothing binary is committed):
// - makeScan: the top of one page of the scanned seed (../shared), rendered, cropped and wrapped as the
//   only image of a one-page PDF with no text layer — what a scanner makes (tests).
// - scanPages: chosen pages of any PDF rendered by poppler's pdftoppm (150–300 dpi, grey), optionally
//   turned by a small angle, speckled and thresholded to 1 bit, and packed into an image-only PDF, one
//   image per page (to test OCR on real reports' layouts; write them outside the project).
// Usage: npx tsx scripts/make-scan.ts <seed-scanned.pdf> <out.pdf> [page] [fraction]
//        npx tsx scripts/make-scan.ts --pages 1,3-5 [--dpi 200] [--mono] [--rotate 0.4] [--noise 0.01]
//                                     [--seed 1] [--quality 30] [--contrast 0.45] [--crop 0.05|t,r,b,l]
//                                     [--keystone 0.02] [--two-up] <in.pdf> <out.pdf>
// Harder renditions (session 8): low JPEG quality, faded print on grey paper, margins cropped close to the
// text, a phone photo's keystone, two pages to a sheet.
import { spawnSync } from 'node:child_process';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateSync } from 'node:zlib';
import { openPdf } from '../src/ingest/pdf/load.js';
import { renderPage } from '../src/ingest/ocr/render.js';
import { mulberry32 } from './prng.js';

/** One page's image: a JPEG (DCTDecode, RGB) or 1-bit rows packed MSB first (FlateDecode, 0 = black). */
export interface PageImage {
  data: Buffer;
  kind: 'jpeg' | 'bits';
  pxWidth: number;
  pxHeight: number;
  widthPt: number;
  heightPt: number;
}

/** An image-only PDF, one page per image, each page the size of its image. */
export function imagePdf(pages: PageImage[]): Buffer {
  const n = pages.length;
  // 1 catalog, 2 pages, then per page: page, image, contents.
  const kids = pages.map((_, i) => `${3 + 3 * i} 0 R`).join(' ');
  const objects: Buffer[] = [Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'), Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${n} >>`)];
  pages.forEach((p, i) => {
    const w = p.widthPt.toFixed(2);
    const h = p.heightPt.toFixed(2);
    const content = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const dict =
      p.kind === 'jpeg'
        ? `/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`
        : `/ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /FlateDecode`;
    objects.push(
      Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${4 + 3 * i} 0 R >> >> /Contents ${5 + 3 * i} 0 R >>`),
      Buffer.concat([
        Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${p.pxWidth} /Height ${p.pxHeight} ${dict} /Length ${p.data.length} >>\nstream\n`),
        p.data,
        Buffer.from('\nendstream'),
      ]),
      Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
    );
  });
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(at);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(obj);
    at += obj.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  parts.push(Buffer.from(`${xref}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A one-page PDF whose page is the JPEG, `widthPt` × `heightPt` points. */
export function jpegPdf(jpeg: Buffer, pxWidth: number, pxHeight: number, widthPt: number, heightPt: number): Buffer {
  return imagePdf([{ data: jpeg, kind: 'jpeg', pxWidth, pxHeight, widthPt, heightPt }]);
}

/** The top `fraction` of page `page` of a (scanned) PDF, as a one-page image-only PDF. */
export async function makeScan(source: string, page = 2, fraction = 0.3): Promise<Buffer> {
  const pdf = await openPdf(readFileSync(source));
  try {
    const dpi = 150;
    const r = await renderPage(pdf, page, dpi);
    const h = Math.round(r.height * fraction);
    const canvas = createCanvas(r.width, h);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(await loadImage(r.png), 0, 0);
    const jpeg = canvas.toBuffer('image/jpeg', 85);
    return jpegPdf(jpeg, r.width, h, r.width / r.scale, h / r.scale);
  } finally {
    await pdf.destroy();
  }
}

export interface ScanOptions {
  /** 1-based pages, in output order. */
  pages: number[];
  /** Rendering resolution (pdftoppm -r). */
  dpi?: number;
  /** Threshold to 1 bit (a fax-like scan) instead of grey JPEG. */
  mono?: boolean;
  /** Turn each page by this many degrees (clockwise), about its centre, on white. */
  rotate?: number;
  /** Share of pixels speckled (a dark dot on paper, a white one on ink). */
  noise?: number;
  /** PRNG seed for the speckle. */
  seed?: number;
  /** JPEG quality, 0–100 (low: blocky JPEG artefacts around the glyphs). */
  quality?: number;
  /** Faded print on grey paper: ink is this share of its darkness (1 = as printed, 0.4 = faint). */
  contrast?: number;
  /** Share of the page cut off each side (top, right, bottom, left): a scan cropped close to the text. */
  crop?: [number, number, number, number];
  /** A phone photo's keystone: the page's top edge this share narrower on each side than its bottom. */
  keystone?: number;
  /** Two pages side by side on one sheet (2-up), in order; an odd last page alone. */
  twoUp?: boolean;
}

/** "1,3-5" → [1, 3, 4, 5]. */
export function parsePages(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    if (!a || (b !== undefined && !b)) throw new Error(`bad page list: ${spec}`);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, i) => a + i);
  });
}

/** Render one page with pdftoppm (grey PNG). */
function renderGrey(source: string, page: number, dpi: number, dir: string): Buffer {
  const prefix = join(dir, `p${page}`);
  const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', '-singlefile', '-f', String(page), '-l', String(page), source, prefix]);
  if (r.status !== 0) throw new Error(`pdftoppm failed on page ${page}: ${r.stderr?.toString() ?? r.error}`);
  return readFileSync(`${prefix}.png`);
}

type Img = import('@napi-rs/canvas').Image | import('@napi-rs/canvas').Canvas;

/** Pages side by side on one sheet, or the page as it is. */
async function sheet(pngs: Buffer[]): Promise<Img> {
  const imgs = await Promise.all(pngs.map((p) => loadImage(p)));
  if (imgs.length === 1) return imgs[0]!;
  const canvas = createCanvas(
    imgs.reduce((s, i) => s + i.width, 0),
    Math.max(...imgs.map((i) => i.height)),
  );
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  let x = 0;
  for (const i of imgs) {
    ctx.drawImage(i, x, 0);
    x += i.width;
  }
  return canvas;
}

async function scanImage(png: Buffer | Buffer[], dpi: number, o: ScanOptions, rand: () => number): Promise<PageImage> {
  const img = await sheet(Array.isArray(png) ? png : [png]);
  const [ct, cr, cb, cl] = o.crop ?? [0, 0, 0, 0];
  const sx = Math.round(img.width * cl);
  const sy = Math.round(img.height * ct);
  const width = Math.round(img.width * (1 - cl - cr));
  const height = Math.round(img.height * (1 - ct - cb));
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  if (o.rotate) {
    ctx.translate(width / 2, height / 2);
    ctx.rotate((o.rotate * Math.PI) / 180);
    ctx.translate(-width / 2, -height / 2);
  }
  if (o.keystone) {
    // Row by row, each row narrower towards the top, centred: a page photographed from below its middle.
    for (let y = 0; y < height; y++) {
      const inset = o.keystone * width * (1 - y / height);
      ctx.drawImage(img, sx, sy + y, width, 1, inset, y, width - 2 * inset, 1);
    }
  } else ctx.drawImage(img, sx, sy, width, height, 0, 0, width, height);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const widthPt = (width * 72) / dpi;
  const heightPt = (height * 72) / dpi;
  const noise = o.noise ?? 0;
  const contrast = o.contrast ?? 1;
  if (!noise && !o.mono && contrast === 1) return { data: canvas.toBuffer('image/jpeg', o.quality ?? 85), kind: 'jpeg', pxWidth: width, pxHeight: height, widthPt, heightPt };
  const id = ctx.getImageData(0, 0, width, height);
  const px = id.data;
  for (let i = 0; i < px.length; i += 4) {
    let v = px[i]!;
    if (contrast !== 1) v = 235 - (255 - v) * contrast * (235 / 255);
    if (noise && rand() < noise) v = v > 128 ? 40 + rand() * 80 : 170 + rand() * 80;
    px[i] = px[i + 1] = px[i + 2] = v;
  }
  if (!o.mono) {
    ctx.putImageData(id, 0, 0);
    return { data: canvas.toBuffer('image/jpeg', o.quality ?? 85), kind: 'jpeg', pxWidth: width, pxHeight: height, widthPt, heightPt };
  }
  const rowBytes = Math.ceil(width / 8);
  const bits = Buffer.alloc(rowBytes * height, 0);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) if (px[(y * width + x) * 4]! >= 160) bits[y * rowBytes + (x >> 3)]! |= 0x80 >> (x & 7);
  return { data: deflateSync(bits), kind: 'bits', pxWidth: width, pxHeight: height, widthPt, heightPt };
}

/** Chosen pages of a PDF as an image-only PDF (no text layer), as a scanner would give them. */
export async function scanPages(source: string, o: ScanOptions): Promise<Buffer> {
  const dpi = o.dpi ?? 200;
  const rand = mulberry32(o.seed ?? 1);
  const dir = mkdtempSync(join(tmpdir(), 'make-scan-'));
  try {
    const images: PageImage[] = [];
    const step = o.twoUp ? 2 : 1;
    for (let k = 0; k < o.pages.length; k += step)
      images.push(await scanImage(o.pages.slice(k, k + step).map((p) => renderGrey(source, p, dpi, dir)), dpi, o, rand));
    return imagePdf(images);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args.splice(i, 2)[1] : undefined;
  };
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? (args.splice(i, 1), true) : false;
  };
  const pages = opt('--pages');
  if (pages) {
    const o: ScanOptions = { pages: parsePages(pages), mono: flag('--mono'), twoUp: flag('--two-up') };
    const num = (name: string) => {
      const v = opt(name);
      return v === undefined ? undefined : Number(v);
    };
    const quality = num('--quality');
    const contrast = num('--contrast');
    const keystone = num('--keystone');
    const crop = opt('--crop');
    if (quality !== undefined) o.quality = quality;
    if (contrast !== undefined) o.contrast = contrast;
    if (keystone !== undefined) o.keystone = keystone;
    if (crop) {
      const c = crop.split(',').map(Number);
      o.crop = c.length === 1 ? [c[0]!, c[0]!, c[0]!, c[0]!] : (c as [number, number, number, number]);
    }
    const dpi = opt('--dpi');
    const rotate = opt('--rotate');
    const noise = opt('--noise');
    const seed = opt('--seed');
    if (dpi) o.dpi = Number(dpi);
    if (rotate) o.rotate = Number(rotate);
    if (noise) o.noise = Number(noise);
    if (seed) o.seed = Number(seed);
    const [src, out] = args;
    if (!src || !out)
      throw new Error(
        'usage: make-scan.ts --pages 1,3-5 [--dpi 200] [--mono] [--rotate 0.4] [--noise 0.01] [--seed 1] [--quality 30] [--contrast 0.45] [--crop 0.05|t,r,b,l] [--keystone 0.02] [--two-up] <in.pdf> <out.pdf>',
      );
    writeFileSync(out, await scanPages(src, o));
  } else {
    const [src, out, page, fraction] = args;
    if (!src || !out) throw new Error('usage: make-scan.ts <seed-scanned.pdf> <out.pdf> [page] [fraction]');
    writeFileSync(out, await makeScan(src, page ? Number(page) : 2, fraction ? Number(fraction) : 0.3));
  }
}
