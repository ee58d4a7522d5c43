// The router's handlers for the care domain, and their audit targets (ids and codes only: never
// what happened, nor who was told).
import type { careProcedures } from '../../../../shared/care/contract';
import type { AwayEpisode } from '../../../../shared/care/contract';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { returnFromAway, startAway } from './away';
import { saveContact } from './contacts';
import { documentsDue, saveDocument } from './documents';
import { saveIncident } from './incidents';

type CareProcedureName = keyof typeof careProcedures;

export function careHandlers(): Pick<Handlers, CareProcedureName> {
  return {
    'incidents.save': (ctx, input) => saveIncident(ctx.vault(), actorOf(ctx.user()), input),
    'away.start': (ctx, input) => startAway(ctx.vault(), actorOf(ctx.user()), input),
    'away.return': (ctx, input) => returnFromAway(ctx.vault(), actorOf(ctx.user()), input),
    'documents.save': (ctx, input) => saveDocument(ctx.vault(), actorOf(ctx.user()), input),
    'documents.due': (ctx, input) => documentsDue(ctx.vault(), actorOf(ctx.user()), input),
    'contacts.save': (ctx, input) => saveContact(ctx.vault(), actorOf(ctx.user()), input),
  };
}

const awayTarget = (step: string) => ({
  targetType: 'awayEpisode',
  targetId: (_input: unknown, a: AwayEpisode) => a.id,
  detail: (_input: unknown, a: AwayEpisode) => ({ childId: a.childId, kind: a.kind, step }),
});

export const careAuditTargets: Pick<AuditTargets, CareProcedureName> = {
  'incidents.save': {
    targetType: 'incident',
    targetId: (_input, incident) => incident.id,
    detail: (input, incident) => ({
      childId: incident.childId,
      kind: incident.kind,
      step: input.id ? 'update' : 'create',
    }),
  },
  'away.start': awayTarget('start'),
  'away.return': awayTarget('return'),
  'documents.save': {
    targetType: 'childDocument',
    targetId: (_input, doc) => doc.id,
    detail: (input, doc) => ({
      childId: doc.childId,
      kind: doc.kind,
      status: doc.status,
      step: input.id ? 'update' : 'create',
    }),
  },
  'contacts.save': {
    targetType: 'contactEntry',
    targetId: (_input, contact) => contact.id,
    detail: (input, contact) => ({
      childId: contact.childId,
      kind: contact.kind,
      supervised: contact.supervised,
      step: input.id ? 'update' : 'create',
    }),
  },
};
