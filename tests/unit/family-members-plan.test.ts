// A child's family is read through the family-member indexes, never by reading every member:
// a scan cost one case file some 700 pages at size L (each one decrypted when read cold).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { migrate } from '../../electron/backend/db/migrate';
import { memberOfChild } from '../../electron/backend/domains/children';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { tempFolder } from './support';

describe("a child's family members", () => {
  it('are looked up in the household index and the child index, not scanned', () => {
    const db = new Database(join(tempFolder(), 'plan.db'));
    try {
      db.pragma(`key = "x'${'cd'.repeat(32)}'"`);
      migrate(db, SCHEMA.migrations);
      const plan = (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT f.id FROM family_members f
             WHERE f.deleted_at IS NULL AND ${memberOfChild('f', '$child')}`,
          )
          .all({ child: 'x' }) as { detail: string }[]
      )
        .map((r) => r.detail)
        .join('\n');
      expect(plan).toContain('family_members_household (household_id=?)');
      expect(plan).toContain('family_members_child (child_id=?)');
      expect(plan).not.toMatch(/SCAN f\b/);
    } finally {
      db.close();
    }
  });
});
