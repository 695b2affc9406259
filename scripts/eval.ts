// npm run eval: every evaluation there is — fact extraction (eval-facts.ts), flags on synthetic reports
// (eval-flags.ts), the annotated real defects and error precision on the corpus (eval-defects.ts), and the
// mutation evaluation on real layouts (eval-mutations.ts). Each runs in its own process so one cannot break the other.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
let failed = false;
for (const name of ['eval-facts.ts', 'eval-flags.ts', 'eval-tables.ts', 'eval-defects.ts', 'eval-mutations.ts']) {
  const file = join(here, name);
  if (!existsSync(file)) {
    console.log(`(${name} not present, skipped)\n`);
    continue;
  }
  const r = spawnSync(process.execPath, [...process.execArgv, file], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
  console.log('');
}
process.exit(failed ? 1 : 0);
