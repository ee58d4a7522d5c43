import { screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUDITED_ACTIONS } from '../../shared/audit';
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
    expect(newest).toHaveTextContent('Added a user');
    expect(newest).toHaveTextContent('Bayani Cruz');
    expect(newest).not.toHaveTextContent('users.create');
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
    await user.selectOptions(screen.getByLabelText('Action'), 'Added a user');
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
    Action: (user) => user.selectOptions(screen.getByLabelText('Action'), 'Added a user'),
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

  it('says what happened in words, and names targets by case code or name, never by id', async () => {
    const childId = '0190a5d4-6c1e-7a3b-8c2d-aaaaaaaaaaaa';
    const bridge = auditBridge().ok('audit.list', {
      entries: [
        auditEntry(5, {
          action: 'family.save',
          targetType: 'familyMember',
          targetId: '0190a5d4-6c1e-7a3b-8c2d-bbbbbbbbbbbb',
          targetCaseCode: 'AR-2026-0042',
          detail: { childId },
        }),
        auditEntry(4, {
          action: 'children.get',
          targetType: 'child',
          targetId: childId,
          targetCaseCode: 'AR-2026-0042',
        }),
        auditEntry(3, {
          action: 'beds.remove',
          targetType: 'bed',
          targetId: '0190a5d4-6c1e-7a3b-8c2d-cccccccccccc',
          targetName: 'Bahay Pag-asa',
        }),
        auditEntry(2, {
          action: 'placements.admit',
          targetType: 'placement',
          targetId: childId,
          targetName: null,
        }),
        auditEntry(1, {
          action: 'some.futureAction',
          targetType: 'somethingNew',
          targetId: childId,
        }),
      ],
      nextBeforeSeq: null,
    });
    renderApp(bridge, { route: '/audit' });
    await screen.findByText('5 entries shown.');
    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        [...(row as HTMLTableRowElement).cells].slice(3, 5).map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Saved a family member', 'Family member in case AR-2026-0042'],
      ['Opened a case file', 'Case AR-2026-0042'],
      ['Removed a bed', 'Bed: Bahay Pag-asa'],
      ['Admitted a child to a bed', 'Placement'],
      ['Another action', 'Another record'],
    ]);
    expect(document.body.textContent).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('offers every audited action by name in the Action pick-list', async () => {
    const bridge = auditBridge().ok('audit.list', { entries: [], nextBeforeSeq: null });
    renderApp(bridge, { route: '/audit' });
    const options = within(await screen.findByLabelText('Action')).getAllByRole('option');
    const labels = options.map((option) => option.textContent);
    expect(labels[0]).toBe('All actions');
    expect(labels).toContain('Opened a case file');
    expect(labels).toContain('Sign-in failed');
    expect(labels).not.toContain('Another action');
    expect(labels.join(' ')).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b/);
    expect(options.map((option) => (option as HTMLOptionElement).value)).toEqual(
      expect.arrayContaining(['', ...AUDITED_ACTIONS]),
    );
  });

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
      .okOnce('audit.verify', {
        ok: true,
        checked: 412,
        firstBadSeq: null,
        olderThanCheckpoint: null,
      })
      .okOnce('audit.verify', {
        ok: false,
        checked: 57,
        firstBadSeq: 57,
        olderThanCheckpoint: null,
      });
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
