// Failed-unlock back-off, persisted beside the keyring so a restart does not reset it. The file
// holds only counts and times: never a username. Failures are copied into the audit log at the
// next successful unlock, since the log itself is inside the locked database.
//
// Limit: someone who can delete this file resets the back-off and drops the failures waiting to
// be audited; nothing outside the locked database can prove they happened (see the README).
import { join } from 'node:path';
import { z } from 'zod';
import { readFileIfExists, writeFileAtomic } from './atomic-file';

export const BACKOFF_FILE = 'unlock-state.json';
/** Longest wait, so a shared laptop is never locked out for long by someone's guesses. */
export const MAX_BACKOFF_SECONDS = 15 * 60;
const MAX_PENDING = 200;

const stateSchema = z.object({
  failures: z.number().int().min(0),
  lastFailureAt: z.number().nullable(),
  pending: z.array(z.object({ at: z.string(), kind: z.enum(['password', 'recoveryKey']) })),
});
export type BackoffState = z.infer<typeof stateSchema>;
export type FailureKind = BackoffState['pending'][number]['kind'];

const EMPTY: BackoffState = { failures: 0, lastFailureAt: null, pending: [] };

/** The failure count whose wait is the longest: what a damaged file stands for. */
const MAX_LEVEL_FAILURES = Math.ceil(Math.log2(MAX_BACKOFF_SECONDS)) + 1;

/** 1 s after the first failure, doubling each time, up to MAX_BACKOFF_SECONDS. */
export function delaySeconds(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_BACKOFF_SECONDS);
}

export class Backoff {
  private readonly path: string;

  constructor(dataFolder: string) {
    this.path = join(dataFolder, BACKOFF_FILE);
  }

  /**
   * A damaged file must not disable the back-off, nor lock everyone out for ever: it stands for
   * one longest wait, starting when it is first read, which then runs out. A time in the future
   * (a wrong clock, an edited file) is treated the same way. The repair is written back so the
   * wait does not restart at every read; if the disk refuses, it is kept in memory.
   */
  read(now = Date.now()): BackoffState {
    if (this.repaired) return this.repaired;
    const raw = readFileIfExists(this.path);
    if (raw === null) return EMPTY;
    let state: BackoffState | null = null;
    try {
      state = stateSchema.parse(JSON.parse(raw));
    } catch {
      state = null;
    }
    if (state && (state.lastFailureAt === null || state.lastFailureAt <= now)) return state;
    const repaired: BackoffState = {
      failures: Math.max(MAX_LEVEL_FAILURES, state?.failures ?? 0),
      lastFailureAt: now,
      pending: state?.pending ?? [],
    };
    try {
      writeFileAtomic(this.path, JSON.stringify(repaired));
    } catch {
      this.repaired = repaired;
    }
    return repaired;
  }

  private repaired: BackoffState | null = null;

  retryAfterSeconds(now = Date.now()): number {
    const { failures, lastFailureAt } = this.read(now);
    if (lastFailureAt === null) return 0;
    const until = lastFailureAt + delaySeconds(failures) * 1000;
    return Math.max(0, Math.ceil((until - now) / 1000));
  }

  /** `auditLater: false` when the failure is audited at once (a wrong current password). */
  recordFailure(kind: FailureKind, options: { auditLater?: boolean; now?: number } = {}): number {
    const now = options.now ?? Date.now();
    const state = this.read(now);
    const failure = { at: new Date(now).toISOString(), kind };
    const next: BackoffState = {
      failures: state.failures + 1,
      lastFailureAt: now,
      pending:
        options.auditLater === false
          ? state.pending
          : [...state.pending, failure].slice(-MAX_PENDING),
    };
    this.repaired = null;
    try {
      writeFileAtomic(this.path, JSON.stringify(next));
    } catch {
      // A full disk must not lift the back-off: keep it for as long as this process runs.
      this.repaired = next;
    }
    return delaySeconds(next.failures);
  }

  /** After a successful unlock: reset, and hand back the failures for the audit log. */
  takePendingAndReset(): BackoffState['pending'] {
    const { pending, failures } = this.read();
    this.repaired = null;
    if (failures > 0 || pending.length > 0) {
      try {
        writeFileAtomic(this.path, JSON.stringify(EMPTY));
      } catch {
        // Not reset on disk: the wait is short after a success, and the failures are audited now.
      }
    }
    return pending;
  }
}
