// The reintegration domain (assessment instruments, readiness and outcomes assessments, their
// review, and the discharge gate): its services, for the router (handlers.ts) and tests, and the
// domain itself for the composition root, which hands its discharge guard to the shelters domain.
import type { Domain } from '../../runtime/domain';
import { reintegration } from './migrations/0060-reintegration';
import { reintegrationPlanClosure } from './migrations/0110-reintegration-plan-closure';
import { closureForEveryCase } from './migrations/0270-closure-for-every-case';
import { reintegrationTables } from './tables';
import { reintegrationIdScope } from './id-scope';
import { reintegrationDischargeGuard } from './gates';
import { reintegrationAuditTargets, reintegrationHandlers } from './handlers';
import { scheduleFollowUpVisits } from './visits';

export { builtInInstruments, listInstruments, importInstrument } from './instruments';
export {
  saveAssessment,
  submitAssessment,
  approveAssessment,
  returnAssessment,
  overrideAgeRule,
  listAssessments,
  loadAssessment,
  reviewQueue,
} from './assessments';
export {
  listVisits,
  recordVisit,
  overdueVisits,
  scheduleFollowUpVisits,
  URGENT_TASK_TITLE,
} from './visits';
export { outcomesDue } from './outcomes';
export {
  closureState,
  proposeClosure,
  approveClosure,
  declineClosure,
  reopenCase,
} from './closure';
export { householdFlags, readPolicy, writePolicy, reintegrationDischargeGuard } from './gates';

export const reintegrationDomain: Domain = {
  name: 'reintegration',
  tables: reintegrationTables,
  idScope: reintegrationIdScope,
  migrations: [reintegration, reintegrationPlanClosure, closureForEveryCase],
  handlers: () => reintegrationHandlers(),
  auditTargets: reintegrationAuditTargets,
  dischargeGuards: [reintegrationDischargeGuard],
  dischargeEffects: [scheduleFollowUpVisits],
};
