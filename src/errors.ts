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
  | 'CORRUPT_SPREADSHEET'
  | 'CORRUPT_HTML'
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

/** A failure to write the output folder, said plainly (the run cannot go on; exit 2), or null when `err`
 *  is not one. A full disk costs nothing already written: the records on disk stay, and a rerun resumes. */
export function outputWriteMessage(err: unknown, out: string): string | null {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return `the output disk is full (writing to ${out}): nothing already written was lost; free some space and rerun the same command to resume`;
  if (code === 'EROFS') return `cannot write to the output folder ${out}: it is on a read-only file system`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot write to the output folder ${out}: permission denied`;
  if (code === 'ENOTDIR') return `cannot write to the output folder ${out}: it is a file, not a folder`;
  return null;
}
