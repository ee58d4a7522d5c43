// The therapy domain's procedures: scheduling (./schedule.ts), session notes and outcome
// measures (their own slices). Merged into `procedures` by shared/contract.ts.
import { measuresProcedures } from './measures';
import { notesProcedures } from './notes';
import { scheduleProcedures } from './schedule';

export const therapyProcedures = {
  ...scheduleProcedures,
  ...notesProcedures,
  ...measuresProcedures,
} as const;

export * from './schedule';

declare module '../ids' {
  interface IdKinds {
    /** A therapist's account, plans, sessions, a therapist's leave or blocked time, and session notes (named by those who see its child, its author, and readers the policy allows). */
    therapy: 'therapist' | 'therapyPlan' | 'therapySession' | 'therapyLeave' | 'therapyNote';
  }
}
