// Who is acting, and when: the inputs every case service takes besides the vault. Services run
// the same inside the router, in the demo generator and in the benchmark.
import type { UserSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { Role } from '../../../shared/roles';
import { CLOCK_SKEW_MS, startOfDayInstant, todayIn } from '../../../shared/time';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import type { OpenVault } from '../vault/vault';
import { SETTINGS_ROW_ID } from '../vault/settings';

/**
 * What the case services use of a vault: the database and the one write path. An open vault is
 * one; the benchmark can also build one over an unencrypted database for the encrypted/plain ratio.
 */
export type CaseVault = Pick<OpenVault, 'db' | 'data'>;

export interface CaseActor {
  userId: string;
  role: Role;
  /** Shelter ids or names (matched case-insensitively) the user works in. */
  shelterScope: readonly string[];
  /** The instant the actor acts at; the wall clock unless a generator or test fixes it. */
  now?: Date;
}

export function actorOf(user: UserSummary): CaseActor {
  return { userId: user.id, role: user.role, shelterScope: user.shelterScope };
}

export interface Clock {
  now: Date;
  nowIso: string;
  timeZone: string;
  /** Today's calendar date in the vault's time zone. */
  today: string;
}

export function clockFor(vault: CaseVault, actor: Pick<CaseActor, 'now'>): Clock {
  const now = actor.now ?? new Date();
  const timeZone =
    (vault.db
      .prepare('SELECT time_zone FROM vault_settings WHERE id = ?', { pluck: true })
      .get([SETTINGS_ROW_ID]) as string | undefined) ?? DEFAULT_SETTINGS.timeZone;
  return { now, nowIso: now.toISOString(), timeZone, today: todayIn(timeZone, now) };
}

/** The calendar date (YYYY-MM-DD) of an instant in the vault's time zone. */
export function dateOf(instant: string, timeZone: string): string {
  return todayIn(timeZone, new Date(instant));
}

/** Whole calendar days from one date to a later one. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The UTC instant a calendar date begins in the vault's time zone. */
export function startOfDay(date: string, timeZone: string): string {
  return startOfDayInstant(date, timeZone);
}

export function addDaysTo(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Stored instants are always Date.toISOString() text, so that text order is time order. */
export function normalizeInstant(instant: string): string {
  return new Date(instant).toISOString();
}

/** Collects field errors so that one answer names every bad field; throws VALIDATION if any. */
export class FieldErrors {
  private readonly fields: Record<string, string> = {};

  add(path: string, key: string): this {
    this.fields[path] ??= key;
    return this;
  }

  notFutureDate(path: string, date: string | null | undefined, clock: Clock): this {
    if (date && date > clock.today) this.add(path, 'date.future');
    return this;
  }

  notFutureInstant(path: string, instant: string | null | undefined, clock: Clock): this {
    if (instant && Date.parse(instant) > clock.now.getTime() + CLOCK_SKEW_MS)
      this.add(path, 'date.future');
    return this;
  }

  throwIfAny(): void {
    if (Object.keys(this.fields).length > 0) {
      throw new AppError('VALIDATION', 'validation', { fields: { ...this.fields } });
    }
  }
}

export function fieldError(path: string, key: string): AppError {
  return new AppError('VALIDATION', 'validation', { fields: { [path]: key } });
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', 'notFound');
}
