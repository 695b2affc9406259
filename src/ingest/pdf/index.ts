import { JuesuanError } from '../../errors.js';
import type { Backend } from '../types.js';

// Placeholder until the PDF backend lands (issue 5).
export const ingestPdf: Backend = async () => {
  throw new JuesuanError('UNSUPPORTED_FORMAT', 'PDF support is not built yet');
};
