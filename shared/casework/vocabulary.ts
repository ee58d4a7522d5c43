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
