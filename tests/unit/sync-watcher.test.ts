// Syncing on its own while unlocked (for a folder Syncthing fills): each look syncs only when the
// folder's bundles or this computer's own changes moved since the last sync, so a change on one
// computer reaches the other in two looks and an idle pair does nothing at all.
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  autoSyncStep,
  saveSyncSettings,
  type AutoSyncState,
} from '../../electron/backend/domains/sync';
import {
  registerOn,
  sharingOrganisation,
  syncedDataHash,
  tempFolder,
  type SyncingComputer,
} from './support';

describe('the automatic sync', () => {
  it('applies what arrives and writes what changed, and otherwise leaves the folder alone', async () => {
    const org = await sharingOrganisation(2);
    const [a, b] = org.computers() as [SyncingComputer, SyncingComputer];
    const folder = tempFolder();
    const states: Record<'a' | 'b', AutoSyncState> = {
      a: { fingerprint: null },
      b: { fingerprint: null },
    };
    // Not sharing a folder yet: nothing to do.
    expect(autoSyncStep(a, a.identity.deviceId, states.a)).toBeNull();
    for (const c of [a, b]) saveSyncSettings(c, { folder, staleDays: 7 });
    autoSyncStep(a, a.identity.deviceId, states.a);
    autoSyncStep(b, b.identity.deviceId, states.b);
    autoSyncStep(a, a.identity.deviceId, states.a);
    // Settled: neither moves again while nothing changes.
    expect(autoSyncStep(a, a.identity.deviceId, states.a)).toBeNull();
    expect(autoSyncStep(b, b.identity.deviceId, states.b)).toBeNull();

    registerOn(a, 'Fictional Amihan Cruz');
    const written = autoSyncStep(a, a.identity.deviceId, states.a);
    expect(written?.written).toEqual(expect.any(String));
    const applied = autoSyncStep(b, b.identity.deviceId, states.b);
    expect(applied?.applied).toEqual([written!.written]);
    expect(syncedDataHash(b.db)).toBe(syncedDataHash(a.db));

    // And back.
    registerOn(b, 'Fictional Bituin Reyes');
    expect(autoSyncStep(b, b.identity.deviceId, states.b)?.written).toEqual(expect.any(String));
    // B's bundle, and the one that acknowledged A's.
    expect(autoSyncStep(a, a.identity.deviceId, states.a)?.applied).toHaveLength(2);
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
    // A's acknowledgement is new to B; after it, both are quiet again.
    autoSyncStep(b, b.identity.deviceId, states.b);
    autoSyncStep(a, a.identity.deviceId, states.a);
    expect(autoSyncStep(a, a.identity.deviceId, states.a)).toBeNull();
    expect(autoSyncStep(b, b.identity.deviceId, states.b)).toBeNull();

    // A stick unplugged: the folder is gone and nothing is tried.
    rmSync(folder, { recursive: true, force: true });
    registerOn(a, 'Fictional Dalisay Uy');
    expect(autoSyncStep(a, a.identity.deviceId, states.a)).toBeNull();
  });
});
