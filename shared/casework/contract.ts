// The casework domain's procedures: the case file's records beyond the daily ones. Legal detail
// per accused (linked to the family member where the accused is one, and to the legal events of
// that case), schooling and the multidisciplinary team's case conferences. Each is a section of the case file.
// Merged by shared/contract.ts.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import { todayPanelInput, type TodayCaseRow, type TodayPanelPage } from '../today';
import type { Role } from '../roles';
import { optionalText, requiredText } from '../text';
import {
  ACCUSED_STAGES,
  SCHOOLING_KINDS,
  type AccusedStage,
  type SchoolingKind,
} from './vocabulary';
import { healthProcedures } from './health';

/** The case team keeps these records, as it keeps the rest of the case file. */
const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];
const multiline = { multiline: true } as const;

/** The criminal case against one accused: who, where it stands, and the child-witness support. */
export interface AccusedCase {
  id: string;
  childId: string;
  /** The family member the accused is, if one (flagged as alleged offender). */
  familyMemberId: string | null;
  /** The family member's name where linked, else the name entered. */
  name: string;
  prosecutor: string | null;
  caseNumber: string | null;
  stage: AccusedStage;
  /** The child testifies by live link (Rule on Examination of a Child Witness). */
  liveLinkTestimony: boolean;
  /** Who sits with the child while she testifies. */
  supportPerson: string | null;
  notes: string | null;
  /** The legal events (hearings, testimony) of this case, soonest first. */
  legalEventIds: string[];
  /** The first linked hearing or testimony dated today or later, if any. */
  nextHearing: { date: string; time: string | null } | null;
}

/** An accused's own fields (the form's part of `accused.save`). */
export const accusedFieldsSchema = z.strictObject({
  familyMemberId: idOf('familyMember').optional(),
  name: optionalText(200),
  prosecutor: optionalText(200),
  caseNumber: optionalText(100),
  stage: z.enum(ACCUSED_STAGES),
  liveLinkTestimony: z.boolean(),
  supportPerson: optionalText(200),
  legalEventIds: z.array(idOf('legalEvent')).max(100, 'tooMany'),
  notes: optionalText(2000, multiline),
});

/** An accused is a named family member or a name entered. */
export function checkAccusedFields(
  a: { familyMemberId?: string | undefined; name?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (!a.familyMemberId && !a.name)
    ctx.addIssue({ code: 'custom', path: ['name'], message: 'required' });
}

/** One enrolment (or a time not enrolled) in the child's schooling. */
export interface EducationRecord {
  id: string;
  childId: string;
  kind: SchoolingKind;
  /** The school or ALS learning centre; null when not enrolled. */
  school: string | null;
  /** A grade ("Grade 5") or an ALS level ("Elementary"); null when not enrolled. */
  gradeLevel: string | null;
  /** When she started there (or stopped going). */
  since: string;
  attendanceNotes: string | null;
}

/** An education record's own fields (the form's part of `education.save`). */
export const educationFieldsSchema = z.strictObject({
  kind: z.enum(SCHOOLING_KINDS),
  school: optionalText(200),
  gradeLevel: optionalText(50),
  since: isoDateSchema,
  attendanceNotes: optionalText(2000, multiline),
});

/** An enrolment names the school and the grade or level. */
export function checkEducationFields(
  e: { kind: SchoolingKind; school?: string | undefined; gradeLevel?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (e.kind === 'not_enrolled') return;
  if (!e.school) ctx.addIssue({ code: 'custom', path: ['school'], message: 'required' });
  if (!e.gradeLevel) ctx.addIssue({ code: 'custom', path: ['gradeLevel'], message: 'required' });
}

/** Minutes of a multidisciplinary team's case conference about the child. */
export interface CaseConference {
  id: string;
  childId: string;
  heldOn: string;
  /** Who took part, with their role or agency (social worker, psychologist, PNP, prosecutor). */
  attendees: string;
  minutes: string;
  decisions: string | null;
  /** When the team meets again about the child. */
  nextReviewOn: string | null;
}

/** A conference review for Today: due within a week, or late. */
export interface ConferenceReviewDue extends TodayCaseRow {
  conferenceId: string;
  heldOn: string;
  nextReviewOn: string;
  late: boolean;
}

/** Days ahead Today lists a conference review. */
export const REVIEW_DUE_AHEAD_DAYS = 7;

/** A conference's own fields (the form's part of `conferences.save`). */
export const conferenceFieldsSchema = z.strictObject({
  heldOn: isoDateSchema,
  attendees: requiredText(1000, multiline),
  minutes: requiredText(8000, multiline),
  decisions: optionalText(4000, multiline),
  nextReviewOn: isoDateSchema.optional(),
});

/** The next review comes after the conference. */
export function checkConferenceFields(
  c: { heldOn: string; nextReviewOn?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (c.nextReviewOn && c.nextReviewOn <= c.heldOn)
    ctx.addIssue({ code: 'custom', path: ['nextReviewOn'], message: 'dateRange' });
}

export const caseworkProcedures = {
  /** Adds or corrects the case against one accused, and which legal events belong to it. */
  'accused.save': procedure<AccusedCase>()({
    input: accusedFieldsSchema
      .extend({ id: idOf('accusedCase').optional(), childId: idOf('child') })
      .superRefine(checkAccusedFields),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Adds or corrects an entry of the child's schooling. */
  'education.save': procedure<EducationRecord>()({
    input: educationFieldsSchema
      .extend({ id: idOf('educationRecord').optional(), childId: idOf('child') })
      .superRefine(checkEducationFields),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Adds or corrects the minutes of a case conference. */
  'conferences.save': procedure<CaseConference>()({
    input: conferenceFieldsSchema
      .extend({ id: idOf('caseConference').optional(), childId: idOf('child') })
      .superRefine(checkConferenceFields),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** For Today: the children whose latest conference's review is within a week, or late. */
  'conferences.reviewsDue': procedure<TodayPanelPage<ConferenceReviewDue>>()({
    input: todayPanelInput,
    access: CASE_TEAM,
    kind: 'query',
  }),
  ...healthProcedures,
} as const;

declare module '../case-file' {
  interface CaseFileSections {
    /** The cases against each accused, in the order entered. */
    accusedCases: AccusedCase[];
    /** Her schooling, the latest first. */
    education: EducationRecord[];
    /** The case conferences, the latest first. */
    conferences: CaseConference[];
  }
}

declare module '../ids' {
  interface IdKinds {
    /** Visible when their child is. */
    casework: 'accusedCase' | 'educationRecord' | 'caseConference';
  }
}
