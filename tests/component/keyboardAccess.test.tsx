// Keyboard and screen-reader access in the frame: focus goes to the new screen's heading after
// navigation, the shortcut cheat-sheet opens on `?` (never while typing) and gives focus back,
// and quick-hide works from inside a dialog's field and leaves only the app's name in the title.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { USERS, auditEntry, unlocked } from './support/fixtures';
import { findApp, renderApp } from './support/render';

function adminBridge() {
  return new FakeBridge()
    .ok('app.status', unlocked())
    .ok('users.list', USERS)
    .ok('shelters.list', [])
    .ok('audit.list', { entries: [auditEntry(1)], nextBeforeSeq: null });
}

describe('keyboard access in the frame', () => {
  it('moves focus to the main heading after every navigation', async () => {
    const { user } = renderApp(adminBridge(), { route: '/users' });
    const nav = await findApp();
    await screen.findByRole('heading', { level: 1, name: 'Users' });

    await user.click(within(nav).getByRole('link', { name: 'Audit log' }));
    const audit = await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    await waitFor(() => expect(audit).toHaveFocus());

    await user.click(within(nav).getByRole('link', { name: 'Users' }));
    const users = await screen.findByRole('heading', { level: 1, name: 'Users' });
    await waitFor(() => expect(users).toHaveFocus());
  });

  it('opens the cheat-sheet on ? and returns focus to where it was when it closes', async () => {
    const { user } = renderApp(adminBridge(), { route: '/users' });
    await findApp();
    const lockNow = screen.getByRole('button', { name: 'Lock now' });
    lockNow.focus();

    await user.keyboard('?');
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(sheet).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^Ctrl\+Shift\+LHide the screen at once/),
      expect.stringMatching(/^\?Show this list of shortcuts/),
    ]);

    // (jsdom has no Escape for <dialog>; the end-to-end tour closes it with Escape.)
    await user.click(within(sheet).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(lockNow).toHaveFocus();

    // The header button opens it too, and focus returns to that button.
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(opener).toHaveFocus();
  });

  it('does not open the cheat-sheet while typing in a field: the ? is text there', async () => {
    const { user } = renderApp(adminBridge(), { route: '/users' });
    await findApp();
    const name = await screen.findByLabelText('Display name');
    await user.type(name, 'Who?');
    expect(name).toHaveValue('Who?');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('quick-hide works inside a dialog field and leaves only the app name in the window title', async () => {
    const bridge = adminBridge();
    const { user } = renderApp(bridge, { route: '/users' });
    await screen.findByRole('heading', { level: 1, name: 'Users' });
    await waitFor(() => expect(document.title).toBe('Users — Aruga'));
    const [reset] = await screen.findAllByRole('button', { name: /^Reset password for / });
    await user.click(reset!);
    const field = within(screen.getByRole('dialog')).getByLabelText('Temporary password');
    expect(field).toHaveFocus();

    // The lock call is held open so the blank screen can be seen before the lock screen follows.
    const lock = bridge.defer('session.lock');
    fireEvent.keyDown(field, { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true });
    expect(document.querySelector('[data-quick-hide]')).not.toBeNull();
    expect(document.title).toBe('Aruga');
    expect(field).not.toBeInTheDocument();
    expect(bridge.inputsOf('session.lock')).toEqual([{ reason: 'quickHide' }]);
    await act(async () => {
      lock.resolve(null);
      bridge.emitLock('quickHide');
    });
    expect(document.title).not.toContain('Users');
  });
});
