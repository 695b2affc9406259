// Debug aid (not shipped): which identities of patterns/identities.yaml find all their terms in a document.
import { extract } from '../src/extract/index.js';
import { ingest } from '../src/ingest/index.js';
import { segment } from '../src/segment/index.js';
import { identityChecks, identityCoverage, restatementCount } from '../src/check/identities.js';

for (const p of process.argv.slice(2)) {
  const doc = extract(segment(await ingest(p, { ocr: 'off' })));
  console.log('==', p.split('/').pop());
  for (const [id, n] of identityCoverage(doc)) console.log('  ', id, n);
  for (const f of identityChecks(doc)) console.log('  FLAG', f.code, f.severity, f.message);
  console.log('   restatements compared', JSON.stringify(restatementCount));
}
