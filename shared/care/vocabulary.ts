// The care domain's codes: kinds of incident, who is told of one, and why a child is away from
// the shelter while keeping her bed.

export const INCIDENT_KINDS = [
  'missing_from_care',
  'self_harm',
  'injury',
  'conflict',
  'abuse_disclosure',
  'unsafe_online_contact',
  'property',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

/** Who an incident is reported to; the shelter's own staff always know. */
export const INFORMED_PARTIES = ['police', 'dswd', 'family'] as const;
export type InformedParty = (typeof INFORMED_PARTIES)[number];

/** Why a child is away while her placement (and bed) continue, as a caseworker plans it. */
export const PLANNED_AWAY_KINDS = ['hospital', 'court', 'home_visit'] as const;
/** A missing child is away too, but only a missing-from-care incident report says so. */
export const AWAY_KINDS = [...PLANNED_AWAY_KINDS, 'missing'] as const;
export type AwayKind = (typeof AWAY_KINDS)[number];

/**
 * Whether an away episode with a planned return is overdue on `today` (vault time zone): the
 * planned date has passed and she is not back. A missing child has no planned return.
 */
export function isReturnOverdue(plannedReturnOn: string | null, today: string): boolean {
  return plannedReturnOn !== null && plannedReturnOn < today;
}

/** The papers a child's case needs, as the register lists them. */
export const DOCUMENT_KINDS = [
  'psa_birth_certificate',
  'late_registration',
  'court_order',
  'id',
  'school_record',
  'medical_record',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Held (the paper is on file), requested (asked for, due by a date) or missing (to obtain). */
export const DOCUMENT_STATUSES = ['held', 'requested', 'missing'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Today lists a document to obtain this many days before its due date. */
export const DOCUMENT_DUE_AHEAD_DAYS = 7;
/** Today lists a held document this many days before it expires. */
export const DOCUMENT_EXPIRY_NOTICE_DAYS = 30;

/** How a child was in contact with someone outside the shelter. */
export const CONTACT_KINDS = ['visit', 'phone_call', 'video_call', 'online_message'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** Contact through a device: the record names the device and the online-safety plan. */
export function isOnlineContact(kind: ContactKind): boolean {
  return kind === 'video_call' || kind === 'online_message';
}
