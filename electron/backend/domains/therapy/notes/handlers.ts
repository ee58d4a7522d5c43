// The router's handlers for session notes, and what each audited call names in the audit log:
// the note's id and the child's, never a word of the note. Every read of a note's content is an
// audited call (notes.read, notes.search).
import type { notesProcedures } from '../../../../../shared/therapy/notes';
import type { AuditTargets, CallContext, Handlers } from '../../../runtime/call-context';
import { actorOf } from '../../../records/actor';
import { acknowledgeBreakGlass, breakGlassAlerts } from './break-glass';
import { openFlags, raiseFlag } from './flags';
import {
  addAddendum,
  notesForChild,
  notesToSign,
  readNote,
  saveDraft,
  searchNotes,
  signNote,
  startNote,
} from './notes';
import { clinicalPolicy, setClinicalPolicy } from './policy';

type NotesProcedureName = keyof typeof notesProcedures;

function session(ctx: CallContext) {
  return { vault: ctx.vault(), actor: actorOf(ctx.user()) };
}

export function notesHandlers(): Pick<Handlers, NotesProcedureName> {
  return {
    'notes.forChild': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return notesForChild(vault, actor, input.childId);
    },
    'notes.read': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const { note, breakGlass } = readNote(vault, actor, input);
      ctx.setAuditTarget({
        targetType: 'therapyNote',
        targetId: note.id,
        detail: breakGlass
          ? { childId: note.childId, breakGlass: true, reason: input.breakGlassReason ?? '' }
          : { childId: note.childId },
      });
      return note;
    },
    'notes.start': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return startNote(vault, actor, input);
    },
    'notes.saveDraft': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return saveDraft(vault, actor, input);
    },
    'notes.sign': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return signNote(vault, actor, input);
    },
    'notes.addAddendum': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return addAddendum(vault, actor, input);
    },
    'notes.raiseFlag': (ctx, input) => {
      const { vault, actor } = session(ctx);
      return raiseFlag(vault, actor, input);
    },
    'notes.search': (ctx, input) => {
      const { vault, actor } = session(ctx);
      const hits = searchNotes(vault, actor, input.text);
      ctx.setAuditTarget({
        targetType: 'therapyNote',
        targetId: null,
        detail: { hits: hits.length, noteIds: hits.map((h) => h.noteId).join(',') },
      });
      return hits;
    },
    'notes.toSign': (ctx) => {
      const { vault, actor } = session(ctx);
      return notesToSign(vault, actor);
    },
    'notes.openFlags': (ctx) => {
      const { vault, actor } = session(ctx);
      return openFlags(vault, actor);
    },
    'notes.breakGlassAlerts': (ctx) => {
      const { vault, actor } = session(ctx);
      return breakGlassAlerts(vault, actor);
    },
    'notes.acknowledgeBreakGlass': (ctx, input) => {
      const { vault, actor } = session(ctx);
      acknowledgeBreakGlass(vault, actor, input.id);
      return null;
    },
    'notes.policy': (ctx) => clinicalPolicy(ctx.vault()),
    'notes.setPolicy': (ctx, input) => setClinicalPolicy(ctx.vault(), input),
  };
}

/** Notes' audit targets, where input and result say it all; the others are set by hand above. */
export const notesAuditTargets: Pick<AuditTargets, NotesProcedureName> = {
  'notes.start': {
    targetType: 'therapyNote',
    targetId: (_input, note) => note.id,
    detail: (input) => ({ childId: input.childId, sessionId: input.sessionId }),
  },
  'notes.saveDraft': { targetType: 'therapyNote', targetId: (input) => input.id },
  'notes.sign': {
    targetType: 'therapyNote',
    targetId: (_input, note) => note.id,
    detail: (_input, note) => ({ childId: note.childId }),
  },
  'notes.addAddendum': {
    targetType: 'therapyNote',
    targetId: (_input, note) => note.id,
    detail: (_input, note) => ({
      childId: note.childId,
      addendumId: note.addenda.at(-1)?.id ?? '',
    }),
  },
  'notes.raiseFlag': {
    targetType: 'therapyNote',
    targetId: (input) => input.id,
    detail: (_input, flag) => ({ childId: flag.childId, flagId: flag.id, taskId: flag.taskId }),
  },
  'notes.acknowledgeBreakGlass': { targetType: 'therapyNote', targetId: (input) => input.id },
  'notes.setPolicy': {
    targetType: 'settings',
    targetId: () => null,
    detail: (input) => ({
      therapistNoteAccess: input.therapistNoteAccess,
      coordinatorsSeeScoreTotals: input.coordinatorsSeeScoreTotals,
    }),
  },
};
