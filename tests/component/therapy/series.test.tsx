import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  CHILD,
  THERAPIST,
  THERAPY_IDS,
  occurrence,
  therapyBridge,
  therapySession,
} from '../support/therapy';

const CHILD_ROUTE = `/therapy/children/${THERAPY_IDS.child}`;
const WEEKS = ['2026-12-02', '2026-12-09', '2026-12-16', '2026-12-23'];

async function openSeries(bridge = therapyBridge()) {
  const app = renderApp(bridge, { route: CHILD_ROUTE });
  await app.user.click(await screen.findByRole('button', { name: 'Schedule a series' }));
  const dialog = await screen.findByRole('dialog', { name: 'Schedule a series' });
  const { user } = app;
  await user.type(within(dialog).getByLabelText('First date'), '2026-12-02');
  await user.type(within(dialog).getByLabelText('Start time'), '09:00');
  await user.clear(within(dialog).getByLabelText('Number of sessions'));
  await user.type(within(dialog).getByLabelText('Number of sessions'), '4');
  await user.click(within(dialog).getByRole('checkbox', { name: 'Trauma narrative' }));
  return { ...app, bridge, dialog };
}

describe('Schedule a series', () => {
  it('lists every clashing occurrence, books nothing until each is skipped or moved, then books the rest', async () => {
    const bridge = therapyBridge()
      .ok('therapy.checkSeries', [
        occurrence(WEEKS[0]!),
        occurrence(WEEKS[1]!, {
          conflicts: [
            {
              kind: 'childBusy',
              startAt: '2026-12-09T00:30:00.000Z',
              endAt: '2026-12-09T01:30:00.000Z',
              child: CHILD,
              room: null,
              leaveKind: null,
            },
          ],
        }),
        occurrence(WEEKS[2]!, { warnings: ['softRule.therapy.nearTestimony'] }),
        occurrence(WEEKS[3]!),
      ])
      .ok('therapy.createSeries', { seriesId: THERAPY_IDS.series, sessions: [therapySession()] });
    const { user, dialog } = await openSeries(bridge);
    // Wednesday, the first date's weekday, is ticked for the user.
    expect(within(dialog).getByRole('checkbox', { name: 'Wednesday' })).toBeChecked();

    await user.click(within(dialog).getByRole('button', { name: 'Check the dates' }));
    expect(await within(dialog).findByText('1 refused, 1 with a warning.')).toBeVisible();
    expect(
      within(dialog).getByText('AR-2026-0042 M.C. already has a session from 8:30 AM – 9:30 AM.'),
    ).toBeVisible();
    // Named at the date, and again above the reason it asks for.
    expect(within(dialog).getAllByText(/close to the child's court testimony/)).toHaveLength(2);
    expect(bridge.inputsOf('therapy.checkSeries')[0]).toMatchObject({
      therapistId: THERAPIST.id,
      planId: THERAPY_IDS.plan,
      childIds: [THERAPY_IDS.child],
      startDate: '2026-12-02',
      startTime: '09:00',
      weekdays: [3],
      intervalWeeks: 1,
      end: { kind: 'count', count: 4 },
      plannedComponents: ['trauma_narrative'],
    });
    await expectNoAxeViolations();

    // A refused date blocks booking until it is skipped or moved.
    await user.click(within(dialog).getByRole('button', { name: 'Book 4 sessions' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent(
      '1 date is refused: skip it or move it.',
    );
    expect(bridge.countOf('therapy.createSeries')).toBe(0);
    await user.click(within(dialog).getByRole('button', { name: /^Skip Wed 12\/09\/2026/ }));

    // The warned date needs a typed reason…
    await user.click(within(dialog).getByRole('button', { name: 'Book 3 sessions' }));
    expect(within(dialog).getByLabelText('Reason for going ahead')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(bridge.countOf('therapy.createSeries')).toBe(0);
    // …or moves away from the testimony.
    await user.click(within(dialog).getByRole('button', { name: /^Move Wed 12\/16\/2026/ }));
    bridge.okOnce('therapy.checkSeries', [occurrence('2026-12-19')]);
    bridge.ok('therapy.schedule', therapySession({ id: THERAPY_IDS.session2 }));
    await user.clear(within(dialog).getByLabelText('New date'));
    await user.type(within(dialog).getByLabelText('New date'), '2026-12-19');
    await user.type(within(dialog).getByLabelText('New start time'), '10:00');
    await user.click(within(dialog).getByRole('button', { name: 'Move here' }));
    expect(await within(dialog).findByText('Moved to Sat 12/19/2026 10:00 AM')).toBeVisible();
    expect(within(dialog).queryByLabelText('Reason for going ahead')).toBeNull();

    await user.click(within(dialog).getByRole('button', { name: 'Book 3 sessions' }));
    expect(await screen.findByText('2 sessions were booked.')).toBeVisible();
    expect(bridge.inputsOf('therapy.createSeries')[0]).toMatchObject({
      skipDates: ['2026-12-09', '2026-12-16'],
    });
    expect(bridge.inputsOf('therapy.createSeries')[0]).not.toHaveProperty('overrideReason');
    expect(bridge.inputsOf('therapy.schedule')[0]).toMatchObject({
      childIds: [THERAPY_IDS.child],
      startAt: '2026-12-19T02:00:00.000Z',
      plannedComponents: ['trauma_narrative'],
    });
  });

  it('refuses a move onto a booked slot and names the clash', async () => {
    const bridge = therapyBridge().ok('therapy.checkSeries', [
      occurrence(WEEKS[0]!, { warnings: ['softRule.therapy.nearTestimony'] }),
    ]);
    const { user, dialog } = await openSeries(bridge);
    await user.click(within(dialog).getByRole('button', { name: 'Check the dates' }));
    await user.click(await within(dialog).findByRole('button', { name: /^Move Wed 12\/02\/2026/ }));
    bridge.okOnce('therapy.checkSeries', [
      occurrence('2026-12-03', {
        conflicts: [
          {
            kind: 'therapistBusy',
            startAt: '2026-12-03T01:00:00.000Z',
            endAt: '2026-12-03T02:00:00.000Z',
            child: null,
            room: null,
            leaveKind: null,
          },
        ],
      }),
    ]);
    await user.clear(within(dialog).getByLabelText('New date'));
    await user.type(within(dialog).getByLabelText('New date'), '2026-12-03');
    await user.type(within(dialog).getByLabelText('New start time'), '09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Move here' }));
    expect(
      await within(dialog).findByText(
        'Refused: The therapist already has a session from 9:00 AM – 10:00 AM.',
      ),
    ).toBeVisible();
  });

  it('offers free slots and takes one as the series start', async () => {
    const bridge = therapyBridge()
      .ok('therapy.checkSeries', [occurrence(WEEKS[0]!)])
      .ok('therapy.findSlots', [
        { startAt: '2026-12-03T06:00:00.000Z', endAt: '2026-12-03T07:00:00.000Z' },
      ]);
    const { user, dialog } = await openSeries(bridge);
    await user.click(within(dialog).getByRole('button', { name: 'Check the dates' }));
    expect(await within(dialog).findByText('Every date is free.')).toBeVisible();
    await user.click(within(dialog).getByRole('button', { name: 'Find a free slot to start' }));
    await user.click(
      await within(dialog).findByRole('button', { name: 'Take Thu 12/03/2026, 2:00 PM – 3:00 PM' }),
    );
    expect(within(dialog).getByLabelText('First date')).toHaveValue('2026-12-03');
    expect(within(dialog).getByLabelText('Start time')).toHaveValue('14:00');
    expect(within(dialog).getByRole('checkbox', { name: 'Thursday' })).toBeChecked();
    // The rule changed: the old check no longer counts.
    expect(within(dialog).getByText(/changed since the last check/)).toBeVisible();
  });
});

describe('A group session', () => {
  const OTHER = { id: THERAPY_IDS.caregiver, caseCode: 'AR-2026-0051', initials: 'J.R.' };

  it('is booked with the other children chosen, and not without one', async () => {
    const bridge = therapyBridge()
      .ok('therapy.unplanned', { rows: [OTHER], total: 1 })
      .ok('therapy.schedule', therapySession({ kind: 'group', children: [CHILD, OTHER] }));
    const { user } = renderApp(bridge, { route: CHILD_ROUTE });
    await user.click(await screen.findByRole('button', { name: 'Schedule one session' }));
    const dialog = await screen.findByRole('dialog', { name: 'Schedule one session' });
    await user.selectOptions(within(dialog).getByLabelText('Kind of session'), 'Group');
    const others = await within(dialog).findByRole('group', {
      name: 'Other children in the group',
    });
    // The child whose plan this is is in the group already, so not offered again.
    expect(within(others).queryByRole('checkbox', { name: 'AR-2026-0042 M.C.' })).toBeNull();
    await user.type(within(dialog).getByLabelText('Date'), '2026-12-03');
    await user.type(within(dialog).getByLabelText('Start time'), '09:00');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(
      await within(others).findByText('A group session needs at least two children.'),
    ).toBeVisible();
    expect(bridge.countOf('therapy.schedule')).toBe(0);
    await user.click(within(others).getByRole('checkbox', { name: 'AR-2026-0051 J.R.' }));
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByText('The session was scheduled.')).toBeVisible();
    expect(bridge.inputsOf('therapy.schedule')[0]).toMatchObject({
      kind: 'group',
      childIds: [CHILD.id, OTHER.id],
    });
  });
});
