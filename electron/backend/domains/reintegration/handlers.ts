// The router's handlers for the reintegration domain, and their audit targets (ids and codes
// only: never an answer, a note or the child's words).
import type { reintegrationProcedures } from '../../../../shared/reintegration/contract';
import type { Assessment, CaseClosure } from '../../../../shared/reintegration/contract';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import {
  approveAssessment,
  listAssessments,
  overrideAgeRule,
  returnAssessment,
  reviewQueue,
  saveAssessment,
  submitAssessment,
} from './assessments';
import { readPolicy, writePolicy } from './gates';
import { importInstrument, listInstruments } from './instruments';
import {
  approveClosure,
  closureState,
  declineClosure,
  proposeClosure,
  reopenCase,
} from './closure';
import { outcomesDue } from './outcomes';
import { listVisits, overdueVisits, recordVisit } from './visits';

type ReintegrationProcedureName = keyof typeof reintegrationProcedures;

export function reintegrationHandlers(): Pick<Handlers, ReintegrationProcedureName> {
  return {
    'reintegration.instruments': (ctx) => listInstruments(ctx.vault()),
    'reintegration.importInstrument': (ctx, input) =>
      importInstrument(ctx.vault(), input.definition),
    'reintegration.list': (ctx, input) =>
      listAssessments(ctx.vault(), actorOf(ctx.user()), input.childId),
    'reintegration.save': (ctx, input) => saveAssessment(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.submit': (ctx, input) =>
      submitAssessment(ctx.vault(), actorOf(ctx.user()), input.id),
    'reintegration.approve': (ctx, input) =>
      approveAssessment(ctx.vault(), actorOf(ctx.user()), input.id),
    'reintegration.return': (ctx, input) =>
      returnAssessment(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.overrideAge': (ctx, input) =>
      overrideAgeRule(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.policy': (ctx) => readPolicy(ctx.vault()),
    'reintegration.setPolicy': (ctx, input) => writePolicy(ctx.vault(), input),
    'reintegration.queue': (ctx) => reviewQueue(ctx.vault()),
    'reintegration.visits': (ctx, input) =>
      listVisits(ctx.vault(), actorOf(ctx.user()), input.childId),
    'reintegration.recordVisit': (ctx, input) =>
      recordVisit(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.overdueVisits': (ctx, input) =>
      overdueVisits(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.outcomesDue': (ctx, input) =>
      outcomesDue(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.closure': (ctx, input) =>
      closureState(ctx.vault(), actorOf(ctx.user()), input.childId),
    'reintegration.proposeClosure': (ctx, input) =>
      proposeClosure(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.approveClosure': (ctx, input) =>
      approveClosure(ctx.vault(), actorOf(ctx.user()), input.childId),
    'reintegration.declineClosure': (ctx, input) =>
      declineClosure(ctx.vault(), actorOf(ctx.user()), input),
    'reintegration.reopenCase': (ctx, input) => reopenCase(ctx.vault(), actorOf(ctx.user()), input),
  };
}

const assessmentTarget = (step: string) => ({
  targetType: 'reintegrationAssessment',
  targetId: (_input: unknown, a: Assessment) => a.id,
  detail: (_input: unknown, a: Assessment) => ({
    childId: a.childId,
    instrument: a.instrumentCode,
    step,
    status: a.status,
  }),
});

const closureTarget = (step: string) => ({
  targetType: 'caseClosure',
  targetId: (_input: unknown, c: CaseClosure) => c.id,
  detail: (_input: unknown, c: CaseClosure) => ({ childId: c.childId, step, status: c.status }),
});

export const reintegrationAuditTargets: Pick<AuditTargets, ReintegrationProcedureName> = {
  'reintegration.importInstrument': {
    targetType: 'reintegrationInstrument',
    targetId: () => null,
    detail: (_input, instrument) => ({ code: instrument.code, version: instrument.version }),
  },
  'reintegration.save': assessmentTarget('save'),
  'reintegration.submit': assessmentTarget('submit'),
  'reintegration.approve': assessmentTarget('approve'),
  'reintegration.return': assessmentTarget('return'),
  'reintegration.overrideAge': assessmentTarget('overrideAgeRule'),
  'reintegration.proposeClosure': closureTarget('propose'),
  'reintegration.approveClosure': closureTarget('approve'),
  'reintegration.declineClosure': closureTarget('decline'),
  // A case a discharge closed has no closure record: the entry names the child.
  'reintegration.reopenCase': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({ childId: input.childId, step: 'reopen' }),
  },
  'reintegration.recordVisit': {
    targetType: 'aftercareVisit',
    targetId: (_input, visit) => visit.id,
    detail: (_input, visit) => ({
      childId: visit.childId,
      riskChange: visit.record?.riskChange ?? '',
    }),
  },
  'reintegration.setPolicy': {
    targetType: 'reintegrationPolicy',
    targetId: () => null,
    detail: (_input, policy) => ({
      assessmentMaxAgeDays: policy.assessmentMaxAgeDays,
      outcomesFirstAfterMonths: policy.outcomesFirstAfterMonths,
      outcomesThenEveryMonths: policy.outcomesThenEveryMonths,
      closureThreshold: policy.closureThreshold ?? '',
    }),
  },
};
