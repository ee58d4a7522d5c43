// The sync procedures on a real backend: an administrator starts sharing, anyone signed in syncs
// now with a folder, administrators and coordinators see the computers; each call audited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN, fails, inspectDatabase, newVault, ok, tempFolder } from './support';

describe('sync procedures', () => {
  it('start sharing once, sync now with a folder, and list this computer', async () => {
    const { backend, folder, recoveryKey } = await newVault();
    const syncFolder = tempFolder();
    expect(await ok(backend, 'sync.computers', {})).toEqual([]);
    expect(await fails(backend, 'sync.now', { folder: syncFolder })).toMatchObject({
      code: 'CONFLICT',
      message: 'sync.notSharing',
    });
    const { computerId } = await ok(backend, 'sync.start', {
      computerName: 'Fictional office laptop',
    });
    expect(await fails(backend, 'sync.start', { computerName: 'Again' })).toMatchObject({
      code: 'CONFLICT',
      message: 'sync.alreadySharing',
    });
    expect(
      await fails(backend, 'sync.now', { folder: join(syncFolder, 'fictional-missing') }),
    ).toMatchObject({ code: 'VALIDATION', fields: { folder: 'sync.folderMissing' } });

    expect(await ok(backend, 'sync.now', { folder: syncFolder })).toEqual({
      applied: 0,
      refused: [],
      written: true,
      deleted: 1, // the only computer has applied its own bundle: nobody else needs it
    });
    expect(await ok(backend, 'sync.now', { folder: syncFolder })).toMatchObject({
      written: false,
    });
    const computers = await ok(backend, 'sync.computers', {});
    expect(computers).toEqual([
      {
        id: computerId,
        name: 'Fictional office laptop',
        self: true,
        removed: false,
        lastSeenAt: expect.any(String),
      },
    ]);
    for (const name of readdirSync(syncFolder))
      expect(readFileSync(join(syncFolder, name)).includes(ADMIN.displayName)).toBe(false);

    const db = await inspectDatabase(folder, recoveryKey);
    const audited = db
      .prepare(
        "SELECT action, target_type, outcome FROM audit_log WHERE action LIKE 'sync.%' ORDER BY seq",
      )
      .all() as { action: string; target_type: string; outcome: string }[];
    expect(audited.filter((a) => a.outcome === 'ok').map((a) => a.action)).toEqual([
      'sync.start',
      'sync.now',
      'sync.now',
    ]);
    db.close();
  });
});
