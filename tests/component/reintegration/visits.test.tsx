// Follow-up visits with a fake backend: the case file lists the schedule and marks overdue
// visits; recording one asks for what is missing at its field, and a "worse" risk says urgent
// tasks were made; the Today screen lists overdue visits with a link to each case file, or says
// that none is due or that the list could not be read.
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AftercareVisit } from '../../../shared/reintegration/contract';
import { invalidate } from '../../../renderer/api/queries';
import { CHILD_IDS, caseFile, casesBridge, childRecord } from '../support/children';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { SIDS } from '../support/shelters';

const VISIT = '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f01';
const visits: AftercareVisit[] = [
  { id: VISIT, childId: CHILD_IDS.maria, dueOn: '2020-01-07', record: null },
  {
    id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f02',
    childId: CHILD_IDS.maria,
    dueOn: '2020-01-01',
    record: {
      visitedOn: '2020-01-01',
      visitedBy: 'Bayani Cruz',
      childSeen: true,
      seenAlone: true,
      safetyChecks: { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true },
      schoolAttendance: 'regular',
      observations: '',
      riskChange: 'same',
      followUp: '',
    },
  },
  {
    id: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f03',
    childId: CHILD_IDS.maria,
    dueOn: '2999-01-01',
    record: null,
  },
];

describe('follow-up visits', () => {
  it('lists the schedule, marks the overdue, and records a visit with a worse risk', async () => {
    const bridge = casesBridge()
      .ok('reintegration.visits', visits)
      .ok('reintegration.recordVisit', (input) => ({ ...visits[0]!, record: null, id: input.id }));
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const section = await screen.findByRole('region', { name: 'Follow-up visits' });
    const overdue = await within(section).findByRole('row', { name: /01\/07\/2020/ });
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(within(section).getByRole('row', { name: /12\/31\/2998|01\/01\/2999/ })).toBeTruthy();
    expect(within(section).getAllByRole('button', { name: /^Record the visit due/ })).toHaveLength(
      2,
    );

    await user.click(
      within(section).getByRole('button', { name: 'Record the visit due 01/07/2020' }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Visit due 01/07/2020' });
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Save the visit' }));
    const school = within(dialog).getByLabelText('School attendance');
    expect(school.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.countOf('reintegration.recordVisit')).toBe(0);
    await user.selectOptions(school, 'Irregular');
    await user.selectOptions(within(dialog).getByLabelText('Risk since the last visit'), 'Worse');
    await user.type(within(dialog).getByLabelText('Observations'), 'Fictional: uncle visits often');
    await user.click(within(dialog).getByRole('button', { name: 'Save the visit' }));
    await screen.findByText(
      'The visit was recorded. Urgent tasks were added for the caseworker and the coordinator.',
    );
    expect(bridge.inputsOf('reintegration.recordVisit')[0]).toMatchObject({
      id: VISIT,
      childSeen: true,
      schoolAttendance: 'irregular',
      riskChange: 'worse',
      observations: 'Fictional: uncle visits often',
      safetyChecks: { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true },
    });
  });

  it('lists the visits a discharge scheduled once the case file comes back with the new status', async () => {
    const bridge = casesBridge().ok('reintegration.visits', []);
    const { queryClient } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    const section = await screen.findByRole('region', { name: 'Follow-up visits' });
    await within(section).findByText(/^No follow-up visits are scheduled\./);
    // The discharge (a placement write) marks only the case file stale, as the placement panel does.
    bridge
      .ok('children.get', caseFile({ child: { ...childRecord(), status: 'aftercare' } }))
      .ok('reintegration.visits', visits);
    await invalidate(queryClient, ['children.get']);
    expect(
      await within(section).findByRole('button', { name: 'Record the visit due 01/07/2020' }),
    ).toBeTruthy();
  });

  it('the Today screen lists overdue visits, each linking to the case file', async () => {
    const bridge = casesBridge().ok('reintegration.overdueVisits', {
      items: [
        {
          id: VISIT,
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          alias: 'M.S.R.',
          dueOn: '2020-01-07',
          daysOverdue: 12,
        },
      ],
      total: 1,
    });
    renderApp(bridge, { route: '/today' });
    const panel = await screen.findByRole('region', { name: 'Follow-up visits overdue 1 item' });
    const link = await within(panel).findByRole('link', {
      name: 'Open the case file of AR-2026-0042',
    });
    expect(link.getAttribute('href')).toBe(`#/cases/${CHILD_IDS.maria}`);
    // The alias stands beside the case code, as in every list; never the child's initials.
    expect(link).toHaveTextContent('AR-2026-0042 M.S.R.');
    expect(within(panel).getByText('12')).toBeTruthy();
    await expectNoAxeViolations();
  });

  it('the Today screen lists Aftercare Outcomes due, overdue or soon, each linking to the case file', async () => {
    const bridge = casesBridge().ok('reintegration.outcomesDue', {
      items: [
        {
          childId: CHILD_IDS.maria,
          caseCode: 'AR-2026-0042',
          alias: 'M.S.R.',
          administration: 0,
          dueOn: '2020-01-07',
          daysOverdue: 12,
        },
        {
          childId: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5f09',
          caseCode: 'AR-2026-0043',
          alias: 'J.B.T.',
          administration: 2,
          dueOn: '2020-02-01',
          daysOverdue: -13,
        },
      ],
      total: 2,
    });
    renderApp(bridge, { route: '/today' });
    const panel = await screen.findByRole('region', {
      name: 'Aftercare Outcomes assessments due 2 items',
    });
    const first = await within(panel).findByRole('row', { name: /AR-2026-0042/ });
    expect(within(first).getByText('At intake')).toBeTruthy();
    expect(within(first).getByText('12 days overdue')).toBeTruthy();
    const second = within(panel).getByRole('row', { name: /AR-2026-0043/ });
    expect(within(second).getByText('Follow-up 2')).toBeTruthy();
    expect(within(second).getByText('In 13 days')).toBeTruthy();
    expect(
      within(panel)
        .getByRole('link', { name: 'Open the case file of AR-2026-0042' })
        .getAttribute('href'),
    ).toBe(`#/cases/${CHILD_IDS.maria}`);
    await expectNoAxeViolations();
  });

  it('a Today panel shows ten at a time with the true count, and follows the shelter filter', async () => {
    const visits = Array.from({ length: 12 }, (_, i) => ({
      id: `0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b6${String(i).padStart(3, '0')}`,
      childId: CHILD_IDS.maria,
      caseCode: `AR-2026-${String(100 + i).padStart(4, '0')}`,
      alias: 'M.S.R.',
      dueOn: '2020-01-07',
      daysOverdue: 12,
    }));
    const bridge = casesBridge().ok(
      'reintegration.overdueVisits',
      ({ offset = 0, limit = 10 }) => ({
        items: visits.slice(offset, offset + limit),
        total: visits.length,
      }),
    );
    const { user } = renderApp(bridge, { route: `/today?shelter=${SIDS.pagasa}` });
    const panel = await screen.findByRole('region', { name: 'Follow-up visits overdue 12 items' });
    // A header row and ten cases.
    expect(await within(panel).findAllByRole('row')).toHaveLength(11);
    expect(within(panel).getByRole('status')).toHaveTextContent('Showing 1–10 of 12.');
    expect(within(panel).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(within(panel).getByRole('button', { name: 'Next page' }));
    expect(await within(panel).findByText('Showing 11–12 of 12.')).toBeVisible();
    expect(within(panel).getAllByRole('row')).toHaveLength(3);
    expect(within(panel).getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect(bridge.inputsOf('reintegration.overdueVisits')).toEqual([
      { shelterId: SIDS.pagasa, offset: 0, limit: 10 },
      { shelterId: SIDS.pagasa, offset: 10, limit: 10 },
    ]);
    await expectNoAxeViolations();
  });

  it('a Today panel says when nothing is due, and says so when its list cannot be read', async () => {
    const bridge = casesBridge().fail('reintegration.overdueVisits', {
      code: 'INTERNAL',
      message: 'internal',
    });
    renderApp(bridge, { route: '/today' });
    const overdue = await screen.findByRole('region', { name: /^Follow-up visits overdue/ });
    expect(await within(overdue).findByRole('alert')).toHaveTextContent(
      'Something went wrong. Nothing was changed. Try again.',
    );
    expect(within(overdue).queryByRole('table')).toBeNull();
    const due = await screen.findByRole('region', {
      name: 'Aftercare Outcomes assessments due 0 items',
    });
    expect(
      await within(due).findByText('No Aftercare Outcomes assessment is due in the next 30 days.'),
    ).toBeVisible();
    expect(within(due).queryByRole('table')).toBeNull();
    await expectNoAxeViolations();
  });
});
