// Family reintegration: imported assessment instruments, readiness and outcomes assessments with
// their reviews, and the coordinator's overrides of the age rule. An approved assessment is locked
// here too, under the service checks: even a direct write cannot change it. After a discharge to
// family or kinship care, the follow-up visits.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

const REINTEGRATION_SQL = `
  -- Definitions an administrator imported; the built-in ones ship with the app.
  CREATE TABLE reintegration_instruments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,${META},
    UNIQUE (code, version)
  );

  CREATE TABLE reintegration_assessments (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    instrument_code TEXT NOT NULL,
    instrument_version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
    household_kind TEXT CHECK (household_kind IN ('family', 'kinship')),
    household_label TEXT,
    household_member_ids TEXT NOT NULL DEFAULT '[]',
    visit_dates TEXT NOT NULL DEFAULT '[]',
    -- The last home visit: what the age rule counts from.
    last_visit_on TEXT,
    interviewed TEXT,
    answers TEXT NOT NULL DEFAULT '{}',
    evidence TEXT NOT NULL DEFAULT '{}',
    child_consulted INTEGER CHECK (child_consulted IN (0, 1)),
    consulted_how TEXT,
    not_consulted_why TEXT,
    child_wishes TEXT,
    recommendation TEXT,
    -- Set at submission from the answers, for the queue and the discharge gate.
    not_safe INTEGER CHECK (not_safe IN (0, 1)),
    submitted_at TEXT ${INSTANT('submitted_at')},
    submitted_by TEXT REFERENCES users(id),
    approved_at TEXT ${INSTANT('approved_at')},
    approved_by TEXT REFERENCES users(id),
    deleted_at TEXT,${META},
    CHECK ((status = 'approved') = (approved_at IS NOT NULL AND approved_by IS NOT NULL))
  );
  CREATE INDEX reintegration_assessments_child ON reintegration_assessments(child_id, created_at)
    WHERE deleted_at IS NULL;
  CREATE INDEX reintegration_assessments_status ON reintegration_assessments(status, submitted_at)
    WHERE deleted_at IS NULL;
  CREATE TRIGGER reintegration_assessments_approved_locked BEFORE UPDATE ON reintegration_assessments
  WHEN OLD.status = 'approved'
  BEGIN
    SELECT RAISE(ABORT, 'assessment.approved');
  END;

  -- Each return (with its comment) and the approval, in order.
  CREATE TABLE reintegration_reviews (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES reintegration_assessments(id),
    decision TEXT NOT NULL CHECK (decision IN ('returned', 'approved')),
    comment TEXT,
    reviewer_id TEXT NOT NULL REFERENCES users(id),
    reviewed_at TEXT NOT NULL ${INSTANT('reviewed_at')},${META}
  );
  CREATE INDEX reintegration_reviews_assessment ON reintegration_reviews(assessment_id, reviewed_at);

  -- A coordinator's override of the age rule for one approved assessment, with the typed reason.
  CREATE TABLE reintegration_overrides (
    id TEXT PRIMARY KEY,
    assessment_id TEXT NOT NULL REFERENCES reintegration_assessments(id),
    reason TEXT NOT NULL,
    coordinator_id TEXT NOT NULL REFERENCES users(id),
    overridden_at TEXT NOT NULL ${INSTANT('overridden_at')},${META}
  );
  CREATE INDEX reintegration_overrides_assessment ON reintegration_overrides(assessment_id);

  -- One row, set by an administrator; absent means the defaults.
  CREATE TABLE reintegration_policy (
    id TEXT PRIMARY KEY,
    assessment_max_age_days INTEGER NOT NULL CHECK (assessment_max_age_days BETWEEN 1 AND 365),
    visit_cadence TEXT NOT NULL,${META}
  );

  -- Follow-up visits after a discharge to family or kinship care: scheduled at the discharge,
  -- filled in when made.
  CREATE TABLE aftercare_visits (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    placement_id TEXT NOT NULL REFERENCES placements(id),
    due_on TEXT NOT NULL,
    visited_on TEXT,
    visited_by TEXT,
    child_seen INTEGER CHECK (child_seen IN (0, 1)),
    seen_alone INTEGER CHECK (seen_alone IN (0, 1)),
    safety_checks TEXT,
    school_attendance TEXT,
    observations TEXT,
    risk_change TEXT CHECK (risk_change IN ('better', 'same', 'worse')),
    follow_up TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX aftercare_visits_child ON aftercare_visits(child_id, due_on) WHERE deleted_at IS NULL;
  -- The dashboards' overdue query: visits not made, by due date.
  CREATE INDEX aftercare_visits_open_due ON aftercare_visits(due_on)
    WHERE visited_on IS NULL AND deleted_at IS NULL;
`;

export const reintegration: Migration = {
  version: 6,
  name: 'family reintegration',
  sql: REINTEGRATION_SQL,
};
