// A zip bomb is refused before anything is inflated: the central directory declares each entry's
// unpacked size, and an .xlsx whose entries unpack to more than the limit is no disclosure.
import { JuesuanError } from '../../errors.js';

export function checkZipSizes(bytes: Uint8Array, limit: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 64 KB, at the end of the file.
  const from = Math.max(0, buf.length - 22 - 0xffff);
  const eocd = buf.lastIndexOf('PK\x05\x06', buf.length - 22, 'latin1');
  if (eocd < from || eocd < 0) return; // no directory: the reader will say the file is damaged
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) return;
    const size = buf.readUInt32LE(at + 24);
    const packed = buf.readUInt32LE(at + 20);
    // 0xFFFFFFFF: the size is in a ZIP64 record, i.e. 4 GB or more.
    total += size === 0xffffffff ? Infinity : size;
    if (total > limit || (packed > 0 && size / packed > 1000 && size > 16 << 20)) {
      throw new JuesuanError('CORRUPT_SPREADSHEET', `the spreadsheet unpacks to more than ${limit >> 20} MB (a zip bomb?): refused`);
    }
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}
