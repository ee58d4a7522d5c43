// The router's handlers for the case procedures: each one turns the session into an actor, calls
// a service, and names the record for the router's audit entry (ids only, never content).
import type { SoftRule } from '../../../../shared/cases';
import type { caseProcedures } from '../../../../shared/contract-cases';
import type { DomainHooks } from '../../domain';
import type { CallContext, Handlers } from '../../context';
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
import { actorOf } from './context';
import { agenda, saveGoal, saveTask } from './plan';
import {
  admitChild,
  dischargeChild,
  editPlacement,
  transferChild,
  type PlacementResult,
} from './placements';
import {
  linkSiblings,
  openIntake,
  recordIntake,
  removeFamilyMember,
  removeLegalEvent,
  saveFamilyMember,
  saveLegalEvent,
  unlinkSibling,
} from './records';
import { bedBoard, occupancy } from './bed-board';
import {
  listShelters,
  removeBed,
  reserveBed,
  saveBed,
  saveShelter,
  shelterNames,
} from './shelters';

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

const child = (ctx: CallContext, id: string, detail?: Record<string, string>) =>
  ctx.setAuditTarget({ targetType: 'child', targetId: id, ...(detail ? { detail } : {}) });

export function caseHandlers(hooks: DomainHooks): CaseHandlers {
  return {
    'children.register': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const result = registerChild(vault, actor, input);
      child(ctx, result.id);
      return result;
    },
    'children.update': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const record = updateChild(vault, actor, input);
      child(ctx, record.id);
      return record;
    },
    'children.setStatus': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const record = setChildStatus(vault, actor, input);
      child(ctx, record.id, { status: record.status });
      return record;
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
      else child(ctx, file.child.id);
      return file;
    },
    'children.revealName': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const names = revealChildNames(vault, actor, input.id);
      child(ctx, input.id, { section: 'name' });
      return names;
    },
    'children.timeline': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return childTimeline(vault, actor, input.id);
    },
    'staff.caseworkers': (ctx) => listCaseworkers(ctx.vault()),

    'consents.record': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const consent = recordConsent(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'consent',
        targetId: consent.id,
        detail: { childId: consent.childId, type: consent.type },
      });
      return consent;
    },
    'consents.withdraw': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const consent = withdrawConsent(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'consent',
        targetId: consent.id,
        detail: { childId: consent.childId, type: consent.type },
      });
      return consent;
    },
    'consents.check': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return checkConsent(vault, actor, input);
    },

    'family.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const member = saveFamilyMember(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'familyMember',
        targetId: member.id,
        detail: { childId: member.childId },
      });
      return member;
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
      child(ctx, input.childId, { siblingId: input.siblingId });
      return null;
    },
    'siblings.unlink': (ctx, input) => {
      const { vault, actor } = session(ctx);
      unlinkSibling(vault, actor, input.childId);
      child(ctx, input.childId);
      return null;
    },

    'intake.record': (ctx, input) => {
      const { vault, actor } = session(ctx);
      recordIntake(vault, actor, input);
      child(ctx, input.childId, { section: 'intake' });
      return null;
    },
    'intake.open': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const account = openIntake(vault, actor, input.childId);
      child(ctx, input.childId, { section: 'intake' });
      return account;
    },

    'plan.saveGoal': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const goal = saveGoal(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'goal',
        targetId: goal.id,
        detail: { childId: goal.childId },
      });
      return goal;
    },
    'plan.saveTask': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const task = saveTask(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'task',
        targetId: task.id,
        detail: { childId: task.childId },
      });
      return task;
    },
    'dashboard.agenda': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return agenda(vault, actor, input);
    },

    'legal.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const event = saveLegalEvent(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'legalEvent',
        targetId: event.id,
        detail: { childId: event.childId },
      });
      return event;
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
      const shelter = saveShelter(vault, actor, input);
      ctx.setAuditTarget({ targetType: 'shelter', targetId: shelter.id });
      return shelter;
    },
    'beds.save': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const shelter = saveBed(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'shelter',
        targetId: shelter.id,
        detail: { beds: 'saved' },
      });
      return shelter;
    },
    'beds.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const shelter = removeBed(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'bed',
        targetId: input.id,
        detail: { shelterId: shelter.id },
      });
      return shelter;
    },
    'beds.reserve': (ctx, input) => {
      const { vault, actor } = session(ctx);
      reserveBed(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'bed',
        targetId: input.bedId,
        detail: input.childId ? { childId: input.childId } : { released: true },
      });
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
      const placement = dischargeChild(vault, actor, input, hooks.dischargeGuards);
      ctx.setAuditTarget({
        targetType: 'placement',
        targetId: placement.id,
        detail: { childId: placement.childId, destination: input.destination },
      });
      return placement;
    },
    'placements.edit': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return auditPlacement(ctx, editPlacement(vault, actor, input));
    },
  };
}
