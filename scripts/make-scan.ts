// A small scanned page for tests, generated on the fly (nothing binary is committed): the top of one page
// of the scanned seed (../shared), rendered, cropped and wrapped as the only image of a one-page PDF with
// no text layer — what a scanner makes.
// Usage: npx tsx scripts/make-scan.ts <seed-scanned.pdf> <out.pdf> [page] [fraction]
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { openPdf } from '../src/ingest/pdf/load.js';
import { renderPage } from '../src/ingest/ocr/render.js';

/** A one-page PDF whose page is the JPEG, `widthPt` × `heightPt` points. */
export function jpegPdf(jpeg: Buffer, pxWidth: number, pxHeight: number, widthPt: number, heightPt: number): Buffer {
  const content = `q ${widthPt.toFixed(2)} 0 0 ${heightPt.toFixed(2)} 0 0 cm /Im0 Do Q`;
  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${widthPt.toFixed(2)} ${heightPt.toFixed(2)}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`),
    Buffer.concat([
      Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${pxWidth} /Height ${pxHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`),
      jpeg,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`),
  ];
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [src, out, page, fraction] = process.argv.slice(2);
  if (!src || !out) throw new Error('usage: make-scan.ts <seed-scanned.pdf> <out.pdf> [page] [fraction]');
  writeFileSync(out, await makeScan(src, page ? Number(page) : 2, fraction ? Number(fraction) : 0.3));
}
