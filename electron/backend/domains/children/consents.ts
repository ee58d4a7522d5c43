// Consent records, and the one answer later features ask before sharing or reporting.
import { AppError } from '../../../../shared/errors';
import type { ConsentGiver, ConsentType } from '../../../../shared/children/vocabulary';
import type { Consent } from '../../../../shared/children/contract';
import { isFlagged } from './family';
import { memberOfChild } from './household-members';
import {
  clockFor,
  FieldErrors,
  fieldError,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { requireVisibleChild } from '../../records/scope';

interface ConsentRow {
  id: string;
  child_id: string;
  type: ConsentType;
  agency: string | null;
  given_by: ConsentGiver;
  given_by_member_id: string | null;
  given_on: string;
  scope: string;
  withdrawn_on: string | null;
  withdrawn_reason: string | null;
}

function toConsent(row: ConsentRow): Consent {
  return {
    id: row.id,
    childId: row.child_id,
    type: row.type,
    agency: row.agency,
    givenBy: row.given_by,
    givenByMemberId: row.given_by_member_id,
    givenOn: row.given_on,
    scope: row.scope,
    withdrawnOn: row.withdrawn_on,
    withdrawnReason: row.withdrawn_reason,
  };
}

function consentRow(vault: CaseVault, id: string): ConsentRow | null {
  return (
    (vault.db.prepare('SELECT * FROM consents WHERE id = ? AND deleted_at IS NULL').get([id]) as
      ConsentRow | undefined) ?? null
  );
}

export function consentsOf(vault: CaseVault, childId: string): Consent[] {
  return (
    vault.db
      .prepare(
        'SELECT * FROM consents WHERE child_id = ? AND deleted_at IS NULL ORDER BY given_on DESC',
      )
      .all([childId]) as unknown as ConsentRow[]
  ).map(toConsent);
}

export interface ConsentInput {
  childId: string;
  type: ConsentType;
  agency?: string | undefined;
  givenBy: ConsentGiver;
  givenByMemberId?: string | undefined;
  givenOn: string;
  scope: string;
}

export function recordConsent(vault: CaseVault, actor: CaseActor, input: ConsentInput): Consent {
  const child = requireVisibleChild(vault, actor, input.childId);
  const errors = new FieldErrors().notFutureDate('givenOn', input.givenOn, clockFor(vault, actor));
  // Sharing is always with someone: the consent names the agency.
  if (input.type === 'sharing' && !input.agency) errors.add('agency', 'consent.agencyRequired');
  if (input.givenByMemberId) {
    const giver = familyGiver(vault, child.id, input.givenByMemberId);
    if (input.givenBy !== 'guardian') errors.add('givenByMemberId', 'consent.giverNotGuardian');
    else if (isFlagged(giver)) errors.add('givenByMemberId', 'consent.flaggedGiver');
  }
  errors.throwIfAny();
  const id = vault.data.insert('consents', {
    child_id: child.id,
    type: input.type,
    agency: input.agency || null,
    given_by: input.givenBy,
    given_by_member_id: input.givenByMemberId ?? null,
    given_on: input.givenOn,
    scope: input.scope,
  });
  return toConsent(consentRow(vault, id)!);
}

/**
 * The family member named as the consent's giver: one of this child's household (whose flags
 * count for every child of it), else not found.
 */
function familyGiver(
  vault: CaseVault,
  childId: string,
  memberId: string,
): { alleged_offender: number; no_contact_order: number } {
  const row = vault.db
    .prepare(
      `SELECT f.alleged_offender, f.no_contact_order FROM family_members f
       WHERE f.id = $member AND f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}`,
    )
    .get({ member: memberId, child: childId }) as
    { alleged_offender: number; no_contact_order: number } | undefined;
  if (!row) throw fieldError('givenByMemberId', 'notFound');
  return row;
}

export function withdrawConsent(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; withdrawnOn: string; reason: string },
): Consent {
  const row = consentRow(vault, input.id);
  if (!row) throw notFound();
  requireVisibleChild(vault, actor, row.child_id);
  if (row.withdrawn_on) throw new AppError('CONFLICT', 'consent.alreadyWithdrawn');
  const errors = new FieldErrors().notFutureDate(
    'withdrawnOn',
    input.withdrawnOn,
    clockFor(vault, actor),
  );
  if (input.withdrawnOn < row.given_on) errors.add('withdrawnOn', 'consent.withdrawnBeforeGiven');
  errors.throwIfAny();
  vault.data.update('consents', row.id, {
    withdrawn_on: input.withdrawnOn,
    withdrawn_reason: input.reason,
  });
  return toConsent(consentRow(vault, row.id)!);
}

function sameAgency(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'accent' }) === 0;
}

/**
 * Is `type` consented for this child on `on` (default: today in the vault's time zone)? A consent
 * counts from the day it was given until the day before it was withdrawn; sharing counts only
 * for the named agency (case-insensitive). No scope check: callers check the child first.
 */
export function isConsentActive(
  vault: CaseVault,
  childId: string,
  type: ConsentType,
  agency?: string | null,
  on: string = clockFor(vault, {}).today,
): { allowed: boolean; consentId: string | null } {
  if (type === 'sharing' && !agency) return { allowed: false, consentId: null };
  const rows = vault.db
    .prepare(
      `SELECT id, agency FROM consents WHERE child_id = $child AND type = $type
       AND deleted_at IS NULL AND given_on <= $on AND (withdrawn_on IS NULL OR withdrawn_on > $on)
       ORDER BY given_on DESC`,
    )
    .all({ child: childId, type, on }) as { id: string; agency: string | null }[];
  const match = rows.find(
    (r) => type !== 'sharing' || (r.agency !== null && sameAgency(r.agency, agency!)),
  );
  return { allowed: match !== undefined, consentId: match?.id ?? null };
}

export function checkConsent(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; type: ConsentType; agency?: string | undefined },
): { allowed: boolean; consentId: string | null } {
  requireVisibleChild(vault, actor, input.childId);
  return isConsentActive(
    vault,
    input.childId,
    input.type,
    input.agency,
    clockFor(vault, actor).today,
  );
}
