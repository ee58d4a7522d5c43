// Retention: the administrator's period per kind of record, and the tombstones a reviewed
// deletion leaves (kind, record, reason; who and when in the metadata; never content). Both are
// synced, so every computer deletes alike. The triggers keep the content out of the change log:
// when a tombstone is written here or arrives by sync, the earlier changes of its record have their
// content columns replaced by the tombstone's placeholders (`purged`, column -> placeholder), and
// a change of that record arriving later (relayed by a computer that had not heard yet) is
// replaced the same way as it is logged. Clocks stay, so a relay of an old change is still known.
// Its version is the next in the list, whatever its file number.
import { META, type Migration } from '../../../db/migrations/migration';

/** `columns` (a change's JSON) with every key of `purged` given the placeholder. */
const PURGED = (columns: string, purged: string) => `(
  SELECT json_group_object(e.key, CASE
    WHEN p.key IS NOT NULL THEN p.value
    WHEN e.type IN ('object', 'array') THEN json(e.value)
    ELSE e.value END)
  FROM json_each(${columns}) e LEFT JOIN json_each(${purged}) p ON p.key = e.key)`;

export const retention: Migration = {
  version: 21,
  name: 'retention periods and reviewed deletion',
  sql: `
    CREATE TABLE retention_periods (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      months INTEGER CHECK (months IS NULL OR months BETWEEN 1 AND 1200),${META}
    );
    CREATE TABLE retention_tombstones (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      record_table TEXT NOT NULL,
      record_id TEXT NOT NULL,
      reason TEXT NOT NULL,
      purged TEXT NOT NULL CHECK (json_valid(purged) AND json_type(purged) = 'object'),${META}
    );
    CREATE INDEX retention_tombstones_record ON retention_tombstones(record_table, record_id);
    CREATE INDEX retention_tombstones_latest ON retention_tombstones(created_at);

    CREATE TRIGGER retention_purge_logged AFTER INSERT ON retention_tombstones
    BEGIN
      UPDATE change_log SET columns = ${PURGED('change_log.columns', 'NEW.purged')}
      WHERE table_name = NEW.record_table AND row_id = NEW.record_id;
    END;

    CREATE TRIGGER retention_purge_arriving AFTER INSERT ON change_log
    WHEN EXISTS (SELECT 1 FROM retention_tombstones
                 WHERE record_table = NEW.table_name AND record_id = NEW.row_id)
    BEGIN
      UPDATE change_log SET columns = ${PURGED(
        'change_log.columns',
        `(SELECT json_group_object(p.key, p.value) FROM retention_tombstones t, json_each(t.purged) p
          WHERE t.record_table = NEW.table_name AND t.record_id = NEW.row_id)`,
      )}
      WHERE seq = NEW.seq;
    END;
  `,
};
