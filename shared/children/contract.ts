// The children domain's procedures (the case file and the Today agenda). Merged into `procedures`
// by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import type { Role } from '../roles';
import {
  aliasOf,
  birthSchema,
  CHILD_STATUSES,
  CONSENT_GIVERS,
  CONSENT_TYPES,
  CONTACT_WISHES,
  GOAL_STATUSES,
  INTAKE_HELD_WHERE,
  LEGAL_EVENT_KINDS,
  PLAN_DOMAINS,
  SEXES,
  VISITOR_STATES,
  type ChildStatus,
  type ConsentGiver,
  type ConsentType,
  type ContactWish,
  type GoalStatus,
  type IntakeHeldWhere,
  type LegalEventKind,
  type PlanDomain,
  type Sex,
  type VisitorState,
} from './vocabulary';
import type { CaseFileSections, TimelineEntry } from '../case-file';

export { birthSchema, type Birth } from './vocabulary';
import { procedure } from '../procedure';
import { TIME_OF_DAY } from '../time';
import { optionalText, requiredText, safeText } from '../text';
import { householdsProcedures } from './households-contract';
import { intakeAccountsProcedures } from './intake-accounts-contract';

const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];

/** Free text; a missing required field answers 'required', like an empty one. */
const text = requiredText;
/** A textarea's text: tabs and line breaks allowed. */
const multiline = { multiline: true } as const;
const timeOfDay = z.string().regex(TIME_OF_DAY, 'invalid');

// ---- case records ---------------------------------------------------------------------------

/** Fictitious initials, typed with or without dots ("rtl", "R.T.L."); see aliasOf. */
export const aliasSchema = z
  .string()
  .max(20, 'tooLong')
  .refine((value) => aliasOf(value) !== null, 'alias.format');

export const childFieldsSchema = z.strictObject({
  /** Null while it is not known yet: children often arrive without papers. Never left out. */
  legalName: text(200).nullable(),
  preferredName: optionalText(100),
  /** Left out at registration, one is made up; left out on an update, it stays as it was. */
  alias: aliasSchema.optional(),
  birth: birthSchema,
  sex: z.enum(SEXES),
  genderIdentity: optionalText(100),
  languages: z.array(text(50)).max(10, 'tooMany'),
  referralSource: text(200),
  referralDate: isoDateSchema,
  intakeDate: isoDateSchema,
  rescueDate: isoDateSchema.optional(),
  referringAgencyRef: optionalText(100),
  assignedCaseworkerId: idOf('caseworker').optional(),
});
export type ChildFields = z.infer<typeof childFieldsSchema>;

export interface ChildListRow {
  id: string;
  caseCode: string;
  /** Fictitious initials: what every list shows with the case code, never the real ones. */
  alias: string;
  status: ChildStatus;
  /** Whole years today, in the vault's time zone; estimated when the birth date is. */
  age: number;
  ageEstimated: boolean;
  shelterName: string | null;
  caseworkerName: string | null;
}

/**
 * A case record without the child's names: they reach the window only through
 * children.revealName, which is audited as the view of the name.
 */
export interface ChildRecord extends Omit<ChildFields, 'legalName' | 'preferredName' | 'alias'> {
  id: string;
  caseCode: string;
  alias: string;
  status: ChildStatus;
  age: number;
  ageEstimated: boolean;
  /** False while the legal name is not known yet. */
  legalNameKnown: boolean;
  siblingGroupId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The child's names, as children.revealName answers them. */
export interface ChildNames {
  /** Null while the legal name is not known yet. */
  legalName: string | null;
  preferredName: string | null;
  /** The real initials: shown only where the names are. */
  legalInitials: string;
}

export interface FamilyMember {
  id: string;
  childId: string;
  name: string;
  relationship: string;
  phone: string | null;
  address: string | null;
  barangay: string | null;
  livesInHousehold: boolean;
  /** May come into the child's household (a visitor of the home, not only a resident). */
  householdAccess: boolean;
  /** Null until the child has been asked. */
  childWantsContact: ContactWish | null;
  /** Null when the viewer's role may not see safety flags. */
  safety: {
    allegedOffender: boolean;
    allegedOffenderSince: string | null;
    noContactOrder: boolean;
    noContactOrderDate: string | null;
    /** The last day the order holds; null: until lifted. */
    orderExpiresOn: string | null;
    supervisedOnly: boolean;
  } | null;
  notes: string | null;
}

/** Why a visitor has their state; only for the roles that may see safety flags. */
export const VISITOR_REASONS = [
  'allegedOffender',
  'noContactOrder',
  'supervisedOnly',
  'childDoesNotWantContact',
] as const;
export type VisitorReason = (typeof VISITOR_REASONS)[number];

/** One entry of a child's visitor list: a family member, or someone added to the list directly. */
export interface Visitor {
  /** The family member's id, or the directly added visitor's. */
  id: string;
  source: 'family' | 'direct';
  name: string;
  relationship: string;
  state: VisitorState;
  /** Null for a role that may not see the flags (a therapist not working with the child). */
  reasons: VisitorReason[] | null;
}

/**
 * What the gate is told: a person by name, once, with each child they visit and whether they
 * may; never why. A mother entered under two siblings, or listed both as family and directly,
 * is one person at the gate.
 */
export interface GateVisitor {
  name: string;
  children: { caseCode: string; state: VisitorState }[];
}
export const GATE_LIMIT = 50;

export interface Consent {
  id: string;
  childId: string;
  type: ConsentType;
  agency: string | null;
  givenBy: ConsentGiver;
  /** The family member who gave it, when a guardian did. */
  givenByMemberId: string | null;
  givenOn: string;
  scope: string;
  withdrawnOn: string | null;
  withdrawnReason: string | null;
}

export interface PlanGoal {
  id: string;
  childId: string;
  domain: PlanDomain;
  goalInChildWords: string;
  responsible: string;
  targetDate: string | null;
  status: GoalStatus;
}

export interface PlanTask {
  id: string;
  childId: string;
  goalId: string | null;
  title: string;
  dueDate: string;
  responsible: string | null;
  doneOn: string | null;
}

export interface LegalEvent {
  id: string;
  childId: string;
  kind: LegalEventKind;
  date: string;
  time: string | null;
  court: string;
  caseNumber: string;
  notes: string | null;
}

/** What the case file says of the intake account before it is opened: never its content. */
export interface IntakeSummary {
  recordedAt: string;
  recordedByName: string | null;
  /** Null for an account recorded before the reference was asked for. */
  heldWhere: IntakeHeldWhere | null;
  reference: string | null;
  /** Whether a free-text account was written beside the reference. */
  hasAccount: boolean;
  addenda: number;
  /** Whether opening it asks this viewer for a reason (not the child's own team). */
  reasonNeeded: boolean;
}

/** A signed correction of the intake account; the account itself never changes. */
export interface IntakeAddendum {
  id: string;
  text: string;
  signedAt: string;
  signedByName: string | null;
}

/** The opened intake account, as intake.open answers it. */
export interface IntakeAccount {
  account: string | null;
  heldWhere: IntakeHeldWhere | null;
  reference: string | null;
  recordedAt: string;
  recordedByName: string | null;
  addenda: IntakeAddendum[];
}

/** The case file: the children domain's records, and every other domain's section. */
export interface CaseFile extends CaseFileSections {
  child: ChildRecord;
  caseworkerName: string | null;
  family: FamilyMember[];
  consents: Consent[];
  siblings: ChildListRow[];
  goals: PlanGoal[];
  tasks: PlanTask[];
  legalEvents: LegalEvent[];
  intakeAccount: IntakeSummary | null;
}

declare module '../case-file' {
  interface TimelineKinds {
    children: 'registered' | 'status' | 'legal' | 'goal' | 'task' | 'consent' | 'intake';
  }
}

/**
 * What an agenda item can be; a new kind is one more entry here and one more source in the query.
 * 'legalName': a child whose legal name is not known yet (dated by the intake).
 */
export const AGENDA_KINDS = ['task', 'goal', 'legal', 'legalName'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
/** Overdue: before today. Upcoming: today and the next seven days. */
export const AGENDA_SECTIONS = ['overdue', 'upcoming'] as const;
export type AgendaSection = (typeof AGENDA_SECTIONS)[number];
export const AGENDA_GROUPINGS = ['date', 'child', 'kind'] as const;
export type AgendaGrouping = (typeof AGENDA_GROUPINGS)[number];
export const AGENDA_PAGE_MAX = 100;

export interface AgendaItem {
  childId: string;
  caseCode: string;
  alias: string;
  kind: AgendaKind;
  /** The legal event kind for 'legal', the plan domain for 'goal', null otherwise. */
  category: LegalEventKind | PlanDomain | null;
  id: string;
  /** Task title, goal in the child's words, the court of a legal event; empty for 'legalName'. */
  title: string;
  date: string;
}

/** One page of one agenda section, with the true count of everything that matches. */
export interface AgendaPage {
  items: AgendaItem[];
  /** Every item of the section that matches the filters, not only this page. */
  total: number;
  /** When grouped: how many items each group (child id or kind) has in the whole section. */
  groupSizes: Record<string, number>;
  /** Today in the vault's time zone, for "3 days overdue". */
  today: string;
}

/** Someone a child can be assigned to (active caseworkers and coordinators). */
export interface StaffOption {
  id: string;
  displayName: string;
  role: Role;
}

export const childrenProcedures = {
  'children.register': procedure<{ id: string; caseCode: string }>()({
    input: childFieldsSchema,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'children.update': procedure<ChildRecord>()({
    input: childFieldsSchema.extend({ id: idOf('child') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'children.setStatus': procedure<ChildRecord>()({
    input: z.strictObject({ id: idOf('child'), status: z.enum(CHILD_STATUSES) }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'children.search': procedure<{ rows: ChildListRow[]; total: number }>()({
    input: z.strictObject({
      text: safeText().max(100, 'tooLong').optional(),
      status: z.enum(CHILD_STATUSES).optional(),
      shelterId: idOf('shelter').optional(),
      caseworkerId: idOf('caseworker').optional(),
      limit: z.number().int().min(1).max(200).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  /**
   * The case file, without the child's names; every opening is audited as a view. `reload` marks
   * a refetch of the file this session already has open (after a change), which is not a new view.
   */
  'children.get': procedure<CaseFile>()({
    input: z.strictObject({ id: idOf('child'), reload: z.literal(true).optional() }),
    access: CASE_TEAM,
    kind: 'query',
    auditView: true,
  }),
  /** The child's names, asked for only by "Show name" (or editing them): audited as their view. */
  'children.revealName': procedure<ChildNames>()({
    input: z.strictObject({ id: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
    auditView: true,
  }),
  'children.timeline': procedure<TimelineEntry[]>()({
    input: z.strictObject({ id: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
  }),

  /** Choices for the assigned-caseworker field and the search filter. */
  'staff.caseworkers': procedure<StaffOption[]>()({
    input: z.strictObject({}),
    access: CASE_TEAM,
    kind: 'query',
  }),

  'consents.record': procedure<Consent>()({
    input: z.strictObject({
      childId: idOf('child'),
      type: z.enum(CONSENT_TYPES),
      agency: optionalText(200),
      givenBy: z.enum(CONSENT_GIVERS),
      /** A guardian from the family; never an alleged offender or someone under an order. */
      givenByMemberId: idOf('familyMember').optional(),
      givenOn: isoDateSchema,
      scope: text(1000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'consents.withdraw': procedure<Consent>()({
    input: z.strictObject({
      id: idOf('consent'),
      withdrawnOn: isoDateSchema,
      reason: text(1000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** The one answer later features ask before sharing or reporting. */
  'consents.check': procedure<{ allowed: boolean; consentId: string | null }>()({
    input: z.strictObject({
      childId: idOf('child'),
      type: z.enum(CONSENT_TYPES),
      agency: optionalText(200),
    }),
    access: CASE_TEAM,
    kind: 'query',
  }),

  'family.save': procedure<FamilyMember>()({
    input: z.strictObject({
      id: idOf('familyMember').optional(),
      childId: idOf('child'),
      name: text(200),
      relationship: text(100),
      phone: optionalText(50),
      address: optionalText(300),
      barangay: optionalText(100),
      livesInHousehold: z.boolean(),
      allegedOffender: z.boolean(),
      allegedOffenderSince: isoDateSchema.optional(),
      noContactOrder: z.boolean(),
      noContactOrderDate: isoDateSchema.optional(),
      orderExpiresOn: isoDateSchema.optional(),
      supervisedOnly: z.boolean().default(false),
      householdAccess: z.boolean().default(false),
      childWantsContact: z.enum(CONTACT_WISHES).optional(),
      /** Why a flag is cleared: required when an alleged-offender or no-contact flag goes. */
      flagClearReason: optionalText(1000, multiline),
      notes: optionalText(2000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Removing a flagged person needs a reason (kept, and the removal audited). */
  'family.remove': procedure<null>()({
    input: z.strictObject({
      id: idOf('familyMember'),
      reason: optionalText(1000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),

  /**
   * The child's visitor list (family members and people added directly), with the reasons for
   * the roles that act on them: the case team, and a therapist for a child on their caseload.
   */
  'visitors.list': procedure<Visitor[]>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: ['coordinator', 'caseworker', 'therapist'],
    kind: 'query',
  }),
  'visitors.add': procedure<Visitor>()({
    input: z.strictObject({
      childId: idOf('child'),
      name: text(200),
      relationship: text(100),
      state: z.enum(VISITOR_STATES),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'visitors.remove': procedure<null>()({
    input: z.strictObject({ id: idOf('visitor') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /**
   * The gate's look-up, for any signed-in staff: visitors of the children in their scope whose
   * name or child's case code matches, with only the state.
   */
  'visitors.gate': procedure<GateVisitor[]>()({
    input: z.strictObject({ text: text(100).min(2, 'tooShort') }),
    access: ['admin', 'coordinator', 'caseworker', 'therapist'],
    kind: 'query',
  }),

  'siblings.link': procedure<null>()({
    input: z.strictObject({ childId: idOf('child'), siblingId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'siblings.unlink': procedure<null>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),

  /**
   * The child's account is recorded once, as a reference to where it is held (the child is not
   * interviewed again); the free text is optional. Later forms link to it and never ask again.
   */
  'intake.record': procedure<null>()({
    input: z.strictObject({
      childId: idOf('child'),
      heldWhere: z.enum(INTAKE_HELD_WHERE),
      reference: text(300),
      account: optionalText(20000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /**
   * Opens the account and its addenda, audited as a view. The child's caseworker, a therapist
   * with the child on their caseload and coordinators open it directly; anyone else in scope
   * gives a reason, which is kept and audited.
   */
  'intake.open': procedure<IntakeAccount>()({
    input: z.strictObject({
      childId: idOf('child'),
      reason: optionalText(1000, multiline),
    }),
    access: ['coordinator', 'caseworker', 'therapist'],
    kind: 'query',
    auditView: true,
  }),
  /** A correction, signed by whoever writes it; the original account stays as it was. */
  'intake.addAddendum': procedure<IntakeAddendum>()({
    input: z.strictObject({
      childId: idOf('child'),
      text: text(5000, multiline),
      signed: z.literal(true, { error: 'intake.signRequired' }),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),

  'plan.saveGoal': procedure<PlanGoal>()({
    input: z.strictObject({
      id: idOf('goal').optional(),
      childId: idOf('child'),
      domain: z.enum(PLAN_DOMAINS),
      goalInChildWords: text(1000, multiline),
      responsible: text(200),
      targetDate: isoDateSchema.optional(),
      status: z.enum(GOAL_STATUSES),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'plan.saveTask': procedure<PlanTask>()({
    input: z.strictObject({
      id: idOf('task').optional(),
      childId: idOf('child'),
      goalId: idOf('goal').optional(),
      title: text(300),
      dueDate: isoDateSchema,
      responsible: optionalText(200),
      doneOn: isoDateSchema.optional(),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /**
   * One page of overdue or next-7-days tasks, goal targets and legal events of the children the
   * user may see, filtered by the child's current shelter and the kind, grouped by date, child
   * or kind.
   */
  'dashboard.agenda': procedure<AgendaPage>()({
    input: z.strictObject({
      section: z.enum(AGENDA_SECTIONS),
      shelterId: idOf('shelter').optional(),
      kind: z.enum(AGENDA_KINDS).optional(),
      groupBy: z.enum(AGENDA_GROUPINGS).default('date'),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(AGENDA_PAGE_MAX).default(50),
    }),
    access: CASE_TEAM,
    kind: 'query',
  }),

  'legal.save': procedure<LegalEvent>()({
    input: z.strictObject({
      id: idOf('legalEvent').optional(),
      childId: idOf('child'),
      kind: z.enum(LEGAL_EVENT_KINDS),
      date: isoDateSchema,
      time: timeOfDay.optional(),
      court: text(200),
      caseNumber: text(100),
      notes: optionalText(2000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'legal.remove': procedure<null>()({
    input: z.strictObject({ id: idOf('legalEvent') }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  ...householdsProcedures,
  ...intakeAccountsProcedures,
} as const;

export type {
  ChildStatus,
  ConsentGiver,
  ConsentType,
  ContactWish,
  GoalStatus,
  LegalEventKind,
  PlanDomain,
  Sex,
};

declare module '../ids' {
  interface IdKinds {
    /**
     * A child and the records of their file (a visitor is someone added directly to a child's
     * visitor list); `caseworker` is someone a child can be assigned to (what
     * `staff.caseworkers` lists).
     */
    children:
      | 'child'
      | 'consent'
      | 'familyMember'
      | 'visitor'
      | 'goal'
      | 'task'
      | 'legalEvent'
      | 'caseworker';
  }
}
