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
};

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

export async function ingest(input: string | Uint8Array, options: Partial<IngestOptions> = {}): Promise<IngestedDocument> {
  const opts = { ...defaultIngestOptions, ...options };
  const { path, bytes } = await readInput(input);
  const kind = sniff(bytes);
  if (kind === 'empty') throw new JuesuanError('EMPTY_FILE', 'the file is empty');
  if (kind !== 'pdf' && kind !== 'docx' && kind !== 'txt') throw new JuesuanError('UNSUPPORTED_FORMAT', unsupportedMessage(kind));
  const backend = await loaders[kind]();
  const result = await backend(bytes, opts);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return {
    source: { path: typeof input === 'string' ? path : basename(path), sha256, format: kind, pages: result.pages, ocrPages: result.ocrPages },
    blocks: result.blocks,
    flags: result.flags,
  };
}
