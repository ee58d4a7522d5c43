// A therapist's way to the intake account. A therapist has no case file, so the accounts of the
// children in her scope (her caseload, and the children placed in the shelters the administrator
// gave her) are listed here, never their content; opening one is `intake.open`, directly for a
// child on her caseload and with a reason (kept and audited) for any other.
import { z } from 'zod';
import { procedure } from '../procedure';
import type { IntakeSummary } from './contract';

/** A child in the caller's scope whose intake account is recorded. */
export interface IntakeAccountRow {
  childId: string;
  caseCode: string;
  alias: string;
  summary: IntakeSummary;
}

export const intakeAccountsProcedures = {
  /** The recorded intake accounts of the children in the therapist's scope, by case code. */
  'intake.accounts': procedure<IntakeAccountRow[]>()({
    input: z.strictObject({}),
    access: ['therapist'],
    kind: 'query',
  }),
} as const;
