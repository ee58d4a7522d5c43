import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { IDS, USERS, auditEntry, unlocked } from './support/fixtures';
import { expectNoAxeViolations, renderApp, stubScrollContainerHeight } from './support/render';

let restoreLayout = () => undefined as void;
beforeEach(() => {
  restoreLayout = stubScrollContainerHeight(400);
});
afterEach(() => restoreLayout());

/** Newest first, like the backend: seq from..to descending. */
function entries(from: number, to: number) {
  return Array.from({ length: to - from + 1 }, (_, i) => auditEntry(to - i));
}

function auditBridge() {
  return new FakeBridge().ok('app.status', unlocked()).ok('users.list', USERS);
}

function renderedSeqs(): number[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .filter((row) => row.getAttribute('aria-hidden') !== 'true')
    .map((row) => Number(row.querySelector('td')?.textContent));
}

describe('audit log', () => {
  it('shows entries in the vault time zone, virtualized, and loads more with nextBeforeSeq', async () => {
    const bridge = auditBridge()
      .okOnce('audit.list', { entries: entries(201, 300), nextBeforeSeq: 201 })
      .okOnce('audit.list', { entries: entries(101, 200), nextBeforeSeq: 101 });
    const { user } = renderApp(bridge, { route: '/audit' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
    expect(await screen.findByText('100 entries shown.')).toBeVisible();

    // Only a window of rows is in the DOM; the first is the newest.
    const seqs = renderedSeqs();
    expect(seqs[0]).toBe(300);
    expect(seqs.length).toBeGreaterThan(5);
    expect(seqs.length).toBeLessThan(40);
    const newest = screen.getAllByRole('row')[1]!;
    // auditEntry(300): 02:30 UTC + 300 min = 07:30 UTC = 3:30 PM in Manila.
    expect(newest).toHaveTextContent('01/15/2025 3:30 PM');
    expect(newest).toHaveTextContent('Amihan Reyes');
    expect(newest).toHaveTextContent('users.create');
    expect(newest).toHaveTextContent('user: Bayani Cruz');
    expect(newest).toHaveTextContent('Done');
    expect(bridge.inputsOf('audit.list')).toEqual([{ limit: 100 }]);
    await expectNoAxeViolations();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('200 entries shown.')).toBeVisible();
    expect(bridge.inputsOf('audit.list')[1]).toEqual({ limit: 100, beforeSeq: 201 });
  });

  it('filters by user, action and dates', async () => {
    const bridge = auditBridge().ok('audit.list', { entries: entries(1, 3), nextBeforeSeq: null });
    const { user } = renderApp(bridge, { route: '/audit' });
    await screen.findByText('3 entries shown.');
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    await user.selectOptions(await screen.findByLabelText('User'), 'Bayani Cruz');
    await user.type(screen.getByLabelText('Action'), 'users.create');
    await user.type(screen.getByLabelText('From date'), '2025-01-01');
    await user.type(screen.getByLabelText('To date'), '2025-01-31');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() =>
      expect(bridge.inputsOf('audit.list').at(-1)).toEqual({
        limit: 100,
        actorId: IDS.caseworker,
        action: 'users.create',
        from: '2025-01-01',
        to: '2025-01-31',
      }),
    );
  });

  // Applying a filter empties the table while the next query loads. Each filter is applied on
  // its own, with the answer held back, and the screen must then stay still: a table that
  // re-renders itself forever froze the whole app.
  const applyFilter: Record<string, (user: UserEvent) => Promise<void>> = {
    User: (user) => user.selectOptions(screen.getByLabelText('User'), 'Bayani Cruz'),
    Action: (user) => user.type(screen.getByLabelText('Action'), 'users.create'),
    From: (user) => user.type(screen.getByLabelText('From date'), '2025-01-01'),
  };
  it.each(Object.keys(applyFilter))(
    'settles while the entries for the %s filter load, then shows them',
    async (filter) => {
      const bridge = auditBridge().okOnce('audit.list', {
        entries: entries(1, 3),
        nextBeforeSeq: null,
      });
      const pending = bridge.defer('audit.list');
      let commits = 0;
      const { user } = renderApp(bridge, { route: '/audit', onCommit: () => commits++ });
      await screen.findByText('3 entries shown.');
      await applyFilter[filter]!(user);
      await user.click(screen.getByRole('button', { name: 'Apply filters' }));
      await waitFor(() => expect(bridge.countOf('audit.list')).toBe(2));

      const before = commits;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(commits - before).toBeLessThan(5);

      pending.resolve({ entries: [auditEntry(2)], nextBeforeSeq: null });
      expect(await screen.findByText('1 entry shown.')).toBeVisible();
    },
  );

  it('refuses an end date before the start date', async () => {
    const bridge = auditBridge().ok('audit.list', { entries: [], nextBeforeSeq: null });
    const { user } = renderApp(bridge, { route: '/audit' });
    expect(await screen.findByText('No entries match these filters.')).toBeVisible();
    await user.type(screen.getByLabelText('From date'), '2025-02-01');
    await user.type(screen.getByLabelText('To date'), '2025-01-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByLabelText('To date')).toHaveAccessibleDescription(
      'The end date is before the start date.',
    );
    expect(bridge.countOf('audit.list')).toBe(1);
  });

  it('verifies integrity and says clearly whether the chain is intact', async () => {
    const bridge = auditBridge()
      .ok('audit.list', { entries: entries(1, 3), nextBeforeSeq: null })
      .okOnce('audit.verify', { ok: true, checked: 412, firstBadSeq: null })
      .okOnce('audit.verify', { ok: false, checked: 57, firstBadSeq: 57 });
    const { user } = renderApp(bridge, { route: '/audit' });
    const verify = await screen.findByRole('button', { name: 'Verify integrity' });

    await user.click(verify);
    expect(await screen.findByText('The audit log is intact: 412 entries checked.')).toBeVisible();
    await user.click(verify);
    expect(await screen.findByText('The audit log has been altered at entry #57.')).toBeVisible();
    expect(screen.queryByText(/is intact/)).toBeNull();
    expect(bridge.countOf('audit.verify')).toBe(2);
  });
});
