// The harness stands in for Electron's window: when the last page goes away the vault locks, as
// closing the window would, so the next browser on the same address meets the sign-in screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/bridge';
import { onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { createVaultWithStaff } from '../support/seed';

const ADMIN = {
  displayName: 'Dalisay Harness Admin',
  username: 'dalisay.admin',
  password: 'quiet river mango 3381 sail',
};

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  await createVaultWithStaff(run.harness, ADMIN, 'Asia/Manila', []);
});

afterAll(async () => {
  await run?.close();
});

describe('the browser harness session', () => {
  it('survives a reload, and locks when the last page closes', async () => {
    const page = run.page;
    await page.goto(run.harness.url);
    await onScreen(page, 'Users', 'users, signed in');
    await page.reload();
    await onScreen(page, 'Users', 'users after a reload');

    const locked = new Promise<BackendEvent>((resolve) => {
      const off = run.harness.backend.onEvent((event) => {
        off();
        resolve(event);
      });
    });
    await page.close();
    expect(await locked).toEqual({ type: 'locked', reason: 'system' });

    const next = await run.browser.context.newPage();
    await next.goto(run.harness.url);
    await next
      .getByRole('heading', { level: 1, name: /Aruga is locked|Sign in to Aruga/ })
      .waitFor({ timeout: 15_000 });
    expect(await next.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await next.getByRole('heading', { level: 1, name: 'Users' }).count()).toBe(0);
  });
});
