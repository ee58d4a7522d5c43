// Family reintegration, continued: the recommendation's reintegration plan (stages, services
// after the return, who is responsible), kept as JSON on the assessment so the approval lock
// covers it too. The policy's Aftercare Outcomes schedule and closure threshold. Case closure:
// proposed with a reason, a closing note and the child's and the family's views, approved (or
// declined) by a coordinator, and reopened with a reason.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

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

    CREATE TABLE case_closures (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'declined', 'reopened')),
      reason TEXT NOT NULL,
      closing_note TEXT NOT NULL,
      child_view TEXT NOT NULL,
      family_view TEXT NOT NULL,
      -- The outcomes assessment that met the threshold when it was proposed.
      outcomes_assessment_id TEXT NOT NULL REFERENCES reintegration_assessments(id),
      proposed_by TEXT NOT NULL REFERENCES users(id),
      proposed_at TEXT NOT NULL ${INSTANT('proposed_at')},
      decided_by TEXT REFERENCES users(id),
      decided_at TEXT ${INSTANT('decided_at')},
      decline_comment TEXT,
      reopen_reason TEXT,
      reopened_by TEXT REFERENCES users(id),
      reopened_at TEXT ${INSTANT('reopened_at')},${META},
      CHECK ((status = 'proposed') = (decided_at IS NULL)),
      CHECK ((status = 'reopened') = (reopened_at IS NOT NULL))
    );
    CREATE INDEX case_closures_child ON case_closures(child_id, proposed_at);
  `,
};
