// A therapist's intake accounts screen: listed after her own screens (her home stays her
// caseload); the accounts of children in her scope, never their content until one is opened; a
// child on her caseload opens directly, any other after a reason in a dialog, by keyboard; a
// loading line while the list is asked for.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { therapyBridge } from '../support/therapy';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, intakeAccount, intakeSummary } from '../support/children';

const ROWS = [
  {
    childId: CHILD_IDS.maria,
    caseCode: 'AR-2026-0042',
    alias: 'M.S.',
    summary: intakeSummary(),
  },
  {
    childId: CHILD_IDS.jun,
    caseCode: 'AR-2026-0043',
    alias: 'R.T.L.',
    summary: intakeSummary({
      heldWhere: 'affidavit',
      reference: 'Fictional affidavit A-9',
      reasonNeeded: true,
    }),
  },
];

describe('a therapist’s intake accounts', () => {
  it('opens a caseload child’s account directly, and asks a reason for any other', async () => {
    const bridge = therapyBridge()
      .ok('intake.accounts', ROWS)
      .ok('intake.open', intakeAccount({ account: 'Fictional account text' }));
    const { user } = renderApp(bridge, { route: '/intake-accounts' });
    await screen.findByRole('heading', { level: 1, name: 'Intake accounts' });
    expect(screen.getByText(/Do not interview the child again/)).toBeVisible();
    expect(screen.queryByText('Fictional account text')).toBeNull();

    await user.selectOptions(await screen.findByLabelText('Child'), 'AR-2026-0042 (M.S.)');
    const first = screen.getByRole('region', { name: 'Intake account of AR-2026-0042 (M.S.)' });
    expect(within(first).getByText('Video recording')).toBeVisible();
    await user.click(within(first).getByRole('button', { name: 'Open intake account' }));
    expect(await within(first).findByText('Fictional account text')).toBeVisible();
    expect(bridge.inputsOf('intake.open')).toEqual([{ childId: CHILD_IDS.maria }]);
    // A therapist signs no addenda.
    expect(within(first).queryByRole('button', { name: /addendum/i })).toBeNull();
    await expectNoAxeViolations();

    await user.selectOptions(screen.getByLabelText('Child'), 'AR-2026-0043 (R.T.L.)');
    const second = screen.getByRole('region', { name: 'Intake account of AR-2026-0043 (R.T.L.)' });
    expect(within(second).getByText('Fictional affidavit A-9')).toBeVisible();
    expect(within(second).queryByText('Fictional account text')).toBeNull();
    within(second).getByRole('button', { name: 'Open intake account' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Why do you open the intake account?',
    });
    within(dialog).getByLabelText('Reason').focus();
    await user.keyboard('Fictional: preparing a conjoint session');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(bridge.countOf('intake.open')).toBe(2));
    expect(bridge.inputsOf('intake.open')[1]).toEqual({
      childId: CHILD_IDS.jun,
      reason: 'Fictional: preparing a conjoint session',
    });
    expect(await within(second).findByText('Fictional account text')).toBeVisible();
  });

  it('is in her navigation, but not her home', async () => {
    const bridge = therapyBridge().ok('intake.accounts', []);
    const { user } = renderApp(bridge, { route: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links[0]).not.toHaveTextContent('Intake accounts');
    await user.click(within(nav).getByRole('link', { name: 'Intake accounts' }));
    expect(
      await screen.findByText('No child you may see has an intake account recorded.'),
    ).toBeVisible();
  });

  it('says it is loading while the accounts are asked for', async () => {
    const bridge = therapyBridge();
    const accounts = bridge.defer('intake.accounts');
    renderApp(bridge, { route: '/intake-accounts' });
    await screen.findByRole('heading', { level: 1, name: 'Intake accounts' });
    expect(await screen.findByText('Loading…')).toBeVisible();
    accounts.resolve(ROWS);
    expect(await screen.findByLabelText('Child')).toBeVisible();
    expect(screen.queryByText('Loading…')).toBeNull();
  });
});
