// Family reintegration, continued: the recommendation's reintegration plan (stages, services
// after the return, who is responsible), kept as JSON on the assessment so the approval lock
// covers it too. The policy's Aftercare Outcomes schedule and closure threshold.
import type { Migration } from './migration';

export const reintegrationPlanClosure: Migration = {
  version: 9,
  name: 'reintegration plan and closure',
  sql: `
    ALTER TABLE reintegration_assessments ADD COLUMN plan TEXT NOT NULL DEFAULT '{}';

    ALTER TABLE reintegration_policy ADD COLUMN outcomes_first_after_months INTEGER NOT NULL
      DEFAULT 6 CHECK (outcomes_first_after_months BETWEEN 1 AND 24);
    ALTER TABLE reintegration_policy ADD COLUMN outcomes_then_every_months INTEGER NOT NULL
      DEFAULT 12 CHECK (outcomes_then_every_months BETWEEN 1 AND 36);
    -- Null: each outcomes instrument's own threshold.
    ALTER TABLE reintegration_policy ADD COLUMN closure_threshold REAL
      CHECK (closure_threshold BETWEEN -10 AND 10);
  `,
};
