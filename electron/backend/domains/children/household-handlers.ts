// The router's handlers for households, and what each audited one names (ids only).
import type { householdsProcedures } from '../../../../shared/children/households-contract';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import { actorOf } from '../../records/actor';
import {
  householdOf,
  joinHousehold,
  mergeMembers,
  saveHousehold,
  setRelationship,
} from './households';

type HouseholdProcedureName = keyof typeof householdsProcedures;

function session(ctx: CallContext) {
  return { vault: ctx.vault(), actor: actorOf(ctx.user()) };
}

export const householdHandlers: Pick<Handlers, HouseholdProcedureName> = {
  'households.get': (ctx, input) => {
    const { vault, actor } = session(ctx);
    return householdOf(vault, actor, input.childId);
  },
  'households.save': (ctx, input) => {
    const { vault, actor } = session(ctx);
    return saveHousehold(vault, actor, input);
  },
  'households.join': (ctx, input) => {
    const { vault, actor } = session(ctx);
    joinHousehold(vault, actor, input);
    return null;
  },
  'households.setRelationship': (ctx, input) => {
    const { vault, actor } = session(ctx);
    setRelationship(vault, actor, input);
    return null;
  },
  'households.merge': (ctx, input) => {
    const { vault, actor } = session(ctx);
    mergeMembers(vault, actor, input);
    return null;
  },
};

export const householdAuditTargets: Pick<
  AuditTargets,
  Exclude<HouseholdProcedureName, 'households.get'>
> = {
  'households.save': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: () => ({ section: 'household' }),
  },
  'households.join': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({ householdOf: input.householdOfChildId }),
  },
  'households.setRelationship': {
    targetType: 'familyMember',
    targetId: (input) => input.memberId,
    detail: (input) => ({ childId: input.childId }),
  },
  'households.merge': {
    targetType: 'familyMember',
    targetId: (input) => input.keepId,
    detail: (input) => ({ merged: input.mergeId }),
  },
};
