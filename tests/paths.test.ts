// Which test files need ../shared: they are left out (with one line) where it is absent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testsNeedingShared } from './paths.js';

const dir = mkdtempSync(join(tmpdir(), 'juesuan-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('testsNeedingShared', () => {
  it('lists the files that use a shared path directly or through a helper, not those that skip by themselves', () => {
    const files: Record<string, string> = {
      'paths.ts': '',
      'helper.ts': "import { corpus } from './paths.js';\n",
      'plain-helper.ts': "import { repo } from './paths.js';\n",
      'a.test.ts': "import { seed } from './paths.js';\n",
      'b.test.ts': "import { x } from './helper.js';\n",
      'c.test.ts': "import { hasShared, SEED_TXT } from './paths.js';\n",
      'd.test.ts': "import { sample, CLI } from './paths.js';\nimport { y } from './plain-helper.js';\n",
      'e.test.ts': "import {\n  repo,\n  shared as root,\n} from './paths.js';\n",
    };
    for (const [name, src] of Object.entries(files)) writeFileSync(join(dir, name), src);
    expect(testsNeedingShared(dir)).toEqual(['tests/a.test.ts', 'tests/b.test.ts', 'tests/e.test.ts']);
  });

  it('finds this repository\'s shared tests, and not the ones that need no shared material', () => {
    const list = testsNeedingShared();
    expect(list).toContain('tests/ocr.test.ts');
    expect(list).toContain('tests/check-seed.test.ts');
    expect(list).not.toContain('tests/cli.test.ts'); // skips its two seed tests itself
    expect(list).not.toContain('tests/report-html.test.ts');
  });
});
