// The intake account as a reference, not a second interview: where the child's account is held
// (the joint interview, a video, an affidavit), an optional free text, and signed addenda that
// correct it while the original stays. Opened only on purpose (audited); anyone outside the
// child's own team gives a reason, kept in intake_reads.
import { AppError } from '../../../../shared/errors';
import type {
  IntakeAccount,
  IntakeAddendum,
  IntakeSummary,
} from '../../../../shared/children/contract';
import type { IntakeHeldWhere } from '../../../../shared/children/vocabulary';
import {
  clockFor,
  fieldError,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import type { ChildRow } from '../../records/rows';
import { childScope, onCaseload, requireVisibleChild } from '../../records/scope';
import type { IntakeAccountRow } from '../../../../shared/children/intake-accounts-contract';

interface IntakeRow {
  account: string;
  held_where: IntakeHeldWhere | null;
  reference: string | null;
  recorded_at: string;
  recorded_by_name: string | null;
}

const INTAKE_SELECT = `SELECT i.account, i.held_where, i.reference, i.recorded_at,
    u.display_name AS recorded_by_name
  FROM intake_accounts i LEFT JOIN users u ON u.id = i.recorded_by WHERE i.child_id = ?`;

/** The child's account is recorded once; later forms link to it and never ask for it again. */
export function recordIntake(
  vault: CaseVault,
  actor: CaseActor,
  input: {
    childId: string;
    heldWhere: IntakeHeldWhere;
    reference: string;
    account?: string | undefined;
  },
): void {
  const child = requireVisibleChild(vault, actor, input.childId);
  vault.data.transaction(() => {
    if (vault.db.prepare('SELECT 1 FROM intake_accounts WHERE child_id = ?').get([child.id])) {
      throw new AppError('CONFLICT', 'intake.alreadyRecorded');
    }
    vault.data.insert('intake_accounts', {
      child_id: child.id,
      held_where: input.heldWhere,
      reference: input.reference,
      // The column predates the optional text: '' is "no free text".
      account: input.account ?? '',
      recorded_at: clockFor(vault, actor).nowIso,
      recorded_by: actor.userId,
    });
  });
}

/**
 * The child's own team opens the account without a reason: a coordinator, the assigned
 * caseworker, a therapist with the child on their caseload.
 */
export function opensIntakeDirectly(vault: CaseVault, actor: CaseActor, child: ChildRow): boolean {
  if (actor.role === 'coordinator') return true;
  if (actor.role === 'caseworker') return child.assigned_caseworker_id === actor.userId;
  return actor.role === 'therapist' && onCaseload(vault, actor, child.id);
}

/** Where and by whom, never the account itself: what the case file shows before it is opened. */
export function intakeSummary(
  vault: CaseVault,
  actor: CaseActor,
  child: ChildRow,
): IntakeSummary | null {
  const row = vault.db.prepare(INTAKE_SELECT).get([child.id]) as IntakeRow | undefined;
  if (!row) return null;
  const addenda = vault.db
    .prepare('SELECT count(*) FROM intake_addenda WHERE child_id = ?', { pluck: true })
    .get([child.id]) as number;
  return {
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
    heldWhere: row.held_where,
    reference: row.reference,
    hasAccount: row.account !== '',
    addenda,
    reasonNeeded: !opensIntakeDirectly(vault, actor, child),
  };
}

/**
 * The recorded accounts of the children in the actor's scope, by case code, each as its summary
 * (never the content): a therapist's list, since she has no case file to find them in.
 */
export function intakeAccounts(vault: CaseVault, actor: CaseActor): IntakeAccountRow[] {
  const scope = childScope(vault, actor);
  const children = vault.db
    .prepare(
      `SELECT c.* FROM children c JOIN intake_accounts i ON i.child_id = c.id
       WHERE c.deleted_at IS NULL AND ${scope.sql} ORDER BY c.case_code LIMIT 500`,
    )
    .all(scope.params) as unknown as ChildRow[];
  return children.map((child) => ({
    childId: child.id,
    caseCode: child.case_code,
    alias: child.alias,
    summary: intakeSummary(vault, actor, child)!,
  }));
}

/** When the account was recorded, for the timeline. */
export function intakeRecordedAt(vault: CaseVault, childId: string): string | null {
  return (
    (vault.db
      .prepare('SELECT recorded_at FROM intake_accounts WHERE child_id = ?', { pluck: true })
      .get([childId]) as string | undefined) ?? null
  );
}

function addendaOf(vault: CaseVault, childId: string): IntakeAddendum[] {
  const rows = vault.db
    .prepare(
      `SELECT a.id, a.text, a.signed_at, u.display_name AS signed_by_name FROM intake_addenda a
       LEFT JOIN users u ON u.id = a.signed_by WHERE a.child_id = ? ORDER BY a.signed_at, a.id`,
    )
    .all([childId]) as { id: string; text: string; signed_at: string; signed_by_name: string }[];
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    signedAt: r.signed_at,
    signedByName: r.signed_by_name,
  }));
}

export function openIntake(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; reason?: string | undefined },
): IntakeAccount {
  const child = requireVisibleChild(vault, actor, input.childId);
  const row = vault.db.prepare(INTAKE_SELECT).get([child.id]) as IntakeRow | undefined;
  if (!row) throw notFound();
  if (!opensIntakeDirectly(vault, actor, child)) {
    if (!input.reason) throw fieldError('reason', 'intake.reasonRequired');
    vault.data.insert('intake_reads', {
      child_id: child.id,
      reader_id: actor.userId,
      reason: input.reason,
      read_at: clockFor(vault, actor).nowIso,
    });
  }
  return {
    account: row.account === '' ? null : row.account,
    heldWhere: row.held_where,
    reference: row.reference,
    recordedAt: row.recorded_at,
    recordedByName: row.recorded_by_name,
    addenda: addendaOf(vault, child.id),
  };
}

/** A correction, signed (who and when) by the writer; nothing of the account is changed. */
export function addIntakeAddendum(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; text: string },
): IntakeAddendum {
  const child = requireVisibleChild(vault, actor, input.childId);
  if (!vault.db.prepare('SELECT 1 FROM intake_accounts WHERE child_id = ?').get([child.id])) {
    throw notFound();
  }
  const signedAt = clockFor(vault, actor).nowIso;
  const id = vault.data.insert('intake_addenda', {
    child_id: child.id,
    text: input.text,
    signed_at: signedAt,
    signed_by: actor.userId,
  });
  return addendaOf(vault, child.id).find((a) => a.id === id)!;
}
