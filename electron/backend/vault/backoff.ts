// Failed-unlock back-off, persisted beside the keyring so a restart does not reset it. The file
// holds only counts and times: never a username. Failures are copied into the audit log at the
// next successful unlock, since the log itself is inside the locked database.
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

  read(): BackoffState {
    const raw = readFileIfExists(this.path);
    if (raw === null) return EMPTY;
    try {
      return stateSchema.parse(JSON.parse(raw));
    } catch {
      // A damaged file must not disable the back-off: assume the worst recent state.
      return { failures: 8, lastFailureAt: Date.now(), pending: [] };
    }
  }

  retryAfterSeconds(now = Date.now()): number {
    const { failures, lastFailureAt } = this.read();
    if (lastFailureAt === null) return 0;
    const until = lastFailureAt + delaySeconds(failures) * 1000;
    return Math.max(0, Math.ceil((until - now) / 1000));
  }

  recordFailure(kind: FailureKind, now = Date.now()): number {
    const state = this.read();
    const next: BackoffState = {
      failures: state.failures + 1,
      lastFailureAt: now,
      pending: [...state.pending, { at: new Date(now).toISOString(), kind }].slice(-MAX_PENDING),
    };
    writeFileAtomic(this.path, JSON.stringify(next));
    return delaySeconds(next.failures);
  }

  /** After a successful unlock: reset, and hand back the failures for the audit log. */
  takePendingAndReset(): BackoffState['pending'] {
    const { pending, failures } = this.read();
    if (failures > 0 || pending.length > 0) writeFileAtomic(this.path, JSON.stringify(EMPTY));
    return pending;
  }
}
