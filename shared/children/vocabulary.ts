// The children domain's vocabulary (the case file). Values are stable codes; labels live in the
// renderer's i18n catalogue.
import { z } from 'zod';
import { isoDateSchema } from '../ids';
import type { Role } from '../roles';

/** A date of birth, or an age estimated on a date: children often arrive without papers. */
export const birthSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dob'), dateOfBirth: isoDateSchema }),
  z.strictObject({
    kind: z.literal('estimated'),
    estimatedAgeYears: z.number().int().min(0, 'age.range').max(25, 'age.range'),
    asOf: isoDateSchema,
  }),
]);
export type Birth = z.infer<typeof birthSchema>;

/**
 * 'left_care': discharged somewhere no other status names; the case stays open until its closure
 * is proposed and approved like any other.
 */
export const CHILD_STATUSES = [
  'intake',
  'in_care',
  'aftercare',
  'transferred',
  'left_care',
  'closed',
] as const;
export type ChildStatus = (typeof CHILD_STATUSES)[number];

export const SEXES = ['female', 'male', 'intersex'] as const;
export type Sex = (typeof SEXES)[number];

export const CONSENT_TYPES = ['services', 'sharing', 'photos', 'research'] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];
export const CONSENT_GIVERS = ['child', 'guardian', 'court_dswd'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** The six ASO domains (IJM), used for case-plan goals. */
export const PLAN_DOMAINS = [
  'safety',
  'legal_protection',
  'mental_wellbeing',
  'economic_empowerment_education',
  'social_support',
  'physical_wellbeing',
] as const;
export type PlanDomain = (typeof PLAN_DOMAINS)[number];
export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'discontinued'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const LEGAL_EVENT_KINDS = [
  'hearing',
  'testimony',
  'filing',
  'case_conference',
  'other',
] as const;
export type LegalEventKind = (typeof LEGAL_EVENT_KINDS)[number];

/** "Does the child want contact?": asked of the child, never assumed. */
export const CONTACT_WISHES = ['yes', 'no', 'unsure'] as const;
export type ContactWish = (typeof CONTACT_WISHES)[number];

/** A visitor's state at the gate: all that gate or house staff are told. */
/** Where the child's account is held, so that nobody asks the child for it again. */
export const INTAKE_HELD_WHERE = ['joint_interview', 'video', 'affidavit'] as const;
export type IntakeHeldWhere = (typeof INTAKE_HELD_WHERE)[number];

export const VISITOR_STATES = ['allowed', 'supervised', 'not_allowed'] as const;
export type VisitorState = (typeof VISITOR_STATES)[number];

// ---- pure rules shared by the backend and the UI ----------------------------------------------

/** Alleged-offender and no-contact-order flags: only the roles that act on them see them. */
export function canSeeSafetyFlags(role: Role): boolean {
  return role === 'coordinator' || role === 'caseworker';
}

/** The flags of a family member that decide whether they may visit. */
export interface ContactFlags {
  allegedOffender: boolean;
  noContactOrder: boolean;
  /** The last day the order holds; none: until lifted. */
  orderExpiresOn: string | null;
  supervisedOnly: boolean;
}

/**
 * Whether a family member may visit on `today`: never an alleged offender, nor someone under an
 * order that still holds; supervised only when so marked; otherwise allowed.
 */
export function visitorStateOf(flags: ContactFlags, today: string): VisitorState {
  const orderHolds =
    flags.noContactOrder && (flags.orderExpiresOn === null || flags.orderExpiresOn >= today);
  if (flags.allegedOffender || orderHolds) return 'not_allowed';
  return flags.supervisedOnly ? 'supervised' : 'allowed';
}

/** Accent- and case-folded text for search: "Niño" and "NINO" both become "nino". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** "Maria Clara dela Cruz" → "M.C.D.C." (at most four letters): what lists show instead of a name. */
export function initialsOf(name: string): string {
  const letters = name
    .normalize('NFC')
    .split(/[\s\-–]+/)
    .map((word) => word.match(/\p{L}/u)?.[0]?.toLocaleUpperCase() ?? '')
    .filter(Boolean)
    .slice(0, 4);
  return letters.length ? `${letters.join('.')}.` : '?';
}

/**
 * An alias: two to four fictitious initials written like real ones ("R.T.L."), which lists,
 * Today, the bed board, the gate and reports show instead of the child's real initials.
 * Typed letters may come with or without dots and spaces, in either case.
 */
export function aliasOf(text: string): string | null {
  if (!/^[A-Za-z.\s]*$/.test(text)) return null;
  const letters = text.replace(/[.\s]/g, '').toUpperCase();
  return letters.length >= 2 && letters.length <= 4 ? `${letters.split('').join('.')}.` : null;
}

/**
 * A new alias of three letters, never equal to `avoid` (the real initials). `pick(n)` answers a
 * whole number below n: crypto-random in the backend and the browser, fixed in tests.
 */
export function suggestAlias(pick: (n: number) => number, avoid: string): string {
  const codes = [pick(26), pick(26), pick(26)];
  const spell = () => `${codes.map((c) => String.fromCharCode(65 + c)).join('.')}.`;
  // Equal to the real initials: move the first letter on by one, which cannot be equal again.
  if (spell() === avoid) codes[0] = (codes[0]! + 1) % 26;
  return spell();
}

/** Whole years from one calendar date (YYYY-MM-DD) to another; never negative. */
export function wholeYearsBetween(from: string, to: string): number {
  const [y1, m1, d1] = from.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = to.split('-').map(Number) as [number, number, number];
  const years = y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
  return Math.max(0, years);
}

/** Age on a calendar date, from a date of birth or from an estimate made on an earlier date. */
export function ageOn(birth: Birth, onDate: string): { age: number; estimated: boolean } {
  if (birth.kind === 'dob')
    return { age: wholeYearsBetween(birth.dateOfBirth, onDate), estimated: false };
  return {
    age: birth.estimatedAgeYears + wholeYearsBetween(birth.asOf, onDate),
    estimated: true,
  };
}

/**
 * i18n keys (under `errors.`) that the children domain's procedures use beyond the foundation's,
 * so the catalogue can be checked for completeness.
 */
export const CHILDREN_ERROR_KEYS = [
  'date.future',
  'date.beforeBirth',
  'age.range',
  'status.placed',
  'status.notPlaced',
  'status.closeNeedsApproval',
  'status.reopenWithReason',
  'consent.agencyRequired',
  'consent.withdrawnBeforeGiven',
  'consent.alreadyWithdrawn',
  'intake.alreadyRecorded',
  'sibling.self',
  'goal.otherChild',
  'safety.reasonRequired',
  'consent.flaggedGiver',
  'consent.giverNotGuardian',
  'household.self',
  'household.mergeSelf',
  'household.notMergeable',
] as const;
