// The router's handlers for the privacy domain, and the audit targets of its changes (ids only:
// what a breach was about stays in the register, not in the audit log).
import type { privacyProcedures } from '../../../../shared/privacy/contract';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { childAccessLog } from './access-log';
import { closeBreach, listBreaches, saveBreach } from './breaches';
import { deleteRetained, retentionDue, retentionOverview, setRetentionPeriod } from './retention';

type PrivacyProcedureName = keyof typeof privacyProcedures;

export function privacyHandlers(): Pick<Handlers, PrivacyProcedureName> {
  return {
    'privacy.childAccessLog': (ctx, input) =>
      childAccessLog(ctx.vault(), input.childId, input.beforeSeq),
    'breaches.list': (ctx) => listBreaches(ctx.vault(), actorOf(ctx.user())),
    'breaches.save': (ctx, input) => saveBreach(ctx.vault(), actorOf(ctx.user()), input),
    'breaches.close': (ctx, input) => closeBreach(ctx.vault(), actorOf(ctx.user()), input),
    'retention.overview': (ctx) => retentionOverview(ctx.vault(), actorOf(ctx.user())),
    'retention.due': (ctx, input) =>
      retentionDue(ctx.vault(), actorOf(ctx.user()), input.kind, input.offset),
    'retention.setPeriod': (ctx, input) =>
      setRetentionPeriod(ctx.vault(), actorOf(ctx.user()), input),
    'retention.delete': (ctx, input) => deleteRetained(ctx.vault(), actorOf(ctx.user()), input),
  };
}

export const privacyAuditTargets: Pick<AuditTargets, PrivacyProcedureName> = {
  'breaches.save': {
    targetType: 'breach',
    targetId: (_input, breach) => breach.id,
    detail: (input) => ({ change: input.id ? 'corrected' : 'recorded' }),
  },
  'breaches.close': { targetType: 'breach', targetId: (_input, breach) => breach.id },
  'retention.setPeriod': {
    targetType: 'retentionPeriod',
    targetId: (input) => input.kind,
    detail: (input) => ({ months: input.months ?? 'none' }),
  },
  // The tombstone and the kind and id of the record; the reason stays in the tombstone.
  'retention.delete': {
    targetType: 'retentionTombstone',
    targetId: (_input, tombstone) => tombstone.id,
    detail: (input) => ({ kind: input.kind, recordId: input.id }),
  },
};
