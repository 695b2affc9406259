// Check: the watchdog's flags (issue 4). Each rule reads the extracted document and returns flags.
import type { CheckedDocument, ExtractedDocument } from '../model.js';

export function check(doc: ExtractedDocument): CheckedDocument {
  return doc;
}
