import { ingest } from './src/ingest/index.js';
import { segment } from './src/segment/index.js';
import { extractIndicators } from './src/extract/indicators.js';
for (const ext of ['txt', 'docx']) {
  const r = extractIndicators(segment(await ingest(`/work/shared/seed/000_37d039dcb8ad6afc.${ext}`)));
  console.log('=====', ext, r.tableIds, r.indicators.length);
  for (const i of r.indicators) console.log([i.table, i.level1, i.level2, i.level3, i.target, i.actual, i.score, JSON.stringify(i.loc)].join(' | '));
  console.log(JSON.stringify(r.projects, null, 1));
  for (const f of r.flags) console.log(f.code, f.severity, f.message, JSON.stringify(f.loc), '«' + f.excerpt + '»', f.expected, f.found);
}
