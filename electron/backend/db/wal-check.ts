// Whether the database's write-ahead log is damaged, read before SQLite sees it.
//
// SQLite treats a WAL frame that fails its checksum as the end of the log: it drops that frame
// and every later one without a word, then resets the file. After a crash that is right (the last,
// unacknowledged transaction was torn), but damage in the middle of the log would silently lose
// transactions that were acknowledged, and the reset would destroy the evidence. So the vault
// refuses to open a log that SQLite would misread: a header that does not check out, or a broken
// frame followed by commits of two more transactions (only the last one can have been torn: a
// transaction starts after the one before it was synced). The format: sqlite.org/fileformat.html.
import { closeSync, openSync, readSync, statSync } from 'node:fs';

const HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE = 0x377f0682;
const MAGIC_BIG = 0x377f0683;

type Checksum = [number, number];

/** SQLite's WAL checksum: 32-bit words in pairs, in the byte order the magic number names. */
function checksum(bytes: Buffer, bigEndian: boolean, start: Checksum): Checksum {
  let [s1, s2] = start;
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    const x0 = bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s1 = (s1 + x0 + s2) >>> 0;
    s2 = (s2 + x1 + s1) >>> 0;
  }
  return [s1, s2];
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const read = readSync(fd, bytes, 0, length, offset);
  return bytes.subarray(0, read);
}

/** True when `walPath` exists and SQLite would silently drop part of it (see above). */
export function walDamaged(walPath: string): boolean {
  let size: number;
  try {
    size = statSync(walPath).size;
  } catch {
    return false;
  }
  // Shorter than a header: SQLite ignores it, and nothing was ever committed to it.
  if (size < HEADER_BYTES) return false;
  const fd = openSync(walPath, 'r');
  try {
    const header = readAt(fd, 0, HEADER_BYTES);
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LITTLE && magic !== MAGIC_BIG) return true;
    const bigEndian = magic === MAGIC_BIG;
    const pageSize = header.readUInt32BE(8);
    let running = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (running[0] !== header.readUInt32BE(24) || running[1] !== header.readUInt32BE(28))
      return true;
    const salt = header.subarray(16, 24);
    const frameBytes = FRAME_HEADER_BYTES + pageSize;
    let broken = false;
    let commitsAfterBreak = 0;
    for (let offset = HEADER_BYTES; offset + frameBytes <= size; offset += frameBytes) {
      const frame = readAt(fd, offset, frameBytes);
      // A frame of an earlier generation of the log (before a checkpoint restarted it): the end.
      if (!frame.subarray(8, 16).equals(salt)) break;
      const isCommit = frame.readUInt32BE(4) !== 0;
      if (broken) {
        if (isCommit && ++commitsAfterBreak >= 2) return true;
        continue;
      }
      running = checksum(
        Buffer.concat([frame.subarray(0, 8), frame.subarray(FRAME_HEADER_BYTES)]),
        bigEndian,
        running,
      );
      if (running[0] !== frame.readUInt32BE(16) || running[1] !== frame.readUInt32BE(20))
        broken = true;
    }
    return false;
  } finally {
    closeSync(fd);
  }
}
