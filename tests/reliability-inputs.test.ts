// Issue 16, items 2 and 3: only regular files are documents (a FIFO or /dev/zero is NOT_A_FILE at once,
// never a run that waits or reads for ever), and no CSV cell starts a formula.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { toCsv } from '../src/write/csv.js';
import { lines, recordNames, reportText, runCli, tmp, writeReports } from './batch-fixtures.js';

const NOT_A_FILE = 'not a regular file (a FIFO, device or socket): only files are read';

describe('inputs that are not regular files', () => {
  it('reports a FIFO (named or found in a folder) and /dev/zero as NOT_A_FILE at once, and does the rest', async () => {
    const dir = await tmp();
    const out = await tmp();
    await writeReports(dir, 1, 'good');
    execFileSync('mkfifo', [join(dir, 'x.txt')]);
    const started = Date.now();
    const r = await runCli(['extract', join(dir, 'x.txt'), '/dev/zero', dir, '--out', out, '--concurrency', '1', '--quiet']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await lines(join(out, 'errors.jsonl'))).map((l) => JSON.parse(l))).toEqual([
      { path: join(dir, 'x.txt'), code: 'NOT_A_FILE', message: NOT_A_FILE },
      { path: '/dev/zero', code: 'NOT_A_FILE', message: NOT_A_FILE },
    ]);
    expect(await recordNames(out)).toEqual(['good-000.json']);
    expect(r.code).toBe(0);
  });

  it('refuses them in the library too, before reading a byte', async () => {
    const dir = await tmp();
    execFileSync('mkfifo', [join(dir, 'x.txt')]);
    await expect(extract(join(dir, 'x.txt'))).rejects.toMatchObject({ code: 'NOT_A_FILE', message: NOT_A_FILE });
    await expect(extract('/dev/zero')).rejects.toMatchObject({ code: 'NOT_A_FILE', message: NOT_A_FILE });
  });
});

describe('CSV formula injection', () => {
  it('prefixes text that would start a formula with a quote, and leaves numbers alone', () => {
    const csv = toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g'], [['=1+1', '+x', '-cmd', '@SUM(A1)', '\tx', '\rx', 'ok'], [-12.5, '-12.50', '+3', '-1,234.5', '-8%', '-1+2', '']]);
    expect(csv).toBe('\ufeffa,b,c,d,e,f,g\r\n\'=1+1,\'+x,\'-cmd,\'@SUM(A1),\'\tx,"\'\rx",ok\r\n-12.5,-12.50,+3,"-1,234.5",-8%,\'-1+2,\r\n');
  });

  it('writes a report line =HYPERLINK(…) into facts.csv and flags.csv as text', async () => {
    const dir = await tmp();
    const out = await tmp();
    const report = reportText(0).replace(
      '二、部门决算单位构成\n',
      '二、部门决算单位构成\n=HYPERLINK("http://x","点击")支出决算为    万元。\n=HYPERLINK("http://x","点击")编制人数21名。\n',
    );
    await writeFile(join(dir, 'r.txt'), report);
    await runCli(['extract', dir, '--out', out, '--quiet']);
    const facts = await readFile(join(out, 'facts.csv'), 'utf8');
    const flags = await readFile(join(out, 'flags.csv'), 'utf8');
    // (the excerpt, then the two spreadsheet columns, empty for a text file)
    expect(facts).toContain(',"\'=HYPERLINK(""http://x"",""点击"")编制人数21名。",,\r\n');
    expect(flags).toContain(',"\'=HYPERLINK(""http://x"",""点击"")支出决算为    万元。",');
    // No cell anywhere starts a formula (cells split naively: enough here, no cell holds a quoted comma).
    for (const text of [facts, flags, await readFile(join(out, 'dataset.csv'), 'utf8')]) {
      for (const row of text.replace(/^\ufeff/, '').split('\r\n')) {
        for (const c of row.split(',')) expect(c.replace(/^"/, '')).not.toMatch(/^[=+@\t\r]|^-(?![\d.,%]+$)/);
      }
    }
  });
});
