// Closure for every case, not only one in aftercare monitoring: the case file's status control no
// longer closes a case, so a case that never reached aftercare (never placed, or transferred) is
// closed by the same proposal and approval, with no outcomes assessment to name. SQLite cannot drop
// a NOT NULL, so case_closures is rebuilt as its procedure says (migrations run with foreign keys
// off and are checked before they commit). A status change may carry its reason: a reopening's
// (a case closed by a discharge has no closure record to keep it on).
// Its version is the next in the list, whatever its file number.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

export const closureForEveryCase: Migration = {
  version: 18,
  name: 'closure for every case',
  sql: `
    CREATE TABLE case_closures_new (
      id TEXT PRIMARY KEY,
      child_id TEXT NOT NULL REFERENCES children(id),
      status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'declined', 'reopened')),
      reason TEXT NOT NULL,
      closing_note TEXT NOT NULL,
      child_view TEXT NOT NULL,
      family_view TEXT NOT NULL,
      -- The outcomes assessment that met the threshold when it was proposed; null for a case
      -- closed outside aftercare monitoring.
      outcomes_assessment_id TEXT REFERENCES reintegration_assessments(id),
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
    INSERT INTO case_closures_new SELECT * FROM case_closures;
    DROP TABLE case_closures;
    ALTER TABLE case_closures_new RENAME TO case_closures;
    CREATE INDEX case_closures_child ON case_closures(child_id, proposed_at);

    ALTER TABLE child_status_changes ADD COLUMN reason TEXT;
  `,
};
