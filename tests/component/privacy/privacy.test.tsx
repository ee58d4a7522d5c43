// Privacy duties with a fake backend: the administrator's breach register and its reminder above
// every screen, and the coordinator's access log in the case file.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Breach, ChildAccessEntry } from '../../../shared/privacy/contract';
import { PRIVACY_ERROR_KEYS } from '../../../shared/privacy/contract';
import { translation } from '../../../renderer/i18n';
import { CHILD_IDS, casesBridge } from '../support/children';
import { FakeBridge } from '../support/FakeBridge';
import { USERS, caseworkerSession, session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

const breach = (overrides: Partial<Breach> = {}): Breach => {
  const discoveredAt = overrides.discoveredAt ?? ago(80);
  return {
    id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f01',
    summary: 'Fictional: a printed bed list left in a jeepney',
    discoveredAt,
    notified: 'Fictional shelter head',
    npcNotifiedOn: null,
    npcDueAt: new Date(Date.parse(discoveredAt) + 72 * HOUR).toISOString(),
    overdue: true,
    closedAt: null,
    closingNote: null,
    recordedByName: 'Amihan Reyes',
    ...overrides,
  };
};

const adminBridge = () => new FakeBridge().ok('app.status', unlocked()).ok('users.list', USERS);

describe('the breach register', () => {
  it('reminds the administrator above every screen, overdue ones plainly, until closed', async () => {
    const bridge = adminBridge().ok('breaches.list', [
      breach(),
      breach({ id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f02', discoveredAt: ago(2), overdue: false }),
    ]);
    const { user } = renderApp(bridge, { route: '/users' });
    const reminder = (
      await screen.findByText('2 suspected data breaches are open.', { exact: false })
    ).closest('[role="status"]') as HTMLElement;
    expect(
      within(reminder).getByText(
        '1 is past the 72 hours without notifying the National Privacy Commission.',
      ),
    ).toBeVisible();
    await user.click(within(reminder).getByRole('link', { name: 'Open the breach register' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Breach register' })).toBeVisible();
    expect(
      screen.getByText(/^Overdue: the National Privacy Commission was due to be notified by/),
    ).toBeVisible();
    expect(screen.getByText(/^Notify the National Privacy Commission by/)).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows no reminder when every breach is closed, nor to anyone but the administrator', async () => {
    const closed = breach({
      closedAt: ago(1),
      closingNote: 'Fictional: recovered',
      overdue: false,
    });
    renderApp(adminBridge().ok('breaches.list', [closed]), { route: '/privacy/breaches' });
    expect(await screen.findByText('No breach is open.')).toBeVisible();
    expect(screen.getByRole('heading', { name: 'Closed' })).toBeVisible();
    expect(screen.queryByText(/suspected data breach/)).toBeNull();
  });

  it('records a breach with the keyboard: required fields named, an empty notification sent as none', async () => {
    const bridge = adminBridge()
      .ok('breaches.list', [])
      .ok('breaches.save', () => breach({ overdue: false }));
    const { user } = renderApp(bridge, { route: '/privacy/breaches' });
    const add = await screen.findByRole('button', { name: 'Record a suspected breach' });
    add.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Record a suspected breach' });
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findAllByText('This is required.')).not.toHaveLength(0);
    expect(bridge.countOf('breaches.save')).toBe(0);
    await user.click(within(dialog).getByLabelText('What happened'));
    await user.keyboard('Fictional: a phone with case photos lost');
    await user.tab();
    await user.keyboard('2026-11-28');
    await user.tab();
    await user.keyboard('0930');
    await user.tab();
    await user.keyboard('Fictional shelter head');
    await user.tab();
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('The breach was saved.')).toBeVisible();
    expect(bridge.inputsOf('breaches.save')).toEqual([
      {
        summary: 'Fictional: a phone with case photos lost',
        discoveredOn: '2026-11-28',
        discoveredTime: '09:30',
        notified: 'Fictional shelter head',
        npcNotifiedOn: null,
      },
    ]);
  });

  it('closes a breach with what was done, and says why a closed one cannot change', async () => {
    const bridge = adminBridge()
      .ok('breaches.list', [breach()])
      .fail('breaches.close', { code: 'CONFLICT', message: 'privacy.breachClosed' });
    const { user } = renderApp(bridge, { route: '/privacy/breaches' });
    await user.click(await screen.findByRole('button', { name: 'Close the breach' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close this breach' });
    await user.type(within(dialog).getByLabelText('What was done'), 'Fictional: phone wiped');
    await user.click(within(dialog).getByRole('button', { name: 'Close the breach' }));
    expect(
      await within(dialog).findByText('This breach is closed and can no longer be changed.'),
    ).toBeVisible();
    expect(within(dialog).getByLabelText('What was done')).toHaveValue('Fictional: phone wiped');
    expect(bridge.inputsOf('breaches.close')).toEqual([
      { id: breach().id, closingNote: 'Fictional: phone wiped' },
    ]);
  });

  it('has words for every refusal', () => {
    const errors = translation.errors as unknown as { privacy: Record<string, string> };
    for (const key of PRIVACY_ERROR_KEYS)
      expect(errors.privacy[key.slice('privacy.'.length)]).toEqual(expect.any(String));
  });
});

const COORDINATOR = session({
  userId: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e02',
  displayName: 'Dalisay Lim',
  username: 'dalisay',
  role: 'coordinator',
});

const entry = (seq: number, overrides: Partial<ChildAccessEntry> = {}): ChildAccessEntry => ({
  seq,
  at: '2026-11-20T02:00:00.000Z',
  actorName: 'Bayani Cruz',
  actorRole: 'caseworker',
  action: 'children.get',
  section: null,
  outcome: 'ok',
  ...overrides,
});

describe("a child's access log", () => {
  it('lists who opened the file, the name and the intake account, and pages to older ones', async () => {
    const bridge = casesBridge(COORDINATOR).ok('privacy.childAccessLog', (input) =>
      input.beforeSeq === undefined
        ? {
            entries: [
              entry(9, { action: 'intake.open', section: 'intake' }),
              entry(8, { action: 'children.revealName', section: 'name' }),
              entry(7),
            ],
            nextBeforeSeq: 7,
          }
        : {
            entries: [entry(2, { action: 'children.register', actorName: null })],
            nextBeforeSeq: null,
          },
    );
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const heading = await screen.findByRole('button', { name: 'Access log' });
    // Folded at first, and not asked for until the coordinator opens it.
    await screen.findByRole('button', { name: 'Timeline' });
    expect(bridge.countOf('privacy.childAccessLog')).toBe(0);
    await user.click(heading);
    const table = await screen.findByRole('table', { name: "Access to this child's file" });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(1, 4)
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['Bayani Cruz (Caseworker)', translation.audit.actions.intake.open, 'The intake account'],
      [
        'Bayani Cruz (Caseworker)',
        translation.audit.actions.children.revealName,
        "The child's name",
      ],
      ['Bayani Cruz (Caseworker)', translation.audit.actions.children.get, ''],
    ]);
    await user.click(screen.getByRole('button', { name: 'Show older entries' }));
    expect(await within(table).findByText('Unknown staff member (Caseworker)')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Show older entries' })).toBeNull();
    expect(bridge.inputsOf('privacy.childAccessLog')).toEqual([
      { childId: CHILD_IDS.maria },
      { childId: CHILD_IDS.maria, beforeSeq: 7 },
    ]);
    await expectNoAxeViolations();
  });

  it('is not shown to a caseworker, and never asked for', async () => {
    const bridge = casesBridge(caseworkerSession());
    renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    expect(await screen.findByRole('button', { name: 'Timeline' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Access log' })).toBeNull();
    expect(bridge.countOf('privacy.childAccessLog')).toBe(0);
  });
});
