// Renders the PlacementPanel on its own, signed in through the real AuthProvider, the way the
// case file hosts it (inside a section whose h2 the case file owns).
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import type { CaseFile } from '../../../shared/children/contract';
import { createQueryClient } from '../../../renderer/App';
import { ApiProvider } from '../../../renderer/api/ApiContext';
import { createApiClient } from '../../../renderer/api/client';
import { AuthProvider, useAuth } from '../../../renderer/auth/AuthContext';
import { signedInSession } from '../../../renderer/auth/state';
import { PlacementPanel } from '../../../renderer/domains/shelters/PlacementPanel';
import type { FakeBridge } from './FakeBridge';

function WhenSignedIn({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  return signedInSession(state.gate) ? children : null;
}

/** The case file's stand-in: a main landmark, its h1, and the placement section's h2. */
function Host({ caseFile }: { caseFile: CaseFile }) {
  return (
    <main>
      <h1>Case file</h1>
      <section aria-labelledby="placement-heading">
        <h2 id="placement-heading">Placement</h2>
        <PlacementPanel caseFile={caseFile} />
      </section>
    </main>
  );
}

export function renderPanel(bridge: FakeBridge, caseFile: CaseFile) {
  const queryClient = createQueryClient();
  const user = userEvent.setup();
  const result = render(
    <I18nextProvider i18n={i18next}>
      <QueryClientProvider client={queryClient}>
        <ApiProvider client={createApiClient(bridge)}>
          <MemoryRouter>
            <AuthProvider>
              <WhenSignedIn>
                <Host caseFile={caseFile} />
              </WhenSignedIn>
            </AuthProvider>
          </MemoryRouter>
        </ApiProvider>
      </QueryClientProvider>
    </I18nextProvider>,
  );
  return { ...result, user, queryClient };
}
