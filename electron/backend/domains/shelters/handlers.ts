// The router's handlers for the shelters domain (shelters, beds, placements, the bed board): each
// one turns the session into an actor and calls a service. What each audited call names in the
// audit log (ids only, never content) is declared below, in sheltersAuditTargets.
import type { SoftRule } from '../../../../shared/shelters/vocabulary';
import type { sheltersProcedures } from '../../../../shared/shelters/contract';
import type { AuditDetail } from '../../audit-log';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import type { DomainHooks } from '../../runtime/domain';
import { actorOf } from '../../records/actor';
import { bedBoard, occupancy } from './bed-board';
import {
  admitChild,
  dischargeChild,
  editPlacement,
  transferChild,
  type PlacementResult,
} from './placements';
import {
  listShelters,
  removeBed,
  reserveBed,
  saveBed,
  saveShelter,
  shelterNames,
} from './shelters';

type SheltersProcedureName = keyof typeof sheltersProcedures;
type SheltersHandlers = Pick<Handlers, SheltersProcedureName>;

function session(ctx: CallContext) {
  return { vault: ctx.vault(), actor: actorOf(ctx.user()) };
}

/** Audits a placement write; an override names the rules it set aside (never the reason text). */
function auditPlacement(ctx: CallContext, result: PlacementResult) {
  const overridden: SoftRule[] = result.overridden;
  ctx.setAuditTarget({
    targetType: 'placement',
    targetId: result.placement.id,
    detail: {
      childId: result.placement.childId,
      ...(overridden.length ? { overridden: overridden.join(',') } : {}),
    },
  });
  return result.placement;
}

/**
 * `hooks.dischargeGuards` and `hooks.dischargeEffects`: every domain's pre-discharge checks and
 * follow-ups (see the composition root).
 */
export function sheltersHandlers(hooks: DomainHooks): SheltersHandlers {
  return {
    'shelters.list': (ctx) => {
      const { vault, actor } = session(ctx);
      return listShelters(vault, actor);
    },
    'shelters.names': (ctx) => {
      const { vault, actor } = session(ctx);
      return shelterNames(vault, actor);
    },
    'shelters.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveShelter(vault, actor, input);
    },
    'beds.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveBed(vault, actor, input);
    },
    'beds.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return removeBed(vault, actor, input);
    },
    'beds.reserve': (ctx, input) => {
      const { vault, actor } = session(ctx);
      reserveBed(vault, actor, input);
      return null;
    },
    'beds.board': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return bedBoard(vault, actor, input);
    },
    'beds.occupancy': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return occupancy(vault, actor, input);
    },
    'placements.admit': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return auditPlacement(ctx, admitChild(vault, actor, input));
    },
    'placements.transfer': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return auditPlacement(ctx, transferChild(vault, actor, input));
    },
    'placements.discharge': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return dischargeChild(vault, actor, input, hooks.dischargeGuards, hooks.dischargeEffects);
    },
    'placements.edit': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return auditPlacement(ctx, editPlacement(vault, actor, input));
    },
  };
}

/** The record each audited procedure names; admissions, transfers and edits set theirs by hand (the overridden rules are not in the result). */
export const sheltersAuditTargets: Pick<AuditTargets, SheltersProcedureName> = {
  'shelters.save': { targetType: 'shelter', targetId: (_input, shelter) => shelter.id },
  'beds.save': {
    targetType: 'shelter',
    targetId: (_input, shelter) => shelter.id,
    detail: () => ({ beds: 'saved' }),
  },
  'beds.remove': {
    targetType: 'bed',
    targetId: (input) => input.id,
    detail: (_input, shelter) => ({ shelterId: shelter.id }),
  },
  'beds.reserve': {
    targetType: 'bed',
    targetId: (input) => input.bedId,
    detail: (input): AuditDetail =>
      input.childId ? { childId: input.childId } : { released: true },
  },
  'placements.discharge': {
    targetType: 'placement',
    targetId: (_input, placement) => placement.id,
    detail: (input, placement) => ({
      childId: placement.childId,
      destination: input.destination,
    }),
  },
};
