// Case codes unique across the organisation without a central server: once a computer shares its
// vault, the codes it gives carry its own tag (AR-2026-K7Q-0001), numbered per tag and year, so
// two computers offline at once never give the same code. A vault that shares with no one keeps
// the plain form (AR-2026-0001). Tags are picked when a computer is added (identity.ts).
import type { Db } from '../../db/sqlcipher';

/** This computer's case-code tag, or null while it shares with no one. */
export function caseCodeTag(db: Db): string | null {
  return (
    (db
      .prepare(
        'SELECT c.case_tag FROM sync_identity i JOIN sync_computers c ON c.id = i.device_id',
        { pluck: true },
      )
      .get() as string | undefined) ?? null
  );
}

/** The next case code this computer gives for `year`, and its number. */
export function nextCaseCode(db: Db, year: number): { code: string; seq: number } {
  const tag = caseCodeTag(db);
  const prefix = tag ? `AR-${year}-${tag}-` : `AR-${year}-`;
  const last = db
    .prepare(
      tag
        ? 'SELECT max(case_seq) FROM children WHERE case_year = ? AND substr(case_code, 1, ?) = ?'
        : 'SELECT max(case_seq) FROM children WHERE case_year = ?',
      { pluck: true },
    )
    .get(tag ? [year, prefix.length, prefix] : [year]) as number | null;
  const seq = (last ?? 0) + 1;
  return { code: `${prefix}${String(seq).padStart(4, '0')}`, seq };
}
