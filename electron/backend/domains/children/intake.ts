// The intake account: the child's own account, recorded once, opened only on purpose (audited).
import { AppError } from '../../../../shared/errors';
import { clockFor, notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';

interface IntakeRow {
  account: string;
  recorded_at: string;
  recorded_by_name: string | null;
}

const INTAKE_SELECT = `SELECT i.account, i.recorded_at, u.display_name AS recorded_by_name
  FROM intake_accounts i LEFT JOIN users u ON u.id = i.recorded_by WHERE i.child_id = ?`;

/** The child's account is recorded once; later forms link to it and never ask for it again. */
export function recordIntake(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; account: string },
): void {
  const child = requireVisibleChild(vault, actor, input.childId);
  vault.data.transaction(() => {
    if (vault.db.prepare('SELECT 1 FROM intake_accounts WHERE child_id = ?').get([child.id])) {
      throw new AppError('CONFLICT', 'intake.alreadyRecorded');
    }
    vault.data.insert('intake_accounts', {
      child_id: child.id,
      account: input.account,
      recorded_at: clockFor(vault, actor).nowIso,
      recorded_by: actor.userId,
    });
  });
}

/** When and by whom, never the account itself: what the case file shows before it is opened. */
export function intakeSummary(
  vault: CaseVault,
  childId: string,
): { recordedAt: string; recordedByName: string | null } | null {
  const row = vault.db.prepare(INTAKE_SELECT).get([childId]) as IntakeRow | undefined;
  return row ? { recordedAt: row.recorded_at, recordedByName: row.recorded_by_name } : null;
}

export function openIntake(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
): { account: string; recordedAt: string; recordedByName: string | null } {
  const child = requireVisibleChild(vault, actor, childId);
  const row = vault.db.prepare(INTAKE_SELECT).get([child.id]) as IntakeRow | undefined;
  if (!row) throw notFound();
  return {
    account: row.account,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
  };
}
