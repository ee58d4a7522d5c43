import type { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { Profiler } from 'react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';
import { App, createQueryClient } from '../../../renderer/App';
import type { FakeBridge } from './FakeBridge';

export interface RenderOptions {
  /** Start at this route (e.g. '/audit'). */
  route?: string;
  /** For fake timers: user-event must advance them. */
  advanceTimers?: (ms: number) => unknown;
  /** Called on every React commit of the app (to prove a screen settles). */
  onCommit?: () => void;
}

export function renderApp(bridge: FakeBridge, options: RenderOptions = {}) {
  if (options.route) window.location.hash = `#${options.route}`;
  const queryClient: QueryClient = createQueryClient();
  const user = userEvent.setup(
    options.advanceTimers ? { advanceTimers: options.advanceTimers } : {},
  );
  const app = <App bridge={bridge} queryClient={queryClient} />;
  const { onCommit } = options;
  const result = render(
    onCommit ? (
      <Profiler id="app" onRender={onCommit}>
        {app}
      </Profiler>
    ) : (
      app
    ),
  );
  return { ...result, user, queryClient };
}

/** The signed-in app is up once its navigation is. */
export async function findApp() {
  return screen.findByRole('navigation', { name: 'Main' });
}

/**
 * axe-core over the whole document. Colour contrast needs real layout, which jsdom lacks; the
 * end-to-end run in Chromium checks it.
 */
export async function expectNoAxeViolations() {
  // The ~400 time-zone <option>s make axe slow in jsdom and hold nothing of ours to check.
  const results = await axe.run(
    { include: [document.body], exclude: ['option'] },
    {
      rules: { 'color-contrast': { enabled: false } },
    },
  );
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary).toEqual([]);
}

/**
 * jsdom does no layout, so a scroll container is 0 px tall and a virtualizer shows no rows.
 * Give the audit table's scroll container a real height.
 */
export function stubScrollContainerHeight(height = 400) {
  const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('table-scroll') ? height : 0;
    },
  });
  return () => {
    if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
  };
}
