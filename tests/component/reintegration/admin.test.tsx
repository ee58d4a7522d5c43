// The administrator's reintegration settings with a fake backend: the policy form shows the
// defaults, refuses an out-of-range value at its field, and saves the cadence, the Aftercare
// Outcomes schedule and the threshold; importing a definition from a file or pasted text names a
// refused one's problem and its place at the field, keeping the text.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReintegrationPolicy } from '../../../shared/reintegration/contract';
import { DEFAULT_VISIT_CADENCE } from '../../../shared/reintegration/monitoring';
import type { InstrumentEntry } from '../../../shared/reintegration/instruments';
import { casesBridge } from '../support/children';
import { session, unlocked } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const POLICY: ReintegrationPolicy = {
  assessmentMaxAgeDays: 90,
  visitCadence: [...DEFAULT_VISIT_CADENCE],
  outcomesFirstAfterMonths: 6,
  outcomesThenEveryMonths: 12,
  closureThreshold: null,
};
const INSTRUMENT = {
  code: 'ORG-FAM',
  version: 2,
  name: 'Fictional organisation family tool',
  kind: 'readiness',
  scale: [
    { value: 1, label: 'Low' },
    { value: 2, label: 'High' },
  ],
  domains: [
    {
      key: 'home',
      label: 'Home',
      scoring: 'mean',
      items: [{ key: 'safe', label: 'Safe', required: true, notKnownAllowed: false }],
    },
  ],
  overall: 'mean',
  bands: [{ key: 'all', label: 'All', atLeast: 1, notSafe: false }],
  builtIn: false,
} satisfies InstrumentEntry;

const admin = () =>
  casesBridge(session())
    .ok('app.status', unlocked(session()))
    .ok('reintegration.policy', POLICY)
    .ok('reintegration.instruments', []);
const route = '/reintegration/settings';

describe('reintegration settings', () => {
  it('refuses an out-of-range value at its field, then saves the policy', async () => {
    const bridge = admin().ok('reintegration.setPolicy', (input) => input as ReintegrationPolicy);
    const { user } = renderApp(bridge, { route });
    const form = await screen.findByRole('form', { name: 'Policy' }, { timeout: 5000 });
    const maxAge = within(form).getByLabelText(
      'Days an approved readiness assessment allows a discharge',
    );
    expect((maxAge as HTMLInputElement).value).toBe('90');
    await user.clear(maxAge);
    await user.type(maxAge, '0');
    await user.click(within(form).getByRole('button', { name: 'Save the policy' }));
    await waitFor(() => expect(maxAge.getAttribute('aria-invalid')).toBe('true'));
    expect(bridge.countOf('reintegration.setPolicy')).toBe(0);
    await expectNoAxeViolations();

    await user.clear(maxAge);
    await user.type(maxAge, '60');
    await user.click(within(form).getByRole('button', { name: 'Remove step 3' }));
    const until = within(form).getByLabelText('Step 2: until week or month');
    await user.clear(until);
    await user.type(until, '12');
    const firstAfter = within(form).getByLabelText(
      'Aftercare Outcomes: months after intake for the first follow-up',
    );
    await user.clear(firstAfter);
    await user.type(firstAfter, '3');
    await user.type(
      within(form).getByLabelText('Closure threshold: the score every domain must reach'),
      '3.5',
    );
    await user.click(within(form).getByRole('button', { name: 'Save the policy' }));
    // Weekly to week 8, then monthly to month 12: 8 + 10 visits.
    await screen.findByText('The policy was saved. A discharge now schedules 18 follow-up visits.');
    expect(bridge.inputsOf('reintegration.setPolicy')[0]).toEqual({
      assessmentMaxAgeDays: 60,
      visitCadence: [
        { unit: 'week', every: 1, until: 8 },
        { unit: 'month', every: 1, until: 12 },
      ],
      outcomesFirstAfterMonths: 3,
      outcomesThenEveryMonths: 12,
      closureThreshold: 3.5,
    });
  });

  it('imports a definition from a file, and names a refused one’s problem and place', async () => {
    const bridge = admin()
      .failOnce('reintegration.importInstrument', {
        code: 'VALIDATION',
        message: 'validation',
        fields: { definition: 'reintegration.safetyNotRequired' },
        details: { path: 'domains.0.items.0.required' },
      })
      .ok('reintegration.importInstrument', INSTRUMENT);
    const { user } = renderApp(bridge, { route });
    const form = await screen.findByRole('form', { name: 'Import an instrument definition' });
    const text = JSON.stringify(INSTRUMENT);
    await user.upload(
      within(form).getByLabelText('Definition file (JSON)'),
      new File([text], 'org-fam.json', { type: 'application/json' }),
    );
    const definition = within(form).getByLabelText('Definition') as HTMLTextAreaElement;
    await waitFor(() => expect(definition.value).toBe(text), { timeout: 3000 });
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(definition.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('A safety item must be required.')).toBeTruthy();
    expect(
      within(form).getByText('The first problem is at: domains.0.items.0.required'),
    ).toBeTruthy();
    expect(definition.value).toBe(text);
    await expectNoAxeViolations();
    await user.click(within(form).getByRole('button', { name: 'Import' }));
    await screen.findByText('Imported Fictional organisation family tool (ORG-FAM version 2).');
    expect(bridge.inputsOf('reintegration.importInstrument')[1]).toEqual({ definition: text });
    expect(definition.value).toBe('');
  });
});
