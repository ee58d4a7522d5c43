// Safety flags that act: what a family member's contact with the child may be (household access,
// an order's expiry, supervised contact only, the child's own wish), visitors added directly to a
// child's visitor list, the typed reason for clearing a flag or removing a flagged person, and
// which family member gave a consent (a flagged person may not).
import { META, type Migration } from '../../../db/migrations/migration';

const CASE_FILE_SAFETY_SQL = `
  ALTER TABLE family_members ADD COLUMN household_access INTEGER NOT NULL DEFAULT 0
    CHECK (household_access IN (0, 1));
  ALTER TABLE family_members ADD COLUMN order_expires_on TEXT;
  ALTER TABLE family_members ADD COLUMN supervised_only INTEGER NOT NULL DEFAULT 0
    CHECK (supervised_only IN (0, 1));
  ALTER TABLE family_members ADD COLUMN child_wants_contact TEXT
    CHECK (child_wants_contact IN ('yes', 'no', 'unsure'));

  ALTER TABLE consents ADD COLUMN given_by_member_id TEXT REFERENCES family_members(id);

  CREATE TABLE visitors (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('allowed', 'supervised', 'not_allowed')),
    deleted_at TEXT,
    ${META}
  );
  CREATE INDEX visitors_child ON visitors(child_id) WHERE deleted_at IS NULL;

  CREATE TABLE safety_flag_changes (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    family_member_id TEXT NOT NULL REFERENCES family_members(id),
    change TEXT NOT NULL CHECK (change IN ('flag_cleared', 'removed')),
    reason TEXT NOT NULL,
    ${META}
  );
  CREATE INDEX safety_flag_changes_child ON safety_flag_changes(child_id);
`;

export const caseFileSafety: Migration = {
  version: 10,
  name: 'case-file-safety',
  sql: CASE_FILE_SAFETY_SQL,
};
