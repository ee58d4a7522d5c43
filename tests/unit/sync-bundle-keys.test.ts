// The bundle key is replaced when a computer is removed: the remaining computers receive the new
// key sealed to their own X25519 keys and write with it; older keys still read older bundles; the
// removed computer cannot read what is written after its removal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BundleRefused,
  bundleKeys,
  openBundle,
  removeComputer,
  replaceBundleKey,
  syncFolder,
} from '../../electron/backend/domains/sync';
import { registerOn, sharingOrganisation, tempFolder, type SyncingComputer } from './support';

function refusal(open: () => unknown): string {
  try {
    open();
  } catch (error) {
    if (error instanceof BundleRefused) return error.reason;
    throw error;
  }
  return 'opened';
}

/** Opens a bundle with every key `c` holds now. */
const openOn = (c: SyncingComputer, name: string, file: Uint8Array) =>
  openBundle(c.db, c.identity, name, file, bundleKeys(c.db, c.identity).read);

const childNames = (c: SyncingComputer) =>
  c.db.prepare('SELECT legal_name FROM children', { pluck: true }).all() as string[];

describe('a new bundle key on removal', () => {
  it('a removed computer’s vault copy cannot open a bundle written after the removal', async () => {
    const org = await sharingOrganisation(3);
    const [a, b, c] = org.computers() as [SyncingComputer, SyncingComputer, SyncingComputer];
    const folder = tempFolder();
    const sync = (x: SyncingComputer) => syncFolder(x, x.identity, folder);
    registerOn(a, 'Fictional Before Removal');
    const before = sync(a).written!;
    // Kept aside: a bundle leaves the folder once every remaining computer has applied it.
    const files = new Map([[before, readFileSync(join(folder, before))]]);
    sync(b);
    sync(c);

    // A removes C as the procedure does: the removal and a new key, in one transaction.
    a.data.transaction(() => {
      removeComputer(a, c.id, 'Fictional: laptop stolen from the van');
      replaceBundleKey(a, a.identity);
    });
    const sealedTo = a.db
      .prepare('SELECT computer_id FROM sync_bundle_keys ORDER BY computer_id', { pluck: true })
      .all();
    expect(sealedTo).toEqual([a.id, b.id].sort());
    registerOn(a, 'Fictional Written By The Remover');
    const fromA = sync(a).written!;
    files.set(fromA, readFileSync(join(folder, fromA)));
    // C syncs before the others: it applies what it can still read (its own removal, the new key
    // sealed to A and B), not the rest.
    expect(sync(c).refused).toContainEqual({ name: fromA, reason: 'unreadable' });
    expect(
      c.db
        .prepare('SELECT removed_at IS NOT NULL FROM sync_computers WHERE id = ?', { pluck: true })
        .get([c.id]),
    ).toBe(1);
    registerOn(b, 'Fictional After Removal');
    const report = sync(b);
    // B opened A's bundle under the new key once A's other bundle (under the first key) had
    // brought it the key, and wrote with it at once. Only C's bundles are refused.
    expect(report.refused.map((r) => r.reason)).not.toContain('unreadable');
    expect(report.applied).toHaveLength(2);
    expect(report.applied).toContain(fromA);
    const after = report.written!;
    files.set(after, readFileSync(join(folder, after)));
    expect(Buffer.from(bundleKeys(b.db, b.identity).write)).not.toEqual(
      Buffer.from(b.identity.bundleKey),
    );

    expect(sync(c).refused).toContainEqual({ name: after, reason: 'unreadable' });
    // Its vault copy holds no key that opens what was written after the removal.
    for (const name of [fromA, after])
      expect(refusal(() => openOn(c, name, files.get(name)!))).toBe('unreadable');
    expect(childNames(c)).not.toContain('Fictional After Removal');
    expect(childNames(c)).not.toContain('Fictional Written By The Remover');

    // The remaining computers read it, and still read what was written under the first key.
    expect(sync(a).applied).toContain(after);
    expect(childNames(a)).toContain('Fictional After Removal');
    expect(openOn(b, before, files.get(before)!)).toMatchObject({ author: a.id });
  });
});
