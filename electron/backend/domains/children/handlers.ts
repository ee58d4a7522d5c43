// The router's handlers for the case procedures: each one turns the session into an actor and
// calls a service. What each audited call names in the audit log (ids only, never content) is
// declared below the handlers, in caseAuditTargets.
import type { SoftRule } from '../../../../shared/cases';
import type { caseProcedures } from '../../../../shared/contract-cases';
import type { DomainHooks } from '../../runtime/domain';
import type { AuditDetail } from '../../audit-log';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import { loadCaseFile, childTimeline } from './case-file';
import {
  listCaseworkers,
  registerChild,
  revealChildNames,
  searchChildren,
  setChildStatus,
  updateChild,
} from './children';
import { checkConsent, recordConsent, withdrawConsent } from './consents';
import { actorOf } from '../../records/actor';
import { agenda, saveGoal, saveTask } from './plan';
import {
  admitChild,
  dischargeChild,
  editPlacement,
  transferChild,
  type PlacementResult,
} from '../shelters/placements';
import {
  linkSiblings,
  openIntake,
  recordIntake,
  removeFamilyMember,
  removeLegalEvent,
  saveFamilyMember,
  saveLegalEvent,
  unlinkSibling,
} from './family';
import { bedBoard, occupancy } from '../shelters/bed-board';
import {
  listShelters,
  removeBed,
  reserveBed,
  saveBed,
  saveShelter,
  shelterNames,
} from '../shelters/shelters';

export type CaseProcedureName = keyof typeof caseProcedures;
type CaseHandlers = Pick<Handlers, CaseProcedureName>;

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

export function caseHandlers(hooks: DomainHooks): CaseHandlers {
  return {
    'children.register': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return registerChild(vault, actor, input);
    },
    'children.update': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return updateChild(vault, actor, input);
    },
    'children.setStatus': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return setChildStatus(vault, actor, input);
    },
    'children.search': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return searchChildren(vault, actor, input);
    },
    'children.get': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const file = loadCaseFile(vault, actor, input.id);
      // Reloading the file this session already has open (after a change) is not a new view.
      const alreadyOpen = ctx.noteOpenCaseFile(file.child.id);
      if (input.reload && alreadyOpen) ctx.skipViewAudit();
      return file;
    },
    'children.revealName': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return revealChildNames(vault, actor, input.id);
    },
    'children.timeline': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return childTimeline(vault, actor, input.id);
    },
    'staff.caseworkers': (ctx) => listCaseworkers(ctx.vault()),

    'consents.record': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return recordConsent(vault, actor, input);
    },
    'consents.withdraw': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return withdrawConsent(vault, actor, input);
    },
    'consents.check': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return checkConsent(vault, actor, input);
    },

    'family.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveFamilyMember(vault, actor, input);
    },
    'family.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const childId = removeFamilyMember(vault, actor, input.id);
      ctx.setAuditTarget({ targetType: 'familyMember', targetId: input.id, detail: { childId } });
      return null;
    },

    'siblings.link': (ctx, input) => {
      const { vault, actor } = session(ctx);
      linkSiblings(vault, actor, input);
      return null;
    },
    'siblings.unlink': (ctx, input) => {
      const { vault, actor } = session(ctx);
      unlinkSibling(vault, actor, input.childId);
      return null;
    },

    'intake.record': (ctx, input) => {
      const { vault, actor } = session(ctx);
      recordIntake(vault, actor, input);
      return null;
    },
    'intake.open': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return openIntake(vault, actor, input.childId);
    },

    'plan.saveGoal': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveGoal(vault, actor, input);
    },
    'plan.saveTask': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveTask(vault, actor, input);
    },
    'dashboard.agenda': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return agenda(vault, actor, input);
    },

    'legal.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveLegalEvent(vault, actor, input);
    },
    'legal.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const childId = removeLegalEvent(vault, actor, input.id);
      ctx.setAuditTarget({ targetType: 'legalEvent', targetId: input.id, detail: { childId } });
      return null;
    },

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
      return dischargeChild(vault, actor, input, hooks.dischargeGuards);
    },
    'placements.edit': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return auditPlacement(ctx, editPlacement(vault, actor, input));
    },
  };
}

/** The record each audited case procedure names; removals and placement overrides set theirs by hand. */
export const caseAuditTargets: Pick<AuditTargets, CaseProcedureName> = {
  'children.register': { targetType: 'child', targetId: (_input, child) => child.id },
  'children.update': { targetType: 'child', targetId: (_input, child) => child.id },
  'children.setStatus': {
    targetType: 'child',
    targetId: (_input, child) => child.id,
    detail: (_input, child) => ({ status: child.status }),
  },
  'children.get': { targetType: 'child', targetId: (_input, file) => file.child.id },
  'children.revealName': {
    targetType: 'child',
    targetId: (input) => input.id,
    detail: () => ({ section: 'name' }),
  },
  'consents.record': {
    targetType: 'consent',
    targetId: (_input, consent) => consent.id,
    detail: (_input, consent) => ({ childId: consent.childId, type: consent.type }),
  },
  'consents.withdraw': {
    targetType: 'consent',
    targetId: (_input, consent) => consent.id,
    detail: (_input, consent) => ({ childId: consent.childId, type: consent.type }),
  },
  'family.save': {
    targetType: 'familyMember',
    targetId: (_input, member) => member.id,
    detail: (_input, member) => ({ childId: member.childId }),
  },
  'siblings.link': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: (input) => ({ siblingId: input.siblingId }),
  },
  'siblings.unlink': { targetType: 'child', targetId: (input) => input.childId },
  'intake.record': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: () => ({ section: 'intake' }),
  },
  'intake.open': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: () => ({ section: 'intake' }),
  },
  'plan.saveGoal': {
    targetType: 'goal',
    targetId: (_input, goal) => goal.id,
    detail: (_input, goal) => ({ childId: goal.childId }),
  },
  'plan.saveTask': {
    targetType: 'task',
    targetId: (_input, task) => task.id,
    detail: (_input, task) => ({ childId: task.childId }),
  },
  'legal.save': {
    targetType: 'legalEvent',
    targetId: (_input, event) => event.id,
    detail: (_input, event) => ({ childId: event.childId }),
  },
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
