// An operating-system lock on the data folder, held while the vault is open, so two processes
// (a second Windows account on the same USB drive, a command-line tool, the harness) never
// write the same database and keyring at once. proper-lockfile keeps the lock fresh; a lock
// left behind by a crashed process goes stale and is then taken over.
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = 'aruga.lock';
/** A lock not refreshed for this long belongs to a process that is gone. */
export const STALE_LOCK_MS = 20_000;

export type ReleaseLock = () => void;

/**
 * CONFLICT "vaultInUse" when another process holds the folder. `onLost` runs if the lock is
 * taken from us (this process stalled past the stale time): the caller must close the vault.
 */
export function lockFolder(folder: string, onLost: () => void = () => undefined): ReleaseLock {
  try {
    const release = lockfile.lockSync(folder, {
      lockfilePath: join(folder, LOCK_FILE),
      stale: STALE_LOCK_MS,
      realpath: false,
      onCompromised: () => onLost(),
    });
    let released = false;
    return () => {
      if (released) return;
      released = true;
      try {
        release();
      } catch {
        // Already taken over or removed: nothing of ours is left to release.
      }
    };
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') {
      throw new AppError('CONFLICT', 'vaultInUse');
    }
    throw error;
  }
}
