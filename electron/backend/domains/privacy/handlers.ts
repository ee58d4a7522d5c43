// The router's handlers for the privacy domain, and the audit targets of its changes (ids only:
// what a breach was about stays in the register, not in the audit log).
import type { privacyProcedures } from '../../../../shared/privacy/contract';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { childAccessLog } from './access-log';
import { closeBreach, listBreaches, saveBreach } from './breaches';

type PrivacyProcedureName = keyof typeof privacyProcedures;

export function privacyHandlers(): Pick<Handlers, PrivacyProcedureName> {
  return {
    'privacy.childAccessLog': (ctx, input) =>
      childAccessLog(ctx.vault(), input.childId, input.beforeSeq),
    'breaches.list': (ctx) => listBreaches(ctx.vault(), actorOf(ctx.user())),
    'breaches.save': (ctx, input) => saveBreach(ctx.vault(), actorOf(ctx.user()), input),
    'breaches.close': (ctx, input) => closeBreach(ctx.vault(), actorOf(ctx.user()), input),
  };
}

export const privacyAuditTargets: Pick<AuditTargets, PrivacyProcedureName> = {
  'breaches.save': {
    targetType: 'breach',
    targetId: (_input, breach) => breach.id,
    detail: (input) => ({ change: input.id ? 'corrected' : 'recorded' }),
  },
  'breaches.close': { targetType: 'breach', targetId: (_input, breach) => breach.id },
};
