// The bars of two long calls: rotating the data key (in its confirm dialog) and a sign-in that
// upgrades the vault (a backup of it as it was, then each migration, in words beside the bar).
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { session, status, unlocked, USERS } from './support/fixtures';
import { expectNoAxeViolations, findApp, renderApp } from './support/render';

describe('the bar of a key rotation', () => {
  it('shows in the dialog while the rotation runs, labelled, with the share done', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('settings.get', { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A4' })
      .ok('users.list', USERS);
    const pending = bridge.defer('vault.rotateKey');
    const { user } = renderApp(bridge, { route: '/settings' });
    await user.click(await screen.findByRole('button', { name: 'Rotate data key…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Rotate the data key?' });
    expect(within(dialog).queryByRole('progressbar')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));

    const bar = await within(dialog).findByRole('progressbar', { name: 'Rotate the data key?' });
    expect(bar).not.toHaveAttribute('aria-valuenow');
    act(() => bridge.emitProgress('vault.rotateKey', 8, 24));
    expect(bar).toHaveAttribute('aria-valuenow', '33');
    expect(bar).toHaveAttribute('aria-valuetext', '33% done');
    await expectNoAxeViolations();
    act(() => bridge.emitProgress('vault.rotateKey', 24, 24));
    expect(bar).toHaveAttribute('aria-valuenow', '100');

    pending.resolve({ rotatedAt: '2026-11-30T01:15:00.000Z' });
    expect(await screen.findByText(/The data key was rotated on/)).toBeVisible();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});

describe('a sign-in that upgrades the vault', () => {
  it('shows the backup, then migration k of n, with a labelled bar; nothing for an ordinary sign-in', async () => {
    const bridge = new FakeBridge().ok('app.status', status());
    const pending = bridge.defer('auth.signIn');
    const { user } = renderApp(bridge);
    await user.type(await screen.findByLabelText('Username'), 'amihan');
    await user.type(screen.getByLabelText('Password'), 'Correct-Horse-Battery-77');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // An ordinary sign-in reports nothing, and shows no bar.
    expect(screen.queryByRole('progressbar')).toBeNull();

    act(() =>
      bridge.emitProgress('auth.signIn', 500, 6000, {
        kind: 'upgradeBackup',
        bytes: 12 * 1024 * 1024,
      }),
    );
    const upgrade = screen.getByRole('region', { name: 'Upgrading the vault' });
    expect(within(upgrade).getByRole('heading', { name: 'Upgrading the vault' })).toBeVisible();
    expect(within(upgrade).getByRole('status')).toHaveTextContent(
      'Making a backup of the vault as it was (12.0 MB)',
    );
    const bar = within(upgrade).getByRole('progressbar', { name: 'Upgrading the vault' });
    expect(bar).toHaveAttribute('aria-valuenow', '8');
    await expectNoAxeViolations();

    act(() =>
      bridge.emitProgress('auth.signIn', 3000, 6000, { kind: 'migration', number: 3, of: 5 }),
    );
    expect(within(upgrade).getByRole('status')).toHaveTextContent('Upgrading: step 3 of 5');
    expect(bar).toHaveAttribute('aria-valuenow', '50');
    // Another call's progress is not this bar's.
    act(() => bridge.emitProgress('backup.create', 1, 1));
    expect(bar).toHaveAttribute('aria-valuenow', '50');

    bridge.ok('app.status', unlocked());
    pending.resolve(session());
    expect(await findApp()).toBeVisible();
    expect(screen.queryByRole('heading', { name: 'Upgrading the vault' })).toBeNull();
  });
});
