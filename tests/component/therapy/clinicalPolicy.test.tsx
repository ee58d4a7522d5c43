// The administrator's clinical-records policy with a fake backend: the form shows the saved
// policy and sends the changed one whole; importing an instrument names a refused definition at
// its field and keeps the pasted text, and a good one empties the box.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLINICAL_POLICY, type ClinicalPolicy } from '../../../shared/therapy/notes';
import type { Instrument } from '../../../shared/therapy/measures';
import { casesBridge } from '../support/children';
import { ERR, session } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const band = (level: 'normal' | 'probable', from: number, to: number) => ({ level, from, to });
const INSTRUMENT: Instrument = {
  code: 'ORG.MOOD-1',
  version: 1,
  name: 'Fictional mood check',
  informants: ['self'],
  ageRange: { min: 7, max: 17 },
  subscales: [{ key: 'mood', label: 'Mood', items: 5, itemMin: 0, itemMax: 2, inTotal: true }],
  norms: [
    {
      key: 'standard',
      label: 'Standard cut-off',
      country: 'any',
      informants: ['self'],
      bands: [band('normal', 0, 5), band('probable', 6, 10)],
    },
    {
      key: 'local',
      label: 'Local cut-off',
      country: 'PH',
      informants: ['self'],
      bands: [band('normal', 0, 6), band('probable', 7, 10)],
    },
  ],
  builtIn: false,
  total: { min: 0, max: 10 },
};

const admin = () =>
  casesBridge(session())
    .ok('notes.policy', DEFAULT_CLINICAL_POLICY)
    .ok('measures.instruments', [INSTRUMENT]);
const route = '/clinical-policy';

describe('the clinical records policy', () => {
  it('shows the saved policy and saves the changed one whole', async () => {
    const bridge = admin().ok('notes.setPolicy', (input) => input as ClinicalPolicy);
    const { user } = renderApp(bridge, { route });
    const own = await screen.findByRole('radio', {
      name: 'Only the notes of children on their own caseload',
    });
    expect(own).toBeChecked();
    const norms = await screen.findByLabelText('Norms for Fictional mood check (version 1)');
    expect((norms as HTMLSelectElement).value).toBe('standard');

    await user.click(screen.getByRole('radio', { name: "Every therapist's notes" }));
    await user.click(screen.getByRole('checkbox', { name: /^Coordinators may see/ }));
    await user.selectOptions(norms, 'Local cut-off');
    await user.click(screen.getByRole('button', { name: 'Save the policy' }));
    await screen.findByText('The policy is saved.');
    expect(bridge.inputsOf('notes.setPolicy')).toEqual([
      {
        therapistNoteAccess: 'allTherapists',
        coordinatorsSeeScoreTotals: true,
        normChoices: { 'ORG.MOOD-1': 'local' },
      },
    ]);
    await expectNoAxeViolations();
  });

  it('names a refused definition at its field and keeps the text, then imports a good one', async () => {
    const bridge = admin()
      .failOnce('measures.importInstrument', ERR.validation({ definition: 'measures.notJson' }))
      .ok('measures.importInstrument', INSTRUMENT);
    const { user } = renderApp(bridge, { route });
    const definition = (await screen.findByLabelText('Definition (JSON)')) as HTMLTextAreaElement;
    await user.click(definition);
    await user.paste('{ not json');
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(definition).toHaveAttribute('aria-invalid', 'true'));
    expect(definition).toHaveAccessibleDescription(/This is not valid JSON\./);
    expect(screen.getByText('Some fields need attention.')).toBeVisible();
    expect(definition.value).toBe('{ not json');
    await expectNoAxeViolations();

    await user.clear(definition);
    await user.paste(JSON.stringify(INSTRUMENT));
    await user.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('Fictional mood check, version 1, is imported.');
    expect(bridge.inputsOf('measures.importInstrument')[1]).toEqual({
      definition: JSON.stringify(INSTRUMENT),
    });
    expect(definition.value).toBe('');
    expect(definition).not.toHaveAttribute('aria-invalid');
  });
});
