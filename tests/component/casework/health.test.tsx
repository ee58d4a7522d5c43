// The case file's health section: absent for a viewer the backend sends no rows (null); adding a
// medicine, with a missing dose shown at its field and nothing sent, and only the chosen kind's
// fields sent; and the administrator's choice of the roles that may read it.
import { configure, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HealthRecord } from '../../../shared/casework/health';
import { session } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, caseFile, casesBridge } from '../support/children';

configure({ asyncUtilTimeout: 5000 });
const DIALOG_TEST_MS = 150_000;
const ROUTE = `/cases/${CHILD_IDS.maria}`;

const medicine: HealthRecord = {
  id: '01936f6e-0000-7000-8000-00000000d481',
  childId: CHILD_IDS.maria,
  kind: 'medicine',
  date: '2026-02-02',
  until: null,
  heldAt: null,
  checkedBy: null,
  medicine: 'Ferrous sulfate',
  dose: '1 tablet daily',
  philhealthNumber: null,
  philhealthCategory: null,
  note: null,
  recordedAt: '2026-02-02T01:00:00.000Z',
};

async function openFile(bridge: ReturnType<typeof casesBridge>) {
  const rendered = renderApp(bridge, { route: ROUTE });
  await screen.findByRole('heading', { level: 1, name: 'AR-2026-0042' });
  return rendered;
}

describe('health section', () => {
  it('is absent when the backend sends no health rows', async () => {
    await openFile(casesBridge().ok('children.get', caseFile({ health: null })));
    expect(screen.getByRole('heading', { level: 2, name: 'Education' })).toBeVisible();
    expect(screen.queryByRole('heading', { level: 2, name: 'Health' })).toBeNull();
  });

  it(
    'adds a medicine: a missing dose at its field, then only the medicine’s fields are sent',
    async () => {
      const bridge = casesBridge()
        .ok('children.get', caseFile({ health: [] }))
        .ok('health.save', medicine);
      const { user } = await openFile(bridge);
      const h2 = screen.getByRole('heading', { level: 2, name: 'Health' });
      const section = within(h2.closest('section')!);
      expect(section.getByText('No health records.')).toBeVisible();
      await user.click(section.getByRole('button', { name: 'Add a health record' }));
      const d = within(screen.getByRole('dialog', { name: 'Add a health record' }));
      // A check-up's doctor typed, then the kind changed: it is not sent.
      await user.selectOptions(d.getByLabelText('Kind of record'), 'Medical check-up');
      await user.type(d.getByLabelText('Checked by'), 'Dr. Abad');
      await user.selectOptions(d.getByLabelText('Kind of record'), 'Medicine');
      expect(d.queryByLabelText('Checked by')).toBeNull();
      await user.type(d.getByLabelText('Medicine'), 'Ferrous sulfate');
      await user.clear(d.getByLabelText('From'));
      await user.type(d.getByLabelText('From'), '2026-02-02');
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await d.findByText('This is required.')).toBeVisible();
      expect(d.getByLabelText('Dose')).toHaveAttribute('aria-invalid', 'true');
      expect(bridge.countOf('health.save')).toBe(0);
      expect(d.getByLabelText('Medicine')).toHaveValue('Ferrous sulfate');
      await user.type(d.getByLabelText('Dose'), '1 tablet daily');
      await expectNoAxeViolations();
      await user.click(d.getByRole('button', { name: 'Save' }));
      expect(await section.findByText('The health record was added.')).toBeVisible();
      expect(bridge.inputsOf('health.save')).toEqual([
        {
          childId: CHILD_IDS.maria,
          kind: 'medicine',
          medicine: 'Ferrous sulfate',
          dose: '1 tablet daily',
          date: '2026-02-02',
        },
      ]);
    },
    DIALOG_TEST_MS,
  );

  it('lists a record with its details', async () => {
    await openFile(casesBridge().ok('children.get', caseFile({ health: [medicine] })));
    const row = screen.getByRole('row', { name: /Ferrous sulfate/ });
    expect(row).toHaveTextContent('02/02/2026');
    expect(row).toHaveTextContent('Ferrous sulfate, 1 tablet daily, ongoing');
  });
});

describe('health records access (administrator)', () => {
  it(
    'shows the roles allowed and saves the ones ticked',
    async () => {
      const bridge = casesBridge(session())
        .ok('health.readers', { roles: ['coordinator'] })
        .ok('health.saveReaders', { roles: ['coordinator', 'therapist'] });
      const { user } = renderApp(bridge, { route: '/casework/health-readers' });
      const form = within(await screen.findByRole('form', { name: 'Health records access' }));
      expect(form.getByLabelText('Coordinator')).toBeChecked();
      expect(form.getByLabelText('Therapist')).not.toBeChecked();
      await user.click(form.getByLabelText('Therapist'));
      await user.click(form.getByRole('button', { name: 'Save' }));
      expect(await screen.findByText('Access to health records was saved.')).toBeVisible();
      expect(bridge.inputsOf('health.saveReaders')).toEqual([
        { roles: ['coordinator', 'therapist'] },
      ]);
      await expectNoAxeViolations();
    },
    DIALOG_TEST_MS,
  );
});
