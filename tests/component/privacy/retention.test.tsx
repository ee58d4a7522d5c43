// The administrator's retention screen with a fake backend: periods per kind, the records past
// a period a page at a time, and a reviewed deletion by keyboard (reason and confirmation).
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  RETENTION_PAGE,
  type RetainedRecord,
  type RetentionPeriod,
} from '../../../shared/privacy/retention';
import { FakeBridge } from '../support/FakeBridge';
import { USERS, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const periods = (contacts: number | null, due = 0): RetentionPeriod[] => [
  { kind: 'documents', months: null, due: 0 },
  { kind: 'contacts', months: contacts, due },
];

const record = (i: number): RetainedRecord => ({
  id: `0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b${String(6000 + i).padStart(4, '0')}`,
  kind: 'contacts',
  caseCode: `FIC-2019-${String(i + 1).padStart(3, '0')}`,
  countedFrom: '2019-05-01',
});

const adminBridge = () => new FakeBridge().ok('app.status', unlocked()).ok('users.list', USERS);

describe('retention', () => {
  it('sets a period per kind: an empty box is no period, a bad number is named at its field', async () => {
    const bridge = adminBridge()
      .ok('retention.overview', { periods: periods(null), tombstones: [] })
      .ok('retention.setPeriod', (input) => ({ kind: input.kind, months: input.months, due: 3 }));
    const { user } = renderApp(bridge, { route: '/privacy/retention' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
    const months = await screen.findByLabelText('Contacts log: keep for (months)');
    await user.type(months, '0');
    await user.click(screen.getByRole('button', { name: 'Save the period for Contacts log' }));
    expect(await screen.findByText('This number is outside the allowed range.')).toBeVisible();
    expect(bridge.countOf('retention.setPeriod')).toBe(0);
    await user.clear(months);
    await user.type(months, '60');
    await user.click(screen.getByRole('button', { name: 'Save the period for Contacts log' }));
    expect(await screen.findByText('The period for Contacts log was saved.')).toBeVisible();
    await user.click(
      screen.getByRole('button', { name: 'Save the period for Documents register' }),
    );
    expect(bridge.inputsOf('retention.setPeriod')).toEqual([
      { kind: 'contacts', months: 60 },
      { kind: 'documents', months: null },
    ]);
    await expectNoAxeViolations();
  });

  it('lists the records past a period a page at a time, and deletes one by keyboard with a reason', async () => {
    const all = Array.from({ length: RETENTION_PAGE + 1 }, (_, i) => record(i));
    const bridge = adminBridge()
      .ok('retention.overview', { periods: periods(60, all.length), tombstones: [] })
      .ok('retention.due', (input) => {
        const offset = input.offset ?? 0;
        const next = offset + RETENTION_PAGE;
        return {
          records: all.slice(offset, next),
          total: all.length,
          nextOffset: next < all.length ? next : null,
        };
      })
      .ok('retention.delete', (input) => ({
        id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b7001',
        kind: input.kind,
        reason: input.reason,
        deletedAt: new Date().toISOString(),
        deletedByName: 'Amihan Reyes',
        caseCode: null,
        closedOn: null,
      }));
    const { user } = renderApp(bridge, { route: '/privacy/retention' });
    expect(
      await screen.findByRole('heading', {
        name: `Contacts log: ${all.length} records older than 60 months`,
      }),
    ).toBeVisible();
    expect(screen.getByText(`Showing 1–${RETENTION_PAGE} of ${all.length}.`)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText(all.at(-1)!.caseCode)).toBeVisible();
    expect(screen.queryByText(all[0]!.caseCode)).toBeNull();

    const last = all.at(-1)!;
    const remove = screen.getByRole('button', { name: new RegExp(`record of ${last.caseCode}`) });
    remove.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: "Delete this record's content" });
    expect(within(dialog).getByText(/removed for good/)).toBeVisible();
    // Neither a reason nor the confirmation yet: both named, nothing sent.
    await user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    expect(await within(dialog).findByText('This is required.')).toBeVisible();
    expect(within(dialog).getByText('Confirm that you have reviewed the record.')).toBeVisible();
    expect(bridge.countOf('retention.delete')).toBe(0);
    await user.click(within(dialog).getByLabelText('Reason for deleting'));
    await user.keyboard('Fictional: past the five years the policy allows');
    await user.tab();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Delete for good' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(/The content was deleted/)).toBeVisible();
    expect(bridge.inputsOf('retention.delete')).toEqual([
      {
        kind: 'contacts',
        id: last.id,
        reason: 'Fictional: past the five years the policy allows',
        confirmed: true,
      },
    ]);
  });

  it('keeps the typed reason when the record is not past its period after all', async () => {
    const bridge = adminBridge()
      .ok('retention.overview', { periods: periods(60, 1), tombstones: [] })
      .ok('retention.due', { records: [record(0)], total: 1, nextOffset: null })
      .fail('retention.delete', { code: 'CONFLICT', message: 'privacy.retentionNotDue' });
    const { user } = renderApp(bridge, { route: '/privacy/retention' });
    await user.click(await screen.findByRole('button', { name: /record of FIC-2019-001/ }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Reason for deleting'), 'Fictional: tidy-up');
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    expect(
      await within(dialog).findByText(
        'This record is not past its retention period, so it cannot be deleted.',
      ),
    ).toBeVisible();
    expect(within(dialog).getByLabelText('Reason for deleting')).toHaveValue('Fictional: tidy-up');
  });
});
