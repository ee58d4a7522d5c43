// The case services, for the router (handlers.ts), the demo generator and the benchmark. Each
// takes the open vault, the acting user (CaseActor: id, role, shelter scope, optional fixed
// "now") and the procedure's parsed input; callers outside the router pass schema-valid input
// (e.g. `caseProcedures['children.register'].input.parse(x)`).
export { actorOf, clockFor, type CaseActor, type CaseVault } from '../../records/actor';
export {
  registerChild,
  updateChild,
  setChildStatus,
  searchChildren,
  getChildRecord,
  listCaseworkers,
  recordStatus,
  type SearchInput,
} from './children';
export { loadCaseFile, childTimeline } from './case-file';
export { recordConsent, withdrawConsent, isConsentActive, checkConsent } from './consents';
export {
  saveFamilyMember,
  removeFamilyMember,
  familyOf,
  linkSiblings,
  unlinkSibling,
  recordIntake,
  openIntake,
  saveLegalEvent,
  removeLegalEvent,
} from './family';
export { saveGoal, saveTask, agenda, type AgendaQuery } from './plan';
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
} from '../shelters/shelters';
export {
  admitChild,
  transferChild,
  dischargeChild,
  editPlacement,
  softRuleWarnings,
  type DischargeGuard,
  type DischargeRequest,
  type PlacementResult,
} from '../shelters/placements';
/** Validated low-level placement writes, for bulk generation (the invariants still hold). */
export {
  checkPlacementConflict,
  insertPlacement,
  updatePlacement,
  type PlacementConflict,
  type PlacementSlot,
} from '../shelters/placement-store';
export { bedBoard, occupancy, boardInstant } from '../shelters/bed-board';
export { scopeShelterIds, childScope, requireVisibleChild } from '../../records/scope';
export { currentPlacementRow } from '../../records/rows';
export { caseHandlers } from './handlers';
