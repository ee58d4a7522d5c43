import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { caseworkerSession } from '../support/fixtures';
import { caseFile, casesBridge } from '../support/children';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { THERAPY_IDS, plan, therapyBridge, therapySession } from '../support/therapy';

const CHILD_ROUTE = `/therapy/children/${THERAPY_IDS.child}`;
const SESSION = 'Wed 12/02/2026, 9:00 AM – 10:00 AM';

describe('One session', () => {
  it('says the sessions are loading while they load, then lists them', async () => {
    const bridge = therapyBridge();
    const history = bridge.defer('therapy.history');
    renderApp(bridge, { route: CHILD_ROUTE });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Sessions' });
    const panel = within(heading.closest('section')!);
    expect(panel.getByRole('status')).toHaveTextContent('Loading…');
    history.resolve([]);
    expect(await panel.findByText('No sessions yet.')).toBeVisible();
    expect(panel.queryByRole('status')).toBeNull();
  });

  it('lands a therapist on Today with the day’s sessions', async () => {
    renderApp(therapyBridge(), { route: '/' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Therapy today' })).toBeVisible();
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Today, 12/02/2026: 1 session' }),
    ).toBeVisible();
    expect(screen.getByRole('cell', { name: 'AR-2026-0042 M.C.' })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows on Today the notes still to sign and the concerns still open, each a link to its note', async () => {
    const bridge = therapyBridge()
      .ok('notes.toSign', [
        {
          sessionId: THERAPY_IDS.session1,
          startAt: '2026-12-01T01:00:00.000Z',
          endAt: '2026-12-01T02:00:00.000Z',
          sessionStatus: 'attended',
          therapist: { id: THERAPY_IDS.otherTherapist, displayName: 'Luningning Santos' },
          noteId: THERAPY_IDS.series,
          noteStatus: 'draft',
          signedAt: null,
          readable: true,
        },
      ])
      .ok('notes.openFlags', [
        {
          id: THERAPY_IDS.caregiver,
          noteId: THERAPY_IDS.plan,
          childId: THERAPY_IDS.child,
          kind: 'selfHarm',
          raisedBy: { id: THERAPY_IDS.otherTherapist, displayName: 'Luningning Santos' },
          raisedAt: '2026-11-30T03:00:00.000Z',
          taskId: THERAPY_IDS.session2,
          caseCode: 'AR-2026-0042',
          initials: 'M.C.',
        },
      ]);
    renderApp(bridge, { route: '/therapy/today' });
    const toSign = await screen.findByRole('region', { name: 'Notes still to sign' });
    expect(
      await within(toSign).findByRole('link', { name: /^Draft note of the session on/ }),
    ).toHaveAttribute('href', `#/clinical/note/${THERAPY_IDS.series}`);
    const flags = screen.getByRole('region', { name: 'Concerns to follow up' });
    expect(
      await within(flags).findByRole('link', { name: /^Self-harm risk for AR-2026-0042 M.C./ }),
    ).toHaveAttribute('href', `#/clinical/note/${THERAPY_IDS.plan}`);
    await expectNoAxeViolations();
  });

  it('lists the coming sessions, the next first, apart from the past ones', async () => {
    const at = (day: string) => ({
      startAt: `${day}T01:00:00.000Z`,
      endAt: `${day}T02:00:00.000Z`,
    });
    const bridge = therapyBridge().ok('therapy.history', [
      therapySession({ id: THERAPY_IDS.session2, ...at('2099-01-09') }),
      therapySession({ ...at('2099-01-02') }),
      therapySession({ id: THERAPY_IDS.series, ...at('2020-01-02'), status: 'attended' }),
    ]);
    renderApp(bridge, { route: CHILD_ROUTE });
    const coming = await screen.findByRole('table', { name: 'Coming sessions, the next first' });
    const past = screen.getByRole('table', { name: 'Past sessions, the latest first' });
    const dates = (table: HTMLElement) =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0]!.textContent);
    expect(dates(coming)).toEqual([
      expect.stringContaining('01/02/2099'),
      expect.stringContaining('01/09/2099'),
    ]);
    expect(dates(past)).toEqual([expect.stringContaining('01/02/2020')]);
    await expectNoAxeViolations();
  });

  it('records attendance and the PRACTICE components the session covered', async () => {
    const bridge = therapyBridge().ok(
      'therapy.recordSession',
      therapySession({ status: 'attended', components: ['trauma_narrative'] }),
    );
    const { user } = renderApp(bridge, { route: CHILD_ROUTE });
    await user.click(await screen.findByRole('button', { name: `Attendance for ${SESSION}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Attendance' });
    // A missed session needs a reason; nothing is sent without one.
    await user.click(within(dialog).getByRole('radio', { name: 'No-show' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save attendance' }));
    expect(within(dialog).getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByText('Say why the session did not take place.')).toBeVisible();
    expect(bridge.countOf('therapy.recordSession')).toBe(0);

    await user.click(within(dialog).getByRole('radio', { name: 'Attended' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Trauma narrative' })).toBeChecked();
    await expectNoAxeViolations();
    await user.click(within(dialog).getByRole('button', { name: 'Save attendance' }));
    expect(await screen.findByText('Attendance was saved.')).toBeVisible();
    expect(bridge.inputsOf('therapy.recordSession')).toEqual([
      { sessionId: THERAPY_IDS.session1, status: 'attended', components: ['trauma_narrative'] },
    ]);
  });

  it('cancels this and the following sessions of a series, with a reason', async () => {
    const bridge = therapyBridge().ok('therapy.cancelSessions', [
      therapySession({ status: 'cancelled' }),
      therapySession({ id: THERAPY_IDS.session2, status: 'cancelled' }),
    ]);
    const { user } = renderApp(bridge, { route: CHILD_ROUTE });
    await user.click(await screen.findByRole('button', { name: `Cancel ${SESSION}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Cancel the session' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the session' }));
    expect(within(dialog).getByLabelText('Reason for the cancellation')).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await user.click(
      within(dialog).getByRole('radio', { name: 'This and the following sessions' }),
    );
    await user.selectOptions(
      within(dialog).getByLabelText('Who cancelled'),
      'Cancelled by the clinician',
    );
    await user.type(within(dialog).getByLabelText('Reason for the cancellation'), 'Training week.');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the session' }));
    expect(await screen.findByText('2 sessions were cancelled.')).toBeVisible();
    expect(bridge.inputsOf('therapy.cancelSessions')).toEqual([
      {
        sessionId: THERAPY_IDS.session1,
        scope: 'following',
        status: 'clinician_cancelled',
        reason: 'Training week.',
      },
    ]);
  });

  it('moves one session, and names the clash when the new time is taken', async () => {
    const bridge = therapyBridge().failOnce('therapy.editSessions', {
      code: 'CONFLICT',
      message: 'therapy.conflict',
      details: {
        clash: 'roomBusy',
        date: '2026-12-03',
        startAt: '2026-12-03T01:00:00.000Z',
        endAt: '2026-12-03T02:00:00.000Z',
        caseCode: null,
        room: 'Sampaguita',
      },
    });
    const { user } = renderApp(bridge, { route: CHILD_ROUTE });
    await user.click(await screen.findByRole('button', { name: `Change ${SESSION}` }));
    const dialog = await screen.findByRole('dialog', { name: 'Change or move the session' });
    expect(within(dialog).getByLabelText('Start time')).toHaveValue('09:00');
    expect(within(dialog).getByLabelText('Length (minutes)')).toHaveValue(60);
    await user.clear(within(dialog).getByLabelText('Date'));
    await user.type(within(dialog).getByLabelText('Date'), '2026-12-03');
    await user.click(within(dialog).getByRole('button', { name: 'Save the change' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Refused: The room Sampaguita is taken from 9:00 AM – 10:00 AM.',
    );
    expect(bridge.inputsOf('therapy.editSessions')[0]).toMatchObject({
      sessionId: THERAPY_IDS.session1,
      scope: 'one',
      date: '2026-12-03',
      startTime: '09:00',
      durationMinutes: 60,
      room: 'Sampaguita',
    });
  });

  it('shows the case team the plan and attendance in the case file, and no way to change them', async () => {
    const bridge = casesBridge(caseworkerSession())
      .ok('children.get', caseFile())
      .ok('therapy.plans', [plan()])
      .ok('therapy.history', [
        therapySession({ status: 'attended', components: ['trauma_narrative'] }),
      ]);
    renderApp(bridge, { route: `/cases/${caseFile().child.id}` });
    const heading = await screen.findByRole('heading', { level: 2, name: 'Therapy' });
    const section = heading.closest('section')!;
    expect(
      await within(section).findByText('Phase 2 — trauma narrative, session 7 of 14'),
    ).toBeVisible();
    expect(within(section).getByRole('cell', { name: 'Attended' })).toBeVisible();
    expect(within(section).queryByRole('button', { name: /Attendance|Change|Cancel/ })).toBeNull();
    expect(bridge.calls.some((c) => c.name.startsWith('notes.'))).toBe(false);
    await expectNoAxeViolations();
  });
});
