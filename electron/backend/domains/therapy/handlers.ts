// The router's handlers for the therapy domain's scheduling procedures: each one turns the
// session into an actor and calls a service. What each audited call names in the audit log (ids
// and rule codes, never content) is declared below, in scheduleAuditTargets, or set by hand where
// an override names the soft rules it set aside.
import type { scheduleProcedures } from '../../../../shared/therapy/schedule';
import type { TherapySoftRule } from '../../../../shared/therapy/vocabulary';
import type { AuditDetail } from '../../audit-log';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import { actorOf, clockFor } from '../../records/actor';
import { availability, removeLeave, saveLeave, setHours } from './availability';
import { caseload, listTherapists, plansOf, savePlan, unplannedChildren } from './plans';
import { calendar, childScheduling, sessionHistory, todayPanel } from './reads';
import { readTherapyRules, writeTherapyRules } from './rules';
import {
  cancelSessions,
  checkSeries,
  createSeries,
  editSessions,
  recordSession,
  scheduleSession,
} from './sessions';
import { findSlots } from './slots';

type ScheduleProcedureName = keyof typeof scheduleProcedures;
type ScheduleHandlers = Pick<Handlers, ScheduleProcedureName>;

function session(ctx: CallContext) {
  const vault = ctx.vault();
  const actor = actorOf(ctx.user());
  return { vault, actor, clock: clockFor(vault, actor) };
}

/** The overridden soft rules, for the audit entry (the typed reason stays with the record). */
function overriddenDetail(overridden: readonly TherapySoftRule[]): AuditDetail {
  return overridden.length ? { overridden: overridden.join(',') } : {};
}

export function scheduleHandlers(): ScheduleHandlers {
  return {
    'therapy.therapists': (ctx) => listTherapists(ctx.vault()),
    'therapy.caseload': (ctx) => {
      const { vault, actor } = session(ctx);
      return caseload(vault, actor);
    },
    'therapy.unplanned': (ctx) => {
      const { vault, actor } = session(ctx);
      return unplannedChildren(vault, actor);
    },
    'therapy.savePlan': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const { plan, overridden } = savePlan(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'therapyPlan',
        targetId: plan.id,
        detail: { childId: plan.child.id, ...overriddenDetail(overridden) },
      });
      return plan;
    },
    'therapy.plans': (ctx, input) => plansOf(ctx.vault(), input.childId),
    'therapy.childScheduling': (ctx, input) => {
      const { vault, clock } = session(ctx);
      return childScheduling(vault, clock, input.childId);
    },
    'therapy.availability': (ctx, input) => {
      const { vault, clock } = session(ctx);
      return availability(vault, clock.timeZone, input);
    },
    'therapy.setHours': (ctx, input) => {
      const { vault, clock } = session(ctx);
      return setHours(vault, clock, input);
    },
    'therapy.saveLeave': (ctx, input) => saveLeave(ctx.vault(), input),
    'therapy.removeLeave': (ctx, input) => {
      removeLeave(ctx.vault(), input.id);
      return null;
    },
    'therapy.checkSeries': (ctx, input) => {
      const { vault, clock } = session(ctx);
      return checkSeries(vault, clock, input);
    },
    'therapy.createSeries': (ctx, input) => {
      const { vault, actor, clock } = session(ctx);
      const { value, overridden } = createSeries(vault, actor, clock, input);
      ctx.setAuditTarget({
        targetType: 'therapySeries',
        targetId: value.seriesId,
        detail: { occurrences: value.sessions.length, ...overriddenDetail(overridden) },
      });
      return value;
    },
    'therapy.schedule': (ctx, input) => {
      const { vault, actor, clock } = session(ctx);
      const { value, overridden } = scheduleSession(vault, actor, clock, input);
      ctx.setAuditTarget({
        targetType: 'therapySession',
        targetId: value.id,
        detail: overriddenDetail(overridden),
      });
      return value;
    },
    'therapy.editSessions': (ctx, input) => {
      const { vault, actor, clock } = session(ctx);
      const { value, overridden } = editSessions(vault, actor, clock, input);
      ctx.setAuditTarget({
        targetType: 'therapySession',
        targetId: input.sessionId,
        detail: { scope: input.scope, sessions: value.length, ...overriddenDetail(overridden) },
      });
      return value;
    },
    'therapy.cancelSessions': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return cancelSessions(vault, actor, input);
    },
    'therapy.recordSession': (ctx, input) => {
      const { vault, actor, clock } = session(ctx);
      return recordSession(vault, actor, clock, input);
    },
    'therapy.findSlots': (ctx, input) => {
      const { vault, clock } = session(ctx);
      return findSlots(vault, clock, input);
    },
    'therapy.calendar': (ctx, input) => {
      const { vault, actor, clock } = session(ctx);
      return calendar(vault, actor, clock.timeZone, input);
    },
    'therapy.history': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return sessionHistory(vault, actor, input.childId);
    },
    'therapy.today': (ctx) => {
      const { vault, actor, clock } = session(ctx);
      return todayPanel(vault, actor, clock);
    },
    'therapy.rules': (ctx) => readTherapyRules(ctx.vault()),
    'therapy.saveRules': (ctx, input) => writeTherapyRules(ctx.vault(), input),
  };
}

/** The record each audited procedure names, where the handler does not set it by hand. */
export const scheduleAuditTargets: Pick<AuditTargets, ScheduleProcedureName> = {
  'therapy.setHours': { targetType: 'therapist', targetId: (input) => input.therapistId },
  'therapy.saveLeave': {
    targetType: 'therapyLeave',
    targetId: (_input, leave) => leave.id,
    detail: (input) => ({ therapistId: input.therapistId, kind: input.kind }),
  },
  'therapy.removeLeave': { targetType: 'therapyLeave', targetId: (input) => input.id },
  'therapy.cancelSessions': {
    targetType: 'therapySession',
    targetId: (input) => input.sessionId,
    detail: (input, sessions) => ({
      scope: input.scope,
      status: input.status,
      sessions: sessions.length,
    }),
  },
  'therapy.recordSession': {
    targetType: 'therapySession',
    targetId: (input) => input.sessionId,
    detail: (input) => ({ status: input.status }),
  },
  'therapy.saveRules': { targetType: 'therapyRules', targetId: () => null },
};
