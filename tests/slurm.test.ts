// Issue 16, item 8: the Slurm recipe of docs/scaling.md under a real single-node Slurm (scripts/slurm-recipe.sh
// starts it): a 3-task array over a corpus with broken files, then the afterok merge, byte for byte a single
// run. Where Slurm is not installed the script says so in one line and this test only checks that line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo } from './paths.js';

describe('the Slurm recipe', () => {
  it('merges a corpus with broken files under a real Slurm (or says it is skipped)', () => {
    const r = spawnSync('bash', [join(repo, 'scripts', 'slurm-recipe.sh')], { encoding: 'utf8', timeout: 300_000 });
    const last = r.stdout.trimEnd().split('\n').at(-1) ?? '';
    if (last.startsWith('slurm-recipe: skipped:')) return;
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(last).toMatch(/^slurm-recipe: passed: 3-task array \+ merge under Slurm [\d.]+: 8 records, 3 errors, batch files identical to a single run$/);
  }, 320_000);
});
