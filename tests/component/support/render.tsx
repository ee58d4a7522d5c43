// The one way a component test renders: the whole app at a route, or one part of it (`only`)
// signed in inside the same providers, as the app would host it.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { Profiler, type ReactElement, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { expect } from 'vitest';
import { App, createQueryClient } from '../../../renderer/App';
import { ApiProvider } from '../../../renderer/api/ApiContext';
import { createApiClient } from '../../../renderer/api/client';
import { AuthProvider, useAuth } from '../../../renderer/auth/AuthContext';
import { signedInSession } from '../../../renderer/auth/state';
import { DomainsContext } from '../../../renderer/frame/contributions';
import { DOMAINS } from '../../../renderer/frame/domains';
import type { RendererDomain } from '../../../renderer/frame/contributions';
import type { FakeBridge } from './FakeBridge';

export interface RenderOptions {
  /** Start at this route (e.g. '/audit'). */
  route?: string;
  /** For fake timers: user-event must advance them. */
  advanceTimers?: (ms: number) => unknown;
  /** Called on every React commit of the app (to prove a screen settles). */
  onCommit?: () => void;
  /** The domains the app shows, when a test adds one (default: the app's own). */
  domains?: readonly RendererDomain[];
  /** Render only this, once signed in, instead of the app's screens (e.g. one panel). */
  only?: ReactElement;
}

function WhenSignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  return signedInSession(state.gate) ? children : null;
}

/** The app's providers around one part of it, with the session the bridge reports. */
function Part({
  bridge,
  queryClient,
  domains = DOMAINS,
  children,
}: {
  bridge: FakeBridge;
  queryClient: QueryClient;
  domains?: readonly RendererDomain[];
  children: ReactElement;
}) {
  return (
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={createApiClient(bridge)}>
          <DomainsContext.Provider value={domains}>
            <MemoryRouter>
              <AuthProvider>
                <WhenSignedIn>{children}</WhenSignedIn>
              </AuthProvider>
            </MemoryRouter>
          </DomainsContext.Provider>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

export function renderApp(bridge: FakeBridge, options: RenderOptions = {}) {
  if (options.route) window.location.hash = `#${options.route}`;
  const queryClient: QueryClient = createQueryClient();
  const user = userEvent.setup(
    options.advanceTimers ? { advanceTimers: options.advanceTimers } : {},
  );
  const app = options.only ? (
    <Part bridge={bridge} queryClient={queryClient} domains={options.domains}>
      {options.only}
    </Part>
  ) : (
    <App bridge={bridge} queryClient={queryClient} domains={options.domains} />
  );
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
