// What a host (Electron main, the browser harness, tests) sees of the backend.
import type { LockReason } from '../../shared/contract';
import type { BackendEvent } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

import type { PasswordKdf } from './vault/crypto';

export type { PasswordKdf };

export interface BackendOptions {
  /** Folder holding the database, keyring, back-off state and preferences. */
  dataFolder: string;
  /** Password KDF and cost for new key slots. Production uses the default; tests may lower it. */
  kdf?: PasswordKdf;
  /**
   * Idle lock after this many milliseconds instead of the vault setting (minutes). For the
   * end-to-end test only, so it need not wait a whole minute.
   */
  idleLockMsOverride?: number;
  /**
   * The whole-file page check already ran in this start of the app (set by the host when it
   * replaces the worker after a lock), and whether it found damage.
   */
  pagesChecked?: boolean;
  damaged?: boolean;
  /** The daily backup at the first sign-in of the day (on unless a test turns it off). */
  automaticBackups?: boolean;
  /** How long after that sign-in it starts (10 s unless a test shortens it). */
  automaticBackupDelayMs?: number;
  /**
   * How often an unlocked computer that shares looks at its saved sync folder and syncs when
   * something moved (2 s); 0 turns it off, for tests that sync by hand.
   */
  autoSyncIntervalMs?: number;
}

export interface BackendApi {
  /** The single entry point behind `aruga:call`. Never rejects: failures come back as envelopes. */
  call(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** Lock from the shell (OS lock, suspend). */
  lock(reason: LockReason): Promise<void>;
  onEvent(listener: (event: BackendEvent) => void): () => void;
  /** Lock and release everything. */
  close(): Promise<void>;
}
