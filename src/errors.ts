// A bad input is reported, never thrown past the batch: one code and one plain sentence per file.
export type ErrorCode =
  | 'NOT_FOUND'
  | 'NOT_A_FILE'
  | 'EMPTY_FILE'
  | 'NO_DOCUMENTS'
  | 'UNSUPPORTED_FORMAT'
  | 'CORRUPT_PDF'
  | 'ENCRYPTED_PDF'
  | 'CORRUPT_DOCX'
  | 'UNREADABLE_TEXT'
  | 'NO_TEXT'
  | 'NOT_A_REPORT'
  | 'TIMEOUT'
  | 'OUT_OF_MEMORY'
  | 'INTERNAL';

/** Only regular files are documents (a FIFO waits for a writer, /dev/zero never ends). */
export const NOT_A_FILE_MESSAGE = 'not a regular file (a FIFO, device or socket): only files are read';

export class JuesuanError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'JuesuanError';
  }
}

/** Turn anything thrown while processing one file into a code and a one-line message. */
export function toJuesuanError(err: unknown): JuesuanError {
  if (err instanceof JuesuanError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new JuesuanError('NOT_FOUND', 'no such file');
  if (e?.code === 'EISDIR') return new JuesuanError('NOT_A_FILE', 'is a directory, not a file');
  if (e?.code === 'EACCES') return new JuesuanError('NOT_FOUND', 'permission denied');
  const msg = (e?.message ?? String(err)).split('\n')[0]!.slice(0, 300);
  return new JuesuanError('INTERNAL', `internal error: ${msg}`);
}
