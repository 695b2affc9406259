// Ingest: bytes → IngestedDocument. Sniffs the format and hands the bytes to that format's backend.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { JuesuanError } from '../errors.js';
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
  const st = await stat(input).catch((e) => {
    throw e?.code === 'ENOENT' ? new JuesuanError('NOT_FOUND', 'no such file') : e;
  });
  if (!st.isFile()) throw new JuesuanError('NOT_A_FILE', 'not a regular file');
  return { path: input, bytes: new Uint8Array(await readFile(input)) };
}

export async function ingest(input: string | Uint8Array, options: Partial<IngestOptions> = {}): Promise<IngestedDocument> {
  const opts = { ...defaultIngestOptions, ...options };
  const { path, bytes } = await readInput(input);
  const kind = sniff(bytes);
  if (kind === 'empty') throw new JuesuanError('EMPTY_FILE', 'the file is empty');
  if (!isFormat(kind)) throw new JuesuanError('UNSUPPORTED_FORMAT', unsupportedMessage(kind));
  const backend = await loaders[kind]();
  const result = await backend(bytes, opts);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: typeof input === 'string' ? path : basename(path), sha256, format: kind, pages: result.pages, ocrPages: result.ocrPages },
    blocks: result.blocks,
    flags: result.flags,
  };
}
