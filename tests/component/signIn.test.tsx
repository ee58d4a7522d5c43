import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { ERR, IDS, USERS, session, status, therapistSession } from './support/fixtures';
import { expectNoAxeViolations, findApp, renderApp } from './support/render';

afterEach(() => {
  vi.useRealTimers();
});

async function signIn(
  user: ReturnType<typeof renderApp>['user'],
  username: string,
  password: string,
) {
  await user.type(screen.getByLabelText('Username'), username);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign in', () => {
  it('shows one generic message for wrong credentials and keeps what was typed', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .fail('auth.signIn', ERR.badCredentials);
    const { user } = renderApp(bridge);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
    await expectNoAxeViolations();

    await signIn(user, 'nobody', 'not the password');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "That username and password don't match.",
    );
    expect(bridge.inputsOf('auth.signIn')).toEqual([
      { username: 'nobody', password: 'not the password' },
    ]);
    expect(screen.getByLabelText('Username')).toHaveValue('nobody');
  });

  it('counts a back-off down live and keeps Sign in disabled until it ends', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .failOnce('auth.signIn', ERR.backoff(3));
    const { user } = renderApp(bridge, { advanceTimers: vi.advanceTimersByTime });
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    await signIn(user, 'amihan', 'wrong password');

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Too many attempts. Try again in 3 seconds.');
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button).toBeDisabled();

    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(alert).toHaveTextContent('Too many attempts. Try again in 2 seconds.');
    await act(() => vi.advanceTimersByTimeAsync(1000));
    expect(alert).toHaveTextContent('Too many attempts. Try again in 1 second.');
    expect(button).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(1100));
    expect(alert).toHaveTextContent('');
    expect(button).toBeEnabled();
  });

  it('starts with the persisted back-off from app.status', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const bridge = new FakeBridge().ok('app.status', status({ retryAfterSeconds: 5 }));
    renderApp(bridge);
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    expect(screen.getByRole('alert')).toHaveTextContent('Try again in 5 seconds.');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDisabled();
    await act(() => vi.advanceTimersByTimeAsync(5100));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  });

  it('signs an administrator in to the Users screen with their name and role in the header', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status({ demo: true }))
      .ok('auth.signIn', session())
      .ok('users.list', USERS);
    const { user } = renderApp(bridge, { route: '/settings' });
    expect(await screen.findByText('DEMO — fictional data')).toBeVisible();
    await signIn(user, 'amihan', 'violet kettle marching lanterns');
    const nav = await findApp();
    // First sign-in goes home, not to whatever route was in the address.
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(nav).toHaveTextContent('UsersAudit logBackupsSettingsMy account');
    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Amihan Reyes');
    expect(banner).toHaveTextContent('Administrator');
    expect(banner).toHaveTextContent('DEMO — fictional data');
  });

  it('goes straight to the home screen, not through a redirect that renders the frame twice', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .ok('auth.signIn', session())
      .ok('users.list', USERS);
    const { user } = renderApp(bridge);
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    const replaced = vi.spyOn(window.history, 'replaceState');
    const pushed = vi.spyOn(window.history, 'pushState');
    await signIn(user, 'amihan', 'violet kettle marching lanterns');
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    const addresses = [...replaced.mock.calls, ...pushed.mock.calls].map((call) => String(call[2]));
    expect(addresses.map((address) => address.slice(address.indexOf('#')))).toEqual(['#/users']);
    replaced.mockRestore();
    pushed.mockRestore();
  });

  it('shows a therapist their own screens, and none of the administrator’s', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .ok('auth.signIn', therapistSession())
      .ok('therapy.today', { date: '2026-03-02', sessions: [] });
    const { user } = renderApp(bridge, { route: '/users' });
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    await signIn(user, 'bayani', 'violet kettle marching lanterns');
    const nav = await findApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Therapy today' })).toBeVisible();
    expect([...nav.querySelectorAll('a')].map((a) => a.textContent)).toEqual([
      'Therapy today',
      'Therapy calendar',
      'Caseload',
      'Hours and leave',
      'Clinical records',
      'My account',
      'Reports',
      'Sync',
      'Gate list',
      'Intake accounts',
    ]);
    expect(screen.queryByRole('link', { name: 'Users' })).toBeNull();
    expect(bridge.countOf('users.list')).toBe(0);
  });

  it('makes a user with a temporary password change it before anything else', async () => {
    const forced = therapistSession({ mustChangePassword: true });
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .ok('auth.signIn', forced)
      .ok('account.changePassword', { ...forced, mustChangePassword: false })
      .ok('therapy.today', { date: '2026-03-02', sessions: [] });
    const { user } = renderApp(bridge);
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    await signIn(user, 'bayani', 'Temporary-Pass-2025');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    expect(screen.getByText(/temporary password from your administrator/)).toBeVisible();
    expect(screen.queryByRole('navigation')).toBeNull();
    await expectNoAxeViolations();

    await user.type(screen.getByLabelText('Temporary password'), 'Temporary-Pass-2025');
    await user.type(screen.getByLabelText('New password'), 'quiet river under seven bridges');
    await user.type(
      screen.getByLabelText('Confirm new password'),
      'quiet river under seven bridges',
    );
    await user.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await findApp()).toBeVisible();
    expect(await screen.findByRole('heading', { level: 1, name: 'Therapy today' })).toBeVisible();
    expect(bridge.inputsOf('account.changePassword')).toEqual([
      { currentPassword: 'Temporary-Pass-2025', newPassword: 'quiet river under seven bridges' },
    ]);
  });
});

describe('recovery', () => {
  it('unlocks with the recovery key, resets an administrator password and signs in', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', status())
      .failOnce('auth.recover', {
        code: 'BAD_CREDENTIALS',
        message: 'recoveryKeyWrong',
      })
      .ok('auth.recover', {
        admins: [
          { id: IDS.admin, displayName: 'Amihan Reyes', username: 'amihan' },
          { id: IDS.admin2, displayName: 'Luningning Diaz', username: 'luning' },
        ],
      })
      .ok(
        'auth.recoveryResetAdmin',
        session({ userId: IDS.admin2, displayName: 'Luningning Diaz' }),
      )
      .ok('users.list', USERS);
    const { user } = renderApp(bridge);
    await screen.findByRole('heading', { name: 'Sign in to Aruga' });
    await user.click(
      screen.getByRole('button', { name: 'Forgot all passwords? Use the recovery key' }),
    );

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Recover with the recovery key' }),
    ).toBeVisible();
    const key = screen.getByLabelText('Recovery key');
    await user.type(key, 'AAAA-BBBB');
    await user.click(screen.getByRole('button', { name: 'Unlock with recovery key' }));
    expect(await screen.findByText("That recovery key doesn't match.")).toBeVisible();
    expect(key).toHaveAttribute('aria-invalid', 'true');
    expect(key).toHaveValue('AAAA-BBBB');

    await user.clear(key);
    await user.type(key, '0AB1-C0DE-1FGH-J0K1-M1NP-Q0RS-T1VW-X0YZ');
    await user.click(screen.getByRole('button', { name: 'Unlock with recovery key' }));
    expect(await screen.findByRole('group', { name: 'Administrator' })).toBeVisible();
    await expectNoAxeViolations();

    await user.click(screen.getByRole('radio', { name: 'Luningning Diaz (luning)' }));
    await user.type(screen.getByLabelText('New password'), 'amber meadow lantern forty');
    await user.type(screen.getByLabelText('Confirm new password'), 'amber meadow lantern forty');
    await user.click(screen.getByRole('button', { name: 'Set password and sign in' }));

    await findApp();
    expect(bridge.inputsOf('auth.recoveryResetAdmin')).toEqual([
      { userId: IDS.admin2, newPassword: 'amber meadow lantern forty' },
    ]);
    expect(screen.getByRole('banner')).toHaveTextContent('Luningning Diaz');
  });

  it('resumes an unfinished recovery after a reload', async () => {
    const bridge = new FakeBridge().ok('app.status', status({ state: 'recovery' }));
    const { user } = renderApp(bridge);
    expect(await screen.findByRole('heading', { level: 1, name: 'Finish recovery' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Back to sign in' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Sign in to Aruga' })).toBeVisible();
  });
});
