// Registering, updating and finding survivors' case records.
import { randomInt } from 'node:crypto';
import { recordStatus } from '../../records/status';
import { nextCaseCode } from '../sync';
import { AppError } from '../../../../shared/errors';
import {
  aliasOf,
  foldForSearch,
  initialsOf,
  suggestAlias,
  type ChildStatus,
} from '../../../../shared/children/vocabulary';
import type {
  ChildFields,
  ChildListRow,
  ChildNames,
  ChildRecord,
  StaffOption,
} from '../../../../shared/children/contract';
import {
  clockFor,
  FieldErrors,
  type CaseActor,
  type Clock,
  type CaseVault,
} from '../../records/actor';
import {
  birthColumns,
  childRowById,
  currentPlacementRow,
  LIST_COLUMNS,
  toChildNames,
  toChildRecord,
  toListRow,
} from '../../records/rows';
import type { ListRow } from '../../records/rows';
import { ASSIGNABLE_ROLES, childScope, requireVisibleChild } from '../../records/scope';

export function listCaseworkers(vault: CaseVault): StaffOption[] {
  return vault.db
    .prepare(
      `SELECT id, display_name AS displayName, role FROM users
       WHERE deleted_at IS NULL AND role IN (SELECT value FROM json_each(?))
       ORDER BY display_name COLLATE NOCASE`,
    )
    .all([JSON.stringify(ASSIGNABLE_ROLES)]) as unknown as StaffOption[];
}

/** Without a legal name yet, the initials come from the name the child goes by. */
function legalInitialsOf(input: ChildFields): string {
  return initialsOf(input.legalName ?? input.preferredName ?? '');
}

/**
 * The alias to store: the one typed (normalised), the current one on an update that leaves it
 * out, or a new one at registration. An alias equal to the real initials would hide nothing.
 */
function aliasFor(input: ChildFields, current: string | null, errors: FieldErrors): string {
  const real = legalInitialsOf(input);
  const typed = input.alias === undefined ? null : aliasOf(input.alias);
  const alias = typed ?? current ?? suggestAlias((n) => randomInt(n), real);
  if (alias === real) errors.add('alias', 'alias.sameAsInitials');
  return alias;
}

function checkFields(input: ChildFields, clock: Clock, errors = new FieldErrors()): void {
  const { birth } = input;
  if (birth.kind === 'dob') errors.notFutureDate('birth.dateOfBirth', birth.dateOfBirth, clock);
  else errors.notFutureDate('birth.asOf', birth.asOf, clock);
  errors
    .notFutureDate('referralDate', input.referralDate, clock)
    .notFutureDate('intakeDate', input.intakeDate, clock)
    .notFutureDate('rescueDate', input.rescueDate, clock);
  if (
    birth.kind === 'dob' &&
    birth.dateOfBirth <= clock.today &&
    input.intakeDate < birth.dateOfBirth
  ) {
    errors.add('intakeDate', 'date.beforeBirth');
  }
  errors.throwIfAny();
}

function fieldColumns(input: ChildFields, caseCode: string, alias: string) {
  const preferredName = input.preferredName || null;
  return {
    legal_name: input.legalName ?? '',
    preferred_name: preferredName,
    legal_initials: legalInitialsOf(input),
    alias,
    search_text: foldForSearch([input.legalName ?? '', preferredName ?? '', caseCode].join(' ')),
    ...birthColumns(input.birth),
    sex: input.sex,
    gender_identity: input.genderIdentity || null,
    languages: JSON.stringify(input.languages),
    referral_source: input.referralSource,
    referral_date: input.referralDate,
    intake_date: input.intakeDate,
    rescue_date: input.rescueDate ?? null,
    referring_agency_ref: input.referringAgencyRef || null,
    assigned_caseworker_id: input.assignedCaseworkerId ?? null,
  };
}

export function registerChild(
  vault: CaseVault,
  actor: CaseActor,
  input: ChildFields,
): { id: string; caseCode: string } {
  const clock = clockFor(vault, actor);
  const errors = new FieldErrors();
  const alias = aliasFor(input, null, errors);
  checkFields(input, clock, errors);
  return vault.data.transaction(() => {
    const year = Number(clock.today.slice(0, 4));
    const { code, seq } = nextCaseCode(vault.db, year);
    const id = vault.data.insert('children', {
      case_code: code,
      case_year: year,
      case_seq: seq,
      ...fieldColumns(input, code, alias),
      status: 'intake',
      registered_by: actor.userId,
    });
    recordStatus(vault, id, null, 'intake', clock.nowIso);
    return { id, caseCode: code };
  });
}

/** The child's names, for "Show name" and the edit form; the router audits the call as a view. */
export function revealChildNames(vault: CaseVault, actor: CaseActor, id: string): ChildNames {
  return toChildNames(requireVisibleChild(vault, actor, id));
}

export function getChildRecord(vault: CaseVault, actor: CaseActor, id: string): ChildRecord {
  return toChildRecord(requireVisibleChild(vault, actor, id), clockFor(vault, actor).today);
}

/** Replaces the case record's fields; an omitted optional field is cleared. */
export function updateChild(
  vault: CaseVault,
  actor: CaseActor,
  input: ChildFields & { id: string },
): ChildRecord {
  const row = requireVisibleChild(vault, actor, input.id);
  const clock = clockFor(vault, actor);
  const { id, ...fields } = input;
  const errors = new FieldErrors();
  const alias = aliasFor(fields, row.alias, errors);
  checkFields(fields, clock, errors);
  vault.data.update('children', id, fieldColumns(fields, row.case_code, alias));
  // The caller may have just handed the case to someone else: answer without the scope check.
  return toChildRecord(childRowById(vault, id), clock.today);
}

/**
 * 'in_care' means "has a current placement": admission and discharge set it, so here it can
 * neither be set without a placement nor left while placed. Closing needs a coordinator's
 * approval and reopening a reason, both through reintegration's closure; any other change is free.
 */
export function setChildStatus(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; status: ChildStatus },
): ChildRecord {
  const row = requireVisibleChild(vault, actor, input.id);
  const placed = currentPlacementRow(vault, row.id) !== null;
  if (placed && input.status !== 'in_care') throw new AppError('CONFLICT', 'status.placed');
  if (!placed && input.status === 'in_care') throw new AppError('CONFLICT', 'status.notPlaced');
  if (input.status === 'closed') throw new AppError('CONFLICT', 'status.closeNeedsApproval');
  if (row.status === 'closed') throw new AppError('CONFLICT', 'status.reopenWithReason');
  const clock = clockFor(vault, actor);
  vault.data.transaction(() => recordStatus(vault, row.id, row.status, input.status, clock.nowIso));
  return toChildRecord(childRowById(vault, row.id), clock.today);
}

export interface SearchInput {
  text?: string | undefined;
  status?: ChildStatus | undefined;
  shelterId?: string | undefined;
  caseworkerId?: string | undefined;
  limit: number;
  offset: number;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Case code, name (accent- and case-insensitive), status, shelter and caseworker; newest first. */
export function searchChildren(
  vault: CaseVault,
  actor: CaseActor,
  input: SearchInput,
): { rows: ChildListRow[]; total: number } {
  const scope = childScope(vault, actor);
  const where = ['c.deleted_at IS NULL', scope.sql];
  const params: Record<string, string | number> = { ...scope.params };
  const words = foldForSearch(input.text ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
  words.forEach((word, i) => {
    where.push(`c.search_text LIKE $w${i} ESCAPE '\\'`);
    params[`w${i}`] = `%${escapeLike(word)}%`;
  });
  if (input.status) {
    where.push('c.status = $status');
    params.status = input.status;
  }
  if (input.caseworkerId) {
    where.push('c.assigned_caseworker_id = $caseworker');
    params.caseworker = input.caseworkerId;
  }
  if (input.shelterId) {
    where.push(`c.id IN (SELECT fp.child_id FROM placements fp WHERE fp.shelter_id = $shelter
      AND fp.end_at IS NULL AND fp.deleted_at IS NULL)`);
    params.shelter = input.shelterId;
  }
  const condition = where.join(' AND ');
  const total = Number(
    vault.db
      .prepare(`SELECT count(*) FROM children c WHERE ${condition}`, { pluck: true })
      // The driver refuses an empty object for a statement without named parameters.
      .get(Object.keys(params).length ? params : undefined),
  );
  const rows = vault.db
    .prepare(
      `SELECT ${LIST_COLUMNS} FROM children c WHERE ${condition}
       ORDER BY c.case_year DESC, c.case_seq DESC LIMIT $limit OFFSET $offset`,
    )
    .all({ ...params, limit: input.limit, offset: input.offset }) as unknown as ListRow[];
  const { today } = clockFor(vault, actor);
  return { rows: rows.map((r) => toListRow(r, today)), total };
}
