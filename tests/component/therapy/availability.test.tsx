import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { IDS } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { therapyBridge } from '../support/therapy';

const EMPTY = { therapistId: IDS.therapist, hours: [], leave: [] };

describe('Hours and leave', () => {
  it('keeps a day off blank, refuses half a day at its row, and saves the week', async () => {
    const bridge = therapyBridge()
      .ok('therapy.availability', EMPTY)
      .ok('therapy.setHours', { ...EMPTY, hours: [{ weekday: 1, start: '08:00', end: '17:00' }] });
    const { user } = renderApp(bridge, { route: '/therapy/availability' });
    const monday = await screen.findByLabelText('Monday from');
    await expectNoAxeViolations();
    await user.type(monday, '08:00');
    await user.click(screen.getByRole('button', { name: 'Save hours' }));
    expect(screen.getByText('Give both times, or neither for a day off.')).toBeVisible();
    expect(screen.getByLabelText('Monday until')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('therapy.setHours')).toBe(0);

    await user.type(screen.getByLabelText('Monday until'), '17:00');
    await user.click(screen.getByRole('button', { name: 'Save hours' }));
    expect(await screen.findByText('The working hours were saved.')).toBeVisible();
    expect(bridge.inputsOf('therapy.setHours')).toEqual([
      { therapistId: IDS.therapist, hours: [{ weekday: 1, start: '08:00', end: '17:00' }] },
    ]);
  });

  it('adds leave in the vault’s time zone, and refuses an end before the start', async () => {
    const bridge = therapyBridge().ok('therapy.availability', EMPTY).ok('therapy.saveLeave', {
      id: IDS.newUser,
      therapistId: IDS.therapist,
      kind: 'leave',
      startAt: '2026-12-21T00:00:00.000Z',
      endAt: '2026-12-23T09:00:00.000Z',
      note: null,
    });
    const { user } = renderApp(bridge, { route: '/therapy/availability' });
    const form = (
      await screen.findByRole('heading', { name: 'Add leave or blocked time' })
    ).closest('form')!;
    const f = within(form);
    await user.type(f.getByLabelText('From date'), '2026-12-23');
    await user.type(f.getByLabelText('To date'), '2026-12-21');
    await user.click(f.getByRole('button', { name: 'Save' }));
    expect(f.getByLabelText('To date')).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('therapy.saveLeave')).toBe(0);

    await user.clear(f.getByLabelText('From date'));
    await user.type(f.getByLabelText('From date'), '2026-12-21');
    await user.clear(f.getByLabelText('To date'));
    await user.type(f.getByLabelText('To date'), '2026-12-23');
    await user.click(f.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The leave was saved.')).toBeVisible();
    expect(bridge.inputsOf('therapy.saveLeave')).toEqual([
      {
        therapistId: IDS.therapist,
        kind: 'leave',
        startAt: '2026-12-21T00:00:00.000Z',
        endAt: '2026-12-23T09:00:00.000Z',
      },
    ]);
  });
});
