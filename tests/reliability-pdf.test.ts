// A damaged PDF must not hurt what comes after it (issue 16, item 1). The seed PDF with its fonts and page
// objects zeroed makes pdf.js fall back to XRef recovery, which leaves its prefetched page dictionaries
// rejected with nobody waiting: before the fix that killed a library caller (ERR_UNHANDLED_REJECTION) and,
// in a batch, failed the next (intact) document of the same worker as INTERNAL.
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, recordNames, runCli, tmp } from './batch-fixtures.js';
import { repo, seed } from './paths.js';

const SEED_PDF = seed('000_37d039dcb8ad6afc.pdf');

/** The seed PDF with 27.5%–97% of its bytes zeroed: fonts and page objects gone, header, page tree and xref kept. */
async function damagedPdf(dir: string, name = 'a-damaged.pdf'): Promise<string> {
  const bytes = await readFile(SEED_PDF);
  bytes.fill(0, Math.floor(bytes.length * 0.275), Math.floor(bytes.length * 0.97));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('a damaged PDF', () => {
  it('fails alone in a library caller, which goes on with the next PDF (no unhandled rejection)', async () => {
    const dir = await tmp();
    const bad = await damagedPdf(dir);
    const script = `
      import { extract } from ${JSON.stringify(join(repo, 'dist', 'index.js'))};
      for (const f of ${JSON.stringify([bad, SEED_PDF])}) {
        try { const r = await extract(f, { ocr: 'off' }); console.log('ok', r.summary.total_income?.yuan); }
        catch (e) { console.log('error', e.code); }
      }`;
    const r = spawnSync('node', ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('error NO_TEXT\nok 939300\n');
    expect(r.status).toBe(0);
  });

  it('gives two clean results in a batch on one worker, the damaged file first', async () => {
    const dir = await tmp();
    const out = await tmp();
    const bad = await damagedPdf(dir);
    await writeFile(join(dir, 'b-good.pdf'), await readFile(SEED_PDF));
    const r = await runCli(['extract', dir, '--out', out, '--concurrency', '1', '--ocr', 'off', '--quiet']);
    expect((await lines(join(out, 'errors.jsonl'))).map((l) => JSON.parse(l).code)).toEqual(['NO_TEXT']);
    expect(await recordNames(out)).toEqual(['b-good.json']);
    expect(r.stderr).toContain(`${bad}: `);
    expect(r.stderr).not.toContain('INTERNAL');
  });
});
