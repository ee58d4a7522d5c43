// What the shelters domain adds to a child's case file (the placements) and to the timeline
// (admitted, transferred, discharged). The children domain assembles both.
import type { TimelineEntry } from '../../../../shared/case-file';
import type { CaseFileSource, TimelineSource } from '../../runtime/domain';
import { placementsOf } from '../../records/rows';
import { clashesOfChild } from './placement-clashes';

export const placementsSection: CaseFileSource = (vault, _actor, child) => {
  const placements = placementsOf(vault, child.id);
  return {
    placements,
    currentPlacement: placements.find((p) => p.endAt === null) ?? null,
    placementClashes: clashesOfChild(vault, child.id),
  };
};

/** A transfer is one placement ending exactly when another begins; never a placement with itself. */
export const placementsTimeline: TimelineSource = (vault, _actor, child) => {
  const entries: TimelineEntry[] = [];
  const placements = placementsOf(vault, child.id).reverse();
  for (const p of placements) {
    const before = placements.find((q) => q.id !== p.id && q.endAt === p.startAt);
    const bed = { room: p.room ?? '', bed: p.bedLabel };
    entries.push(
      before
        ? {
            at: p.startAt,
            kind: 'transferred',
            params: { fromShelter: before.shelterName, toShelter: p.shelterName, ...bed },
          }
        : { at: p.startAt, kind: 'admitted', params: { shelter: p.shelterName, ...bed } },
    );
    if (p.endAt && !placements.some((q) => q.id !== p.id && q.startAt === p.endAt)) {
      entries.push({
        at: p.endAt,
        kind: 'discharged',
        params: {
          shelter: p.shelterName,
          ...(p.exitDestination ? { destination: p.exitDestination } : {}),
        },
      });
    }
  }
  return entries;
};
