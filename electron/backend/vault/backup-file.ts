// The backup file: one file holding the keyring as it was and an encrypted copy of the database.
//
//   "ARUGA-BACKUP\n" | header length (uint32, big-endian) | header (JSON) | database bytes
//
// The header is in clear and says only when and by which Aruga the backup was made, plus the
// keyring file's text (its slots are sealed by passwords and the recovery key, exactly as on
// disk) and the database's length and SHA-256. The database bytes are SQLCipher pages under the
// data key: nothing in the file can be read without a password or the recovery key.
import * as fs from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { fileSystem, storageError } from './atomic-file';

const MAGIC = Buffer.from('ARUGA-BACKUP\n', 'utf8');
const FORMAT = 1;
/** The header holds a keyring of at most a few hundred slots: anything larger is not ours. */
const MAX_HEADER_BYTES = 4 * 1024 * 1024;
const CHUNK = 1024 * 1024;

const headerSchema = z.object({
  format: z.literal(FORMAT),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  keyring: z.string(),
  databaseBytes: z.number().int().positive(),
  databaseSha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export const BACKUP_EXTENSION = '.aruga-backup';

/**
 * Writes header and database into `path` and fsyncs it. `path` should be a temporary name: the
 * caller renames it once the written file has been verified.
 */
export function writeBackupFile(
  path: string,
  header: Omit<BackupHeader, 'format' | 'databaseBytes' | 'databaseSha256'>,
  databasePath: string,
  /** Called with the database bytes written so far, after each chunk. */
  onBytes?: (done: number, total: number) => void,
): void {
  const databaseBytes = fs.statSync(databasePath).size;
  const full: BackupHeader = {
    format: FORMAT,
    ...header,
    databaseBytes,
    databaseSha256: sha256OfFile(databasePath),
  };
  const json = Buffer.from(JSON.stringify(full), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  try {
    const fd = fileSystem.openSync(path, 'w', 0o600);
    try {
      writeAll(fd, Buffer.concat([MAGIC, length, json]));
      const source = fs.openSync(databasePath, 'r');
      try {
        copyBytes(source, 0, databaseBytes, fd, new AppError('STORAGE', 'storageFailed'), onBytes);
      } finally {
        fs.closeSync(source);
      }
      fileSystem.fsyncSync(fd);
    } finally {
      fileSystem.closeSync(fd);
    }
  } catch (error) {
    throw storageError(error);
  }
}

export function writeAll(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) {
    const written = fileSystem.writeSync(fd, bytes, offset, bytes.length - offset);
    // No progress and no error code is what a full disk looks like on some file systems.
    if (written <= 0) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
    offset += written;
  }
}

/** The header, or CORRUPT "backupUnreadable" for a file that is not a whole Aruga backup. */
export function readBackupHeader(path: string): { header: BackupHeader; databaseOffset: number } {
  let fd: number;
  try {
    fd = fs.openSync(path, 'r');
  } catch {
    throw new AppError('NOT_FOUND', 'backupNotFound');
  }
  try {
    const size = fs.fstatSync(fd).size;
    const start = Buffer.alloc(MAGIC.length + 4);
    if (fs.readSync(fd, start, 0, start.length, 0) !== start.length) throw unreadable();
    if (!start.subarray(0, MAGIC.length).equals(MAGIC)) throw unreadable();
    const headerBytes = start.readUInt32BE(MAGIC.length);
    if (headerBytes > MAX_HEADER_BYTES) throw unreadable();
    const json = Buffer.alloc(headerBytes);
    if (fs.readSync(fd, json, 0, headerBytes, start.length) !== headerBytes) throw unreadable();
    const parsed = headerSchema.safeParse(safeJson(json.toString('utf8')));
    if (!parsed.success) throw unreadable();
    const databaseOffset = start.length + headerBytes;
    if (size !== databaseOffset + parsed.data.databaseBytes) throw unreadable();
    return { header: parsed.data, databaseOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies the database out of a backup file to `target`, refusing it if its checksum differs. */
export function extractDatabase(
  path: string,
  target: string,
  /** Called with the database bytes copied out so far, after each chunk. */
  onBytes?: (done: number, total: number) => void,
): BackupHeader {
  const { header, databaseOffset } = readBackupHeader(path);
  const sha256 = copyOut(path, databaseOffset, header.databaseBytes, target, unreadable(), onBytes);
  if (sha256 !== header.databaseSha256) throw unreadable();
  return header;
}

/**
 * Copies `length` bytes of the file `path` from `offset` into a new file `target`, fsynced;
 * returns their SHA-256. `short` is thrown when the file ends early.
 */
export function copyOut(
  path: string,
  offset: number,
  length: number,
  target: string,
  short: AppError,
  onBytes?: (done: number, total: number) => void,
): string {
  const source = fs.openSync(path, 'r');
  try {
    const out = fs.openSync(target, 'w', 0o600);
    try {
      const sha256 = copyBytes(source, offset, length, out, short, onBytes);
      fileSystem.fsyncSync(out);
      return sha256;
    } finally {
      fs.closeSync(out);
    }
  } catch (error) {
    throw error instanceof AppError ? error : storageError(error);
  } finally {
    fs.closeSync(source);
  }
}

/** Copies `length` bytes of `source` from `offset` to the end of `out`, chunk by chunk; their SHA-256. */
export function copyBytes(
  source: number,
  offset: number,
  length: number,
  out: number,
  short: AppError,
  onBytes?: (done: number, total: number) => void,
): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(CHUNK);
  for (let done = 0; done < length;) {
    const n = fs.readSync(source, buffer, 0, Math.min(CHUNK, length - done), offset + done);
    if (n <= 0) throw short;
    hash.update(buffer.subarray(0, n));
    writeAll(out, buffer.subarray(0, n));
    done += n;
    onBytes?.(done, length);
  }
  return hash.digest('hex');
}

export function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let n = fs.readSync(fd, buffer, 0, CHUNK, null); n > 0;) {
      hash.update(buffer.subarray(0, n));
      n = fs.readSync(fd, buffer, 0, CHUNK, null);
    }
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function unreadable(): AppError {
  return new AppError('CORRUPT', 'backupUnreadable');
}
