// The administrator's therapy rules with a fake backend: a value out of range is named at its
// field as soon as it is left, nothing is sent until it is fixed, and the saved rules are sent
// whole; a backend refusal lands at its field with the typed value kept.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_THERAPY_RULES, type TherapyRules } from '../../../shared/therapy/vocabulary';
import { casesBridge } from '../support/children';
import { ERR, session } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';

const route = '/therapy/rules';

describe('the therapy rules', () => {
  it('names an out-of-range value when it is left, then saves the rules whole', async () => {
    const bridge = casesBridge(session())
      .ok('therapy.rules', DEFAULT_THERAPY_RULES)
      .ok('therapy.saveRules', (input) => input as TherapyRules);
    const { user } = renderApp(bridge, { route });
    const days = await screen.findByLabelText('Days before or after the testimony');
    expect(days).toHaveValue(1);
    await user.clear(days);
    await user.type(days, '40');
    await user.tab();
    await waitFor(() => expect(days).toHaveAttribute('aria-invalid', 'true'));
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    expect(bridge.countOf('therapy.saveRules')).toBe(0);
    await expectNoAxeViolations();

    await user.clear(days);
    await user.type(days, '2');
    await user.click(screen.getAllByRole('checkbox', { name: 'Warn about this' })[2]!);
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('The therapy rules were saved.');
    expect(bridge.inputsOf('therapy.saveRules')).toEqual([
      {
        ...DEFAULT_THERAPY_RULES,
        nearTestimony: { enabled: true, days: 2 },
        therapistChange: { enabled: false },
      },
    ]);
  });

  it('puts a refusal at its field and keeps what was typed', async () => {
    const bridge = casesBridge(session())
      .ok('therapy.rules', DEFAULT_THERAPY_RULES)
      .fail('therapy.saveRules', ERR.validation({ 'tooManyPerWeek.max': 'outOfRange' }));
    const { user } = renderApp(bridge, { route });
    const max = await screen.findByLabelText('Most sessions a week');
    await user.clear(max);
    await user.type(max, '5');
    await user.click(screen.getByRole('button', { name: 'Save rules' }));
    await waitFor(() => expect(max).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('Some fields need attention.')).toBeVisible();
    expect(max).toHaveValue(5);
  });
});
