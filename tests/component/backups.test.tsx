import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { caseworkerSession, unlocked } from './support/fixtures';
import { expectNoAxeViolations, renderApp } from './support/render';

const SUMMARY = {
  createdAt: '2026-11-30T01:15:00.000Z',
  appVersion: '0.1.0',
  schemaVersion: 4,
  counts: { users: 6, children: 200, shelters: 5, placements: 400 },
};

const FAILED_STATUS = {
  folder: 'C:\\Aruga\\backups',
  keepDaily: 7,
  keepWeekly: 4,
  lastAutomatic: { at: '2026-12-01T00:30:00.000Z', ok: false, reason: 'diskFull' },
} as const;

describe('the automatic backup', () => {
  it('warns the administrator above every screen when the last one failed, with a way to Backups', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('backup.status', FAILED_STATUS)
      .ok('settings.get', { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A4' });
    const { user } = renderApp(bridge, { route: '/settings' });
    expect(
      await screen.findByText(
        /The automatic backup on 12\/01\/2026 8:30 AM failed\. The disk is full/,
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('link', { name: 'Open Backups' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('tells other staff to tell the administrator', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(caseworkerSession()))
      .ok('backup.status', FAILED_STATUS);
    renderApp(bridge, { route: '/account' });
    expect(await screen.findByText(/Tell your administrator/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Open Backups' })).toBeNull();
  });

  it('shows nothing when the last one worked, and saves the retention', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('backup.status', {
        ...FAILED_STATUS,
        lastAutomatic: { at: '2026-12-01T00:30:00.000Z', ok: true },
      })
      .ok('backup.setRetention', (input) => ({ ...FAILED_STATUS, ...input, lastAutomatic: null }));
    const { user } = renderApp(bridge, { route: '/backups' });
    expect(
      await screen.findByText('The last automatic backup was made on 12/01/2026 8:30 AM.'),
    ).toBeVisible();
    expect(screen.queryByText(/failed/)).toBeNull();
    const daily = screen.getByLabelText('Daily backups to keep');
    await user.clear(daily);
    await user.type(daily, '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(daily).toHaveAccessibleDescription(/outside the allowed range/);
    expect(bridge.countOf('backup.setRetention')).toBe(0);
    await user.clear(daily);
    await user.type(daily, '10');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeVisible();
    expect(bridge.inputsOf('backup.setRetention')).toEqual([{ keepDaily: 10, keepWeekly: 4 }]);
  });
});

describe('backups', () => {
  it('backs up to a typed folder, with a progress bar while it works, and says where it went', async () => {
    const bridge = new FakeBridge().ok('app.status', unlocked());
    const pending = bridge.defer('backup.create');
    const { user } = renderApp(bridge, { route: '/backups' });
    await user.type(await screen.findByLabelText('Folder for the backup'), 'E:\\');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const bar = await screen.findByRole('progressbar', { name: 'Backing up…' });
    expect(bar).toBeVisible();
    // No value until the backend says how far it is; then the share of the work it reports.
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bridge.inputsOf('backup.create')).toEqual([{ folder: 'E:\\' }]);
    act(() => bridge.emitProgress('backup.create', 1_000, 4_000));
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuetext', '25% done');
    // Another call's progress is not this bar's.
    act(() => bridge.emitProgress('backup.restore', 3_000, 4_000));
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    act(() => bridge.emitProgress('backup.create', 2_999, 4_000));
    expect(bar).toHaveAttribute('aria-valuenow', '74');
    await expectNoAxeViolations();
    pending.resolve({
      path: 'E:\\aruga-2026-11-30T01-15-00-000Z.aruga-backup',
      createdAt: '2026-11-30T01:15:00.000Z',
      bytes: 3 * 1024 * 1024,
    });
    expect(
      await screen.findByText(
        'Backup saved and checked: E:\\aruga-2026-11-30T01-15-00-000Z.aruga-backup (3.0 MB, 11/30/2026 9:15 AM).',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();
    await expectNoAxeViolations();
  });

  it('shows a missing folder at the field and keeps what was typed', async () => {
    const bridge = new FakeBridge().ok('app.status', unlocked()).fail('backup.create', {
      code: 'VALIDATION',
      message: 'validation',
      fields: { folder: 'backup.folderMissing' },
    });
    const { user } = renderApp(bridge, { route: '/backups' });
    const folder = await screen.findByLabelText('Folder for the backup');
    await user.type(folder, 'F:\\nowhere');
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    expect(await screen.findByText(/No folder exists at this path/)).toBeVisible();
    expect(folder).toHaveValue('F:\\nowhere');
    expect(folder).toHaveAccessibleDescription(/No folder exists at this path/);
  });

  it('checks a backup with the recovery key, shows its summary, and restores only after confirming', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('backup.inspect', SUMMARY)
      .ok('backup.restore', { safetyCopy: 'C:\\Aruga\\safety-copies\\before-restore' });
    const { user } = renderApp(bridge, { route: '/backups' });
    await user.type(await screen.findByLabelText('Backup file'), 'E:\\one.aruga-backup');
    await user.click(screen.getByRole('radio', { name: 'The recovery key' }));
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Check the backup' }));
    // Only the chosen way's field is required.
    expect(await screen.findByLabelText('Recovery key')).toHaveAccessibleDescription(
      'This is required.',
    );
    expect(bridge.countOf('backup.inspect')).toBe(0);
    await user.type(screen.getByLabelText('Recovery key'), 'ABCD-EFGH');
    await user.click(screen.getByRole('button', { name: 'Check the backup' }));
    expect(await screen.findByText('11/30/2026 9:15 AM')).toBeVisible();
    expect(screen.getByText('Aruga 0.1.0 (data version 4)')).toBeVisible();
    expect(screen.getByText('200')).toBeVisible();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    const dialog = await screen.findByRole('dialog', { name: 'Restore the backup?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(bridge.countOf('backup.restore')).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore and lock' }),
    );
    expect(bridge.inputsOf('backup.restore')).toEqual([
      {
        file: 'E:\\one.aruga-backup',
        unlockWith: 'recoveryKey',
        username: '',
        password: '',
        recoveryKey: 'ABCD-EFGH',
      },
    ]);
  });

  it('says why a backup could not be opened', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .fail('backup.inspect', { code: 'CORRUPT', message: 'backupUnreadable' });
    const { user } = renderApp(bridge, { route: '/backups' });
    await user.type(await screen.findByLabelText('Backup file'), 'E:\\bad.aruga-backup');
    await user.type(screen.getByLabelText('Username'), 'admin.reyes');
    await user.type(screen.getByLabelText('Password'), 'Some-Password-1');
    await user.click(screen.getByRole('button', { name: 'Check the backup' }));
    expect(
      await screen.findByText(/This file is not a complete Aruga backup, or it is damaged/),
    ).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Password')).toHaveValue('Some-Password-1');
  });
});
