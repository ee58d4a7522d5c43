// The breach register, and an index that finds one child's entries in the audit log (its own
// record, or a record of its file naming the child in the detail), for the child's access log.
// Its version is the next in the list, whatever its file number.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

/** The child an audit entry concerns; the access log's query repeats it word for word. */
export const AUDIT_CHILD = `(CASE target_type WHEN 'child' THEN target_id ELSE json_extract(detail, '$.childId') END)`;

export const privacy: Migration = {
  version: 17,
  name: 'breach register and the audit log by child',
  sql: `
    CREATE TABLE privacy_breaches (
      id TEXT PRIMARY KEY,
      summary TEXT NOT NULL,
      discovered_at TEXT NOT NULL ${INSTANT('discovered_at')},
      notified TEXT NOT NULL DEFAULT '',
      npc_notified_on TEXT,
      closed_at TEXT,
      closing_note TEXT,
      deleted_at TEXT,${META}
    );
    CREATE INDEX privacy_breaches_open ON privacy_breaches(closed_at, discovered_at);
    CREATE INDEX audit_log_child ON audit_log(${AUDIT_CHILD}, seq);
  `,
};
