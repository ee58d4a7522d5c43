// The bed board of one shelter and the occupancy of all shelters, as of today or a past date.
// A past date shows the state at the end of that calendar date in the vault's time zone; today
// shows the state now. Both find each bed's occupant with one index seek on placements(bed_id,
// start_at): beds never hold two children at once, so the latest (non-empty) placement that
// started by the instant is the only candidate.
import type {
  BedBoard,
  BedBoardBed,
  BedClash,
  OccupancyRow,
} from '../../../../shared/shelters/contract';
import type { ShelterType } from '../../../../shared/shelters/vocabulary';
import {
  addDaysTo,
  clockFor,
  dateOf,
  daysBetween,
  fieldError,
  notFound,
  startOfDay,
  type CaseActor,
  type Clock,
  type CaseVault,
} from '../../records/actor';
import { shelterRowById } from '../../records/rows';
import {
  requireShelterInScope,
  scopeShelterIds,
  seesAllChildren,
  visibleChildIds,
} from '../../records/scope';
import { awayAt } from '../care';
import { compareBeds } from './shelters';
import { bedClashes } from './placement-clashes';

/** The instant a board for `asOf` shows: now for today, else the last millisecond of that date. */
export function boardInstant(asOf: string, clock: Clock): string {
  if (asOf > clock.today) throw fieldError('asOf', 'date.future');
  if (asOf === clock.today) return clock.nowIso;
  return new Date(Date.parse(startOfDay(addDaysTo(asOf, 1), clock.timeZone)) - 1).toISOString();
}

/** The placement that holds bed `b` at $at, joined as `p` (NULL when the bed is free). */
const OCCUPANT_JOIN = `
  LEFT JOIN placements p ON p.id = (
    SELECT p2.id FROM placements p2
    WHERE p2.bed_id = b.id AND p2.deleted_at IS NULL AND p2.start_at <= $at
      AND (p2.end_at IS NULL OR p2.end_at > p2.start_at)
    ORDER BY p2.start_at DESC LIMIT 1)
  AND (p.end_at IS NULL OR p.end_at > $at)`;

const BED_EXISTS = '(b.deleted_at IS NULL OR b.deleted_at > $at)';

interface BoardRow {
  id: string;
  room: string | null;
  label: string;
  reserved_for_child_id: string | null;
  placement_id: string | null;
  child_id: string | null;
  start_at: string | null;
  case_code: string | null;
  initials: string | null;
  reserved_case_code: string | null;
  reserved_initials: string | null;
}

/** Start of the child's continuous stay in this shelter: bed moves inside it do not reset it. */
function stayStart(vault: CaseVault, childId: string, shelterId: string, start: string): string {
  const previous = vault.db.prepare(
    `SELECT start_at, shelter_id FROM placements
     WHERE child_id = ? AND end_at = ? AND deleted_at IS NULL LIMIT 1`,
  );
  let since = start;
  for (let hops = 0; hops < 100; hops += 1) {
    const row = previous.get([childId, since]) as
      { start_at: string; shelter_id: string } | undefined;
    if (!row || row.shelter_id !== shelterId) break;
    since = row.start_at;
  }
  return since;
}

export function bedBoard(
  vault: CaseVault,
  actor: CaseActor,
  input: { shelterId: string; asOf: string },
): BedBoard {
  const shelter = shelterRowById(vault, input.shelterId);
  if (!shelter) throw notFound();
  requireShelterInScope(vault, actor, shelter.id);
  const clock = clockFor(vault, actor);
  const at = boardInstant(input.asOf, clock);
  const showReservations = input.asOf === clock.today;
  const rows = vault.db
    .prepare(
      `SELECT b.id, b.room, b.label, b.reserved_for_child_id, p.id AS placement_id, p.child_id,
              p.start_at, c.case_code, c.alias AS initials, r.case_code AS reserved_case_code,
              r.alias AS reserved_initials
       FROM beds b ${OCCUPANT_JOIN}
       LEFT JOIN children c ON c.id = p.child_id
       LEFT JOIN children r ON r.id = b.reserved_for_child_id
       WHERE b.shelter_id = $shelter AND ${BED_EXISTS}`,
    )
    .all({ shelter: shelter.id, at }) as unknown as BoardRow[];
  // A bed may be held for a child the viewer may not see: then it shows as reserved, for nobody named.
  const reservedIds = rows.flatMap((r) =>
    r.reserved_for_child_id ? [r.reserved_for_child_id] : [],
  );
  const nameable = visibleChildIds(vault, actor, reservedIds);
  // Open stays clash now or never: a past board shows what was, not what is left to resolve.
  const clashes = showReservations
    ? bedClashes(vault, shelter.id, (bedId) => rows.find((r) => r.id === bedId)?.child_id ?? null)
    : new Map<string, BedClash>();
  const away = awayAt(
    vault,
    rows.flatMap((r) => (r.placement_id ? [r.placement_id] : [])),
    at,
    input.asOf,
  );
  const beds = rows.map((row): BedBoardBed => {
    const base = {
      id: row.id,
      room: row.room,
      label: row.label,
      clash: clashes.get(row.id) ?? null,
    };
    if (row.child_id && row.start_at) {
      const since = stayStart(vault, row.child_id, shelter.id, row.start_at);
      return {
        ...base,
        state: 'occupied',
        occupant: {
          childId: row.child_id,
          caseCode: row.case_code!,
          initials: row.initials!,
          since,
          lengthOfStayDays: Math.max(0, daysBetween(dateOf(since, clock.timeZone), input.asOf)),
          away: away.get(row.placement_id!) ?? null,
        },
        reservedFor: null,
      };
    }
    if (showReservations && row.reserved_for_child_id) {
      return {
        ...base,
        state: 'reserved',
        occupant: null,
        reservedFor: nameable.has(row.reserved_for_child_id)
          ? {
              childId: row.reserved_for_child_id,
              caseCode: row.reserved_case_code!,
              initials: row.reserved_initials!,
            }
          : null,
      };
    }
    return { ...base, state: 'vacant', occupant: null, reservedFor: null };
  });
  return {
    shelterId: shelter.id,
    shelterName: shelter.name,
    asOf: input.asOf,
    capacity: shelter.capacity,
    beds: beds.sort(compareBeds),
  };
}

/** Beds, occupied, reserved (today only) and vacant per shelter: every shelter for a coordinator. */
export function occupancy(
  vault: CaseVault,
  actor: CaseActor,
  input: { asOf: string },
): OccupancyRow[] {
  const clock = clockFor(vault, actor);
  const at = boardInstant(input.asOf, clock);
  const shelters = seesAllChildren(actor) ? null : scopeShelterIds(vault, actor);
  const rows = vault.db
    .prepare(
      `SELECT s.id AS shelterId, s.name AS shelterName, s.type, s.capacity,
              count(b.id) AS beds,
              count(p.id) AS occupied,
              sum(p.id IS NULL AND b.reserved_for_child_id IS NOT NULL AND $today) AS reserved
       FROM shelters s
       LEFT JOIN beds b ON b.shelter_id = s.id AND ${BED_EXISTS}
       ${OCCUPANT_JOIN}
       WHERE s.deleted_at IS NULL
         AND ($all OR s.id IN (SELECT value FROM json_each($shelters)))
       GROUP BY s.id ORDER BY s.name COLLATE NOCASE`,
    )
    .all({
      at,
      today: input.asOf === clock.today ? 1 : 0,
      all: shelters === null ? 1 : 0,
      shelters: JSON.stringify(shelters ?? []),
    }) as unknown as (Omit<OccupancyRow, 'vacant' | 'type'> & {
    type: ShelterType;
    reserved: number | null;
  })[];
  return rows.map((r) => {
    const reserved = r.reserved ?? 0;
    return { ...r, reserved, vacant: r.beds - r.occupied - reserved };
  });
}
