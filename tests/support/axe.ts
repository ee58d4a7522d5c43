// axe-core on the live page: every screen must have zero violations (all default rules).
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expectReadableControls } from './contrast';
import { expectConsistentLook } from './look';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One readable block per violation: rule id, impact, help, and each node's target. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .map((node) =>
          `    - ${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`.trimEnd(),
        )
        .join('\n');
      return `  ${violation.id} [${violation.impact ?? 'unknown'}] ${violation.help}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Runs axe on `page` and throws a readable list if anything is violated. `screen` names the
 * screen in the message; `configure` may narrow the run (e.g. `b => b.include('#dialog')`).
 */
export async function expectNoAxeViolations(
  page: Page,
  screen: string,
  configure: (builder: AxeBuilder) => AxeBuilder = (builder) => builder,
): Promise<void> {
  const results = await configure(new AxeBuilder({ page })).analyze();
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} violation(s) on "${screen}":\n` +
        formatViolations(results.violations),
    );
  }
}

/**
 * Waits for the screen whose level-1 heading is `title`, then checks it with axe, checks that
 * every button on it can be read against its own background, and that it keeps the app's one look.
 */
export async function onScreen(
  page: Page,
  title: string | RegExp,
  axeLabel: string,
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
  await expectNoAxeViolations(page, axeLabel);
  await expectReadableControls(page, axeLabel);
  await expectConsistentLook(page, axeLabel);
}
