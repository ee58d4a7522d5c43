// The shelters domain (shelters, beds, placements, the bed board): its services, for the router
// (handlers.ts), the demo generator and the benchmark, and the domain itself for the composition
// root. Services take the open vault, the acting user and schema-valid input, like the children's.
import type { Domain } from '../../runtime/domain';
import { sheltersTables } from './tables';
import { sheltersIdScope } from './id-scope';
import { placementsSection, placementsTimeline } from './case-file';
import { sheltersAuditTargets, sheltersHandlers } from './handlers';

export {
  listShelters,
  shelterNames,
  getShelter,
  saveShelter,
  saveBed,
  removeBed,
  reserveBed,
  type ShelterInput,
  type BedInput,
} from './shelters';
export {
  admitChild,
  transferChild,
  dischargeChild,
  editPlacement,
  softRuleWarnings,
  type DischargeEffect,
  type DischargeGuard,
  type DischargeRequest,
  type PlacementResult,
} from './placements';
/** Validated low-level placement writes, for bulk generation (the invariants still hold). */
export {
  checkPlacementConflict,
  insertPlacement,
  updatePlacement,
  type PlacementConflict,
  type PlacementSlot,
} from './placement-store';
export { bedBoard, occupancy, boardInstant } from './bed-board';
export { sheltersAuditTargets, sheltersHandlers } from './handlers';

/** The shelters domain as the composition root lists it; it runs every domain's discharge guards. */
export const sheltersDomain: Domain = {
  name: 'shelters',
  tables: sheltersTables,
  idScope: sheltersIdScope,
  handlers: (hooks) => sheltersHandlers(hooks),
  auditTargets: sheltersAuditTargets,
  caseFile: placementsSection,
  timeline: placementsTimeline,
};
