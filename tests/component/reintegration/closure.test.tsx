// Case closure in the case file with a fake backend: the conditions are named; a caseworker
// proposes with the four required texts (missing ones named at their fields, typed input kept);
// another coordinator approves or declines; a closed case is reopened with a reason; a case
// outside aftercare is proposed without monitoring's conditions; one still in care says what
// closure needs.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CaseClosure, ClosureState } from '../../../shared/reintegration/contract';
import { CHILD_IDS, casesBridge } from '../support/children';
import { caseworkerSession, session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const COORDINATOR = session({
  userId: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e02',
  displayName: 'Dalisay Lim',
  username: 'dalisay',
  role: 'coordinator',
});
const route = `/cases/${CHILD_IDS.maria}`;

const proposal = (overrides: Partial<CaseClosure> = {}): CaseClosure => ({
  id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e31',
  childId: CHILD_IDS.maria,
  status: 'proposed',
  reason: 'Fictional: the return has held for a year',
  closingNote: 'Fictional closing note',
  childView: 'Fictional words: I want to stay with Tita',
  familyView: 'Fictional: the aunt feels ready',
  proposedBy: caseworkerSession().userId,
  proposedByName: 'Bayani Cruz',
  proposedAt: '2026-11-20T02:00:00.000Z',
  decidedByName: null,
  decidedAt: null,
  declineComment: null,
  reopenReason: null,
  reopenedByName: null,
  reopenedAt: null,
  ...overrides,
});

const state = (overrides: Partial<ClosureState> = {}): ClosureState => ({
  monitored: true,
  canReopen: false,
  monitoringEnded: true,
  lastOutcomes: {
    id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5e32',
    approvedAt: '2026-11-01T02:00:00.000Z',
    meetsClosure: true,
  },
  canPropose: true,
  closures: [],
  ...overrides,
});

describe('case closure', () => {
  it('a caseworker proposes with the four texts, each missing one named at its field', async () => {
    const bridge = casesBridge()
      .ok('reintegration.closure', state())
      .ok('reintegration.proposeClosure', proposal());
    const { user } = renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    expect(within(section).getByText(/Monitoring has reached its end/)).toBeTruthy();
    expect(within(section).getByText(/meets the closure threshold/)).toBeTruthy();
    await user.click(within(section).getByRole('button', { name: 'Propose closing the case' }));
    const dialog = await screen.findByRole('dialog', { name: 'Propose closing the case' });
    await user.type(within(dialog).getByLabelText('Reason for closing'), 'Fictional reason');
    await user.click(within(dialog).getByRole('button', { name: 'Propose the closure' }));
    const note = within(dialog).getByLabelText('Closing note');
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(within(dialog).getAllByText('This is required.')).toHaveLength(3);
    expect((within(dialog).getByLabelText('Reason for closing') as HTMLInputElement).value).toBe(
      'Fictional reason',
    );
    expect(bridge.countOf('reintegration.proposeClosure')).toBe(0);
    await expectNoAxeViolations();
    await user.type(note, 'Fictional note');
    await user.type(
      within(dialog).getByLabelText("The child's view, in the child's own words"),
      'Fictional words',
    );
    await user.type(within(dialog).getByLabelText("The family's view"), 'Fictional view');
    await user.click(within(dialog).getByRole('button', { name: 'Propose the closure' }));
    await screen.findByText('The closure was proposed. A coordinator will review it.');
    expect(bridge.inputsOf('reintegration.proposeClosure')[0]).toEqual({
      childId: CHILD_IDS.maria,
      reason: 'Fictional reason',
      closingNote: 'Fictional note',
      childView: 'Fictional words',
      familyView: 'Fictional view',
    });
  });

  it('names why closure cannot be proposed yet', async () => {
    const bridge = casesBridge().ok(
      'reintegration.closure',
      state({ monitoringEnded: false, lastOutcomes: null, canPropose: false }),
    );
    renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    expect(await within(section).findByText(/Monitoring is still running/)).toBeTruthy();
    expect(
      within(section).getByText('No approved Aftercare Outcomes assessment yet.'),
    ).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Propose closing the case' })).toBeNull();
  });

  it('a case outside aftercare is proposed with no monitoring conditions shown', async () => {
    const bridge = casesBridge().ok(
      'reintegration.closure',
      state({ monitored: false, monitoringEnded: false, lastOutcomes: null }),
    );
    const { user } = renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    await within(section).findByRole('button', { name: 'Propose closing the case' });
    expect(within(section).queryByText(/Monitoring is still running/)).toBeNull();
    expect(within(section).queryByText(/Aftercare Outcomes/)).toBeNull();
    await user.click(within(section).getByRole('button', { name: 'Propose closing the case' }));
    expect(await screen.findByRole('dialog', { name: 'Propose closing the case' })).toBeTruthy();
  });

  it('a child still in care: one line says what closure needs, and nothing can be proposed', async () => {
    const bridge = casesBridge().ok(
      'reintegration.closure',
      state({ monitored: false, monitoringEnded: false, lastOutcomes: null, canPropose: false }),
    );
    renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    expect(await within(section).findByText(/closed after the child leaves care/)).toBeVisible();
    expect(within(section).queryByRole('button', { name: 'Propose closing the case' })).toBeNull();
  });

  it('a case that may be proposed does not say the child is still in care', async () => {
    const bridge = casesBridge().ok('reintegration.closure', state({ monitored: false }));
    renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    await within(section).findByRole('button', { name: 'Propose closing the case' });
    expect(within(section).queryByText(/closed after the child leaves care/)).toBeNull();
  });

  it('another coordinator approves, or declines with a comment; the proposer only waits', async () => {
    const pending = state({ canPropose: false, closures: [proposal()] });
    const bridge = casesBridge(COORDINATOR)
      .ok('app.status', unlocked(COORDINATOR))
      .ok('reintegration.closure', pending)
      .ok('reintegration.approveClosure', proposal({ status: 'approved' }))
      .ok('reintegration.declineClosure', proposal({ status: 'declined' }));
    const { user } = renderApp(bridge, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    const record = await within(section).findByRole('article', { name: 'Closure proposed' });
    expect(within(record).getByText('Fictional words: I want to stay with Tita')).toBeTruthy();
    await expectNoAxeViolations();
    await user.click(within(section).getByRole('button', { name: 'Decline the closure' }));
    const dialog = await screen.findByRole('dialog', { name: 'Decline the closure' });
    await user.type(within(dialog).getByLabelText('Why the case stays open'), 'One more visit');
    await user.click(within(dialog).getByRole('button', { name: 'Decline' }));
    await screen.findByText('The closure was declined. The case stays open.');
    expect(bridge.inputsOf('reintegration.declineClosure')[0]).toEqual({
      childId: CHILD_IDS.maria,
      comment: 'One more visit',
    });
    await user.click(within(section).getByRole('button', { name: 'Approve the closure' }));
    await screen.findByText('The case is closed.');
    expect(bridge.inputsOf('reintegration.approveClosure')[0]).toEqual({
      childId: CHILD_IDS.maria,
    });
  });

  it('the proposer sees it waiting; a closed case is reopened with a reason', async () => {
    const waiting = casesBridge().ok(
      'reintegration.closure',
      state({ canPropose: false, closures: [proposal()] }),
    );
    const first = renderApp(waiting, { route });
    const section = await screen.findByRole('region', { name: 'Case closure' });
    expect(
      await within(section).findByText('The closure proposal is waiting for another coordinator.'),
    ).toBeTruthy();
    expect(within(section).queryByRole('button', { name: 'Approve the closure' })).toBeNull();
    first.unmount();

    const closed = casesBridge()
      .ok(
        'reintegration.closure',
        state({
          monitored: false,
          canReopen: true,
          canPropose: false,
          closures: [proposal({ status: 'approved' })],
        }),
      )
      .ok('reintegration.reopenCase', state({ closures: [proposal({ status: 'reopened' })] }));
    const { user } = renderApp(closed, { route });
    const again = await screen.findByRole('region', { name: 'Case closure' });
    await user.click(await within(again).findByRole('button', { name: 'Reopen the case' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reopen the case' });
    await user.type(within(dialog).getByLabelText('Reason for reopening'), 'A new concern');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen' }));
    await screen.findByText('The case is reopened.');
    expect(closed.inputsOf('reintegration.reopenCase')[0]).toEqual({
      childId: CHILD_IDS.maria,
      reason: 'A new concern',
    });
    await expectNoAxeViolations();
  });
});
