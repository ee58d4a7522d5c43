// The router's handlers for the casework domain, and their audit targets (ids and codes only:
// never a name, a case number or what was said).
import type { caseworkProcedures } from '../../../../shared/casework/contract';
import type { AuditTargets, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import { saveAccused } from './accused';
import { reviewsDue, saveConference } from './conferences';
import { saveEducation } from './education';
import { healthReaders, healthRecords, saveHealth, saveHealthReaders } from './health';

type CaseworkProcedureName = keyof typeof caseworkProcedures;

export function caseworkHandlers(): Pick<Handlers, CaseworkProcedureName> {
  return {
    'accused.save': (ctx, input) => saveAccused(ctx.vault(), actorOf(ctx.user()), input),
    'education.save': (ctx, input) => saveEducation(ctx.vault(), actorOf(ctx.user()), input),
    'conferences.save': (ctx, input) => saveConference(ctx.vault(), actorOf(ctx.user()), input),
    'conferences.reviewsDue': (ctx, input) => reviewsDue(ctx.vault(), actorOf(ctx.user()), input),
    'health.records': (ctx, input) =>
      healthRecords(ctx.vault(), actorOf(ctx.user()), input.childId),
    'health.save': (ctx, input) => saveHealth(ctx.vault(), actorOf(ctx.user()), input),
    'health.readers': (ctx) => ({ roles: healthReaders(ctx.vault()) }),
    'health.saveReaders': (ctx, input) => saveHealthReaders(ctx.vault(), input.roles),
  };
}

export const caseworkAuditTargets: Pick<AuditTargets, CaseworkProcedureName> = {
  'accused.save': {
    targetType: 'accusedCase',
    targetId: (_input, accused) => accused.id,
    detail: (input, accused) => ({
      childId: accused.childId,
      stage: accused.stage,
      familyMember: accused.familyMemberId !== null,
      step: input.id ? 'update' : 'create',
    }),
  },
  'education.save': {
    targetType: 'educationRecord',
    targetId: (_input, record) => record.id,
    detail: (input, record) => ({
      childId: record.childId,
      kind: record.kind,
      step: input.id ? 'update' : 'create',
    }),
  },
  'conferences.save': {
    targetType: 'caseConference',
    targetId: (_input, conference) => conference.id,
    detail: (input, conference) => ({
      childId: conference.childId,
      step: input.id ? 'update' : 'create',
    }),
  },
  'health.save': {
    targetType: 'healthRecord',
    targetId: (_input, record) => record.id,
    detail: (input, record) => ({
      childId: record.childId,
      kind: record.kind,
      step: input.id ? 'update' : 'create',
    }),
  },
  'health.saveReaders': {
    targetType: 'healthAccess',
    targetId: () => null,
    detail: (_input, saved) => ({ roles: saved.roles.join(',') }),
  },
};
