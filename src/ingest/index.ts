// Ingest: bytes → IngestedDocument. Sniffs the format and hands the bytes to that format's backend.
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { JuesuanError, NOT_A_FILE_MESSAGE } from '../errors.js';
import type { Format, IngestedDocument } from '../model.js';
import { sniff, unsupportedMessage } from './sniff.js';
import { ingestText } from './text.js';
import { defaultIngestOptions, type Backend, type IngestOptions } from './types.js';

export * from './types.js';

const loaders: Record<Format, () => Promise<Backend>> = {
  txt: async () => ingestText,
  pdf: async () => (await import('./pdf/index.js')).ingestPdf,
  docx: async () => (await import('./docx/index.js')).ingestDocx,
  html: async () => (await import('./html/index.js')).ingestHtml,
  xlsx: async () => (await import('./sheet/index.js')).ingestSheet,
  xls: async () => (await import('./sheet/index.js')).ingestSheet,
  doc: async () => (await import('./word/index.js')).ingestDoc,
};

const isFormat = (kind: string): kind is Format => Object.hasOwn(loaders, kind);

export async function readInput(input: string | Uint8Array): Promise<{ path: string; bytes: Uint8Array }> {
  if (typeof input !== 'string') return { path: '<buffer>', bytes: input };
  // Checked before a byte is read, on a descriptor opened without blocking: opening a FIFO normally waits
  // for a writer, and reading /dev/zero never ends.
  const st = await stat(input).catch((e) => {
    throw e?.code === 'ENOENT' ? new JuesuanError('NOT_FOUND', 'no such file') : e;
  });
  if (!st.isFile()) throw new JuesuanError('NOT_A_FILE', st.isDirectory() ? 'is a directory, not a file' : NOT_A_FILE_MESSAGE);
  const fh = await open(input, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!(await fh.stat()).isFile()) throw new JuesuanError('NOT_A_FILE', NOT_A_FILE_MESSAGE);
    return { path: input, bytes: new Uint8Array(await fh.readFile()) };
  } finally {
    await fh.close().catch(() => undefined);
  }
}

/** No part of a real report's DOCX expands past this; a ZIP bomb (a small file with a huge entry) would take
 *  minutes and gigabytes to inflate before failing. */
export const MAX_DOCX_ENTRY_BYTES = 100 * 1024 * 1024;

/** Refuse a DOCX whose central directory (read from the end of the file) declares an entry larger than
 *  MAX_DOCX_ENTRY_BYTES uncompressed, before anything is inflated. */
function refuseZipBomb(bytes: Uint8Array): void {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.length - (4 << 20)));
  for (let i = tail.indexOf('PK\x01\x02', 0, 'latin1'); i >= 0 && i + 46 <= tail.length; i = tail.indexOf('PK\x01\x02', i + 4, 'latin1')) {
    const size = tail.readUInt32LE(i + 24);
    if (size > MAX_DOCX_ENTRY_BYTES) {
      const name = tail.toString('utf8', i + 46, Math.min(tail.length, i + 46 + tail.readUInt16LE(i + 28)));
      throw new JuesuanError('CORRUPT_DOCX', `the DOCX part ${name} expands to ${Math.round(size / 2 ** 20)} MB, far beyond any report (a ZIP bomb?): refused`);
    }
  }
}

export async function ingest(input: string | Uint8Array, options: Partial<IngestOptions> = {}): Promise<IngestedDocument> {
  const opts = { ...defaultIngestOptions, ...options };
  const { path, bytes } = await readInput(input);
  const kind = sniff(bytes);
  if (kind === 'empty') throw new JuesuanError('EMPTY_FILE', 'the file is empty');
  if (!isFormat(kind)) throw new JuesuanError('UNSUPPORTED_FORMAT', unsupportedMessage(kind));
  if (kind === 'docx') refuseZipBomb(bytes);
  const backend = await loaders[kind]();
  const result = await backend(bytes, opts);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: typeof input === 'string' ? path : basename(path), sha256, format: kind, pages: result.pages, ocrPages: result.ocrPages, ...(result.unreadPages?.length ? { unreadPages: result.unreadPages } : {}) },
    blocks: result.blocks,
    flags: result.flags,
    ...(result.pictures ? { pictures: result.pictures } : {}),
  };
}
