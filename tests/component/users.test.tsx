import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { UserSummary } from '../../shared/contract';
import { FakeBridge } from './support/FakeBridge';
import { ERR, IDS, USERS, session, unlocked, user as userFixture } from './support/fixtures';
import { expectNoAxeViolations, renderApp } from './support/render';
import { SHELTERS } from './support/shelters';

/** The shelters that exist, to pick from; only ids and names matter here. */
const EXISTING_SHELTERS = ['Bahay Silungan', 'Tahanan ng Pag-asa', 'Balay Kalipay'].map(
  (name, i) => ({ ...SHELTERS[0]!, id: `0190a5d4-6c1e-7a3b-8c2d-00000000000${i}`, name }),
);

function usersBridge(users: UserSummary[] = USERS) {
  return new FakeBridge()
    .ok('app.status', unlocked())
    .ok('users.list', users)
    .ok('shelters.list', EXISTING_SHELTERS);
}

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('cell', { name: new RegExp(`^${name}`) }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

async function fillCreateForm(user: ReturnType<typeof renderApp>['user']) {
  const form = screen.getByRole('form', { name: 'Add a user' });
  const f = within(form);
  await user.type(f.getByLabelText('Display name'), 'Tala Mendoza');
  await user.type(f.getByLabelText('Username'), 'tala');
  await user.selectOptions(f.getByLabelText('Role'), 'Therapist');
  const shelters = f.getByRole('group', { name: 'Shelters' });
  // Only shelters that exist, ticked by keyboard: Tab to the box, Space to tick.
  await user.click(within(shelters).getByRole('checkbox', { name: 'Bahay Silungan' }));
  await user.tab();
  await user.tab();
  expect(within(shelters).getByRole('checkbox', { name: 'Balay Kalipay' })).toHaveFocus();
  await user.keyboard(' ');
  await user.keyboard(' ');
  await user.click(within(shelters).getByRole('checkbox', { name: 'Tahanan ng Pag-asa' }));
  await user.type(f.getByLabelText('Temporary password'), 'copper lantern river ninety');
  return form;
}

describe('users', () => {
  it('lists staff with role, shelters, status and last sign-in in the vault time zone', async () => {
    renderApp(usersBridge());
    const table = await screen.findByRole('table', { name: 'Staff accounts' });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((th) => th.textContent);
    expect(headers).toEqual([
      'Name and username',
      'Role',
      'Shelters',
      'Status',
      'Last sign-in',
      'Actions',
    ]);
    await within(table).findByRole('cell', { name: /^Bayani Cruz/ });
    // 02:30 UTC is 10:30 AM in Asia/Manila.
    expect(rowOf('Amihan Reyes')).toHaveTextContent('01/15/2025 10:30 AM');
    expect(rowOf('Bayani Cruz')).toHaveTextContent('Caseworker');
    expect(rowOf('Bayani Cruz')).toHaveTextContent('Bahay Pag-asa, Tahanan');
    expect(rowOf('Bayani Cruz')).toHaveTextContent('Must change password');
    expect(rowOf('Bayani Cruz')).toHaveTextContent('Never');
    expect(rowOf('Dalisay Santos')).toHaveTextContent('Disabled');
    // No actions on a disabled account, and no way to disable yourself.
    expect(within(rowOf('Dalisay Santos')).queryAllByRole('button')).toHaveLength(0);
    expect(within(rowOf('Amihan Reyes')).queryByRole('button', { name: /^Disable/ })).toBeNull();
    expect(
      within(rowOf('Bayani Cruz')).getByRole('button', { name: 'Disable Bayani Cruz' }),
    ).toBeVisible();
    await expectNoAxeViolations();
  });

  it('shows a backend field error (username.taken) at the field and keeps everything typed', async () => {
    const bridge = usersBridge().failOnce(
      'users.create',
      ERR.validation({ username: 'username.taken' }),
    );
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const form = await fillCreateForm(user);
    await user.click(within(form).getByRole('button', { name: 'Add user' }));

    const username = within(form).getByLabelText('Username');
    await waitFor(() => expect(username).toHaveAttribute('aria-invalid', 'true'));
    expect(username).toHaveAccessibleDescription(/That username is already taken\./);
    expect(username).toHaveFocus();
    expect(within(form).getByRole('alert')).toHaveTextContent('Some fields need attention.');
    // Nothing typed is lost.
    expect(username).toHaveValue('tala');
    expect(within(form).getByLabelText('Display name')).toHaveValue('Tala Mendoza');
    expect(within(form).getByLabelText('Role')).toHaveValue('therapist');
    expect(within(form).getByLabelText('Temporary password')).toHaveValue(
      'copper lantern river ninety',
    );
    const ticked = within(within(form).getByRole('group', { name: 'Shelters' }))
      .getAllByRole('checkbox', { checked: true })
      .map((box) => (box as HTMLInputElement).value);
    expect(ticked).toEqual(['Bahay Silungan', 'Tahanan ng Pag-asa']);
  });

  it('says at the field when a shelter does not exist (any more)', async () => {
    const bridge = usersBridge().failOnce(
      'users.create',
      ERR.validation({ shelterScope: 'shelterScope.unknown' }),
    );
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const form = await fillCreateForm(user);
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    const shelters = within(form).getByRole('group', { name: 'Shelters' });
    await waitFor(() => expect(shelters).toHaveAttribute('aria-invalid', 'true'));
    expect(shelters).toHaveAccessibleDescription(
      /That is not a shelter in Aruga\. Choose shelters from the list\./,
    );
    await expectNoAxeViolations();
  });

  it('creates a user and refreshes the list', async () => {
    const created = userFixture({
      id: IDS.newUser,
      displayName: 'Tala Mendoza',
      username: 'tala',
      role: 'therapist',
      mustChangePassword: true,
      lastSignInAt: null,
    });
    const bridge = usersBridge().ok('users.create', created);
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const form = await fillCreateForm(user);
    bridge.ok('users.list', [...USERS, created]);
    await user.click(within(form).getByRole('button', { name: 'Add user' }));

    expect(
      await screen.findByText(
        'Tala Mendoza was added. They must change the temporary password at first sign-in.',
      ),
    ).toBeVisible();
    expect(bridge.inputsOf('users.create')).toEqual([
      {
        displayName: 'Tala Mendoza',
        username: 'tala',
        role: 'therapist',
        shelterScope: ['Bahay Silungan', 'Tahanan ng Pag-asa'],
        temporaryPassword: 'copper lantern river ninety',
      },
    ]);
    expect(await screen.findByRole('cell', { name: /^Tala Mendoza/ })).toBeVisible();
    expect(within(form).getByLabelText('Display name')).toHaveValue('');
  });

  it('rejects a weak temporary password before calling the backend', async () => {
    const bridge = usersBridge();
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const form = screen.getByRole('form', { name: 'Add a user' });
    await user.type(within(form).getByLabelText('Display name'), 'Tala Mendoza');
    await user.type(within(form).getByLabelText('Username'), 'tala');
    await user.type(within(form).getByLabelText('Temporary password'), 'tala12345');
    await user.click(within(form).getByRole('button', { name: 'Add user' }));
    expect(within(form).getByLabelText('Temporary password')).toHaveAccessibleDescription(
      /Use at least 10 characters\./,
    );
    expect(bridge.countOf('users.create')).toBe(0);
  });

  it('resets a password in a labelled dialog and returns focus', async () => {
    const bridge = usersBridge().ok('users.resetPassword', null);
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const open = screen.getByRole('button', { name: 'Reset password for Bayani Cruz' });
    await user.click(open);

    const dialog = screen.getByRole('dialog', { name: 'Reset password for Bayani Cruz' });
    const input = within(dialog).getByLabelText('Temporary password');
    expect(input).toHaveFocus();
    await user.type(input, 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Set temporary password' }));
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(bridge.countOf('users.resetPassword')).toBe(0);

    await user.clear(input);
    await user.type(input, 'harbor maple quilt seventeen');
    await user.click(within(dialog).getByRole('button', { name: 'Set temporary password' }));
    expect(await screen.findByText('A temporary password was set for Bayani Cruz.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(bridge.inputsOf('users.resetPassword')).toEqual([
      { userId: IDS.caseworker, temporaryPassword: 'harbor maple quilt seventeen' },
    ]);
  });

  it('disables a user after a confirmation that explains the key slot is deleted', async () => {
    const bridge = usersBridge().ok('users.disable', null);
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    await user.click(screen.getByRole('button', { name: 'Disable Bayani Cruz' }));
    const dialog = screen.getByRole('dialog', { name: 'Disable Bayani Cruz?' });
    expect(dialog).toHaveTextContent('Their key slot is deleted from the keyring');
    await expectNoAxeViolations();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.countOf('users.disable')).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Disable Bayani Cruz' }));
    await user.click(
      within(screen.getByRole('dialog')).getByRole('button', { name: 'Disable user' }),
    );
    expect(await screen.findByText('Bayani Cruz was disabled.')).toBeVisible();
    expect(bridge.inputsOf('users.disable')).toEqual([{ userId: IDS.caseworker }]);
    // The row's buttons go with the account: focus waits on the heading, not on the opener.
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1, name: 'Users' })).toHaveFocus(),
    );
  });

  it('shows a backend refusal inside the dialog', async () => {
    const bridge = usersBridge().fail('users.disable', {
      code: 'FORBIDDEN',
      message: 'cannotDisableSelf',
    });
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    await user.click(screen.getByRole('button', { name: 'Disable Bayani Cruz' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Disable user' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot disable your own account.',
    );
  });

  /** Bayani works in one shelter that exists, by its id (a scope may name a shelter either way). */
  const bayaniInSilungan = () =>
    USERS.map((u) =>
      u.id === IDS.caseworker ? { ...u, shelterScope: [EXISTING_SHELTERS[0]!.id] } : u,
    );

  it('edits a user’s role and shelters in a dialog; the list shows them by name', async () => {
    const bridge = usersBridge(bayaniInSilungan());
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const open = screen.getByRole('button', { name: 'Edit access for Bayani Cruz' });
    await user.click(open);
    const dialog = screen.getByRole('dialog', { name: 'Edit access for Bayani Cruz' });
    const role = within(dialog).getByLabelText('Role');
    expect(role).toHaveValue('caseworker');
    const shelters = within(dialog).getByRole('group', { name: 'Shelters' });
    const box = (name: string) => within(shelters).getByRole('checkbox', { name });
    expect(box('Bahay Silungan')).toBeChecked();
    await expectNoAxeViolations();

    await user.selectOptions(role, 'Coordinator');
    await user.click(box('Bahay Silungan'));
    await user.click(box('Balay Kalipay'));
    const saved = { ...USERS[1]!, role: 'coordinator' as const, shelterScope: ['Balay Kalipay'] };
    bridge.ok('users.update', saved).ok('users.list', [USERS[0]!, saved, USERS[2]!]);
    await user.click(within(dialog).getByRole('button', { name: 'Save access' }));

    expect(await screen.findByText('The access of Bayani Cruz was saved.')).toBeVisible();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(bridge.inputsOf('users.update')).toEqual([
      { userId: IDS.caseworker, role: 'coordinator', shelterScope: ['Balay Kalipay'] },
    ]);
    await waitFor(() => expect(rowOf('Bayani Cruz')).toHaveTextContent('Coordinator'));
    expect(rowOf('Bayani Cruz')).toHaveTextContent('Balay Kalipay');
  });

  it('keeps a refusal of one’s own role at the role field, with everything chosen', async () => {
    const bridge = usersBridge().failOnce('users.update', ERR.validation({ role: 'role.ownRole' }));
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    await user.click(screen.getByRole('button', { name: 'Edit access for Amihan Reyes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit access for Amihan Reyes' });
    const role = within(dialog).getByLabelText('Role');
    await user.selectOptions(role, 'Coordinator');
    await user.click(within(dialog).getByRole('checkbox', { name: 'Tahanan ng Pag-asa' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save access' }));

    await waitFor(() => expect(role).toHaveAttribute('aria-invalid', 'true'));
    expect(role).toHaveAccessibleDescription(
      'You cannot change your own role. Ask another administrator to do it.',
    );
    expect(role).toHaveFocus();
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(role).toHaveValue('coordinator');
    expect(within(dialog).getByRole('checkbox', { name: 'Tahanan ng Pag-asa' })).toBeChecked();
    await expectNoAxeViolations();
  });

  it('works by keyboard: a modal dialog, every control reached by Tab, Cancel returns focus', async () => {
    // jsdom has no inert page behind a modal <dialog>: showModal is what traps focus in the
    // browser (the end-to-end keyboard test checks the trap itself).
    const showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
    const bridge = usersBridge(bayaniInSilungan());
    const { user } = renderApp(bridge);
    await screen.findByRole('cell', { name: /^Bayani Cruz/ });
    const open = screen.getByRole('button', { name: 'Edit access for Bayani Cruz' });
    open.focus();
    await user.keyboard('{Enter}');
    const dialog = screen.getByRole('dialog', { name: 'Edit access for Bayani Cruz' });
    expect(showModal).toHaveBeenCalledTimes(1);
    const role = within(dialog).getByLabelText('Role');
    expect(role).toHaveFocus();
    const order = [
      ...within(dialog).getAllByRole('checkbox'),
      within(dialog).getByRole('button', { name: 'Cancel' }),
      within(dialog).getByRole('button', { name: 'Save access' }),
    ];
    for (const next of order) {
      await user.tab();
      expect(next).toHaveFocus();
    }
    await user.tab({ shift: true });
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(open).toHaveFocus();
    expect(bridge.countOf('users.update')).toBe(0);
    showModal.mockRestore();
  });

  it('is reachable from the admin home and nowhere for other roles', async () => {
    renderApp(usersBridge().ok('app.status', unlocked(session())));
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
  });
});
