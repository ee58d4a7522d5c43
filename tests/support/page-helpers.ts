// The few ways every end-to-end test names what it acts on: a button, a labelled field, a dialog,
// a status message, and signing in. Bound to a getter because each file opens its page in
// `beforeAll`, after these helpers are made.
import type { Locator, Page } from 'playwright-core';

export interface PageHelpers {
  button(name: string, scope?: Page | Locator): Locator;
  field(label: string, scope?: Page | Locator): Locator;
  dialog(name: string): Locator;
  /** Waits for a polite status message (role=status) containing `text`. */
  statusSays(text: string): Promise<void>;
  /**
   * Signs in from the sign-in screen and waits for `home` (the heading a role lands on), or for
   * the main navigation when no heading is named.
   */
  signIn(username: string, password: string, home?: string): Promise<void>;
}

export function pageHelpers(currentPage: () => Page): PageHelpers {
  const button = (name: string, scope: Page | Locator = currentPage()) =>
    scope.getByRole('button', { name, exact: true });
  const field = (label: string, scope: Page | Locator = currentPage()) =>
    scope.getByLabel(label, { exact: true });
  return {
    button,
    field,
    dialog: (name) => currentPage().getByRole('dialog', { name }),
    async statusSays(text) {
      await currentPage().getByRole('status').filter({ hasText: text }).first().waitFor();
    },
    async signIn(username, password, home) {
      const page = currentPage();
      await page.getByRole('heading', { level: 1, name: 'Sign in to Aruga' }).waitFor();
      await field('Username').fill(username);
      await field('Password').fill(password);
      await button('Sign in').click();
      await (
        home
          ? page.getByRole('heading', { level: 1, name: home })
          : page.getByRole('navigation', { name: 'Main' })
      ).waitFor();
    },
  };
}
