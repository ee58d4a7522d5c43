import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter } from 'react-router';
import type { ArugaBridge } from '../shared/bridge';
import { ApiProvider } from './api/ApiContext';
import { createApiClient } from './api/client';
import { AuthProvider } from './auth/AuthContext';
import { DomainsContext, type RendererDomain } from './frame/contributions';
import { DOMAINS } from './frame/domains';
import { initI18n } from './i18n';
import { Root } from './Root';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Errors are typed answers (FORBIDDEN, VALIDATION…), not flaky networks: never retry.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}

interface AppProps {
  bridge: ArugaBridge;
  queryClient?: QueryClient;
  /** The domains it shows (default: the app's own, frame/domains.ts); tests may add one. */
  domains?: readonly RendererDomain[];
}

/** The whole renderer, given the bridge (window.aruga in the app; a fake in component tests). */
export function App({ bridge, queryClient, domains = DOMAINS }: AppProps) {
  const [client] = useState(() => createApiClient(bridge));
  const [queries] = useState(() => queryClient ?? createQueryClient());
  const [i18n] = useState(initI18n);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queries}>
        <ApiProvider client={client}>
          <DomainsContext.Provider value={domains}>
            {/*
            Hash routing works the same from app:// and from the harness's http://127.0.0.1.
            Without transitions a navigation lands in the same render as the state change made
            beside it: signing in someone new goes home before any screen of the previous
            session's route can mount and fetch its records.
          */}
            <HashRouter useTransitions={false}>
              <AuthProvider>
                <Root />
              </AuthProvider>
            </HashRouter>
          </DomainsContext.Provider>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
