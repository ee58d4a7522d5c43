// Admission, transfer, discharge and correction of placements, with the soft rules (sex, age,
// capacity, siblings apart) that can be overridden only with a typed reason.
import { AppError } from '../../../../shared/errors';
import { ageOn } from '../../../../shared/children/vocabulary';
import {
  softRuleWarning,
  statusAfterDischarge,
  type SoftRule,
} from '../../../../shared/shelters/vocabulary';
import type { Placement } from '../../../../shared/shelters/contract';
import { recordStatus } from '../../records/status';
import type { DischargeEffect, DischargeGuard, DischargeInput } from '../../runtime/domain';

export type {
  DischargeEffect,
  DischargeGuard,
  DischargeInput,
  DischargeRequest,
} from '../../runtime/domain';
import {
  clockFor,
  dateOf,
  FieldErrors,
  fieldError,
  normalizeInstant,
  notFound,
  type CaseActor,
  type Clock,
  type CaseVault,
} from '../../records/actor';
import { assertNoConflict, insertPlacement, slotOf, updatePlacement } from './placement-store';
import {
  bedRowById,
  birthOf,
  currentPlacementRow,
  loadPlacement,
  shelterRowById,
  type BedRow,
  type ChildRow,
  type PlacementRow,
  type ShelterRow,
} from '../../records/rows';
import { requireVisibleChild, visibleChildIds } from '../../records/scope';

export interface PlacementResult {
  placement: Placement;
  /** Soft rules broken and overridden with the typed reason (for the audit entry). */
  overridden: SoftRule[];
}

// ---- soft rules ------------------------------------------------------------------------------
export interface SoftRuleCheck {
  child: ChildRow;
  shelter: ShelterRow;
  /** The instant the placement starts. */
  at: string;
  /** A placement that does not count (the one being edited). */
  ignorePlacementId?: string | null;
  rules?: readonly SoftRule[];
}

/** The soft rules a placement would break. */
export function softRuleWarnings(vault: CaseVault, clock: Clock, check: SoftRuleCheck): SoftRule[] {
  const { child, shelter, at } = check;
  const rules = new Set(
    check.rules ?? (['shelterSex', 'shelterAge', 'shelterCapacity', 'siblingsApart'] as const),
  );
  const broken: SoftRule[] = [];
  if (rules.has('shelterSex') && shelter.sex_rule !== 'any' && child.sex !== shelter.sex_rule) {
    broken.push('shelterSex');
  }
  if (rules.has('shelterAge')) {
    const { age } = ageOn(birthOf(child), dateOf(at, clock.timeZone));
    if (age < shelter.min_age || age > shelter.max_age) broken.push('shelterAge');
  }
  if (rules.has('shelterCapacity')) {
    const occupied = Number(
      vault.db
        .prepare(
          `SELECT count(*) FROM placements WHERE shelter_id = $shelter AND deleted_at IS NULL
           AND start_at <= $at AND (end_at IS NULL OR end_at > $at) AND id <> $ignore`,
          { pluck: true },
        )
        .get({ shelter: shelter.id, at, ignore: check.ignorePlacementId ?? '' }),
    );
    if (occupied >= shelter.capacity) broken.push('shelterCapacity');
  }
  if (rules.has('siblingsApart') && child.sibling_group_id) {
    const apart = vault.db
      .prepare(
        `SELECT 1 FROM children c JOIN placements p ON p.child_id = c.id
         AND p.end_at IS NULL AND p.deleted_at IS NULL
         WHERE c.sibling_group_id = $group AND c.id <> $child AND c.deleted_at IS NULL
           AND p.shelter_id <> $shelter LIMIT 1`,
      )
      .get({ group: child.sibling_group_id, child: child.id, shelter: shelter.id });
    if (apart) broken.push('siblingsApart');
  }
  return broken;
}

/** NEEDS_OVERRIDE unless a reason is given; returns the reason to store, or null. */
function resolveOverride(broken: SoftRule[], overrideReason: string | undefined): string | null {
  if (broken.length === 0) return null;
  if (!overrideReason) {
    throw new AppError('NEEDS_OVERRIDE', 'needsOverride', {
      warnings: broken.map(softRuleWarning),
    });
  }
  return overrideReason;
}

// ---- shared steps ----------------------------------------------------------------------------
function requireBed(
  vault: CaseVault,
  bedId: string,
  field: string,
): BedRow & { shelter: ShelterRow } {
  const bed = bedRowById(vault, bedId);
  const shelter = bed ? shelterRowById(vault, bed.shelter_id) : null;
  if (!bed || !shelter) throw fieldError(field, 'invalid');
  return { ...bed, shelter };
}

/** Names the child the bed is held for only when the actor may see that child. */
function refuseIfReservedForOther(
  vault: CaseVault,
  actor: CaseActor,
  bed: BedRow,
  childId: string,
): void {
  const holderId = bed.reserved_for_child_id;
  if (!holderId || holderId === childId) return;
  if (!visibleChildIds(vault, actor, [holderId]).has(holderId)) {
    throw new AppError('CONFLICT', 'bed.reserved');
  }
  const holder = vault.db
    .prepare('SELECT case_code AS caseCode, alias AS initials FROM children WHERE id = ?')
    .get([holderId]) as { caseCode: string; initials: string } | undefined;
  throw new AppError('CONFLICT', 'bed.reserved', {
    details: { caseCode: holder?.caseCode ?? null, initials: holder?.initials ?? null },
  });
}

/** A placed child no longer needs a held bed. */
function releaseReservations(vault: CaseVault, childId: string): void {
  const beds = vault.db
    .prepare('SELECT id FROM beds WHERE reserved_for_child_id = ?', { pluck: true })
    .all([childId]) as string[];
  for (const id of beds) vault.data.update('beds', id, { reserved_for_child_id: null });
}

function requireCurrent(vault: CaseVault, childId: string): PlacementRow {
  const current = currentPlacementRow(vault, childId);
  if (!current) throw new AppError('CONFLICT', 'placement.notPlaced');
  return current;
}

/**
 * The child's other open stays: none, unless two computers offline at once each placed her.
 * A transfer or discharge ends them with the current one, so she is in one bed (or none) after.
 */
function otherOpenStays(vault: CaseVault, current: PlacementRow): PlacementRow[] {
  return vault.db
    .prepare(
      `SELECT * FROM placements WHERE child_id = ? AND id <> ? AND end_at IS NULL
       AND deleted_at IS NULL ORDER BY start_at`,
    )
    .all([current.child_id, current.id]) as unknown as PlacementRow[];
}

// ---- admit -----------------------------------------------------------------------------------
export interface AdmitInput {
  childId: string;
  bedId: string;
  startAt: string;
  reason: string;
  overrideReason?: string | undefined;
}

export function admitChild(vault: CaseVault, actor: CaseActor, input: AdmitInput): PlacementResult {
  const clock = clockFor(vault, actor);
  const child = requireVisibleChild(vault, actor, input.childId);
  const startAt = normalizeInstant(input.startAt);
  new FieldErrors().notFutureInstant('startAt', startAt, clock).throwIfAny();
  const bed = requireBed(vault, input.bedId, 'bedId');
  refuseIfReservedForOther(vault, actor, bed, child.id);
  return vault.data.transaction(() => {
    const slot = { childId: child.id, bedId: bed.id, startAt, endAt: null };
    // Hard rules first: no override can help with them.
    assertNoConflict(vault, slot, actor);
    const broken = softRuleWarnings(vault, clock, { child, shelter: bed.shelter, at: startAt });
    const override = resolveOverride(broken, input.overrideReason);
    const id = insertPlacement(vault, {
      child_id: child.id,
      shelter_id: bed.shelter_id,
      bed_id: bed.id,
      start_at: startAt,
      end_at: null,
      reason: input.reason,
      override_reason: override,
    });
    releaseReservations(vault, child.id);
    recordStatus(vault, child.id, child.status, 'in_care', startAt);
    return { placement: loadPlacement(vault, id), overridden: override ? broken : [] };
  });
}

// ---- transfer --------------------------------------------------------------------------------
export interface TransferInput {
  childId: string;
  toBedId: string;
  at: string;
  reason: string;
  overrideReason?: string | undefined;
}

/**
 * What ending the child's current placement at `input.at` needs, for transfer and discharge
 * alike: the instant, and the field errors found so far (in the future, before the start).
 */
function endOfCurrentPlacement(
  vault: CaseVault,
  actor: CaseActor,
  input: { childId: string; at: string },
) {
  const clock = clockFor(vault, actor);
  const child = requireVisibleChild(vault, actor, input.childId);
  const current = requireCurrent(vault, child.id);
  const others = otherOpenStays(vault, current);
  const at = normalizeInstant(input.at);
  const errors = new FieldErrors().notFutureInstant('at', at, clock);
  // Ending a placement at its own start would leave a stay of no length, which no one had.
  if ([current, ...others].some((stay) => at <= stay.start_at)) {
    errors.add('at', 'placement.endBeforeStart');
  }
  return { clock, child, current, others, at, errors };
}

/** Ends the current placement at exactly the instant the new one starts, in one transaction. */
export function transferChild(
  vault: CaseVault,
  actor: CaseActor,
  input: TransferInput,
): PlacementResult {
  const { clock, child, current, others, at, errors } = endOfCurrentPlacement(vault, actor, input);
  if (input.toBedId === current.bed_id) errors.add('toBedId', 'transfer.sameBed');
  errors.throwIfAny();
  const bed = requireBed(vault, input.toBedId, 'toBedId');
  refuseIfReservedForOther(vault, actor, bed, child.id);
  return vault.data.transaction(() => {
    for (const stay of [current, ...others]) updatePlacement(vault, stay, { end_at: at });
    assertNoConflict(vault, { childId: child.id, bedId: bed.id, startAt: at, endAt: null }, actor);
    const broken = softRuleWarnings(vault, clock, { child, shelter: bed.shelter, at });
    const override = resolveOverride(broken, input.overrideReason);
    const id = insertPlacement(vault, {
      child_id: child.id,
      shelter_id: bed.shelter_id,
      bed_id: bed.id,
      start_at: at,
      end_at: null,
      reason: input.reason,
      override_reason: override,
    });
    releaseReservations(vault, child.id);
    return { placement: loadPlacement(vault, id), overridden: override ? broken : [] };
  });
}

// ---- discharge -------------------------------------------------------------------------------

/**
 * The single discharge path: ends the current placement and moves the case on. `guards` are the
 * domains' pre-discharge checks and `effects` what they write once it went ahead (the
 * composition root gathers both, e.g. reintegration's gates and follow-up visits).
 */
export function dischargeChild(
  vault: CaseVault,
  actor: CaseActor,
  input: DischargeInput,
  guards: readonly DischargeGuard[] = [],
  effects: readonly DischargeEffect[] = [],
): Placement {
  const { clock, child, current, others, at, errors } = endOfCurrentPlacement(vault, actor, input);
  if (!input.exitNote.trim()) errors.add('exitNote', 'required');
  errors.throwIfAny();
  return vault.data.transaction(() => {
    const request = { ...input, at, actor, child, placement: current, clock };
    for (const guard of guards) guard(vault, request);
    for (const stay of [current, ...others]) {
      updatePlacement(vault, stay, {
        end_at: at,
        exit_destination: input.destination,
        exit_note: input.exitNote.trim(),
      });
    }
    releaseReservations(vault, child.id);
    recordStatus(vault, child.id, child.status, statusAfterDischarge(input.destination), at);
    for (const effect of effects) effect(vault, request);
    return loadPlacement(vault, current.id);
  });
}

// ---- correction ------------------------------------------------------------------------------
export interface EditPlacementInput {
  id: string;
  startAt: string;
  endAt: string | null;
  overrideReason?: string | undefined;
}

/**
 * Corrects or backdates a placement's dates. The invariants hold as for any write; an open
 * placement stays open (discharge or transfer closes it) and a closed one stays closed, so the
 * child's status stays true. A new start re-checks the age and capacity rules at that instant.
 */
export function editPlacement(
  vault: CaseVault,
  actor: CaseActor,
  input: EditPlacementInput,
): PlacementResult {
  const clock = clockFor(vault, actor);
  const row = vault.db
    .prepare('SELECT * FROM placements WHERE id = ? AND deleted_at IS NULL')
    .get([input.id]) as PlacementRow | undefined;
  if (!row) throw notFound();
  const child = requireVisibleChild(vault, actor, row.child_id);
  const startAt = normalizeInstant(input.startAt);
  const endAt = input.endAt === null ? null : normalizeInstant(input.endAt);
  const errors = new FieldErrors()
    .notFutureInstant('startAt', startAt, clock)
    .notFutureInstant('endAt', endAt, clock);
  if (endAt !== null && endAt <= startAt) errors.add('endAt', 'placement.endBeforeStart');
  if (row.end_at === null && endAt !== null) errors.add('endAt', 'placement.useDischarge');
  if (row.end_at !== null && endAt === null) errors.add('endAt', 'placement.cannotReopen');
  errors.throwIfAny();
  const shelter = shelterRowById(vault, row.shelter_id);
  if (!shelter) throw notFound();
  return vault.data.transaction(() => {
    const slot = { ...slotOf(row), startAt, endAt, ignoreId: row.id, was: slotOf(row) };
    assertNoConflict(vault, slot, actor);
    const broken =
      startAt === row.start_at
        ? []
        : softRuleWarnings(vault, clock, {
            child,
            shelter,
            at: startAt,
            ignorePlacementId: row.id,
            rules: ['shelterAge', 'shelterCapacity'],
          });
    const override = resolveOverride(broken, input.overrideReason);
    updatePlacement(vault, row, {
      start_at: startAt,
      end_at: endAt,
      ...(override ? { override_reason: override } : {}),
    });
    return { placement: loadPlacement(vault, row.id), overridden: override ? broken : [] };
  });
}
