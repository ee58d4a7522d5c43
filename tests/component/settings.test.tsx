import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STATUS_SHOWN_MS } from '../../renderer/ui/statusMessages';
import { FakeBridge } from './support/FakeBridge';
import { USERS, unlocked } from './support/fixtures';
import { expectNoAxeViolations, renderApp } from './support/render';

const SETTINGS = { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A4' } as const;

function settingsBridge() {
  return new FakeBridge()
    .ok('app.status', unlocked())
    .ok('settings.get', SETTINGS)
    .ok('users.list', USERS);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('settings', () => {
  it('shows one status at a time: "Settings saved." goes with the next action, a new error, or after a few seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = settingsBridge().ok('settings.update', (input) => input);
    const { user } = renderApp(bridge, {
      route: '/settings',
      advanceTimers: (ms) => vi.advanceTimersByTime(ms),
    });
    const idle = await screen.findByLabelText('Lock after idle (minutes)');
    const save = screen.getByRole('button', { name: 'Save settings' });
    const saved = () => screen.queryByText('Settings saved.');

    await user.click(save);
    expect(await screen.findByText('Settings saved.')).toBeVisible();
    // Announced politely, not as an alert.
    expect(saved()!.closest('[role="status"]')).not.toBeNull();

    // A range error: the old confirmation does not stay beside it.
    await user.clear(idle);
    await user.type(idle, '0');
    await user.click(save);
    expect(idle).toHaveAccessibleDescription(/outside the allowed range/);
    expect(saved()).toBeNull();

    // Saved again, it clears itself after a few seconds.
    await user.clear(idle);
    await user.type(idle, '7');
    await user.click(save);
    expect(await screen.findByText('Settings saved.')).toBeVisible();
    await act(() => vi.advanceTimersByTimeAsync(STATUS_SHOWN_MS + 100));
    expect(saved()).toBeNull();
  });

  it('shows only the newest status message on the screen', async () => {
    const bridge = settingsBridge()
      .ok('settings.update', (input) => input)
      .ok('vault.rotateKey', { rotatedAt: '2025-01-15T02:30:00.000Z' });
    const { user } = renderApp(bridge, { route: '/settings' });
    await user.click(await screen.findByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Rotate data key…' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    expect(await screen.findByText(/The data key was rotated/)).toBeVisible();
    const shown = screen
      .getAllByRole('status')
      .map((region) => region.textContent)
      .filter(Boolean);
    expect(shown).toHaveLength(1);
  });

  it('rejects an idle timeout of 0 at the field without calling the backend', async () => {
    const bridge = settingsBridge();
    const { user } = renderApp(bridge, { route: '/settings' });
    const idle = await screen.findByLabelText('Lock after idle (minutes)');
    expect(idle).toHaveValue(5);
    await expectNoAxeViolations();

    await user.clear(idle);
    await user.type(idle, '0');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(idle).toHaveAttribute('aria-invalid', 'true');
    expect(idle).toHaveAccessibleDescription(
      /From 1 to 60 minutes.*This number is outside the allowed range\./,
    );
    expect(idle).toHaveValue(0);

    await user.clear(idle);
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(idle).toHaveAccessibleDescription(/This is required\./);
    expect(bridge.countOf('settings.update')).toBe(0);
  });

  it('saves settings, and dates elsewhere follow the new time zone', async () => {
    const bridge = settingsBridge().ok('settings.update', (input) => input);
    const { user } = renderApp(bridge, { route: '/settings' });
    const idle = await screen.findByLabelText('Lock after idle (minutes)');
    await user.clear(idle);
    await user.type(idle, '15');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'UTC');
    await user.selectOptions(
      screen.getByLabelText('Default paper size'),
      'Long bond (8.5 × 13 in)',
    );
    await user.click(screen.getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved.')).toBeVisible();
    expect(bridge.inputsOf('settings.update')).toEqual([
      { idleLockMinutes: 15, timeZone: 'UTC', paperSize: 'Legal13' },
    ]);

    await user.click(screen.getByRole('link', { name: 'Users' }));
    const row = (await screen.findByRole('cell', { name: /^Amihan Reyes/ })).closest('tr')!;
    expect(row).toHaveTextContent('01/15/2025 2:30 AM');
  });

  it('rotates the data key after a confirmation that explains it', async () => {
    const bridge = settingsBridge().ok('vault.rotateKey', {
      rotatedAt: '2025-03-01T04:05:00.000Z',
    });
    const { user } = renderApp(bridge, { route: '/settings' });
    const open = await screen.findByRole('button', { name: 'Rotate data key…' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Rotate the data key?' });
    expect(dialog).toHaveTextContent('re-encrypt the vault with a new data key');
    expect(bridge.countOf('vault.rotateKey')).toBe(0);

    await user.click(within(dialog).getByRole('button', { name: 'Rotate key' }));
    expect(
      await screen.findByText('The data key was rotated on 03/01/2025 12:05 PM.'),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(bridge.countOf('vault.rotateKey')).toBe(1);
  });
});
