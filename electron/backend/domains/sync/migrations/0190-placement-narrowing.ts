// A bed given twice (or a child placed twice) while two computers were offline is resolved with
// the ordinary screens: transferring or discharging one child ends her stay, an update that only
// narrows the stay. The local guard lets such a narrowing through even while the stay still
// overlaps another (it cannot create or widen an overlap); every other write is checked as before.
// Its version is the next in the list, whatever its file number.
import type { Migration } from '../../../db/migrations/migration';

const FOREVER = `'9999-12-31T23:59:59.999Z'`;

/** The same child, bed and live row, with an interval inside the old one. */
const NARROWS = `NEW.child_id = OLD.child_id AND NEW.bed_id = OLD.bed_id
    AND OLD.deleted_at IS NULL AND NEW.start_at >= OLD.start_at
    AND coalesce(NEW.end_at, ${FOREVER}) <= coalesce(OLD.end_at, ${FOREVER})`;

export const placementNarrowing: Migration = {
  version: 12,
  name: 'a placement may narrow while it overlaps',
  sql: `
  DROP TRIGGER placements_guard_update;
  CREATE TRIGGER placements_guard_update
  BEFORE UPDATE OF child_id, bed_id, start_at, end_at, deleted_at ON placements
  WHEN NEW.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM sync_applying)
  BEGIN
    SELECT RAISE(ABORT, 'placement.endBeforeStart')
      WHERE NEW.end_at IS NOT NULL AND NEW.end_at < NEW.start_at;
    SELECT RAISE(ABORT, 'placement.childOverlap') WHERE NOT (${NARROWS}) AND EXISTS (
      SELECT 1 FROM placements p
      WHERE p.child_id = NEW.child_id AND p.id <> NEW.id AND p.deleted_at IS NULL
        AND p.start_at < coalesce(NEW.end_at, ${FOREVER})
        AND (p.end_at IS NULL OR p.end_at > NEW.start_at));
    SELECT RAISE(ABORT, 'placement.bedOverlap') WHERE NOT (${NARROWS}) AND EXISTS (
      SELECT 1 FROM placements p
      WHERE p.bed_id = NEW.bed_id AND p.id <> NEW.id AND p.deleted_at IS NULL
        AND p.start_at < coalesce(NEW.end_at, ${FOREVER})
        AND (p.end_at IS NULL OR p.end_at > NEW.start_at));
  END;`,
};
