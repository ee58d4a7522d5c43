// The automatic daily backup: made at the first sign-in of the day, kept by the retention rule,
// and a failure recorded so that everyone signed in sees a warning.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, formatISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import {
  dailyBackupName,
  dailyBackupsToPrune,
  makeDailyBackup,
} from '../../electron/backend/vault/daily-backups';
import { createBackupOnOwnConnection } from '../../electron/backend/vault/backup';
import { createBackend, type AutomaticBackupJob } from '../../electron/backend/runtime/router';
import { todayIn } from '../../shared/time';
import {
  addUser,
  ADMIN,
  backendAt,
  fails,
  FAST_KDF,
  inspectDatabase,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

function days(count: number, from = '2026-12-01'): string[] {
  return Array.from({ length: count }, (_, i) =>
    dailyBackupName(
      formatISO(addDays(new Date(`${from}T12:00:00Z`), -i), { representation: 'date' }),
    ),
  );
}

describe('retention', () => {
  it('keeps the newest 7 daily backups and the last of each of the 4 weeks before them', () => {
    const names = [
      ...days(60),
      'aruga-manual.aruga-backup',
      'before-upgrade-v4-to-v5.aruga-backup',
    ];
    const pruned = dailyBackupsToPrune(names, { keepDaily: 7, keepWeekly: 4 });
    const kept = names.filter((n) => !pruned.includes(n));
    expect(kept).toEqual([
      // 2026-12-01 is a Tuesday: seven days back to Wednesday 25 November.
      ...days(7),
      'daily-2026-11-24.aruga-backup', // Tuesday, the newest left of the week of 23 November
      'daily-2026-11-22.aruga-backup', // Sunday, the last day of the week of 16 November
      'daily-2026-11-15.aruga-backup',
      'daily-2026-11-08.aruga-backup',
      'aruga-manual.aruga-backup',
      'before-upgrade-v4-to-v5.aruga-backup',
    ]);
    expect(dailyBackupsToPrune(days(3), { keepDaily: 7, keepWeekly: 4 })).toEqual([]);
    expect(dailyBackupsToPrune(days(10), { keepDaily: 2, keepWeekly: 0 })).toHaveLength(8);
  });
});

describe('the automatic backup', () => {
  it('is made at the first sign-in of the day, once, and audited', async () => {
    const { folder, backend, recoveryKey } = await newVault({
      automaticBackups: true,
      automaticBackupDelayMs: 0,
    });
    // Setting up makes no backup: there is nothing in the vault yet.
    await settle();
    expect(existsSync(join(folder, 'backups'))).toBe(false);
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await settle();
    const today = dailyBackupName(todayIn('Asia/Manila'));
    expect(readdirSync(join(folder, 'backups'))).toEqual([today]);
    const status = await ok(backend, 'backup.status', {});
    expect(status).toMatchObject({ keepDaily: 7, keepWeekly: 4, lastAutomatic: { ok: true } });

    // A second sign-in the same day makes none.
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await settle();
    expect(readdirSync(join(folder, 'backups'))).toEqual([today]);
    const db = await inspectDatabase(folder, recoveryKey);
    const automatic = db
      .prepare("SELECT outcome FROM audit_log WHERE action = 'backup.automatic'")
      .all();
    db.close();
    expect(automatic).toEqual([{ outcome: 'ok' }]);
  });

  it('records a failure, which backup.status then reports', async () => {
    const folder = tempFolder();
    const setup = backendAt(folder);
    await ok(setup, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    await setup.close();
    // A file where the folder should be: the backup cannot be written.
    writeFileSync(join(folder, 'backups'), 'in the way');
    const backend = backendAt(folder, { automaticBackups: true, automaticBackupDelayMs: 0 });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await settle();
    const status = await ok(backend, 'backup.status', {});
    expect(status.lastAutomatic).toMatchObject({ ok: false, reason: 'storageFailed' });
    expect(status.folder).toBe(join(folder, 'backups'));
  });

  it('runs beside the calls: a write made while it runs is answered before it ends', async () => {
    const { folder, backend: setup, recoveryKey } = await newVault();
    await setup.close();
    const backend = createBackend({
      dataFolder: folder,
      kdf: FAST_KDF,
      automaticBackups: true,
      automaticBackupDelayMs: 0,
    });
    // The worker's backup thread, held open by the test until the write has been answered.
    const started = new Promise<{ job: AutomaticBackupJob; done: (e: string | null) => void }>(
      (resolve) => backend.backupWith((job, done) => resolve({ job, done })),
    );
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { job, done } = await started;

    const { user } = await addUser(backend, 'coco.santos', 'coordinator');
    expect((await ok(backend, 'backup.status', {})).lastAutomatic).toBeNull();
    expect(existsSync(job.target)).toBe(false);

    const dataKey = Buffer.from(job.dataKeyHex, 'hex');
    const made = makeDailyBackup(job.target, (target) =>
      createBackupOnOwnConnection({ folder: job.folder, dataKey, keyring: job.keyring }, target),
    );
    expect(made).toBeNull();
    done(made);
    await settle();
    expect((await ok(backend, 'backup.status', {})).lastAutomatic).toMatchObject({ ok: true });
    expect(readdirSync(join(folder, 'backups'))).toEqual([dailyBackupName(todayIn('Asia/Manila'))]);
    await backend.close();

    // The write's audit entry comes before the backup's: it did not wait for it.
    const db = await inspectDatabase(folder, recoveryKey);
    const order = db
      .prepare(
        "SELECT action FROM audit_log WHERE action = 'backup.automatic' OR target_id = ? ORDER BY seq",
      )
      .all([user.id]);
    db.close();
    expect(order).toEqual([{ action: 'users.create' }, { action: 'backup.automatic' }]);
  });

  it('keeps the retention the administrator sets, within its bounds', async () => {
    const { backend } = await newVault();
    expect(await ok(backend, 'backup.setRetention', { keepDaily: 3, keepWeekly: 0 })).toMatchObject(
      { keepDaily: 3, keepWeekly: 0 },
    );
    expect((await ok(backend, 'backup.status', {})).keepDaily).toBe(3);
    const error = await fails(backend, 'backup.setRetention', { keepDaily: 0, keepWeekly: 60 });
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['keepDaily', 'keepWeekly']);
  });
});
