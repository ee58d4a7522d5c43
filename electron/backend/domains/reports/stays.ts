// Stays: a child's placements in one shelter run together (bed moves inside the shelter do not
// end a stay). A stay begins with an admission or a transfer in from another shelter, and ends
// with a discharge or a transfer out; a transfer is the one instant where one placement ends and
// the next begins.
import type { DischargeDestination } from '../../../../shared/shelters/vocabulary';
import type { StayExit } from '../../../../shared/reports/contract';
import type { CaseVault } from '../../records/actor';

export interface Stay {
  childId: string;
  shelterId: string;
  startAt: string;
  endAt: string | null;
  entry: 'admission' | 'transfer';
  exit: StayExit | null;
  /** The stay's placements as [start, end) intervals (what occupancy counts). */
  intervals: { startAt: string; endAt: string | null }[];
}

interface StayPlacementRow {
  child_id: string;
  shelter_id: string;
  start_at: string;
  end_at: string | null;
  exit_destination: DischargeDestination | null;
}

/**
 * Every stay in `shelterIds` that overlaps [start, end), whole (its first and last instants may
 * lie outside). Loads each such child's placements once; empty placements are ignored.
 */
export function staysOverlapping(
  vault: CaseVault,
  shelterIds: readonly string[],
  start: string,
  end: string,
): Stay[] {
  const rows = vault.db
    .prepare(
      `SELECT p.child_id, p.shelter_id, p.start_at, p.end_at, p.exit_destination
       FROM placements p
       WHERE p.deleted_at IS NULL AND (p.end_at IS NULL OR p.end_at > p.start_at)
         AND p.child_id IN (
           SELECT q.child_id FROM placements q
           WHERE q.deleted_at IS NULL AND q.shelter_id IN (SELECT value FROM json_each($shelters))
             AND q.start_at < $end AND (q.end_at IS NULL OR q.end_at > $start))
       ORDER BY p.child_id, p.start_at`,
    )
    .all({ shelters: JSON.stringify(shelterIds), start, end }) as unknown as StayPlacementRow[];
  const wanted = new Set(shelterIds);
  const stays: Stay[] = [];
  let current: Stay | null = null;
  let previous: StayPlacementRow | null = null;
  for (const row of rows) {
    const sameChild = previous !== null && previous.child_id === row.child_id;
    const follows = sameChild && previous!.end_at === row.start_at;
    if (current && follows && previous!.shelter_id === row.shelter_id) {
      current.endAt = row.end_at;
      current.intervals.push({ startAt: row.start_at, endAt: row.end_at });
    } else {
      if (current && previous) current.exit = exitOf(previous, follows);
      if (current) stays.push(current);
      current = {
        childId: row.child_id,
        shelterId: row.shelter_id,
        startAt: row.start_at,
        endAt: row.end_at,
        entry: follows ? 'transfer' : 'admission',
        exit: null,
        intervals: [{ startAt: row.start_at, endAt: row.end_at }],
      };
    }
    previous = row;
  }
  if (current && previous) {
    current.exit = exitOf(previous, false);
    stays.push(current);
  }
  return stays.filter(
    (s) => wanted.has(s.shelterId) && s.startAt < end && (s.endAt === null || s.endAt > start),
  );
}

/** How a stay whose last placement is `last` ended; `transferred` when another shelter follows at once. */
function exitOf(last: StayPlacementRow, transferred: boolean): StayExit | null {
  if (last.end_at === null) return null;
  if (transferred) return 'transfer';
  // An end set by a date correction carries no destination: it still ends the stay.
  return last.exit_destination ?? 'other';
}
