// The organisation's computers as this computer knows them, and when each was last heard from.
import type { ComputerRow } from '../../../../shared/sync/contract';
import type { Db } from '../../db/sqlcipher';

export function listComputers(db: Db): ComputerRow[] {
  // This computer is the one whose signing key is here (the read-only thread has no device id).
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.removed_at, c.removed_reason,
              EXISTS (SELECT 1 FROM sync_identity i WHERE i.device_id = c.id) AS self,
              (SELECT max(b.seen_at) FROM sync_bundles b WHERE b.author_id = c.id) AS last_seen
         FROM sync_computers c ORDER BY c.name, c.id`,
    )
    .all() as {
    id: string;
    name: string;
    removed_at: string | null;
    removed_reason: string | null;
    self: number;
    last_seen: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    self: r.self === 1,
    removed: r.removed_at !== null,
    lastSeenAt: r.last_seen,
    removedReason: r.removed_reason,
  }));
}
