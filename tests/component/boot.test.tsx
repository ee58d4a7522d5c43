import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { USERS, caseworkerSession, status, therapistSession, unlocked } from './support/fixtures';
import { expectNoAxeViolations, findApp, renderApp } from './support/render';

describe('boot', () => {
  it.each([
    ['setup', status({ state: 'setup' }), 'Set up Aruga'],
    ['locked', status({ state: 'locked' }), 'Sign in to Aruga'],
    ['recovery', status({ state: 'recovery' }), 'Finish recovery'],
    ['unlocked (admin)', unlocked(), 'Users'],
    ['unlocked (therapist)', unlocked(therapistSession()), 'Therapy today'],
    [
      'unlocked, temporary password',
      unlocked(caseworkerSession({ mustChangePassword: true })),
      'Choose a new password',
    ],
  ])('app.status %s opens on the right screen', async (_state, appStatus, heading) => {
    const bridge = new FakeBridge()
      .ok('app.status', appStatus)
      .ok('users.list', USERS)
      .ok('shelters.list', [])
      .ok('therapy.today', { date: '2026-03-02', sessions: [] })
      .ok('notes.toSign', [])
      .ok('notes.openFlags', []);
    renderApp(bridge);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeVisible();
    expect(bridge.unexpected).toEqual([]);
  });

  it('offers a retry when app.status fails', async () => {
    const bridge = new FakeBridge()
      .failOnce('app.status', { code: 'CORRUPT', message: 'corrupt' })
      .ok('app.status', status());
    const { user } = renderApp(bridge);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Aruga could not open' }),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' }),
    ).toBeVisible();
  });
});

describe('app frame', () => {
  it('has landmarks, a skip link to main, and a demo banner when the vault is a demo', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', { ...unlocked(caseworkerSession()), demo: true })
      .ok('users.list', USERS);
    const { user } = renderApp(bridge, { route: '/account' });
    await findApp();
    expect(screen.getByRole('banner')).toHaveTextContent('DEMO — fictional data');
    expect(screen.getByRole('banner')).toHaveTextContent('Bayani CruzCaseworker');
    expect(screen.getByRole('main')).toContainElement(
      screen.getByRole('heading', { level: 1, name: 'My account' }),
    );
    await expectNoAxeViolations();

    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    // The hash belongs to the router: skipping must not navigate.
    expect(window.location.hash).toBe('#/account');
  });

  it('sends a non-admin who types an admin route back home', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(therapistSession()))
      .ok('therapy.today', { date: '2026-03-02', sessions: [] })
      .ok('notes.toSign', [])
      .ok('notes.openFlags', []);
    renderApp(bridge, { route: '/settings' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Therapy today' })).toBeVisible();
    expect(window.location.hash).toBe('#/therapy/today');
    expect(bridge.unexpected).toEqual([]);
  });
});
