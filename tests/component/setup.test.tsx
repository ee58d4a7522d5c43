import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FakeBridge } from './support/FakeBridge';
import { USERS, session, status } from './support/fixtures';
import { expectNoAxeViolations, findApp, renderApp } from './support/render';

// Crockford base32, like the backend's; every group has a 0 or 1 so look-alikes get exercised.
const KEY = '0AB1-C0DE-1FGH-J0K1-M1NP-Q0RS-T1VW-X0YZ';
const GROUPS = KEY.split('-');

function setupBridge() {
  return new FakeBridge()
    .ok('app.status', status({ state: 'setup', dataFolder: '/home/shelter/.config/Aruga' }))
    .ok('vault.create', (input) => ({
      recoveryKey: KEY,
      session: session({ displayName: input.adminDisplayName, username: input.adminUsername }),
    }))
    .ok('users.list', USERS);
}

async function fillSetup(
  user: ReturnType<typeof renderApp>['user'],
  password: string,
  confirm = password,
) {
  await user.type(screen.getByLabelText('Your display name'), 'Amihan Reyes');
  await user.type(screen.getByLabelText('Username'), 'Amihan.R');
  await user.type(screen.getByLabelText('Password'), password);
  await user.type(screen.getByLabelText('Confirm password'), confirm);
}

/** The group numbers the screen asks for, read from its labels ("Type group 3"). */
function askedGroups(): number[] {
  return screen
    .getAllByLabelText(/^Type group \d$/)
    .map((input) => Number(input.getAttribute('aria-label') ?? labelOf(input).match(/\d/)?.[0]));
}

function labelOf(input: HTMLElement): string {
  return document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '';
}

describe('setup', () => {
  it('shows the data folder and validates every field before creating the vault', async () => {
    const bridge = setupBridge();
    const { user } = renderApp(bridge);
    expect(await screen.findByRole('heading', { level: 1, name: 'Set up Aruga' })).toBeVisible();
    expect(screen.getByText('/home/shelter/.config/Aruga')).toBeVisible();
    expect(screen.getByLabelText('Time zone')).toHaveValue('Asia/Manila');

    await user.click(screen.getByRole('button', { name: 'Create vault' }));
    const name = screen.getByLabelText('Your display name');
    expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(name).toHaveAccessibleDescription('This is required.');
    expect(screen.getByLabelText('Username')).toHaveAccessibleDescription(
      /Use at least 3 characters\./,
    );
    expect(bridge.countOf('vault.create')).toBe(0);

    // A guessable password and a mismatched confirmation are caught client-side.
    await fillSetup(user, 'password123', 'password124');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/easy to guess/i);
    expect(screen.getByLabelText('Confirm password')).toHaveAccessibleDescription(
      "The two passwords don't match.",
    );
    expect(bridge.countOf('vault.create')).toBe(0);
    // Nothing typed was lost.
    expect(screen.getByLabelText('Your display name')).toHaveValue('Amihan Reyes');
    await expectNoAxeViolations();
  });

  it('has a live strength meter that explains its verdict', async () => {
    const { user } = renderApp(setupBridge());
    const password = await screen.findByLabelText('Password');
    const meter = screen.getByRole('meter', { name: 'Password strength' });
    expect(screen.getByText('Type a password to see how strong it is.')).toBeVisible();

    await user.type(password, 'abc');
    expect(password).toHaveAccessibleDescription(/Too short: use at least 10 characters\./);
    expect(Number(meter.getAttribute('value'))).toBeLessThanOrEqual(1);

    await user.clear(password);
    await user.type(password, 'password1234');
    expect(password).toHaveAccessibleDescription(/Easy to guess/);

    await user.clear(password);
    await user.type(password, 'violet kettle marching lanterns');
    expect(password).toHaveAccessibleDescription(/This password is strong enough\./);
    expect(Number(meter.getAttribute('value'))).toBeGreaterThanOrEqual(3);
  });

  it('creates the vault, then gates Continue on typing back two key groups', async () => {
    const bridge = setupBridge();
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { user } = renderApp(bridge);
    await screen.findByRole('heading', { name: 'Set up Aruga' });
    await fillSetup(user, 'violet kettle marching lanterns');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'Asia/Tokyo');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your recovery key' }),
    ).toBeVisible();
    expect(bridge.inputsOf('vault.create')).toEqual([
      {
        adminDisplayName: 'Amihan Reyes',
        adminUsername: 'amihan.r',
        adminPassword: 'violet kettle marching lanterns',
        timeZone: 'Asia/Tokyo',
      },
    ]);

    // The key in readable, numbered groups.
    const groups = within(screen.getByRole('region', { name: 'Recovery key in 8 groups' }))
      .getAllByRole('listitem')
      .map((li) => li.querySelector('code')?.textContent);
    expect(groups).toEqual(GROUPS);

    // Print: the browser's print, then the export is audited.
    await user.click(screen.getByRole('button', { name: 'Print recovery key' }));
    expect(print).toHaveBeenCalledOnce();
    expect(bridge.inputsOf('audit.recordExport')).toEqual([{ kind: 'recoveryKey' }]);
    expect(await screen.findByText('The recovery key was sent to the printer.')).toBeVisible();

    // Nothing to type while the key is showing: the check comes with the key out of sight.
    expect(screen.queryAllByLabelText(/^Type group \d$/)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'I have written it down' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Check that you have it' })).toHaveFocus();
    expect(screen.queryByRole('region', { name: 'Recovery key in 8 groups' })).toBeNull();
    for (const group of GROUPS) expect(document.body).not.toHaveTextContent(group);

    const [first, second] = askedGroups();
    expect(first).not.toBe(second);
    const continueButton = screen.getByRole('button', { name: 'Continue' });
    expect(continueButton).toBeDisabled();

    // Any case, and the look-alikes O for 0 and l for 1, are accepted (as the backend does).
    const typed = GROUPS[first! - 1]!.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    await user.type(screen.getByLabelText(`Type group ${first}`), typed);
    await user.type(screen.getByLabelText(`Type group ${second}`), 'ZZZZ');
    expect(screen.getByLabelText(`Type group ${second}`)).toHaveAccessibleDescription(
      "This doesn't match that group of your key.",
    );
    expect(continueButton).toBeDisabled();
    await expectNoAxeViolations();

    // Back to the key, and on to the check again: what was typed is kept.
    await user.click(screen.getByRole('button', { name: 'Show the key again' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Your recovery key' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Recovery key in 8 groups' })).toHaveTextContent(
      GROUPS[second! - 1]!,
    );
    await user.click(screen.getByRole('button', { name: 'I have written it down' }));
    const firstInput = screen.getByLabelText(`Type group ${first}`);
    const secondInput = screen.getByLabelText(`Type group ${second}`);
    expect(firstInput).toHaveValue(typed);
    await user.clear(secondInput);
    await user.type(secondInput, GROUPS[second! - 1]!);
    expect(screen.getByRole('button', { name: 'Continue' })).toBeEnabled();
    await expectNoAxeViolations();
    const continueEnabled = screen.getByRole('button', { name: 'Continue' });

    await user.click(continueEnabled);
    await findApp();
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
    // The key is gone once the screen is left.
    expect(document.body.textContent).not.toContain(GROUPS[3]);
    print.mockRestore();
  });

  it('shows a backend field error at its field', async () => {
    const bridge = setupBridge().fail('vault.create', {
      code: 'VALIDATION',
      message: 'validation',
      fields: { timeZone: 'timeZone.invalid' },
    });
    const { user } = renderApp(bridge);
    await screen.findByRole('heading', { name: 'Set up Aruga' });
    await fillSetup(user, 'violet kettle marching lanterns');
    await user.click(screen.getByRole('button', { name: 'Create vault' }));
    expect(await screen.findByText('Choose a time zone from the list.')).toBeVisible();
    expect(screen.getByLabelText('Time zone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.');
    expect(screen.getByLabelText('Password')).toHaveValue('violet kettle marching lanterns');
  });
});
