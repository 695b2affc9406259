import { JuesuanError } from '../../errors.js';
import type { Backend } from '../types.js';

// Placeholder until the DOCX backend lands (issue 6).
export const ingestDocx: Backend = async () => {
  throw new JuesuanError('UNSUPPORTED_FORMAT', 'DOCX support is not built yet');
};
