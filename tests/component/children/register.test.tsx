import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { todayIn } from '../../../shared/time';
import { ERR, IDS } from '../support/fixtures';
import { expectNoAxeViolations, renderApp } from '../support/render';
import { CHILD_IDS, caseFile, casesBridge, childRecord } from '../support/children';

type User = ReturnType<typeof renderApp>['user'];

function registerForm() {
  return screen.getByRole('form', { name: 'Register a child' });
}

/** Everything but the birth fields. */
async function fillBasics(user: User) {
  const form = within(registerForm());
  await user.type(form.getByLabelText('Legal name'), 'Niño Santos');
  await user.type(form.getByLabelText('Preferred name'), 'Nonoy');
  await user.selectOptions(form.getByLabelText('Sex'), 'Male');
  const languages = form.getByLabelText('Languages');
  await user.type(languages, 'Cebuano{Enter}');
  await user.type(languages, 'Filipino');
  await user.click(form.getByRole('button', { name: 'Add language' }));
  await user.type(form.getByLabelText('Referral source'), 'WCPC Region 7');
  await user.type(form.getByLabelText('Referral date'), '2026-02-27');
  await user.type(form.getByLabelText('Rescue date'), '2026-02-28');
  await user.type(form.getByLabelText('Intake date'), '2026-03-01');
  await user.type(form.getByLabelText("Referring agency's reference"), 'WCPC-7-0193');
}

async function openRegister() {
  const bridge = casesBridge();
  const rendered = renderApp(bridge, { route: '/cases' });
  await rendered.user.click(await screen.findByRole('link', { name: 'Register a child' }));
  await screen.findByRole('heading', { level: 1, name: 'Register a child' });
  // The caseworker list has arrived (the caseworker is the default choice).
  await within(registerForm()).findByRole('option', { name: 'Luningning Santos (Coordinator)' });
  return { bridge, ...rendered };
}

describe('register a child', () => {
  it('shows the backend’s date-of-birth error at the field, and keeps everything typed', async () => {
    const { bridge, user } = await openRegister();
    bridge.failOnce('children.register', ERR.validation({ 'birth.dateOfBirth': 'date.future' }));
    await fillBasics(user);
    const form = within(registerForm());
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    await user.click(form.getByRole('button', { name: 'Register child' }));

    const dob = form.getByLabelText('Date of birth');
    await waitFor(() => expect(dob).toHaveAttribute('aria-invalid', 'true'));
    expect(dob).toHaveAccessibleDescription('This date is in the future.');
    expect(dob).toHaveFocus();
    expect(form.getByRole('alert')).toHaveTextContent('Some fields need attention.');
    // Nothing typed is lost.
    expect(dob).toHaveValue('2014-06-01');
    expect(form.getByLabelText('Legal name')).toHaveValue('Niño Santos');
    expect(form.getByLabelText('Preferred name')).toHaveValue('Nonoy');
    expect(form.getByLabelText('Sex')).toHaveValue('male');
    expect(form.getByLabelText('Referral source')).toHaveValue('WCPC Region 7');
    expect(form.getByLabelText('Intake date')).toHaveValue('2026-03-01');
    expect(form.getByLabelText('Assigned caseworker')).toHaveValue(IDS.caseworker);
    const chips = within(form.getByRole('list', { name: 'Languages added' })).getAllByRole(
      'listitem',
    );
    expect(chips.map((li) => li.querySelector('span')?.textContent)).toEqual([
      'Cebuano',
      'Filipino',
    ]);
    expect(bridge.inputsOf('children.register')).toEqual([
      {
        legalName: 'Niño Santos',
        preferredName: 'Nonoy',
        // Made up by the form, kept as suggested.
        alias: expect.stringMatching(/^([A-Z]\.){3}$/),
        birth: { kind: 'dob', dateOfBirth: '2014-06-01' },
        sex: 'male',
        languages: ['Cebuano', 'Filipino'],
        referralSource: 'WCPC Region 7',
        referralDate: '2026-02-27',
        intakeDate: '2026-03-01',
        rescueDate: '2026-02-28',
        referringAgencyRef: 'WCPC-7-0193',
        assignedCaseworkerId: IDS.caseworker,
      },
    ]);
  });

  it('refuses a future date of birth and a 10,000-character name before calling the backend', async () => {
    const { bridge, user } = await openRegister();
    await fillBasics(user);
    const form = within(registerForm());
    const name = form.getByLabelText('Legal name');
    await user.clear(name);
    await user.click(name);
    await user.paste('N'.repeat(10_000));
    await user.type(form.getByLabelText('Date of birth'), '2099-01-01');
    await user.click(form.getByRole('button', { name: 'Register child' }));

    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveAccessibleDescription(/This is too long\./);
    expect(name).toHaveFocus();
    expect(form.getByLabelText('Date of birth')).toHaveAccessibleDescription(
      'This date is in the future.',
    );
    expect(name).toHaveValue('N'.repeat(10_000));
    expect(bridge.countOf('children.register')).toBe(0);
  });

  it('refuses hidden direction, control and broken characters at the field, keeping what was typed', async () => {
    const { bridge, user } = await openRegister();
    await fillBasics(user);
    const form = within(registerForm());
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    // Pasted text: a right-to-left override makes "Santos Niño" print as "oñiN sotnaS".
    const typed = {
      'Legal name': 'Santos \u202ENiño',
      'Preferred name': 'Nonoy\u0000',
      'Referral source': 'WCPC \uD83D Region 7',
    };
    for (const [label, text] of Object.entries(typed)) {
      const input = form.getByLabelText(label);
      await user.clear(input);
      await user.click(input);
      await user.paste(text);
    }
    await user.click(form.getByRole('button', { name: 'Register child' }));

    const name = form.getByLabelText('Legal name');
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'));
    expect(name).toHaveFocus();
    expect(name).toHaveAccessibleDescription(
      /This contains a hidden character that changes the reading direction, so it could print differently from what is saved\. Delete that part and type it again\./,
    );
    expect(form.getByLabelText('Preferred name')).toHaveAccessibleDescription(
      /hidden control character/,
    );
    expect(form.getByLabelText('Referral source')).toHaveAccessibleDescription(
      /This contains a broken character \(half of an emoji or symbol\)\. Delete that part and type it again\./,
    );
    for (const [label, text] of Object.entries(typed))
      expect(form.getByLabelText(label)).toHaveValue(text);
    expect(bridge.countOf('children.register')).toBe(0);
  });

  it('shows a caseworker who is no longer on the list at the caseworker field', async () => {
    const { bridge, user } = await openRegister();
    bridge.failOnce('children.register', {
      code: 'NOT_FOUND',
      message: 'notFound',
      fields: { assignedCaseworkerId: 'notFound' },
    });
    await fillBasics(user);
    const form = within(registerForm());
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    await user.click(form.getByRole('button', { name: 'Register child' }));
    const caseworker = form.getByLabelText('Assigned caseworker');
    await waitFor(() => expect(caseworker).toHaveAttribute('aria-invalid', 'true'));
    expect(caseworker).toHaveAccessibleDescription(/That item was not found/);
    expect(form.getByLabelText('Legal name')).toHaveValue('Niño Santos');
  });

  it('says what is missing at each required field', async () => {
    const { bridge, user } = await openRegister();
    const form = within(registerForm());
    await user.click(form.getByRole('button', { name: 'Register child' }));
    for (const label of ['Legal name', 'Date of birth', 'Sex', 'Referral source', 'Intake date']) {
      expect(form.getByLabelText(label)).toHaveAccessibleDescription(/This is required\./);
    }
    expect(form.getByLabelText('Preferred name')).not.toHaveAttribute('aria-invalid');
    expect(bridge.countOf('children.register')).toBe(0);
  });

  it('sends an estimated age as the `estimated` birth, then opens the new case file with its code', async () => {
    const { bridge, user } = await openRegister();
    bridge
      .ok('children.register', { id: CHILD_IDS.created, caseCode: 'AR-2026-0043' })
      .ok(
        'children.get',
        caseFile({ child: childRecord({ id: CHILD_IDS.created, caseCode: 'AR-2026-0043' }) }),
      );
    await fillBasics(user);
    const form = within(registerForm());
    // A date typed first and then abandoned for an estimate is not sent.
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    await user.click(form.getByRole('radio', { name: 'Age is estimated' }));
    expect(form.queryByLabelText('Date of birth')).toBeNull();
    const today = todayIn(DEFAULT_SETTINGS.timeZone);
    expect(form.getByLabelText('Age estimated on')).toHaveValue(today);
    await user.type(form.getByLabelText('Estimated age (years)'), '9');
    await user.selectOptions(form.getByLabelText('Assigned caseworker'), 'Not assigned');
    await user.click(form.getByRole('button', { name: 'Register child' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'AR-2026-0043' })).toBeVisible();
    expect(screen.getByText('The child was registered with case code AR-2026-0043.')).toBeVisible();
    expect(window.location.hash).toBe(`#/cases/${CHILD_IDS.created}`);
    const [sent] = bridge.inputsOf('children.register');
    expect(sent?.birth).toEqual({ kind: 'estimated', estimatedAgeYears: 9, asOf: today });
    expect(sent).not.toHaveProperty('assignedCaseworkerId');
  });

  it('rejects an estimated age outside 0–25 at the field', async () => {
    const { bridge, user } = await openRegister();
    await fillBasics(user);
    const form = within(registerForm());
    await user.click(form.getByRole('radio', { name: 'Age is estimated' }));
    await user.type(form.getByLabelText('Estimated age (years)'), '40');
    await user.click(form.getByRole('button', { name: 'Register child' }));
    expect(await form.findByText('Enter an age from 0 to 25.')).toBeVisible();
    expect(bridge.countOf('children.register')).toBe(0);
  });

  it('a legal name may be "not known yet", but not silently left empty', async () => {
    const { bridge, user } = await openRegister();
    bridge.ok('children.register', { id: CHILD_IDS.created, caseCode: 'AR-2026-0043' });
    await fillBasics(user);
    const form = within(registerForm());
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    await user.clear(form.getByLabelText('Legal name'));
    await user.click(form.getByRole('button', { name: 'Register child' }));
    expect(form.getByLabelText('Legal name')).toHaveAccessibleDescription(
      /As on documents.*This is required\./,
    );
    expect(bridge.countOf('children.register')).toBe(0);

    const unknown = form.getByRole('checkbox', { name: 'Legal name not known yet' });
    expect(unknown).toHaveAccessibleDescription(/show the alias either way/);
    await user.click(unknown);
    expect(form.queryByLabelText('Legal name')).toBeNull();
    await user.click(form.getByRole('button', { name: 'Register child' }));
    await waitFor(() => expect(bridge.countOf('children.register')).toBe(1));
    expect(bridge.inputsOf('children.register')[0]).toMatchObject({
      legalName: null,
      preferredName: 'Nonoy',
    });
  });

  it('has no axe violations', async () => {
    await openRegister();
    await expectNoAxeViolations();
  });
});

describe('the alias', () => {
  it('suggests made-up initials, keeps what is typed, and refuses the real initials at the field', async () => {
    const { bridge, user } = await openRegister();
    const form = within(registerForm());
    const alias = form.getByLabelText('Alias');
    expect((alias as HTMLInputElement).value).toMatch(/^([A-Z]\.){3}$/);
    expect(alias).toHaveAccessibleDescription(/instead of the real ones/);
    await fillBasics(user);
    await user.type(form.getByLabelText('Date of birth'), '2014-06-01');
    await user.clear(alias);
    await user.type(alias, 'n.s');
    await user.click(form.getByRole('button', { name: 'Register child' }));
    await waitFor(() => expect(alias).toHaveAttribute('aria-invalid', 'true'));
    expect(alias).toHaveAccessibleDescription(/is the child's real initials/);
    expect(alias).toHaveValue('n.s');
    expect(bridge.countOf('children.register')).toBe(0);
    await user.clear(alias);
    await user.type(alias, '4B');
    await user.click(form.getByRole('button', { name: 'Register child' }));
    await waitFor(() =>
      expect(alias).toHaveAccessibleDescription(/two to four letters, such as R\.T\.L\./),
    );
    await user.clear(alias);
    await user.type(alias, 'kts');
    await user.click(form.getByRole('button', { name: 'Register child' }));
    await waitFor(() => expect(bridge.countOf('children.register')).toBe(1));
    expect(bridge.inputsOf('children.register')[0]).toMatchObject({ alias: 'kts' });
    await expectNoAxeViolations();
  });
});

describe('edit a child', () => {
  it('starts from the saved record and sends children.update with every field', async () => {
    const bridge = casesBridge();
    const updated = childRecord({ updatedAt: '2026-03-03T01:00:00.000Z' });
    bridge.ok('children.update', updated);
    const { user } = renderApp(bridge, { route: `/cases/${CHILD_IDS.maria}` });
    await user.click(await screen.findByRole('link', { name: 'Edit details' }));
    const form = await screen.findByRole('form', { name: "Edit the child's details" });
    const f = within(form);
    expect(f.getByLabelText('Legal name')).toHaveValue('Maria Clara dela Cruz');
    // The names come from the audited reveal, the only answer that carries them.
    expect(bridge.inputsOf('children.revealName')).toEqual([{ id: CHILD_IDS.maria }]);
    expect(f.getByRole('checkbox', { name: 'Legal name not known yet' })).not.toBeChecked();
    expect(f.getByLabelText('Date of birth')).toHaveValue('2013-05-14');
    await user.clear(f.getByLabelText('Preferred name'));
    await user.type(f.getByLabelText('Preferred name'), 'Clarita');
    await user.click(f.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('The details were saved.')).toBeVisible();
    expect(bridge.inputsOf('children.update')).toEqual([
      {
        id: CHILD_IDS.maria,
        legalName: 'Maria Clara dela Cruz',
        preferredName: 'Clarita',
        alias: 'R.T.L.',
        birth: { kind: 'dob', dateOfBirth: '2013-05-14' },
        sex: 'female',
        languages: ['Cebuano', 'Filipino'],
        referralSource: 'WCPC Region 7',
        referralDate: '2026-02-27',
        intakeDate: '2026-03-01',
        rescueDate: '2026-02-28',
        assignedCaseworkerId: IDS.caseworker,
      },
    ]);
  });
});
