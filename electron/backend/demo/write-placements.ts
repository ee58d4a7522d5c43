// Admissions, transfers, discharges and closures, written in time order as they would have
// happened.
import type { ChildStatus } from '../../../shared/children/vocabulary';
import {
  currentPlacementRow,
  recordStatus,
  type CaseActor,
  type CaseVault,
} from '../domains/children';
import { dischargeChild, insertPlacement, updatePlacement } from '../domains/shelters';
import type { Moment } from './plan';
import type { WrittenCase } from './write-case';

const OVERRIDE_REASON =
  'Fictional demo: exception agreed at the case conference while no suitable bed was free.';
/** Events per transaction. */
const BATCH = 1_000;

export interface PlacementWrite {
  actor: (at?: Date) => CaseActor;
  beds: { id: string; shelterId: string }[];
}

type PlacementEvent =
  | { at: number; kind: 'place'; written: WrittenCase; k: number }
  | { at: number; kind: 'discharge' | 'close'; written: WrittenCase };

/**
 * Admissions, transfers, discharges and closures of every child, written in time order, as they
 * would have happened: an admission is open-ended when written, so a bed's later occupant must
 * not be in the database yet.
 */
export function writePlacements(
  vault: CaseVault,
  cases: WrittenCase[],
  w: PlacementWrite & { instantOf: (m: Moment) => number },
): void {
  const events: PlacementEvent[] = [];
  for (const written of cases) {
    const { child } = written;
    child.segments.forEach((segment, k) =>
      events.push({ at: w.instantOf(segment.start), kind: 'place', written, k }),
    );
    const last = child.segments[child.segments.length - 1];
    if (child.discharge && last?.end)
      events.push({ at: w.instantOf(last.end), kind: 'discharge', written });
    if (written.closeDay !== null)
      events.push({
        at: w.instantOf({ day: written.closeDay, minutes: 600 }),
        kind: 'close',
        written,
      });
  }
  events.sort((a, b) => a.at - b.at);
  for (let from = 0; from < events.length; from += BATCH) {
    vault.data.transaction(() => {
      for (const event of events.slice(from, from + BATCH)) writeEvent(vault, event, w);
    });
  }
}

/**
 * Admissions and transfers are validated direct writes, for speed at size L: the plan already
 * kept the soft rules (sex and age; capacity by giving every placement its own bed) and marks
 * the placements that override them, and the guarded placement store checks the hard invariants
 * before the schema triggers do. The services' soft-rule query scans a shelter's whole history,
 * which made generation several times slower. Discharges go through the services, so
 * any discharge guard a later issue registers applies to generated data too; a closure is the
 * status change an approved closure makes.
 */
function writeEvent(vault: CaseVault, event: PlacementEvent, w: PlacementWrite): void {
  const { written } = event;
  const { id, child } = written;
  const at = new Date(event.at).toISOString();
  if (event.kind === 'place') {
    const segment = child.segments[event.k]!;
    const bed = w.beds[segment.bed]!;
    if (event.k > 0) updatePlacement(vault, currentPlacementRow(vault, id)!, { end_at: at });
    insertPlacement(vault, {
      child_id: id,
      shelter_id: bed.shelterId,
      bed_id: bed.id,
      start_at: at,
      end_at: null,
      reason: written.reasons[event.k]!,
      override_reason: segment.override ? OVERRIDE_REASON : null,
    });
    if (event.k === 0) recordStatus(vault, id, 'intake', 'in_care', at);
  } else if (event.kind === 'discharge') {
    dischargeChild(vault, w.actor(), {
      childId: id,
      at,
      destination: child.discharge!.destination,
      exitNote: written.exitNote,
    });
  } else {
    // A closure approved long ago: written as the status change it made (the approval flow,
    // proposal and second coordinator, is the app's; history only needs its outcome).
    const from = vault.db
      .prepare('SELECT status FROM children WHERE id = ?', { pluck: true })
      .get([id]) as ChildStatus;
    recordStatus(vault, id, from, 'closed', at);
  }
}
