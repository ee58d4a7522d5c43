// Shelters, their rooms and beds, and bed reservations.
import { AppError } from '../../../../shared/errors';
import { canSeeShelterAddress } from '../../../../shared/shelters/vocabulary';
import type { Shelter, ShelterName } from '../../../../shared/shelters/contract';
import type { ShelterSexRule, ShelterType } from '../../../../shared/shelters/vocabulary';
import { fieldError, notFound, type CaseActor, type CaseVault } from '../../records/actor';
import { bedRowById, shelterRowById, type BedRow, type ShelterRow } from '../../records/rows';
import {
  requireShelterInScope,
  requireVisibleChild,
  scopeShelterIds,
  seesAllShelters,
} from '../../records/scope';

const bedOrder = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Room, then label, in natural order ("Bed 2" before "Bed 10"). */
export function compareBeds(
  a: { room: string | null; label: string },
  b: { room: string | null; label: string },
): number {
  return bedOrder.compare(a.room ?? '', b.room ?? '') || bedOrder.compare(a.label, b.label);
}

function toShelter(
  row: ShelterRow,
  beds: BedRow[],
  actor: CaseActor,
  scope: ReadonlySet<string> | null,
): Shelter {
  const inScope = scope === null || scope.has(row.id);
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    address: canSeeShelterAddress(actor.role) ? row.address : null,
    sexRule: row.sex_rule,
    minAge: row.min_age,
    maxAge: row.max_age,
    capacity: row.capacity,
    inScope,
    // Beds are where children are placed: only the shelters the viewer works in list theirs.
    beds: inScope
      ? beds.map((b) => ({ id: b.id, room: b.room, label: b.label })).sort(compareBeds)
      : [],
  };
}

function bedsOf(vault: CaseVault, shelterId: string): BedRow[] {
  return vault.db
    .prepare('SELECT * FROM beds WHERE shelter_id = ? AND deleted_at IS NULL')
    .all([shelterId]) as unknown as BedRow[];
}

export function getShelter(vault: CaseVault, actor: CaseActor, id: string): Shelter {
  const row = shelterRowById(vault, id);
  if (!row) throw notFound();
  return toShelter(row, bedsOf(vault, id), actor, shelterScopeSet(vault, actor));
}

/** Null when the actor works in every shelter. */
function shelterScopeSet(vault: CaseVault, actor: CaseActor): ReadonlySet<string> | null {
  return seesAllShelters(actor) ? null : new Set(scopeShelterIds(vault, actor));
}

/**
 * Every shelter (names and rules are not sensitive); the address only for those who may see it,
 * the beds only for the shelters the viewer works in.
 */
export function listShelters(vault: CaseVault, actor: CaseActor): Shelter[] {
  const shelters = vault.db
    .prepare('SELECT * FROM shelters WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE')
    .all() as unknown as ShelterRow[];
  const beds = vault.db
    .prepare('SELECT * FROM beds WHERE deleted_at IS NULL')
    .all() as unknown as BedRow[];
  const byShelter = new Map<string, BedRow[]>();
  for (const bed of beds)
    byShelter.set(bed.shelter_id, [...(byShelter.get(bed.shelter_id) ?? []), bed]);
  const scope = shelterScopeSet(vault, actor);
  return shelters.map((s) => toShelter(s, byShelter.get(s.id) ?? [], actor, scope));
}

/** Every shelter's name, for pick-lists: a few hundred bytes where the full list carries every bed. */
export function shelterNames(vault: CaseVault, actor: CaseActor): ShelterName[] {
  const scope = shelterScopeSet(vault, actor);
  return (
    vault.db
      .prepare(
        'SELECT id, name FROM shelters WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE',
      )
      .all() as { id: string; name: string }[]
  ).map((s) => ({ id: s.id, name: s.name, inScope: scope === null || scope.has(s.id) }));
}

export interface ShelterInput {
  id?: string | undefined;
  name: string;
  type: ShelterType;
  address?: string | undefined;
  sexRule: ShelterSexRule;
  minAge: number;
  maxAge: number;
  capacity: number;
}

export function saveShelter(vault: CaseVault, actor: CaseActor, input: ShelterInput): Shelter {
  if (input.id && !shelterRowById(vault, input.id)) throw notFound();
  if (input.minAge > input.maxAge) throw fieldError('maxAge', 'age.minAboveMax');
  // Names are unique: user scopes may name a shelter.
  const taken = vault.db
    .prepare(
      'SELECT 1 FROM shelters WHERE lower(name) = lower(?) AND id <> ? AND deleted_at IS NULL',
    )
    .get([input.name, input.id ?? '']);
  if (taken) throw new AppError('CONFLICT', 'conflict', { fields: { name: 'shelter.nameTaken' } });
  const values = {
    name: input.name,
    type: input.type,
    address: input.address || null,
    sex_rule: input.sexRule,
    min_age: input.minAge,
    max_age: input.maxAge,
    capacity: input.capacity,
  };
  const id = input.id ?? vault.data.insert('shelters', values);
  if (input.id) vault.data.update('shelters', id, values);
  return getShelter(vault, actor, id);
}

export interface BedInput {
  id?: string | undefined;
  shelterId: string;
  room?: string | undefined;
  label: string;
}

export function saveBed(vault: CaseVault, actor: CaseActor, input: BedInput): Shelter {
  if (!shelterRowById(vault, input.shelterId)) throw notFound();
  const existing = input.id ? bedRowById(vault, input.id) : null;
  if (input.id && !existing) throw notFound();
  // Placements record the bed's shelter: a bed never moves between shelters.
  if (existing && existing.shelter_id !== input.shelterId) {
    throw fieldError('shelterId', 'bed.shelterFixed');
  }
  const room = input.room || null;
  const taken = vault.db
    .prepare(
      `SELECT 1 FROM beds WHERE shelter_id = ? AND lower(coalesce(room, '')) = lower(?)
       AND lower(label) = lower(?) AND id <> ? AND deleted_at IS NULL`,
    )
    .get([input.shelterId, room ?? '', input.label, input.id ?? '']);
  if (taken) throw new AppError('CONFLICT', 'conflict', { fields: { label: 'bed.labelTaken' } });
  const values = { shelter_id: input.shelterId, room, label: input.label };
  if (existing) vault.data.update('beds', existing.id, { room, label: input.label });
  else vault.data.insert('beds', values);
  return getShelter(vault, actor, input.shelterId);
}

/** A bed that was used keeps its history: it is soft-deleted, and only when nobody is in it. */
export function removeBed(vault: CaseVault, actor: CaseActor, input: { id: string }): Shelter {
  const bed = bedRowById(vault, input.id);
  if (!bed) throw notFound();
  const occupied = vault.db
    .prepare('SELECT 1 FROM placements WHERE bed_id = ? AND end_at IS NULL AND deleted_at IS NULL')
    .get([bed.id]);
  if (occupied) throw new AppError('CONFLICT', 'bed.occupied');
  vault.data.transaction(() => {
    if (bed.reserved_for_child_id)
      vault.data.update('beds', bed.id, { reserved_for_child_id: null });
    vault.data.softDelete('beds', bed.id);
  });
  return getShelter(vault, actor, bed.shelter_id);
}

/** Holds a bed for a child (one bed per child), or releases it with `childId: null`. */
export function reserveBed(
  vault: CaseVault,
  actor: CaseActor,
  input: { bedId: string; childId: string | null },
): void {
  const bed = bedRowById(vault, input.bedId);
  if (!bed) throw notFound();
  requireShelterInScope(vault, actor, bed.shelter_id);
  if (input.childId === null) {
    vault.data.update('beds', bed.id, { reserved_for_child_id: null });
    return;
  }
  const child = requireVisibleChild(vault, actor, input.childId);
  vault.data.transaction(() => {
    const held = vault.db
      .prepare('SELECT id FROM beds WHERE reserved_for_child_id = ? AND id <> ?', { pluck: true })
      .all([child.id, bed.id]) as string[];
    for (const id of held) vault.data.update('beds', id, { reserved_for_child_id: null });
    vault.data.update('beds', bed.id, { reserved_for_child_id: child.id });
  });
}
