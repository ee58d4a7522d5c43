// Session notes: templates, the draft → signed lifecycle, signed addenda, who may read them
// (clinicians; a coordinator only by a break-glass read with a typed reason), risk flags and the
// clinical-records policy the administrator sets. Merged into `therapyProcedures`.
import { z } from 'zod';
import { idOf } from '../ids';
import { procedure } from '../procedure';
import type { Role } from '../roles';
import { requiredText, safeText } from '../text';

export const NOTE_TEMPLATES = ['soap', 'dap', 'birp', 'free'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];

/** Each template's fields, in order; labels and help text are in the catalogue. */
export const TEMPLATE_FIELDS = {
  soap: ['subjective', 'objective', 'assessment', 'plan'],
  dap: ['data', 'assessment', 'plan'],
  birp: ['behavior', 'intervention', 'response', 'plan'],
  free: ['note'],
} as const satisfies Record<NoteTemplate, readonly string[]>;
export type NoteFieldKey = (typeof TEMPLATE_FIELDS)[NoteTemplate][number];
export const NOTE_FIELD_KEYS = [
  ...new Set(Object.values(TEMPLATE_FIELDS).flat()),
] as NoteFieldKey[];

export const NOTE_STATUSES = ['draft', 'signed'] as const;
export type NoteStatus = (typeof NOTE_STATUSES)[number];

export const RISK_FLAG_KINDS = [
  'safety',
  'selfHarm',
  'harmToOthers',
  'newDisclosure',
  'other',
] as const;
export type RiskFlagKind = (typeof RISK_FLAG_KINDS)[number];

/** Whose notes a therapist reads besides their own: everyone's, or their own clients' only. */
export const THERAPIST_NOTE_ACCESS = ['allTherapists', 'ownClients'] as const;
export type TherapistNoteAccess = (typeof THERAPIST_NOTE_ACCESS)[number];

/** A note records a session that took place: one whose attendance says the child came. */
export const sessionTookPlace = (sessionStatus: string): boolean => sessionStatus === 'attended';

export const NOTE_FIELD_MAX = 20_000;
export const BREAK_GLASS_REASON_MIN = 10;

const multiline = { multiline: true } as const;
const noteText = safeText(multiline).max(NOTE_FIELD_MAX, 'tooLong');

/** A note's fields as typed; keys outside the template are refused (the service checks which). */
export const noteFieldsSchema = z.partialRecord(z.enum(NOTE_FIELD_KEYS), noteText);
export type NoteFields = z.infer<typeof noteFieldsSchema>;

export const addendumBodySchema = requiredText(NOTE_FIELD_MAX, multiline);

export const breakGlassReasonSchema = safeText(multiline)
  .trim()
  .min(BREAK_GLASS_REASON_MIN, 'breakGlass.tooShort')
  .max(1000, 'tooLong');

// ---- output types ---------------------------------------------------------------------------

export interface NoteAuthor {
  id: string;
  displayName: string;
}

/** What anyone who sees the child may know of a session's note: never its content. */
export interface SessionNoteStatus {
  sessionId: string;
  startAt: string;
  endAt: string;
  /** The session's attendance status (scheduled, attended, no-show, …). */
  sessionStatus: string;
  therapist: NoteAuthor;
  noteId: string | null;
  noteStatus: NoteStatus | null;
  signedAt: string | null;
  /** Whether the caller may open the note's content without breaking the glass. */
  readable: boolean;
}

export interface NoteAddendum {
  id: string;
  author: NoteAuthor;
  body: string;
  signedAt: string;
}

/** A child's sessions with their notes' status, as notes.forChild answers. */
export interface ChildSessionNotes {
  child: { id: string; caseCode: string; initials: string };
  sessions: SessionNoteStatus[];
}

export interface RiskFlag {
  id: string;
  noteId: string;
  childId: string;
  kind: RiskFlagKind;
  raisedBy: NoteAuthor;
  raisedAt: string;
  /** The caseworker's task the flag created (it says only that a clinician raised a concern). */
  taskId: string;
}

/** A flag the caller raised whose caseworker task is still open: what they follow up. */
export interface OpenRiskFlag extends RiskFlag {
  caseCode: string;
  initials: string;
}

export interface BreakGlassRead {
  id: string;
  noteId: string;
  reader: NoteAuthor;
  reason: string;
  readAt: string;
}

export interface SessionNote {
  id: string;
  sessionId: string;
  childId: string;
  caseCode: string;
  initials: string;
  planId: string | null;
  sessionStartAt: string;
  template: NoteTemplate;
  fields: NoteFields;
  status: NoteStatus;
  author: NoteAuthor;
  signedAt: string | null;
  signedBy: NoteAuthor | null;
  updatedAt: string;
  addenda: NoteAddendum[];
  flags: RiskFlag[];
  /** Break-glass reads of this note, shown to its author. */
  breakGlassReads: BreakGlassRead[];
  /** The caller wrote it (and so may edit the draft, sign it and add addenda). */
  mine: boolean;
}

export interface NoteSearchHit {
  noteId: string;
  childId: string;
  caseCode: string;
  initials: string;
  sessionStartAt: string;
  template: NoteTemplate;
  status: NoteStatus;
  author: NoteAuthor;
  /** A few words around the first match. */
  excerpt: string;
}

/** A break-glass read of one of the caller's notes that they have not acknowledged yet. */
export interface BreakGlassAlert extends BreakGlassRead {
  caseCode: string;
  initials: string;
  sessionStartAt: string;
}

export interface ClinicalPolicy {
  therapistNoteAccess: TherapistNoteAccess;
  /** Coordinators see outcome-score totals and bands (never subscales). */
  coordinatorsSeeScoreTotals: boolean;
  /** Per instrument code, the norm to band scores with (when it applies to the informant). */
  normChoices: Record<string, string>;
}

export const DEFAULT_CLINICAL_POLICY: ClinicalPolicy = {
  therapistNoteAccess: 'ownClients',
  coordinatorsSeeScoreTotals: false,
  normChoices: {},
};

export const clinicalPolicySchema = z.strictObject({
  therapistNoteAccess: z.enum(THERAPIST_NOTE_ACCESS),
  coordinatorsSeeScoreTotals: z.boolean(),
  normChoices: z.record(z.string().max(40), z.string().max(40)),
});

// ---- the procedures ------------------------------------------------------------------------

const THERAPIST: readonly Role[] = ['therapist'];
const SEES_SESSIONS: readonly Role[] = ['therapist', 'caseworker', 'coordinator'];
const noteId = idOf('therapyNote');

export const notesProcedures = {
  /** The child's sessions with their note's status: attendance and signed or not, no content. */
  'notes.forChild': procedure<ChildSessionNotes>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: SEES_SESSIONS,
    kind: 'query',
  }),
  /** A note's content: therapists as the policy allows; a coordinator only by breaking the glass. */
  'notes.read': procedure<SessionNote>()({
    input: z.strictObject({ id: noteId, breakGlassReason: breakGlassReasonSchema.optional() }),
    access: ['therapist', 'coordinator'],
    kind: 'mutation',
  }),
  'notes.start': procedure<SessionNote>()({
    input: z.strictObject({
      sessionId: idOf('therapySession'),
      childId: idOf('child'),
      template: z.enum(NOTE_TEMPLATES),
    }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  /** The autosave: the author's draft, as typed so far. */
  'notes.saveDraft': procedure<{ updatedAt: string }>()({
    input: z.strictObject({
      id: noteId,
      template: z.enum(NOTE_TEMPLATES),
      fields: noteFieldsSchema,
    }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  /** Saves the fields and signs: the note is locked from then on. */
  'notes.sign': procedure<SessionNote>()({
    input: z.strictObject({
      id: noteId,
      template: z.enum(NOTE_TEMPLATES),
      fields: noteFieldsSchema,
    }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  /** A correction or addition to a signed note; signed as it is saved. */
  'notes.addAddendum': procedure<SessionNote>()({
    input: z.strictObject({ id: noteId, body: addendumBodySchema }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  /** Raises a concern: the child's caseworker gets a task to contact the clinician. */
  'notes.raiseFlag': procedure<RiskFlag>()({
    input: z.strictObject({ id: noteId, kind: z.enum(RISK_FLAG_KINDS) }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  /** Words in the notes the caller may read; each hit's excerpt is a read, so it is audited. */
  'notes.search': procedure<NoteSearchHit[]>()({
    input: z.strictObject({ text: requiredText(100) }),
    access: THERAPIST,
    kind: 'query',
    auditView: true,
  }),
  /** The caller's own drafts, still to sign. */
  'notes.toSign': procedure<SessionNoteStatus[]>()({
    input: z.strictObject({}),
    access: THERAPIST,
    kind: 'query',
  }),
  /** The concerns the caller raised that the caseworker has not closed yet, oldest first. */
  'notes.openFlags': procedure<OpenRiskFlag[]>()({
    input: z.strictObject({}),
    access: THERAPIST,
    kind: 'query',
  }),
  'notes.breakGlassAlerts': procedure<BreakGlassAlert[]>()({
    input: z.strictObject({}),
    access: THERAPIST,
    kind: 'query',
  }),
  'notes.acknowledgeBreakGlass': procedure<null>()({
    input: z.strictObject({ id: noteId }),
    access: THERAPIST,
    kind: 'mutation',
  }),
  'notes.policy': procedure<ClinicalPolicy>()({
    input: z.strictObject({}),
    access: ['admin'],
    kind: 'query',
  }),
  'notes.setPolicy': procedure<ClinicalPolicy>()({
    input: clinicalPolicySchema,
    access: ['admin'],
    kind: 'mutation',
  }),
} as const;
