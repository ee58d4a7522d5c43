// What a residential shelter records every day: incidents (who was told, what follows) and the
// times a placed child is away while keeping her bed (hospital, court, a home visit, missing),
// the register of her documents (where each paper is kept, when one is due or expires), and the
// log of her contacts (visits, calls, online contacts, with the device and online-safety plan).
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

const CARE_DAILY_SQL = `
  CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL CHECK (kind IN ('missing_from_care', 'self_harm', 'injury', 'conflict',
      'abuse_disclosure', 'unsafe_online_contact', 'property', 'other')),
    occurred_on TEXT NOT NULL,
    occurred_time TEXT,
    description TEXT NOT NULL,
    informed TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(informed)),
    informed_note TEXT,
    follow_up TEXT,
    deleted_at TEXT,
    ${META}
  );
  CREATE INDEX incidents_child ON incidents(child_id, occurred_on) WHERE deleted_at IS NULL;

  CREATE TABLE away_episodes (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    placement_id TEXT NOT NULL REFERENCES placements(id),
    kind TEXT NOT NULL CHECK (kind IN ('hospital', 'court', 'home_visit', 'missing')),
    left_at TEXT NOT NULL ${INSTANT('left_at')},
    planned_return_on TEXT,
    returned_at TEXT ${INSTANT('returned_at')},
    note TEXT,
    incident_id TEXT REFERENCES incidents(id),
    deleted_at TEXT,
    ${META},
    CHECK (returned_at IS NULL OR returned_at >= left_at),
    CHECK ((kind = 'missing') = (planned_return_on IS NULL))
  );
  CREATE INDEX away_episodes_child ON away_episodes(child_id, left_at) WHERE deleted_at IS NULL;
  CREATE INDEX away_episodes_placement ON away_episodes(placement_id, left_at)
    WHERE deleted_at IS NULL;

  CREATE TABLE child_documents (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL CHECK (kind IN ('psa_birth_certificate', 'late_registration',
      'court_order', 'id', 'school_record', 'medical_record', 'other')),
    status TEXT NOT NULL CHECK (status IN ('held', 'requested', 'missing')),
    reference TEXT,
    kept_where TEXT,
    due_on TEXT,
    expires_on TEXT,
    note TEXT,
    deleted_at TEXT,
    ${META},
    CHECK (status = 'held' OR due_on IS NOT NULL)
  );
  CREATE INDEX child_documents_child ON child_documents(child_id) WHERE deleted_at IS NULL;
  -- Today's two lists: to obtain by a date, and held ones by expiry.
  CREATE INDEX child_documents_due ON child_documents(due_on)
    WHERE status <> 'held' AND deleted_at IS NULL;
  CREATE INDEX child_documents_expiry ON child_documents(expires_on)
    WHERE status = 'held' AND expires_on IS NOT NULL AND deleted_at IS NULL;

  CREATE TABLE contact_log (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'phone_call', 'video_call', 'online_message')),
    occurred_on TEXT NOT NULL,
    with_whom TEXT NOT NULL,
    supervised INTEGER NOT NULL CHECK (supervised IN (0, 1)),
    supervised_by TEXT,
    device TEXT,
    safety_plan_followed INTEGER CHECK (safety_plan_followed IN (0, 1)),
    concerns TEXT,
    deleted_at TEXT,
    ${META}
  );
  CREATE INDEX contact_log_child ON contact_log(child_id, occurred_on) WHERE deleted_at IS NULL;
`;

export const careDaily: Migration = {
  version: 16,
  name: 'care-daily',
  sql: CARE_DAILY_SQL,
};
