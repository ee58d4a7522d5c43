// The router's handlers for the therapy domain's scheduling procedures: each one turns the
// session into an actor and calls a service. What each audited call names in the audit log (ids
// and rule codes, never content) is declared below, in therapyAuditTargets, or set by hand where
// an override names the rules it set aside.
import type { scheduleProcedures } from '../../../../shared/therapy/schedule';
import type { TherapySoftRule } from '../../../../shared/therapy/vocabulary';
import type { AuditDetail } from '../../audit-log';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { caseload, listTherapists, plansOf, savePlan } from './plans';

type ScheduleProcedureName = keyof typeof scheduleProcedures;
type ScheduleHandlers = Pick<Handlers, ScheduleProcedureName>;

function session(ctx: CallContext) {
  return { vault: ctx.vault(), actor: actorOf(ctx.user()) };
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
  };
}

export const scheduleAuditTargets: Pick<AuditTargets, ScheduleProcedureName> = {};
