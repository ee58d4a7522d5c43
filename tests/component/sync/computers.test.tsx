import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ComputerRow, SyncStatus } from '../../../shared/sync/contract';
import { FakeBridge } from '../support/FakeBridge';
import {
  caseworkerSession,
  session,
  unlocked,
  USERS,
  user as userFixture,
} from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const DAY = 86_400_000;
const SHARING: SyncStatus = { sharing: true, folder: 'E:\\aruga-sync', staleDays: 7 };
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

const COMPUTERS: ComputerRow[] = [
  {
    id: '0190a000-0000-4000-8000-000000000001',
    name: 'Fictional office laptop',
    self: true,
    removed: false,
    lastSeenAt: ago(0),
    removedReason: null,
  },
  {
    id: '0190a000-0000-7000-8000-000000000002',
    name: 'Fictional Cebu laptop',
    self: false,
    removed: false,
    lastSeenAt: ago(10),
    removedReason: null,
  },
  {
    id: '0190a000-0000-7000-8000-000000000003',
    name: 'Fictional Iloilo laptop',
    self: false,
    removed: false,
    lastSeenAt: ago(2),
    removedReason: null,
  },
  {
    id: '0190a000-0000-7000-8000-000000000004',
    name: 'Fictional van laptop',
    self: false,
    removed: true,
    lastSeenAt: null,
    removedReason: 'Fictional: stolen from the van',
  },
];

const rowOf = async (name: string) =>
  (await screen.findByRole('cell', { name: new RegExp(`^${name}`) })).closest('tr')!;

describe('the Computers screen', () => {
  it('lets the administrator start sharing, and then shows Sync now and the computers', async () => {
    let sharing = false;
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', () => (sharing ? { ...SHARING, folder: null } : { ...SHARING, sharing }))
      .ok('sync.computers', () => COMPUTERS.slice(0, 1))
      .ok('users.list', USERS)
      .ok('sync.start', () => {
        sharing = true;
        return { computerId: COMPUTERS[0]!.id };
      });
    const { user } = renderApp(bridge, { route: '/computers' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Computers' })).toBeVisible();
    await user.click(
      await screen.findByRole('button', { name: 'Start sharing with other computers' }),
    );
    // Nothing typed: the field says so and nothing is sent.
    expect(await screen.findByText('This is required.')).toBeVisible();
    expect(bridge.countOf('sync.start')).toBe(0);
    await user.type(screen.getByLabelText("This computer's name"), 'Fictional office laptop');
    await user.click(screen.getByRole('button', { name: 'Start sharing with other computers' }));
    expect(await screen.findByRole('heading', { name: 'Sync now' })).toBeVisible();
    expect(bridge.inputsOf('sync.start')).toEqual([{ computerName: 'Fictional office laptop' }]);
  });

  it('flags a computer silent for longer than the set days, and shows why one was removed', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', USERS);
    renderApp(bridge, { route: '/computers' });
    await screen.findByRole('table', { name: 'Computers sharing this vault' });
    expect(
      within(await rowOf('Fictional office laptop \\(this computer\\)')).getByText('Syncing'),
    ).toBeVisible();
    expect(
      within(await rowOf('Fictional Cebu laptop')).getByText('Not synced for 7 days or more'),
    ).toBeVisible();
    expect(within(await rowOf('Fictional Iloilo laptop')).getByText('Syncing')).toBeVisible();
    const van = await rowOf('Fictional van laptop');
    expect(within(van).getByText('Removed: Fictional: stolen from the van')).toBeVisible();
    expect(within(van).getByText('Never')).toBeVisible();
    expect(within(van).queryByRole('button')).toBeNull();
    expect(screen.getByText(/^1 computer has not synced for 7 days or more\./)).toBeVisible();
    await expectNoAxeViolations();
  });

  it('syncs now with the saved folder and puts every refusal into words', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', USERS)
      .ok('sync.now', {
        applied: 2,
        written: true,
        deleted: 1,
        refused: [
          { reason: 'removedComputer' },
          { reason: 'unreadable' },
          { reason: 'unreadable' },
        ],
      });
    const { user } = renderApp(bridge, { route: '/computers' });
    const folder = await screen.findByRole('textbox', { name: 'Sync folder' });
    expect(folder).toHaveValue('E:\\aruga-sync');
    await user.click(screen.getByRole('button', { name: 'Sync now' }));
    expect(
      await screen.findByText(
        "Applied 2 files of changes from other computers. Left this computer's changes in the folder. Deleted 1 file every computer has applied.",
      ),
    ).toBeVisible();
    expect(bridge.inputsOf('sync.now')).toEqual([{ folder: 'E:\\aruga-sync' }]);
    const refusals = screen
      .getByText('3 files were refused and nothing of them was applied:')
      .closest('[role="alert"]') as HTMLElement;
    expect(refusals).toBeVisible();
    expect(
      within(refusals).getByText('It comes from a computer removed from the organisation.'),
    ).toBeVisible();
    expect(within(refusals).getByText(/^2 files: It cannot be opened/)).toBeVisible();
    // The list is asked for again: the computers' last changes moved.
    expect(bridge.countOf('sync.computers')).toBeGreaterThan(1);
  });

  it('removes a lost computer with a typed reason', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', USERS)
      .ok('sync.removeComputer', (input) => ({ computerId: input.computerId }));
    const { user } = renderApp(bridge, { route: '/computers' });
    await screen.findByRole('table', { name: 'Computers sharing this vault' });
    expect(
      within(await rowOf('Fictional office laptop')).queryByRole('button', { name: /Remove/ }),
    ).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Remove Fictional Cebu laptop' }));
    const dialog = await screen.findByRole('dialog', {
      name: 'Remove Fictional Cebu laptop from the organisation?',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Remove computer' }));
    expect(await within(dialog).findByText('This is required.')).toBeVisible();
    expect(bridge.countOf('sync.removeComputer')).toBe(0);
    await user.type(
      within(dialog).getByLabelText('Why is it removed?'),
      'Fictional: left on a jeepney',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove computer' }));
    expect(
      await screen.findByText(
        'Fictional Cebu laptop was removed. Sync now so the other computers learn of it.',
      ),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('sync.removeComputer')).toEqual([
      { computerId: COMPUTERS[1]!.id, reason: 'Fictional: left on a jeepney' },
    ]);
  });

  it('validates the staleness days before saving the settings', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', USERS)
      .ok('sync.saveSettings', (input) => ({ sharing: true, ...input }));
    const { user } = renderApp(bridge, { route: '/computers' });
    const days = await screen.findByLabelText('Warn when a computer has not synced for (days)');
    expect(days).toHaveValue(7);
    await user.clear(days);
    await user.type(days, '0');
    await user.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('sync.saveSettings')).toBe(0);
    await user.clear(days);
    await user.type(days, '2');
    await user.click(screen.getByRole('button', { name: 'Save sync settings' }));
    expect(await screen.findByText('Sync settings saved.')).toBeVisible();
    expect(bridge.inputsOf('sync.saveSettings')).toEqual([
      { folder: 'E:\\aruga-sync', staleDays: 2 },
    ]);
    // The list's warnings follow the new number: the Iloilo laptop (2 days) is now flagged too.
    expect(
      await screen.findByText(/^2 computers have not synced for 2 days or more\./),
    ).toBeVisible();
  });

  it('gives the caseworker Sync now, and no list of computers', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(caseworkerSession()))
      .ok('sync.status', SHARING)
      .ok('sync.now', { applied: 0, written: false, deleted: 0, refused: [] });
    const { user } = renderApp(bridge, { route: '/sync' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sync now' })).toBeVisible();
    await user.click(await screen.findByRole('button', { name: 'Sync now' }));
    expect(
      await screen.findByText(
        'Applied 0 files of changes from other computers. This computer had nothing new to leave in the folder.',
      ),
    ).toBeVisible();
    expect(bridge.countOf('sync.computers')).toBe(0);
    expect(screen.queryByRole('link', { name: 'Computers' })).toBeNull();
  });

  it('tells a coordinator on a computer that does not share who can start', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(session({ role: 'coordinator' })))
      .ok('sync.status', { sharing: false, folder: null, staleDays: 7 });
    renderApp(bridge, { route: '/computers' });
    expect(
      await screen.findByText(/An administrator can start sharing on the Computers screen/),
    ).toBeVisible();
    expect(screen.queryByRole('button', { name: /Start sharing/ })).toBeNull();
  });

  it('shows the administrator the accounts that do not reach other computers yet', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', [
        ...USERS,
        userFixture({
          id: '0190a000-0000-7000-8000-0000000000aa',
          displayName: 'Fictional Tala Mendoza',
          username: 'tala',
          role: 'caseworker',
          travels: false,
        }),
        // A disabled account travels nowhere anyway: not listed.
        userFixture({
          id: '0190a000-0000-7000-8000-0000000000ab',
          displayName: 'Fictional Lakan Villa',
          username: 'lakan',
          active: false,
          travels: false,
        }),
      ]);
    renderApp(bridge, { route: '/computers' });
    const panel = (
      await screen.findByRole('heading', {
        name: '1 staff account does not reach other computers yet',
      })
    ).closest('section')!;
    expect(within(panel).getByRole('listitem')).toHaveTextContent('Fictional Tala Mendoza (tala)');
    expect(within(panel).queryByText(/Lakan/)).toBeNull();
    await expectNoAxeViolations();
  });

  it('shows no such list when every account travels', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked())
      .ok('sync.status', SHARING)
      .ok('sync.computers', COMPUTERS)
      .ok('users.list', USERS);
    renderApp(bridge, { route: '/computers' });
    await screen.findByRole('table', { name: 'Computers sharing this vault' });
    await waitFor(() => expect(bridge.countOf('users.list')).toBeGreaterThan(0));
    expect(screen.queryByRole('heading', { name: /do not reach|does not reach/ })).toBeNull();
  });
});
