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
