import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { HybridLogicalClock } from '../../electron/backend/db/hlc';
import { migrate } from '../../electron/backend/db/migrate';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import {
  addUser,
  ADMIN,
  backendAt,
  inspectDatabase,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

describe('audit log', () => {
  it('records sign-in, failures, lock, user management, rotation and settings; never a password', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    const { user, temporaryPassword } = await addUser(backend, 'audited', 'caseworker');
    await ok(backend, 'users.resetPassword', {
      userId: user.id,
      temporaryPassword: 'Another-Temp-Pass-55',
    });
    await ok(backend, 'settings.update', {
      idleLockMinutes: 7,
      timeZone: 'Asia/Manila',
      paperSize: 'Legal13',
    });
    await ok(backend, 'vault.rotateKey', {});
    await ok(backend, 'users.disable', { userId: user.id });
    await ok(backend, 'session.lock', { reason: 'manual' });
    await backend.call('auth.signIn', { username: ADMIN.username, password: 'a-wrong-password-9' });
    await new Promise((r) => setTimeout(r, 1100));
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { limit: 100 });
    const actions = entries.map((e) => e.action);
    for (const action of [
      'vault.create',
      'auth.signIn',
      'users.create',
      'users.resetPassword',
      'settings.update',
      'vault.rotateKey',
      'users.disable',
      'session.lock',
      'auth.signInFailed',
    ]) {
      expect(actions).toContain(action);
    }
    expect(entries.find((e) => e.action === 'settings.update')?.detail).toEqual({
      changed: 'idleLockMinutes,paperSize',
    });
    expect(entries.find((e) => e.action === 'auth.signInFailed')?.outcome).toBe('failed');
    const vault = await inspectDatabase(folder, recoveryKey);
    const dump = JSON.stringify(vault.prepare('SELECT * FROM audit_log').all());
    vault.close();
    for (const secret of [
      ADMIN.password,
      temporaryPassword,
      'Another-Temp-Pass-55',
      'a-wrong-password-9',
    ]) {
      expect(dump).not.toContain(secret);
    }
    expect((await ok(backend, 'audit.verify', {})).ok).toBe(true);
  });

  it('filters by user, action and date (dates in the vault time zone)', async () => {
    const { backend, admin } = await newVault();
    await addUser(backend, 'filtered', 'therapist');
    const byAction = await ok(backend, 'audit.list', { action: 'users.create', limit: 50 });
    expect(byAction.entries.map((e) => e.action)).toEqual(['users.create']);
    const byActor = await ok(backend, 'audit.list', { actorId: admin.userId, limit: 50 });
    expect(byActor.entries.every((e) => e.actorId === admin.userId)).toBe(true);
    const future = await ok(backend, 'audit.list', { from: '2999-01-01', limit: 50 });
    expect(future.entries).toEqual([]);
    const past = await ok(backend, 'audit.list', { to: '2000-01-01', limit: 50 });
    expect(past.entries).toEqual([]);
    const paged = await ok(backend, 'audit.list', { limit: 1 });
    expect(paged.nextBeforeSeq).toBe(paged.entries[0]!.seq);
    const next = await ok(backend, 'audit.list', { limit: 1, beforeSeq: paged.nextBeforeSeq! });
    expect(next.entries[0]!.seq).toBeLessThan(paged.entries[0]!.seq);
  });

  it.each([
    [
      'an edited row',
      (db: Database) => db.exec("UPDATE audit_log SET action = 'users.list' WHERE seq = 2"),
    ],
    ['a deleted row', (db: Database) => db.exec('DELETE FROM audit_log WHERE seq = 2')],
    [
      'a cut-off tail',
      (db: Database) =>
        db.exec('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'),
    ],
    [
      'an edited first row',
      (db: Database) => db.exec("UPDATE audit_log SET outcome = 'failed' WHERE seq = 1"),
    ],
  ])('verification detects %s', async (_label, tamper) => {
    const { folder, backend, recoveryKey } = await newVault();
    await addUser(backend, 'tamper', 'therapist');
    expect((await ok(backend, 'audit.verify', {})).ok).toBe(true);
    const db = await inspectDatabase(folder, recoveryKey);
    tamper(db);
    db.close();
    const result = await ok(backend, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.firstBadSeq).toBeGreaterThan(0);
  });
});

describe('data layer', () => {
  it('gives UUIDv7 ids and metadata, soft-deletes, and logs every write with an HLC, device and user', async () => {
    const { folder, backend, recoveryKey, admin } = await newVault();
    const { user } = await addUser(backend, 'logged', 'caseworker');
    expect(user.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    await ok(backend, 'users.disable', { userId: user.id });
    const vault = await inspectDatabase(folder, recoveryKey);
    const row = vault.prepare('SELECT * FROM users WHERE id = ?').get([user.id])!;
    expect(row).toMatchObject({ created_by: admin.userId, updated_by: admin.userId });
    expect(row.deleted_at).not.toBeNull();
    const changes = vault
      .prepare('SELECT * FROM change_log WHERE row_id = ? ORDER BY seq')
      .all([user.id]) as {
      op: string;
      hlc: string;
      user_id: string;
      device_id: string;
      columns: string;
    }[];
    // Disabling clears the credential (so no computer's keyring keeps a slot for it), then
    // soft-deletes the account.
    expect(changes.map((c) => c.op)).toEqual(['insert', 'update', 'delete']);
    expect(JSON.parse(changes[1]!.columns)).toEqual({ credential: null });
    expect(changes.every((c) => c.user_id === admin.userId && c.device_id.length > 0)).toBe(true);
    expect(changes[0]!.hlc < changes[1]!.hlc && changes[1]!.hlc < changes[2]!.hlc).toBe(true);
    expect(JSON.parse(changes[0]!.columns)).toMatchObject({
      username: 'logged',
      role: 'caseworker',
    });
    vault.close();
  });

  it('keeps the device id across restarts', async () => {
    const folder = tempFolder();
    backendAt(folder);
    const first = execFileSync('cat', [join(folder, 'preferences.json')], { encoding: 'utf8' });
    backendAt(folder);
    expect(execFileSync('cat', [join(folder, 'preferences.json')], { encoding: 'utf8' })).toBe(
      first,
    );
    expect(JSON.parse(first).deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hybrid logical clock stays monotonic when the wall clock goes backwards', () => {
    let now = 1_000;
    const clock = new HybridLogicalClock('dev', () => now);
    const a = clock.next();
    now = 500;
    const b = clock.next();
    const c = clock.next();
    expect([a, b, c]).toEqual([...[a, b, c]].sort());
    expect(new Set([a, b, c]).size).toBe(3);
    const other = new HybridLogicalClock('dev2', () => 10);
    other.observe(c);
    expect(other.next() > c).toBe(true);
  });

  it('migrations are numbered from 1, and run from an empty database to the current version', () => {
    expect(SCHEMA.migrations.map((m) => m.version)).toEqual(SCHEMA.migrations.map((_, i) => i + 1));
    const db = new Database(join(tempFolder(), 'm.db'));
    db.pragma(`key = "x'${'ab'.repeat(32)}'"`);
    expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
    expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type='table'", { pluck: true })
      .all();
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'audit_log', 'change_log', 'vault_settings', 'vault_meta']),
    );
    db.close();
  });

  it('a failing migration rolls back and leaves the version unchanged', () => {
    const db = new Database(join(tempFolder(), 'm.db'));
    db.pragma(`key = "x'${'cd'.repeat(32)}'"`);
    migrate(db, SCHEMA.migrations);
    const broken = [
      ...SCHEMA.migrations,
      {
        version: SCHEMA.version + 1,
        name: 'broken',
        sql: 'CREATE TABLE x (a); SELECT nope FROM missing;',
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(Number(db.pragma('user_version', { simple: true }))).toBe(SCHEMA.version);
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'x'", { pluck: true }).get(),
    ).toBe(0);
    db.close();
  });
});

describe('idle lock', () => {
  it('locks by itself after the idle time, and tells listeners', async () => {
    const { backend } = await newVault({ idleLockMsOverride: 300 });
    const events: string[] = [];
    backend.onEvent((e) => e.type === 'locked' && events.push(`${e.type}:${e.reason}`));
    await new Promise((r) => setTimeout(r, 200));
    await ok(backend, 'session.touch', {});
    await new Promise((r) => setTimeout(r, 200));
    expect((await ok(backend, 'app.status', {})).state).toBe('unlocked');
    await new Promise((r) => setTimeout(r, 400));
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    expect(events).toEqual(['locked:idle']);
  });
});

describe('recover-key command line', () => {
  // As the README tells people to run it: through npm, silently, so stdout is the key alone.
  const run = (folder: string, input: string) =>
    spawnSync('npm', ['run', '-s', 'recover-key', '--', '--data', folder], {
      input,
      encoding: 'utf8',
    });

  it('prints the raw data key alone on one line for the right recovery key, which opens the database', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const result = run(folder, `${recoveryKey}\n`);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const hex = result.stdout.trim();
    const db = new Database(join(folder, 'aruga.db'));
    db.pragma(`key = "x'${hex}'"`);
    expect(db.prepare('SELECT count(*) FROM users', { pluck: true }).get()).toBe(1);
    db.close();
  });

  it('refuses a wrong key and prints no key', async () => {
    const { folder } = await newVault();
    const result = run(folder, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH\n');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('does not open this vault');
  });

  it('asks for the key when the input is empty, rather than calling it wrong', async () => {
    const { folder } = await newVault();
    const result = run(folder, '\n');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Enter the recovery key');
    expect(result.stderr).not.toContain('does not open this vault');
  });
});
