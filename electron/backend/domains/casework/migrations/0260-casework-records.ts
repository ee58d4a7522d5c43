// The case file's records beyond the daily ones: the criminal case against each accused (and
// which legal events belong to it), and the child's schooling (school or the Alternative
// Learning System, grade or level, attendance), and the minutes of case conferences.
import { META, type Migration } from '../../../db/migrations/migration';

const CASEWORK_RECORDS_SQL = `
  CREATE TABLE accused_cases (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    family_member_id TEXT REFERENCES family_members(id),
    name TEXT,
    prosecutor TEXT,
    case_number TEXT,
    stage TEXT NOT NULL CHECK (stage IN ('complaint', 'inquest', 'preliminary_investigation',
      'filed_in_court', 'arraignment', 'pre_trial', 'trial', 'decided', 'dismissed')),
    live_link_testimony INTEGER NOT NULL CHECK (live_link_testimony IN (0, 1)),
    support_person TEXT,
    notes TEXT,
    deleted_at TEXT,
    ${META},
    CHECK (family_member_id IS NOT NULL OR name IS NOT NULL)
  );
  CREATE INDEX accused_cases_child ON accused_cases(child_id) WHERE deleted_at IS NULL;

  -- A legal event (a hearing, the child's testimony) in the case against one accused.
  CREATE TABLE accused_case_events (
    id TEXT PRIMARY KEY,
    accused_case_id TEXT NOT NULL REFERENCES accused_cases(id),
    legal_event_id TEXT NOT NULL REFERENCES legal_events(id),
    deleted_at TEXT,
    ${META}
  );
  CREATE INDEX accused_case_events_case ON accused_case_events(accused_case_id)
    WHERE deleted_at IS NULL;
  CREATE INDEX accused_case_events_event ON accused_case_events(legal_event_id)
    WHERE deleted_at IS NULL;

  CREATE TABLE education_records (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL CHECK (kind IN ('school', 'als', 'not_enrolled')),
    school TEXT,
    grade_level TEXT,
    since TEXT NOT NULL,
    attendance_notes TEXT,
    deleted_at TEXT,
    ${META},
    CHECK (kind = 'not_enrolled' OR (school IS NOT NULL AND grade_level IS NOT NULL))
  );
  CREATE INDEX education_records_child ON education_records(child_id, since)
    WHERE deleted_at IS NULL;

  CREATE TABLE case_conferences (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    held_on TEXT NOT NULL,
    attendees TEXT NOT NULL,
    minutes TEXT NOT NULL,
    decisions TEXT,
    next_review_on TEXT,
    deleted_at TEXT,
    ${META},
    CHECK (next_review_on IS NULL OR next_review_on > held_on)
  );
  CREATE INDEX case_conferences_child ON case_conferences(child_id, held_on)
    WHERE deleted_at IS NULL;
  -- Today's reviews due: a range on the review date.
  CREATE INDEX case_conferences_review ON case_conferences(next_review_on)
    WHERE next_review_on IS NOT NULL AND deleted_at IS NULL;
`;

export const caseworkRecords: Migration = {
  version: 19,
  name: 'casework-records',
  sql: CASEWORK_RECORDS_SQL,
};
