// The sync procedures on a real backend: an administrator starts sharing, anyone signed in syncs
// now with a folder, administrators and coordinators see the computers; each call audited.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  ADMIN,
  fails,
  inspectDatabase,
  joinComputer,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

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
        removedReason: null,
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

  it('keeps this computer’s sync folder and staleness days, validated, and removes another computer', async () => {
    const { backend, folder, recoveryKey } = await newVault();
    const syncFolder = tempFolder();
    expect(await ok(backend, 'sync.status', {})).toEqual({
      sharing: false,
      folder: null,
      staleDays: 7,
    });
    expect(
      await fails(backend, 'sync.saveSettings', { folder: syncFolder, staleDays: 7 }),
    ).toMatchObject({ code: 'CONFLICT', message: 'sync.notSharing' });
    const { computerId } = await ok(backend, 'sync.start', { computerName: 'Fictional office' });

    expect(
      await fails(backend, 'sync.saveSettings', { folder: join(syncFolder, 'gone'), staleDays: 7 }),
    ).toMatchObject({ code: 'VALIDATION', fields: { folder: 'sync.folderMissing' } });
    expect(
      await fails(backend, 'sync.saveSettings', { folder: syncFolder, staleDays: 0 }),
    ).toMatchObject({ code: 'VALIDATION', fields: { staleDays: expect.any(String) } });
    expect(await ok(backend, 'sync.status', {})).toEqual({
      sharing: true,
      folder: null,
      staleDays: 7,
    });
    expect(await ok(backend, 'sync.saveSettings', { folder: syncFolder, staleDays: 3 })).toEqual({
      sharing: true,
      folder: syncFolder,
      staleDays: 3,
    });
    expect(await ok(backend, 'sync.status', {})).toMatchObject({
      folder: syncFolder,
      staleDays: 3,
    });

    // Another computer of the organisation, as adding one lists it (the join file is not built).
    const db = await inspectDatabase(folder, recoveryKey);
    const other = uuidv7();
    db.prepare(
      `INSERT INTO sync_computers (id, name, public_key, case_tag, created_at, updated_at)
       VALUES (?, 'Fictional shelter laptop', ?, 'QQQ', ?, ?)`,
    ).run([other, '00'.repeat(32), new Date().toISOString(), new Date().toISOString()]);
    db.close();

    expect(
      await fails(backend, 'sync.removeComputer', { computerId, reason: 'Fictional' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'sync.removeSelf' });
    expect(
      await fails(backend, 'sync.removeComputer', { computerId: other, reason: '  ' }),
    ).toMatchObject({ code: 'VALIDATION', fields: { reason: 'required' } });
    expect(
      await fails(backend, 'sync.removeComputer', { computerId: uuidv7(), reason: 'Lost' }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await ok(backend, 'sync.removeComputer', {
        computerId: other,
        reason: 'Fictional: left on a jeepney',
      }),
    ).toEqual({ computerId: other });
    expect(
      await fails(backend, 'sync.removeComputer', { computerId: other, reason: 'Again' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'sync.alreadyRemoved' });
    const computers = await ok(backend, 'sync.computers', {});
    expect(computers.find((c) => c.id === other)).toMatchObject({
      removed: true,
      removedReason: 'Fictional: left on a jeepney',
    });

    const after = await inspectDatabase(folder, recoveryKey);
    const audited = after
      .prepare(
        "SELECT action, target_id, detail FROM audit_log WHERE action IN ('sync.saveSettings', 'sync.removeComputer') AND outcome = 'ok' ORDER BY seq",
      )
      .all() as { action: string; target_id: string | null; detail: string | null }[];
    expect(audited.map((a) => [a.action, a.target_id])).toEqual([
      ['sync.saveSettings', null],
      ['sync.removeComputer', other],
    ]);
    // Neither the folder's path nor the typed reason is in the log.
    for (const entry of audited) {
      expect(entry.detail ?? '').not.toContain(syncFolder);
      expect(entry.detail ?? '').not.toContain('jeepney');
    }
    after.close();
  });

  it('tells the screens when a sync brings records from another computer, and only then', async () => {
    const a = await newVault();
    await ok(a.backend, 'sync.start', { computerName: 'Fictional office laptop' });
    // B syncs on its own with its saved folder, as a computer on a Syncthing folder does.
    const b = await joinComputer(a.backend, 'Fictional shelter laptop', undefined, {
      autoSyncIntervalMs: 20,
    });
    const folder = tempFolder();
    const synced: string[] = [];
    b.backend.onEvent((event) => {
      if (event.type === 'synced') synced.push(JSON.stringify(event));
    });
    await signIn(b.backend, ADMIN.username, ADMIN.password);
    await ok(b.backend, 'sync.saveSettings', { folder, staleDays: 7 });
    // Alone in the folder: B writes its own changes and hears of nothing.
    expect(await ok(b.backend, 'sync.now', { folder })).toMatchObject({ applied: 0 });
    await new Promise((done) => setTimeout(done, 200));
    expect(synced).toEqual([]);

    // A's bundle arrives: the automatic sync applies it and says so, carrying nothing else.
    await ok(a.backend, 'sync.now', { folder });
    for (let i = 0; i < 100 && synced.length === 0; i += 1)
      await new Promise((done) => setTimeout(done, 50));
    expect(synced).toEqual([JSON.stringify({ type: 'synced' })]);

    // On A, which syncs by hand only: Sync now that applies B's bundle says so, once.
    const onA: string[] = [];
    a.backend.onEvent((event) => {
      if (event.type === 'synced') onA.push(event.type);
    });
    await ok(b.backend, 'users.create', {
      displayName: 'Fictional Caseworker Mendoza',
      username: 'fictional.mendoza',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'Quiet-Harbor-Lantern-58',
    });
    await ok(b.backend, 'sync.now', { folder });
    await ok(b.backend, 'session.lock', { reason: 'manual' });
    expect((await ok(a.backend, 'sync.now', { folder })).applied).toBeGreaterThan(0);
    expect(onA).toEqual(['synced']);
    expect(await ok(a.backend, 'sync.now', { folder })).toMatchObject({ applied: 0 });
    expect(onA).toEqual(['synced']);
  });
});
