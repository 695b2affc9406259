// Issue 16, item 6: honest errors. A few damaged bytes in a text report cost a flagged line, not the
// report; a truncated DOCX is called damaged; a full or read-only output folder is said plainly; stdout of
// `check --json` holds JSON only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputWriteMessage } from '../src/errors.js';
import { decodeText } from '../src/ingest/decode.js';
import { extract } from '../src/index.js';
import { runCli, tmp } from './batch-fixtures.js';
import { seed, SEED_TXT } from './paths.js';

describe('decoding text', () => {
  it('keeps a UTF-8 report with a damaged byte, and flags the damaged line', async () => {
    const bytes = await readFile(SEED_TXT);
    const at = bytes.indexOf(Buffer.from('收入支出决算总表'));
    bytes[at] = 0xff; // the first byte of 收
    const record = await extract(new Uint8Array(bytes));
    const damaged = record.flags.filter((f) => f.code === 'DAMAGED_TEXT');
    expect(damaged.length).toBe(1);
    expect(damaged[0]).toMatchObject({ severity: 'warning', found: '\ufffd' });
    expect(damaged[0]!.excerpt).toContain('\ufffd\ufffd\ufffd入支出决算总表');
    expect(record.facts.length).toBeGreaterThan(100);
  });

  it('takes no figure from beside a damaged byte (a digit may be lost there), and keeps the others of its line', async () => {
    const bytes = await readFile(SEED_TXT);
    const line = Buffer.from('2023年度财政拨款收入为84.25万元。');
    const at = bytes.indexOf(line);
    const before = Buffer.from('2023年度财政拨款收入').length;
    bytes[at + before + 2] = 0xff; // the last byte of 为, right before 84.25
    const record = await extract(new Uint8Array(bytes));
    const damaged = record.flags.filter((f) => f.code === 'DAMAGED_TEXT');
    expect(damaged.map((f) => f.loc?.line)).toEqual([46]);
    const onLine = record.facts.filter((f) => f.loc.line === 46).map((f) => f.text);
    expect(onLine).not.toContain('84.25');
    expect(onLine).toContain('9.72');
  });

  it('reads GB18030, and refuses only a text that is mostly undecodable', () => {
    const gbk = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0x31, 0x32]); // 中文12
    expect(decodeText(gbk)).toEqual({ text: '中文12', encoding: 'gb18030', replaced: 0 });
    expect(decodeText(Buffer.from('收入总计100万元'))).toEqual({ text: '收入总计100万元', encoding: 'utf-8', replaced: 0 });
    expect(() => decodeText(Uint8Array.from([0xff, 0x41, 0xff, 0xff, 0xff]))).toThrow('the text is mostly undecodable as UTF-8, UTF-16 or GB18030');
  });
});

describe('damaged files and output folders', () => {
  it('calls a truncated DOCX damaged, not "a ZIP that is not a DOCX"', async () => {
    const docx = await readFile(seed('000_37d039dcb8ad6afc.docx'));
    await expect(extract(new Uint8Array(docx.subarray(0, Math.floor(docx.length * 0.3))))).rejects.toMatchObject({ code: 'CORRUPT_DOCX' });
  });

  it('says what is wrong with an output folder that cannot be written', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(outputWriteMessage(e('ENOSPC'), 'out')).toBe('the output disk is full (writing to out): nothing already written was lost; free some space and rerun the same command to resume');
    expect(outputWriteMessage(e('EROFS'), 'out')).toBe('cannot write to the output folder out: it is on a read-only file system');
    expect(outputWriteMessage(e('EIO'), 'out')).toBeNull();
  });

  it('prints only JSON on stdout with check --json, whatever pdf.js says about a damaged PDF', async () => {
    const dir = await tmp();
    const bytes = await readFile(seed('000_37d039dcb8ad6afc.pdf'));
    bytes.fill(0, Math.floor(bytes.length * 0.275), Math.floor(bytes.length * 0.97));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'damaged.pdf'), bytes);
    const r = await runCli(['check', join(dir, 'damaged.pdf'), seed('000_37d039dcb8ad6afc.pdf'), '--json', '--ocr', 'off']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(10);
    for (const l of lines) expect(() => JSON.parse(l), l).not.toThrow();
  });
});

describe('a DOCX zip bomb', () => {
  it('is refused from its declared sizes before anything is inflated', async () => {
    // The seed DOCX with its document.xml declared (central directory) as 1.5 GB uncompressed.
    const docx = await readFile(seed('000_37d039dcb8ad6afc.docx'));
    const name = Buffer.from('word/document.xml');
    let i = docx.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
    while (i >= 0 && !docx.subarray(i + 46, i + 46 + name.length).equals(name)) i = docx.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'), i - 1);
    expect(i).toBeGreaterThan(0);
    docx.writeUInt32LE(1536 * 2 ** 20, i + 24);
    const t = Date.now();
    await expect(extract(new Uint8Array(docx))).rejects.toMatchObject({
      code: 'CORRUPT_DOCX',
      message: 'the DOCX part word/document.xml expands to 1536 MB, far beyond any report (a ZIP bomb?): refused',
    });
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
