// The placement invariants, enforced where placements are written, in the same transaction as
// the write: a child has at most one placement at any instant, a bed holds at most one child at
// any instant, and an end is always after its start. Intervals are half-open [start, end), so a
// transfer's old end equals the new start. A write that only narrows an existing stay cannot
// create or widen an overlap, so it goes through even while the stay overlaps another (two
// computers offline gave one bed twice; ending one stay is how that is resolved). Triggers in the
// schema are the backstop for any write that bypasses this module.
import { AppError } from '../../../../shared/errors';
import type { WritableRow } from '../../db/data-layer';
import type { CaseActor, CaseVault } from '../../records/actor';
import type { PlacementRow } from '../../records/rows';
import { visibleChildIds } from '../../records/scope';

export type PlacementConflictKey =
  'placement.childOverlap' | 'placement.bedOverlap' | 'placement.endBeforeStart';

const FOREVER = '9999-12-31T23:59:59.999Z';

export interface PlacementSlot {
  childId: string;
  bedId: string;
  /** UTC instants as Date.toISOString() writes them. */
  startAt: string;
  endAt: string | null;
  /** The placement being edited, which may not clash with itself. */
  ignoreId?: string | null;
  /** The edited placement as it stood: a write that only narrows it is never a new clash. */
  was?: { childId: string; bedId: string; startAt: string; endAt: string | null };
}

/** Same child and bed, an interval inside the old one: no overlap can appear or grow. */
function narrows(slot: PlacementSlot): boolean {
  const was = slot.was;
  return (
    was !== undefined &&
    was.childId === slot.childId &&
    was.bedId === slot.bedId &&
    slot.startAt >= was.startAt &&
    (slot.endAt ?? FOREVER) <= (was.endAt ?? FOREVER)
  );
}

export interface PlacementConflict {
  message: PlacementConflictKey;
  /** The child of the other placement (null for endBeforeStart): never sent, see assertNoConflict. */
  childId: string | null;
  /** Safe facts naming the clash: the other placement's case code, initials and dates. */
  details: {
    caseCode: string | null;
    initials: string | null;
    startAt: string;
    endAt: string | null;
  };
}

const CLASH_SQL = (column: 'child_id' | 'bed_id') => `
  SELECT p.child_id AS childId, p.start_at AS startAt, p.end_at AS endAt,
    c.case_code AS caseCode, c.alias AS initials
  FROM placements p JOIN children c ON c.id = p.child_id
  WHERE p.${column} = $key AND p.deleted_at IS NULL AND p.id <> $ignore
    AND p.start_at < $end AND (p.end_at IS NULL OR p.end_at > $start)
  ORDER BY p.start_at LIMIT 1`;

/** The first invariant a placement with these dates would break, or null. */
export function checkPlacementConflict(
  vault: CaseVault,
  slot: PlacementSlot,
): PlacementConflict | null {
  // A placement of no length is refused too: it would be a stay that never happened.
  if (slot.endAt !== null && slot.endAt <= slot.startAt) {
    return {
      message: 'placement.endBeforeStart',
      childId: null,
      details: { caseCode: null, initials: null, startAt: slot.startAt, endAt: slot.endAt },
    };
  }
  if (narrows(slot)) return null;
  const checks = [
    ['child_id', slot.childId, 'placement.childOverlap'],
    ['bed_id', slot.bedId, 'placement.bedOverlap'],
  ] as const;
  for (const [column, key, message] of checks) {
    const clash = vault.db.prepare(CLASH_SQL(column)).get({
      key,
      ignore: slot.ignoreId ?? '',
      start: slot.startAt,
      end: slot.endAt ?? FOREVER,
    }) as (PlacementConflict['details'] & { childId: string }) | undefined;
    if (clash) {
      const { childId, ...details } = clash;
      return { message, childId, details };
    }
  }
  return null;
}

export function conflictError(conflict: PlacementConflict): AppError {
  return new AppError('CONFLICT', conflict.message, { details: conflict.details });
}

/**
 * Throws the CONFLICT for the first invariant the slot breaks. With a viewer, the clash is named
 * only when the viewer may see the other child; otherwise the words stay generic ("this bed is
 * taken at that time").
 */
export function assertNoConflict(vault: CaseVault, slot: PlacementSlot, viewer?: CaseActor): void {
  const conflict = checkPlacementConflict(vault, slot);
  if (!conflict) return;
  const hidden =
    viewer !== undefined &&
    conflict.childId !== null &&
    !visibleChildIds(vault, viewer, [conflict.childId]).has(conflict.childId);
  throw hidden ? new AppError('CONFLICT', conflict.message) : conflictError(conflict);
}

/**
 * A write that slipped past the check (a trigger fired) is still a CONFLICT. The triggers are the
 * only backstop: the one-open-stay unique indexes became plain ones when sync arrived.
 */
function asConflict(error: unknown): unknown {
  const message = error instanceof Error ? error.message : '';
  const key = (
    [
      'placement.endBeforeStart',
      'placement.childOverlap',
      'placement.bedOverlap',
    ] as PlacementConflictKey[]
  ).find((k) => message.includes(k));
  return key ? new AppError('CONFLICT', key) : error;
}

function guarded<T>(vault: CaseVault, slot: PlacementSlot, write: () => T): T {
  return vault.data.transaction(() => {
    assertNoConflict(vault, slot);
    try {
      return write();
    } catch (error) {
      throw asConflict(error);
    }
  });
}

export type NewPlacement = WritableRow<'placements'> & {
  child_id: string;
  shelter_id: string;
  bed_id: string;
  start_at: string;
  end_at: string | null;
  reason: string;
};

export function insertPlacement(vault: CaseVault, values: NewPlacement): string {
  const slot = {
    childId: values.child_id,
    bedId: values.bed_id,
    startAt: values.start_at,
    endAt: values.end_at,
  };
  return guarded(vault, slot, () => vault.data.insert('placements', values));
}

/** A placement row as the slot it holds. */
export function slotOf(row: PlacementRow): Required<Omit<PlacementSlot, 'ignoreId' | 'was'>> {
  return { childId: row.child_id, bedId: row.bed_id, startAt: row.start_at, endAt: row.end_at };
}

export function updatePlacement(
  vault: CaseVault,
  current: PlacementRow,
  patch: WritableRow<'placements'>,
): void {
  const slot = {
    childId: current.child_id,
    bedId: (patch.bed_id as string | undefined) ?? current.bed_id,
    startAt: (patch.start_at as string | undefined) ?? current.start_at,
    endAt: patch.end_at === undefined ? current.end_at : (patch.end_at as string | null),
    ignoreId: current.id,
    was: slotOf(current),
  };
  guarded(vault, slot, () => vault.data.update('placements', current.id, patch));
}
