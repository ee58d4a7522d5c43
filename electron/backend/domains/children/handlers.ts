// The router's handlers for the children domain (the case file and the Today agenda): each one
// turns the session into an actor and calls a service. What each audited call names in the audit
// log (ids only, never content) is declared below, in childrenAuditTargets.
import type { childrenProcedures } from '../../../../shared/children/contract';
import type { AuditTargets, CallContext, Handlers } from '../../runtime/call-context';
import type { DomainHooks } from '../../runtime/domain';
import { actorOf } from '../../records/actor';
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
import { agenda, saveGoal, saveTask } from './plan';
import { linkSiblings, removeFamilyMember, unlinkSibling, writeFamilyMember } from './family';
import { addIntakeAddendum, intakeAccounts, openIntake, recordIntake } from './intake';
import { removeLegalEvent, saveLegalEvent } from './legal';
import { addVisitor, gateLookup, removeVisitor, visitorsOf } from './visitors';
import { householdAuditTargets, householdHandlers } from './household-handlers';

type ChildrenProcedureName = keyof typeof childrenProcedures;
type ChildrenHandlers = Pick<Handlers, ChildrenProcedureName>;

function session(ctx: CallContext) {
  return { vault: ctx.vault(), actor: actorOf(ctx.user()) };
}

/** `hooks`: every domain's case-file section and timeline entries (see the composition root). */
export function childrenHandlers(hooks: DomainHooks): ChildrenHandlers {
  return {
    ...householdHandlers,
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
      const file = loadCaseFile(vault, actor, input.id, hooks);
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
      return childTimeline(vault, actor, input.id, hooks);
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
      const { member, flagCleared } = writeFamilyMember(vault, actor, input);
      // Clearing a flag is audited as such; the reason itself stays in the vault, not the log.
      ctx.setAuditTarget({
        targetType: 'familyMember',
        targetId: member.id,
        detail: { childId: member.childId, ...(flagCleared ? { flagCleared: true } : {}) },
      });
      return member;
    },
    'family.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const { childId, flagged } = removeFamilyMember(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'familyMember',
        targetId: input.id,
        detail: { childId, ...(flagged ? { flagged: true } : {}) },
      });
      return null;
    },
    'visitors.list': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return visitorsOf(vault, actor, input.childId);
    },
    'visitors.add': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return addVisitor(vault, actor, input);
    },
    'visitors.remove': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const childId = removeVisitor(vault, actor, input.id);
      ctx.setAuditTarget({ targetType: 'visitor', targetId: input.id, detail: { childId } });
      return null;
    },
    'visitors.gate': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return gateLookup(vault, actor, input.text);
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
      return openIntake(vault, actor, input);
    },
    'intake.accounts': (ctx) => {
      const { vault, actor } = session(ctx);
      return intakeAccounts(vault, actor);
    },
    'intake.addAddendum': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return addIntakeAddendum(vault, actor, input);
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
  };
}

/**
 * The record each audited procedure names; removals and family saves set theirs by hand (the
 * child id, or a cleared flag, is not in the result).
 */
export const childrenAuditTargets: Pick<AuditTargets, ChildrenProcedureName> = {
  ...householdAuditTargets,
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
  'visitors.add': {
    targetType: 'visitor',
    targetId: (_input, visitor) => visitor.id,
    detail: (input) => ({ childId: input.childId }),
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
    // The reason itself stays in intake_reads; the entry says that one was given.
    detail: (input) => ({ section: 'intake', ...(input.reason ? { withReason: true } : {}) }),
  },
  'intake.addAddendum': {
    targetType: 'child',
    targetId: (input) => input.childId,
    detail: () => ({ section: 'intakeAddendum' }),
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
};
