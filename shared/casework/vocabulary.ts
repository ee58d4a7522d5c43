// Codes of the case file's records kept by the casework domain: where an accused's criminal case
// stands, how a child is schooled. Pure data shared by the backend and the UI.

/** Where a criminal case against one accused stands, from the complaint to its end. */
export const ACCUSED_STAGES = [
  'complaint',
  'inquest',
  'preliminary_investigation',
  'filed_in_court',
  'arraignment',
  'pre_trial',
  'trial',
  'decided',
  'dismissed',
] as const;
export type AccusedStage = (typeof ACCUSED_STAGES)[number];

/** A case still running: its hearings are ahead. */
export function isActiveStage(stage: AccusedStage): boolean {
  return stage !== 'decided' && stage !== 'dismissed';
}

/** Formal school, the Alternative Learning System, or not enrolled (yet). */
export const SCHOOLING_KINDS = ['school', 'als', 'not_enrolled'] as const;
export type SchoolingKind = (typeof SCHOOLING_KINDS)[number];

/** The kinds of health record: where the medico-legal report is held, check-ups, medicines, PhilHealth. */
export const HEALTH_KINDS = ['medico_legal', 'checkup', 'medicine', 'philhealth'] as const;
export type HealthKind = (typeof HEALTH_KINDS)[number];

/** How the child is covered by PhilHealth (a member's dependant, or a member in her own right). */
export const PHILHEALTH_CATEGORIES = [
  'dependent',
  'indigent',
  'sponsored',
  'direct_contributor',
  'other',
] as const;
export type PhilhealthCategory = (typeof PHILHEALTH_CATEGORIES)[number];

/** The roles the administrator may let read (and write) the health section. */
export const HEALTH_READER_ROLES = ['coordinator', 'caseworker', 'therapist'] as const;
export type HealthReaderRole = (typeof HEALTH_READER_ROLES)[number];

/**
 * Until the administrator decides: the coordinator only. Health is sensitive personal information
 * under the Data Privacy Act, so it is read on a need to know; the child's own caseworker, who
 * arranges her check-ups and medicines, may always read and write it.
 */
export const DEFAULT_HEALTH_READERS: readonly HealthReaderRole[] = ['coordinator'];
