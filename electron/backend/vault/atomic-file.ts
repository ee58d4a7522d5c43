// Small files that must never be left half-written: the keyring and the back-off state.
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';

/**
 * The file calls this module makes, as one object so a test can inject a short write or ENOSPC
 * at the file layer without touching the real disk's free space.
 */
export const fileSystem = {
  openSync: fs.openSync,
  writeSync: fs.writeSync,
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  readFileSync: fs.readFileSync,
  rmSync: fs.rmSync,
};

const DISK_FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);

/** The typed answer for a write that could not be completed; the old file is untouched. */
export function storageError(cause: unknown): AppError {
  const code = (cause as { code?: unknown })?.code;
  if (cause instanceof AppError) return cause;
  return new AppError(
    'STORAGE',
    typeof code === 'string' && DISK_FULL_CODES.has(code) ? 'diskFull' : 'storageFailed',
  );
}

class ShortWrite extends Error {
  readonly code = 'ENOSPC';
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    const written = fileSystem.writeSync(fd, bytes, offset, bytes.length - offset, offset);
    // A write that makes no progress is what a full disk looks like without an error code.
    if (written <= 0) throw new ShortWrite('short write');
    offset += written;
  }
}

/**
 * Write-then-rename with fsync of file and folder, so a crash leaves the old or the new file,
 * never half. Every byte is written and read back before the rename; any failure removes the
 * temporary file, leaves `path` as it was and throws a STORAGE error ("the disk is full").
 */
export function writeFileAtomic(path: string, contents: string): void {
  const bytes = Buffer.from(contents, 'utf8');
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = fileSystem.openSync(temp, 'w', 0o600);
    try {
      writeAll(fd, bytes);
      fileSystem.fsyncSync(fd);
    } finally {
      fileSystem.closeSync(fd);
    }
    if (!fileSystem.readFileSync(temp).equals(bytes)) throw new ShortWrite('read-back mismatch');
    fileSystem.renameSync(temp, path);
  } catch (error) {
    try {
      fileSystem.rmSync(temp, { force: true });
    } catch {
      // The temporary file is ignored by every reader; leaving it is harmless.
    }
    throw storageError(error);
  }
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS rename is already journaled there.
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function readFileIfExists(path: string): string | null {
  try {
    return fileSystem.readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
}
