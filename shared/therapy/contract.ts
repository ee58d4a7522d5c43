// The therapy domain's procedures: scheduling (./schedule.ts), session notes and outcome
// measures (their own slices). Merged into `procedures` by shared/contract.ts.
import { scheduleProcedures } from './schedule';

export const therapyProcedures = { ...scheduleProcedures } as const;

export * from './schedule';
