// The intake account as a reference: the reminder not to interview the child again, a reason
// asked of anyone outside the child's own team, and corrections only by signed addenda.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERR } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import {
  CHILD_IDS,
  caseFile,
  casesBridge,
  intakeAccount,
  intakeSummary,
} from '../support/children';

const ROUTE = `/cases/${CHILD_IDS.maria}`;

async function openIntakeSection(bridge: ReturnType<typeof casesBridge>) {
  const rendered = renderApp(bridge, { route: ROUTE });
  const heading = await screen.findByRole('heading', { level: 2, name: 'Intake account' });
  return { ...rendered, intake: within(heading.closest('section')!) };
}

describe('the intake account as a reference', () => {
  it('asks someone outside the child’s team for a reason first, by keyboard, and keeps it typed on an error', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ intakeAccount: intakeSummary({ reasonNeeded: true }) }))
      .ok('intake.open', intakeAccount({ account: null }));
    const { user, intake } = await openIntakeSection(bridge);
    expect(intake.getByText('Video recording')).toBeVisible();
    expect(intake.getByText('Video V-2026-014, WCPD Cebu')).toBeVisible();

    intake.getByRole('button', { name: 'Open intake account' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', {
      name: 'Why do you open the intake account?',
    });
    const d = within(dialog);
    // Nothing typed: refused at the field, nothing sent.
    d.getByLabelText('Reason').focus();
    await user.tab();
    await user.tab();
    expect(d.getByRole('button', { name: 'Open intake account' })).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(d.getByLabelText('Reason')).toHaveAttribute('aria-invalid', 'true'));
    expect(bridge.countOf('intake.open')).toBe(0);
    await expectNoAxeViolations();

    bridge.failOnce('intake.open', ERR.validation({ reason: 'intake.reasonRequired' }));
    d.getByLabelText('Reason').focus();
    await user.keyboard('Covering for her caseworker');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(d.getByLabelText('Reason')).toHaveAccessibleDescription(
        'Give the reason you open the intake account.',
      ),
    );
    expect(d.getByLabelText('Reason')).toHaveValue('Covering for her caseworker');

    d.getByLabelText('Reason').focus();
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(
      await intake.findByText('No free text was written: the account is held in the reference.'),
    ).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.inputsOf('intake.open').at(-1)).toEqual({
      childId: CHILD_IDS.maria,
      reason: 'Covering for her caseworker',
    });
  });

  it('the child’s own team opens it at once; a correction is a signed addendum, the account unchanged', async () => {
    const bridge = casesBridge()
      .ok('children.get', caseFile({ intakeAccount: intakeSummary({ addenda: 1 }) }))
      .ok(
        'intake.open',
        intakeAccount({
          addenda: [
            {
              id: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5ca0',
              text: 'Earlier correction',
              signedAt: '2026-03-02T02:00:00.000Z',
              signedByName: 'Bayani Cruz',
            },
          ],
        }),
      )
      .ok('intake.addAddendum', {
        id: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5ca1',
        text: 'The video number is V-2026-015.',
        signedAt: '2026-03-03T02:00:00.000Z',
        signedByName: 'Luningning Santos',
      });
    const { user, intake } = await openIntakeSection(bridge);
    expect(intake.getByText(/1 signed addendum\./)).toBeVisible();
    await user.click(intake.getByRole('button', { name: 'Open intake account' }));
    expect(await intake.findByText('Canary account text')).toBeVisible();
    expect(bridge.inputsOf('intake.open')).toEqual([{ childId: CHILD_IDS.maria }]);
    expect(intake.getByText('Earlier correction')).toBeVisible();
    expect(intake.getByText('Signed by Bayani Cruz, 03/02/2026 10:00 AM.')).toBeVisible();

    intake.getByRole('button', { name: 'Add a signed addendum' }).focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Add a signed addendum' });
    const d = within(dialog);
    d.getByLabelText('Correction').focus();
    await user.keyboard('The video number is V-2026-015.');
    // Not signed yet: refused at the box.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(d.getByRole('button', { name: 'Sign and add' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const sign = d.getByRole('checkbox', { name: /sign this addendum/ });
    await waitFor(() => expect(sign).toHaveAttribute('aria-invalid', 'true'));
    expect(sign).toHaveAccessibleDescription('Tick the box to sign the addendum.');
    expect(bridge.countOf('intake.addAddendum')).toBe(0);
    await expectNoAxeViolations();
    sign.focus();
    await user.keyboard(' ');
    await user.tab();
    await user.tab();
    await user.keyboard('{Enter}');
    expect(await intake.findByText('The signed addendum was added.')).toBeVisible();
    expect(bridge.inputsOf('intake.addAddendum')).toEqual([
      { childId: CHILD_IDS.maria, text: 'The video number is V-2026-015.', signed: true },
    ]);
    expect(intake.getByText('The video number is V-2026-015.')).toBeVisible();
    // The account itself is as it was, and was not asked for again.
    expect(intake.getByText('Canary account text')).toBeVisible();
    expect(bridge.countOf('intake.open')).toBe(1);
  });
});
