// The "done when" on real documents: the seed in its three renditions, two real PDFs and broken
// files, killed with SIGKILL mid-run and rerun, end exactly as one clean run does (byte for byte), with no
// temporary file left. This also runs pdf.js and the DOCX backend inside the worker threads.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli, startCli, tmp, waitFor } from './batch-fixtures.js';
import { corpus, seed } from './paths.js';

describe('SIGKILL and rerun on real documents', () => {
  it('ends exactly as a clean run', async () => {
    const broken = await tmp();
    await writeFile(join(broken, 'empty.pdf'), '');
    await writeFile(join(broken, 'truncated.pdf'), (await readFile(seed('000_37d039dcb8ad6afc.pdf'))).subarray(0, 3000));
    await writeFile(join(broken, 'photo.pdf'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    const inputs = [
      seed('000_37d039dcb8ad6afc.txt'),
      seed('000_37d039dcb8ad6afc.pdf'),
      seed('000_37d039dcb8ad6afc.docx'),
      corpus('ae86jack__jiangsu_renda_2019_dept_yusuan_tables.pdf'),
      corpus('GovBudgetChecker__putuo_sfj_2026_unit_yusuan.pdf'),
      broken,
    ];
    const clean = await tmp();
    const reference = await runCli(['extract', ...inputs, '--out', clean, '--concurrency', '2', '--quiet']);
    expect(reference.code).toBe(0);
    expect((await readFile(join(clean, 'errors.jsonl'), 'utf8')).trimEnd().split('\n').length).toBe(3);
    expect((await readFile(join(clean, 'documents.jsonl'), 'utf8')).trimEnd().split('\n').length).toBe(5);

    const out = await tmp();
    const killed = startCli(['extract', ...inputs, '--out', out, '--concurrency', '2', '--quiet'], { JUESUAN_TEST_DELAY_MS: '300' });
    await waitFor(async () => (await readdir(join(out, '.juesuan', 'done')).catch(() => [])).some((n) => n.endsWith('.json')));
    killed.child.kill('SIGKILL');
    expect((await killed.done).signal).toBe('SIGKILL');
    const rerun = await runCli(['extract', ...inputs, '--out', out, '--concurrency', '2']);
    expect(rerun.code).toBe(0);
    expect(rerun.stderr).toMatch(/juesuan: \d+ extracted, 3 failed, [1-9]\d* skipped \(up to date\)/);

    const files = (await listFiles(clean)).filter((f) => !f.startsWith('.juesuan/'));
    expect((await listFiles(out)).filter((f) => !f.startsWith('.juesuan/'))).toEqual(files);
    for (const f of files) expect((await readFile(join(out, f))).equals(await readFile(join(clean, f))), f).toBe(true);
    expect((await listFiles(out)).filter((f) => f.includes('.juesuan-tmp-'))).toEqual([]);
    expect([...(await readFile(join(out, 'dataset.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
