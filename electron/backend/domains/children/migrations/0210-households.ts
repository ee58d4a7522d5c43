// One household for siblings: a household (its address and notes) shared by the children who
// belong to it, family members belonging to a household rather than to one child, each member's
// relationship to each further child of the household, and the member a merged duplicate was
// merged into. Every existing child gets a household of its own holding its family; its id is
// the child's id, so every computer migrating the same synced rows makes the same households.
// Identical people under siblings are offered for merge on screen, never merged here.
import { META, type Migration } from '../../../db/migrations/migration';

const HOUSEHOLDS_SQL = `
  CREATE TABLE households (
    id TEXT PRIMARY KEY,
    address TEXT,
    notes TEXT,
    deleted_at TEXT,${META}
  );

  ALTER TABLE children ADD COLUMN household_id TEXT REFERENCES households(id);
  ALTER TABLE family_members ADD COLUMN household_id TEXT REFERENCES households(id);
  ALTER TABLE family_members ADD COLUMN merged_into TEXT REFERENCES family_members(id);
  CREATE INDEX children_household ON children(household_id);
  CREATE INDEX family_members_household ON family_members(household_id) WHERE deleted_at IS NULL;

  CREATE TABLE household_relationships (
    id TEXT PRIMARY KEY,
    member_id TEXT NOT NULL REFERENCES family_members(id),
    child_id TEXT NOT NULL REFERENCES children(id),
    relationship TEXT NOT NULL,
    deleted_at TEXT,${META}
  );
  CREATE INDEX household_relationships_member
    ON household_relationships(member_id, child_id) WHERE deleted_at IS NULL;

  -- The household's address: the first one recorded for someone living in the child's home.
  INSERT INTO households (id, address, created_at, updated_at, created_by, updated_by)
  SELECT c.id,
    (SELECT f.address FROM family_members f
      WHERE f.child_id = c.id AND f.deleted_at IS NULL AND f.lives_in_household = 1
        AND f.address IS NOT NULL
      ORDER BY f.created_at, f.id LIMIT 1),
    c.created_at, c.created_at, c.created_by, c.created_by
  FROM children c;
  UPDATE children SET household_id = id;
  UPDATE family_members SET household_id = child_id;
`;

export const households: Migration = {
  version: 15,
  name: 'households',
  sql: HOUSEHOLDS_SQL,
};
