// Two open stays that clash: what two computers offline at once can leave after a sync (one bed
// given twice, one child placed twice or at two shelters). The sync domain lists them for the
// coordinator; this shows them where the staff look, on the bed board and in the case file,
// until a transfer or discharge ends one of the stays.
import type { BedClash, PlacementClash } from '../../../../shared/shelters/contract';
import type { CaseVault } from '../../records/actor';

interface OpenStay {
  id: string;
  child_id: string;
  bed_id: string;
  shelter_id: string;
}

const OPEN_STAYS = `SELECT p.id, p.child_id, p.bed_id, p.shelter_id FROM placements p
  WHERE p.end_at IS NULL AND p.deleted_at IS NULL`;

/** The clashes of one child's open stays, each kind once, in a fixed order. */
export function clashesOfChild(vault: CaseVault, childId: string): PlacementClash[] {
  const mine = vault.db
    .prepare(`${OPEN_STAYS} AND p.child_id = ? ORDER BY p.id`)
    .all([childId]) as unknown as OpenStay[];
  const clashes = new Set<PlacementClash>();
  if (new Set(mine.map((s) => s.shelter_id)).size > 1) clashes.add('childAtTwoShelters');
  else if (mine.length > 1) clashes.add('childTwice');
  const sharedBed = vault.db.prepare(`${OPEN_STAYS} AND p.bed_id = ? AND p.child_id <> ? LIMIT 1`);
  if (mine.some((s) => sharedBed.get([s.bed_id, childId]))) clashes.add('bedTwice');
  return (['bedTwice', 'childTwice', 'childAtTwoShelters'] as const).filter((k) => clashes.has(k));
}

/**
 * Today's clash of each bed of a shelter that has one, by bed id: the other children whose open
 * stays share it with `occupantOf(bed)`, and whether that occupant is also placed elsewhere.
 */
export function bedClashes(
  vault: CaseVault,
  shelterId: string,
  occupantOf: (bedId: string) => string | null,
): Map<string, BedClash> {
  const stays = vault.db
    .prepare(
      `SELECT p.bed_id, p.child_id, c.case_code, c.alias AS initials FROM placements p
       JOIN children c ON c.id = p.child_id
       WHERE p.end_at IS NULL AND p.deleted_at IS NULL AND p.shelter_id = ?
       ORDER BY c.case_code`,
    )
    .all([shelterId]) as {
    bed_id: string;
    child_id: string;
    case_code: string;
    initials: string;
  }[];
  const placedTwice = vault.db.prepare(
    `SELECT count(*) > 1 FROM placements WHERE child_id = ? AND end_at IS NULL AND deleted_at IS NULL`,
    { pluck: true },
  );
  const clashes = new Map<string, BedClash>();
  for (const bedId of new Set(stays.map((s) => s.bed_id))) {
    const occupant = occupantOf(bedId);
    const alsoHeldBy = stays
      .filter((s) => s.bed_id === bedId && s.child_id !== occupant)
      .map((s) => ({ childId: s.child_id, caseCode: s.case_code, initials: s.initials }));
    const elsewhere = occupant !== null && placedTwice.get([occupant]) === 1;
    if (alsoHeldBy.length > 0 || elsewhere) {
      clashes.set(bedId, { alsoHeldBy, occupantPlacedTwice: elsewhere });
    }
  }
  return clashes;
}
