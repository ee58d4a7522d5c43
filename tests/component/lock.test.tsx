import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOUCH_INTERVAL_MS } from '../../renderer/auth/AuthContext';
import { FakeBridge } from './support/FakeBridge';
import {
  ERR,
  USERS,
  auditEntry,
  caseworkerSession,
  therapistSession,
  session,
  status,
  unlocked,
} from './support/fixtures';
import { findApp, renderApp, stubScrollContainerHeight } from './support/render';
import { CHILD_IDS, OTHER_IDS, casesBridge } from './support/children';

let restoreLayout = () => undefined as void;
beforeEach(() => {
  restoreLayout = stubScrollContainerHeight();
});
afterEach(() => {
  restoreLayout();
  vi.useRealTimers();
});

function adminBridge() {
  return new FakeBridge()
    .ok('app.status', unlocked())
    .ok('users.list', USERS)
    .ok('audit.list', { entries: [auditEntry(2), auditEntry(1)], nextBeforeSeq: null });
}

async function signIn(user: ReturnType<typeof renderApp>['user'], username: string) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), 'violet kettle marching lanterns');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('lock', () => {
  it('on a lock event drops every cached record, shows the locked screen, then returns to the route', async () => {
    const bridge = adminBridge().ok('auth.signIn', session());
    const { user, queryClient } = renderApp(bridge, { route: '/audit' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    expect(await screen.findByRole('cell', { name: 'Added a user' })).toBeVisible();
    expect(screen.getByRole('cell', { name: /^Bayani Cruz/ })).toBeVisible();
    expect(queryClient.getQueryCache().getAll().length).toBeGreaterThan(0);
    const listsBefore = bridge.countOf('audit.list');

    act(() => bridge.emitLock('idle'));

    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(screen.getByRole('heading', { level: 1, name: 'Aruga is locked' })).toBeVisible();
    expect(screen.getByText(/continue where you left off/)).toBeVisible();
    expect(document.body).not.toHaveTextContent('Amihan Reyes');
    expect(document.body).not.toHaveTextContent('Bayani Cruz');
    expect(document.body).not.toHaveTextContent('Added a user');
    expect(screen.queryByRole('navigation')).toBeNull();

    await signIn(user, 'amihan');
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    expect(window.location.hash).toBe('#/audit');
    expect(await screen.findByRole('cell', { name: 'Added a user' })).toBeVisible();
    // The records come back from the backend, not from memory.
    await waitFor(() => expect(bridge.countOf('audit.list')).toBeGreaterThan(listsBefore));
  });

  it('sends a different user home after an unlock', async () => {
    const bridge = adminBridge()
      .ok('auth.signIn', therapistSession())
      .ok('therapy.today', { date: '2026-03-02', sessions: [] });
    const { user } = renderApp(bridge, { route: '/audit' });
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    act(() => bridge.emitLock('system'));
    await signIn(user, 'bayani');
    expect(await screen.findByRole('heading', { level: 1, name: 'Therapy today' })).toBeVisible();
    expect(window.location.hash).toBe('#/therapy/today');
  });

  it('"Lock now" locks with reason manual; "Sign out" signs out and the next sign-in goes home', async () => {
    const bridge = adminBridge().ok('auth.signIn', session());
    const { user } = renderApp(bridge, { route: '/audit' });
    await findApp();
    await user.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Aruga is locked' })).toBeVisible();
    expect(bridge.inputsOf('session.lock')).toEqual([{ reason: 'manual' }]);

    await signIn(user, 'amihan');
    await screen.findByRole('heading', { level: 1, name: 'Audit log' });
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
    expect(bridge.inputsOf('session.lock').at(-1)).toEqual({ reason: 'signOut' });

    await signIn(user, 'amihan');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  });

  const coordinator = () =>
    session({
      userId: OTHER_IDS.coordinator,
      displayName: 'Luningning Santos',
      username: 'luning',
      role: 'coordinator',
    });

  it('after a sign-out on a case file, the next person starts at their own home and nothing of that file is asked for', async () => {
    const bridge = casesBridge(coordinator()).ok('auth.signIn', caseworkerSession());
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' })).toBeVisible();
    const calls = () => ({
      file: bridge.countOf('children.get'),
      timeline: bridge.countOf('children.timeline'),
      names: bridge.countOf('children.revealName'),
    });
    await waitFor(() => expect(calls()).toEqual({ file: 1, timeline: 1, names: 0 }));

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' });
    await signIn(user, 'bayani');
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    expect(window.location.hash).toBe('#/today');
    // One page each of the overdue and the next-7-days lists.
    await waitFor(() => expect(bridge.countOf('dashboard.agenda')).toBe(2));
    expect(calls()).toEqual({ file: 1, timeline: 1, names: 0 });
  });

  it('after an idle lock on a case file, a different person starts at their own home without fetching it', async () => {
    const bridge = casesBridge(coordinator()).ok('auth.signIn', caseworkerSession());
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
    await waitFor(() => expect(bridge.countOf('children.timeline')).toBe(1));
    act(() => bridge.emitLock('idle'));
    await signIn(user, 'bayani');
    expect(await screen.findByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    // Overdue and next 7 days: one page each.
    await waitFor(() => expect(bridge.countOf('dashboard.agenda')).toBe(2));
    expect(bridge.countOf('children.get')).toBe(1);
    expect(bridge.countOf('children.timeline')).toBe(1);
  });

  it('quick-hide (Ctrl+Shift+L) blanks the window before the lock call returns', async () => {
    const bridge = adminBridge();
    const { queryClient } = renderApp(bridge, { route: '/users' });
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const lock = bridge.defer('session.lock');

    // Inside act() React would normally hold every update until the callback returns; the blank
    // must already be on screen synchronously, in the key handler itself.
    let blankAtOnce = false;
    let textAtOnce: string | null = null;
    act(() => {
      window.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true }),
      );
      blankAtOnce = document.querySelector('[data-quick-hide]') !== null;
      textAtOnce = document.body.textContent;
    });
    expect(blankAtOnce).toBe(true);
    expect(textAtOnce).toBe('');
    expect(document.querySelector('[data-quick-hide]')).not.toBeNull();
    expect(document.body.textContent).toBe('');
    expect(screen.queryByRole('heading')).toBeNull();
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
    expect(bridge.inputsOf('session.lock')).toEqual([{ reason: 'quickHide' }]);

    await act(async () => {
      lock.resolve(null);
      bridge.emitLock('quickHide');
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aruga is locked' })).toBeVisible();
    expect(document.querySelector('[data-quick-hide]')).toBeNull();
  });

  it.each([
    ['idle', 'Aruga locked itself after a time without activity, to keep records private.'],
    ['system', 'Aruga locked because this computer was locked or went to sleep.'],
    ['damaged', "Aruga found damaged pages in the vault's database and locked it"],
  ] as const)('says the vault locked because of %s', async (reason, sentence) => {
    const bridge = adminBridge();
    renderApp(bridge, { route: '/audit' });
    await findApp();
    act(() => bridge.emitLock(reason));
    expect(await screen.findByText(new RegExp(`^${sentence}`))).toBeVisible();
    expect(screen.queryByText(/You locked Aruga/)).toBeNull();
  });

  it('says the user locked it after Lock now, and that the screen was hidden after quick-hide', async () => {
    const bridge = adminBridge().ok('auth.signIn', session());
    const { user } = renderApp(bridge, { route: '/audit' });
    await findApp();
    await user.click(screen.getByRole('button', { name: 'Lock now' }));
    expect(await screen.findByText(/^You locked Aruga\./)).toBeVisible();
    expect(screen.queryByText(/locked itself/)).toBeNull();

    await signIn(user, 'amihan');
    await findApp();
    fireEvent.keyDown(window, { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true });
    expect(await screen.findByText(/^You hid the screen with Ctrl\+Shift\+L/)).toBeVisible();
  });

  it('ignores the quick-hide shortcut while signed out', async () => {
    const bridge = new FakeBridge().ok('app.status', status());
    renderApp(bridge);
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    fireEvent.keyDown(window, { key: 'L', code: 'KeyL', ctrlKey: true, shiftKey: true });
    expect(screen.getByRole('heading', { name: 'Sign in to Aruga' })).toBeVisible();
    expect(bridge.countOf('session.lock')).toBe(0);
  });

  it('treats a LOCKED answer as a lock', async () => {
    const bridge = new FakeBridge().ok('app.status', unlocked()).fail('users.list', ERR.locked);
    renderApp(bridge, { route: '/users' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aruga is locked' })).toBeVisible();
  });

  it('reports activity with session.touch at most once every 30 seconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = adminBridge();
    renderApp(bridge, { route: '/account' });
    await screen.findByRole('heading', { level: 1, name: 'My account' });

    fireEvent.keyDown(window, { key: 'a' });
    expect(bridge.countOf('session.touch')).toBe(0); // sign-in itself just reset the timer

    await act(() => vi.advanceTimersByTimeAsync(TOUCH_INTERVAL_MS));
    fireEvent.pointerDown(window);
    fireEvent.wheel(window);
    fireEvent.keyDown(window, { key: 'b' });
    expect(bridge.countOf('session.touch')).toBe(1);

    await act(() => vi.advanceTimersByTimeAsync(TOUCH_INTERVAL_MS - 1000));
    fireEvent.wheel(window);
    expect(bridge.countOf('session.touch')).toBe(1);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    fireEvent.wheel(window);
    expect(bridge.countOf('session.touch')).toBe(2);

    // No heartbeat once locked: the backend owns the timer and the renderer holds nothing.
    act(() => bridge.emitLock('idle'));
    await act(() => vi.advanceTimersByTimeAsync(TOUCH_INTERVAL_MS));
    fireEvent.keyDown(window, { key: 'c' });
    expect(bridge.countOf('session.touch')).toBe(2);
  });
});
