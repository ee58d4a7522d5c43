// The access request about a staff member on the Reports screen: the administrator's only; the
// staff member is picked from the accounts (disabled ones too); no period is asked; the preview
// holds the account, the key-slot dates, the records counted and the actions by case code; the
// PDF is recorded against the account before it leaves.
import { configure, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffAccessRequestReport } from '../../../shared/reports/access-request';
import { FakeBridge } from '../support/FakeBridge';
import { IDS, USERS, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { NOW, SHELTER_NAMES, coordinatorSession } from '../support/shelters';

configure({ asyncUtilTimeout: 5000 });

const answer: StaffAccessRequestReport = {
  kind: 'staffAccessRequest',
  from: '2025-01-10',
  to: '2026-11-29',
  generatedAt: '2026-11-29T04:00:00.000Z',
  generatedBy: 'Amihan Reyes',
  timeZone: 'Asia/Manila',
  account: {
    id: IDS.caseworker,
    displayName: 'Bayani Cruz',
    username: 'bayani',
    role: 'caseworker',
    shelters: ['Bahay Pag-asa'],
    language: 'ceb',
    createdAt: '2025-01-10T01:00:00.000Z',
    disabledAt: null,
    lastSignInAt: '2026-11-28T00:30:00.000Z',
  },
  keySlot: { passwordChangedAt: '2026-03-02T02:00:00.000Z', mustChangePassword: false, travels: true },
  actions: [
    {
      at: '2026-11-28T00:31:00.000Z',
      action: 'children.get',
      outcome: 'ok',
      targetType: 'child',
      caseCode: 'AR-2026-0042',
    },
  ],
  actionsOnAccount: [
    {
      at: '2025-01-10T01:00:00.000Z',
      action: 'users.create',
      outcome: 'ok',
      targetType: 'user',
      caseCode: null,
      actorName: 'Amihan Reyes',
    },
  ],
  authored: [
    {
      table: 'contact_log',
      count: 3,
      first: '2026-02-01T01:00:00.000Z',
      last: '2026-11-20T01:00:00.000Z',
    },
  ],
};

function bridgeFor() {
  return new FakeBridge()
    .ok('app.status', unlocked())
    .ok('shelters.names', SHELTER_NAMES)
    .ok('users.list', USERS)
    .ok('reports.staffAccessRequest', answer)
    .ok('reports.recordStaffAccessRequestOutput', null);
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(new Uint8Array([1, 2, 3]))));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('access request for a staff member', () => {
  it('prints everything held about the chosen staff member, recorded before it leaves', async () => {
    const bridge = bridgeFor();
    const { user } = renderApp(bridge, { route: '/reports' });
    await user.selectOptions(
      await screen.findByLabelText('Report'),
      'Access request: everything held about a staff member',
    );
    expect(screen.queryByLabelText('From')).toBeNull();
    // Asked for with no one chosen: the field says so and nothing is run.
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    expect(
      await screen.findByText('Choose the staff member the report is about.'),
    ).toBeVisible();
    expect(bridge.countOf('reports.staffAccessRequest')).toBe(0);
    const picker = screen.getByLabelText('Staff member');
    // A disabled account is offered too: a former employee may ask.
    expect(picker).toHaveTextContent('Dalisay Santos · dalisay (Therapist, disabled)');
    await user.selectOptions(picker, 'Bayani Cruz · bayani (Caseworker)');
    await user.click(screen.getByRole('button', { name: 'Show preview' }));
    const preview = await screen.findByRole('region', { name: /^Preview — \d+ pages?$/ });
    expect(bridge.inputsOf('reports.staffAccessRequest')).toEqual([{ userId: IDS.caseworker }]);
    for (const text of [
      'Staff member Bayani Cruz (bayani)',
      'Bahay Pag-asa',
      'Cebuano',
      'Password last set',
      'The password opens the organisation',
      'contact log',
      'Actions they performed',
      'AR-2026-0042',
      'Amihan Reyes',
    ])
      expect(preview).toHaveTextContent(text);
    // An account has no period: the header says on which day what it holds was held.
    expect(preview).toHaveTextContent('All records held on 11/29/2026');
    expect(preview).not.toHaveTextContent('Period:');
    await expectNoAxeViolations();
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }));
    await screen.findByText(/^Saved staffAccessRequest-report-2025-01-10-2026-11-29\.pdf\.$/);
    expect(bridge.inputsOf('reports.recordStaffAccessRequestOutput')).toEqual([
      { userId: IDS.caseworker, output: 'pdf', language: 'en' },
    ]);
    expect(bridge.countOf('reports.recordOutput')).toBe(0);
    expect(bridge.outputs[0]!.content).toContain('Bayani Cruz');
  });

  it('is not offered to a coordinator', async () => {
    const bridge = new FakeBridge()
      .ok('app.status', unlocked(coordinatorSession()))
      .ok('shelters.names', SHELTER_NAMES);
    renderApp(bridge, { route: '/reports' });
    const kinds = await screen.findByLabelText('Report');
    expect(kinds.textContent).not.toContain('a staff member');
  });
});
