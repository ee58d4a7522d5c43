// The children domain (the case file): its services, for the router (handlers.ts), the demo
// generator and the benchmark, and the domain itself for the composition root. Each
// takes the open vault, the acting user (CaseActor: id, role, shelter scope, optional fixed
// "now") and the procedure's parsed input; callers outside the router pass schema-valid input
// (e.g. `childrenProcedures['children.register'].input.parse(x)`).
import type { Domain } from '../../runtime/domain';
import { childrenShelters } from './migrations/0020-children-shelters';
import { caseFileSafety } from './migrations/0120-case-file-safety';
import { childAliases } from './migrations/0200-child-aliases';
import { households } from './migrations/0210-households';
import { childrenTables } from './tables';
import { childrenIdScope } from './id-scope';
import { childrenTimeline } from './case-file';
import { childrenAuditTargets, childrenHandlers } from './handlers';

export { actorOf, clockFor, type CaseActor, type CaseVault } from '../../records/actor';
export {
  registerChild,
  updateChild,
  setChildStatus,
  searchChildren,
  getChildRecord,
  listCaseworkers,
  type SearchInput,
} from './children';
export { loadCaseFile, childTimeline, type CaseFileHooks } from './case-file';
export { recordConsent, withdrawConsent, isConsentActive, checkConsent } from './consents';
export {
  saveFamilyMember,
  removeFamilyMember,
  familyOf,
  conjointCaregivers,
  linkSiblings,
  unlinkSibling,
} from './family';
export { recordIntake, openIntake, addIntakeAddendum, opensIntakeDirectly } from './intake';
export { memberOfChild, relationshipFor } from './household-members';
export { householdOf, joinHousehold } from './households';
export { visitorsOf, addVisitor, removeVisitor, gateLookup } from './visitors';
export { saveLegalEvent, removeLegalEvent, legalEventsOf, testimoniesBetween } from './legal';
export { saveGoal, saveTask, agenda, type AgendaQuery } from './plan';
export { scopeShelterIds, childScope, requireVisibleChild } from '../../records/scope';
export { currentPlacementRow } from '../../records/rows';
export { recordStatus } from '../../records/status';
export { childrenAuditTargets, childrenHandlers } from './handlers';

/** The children domain as the composition root lists it; it assembles every domain's case file. */
export const childrenDomain: Domain = {
  name: 'children',
  tables: childrenTables,
  idScope: childrenIdScope,
  migrations: [childrenShelters, caseFileSafety, childAliases, households],
  handlers: (hooks) => childrenHandlers(hooks),
  auditTargets: childrenAuditTargets,
  timeline: childrenTimeline,
};
