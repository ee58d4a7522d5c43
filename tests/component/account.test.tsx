import { screen, within } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../renderer/i18n';
import { FakeBridge } from './support/FakeBridge';
import { ERR, status, therapistSession, unlocked } from './support/fixtures';
import { expectNoAxeViolations, renderApp } from './support/render';

function accountBridge() {
  return new FakeBridge().ok('app.status', unlocked(therapistSession()));
}

async function openForm() {
  await screen.findByRole('heading', { level: 1, name: 'My account' });
  return screen.getByRole('form', { name: 'Change your password' });
}

describe('change password', () => {
  it('shows the details and catches a mismatched confirmation at its field', async () => {
    const bridge = accountBridge();
    const { user } = renderApp(bridge, { route: '/account' });
    const form = await openForm();
    expect(screen.getByText('Luningning Santos', { selector: 'dd' })).toBeVisible();
    expect(screen.getByText('Therapist', { selector: 'dd' })).toBeVisible();
    await expectNoAxeViolations();

    const f = within(form);
    await user.type(f.getByLabelText('Current password'), 'old enough password');
    await user.type(f.getByLabelText('New password'), 'quiet river under seven bridges');
    await user.type(f.getByLabelText('Confirm new password'), 'quiet river under seven bridge');
    await user.click(f.getByRole('button', { name: 'Change password' }));

    const confirm = f.getByLabelText('Confirm new password');
    expect(confirm).toHaveAttribute('aria-invalid', 'true');
    expect(confirm).toHaveAccessibleDescription("The two passwords don't match.");
    expect(confirm).toHaveValue('quiet river under seven bridge');
    expect(bridge.countOf('account.changePassword')).toBe(0);
  });

  it('shows password.currentWrong from the backend at the current-password field', async () => {
    const bridge = accountBridge().failOnce(
      'account.changePassword',
      ERR.validation({ currentPassword: 'password.currentWrong' }),
    );
    const { user } = renderApp(bridge, { route: '/account' });
    const f = within(await openForm());
    await user.type(f.getByLabelText('Current password'), 'not my password');
    await user.type(f.getByLabelText('New password'), 'quiet river under seven bridges');
    await user.type(f.getByLabelText('Confirm new password'), 'quiet river under seven bridges');
    await user.click(f.getByRole('button', { name: 'Change password' }));

    const current = f.getByLabelText('Current password');
    expect(await f.findByText('The current password is not right.')).toBeVisible();
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('The current password is not right.');
    expect(f.getByLabelText('New password')).toHaveValue('quiet river under seven bridges');
  });

  it('changes the password and confirms it', async () => {
    const bridge = accountBridge().ok('account.changePassword', therapistSession());
    const { user } = renderApp(bridge, { route: '/account' });
    const f = within(await openForm());
    await user.type(f.getByLabelText('Current password'), 'old enough password');
    await user.type(f.getByLabelText('New password'), 'quiet river under seven bridges');
    await user.type(f.getByLabelText('Confirm new password'), 'quiet river under seven bridges');
    await user.click(f.getByRole('button', { name: 'Change password' }));
    expect(await f.findByText('Your password has been changed.')).toBeVisible();
    expect(bridge.inputsOf('account.changePassword')).toEqual([
      { currentPassword: 'old enough password', newPassword: 'quiet river under seven bridges' },
    ]);
    // The form is emptied: passwords are not kept around.
    expect(f.getByLabelText('New password')).toHaveValue('');
  });

  it('refuses a new password equal to the current one', async () => {
    const bridge = accountBridge();
    const { user } = renderApp(bridge, { route: '/account' });
    const f = within(await openForm());
    await user.type(f.getByLabelText('Current password'), 'quiet river under seven bridges');
    await user.type(f.getByLabelText('New password'), 'quiet river under seven bridges');
    await user.click(f.getByRole('button', { name: 'Change password' }));
    expect(f.getByLabelText('New password')).toHaveAccessibleDescription(
      /Choose a password different from the current one\./,
    );
    expect(bridge.countOf('account.changePassword')).toBe(0);
  });
});

describe('screen language', () => {
  // Stands in for the Filipino catalogue (its files arrive separately): one translated text is
  // enough to see the screen follow; every other text falls back to English.
  const FILIPINO_TITLE = 'Aking account';
  afterEach(async () => {
    await setLanguage('en');
    i18next.removeResourceBundle('fil', 'translation');
  });

  it('saves the choice with the account, and the screen and <html lang> follow at once', async () => {
    i18next.addResourceBundle('fil', 'translation', { account: { title: FILIPINO_TITLE } });
    const bridge = accountBridge().ok('account.setLanguage', therapistSession({ language: 'fil' }));
    const { user } = renderApp(bridge, { route: '/account' });
    await screen.findByRole('heading', { level: 1, name: 'My account' });
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    const picker = screen.getByLabelText('Language of the screens');
    expect(picker).toHaveValue('en');
    expect(within(picker).getByRole('option', { name: 'Filipino' })).toHaveAttribute('lang', 'fil');
    await expectNoAxeViolations();

    await user.selectOptions(picker, 'fil');
    expect(await screen.findByRole('heading', { level: 1, name: FILIPINO_TITLE })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('lang', 'fil');
    expect(bridge.inputsOf('account.setLanguage')).toEqual([{ language: 'fil' }]);
    expect(screen.getByLabelText('Language of the screens')).toHaveValue('fil');
  });

  it("opens the sign-in screen in this computer's last language", async () => {
    renderApp(new FakeBridge().ok('app.status', status({ language: 'ceb' })));
    await screen.findByRole('heading', { level: 1, name: 'Sign in to Aruga' });
    await expect.poll(() => document.documentElement.getAttribute('lang')).toBe('ceb');
  });
});
