// Today on a demo vault (size M), as the coordinator who sees every shelter: the true number of overdue
// items (far past one page), paging, the kind and shelter filters, and grouping by child.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoVault, type DemoVault } from '../../electron/backend/demo/demo-vault';
import { expectNoAxeViolations, onScreen } from '../support/axe';
import { startE2eRun, type E2eRun } from '../support/e2e-run';
import { expectOk, harnessCall, TEST_KDF } from '../support/harness';

let run: E2eRun;
let page: Page;
let demo: DemoVault;

beforeAll(async () => {
  run = await startE2eRun({ open: false });
  demo = await createDemoVault({ folder: run.dataFolder, size: 'M', kdf: TEST_KDF });
  page = run.page;
}, 120_000);

afterAll(async () => {
  await run?.close();
});

async function overdueTotal(input: Record<string, unknown> = {}): Promise<number> {
  return expectOk(
    await harnessCall(run.harness, 'dashboard.agenda', { section: 'overdue', ...input } as never),
  ).total;
}

describe('Today on a demo vault', () => {
  it('counts every overdue item, pages through them, filters and groups them', async () => {
    const coordinator = demo.accounts.find((a) => a.role === 'coordinator')!;
    await page.goto(run.harness.url);
    await page.getByLabel('Username', { exact: true }).fill(coordinator.username);
    await page.getByLabel('Password', { exact: true }).fill(coordinator.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await onScreen(page, 'Today', 'today (coordinator, demo vault)');

    const total = await overdueTotal();
    expect(total).toBeGreaterThan(200);
    const section = page.locator('section[aria-labelledby="agenda-overdue"]');
    await section.getByRole('heading', { level: 2, name: `Overdue ${total} items` }).waitFor();
    expect(await section.locator('tbody tr').count()).toBe(50);
    const pager = section.getByRole('navigation', { name: 'Overdue: pages' });
    expect(await pager.getByRole('status').innerText()).toBe(`Showing 1–50 of ${total}.`);
    await pager.getByRole('button', { name: 'Next page' }).click();
    await pager.getByText(`Showing 51–100 of ${total}.`).waitFor();
    // Overdue is said in words, without a wall of bold red.
    expect(await section.locator('.overdue-note').first().innerText()).toMatch(
      /^\d+ days? overdue$/,
    );

    const filters = page.getByRole('form', { name: 'Filter the list' });
    await filters.getByLabel('Kind').selectOption({ label: 'Goal targets' });
    const goals = await overdueTotal({ kind: 'goal' });
    await section
      .getByRole('heading', { level: 2, name: new RegExp(`^Overdue ${goals} items?$`) })
      .waitFor();
    expect(goals).toBeLessThan(total);
    const shelter = (await filters.getByLabel('Shelter').locator('option').nth(1).textContent())!;
    await filters.getByLabel('Shelter').selectOption({ label: shelter });
    await filters.getByLabel('Group by').selectOption({ label: 'Child' });
    await section.getByRole('rowheader').first().waitFor();
    expect(await section.getByRole('rowheader').first().innerText()).toMatch(
      /^AR-\d{4}-\d{4} .+ · \d+ items?$/,
    );
    expect(page.url()).toContain('group=child');
    await expectNoAxeViolations(page, 'today, filtered and grouped');
    run.errors.assertNone();
  });
});
