// Case codes unique across the organisation without a central server: once a computer shares its
// vault, the codes it gives carry its own tag (AR-2026-K7Q-0001), numbered per tag and year, so
// two computers offline at once never give the same code. A vault that shares with no one keeps
// the plain form (AR-2026-0001). Tags are picked when a computer is added (identity.ts); two
// computers adding others while both offline can still pick one tag twice, so a code given twice
// is listed as a conflict and resolved by giving one child a new code.
import { foldForSearch } from '../../../../shared/children/vocabulary';
import { AppError } from '../../../../shared/errors';
import type { Db } from '../../db/sqlcipher';
import type { SyncVault } from './changes';

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

/**
 * Resolves a case code given twice (two computers that picked one tag): `childId` takes the next
 * code this computer gives for its year. Its former code stays in its search text, so searching
 * for the code on old paperwork still finds the child.
 */
export function giveNewCaseCode(
  vault: SyncVault,
  childId: string,
): { childId: string; caseCode: string; formerCode: string } {
  const child = vault.db
    .prepare(
      'SELECT case_code, case_year, search_text FROM children WHERE id = ? AND deleted_at IS NULL',
    )
    .get([childId]) as { case_code: string; case_year: number; search_text: string } | undefined;
  if (!child) throw new AppError('NOT_FOUND', 'notFound');
  const shared = vault.db
    .prepare(
      'SELECT count(*) FROM children WHERE case_code = ? AND id <> ? AND deleted_at IS NULL',
      { pluck: true },
    )
    .get([child.case_code, childId]) as number;
  if (shared === 0) throw new AppError('CONFLICT', 'sync.caseCodeNotTwice');
  const { code, seq } = nextCaseCode(vault.db, child.case_year);
  vault.data.update('children', childId, {
    case_code: code,
    case_seq: seq,
    search_text: `${child.search_text} ${foldForSearch(code)}`,
  });
  return { childId, caseCode: code, formerCode: child.case_code };
}
