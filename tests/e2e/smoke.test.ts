// The real renderer on the real backend in Chromium: the first screen of a fresh install.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall } from '../support/harness';

let run: E2eRun;

beforeAll(async () => {
  run = await startE2eRun();
});

afterAll(async () => {
  await run?.close();
});

it('shows the setup screen on a fresh data folder, with zero axe violations', async () => {
  const status = expectOk(await harnessCall(run.harness, 'app.status', {}));
  expect(status.state).toBe('setup');
  const heading = run.page.getByRole('heading', { level: 1 });
  await expect.poll(() => heading.count(), { timeout: 15_000 }).toBe(1);
  expect((await heading.textContent())?.trim()).not.toBe('');
  // A form to create the vault: the administrator's password at least.
  await expect.poll(() => run.page.getByLabel(/password/i).count()).toBeGreaterThan(0);
  await expectNoAxeViolations(run.page, 'setup');
  run.errors.assertNone();
});

it('loads under the strict CSP with no inline code and no external requests', async () => {
  const external: string[] = [];
  run.page.on('request', (request) => {
    if (!request.url().startsWith(run.harness.url) && !request.url().startsWith('data:')) {
      external.push(request.url());
    }
  });
  const response = await run.page.reload();
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect.poll(() => run.page.getByRole('heading', { level: 1 }).count()).toBe(1);
  expect(external).toEqual([]);
  run.errors.assertNone();
});
